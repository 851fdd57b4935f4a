package geo

import (
	"github.com/briefmap/briefmap/internal/goldenfile"
	"github.com/briefmap/briefmap/internal/goldenimage"
	"image"
	"image/color"
	"path/filepath"
	"sync"
	"testing"

	"github.com/paulmach/orb"

	"github.com/briefmap/briefmap/assets"
	"github.com/briefmap/briefmap/geo/basemap"
)

var (
	fixtureOnce  sync.Once
	fixtureFonts *assets.Fonts
	fixtureBase  *basemap.Basemap
	fixtureErr   error
)

// loadFixtures loads the embedded fonts and basemap once for all tests.
func loadFixtures(tb testing.TB) (*assets.Fonts, *basemap.Basemap) {
	tb.Helper()
	fixtureOnce.Do(func() {
		fixtureFonts, fixtureErr = assets.LoadFonts()
		if fixtureErr != nil {
			return
		}
		fixtureBase, fixtureErr = basemap.Load()
	})
	if fixtureErr != nil {
		tb.Fatalf("fixtures: %v", fixtureErr)
	}
	return fixtureFonts, fixtureBase
}

// libyaBound is the region the fixture maps show.
var libyaBound = orb.Bound{Min: orb.Point{9.3, 19.5}, Max: orb.Point{25.2, 33.4}}

func rect(w, s, e, n float64) orb.Ring {
	return orb.Ring{{w, s}, {e, s}, {e, n}, {w, n}, {w, s}}
}

// fixtureLayers returns a Libya-like overlay: six control areas (with a
// hole, a multipolygon, hatched contested and low-confidence areas), a
// front line, a range ring and twenty labelled points.
func fixtureLayers(k float64) []Layer {
	west := AreaStyle{Fill: WithAlpha(OkabeBlue, 0.35), Stroke: Stroke{Color: OkabeBlue, Width: 1.2}.Scaled(k)}
	east := AreaStyle{Fill: WithAlpha(OkabeVermillion, 0.30), Stroke: Stroke{Color: OkabeVermillion, Width: 1.2}.Scaled(k)}
	contested := AreaStyle{Fill: WithAlpha(OkabeReddishPurple, 0.12),
		Hatch:  Hatch{Angle: 45, Spacing: 7, Width: 1.6, Color: WithAlpha(OkabeReddishPurple, 0.8)}.Scaled(k),
		Stroke: Stroke{Color: OkabeReddishPurple, Width: 1, Dash: []float64{5, 3}}.Scaled(k)}
	lowConf := AreaStyle{Fill: WithAlpha(OkabeVermillion, 0.10),
		Hatch:  Hatch{Angle: -45, Spacing: 9, Width: 1.2, Color: WithAlpha(OkabeVermillion, 0.7)}.Scaled(k),
		Stroke: Stroke{Color: WithAlpha(OkabeVermillion, 0.8), Width: 0.8, Dash: []float64{2, 3}}.Scaled(k)}
	tribal := AreaStyle{Fill: WithAlpha(OkabeBluishGreen, 0.30), Stroke: Stroke{Color: OkabeBluishGreen, Width: 1}.Scaled(k)}

	areas := []Object{
		&Area{Key: "zone-west", Name: "Tripoli government", Style: west, Geometry: orb.MultiPolygon{
			{{{11.5, 33.2}, {15.4, 32.4}, {15.3, 31.0}, {13.0, 30.2}, {10.0, 30.3}, {9.9, 31.8}, {11.5, 33.2}},
				// A hole: an enclave held by someone else.
				{{12.2, 31.3}, {13.2, 31.3}, {13.2, 31.9}, {12.2, 31.9}, {12.2, 31.3}}},
		}},
		&Area{Key: "zone-enclave", Name: "Tarhuna enclave", Style: east, Geometry: orb.MultiPolygon{
			{{{12.2, 31.3}, {13.2, 31.3}, {13.2, 31.9}, {12.2, 31.9}, {12.2, 31.3}}},
		}},
		&Area{Key: "zone-east", Name: "Haftar's forces", Style: east, Geometry: orb.MultiPolygon{
			{{{17.2, 31.2}, {20.0, 30.3}, {20.1, 32.9}, {25.0, 31.7}, {25.0, 21.9}, {19.0, 21.2}, {15.0, 23.5}, {15.6, 29.2}, {17.2, 31.2}}},
			// A second part: an outpost in the south-west.
			{{{10.0, 26.0}, {11.6, 26.0}, {11.6, 27.2}, {10.0, 27.2}, {10.0, 26.0}}},
		}},
		&Area{Key: "zone-sirte", Name: "Sirte front (contested)", Style: contested, Geometry: orb.MultiPolygon{
			{{{15.3, 31.0}, {15.4, 32.4}, {16.8, 31.4}, {17.2, 31.2}, {15.6, 29.2}, {15.3, 31.0}}},
		}},
		&Area{Key: "zone-fezzan", Name: "Fezzan (low confidence)", Style: lowConf, Geometry: orb.MultiPolygon{
			{{{10.0, 30.3}, {13.0, 30.2}, {15.3, 31.0}, {15.6, 29.2}, {15.0, 23.5}, {11.9, 23.5}, {10.0, 25.0}, {10.0, 30.3}}},
		}},
		&Area{Key: "zone-south", Name: "Tebu militias", Style: tribal, Geometry: orb.MultiPolygon{
			{{{15.0, 23.5}, {19.0, 21.2}, {19.5, 20.0}, {14.0, 22.0}, {15.0, 23.5}}},
		}},
	}

	front := &Path{Key: "front", Name: "front line", Geometry: orb.MultiLineString{{{15.2, 32.35}, {15.5, 31.3}, {15.9, 30.4}, {16.1, 29.3}}},
		Style: LineStyle{Line: Stroke{Color: InkColor, Width: 2, Dash: []float64{7, 4}}.Scaled(k), Casing: Stroke{Color: WithAlpha(color.NRGBA{0xff, 0xff, 0xff, 0xff}, 0.8), Width: 5}.Scaled(k)}}
	ring := &Circle{Key: "ring-watiya", Name: "drone range", Centre: orb.Point{12.0, 32.47}, RadiusKm: 200,
		Style: RingStyle{Stroke: Stroke{Color: OkabeBlue, Width: 1.5, Dash: []float64{6, 4}}.Scaled(k), Fill: WithAlpha(OkabeSkyBlue, 0.10)}}

	label := TextStyle{Size: 13, Color: InkColor, Halo: HaloColor, HaloWidth: 2}.Scaled(k)
	city := TextStyle{Size: 14, Weight: Bold, Color: InkColor, Halo: HaloColor, HaloWidth: 2}.Scaled(k)
	terminal := MarkerStyle{Symbol: SymbolOilTerminal, Size: 14, Fill: InkColor, Stroke: color.NRGBA{0xff, 0xff, 0xff, 0xff}, StrokeWidth: 1.2}.Scaled(k)
	field := MarkerStyle{Symbol: SymbolOilField, Size: 14, Fill: InkColor, Stroke: color.NRGBA{0xff, 0xff, 0xff, 0xff}, StrokeWidth: 1.2}.Scaled(k)
	airbase := MarkerStyle{Symbol: SymbolAirbase, Size: 16, Fill: color.NRGBA{0x33, 0x33, 0x33, 0xff}, Stroke: color.NRGBA{0xff, 0xff, 0xff, 0xff}, StrokeWidth: 1.2}.Scaled(k)
	town := MarkerStyle{Symbol: SymbolSquare, Size: 8, Fill: InkColor, Stroke: color.NRGBA{0xff, 0xff, 0xff, 0xff}, StrokeWidth: 1}.Scaled(k)
	callout := MarkerStyle{Symbol: SymbolCallout, Size: 22, Fill: OkabeVermillion, Stroke: color.NRGBA{0xff, 0xff, 0xff, 0xff}, StrokeWidth: 1.5}.Scaled(k)
	deploy := MarkerStyle{Symbol: SymbolTriangle, Size: 13, Fill: OkabeReddishPurple, Stroke: color.NRGBA{0xff, 0xff, 0xff, 0xff}, StrokeWidth: 1.2}.Scaled(k)

	pt := func(id, name string, lon, lat float64, st MarkerStyle, ls TextStyle, prio int) *Marker {
		return &Marker{Key: id, Name: name, Point: orb.Point{lon, lat}, Style: st, Label: name, LabelStyle: ls, LabelPriority: prio}
	}
	points := []Object{
		pt("tripoli", "Tripoli", 13.19, 32.89, town, city, 100),
		pt("benghazi", "Benghazi", 20.07, 32.12, town, city, 100),
		pt("misrata", "Misrata", 15.09, 32.38, town, city, 90),
		pt("sirte", "Sirte", 16.59, 31.2, town, city, 90),
		pt("tobruk", "Tobruk", 23.96, 32.08, town, city, 80),
		pt("sabha", "Sabha", 14.43, 27.04, town, city, 80),
		pt("kufra", "Kufra", 23.3, 24.2, town, city, 70),
		pt("es-sider", "Es Sider", 18.35, 30.63, terminal, label, 60),
		pt("ras-lanuf", "Ras Lanuf", 18.57, 30.5, terminal, label, 60),
		pt("brega", "Brega", 19.6, 30.4, terminal, label, 60),
		pt("zueitina", "Zueitina", 20.12, 30.85, terminal, label, 55),
		pt("hariga", "Hariga", 23.98, 31.95, terminal, label, 50),
		pt("zawiya", "Zawiya", 12.7, 32.75, terminal, label, 50),
		pt("sharara", "Sharara", 10.1, 26.6, field, label, 40),
		pt("el-feel", "El Feel", 11.0, 26.3, field, label, 40),
		pt("sarir", "Sarir", 22.5, 27.6, field, label, 40),
		pt("waha", "Waha", 19.7, 28.9, field, label, 35),
		pt("watiya", "Al Watiya", 12.0, 32.47, airbase, label, 45),
		pt("jufra", "Al Jufra", 16.1, 29.2, airbase, label, 45),
		pt("wagner", "Wagner", 16.0, 29.0, deploy, label, 30),
		&Marker{Key: "callout-1", Point: orb.Point{14.2, 31.2}, Style: callout, Number: 1},
		&Marker{Key: "callout-2", Point: orb.Point{21.5, 29.5}, Style: callout, Number: 2},
	}
	return []Layer{
		{Name: "zones", Objects: areas},
		{Name: "lines", Objects: []Object{ring, front}},
		{Name: "points", Objects: points},
		{Name: "labels", Objects: []Object{&Label{Key: "label-fezzan", Point: orb.Point{12.5, 26.0}, Text: "FEZZAN",
			Style: TextStyle{Size: 15, Weight: Bold, Color: MutedTextColor, Halo: HaloColor, HaloWidth: 1.5, Tracking: 3}.Scaled(k), Priority: 10}}},
	}
}

// fixtureMap returns the Libya-like map at w×h with the basemap.
func fixtureMap(tb testing.TB, w, h int) *Map {
	fonts, base := loadFixtures(tb)
	m := &Map{Width: w, Height: h, Basemap: base, Style: DefaultBasemapStyle("LBY"),
		Layers: fixtureLayers(1), ScaleBar: true, Faces: NewFaceCache(fonts)}
	m.Fit(libyaBound, 24)
	return m
}

// checkGolden compares img with testdata/name (rewriting it under
// -update): at most 0.2% of the pixels may differ by more than 16 in a
// channel (antialiasing may shift between platforms).
func checkGolden(t *testing.T, name string, img image.Image) {
	t.Helper()
	goldenimage.Check(t, filepath.Join("testdata", name), img, goldenfile.Update(), goldenimage.Tolerance{Level: 16, MaxFraction: 0.002})
}
