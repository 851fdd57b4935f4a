package geo

import "math"

// LegendKind is how a legend swatch is drawn.
type LegendKind int

// Legend swatch kinds.
const (
	LegendSwatch LegendKind = iota // a filled square (Area: fill and outline)
	LegendHatch                    // a hatched square (Area: fill, hatch and outline)
	LegendSymbol                   // a marker symbol (Marker)
	LegendLine                     // a line sample (Line)
	LegendRing                     // an arc of a range ring (Ring)
)

// LegendItem is one legend entry: a swatch drawn with the same styles as
// the map's objects, and its label.
type LegendItem struct {
	Kind   LegendKind
	Area   AreaStyle   // LegendSwatch, LegendHatch
	Marker MarkerStyle // LegendSymbol
	Number int         // LegendSymbol with SymbolCallout
	Line   LineStyle   // LegendLine
	Ring   RingStyle   // LegendRing
	Label  string
}

// DrawLegendSwatch draws item's swatch inside box r (canvas pixels), so the
// app and the slide draw identical swatches.
func DrawLegendSwatch(c Surface, item LegendItem, r Box) {
	s := math.Min(r.W(), r.H())
	cx, cy := (r.X0+r.X1)/2, (r.Y0+r.Y1)/2
	sq := Box{cx - s/2, cy - s/2, cx + s/2, cy + s/2}
	switch item.Kind {
	case LegendSwatch, LegendHatch:
		in := sq.Inset(math.Max(item.Area.Stroke.Width/2, 0.5))
		var p PixelPath
		p.AddRect(in)
		c.FillPath(&p, item.Area.Fill)
		if item.Kind == LegendHatch {
			c.HatchPath(&p, item.Area.Hatch)
		}
		c.StrokePath(&p, item.Area.Stroke)
	case LegendSymbol:
		st := item.Marker
		if st.Size > s-st.StrokeWidth {
			k := (s - st.StrokeWidth) / st.Size
			st.Size *= k
		}
		DrawSymbol(c, cx, cy, st, item.Number)
	case LegendLine:
		var p PixelPath
		p.MoveTo(r.X0+1, cy)
		p.LineTo(r.X1-1, cy)
		c.StrokePath(&p, item.Line.Casing)
		c.StrokePath(&p, item.Line.Line)
	case LegendRing:
		// A quarter of a ring centred at the swatch's bottom-left corner,
		// filled as the ring is.
		rad := s - item.Ring.Stroke.Width
		ox, oy := sq.X0+item.Ring.Stroke.Width/2, sq.Y1-item.Ring.Stroke.Width/2
		var fill, arc PixelPath
		fill.MoveTo(ox, oy)
		n := circleSides(rad) / 4
		for i := 0; i <= n; i++ {
			a := -math.Pi / 2 * float64(i) / float64(n)
			x, y := ox+rad*math.Cos(a), oy+rad*math.Sin(a)
			fill.LineTo(x, y)
			if i == 0 {
				arc.MoveTo(x, y)
			} else {
				arc.LineTo(x, y)
			}
		}
		fill.Close()
		c.FillPath(&fill, item.Ring.Fill)
		c.StrokePath(&arc, item.Ring.Stroke)
	}
}
