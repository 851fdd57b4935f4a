package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The format follows -o's extension, --format overrides it, and the
// default name takes the format's extension; an unknown extension or
// format is a usage error that writes nothing.
func TestExportFormats(t *testing.T) {
	t.Chdir(t.TempDir())
	for _, tc := range []struct {
		args  []string
		out   string
		magic string
	}{
		{[]string{"-o", "a.pdf"}, "a.pdf", "%PDF-1.7"},
		{[]string{"-o", "b.SVG"}, "b.SVG", "<?xml"},
		{[]string{"-o", "c.png"}, "c.png", "\x89PNG"},
		{[]string{"-o", "d.slide", "--format", "pdf"}, "d.slide", "%PDF-1.7"},
		{[]string{"-o", "e.png", "--format", "svg"}, "e.png", "<?xml"},
		{[]string{"--format", "pdf"}, "libya-briefing-2020-01-19.pdf", "%PDF-1.7"},
		{[]string{"--format", "svg", "--compare", "2020-01-19,2023-09-30"}, "libya-changes-2020-01-19-2023-09-30.svg", "<?xml"},
		{[]string{"-o", "f.pdf", "--date", "2023-09-30", "--focus", "haftar", "--size", "3840x2160"}, "f.pdf", "%PDF-1.7"},
	} {
		code, stdout, stderr := run(append([]string{"export"}, tc.args...)...)
		if code != ExitOK {
			t.Fatalf("%v: exit %d: %s", tc.args, code, stderr)
		}
		if strings.TrimSpace(stdout) != tc.out {
			t.Errorf("%v: stdout %q, want %q", tc.args, stdout, tc.out)
		}
		b, err := os.ReadFile(tc.out)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(b, []byte(tc.magic)) {
			t.Errorf("%v: %s starts %q, want %q", tc.args, tc.out, b[:min(len(b), 8)], tc.magic)
		}
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"-o", "x.jpg"}, `unknown extension ".jpg"`},
		{[]string{"-o", "noext"}, "has no extension"},
		{[]string{"-o", "x.pdf", "--format", "tiff"}, `unknown slide format "tiff"`},
	} {
		code, _, stderr := run(append([]string{"export"}, tc.args...)...)
		if code != ExitUsage || !strings.Contains(stderr, tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want exit %d and %q", tc.args, code, stderr, ExitUsage, tc.want)
		}
	}
	for _, name := range []string{"x.jpg", "noext", "x.pdf"} {
		if _, err := os.Stat(filepath.Join(".", name)); err == nil {
			t.Errorf("a refused export wrote %s", name)
		}
	}
}
