package data

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

func TestTextChecks(t *testing.T) {
	m := packageFS(t, "")
	b, err := Load(m)
	if err != nil {
		t.Fatal(err)
	}
	want := []TextCheck{
		{Source: "economist-2020", File: "mini-economist-2020.txt", Excerpts: 4, From: "sources/mini-economist-2020.txt", Checked: true},
		{Source: "nyt-2020", File: "mini-nyt-2020.txt", Excerpts: 1, From: "sources/mini-nyt-2020.txt", Checked: true},
	}
	if !equalChecks(b.TextChecks, want) {
		t.Errorf("with sources/: %+v\nwant %+v", b.TextChecks, want)
	}

	// Without the texts: loaded, nothing checked, and why.
	delete(m, "sources/mini-economist-2020.txt")
	delete(m, "sources/mini-nyt-2020.txt")
	if b, err = Load(m); err != nil {
		t.Fatal(err)
	}
	want = []TextCheck{
		{Source: "economist-2020", File: "mini-economist-2020.txt", Excerpts: 4, Why: "the text is not at hand for"},
		{Source: "nyt-2020", File: "mini-nyt-2020.txt", Excerpts: 1, Why: "the text is not at hand for"},
	}
	if !equalChecks(b.TextChecks, want) {
		t.Errorf("without sources/: %+v\nwant %+v", b.TextChecks, want)
	}

	// Texts from elsewhere, named in messages.
	good := packageFS(t, "")
	other := fstest.MapFS{
		"mini-economist-2020.txt": good["sources/mini-economist-2020.txt"],
		"mini-nyt-2020.txt":       {Data: []byte(strings.Replace(string(good["sources/mini-nyt-2020.txt"].Data), "backed by Russia, says", "backed by Moscow, says", 1))},
	}
	_, err = LoadWith(good, LoadOptions{Sources: other, SourcesName: "texts"})
	var ve *ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("LoadWith a changed text: %v", err)
	}
	got := err.Error()
	for _, w := range []string{
		// The quote is still in the article, once: at its second place.
		"excerpts.yaml:15: start: the text is at rune 127 of texts/mini-nyt-2020.txt, not at 48–82 (run go run ./tools/anchors --sources DIR PACKAGE)",
		"texts/mini-nyt-2020.txt: text differs from the one the excerpts were taken from (sha256 ",
	} {
		if !strings.Contains(got, w) {
			t.Errorf("problems lack %q:\n%s", w, got)
		}
	}
	if strings.Contains(got, "mini-economist") {
		t.Errorf("the unchanged text is reported:\n%s", got)
	}
}

func equalChecks(a, b []TextCheck) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestTextChecksZip(t *testing.T) {
	m := packageFS(t, "testdata/bad/article-word-changed")
	p := filepath.Join(t.TempDir(), "mini.zip")
	if err := os.WriteFile(p, zipOf(t, m, "mini/"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := LoadPath(p)
	if err == nil || !strings.Contains(err.Error(), "excerpts.yaml:28: text: not found verbatim in sources/mini-economist-2020.txt") {
		t.Errorf("LoadPath of a zip whose article changed: %v", err)
	}
	good := filepath.Join(t.TempDir(), "good.zip")
	if err := os.WriteFile(good, zipOf(t, packageFS(t, ""), ""), 0o644); err != nil {
		t.Fatal(err)
	}
	b, err := LoadPath(good)
	if err != nil || len(b.TextChecks) != 2 || !b.TextChecks[0].Checked {
		t.Errorf("LoadPath of the good zip: %v, %+v", err, b)
	}
}

func TestAliasOptionsLoaded(t *testing.T) {
	b, err := Load(packageFS(t, ""))
	if err != nil {
		t.Fatal(err)
	}
	gna, _ := b.Actor("gna")
	if strings.Join(gna.Aliases, "|") != "GNA|Tripoli government" || len(gna.AliasOptions) != 1 ||
		gna.AliasOptions[0] != (Alias{Name: "Tripoli government", Valid: Period{To: MustDate("2021-03-09")}}) {
		t.Errorf("gna aliases %q, options %+v", gna.Aliases, gna.AliasOptions)
	}
	russia, _ := b.Actor("russia")
	if len(russia.AliasOptions) != 1 || !russia.AliasOptions[0].MatchCase {
		t.Errorf("russia options %+v", russia.AliasOptions)
	}
	if strings.Join(b.Blockers, "|") != "Gulf of Sidra|Khaled Haftar" {
		t.Errorf("blockers %q", b.Blockers)
	}
}
