package article

import (
	"slices"
	"strings"
	"testing"

	"github.com/briefmap/briefmap/data"
	"github.com/briefmap/briefmap/data/libya"
)

func libyaMatcher(t testing.TB) (*data.Briefing, *data.Matcher) {
	t.Helper()
	b, err := libya.Load()
	if err != nil {
		t.Fatal(err)
	}
	return b, data.NewMatcher(b)
}

func TestPropose(t *testing.T) {
	_, m := libyaMatcher(t)
	text := "Sirte: a dispatch\n" +
		"The weather was fine. Forces loyal to Gen. Khalifa Haftar seized Es Sider on Monday with 300 fighters. He then left. The port was quiet. Nobody spoke.\n" +
		"The Tripoli government protested.\n" +
		"Nothing else happened here.\n"
	tx := NewText(text)
	taken := func(id string) bool { return id == "t-forces-loyal-gen-khalifa" }
	ps := Propose(tx, m, data.MustDate("2020-01-20"), "t", taken)
	var got []string
	for _, p := range ps {
		got = append(got, p.Text)
	}
	want := []string{
		"Forces loyal to Gen. Khalifa Haftar seized Es Sider on Monday with 300 fighters.",
		"The Tripoli government protested.",
		"Sirte: a dispatch",
		"He then left.",
		"The port was quiet.",
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("proposals, best first:\n got %q\nwant %q", got, want)
	}
	best := ps[0]
	if !slices.Equal(best.About, []string{"haftar", "es-sider"}) || best.Context {
		t.Errorf("about %v context %v", best.About, best.Context)
	}
	if best.ID != "t-forces-loyal-gen-khalifa-2" {
		t.Errorf("id %q: taken ids must be skipped", best.ID)
	}
	for _, n := range best.Names {
		got := tx.Article().Slice(n.Start, n.End)
		if !strings.EqualFold(got, n.Alias) {
			t.Errorf("name %s at %d–%d reads %q, not its alias %q", n.ID, n.Start, n.End, got, n.Alias)
		}
	}
	if ps[1].About[0] != "gna" {
		t.Errorf("in 2020 the Tripoli government is the GNA, got %v", ps[1].About)
	}
	if ps23 := Propose(tx, m, data.MustDate("2023-09-30"), "t", nil); !slices.ContainsFunc(ps23, func(p Proposal) bool { return slices.Equal(p.About, []string{"gnu"}) }) {
		t.Errorf("in 2023 the Tripoli government is the GNU: %+v", ps23)
	}
	for _, p := range ps[3:] {
		if !p.Context || len(p.Names) > 0 || !slices.Equal(p.About, []string{"haftar", "es-sider"}) {
			t.Errorf("%q: context %v names %v about %v; want by context from the sentence before", p.Text, p.Context, p.Names, p.About)
		}
	}
	ids := map[string]bool{}
	for _, p := range ps {
		if ids[p.ID] {
			t.Errorf("id %s twice", p.ID)
		}
		ids[p.ID] = true
		if data.NormaliseText(p.Text) != tx.Article().Slice(p.Start, p.End) {
			t.Errorf("proposal %q is not verbatim at %d–%d", p.Text, p.Start, p.End)
		}
	}
}

func TestScore(t *testing.T) {
	actor := Name{ID: "a", Kind: data.KindActor}
	place := Name{ID: "p", Kind: data.KindPlace}
	cases := []struct {
		text  string
		names []Name
		want  float64
	}{
		{"A short line", []Name{actor}, 1 - 1 - 0.5},
		{"The army of the general is out there today.", []Name{actor}, 1},
		{"The army of the general seized the port and moved on.", []Name{actor, place}, 1 + 1 + 2 + 1.5 + 0.5},
		{"The army sent 2,000 men to the coast in January.", []Name{actor}, 1 + 1.5 + 1 + 0.5},
		{"Hundreds of them were there along the coast.", nil, 1},
	}
	for _, c := range cases {
		if got := Score(c.text, c.names); got != c.want {
			t.Errorf("Score(%q) = %v, want %v", c.text, got, c.want)
		}
	}
}

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{
		"Salamé’s envoy — U.S.": "salames-envoy-u-s",
		"  ":                    "",
		"Al-Jufra (2020)":       "al-jufra-2020",
	} {
		if got := Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
}
