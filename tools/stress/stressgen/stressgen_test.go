package stressgen

import (
	"bytes"
	"maps"
	"math"
	"slices"
	"testing"

	"github.com/paulmach/orb/planar"
)

// TestGenerate: the package loads with no problem, every excerpt checked
// against its generated article, and holds the counts asked for (issue
// 14's at scale 20; Libya's own where they are larger).
func TestGenerate(t *testing.T) {
	cases := []struct {
		name string
		o    Options
		want Counts
	}{
		{"issue 14", Options{Seed: 1, Scale: 20}, Counts{Places: 800, Deployments: 300, Zones: 100, Vertices: 50000, Excerpts: 1000, Sources: 20}},
		{"other seed", Options{Seed: 7, Scale: 20}, Counts{Places: 800, Deployments: 300, Zones: 100, Vertices: 50000, Excerpts: 1000, Sources: 20}},
		{"small", Options{Seed: 1, Scale: 2}, Counts{Places: 80, Deployments: 30, Zones: 26, Vertices: 5000, Excerpts: 100, Sources: 2}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p, err := Generate(c.o)
			if err != nil {
				t.Fatal(err)
			}
			b := load(t, p)
			got := CountsOf(b)
			// Densifying meets the vertex target within 2 %.
			if d := got.Vertices - c.want.Vertices; d < -c.want.Vertices/50 || d > c.want.Vertices/50 {
				t.Errorf("%d vertices, want %d ± 2 %%", got.Vertices, c.want.Vertices)
			}
			got.Vertices = c.want.Vertices
			if got != c.want {
				t.Errorf("counts %+v, want %+v", got, c.want)
			}
			if len(b.TextChecks) != c.want.Sources {
				t.Fatalf("%d text checks, want %d", len(b.TextChecks), c.want.Sources)
			}
			for _, tc := range b.TextChecks {
				if !tc.Checked {
					t.Errorf("source %s: excerpts not checked against its text: %s", tc.Source, tc.Why)
				}
			}
			if ws := b.Lint(); len(ws) > 0 {
				t.Errorf("%d lint warnings, the first: %v", len(ws), ws[0])
			}
		})
	}
}

// TestDeterministic: the same options give the same bytes; another seed
// gives other places.
func TestDeterministic(t *testing.T) {
	gen := func(seed uint64) *Package {
		p, err := Generate(Options{Seed: seed, Scale: 4})
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	a, b, c := gen(3), gen(3), gen(4)
	names := slices.Sorted(maps.Keys(a.Files))
	if !slices.Equal(names, slices.Sorted(maps.Keys(b.Files))) {
		t.Fatalf("files differ: %v", names)
	}
	for _, n := range names {
		if !bytes.Equal(a.Files[n], b.Files[n]) {
			t.Errorf("%s differs between two runs with the same seed", n)
		}
	}
	if bytes.Equal(a.Files["places.yaml"], c.Files["places.yaml"]) {
		t.Error("seeds 3 and 4 give the same places")
	}
}

// TestCutRing: a U-shaped ring cut across both arms gives three pieces
// whose areas add up to the ring's, and a cut through a vertex is refused.
func TestCutRing(t *testing.T) {
	u := ringOf(0, 0, 3, 0, 3, 3, 2, 3, 2, 1, 1, 1, 1, 3, 0, 3, 0, 0)
	cases := []struct {
		name   string
		axis   int
		c      float64
		pieces int
		err    bool
	}{
		{"across the arms", 1, 2, 3, false},
		{"across the base", 1, 0.5, 2, false},
		{"down the middle", 0, 1.5, 2, false},
		{"through a vertex", 0, 1, 0, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rs, err := cutRing(u, c.axis, c.c)
			if c.err {
				if err == nil {
					t.Fatalf("cut at a vertex: %d pieces, want an error", len(rs))
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(rs) != c.pieces {
				t.Fatalf("%d pieces, want %d", len(rs), c.pieces)
			}
			sum := 0.0
			for _, r := range rs {
				sum += math.Abs(planar.Area(r))
			}
			if want := math.Abs(planar.Area(u)); math.Abs(sum-want) > 1e-12 {
				t.Errorf("pieces cover %g, the ring %g", sum, want)
			}
		})
	}
}
