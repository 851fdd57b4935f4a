package slide

import (
	"bytes"
	"flag"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"github.com/briefmap/briefmap/app/scene"
	"github.com/briefmap/briefmap/data"
	"github.com/briefmap/briefmap/data/libya"
)

var update = flag.Bool("update", false, "rewrite the golden slides in testdata/")

// libyaSpec returns the spec of the embedded Libya briefing's slide on date
// (the default date when empty) with focus (none when empty).
func libyaSpec(t testing.TB, date string, focus scene.Ref) Spec {
	t.Helper()
	b, err := libya.Load()
	if err != nil {
		t.Fatal(err)
	}
	s := fixtureSpec(t, b)
	s.Version = "golden"
	if date != "" {
		s.Options.Date = data.MustDate(date)
	}
	s.Focus = focus
	return s
}

// Golden slides: the default one, one focused on the Wagner Group, one of
// 2023. Look at them after -update: they are what a user receives.
func TestGoldenSlides(t *testing.T) {
	for _, tc := range []struct {
		name  string
		date  string
		focus scene.Ref
	}{
		{"libya-2020-01-19.png", "", scene.Ref{}},
		{"libya-wagner.png", "", scene.Ref{Kind: "actor", ID: "wagner"}},
		{"libya-2023-09-30.png", "2023-09-30", scene.Ref{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := libyaSpec(t, tc.date, tc.focus)
			l := laidOut(t, s)
			assertTextFits(t, l)
			if n := len(l.quotes); n < 2 || n > 4 {
				t.Errorf("%d excerpts shown, want 2 to 4", n)
			}
			if len(l.callouts) == 0 {
				t.Error("no callouts")
			}
			compareGolden(t, filepath.Join("testdata", tc.name), l.dst)
		})
	}
}

// compareGolden compares img with the PNG at path (rewritten under
// -update): at most 0.2% of the pixels may differ by more than 24 in a
// channel, so that a rasteriser's rounding passes and a moved label fails.
func compareGolden(t *testing.T, path string, img *image.RGBA) {
	t.Helper()
	if *update {
		var buf bytes.Buffer
		if err := Encode(&buf, img); err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("%v (run go test ./app/slide -update)", err)
	}
	defer f.Close()
	want, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	if want.Bounds() != img.Bounds() {
		t.Fatalf("%s: size %v, golden %v", path, img.Bounds(), want.Bounds())
	}
	differ := 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r0, g0, b0, _ := img.At(x, y).RGBA()
			r1, g1, b1, _ := want.At(x, y).RGBA()
			if absDiff(r0, r1) > 24<<8 || absDiff(g0, g1) > 24<<8 || absDiff(b0, b1) > 24<<8 {
				differ++
			}
		}
	}
	if limit := b.Dx() * b.Dy() / 500; differ > limit {
		// Kept after the test (not in t.TempDir) so it can be looked at.
		got := filepath.Join(os.TempDir(), "briefmap-slide-got-"+filepath.Base(path))
		if out, err := os.Create(got); err == nil {
			Encode(out, img)
			out.Close()
		}
		t.Errorf("%s: %d pixels differ (limit %d); got %s (run go test ./app/slide -update if the change is wanted)", path, differ, limit, got)
	}
}

func absDiff(a, b uint32) uint32 {
	if a > b {
		return a - b
	}
	return b - a
}
