package cli

import (
	"archive/zip"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCheckEmbedded(t *testing.T) {
	code, out, errs := run("check")
	if code != ExitOK || errs != "" {
		t.Fatalf("check: exit %d, stderr %q", code, errs)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if !strings.HasPrefix(lines[0], "libya: OK — 3 sources, ") || !strings.HasSuffix(lines[0], " events") {
		t.Errorf("summary = %q", lines[0])
	}
	// The embedded package ships no article texts: the check says so once.
	if len(lines) < 2 || !strings.HasPrefix(lines[1], "article check not run: ") ||
		!strings.HasSuffix(lines[1], "give the article texts with --sources DIR or in the package's sources/ folder") {
		t.Errorf("article check line = %q", lines[1:])
	}
	for _, l := range lines[2:] {
		t.Errorf("lint warning on the embedded briefing: %s", l)
	}
}

func TestCheck(t *testing.T) {
	good := copyPackage(t, func(_, s string) string { return s })
	bad := copyPackage(t, func(name, s string) string {
		switch name {
		case "zones.yaml":
			return strings.Replace(s, "controller: lna", "controller: lnaa", 1)
		case "places.yaml":
			return strings.Replace(s, "lonlat: [13.19, 32.89]", "lonlat: [32.89, 13.19]", 1)
		}
		return s
	})
	cases := []struct {
		name      string
		args      []string
		code      int
		out, errs string
	}{
		{"good package with a lint warning", []string{"check", good}, ExitOK,
			"mini: OK — 2 sources, 5 excerpts, 6 actors, 3 zones, 4 places, 1 deployment, 3 events\n" +
				"article check: all 5 excerpts verified against their article texts (in sources)\n" +
				`warning: excerpts.yaml:33: about: lists "haftar", but the text does not name it (or a linked record) and its sourced does not cite "econ-ports"` + "\n", ""},
		{"--briefing", []string{"check", "--briefing", good}, ExitOK,
			"mini: OK — 2 sources, 5 excerpts, 6 actors, 3 zones, 4 places, 1 deployment, 3 events\n" +
				"article check: all 5 excerpts verified against their article texts (in sources)\n" +
				`warning: excerpts.yaml:33: about: lists "haftar", but the text does not name it (or a linked record) and its sourced does not cite "econ-ports"` + "\n", ""},
		{"PATH and another --briefing", []string{"check", "--briefing", good, bad}, ExitUsage, "",
			"briefmap: check: give the package as PATH or as --briefing PATH, not both\n" + Usage()},
		{"bad package", []string{"check", bad}, ExitInput, "",
			`zones.yaml:4: controller: unknown actor "lnaa"` + "\n" +
				"places.yaml:6: lonlat: point (32.89, 13.19) lies outside the briefing bbox [9 19 26 34.5]; are lon and lat swapped?\n" +
				"briefmap: check: " + bad + ": 2 problems\n"},
		{"no such path", []string{"check", filepath.Join(good, "nope")}, ExitInput, "",
			"briefmap: check: load briefing: stat " + filepath.Join(good, "nope") + ": no such file or directory\n"},
		{"two paths", []string{"check", good, good}, ExitUsage, "", "briefmap: check takes at most one PATH\n" + Usage()},
		{"bad flag", []string{"check", "--strict"}, ExitUsage, "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, out, errs := run(c.args...)
			if code != c.code {
				t.Errorf("exit %d, want %d (stderr %q)", code, c.code, errs)
			}
			if out != c.out {
				t.Errorf("stdout:\n%s\nwant:\n%s", out, c.out)
			}
			if c.errs != "" && errs != c.errs {
				t.Errorf("stderr:\n%s\nwant:\n%s", errs, c.errs)
			}
		})
	}
}

func TestCheckZip(t *testing.T) {
	src := copyPackage(t, func(_, s string) string { return s })
	zipPath := filepath.Join(t.TempDir(), "mini.zip")
	f, err := os.Create(zipPath)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	err = filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		w, err := zw.Create("mini/" + filepath.ToSlash(rel))
		if err != nil {
			return err
		}
		_, err = w.Write(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	code, out, errs := run("check", zipPath)
	if code != ExitOK || !strings.HasPrefix(out, "mini: OK — 2 sources, 5 excerpts") ||
		!strings.Contains(out, "\narticle check: all 5 excerpts verified against their article texts (in sources)\n") {
		t.Errorf("check %s: exit %d, stdout %q, stderr %q", zipPath, code, out, errs)
	}
}

func TestCheckSources(t *testing.T) {
	// The package without its own texts, and a folder of texts beside it.
	noTexts := copyPackage(t, func(_, s string) string { return s })
	texts := t.TempDir()
	for _, name := range []string{"mini-economist-2020.txt", "mini-nyt-2020.txt"} {
		b, err := os.ReadFile(filepath.Join(noTexts, "sources", name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(texts, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.RemoveAll(filepath.Join(noTexts, "sources")); err != nil {
		t.Fatal(err)
	}
	// One quoted word changed in the article: "oil ports" → "gas ports".
	changed := t.TempDir()
	for _, name := range []string{"mini-economist-2020.txt", "mini-nyt-2020.txt"} {
		b, _ := os.ReadFile(filepath.Join(texts, name))
		s := strings.Replace(string(b), "his forces blockaded the oil ports", "his forces blockaded the gas ports", 1)
		if err := os.WriteFile(filepath.Join(changed, name), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	half := t.TempDir()
	b, _ := os.ReadFile(filepath.Join(texts, "mini-nyt-2020.txt"))
	if err := os.WriteFile(filepath.Join(half, "mini-nyt-2020.txt"), b, 0o644); err != nil {
		t.Fatal(err)
	}
	summary := "mini: OK — 2 sources, 5 excerpts, 6 actors, 3 zones, 4 places, 1 deployment, 3 events\n"
	warning := `warning: excerpts.yaml:33: about: lists "haftar", but the text does not name it (or a linked record) and its sourced does not cite "econ-ports"` + "\n"
	cases := []struct {
		name            string
		args            []string
		code            int
		out, errs, line string
	}{
		{"no texts at hand", []string{"check", noTexts}, ExitOK,
			summary + "article check not run: 5 excerpts could not be verified (the text is not at hand for economist-2020, nyt-2020); give the article texts with --sources DIR or in the package's sources/ folder\n" + warning, "", ""},
		{"texts given", []string{"check", "--sources", texts, noTexts}, ExitOK,
			summary + "article check: all 5 excerpts verified against their article texts (in " + texts + ")\n" + warning, "", ""},
		{"a quoted word changed", []string{"check", "--sources", changed, noTexts}, ExitInput, "",
			`excerpts.yaml:28: text: not found verbatim in ` + filepath.Join(changed, "mini-economist-2020.txt") + ` (expected at runes 423–477, which read "his forces blockaded the gas ports, including Es Sider")` + "\n" +
				filepath.Join(changed, "mini-economist-2020.txt") + ": text differs from the one the excerpts were taken from (sha256 1f0a24aecdc2e1a9f876b1817391f60846e85bbdcefdc9bc077fa4f544c9fff9; sources.yaml:7 says 35a8985efbced33cfde29263dc20fb9260c96c1a241029eeabe7f1e5ca81f913)\n" +
				"briefmap: check: " + noTexts + ": 2 problems\n", ""},
		{"a text missing from --sources", []string{"check", "--sources", half, noTexts}, ExitInput, "",
			"briefmap: check: " + noTexts + ": --sources " + half + " has no text for source economist-2020 (mini-economist-2020.txt), which 4 excerpts quote\n", ""},
		{"--sources not a folder", []string{"check", "--sources", filepath.Join(texts, "nope"), noTexts}, ExitInput, "",
			"briefmap: check: --sources " + filepath.Join(texts, "nope") + " is not a folder of article texts\n", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, out, errs := run(c.args...)
			if code != c.code || out != c.out || errs != c.errs {
				t.Errorf("exit %d, stdout:\n%s\nstderr:\n%s\nwant exit %d, stdout:\n%s\nstderr:\n%s", code, out, errs, c.code, c.out, c.errs)
			}
		})
	}
}

func TestCheckAudit(t *testing.T) {
	code, out, errs := run("check", "--audit", good)
	if code != ExitOK || errs != "" {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	golden(t, "audit-good.md", []byte(out))
	// The embedded briefing's audit is the committed data/libya/SOURCING.md
	// (whose own test keeps it current).
	code, out, errs = run("check", "--audit")
	if code != ExitOK || errs != "" {
		t.Fatalf("embedded: exit %d, stderr %q", code, errs)
	}
	want, err := os.ReadFile(filepath.Join("..", "data", "libya", "SOURCING.md"))
	if err != nil {
		t.Fatal(err)
	}
	if out != string(want) {
		t.Errorf("check --audit differs from data/libya/SOURCING.md (go test ./data/libya -update)")
	}
	// A bad package has no audit: its problems instead.
	bad := copyPackage(t, func(name, s string) string {
		if name == "zones.yaml" {
			return strings.Replace(s, "controller: lna", "controller: lnaa", 1)
		}
		return s
	})
	code, out, errs = run("check", "--audit", bad)
	if code != ExitInput || out != "" || !strings.HasPrefix(errs, `zones.yaml:4: controller: unknown actor "lnaa"`) {
		t.Errorf("bad package: exit %d, stdout %q, stderr %q", code, out, errs)
	}
}

// TestCheckEmbeddedAgainstArticles checks the embedded briefing against the
// three article texts of BRIEFMAP_SOURCES (make test SOURCES=DIR).
func TestCheckEmbeddedAgainstArticles(t *testing.T) {
	dir := os.Getenv("BRIEFMAP_SOURCES")
	if dir == "" {
		t.Skip("article check not run: BRIEFMAP_SOURCES is not set (make test SOURCES=DIR runs it)")
	}
	code, out, errs := run("check", "--sources", dir)
	lines := strings.Split(out, "\n")
	if code != ExitOK || len(lines) < 2 || !strings.HasPrefix(lines[1], "article check: all ") || !strings.HasSuffix(lines[1], "excerpts verified against their article texts (in "+dir+")") {
		t.Errorf("check --sources %s: exit %d, stdout %q, stderr %q", dir, code, out, errs)
	}
}
