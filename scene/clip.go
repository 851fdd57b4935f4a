package scene

import (
	"image"
	"math"

	"github.com/paulmach/orb"

	"github.com/briefmap/briefmap/geo"
)

// This file holds the window's quick frames: while the user drags or turns
// the wheel, RenderDraft answers from the last frame — shifted, with only
// the strips that came into view rasterised, or scaled about the pointer —
// and Render of the same arguments, once the pointer rests, refines it in
// full (labels placed anew).
//
// A draft is the full frame of its view but for the labels (and the dashes
// of borders the view's edge cuts), strips included: in interactive mode
// hatches are laid in world pixels (they move with the map, so a shifted
// frame and a fresh strip meet without a seam), and the attribution and
// scale bar are drawn over each frame rather than into the kept one (so they
// do not travel with a pan). Strips draw no labels, so none is cut at a
// strip's edge or doubled; the shifted part keeps the labels it had.

// SetInteractive puts the renderer in the window's mode (on) or the
// exports' mode (off, the default). Interactive: hatches are laid in
// world pixels, the attribution and scale bar are drawn over each frame,
// and RenderDraft draws drafts. Off: the frames are those of the slide and
// the CLI (hatches start at the map's corner; their goldens).
func (r *Renderer) SetInteractive(on bool) {
	if on != r.interactive {
		r.interactive, r.frame, r.last, r.draft = on, nil, nil, false
		r.strips = stripLayers{}
	}
}

// RenderDraft returns a quick frame of view v (w×h pixels, options o) made
// from the last frame Render or RenderDraft drew, when that frame has the
// same size and drawing options (the emphasis aside):
//
//   - at the same zoom, moved by a whole number of pixels less than the
//     frame: the kept frame is shifted in place and only the strips that
//     came into view are rasterised (without labels);
//   - at another zoom: the kept frame scaled about the point both views
//     share (nearest pixel, sea where it has nothing), and the kept frame
//     is left as it was, so every wheel step scales a sharp frame.
//
// The emphasis, the attribution and the scale bar are drawn for v on top.
// Otherwise, and when the renderer is not interactive, it returns Render's
// full frame. A later Render of the same arguments draws the frame in full.
func (r *Renderer) RenderDraft(w, h int, v View, o Options) *image.RGBA {
	spec := renderSpec{w, h, v, withoutEmphasis(o)}
	old := r.frameSpec
	if !r.interactive || r.frame == nil || old.w != w || old.h != h || !optionsEqual(old.o, spec.o) {
		return r.Render(w, h, v, o)
	}
	if old.v.Zoom != v.Zoom {
		img := r.scaled(old.v, v, w, h)
		r.finish(img, w, h, v, o)
		return img
	}
	if old.v != v {
		dx, dy, ok := panOffset(old.v, v, w, h)
		if !ok {
			return r.Render(w, h, v, o)
		}
		shiftRGBA(r.frame, dx, dy)
		for _, s := range exposed(w, h, dx, dy) {
			r.strip(w, h, v, spec.o, s)
		}
		r.frameSpec, r.draft, r.last = renderSpec{w, h, v, cloneOptions(spec.o)}, true, nil
	}
	img := r.spares.get(r.frame.Rect)
	copy(img.Pix, r.frame.Pix)
	r.finish(img, w, h, v, o)
	return img
}

// finish draws the emphasis of o on img, the w×h frame of view v, and in
// interactive mode the attribution and the scale bar.
func (r *Renderer) finish(img *image.RGBA, w, h int, v View, o Options) {
	t := v.transformer(w, h)
	em := r.emphasis(t, o)
	if len(em) == 0 && !r.interactive {
		return
	}
	c := geo.NewCanvasFaces(img, r.faces)
	if r.interactive {
		c.SetHatchOrigin(hatchOrigin(t))
	}
	for _, obj := range em {
		obj.Draw(c, t)
	}
	if r.interactive {
		m := &geo.Map{Width: w, Height: h, Centre: v.Centre, Zoom: v.Zoom, Basemap: r.base,
			ScaleBar: o.ScaleBar, PixelRatio: o.Ratio(), Faces: r.faces}
		m.DrawFurniture(c)
	}
}

// hatchOrigin returns where the top-left corner of t's frame lies in world
// pixels (the world's north-west corner at zero), rounded: hatches laid
// there move with the map by whole pixels when it pans.
func hatchOrigin(t *geo.Transformer) image.Point {
	x, y := t.ToPixel(orb.Point{-180, maxMercatorLat})
	return image.Pt(int(math.Round(-x)), int(math.Round(-y)))
}

// maxMercatorLat is the latitude of the top edge of the Web Mercator world.
const maxMercatorLat = 85.05112877980659

// panOffset returns by how many whole pixels the content of view from
// moves to show view to in a w×h map, and ok when that is a whole number
// (within a hundredth of a pixel) smaller than the frame.
func panOffset(from, to View, w, h int) (dx, dy int, ok bool) {
	x, y := to.ToPixel(w, h, from.Centre)
	fx, fy := x-float64(w)/2, y-float64(h)/2
	rx, ry := math.Round(fx), math.Round(fy)
	if math.Abs(fx-rx) > 0.01 || math.Abs(fy-ry) > 0.01 || math.Abs(rx) >= float64(w) || math.Abs(ry) >= float64(h) {
		return 0, 0, false
	}
	return int(rx), int(ry), true
}

// shiftRGBA moves img's content by (dx, dy) pixels in place; what comes
// into view keeps stale pixels (the caller draws the strips exposed).
func shiftRGBA(img *image.RGBA, dx, dy int) {
	w, h := img.Rect.Dx(), img.Rect.Dy()
	n := (w - abs(dx)) * 4 // bytes moved per row
	if n <= 0 || abs(dy) >= h {
		return
	}
	src, dst := max(0, -dx)*4, max(0, dx)*4
	row := func(y int) {
		to := img.Pix[(y)*img.Stride:]
		from := img.Pix[(y-dy)*img.Stride:]
		copy(to[dst:dst+n], from[src:src+n])
	}
	if dy > 0 {
		for y := h - 1; y >= dy; y-- {
			row(y)
		}
	} else {
		for y := 0; y < h+dy; y++ {
			row(y)
		}
	}
}

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}

// exposed returns the strips of a w×h frame that a shift by (dx, dy)
// brings into view: a full-height column and a row beside it.
func exposed(w, h, dx, dy int) []image.Rectangle {
	var out []image.Rectangle
	x0, x1 := 0, w // columns of the row strip
	switch {
	case dx > 0:
		out = append(out, image.Rect(0, 0, dx, h))
		x0 = dx
	case dx < 0:
		out = append(out, image.Rect(w+dx, 0, w, h))
		x1 = w + dx
	}
	switch {
	case dy > 0:
		out = append(out, image.Rect(x0, 0, x1, dy))
	case dy < 0:
		out = append(out, image.Rect(x0, h+dy, x1, h))
	}
	return out
}

// strip rasterises rectangle s of the w×h frame of view v into the kept
// frame: the basemap and the overlay with options o, without labels (nor
// country names), attribution or scale bar, hatches laid as in the full
// frame.
func (r *Renderer) strip(w, h int, v View, o Options, s image.Rectangle) {
	if s.Empty() {
		return
	}
	cx := float64(s.Min.X) + float64(s.Dx())/2
	cy := float64(s.Min.Y) + float64(s.Dy())/2
	st := basemapStyle(r.b)
	st.CountryNames = false
	m := &geo.Map{
		Width: s.Dx(), Height: s.Dy(),
		Centre: v.ToLonLat(w, h, cx, cy), Zoom: v.Zoom,
		Basemap: r.base, Style: st,
		NoAttribution: true,
		PixelRatio:    o.Ratio(),
		Faces:         r.faces,
		HatchOrigin:   hatchOrigin(v.transformer(w, h)).Add(s.Min),
	}
	o.Layers.Labels = false
	m.Layers = r.strips.get(r, m.Transformer(), o)
	m.RenderTo(r.frame.SubImage(s).(*image.RGBA))
}

// stripLayers keeps the overlay the strips of a drag draw: built once for a
// zoom and options and reused for every strip, so that the objects keep
// their projections and ring geometry between frames. The overlay does not
// depend on where the strip lies: what layers reads of the transformer
// (decluttering, nudged force markers) is differences of pixels.
type stripLayers struct {
	zoom   float64
	o      Options
	layers []geo.Layer
}

// get returns the overlay of options o at t's zoom, built with t when it is
// not kept.
func (c *stripLayers) get(r *Renderer, t *geo.Transformer, o Options) []geo.Layer {
	if c.layers == nil || c.zoom != t.Zoom() || !optionsEqual(c.o, o) {
		c.zoom, c.o, c.layers = t.Zoom(), cloneOptions(o), r.layers(t, o)
	}
	return c.layers
}

// scaled returns the kept frame (of view from) scaled to show view to in a
// new w×h image, nearest pixel; sea where the kept frame has nothing.
func (r *Renderer) scaled(from, to View, w, h int) *image.RGBA {
	img := r.spares.get(image.Rect(0, 0, w, h)) // every pixel is written
	k := math.Exp2(to.Zoom - from.Zoom)         // new pixels per old pixel
	ax, ay := to.ToPixel(w, h, from.Centre)
	// Old pixel under new pixel x: w/2 + (x+0.5−ax)/k.
	sx := make([]int, w)
	for x := range sx {
		sx[x] = int(math.Floor(float64(w)/2 + (float64(x)+0.5-ax)/k))
	}
	sea := basemapStyle(r.b).Sea
	seaPix := [4]uint8{sea.R, sea.G, sea.B, sea.A}
	prev := -2
	for y := range h {
		drow := img.Pix[y*img.Stride : y*img.Stride+4*w]
		syy := int(math.Floor(float64(h)/2 + (float64(y)+0.5-ay)/k))
		if syy == prev && y > 0 {
			copy(drow, img.Pix[(y-1)*img.Stride:(y-1)*img.Stride+4*w])
			continue
		}
		prev = syy
		if syy < 0 || syy >= h {
			for x := range w {
				copy(drow[4*x:4*x+4], seaPix[:])
			}
			continue
		}
		srow := r.frame.Pix[syy*r.frame.Stride : syy*r.frame.Stride+4*w]
		for x, s := range sx {
			if s < 0 || s >= w {
				copy(drow[4*x:4*x+4], seaPix[:])
			} else {
				copy(drow[4*x:4*x+4], srow[4*s:4*s+4])
			}
		}
	}
	return img
}
