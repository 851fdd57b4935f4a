package cli

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/briefmap/briefmap/internal/pkgtest"
)

func TestQuotesGolden(t *testing.T) {
	checkGoldenRuns(t, []goldenRun{
		{"quotes-all.json", []string{"quotes", "--json"}},
		{"quotes-about-haftar.json", []string{"quotes", "--about", "haftar", "--json"}},
		{"quotes-text-about-wagner.txt", []string{"quotes", "--about", "wagner"}},
		{"quotes-text-of-2023-source.txt", []string{"quotes", "--about", "aggregator-2023"}}, // an approximate date: "c. "
	})
}

// TestQuotesJSON checks the shape of quotes --json on the embedded briefing.
func TestQuotesJSON(t *testing.T) {
	code, out, errs := run("quotes", "--json")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var qs []map[string]any
	if err := json.Unmarshal([]byte(out), &qs); err != nil {
		t.Fatalf("not a JSON array: %v", err)
	}
	b := pkgtest.Load(t, "")
	if len(qs) != len(b.Excerpts) {
		t.Errorf("%d quotes, want %d", len(qs), len(b.Excerpts))
	}
	for _, q := range qs {
		for _, k := range []string{"id", "source", "publisher", "date", "text", "about"} {
			if v, ok := q[k]; !ok || v == "" {
				t.Errorf("quote %v: %q missing or empty", q["id"], k)
			}
		}
	}
}

func TestQuotesFilter(t *testing.T) {
	b := pkgtest.Load(t, good)
	cases := []struct {
		about string
		want  string
		err   string
	}{
		{"", "econ-haftar-controls-most nyt-hifter-backers econ-sarraj econ-ports econ-wagner", ""},
		{"haftar", "econ-haftar-controls-most nyt-hifter-backers econ-ports", ""},
		{"z-east", "econ-haftar-controls-most", ""},
		{"nyt-2020", "nyt-hifter-backers", ""},
		{"econ-ports", "econ-ports", ""},
		{"sirte", "", ""},
		{"nobody", "", `--about: no record has id "nobody"`},
	}
	for _, c := range cases {
		qs, err := quotes(b, c.about)
		if c.err != "" {
			if err == nil || err.Error() != c.err {
				t.Errorf("quotes(%q) error = %v, want %q", c.about, err, c.err)
			}
			continue
		}
		var ids []string
		for _, q := range qs {
			ids = append(ids, q.ID)
		}
		if got := strings.Join(ids, " "); err != nil || got != c.want {
			t.Errorf("quotes(%q) = %q, %v; want %q", c.about, got, err, c.want)
		}
	}
}

func TestQuotesErrors(t *testing.T) {
	checkExits(t, []exitCase{
		{[]string{"quotes", "--about", "nobody"}, ExitInput, `briefmap: quotes: --about: no record has id "nobody"`},
		{[]string{"quotes", "haftar"}, ExitUsage, "briefmap: quotes takes no arguments"},
		{[]string{"quotes", "--about"}, ExitUsage, "briefmap: quotes: flag needs an argument: -about"},
	})
}
