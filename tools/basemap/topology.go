package main

import (
	"encoding/binary"
	"log"

	"github.com/briefmap/briefmap/geo/basemap/topo"
	"github.com/paulmach/orb"
)

// buildTopology turns the countries' cut polygons into a topology: every
// ring is cut into arcs at its junctions (points where the rings that pass
// through have different neighbours, and points where a ring turns from a
// cut line onto real coast), identical arcs are stored once, and each arc
// gets its kind: a border if two countries use it, a seam if it lies on a
// cut line or joins two pieces of one country, else a coast.
func buildTopology(countries []*country) *topo.Topology {
	xs, ys := cutLines()
	onCut := func(a, b pt) bool {
		return (a.x == b.x && xs[a.x]) || (a.y == b.y && ys[a.y])
	}

	type neighbours struct {
		prev, next pt
		junction   bool
	}
	seen := map[pt]*neighbours{}
	forRings := func(f func(ci int, r []pt)) {
		for ci, c := range countries {
			for _, poly := range c.polygons {
				for _, r := range poly {
					f(ci, r)
				}
			}
		}
	}
	forRings(func(_ int, r []pt) {
		n := len(r)
		for i, p := range r {
			prev, next := r[(i+n-1)%n], r[(i+1)%n]
			e := seen[p]
			if e == nil {
				e = &neighbours{prev: prev, next: next}
				seen[p] = e
			} else if !(e.prev == prev && e.next == next) && !(e.prev == next && e.next == prev) {
				e.junction = true
			}
			if onCut(prev, p) != onCut(p, next) {
				e.junction = true
			}
		}
	})

	t := &topo.Topology{
		Quantum: quantum,
		Detail:  orb.Bound{Min: orb.Point{detail.minX, detail.minY}, Max: orb.Point{detail.maxX, detail.maxY}},
	}
	index := map[string]int{}
	users := [][]int{} // per arc: the countries using it
	allCut := []bool{} // per arc: every segment lies on a cut line
	addArc := func(ci int, seq []pt, loop bool) int {
		ref := 0
		rev := make([]pt, len(seq))
		for i, p := range seq {
			rev[len(seq)-1-i] = p
		}
		if loop { // a junction-free ring: start it at its smallest point
			seq = rotateToMin(seq)
			rev = rotateToMin(rev)
		}
		key, rkey := arcKey(seq), arcKey(rev)
		if rkey < key {
			seq, key, ref = rev, rkey, -1
		}
		i, ok := index[key]
		if !ok {
			i = len(t.Arcs)
			index[key] = i
			pts := make([]orb.Point, len(seq))
			cutAll := true
			for j, p := range seq {
				pts[j] = p.toDegrees()
				if j > 0 && !onCut(seq[j-1], p) {
					cutAll = false
				}
			}
			t.Arcs = append(t.Arcs, topo.Arc{Points: pts})
			users = append(users, nil)
			allCut = append(allCut, cutAll)
		}
		users[i] = append(users[i], ci)
		if ref < 0 {
			return ^i
		}
		return i
	}

	t.Countries = make([]topo.Country, len(countries))
	for ci, c := range countries {
		tc := topo.Country{ISO3: c.iso3, Name: c.name}
		for _, poly := range c.polygons {
			var rings [][]int
			for _, r := range poly {
				rings = append(rings, ringArcs(r, func(p pt) bool { return seen[p].junction }, func(seq []pt, loop bool) int { return addArc(ci, seq, loop) }))
			}
			tc.Polygons = append(tc.Polygons, rings)
		}
		t.Countries[ci] = tc
	}

	for i := range t.Arcs {
		u := users[i]
		switch {
		case len(u) >= 2 && u[0] != u[1]:
			t.Arcs[i].Kind = topo.Border
		case len(u) >= 2 || allCut[i]:
			t.Arcs[i].Kind = topo.Seam
		default:
			t.Arcs[i].Kind = topo.Coast
		}
		if len(u) > 2 {
			log.Printf("note: arc %d is used %d times (by countries %v: a spike traversed back and forth in the source), kept as a border: %v", i, len(u), u, t.Arcs[i].Points)
		}
	}
	return t
}

// ringArcs cuts an open ring into arcs at its junctions and returns their
// references from add. A ring without junctions is one closed arc, which
// add is told is a loop so that it may choose where it starts.
func ringArcs(r []pt, junction func(pt) bool, add func(seq []pt, loop bool) int) []int {
	start := -1
	for i, p := range r {
		if junction(p) {
			start = i
			break
		}
	}
	if start < 0 {
		closed := append(append([]pt(nil), r...), r[0])
		return []int{add(closed, true)}
	}
	n := len(r)
	var refs []int
	seq := []pt{r[start]}
	for k := 1; k <= n; k++ {
		p := r[(start+k)%n]
		seq = append(seq, p)
		if junction(p) {
			refs = append(refs, add(seq, false))
			seq = []pt{p}
		}
	}
	return refs
}

// rotateToMin returns a closed sequence re-started at its smallest point.
func rotateToMin(seq []pt) []pt {
	open := seq[:len(seq)-1]
	m := 0
	for i, p := range open {
		if p.x < open[m].x || (p.x == open[m].x && p.y < open[m].y) {
			m = i
		}
	}
	out := make([]pt, 0, len(seq))
	out = append(out, open[m:]...)
	out = append(out, open[:m]...)
	return append(out, open[m])
}

// arcKey returns a byte string that orders sequences point by point.
func arcKey(seq []pt) string {
	b := make([]byte, 0, 16*len(seq))
	for _, p := range seq {
		b = binary.BigEndian.AppendUint64(b, uint64(p.x)^(1<<63))
		b = binary.BigEndian.AppendUint64(b, uint64(p.y)^(1<<63))
	}
	return string(b)
}
