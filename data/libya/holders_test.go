package libya

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/briefmap/briefmap/data"
)

// TestEveryPlaceHasAHolder checks the rule of data/FORMAT.md (Holders) on
// the Libya briefing: on every snapshot date, and on every date the map of
// control changes (a zone's first day, or the day after its last, while
// zones cover it), every place has a holder (the controller of the zone it
// lies in, or of the nearest zone within data.NearestZoneKM for a place on
// the coastline) or is contested.
func TestEveryPlaceHasAHolder(t *testing.T) {
	b := load(t)
	if len(b.Snapshots) == 0 {
		t.Fatal("no snapshot dates")
	}
	dates := map[data.Date]bool{}
	for _, s := range b.Snapshots {
		dates[s.Date] = true
	}
	for _, z := range b.Zones {
		dates[z.Valid.From] = true
		if !z.Valid.To.IsZero() {
			next := z.Valid.To.Time().AddDate(0, 0, 1)
			if d := (data.Date{Year: next.Year(), Month: next.Month(), Day: next.Day()}); len(b.ZonesOn(d)) > 0 {
				dates[d] = true
			}
		}
	}
	sorted := slices.SortedFunc(maps.Keys(dates), data.Date.Compare)
	for _, d := range sorted {
		var missing []string
		for _, p := range b.Places {
			h, ok := b.PlaceHolder(p.ID, d)
			if !ok {
				t.Fatalf("PlaceHolder(%s) found no place", p.ID)
			}
			if !h.Known() {
				missing = append(missing, fmt.Sprintf("%s (%.4f, %.4f)", p.ID, p.Point.Lon(), p.Point.Lat()))
			}
		}
		if len(missing) > 0 {
			t.Errorf("on %s, %d place(s) have no holder and are not contested (in no zone, none within %d km): %s",
				d, len(missing), data.NearestZoneKM, strings.Join(missing, ", "))
		}
	}
}

// TestHolderNamesTheZone spot-checks holders, including a coastal town
// answered by the nearest zone and a point in the contested front.
func TestHolderNamesTheZone(t *testing.T) {
	b := load(t)
	cases := []struct {
		place  string
		date   data.Date
		holder string
	}{
		{"tripoli", berlin, "gna"},
		{"benghazi", berlin, "lna"},
		{"tripoli", moscow, "gnu"},
		{"sirte", moscow, "lna"},
	}
	for _, c := range cases {
		h, _ := b.PlaceHolder(c.place, c.date)
		if h.Holder != c.holder || h.Zone == nil || h.Zone.Controller != c.holder {
			t.Errorf("%s on %s: holder %q (zone %v), want %q", c.place, c.date, h.Holder, h.Zone, c.holder)
		}
	}
}
