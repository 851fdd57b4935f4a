package data

import "testing"

func TestParseRef(t *testing.T) {
	for _, tc := range []struct {
		s    string
		want Ref
		ok   bool
	}{
		{"zone:z2020-gna-west", Ref{KindZone, "z2020-gna-west"}, true},
		{"place:tripoli", Ref{KindPlace, "tripoli"}, true},
		{"", Ref{}, false},
		{"zone:", Ref{}, false},
		{":x", Ref{}, false},
		{"nokind", Ref{}, false},
	} {
		got, ok := ParseRef(tc.s)
		if got != tc.want || ok != tc.ok {
			t.Errorf("ParseRef(%q) = %v, %v; want %v, %v", tc.s, got, ok, tc.want, tc.ok)
		}
		if ok && got.String() != tc.s {
			t.Errorf("String round trip: %q → %q", tc.s, got.String())
		}
	}
}

func TestBriefingRef(t *testing.T) {
	b := loadGood(t)
	for _, tc := range []struct {
		id   string
		want Ref
		ok   bool
	}{
		{"haftar", Ref{KindActor, "haftar"}, true},
		{"z-east", Ref{KindZone, "z-east"}, true},
		{"nyt-2020", Ref{KindSource, "nyt-2020"}, true},
		{"nothing", Ref{}, false},
		{"", Ref{}, false},
	} {
		if got, ok := b.Ref(tc.id); got != tc.want || ok != tc.ok {
			t.Errorf("Ref(%q) = %v, %v; want %v, %v", tc.id, got, ok, tc.want, tc.ok)
		}
	}
	if !(Ref{}).IsZero() || (Ref{KindZone, "z"}).IsZero() {
		t.Error("IsZero is wrong")
	}
}
