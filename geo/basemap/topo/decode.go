package topo

import (
	"bytes"
	"compress/flate"
	"encoding/binary"
	"errors"
	"fmt"
	"io"

	"github.com/paulmach/orb"
)

// Limits that Decode enforces, so a corrupt file fails cleanly instead of
// allocating without bound.
const (
	maxArcs      = 1 << 20
	maxPoints    = 1 << 24
	maxCountries = 1 << 12
	maxRefs      = 1 << 20
	maxName      = 1 << 10
	maxLevels    = 32
)

// Decode parses a file written by Encode. It returns an error, never
// panics, on truncated or corrupt input, and checks that every arc reference
// names an existing arc.
func Decode(data []byte) (*Topology, error) { return read(data, false) }

// Open reads a file written by Encode as Decode does, checking all of it,
// but keeps the arcs' points in data and decodes each when ArcAt asks for
// it: the topology holds a few dozen bytes an arc instead of seventeen a
// point. data must not change afterwards (the embedded basemap's bytes).
func Open(data []byte) (*Topology, error) { return read(data, true) }

// read is Decode (inPlace false) and Open (true); it inflates a deflated
// file first.
func read(data []byte, inPlace bool) (*Topology, error) {
	verb := "decode"
	if inPlace {
		verb = "open"
	}
	raw := data
	if !bytes.HasPrefix(data, []byte(Magic)) {
		var err error
		if raw, err = inflate(data); err != nil {
			return nil, fmt.Errorf("topo: %s: %w", verb, err)
		}
	}
	d := decoder{b: raw}
	t, err := d.topology(inPlace)
	if err != nil {
		return nil, fmt.Errorf("topo: %s: %w", verb, err)
	}
	return t, nil
}

// inflate returns the bytes a raw DEFLATE stream holds, at most maxRaw.
func inflate(data []byte) ([]byte, error) {
	zr := flate.NewReader(bytes.NewReader(data))
	defer zr.Close()
	var buf bytes.Buffer
	buf.Grow(min(len(data)*3/2+64<<10, maxRaw)) // the basemap inflates to 1.44×
	if _, err := buf.ReadFrom(io.LimitReader(zr, maxRaw+1)); err != nil {
		return nil, fmt.Errorf("inflate: %w", err)
	}
	if buf.Len() > maxRaw {
		return nil, fmt.Errorf("more than %d bytes inflated: %w", maxRaw, errCorrupt)
	}
	return buf.Bytes(), nil
}

// maxRaw bounds the inflated size Decode accepts.
const maxRaw = 64 << 20

// decoder reads varints from an inflated buffer. Its methods report
// failure through err (the first error wins) and then return zeros, so the
// parsing code can check once per record.
type decoder struct {
	b   []byte
	off int
	err error
}

var errCorrupt = errors.New("corrupt data")

func (d *decoder) fail(err error) {
	if d.err == nil {
		d.err = err
	}
}

func (d *decoder) uvarint() uint64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Uvarint(d.b[d.off:])
	if n <= 0 {
		d.fail(d.varintErr(n))
		return 0
	}
	d.off += n
	return v
}

// varint reads a signed varint: a uvarint holding the value zig-zag
// encoded, as binary.Varint reads it.
func (d *decoder) varint() int64 { return unzigzag(d.uvarint()) }

// arcPoints decodes an arc's len(pts) points into pts and their levels
// into lvls, failing d on corrupt or truncated input.
func (d *decoder) arcPoints(pts []orb.Point, lvls []uint8, quantum float64, nLevels int) {
	j, x, y := d.points(pts, lvls, quantum, nLevels)
	for ; j < len(pts); j++ {
		x += d.varint()
		y += d.varint()
		pts[j] = orb.Point{float64(x) / quantum, float64(y) / quantum}
		if b := d.bytes(1); b != nil {
			if int(b[0]) >= nLevels {
				d.fail(fmt.Errorf("point %d: level %d of %d: %w", j, b[0], nLevels, errCorrupt))
			}
			lvls[j] = b[0]
		}
	}
}

// points decodes an arc's points into pts and their levels into lvls, as
// the checked loop of arcPoints does, while each point's two varints and
// level byte are well inside the input and valid: it returns how many it
// decoded and the last point's grid coordinates, and the checked loop
// takes the rest (a point near the end of the input, or one that fails,
// with its error). It reads the bytes with one offset and no method call:
// the decoding was most of the time it took to load the basemap.
func (d *decoder) points(pts []orb.Point, lvls []uint8, quantum float64, nLevels int) (j int, x, y int64) {
	if d.err != nil {
		return 0, 0, 0
	}
	b, off := d.b, d.off
	for ; j < len(pts) && off+2*binary.MaxVarintLen64+1 <= len(b); j++ {
		ux, n := uvarintAt(b, off)
		if n <= 0 {
			break
		}
		uy, m := uvarintAt(b, off+n)
		if m <= 0 {
			break
		}
		l := b[off+n+m]
		if int(l) >= nLevels {
			break
		}
		off += n + m + 1
		x += unzigzag(ux)
		y += unzigzag(uy)
		pts[j] = orb.Point{float64(x) / quantum, float64(y) / quantum}
		lvls[j] = l
	}
	d.off = off
	return j, x, y
}

// uvarintAt reads the uvarint at b[off:], a byte or two inline (most of a
// basemap's deltas) and binary.Uvarint for longer ones.
func uvarintAt(b []byte, off int) (uint64, int) {
	if c := b[off]; c < 0x80 {
		return uint64(c), 1
	}
	if c := b[off+1]; c < 0x80 {
		return uint64(b[off]&0x7f) | uint64(c)<<7, 2
	}
	return binary.Uvarint(b[off:])
}

// unzigzag returns the signed value of a zig-zag encoded uvarint, as
// binary.Varint reads it.
func unzigzag(ux uint64) int64 {
	x := int64(ux >> 1)
	if ux&1 != 0 {
		x = ^x
	}
	return x
}

func (d *decoder) varintErr(n int) error {
	if n == 0 {
		return fmt.Errorf("offset %d: %w", d.off, io.ErrUnexpectedEOF)
	}
	return fmt.Errorf("offset %d: varint overflows 64 bits: %w", d.off, errCorrupt)
}

// count reads a uvarint that must not exceed max.
func (d *decoder) count(what string, max uint64) int {
	v := d.uvarint()
	if v > max {
		d.fail(fmt.Errorf("%s: %d exceeds %d: %w", what, v, max, errCorrupt))
		return 0
	}
	return int(v)
}

func (d *decoder) bytes(n int) []byte {
	if d.err != nil {
		return nil
	}
	if len(d.b)-d.off < n {
		d.fail(fmt.Errorf("offset %d: %w", d.off, io.ErrUnexpectedEOF))
		return nil
	}
	b := d.b[d.off : d.off+n]
	d.off += n
	return b
}

// topology parses the whole file; inPlace keeps the arcs as spans of the
// decoder's bytes (Open) instead of their points (Decode).
func (d *decoder) topology(inPlace bool) (*Topology, error) {
	if magic := d.bytes(len(Magic)); d.err == nil && string(magic) != Magic {
		return nil, fmt.Errorf("magic %q: not a basemap topology: %w", magic, errCorrupt)
	}
	if ver := d.uvarint(); d.err == nil && ver != Version {
		return nil, fmt.Errorf("version %d, want %d: %w", ver, Version, errCorrupt)
	}
	q := d.count("quantum", 1e7)
	if d.err == nil && q == 0 {
		return nil, fmt.Errorf("quantum 0: %w", errCorrupt)
	}
	if d.err != nil {
		return nil, fmt.Errorf("header: %w", d.err)
	}
	t := &Topology{Quantum: float64(q)}
	var bound [4]float64
	for i := range bound {
		bound[i] = float64(d.varint()) / t.Quantum
	}
	t.Detail = orb.Bound{Min: orb.Point{bound[0], bound[1]}, Max: orb.Point{bound[2], bound[3]}}
	nLevels := d.count("level count", maxLevels)
	if d.err == nil && nLevels == 0 {
		d.fail(fmt.Errorf("no levels: %w", errCorrupt))
	}
	t.Levels = make([]float64, nLevels)
	for i := range t.Levels {
		t.Levels[i] = float64(d.count("level", 1<<40)) / t.Quantum
		if d.err == nil && ((i == 0 && t.Levels[0] != 0) || (i > 0 && !(t.Levels[i] > t.Levels[i-1]))) {
			d.fail(fmt.Errorf("level %d: %v: %w", i, t.Levels[i], errCorrupt))
		}
	}

	nArcs := d.count("arc count", maxArcs)
	if d.err != nil {
		return nil, fmt.Errorf("header: %w", d.err)
	}
	if inPlace {
		t.data, t.spans = d.b, make([]arcSpan, nArcs)
		t.kept = make([]uint32, 0, nArcs*nLevels)
	} else {
		t.Arcs = make([]Arc, nArcs)
	}
	total := 0
	var slab []orb.Point // points and levels are carved from slabs to save allocations
	var lslab []uint8
	var scratch Arc // inPlace: each arc is decoded here, to check it
	for i := range nArcs {
		kind := d.count("kind", uint64(numKinds-1))
		n := d.count("point count", maxPoints)
		if d.err == nil && n < 2 {
			d.fail(fmt.Errorf("%d points: %w", n, errCorrupt))
		}
		if total += n; d.err == nil && total > maxPoints {
			d.fail(fmt.Errorf("more than %d points in all: %w", maxPoints, errCorrupt))
		}
		if d.err != nil {
			return nil, fmt.Errorf("arc %d: %w", i, d.err)
		}
		// Each point takes at least three bytes: refuse counts the rest of
		// the input cannot hold before allocating for them.
		if n > (len(d.b)-d.off)/3 {
			return nil, fmt.Errorf("arc %d: %d points in %d bytes: %w", i, n, len(d.b)-d.off, io.ErrUnexpectedEOF)
		}
		var pts []orb.Point
		var lvls []uint8
		if inPlace {
			if cap(scratch.Points) < n {
				scratch.Points, scratch.Levels = make([]orb.Point, n), make([]uint8, n)
			}
			pts, lvls = scratch.Points[:n], scratch.Levels[:n]
		} else {
			if len(slab) < n {
				slab = make([]orb.Point, max(n, 1<<14))
			}
			if len(lslab) < n {
				lslab = make([]uint8, max(n, 1<<14))
			}
			pts, lvls = slab[:n:n], lslab[:n:n]
			slab, lslab = slab[n:], lslab[n:]
		}
		off := d.off
		d.arcPoints(pts, lvls, t.Quantum, nLevels)
		if d.err != nil {
			return nil, fmt.Errorf("arc %d: %w", i, d.err)
		}
		if inPlace {
			t.spans[i] = arcSpan{off: uint32(off), n: uint32(n), kind: Kind(kind), first: pts[0], last: pts[n-1]}
			t.kept = keptLens(t.kept, Arc{Points: pts, Levels: lvls}, nLevels)
		} else {
			t.Arcs[i] = Arc{Kind: Kind(kind), Points: pts, Levels: lvls}
		}
	}

	nCountries := d.count("country count", maxCountries)
	if d.err != nil {
		return nil, d.err
	}
	t.Countries = make([]Country, nCountries)
	refs := 0
	for ci := range t.Countries {
		c := &t.Countries[ci]
		c.ISO3 = string(d.bytes(3))
		c.Name = string(d.bytes(d.count("name length", maxName)))
		lx, ly := d.varint(), d.varint()
		c.Label = orb.Point{float64(lx) / t.Quantum, float64(ly) / t.Quantum}
		np := d.count("polygon count", maxRefs)
		if d.err != nil {
			return nil, fmt.Errorf("country %d %q: %w", ci, c.ISO3, d.err)
		}
		if np > len(d.b)-d.off {
			return nil, fmt.Errorf("country %d %q: %d polygons: %w", ci, c.ISO3, np, io.ErrUnexpectedEOF)
		}
		c.Polygons = make([][][]int, np)
		for pi := range c.Polygons {
			nr := d.count("ring count", maxRefs)
			if d.err == nil && nr == 0 {
				d.fail(fmt.Errorf("no rings: %w", errCorrupt))
			}
			if d.err == nil && nr > len(d.b)-d.off {
				d.fail(fmt.Errorf("%d rings: %w", nr, io.ErrUnexpectedEOF))
			}
			if d.err != nil {
				return nil, fmt.Errorf("%s: polygon %d: %w", c.ISO3, pi, d.err)
			}
			rings := make([][]int, nr)
			for ri := range rings {
				na := d.count("arc count", maxRefs)
				if d.err == nil && na == 0 {
					d.fail(fmt.Errorf("no arcs: %w", errCorrupt))
				}
				if refs += na; d.err == nil && refs > maxRefs {
					d.fail(fmt.Errorf("more than %d arc references in all: %w", maxRefs, errCorrupt))
				}
				if d.err == nil && na > len(d.b)-d.off {
					d.fail(fmt.Errorf("%d arcs: %w", na, io.ErrUnexpectedEOF))
				}
				if d.err != nil {
					return nil, fmt.Errorf("%s: polygon %d: ring %d: %w", c.ISO3, pi, ri, d.err)
				}
				ring := make([]int, na)
				for k := range ring {
					ref := d.varint()
					if d.err == nil && (ref >= int64(nArcs) || ref < -int64(nArcs)) {
						d.fail(fmt.Errorf("arc reference %d out of range: %w", ref, errCorrupt))
					}
					ring[k] = int(ref)
				}
				if d.err != nil {
					return nil, fmt.Errorf("%s: polygon %d: ring %d: %w", c.ISO3, pi, ri, d.err)
				}
				rings[ri] = ring
			}
			c.Polygons[pi] = rings
		}
	}
	if d.off != len(d.b) {
		return nil, fmt.Errorf("%d bytes of trailing data after %d countries: %w", len(d.b)-d.off, nCountries, errCorrupt)
	}
	return t, nil
}
