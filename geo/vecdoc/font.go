package vecdoc

import (
	"errors"
	"fmt"
	"math"
	"strconv"

	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"github.com/briefmap/briefmap/assets"
	"github.com/briefmap/briefmap/geo"
)

// fontSet is the fonts a document uses, one per weight, each subset to
// the glyphs drawn, in order of first use (so the output depends only on
// what is drawn).
type fontSet struct {
	src   *assets.Fonts
	fonts map[geo.Weight]*docFont
	order []*docFont
	buf   sfnt.Buffer
}

// docFont is one weight of the family as a document uses it.
type docFont struct {
	name     string // resource name: F1, F2…
	weight   geo.Weight
	sf       *sfnt.Font
	upem     float64
	sub      *subsetter
	runes    map[uint16]rune   // new glyph id → the rune it was drawn for
	outlines map[uint16][]pseg // new glyph id → outline in font units, y down
}

// pseg is one segment of a glyph outline: op 'M', 'L', 'Q' or 'C' and up
// to three points.
type pseg struct {
	op  byte
	pts [3][2]float64
}

func newFontSet(src *assets.Fonts) *fontSet {
	return &fontSet{src: src, fonts: make(map[geo.Weight]*docFont)}
}

// font returns the document font of weight w, parsing it on first use.
func (fs *fontSet) font(w geo.Weight) (*docFont, error) {
	if f, ok := fs.fonts[w]; ok {
		return f, nil
	}
	if fs.src == nil {
		return nil, errors.New("no fonts")
	}
	sf, raw, family := fs.src.Regular, fs.src.RegularTTF, "NotoSans-Regular"
	switch w {
	case geo.Bold:
		sf, raw, family = fs.src.Bold, fs.src.BoldTTF, "NotoSans-Bold"
	case geo.Italic:
		sf, raw, family = fs.src.Italic, fs.src.ItalicTTF, "NotoSans-Italic"
	}
	if sf == nil || raw == nil {
		return nil, fmt.Errorf("font %s is not loaded", family)
	}
	t, err := parseTTF(raw)
	if err != nil {
		return nil, fmt.Errorf("font %s: %w", family, err)
	}
	f := &docFont{name: "F" + strconv.Itoa(len(fs.order)+1), weight: w, sf: sf,
		upem: float64(sf.UnitsPerEm()), sub: newSubsetter(t),
		runes: make(map[uint16]rune), outlines: make(map[uint16][]pseg)}
	fs.fonts[w] = f
	fs.order = append(fs.order, f)
	return f, nil
}

// postScriptName returns the font's name in the PDF, with the subset tag
// that marks a subset (six capitals, derived from the weight so that the
// same slide gives the same bytes).
func (f *docFont) postScriptName() string {
	base := [...]string{geo.Regular: "NotoSans-Regular", geo.Bold: "NotoSans-Bold", geo.Italic: "NotoSans-Italic"}
	tag := [...]string{geo.Regular: "BMAPRG", geo.Bold: "BMAPBD", geo.Italic: "BMAPIT"}
	w := f.weight
	if w < 0 || int(w) >= len(base) {
		w = geo.Regular
	}
	return tag[w] + "+" + base[w]
}

// glyph returns the subset glyph id drawn for r (0, .notdef, when the
// font has none).
func (fs *fontSet) glyph(f *docFont, r rune) uint16 {
	old, err := f.sf.GlyphIndex(&fs.buf, r)
	if err != nil || old == 0 {
		return 0
	}
	id := f.sub.use(uint16(old))
	if _, ok := f.runes[id]; !ok {
		f.runes[id] = r
	}
	return id
}

// cmap returns the runes drawn with f and their glyph ids.
func (f *docFont) cmap() map[rune]uint16 {
	m := make(map[rune]uint16, len(f.runes))
	for id, r := range f.runes {
		m[r] = id
	}
	return m
}

// outline returns glyph id's outline in font units (y down).
func (fs *fontSet) outline(f *docFont, id uint16) []pseg {
	if o, ok := f.outlines[id]; ok {
		return o
	}
	segs, err := f.sf.LoadGlyph(&fs.buf, sfnt.GlyphIndex(f.sub.olds[id]), fixed.I(int(f.upem)), nil)
	var out []pseg
	if err == nil {
		pt := func(p fixed.Point26_6) [2]float64 { return [2]float64{float64(p.X) / 64, float64(p.Y) / 64} }
		for _, s := range segs {
			var q pseg
			switch s.Op {
			case sfnt.SegmentOpMoveTo:
				q = pseg{op: 'M', pts: [3][2]float64{pt(s.Args[0])}}
			case sfnt.SegmentOpLineTo:
				q = pseg{op: 'L', pts: [3][2]float64{pt(s.Args[0])}}
			case sfnt.SegmentOpQuadTo:
				q = pseg{op: 'Q', pts: [3][2]float64{pt(s.Args[0]), pt(s.Args[1])}}
			case sfnt.SegmentOpCubeTo:
				q = pseg{op: 'C', pts: [3][2]float64{pt(s.Args[0]), pt(s.Args[1]), pt(s.Args[2])}}
			}
			out = append(out, q)
		}
	}
	f.outlines[id] = out
	return out
}

// placedGlyph is one glyph of a text run: its subset id and its origin's x
// offset from the run's start, in pixels.
type placedGlyph struct {
	id uint16
	x  float64
}

// textRun returns the font of text op, its glyphs placed as the raster
// draws them, and the scale from font units to pixels.
func (fs *fontSet) textRun(faces *geo.FaceCache, op *geo.VectorOp) (*docFont, []placedGlyph, float64, error) {
	f, err := fs.font(op.Style.Weight)
	if err != nil {
		return nil, nil, 0, err
	}
	gs := faces.Glyphs(op.Text, op.Style)
	run := make([]placedGlyph, len(gs))
	for i, g := range gs {
		run[i] = placedGlyph{id: fs.glyph(f, g.R), x: g.X}
	}
	return f, run, op.Style.Size / f.upem, nil
}

// appendNum appends v with at most prec decimals, without trailing zeros
// ("12.5", "-3", "0.25").
func appendNum(b []byte, v float64, prec int) []byte {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		v = 0
	}
	k := math.Pow10(prec)
	v = math.Round(v*k) / k
	if v == 0 {
		return append(b, '0')
	}
	n := len(b)
	b = strconv.AppendFloat(b, v, 'f', prec, 64)
	if prec > 0 {
		for b[len(b)-1] == '0' {
			b = b[:len(b)-1]
		}
		if b[len(b)-1] == '.' {
			b = b[:len(b)-1]
		}
	}
	// "0.5" → ".5" and "-0.5" → "-.5" save a byte each, read by every
	// PDF and SVG reader.
	if b[n] == '0' && len(b) > n+1 && b[n+1] == '.' {
		b = append(b[:n], b[n+1:]...)
	} else if b[n] == '-' && len(b) > n+2 && b[n+1] == '0' && b[n+2] == '.' {
		b = append(b[:n+1], b[n+2:]...)
	}
	return b
}

// fixedI returns v pixels as a 26.6 fixed-point number.
func fixedI(v float64) fixed.Int26_6 { return fixed.Int26_6(math.Round(v * 64)) }
