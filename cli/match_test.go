package cli

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
	"testing"
)

func TestMatchJSON(t *testing.T) {
	text := "Khaled Haftar said General Hifter’s men and the Tripoli government met near the Gulf of Sidra; Russia and russia."
	cases := []struct {
		name string
		args []string
		want string // "id@start-end" joined by " "
	}{
		{"default date", []string{"match", "--json", "--briefing", good, text},
			"haftar@19-33 gna@50-68 russia@97-103"},
		{"after the alias expired", []string{"match", "--briefing", good, "--date", "2023-09-30", "--json", text},
			"haftar@19-33 tripoli@50-57 russia@97-103"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, out, errs := run(c.args...)
			if code != ExitOK {
				t.Fatalf("exit %d: %s", code, errs)
			}
			var ms []mention
			if err := json.Unmarshal([]byte(out), &ms); err != nil {
				t.Fatalf("not JSON: %v\n%s", err, out)
			}
			var got []string
			for _, m := range ms {
				if m.Start < 0 || m.End > len(text) || m.Start >= m.End {
					t.Fatalf("mention %+v outside the text", m)
				}
				if m.Name == "" || m.Alias == "" || m.Kind == "" {
					t.Errorf("mention %+v lacks a field", m)
				}
				got = append(got, m.ID+"@"+strconv.Itoa(m.Start)+"-"+strconv.Itoa(m.End))
			}
			if g := strings.Join(got, " "); g != c.want {
				t.Errorf("matches = %s, want %s\n%s", g, c.want, out)
			}
		})
	}
}

func TestMatchStdinAndText(t *testing.T) {
	var out, errs bytes.Buffer
	e := &Env{Stdin: strings.NewReader("Al-Sarraj met Haftar in Sirte.\n"), Stdout: &out, Stderr: &errs}
	if code := RunWith(e, []string{"match", "--briefing", good, "-"}); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs.String())
	}
	want := "0–9 \"Al-Sarraj\" → actor sarraj (Fayez al-Sarraj) via \"al-Sarraj\"\n" +
		"14–20 \"Haftar\" → actor haftar (Khalifa Haftar) via \"Haftar\"\n" +
		"24–29 \"Sirte\" → place sirte (Sirte)\n"
	if out.String() != want {
		t.Errorf("stdout:\n%s\nwant:\n%s", out.String(), want)
	}
	// Nothing named: an empty JSON list, and a sentence in text.
	code, o, _ := run("match", "--json", "--briefing", good, "nobody here")
	if code != ExitOK || o != "[]\n" {
		t.Errorf("match --json of no names: exit %d, %q", code, o)
	}
	code, o, _ = run("match", "--briefing", good, "nobody here")
	if code != ExitOK || o != "No actor or place named.\n" {
		t.Errorf("match of no names: exit %d, %q", code, o)
	}
}

func TestMatchEmbedded(t *testing.T) {
	code, out, errs := run("match", "--json", "General Hifter and Fayez al-Sarraj met in Berlin.")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, id := range []string{`"id": "haftar"`, `"id": "sarraj"`} {
		if !strings.Contains(out, id) {
			t.Errorf("output lacks %s:\n%s", id, out)
		}
	}
}

func TestMatchErrors(t *testing.T) {
	checkExits(t, []exitCase{
		{[]string{"match"}, ExitUsage, "briefmap: match takes one TEXT (quote it), or - to read standard input"},
		{[]string{"match", "a", "b"}, ExitUsage, "briefmap: match takes one TEXT (quote it), or - to read standard input"},
		{[]string{"match", "--date", "2020-13-01", "Haftar"}, ExitInput, `briefmap: match: --date: date "2020-13-01" does not exist`},
		{[]string{"match", "--briefing", "nowhere", "Haftar"}, ExitInput, "briefmap: match: load briefing: stat nowhere: no such file or directory"},
		{[]string{"match", "--", "-Haftar-"}, ExitOK, ""},
	})
}
