package topo

import (
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"math"
)

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
	s := Summary{Arcs: t.NumArcs(), Countries: len(t.Countries)}
	put(int64(t.Quantum))
	put(q(t.Detail.Min[0]))
	put(q(t.Detail.Min[1]))
	put(q(t.Detail.Max[0]))
	put(q(t.Detail.Max[1]))
	put(int64(len(t.Levels)))
	for _, l := range t.Levels {
		put(q(l))
	}
	var scratch Arc
	for i := range t.NumArcs() {
		a := t.ArcAt(i, &scratch)
		put(int64(a.Kind))
		put(int64(len(a.Points)))
		s.Points += len(a.Points)
		for j, p := range a.Points {
			put(q(p[0]))
			put(q(p[1]))
			lvl := int64(0)
			if a.Levels != nil {
				lvl = int64(a.Levels[j])
			}
			put(lvl)
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
