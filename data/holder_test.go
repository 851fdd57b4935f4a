package data

import (
	"math"
	"strings"
	"testing"

	"github.com/paulmach/orb"
)

// square returns a square zone geometry [w, e] × [s, n].
func square(w, s, e, n float64) orb.MultiPolygon {
	return orb.MultiPolygon{{{{w, s}, {e, s}, {e, n}, {w, n}, {w, s}}}}
}

func holderBriefing() *Briefing {
	jan := Period{From: MustDate("2020-01-01"), To: MustDate("2020-12-31")}
	b := &Briefing{
		Actors: []Actor{{ID: "gna", Name: "GNA"}, {ID: "lna", Name: "LNA"}, {ID: "tebu", Name: "Tebu forces"}},
		Zones: []Zone{
			{ID: "west", Name: "West", Controller: "gna", Valid: jan, Geometry: square(10, 30, 15, 33)},
			{ID: "east", Name: "East", Controller: "lna", Valid: jan, Geometry: square(15, 30, 20, 33)},
			{ID: "front", Name: "Front", ContestedBy: []string{"gna", "lna"}, Valid: jan, Geometry: square(14, 31, 16, 32)},
			{ID: "south", Name: "South", ContestedBy: []string{"lna", "tebu"}, Valid: jan, Geometry: square(12, 25, 14, 27)},
			{ID: "later", Name: "Later", Controller: "lna", Valid: Period{From: MustDate("2021-01-01")}, Geometry: square(10, 30, 20, 33)},
		},
		Places: []Place{{ID: "coast", Name: "Coast", Point: orb.Point{12, 33.02}}},
	}
	b.Reindex()
	return b
}

func TestHolderAt(t *testing.T) {
	b := holderBriefing()
	d := MustDate("2020-06-01")
	cases := []struct {
		name      string
		p         orb.Point
		d         Date
		holder    string
		contested string
		zone      string
		nearestKM float64 // 0: not nearest
	}{
		{"inside a controlled zone", orb.Point{12, 31}, d, "gna", "", "west", 0},
		{"in the front, inside the east", orb.Point{15.5, 31.5}, d, "lna", "gna lna", "east", 0},
		{"only in a contested zone", orb.Point{13, 26}, d, "", "lna tebu", "south", 0},
		{"on the coast, 2.2 km out", orb.Point{12, 33.02}, d, "gna", "", "west", 2.22},
		{"4 km beside the contested zone", orb.Point{14.04, 26}, d, "", "lna tebu", "south", 4.0},
		{"6.5 km beside it: beyond reach", orb.Point{14.065, 26}, d, "", "", "", 0},
		{"far out at sea", orb.Point{12, 34}, d, "", "", "", 0},
		{"another date", orb.Point{12, 31}, MustDate("2021-06-01"), "lna", "", "later", 0},
		{"before any zone", orb.Point{12, 31}, MustDate("2019-06-01"), "", "", "", 0},
	}
	for _, c := range cases {
		h := b.HolderAt(c.p, c.d)
		zone := ""
		if h.Zone != nil {
			zone = h.Zone.ID
		}
		if h.Holder != c.holder || strings.Join(h.ContestedBy, " ") != c.contested || zone != c.zone ||
			h.Nearest != (c.nearestKM > 0) || math.Abs(h.DistanceKM-c.nearestKM) > 0.05 {
			t.Errorf("%s: HolderAt = %+v (zone %s), want holder %q contested %q zone %q nearest %.2f km",
				c.name, h, zone, c.holder, c.contested, c.zone, c.nearestKM)
		}
		if h.Known() != (c.holder != "" || c.contested != "") {
			t.Errorf("%s: Known = %v", c.name, h.Known())
		}
	}
	if h, ok := b.PlaceHolder("coast", d); !ok || h.Holder != "gna" || !h.Nearest {
		t.Errorf("PlaceHolder(coast) = %+v, %v", h, ok)
	}
	if _, ok := b.PlaceHolder("nowhere", d); ok {
		t.Error("PlaceHolder(nowhere) found a place")
	}
}

func TestDistanceKM(t *testing.T) {
	sq := square(10, 30, 11, 31)
	// 0.1° of latitude north of the top edge: about 11.1 km.
	if km := distanceKM(orb.Point{10.5, 31.1}, sq); math.Abs(km-11.12) > 0.05 {
		t.Errorf("distance north = %.3f km", km)
	}
	// 0.1° of longitude east at 30.5°N: about 9.58 km.
	if km := distanceKM(orb.Point{11.1, 30.5}, sq); math.Abs(km-9.58) > 0.05 {
		t.Errorf("distance east = %.3f km", km)
	}
	if km := originToSegment(1, 1, 1, 1); math.Abs(km-math.Sqrt2) > 1e-12 {
		t.Errorf("degenerate segment: %v", km)
	}
}
