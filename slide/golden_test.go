package slide

import (
	"image"
	"path/filepath"
	"testing"

	"github.com/briefmap/briefmap/data"
	"github.com/briefmap/briefmap/data/libya"
	"github.com/briefmap/briefmap/internal/goldenfile"
	"github.com/briefmap/briefmap/internal/goldenimage"
)

// libyaSpec returns the spec of the embedded Libya briefing's slide on date
// (the default date when empty) with focus (none when empty).
func libyaSpec(t testing.TB, date string, focus data.Ref) Spec {
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
		focus data.Ref
	}{
		{"libya-2020-01-19.png", "", data.Ref{}},
		{"libya-wagner.png", "", data.Ref{Kind: data.KindActor, ID: "wagner"}},
		{"libya-2023-09-30.png", "2023-09-30", data.Ref{}},
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
	goldenimage.Check(t, path, img, goldenfile.Update(), goldenimage.Tolerance{Level: 24, MaxFraction: 0.002})
}
