package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// copyGood copies the data package's good test package (with its sources/
// texts) to a temporary folder and returns it.
func copyGood(t *testing.T) string {
	t.Helper()
	src := filepath.Join("..", "..", "data", "testdata", "good")
	dst := t.TempDir()
	if err := os.CopyFS(dst, os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
	return dst
}

func runAnchors(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestAnchorsUpToDate(t *testing.T) {
	pkg := copyGood(t)
	code, out, errs := runAnchors(pkg)
	if code != 0 || out != pkg+": anchors and hashes already up to date\n" || errs != "" {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errs)
	}
}

func TestAnchorsWritesAndRefuses(t *testing.T) {
	pkg := copyGood(t)
	excPath := filepath.Join(pkg, "excerpts.yaml")
	b, _ := os.ReadFile(excPath)
	good := string(b)
	// Drop one excerpt's anchors and one source's hash: the tool puts them back.
	stripped := strings.Replace(good, "    prefix: \"ies gathered in Berlin. General \"\n", "", 1)
	stripped = strings.Replace(stripped, "    start: 154\n", "    start: 3\n", 1)
	if err := os.WriteFile(excPath, []byte(stripped), 0o644); err != nil {
		t.Fatal(err)
	}
	// Texts given with --sources, in another folder.
	texts := t.TempDir()
	if err := os.Rename(filepath.Join(pkg, "sources"), filepath.Join(texts, "s")); err != nil {
		t.Fatal(err)
	}
	code, out, errs := runAnchors("--sources", filepath.Join(texts, "s"), pkg)
	if code != 0 || !strings.Contains(out, "anchors and hashes written (1 file(s) changed)") {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errs)
	}
	if b, _ := os.ReadFile(excPath); string(b) != good {
		t.Errorf("excerpts.yaml after the tool:\n%s\nwant:\n%s", b, good)
	}
	// A quote changed by hand: refused, nothing written.
	edited := strings.Replace(good, "his forces blockaded the oil ports", "his forces seized the oil ports", 1)
	if err := os.WriteFile(excPath, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errs = runAnchors("--sources", filepath.Join(texts, "s"), pkg)
	want := "excerpts.yaml:28: text: not found verbatim in mini-economist-2020.txt\nanchors: " + pkg + ": 1 problem(s); nothing written\n"
	if code != 1 || errs != want {
		t.Errorf("exit %d, stderr %q; want 1, %q", code, errs, want)
	}
	if b, _ := os.ReadFile(excPath); string(b) != edited {
		t.Error("a refused run changed excerpts.yaml")
	}
	ents, _ := os.ReadDir(pkg)
	for _, e := range ents {
		if strings.HasPrefix(e.Name(), ".") {
			t.Errorf("temporary file %s left behind", e.Name())
		}
	}
}

func TestAnchorsUsage(t *testing.T) {
	if code, _, _ := runAnchors(); code != 2 {
		t.Errorf("no argument: exit %d, want 2", code)
	}
	if code, _, errs := runAnchors(filepath.Join(t.TempDir(), "nope")); code != 1 || !strings.Contains(errs, "is not a package folder") {
		t.Errorf("missing folder: exit %d, %q", code, errs)
	}
	if code, _, errs := runAnchors("--sources", "/nonexistent", copyGood(t)); code != 1 || !strings.Contains(errs, "is not a folder") {
		t.Errorf("missing --sources: exit %d, %q", code, errs)
	}
}
