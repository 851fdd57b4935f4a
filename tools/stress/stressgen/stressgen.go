// Package stressgen generates a large briefing package from the embedded
// Libya briefing, to measure and test Briefmap at twenty times Libya's size
// (issue 14): at scale 20, 800 places, 300 deployments, 100 zones of about
// 50,000 vertices in all, and 1,000 excerpts anchored in generated article
// texts that the package carries in its sources/ folder with their SHA-256.
//
// The package is valid (data.Load reports no problem): Libya's zones are
// cut along axis-parallel lines into pieces and their edges densified so
// that the zones of each period still partition the country; places lie in
// the zones; ids are unique. The same seed and scale give the same bytes.
package stressgen

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"

	"github.com/paulmach/orb"

	"github.com/briefmap/briefmap/data"
	"github.com/briefmap/briefmap/data/libya"
)

// Per unit of scale: at scale 20, the counts of issue 14.
const (
	placesPerScale      = 40
	deploymentsPerScale = 15
	zonesPerScale       = 5
	verticesPerScale    = 2500
	excerptsPerScale    = 50
	sourcesPerScale     = 1
)

// Options say what to generate.
type Options struct {
	Seed  uint64 // the random seed: the same seed gives the same package
	Scale int    // 20 gives issue 14's counts; 1 a package about Libya's size
}

// Counts are the numbers of records a package holds.
type Counts struct {
	Places, Deployments, Zones, Vertices, Excerpts, Sources int
}

// Want returns the counts Generate aims at for o.Scale. Vertices is a
// target, met within a few per cent; places, deployments and zones are
// never fewer than Libya's own (23, 18 and 26), which the package keeps.
func (o Options) Want() Counts {
	s := o.Scale
	return Counts{
		Places: placesPerScale * s, Deployments: deploymentsPerScale * s, Zones: zonesPerScale * s,
		Vertices: verticesPerScale * s, Excerpts: excerptsPerScale * s, Sources: sourcesPerScale * s,
	}
}

// CountsOf returns the counts of a loaded briefing (Vertices: the
// positions of its zones' rings).
func CountsOf(b *data.Briefing) Counts {
	c := Counts{Places: len(b.Places), Deployments: len(b.Deployments), Zones: len(b.Zones), Excerpts: len(b.Excerpts), Sources: len(b.Sources)}
	for _, z := range b.Zones {
		for _, pg := range z.Geometry {
			for _, r := range pg {
				c.Vertices += len(r)
			}
		}
	}
	return c
}

// Package is a generated briefing package: file contents by slash path
// inside the package folder (sources/ texts included).
type Package struct {
	Files map[string][]byte
}

// Generate builds the package for o from the embedded Libya briefing. It
// fails when o.Scale is below 1 or Libya's zones cannot be cut into as
// many pieces as the scale asks.
func Generate(o Options) (*Package, error) {
	if o.Scale < 1 {
		return nil, fmt.Errorf("stress package: scale %d, want 1 or more", o.Scale)
	}
	src, err := libya.Load()
	if err != nil {
		return nil, fmt.Errorf("stress package: %w", err)
	}
	g := &gen{
		o:    o,
		want: o.Want(),
		b:    src,
		rng:  rand.New(rand.NewPCG(o.Seed, 0x9e3779b97f4a7c15)),
		pkg:  &Package{Files: map[string][]byte{}},
	}
	if err := g.zones(); err != nil {
		return nil, err
	}
	g.genPlaces()
	g.genDeployments()
	g.genExcerpts()
	if err := g.write(); err != nil {
		return nil, err
	}
	return g.pkg, nil
}

// WriteDir writes the package's files into dir, creating it (and
// sources/); existing files of the same names are replaced.
func (p *Package) WriteDir(dir string) error {
	names := make([]string, 0, len(p.Files))
	for name := range p.Files {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return fmt.Errorf("write stress package: %w", err)
		}
		if err := os.WriteFile(path, p.Files[name], 0o644); err != nil {
			return fmt.Errorf("write stress package: %w", err)
		}
	}
	return nil
}

// WriteTemp generates the package of o into a new temporary folder and
// returns its path; the caller removes the folder.
func WriteTemp(o Options) (string, error) {
	p, err := Generate(o)
	if err != nil {
		return "", err
	}
	dir, err := os.MkdirTemp("", "briefmap-stress-")
	if err != nil {
		return "", fmt.Errorf("write stress package: %w", err)
	}
	if err := p.WriteDir(dir); err != nil {
		os.RemoveAll(dir)
		return "", err
	}
	return dir, nil
}

// Load generates the package of o and returns it loaded and validated, as
// a briefing folder would be (through a temporary folder it removes).
func Load(o Options) (*data.Briefing, error) {
	dir, err := WriteTemp(o)
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	return data.LoadPath(dir)
}

// gen holds the state of one generation.
type gen struct {
	o    Options
	want Counts
	b    *data.Briefing // the Libya briefing the package is derived from
	rng  *rand.Rand
	pkg  *Package

	pieces  []piece
	bounds  []orb.Bound // each piece's bound, once the pieces are final
	zoneIDs []string
	places  []data.Place
	points  []placePoint // each place's point and the zones' controllers there, by place index
	deps    []data.Deployment
	sources []data.Source
	exc     []data.Excerpt
	// zoneSourced and depSourced collect the excerpts that back a zone's
	// controller and a deployment's actor.
	zoneSourced map[string][]string
	depSourced  map[string][]string
}

// zones cuts and densifies Libya's zones.
func (g *gen) zones() error {
	ps, err := cutZones(g.b.Zones, g.want.Zones)
	if err != nil {
		return fmt.Errorf("stress package: %w", err)
	}
	densifyPieces(ps, g.want.Vertices)
	g.pieces, g.zoneIDs = ps, zoneIDs(ps)
	return nil
}

// write renders every record into the package's files with data.Encode.
// Libya's actors and events are copied without their sourced maps and
// notes, as genPlaces and genDeployments copy its places and forces
// (Libya's excerpts are not copied); its zones are replaced by the
// pieces, sourced by the generated excerpts.
func (g *gen) write() error {
	b := g.b
	out := &data.Briefing{
		ID: "stress", Title: fmt.Sprintf("Libya stress test (scale %d, seed %d)", g.o.Scale, g.o.Seed),
		Subtitle: "Generated by tools/stress from the Libya briefing", Region: b.Region, CountryISO: b.CountryISO,
		DefaultDate: b.DefaultDate, Snapshots: b.Snapshots, BBox: b.BBox, Sides: b.Sides,
		Notes:    "Generated data for benchmarks and tests: places, deployments, excerpts and sources are invented; zones are Libya's, cut into pieces.",
		Blockers: b.Blockers,
		Sources:  g.sources, Excerpts: g.exc, Places: g.places, Deployments: g.deps,
	}
	for _, a := range b.Actors {
		a.Sourced, a.Note = nil, ""
		out.Actors = append(out.Actors, a)
	}
	for i, p := range g.pieces {
		z := p.from
		name := z.Name
		if !p.whole {
			name = fmt.Sprintf("%s (part %s)", z.Name, g.zoneIDs[i][len(z.ID)+1:])
		}
		out.Zones = append(out.Zones, data.Zone{
			ID: g.zoneIDs[i], Name: name, Controller: z.Controller, ContestedBy: z.ContestedBy,
			Valid: z.Valid, Confidence: z.Confidence, Approximate: true,
			Sourced: sourced("controller", g.zoneSourced[g.zoneIDs[i]]), Geometry: p.geom,
		})
	}
	for i := range out.Deployments {
		out.Deployments[i].Sourced = sourced("actor", g.depSourced[out.Deployments[i].ID])
	}
	for _, e := range b.Events {
		e.Sourced, e.Note = nil, ""
		out.Events = append(out.Events, e)
	}
	header := fmt.Sprintf("Generated by go run ./tools/stress -seed %d -scale %d: do not edit.", g.o.Seed, g.o.Scale)
	files, err := data.Encode(out, header)
	if err != nil {
		return fmt.Errorf("stress package: %w", err)
	}
	maps.Copy(g.pkg.Files, files)
	return nil
}

// sourced returns {field: ids}, or nil when there are no ids.
func sourced(field string, ids []string) data.Sourced {
	if len(ids) == 0 {
		return nil
	}
	return data.Sourced{field: ids}
}
