package data

import (
	"fmt"
	"io/fs"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// articleTexts serves the texts of files.
func articleTexts(files map[string]string) func(string) (string, error) {
	return func(name string) (string, error) {
		s, ok := files[name]
		if !ok {
			return "", fmt.Errorf("%s: %w", name, fs.ErrNotExist)
		}
		return s, nil
	}
}

const anchorSources = `# The articles.
sources:
  - id: a
    publisher: A   # a comment that stays
    title: "A"
    date: 2020-01-01
    file: a.txt

  - id: b
    publisher: B
    title: "B"
    date: 2020-01-02
    file: b.txt
    sha256: "stale"
    url: ""

  - id: c
    publisher: C
    title: "C, no excerpts"
    date: 2020-01-03
`

const anchorExcerpts = `excerpts:
  # First.
  - id: a-one
    source: a
    text: >-
      the warlord who
      controls most
    about: [x]

  - id: b-one
    source: b
    text: "Haftar’s forces"
    start: 17   # the second one
    about: [x]
  - id: a-two
    about: [x]
    source: a
    text: 'a "quoted" word'
    prefix: "old"
    end: 3
# trailing comment
`

var anchorArticles = map[string]string{
	"a.txt": "Intro. General Haftar, the warlord who controls\nmost of the country, and a “quoted” word.",
	"b.txt": "Haftar’s forces, Haftar’s forces.",
}

func TestUpdateAnchors(t *testing.T) {
	src, exc, problems := UpdateAnchors([]byte(anchorSources), []byte(anchorExcerpts), articleTexts(anchorArticles))
	if len(problems) > 0 {
		t.Fatalf("problems: %v", problems)
	}
	wantSources := strings.Replace(strings.Replace(anchorSources,
		"    file: a.txt\n", "    file: a.txt\n    sha256: \""+TextHash(anchorArticles["a.txt"])+"\"\n", 1),
		`    sha256: "stale"`, `    sha256: "`+TextHash(anchorArticles["b.txt"])+`"`, 1)
	if string(src) != wantSources {
		t.Errorf("sources.yaml:\n%s\nwant:\n%s", src, wantSources)
	}
	wantExcerpts := strings.NewReplacer(
		"      controls most\n",
		"      controls most\n"+
			"    prefix: \"Intro. General Haftar, \"\n"+
			"    suffix: \" of the country, and a \\\"quoted\\\" \"\n"+
			"    start: 23\n"+
			"    end: 52\n",
		"    start: 17   # the second one\n",
		"    prefix: \"Haftar's forces, \"\n"+
			"    suffix: \".\"\n"+
			"    start: 17   # the second one\n"+
			"    end: 32\n",
		"    prefix: \"old\"\n    end: 3\n",
		"    prefix: \"ntrols most of the country, and \"\n"+
			"    suffix: \".\"\n"+
			"    start: 73\n"+
			"    end: 88\n",
	).Replace(anchorExcerpts)
	if string(exc) != wantExcerpts {
		t.Errorf("excerpts.yaml:\n%s\nwant:\n%s", exc, wantExcerpts)
	}
	// Idempotent.
	src2, exc2, problems := UpdateAnchors(src, exc, articleTexts(anchorArticles))
	if len(problems) > 0 || string(src2) != string(src) || string(exc2) != string(exc) {
		t.Errorf("a second run changed the files (problems %v)", problems)
	}
	// The result loads as the anchors computed.
	var doc struct {
		Excerpts []struct {
			ID, Prefix, Suffix string
			Start, End         int
		}
	}
	if err := yaml.Unmarshal(exc, &doc); err != nil {
		t.Fatal(err)
	}
	if e := doc.Excerpts[2]; e.Prefix != "ntrols most of the country, and " || e.Start != 73 {
		t.Errorf("a-two decodes as %+v", e)
	}
}

func TestUpdateAnchorsCRLF(t *testing.T) {
	srcIn := strings.ReplaceAll(anchorSources, "\n", "\r\n")
	excIn := strings.ReplaceAll(anchorExcerpts, "\n", "\r\n")
	src, exc, problems := UpdateAnchors([]byte(srcIn), []byte(excIn), articleTexts(anchorArticles))
	if len(problems) > 0 {
		t.Fatalf("problems: %v", problems)
	}
	for name, b := range map[string][]byte{"sources": src, "excerpts": exc} {
		if strings.Count(string(b), "\n") != strings.Count(string(b), "\r\n") {
			t.Errorf("%s: mixed line endings", name)
		}
	}
}

func TestUpdateAnchorsRefuses(t *testing.T) {
	cases := []struct {
		name      string
		sources   string
		excerpts  string
		articles  map[string]string
		wantLines []string
	}{
		{"not verbatim, ambiguous, no text, unknown source",
			anchorSources,
			`excerpts:
  - id: one
    source: a
    text: "the warlord who rules most"
    about: [x]
  - id: two
    source: b
    text: "Haftar’s forces"
    about: [x]
  - id: three
    source: c
    text: "anything"
    about: [x]
  - id: four
    source: z
    text: "anything"
    about: [x]
  - id: five
    source: b
    text: ""
    about: [x]
`, anchorArticles,
			[]string{
				`excerpts.yaml:4: text: not found verbatim in a.txt`,
				`excerpts.yaml:8: text: found 2 times in b.txt (at runes 0, 17): set start to the one meant`,
				`excerpts.yaml:12: text: cannot anchor excerpt "three": source c: sources.yaml names no file: for it`,
				`excerpts.yaml:15: source: unknown source "z"`,
				`excerpts.yaml:20: text: missing or empty`,
			}},
		{"missing article", anchorSources, "excerpts:\n  - id: one\n    source: a\n    text: \"x\"\n", map[string]string{},
			[]string{`excerpts.yaml:4: text: cannot anchor excerpt "one": source a: a.txt: file does not exist`}},
		{"flow style", anchorSources, "excerpts:\n  - {id: one, source: a, text: \"warlord\"}\n", anchorArticles,
			[]string{`excerpts.yaml:2: excerpts: write this record in block style, one key per line, so that its anchors can be written`}},
		{"malformed", "sources: [", anchorExcerpts, anchorArticles,
			[]string{`sources.yaml:1: malformed YAML: did not find expected node content`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			src, exc, problems := UpdateAnchors([]byte(c.sources), []byte(c.excerpts), articleTexts(c.articles))
			if src != nil || exc != nil {
				t.Error("files returned despite problems")
			}
			var got []string
			for _, p := range problems {
				got = append(got, p.String())
			}
			if g, w := strings.Join(got, "\n"), strings.Join(c.wantLines, "\n"); g != w {
				t.Errorf("problems:\n%s\nwant:\n%s", g, w)
			}
		})
	}
}

// FuzzUpdateAnchors runs UpdateAnchors on any excerpts file against a
// fixed article: it must not panic, and when it accepts the file, a second
// run must change nothing.
func FuzzUpdateAnchors(f *testing.F) {
	f.Add([]byte(anchorExcerpts))
	f.Add([]byte("excerpts:\n  - id: x\n    source: a\n    text: \"Intro.\"\n"))
	f.Add([]byte("excerpts: [{id: x}]"))
	f.Add([]byte("excerpts:\n  - id: x\n    source: a\n    text: |\n      Intro.\n\n    start: 0\n"))
	f.Fuzz(func(t *testing.T, excerpts []byte) {
		src, exc, problems := UpdateAnchors([]byte(anchorSources), excerpts, articleTexts(anchorArticles))
		if len(problems) > 0 {
			return
		}
		src2, exc2, problems := UpdateAnchors(src, exc, articleTexts(anchorArticles))
		if len(problems) > 0 || string(src2) != string(src) || string(exc2) != string(exc) {
			t.Fatalf("not idempotent on %q:\n%s\nthen:\n%s\n%v", excerpts, exc, exc2, problems)
		}
	})
}
