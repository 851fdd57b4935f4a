package slide

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/briefmap/briefmap/data"
)

func TestDefaultFileName(t *testing.T) {
	b := fixture()
	for _, tc := range []struct {
		id   string
		d    data.Date
		want string
	}{
		{"libya", data.MustDate("2020-01-19"), "libya-briefing-2020-01-19.png"},
		{"libya", data.MustDate("2023-09-30"), "libya-briefing-2023-09-30.png"},
		{"testland", data.Date{}, "testland-briefing-2020-01-19.png"},
		{"", data.MustDate("2021-03-01"), "slide-briefing-2021-03-01.png"},
	} {
		b.ID = tc.id
		if got := DefaultFileName(b, tc.d); got != tc.want {
			t.Errorf("DefaultFileName(%q, %v) = %q, want %q", tc.id, tc.d, got, tc.want)
		}
	}
}

func TestRuleSameBytes(t *testing.T) {
	dir := t.TempDir()
	s := fixtureSpec(t, fixture())
	var files [][]byte
	for _, name := range []string{"a.png", "b.png"} {
		p := filepath.Join(dir, name)
		if err := Export(p, s); err != nil {
			t.Fatal(err)
		}
		bs, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, bs)
	}
	if !bytes.Equal(files[0], files[1]) {
		t.Error("two exports of the same spec differ")
	}
	if _, err := Compose(s); err != nil {
		t.Fatal(err)
	}
	// No time or text chunks: IHDR, IDAT…, IEND only.
	for _, chunk := range []string{"tIME", "tEXt", "iTXt", "zTXt"} {
		if bytes.Contains(files[0], []byte(chunk)) {
			t.Errorf("PNG holds a %s chunk", chunk)
		}
	}
}

func TestExportFailureLeavesNothing(t *testing.T) {
	dir := t.TempDir()
	s := fixtureSpec(t, fixture())
	notADir := filepath.Join(dir, "file.txt")
	if err := os.WriteFile(notADir, []byte("keep"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{
		filepath.Join(dir, "missing", "slide.png"), // no such folder
		filepath.Join(notADir, "slide.png"),        // the "folder" is a file
		dir,                                        // the path is a folder
	} {
		if err := Export(p, s); err == nil {
			t.Errorf("Export(%s): no error", p)
		} else if !strings.Contains(err.Error(), p) {
			t.Errorf("Export(%s): error %q does not name the path", p, err)
		}
	}
	// A spec that cannot be composed leaves an existing file untouched.
	existing := filepath.Join(dir, "slide.png")
	if err := os.WriteFile(existing, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Export(existing, Spec{Briefing: s.Briefing}); err == nil {
		t.Error("Export without a renderer: no error")
	}
	if bs, _ := os.ReadFile(existing); string(bs) != "old" {
		t.Errorf("existing file changed to %q", bs)
	}
	ents, _ := os.ReadDir(dir)
	var names []string
	for _, e := range ents {
		names = append(names, e.Name())
	}
	if strings.Join(names, " ") != "file.txt slide.png" {
		t.Errorf("folder holds %q after failed exports", names)
	}
}
