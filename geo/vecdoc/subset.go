package vecdoc

import (
	"encoding/binary"
	"errors"
	"fmt"
	"sort"
)

// A TrueType subsetter: the PDF embeds only the glyphs a slide uses
// (about 90 of Noto Sans's 4 000), renumbered from 1 in order of first
// use, composite glyphs' components included. It keeps the tables a PDF
// reader needs (head, hhea, maxp, hmtx, loca, glyf, and cvt, fpgm, prep
// for the hinting instructions the glyphs carry) and a minimal post.

// ttf is a parsed TrueType font file: its tables by tag.
type ttf struct {
	tables map[string][]byte
	loca   []uint32 // glyph offsets into glyf, numGlyphs+1
	hmtx   []hmetric
}

type hmetric struct {
	advance uint16
	lsb     int16
}

// parseTTF reads the table directory, loca and hmtx of a TrueType font.
func parseTTF(b []byte) (*ttf, error) {
	if len(b) < 12 {
		return nil, errors.New("font too short")
	}
	n := int(binary.BigEndian.Uint16(b[4:]))
	if len(b) < 12+16*n {
		return nil, errors.New("truncated table directory")
	}
	f := &ttf{tables: make(map[string][]byte, n)}
	for i := 0; i < n; i++ {
		e := b[12+16*i:]
		tag := string(e[:4])
		off, ln := binary.BigEndian.Uint32(e[8:]), binary.BigEndian.Uint32(e[12:])
		if uint64(off)+uint64(ln) > uint64(len(b)) {
			return nil, fmt.Errorf("table %q out of range", tag)
		}
		f.tables[tag] = b[off : off+ln]
	}
	for _, tag := range []string{"head", "hhea", "maxp", "hmtx", "loca", "glyf"} {
		if f.tables[tag] == nil {
			return nil, fmt.Errorf("no %q table (not a TrueType-outline font)", tag)
		}
	}
	head, maxp, hhea := f.tables["head"], f.tables["maxp"], f.tables["hhea"]
	if len(head) < 54 || len(maxp) < 6 || len(hhea) < 36 {
		return nil, errors.New("short head, maxp or hhea table")
	}
	numGlyphs := int(binary.BigEndian.Uint16(maxp[4:]))
	long := binary.BigEndian.Uint16(head[50:]) == 1
	loca := f.tables["loca"]
	f.loca = make([]uint32, numGlyphs+1)
	for i := range f.loca {
		if long {
			if len(loca) < 4*(i+1) {
				return nil, errors.New("short loca table")
			}
			f.loca[i] = binary.BigEndian.Uint32(loca[4*i:])
		} else {
			if len(loca) < 2*(i+1) {
				return nil, errors.New("short loca table")
			}
			f.loca[i] = 2 * uint32(binary.BigEndian.Uint16(loca[2*i:]))
		}
	}
	nh := int(binary.BigEndian.Uint16(hhea[34:]))
	hm := f.tables["hmtx"]
	if nh == 0 || len(hm) < 4*nh {
		return nil, errors.New("short hmtx table")
	}
	f.hmtx = make([]hmetric, numGlyphs)
	for i := range f.hmtx {
		if i < nh {
			f.hmtx[i] = hmetric{binary.BigEndian.Uint16(hm[4*i:]), int16(binary.BigEndian.Uint16(hm[4*i+2:]))}
			continue
		}
		lsb := int16(0)
		if o := 4*nh + 2*(i-nh); o+2 <= len(hm) {
			lsb = int16(binary.BigEndian.Uint16(hm[o:]))
		}
		f.hmtx[i] = hmetric{f.hmtx[nh-1].advance, lsb}
	}
	return f, nil
}

// glyph returns the glyf bytes of glyph g (nil for an empty glyph).
func (f *ttf) glyph(g uint16) []byte {
	if int(g)+1 >= len(f.loca) {
		return nil
	}
	a, b := f.loca[g], f.loca[g+1]
	glyf := f.tables["glyf"]
	if a >= b || uint64(b) > uint64(len(glyf)) {
		return nil
	}
	return glyf[a:b]
}

// Composite glyph flags.
const (
	argsAreWords   = 0x0001
	haveScale      = 0x0008
	moreComponents = 0x0020
	haveXYScale    = 0x0040
	haveTwoByTwo   = 0x0080
)

// components calls fn with the offset (in g) of each component's glyph
// index, when g is a composite glyph.
func components(g []byte, fn func(off int)) {
	if len(g) < 10 || int16(binary.BigEndian.Uint16(g)) >= 0 {
		return
	}
	p := 10
	for p+4 <= len(g) {
		flags := binary.BigEndian.Uint16(g[p:])
		fn(p + 2)
		p += 4
		if flags&argsAreWords != 0 {
			p += 4
		} else {
			p += 2
		}
		switch {
		case flags&haveScale != 0:
			p += 2
		case flags&haveXYScale != 0:
			p += 4
		case flags&haveTwoByTwo != 0:
			p += 8
		}
		if flags&moreComponents == 0 {
			return
		}
	}
}

// subsetter collects the glyphs of one font a document uses and gives
// them new numbers: 0 is .notdef, then in order of first use.
type subsetter struct {
	f    *ttf
	ids  map[uint16]uint16 // old → new
	olds []uint16          // new → old
}

func newSubsetter(f *ttf) *subsetter {
	return &subsetter{f: f, ids: map[uint16]uint16{0: 0}, olds: []uint16{0}}
}

// use returns glyph old's new number, adding it (and its components).
func (s *subsetter) use(old uint16) uint16 {
	if id, ok := s.ids[old]; ok {
		return id
	}
	id := uint16(len(s.olds))
	s.ids[old] = id
	s.olds = append(s.olds, old)
	g := s.f.glyph(old)
	components(g, func(off int) { s.use(binary.BigEndian.Uint16(g[off:])) })
	return id
}

// advance returns the advance width of glyph new in font units.
func (s *subsetter) advance(id uint16) uint16 {
	old := s.olds[id]
	if int(old) < len(s.f.hmtx) {
		return s.f.hmtx[old].advance
	}
	return 0
}

// font returns the subset font file, with a cmap of runes (rune → new
// glyph id; only those of the Basic Multilingual Plane are mapped).
func (s *subsetter) font(runes map[rune]uint16) []byte {
	n := len(s.olds)
	var glyf []byte
	loca := make([]byte, 4*(n+1))
	hmtx := make([]byte, 4*n)
	for id, old := range s.olds {
		binary.BigEndian.PutUint32(loca[4*id:], uint32(len(glyf)))
		g := append([]byte(nil), s.f.glyph(old)...)
		components(g, func(off int) {
			binary.BigEndian.PutUint16(g[off:], s.ids[binary.BigEndian.Uint16(g[off:])])
		})
		glyf = append(glyf, g...)
		for len(glyf)%4 != 0 {
			glyf = append(glyf, 0)
		}
		m := hmetric{}
		if int(old) < len(s.f.hmtx) {
			m = s.f.hmtx[old]
		}
		binary.BigEndian.PutUint16(hmtx[4*id:], m.advance)
		binary.BigEndian.PutUint16(hmtx[4*id+2:], uint16(m.lsb))
	}
	binary.BigEndian.PutUint32(loca[4*n:], uint32(len(glyf)))

	head := append([]byte(nil), s.f.tables["head"]...)
	binary.BigEndian.PutUint32(head[8:], 0)  // checkSumAdjustment, set below
	binary.BigEndian.PutUint16(head[50:], 1) // long loca
	hhea := append([]byte(nil), s.f.tables["hhea"]...)
	binary.BigEndian.PutUint16(hhea[34:], uint16(n))
	maxp := append([]byte(nil), s.f.tables["maxp"]...)
	binary.BigEndian.PutUint16(maxp[4:], uint16(n))
	post := make([]byte, 32)
	binary.BigEndian.PutUint32(post, 0x00030000) // version 3: no glyph names
	if p := s.f.tables["post"]; len(p) >= 32 {
		copy(post[4:], p[4:32]) // italic angle, underline, fixed pitch, memory hints
	}

	tables := map[string][]byte{"head": head, "hhea": hhea, "maxp": maxp, "hmtx": hmtx, "loca": loca, "glyf": glyf, "post": post,
		"cmap": cmapTable(runes)}
	for _, tag := range []string{"cvt ", "fpgm", "prep"} {
		if t := s.f.tables[tag]; t != nil {
			tables[tag] = t
		}
	}
	out := assemble(tables)
	// head.checkSumAdjustment makes the whole file sum to 0xB1B0AFBA.
	headOff := tableOffset(out, "head")
	binary.BigEndian.PutUint32(out[headOff+8:], 0xB1B0AFBA-checksum(out))
	return out
}

// cmapTable returns a cmap table with one Windows Unicode (3, 1) format 4
// subtable mapping runes (BMP only) to glyph ids, one segment per rune.
func cmapTable(runes map[rune]uint16) []byte {
	codes := make([]int, 0, len(runes))
	for r := range runes {
		if r > 0 && r < 0xFFFF {
			codes = append(codes, int(r))
		}
	}
	sort.Ints(codes)
	seg := len(codes) + 1 // and the final 0xFFFF segment
	sub := make([]byte, 16+8*seg)
	binary.BigEndian.PutUint16(sub[0:], 4)
	binary.BigEndian.PutUint16(sub[2:], uint16(len(sub)))
	binary.BigEndian.PutUint16(sub[6:], uint16(2*seg))
	sr, es := 1, 0
	for sr*2 <= seg {
		sr *= 2
		es++
	}
	binary.BigEndian.PutUint16(sub[8:], uint16(2*sr))
	binary.BigEndian.PutUint16(sub[10:], uint16(es))
	binary.BigEndian.PutUint16(sub[12:], uint16(2*seg-2*sr))
	ends, starts := sub[14:], sub[16+2*seg:]
	deltas, offsets := sub[16+4*seg:], sub[16+6*seg:]
	for i, c := range codes {
		binary.BigEndian.PutUint16(ends[2*i:], uint16(c))
		binary.BigEndian.PutUint16(starts[2*i:], uint16(c))
		binary.BigEndian.PutUint16(deltas[2*i:], runes[rune(c)]-uint16(c))
		binary.BigEndian.PutUint16(offsets[2*i:], 0)
	}
	last := seg - 1
	binary.BigEndian.PutUint16(ends[2*last:], 0xFFFF)
	binary.BigEndian.PutUint16(starts[2*last:], 0xFFFF)
	binary.BigEndian.PutUint16(deltas[2*last:], 1)
	head := []byte{0, 0, 0, 1, 0, 3, 0, 1, 0, 0, 0, 12} // version 0, one table: (3, 1) at 12
	return append(head, sub...)
}

// assemble writes an sfnt file of tables, tags in ascending order.
func assemble(tables map[string][]byte) []byte {
	tags := make([]string, 0, len(tables))
	for t := range tables {
		tags = append(tags, t)
	}
	sort.Strings(tags)
	n := len(tags)
	es, sr := 0, 1
	for sr*2 <= n {
		sr *= 2
		es++
	}
	out := make([]byte, 12+16*n)
	binary.BigEndian.PutUint32(out, 0x00010000)
	binary.BigEndian.PutUint16(out[4:], uint16(n))
	binary.BigEndian.PutUint16(out[6:], uint16(16*sr))
	binary.BigEndian.PutUint16(out[8:], uint16(es))
	binary.BigEndian.PutUint16(out[10:], uint16(16*n-16*sr))
	for i, tag := range tags {
		t := tables[tag]
		off := len(out)
		out = append(out, t...)
		e := out[12+16*i:]
		copy(e, tag)
		binary.BigEndian.PutUint32(e[4:], checksum(t))
		binary.BigEndian.PutUint32(e[8:], uint32(off))
		binary.BigEndian.PutUint32(e[12:], uint32(len(t)))
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	return out
}

func tableOffset(font []byte, tag string) int {
	n := int(binary.BigEndian.Uint16(font[4:]))
	for i := 0; i < n; i++ {
		e := font[12+16*i:]
		if string(e[:4]) == tag {
			return int(binary.BigEndian.Uint32(e[8:]))
		}
	}
	return -1
}

// checksum is the sfnt table checksum: the sum of big-endian uint32s,
// zero-padded.
func checksum(b []byte) uint32 {
	var s uint32
	for i := 0; i < len(b); i += 4 {
		var w [4]byte
		copy(w[:], b[i:])
		s += binary.BigEndian.Uint32(w[:])
	}
	return s
}
