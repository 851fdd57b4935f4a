// Command basemap builds geo/basemap/data/basemap.bin, the embedded Natural
// Earth basemap, from the npm package world-atlas (TopoJSON) and the ISO
// 3166 table of i18n-iso-countries. Run it from the repository root after
// installing those packages:
//
//	(cd tools/basemap && npm ci) && go run ./tools/basemap
//
// It takes 10m data around Libya, 50m data in a wider ring and 110m data
// for the rest of the world, cuts each to its region so they do not
// overlap, rebuilds a topology (arcs shared between neighbours) from the
// result, classifies every arc as coast, border or seam, computes a label
// point per country, records per point the coarsest Douglas–Peucker level
// that keeps it, and writes the compact file plus its summary.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"math"
	"os"
	"path/filepath"
	"sort"

	"github.com/briefmap/briefmap/geo/basemap/topo"
	"github.com/paulmach/orb"
)

// quantum is the grid of the output: 1e-4 degree (about 11 m), finer than
// the 10m data's own quantisation (0.0036° × 0.0017°).
const quantum = 10000

// rect is a lon/lat box in degrees.
type rect struct{ minX, minY, maxX, maxY float64 }

// layer is one resolution of world-atlas and the boxes it fills.
type layer struct {
	file  string
	rects []rect
}

// The detail box (10m), the ring around it (50m) and the rest (110m).
var (
	detail = rect{-20, 0, 60, 56}
	ring50 = rect{-80, -40, 150, 75}
	layers = []layer{
		{"countries-10m.json", []rect{detail}},
		{"countries-50m.json", frame(ring50, detail)},
		{"countries-110m.json", frame(rect{-180, -90, 180, 90}, ring50)},
	}
)

// frame returns four boxes that cover outer minus inner.
func frame(outer, inner rect) []rect {
	return []rect{
		{outer.minX, outer.minY, inner.minX, outer.maxY}, // west
		{inner.maxX, outer.minY, outer.maxX, outer.maxY}, // east
		{inner.minX, outer.minY, inner.maxX, inner.minY}, // south
		{inner.minX, inner.maxY, inner.maxX, outer.maxY}, // north
	}
}

// cutLines returns the meridians and parallels along which the generator
// cuts geometry, in grid units: a segment lying on one of them is a seam.
func cutLines() (xs, ys map[int64]bool) {
	xs, ys = map[int64]bool{}, map[int64]bool{}
	for _, l := range layers {
		for _, r := range l.rects {
			xs[q(r.minX)], xs[q(r.maxX)] = true, true
			ys[q(r.minY)], ys[q(r.maxY)] = true, true
		}
	}
	delete(ys, q(-90))
	delete(ys, q(90))
	ys[q(-poleLat)], ys[q(poleLat)] = true, true
	return xs, ys
}

// Natural Earth's ADM0_A3 codes for the features world-atlas gives no ISO
// numeric id (they have no ISO 3166 code).
var neCodes = map[string]string{
	"Dhekelia":                "ESB",
	"Akrotiri":                "WSB",
	"Somaliland":              "SOL",
	"Kosovo":                  "KOS",
	"N. Cyprus":               "CYN",
	"Cyprus U.N. Buffer Zone": "CNM",
	"USNB Guantanamo Bay":     "USG",
	"Siachen Glacier":         "KAS",
	"Baikonur":                "KAB",
	"Indian Ocean Ter.":       "IOA",
	"Coral Sea Is.":           "CSI",
	"Spratly Is.":             "PGA",
	"Clipperton I.":           "CLP",
	"Bajo Nuevo Bank":         "BJN",
	"Serranilla Bank":         "SER",
	"Scarborough Reef":        "SCR",
}

func main() {
	in := flag.String("in", "tools/basemap/node_modules", "folder holding the npm packages world-atlas and i18n-iso-countries")
	out := flag.String("out", "geo/basemap/data", "folder to write basemap.bin and basemap.sum.json into")
	flag.Parse()
	log.SetFlags(0)
	if err := run(*in, *out); err != nil {
		log.Fatal("basemap: ", err)
	}
}

func run(in, out string) error {
	iso, err := readISO(filepath.Join(in, "i18n-iso-countries", "codes.json"))
	if err != nil {
		return err
	}
	var countries []*country
	byISO := map[string]*country{}
	for _, l := range layers {
		feats, err := readTopoJSON(filepath.Join(in, "world-atlas", l.file), "countries")
		if err != nil {
			return err
		}
		for _, f := range feats {
			code := iso[f.ID]
			if f.ID == "" {
				code = neCodes[f.Name]
			}
			if code == "" {
				return fmt.Errorf("%s: %q (id %q): no ISO 3166 alpha-3 code", l.file, f.Name, f.ID)
			}
			c := byISO[code]
			if c == nil {
				c = &country{iso3: code}
				byISO[code] = c
				countries = append(countries, c)
			}
			// A code can cover several features (Australia and the Ashmore
			// and Cartier Islands): the name of the biggest one wins.
			if n := vertexCount(f); n > c.nameWeight {
				c.name, c.nameWeight = f.Name, n
			}
			for _, poly := range f.Polygons {
				poly = unwrap(poly)
				for _, shift := range []float64{-360, 0, 360} {
					moved := shiftPolygon(poly, shift)
					for _, r := range l.rects {
						if p := clipPolygon(moved, r); p != nil {
							c.polygons = append(c.polygons, p)
						}
					}
				}
			}
		}
	}
	kept := countries[:0]
	for _, c := range countries {
		if len(c.polygons) > 0 {
			kept = append(kept, c)
		}
	}
	countries = kept
	sort.Slice(countries, func(i, j int) bool { return countries[i].iso3 < countries[j].iso3 })

	t := buildTopology(countries)
	for i, c := range countries {
		t.Countries[i].Label = labelPoint(c.polygons)
	}
	if err := setLevels(t); err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := topo.Encode(&buf, t); err != nil {
		return err
	}
	// Decode what was written: the summary must describe the file.
	back, err := topo.Decode(buf.Bytes())
	if err != nil {
		return fmt.Errorf("decoding what was just encoded: %w", err)
	}
	sum := t.Summary()
	if got := back.Summary(); got != sum {
		return fmt.Errorf("round trip changed the topology: %+v, encoded %+v", got, sum)
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(out, "basemap.bin"), buf.Bytes(), 0o644); err != nil {
		return err
	}
	js, err := json.MarshalIndent(sum, "", "  ")
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(out, "basemap.sum.json"), append(js, '\n'), 0o644); err != nil {
		return err
	}
	kinds := map[topo.Kind]int{}
	for _, a := range t.Arcs {
		kinds[a.Kind]++
	}
	log.Printf("wrote %s: %d bytes, %d countries, %d arcs (%d coast, %d border, %d seam), %d points, checksum %s",
		filepath.Join(out, "basemap.bin"), buf.Len(), sum.Countries, sum.Arcs, kinds[topo.Coast], kinds[topo.Border], kinds[topo.Seam], sum.Points, sum.Checksum)
	return nil
}

// readISO returns ISO 3166-1 numeric → alpha-3 from i18n-iso-countries'
// codes.json ([[alpha2, alpha3, numeric, …], …]).
func readISO(path string) (map[string]string, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var rows [][]string
	if err := json.Unmarshal(raw, &rows); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	m := map[string]string{}
	for i, r := range rows {
		if len(r) < 3 || len(r[1]) != 3 {
			return nil, fmt.Errorf("%s: row %d: %v is not [alpha2, alpha3, numeric, …]", path, i, r)
		}
		m[r[2]] = r[1]
	}
	return m, nil
}

func vertexCount(f feature) int {
	n := 0
	for _, p := range f.Polygons {
		for _, r := range p {
			n += len(r)
		}
	}
	return n
}

// poleLat is where unwrap closes a ring that goes round a pole (as
// Antarctica's does): finite in Web Mercator, and off any map.
const poleLat = 89.999

// unwrap returns poly with longitudes made continuous (no jump of more
// than 180° between neighbours: world-atlas joins Fiji and Chukotka across
// the antimeridian), each hole moved by whole turns next to the outer
// ring. A ring that goes round a pole is closed along latitude ±poleLat.
// The result may reach beyond ±180°: clip it shifted by -360°, 0 and 360°.
func unwrap(poly [][][2]float64) [][][2]float64 {
	out := make([][][2]float64, len(poly))
	for i, r := range poly {
		u := make([][2]float64, len(r))
		shift := 0.0
		for j, p := range r {
			if j > 0 {
				d := p[0] + shift - u[j-1][0]
				if d > 180 {
					shift -= 360
				} else if d < -180 {
					shift += 360
				}
			}
			u[j] = [2]float64{p[0] + shift, p[1]}
		}
		if last, first := u[len(u)-1], u[0]; math.Abs(last[0]-first[0]) > 180 {
			lat := poleLat
			if meanLat(u) < 0 {
				lat = -poleLat
			}
			u = append(u, [2]float64{last[0], lat}, [2]float64{first[0], lat})
		}
		if i > 0 {
			turns := math.Round((meanLon(out[0]) - meanLon(u)) / 360)
			for j := range u {
				u[j][0] += turns * 360
			}
		}
		out[i] = u
	}
	return out
}

func meanLon(r [][2]float64) float64 {
	s := 0.0
	for _, p := range r {
		s += p[0]
	}
	return s / float64(len(r))
}

func meanLat(r [][2]float64) float64 {
	s := 0.0
	for _, p := range r {
		s += p[1]
	}
	return s / float64(len(r))
}

// shiftPolygon returns poly moved east by dx degrees.
func shiftPolygon(poly [][][2]float64, dx float64) [][][2]float64 {
	if dx == 0 {
		return poly
	}
	out := make([][][2]float64, len(poly))
	for i, r := range poly {
		m := make([][2]float64, len(r))
		for j, p := range r {
			m[j] = [2]float64{p[0] + dx, p[1]}
		}
		out[i] = m
	}
	return out
}

// pt is a point on the output grid.
type pt struct{ x, y int64 }

// q returns v degrees in grid units.
func q(v float64) int64 { return int64(math.Round(v * quantum)) }

// country gathers the cut polygons of one code across the layers. Each
// polygon's rings are open (first point not repeated), the outer ring
// counter-clockwise and holes clockwise.
type country struct {
	iso3, name string
	nameWeight int
	polygons   [][][]pt
}

// clipPolygon returns poly (rings in degrees, outer first) cut to r on the
// grid, outer ring counter-clockwise and holes clockwise, or nil when
// nothing of it is left.
func clipPolygon(poly [][][2]float64, r rect) [][]pt {
	box := [4]int64{q(r.minX), q(r.minY), q(r.maxX), q(r.maxY)}
	var out [][]pt
	for i, ring := range poly {
		g := make([]pt, 0, len(ring))
		for _, p := range ring {
			g = append(g, pt{q(p[0]), q(p[1])})
		}
		c := cleanRing(clipRing(cleanRing(g), box))
		if len(c) < 3 || ringArea2(c) == 0 {
			if i == 0 {
				return nil
			}
			continue
		}
		if (ringArea2(c) > 0) != (i == 0) {
			reverse(c)
		}
		out = append(out, c)
	}
	return out
}

// clipRing cuts an open ring to box (minX, minY, maxX, maxY) with
// Sutherland–Hodgman. Intersections are computed from the segment's
// endpoints in a canonical order and rounded to the grid, so two
// neighbours that share a segment get the same cut point.
func clipRing(r []pt, box [4]int64) []pt {
	for edge := 0; edge < 4 && len(r) > 0; edge++ {
		inside := func(p pt) bool {
			switch edge {
			case 0:
				return p.x >= box[0]
			case 1:
				return p.y >= box[1]
			case 2:
				return p.x <= box[2]
			default:
				return p.y <= box[3]
			}
		}
		var out []pt
		prev := r[len(r)-1]
		prevIn := inside(prev)
		for _, p := range r {
			in := inside(p)
			if in != prevIn {
				out = append(out, cut(prev, p, edge, box))
			}
			if in {
				out = append(out, p)
			}
			prev, prevIn = p, in
		}
		r = out
	}
	return r
}

// cut returns where segment ab crosses the box's edge line.
func cut(a, b pt, edge int, box [4]int64) pt {
	if b.x < a.x || (b.x == a.x && b.y < a.y) {
		a, b = b, a
	}
	switch edge {
	case 0, 2:
		x := box[edge]
		y := float64(a.y) + float64(b.y-a.y)*float64(x-a.x)/float64(b.x-a.x)
		return pt{x, int64(math.Round(y))}
	default:
		y := box[edge]
		x := float64(a.x) + float64(b.x-a.x)*float64(y-a.y)/float64(b.y-a.y)
		return pt{int64(math.Round(x)), y}
	}
}

// cleanRing drops repeated consecutive points (and a closing repeat).
func cleanRing(r []pt) []pt {
	out := r[:0:0]
	for _, p := range r {
		if len(out) == 0 || out[len(out)-1] != p {
			out = append(out, p)
		}
	}
	for len(out) > 1 && out[0] == out[len(out)-1] {
		out = out[:len(out)-1]
	}
	return out
}

// ringArea2 returns twice the signed area of an open ring: positive when
// counter-clockwise (x east, y north).
func ringArea2(r []pt) int64 {
	var a int64
	for i := range r {
		p, n := r[i], r[(i+1)%len(r)]
		a += p.x*n.y - n.x*p.y
	}
	return a
}

func reverse(r []pt) {
	for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
		r[i], r[j] = r[j], r[i]
	}
}

// toDegrees returns p as an orb.Point in degrees.
func (p pt) toDegrees() orb.Point { return orb.Point{float64(p.x) / quantum, float64(p.y) / quantum} }
