package vecdoc

import (
	"image/color"
	"math"
	"slices"
	"strconv"

	"github.com/briefmap/briefmap/geo"
)

// pdfContent builds a page's content stream from a display list, in page
// pixels: the stream starts with a transform from pixels (y down) to
// points (y up). It tracks the graphics state so that each setting is
// written only when it changes.
type pdfContent struct {
	b      []byte
	fs     *fontSet
	faces  *geo.FaceCache
	alphas []uint8 // the ExtGStates used, by alpha
	// halos are the glyphs drawn as halo outlines, each a form XObject
	// painted wherever the glyph needs a halo, in order of first use.
	halos []haloGlyph

	// The graphics state as last set (reset by Q and at the start):
	// -1 means unknown, so the next setting is written.
	fill, stroke int32 // 0xRRGGBB
	width        float64
	cap, join    int
	alpha        int
	dash         []float64
	dashKnown    bool
}

func (c *pdfContent) num(v float64) { c.b = appendNum(c.b, v, 2); c.b = append(c.b, ' ') }

func (c *pdfContent) op(s string) { c.b = append(c.b, s...); c.b = append(c.b, '\n') }

// reset forgets the graphics state (after Q restores an older one).
func (c *pdfContent) reset() {
	c.fill, c.stroke, c.width, c.cap, c.join, c.alpha = -1, -1, -1, -1, -1, -1
	c.dash, c.dashKnown = nil, false
}

func rgb(col color.NRGBA) int32 { return int32(col.R)<<16 | int32(col.G)<<8 | int32(col.B) }

// setAlpha selects the ExtGState of alpha a (fill and stroke).
func (c *pdfContent) setAlpha(a uint8) {
	if c.alpha == int(a) {
		return
	}
	if !slices.Contains(c.alphas, a) {
		c.alphas = append(c.alphas, a)
	}
	c.b = append(c.b, "/"...)
	c.b = append(c.b, gsName(a)...)
	c.op(" gs")
	c.alpha = int(a)
}

func gsName(a uint8) string { return "A" + string(appendNum(nil, float64(a), 0)) }

func (c *pdfContent) colour(col color.NRGBA, op string) {
	for _, v := range [3]uint8{col.R, col.G, col.B} {
		c.b = appendNum(c.b, float64(v)/255, 3)
		c.b = append(c.b, ' ')
	}
	c.op(op)
}

func (c *pdfContent) setFill(col color.NRGBA) {
	c.setAlpha(col.A)
	if c.fill != rgb(col) {
		c.colour(col, "rg")
		c.fill = rgb(col)
	}
}

func (c *pdfContent) setStroke(col color.NRGBA, width float64, round bool, dash []float64) {
	c.setAlpha(col.A)
	if c.stroke != rgb(col) {
		c.colour(col, "RG")
		c.stroke = rgb(col)
	}
	if c.width != width {
		c.num(width)
		c.op("w")
		c.width = width
	}
	cap, join := 0, 2 // butt caps, bevel joins
	if round {
		cap, join = 1, 1
	}
	if c.cap != cap {
		c.b = appendNum(c.b, float64(cap), 0)
		c.op(" J")
		c.cap = cap
	}
	if c.join != join {
		c.b = appendNum(c.b, float64(join), 0)
		c.op(" j")
		c.join = join
	}
	if !c.dashKnown || !slices.Equal(c.dash, dash) {
		c.b = append(c.b, '[')
		for i, d := range dash {
			if i > 0 {
				c.b = append(c.b, ' ')
			}
			c.b = appendNum(c.b, d, 2)
		}
		c.op("] 0 d")
		c.dash, c.dashKnown = append(c.dash[:0:0], dash...), true
	}
}

// path writes p's subpaths; closed ones (every one when fill) end in h.
func (c *pdfContent) path(p *geo.PixelPath, fill bool) {
	i := 0
	for pts := range p.Subpaths() {
		for j, q := range pts {
			c.num(q[0])
			c.num(q[1])
			if j == 0 {
				c.op("m")
			} else {
				c.op("l")
			}
		}
		if fill || p.Closed(i) {
			c.op("h")
		}
		i++
	}
}

// clip starts a clip group to box b.
func (c *pdfContent) clip(b geo.Box) {
	c.op("q")
	c.num(b.X0)
	c.num(b.Y0)
	c.num(b.W())
	c.num(b.H())
	c.op("re W n")
}

// draw writes one operation.
func (c *pdfContent) draw(op *geo.VectorOp) error {
	switch op.Kind {
	case geo.OpFill:
		if op.Fill.A > 0 {
			c.setFill(op.Fill)
			c.path(op.Path, true)
			c.op("f")
		}
		if op.Hatch.Visible() {
			c.hatch(op)
		}
	case geo.OpStroke:
		st := op.Stroke
		c.setStroke(st.Color, st.Width, st.Round, st.Dash)
		c.path(op.Path, false)
		c.op("S")
	case geo.OpText:
		return c.text(op)
	}
	return nil
}

// hatch draws op's hatch: lines clipped to op's path, aligned as a Canvas
// aligns them to the surface they were drawn on.
func (c *pdfContent) hatch(op *geo.VectorOp) {
	c.op("q")
	c.path(op.Path, true)
	c.op("W n")
	h := op.Hatch
	c.setStroke(h.Color, h.Width, false, nil)
	for _, l := range hatchLines(op) {
		c.num(l[0])
		c.num(l[1])
		c.op("m")
		c.num(l[2])
		c.num(l[3])
		c.op("l")
	}
	c.op("S")
	c.op("Q")
	c.reset()
}

// hatchLines returns the hatch lines (x0, y0, x1, y1) crossing op's path's
// bounds. A Canvas puts line k where (x, y)·(sin a, cos a) = k·spacing,
// sampling pixels at their top-left corners, in the coordinates of the
// surface the hatch was drawn on: here, half a pixel further.
func hatchLines(op *geo.VectorOp) [][4]float64 {
	h := op.Hatch
	bb := op.Path.Bounds()
	a := h.Angle * math.Pi / 180
	nx, ny := math.Sin(a), math.Cos(a)
	ox, oy := op.HatchOrigin[0]+0.5, op.HatchOrigin[1]+0.5
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, q := range [4][2]float64{{bb.X0, bb.Y0}, {bb.X1, bb.Y0}, {bb.X0, bb.Y1}, {bb.X1, bb.Y1}} {
		d := (q[0]-ox)*nx + (q[1]-oy)*ny
		lo, hi = math.Min(lo, d), math.Max(hi, d)
	}
	cx, cy := (bb.X0+bb.X1)/2, (bb.Y0+bb.Y1)/2
	dc := (cx-ox)*nx + (cy-oy)*ny
	half := math.Hypot(bb.W(), bb.H())/2 + h.Width
	var out [][4]float64
	for k := math.Floor((lo - h.Width) / h.Spacing); k*h.Spacing <= hi+h.Width; k++ {
		s := k*h.Spacing - dc
		px, py := cx+s*nx, cy+s*ny
		out = append(out, [4]float64{px - half*ny, py + half*nx, px + half*ny, py - half*nx})
	}
	return out
}

// text writes a text op: its halo as glyph outlines (so that text
// extraction finds each text once), then the text as real text in the
// embedded subset font.
func (c *pdfContent) text(op *geo.VectorOp) error {
	st := op.Style
	f, run, k, err := c.fs.textRun(c.faces, op)
	if err != nil {
		return err
	}
	if st.HaloWidth > 0 && st.Halo.A > 0 {
		// Each glyph's outline is a form (in font units) filled and
		// stroked with the halo's colour and width, scaled into place.
		c.setFill(st.Halo)
		c.setStroke(st.Halo, 2*st.HaloWidth, true, nil)
		c.op("q")
		c.num(2 * st.HaloWidth / k)
		c.op("w")
		c.op(string(appendNum(nil, k, 6)) + " 0 0 " + string(appendNum(nil, k, 6)) + " " +
			string(appendNum(nil, op.X, 2)) + " " + string(appendNum(nil, op.Y, 2)) + " cm")
		at := 0.0
		for _, g := range run {
			if len(c.fs.outline(f, g.id)) == 0 {
				continue // a space
			}
			if dx := g.x/k - at; dx != 0 {
				c.op("1 0 0 1 " + string(appendNum(nil, dx, 1)) + " 0 cm")
				at += math.Round(dx*10) / 10
			}
			c.b = append(c.b, '/')
			c.b = append(c.b, c.halo(f, g.id)...)
			c.op(" Do")
		}
		c.op("Q")
	}
	if st.Color.A == 0 {
		return nil
	}
	c.setFill(st.Color)
	if st.Tracking != 0 {
		// Letter-spaced text ("L I B Y A") would be extracted with a
		// space between its letters: say what it reads.
		c.op("/Span << /ActualText " + textString(op.Text) + " >> BDC")
	}
	c.op("BT")
	c.b = append(c.b, '/')
	c.b = append(c.b, f.name...)
	c.b = append(c.b, ' ')
	c.num(st.Size)
	c.op("Tf")
	c.op("1 0 0 -1 " + string(appendNum(nil, op.X, 2)) + " " + string(appendNum(nil, op.Y, 2)) + " Tm")
	// Glyphs go in one TJ; where the font's advances drift from the
	// raster's positions (kerning, tracking, 1/64 px rounding) by more
	// than a twentieth of a pixel, a number moves the next glyph back.
	c.b = append(c.b, '[')
	pos := 0.0 // where the PDF's pen is, in pixels from the start
	open := false
	for _, g := range run {
		if d := g.x - pos; math.Abs(d) > 0.05 {
			if open {
				c.b = append(c.b, '>')
				open = false
			}
			adj := math.Round(-d * 1000 / st.Size)
			c.b = appendNum(c.b, adj, 0)
			pos -= adj * st.Size / 1000
		}
		if !open {
			c.b = append(c.b, '<')
			open = true
		}
		c.b = append(c.b, hexdigits[g.id>>12], hexdigits[g.id>>8&15], hexdigits[g.id>>4&15], hexdigits[g.id&15])
		pos += float64(f.sub.advance(g.id)) * k
	}
	if open {
		c.b = append(c.b, '>')
	}
	c.op("] TJ")
	c.op("ET")
	if st.Tracking != 0 {
		c.op("EMC")
	}
	return nil
}

const hexdigits = "0123456789ABCDEF"

// haloGlyph is a glyph whose outline a halo paints.
type haloGlyph struct {
	f  *docFont
	id uint16
}

// halo returns the resource name of the form of glyph id of f, adding it
// on first use.
func (c *pdfContent) halo(f *docFont, id uint16) string {
	i := slices.Index(c.halos, haloGlyph{f, id})
	if i < 0 {
		i = len(c.halos)
		c.halos = append(c.halos, haloGlyph{f, id})
	}
	return "H" + strconv.Itoa(i+1)
}

// haloForm returns the content of the form of halo glyph h: its outline
// in font units, filled and stroked (colours and width come from where
// it is painted).
func (c *pdfContent) haloForm(h haloGlyph) []byte {
	saved := c.b
	c.b = nil
	c.outline(c.fs.outline(h.f, h.id), 0, 0, 1)
	c.op("B")
	form := c.b
	c.b = saved
	return form
}

// outline writes glyph outline segs (font units, y down) scaled by k with
// its origin at (x, y).
func (c *pdfContent) outline(segs []pseg, x, y, k float64) {
	cur := [2]float64{}
	started := false
	pt := func(p [2]float64) { c.num(x + p[0]*k); c.num(y + p[1]*k) }
	for _, s := range segs {
		switch s.op {
		case 'M':
			if started {
				c.op("h") // close the previous contour, for the stroke
			}
			started = true
			pt(s.pts[0])
			c.op("m")
			cur = s.pts[0]
		case 'L':
			pt(s.pts[0])
			c.op("l")
			cur = s.pts[0]
		case 'Q':
			// PDF has only cubics: raise the quadratic's degree.
			c1 := [2]float64{cur[0] + 2.0/3*(s.pts[0][0]-cur[0]), cur[1] + 2.0/3*(s.pts[0][1]-cur[1])}
			c2 := [2]float64{s.pts[1][0] + 2.0/3*(s.pts[0][0]-s.pts[1][0]), s.pts[1][1] + 2.0/3*(s.pts[0][1]-s.pts[1][1])}
			pt(c1)
			pt(c2)
			pt(s.pts[1])
			c.op("c")
			cur = s.pts[1]
		case 'C':
			pt(s.pts[0])
			pt(s.pts[1])
			pt(s.pts[2])
			c.op("c")
			cur = s.pts[2]
		}
	}
	if started {
		c.op("h")
	}
}
