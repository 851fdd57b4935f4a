package cli

import (
	"bytes"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

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
