package slide

import (
	"image"
	"image/color"
	"math"
	"strings"

	"golang.org/x/image/font"

	"github.com/briefmap/briefmap/geo"
)

// weight selects one of the embedded faces.
type weight = geo.Weight

const (
	regular = geo.Regular
	bold    = geo.Bold
)

// textStyle is how a run of slide text is set: a face, a pixel size and a
// colour.
type textStyle struct {
	Weight weight
	Size   float64 // pixels (em size)
	Colour color.NRGBA
}

func (st textStyle) geo() geo.TextStyle {
	return geo.TextStyle{Size: st.Size, Weight: st.Weight, Color: st.Colour}
}

// design returns st at the design size (its size divided by unit).
func (st textStyle) design(unit float64) geo.TextStyle {
	g := st.geo()
	g.Size /= unit
	return g
}

// pen is the slide's view of its geo.Surface (a raster canvas for the PNG,
// a vector surface for the PDF and the SVG): it measures, wraps and
// shortens text at the design size (the style's size divided by unit) and
// scales the result by unit, so that a slide drawn at twice the scale
// breaks its lines at exactly the same words; it draws at the real size. A
// pen is not safe for concurrent use.
type pen struct {
	c    geo.Surface
	unit float64
}

func newPen(c geo.Surface, unit float64) *pen {
	return &pen{c: c, unit: unit}
}

// measure returns the advance width of s in pixels.
func (p *pen) measure(s string, st textStyle) float64 {
	w, _, _ := p.c.MeasureText(s, st.design(p.unit))
	return w * p.unit
}

// lineHeight returns the distance between baselines for st.
func (p *pen) lineHeight(st textStyle) float64 { return st.Size * 1.28 }

// ascent returns how far st's face rises above the baseline.
func (p *pen) ascent(st textStyle) float64 {
	_, asc, _ := p.c.MeasureText("", st.design(p.unit))
	return asc * p.unit
}

// inkBox returns the box s's glyphs cover when drawn, relative to the start
// of its baseline.
func (p *pen) inkBox(s string, st textStyle) rect {
	f := p.c.Faces().Face(st.Weight, st.Size)
	if f == nil {
		return rect{}
	}
	b, _ := font.BoundString(f, s)
	return rect{float64(b.Min.X) / 64, float64(b.Min.Y) / 64, float64(b.Max.X) / 64, float64(b.Max.Y) / 64}
}

// text draws s with its baseline at y, starting at x.
func (p *pen) text(x, y float64, s string, st textStyle) { p.c.Text(x, y, s, st.geo()) }

// fillRect fills r with c.
func (p *pen) fillRect(r rect, c color.NRGBA) { p.c.FillRect(geo.Box(r), c) }

// symbol draws a geo symbol (e.g. a numbered callout) centred on (x, y).
func (p *pen) symbol(x, y float64, st geo.MarkerStyle, number int) {
	geo.DrawSymbol(p.c, x, y, st, number)
}

// wrap breaks s into lines no wider than maxWidth, at spaces; a word wider
// than maxWidth on its own is broken between letters.
func (p *pen) wrap(s string, st textStyle, maxWidth float64) []string {
	return p.c.WrapText(s, st.design(p.unit), maxWidth/p.unit)
}

// ellipsize returns s if it fits in maxWidth, or its longest prefix that
// fits followed by "…", cut at a word boundary when one lies in the last
// third of the room.
func (p *pen) ellipsize(s string, st textStyle, maxWidth float64) string {
	e := p.c.Ellipsize(s, st.design(p.unit), maxWidth/p.unit)
	if e == s || e == "" {
		return e
	}
	cut := strings.TrimSuffix(e, geo.Ellipsis)
	if next := s[len(cut):]; next != "" && next[0] != ' ' {
		if i := strings.LastIndexByte(cut, ' '); i > 0 && p.measure(cut[:i], st) >= maxWidth*2/3 {
			cut = cut[:i]
		}
	}
	return strings.TrimRight(cut, " ,;:–—-(") + geo.Ellipsis
}

// block wraps s to at most maxLines lines of maxWidth; when it needs more,
// the last line ends in "…" and cut is true.
func (p *pen) block(s string, st textStyle, maxWidth float64, maxLines int) (lines []string, cut bool) {
	lines = p.wrap(s, st, maxWidth)
	if maxLines <= 0 || len(lines) <= maxLines {
		return lines, false
	}
	rest := strings.Join(lines[maxLines-1:], " ")
	lines = append(lines[:maxLines-1:maxLines-1], p.ellipsize(rest, st, maxWidth))
	return lines, true
}

// rect is an axis-aligned box in slide pixels.
type rect struct{ X0, Y0, X1, Y1 float64 }

func (r rect) W() float64 { return r.X1 - r.X0 }
func (r rect) H() float64 { return r.Y1 - r.Y0 }

// contains reports whether o lies inside r (to within a hundredth of a pixel).
func (r rect) contains(o rect) bool {
	const eps = 0.01
	return o.X0 >= r.X0-eps && o.Y0 >= r.Y0-eps && o.X1 <= r.X1+eps && o.Y1 <= r.Y1+eps
}

// overlaps reports whether r and o share any area.
func (r rect) overlaps(o rect) bool {
	return r.X0 < o.X1 && o.X0 < r.X1 && r.Y0 < o.Y1 && o.Y0 < r.Y1
}

func (r rect) image() image.Rectangle {
	return image.Rect(int(math.Round(r.X0)), int(math.Round(r.Y0)), int(math.Round(r.X1)), int(math.Round(r.Y1)))
}
