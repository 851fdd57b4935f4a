package main

import (
	"fmt"

	"github.com/briefmap/briefmap/geo/basemap/topo"
	"github.com/paulmach/orb"
	"github.com/paulmach/orb/simplify"
)

// levels are the Douglas–Peucker thresholds (degrees) of the
// simplification levels the file carries: a pixel is about 0.0014° on a
// 1920-pixel map of Libya's 27° of longitude, 0.19° on a world map.
var levels = []float64{0, 0.001, 0.002, 0.004, 0.008, 0.016, 0.032, 0.064, 0.128, 0.256, 0.512, 1.024, 2.048}

// setLevels records in every arc, per point, the coarsest level at which
// orb/simplify's Douglas–Peucker keeps it. Douglas–Peucker splits each
// stretch at the same farthest point whatever the threshold, so a point
// kept at one level is kept at every finer one; setLevels checks that.
func setLevels(t *topo.Topology) error {
	t.Levels = levels
	for ai := range t.Arcs {
		a := &t.Arcs[ai]
		a.Levels = make([]uint8, len(a.Points))
		last := len(a.Points) - 1
		a.Levels[0], a.Levels[last] = uint8(len(levels)-1), uint8(len(levels)-1)
		for k := 1; k < len(levels); k++ {
			kept := simplify.DouglasPeucker(levels[k]).LineString(orb.LineString(a.Points).Clone())
			j := 0
			for i, p := range a.Points {
				if j < len(kept) && kept[j] == p {
					j++
					if i == 0 || i == last {
						continue
					}
					if int(a.Levels[i]) != k-1 {
						return fmt.Errorf("arc %d: point %d kept at level %d but not at %d", ai, i, k, k-1)
					}
					a.Levels[i] = uint8(k)
				}
			}
			if j != len(kept) {
				return fmt.Errorf("arc %d: level %d: simplified points are not a subsequence", ai, k)
			}
		}
	}
	return nil
}
