package geo

import (
	"image/color"
	"math"
	"strconv"

	"github.com/paulmach/orb"
)

// Symbol is the shape a Marker draws at its point.
type Symbol int

// Marker symbols.
const (
	SymbolCircle      Symbol = iota
	SymbolSquare             // e.g. a city
	SymbolTriangle           // e.g. a deployment
	SymbolDiamond            //
	SymbolOilTerminal        // a square with an oil drop
	SymbolOilField           // an oil drop
	SymbolAirbase            // a disc with an aircraft
	SymbolCallout            // a disc with a number
	SymbolPlus               // a disc with a plus: something arrived
	SymbolMinus              // a disc with a minus: something left
)

var symbolNames = [...]string{"circle", "square", "triangle", "diamond", "oil-terminal", "oil-field", "airbase", "callout", "plus", "minus"}

// String returns the symbol's name ("oil-terminal", …).
func (s Symbol) String() string {
	if s >= 0 && int(s) < len(symbolNames) {
		return symbolNames[s]
	}
	return "symbol(" + strconv.Itoa(int(s)) + ")"
}

// ParseSymbol returns the symbol named name (as String gives it).
func ParseSymbol(name string) (Symbol, bool) {
	for i, n := range symbolNames {
		if n == name {
			return Symbol(i), true
		}
	}
	return 0, false
}

// MarkerStyle is how a symbol is drawn.
type MarkerStyle struct {
	Symbol      Symbol
	Size        float64     // overall width in pixels
	Fill        color.NRGBA // the symbol's body
	Stroke      color.NRGBA // its outline (and the glyph inside oil-terminal, airbase and callout symbols)
	StrokeWidth float64
}

// Marker is a symbol at a point, with an optional label that the Map
// places around it.
type Marker struct {
	Key           string
	Name          string
	Point         orb.Point
	Style         MarkerStyle
	Number        int // the number of a SymbolCallout
	Label         string
	LabelStyle    TextStyle
	LabelPriority int
}

// ID implements Object.
func (m *Marker) ID() string { return m.Key }

// Bounds implements Object.
func (m *Marker) Bounds() orb.Bound { return orb.Bound{Min: m.Point, Max: m.Point} }

// Margin implements Object: the symbol's reach (its label is placed by the
// map inside the frame).
func (m *Marker) Margin() float64 { return m.Style.Size/2 + m.Style.StrokeWidth + 1 }

// Draw implements Object.
func (m *Marker) Draw(c Surface, t *Transformer) {
	if !finitePoint(m.Point) {
		return
	}
	x, y := t.ToPixel(m.Point)
	DrawSymbol(c, x, y, m.Style, m.Number)
}

// Hit implements Object: (x, y) lies within tolerance of the symbol's
// disc.
func (m *Marker) Hit(t *Transformer, x, y, tolerance float64) bool {
	px, py := t.ToPixel(m.Point)
	return math.Hypot(px-x, py-y) <= m.Style.Size/2+tolerance
}

// Obstacles implements ObstacleSource: the symbol's box.
func (m *Marker) Obstacles(t *Transformer) []Box {
	if !finitePoint(m.Point) {
		return nil
	}
	x, y := t.ToPixel(m.Point)
	r := m.Style.Size/2 + m.Style.StrokeWidth/2
	return []Box{{x - r, y - r, x + r, y + r}}
}

// LabelRequests implements LabelSource.
func (m *Marker) LabelRequests(c Surface, t *Transformer) []LabelRequest {
	if m.Label == "" || !finitePoint(m.Point) {
		return nil
	}
	x, y := t.ToPixel(m.Point)
	return []LabelRequest{{
		Text: m.Label, Style: m.LabelStyle, X: x, Y: y,
		Gap:      m.Style.Size/2 + m.Style.StrokeWidth/2 + 2,
		Priority: m.LabelPriority, Owner: m,
	}}
}

// DrawSymbol draws symbol st centred on (x, y); number is drawn inside a
// SymbolCallout.
func DrawSymbol(c Surface, x, y float64, st MarkerStyle, number int) {
	r := st.Size / 2
	if !(r > 0) {
		return
	}
	outline := Stroke{Color: st.Stroke, Width: st.StrokeWidth}
	var p PixelPath
	switch st.Symbol {
	case SymbolSquare, SymbolOilTerminal:
		s := r * 0.86
		p.AddRect(Box{x - s, y - s, x + s, y + s})
	case SymbolTriangle:
		// Equilateral, pointing up, centroid on the point.
		R := r * 1.12
		for i := 0; i < 3; i++ {
			a := -math.Pi/2 + float64(i)*2*math.Pi/3
			px, py := x+R*math.Cos(a), y+R*math.Sin(a)+R*0.1
			if i == 0 {
				p.MoveTo(px, py)
			} else {
				p.LineTo(px, py)
			}
		}
		p.Close()
	case SymbolDiamond:
		d := r * 1.1
		p.MoveTo(x, y-d)
		p.LineTo(x+d, y)
		p.LineTo(x, y+d)
		p.LineTo(x-d, y)
		p.Close()
	case SymbolOilField:
		addDrop(&p, x, y, r)
	default: // SymbolCircle, SymbolAirbase, SymbolCallout, SymbolPlus, SymbolMinus
		p.AddCircle(x, y, r)
	}
	c.FillPath(&p, st.Fill)
	c.StrokePath(&p, outline)

	// The glyph inside: a drop, a plane or the callout's number.
	var g PixelPath
	switch st.Symbol {
	case SymbolOilTerminal:
		addDrop(&g, x, y+r*0.04, r*0.62)
	case SymbolAirbase:
		addPlane(&g, x, y, r*0.72)
	case SymbolPlus, SymbolMinus:
		arm, bar := r*0.58, math.Max(1, r*0.2)
		g.AddRect(Box{x - arm, y - bar/2, x + arm, y + bar/2})
		if st.Symbol == SymbolPlus {
			g.AddRect(Box{x - bar/2, y - arm, x + bar/2, y - bar/2})
			g.AddRect(Box{x - bar/2, y + bar/2, x + bar/2, y + arm})
		}
	case SymbolCallout:
		ts := TextStyle{Size: math.Round(r * 1.15), Weight: Bold, Color: glyphColor(st)}
		s := strconv.Itoa(number)
		w, asc, _ := c.MeasureText(s, ts)
		// Centre the digits' ink: digits rise to about 0.72 of the ascent.
		c.Text(x-w/2, y+asc*0.72/2+0.5, s, ts)
		return
	}
	if !g.Empty() {
		c.FillPath(&g, glyphColor(st))
	}
}

// glyphColor is the colour of the glyph inside a symbol: its stroke colour,
// or white when the stroke is invisible.
func glyphColor(st MarkerStyle) color.NRGBA {
	if st.Stroke.A == 0 {
		return color.NRGBA{0xff, 0xff, 0xff, 0xff}
	}
	return st.Stroke
}

// addDrop adds an oil drop of half height r centred on (x, y): a disc
// below, tapering to a point above.
func addDrop(p *PixelPath, x, y, r float64) {
	q := 0.62 * r
	cx, cy := x, y+0.36*r
	ax, ay := x, y-r
	dA := cy - ay
	alpha := math.Acos(q / dA)
	p.MoveTo(ax, ay)
	n := circleSides(q)
	a0, a1 := -math.Pi/2+alpha, 3*math.Pi/2-alpha
	for i := 0; i <= n; i++ {
		a := a0 + (a1-a0)*float64(i)/float64(n)
		p.LineTo(cx+q*math.Cos(a), cy+q*math.Sin(a))
	}
	p.Close()
}

// planeOutline is an aircraft seen from above, nose up, in a unit box.
var planeOutline = []orb.Point{
	{0, -1}, {0.13, -0.86}, {0.13, -0.3}, {1, 0.16}, {1, 0.34}, {0.13, 0.12}, {0.13, 0.6},
	{0.42, 0.8}, {0.42, 0.95}, {0, 0.86},
	{-0.42, 0.95}, {-0.42, 0.8}, {-0.13, 0.6}, {-0.13, 0.12}, {-1, 0.34}, {-1, 0.16}, {-0.13, -0.3}, {-0.13, -0.86},
}

func addPlane(p *PixelPath, x, y, r float64) {
	for i, q := range planeOutline {
		if i == 0 {
			p.MoveTo(x+q[0]*r, y+q[1]*r)
		} else {
			p.LineTo(x+q[0]*r, y+q[1]*r)
		}
	}
	p.Close()
}
