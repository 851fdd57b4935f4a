package geo

import (
	"math"
	"sort"

	"github.com/paulmach/orb"
)

// Position is where a label sits relative to its anchor.
type Position int

// Label positions around an anchor.
const (
	Right Position = iota
	Left
	Above
	Below
	AboveRight
	BelowRight
	AboveLeft
	BelowLeft
	Centre
)

// defaultPositions is the order positions are tried in when a request
// lists none: right, left, above, below, then the diagonals (the
// cartographic preference for point labels).
var defaultPositions = [...]Position{Right, Left, Above, Below, AboveRight, BelowRight, AboveLeft, BelowLeft}

// DefaultPositions returns the positions tried for a request that lists
// none: right, left, above, below, then the diagonals.
func DefaultPositions() []Position { return append([]Position(nil), defaultPositions[:]...) }

// LabelRequest asks for a W×H box near anchor (X, Y). Text and Style are
// drawn by a Map; PlaceLabels itself uses only the geometry, so it also
// places boxes that are not text (the slide's callouts).
type LabelRequest struct {
	Text  string
	Style TextStyle
	X, Y  float64 // anchor, pixels
	W, H  float64 // box size; a Map measures Text when both are zero
	// Gap is the distance from the anchor to the box's near edge (for a
	// marker: its symbol's half size plus a little air).
	Gap       float64
	Priority  int        // higher is placed first and dropped last
	Positions []Position // tried in order; nil: DefaultPositions()
	Owner     Object     // what the label names (for Pick); may be nil
}

// PlacedLabel is where PlaceLabels put request Index.
type PlacedLabel struct {
	Index    int
	Box      Box
	Position Position
}

// BoxAt returns the box a W×H label takes at position pos of an anchor
// (x, y) with gap g.
func BoxAt(pos Position, x, y, w, h, g float64) Box {
	var x0, y0 float64
	switch pos {
	case Right:
		x0, y0 = x+g, y-h/2
	case Left:
		x0, y0 = x-g-w, y-h/2
	case Above:
		x0, y0 = x-w/2, y-g-h
	case Below:
		x0, y0 = x-w/2, y+g
	case AboveRight:
		x0, y0 = x+g, y-g-h
	case BelowRight:
		x0, y0 = x+g, y+g
	case AboveLeft:
		x0, y0 = x-g-w, y-g-h
	case BelowLeft:
		x0, y0 = x-g-w, y+g
	default: // Centre
		x0, y0 = x-w/2, y-h/2
	}
	return Box{x0, y0, x0 + w, y0 + h}
}

// PlaceLabels places requests greedily, highest priority first (ties in
// request order): each takes the first of its positions whose box lies
// inside frame and overlaps neither an obstacle nor a label placed before
// it; a request that fits nowhere is dropped. It returns the placed labels
// in request order. The result depends only on the input.
func PlaceLabels(reqs []LabelRequest, frame Box, obstacles []Box) []PlacedLabel {
	if !finiteBound(orb.Bound{Min: orb.Point{frame.X0, frame.Y0}, Max: orb.Point{frame.X1, frame.Y1}}) || frame.Empty() {
		return nil
	}
	order := make([]int, len(reqs))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return reqs[order[a]].Priority > reqs[order[b]].Priority })

	idx := newBoxIndex(frame)
	for _, o := range obstacles {
		idx.insert(o)
	}
	placed := make([]PlacedLabel, 0, len(reqs))
	for _, i := range order {
		r := reqs[i]
		if !(r.W > 0 && r.H > 0) {
			continue
		}
		pos := r.Positions
		if pos == nil {
			pos = defaultPositions[:]
		}
		for _, p := range pos {
			b := BoxAt(p, r.X, r.Y, r.W, r.H, r.Gap)
			if !b.Inside(frame) || idx.overlaps(b) {
				continue
			}
			idx.insert(b)
			placed = append(placed, PlacedLabel{Index: i, Box: b, Position: p})
			break
		}
	}
	sort.Slice(placed, func(a, b int) bool { return placed[a].Index < placed[b].Index })
	return placed
}

// boxIndex is a uniform grid of boxes for overlap queries.
type boxIndex struct {
	frame      Box
	cell       float64
	cols, rows int
	cells      [][]int32
	boxes      []Box
	seen       []uint32 // query stamp per box, to test each once
	stamp      uint32
}

func newBoxIndex(frame Box) *boxIndex {
	// Cells of 64 px, fewer and larger for a huge frame.
	cell := math.Max(64, math.Max(frame.W(), frame.H())/256)
	cols := max(1, int(frame.W()/cell)+1)
	rows := max(1, int(frame.H()/cell)+1)
	return &boxIndex{frame: frame, cell: cell, cols: cols, rows: rows, cells: make([][]int32, cols*rows)}
}

func (ix *boxIndex) span(b Box) (c0, r0, c1, r1 int) {
	clampi := func(v, n int) int { return max(0, min(v, n-1)) }
	c0 = clampi(int((b.X0-ix.frame.X0)/ix.cell), ix.cols)
	c1 = clampi(int((b.X1-ix.frame.X0)/ix.cell), ix.cols)
	r0 = clampi(int((b.Y0-ix.frame.Y0)/ix.cell), ix.rows)
	r1 = clampi(int((b.Y1-ix.frame.Y0)/ix.cell), ix.rows)
	return
}

func (ix *boxIndex) insert(b Box) {
	if b.Empty() {
		return
	}
	id := int32(len(ix.boxes))
	ix.boxes = append(ix.boxes, b)
	ix.seen = append(ix.seen, 0)
	c0, r0, c1, r1 := ix.span(b)
	for r := r0; r <= r1; r++ {
		for c := c0; c <= c1; c++ {
			ix.cells[r*ix.cols+c] = append(ix.cells[r*ix.cols+c], id)
		}
	}
}

func (ix *boxIndex) overlaps(b Box) bool {
	ix.stamp++
	c0, r0, c1, r1 := ix.span(b)
	for r := r0; r <= r1; r++ {
		for c := c0; c <= c1; c++ {
			for _, id := range ix.cells[r*ix.cols+c] {
				if ix.seen[id] == ix.stamp {
					continue
				}
				ix.seen[id] = ix.stamp
				if ix.boxes[id].Overlaps(b) {
					return true
				}
			}
		}
	}
	return false
}

// Label is text at a point, placed by the Map around it without
// collisions (it draws nothing by itself).
type Label struct {
	Key       string
	Point     orb.Point
	Text      string
	Style     TextStyle
	Priority  int        // higher is placed first and dropped last
	Positions []Position // nil: centred on the point, then around it
}

// ID implements Object.
func (l *Label) ID() string { return l.Key }

// Bounds implements Object.
func (l *Label) Bounds() orb.Bound { return orb.Bound{Min: l.Point, Max: l.Point} }

// Margin implements Object: a generous bound on the text's reach.
func (l *Label) Margin() float64 {
	return float64(len(l.Text))*l.Style.Size + 2*l.Style.HaloWidth + 4
}

// Draw implements Object: a Label draws through the Map's label pass.
func (l *Label) Draw(c Surface, t *Transformer) {}

// Hit implements Object: (x, y) lies within tolerance of the anchor point
// (a Map also hits the placed text box of the last render).
func (l *Label) Hit(t *Transformer, x, y, tolerance float64) bool {
	px, py := t.ToPixel(l.Point)
	return math.Hypot(px-x, py-y) <= tolerance
}

// LabelRequests implements LabelSource.
func (l *Label) LabelRequests(c Surface, t *Transformer) []LabelRequest {
	x, y := t.ToPixel(l.Point)
	pos := l.Positions
	if pos == nil {
		pos = []Position{Centre, Right, Left, Above, Below}
	}
	return []LabelRequest{{Text: l.Text, Style: l.Style, X: x, Y: y, Gap: 2, Priority: l.Priority, Positions: pos, Owner: l}}
}
