// Package topo is the compact file format of Briefmap's embedded basemap: a
// quantised topology (arcs shared between the rings that use them, as in
// TopoJSON) of country polygons, written as delta-encoded zig-zag varints,
// stored as is (Decode reads it without copying; Open keeps the arcs in it
// and decodes each when asked; a raw DEFLATE stream of the same bytes, the
// older form, is read too). The generator (tools/basemap) encodes it and
// package basemap decodes it; geo/basemap/README.md documents the layout.
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

// Magic opens every file; Version is the layout version after it.
const (
	Magic   = "BMAPTOPO"
	Version = 2
)

// Kind says how an arc is drawn as a line.
type Kind uint8

const (
	// Coast is an arc used by one country's ring only: a coastline.
	Coast Kind = iota
	// Border is an arc shared by the rings of two different countries.
	Border
	// Seam is an arc that only exists because the generator cut the
	// geometry at a resolution boundary (or the antimeridian): it closes
	// rings for filling but must not be drawn as a line.
	Seam
	numKinds
)

// String returns "coast", "border" or "seam".
func (k Kind) String() string {
	switch k {
	case Coast:
		return "coast"
	case Border:
		return "border"
	case Seam:
		return "seam"
	}
	return fmt.Sprintf("Kind(%d)", uint8(k))
}

// Arc is a polyline in lon/lat degrees, each coordinate a multiple of
// 1/Topology.Quantum. A closed arc (first point == last point) is a whole
// ring on its own (an island, or an enclave's boundary).
type Arc struct {
	Kind   Kind
	Points []orb.Point
	// Levels holds, per point, the index of the coarsest entry of
	// Topology.Levels at which Douglas–Peucker still keeps the point: the
	// arc simplified at level k is the points with Levels[i] >= k. The
	// endpoints are kept at every level. Nil means every point is kept
	// only at level 0 (but the endpoints, always).
	Levels []uint8
}

// Simplified appends to dst the points of a kept at level k and returns
// the extended slice.
func (a Arc) Simplified(dst []orb.Point, k int) []orb.Point {
	last := len(a.Points) - 1
	for i, p := range a.Points {
		if i == 0 || i == last || (i < len(a.Levels) && int(a.Levels[i]) >= k) || k == 0 {
			dst = append(dst, p)
		}
	}
	return dst
}

// SimplifiedLen returns len(a.Simplified(nil, k)) without building it, so
// that the points of many arcs can be laid out in one allocation.
func (a Arc) SimplifiedLen(k int) int {
	n := len(a.Points)
	if k == 0 || n <= 2 {
		return n
	}
	// The endpoints are always kept; an inner point when its level is k
	// or coarser.
	kept := 2
	for i := 1; i < min(len(a.Levels), n-1); i++ {
		if int(a.Levels[i]) >= k {
			kept++
		}
	}
	return kept
}

// Country is one country's polygons as rings of arc references. A reference
// i ≥ 0 is Arcs[i] as stored; a reference ^i (that is, -i-1) is Arcs[i]
// reversed. Consecutive arcs of a ring share their joining point, which
// appears once in the assembled ring.
type Country struct {
	ISO3, Name string
	Label      orb.Point
	// Polygons holds, per polygon, its rings (the outer ring first, then the
	// holes), each a list of arc references.
	Polygons [][][]int
}

// Topology is the whole decoded file.
type Topology struct {
	// Quantum is the number of grid units per degree (10000: 1e-4°).
	Quantum float64
	// Levels are the Douglas–Peucker thresholds, in degrees, of the
	// simplification levels, finest first; Levels[0] is 0, the data as is.
	// Each must be a multiple of 1/Quantum.
	Levels []float64
	// Detail is the region where the arcs come from the 10m data.
	Detail orb.Bound
	// Arcs holds the arcs of a decoded (Decode) or built topology; it is
	// nil in one read in place (Open), whose arcs ArcAt decodes from the
	// file's bytes when asked. NumArcs, ArcKind, ArcEnds and ArcAt read
	// either.
	Arcs      []Arc
	Countries []Country

	data  []byte    // Open: the file's bytes
	spans []arcSpan // Open: where each arc lies in data
	// Open: kept[i*len(Levels)+k] is arc i's SimplifiedLen(k), so that a
	// level's arcs are laid out in one allocation with one decoding each.
	kept []uint32
}

// arcSpan is where an arc of a topology read in place lies in its bytes:
// its first point's offset, its number of points, its kind and its
// endpoints (which the rings' checks read without decoding the arc).
type arcSpan struct {
	off, n      uint32
	kind        Kind
	first, last orb.Point
}

// NumArcs returns the number of arcs of t.
func (t *Topology) NumArcs() int {
	if t.spans != nil {
		return len(t.spans)
	}
	return len(t.Arcs)
}

// ArcKind returns the kind of arc i.
func (t *Topology) ArcKind(i int) Kind {
	if t.spans != nil {
		return t.spans[i].kind
	}
	return t.Arcs[i].Kind
}

// ArcEnds returns the first and the last point of arc i and its number of
// points, without decoding it.
func (t *Topology) ArcEnds(i int) (first, last orb.Point, n int) {
	if t.spans != nil {
		s := t.spans[i]
		return s.first, s.last, int(s.n)
	}
	pts := t.Arcs[i].Points
	return pts[0], pts[len(pts)-1], len(pts)
}

// SimplifiedLen returns the number of points arc i keeps at level k
// (Arc.SimplifiedLen), without decoding it.
func (t *Topology) SimplifiedLen(i, k int) int {
	if t.spans != nil {
		return int(t.kept[i*len(t.Levels)+k])
	}
	return t.Arcs[i].SimplifiedLen(k)
}

// keptLens appends to kept a.SimplifiedLen(k) for each of nLevels levels.
func keptLens(kept []uint32, a Arc, nLevels int) []uint32 {
	n := len(a.Points)
	var at [maxLevels]uint32 // inner points by level
	for i := 1; i < min(len(a.Levels), n-1); i++ {
		at[a.Levels[i]]++
	}
	start := len(kept)
	kept = append(kept, make([]uint32, nLevels)...)
	inner := uint32(0) // inner points at level k or coarser
	for k := nLevels - 1; k >= 1; k-- {
		inner += at[k]
		kept[start+k] = min(uint32(n), 2+inner)
	}
	kept[start] = uint32(n)
	return kept
}

// AppendSimplified appends to dst the points of arc i kept at level k
// (Arc.Simplified) and returns the extended slice. A topology read in
// place decodes the arc straight into dst, converting only the points it
// keeps.
func (t *Topology) AppendSimplified(dst []orb.Point, i, k int) []orb.Point {
	if t.spans == nil {
		return t.Arcs[i].Simplified(dst, k)
	}
	s := t.spans[i]
	b, off, last := t.data, int(s.off), int(s.n)-1
	var x, y int64
	for j := 0; j <= last; j++ {
		// Open decoded these bytes without error: each point is two
		// whole varints and a level byte.
		ux, n := uvarintAt(b, off)
		uy, m := uvarintAt(b, off+n)
		lvl := int(b[off+n+m])
		off += n + m + 1
		x += unzigzag(ux)
		y += unzigzag(uy)
		if j == 0 || j == last || lvl >= k || k == 0 {
			dst = append(dst, orb.Point{float64(x) / t.Quantum, float64(y) / t.Quantum})
		}
	}
	return dst
}

// ArcAt returns arc i. A topology read in place (Open) decodes it into
// scratch's slices, grown when too short: what it returns is valid until
// scratch is used again. Other topologies return their own arc and leave
// scratch alone.
func (t *Topology) ArcAt(i int, scratch *Arc) Arc {
	if t.spans == nil {
		return t.Arcs[i]
	}
	s := t.spans[i]
	n := int(s.n)
	if cap(scratch.Points) < n || cap(scratch.Levels) < n {
		scratch.Points, scratch.Levels = make([]orb.Point, n), make([]uint8, n)
	}
	pts, lvls := scratch.Points[:n], scratch.Levels[:n]
	d := decoder{b: t.data, off: int(s.off)}
	d.arcPoints(pts, lvls, t.Quantum, len(t.Levels)) // Open read these bytes without error
	return Arc{Kind: s.kind, Points: pts, Levels: lvls}
}

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

// ArcIndex returns the index of the arc a reference names.
func ArcIndex(ref int) int {
	if ref < 0 {
		return ^ref
	}
	return ref
}

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
			return nil, err
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
		return nil, fmt.Errorf("topo: decode: inflate: %w", err)
	}
	if buf.Len() > maxRaw {
		return nil, fmt.Errorf("topo: decode: more than %d bytes inflated: %w", maxRaw, errCorrupt)
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

// Ring assembles the ring made of the given arc references: the arcs'
// points end to end, each joining point once. It returns nil if refs is
// empty. The ring is closed when the arcs form a loop, as they do in a
// valid topology.
func (t *Topology) Ring(refs []int) orb.Ring {
	return AssembleRing(refs, func(i int) []orb.Point {
		var scratch Arc
		return t.ArcAt(i, &scratch).Points
	})
}

// AssembleRing joins the arcs refs refer to into a ring: for each
// reference, the points arc(ArcIndex(ref)) gives, reversed when the
// reference is negative, end to end with each joining point once. It
// returns nil when there are no points to join.
func AssembleRing(refs []int, arc func(i int) []orb.Point) orb.Ring {
	n := 0
	for _, ref := range refs {
		n += len(arc(ArcIndex(ref))) - 1
	}
	if n <= 0 {
		return nil
	}
	r := make(orb.Ring, 0, n+1)
	for k, ref := range refs {
		pts := arc(ArcIndex(ref))
		if ref >= 0 {
			if k > 0 {
				pts = pts[1:]
			}
			r = append(r, pts...)
			continue
		}
		end := len(pts) - 1
		if k > 0 {
			end--
		}
		for i := end; i >= 0; i-- {
			r = append(r, pts[i])
		}
	}
	return r
}
