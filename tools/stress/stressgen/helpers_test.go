package stressgen

import (
	"testing"

	"github.com/paulmach/orb"

	"github.com/briefmap/briefmap/data"
)

// load writes p into a temporary folder and loads it with data.LoadPath.
func load(t *testing.T, p *Package) *data.Briefing {
	t.Helper()
	dir := t.TempDir()
	if err := p.WriteDir(dir); err != nil {
		t.Fatal(err)
	}
	b, err := data.LoadPath(dir)
	if err != nil {
		t.Fatalf("the generated package does not load: %v", err)
	}
	return b
}

// ringOf builds a ring from x, y pairs.
func ringOf(xy ...float64) orb.Ring {
	var r orb.Ring
	for i := 0; i+1 < len(xy); i += 2 {
		r = append(r, orb.Point{xy[i], xy[i+1]})
	}
	return r
}
