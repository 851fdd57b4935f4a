package topo

import "github.com/paulmach/orb"

// This file holds the accessors that read a topology's arcs whether they
// were decoded (Decode, or a topology built in memory) or are read in
// place from the file's bytes (Open).

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
		if keeps(j, last, lvl, k) {
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
