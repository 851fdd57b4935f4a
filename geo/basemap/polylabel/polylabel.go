// Package polylabel finds a good label point for a polygon: its pole of
// inaccessibility, the interior point farthest from the boundary, with the
// grid search of Mapbox's polylabel.
package polylabel

import (
	"container/heap"
	"math"

	"github.com/paulmach/orb"
)

// Find returns the pole of inaccessibility of the lon/lat polygon p (outer
// ring first, holes after; rings closed or not) to within precision
// degrees of latitude. Distances are measured in a local equirectangular
// projection (longitudes scaled by the cosine of the bound's mid latitude)
// so that wide northern countries are not skewed. It returns the bound's
// centre for a degenerate polygon and the zero point for an empty one.
func Find(p orb.Polygon, precision float64) orb.Point {
	if len(p) == 0 || len(p[0]) == 0 {
		return orb.Point{}
	}
	b := p[0].Bound()
	k := math.Cos(b.Center()[1] * math.Pi / 180)
	if k < 0.01 || math.IsNaN(k) {
		k = 0.01
	}
	minX, minY, maxX, maxY := b.Min[0]*k, b.Min[1], b.Max[0]*k, b.Max[1]
	size := math.Min(maxX-minX, maxY-minY)
	if !(size > 0) || math.IsInf(size, 0) {
		return b.Center()
	}
	if !(precision > 0) {
		precision = size / 100
	}
	precision = math.Max(precision, size/1e4) // bound the work
	s := scaled{p: p, k: k}
	q := &cellQueue{}
	cells := 0
	for x := minX; x < maxX; x += size {
		for y := minY; y < maxY; y += size {
			heap.Push(q, s.cell(x+size/2, y+size/2, size/2))
			cells++
		}
	}
	best := s.cell((minX+maxX)/2, (minY+maxY)/2, 0)
	for q.Len() > 0 && cells < 1<<16 {
		c := heap.Pop(q).(cell)
		if c.d > best.d {
			best = c
		}
		if c.max-best.d <= precision {
			continue
		}
		h := c.h / 2
		heap.Push(q, s.cell(c.x-h, c.y-h, h))
		heap.Push(q, s.cell(c.x+h, c.y-h, h))
		heap.Push(q, s.cell(c.x-h, c.y+h, h))
		heap.Push(q, s.cell(c.x+h, c.y+h, h))
		cells += 4
	}
	return orb.Point{best.x / k, best.y}
}

// scaled is a polygon seen through x' = lon·k, y' = lat.
type scaled struct {
	p orb.Polygon
	k float64
}

type cell struct{ x, y, h, d, max float64 }

func (s scaled) cell(x, y, h float64) cell {
	d := s.signedDistance(x, y)
	return cell{x, y, h, d, d + h*math.Sqrt2}
}

// signedDistance returns the distance from (x, y) to the boundary:
// positive inside (even–odd rule), negative outside.
func (s scaled) signedDistance(x, y float64) float64 {
	inside := false
	minSq := math.Inf(1)
	for _, r := range s.p {
		n := len(r)
		if n == 0 {
			continue
		}
		for i, j := 0, n-1; i < n; j, i = i, i+1 {
			ax, ay := r[i][0]*s.k, r[i][1]
			bx, by := r[j][0]*s.k, r[j][1]
			if (ay > y) != (by > y) && x < (bx-ax)*(y-ay)/(by-ay)+ax {
				inside = !inside
			}
			if d := segDistSq(x, y, ax, ay, bx, by); d < minSq {
				minSq = d
			}
		}
	}
	d := math.Sqrt(minSq)
	if !inside {
		return -d
	}
	return d
}

func segDistSq(px, py, x, y, bx, by float64) float64 {
	dx, dy := bx-x, by-y
	if dx != 0 || dy != 0 {
		t := ((px-x)*dx + (py-y)*dy) / (dx*dx + dy*dy)
		if t > 1 {
			x, y = bx, by
		} else if t > 0 {
			x += dx * t
			y += dy * t
		}
	}
	dx, dy = px-x, py-y
	return dx*dx + dy*dy
}

type cellQueue []cell

func (q cellQueue) Len() int           { return len(q) }
func (q cellQueue) Less(i, j int) bool { return q[i].max > q[j].max }
func (q cellQueue) Swap(i, j int)      { q[i], q[j] = q[j], q[i] }
func (q *cellQueue) Push(x any)        { *q = append(*q, x.(cell)) }
func (q *cellQueue) Pop() any {
	old := *q
	c := old[len(old)-1]
	*q = old[:len(old)-1]
	return c
}
