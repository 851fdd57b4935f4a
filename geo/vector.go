package geo

import (
	"image"
	"image/color"
	"iter"
	"math"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/clip"
	"golang.org/x/image/math/fixed"
)

// Vector is the vector back end of Surface: it records what is drawn, in
// order, as a display list of VectorOps in page pixels, which package
// geo/vecdoc writes as PDF or SVG. It clips geometry to the surface (the
// basemap to the map's frame) so the file holds only what shows, and it
// places text exactly where a Canvas of the same size would (baselines on
// whole pixels). A Vector and its Subs share one display list; they are not
// safe for concurrent use.
type Vector struct {
	rec    *recording
	faces  *FaceCache
	ox, oy float64 // the surface's origin in page pixels
	w, h   float64
	clip   int // index of the surface's clip rectangle in rec.clips
}

type recording struct {
	w, h  float64
	ops   []VectorOp
	clips []Box
}

// OpKind says what a VectorOp draws.
type OpKind int

// Kinds of VectorOp.
const (
	OpFill   OpKind = iota // Path filled with Fill (nonzero rule), then Hatch inside it
	OpStroke               // Path stroked with Stroke
	OpText                 // Text in Style, baseline starting at (X, Y)
)

// VectorOp is one drawing operation of a Vector's display list, in page
// pixels (y down).
type VectorOp struct {
	Kind OpKind
	Clip int // index into Vector.Clips: the rectangle the op is clipped to
	Path *PixelPath

	Fill  color.NRGBA
	Hatch Hatch
	// HatchOrigin is the point of the page the hatch lines are aligned
	// to (the origin of the surface it was drawn on, as a Canvas aligns
	// them to its image).
	HatchOrigin orb.Point

	Stroke Stroke

	X, Y  float64
	Text  string
	Style TextStyle
}

// NewVector returns an empty w×h vector surface measuring and drawing text
// with the faces of fc (nil: no text).
func NewVector(w, h float64, fc *FaceCache) *Vector {
	rec := &recording{w: w, h: h, clips: []Box{{X1: w, Y1: h}}}
	return &Vector{rec: rec, faces: fc, w: w, h: h}
}

// Ops returns the display list recorded so far, in drawing order.
func (v *Vector) Ops() []VectorOp { return v.rec.ops }

// Clips returns the clip rectangles the ops refer to, in page pixels; the
// first is the whole page.
func (v *Vector) Clips() []Box { return v.rec.clips }

// PageSize returns the size of the page in pixels.
func (v *Vector) PageSize() (w, h float64) { return v.rec.w, v.rec.h }

// Frame implements Surface.
func (v *Vector) Frame() Box { return Box{X1: v.w, Y1: v.h} }

// Faces implements Surface.
func (v *Vector) Faces() *FaceCache { return v.faces }

// Sub implements Surface.
func (v *Vector) Sub(r image.Rectangle) Surface {
	b := Box{v.ox + float64(r.Min.X), v.oy + float64(r.Min.Y), v.ox + float64(r.Max.X), v.oy + float64(r.Max.Y)}
	b = b.Intersect(v.rec.clips[v.clip])
	if b.Empty() {
		b = Box{}
	}
	v.rec.clips = append(v.rec.clips, b)
	return &Vector{rec: v.rec, faces: v.faces, ox: v.ox + float64(r.Min.X), oy: v.oy + float64(r.Min.Y),
		w: float64(r.Dx()), h: float64(r.Dy()), clip: len(v.rec.clips) - 1}
}

// Clear implements Surface: it fills the surface's frame with col (what
// was recorded under it stays in the list, hidden).
func (v *Vector) Clear(col color.NRGBA) { v.FillRect(v.Frame(), col) }

// FillRect implements Surface.
func (v *Vector) FillRect(b Box, col color.NRGBA) {
	var p PixelPath
	p.AddRect(b)
	v.FillPath(&p, col)
}

// FillPath implements Surface.
func (v *Vector) FillPath(p *PixelPath, col color.NRGBA) { v.FillPathHatched(p, col, Hatch{}) }

// HatchPath implements Surface.
func (v *Vector) HatchPath(p *PixelPath, h Hatch) { v.FillPathHatched(p, color.NRGBA{}, h) }

// FillPathHatched implements Surface. The path is clipped to a little
// beyond the surface's clip rectangle (the clip hides the rest).
func (v *Vector) FillPathHatched(p *PixelPath, col color.NRGBA, h Hatch) {
	if col.A == 0 && !h.Visible() {
		return
	}
	q := v.clipRings(p, 2)
	if q.Empty() {
		return
	}
	v.rec.ops = append(v.rec.ops, VectorOp{Kind: OpFill, Clip: v.clip, Path: q, Fill: col, Hatch: h,
		HatchOrigin: orb.Point{v.ox, v.oy}})
}

// StrokePath implements Surface. Lines are clipped to a little beyond the
// surface's clip rectangle.
func (v *Vector) StrokePath(p *PixelPath, st Stroke) {
	if !st.Visible() {
		return
	}
	q := v.clipLines(p, st.Width/2+2)
	if q.Empty() {
		return
	}
	st.Dash = validDashOrNil(st.Dash)
	v.rec.ops = append(v.rec.ops, VectorOp{Kind: OpStroke, Clip: v.clip, Path: q, Stroke: st})
}

func validDashOrNil(d []float64) []float64 {
	if !validDash(d) {
		return nil
	}
	return append([]float64(nil), d...)
}

// Text implements Surface: the baseline lies on a whole pixel, as a
// Canvas draws it, and the text is kept when any of it may show.
func (v *Vector) Text(x, y float64, s string, st TextStyle) {
	f := v.faces.Face(st.Weight, st.Size)
	if f == nil || s == "" || (st.Color.A == 0 && (st.Halo.A == 0 || st.HaloWidth <= 0)) {
		return
	}
	if math.IsNaN(x) || math.IsNaN(y) || math.IsInf(x, 0) || math.IsInf(y, 0) {
		return
	}
	x = math.Round(x*64) / 64
	y = math.Round(y)
	w, asc, desc := v.faces.MeasureText(s, st)
	pad := st.HaloWidth + st.Size/4 + 2
	ink := Box{v.ox + x - pad, v.oy + y - asc - pad, v.ox + x + w + pad, v.oy + y + desc + pad}
	if !ink.Overlaps(v.rec.clips[v.clip]) {
		return
	}
	v.rec.ops = append(v.rec.ops, VectorOp{Kind: OpText, Clip: v.clip, X: v.ox + x, Y: v.oy + y, Text: s, Style: st})
}

// MeasureText implements Surface.
func (v *Vector) MeasureText(s string, st TextStyle) (w, ascent, descent float64) {
	return v.faces.MeasureText(s, st)
}

// LineHeight implements Surface.
func (v *Vector) LineHeight(st TextStyle) float64 { return v.faces.LineHeight(st) }

// WrapText implements Surface.
func (v *Vector) WrapText(s string, st TextStyle, maxWidth float64) []string {
	return v.faces.WrapText(s, st, maxWidth)
}

// Ellipsize implements Surface.
func (v *Vector) Ellipsize(s string, st TextStyle, maxWidth float64) string {
	return v.faces.Ellipsize(s, st, maxWidth)
}

// clipBound returns the surface's clip rectangle grown by margin, as an
// orb.Bound in the surface's own coordinates.
func (v *Vector) clipBound(margin float64) (orb.Bound, bool) {
	c := v.rec.clips[v.clip]
	if c.Empty() {
		return orb.Bound{}, false
	}
	return orb.Bound{Min: orb.Point{c.X0 - v.ox - margin, c.Y0 - v.oy - margin},
		Max: orb.Point{c.X1 - v.ox + margin, c.Y1 - v.oy + margin}}, true
}

// clipRings returns p's subpaths as closed rings in page pixels, clipped
// to the clip rectangle grown by margin; rings with a bad coordinate are
// dropped.
func (v *Vector) clipRings(p *PixelPath, margin float64) *PixelPath {
	out := &PixelPath{}
	bound, ok := v.clipBound(margin)
	if !ok {
		return out
	}
	for pts := range p.Subpaths() {
		if len(pts) < 3 || !finitePoints(pts) {
			continue
		}
		r := orb.Ring(append([]orb.Point(nil), pts...))
		if r[0] != r[len(r)-1] {
			r = append(r, r[0])
		}
		if b := r.Bound(); !b.Intersects(bound) {
			continue
		} else if !bound.Contains(b.Min) || !bound.Contains(b.Max) {
			r = clip.Ring(bound, r)
		}
		if len(r) < 3 {
			continue
		}
		out.addOffsetRing(r, v.ox, v.oy)
	}
	return out
}

// clipLines returns p's subpaths (closed ones closed by their first
// point) in page pixels, clipped as lines to the clip rectangle grown by
// margin.
func (v *Vector) clipLines(p *PixelPath, margin float64) *PixelPath {
	out := &PixelPath{}
	bound, ok := v.clipBound(margin)
	if !ok {
		return out
	}
	for i, pts := range p.allSubpaths() {
		if len(pts) < 2 || !finitePoints(pts) {
			continue
		}
		closed := p.subs[i].closed
		ls := orb.LineString(pts)
		b := ls.Bound()
		if !b.Intersects(bound) {
			continue
		}
		if bound.Contains(b.Min) && bound.Contains(b.Max) {
			for j, q := range pts {
				if j == 0 {
					out.MoveTo(q[0]+v.ox, q[1]+v.oy)
				} else {
					out.LineTo(q[0]+v.ox, q[1]+v.oy)
				}
			}
			if closed {
				out.Close()
			}
			continue
		}
		if closed {
			ls = append(append(orb.LineString(nil), pts...), pts[0])
		}
		for _, part := range clip.LineString(bound, ls) {
			for j, q := range part {
				if j == 0 {
					out.MoveTo(q[0]+v.ox, q[1]+v.oy)
				} else {
					out.LineTo(q[0]+v.ox, q[1]+v.oy)
				}
			}
		}
	}
	return out
}

func finitePoints(pts []orb.Point) bool {
	for _, q := range pts {
		if !finitePoint(q) {
			return false
		}
	}
	return true
}

// addOffsetRing adds closed ring r (its closing point dropped) shifted by
// (dx, dy).
func (p *PixelPath) addOffsetRing(r orb.Ring, dx, dy float64) {
	n := len(r)
	if n > 1 && r[0] == r[n-1] {
		n--
	}
	for i, q := range r[:n] {
		if i == 0 {
			p.MoveTo(q[0]+dx, q[1]+dy)
		} else {
			p.LineTo(q[0]+dx, q[1]+dy)
		}
	}
	p.Close()
}

// Subpaths yields the points of each subpath of p, in order. The slices
// are p's own: do not modify them.
func (p *PixelPath) Subpaths() iter.Seq[[]orb.Point] {
	return func(yield func([]orb.Point) bool) {
		for _, s := range p.subs {
			if !yield(p.pts[s.start:s.end]) {
				return
			}
		}
	}
}

// allSubpaths yields each subpath's index and points.
func (p *PixelPath) allSubpaths() iter.Seq2[int, []orb.Point] {
	return func(yield func(int, []orb.Point) bool) {
		for i, s := range p.subs {
			if !yield(i, p.pts[s.start:s.end]) {
				return
			}
		}
	}
}

// Closed reports whether subpath i of p is closed.
func (p *PixelPath) Closed(i int) bool { return i >= 0 && i < len(p.subs) && p.subs[i].closed }

// GlyphPos is one rune of a text as drawn: the rune and the x offset of
// its origin from the text's start, in pixels.
type GlyphPos struct {
	R rune
	X float64
}

// Glyphs returns the runes of s in style st with their x offsets as a
// Canvas draws them (kerning and tracking included), or nil without fonts.
func (fc *FaceCache) Glyphs(s string, st TextStyle) []GlyphPos {
	f := fc.Face(st.Weight, st.Size)
	if f == nil {
		return nil
	}
	var out []GlyphPos
	var x fixed.Int26_6
	track := fixed.Int26_6(math.Round(st.Tracking * 64))
	prev := rune(-1)
	for _, r := range s {
		if prev >= 0 {
			x += f.Kern(prev, r)
		}
		out = append(out, GlyphPos{R: r, X: fx(x)})
		adv, _ := f.GlyphAdvance(r)
		x += adv + track
		prev = r
	}
	return out
}
