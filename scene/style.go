package scene

import (
	"image/color"

	"github.com/briefmap/briefmap/data"
	"github.com/briefmap/briefmap/geo"
)

// This file is the style table: every colour, symbol and size the map, its
// legend, the app's panels and the slide draw with. Sizes are in pixels at
// pixel ratio 1; the functions that take a ratio scale them.

// Colours of the map's overlay that are not a side's.
var (
	// ContestedColour marks contested zones (front lines) and blockaded
	// terminals.
	ContestedColour = geo.OkabeVermillion
	// NeutralColour is the colour of an actor on no known side, and of the
	// legend's force symbols (the side colours are keyed by the zones).
	NeutralColour = color.NRGBA{0x6b, 0x6b, 0x6b, 0xff}
	// SymbolInk is the dark ink of symbols, labels, callouts and outlines.
	SymbolInk = geo.InkColor
	// SymbolPaper is the light fill and casing of symbols and callouts.
	SymbolPaper = color.NRGBA{0xff, 0xff, 0xff, 0xff}
)

// Colours of the page around the map: the slide, and the app's panels.
var (
	// PaperColour is the slide's background.
	PaperColour = SymbolPaper
	// InkColour is the slide's text; MutedInkColour its secondary text.
	InkColour      = color.NRGBA{0x12, 0x12, 0x12, 0xff}
	MutedInkColour = color.NRGBA{0x55, 0x55, 0x55, 0xff}
	// HairlineColour frames the slide's map and rules its footer.
	HairlineColour = color.NRGBA{0xb8, 0xb8, 0xb8, 0xff}
	// AccentColour is the slide's red rule and its citation numbers.
	AccentColour = color.NRGBA{0xe3, 0x12, 0x0b, 0xff}
	// SwatchPaper is what legend swatches are shown on beside the map: the
	// focus country's land, as under the map's translucent fills.
	SwatchPaper = geo.FocusColor
)

// sidePalette is the Okabe–Ito order sides take colours in: blue and orange
// first (the pair that stays apart under every common colour-vision
// deficiency), then bluish green and reddish purple.
var sidePalette = [...]color.NRGBA{geo.OkabeBlue, geo.OkabeOrange, geo.OkabeBluishGreen, geo.OkabeReddishPurple, geo.OkabeSkyBlue}

// SideColour returns the colour of side id: the briefing's sides take the
// palette in order; an unknown side is neutral grey.
func SideColour(b *data.Briefing, side string) color.NRGBA {
	for i, s := range b.Sides {
		if s.ID == side {
			return sidePalette[i%len(sidePalette)]
		}
	}
	return NeutralColour
}

// ActorColour returns the colour of the side actor id is on.
func ActorColour(b *data.Briefing, id string) color.NRGBA {
	if a, ok := b.Actor(id); ok {
		return SideColour(b, a.Side)
	}
	return NeutralColour
}

// deploymentColour is the colour of the side a deployment fights for.
func deploymentColour(b *data.Briefing, dep *data.Deployment) color.NRGBA {
	if dep.Supports != "" {
		return ActorColour(b, dep.Supports)
	}
	return ActorColour(b, dep.Actor)
}

// basemapStyle is how the land, sea and borders under the overlay are
// drawn (geo scales it by the map's pixel ratio).
func basemapStyle(b *data.Briefing) geo.BasemapStyle { return geo.DefaultBasemapStyle(b.CountryISO) }

// zoneStyle is how zone z is filled: its controller's side colour, hatched
// when confidence is low; a contested zone is vermillion hatching over what
// lies beneath.
func zoneStyle(b *data.Briefing, z *data.Zone, ratio float64) geo.AreaStyle {
	if z.Contested() {
		return geo.AreaStyle{
			Fill:   geo.WithAlpha(ContestedColour, 0.12),
			Hatch:  geo.Hatch{Angle: 45, Spacing: 7 * ratio, Width: 1.6 * ratio, Color: geo.WithAlpha(ContestedColour, 0.85)},
			Stroke: geo.Stroke{Color: ContestedColour, Width: 1.2 * ratio, Dash: []float64{5 * ratio, 3 * ratio}},
		}
	}
	c := ActorColour(b, z.Controller)
	st := geo.AreaStyle{
		Fill:   geo.WithAlpha(c, 0.34),
		Stroke: geo.Stroke{Color: geo.WithAlpha(c, 0.9), Width: 0.9 * ratio},
	}
	if z.Confidence == data.Low {
		st.Hatch = geo.Hatch{Angle: -45, Spacing: 6 * ratio, Width: 1.2 * ratio, Color: geo.WithAlpha(c, 0.7)}
	}
	return st
}

// placeStyle is the symbol of a place of kind k and importance (1 is the
// most important); a blockaded terminal is filled vermillion.
func placeStyle(k data.PlaceKind, importance int, blockaded bool, ratio float64) geo.MarkerStyle {
	var st geo.MarkerStyle
	switch k {
	case data.OilTerminal:
		st = geo.MarkerStyle{Symbol: geo.SymbolOilTerminal, Size: 15, Fill: SymbolPaper, Stroke: SymbolInk, StrokeWidth: 1.2}
		if blockaded {
			st.Fill = ContestedColour
		}
	case data.OilField:
		st = geo.MarkerStyle{Symbol: geo.SymbolOilField, Size: 14, Fill: SymbolInk, Stroke: SymbolPaper, StrokeWidth: 1}
	case data.Airbase:
		st = geo.MarkerStyle{Symbol: geo.SymbolAirbase, Size: 16, Fill: SymbolPaper, Stroke: SymbolInk, StrokeWidth: 1.2}
	default:
		size := 7.0
		if importance == 1 {
			size = 9
		}
		st = geo.MarkerStyle{Symbol: geo.SymbolSquare, Size: size, Fill: SymbolInk, Stroke: SymbolPaper, StrokeWidth: 1}
	}
	return st.Scaled(ratio)
}

// placeStyleOn is the symbol of place p on date d.
func placeStyleOn(p *data.Place, d data.Date, ratio float64) geo.MarkerStyle {
	return placeStyle(p.Kind, p.Importance, blockaded(p, d), ratio)
}

func blockaded(p *data.Place, d data.Date) bool {
	st, ok := p.StatusOn(d)
	return ok && st.Status == "blockaded"
}

// placeLabelStyle is the label of place p: bold and larger for the most
// important places.
func placeLabelStyle(p *data.Place, ratio float64) geo.TextStyle {
	if p.Importance == 1 {
		return labelStyle(13, geo.Bold, ratio)
	}
	return labelStyle(12, geo.Regular, ratio)
}

// deploymentLabelStyle is the label of a force on the map.
func deploymentLabelStyle(ratio float64) geo.TextStyle { return labelStyle(11, geo.Italic, ratio) }

func labelStyle(size float64, weight geo.Weight, ratio float64) geo.TextStyle {
	return geo.TextStyle{Size: size, Weight: weight, Color: SymbolInk, Halo: geo.HaloColor, HaloWidth: 2}.Scaled(ratio)
}

// whatSymbols are the deployment symbols by what is deployed (a circle for
// anything else).
var whatSymbols = map[string]geo.Symbol{
	"drones":      geo.SymbolTriangle,
	"aircraft":    geo.SymbolTriangle,
	"air-defence": geo.SymbolDiamond,
	"troops":      geo.SymbolSquare,
	"advisers":    geo.SymbolSquare,
}

// whatNames are the legend names of what is deployed ("Other forces" for
// anything else).
var whatNames = map[string]string{
	"drones":      "Drones and aircraft",
	"aircraft":    "Drones and aircraft",
	"air-defence": "Air defence",
	"troops":      "Troops and advisers",
	"advisers":    "Troops and advisers",
	"mercenaries": "Mercenaries and fighters",
	"fighters":    "Mercenaries and fighters",
}

// deploymentStyle is the symbol of a force: its kind's shape in the colour
// of the side it fights for.
func deploymentStyle(b *data.Briefing, dep *data.Deployment, ratio float64) geo.MarkerStyle {
	return forceStyle(dep.What, deploymentColour(b, dep), ratio)
}

func forceStyle(what string, fill color.NRGBA, ratio float64) geo.MarkerStyle {
	sym, ok := whatSymbols[what]
	if !ok {
		sym = geo.SymbolCircle
	}
	return geo.MarkerStyle{Symbol: sym, Size: 14, Fill: fill, Stroke: SymbolPaper, StrokeWidth: 1.5}.Scaled(ratio)
}

// deploymentAreaStyle is how the area a force holds is drawn: hatched and
// dashed in its side's colour.
func deploymentAreaStyle(b *data.Briefing, dep *data.Deployment, ratio float64) geo.AreaStyle {
	c := deploymentColour(b, dep)
	return geo.AreaStyle{
		Hatch:  geo.Hatch{Angle: 0, Spacing: 6, Width: 1, Color: geo.WithAlpha(c, 0.6)}.Scaled(ratio),
		Stroke: geo.Stroke{Color: c, Width: 1.2, Dash: []float64{3, 3}}.Scaled(ratio),
	}
}

// rangeTint and rangeLine are the two parts of a force's range ring: a
// faint tint inside, and a dashed line in its side's colour. A range that
// is only an upper bound ("less than 200km") claims no exact reach: no
// tint (not everything inside is within reach), and a dotted line.
func rangeTint(b *data.Briefing, dep *data.Deployment) geo.RingStyle {
	if dep.RangeMax {
		return geo.RingStyle{}
	}
	return geo.RingStyle{Fill: geo.WithAlpha(deploymentColour(b, dep), 0.05)}
}

func rangeLine(b *data.Briefing, dep *data.Deployment, ratio float64) geo.RingStyle {
	if dep.RangeMax {
		return geo.RingStyle{Stroke: geo.Stroke{Color: deploymentColour(b, dep), Width: 1.8, Dash: []float64{0.1, 4.5}, Round: true}.Scaled(ratio)}
	}
	return geo.RingStyle{Stroke: geo.Stroke{Color: deploymentColour(b, dep), Width: 1.4, Dash: []float64{6, 4}}.Scaled(ratio)}
}

// Callout geometry at ratio 1: a numbered disc calloutDisc wide, centred
// calloutOffset from its anchor (diagonally, or 1.3 times that straight up
// or down), so that it never covers what it points at.
const (
	calloutDisc   = 22.0
	calloutOffset = 16.0
)

// CalloutStyle returns the numbered disc of a callout on the map at pixel
// ratio ratio; the slide's key draws its numbers in the same style.
func CalloutStyle(ratio float64) geo.MarkerStyle {
	return geo.MarkerStyle{Symbol: geo.SymbolCallout, Size: calloutDisc, Fill: SymbolInk, Stroke: SymbolPaper, StrokeWidth: 1.5}.Scaled(ratio)
}

// CalloutSpacing returns how far apart (pixels at ratio) two callouts'
// anchors must be for each to get a disc of its own: a disc and a gap.
func CalloutSpacing(ratio float64) float64 { return (calloutDisc + 8) * ratio }

// calloutMargin is how far inside the map's frame (pixels at ratio 1) an
// anchor must lie for its disc to show whole wherever it is placed.
const calloutMargin = 32.0 // ≥ calloutOffset·1.3 + calloutDisc/2

// Outline strokes of the emphasis: highlights (dashed), the hovered record
// (thin) and the selection (thick, on a light casing).
func highlightStroke(ratio float64) geo.Stroke {
	return geo.Stroke{Color: SymbolInk, Width: 2, Dash: []float64{6, 3}}.Scaled(ratio)
}

func hoverStroke(ratio float64) geo.Stroke {
	return geo.Stroke{Color: geo.WithAlpha(SymbolInk, 0.7), Width: 1.5}.Scaled(ratio)
}

func selectionStrokes(ratio float64) (casing, line geo.Stroke) {
	return geo.Stroke{Color: SymbolPaper, Width: 5.5}.Scaled(ratio), geo.Stroke{Color: SymbolInk, Width: 2.5}.Scaled(ratio)
}

// Symbol geometry at ratio 1.
const (
	// outlineRingSize is the diameter of the ring drawn around an
	// emphasised place or force symbol.
	outlineRingSize = 26.0
	// forceOffset is how far a force's marker sits from the place it is
	// deployed at, so that the place's symbol stays visible.
	forceOffset = 15.0
)

// Compare mode (compare.go): what changed since an earlier date.

// ChangeColour marks places whose holder or status changed (a ring) in
// compare mode; the areas that changed hands take the colour of the side
// that lost them.
var ChangeColour = geo.OkabeReddishPurple

// changedAreaStyle is an area that changed hands: dense hatching and a
// dashed outline in the colour of the side that lost it, no fill, so the
// new holder's colour shows through.
func changedAreaStyle(lost color.NRGBA, ratio float64) geo.AreaStyle {
	return geo.AreaStyle{
		Hatch:  geo.Hatch{Angle: 45, Spacing: 5, Width: 1.8, Color: geo.WithAlpha(lost, 0.9)}.Scaled(ratio),
		Stroke: geo.Stroke{Color: lost, Width: 2.2, Dash: []float64{7, 3}}.Scaled(ratio),
	}
}

// changeRingStroke rings a place whose holder or status changed.
func changeRingStroke(ratio float64) geo.Stroke {
	return geo.Stroke{Color: ChangeColour, Width: 2.6}.Scaled(ratio)
}

// changeMarkStyle is the "+" of a force that arrived or the "−" of one
// that left, in the colour of the side it fights for.
func changeMarkStyle(arrived bool, c color.NRGBA, ratio float64) geo.MarkerStyle {
	sym := geo.SymbolMinus
	if !arrived {
		c = geo.WithAlpha(c, 0.75)
	} else {
		sym = geo.SymbolPlus
	}
	return geo.MarkerStyle{Symbol: sym, Size: 13, Fill: c, Stroke: SymbolPaper, StrokeWidth: 1.3}.Scaled(ratio)
}

// leftForceStyle is a force that left, at its old spot: its symbol, faded.
func leftForceStyle(what string, c color.NRGBA, ratio float64) geo.MarkerStyle {
	st := forceStyle(what, geo.WithAlpha(c, 0.4), ratio)
	st.Stroke = geo.WithAlpha(SymbolPaper, 0.7)
	return st
}

// changeMarkOffset is how far (pixels at ratio 1) a "+" or "−" sits from
// the force marker it qualifies, up and to the right.
const changeMarkOffset = 9.0

// Events: a pin on the map, its head filled with EventColour under dark
// ink, a glyph in the head for the family of the event's kind. The pin's
// tip is the event's point, so the place it happened at stays visible under
// the head; no place, force or zone is yellow, and the glyphs keep the
// families apart without colour.

// EventColour is the fill of every event pin: the Okabe–Ito yellow, which
// no side, zone, place or force takes.
var EventColour = geo.OkabeYellow

// eventFamily is a group of event kinds that share a symbol.
type eventFamily int

// Event families, in legend order.
const (
	famFighting eventFamily = iota // battle, offensive
	famPolitics                    // agreement, ceasefire, conference, vote, political
	famBlockade
	famDisaster
	famVisit
	famOther
)

// eventFamilyNames are the legend names of the event families.
var eventFamilyNames = [...]string{
	famFighting: "Event: battle or offensive",
	famPolitics: "Event: talks, agreement or vote",
	famBlockade: "Event: blockade",
	famDisaster: "Event: disaster",
	famVisit:    "Event: visit",
	famOther:    "Event: other",
}

// familyOf returns the family of event kind k (other for an unknown kind).
func familyOf(k data.EventKind) eventFamily {
	switch k {
	case data.Battle, data.Offensive:
		return famFighting
	case data.Agreement, data.Ceasefire, data.Conference, data.Vote, data.Political:
		return famPolitics
	case data.Blockade:
		return famBlockade
	case data.Disaster:
		return famDisaster
	case data.Visit:
		return famVisit
	}
	return famOther
}

// pinStyle is how an event pin is drawn, in pixels at its ratio.
type pinStyle struct {
	Family      eventFamily
	Head        float64 // the head's diameter
	Stem        float64 // from the tip (the event's point) to the head's centre
	Fill, Ink   color.NRGBA
	StrokeWidth float64
}

// eventPinStyle returns the pin of an event of family f at pixel ratio ratio.
func eventPinStyle(f eventFamily, ratio float64) pinStyle {
	return pinStyle{Family: f, Head: 16 * ratio, Stem: 15 * ratio, Fill: EventColour, Ink: SymbolInk, StrokeWidth: 1.3 * ratio}
}

// eventLabelStyle is the label of an event pin (its date).
func eventLabelStyle(ratio float64) geo.TextStyle { return labelStyle(11, geo.Regular, ratio) }

// eventLabelPriority puts an event's label below every place's (a reader
// finds their way by the cities) and above a force's.
const eventLabelPriority = 30

// eventFan is the lean of a lone pin to the left of upright, and the angle
// between the stems of events that share a point on a date, so that each
// head shows.
const eventFan = 35.0 // degrees

// rangeBoundStyle is the label on a ring whose range is an upper bound
// ("< 200 km"); its priority is the lowest of the map's labels.
func rangeBoundStyle(ratio float64) geo.TextStyle { return labelStyle(11, geo.Italic, ratio) }

const rangeLabelPriority = 10

// allyLabelStyle is the name written in a zone held by an actor that
// shares its side's colour with another controller on the map (the South
// Protection Force's Murzuq beside the GNA), so the two read apart.
func allyLabelStyle(ratio float64) geo.TextStyle { return labelStyle(10.5, geo.Italic, ratio) }

// allyLabelPriority is below every place's label and above events';
// allyLabelGap keeps the name clear of a town's symbol at the zone's
// interior point.
const (
	allyLabelPriority = 35
	allyLabelGap      = 10.0
)
