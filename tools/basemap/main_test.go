package main

import (
	"reflect"
	"testing"

	"github.com/briefmap/briefmap/geo/basemap/topo"
)

func TestClipRing(t *testing.T) {
	box := [4]int64{0, 0, 10, 10}
	for _, c := range []struct {
		name string
		in   []pt
		want []pt
	}{
		{"inside", []pt{{1, 1}, {5, 1}, {5, 5}}, []pt{{1, 1}, {5, 1}, {5, 5}}},
		{"outside", []pt{{11, 11}, {15, 11}, {15, 15}}, nil},
		{"across the east edge", []pt{{5, 2}, {15, 2}, {15, 4}, {5, 4}}, []pt{{5, 2}, {10, 2}, {10, 4}, {5, 4}}},
	} {
		got := cleanRing(clipRing(c.in, box))
		if len(got) == 0 && len(c.want) == 0 {
			continue
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: clipRing = %v, want %v", c.name, got, c.want)
		}
	}
	// Two neighbours traversing a shared segment in opposite directions get
	// the same cut point.
	a, b := pt{3, 7}, pt{17, 12}
	if p, q := cut(a, b, 2, box), cut(b, a, 2, box); p != q {
		t.Errorf("cut depends on direction: %v vs %v", p, q)
	}
}

func TestClipPolygonWinding(t *testing.T) {
	// A clockwise outer ring and a counter-clockwise hole come out
	// counter-clockwise and clockwise.
	poly := [][][2]float64{
		{{0, 0}, {0, 4}, {4, 4}, {4, 0}},
		{{1, 1}, {3, 1}, {3, 3}, {1, 3}},
	}
	got := clipPolygon(poly, rect{-10, -10, 10, 10})
	if len(got) != 2 || ringArea2(got[0]) <= 0 || ringArea2(got[1]) >= 0 {
		t.Fatalf("clipPolygon = %v: want an outer ring CCW and a hole CW", got)
	}
	if got := clipPolygon(poly, rect{20, 20, 30, 30}); got != nil {
		t.Errorf("clipPolygon outside its box = %v, want nil", got)
	}
}

func TestUnwrap(t *testing.T) {
	// Fiji-like: a ring that jumps from 179 to -179.
	fiji := [][][2]float64{{{179, -16}, {-179, -16}, {-179, -17}, {179, -17}}}
	u := unwrap(fiji)
	if want := [][2]float64{{179, -16}, {181, -16}, {181, -17}, {179, -17}}; !reflect.DeepEqual(u[0], want) {
		t.Errorf("unwrap = %v, want %v", u[0], want)
	}
	// The pieces west and east of the antimeridian, each 1° wide.
	var pieces [][][]pt
	for _, shift := range []float64{-360, 0, 360} {
		if p := clipPolygon(shiftPolygon(u, shift), rect{-180, -90, 180, 90}); p != nil {
			pieces = append(pieces, p)
		}
	}
	if len(pieces) != 2 || ringArea2(pieces[0][0]) != ringArea2(pieces[1][0]) {
		t.Errorf("antimeridian pieces = %v, want two of equal area", pieces)
	}
	// A polar ring (Antarctica) is closed along -poleLat.
	polar := [][][2]float64{{{-180, -70}, {0, -65}, {180, -70}}}
	u = unwrap(polar)
	if n := len(u[0]); n != 5 || u[0][3] != [2]float64{180, -poleLat} || u[0][4] != [2]float64{-180, -poleLat} {
		t.Errorf("polar unwrap = %v", u[0])
	}
}

func TestBuildTopology(t *testing.T) {
	// West and East share the segment x=1, y=1..2; East's south side lies
	// on y=0, the detail box's south edge, so it is a seam; an island has
	// no junctions. Coasts: West's three outer sides, East's west side
	// below West, East's east and north sides (cut from the seam), the
	// island.
	g := func(v float64) int64 { return q(v) }
	west := &country{iso3: "WWW", polygons: [][][]pt{{{{g(0), g(1)}, {g(1), g(1)}, {g(1), g(2)}, {g(0), g(2)}}}}}
	east := &country{iso3: "EEE", polygons: [][][]pt{
		{{{g(1), g(0)}, {g(2), g(0)}, {g(2), g(2)}, {g(1), g(2)}, {g(1), g(1)}}},
		{{{g(5), g(5)}, {g(6), g(5)}, {g(6), g(6)}}},
	}}
	tp := buildTopology([]*country{west, east})
	kinds := map[topo.Kind]int{}
	for _, a := range tp.Arcs {
		kinds[a.Kind]++
	}
	if kinds[topo.Border] != 1 || kinds[topo.Seam] != 1 || kinds[topo.Coast] != 4 {
		t.Errorf("kinds = %v (arcs %+v), want 1 border, 1 seam (y=0), 4 coast", kinds, tp.Arcs)
	}
	// Every ring reassembles closed, from shared arcs.
	for _, c := range tp.Countries {
		for _, p := range c.Polygons {
			for _, r := range p {
				ring := tp.Ring(r)
				if ring[0] != ring[len(ring)-1] {
					t.Errorf("%s: ring %v not closed", c.ISO3, ring)
				}
			}
		}
	}
	if len(tp.Countries[0].Polygons[0][0]) != 2 {
		t.Errorf("WWW ring refs = %v, want a border arc and a coast arc", tp.Countries[0].Polygons[0][0])
	}
}
