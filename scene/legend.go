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
}

// Legend returns the legend of everything o shows (Shown), in drawing
// order: the zones' controllers, low-confidence and contested areas, place
// symbols, force symbols by kind, range rings. Its swatches are drawn at
// o's pixel ratio, as the map is.
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

	var controllers []string
	lowConf, contested := false, false
	for _, z := range v.Zones {
		if z.Contested() {
			contested = true
			continue
		}
		lowConf = lowConf || z.Confidence == data.Low
		if !slices.Contains(controllers, z.Controller) {
			controllers = append(controllers, z.Controller)
		}
	}
	for _, id := range controllers {
		add("Held by "+b.Name(id), geo.LegendItem{Kind: geo.LegendSwatch, Area: zoneStyle(b, &data.Zone{Controller: id, Confidence: data.High}, ratio)})
	}
	if lowConf && len(controllers) > 0 {
		add("Low confidence (hatched)", geo.LegendItem{Kind: geo.LegendHatch, Area: zoneStyle(b, &data.Zone{Controller: controllers[0], Confidence: data.Low}, ratio)})
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
		add(fmt.Sprintf("Range, %s (%g km)", deploymentLabel(b, dep), dep.RangeKM), geo.LegendItem{Kind: geo.LegendRing, Ring: rangeLine(b, dep, ratio)})
	}
	return append(out, r.compareLegend(o)...)
}

// Swatch draws a legend entry's swatch in a transparent px×px image, with
// the same styles the map uses (build the entry at the ratio px is drawn
// at, so that its strokes keep their weight).
func Swatch(e LegendEntry, px int) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, px, px))
	c := geo.NewCanvas(img, nil)
	geo.DrawLegendSwatch(c, e.Item, c.Frame().Inset(1))
	return img
}
