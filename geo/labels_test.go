package geo

import (
	"math"
	"math/rand/v2"
	"testing"
)

// randomLabels returns n random label requests and n random obstacles in
// a w×h frame.
func randomLabels(r *rand.Rand, n int, w, h float64) ([]LabelRequest, []Box) {
	reqs := make([]LabelRequest, n)
	for i := range reqs {
		reqs[i] = LabelRequest{
			X: r.Float64() * w, Y: r.Float64() * h,
			W: 20 + r.Float64()*120, H: 12 + r.Float64()*10,
			Gap: r.Float64() * 10, Priority: r.IntN(5),
		}
	}
	obstacles := make([]Box, n)
	for i := range obstacles {
		x, y := r.Float64()*w, r.Float64()*h
		s := 4 + r.Float64()*12
		obstacles[i] = Box{x - s, y - s, x + s, y + s}
	}
	return reqs, obstacles
}

// TestPlaceLabelsProperty checks, over random inputs, that placed labels
// never overlap one another or an obstacle, never leave the frame, sit at
// one of their positions, and that a dropped label had no free position.
func TestPlaceLabelsProperty(t *testing.T) {
	for seed := uint64(0); seed < 200; seed++ {
		r := rand.New(rand.NewPCG(seed, 7))
		w, h := 200+r.Float64()*1800, 150+r.Float64()*900
		reqs, obstacles := randomLabels(r, 1+r.IntN(150), w, h)
		frame := Box{X0: r.Float64() * 10, Y0: r.Float64() * 10, X1: w, Y1: h}
		placed := PlaceLabels(reqs, frame, obstacles)
		got := map[int]bool{}
		for i, p := range placed {
			if !p.Box.Inside(frame) {
				t.Fatalf("seed %d: label %d box %v leaves frame %v", seed, p.Index, p.Box, frame)
			}
			q := reqs[p.Index]
			if p.Box != BoxAt(p.Position, q.X, q.Y, q.W, q.H, q.Gap) {
				t.Fatalf("seed %d: label %d box %v is not at its position %v", seed, p.Index, p.Box, p.Position)
			}
			for _, o := range obstacles {
				if p.Box.Overlaps(o) {
					t.Fatalf("seed %d: label %d overlaps obstacle %v", seed, p.Index, o)
				}
			}
			for _, p2 := range placed[i+1:] {
				if p.Box.Overlaps(p2.Box) {
					t.Fatalf("seed %d: labels %d and %d overlap", seed, p.Index, p2.Index)
				}
			}
			if i > 0 && placed[i-1].Index >= p.Index {
				t.Fatalf("seed %d: result not in request order", seed)
			}
			got[p.Index] = true
		}
		// A dropped label must have had every position blocked by the
		// frame, an obstacle or a label of higher or equal priority.
		for i, q := range reqs {
			if got[i] {
				continue
			}
			for _, pos := range DefaultPositions() {
				b := BoxAt(pos, q.X, q.Y, q.W, q.H, q.Gap)
				if !b.Inside(frame) {
					continue
				}
				blocked := false
				for _, o := range obstacles {
					blocked = blocked || b.Overlaps(o)
				}
				for _, p := range placed {
					blocked = blocked || (b.Overlaps(p.Box) && reqs[p.Index].Priority >= q.Priority)
				}
				if !blocked {
					t.Fatalf("seed %d: label %d dropped though position %v was free", seed, i, pos)
				}
			}
		}
	}
}

func TestPlaceLabelsPriority(t *testing.T) {
	// Two labels on the same anchor with one position: the higher
	// priority wins whatever the order.
	frame := Box{X1: 200, Y1: 100}
	one := []Position{Right}
	reqs := []LabelRequest{
		{X: 50, Y: 50, W: 40, H: 10, Priority: 1, Positions: one},
		{X: 50, Y: 50, W: 40, H: 10, Priority: 5, Positions: one},
	}
	placed := PlaceLabels(reqs, frame, nil)
	if len(placed) != 1 || placed[0].Index != 1 {
		t.Fatalf("placed %+v, want only request 1", placed)
	}
	// A label that only fits to the left moves there.
	reqs = []LabelRequest{{X: 190, Y: 50, W: 40, H: 10, Gap: 3}}
	placed = PlaceLabels(reqs, frame, nil)
	if len(placed) != 1 || placed[0].Position != Left {
		t.Fatalf("placed %+v, want it on the left", placed)
	}
	// A label bigger than the frame is dropped.
	if placed := PlaceLabels([]LabelRequest{{X: 100, Y: 50, W: 300, H: 10}}, frame, nil); len(placed) != 0 {
		t.Fatalf("placed %+v, want none", placed)
	}
}

func TestPlaceLabelsOddFrames(t *testing.T) {
	reqs := []LabelRequest{{X: 10, Y: 10, W: 5, H: 5}}
	for _, f := range []Box{{}, {0, 0, math.Inf(1), 100}, {math.NaN(), 0, 10, 10}, {10, 10, 0, 0}} {
		if got := PlaceLabels(reqs, f, nil); len(got) != 0 {
			t.Errorf("frame %v: placed %v", f, got)
		}
	}
	// A huge frame works without a huge index.
	if got := PlaceLabels(reqs, Box{-1e12, -1e12, 1e12, 1e12}, nil); len(got) != 1 {
		t.Errorf("huge frame: placed %v", got)
	}
}
