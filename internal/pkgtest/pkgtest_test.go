package pkgtest

import (
	"os"
	"path/filepath"
	"testing"
)

func TestReadTree(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "sources"), 0o755); err != nil {
		t.Fatal(err)
	}
	for name, text := range map[string]string{"briefing.yaml": "a", "sources/x.txt": "b"} {
		if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(name)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got := ReadTree(t, dir)
	if len(got) != 2 || got["briefing.yaml"] != "a" || got["sources/x.txt"] != "b" {
		t.Errorf("ReadTree = %q, want the two files by slash path", got)
	}
}

func TestLoad(t *testing.T) {
	if b := Load(t, ""); b == nil || len(b.Zones) == 0 {
		t.Fatal("Load of the embedded briefing returned no zones")
	}
	if b := Load(t, filepath.Join("..", "..", "data", "testdata", "good")); len(b.Excerpts) == 0 {
		t.Error("Load of data/testdata/good returned no excerpts")
	}
}

func TestDiffTrees(t *testing.T) {
	cases := []struct {
		name string
		a, b map[string]string
		want string
	}{
		{"equal", map[string]string{"a.yaml": "x\n"}, map[string]string{"a.yaml": "x\n"}, ""},
		{"line changed", map[string]string{"a.yaml": "x\ny\nz\n"}, map[string]string{"a.yaml": "x\nY\nz\n"},
			"--- a.yaml\n+ Y\n- y\n"},
		{"line added", map[string]string{"a.yaml": "x\n"}, map[string]string{"a.yaml": "x\ny\n"},
			"--- a.yaml\n+ y\n"},
		{"new file", map[string]string{}, map[string]string{"s/n.txt": "t\n"},
			"--- new file s/n.txt\n+ t\n"},
		{"removed file", map[string]string{"b.yaml": "q\n"}, map[string]string{},
			"--- removed b.yaml\n"},
		{"names in order", map[string]string{"b": "1\n", "a": "1\n"}, map[string]string{"b": "2\n", "a": "2\n"},
			"--- a\n+ 2\n- 1\n--- b\n+ 2\n- 1\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := DiffTrees(c.a, c.b); got != c.want {
				t.Errorf("DiffTrees = %q, want %q", got, c.want)
			}
		})
	}
}
