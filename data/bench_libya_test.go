package data

import (
	"os"
	"strings"
	"testing"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
)

// The embedded Libya briefing's files, read straight from disk (package
// data cannot import data/libya, which imports it).
const libyaDir = "libya/briefing"

func loadLibya(tb testing.TB) *Briefing {
	tb.Helper()
	b, err := Load(os.DirFS(libyaDir))
	if err != nil {
		tb.Fatalf("Libya briefing: %v", err)
	}
	return b
}

func TestLibyaQueries(t *testing.T) {
	b := loadLibya(t)
	jan, sep2023 := MustDate("2020-01-19"), MustDate("2023-09-30")
	// The controllers of the zones at each point (contested: "").
	checkZonesAt(t, b, func(z *Zone) string { return z.Controller }, []zonesAtCase{
		{"Tripoli", orb.Point{13.19, 32.89}, jan, []string{"gna"}},
		{"Benghazi", orb.Point{20.09, 32.12}, jan, []string{"lna"}},
		{"Benghazi 2023", orb.Point{20.09, 32.12}, sep2023, []string{"lna"}},
		{"Tripoli 2023", orb.Point{13.19, 32.89}, sep2023, []string{"gnu"}},
		{"the sea", orb.Point{18, 34}, jan, nil},
	})
	for _, q := range []struct{ query, id string }{{"Hifter", "haftar"}, {"surt", "sirte"}, {"sidra", "es-sider"}} {
		ms := b.Search(q.query)
		if len(ms) == 0 || ms[0].ID != q.id {
			t.Errorf("Search(%q) = %v, want %s first", q.query, ms, q.id)
		}
	}
}

func BenchmarkLoadLibya(b *testing.B) { benchLoad(b, os.DirFS(libyaDir)) }

// BenchmarkZonesAtLibya asks for the zones at the southern Tripoli front
// (two zones).
func BenchmarkZonesAtLibya(b *testing.B) { benchZonesAt(b, loadLibya(b), orb.Point{13.196, 32.704}) }

func BenchmarkLintLibya(b *testing.B) {
	br := loadLibya(b)
	b.ReportAllocs()
	for b.Loop() {
		br.Lint()
	}
}

func BenchmarkSearchLibya(b *testing.B) {
	br := loadLibya(b)
	b.ReportAllocs()
	for b.Loop() {
		if len(br.Search("hifter")) == 0 {
			b.Fatal("no match")
		}
	}
}

// TestZonesAtMatchesPlanar compares ZonesAt's containment with
// orb/planar's on a grid of points over Libya, for every date with zones.
func TestZonesAtMatchesPlanar(t *testing.T) {
	b := loadLibya(t)
	dates := []Date{MustDate("2020-01-19"), MustDate("2020-07-01"), MustDate("2023-09-30")}
	for _, d := range dates {
		for lon := 9.0; lon <= 26; lon += 0.173 {
			for lat := 19.0; lat <= 34.5; lat += 0.131 {
				p := orb.Point{lon, lat}
				got := map[string]bool{}
				for _, z := range b.ZonesAt(p, d) {
					got[z.ID] = true
				}
				for _, z := range b.ZonesOn(d) {
					if want := planar.MultiPolygonContains(z.Geometry, p); want != got[z.ID] {
						t.Errorf("%v on %s: ZonesAt says %v for %s, planar says %v", p, d, got[z.ID], z.ID, want)
					}
				}
			}
		}
	}
}

// BenchmarkLoadLibyaVerified loads the Libya briefing with every excerpt
// checked against the article texts of BRIEFMAP_SOURCES (make test
// SOURCES=DIR); without them it says so and does not run.
func BenchmarkLoadLibyaVerified(b *testing.B) {
	dir := os.Getenv("BRIEFMAP_SOURCES")
	if dir == "" {
		b.Skip("article check not run: BRIEFMAP_SOURCES is not set (the folder of the three article texts)")
	}
	fsys, texts := os.DirFS(libyaDir), os.DirFS(dir)
	b.ReportAllocs()
	for b.Loop() {
		br, err := LoadWith(fsys, LoadOptions{Sources: texts})
		if err != nil {
			b.Fatal(err)
		}
		if !br.TextChecks[0].Checked {
			b.Fatal("not checked")
		}
	}
}

// madeUpArticle returns a text of at least words words made of the test
// package's made-up articles, repeated (not the shipped articles).
func madeUpArticle(tb testing.TB, words int) string {
	tb.Helper()
	var parts []string
	for _, name := range []string{"mini-economist-2020.txt", "mini-nyt-2020.txt"} {
		raw, err := os.ReadFile("testdata/good/sources/" + name)
		if err != nil {
			tb.Fatal(err)
		}
		parts = append(parts, string(raw))
	}
	unit := strings.Join(parts, "\n\n")
	n := len(strings.Fields(unit))
	return strings.Repeat(unit+"\n\n", (words+n-1)/n)
}

// BenchmarkMatchArticle matches the Libya briefing's names in a made-up
// article of 5,000 words, as briefmap match does (matcher built each time).
func BenchmarkMatchArticle(b *testing.B) {
	br := loadLibya(b)
	text := madeUpArticle(b, 5000)
	if n := len(strings.Fields(text)); n < 5000 {
		b.Fatalf("%d words", n)
	}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		if len(NewMatcher(br).FindAt(text, br.DefaultDate)) == 0 {
			b.Fatal("no match")
		}
	}
}
