package main

import (
	"encoding/json"
	"fmt"
	"os"
)

// topology is the part of a TopoJSON file (world-atlas countries-*.json)
// the generator reads.
type topology struct {
	Type      string `json:"type"`
	Transform *struct {
		Scale     [2]float64 `json:"scale"`
		Translate [2]float64 `json:"translate"`
	} `json:"transform"`
	Arcs    [][][2]float64 `json:"arcs"`
	Objects map[string]struct {
		Type       string `json:"type"`
		Geometries []struct {
			Type       string                `json:"type"`
			ID         *string               `json:"id"`
			Properties struct{ Name string } `json:"properties"`
			Arcs       json.RawMessage       `json:"arcs"`
		} `json:"geometries"`
	} `json:"objects"`
}

// feature is one decoded TopoJSON geometry: its polygons, each a list of
// rings in lon/lat degrees (not closed: the first point is not repeated).
type feature struct {
	ID, Name string
	Polygons [][][][2]float64
}

// readTopoJSON decodes the named GeometryCollection of a TopoJSON file:
// arcs are delta-decoded through the transform and rings assembled from
// them (an arc index ^i means arc i reversed; consecutive arcs share their
// joining point).
func readTopoJSON(path, object string) ([]feature, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return parseTopoJSON(raw, path, object)
}

// parseTopoJSON decodes the named GeometryCollection of the TopoJSON text
// raw (read from path, which errors name).
func parseTopoJSON(raw []byte, path, object string) ([]feature, error) {
	var t topology
	if err := json.Unmarshal(raw, &t); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if t.Type != "Topology" {
		return nil, fmt.Errorf("%s: type %q, want Topology", path, t.Type)
	}
	arcs := make([][][2]float64, len(t.Arcs))
	for i, a := range t.Arcs {
		pts := make([][2]float64, len(a))
		var x, y float64
		for j, p := range a {
			if t.Transform != nil {
				x += p[0]
				y += p[1]
				pts[j] = [2]float64{x*t.Transform.Scale[0] + t.Transform.Translate[0], y*t.Transform.Scale[1] + t.Transform.Translate[1]}
			} else {
				pts[j] = p
			}
		}
		arcs[i] = pts
	}
	ring := func(refs []int) ([][2]float64, error) {
		var r [][2]float64
		for k, ref := range refs {
			i, rev := ref, false
			if ref < 0 {
				i, rev = ^ref, true
			}
			if i >= len(arcs) {
				return nil, fmt.Errorf("arc %d out of range", ref)
			}
			a := arcs[i]
			if len(a) < 2 {
				return nil, fmt.Errorf("arc %d has %d points", ref, len(a))
			}
			seq := make([][2]float64, len(a))
			for j := range a {
				if rev {
					seq[j] = a[len(a)-1-j]
				} else {
					seq[j] = a[j]
				}
			}
			if k > 0 {
				seq = seq[1:]
			}
			r = append(r, seq...)
		}
		if len(r) > 1 && r[0] == r[len(r)-1] {
			r = r[:len(r)-1]
		}
		return r, nil
	}
	obj, ok := t.Objects[object]
	if !ok {
		return nil, fmt.Errorf("%s: no object %q", path, object)
	}
	var out []feature
	for gi, g := range obj.Geometries {
		f := feature{Name: g.Properties.Name}
		if g.ID != nil {
			f.ID = *g.ID
		}
		var polys [][][]int
		switch g.Type {
		case "Polygon":
			var p [][]int
			if err := json.Unmarshal(g.Arcs, &p); err != nil {
				return nil, fmt.Errorf("%s: geometry %d (%s): %w", path, gi, f.Name, err)
			}
			polys = [][][]int{p}
		case "MultiPolygon":
			if err := json.Unmarshal(g.Arcs, &polys); err != nil {
				return nil, fmt.Errorf("%s: geometry %d (%s): %w", path, gi, f.Name, err)
			}
		case "", "null":
			continue
		default:
			return nil, fmt.Errorf("%s: geometry %d (%s): unexpected type %q", path, gi, f.Name, g.Type)
		}
		for _, p := range polys {
			var rings [][][2]float64
			for ri, refs := range p {
				r, err := ring(refs)
				if err != nil {
					return nil, fmt.Errorf("%s: geometry %d (%s): %w", path, gi, f.Name, err)
				}
				if len(r) < 3 { // degenerate (Natural Earth has a few): skip it
					if ri == 0 {
						break
					}
					continue
				}
				rings = append(rings, r)
			}
			if len(rings) > 0 {
				f.Polygons = append(f.Polygons, rings)
			}
		}
		out = append(out, f)
	}
	return out, nil
}
