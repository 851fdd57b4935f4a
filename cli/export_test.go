package cli

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/briefmap/briefmap/internal/cputime"
)

// pngSize returns the size of the PNG at path.
func pngSize(t *testing.T, path string) image.Point {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cfg, err := png.DecodeConfig(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return image.Pt(cfg.Width, cfg.Height)
}

func TestExportWritesSlide(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		name string
		args []string
		size image.Point
	}{
		{"default.png", nil, image.Pt(1920, 1080)},
		{"wagner.png", []string{"--focus", "wagner"}, image.Pt(1920, 1080)},
		{"front-2020.png", []string{"--focus", "z2020-tripoli-front"}, image.Pt(1920, 1080)},
		{"2023.png", []string{"--date", "2023-09-30", "--focus", "haftar"}, image.Pt(1920, 1080)},
		{"derna.png", []string{"--date", "2023-09-30", "--focus", "e2023-derna-floods"}, image.Pt(1920, 1080)},
		{"moscow.png", []string{"--date", "2023-09-30", "--focus", "e2023-haftar-moscow"}, image.Pt(1920, 1080)},
		{"uhd.png", []string{"--size", "3840x2160"}, image.Pt(3840, 2160)},
		{"other-briefing.png", []string{"--briefing", filepath.Join("..", "data", "testdata", "good")}, image.Pt(1920, 1080)},
	} {
		out := filepath.Join(dir, tc.name)
		code, stdout, stderr := run(append([]string{"export", "-o", out}, tc.args...)...)
		if code != ExitOK {
			t.Fatalf("%s: exit %d: %s", tc.name, code, stderr)
		}
		if strings.TrimSpace(stdout) != out {
			t.Errorf("%s: stdout %q, want the path", tc.name, stdout)
		}
		if got := pngSize(t, out); got != tc.size {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.size)
		}
	}
}

func TestExportDefaultNameAndDeterminism(t *testing.T) {
	t.Chdir(t.TempDir())
	code, stdout, stderr := run("export")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	const want = "libya-briefing-2020-01-19.png"
	if strings.TrimSpace(stdout) != want {
		t.Errorf("stdout %q, want %q", stdout, want)
	}
	first, err := os.ReadFile(want)
	if err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := run("export", "--date", "2020-01-19", "-o", "again.png"); code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	again, err := os.ReadFile("again.png")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first, again) {
		t.Error("two exports of the same slide differ")
	}
}

func TestExportErrors(t *testing.T) {
	dir := t.TempDir()
	existing := filepath.Join(dir, "keep.png")
	if err := os.WriteFile(existing, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		args []string
		code int
		want string // in the first line of stderr
	}{
		{"bad size", []string{"--size", "800x600"}, ExitUsage, `--size "800x600": must be 1920x1080 or 3840x2160`},
		{"unknown focus", []string{"--focus", "atlantis"}, ExitInput, `--focus "atlantis": no zone, place, deployment, actor or event has this id`},
		{"excerpt focus", []string{"--focus", "agg-moscow-visit"}, ExitInput, `--focus "agg-moscow-visit": only a zone, place, deployment, actor or event can be a focus, not this excerpt`},
		{"event not shown", []string{"--focus", "e2023-derna-floods"}, ExitInput, `--focus "e2023-derna-floods": the event is not shown on 2020-01-19 (it is from 2023-09-10 to 2023-12-10); give a --date in that period`},
		{"bad date", []string{"--date", "2020-13-01"}, ExitInput, "--date"},
		{"unknown flag", []string{"--colour", "red"}, ExitUsage, "flag provided but not defined"},
		{"extra argument", []string{"now"}, ExitUsage, `unexpected argument "now"`},
		{"missing briefing", []string{"--briefing", filepath.Join(dir, "nope")}, ExitInput, "nope"},
		{"unwritable folder", []string{"-o", filepath.Join(dir, "no", "such", "folder", "x.png")}, ExitInput, "cannot write"},
		{"folder is a file", []string{"-o", filepath.Join(existing, "x.png")}, ExitInput, "cannot write"},
	} {
		args := append([]string{"export"}, tc.args...)
		if !slices.Contains(tc.args, "-o") {
			args = append(args, "-o", filepath.Join(dir, "out.png"))
		}
		code, stdout, stderr := run(args...)
		if code != tc.code {
			t.Errorf("%s: exit %d, want %d (stderr %q)", tc.name, code, tc.code, stderr)
		}
		first, _, _ := strings.Cut(stderr, "\n")
		// The flag package words its own errors; ours start "briefmap: ".
		ours := tc.name != "unknown flag"
		if !strings.Contains(first, tc.want) || ours && !strings.HasPrefix(first, "briefmap: ") {
			t.Errorf("%s: stderr first line %q, want it to name %q", tc.name, first, tc.want)
		}
		if tc.code == ExitInput && strings.Count(strings.TrimSpace(stderr), "\n") != 0 {
			t.Errorf("%s: stderr is not one line: %q", tc.name, stderr)
		}
		if stdout != "" {
			t.Errorf("%s: stdout %q", tc.name, stdout)
		}
	}
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(ents) != 1 || ents[0].Name() != "keep.png" {
		var names []string
		for _, e := range ents {
			names = append(names, e.Name())
		}
		t.Errorf("folder holds %q after failed exports, want only keep.png", names)
	}
	if bs, _ := os.ReadFile(existing); string(bs) != "old" {
		t.Errorf("keep.png changed to %q", bs)
	}
}

// BenchmarkExport runs "briefmap export" in-process: load the briefing and
// the basemap, compose, encode, write.
func BenchmarkExport(b *testing.B) {
	out := filepath.Join(b.TempDir(), "slide.png")
	b.ReportAllocs()
	// CPU time per export: on a machine shared with other work it says
	// more than the wall time.
	cputime.Loop(b, func() {
		if code, _, stderr := run("export", "-o", out); code != ExitOK {
			b.Fatal(stderr)
		}
	})
}

// TestExportCompare writes the "what changed" slide at both sizes, under
// its default name, with the same bytes twice.
func TestExportCompare(t *testing.T) {
	t.Chdir(t.TempDir())
	code, stdout, stderr := run("export", "--compare", "2020-01-19,2023-09-30")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	const name = "libya-changes-2020-01-19-2023-09-30.png"
	if strings.TrimSpace(stdout) != name {
		t.Errorf("stdout %q, want %q", stdout, name)
	}
	first, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := run("export", "--compare", "2020-01-19,2023-09-30", "-o", "again.png"); code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	again, err := os.ReadFile("again.png")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first, again) {
		t.Error("two exports of the same comparison differ")
	}
	uhd := filepath.Join(t.TempDir(), "uhd.png")
	if code, _, stderr := run("export", "--compare", "2019-07-01,2021-03-15", "--size", "3840x2160", "-o", uhd); code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if got := pngSize(t, uhd); got != image.Pt(3840, 2160) {
		t.Errorf("UHD compare slide is %v", got)
	}
}

func TestExportCompareBadInput(t *testing.T) {
	t.Chdir(t.TempDir())
	cases := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--compare", "2023-09-30,2020-01-19"}, ExitInput, "briefmap: export: --compare: 2020-01-19 is before 2023-09-30: give the earlier date first\n"},
		{[]string{"--compare", "2020-01-19,2020-01-19"}, ExitInput, "briefmap: export: --compare: both dates are 2020-01-19: compare two different dates\n"},
		{[]string{"--compare", "2020-01-19,2031-01-01"}, ExitInput, "briefmap: export: --compare: 2031-01-01 is outside the briefing's time range"},
		{[]string{"--compare", "2020-01-19"}, ExitInput, "briefmap: export: --compare: \"2020-01-19\" is not two dates A,B\n"},
		{[]string{"--compare", "2020-01-19,2023-09-30", "--date", "2020-01-19"}, ExitUsage, "briefmap: export: --compare A,B takes no --date or --focus"},
	}
	for _, c := range cases {
		code, out, errs := run(append([]string{"export"}, c.args...)...)
		if code != c.code || out != "" || !strings.HasPrefix(errs, c.want) {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want exit %d, %q", c.args, code, out, errs, c.code, c.want)
		}
	}
	if entries, _ := os.ReadDir("."); len(entries) != 0 {
		t.Errorf("bad input left files: %v", entries)
	}
}

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

// TestRenderWritesTheMap: render, the other command that writes an image,
// writes the map alone at the size asked, and the map is not blank.
func TestRenderWritesTheMap(t *testing.T) {
	out := filepath.Join(t.TempDir(), "map.png")
	var stdout, stderr bytes.Buffer
	if code := Run([]string{"render", "-o", out, "--size", "640x400", "--date", "2023-09-30", "--bbox", "9,19,26,34"}, &stdout, &stderr); code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != 640 || b.Dy() != 400 {
		t.Errorf("size %v, want 640x400", b.Size())
	}
	// Not a blank image: the sea, the land and the zones differ.
	colours := map[[3]uint32]bool{}
	for y := 0; y < 400; y += 8 {
		for x := 0; x < 640; x += 8 {
			r, g, b, _ := img.At(x, y).RGBA()
			colours[[3]uint32{r >> 8, g >> 8, b >> 8}] = true
		}
	}
	if len(colours) < 20 {
		t.Errorf("only %d colours: the map looks empty", len(colours))
	}
}

func TestRenderErrors(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"render"}, ExitUsage, "-o FILE.png is required"},
		{[]string{"render", "-o", filepath.Join(dir, "a.png"), "--size", "big"}, ExitUsage, "is not WxH"},
		{[]string{"render", "-o", filepath.Join(dir, "a.png"), "--size", "99999x10"}, ExitUsage, "each side must be"},
		{[]string{"render", "-o", filepath.Join(dir, "a.png"), "--bbox", "26,19,9,34"}, ExitInput, "west < east"},
		{[]string{"render", "-o", filepath.Join(dir, "a.png"), "--bbox", "1,2,3"}, ExitInput, "is not W,S,E,N"},
		{[]string{"render", "-o", filepath.Join(dir, "a.png"), "--date", "2020-13-01"}, ExitInput, "--date"},
		{[]string{"render", "-o", filepath.Join(dir, "missing", "a.png"), "--size", "64x64"}, ExitInput, "cannot write"},
	} {
		var stdout, stderr bytes.Buffer
		code := Run(tc.args, &stdout, &stderr)
		first, _, _ := strings.Cut(stderr.String(), "\n")
		if code != tc.code || !strings.Contains(first, tc.msg) {
			t.Errorf("%v: exit %d, stderr %q; want exit %d and %q", tc.args[1:], code, first, tc.code, tc.msg)
		}
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 0 {
		t.Errorf("failed renders left %d files behind", len(ents))
	}
}
