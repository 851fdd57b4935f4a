package pkgedit

import (
	"archive/zip"
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/briefmap/briefmap/data"
	"github.com/briefmap/briefmap/data/libya"
)

func TestWriteBriefmap(t *testing.T) {
	tmp := t.TempDir()
	for _, withSources := range []bool{true, false} {
		a, b := filepath.Join(tmp, "a.briefmap"), filepath.Join(tmp, "b.briefmap")
		for _, p := range []string{a, b} {
			if err := WriteBriefmap(os.DirFS(fixture), p, withSources); err != nil {
				t.Fatal(err)
			}
		}
		ab, _ := os.ReadFile(a)
		bb, _ := os.ReadFile(b)
		if !bytes.Equal(ab, bb) {
			t.Errorf("sources %v: two writes differ", withSources)
		}
		zr, err := zip.NewReader(bytes.NewReader(ab), int64(len(ab)))
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, f := range zr.File {
			names = append(names, f.Name)
		}
		hasTexts := strings.Contains(strings.Join(names, " "), "sources/")
		if hasTexts != withSources {
			t.Errorf("sources %v: entries %v", withSources, names)
		}
		br, err := data.LoadPath(a)
		if err != nil {
			t.Fatalf("sources %v: %v", withSources, err)
		}
		for _, c := range br.TextChecks {
			if c.Checked != withSources {
				t.Errorf("sources %v: %+v", withSources, c)
			}
			if !withSources && c.Why != "the text is not at hand for" {
				t.Errorf("without the texts, check says %q", c.Why)
			}
		}
	}
	// The embedded briefing, and a file that exists is replaced whole.
	p := filepath.Join(tmp, "libya.briefmap")
	if err := os.WriteFile(p, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := WriteBriefmap(libya.FS(), p, true); err != nil {
		t.Fatal(err)
	}
	if b, err := data.LoadPath(p); err != nil || b.ID != "libya" {
		t.Fatalf("libya.briefmap: %v", err)
	}
	if err := WriteBriefmap(os.DirFS(tmp), filepath.Join(tmp, "x.briefmap"), true); err == nil {
		t.Error("wrote a folder that is not a package")
	}
}

func TestCopyToAndWritable(t *testing.T) {
	tmp := t.TempDir()
	dir := filepath.Join(tmp, "copy")
	if err := CopyTo(libya.FS(), dir); err != nil {
		t.Fatal(err)
	}
	if err := Writable(dir); err != nil {
		t.Errorf("a fresh copy is not writable: %v", err)
	}
	if err := CopyTo(libya.FS(), dir); err == nil || !strings.Contains(err.Error(), "not empty") {
		t.Errorf("copy over a package: %v", err)
	}
	zipPath := filepath.Join(tmp, "l.briefmap")
	if err := WriteBriefmap(os.DirFS(dir), zipPath, false); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ path, want string }{
		{"", "the embedded briefing cannot be edited in place"},
		{zipPath, "l.briefmap is a packed file and cannot be edited in place: save a copy as a folder first"},
		{filepath.Join(tmp, "missing"), "no such file"},
	} {
		err := Writable(c.path)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Writable(%q) = %v, want %q", c.path, err, c.want)
		}
	}
	if os.Geteuid() != 0 { // root writes anywhere
		ro := filepath.Join(tmp, "ro")
		if err := CopyTo(libya.FS(), ro); err != nil {
			t.Fatal(err)
		}
		os.Chmod(ro, 0o555)
		defer os.Chmod(ro, 0o755)
		if err := Writable(ro); !errors.Is(err, ErrNotWritable) {
			t.Errorf("Writable(read-only folder) = %v", err)
		}
	}
	if _, err := Open(tmp); err == nil || !strings.Contains(err.Error(), "no briefing.yaml") {
		t.Errorf("Open(a folder without a package) = %v", err)
	}
}
