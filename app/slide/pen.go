package slide

import (
	"image"
	"image/color"
	"image/draw"
	"math"
	"strings"
	"unicode/utf8"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"

	"github.com/briefmap/briefmap/assets"
)

// weight selects one of the embedded faces.
type weight int

const (
	regular weight = iota
	bold
	italic
)

// textStyle is how a run of slide text is set: a face, a pixel size and a
// colour.
type textStyle struct {
	Weight weight
	Size   float64 // pixels (em size)
	Colour color.NRGBA
}

// pen is the slide's drawing toolkit over an *image.RGBA: text with the
// embedded fonts, rectangles and discs. It caches one font.Face per
// (weight, size). A pen is not safe for concurrent use.
//
// A pen measures text at the design size (the style's size divided by
// unit) and scales the result by unit, so that a slide drawn at twice the
// scale breaks its lines at exactly the same words.
type pen struct {
	dst   *image.RGBA
	fonts *assets.Fonts
	unit  float64
	faces map[faceKey]font.Face
	ras   vector.Rasterizer
}

type faceKey struct {
	w    weight
	size float64
}

func newPen(dst *image.RGBA, fonts *assets.Fonts, unit float64) *pen {
	return &pen{dst: dst, fonts: fonts, unit: unit, faces: map[faceKey]font.Face{}}
}

// designFace returns st's face at the design size.
func (p *pen) designFace(st textStyle) font.Face {
	st.Size /= p.unit
	return p.face(st)
}

func (p *pen) face(st textStyle) font.Face {
	k := faceKey{st.Weight, st.Size}
	if f, ok := p.faces[k]; ok {
		return f
	}
	ft := p.fonts.Regular
	switch st.Weight {
	case bold:
		ft = p.fonts.Bold
	case italic:
		ft = p.fonts.Italic
	}
	f, err := opentype.NewFace(ft, &opentype.FaceOptions{Size: st.Size, DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		// The embedded fonts parse (assets tests); NewFace fails only on
		// invalid options, which are constants here.
		panic("slide: font face: " + err.Error())
	}
	p.faces[k] = f
	return f
}

// measure returns the advance width of s in pixels.
func (p *pen) measure(s string, st textStyle) float64 {
	return fixedToFloat(font.MeasureString(p.designFace(st), s)) * p.unit
}

// lineHeight returns the distance between baselines for st.
func (p *pen) lineHeight(st textStyle) float64 { return st.Size * 1.28 }

// ascent returns how far st's capitals and ascenders rise above the baseline.
func (p *pen) ascent(st textStyle) float64 {
	return fixedToFloat(p.designFace(st).Metrics().Ascent) * p.unit
}

// inkBox returns the box s's glyphs cover, relative to the start of its
// baseline.
func (p *pen) inkBox(s string, st textStyle) rect {
	b, _ := font.BoundString(p.face(st), s)
	return rect{fixedToFloat(b.Min.X), fixedToFloat(b.Min.Y), fixedToFloat(b.Max.X), fixedToFloat(b.Max.Y)}
}

// text draws s with its baseline at y, starting at x.
func (p *pen) text(x, y float64, s string, st textStyle) {
	d := font.Drawer{
		Dst:  p.dst,
		Src:  image.NewUniform(st.Colour),
		Face: p.face(st),
		Dot:  fixed.Point26_6{X: floatToFixed(x), Y: floatToFixed(y)},
	}
	d.DrawString(s)
}

// fillRect fills r (in pixels, fractional edges antialiased) with c.
func (p *pen) fillRect(r rect, c color.NRGBA) {
	p.polygon(c, [][2]float64{{r.X0, r.Y0}, {r.X1, r.Y0}, {r.X1, r.Y1}, {r.X0, r.Y1}})
}

// fillCircle fills the disc of radius rad around (cx, cy) with c.
func (p *pen) fillCircle(cx, cy, rad float64, c color.NRGBA) {
	const n = 48
	pts := make([][2]float64, n)
	for i := range pts {
		a := 2 * math.Pi * float64(i) / n
		pts[i] = [2]float64{cx + rad*math.Cos(a), cy + rad*math.Sin(a)}
	}
	p.polygon(c, pts)
}

// polygon fills a closed polygon, clipped to the image.
func (p *pen) polygon(c color.NRGBA, pts [][2]float64) {
	b := p.dst.Bounds()
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, q := range pts {
		minX, maxX = math.Min(minX, q[0]), math.Max(maxX, q[0])
		minY, maxY = math.Min(minY, q[1]), math.Max(maxY, q[1])
	}
	r := image.Rect(int(math.Floor(minX)), int(math.Floor(minY)), int(math.Ceil(maxX)), int(math.Ceil(maxY))).Intersect(b)
	if r.Empty() {
		return
	}
	p.ras.Reset(r.Dx(), r.Dy())
	for i, q := range pts {
		x, y := float32(q[0]-float64(r.Min.X)), float32(q[1]-float64(r.Min.Y))
		if i == 0 {
			p.ras.MoveTo(x, y)
		} else {
			p.ras.LineTo(x, y)
		}
	}
	p.ras.ClosePath()
	p.ras.Draw(p.dst, r, image.NewUniform(c), image.Point{})
}

// image draws src with its top-left corner at (x, y).
func (p *pen) image(x, y int, src image.Image) {
	r := src.Bounds().Sub(src.Bounds().Min).Add(image.Pt(x, y))
	draw.Draw(p.dst, r, src, src.Bounds().Min, draw.Over)
}

// wrap breaks s into lines no wider than maxWidth, at ASCII spaces (a
// no-break space U+00A0 holds words together); a word wider
// than maxWidth on its own is broken between runes.
func (p *pen) wrap(s string, st textStyle, maxWidth float64) []string {
	var lines []string
	line := ""
	for _, w := range strings.Split(s, " ") {
		if w == "" {
			continue
		}
		try := w
		if line != "" {
			try = line + " " + w
		}
		if p.measure(try, st) <= maxWidth {
			line = try
			continue
		}
		if line != "" {
			lines = append(lines, line)
			line = ""
		}
		for p.measure(w, st) > maxWidth {
			n := p.fitRunes(w, st, maxWidth)
			lines = append(lines, w[:n])
			w = w[n:]
		}
		line = w
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

// fitRunes returns the byte length of the longest prefix of s (at least one
// rune) no wider than maxWidth.
func (p *pen) fitRunes(s string, st textStyle, maxWidth float64) int {
	n := 0
	for i, r := range s {
		end := i + utf8.RuneLen(r)
		if n > 0 && p.measure(s[:end], st) > maxWidth {
			break
		}
		n = end
	}
	return n
}

// ellipsize returns s if it fits in maxWidth, or its longest prefix that
// fits followed by "…" (trailing spaces and punctuation dropped).
func (p *pen) ellipsize(s string, st textStyle, maxWidth float64) string {
	if p.measure(s, st) <= maxWidth {
		return s
	}
	runes := []rune(s)
	lo, hi := 0, len(runes)
	for lo < hi { // largest n with prefix(n)+"…" fitting
		mid := (lo + hi + 1) / 2
		if p.measure(trimCut(string(runes[:mid]))+"…", st) <= maxWidth {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	cut := string(runes[:lo])
	// Cut at a word boundary when one lies in the last third of the room.
	if i := strings.LastIndexByte(cut, ' '); i > 0 && p.measure(cut[:i], st) >= maxWidth*2/3 {
		cut = cut[:i]
	}
	return trimCut(cut) + "…"
}

func trimCut(s string) string { return strings.TrimRight(s, " ,;:–—-(") }

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

func fixedToFloat(v fixed.Int26_6) float64 { return float64(v) / 64 }
func floatToFixed(v float64) fixed.Int26_6 { return fixed.Int26_6(math.Round(v * 64)) }

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
