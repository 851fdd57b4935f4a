package geo

import (
	"encoding/binary"
	"image"
	"image/color"
	"math"

	"golang.org/x/image/font"
	"golang.org/x/image/math/fixed"
)

// spriteKey names a rendered text: the string, what shapes it, and its
// horizontal sub-pixel position in 64ths of a pixel.
type spriteKey struct {
	s        string
	weight   Weight
	size     float64
	tracking float64
	halo     float64
	frac     int
}

// textSprite is a text's coverage and halo coverage (nil without a halo),
// both covering full, which is relative to the integer pixel of the
// text's start on its baseline.
type textSprite struct {
	full       image.Rectangle
	mask, halo *image.Alpha
}

// maxCachedSprites bounds the sprite cache; past it, it starts afresh.
const maxCachedSprites = 512

// sprite returns the masks of s in style st (face f) starting frac/64
// pixel right of a pixel corner, rendering them on first use.
func (fc *FaceCache) sprite(f font.Face, s string, st TextStyle, frac int) *textSprite {
	halo := 0.0
	if st.HaloWidth > 0 && st.Halo.A > 0 {
		halo = st.HaloWidth
	}
	k := spriteKey{s, st.Weight, st.Size, st.Tracking, halo, frac}
	if sp, ok := fc.sprites[k]; ok {
		return sp
	}
	m := f.Metrics()
	w := advance(f, s, st.Tracking)
	x := float64(frac) / 64
	pad := halo + 2 + st.Size/4 // glyphs may overhang their advance box
	full := Box{x - pad, -fx(m.Ascent) - pad, x + w + pad, fx(m.Descent) + pad}.Rect()
	mask := image.NewAlpha(image.Rect(0, 0, full.Dx(), full.Dy()))
	dot := fixed.Point26_6{
		X: fixed.Int26_6(math.Round((x - float64(full.Min.X)) * 64)),
		Y: fixed.I(-full.Min.Y),
	}
	prev := rune(-1)
	fk := faceKey{st.Weight, st.Size}
	for _, r := range s {
		if prev >= 0 {
			dot.X += f.Kern(prev, r)
		}
		g := fc.glyph(f, fk, r, dot.X&63)
		if g.ok && g.mask != nil {
			at := g.off.Add(image.Point{dot.X.Floor(), dot.Y.Floor()})
			maxMask(mask, g.mask.Rect.Add(at), g.mask, image.Point{})
		}
		adv, _ := f.GlyphAdvance(r)
		dot.X += adv + fixed.Int26_6(math.Round(st.Tracking*64))
		prev = r
	}
	sp := &textSprite{full: full, mask: mask}
	if halo > 0 {
		sp.halo = image.NewAlpha(mask.Rect)
		dilate(sp.halo, mask, halo)
	}
	if len(fc.sprites) >= maxCachedSprites {
		clear(fc.sprites)
	}
	fc.sprites[k] = sp
	return sp
}

// maxMask merges glyph coverage mask (rectangle dr of dst, from mp in mask)
// into dst, keeping the larger coverage where glyphs overlap.
func maxMask(dst *image.Alpha, dr image.Rectangle, mask image.Image, mp image.Point) {
	dr = dr.Intersect(dst.Rect)
	am, fast := mask.(*image.Alpha)
	for y := dr.Min.Y; y < dr.Max.Y; y++ {
		for x := dr.Min.X; x < dr.Max.X; x++ {
			sx, sy := mp.X+x-dr.Min.X, mp.Y+y-dr.Min.Y
			var v uint8
			if fast {
				v = am.Pix[am.PixOffset(sx, sy)]
			} else {
				_, _, _, a := mask.At(sx, sy).RGBA()
				v = uint8(a >> 8)
			}
			i := dst.PixOffset(x, y)
			if v > dst.Pix[i] {
				dst.Pix[i] = v
			}
		}
	}
}

// dilate sets dst (same size as src, zeroed) to src grown by a disc of
// radius r, antialiased at the disc's rim.
func dilate(dst, src *image.Alpha, r float64) {
	type tap struct {
		dx, dy int
		off    int    // offset in dst.Pix
		w      uint32 // weight ×256
	}
	ri := int(math.Ceil(r + 0.5))
	w, h := src.Rect.Dx(), src.Rect.Dy()
	var taps []tap
	for dy := -ri; dy <= ri; dy++ {
		for dx := -ri; dx <= ri; dx++ {
			wgt := r + 0.5 - math.Hypot(float64(dx), float64(dy))
			if wgt <= 0 {
				continue
			}
			taps = append(taps, tap{dx, dy, dy*dst.Stride + dx, uint32(math.Min(wgt, 1) * 256)})
		}
	}
	for y := 0; y < h; y++ {
		row := src.Pix[y*src.Stride : y*src.Stride+w]
		inside := y >= ri && y < h-ri
		for x, v := range row {
			if v == 0 {
				continue
			}
			// A full pixel whose four neighbours are full adds nothing
			// their discs do not already cover.
			if v == 0xff && x > 0 && x < w-1 && y > 0 && y < h-1 &&
				row[x-1] == 0xff && row[x+1] == 0xff &&
				src.Pix[(y-1)*src.Stride+x] == 0xff && src.Pix[(y+1)*src.Stride+x] == 0xff {
				continue
			}
			c := y*dst.Stride + x
			if inside && x >= ri && x < w-ri {
				for _, t := range taps {
					nv := uint8(uint32(v) * t.w >> 8)
					if i := c + t.off; nv > dst.Pix[i] {
						dst.Pix[i] = nv
					}
				}
				continue
			}
			for _, t := range taps {
				if xx, yy := x+t.dx, y+t.dy; xx < 0 || yy < 0 || xx >= w || yy >= h {
					continue
				}
				i := c + t.off
				if nv := uint8(uint32(v) * t.w >> 8); nv > dst.Pix[i] {
					dst.Pix[i] = nv
				}
			}
		}
	}
}

// paintMask composites col through mask onto the canvas rectangle local
// (canvas coordinates); mask pixel (0,0) lies at local.Min+off.
func (c *Canvas) paintMask(mask *image.Alpha, local image.Rectangle, off image.Point, col color.NRGBA) {
	if col.A == 0 {
		return
	}
	t := c.coverageTable(col)
	abs := local.Add(c.dst.Rect.Min)
	for y := 0; y < local.Dy(); y++ {
		my := y - off.Y
		mrow := mask.Pix[my*mask.Stride-off.X : my*mask.Stride-off.X+local.Dx()]
		o := c.dst.PixOffset(abs.Min.X, abs.Min.Y+y)
		drow := c.dst.Pix[o : o+4*local.Dx()]
		for x, m := range mrow {
			if m == 0 {
				continue
			}
			px := drow[4*x : 4*x+4 : 4*x+4]
			if t.opaque[m] {
				px[0], px[1], px[2], px[3] = col.R, col.G, col.B, 0xff
				continue
			}
			binary.LittleEndian.PutUint32(px, t.blendPixel(binary.LittleEndian.Uint32(px), m))
		}
	}
}
