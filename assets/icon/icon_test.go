package icon

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/briefmap/briefmap/internal/goldenfile"
)

// TestFilesMatchDesign fails when a committed icon file differs from what
// the design draws (run `go test ./assets/icon -update` or
// `go run ./assets/icon/generate` after changing the design).
func TestFilesMatchDesign(t *testing.T) {
	files, err := Files()
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != len(HicolorSizes())+2 {
		t.Fatalf("Files returned %d files, want %d", len(files), len(HicolorSizes())+2)
	}
	for name, want := range files {
		path := filepath.FromSlash(name)
		if goldenfile.Update() {
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, want, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := os.ReadFile(path)
		if err != nil {
			t.Errorf("%s: %v (run go run ./assets/icon/generate)", name, err)
			continue
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from the design (run go run ./assets/icon/generate and look at it)", name)
		}
	}
}

// TestEmbeddedPNG checks that the embedded icon is the 512×512 design.
func TestEmbeddedPNG(t *testing.T) {
	img, err := png.Decode(bytes.NewReader(PNG))
	if err != nil {
		t.Fatalf("embedded briefmap.png: %v", err)
	}
	if got := img.Bounds(); got != image.Rect(0, 0, 512, 512) {
		t.Fatalf("embedded briefmap.png is %v, want 512×512", got)
	}
	want, err := EncodePNG(Draw(512))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(PNG, want) && !goldenfile.Update() {
		t.Error("embedded briefmap.png differs from Draw(512)")
	}
}

// TestDraw checks what every size must show: transparent outer corners, the
// blue tile at the edges' middle, the vermillion pin and its white dot.
func TestDraw(t *testing.T) {
	for _, size := range HicolorSizes() {
		img := Draw(size)
		if img.Bounds().Dx() != size || img.Bounds().Dy() != size {
			t.Fatalf("Draw(%d) is %v", size, img.Bounds())
		}
		at := func(x, y float64) [4]uint8 {
			c := color.NRGBAModel.Convert(img.At(int(x*float64(size)/designSize), int(y*float64(size)/designSize))).(color.NRGBA)
			return [4]uint8{c.R, c.G, c.B, c.A}
		}
		tests := []struct {
			name string
			x, y float64
			want [4]uint8
		}{
			{"corner", 0, 0, [4]uint8{0, 0, 0, 0}},
			{"tile", 256, 40, [4]uint8{colourTile.R, colourTile.G, colourTile.B, 0xFF}},
			{"pin", 248, 290, [4]uint8{colourPin.R, colourPin.G, colourPin.B, 0xFF}},
			{"dot", 248, 196, [4]uint8{0xFF, 0xFF, 0xFF, 0xFF}},
		}
		for _, tt := range tests {
			if got := at(tt.x, tt.y); !near(got, tt.want) {
				t.Errorf("Draw(%d): %s at (%v,%v) is %v, want %v", size, tt.name, tt.x, tt.y, got, tt.want)
			}
		}
	}
}

// near reports whether the colours a and b differ by at most 12 per channel
// (anti-aliasing at 16 px blends the pin's edge into its dot).
func near(a, b [4]uint8) bool {
	for i := range a {
		d := int(a[i]) - int(b[i])
		if d < -12 || d > 12 {
			return false
		}
	}
	return true
}

// TestSVG checks that the SVG is a standalone document with every shape.
func TestSVG(t *testing.T) {
	s := string(SVG())
	if !strings.HasPrefix(s, `<svg xmlns="http://www.w3.org/2000/svg"`) || !strings.HasSuffix(s, "</svg>\n") {
		t.Fatalf("SVG is not a standalone document:\n%s", s)
	}
	if got, want := strings.Count(s, "<path "), len(design()); got != want {
		t.Errorf("SVG has %d paths, want %d", got, want)
	}
	if strings.Contains(s, "NaN") || strings.Contains(s, "Inf") {
		t.Error("SVG has a non-finite coordinate")
	}
}

func BenchmarkDraw512(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		Draw(512)
	}
}

func BenchmarkFiles(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Files(); err != nil {
			b.Fatal(err)
		}
	}
}
