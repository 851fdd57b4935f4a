package scene

import (
	"fmt"
	"image"
	"slices"

	"github.com/paulmach/orb"

	"github.com/briefmap/briefmap/data"
	"github.com/briefmap/briefmap/geo"
)

// LegendEntry is one line of the legend: a swatch drawn with the same styles
// as the map, and its label.
type LegendEntry struct {
	Label string
	Item  geo.LegendItem
	pin   *pinStyle // an event pin, which geo's swatches cannot draw
}

// Legend returns the legend of everything o shows (Shown), in drawing
// order: the zones' controllers, low-confidence and contested areas, place
// symbols, force symbols by kind, range rings, event families. Its
// swatches are drawn at o's pixel ratio, as the map is.
func (r *Renderer) Legend(o Options) []LegendEntry { return r.legend(o, r.Shown(o)) }

// LegendIn is Legend limited to what lies in view (InView).
func (r *Renderer) LegendIn(o Options, view orb.Bound) []LegendEntry {
	return r.legend(o, r.InView(o, view))
}

func (r *Renderer) legend(o Options, v InView) []LegendEntry {
	b, ratio := r.b, o.Ratio()
	var out []LegendEntry
	add := func(label string, item geo.LegendItem) { out = append(out, LegendEntry{Label: label, Item: item}) }
	symbol := func(label string, st geo.MarkerStyle) { add(label, geo.LegendItem{Kind: geo.LegendSymbol, Marker: st}) }

	var lowConf *data.Zone // the first low-confidence zone, whose colour its entry takes
	contested := false
	for _, z := range v.Zones {
		contested = contested || z.Contested()
		if lowConf == nil && !z.Contested() && z.Confidence == data.Low {
			lowConf = z
		}
	}
	// Controllers whose zones share a colour share an entry (see allies.go).
	groups := r.controllerGroups(v.Zones)
	for _, g := range groups {
		add(heldByLabel(b, g), geo.LegendItem{Kind: geo.LegendSwatch, Area: zoneStyle(b, &data.Zone{Controller: g[0], Confidence: data.High}, ratio)})
	}
	if lowConf != nil {
		add("Low confidence (hatched)", geo.LegendItem{Kind: geo.LegendHatch, Area: zoneStyle(b, &data.Zone{Controller: lowConf.Controller, Confidence: data.Low}, ratio)})
	}
	if contested {
		add("Contested / front line", geo.LegendItem{Kind: geo.LegendHatch, Area: zoneStyle(b, &data.Zone{}, ratio)})
	}

	kinds := map[data.PlaceKind]bool{}
	anyBlockaded := false
	for _, p := range v.Places {
		kinds[p.Kind] = true
		anyBlockaded = anyBlockaded || p.Kind == data.OilTerminal && blockaded(p, o.Date)
	}
	if kinds[data.OilTerminal] {
		symbol("Oil terminal", placeStyle(data.OilTerminal, 0, false, ratio))
		if anyBlockaded {
			symbol("Oil terminal, blockaded", placeStyle(data.OilTerminal, 0, true, ratio))
		}
	}
	if kinds[data.OilField] {
		symbol("Oil field", placeStyle(data.OilField, 0, false, ratio))
	}
	if kinds[data.Airbase] {
		symbol("Airbase", placeStyle(data.Airbase, 0, false, ratio))
	}
	if kinds[data.City] || kinds[data.Port] || kinds[data.OtherPlace] {
		symbol("City or town", placeStyle(data.City, 1, false, ratio))
	}

	// One entry per kind of force, in grey: the colour of a force's symbol
	// is the side it backs, as in the zones' entries above.
	var whats []string
	for _, dep := range v.Deployments {
		what := whatNames[dep.What]
		if what == "" {
			what = "Other forces"
		}
		if !slices.Contains(whats, what) {
			whats = append(whats, what)
			symbol(what, forceStyle(dep.What, NeutralColour, ratio))
		}
	}
	for _, dep := range v.Ranges {
		add(fmt.Sprintf("Range, %s (%s)", deploymentLabel(b, dep), RangeText(dep, false)), geo.LegendItem{Kind: geo.LegendRing, Ring: rangeLine(b, dep, ratio)})
	}
	// One entry per family of the events drawn, in family order.
	var fams []eventFamily
	for _, e := range v.Events {
		if f := familyOf(e.Kind); !slices.Contains(fams, f) {
			fams = append(fams, f)
		}
	}
	slices.Sort(fams)
	for _, f := range fams {
		st := eventPinStyle(f, ratio)
		out = append(out, LegendEntry{Label: eventFamilyNames[f], pin: &st})
	}
	return append(out, r.compareLegend(o)...)
}

// Swatch draws a legend entry's swatch in a transparent px×px image, with
// the same styles the map uses (build the entry at the ratio px is drawn
// at, so that its strokes keep their weight).
func Swatch(e LegendEntry, px int) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, px, px))
	c := geo.NewCanvas(img, nil)
	DrawSwatch(c, e, c.Frame().Inset(1))
	return img
}

// DrawSwatch draws legend entry e's swatch inside box r of canvas c, as
// the map draws what it keys (the app's legend and the slide's key both
// draw through it).
func DrawSwatch(c geo.Surface, e LegendEntry, r geo.Box) {
	if e.pin == nil {
		geo.DrawLegendSwatch(c, e.Item, r)
		return
	}
	// An upright pin with a short stem, shrunk to fit the box.
	st := *e.pin
	st.Stem = 0.72 * st.Head
	h := st.Stem + st.Head/2 + st.StrokeWidth
	if k := min(r.H()/h, r.W()/(st.Head+st.StrokeWidth)); k < 1 {
		st.Head, st.Stem, st.StrokeWidth = st.Head*k, st.Stem*k, st.StrokeWidth*k
		h *= k
	}
	cx := (r.X0 + r.X1) / 2
	tipY := (r.Y0+r.Y1)/2 + h/2 - st.StrokeWidth/2
	drawPin(c, cx, tipY, cx, tipY-st.Stem, st)
}
