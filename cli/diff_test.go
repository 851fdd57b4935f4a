package cli

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

// TestDiffGolden: what changed between the Berlin conference and September
// 2023 on the embedded briefing, as JSON and as text (data's TestLibyaDiff
// checks the facts one by one).
func TestDiffGolden(t *testing.T) {
	checkGoldenRuns(t, []goldenRun{
		{"diff-2020-01-19-2023-09-30.json", []string{"diff", "--from", "2020-01-19", "--to", "2023-09-30", "--json"}},
		{"diff-2020-01-19-2023-09-30.txt", []string{"diff", "--from", "2020-01-19", "--to", "2023-09-30"}},
	})
}

func TestDiffJSONShape(t *testing.T) {
	code, out, errs := run("diff", "--from", "2020-01-19", "--to", "2023-09-30", "--json")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var d struct {
		From, To string
		Zones    []struct {
			FromController string   `json:"from_controller"`
			ToController   string   `json:"to_controller"`
			AreaKM2        float64  `json:"area_km2"`
			Places         []string `json:"places"`
		}
		Places []struct {
			ID         string `json:"id"`
			HolderFrom string `json:"holder_from"`
			HolderTo   string `json:"holder_to"`
			StatusFrom string `json:"status_from"`
			StatusTo   string `json:"status_to"`
		}
		Deployments struct{ Arrived, Left []string }
		Events      []string
	}
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatal(err)
	}
	if d.From != "2020-01-19" || d.To != "2023-09-30" {
		t.Errorf("from %q to %q", d.From, d.To)
	}
	var tarhuna bool
	for _, z := range d.Zones {
		if slices.Contains(z.Places, "tarhuna") && z.FromController == "lna" && z.ToController == "gnu" && z.AreaKM2 > 1000 {
			tarhuna = true
		}
		if slices.Contains(z.Places, "sirte") {
			t.Errorf("Sirte changed hands: %+v", z)
		}
	}
	if !tarhuna {
		t.Errorf("no LNA → GNU change with Tarhuna in %+v", d.Zones)
	}
	if !slices.Contains(d.Deployments.Arrived, "d2023-wagner") || !slices.Contains(d.Deployments.Left, "d2020-wagner") {
		t.Errorf("deployments %+v", d.Deployments)
	}
}

func TestDiffBadInput(t *testing.T) {
	cases := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"diff", "--from", "2023-09-30", "--to", "2020-01-19"}, ExitInput, "briefmap: diff: 2020-01-19 is before 2023-09-30: give the earlier date first\n"},
		{[]string{"diff", "--from", "2020-01-19", "--to", "2020-01-19"}, ExitInput, "briefmap: diff: both dates are 2020-01-19: compare two different dates\n"},
		{[]string{"diff", "--from", "2010-01-01", "--to", "2020-01-19"}, ExitInput, "briefmap: diff: 2010-01-01 is outside the briefing's time range, 2019-06-27 to "},
		{[]string{"diff", "--from", "2020-01-19", "--to", "2030-01-01"}, ExitInput, "briefmap: diff: 2030-01-01 is outside the briefing's time range"},
		{[]string{"diff", "--from", "2020-02-30", "--to", "2021-01-01"}, ExitInput, "briefmap: diff: --from: date \"2020-02-30\" does not exist\n"},
		{[]string{"diff", "--from", "2020-01-19"}, ExitUsage, "briefmap: diff: give both --from and --to\n"},
	}
	for _, c := range cases {
		code, out, errs := run(c.args...)
		if code != c.code || out != "" || !strings.HasPrefix(errs, c.want) {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want exit %d and %q", c.args, code, out, errs, c.code, c.want)
		}
		if c.code == ExitInput && strings.Count(errs, "\n") != 1 {
			t.Errorf("%q: %d lines on stderr, want one", c.args, strings.Count(errs, "\n"))
		}
	}
}

func TestTimeline(t *testing.T) {
	code, out, errs := run("timeline", "--json")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	golden(t, "timeline.json", []byte(out))
	var tl []struct {
		Date     string
		Snapshot string
		Changes  []struct{ Kind, ID, What string }
	}
	if err := json.Unmarshal([]byte(out), &tl); err != nil {
		t.Fatal(err)
	}
	var snaps []string
	for i, d := range tl {
		if i > 0 && d.Date <= tl[i-1].Date {
			t.Errorf("dates out of order: %s after %s", d.Date, tl[i-1].Date)
		}
		if d.Snapshot != "" {
			snaps = append(snaps, d.Date)
		}
		if d.Changes == nil {
			t.Errorf("%s: changes is null, want a list", d.Date)
		}
	}
	want := []string{"2019-07-01", "2020-01-19", "2020-05-20", "2020-10-23", "2021-03-15", "2023-09-30"}
	if !slices.Equal(snaps, want) {
		t.Errorf("snapshots %v, want %v", snaps, want)
	}
	code, text, _ := run("timeline")
	if code != ExitOK || !strings.Contains(text, "2020-01-19  ★ Berlin conference\n") || !strings.Contains(text, "\n  + force arrives: Wagner Group mercenaries\n") {
		t.Errorf("timeline text (exit %d) lacks the Berlin bookmark or Wagner's arrival:\n%s", code, text[:min(len(text), 600)])
	}
}
