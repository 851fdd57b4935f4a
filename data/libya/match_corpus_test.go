package libya

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"

	"gopkg.in/yaml.v3"

	"github.com/briefmap/briefmap/data"
)

// corpusCase is one sentence of testdata/match-corpus.yaml.
type corpusCase struct {
	Text  string   `yaml:"text"`
	Date  string   `yaml:"date"`
	Want  []string `yaml:"want"`
	Not   []string `yaml:"not"`
	Exact bool     `yaml:"exact"`
}

// readCorpus returns the cases of testdata/match-corpus.yaml, failing on
// unknown keys.
func readCorpus(t *testing.T) []corpusCase {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "match-corpus.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var doc struct {
		Cases []corpusCase `yaml:"cases"`
	}
	dec := yaml.NewDecoder(f)
	dec.KnownFields(true)
	if err := dec.Decode(&doc); err != nil {
		t.Fatalf("match-corpus.yaml: %v", err)
	}
	return doc.Cases
}

// TestMatchCorpus runs every sentence of the corpus through the briefing's
// matcher at its date and checks the records it must and must not yield.
func TestMatchCorpus(t *testing.T) {
	b := load(t)
	cases := readCorpus(t)
	if len(cases) < 80 {
		t.Errorf("%d sentences in the corpus, want at least 80", len(cases))
	}
	m := data.NewMatcher(b)
	negatives := 0
	for i, c := range cases {
		var d data.Date
		if c.Date != "" {
			var err error
			if d, err = data.ParseDate(c.Date); err != nil {
				t.Errorf("case %d: date: %v", i, err)
				continue
			}
		}
		for _, id := range slices.Concat(c.Want, c.Not) {
			if b.KindOf(id) == "" {
				t.Errorf("case %d (%q): %q is no record of the briefing", i, c.Text, id)
			}
		}
		if len(c.Not) > 0 || (c.Exact && len(c.Want) == 0) {
			negatives++
		}
		var got []string
		for _, mn := range m.FindAt(c.Text, d) {
			if !slices.Contains(got, mn.ID) {
				got = append(got, mn.ID)
			}
		}
		for _, id := range c.Want {
			if !slices.Contains(got, id) {
				t.Errorf("%q at %v: no %s among %v", c.Text, dateOrAny(d), id, got)
			}
		}
		for _, id := range c.Not {
			if slices.Contains(got, id) {
				t.Errorf("%q at %v: %s found, want not (got %v)", c.Text, dateOrAny(d), id, got)
			}
		}
		if c.Exact {
			for _, id := range got {
				if !slices.Contains(c.Want, id) {
					t.Errorf("%q at %v: unexpected %s (got %v, want exactly %v)", c.Text, dateOrAny(d), id, got, c.Want)
				}
			}
		}
	}
	if negatives < 25 {
		t.Errorf("only %d negative cases (with `not`, or exact and wanting nothing); want at least 25", negatives)
	}
}

func dateOrAny(d data.Date) string {
	if d.IsZero() {
		return "any date"
	}
	return d.String()
}

// TestMatchCorpusOffsets checks, on the corpus, that each mention's byte
// span is the text of one of the record's aliases as written (case and
// diacritics aside).
func TestMatchCorpusOffsets(t *testing.T) {
	b := load(t)
	m := data.NewMatcher(b)
	for _, c := range readCorpus(t) {
		for _, mn := range m.Find(c.Text) {
			if mn.Start < 0 || mn.End > len(c.Text) || mn.Start >= mn.End {
				t.Errorf("%q: mention %+v out of range", c.Text, mn)
				continue
			}
			span := strings.ToLower(c.Text[mn.Start:mn.End])
			first := strings.ToLower(strings.FieldsFunc(mn.Alias, func(r rune) bool { return !unicode.IsLetter(r) })[0])
			if !strings.HasPrefix(span, first) && !strings.HasPrefix(foldASCII(span), foldASCII(first)) {
				t.Errorf("%q: span %q does not start with the alias %q", c.Text, c.Text[mn.Start:mn.End], mn.Alias)
			}
		}
	}
}

// foldASCII drops the accents the corpus uses, for comparing spans.
func foldASCII(s string) string {
	return strings.NewReplacer("é", "e", "ğ", "g", "ü", "u", "è", "e").Replace(s)
}
