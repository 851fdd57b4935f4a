package geo

import (
	"image"
	"image/color"
	"math"
	"strings"
	"unicode/utf8"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"

	"github.com/briefmap/briefmap/assets"
)

// Weight selects a face of the embedded family.
type Weight int

// Font weights (and the italic style) of the embedded Noto Sans family.
const (
	Regular Weight = iota
	Bold
	Italic
)

// TextStyle is how text is drawn. Sizes are in pixels.
type TextStyle struct {
	Size      float64 // em size in pixels
	Weight    Weight
	Color     color.NRGBA
	Halo      color.NRGBA // drawn behind the text when HaloWidth > 0
	HaloWidth float64     // pixels the halo reaches beyond the glyphs
	Tracking  float64     // extra pixels between letters (e.g. for spaced capitals)
}

type faceKey struct {
	weight Weight
	size   float64
}

// glyphKey names a rasterised glyph: a face, a rune and the glyph's
// horizontal sub-pixel position (in 64ths of a pixel).
type glyphKey struct {
	face faceKey
	r    rune
	frac fixed.Int26_6
}

// glyphMask is a glyph's coverage, positioned relative to the integer
// pixel of its dot.
type glyphMask struct {
	off  image.Point
	mask *image.Alpha // origin (0, 0)
	ok   bool
}

// FaceCache parses font faces on demand and keeps them per weight and
// size, and keeps the glyphs and the texts (with their halos) it has
// rasterised, so that labels redrawn at the same place cost only their
// compositing. It is not safe for concurrent use (nor are the faces it
// returns).
type FaceCache struct {
	fonts   *assets.Fonts
	faces   map[faceKey]font.Face
	glyphs  map[glyphKey]*glyphMask
	sprites map[spriteKey]*textSprite
}

// maxCachedGlyphs bounds the glyph cache; past it, it starts afresh.
const maxCachedGlyphs = 8192

// NewFaceCache returns an empty cache over fonts (nil: no text is drawn or
// measured).
func NewFaceCache(fonts *assets.Fonts) *FaceCache {
	return &FaceCache{fonts: fonts, faces: make(map[faceKey]font.Face),
		glyphs: make(map[glyphKey]*glyphMask), sprites: make(map[spriteKey]*textSprite)}
}

// glyph returns rune r of face f (key k) rasterised at sub-pixel offset
// frac (0…63).
func (fc *FaceCache) glyph(f font.Face, k faceKey, r rune, frac fixed.Int26_6) *glyphMask {
	gk := glyphKey{k, r, frac}
	if g, ok := fc.glyphs[gk]; ok {
		return g
	}
	dr, mask, mp, _, ok := f.Glyph(fixed.Point26_6{X: frac}, r)
	g := &glyphMask{off: dr.Min, ok: ok}
	if ok && !dr.Empty() {
		g.mask = image.NewAlpha(image.Rect(0, 0, dr.Dx(), dr.Dy()))
		if am, fast := mask.(*image.Alpha); fast {
			for y := 0; y < dr.Dy(); y++ {
				copy(g.mask.Pix[y*g.mask.Stride:(y+1)*g.mask.Stride], am.Pix[am.PixOffset(mp.X, mp.Y+y):])
			}
		} else {
			for y := 0; y < dr.Dy(); y++ {
				for x := 0; x < dr.Dx(); x++ {
					_, _, _, a := mask.At(mp.X+x, mp.Y+y).RGBA()
					g.mask.Pix[y*g.mask.Stride+x] = uint8(a >> 8)
				}
			}
		}
	}
	if len(fc.glyphs) >= maxCachedGlyphs {
		clear(fc.glyphs)
	}
	fc.glyphs[gk] = g
	return g
}

// Fonts returns the fonts the cache draws from.
func (fc *FaceCache) Fonts() *assets.Fonts {
	if fc == nil {
		return nil
	}
	return fc.fonts
}

// Face returns the face of weight w at size pixels, or nil when the cache
// has no fonts or size is not positive.
func (fc *FaceCache) Face(w Weight, size float64) font.Face {
	if fc == nil || fc.fonts == nil || !(size > 0) {
		return nil
	}
	k := faceKey{w, size}
	if f, ok := fc.faces[k]; ok {
		return f
	}
	src := fc.fonts.Regular
	switch w {
	case Bold:
		src = fc.fonts.Bold
	case Italic:
		src = fc.fonts.Italic
	}
	if src == nil {
		return nil
	}
	f, err := opentype.NewFace(src, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		return nil
	}
	fc.faces[k] = f
	return f
}

func fx(v fixed.Int26_6) float64 { return float64(v) / 64 }

// MeasureText returns the advance width of s in style st and the face's
// ascent and descent (not the ink's: lines of one style align). Without
// fonts it returns zeros.
func (c *Canvas) MeasureText(s string, st TextStyle) (w, ascent, descent float64) {
	return c.faces.MeasureText(s, st)
}

// MeasureText is Canvas.MeasureText: every surface measures text through
// its FaceCache, so raster and vector output break lines alike.
func (fc *FaceCache) MeasureText(s string, st TextStyle) (w, ascent, descent float64) {
	f := fc.Face(st.Weight, st.Size)
	if f == nil {
		return 0, 0, 0
	}
	m := f.Metrics()
	return advance(f, s, st.Tracking), fx(m.Ascent), fx(m.Descent)
}

// LineHeight returns the distance between baselines of consecutive lines of
// style st (the face's recommended height), or 0 without fonts.
func (c *Canvas) LineHeight(st TextStyle) float64 { return c.faces.LineHeight(st) }

// LineHeight is Canvas.LineHeight.
func (fc *FaceCache) LineHeight(st TextStyle) float64 {
	f := fc.Face(st.Weight, st.Size)
	if f == nil {
		return 0
	}
	return fx(f.Metrics().Height)
}

// advance returns the advance width of s with kerning and tracking.
func advance(f font.Face, s string, tracking float64) float64 {
	var w fixed.Int26_6
	prev := rune(-1)
	n := 0
	for _, r := range s {
		if prev >= 0 {
			w += f.Kern(prev, r)
		}
		a, _ := f.GlyphAdvance(r)
		w += a
		prev = r
		n++
	}
	if n > 1 {
		return fx(w) + tracking*float64(n-1)
	}
	return fx(w)
}

// Text draws s with its baseline starting at (x, y), the halo first. The
// baseline is snapped to a whole pixel so text stays crisp.
func (c *Canvas) Text(x, y float64, s string, st TextStyle) {
	f := c.faces.Face(st.Weight, st.Size)
	if f == nil || s == "" || (st.Color.A == 0 && (st.Halo.A == 0 || st.HaloWidth <= 0)) {
		return
	}
	// 1/64-pixel horizontal positions (the font's own precision),
	// whole-pixel baselines: a label drawn again at the same place is
	// composited from the sprite cache.
	x = math.Round(x*64) / 64
	ix, iy := math.Floor(x), math.Round(y)
	sp := c.faces.sprite(f, s, st, int(math.Round((x-ix)*64)))
	full := sp.full.Add(image.Point{int(ix), int(iy)})
	local := full.Intersect(image.Rect(0, 0, c.dst.Rect.Dx(), c.dst.Rect.Dy()))
	if local.Empty() {
		return
	}
	off := full.Min.Sub(local.Min) // mask origin relative to local
	if sp.halo != nil {
		c.paintMask(sp.halo, local, off, st.Halo)
	}
	c.paintMask(sp.mask, local, off, st.Color)
}

// WrapText breaks s into lines no wider than maxWidth in style st: words
// are kept whole where they fit, a word longer than a line is broken
// between letters, and newlines in s start new lines. Runs of spaces
// collapse to one. Empty paragraphs are kept as empty lines.
func (c *Canvas) WrapText(s string, st TextStyle, maxWidth float64) []string {
	return c.faces.WrapText(s, st, maxWidth)
}

// WrapText is Canvas.WrapText.
func (fc *FaceCache) WrapText(s string, st TextStyle, maxWidth float64) []string {
	f := fc.Face(st.Weight, st.Size)
	var lines []string
	for _, para := range strings.Split(s, "\n") {
		words := strings.Fields(para)
		if len(words) == 0 {
			lines = append(lines, "")
			continue
		}
		line := ""
		for _, w := range words {
			cand := w
			if line != "" {
				cand = line + " " + w
			}
			if f == nil || advance(f, cand, st.Tracking) <= maxWidth {
				line = cand
				continue
			}
			if line != "" {
				lines = append(lines, line)
				line = ""
			}
			// w alone: break it if it is too long.
			for advance(f, w, st.Tracking) > maxWidth {
				n := fitPrefix(f, w, st.Tracking, maxWidth, "")
				if n == 0 {
					_, n = utf8.DecodeRuneInString(w) // at least one letter a line
				}
				lines = append(lines, w[:n])
				w = w[n:]
			}
			line = w
		}
		lines = append(lines, line)
	}
	return lines
}

// fitPrefix returns the byte length of the longest prefix of s (whole
// runes) that, followed by suffix, is no wider than maxWidth.
func fitPrefix(f font.Face, s string, tracking, maxWidth float64, suffix string) int {
	// Binary search over rune boundaries.
	bounds := make([]int, 0, len(s)+1)
	for i := range s {
		bounds = append(bounds, i)
	}
	bounds = append(bounds, len(s))
	lo, hi := 0, len(bounds)-1 // bounds[lo] fits (the empty prefix is assumed to)
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if advance(f, s[:bounds[mid]]+suffix, tracking) <= maxWidth {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return bounds[lo]
}

// Ellipsis is the character Ellipsize appends.
const Ellipsis = "…"

// Ellipsize returns s if it fits in maxWidth, else its longest prefix that
// fits followed by "…" (trailing spaces trimmed), or "" when not even "…"
// fits. Without fonts it returns s.
func (c *Canvas) Ellipsize(s string, st TextStyle, maxWidth float64) string {
	return c.faces.Ellipsize(s, st, maxWidth)
}

// Ellipsize is Canvas.Ellipsize.
func (fc *FaceCache) Ellipsize(s string, st TextStyle, maxWidth float64) string {
	f := fc.Face(st.Weight, st.Size)
	if f == nil || advance(f, s, st.Tracking) <= maxWidth {
		return s
	}
	if advance(f, Ellipsis, st.Tracking) > maxWidth {
		return ""
	}
	n := fitPrefix(f, s, st.Tracking, maxWidth, Ellipsis)
	return strings.TrimRight(s[:n], " \t") + Ellipsis
}
