package data

import (
	"strings"
	"testing"

	"github.com/paulmach/orb"
)

// Each rule of Follow, by name (see FollowRule), on timeBriefing.

func TestFollowKeepsARecordStillValid(t *testing.T) {
	b := timeBriefing()
	got := b.Follow(Ref{KindZone, "east2"}, nil, MustDate("2020-02-01"), MustDate("2020-03-01"))
	if got.Ref != (Ref{KindZone, "east2"}) || got.Rule != FollowKept || got.Reason != "" {
		t.Errorf("Follow = %+v, want east2 kept without a reason", got)
	}
	for _, ref := range []Ref{{KindActor, "gna"}, {}} {
		if got := b.Follow(ref, nil, MustDate("2020-01-10"), MustDate("2020-03-01")); got.Ref != ref || got.Rule != FollowKept {
			t.Errorf("Follow(%v) = %+v, want kept", ref, got)
		}
	}
}

func TestFollowSamePlaceNewStatus(t *testing.T) {
	b := timeBriefing()
	got := b.Follow(Ref{KindPlace, "port"}, nil, MustDate("2020-01-10"), MustDate("2020-03-01"))
	if got.Ref != (Ref{KindPlace, "port"}) || got.Rule != FollowNewStatus {
		t.Fatalf("Follow = %+v, want the same place by %q", got, FollowNewStatus)
	}
	if want := "Port is operating on 1 March 2020 (was blockaded)."; got.Reason != want {
		t.Errorf("Reason = %q, want %q", got.Reason, want)
	}
	if got := b.Follow(Ref{KindPlace, "port"}, nil, MustDate("2020-01-10"), MustDate("2020-01-20")); got.Rule != FollowKept {
		t.Errorf("same status: rule %q, want %q", got.Rule, FollowKept)
	}
}

func TestFollowZoneAtTheSameSpot(t *testing.T) {
	b := timeBriefing()
	jan, mar := MustDate("2020-01-10"), MustDate("2020-03-01")
	// The west's first zone becomes the west's second one.
	got := b.Follow(Ref{KindZone, "west1"}, nil, jan, mar)
	if got.Ref != (Ref{KindZone, "west2"}) || got.Rule != FollowZoneAtSpot {
		t.Fatalf("Follow(west1) = %+v, want west2 by %q", got, FollowZoneAtSpot)
	}
	if !strings.Contains(got.Reason, "West (zone, valid 1 January 2020 – 31 January 2020) is not on the map on 1 March 2020; showing West, the zone at the same spot (held by GNU)") {
		t.Errorf("Reason = %q", got.Reason)
	}
	// The point clicked decides: the east's first zone, clicked at 15.5°E
	// (which the west holds in March), becomes the west's zone; clicked
	// at 18°E, the east's.
	at := orb.Point{15.5, 30.5}
	if got := b.Follow(Ref{KindZone, "east1"}, &at, jan, mar); got.Ref.ID != "west2" {
		t.Errorf("east1 clicked at %v: %+v, want west2", at, got)
	}
	at = orb.Point{18, 32}
	if got := b.Follow(Ref{KindZone, "east1"}, &at, jan, mar); got.Ref.ID != "east2" {
		t.Errorf("east1 clicked at %v: %+v, want east2", at, got)
	}
	// A front that ended becomes the zone held under it.
	if got := b.Follow(Ref{KindZone, "front1"}, nil, jan, mar); got.Ref.ID != "west2" {
		t.Errorf("front1: %+v, want west2", got)
	}
	// A point outside the zone is not its spot: a point inside it is used.
	at = orb.Point{11, 31}
	if got := b.Follow(Ref{KindZone, "east1"}, &at, jan, mar); got.Ref.ID != "east2" {
		t.Errorf("east1 with a point outside it: %+v, want east2", got)
	}
}

func TestFollowDeploymentOfTheSameActorAtTheSamePlace(t *testing.T) {
	b := timeBriefing()
	got := b.Follow(Ref{KindDeployment, "w1"}, nil, MustDate("2020-01-10"), MustDate("2020-03-01"))
	if got.Ref != (Ref{KindDeployment, "w2"}) || got.Rule != FollowSameForce {
		t.Fatalf("Follow(w1) = %+v, want w2 by %q", got, FollowSameForce)
	}
	if !strings.Contains(got.Reason, "showing Wagner 2, Wagner's force at the same place then") {
		t.Errorf("Reason = %q", got.Reason)
	}
}

func TestFollowClearedWithAReason(t *testing.T) {
	b := timeBriefing()
	jan := MustDate("2020-01-10")
	cases := []struct {
		name string
		ref  Ref
		from Date
		to   Date
		want string
	}{
		{"a zone before any zone", Ref{KindZone, "front1"}, jan, MustDate("2019-12-31"),
			"Selection cleared: Front (zone, valid 1 January 2020 – 31 January 2020) is not on the map on 31 December 2019, and no zone lies at that spot then."},
		{"a force before any of its actor's", Ref{KindDeployment, "w2"}, MustDate("2020-03-01"), MustDate("2019-12-31"),
			"Selection cleared: Wagner 2 (deployment, valid from 15 February 2020) is not on the map on 31 December 2019, and Wagner has no force at the same place then."},
		{"an event off the map", Ref{KindEvent, "ev"}, MustDate("2020-01-20"), MustDate("2020-03-01"),
			"Selection cleared: Battle (event, shown 20 January 2020 – 25 January 2020) is not on the map on 1 March 2020."},
		{"an unknown record", Ref{KindZone, "gone"}, jan, jan, "Selection cleared: gone is not in this briefing."},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := b.Follow(c.ref, nil, c.from, c.to)
			if !got.Ref.IsZero() || got.Rule != FollowCleared || got.Reason != c.want {
				t.Errorf("Follow = %+v\nwant cleared: %q", got, c.want)
			}
		})
	}
}

// TestFollowLibyaTarhunaTo2023 is the case: the Tarhuna salient,
// selected on 19 January 2020, on 30 September 2023 is the GNU's west.
func TestFollowLibyaTarhunaTo2023(t *testing.T) {
	b := loadLibya(t)
	tarhuna := orb.Point{13.6332, 32.4350}
	got := b.Follow(Ref{KindZone, "z2020-lna-tarhuna"}, &tarhuna, MustDate("2020-01-19"), MustDate("2023-09-30"))
	if got.Ref != (Ref{KindZone, "z2021-gnu-west"}) || got.Rule != FollowZoneAtSpot {
		t.Errorf("Follow = %+v, want z2021-gnu-west", got)
	}
	got = b.Follow(Ref{KindDeployment, "d2020-wagner"}, nil, MustDate("2020-01-19"), MustDate("2023-09-30"))
	if got.Ref != (Ref{KindDeployment, "d2023-wagner"}) {
		t.Errorf("Wagner: %+v, want d2023-wagner (also at al-Jufra)", got)
	}
}
