package cli

import (
	"archive/zip"
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

func init() {
	// Another test file of this package may define -update too; register
	// it only once, and read it through flag.Lookup.
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite the golden files under testdata/")
	}
}

// updating reports whether the test run was given -update.
func updating() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// run runs the CLI with args and returns its exit code, stdout and stderr.
func run(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := Run(args, &out, &errb)
	return code, out.String(), errb.String()
}

// golden compares got with testdata/name, rewriting it under -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if updating() {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./cli -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s (run go test ./cli -update if the change is wanted):\n%s", path, firstDiff(string(got), string(want)))
	}
}

// firstDiff shows the first line where got and want differ.
func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return "line " + strconv.Itoa(i+1) + ":\n got: " + gl + "\nwant: " + wl
		}
	}
	return ""
}

// copyPackage copies the data package's good test package to a temporary
// folder, applies edit to each file's text, and returns the folder.
func copyPackage(t *testing.T, edit func(name, text string) string) string {
	t.Helper()
	src := filepath.Join("..", "data", "testdata", "good")
	dst := t.TempDir()
	entries, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		text := edit(e.Name(), string(b))
		if err := os.WriteFile(filepath.Join(dst, e.Name()), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dst
}

func TestCheckEmbedded(t *testing.T) {
	code, out, errs := run("check")
	if code != ExitOK || errs != "" {
		t.Fatalf("check: exit %d, stderr %q", code, errs)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if !strings.HasPrefix(lines[0], "libya: OK — 3 sources, ") || !strings.HasSuffix(lines[0], " deployments") {
		t.Errorf("summary = %q", lines[0])
	}
	for _, l := range lines[1:] {
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
			"mini: OK — 2 sources, 5 excerpts, 6 actors, 3 zones, 4 places, 1 deployment\n" +
				`warning: excerpts.yaml:17: about: lists "haftar", but the text does not name it (or a linked record) and its sourced does not cite "econ-ports"` + "\n", ""},
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
	entries, _ := os.ReadDir(src)
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		w, err := zw.Create("mini/" + e.Name())
		if err != nil {
			t.Fatal(err)
		}
		w.Write(b)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	code, out, errs := run("check", zipPath)
	if code != ExitOK || !strings.HasPrefix(out, "mini: OK — 2 sources, 5 excerpts") {
		t.Errorf("check %s: exit %d, stdout %q, stderr %q", zipPath, code, out, errs)
	}
}
