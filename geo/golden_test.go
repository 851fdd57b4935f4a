package geo

import (
	"fmt"
	"image"
	"image/color"
	"testing"

	"github.com/paulmach/orb"
)

var white = color.NRGBA{0xff, 0xff, 0xff, 0xff}

func TestGoldenBasemap(t *testing.T) {
	fonts, base := loadFixtures(t)
	m := &Map{Width: 960, Height: 600, Basemap: base, Style: DefaultBasemapStyle("LBY"), ScaleBar: true, Faces: NewFaceCache(fonts)}
	m.Fit(libyaBound, 16)
	checkGolden(t, "basemap.png", m.Render())
}

func TestGoldenLibya(t *testing.T) {
	checkGolden(t, "libya.png", fixtureMap(t, 1280, 800).Render())
}

// TestGoldenAreas: polygons with holes, a multipolygon, hatches at several
// angles and dashed outlines, on a plain sea.
func TestGoldenAreas(t *testing.T) {
	fonts, _ := loadFixtures(t)
	blue := AreaStyle{Fill: WithAlpha(OkabeBlue, 0.45), Stroke: Stroke{Color: OkabeBlue, Width: 1.5}}
	hatched := func(c color.NRGBA, angle float64) AreaStyle {
		return AreaStyle{Fill: WithAlpha(c, 0.12), Hatch: Hatch{Angle: angle, Spacing: 7, Width: 1.5, Color: c},
			Stroke: Stroke{Color: c, Width: 1.2, Dash: []float64{6, 3}}}
	}
	objs := []Object{
		// A square with two holes.
		&Area{Key: "holes", Style: blue, Geometry: orb.MultiPolygon{{rect(0, 0, 6, 5), rect(1, 1, 2.5, 2.5), rect(3.5, 2, 5, 4)}}},
		// A multipolygon whose rings wind the "wrong" way: orientation is
		// normalised, holes stay empty.
		&Area{Key: "multi", Style: AreaStyle{Fill: WithAlpha(OkabeBluishGreen, 0.5), Stroke: Stroke{Color: OkabeBluishGreen, Width: 2, Round: true}},
			Geometry: orb.MultiPolygon{
				{orb.Ring{{7, 0}, {7, 2}, {9, 2}, {9, 0}, {7, 0}}},
				{orb.Ring{{7, 3}, {10, 3}, {10, 5}, {7, 5}, {7, 3}}, orb.Ring{{8, 3.5}, {9, 3.5}, {9, 4.5}, {8, 4.5}, {8, 3.5}}},
			}},
		&Area{Key: "h45", Style: hatched(OkabeVermillion, 45), Geometry: orb.MultiPolygon{{orb.Ring{{0, -1}, {3, -1}, {1.5, -4.5}, {0, -1}}}}},
		&Area{Key: "h-45", Style: hatched(OkabeReddishPurple, -45), Geometry: orb.MultiPolygon{{rect(3.5, -4.5, 6.5, -1)}}},
		&Area{Key: "h0", Style: hatched(OkabeBlue, 0), Geometry: orb.MultiPolygon{{rect(7, -4.5, 10, -1)}}},
		// Overlapping hatches stay readable: contested over held.
		&Area{Key: "over", Style: hatched(InkColor, 60), Geometry: orb.MultiPolygon{{rect(5, 1, 8, 2.5)}}},
	}
	m := &Map{Width: 480, Height: 360, Style: BasemapStyle{Sea: white}, Faces: NewFaceCache(fonts),
		Layers: []Layer{{Objects: objs}}}
	m.Fit(orb.Bound{Min: orb.Point{-0.3, -4.8}, Max: orb.Point{10.3, 5.3}}, 8)
	checkGolden(t, "areas.png", m.Render())
}

// TestGoldenLabels: a cluster of labelled markers whose labels would
// collide; lower priorities move or drop.
func TestGoldenLabels(t *testing.T) {
	fonts, _ := loadFixtures(t)
	st := TextStyle{Size: 13, Color: InkColor, Halo: white, HaloWidth: 2}
	var objs []Object
	for i := range 20 {
		lon := 10 + float64(i%5)*0.25
		lat := 30 + float64(i/5)*0.15
		objs = append(objs, &Marker{Key: fmt.Sprint(i), Point: orb.Point{lon, lat},
			Style: MarkerStyle{Symbol: SymbolCircle, Size: 9, Fill: OkabeVermillion, Stroke: white, StrokeWidth: 1.2},
			Label: fmt.Sprintf("Place number %d", i), LabelStyle: st, LabelPriority: 20 - i})
	}
	objs = append(objs, &Label{Point: orb.Point{10.5, 30.75}, Text: "A CENTRED REGION NAME",
		Style: TextStyle{Size: 14, Weight: Bold, Color: MutedTextColor, Halo: white, HaloWidth: 1.5, Tracking: 2}, Priority: 100})
	m := &Map{Width: 480, Height: 360, Style: BasemapStyle{Sea: SeaColor}, Faces: NewFaceCache(fonts), Layers: []Layer{{Objects: objs}}}
	m.Fit(orb.Bound{Min: orb.Point{9.7, 29.8}, Max: orb.Point{11.3, 30.85}}, 10)
	img := m.Render()
	if n := len(m.lastLabels); n < 8 || n > 20 {
		t.Errorf("%d labels placed, want some but not all of 21", n)
	}
	for i, a := range m.lastLabels {
		for _, b := range m.lastLabels[i+1:] {
			if a.box.Overlaps(b.box) {
				t.Errorf("labels of %s and %s overlap", a.owner.ID(), b.owner.ID())
			}
		}
	}
	checkGolden(t, "labels.png", img)
}

// TestGoldenRings: 500 km range rings at 32°N and 65°N over the basemap.
// Mercator is conformal, so both look round, but the northern one is about
// cos 32°/cos 65° ≈ 2 times larger and reaches further north of its centre
// than south.
func TestGoldenRings(t *testing.T) {
	fonts, base := loadFixtures(t)
	ringStyle := RingStyle{Stroke: Stroke{Color: OkabeBlue, Width: 1.8, Dash: []float64{7, 4}}, Fill: WithAlpha(OkabeSkyBlue, 0.15)}
	south := &Circle{Key: "south", Centre: orb.Point{15, 32}, RadiusKm: 500, Style: ringStyle}
	north := &Circle{Key: "north", Centre: orb.Point{25, 65}, RadiusKm: 500, Style: ringStyle}
	centre := MarkerStyle{Symbol: SymbolAirbase, Size: 16, Fill: InkColor, Stroke: white, StrokeWidth: 1.2}
	m := &Map{Width: 480, Height: 480, Basemap: base, Style: DefaultBasemapStyle(""), ScaleBar: true, Faces: NewFaceCache(fonts),
		Layers: []Layer{{Objects: []Object{south, north,
			&Marker{Point: south.Centre, Style: centre}, &Marker{Point: north.Centre, Style: centre}}}}}
	m.Fit(orb.Bound{Min: orb.Point{2, 24}, Max: orb.Point{40, 72}}, 8)
	tr := m.Transformer()
	nb := tr.PixelBound(north.Bounds())
	sb := tr.PixelBound(south.Bounds())
	_, ny := tr.ToPixel(north.Centre)
	if up, down := ny-nb.Y0, nb.Y1-ny; up < down*1.1 {
		t.Errorf("ring at 65°N reaches %.0f px north and %.0f px south of its centre: want more to the north", up, down)
	}
	if nb.W() < sb.W()*1.5 {
		t.Errorf("ring at 65°N (%.0f px wide) should be much wider than at 32°N (%.0f px)", nb.W(), sb.W())
	}
	checkGolden(t, "rings.png", m.Render())
}

// TestGoldenSymbols: every symbol at three sizes, and every legend swatch
// kind.
func TestGoldenSymbols(t *testing.T) {
	fonts, _ := loadFixtures(t)
	img := image.NewRGBA(image.Rect(0, 0, 560, 300))
	c := NewCanvas(img, fonts)
	c.Clear(FocusColor)
	label := TextStyle{Size: 11, Color: InkColor}
	for i := SymbolCircle; i <= SymbolCallout; i++ {
		x := 40 + float64(i)*66
		for j, size := range []float64{10, 16, 24} {
			st := MarkerStyle{Symbol: i, Size: size, Fill: InkColor, Stroke: white, StrokeWidth: 1.2}
			if i == SymbolCallout {
				st.Fill = OkabeVermillion
			}
			DrawSymbol(c, x, 30+float64(j)*36, st, j+1)
		}
		w, _, _ := c.MeasureText(i.String(), label)
		c.Text(x-w/2, 148, i.String(), label)
	}
	items := []LegendItem{
		{Kind: LegendSwatch, Label: "held", Area: AreaStyle{Fill: WithAlpha(OkabeBlue, 0.4), Stroke: Stroke{Color: OkabeBlue, Width: 1}}},
		{Kind: LegendHatch, Label: "contested", Area: AreaStyle{Fill: WithAlpha(OkabeReddishPurple, 0.12),
			Hatch: Hatch{Angle: 45, Spacing: 5, Width: 1.2, Color: OkabeReddishPurple}, Stroke: Stroke{Color: OkabeReddishPurple, Width: 1}}},
		{Kind: LegendSymbol, Label: "oil terminal", Marker: MarkerStyle{Symbol: SymbolOilTerminal, Size: 16, Fill: InkColor, Stroke: white, StrokeWidth: 1}},
		{Kind: LegendSymbol, Label: "callout", Number: 3, Marker: MarkerStyle{Symbol: SymbolCallout, Size: 30, Fill: OkabeVermillion, Stroke: white, StrokeWidth: 1}},
		{Kind: LegendLine, Label: "front line", Line: LineStyle{Line: Stroke{Color: InkColor, Width: 2, Dash: []float64{5, 3}}, Casing: Stroke{Color: white, Width: 5}}},
		{Kind: LegendRing, Label: "drone range", Ring: RingStyle{Stroke: Stroke{Color: OkabeBlue, Width: 1.5, Dash: []float64{4, 3}}, Fill: WithAlpha(OkabeSkyBlue, 0.2)}},
	}
	for i, it := range items {
		x := 20 + float64(i%3)*180
		y := 180 + float64(i/3)*50
		DrawLegendSwatch(c, it, Box{x, y, x + 24, y + 24})
		c.Text(x+32, y+17, it.Label, TextStyle{Size: 13, Color: InkColor})
	}
	checkGolden(t, "symbols.png", img)
}

// TestGoldenText: halos, weights, tracking, wrapping and ellipsising.
func TestGoldenText(t *testing.T) {
	fonts, _ := loadFixtures(t)
	img := image.NewRGBA(image.Rect(0, 0, 480, 260))
	c := NewCanvas(img, fonts)
	c.Clear(SeaColor)
	var p PixelPath
	p.AddRect(Box{0, 0, 480, 90})
	c.HatchPath(&p, Hatch{Angle: 45, Spacing: 6, Width: 2, Color: OkabeVermillion})
	c.Text(12, 34, "Halo over hatching — Ajdabiya", TextStyle{Size: 22, Weight: Bold, Color: InkColor, Halo: white, HaloWidth: 3})
	c.Text(12, 72, "ITALIC, SPACED", TextStyle{Size: 16, Weight: Italic, Color: InkColor, Halo: HaloColor, HaloWidth: 2, Tracking: 3})
	body := TextStyle{Size: 14, Color: InkColor}
	lines := c.WrapText("“The Turkish drones have a range of less than 200km,” said an analyst, and Supercalifragilisticexpialidocious words are broken.", body, 200)
	lh := c.LineHeight(body)
	for i, l := range lines {
		c.Text(12, 118+float64(i)*lh, l, body)
	}
	c.StrokeRect(Box{11.5, 100.5, 212.5, 118 + float64(len(lines))*lh}, Stroke{Color: OkabeBlue, Width: 1})
	e := c.Ellipsize("A very long title that cannot fit in its box at all", TextStyle{Size: 16, Weight: Bold, Color: InkColor}, 200)
	c.Text(260, 118, e, TextStyle{Size: 16, Weight: Bold, Color: InkColor})
	c.StrokeRect(Box{259.5, 100.5, 460.5, 124.5}, Stroke{Color: OkabeBlue, Width: 1})
	checkGolden(t, "text.png", img)
}
