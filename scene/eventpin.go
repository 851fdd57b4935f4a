package scene

import (
	"math"

	"github.com/paulmach/orb"

	"github.com/briefmap/briefmap/geo"
)

// pinTolerance is how many pixels (at ratio 1) around a pin's head a click
// still picks it, as geo's point tolerance for markers.
const pinTolerance = 6.0

// eventPin is an event on the map: a pin whose tip is the event's point
// and whose head, Stem pixels away (leaning by lean radians when several
// events share the point), carries the glyph of the event's family. It is
// a geo.Object of its own because no marker symbol of geo has a tip.
type eventPin struct {
	key, name  string
	tip        orb.Point
	lean       float64
	style      pinStyle
	ratio      float64
	label      string
	labelStyle geo.TextStyle
}

// head returns the pixel centre of the pin's head.
func (p *eventPin) head(t *geo.Transformer) (x, y float64) {
	tx, ty := t.ToPixel(p.tip)
	return tx + p.style.Stem*math.Sin(p.lean), ty - p.style.Stem*math.Cos(p.lean)
}

// ID implements geo.Object.
func (p *eventPin) ID() string { return p.key }

// Bounds implements geo.Object: the tip; Margin covers the head.
func (p *eventPin) Bounds() orb.Bound { return orb.Bound{Min: p.tip, Max: p.tip} }

// Margin implements geo.Object.
func (p *eventPin) Margin() float64 { return p.style.Stem + p.style.Head/2 + p.style.StrokeWidth + 1 }

// Draw implements geo.Object: the pin's outline filled and inked, then the
// glyph of its family in the head.
func (p *eventPin) Draw(c geo.Surface, t *geo.Transformer) {
	tx, ty := t.ToPixel(p.tip)
	if math.IsNaN(tx) || math.IsNaN(ty) {
		return
	}
	hx, hy := p.head(t)
	drawPin(c, tx, ty, hx, hy, p.style)
}

// drawPin draws a pin of style st with its tip at (tx, ty) and its head
// centred on (hx, hy) (the legend draws it upright).
func drawPin(c geo.Surface, tx, ty, hx, hy float64, st pinStyle) {
	r := st.Head / 2
	var path geo.PixelPath
	dx, dy := tx-hx, ty-hy
	if l := math.Hypot(dx, dy); l > r*1.05 {
		// The two tangents from the tip to the head, and the head's far
		// side between them.
		base := math.Atan2(dy, dx)
		phi := math.Acos(r / l)
		path.MoveTo(tx, ty)
		n := 24
		for i := 0; i <= n; i++ {
			a := base + phi + (2*math.Pi-2*phi)*float64(i)/float64(n)
			path.LineTo(hx+r*math.Cos(a), hy+r*math.Sin(a))
		}
		path.Close()
	} else {
		path.AddCircle(hx, hy, r)
	}
	c.FillPath(&path, st.Fill)
	c.StrokePath(&path, geo.Stroke{Color: st.Ink, Width: st.StrokeWidth})
	drawGlyph(c, hx, hy, r*0.62, st)
}

// drawGlyph draws the glyph of st's family, g pixels in radius, centred on
// (x, y): a burst for fighting, a speech bubble for talks, a bar for a
// blockade, "!" for a disaster, an arrow for a visit, a dot for the rest.
func drawGlyph(c geo.Surface, x, y, g float64, st pinStyle) {
	fill := func(build func(p *geo.PixelPath)) {
		var p geo.PixelPath
		build(&p)
		c.FillPath(&p, st.Ink)
	}
	switch st.Family {
	case famFighting:
		fill(func(p *geo.PixelPath) {
			for i := 0; i < 16; i++ {
				rad := g * 1.05
				if i%2 == 1 {
					rad = g * 0.45
				}
				a := -math.Pi/2 + float64(i)*math.Pi/8
				if i == 0 {
					p.MoveTo(x+rad*math.Cos(a), y+rad*math.Sin(a))
				} else {
					p.LineTo(x+rad*math.Cos(a), y+rad*math.Sin(a))
				}
			}
			p.Close()
		})
	case famPolitics:
		fill(func(p *geo.PixelPath) {
			p.AddRoundedRect(geo.Box{X0: x - g, Y0: y - 0.78*g, X1: x + g, Y1: y + 0.42*g}, 0.3*g)
		})
		fill(func(p *geo.PixelPath) {
			p.MoveTo(x-0.55*g, y+0.3*g)
			p.LineTo(x-0.05*g, y+0.3*g)
			p.LineTo(x-0.7*g, y+g)
			p.Close()
		})
	case famBlockade:
		fill(func(p *geo.PixelPath) { p.AddRect(geo.Box{X0: x - g, Y0: y - 0.3*g, X1: x + g, Y1: y + 0.3*g}) })
	case famDisaster:
		fill(func(p *geo.PixelPath) { p.AddRect(geo.Box{X0: x - 0.2*g, Y0: y - g, X1: x + 0.2*g, Y1: y + 0.35*g}) })
		fill(func(p *geo.PixelPath) { p.AddCircle(x, y+0.78*g, 0.24*g) })
	case famVisit:
		fill(func(p *geo.PixelPath) {
			p.MoveTo(x-g, y-0.2*g)
			p.LineTo(x+0.05*g, y-0.2*g)
			p.LineTo(x+0.05*g, y-0.7*g)
			p.LineTo(x+g, y)
			p.LineTo(x+0.05*g, y+0.7*g)
			p.LineTo(x+0.05*g, y+0.2*g)
			p.LineTo(x-g, y+0.2*g)
			p.Close()
		})
	default:
		fill(func(p *geo.PixelPath) { p.AddCircle(x, y, 0.38*g) })
	}
}

// Hit implements geo.Object: (x, y) lies on the pin's head, or within the
// point tolerance of it. The tip is left to what lies under it (the place).
func (p *eventPin) Hit(t *geo.Transformer, x, y, tolerance float64) bool {
	hx, hy := p.head(t)
	tol := math.Max(tolerance, pinTolerance*p.ratio)
	return math.Hypot(hx-x, hy-y) <= p.style.Head/2+tol
}

// Obstacles implements geo.ObstacleSource: the head, which labels keep
// off (a label may cross the thin stem, as it may a line).
func (p *eventPin) Obstacles(t *geo.Transformer) []geo.Box {
	hx, hy := p.head(t)
	if math.IsNaN(hx) || math.IsNaN(hy) {
		return nil
	}
	r := p.style.Head/2 + p.style.StrokeWidth/2
	return []geo.Box{{X0: hx - r, Y0: hy - r, X1: hx + r, Y1: hy + r}}
}

// LabelRequests implements geo.LabelSource: the event's date beside the
// head, on the side it leans to first (never below it, where the stem and
// the place are).
func (p *eventPin) LabelRequests(c geo.Surface, t *geo.Transformer) []geo.LabelRequest {
	if p.label == "" {
		return nil
	}
	x, y := p.head(t)
	pos := []geo.Position{geo.Left, geo.AboveLeft, geo.Above, geo.Right, geo.AboveRight}
	if p.lean >= 0 {
		pos = []geo.Position{geo.Right, geo.AboveRight, geo.Above, geo.Left, geo.AboveLeft}
	}
	return []geo.LabelRequest{{
		Text: p.label, Style: p.labelStyle, X: x, Y: y,
		Gap:       p.style.Head/2 + p.style.StrokeWidth/2 + 2,
		Priority:  eventLabelPriority,
		Positions: pos,
		Owner:     p,
	}}
}
