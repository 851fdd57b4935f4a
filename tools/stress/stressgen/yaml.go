package stressgen

import (
	"bytes"
	"fmt"
	"strconv"

	"github.com/paulmach/orb"
	"gopkg.in/yaml.v3"

	"github.com/briefmap/briefmap/data"
)

// The records as the package files write them (data/FORMAT.md), field
// order as there; yaml.v3 writes them in block style.

type yBriefing struct {
	ID          string      `yaml:"id"`
	Title       string      `yaml:"title"`
	Subtitle    string      `yaml:"subtitle,omitempty"`
	Region      string      `yaml:"region"`
	CountryISO  string      `yaml:"country_iso,omitempty"`
	DefaultDate string      `yaml:"default_date"`
	Snapshots   []ySnapshot `yaml:"snapshots,omitempty"`
	BBox        []float64   `yaml:"bbox,flow"`
	Sides       []ySide     `yaml:"sides"`
	Notes       string      `yaml:"notes,omitempty"`
	Blockers    []string    `yaml:"blockers,omitempty"`
}

type ySnapshot struct {
	Date  string `yaml:"date"`
	Label string `yaml:"label"`
}

type ySide struct {
	ID   string `yaml:"id"`
	Name string `yaml:"name"`
}

type ySource struct {
	ID              string `yaml:"id"`
	Publisher       string `yaml:"publisher"`
	Title           string `yaml:"title"`
	Date            string `yaml:"date"`
	DateApproximate bool   `yaml:"date_approximate"`
	File            string `yaml:"file"`
	SHA256          string `yaml:"sha256"`
}

type yExcerpt struct {
	ID     string   `yaml:"id"`
	Source string   `yaml:"source"`
	Text   string   `yaml:"text"`
	Prefix string   `yaml:"prefix"`
	Suffix string   `yaml:"suffix"`
	Start  int      `yaml:"start"`
	End    int      `yaml:"end"`
	About  []string `yaml:"about,flow"`
}

type yAlias struct {
	Name      string `yaml:"name"`
	MatchCase bool   `yaml:"match_case,omitempty"`
	ValidFrom string `yaml:"valid_from,omitempty"`
	ValidTo   string `yaml:"valid_to,omitempty"`
}

type yActor struct {
	ID          string       `yaml:"id"`
	Name        string       `yaml:"name"`
	Aliases     []any        `yaml:"aliases,omitempty"`
	Kind        string       `yaml:"kind"`
	Side        string       `yaml:"side,omitempty"`
	Backers     []string     `yaml:"backers,flow,omitempty"`
	Leads       string       `yaml:"leads,omitempty"`
	Description string       `yaml:"description,omitempty"`
	Sourced     data.Sourced `yaml:"sourced,omitempty"`
	Note        string       `yaml:"note,omitempty"`
}

type yZone struct {
	ID          string       `yaml:"id"`
	Name        string       `yaml:"name"`
	Controller  string       `yaml:"controller,omitempty"`
	ContestedBy []string     `yaml:"contested_by,flow,omitempty"`
	ValidFrom   string       `yaml:"valid_from"`
	ValidTo     string       `yaml:"valid_to,omitempty"`
	Confidence  string       `yaml:"confidence"`
	Approximate bool         `yaml:"approximate"`
	Sourced     data.Sourced `yaml:"sourced,omitempty"`
	Note        string       `yaml:"note,omitempty"`
}

type yStatus struct {
	Status    string `yaml:"status"`
	ValidFrom string `yaml:"valid_from"`
	ValidTo   string `yaml:"valid_to,omitempty"`
	Note      string `yaml:"note,omitempty"`
}

type yPlace struct {
	ID         string       `yaml:"id"`
	Name       string       `yaml:"name"`
	Aliases    []any        `yaml:"aliases,omitempty"`
	Kind       string       `yaml:"kind"`
	LonLat     []float64    `yaml:"lonlat,flow"`
	Importance int          `yaml:"importance"`
	Statuses   []yStatus    `yaml:"statuses,omitempty"`
	Sourced    data.Sourced `yaml:"sourced,omitempty"`
	Note       string       `yaml:"note,omitempty"`
}

type yDeployment struct {
	ID         string       `yaml:"id"`
	Name       string       `yaml:"name"`
	Actor      string       `yaml:"actor"`
	Supports   string       `yaml:"supports,omitempty"`
	What       string       `yaml:"what"`
	Places     []string     `yaml:"places,flow,omitempty"`
	LonLat     []float64    `yaml:"lonlat,flow,omitempty"`
	Strength   string       `yaml:"strength,omitempty"`
	RangeKM    float64      `yaml:"range_km,omitempty"`
	RangeMax   bool         `yaml:"range_max,omitempty"`
	ValidFrom  string       `yaml:"valid_from"`
	ValidTo    string       `yaml:"valid_to,omitempty"`
	Confidence string       `yaml:"confidence"`
	Sourced    data.Sourced `yaml:"sourced,omitempty"`
	Note       string       `yaml:"note,omitempty"`
}

type yEvent struct {
	ID              string    `yaml:"id"`
	Title           string    `yaml:"title"`
	Kind            string    `yaml:"kind"`
	Date            string    `yaml:"date"`
	DateTo          string    `yaml:"date_to,omitempty"`
	DateApproximate bool      `yaml:"date_approximate,omitempty"`
	Place           string    `yaml:"place,omitempty"`
	LonLat          []float64 `yaml:"lonlat,flow,omitempty"`
	Actors          []string  `yaml:"actors,flow,omitempty"`
	ShowDays        int       `yaml:"show_days"`
	Confidence      string    `yaml:"confidence"`
	Note            string    `yaml:"note,omitempty"`
}

// dateString writes a date, "" for the zero date (an open end).
func dateString(d data.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.String()
}

// lonlat writes a point as [lon, lat].
func lonlat(p orb.Point) []float64 { return []float64{p[0], p[1]} }

// aliasList writes a record's aliases: plain names, and mappings for
// those written with options.
func aliasList(names []string, opts []data.Alias) []any {
	var out []any
	seen := map[string]bool{}
	for _, o := range opts {
		out = append(out, yAlias{Name: o.Name, MatchCase: o.MatchCase, ValidFrom: dateString(o.Valid.From), ValidTo: dateString(o.Valid.To)})
		seen[o.Name] = true
	}
	for _, n := range names {
		if !seen[n] {
			out = append(out, n)
			seen[n] = true
		}
	}
	return out
}

// marshalList writes `key:` followed by the list in YAML, after a comment
// line.
func marshalList(comment, key string, list any) ([]byte, error) {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "# %s\n", comment)
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(map[string]any{key: list}); err != nil {
		return nil, fmt.Errorf("write %s: %w", key, err)
	}
	if err := enc.Close(); err != nil {
		return nil, fmt.Errorf("write %s: %w", key, err)
	}
	return buf.Bytes(), nil
}

// marshalDoc writes one YAML document after a comment line.
func marshalDoc(comment string, doc any) ([]byte, error) {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "# %s\n", comment)
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(doc); err != nil {
		return nil, fmt.Errorf("write document: %w", err)
	}
	if err := enc.Close(); err != nil {
		return nil, fmt.Errorf("write document: %w", err)
	}
	return buf.Bytes(), nil
}

// geoJSON writes the zones' features, one feature per line, coordinates
// in the shortest form that reads back as the same float64.
func geoJSON(ids []string, ps []piece) []byte {
	var buf bytes.Buffer
	buf.WriteString("{\"type\": \"FeatureCollection\", \"features\": [\n")
	num := func(v float64) { buf.WriteString(strconv.FormatFloat(v, 'g', -1, 64)) }
	for i, p := range ps {
		fmt.Fprintf(&buf, "{\"type\": \"Feature\", \"properties\": {\"id\": %q}, \"geometry\": {\"type\": \"MultiPolygon\", \"coordinates\": [", ids[i])
		for k, pg := range p.geom {
			if k > 0 {
				buf.WriteByte(',')
			}
			buf.WriteByte('[')
			for j, r := range pg {
				if j > 0 {
					buf.WriteByte(',')
				}
				buf.WriteByte('[')
				for m, pt := range r {
					if m > 0 {
						buf.WriteByte(',')
					}
					buf.WriteByte('[')
					num(pt[0])
					buf.WriteByte(',')
					num(pt[1])
					buf.WriteByte(']')
				}
				buf.WriteByte(']')
			}
			buf.WriteByte(']')
		}
		buf.WriteString("]}}")
		if i+1 < len(ps) {
			buf.WriteByte(',')
		}
		buf.WriteByte('\n')
	}
	buf.WriteString("]}\n")
	return buf.Bytes()
}
