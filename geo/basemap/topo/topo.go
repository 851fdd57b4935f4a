// Package topo is the compact file format of Briefmap's embedded basemap: a
// quantised topology (arcs shared between the rings that use them, as in
// TopoJSON) of country polygons, written as delta-encoded zig-zag varints,
// stored as is (Decode reads it without copying; Open keeps the arcs in it
// and decodes each when asked; a raw DEFLATE stream of the same bytes, the
// older form, is read too). The generator (tools/basemap) encodes it and
// package basemap decodes it; geo/basemap/README.md documents the layout.
package topo

import (
	"fmt"

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
		lvl := 0 // a point without a level is kept at level 0 only
		if i < len(a.Levels) {
			lvl = int(a.Levels[i])
		}
		if keeps(i, last, lvl, k) {
			dst = append(dst, p)
		}
	}
	return dst
}

// keeps reports whether point i of an arc whose last point is last, of
// level lvl, is kept at level k: the endpoints always, an inner point when
// its level is k or coarser, every point at level 0.
func keeps(i, last, lvl, k int) bool { return i == 0 || i == last || lvl >= k || k == 0 }

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

// ArcIndex returns the index of the arc a reference names.
func ArcIndex(ref int) int {
	if ref < 0 {
		return ^ref
	}
	return ref
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
