// Package topo is the compact file format of Briefmap's embedded basemap: a
// quantised topology (arcs shared between the rings that use them, as in
// TopoJSON) of country polygons, written as delta-encoded zig-zag varints and
// compressed with DEFLATE. The generator (tools/basemap) encodes it and
// package basemap decodes it; geo/basemap/README.md documents the layout.
package topo

import (
	"bufio"
	"bytes"
	"compress/flate"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"math"

	"github.com/paulmach/orb"
)

// Magic opens every file; Version is the layout version after it.
const (
	Magic   = "BMAPTOPO"
	Version = 1
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
	// Detail is the region where the arcs come from the 10m data.
	Detail    orb.Bound
	Arcs      []Arc
	Countries []Country
}

// Limits that Decode enforces, so a corrupt file fails cleanly instead of
// allocating without bound.
const (
	maxArcs      = 1 << 20
	maxPoints    = 1 << 24
	maxCountries = 1 << 12
	maxRefs      = 1 << 20
	maxName      = 1 << 10
)

// Encode writes t to w in the embedded format. Every coordinate must lie on
// the grid of 1/t.Quantum degrees (it is rounded to it) and every arc
// reference must name an existing arc.
func Encode(w io.Writer, t *Topology) error {
	if t.Quantum <= 0 || t.Quantum > 1e7 {
		return fmt.Errorf("topo: encode: quantum %v out of range", t.Quantum)
	}
	var raw bytes.Buffer
	e := encoder{w: &raw, q: t.Quantum}
	e.bytes([]byte(Magic))
	e.uvarint(Version)
	e.uvarint(uint64(t.Quantum))
	for _, v := range []float64{t.Detail.Min[0], t.Detail.Min[1], t.Detail.Max[0], t.Detail.Max[1]} {
		e.varint(e.quant(v))
	}
	e.uvarint(uint64(len(t.Arcs)))
	for i, a := range t.Arcs {
		if a.Kind >= numKinds {
			return fmt.Errorf("topo: encode: arc %d: bad kind %d", i, a.Kind)
		}
		if len(a.Points) < 2 {
			return fmt.Errorf("topo: encode: arc %d: %d points, need 2", i, len(a.Points))
		}
		e.uvarint(uint64(a.Kind))
		e.uvarint(uint64(len(a.Points)))
		var px, py int64
		for _, p := range a.Points {
			x, y := e.quant(p[0]), e.quant(p[1])
			e.varint(x - px)
			e.varint(y - py)
			px, py = x, y
		}
	}
	e.uvarint(uint64(len(t.Countries)))
	for ci, c := range t.Countries {
		if len(c.ISO3) != 3 {
			return fmt.Errorf("topo: encode: country %d: ISO3 %q is not 3 bytes", ci, c.ISO3)
		}
		e.bytes([]byte(c.ISO3))
		e.uvarint(uint64(len(c.Name)))
		e.bytes([]byte(c.Name))
		e.varint(e.quant(c.Label[0]))
		e.varint(e.quant(c.Label[1]))
		e.uvarint(uint64(len(c.Polygons)))
		for _, poly := range c.Polygons {
			e.uvarint(uint64(len(poly)))
			for _, ring := range poly {
				e.uvarint(uint64(len(ring)))
				for _, ref := range ring {
					if i := ArcIndex(ref); i >= len(t.Arcs) {
						return fmt.Errorf("topo: encode: %s: arc reference %d out of range", c.ISO3, ref)
					}
					e.varint(int64(ref))
				}
			}
		}
	}
	if e.err != nil {
		return fmt.Errorf("topo: encode: %w", e.err)
	}
	zw, err := flate.NewWriter(w, flate.BestCompression)
	if err != nil {
		return fmt.Errorf("topo: encode: %w", err)
	}
	if _, err := zw.Write(raw.Bytes()); err != nil {
		return fmt.Errorf("topo: encode: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("topo: encode: %w", err)
	}
	return nil
}

// ArcIndex returns the index of the arc a reference names.
func ArcIndex(ref int) int {
	if ref < 0 {
		return ^ref
	}
	return ref
}

type encoder struct {
	w   *bytes.Buffer
	q   float64
	buf [binary.MaxVarintLen64]byte
	err error
}

func (e *encoder) quant(v float64) int64 { return int64(math.Round(v * e.q)) }
func (e *encoder) bytes(b []byte)        { e.w.Write(b) }
func (e *encoder) uvarint(v uint64)      { e.w.Write(e.buf[:binary.PutUvarint(e.buf[:], v)]) }
func (e *encoder) varint(v int64)        { e.w.Write(e.buf[:binary.PutVarint(e.buf[:], v)]) }

// Decode parses a file written by Encode. It returns an error, never
// panics, on truncated or corrupt input, and checks that every arc reference
// names an existing arc.
func Decode(data []byte) (*Topology, error) {
	zr := flate.NewReader(bytes.NewReader(data))
	defer zr.Close()
	d := decoder{r: bufio.NewReaderSize(zr, 64<<10)}
	t, err := d.topology()
	if err != nil {
		return nil, fmt.Errorf("topo: decode: %w", err)
	}
	return t, nil
}

type decoder struct {
	r *bufio.Reader
}

var errCorrupt = errors.New("corrupt data")

func (d *decoder) uvarint(what string, max uint64) (uint64, error) {
	v, err := binary.ReadUvarint(d.r)
	if err != nil {
		return 0, fmt.Errorf("%s: %w", what, noEOF(err))
	}
	if v > max {
		return 0, fmt.Errorf("%s: %d exceeds %d: %w", what, v, max, errCorrupt)
	}
	return v, nil
}

func (d *decoder) varint(what string) (int64, error) {
	v, err := binary.ReadVarint(d.r)
	if err != nil {
		return 0, fmt.Errorf("%s: %w", what, noEOF(err))
	}
	return v, nil
}

func (d *decoder) full(what string, b []byte) error {
	if _, err := io.ReadFull(d.r, b); err != nil {
		return fmt.Errorf("%s: %w", what, noEOF(err))
	}
	return nil
}

// noEOF turns a clean EOF in the middle of the stream into io.ErrUnexpectedEOF.
func noEOF(err error) error {
	if errors.Is(err, io.EOF) {
		return io.ErrUnexpectedEOF
	}
	return err
}

func (d *decoder) topology() (*Topology, error) {
	magic := make([]byte, len(Magic))
	if err := d.full("magic", magic); err != nil {
		return nil, err
	}
	if string(magic) != Magic {
		return nil, fmt.Errorf("magic %q: not a basemap topology: %w", magic, errCorrupt)
	}
	ver, err := d.uvarint("version", math.MaxUint32)
	if err != nil {
		return nil, err
	}
	if ver != Version {
		return nil, fmt.Errorf("version %d, want %d: %w", ver, Version, errCorrupt)
	}
	q, err := d.uvarint("quantum", 1e7)
	if err != nil {
		return nil, err
	}
	if q == 0 {
		return nil, fmt.Errorf("quantum 0: %w", errCorrupt)
	}
	t := &Topology{Quantum: float64(q)}
	var bound [4]float64
	for i := range bound {
		v, err := d.varint("detail bound")
		if err != nil {
			return nil, err
		}
		bound[i] = float64(v) / t.Quantum
	}
	t.Detail = orb.Bound{Min: orb.Point{bound[0], bound[1]}, Max: orb.Point{bound[2], bound[3]}}

	nArcs, err := d.uvarint("arc count", maxArcs)
	if err != nil {
		return nil, err
	}
	t.Arcs = make([]Arc, nArcs)
	total := uint64(0)
	for i := range t.Arcs {
		kind, err := d.uvarint(fmt.Sprintf("arc %d: kind", i), uint64(numKinds-1))
		if err != nil {
			return nil, err
		}
		n, err := d.uvarint(fmt.Sprintf("arc %d: point count", i), maxPoints)
		if err != nil {
			return nil, err
		}
		if n < 2 {
			return nil, fmt.Errorf("arc %d: %d points: %w", i, n, errCorrupt)
		}
		if total += n; total > maxPoints {
			return nil, fmt.Errorf("arc %d: more than %d points in all: %w", i, maxPoints, errCorrupt)
		}
		pts := make([]orb.Point, n)
		var x, y int64
		for j := range pts {
			dx, err := binary.ReadVarint(d.r)
			if err != nil {
				return nil, fmt.Errorf("arc %d: point %d: %w", i, j, noEOF(err))
			}
			dy, err := binary.ReadVarint(d.r)
			if err != nil {
				return nil, fmt.Errorf("arc %d: point %d: %w", i, j, noEOF(err))
			}
			x += dx
			y += dy
			pts[j] = orb.Point{float64(x) / t.Quantum, float64(y) / t.Quantum}
		}
		t.Arcs[i] = Arc{Kind: Kind(kind), Points: pts}
	}

	nCountries, err := d.uvarint("country count", maxCountries)
	if err != nil {
		return nil, err
	}
	t.Countries = make([]Country, nCountries)
	refs := uint64(0)
	for ci := range t.Countries {
		c := &t.Countries[ci]
		iso := make([]byte, 3)
		if err := d.full(fmt.Sprintf("country %d: ISO3", ci), iso); err != nil {
			return nil, err
		}
		c.ISO3 = string(iso)
		n, err := d.uvarint(c.ISO3+": name length", maxName)
		if err != nil {
			return nil, err
		}
		name := make([]byte, n)
		if err := d.full(c.ISO3+": name", name); err != nil {
			return nil, err
		}
		c.Name = string(name)
		lx, err := d.varint(c.ISO3 + ": label")
		if err != nil {
			return nil, err
		}
		ly, err := d.varint(c.ISO3 + ": label")
		if err != nil {
			return nil, err
		}
		c.Label = orb.Point{float64(lx) / t.Quantum, float64(ly) / t.Quantum}
		np, err := d.uvarint(c.ISO3+": polygon count", maxRefs)
		if err != nil {
			return nil, err
		}
		c.Polygons = make([][][]int, np)
		for pi := range c.Polygons {
			nr, err := d.uvarint(fmt.Sprintf("%s: polygon %d: ring count", c.ISO3, pi), maxRefs)
			if err != nil {
				return nil, err
			}
			if nr == 0 {
				return nil, fmt.Errorf("%s: polygon %d: no rings: %w", c.ISO3, pi, errCorrupt)
			}
			rings := make([][]int, nr)
			for ri := range rings {
				na, err := d.uvarint(fmt.Sprintf("%s: polygon %d: ring %d: arc count", c.ISO3, pi, ri), maxRefs)
				if err != nil {
					return nil, err
				}
				if na == 0 {
					return nil, fmt.Errorf("%s: polygon %d: ring %d: no arcs: %w", c.ISO3, pi, ri, errCorrupt)
				}
				if refs += na; refs > maxRefs {
					return nil, fmt.Errorf("%s: more than %d arc references in all: %w", c.ISO3, maxRefs, errCorrupt)
				}
				ring := make([]int, na)
				for k := range ring {
					ref, err := d.varint(fmt.Sprintf("%s: polygon %d: ring %d: arc", c.ISO3, pi, ri))
					if err != nil {
						return nil, err
					}
					if ref >= int64(nArcs) || ref < -int64(nArcs) {
						return nil, fmt.Errorf("%s: polygon %d: ring %d: arc reference %d out of range: %w", c.ISO3, pi, ri, ref, errCorrupt)
					}
					ring[k] = int(ref)
				}
				rings[ri] = ring
			}
			c.Polygons[pi] = rings
		}
	}
	if _, err := d.r.ReadByte(); err == nil {
		return nil, fmt.Errorf("trailing data after %d countries: %w", nCountries, errCorrupt)
	} else if !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("after %d countries: %w", nCountries, err)
	}
	return t, nil
}

// Summary is a short fingerprint of a topology: its counts and a checksum
// of every quantised coordinate, kind, name and reference, in order. The
// generator writes it beside the data so a test can prove the embedded file
// decodes to what was encoded.
type Summary struct {
	Arcs      int    `json:"arcs"`
	Points    int    `json:"points"`
	Countries int    `json:"countries"`
	Rings     int    `json:"rings"`
	Checksum  string `json:"checksum"` // FNV-1a 64, hex
}

// Summary returns t's fingerprint.
func (t *Topology) Summary() Summary {
	h := fnv.New64a()
	var buf [8]byte
	put := func(v int64) {
		binary.LittleEndian.PutUint64(buf[:], uint64(v))
		h.Write(buf[:])
	}
	q := func(v float64) int64 { return int64(math.Round(v * t.Quantum)) }
	s := Summary{Arcs: len(t.Arcs), Countries: len(t.Countries)}
	put(int64(t.Quantum))
	put(q(t.Detail.Min[0]))
	put(q(t.Detail.Min[1]))
	put(q(t.Detail.Max[0]))
	put(q(t.Detail.Max[1]))
	for _, a := range t.Arcs {
		put(int64(a.Kind))
		put(int64(len(a.Points)))
		s.Points += len(a.Points)
		for _, p := range a.Points {
			put(q(p[0]))
			put(q(p[1]))
		}
	}
	for _, c := range t.Countries {
		h.Write([]byte(c.ISO3))
		h.Write([]byte(c.Name))
		put(q(c.Label[0]))
		put(q(c.Label[1]))
		put(int64(len(c.Polygons)))
		for _, poly := range c.Polygons {
			put(int64(len(poly)))
			for _, ring := range poly {
				s.Rings++
				put(int64(len(ring)))
				for _, ref := range ring {
					put(int64(ref))
				}
			}
		}
	}
	s.Checksum = fmt.Sprintf("%016x", h.Sum64())
	return s
}

// Ring assembles the ring made of the given arc references: the arcs'
// points end to end, each joining point once. It returns nil if refs is
// empty. The ring is closed when the arcs form a loop, as they do in a
// valid topology.
func (t *Topology) Ring(refs []int) orb.Ring {
	n := 0
	for _, ref := range refs {
		n += len(t.Arcs[ArcIndex(ref)].Points) - 1
	}
	if n == 0 {
		return nil
	}
	r := make(orb.Ring, 0, n+1)
	for k, ref := range refs {
		pts := t.Arcs[ArcIndex(ref)].Points
		if ref >= 0 {
			if k > 0 {
				pts = pts[1:]
			}
			r = append(r, pts...)
		} else {
			end := len(pts) - 1
			if k > 0 {
				end--
			}
			for i := end; i >= 0; i-- {
				r = append(r, pts[i])
			}
		}
	}
	return r
}
