package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"slices"

	"github.com/briefmap/briefmap/data"
	"github.com/briefmap/briefmap/internal/atomicfile"
	"github.com/paulmach/orb"
)

// gjExcerpt is an excerpt as a feature property.
type gjExcerpt struct {
	ID     string `json:"id"`
	Source string `json:"source"`
	Text   string `json:"text"`
}

// gjProperties are a feature's properties. The fields every layer has come
// first; the others are omitted where they do not apply.
type gjProperties struct {
	ID             string      `json:"id"`
	Layer          data.Kind   `json:"layer"` // the record kind: zone, place or deployment
	Name           string      `json:"name"`
	Kind           string      `json:"kind"`
	Controller     *string     `json:"controller,omitempty"`
	ControllerName *string     `json:"controller_name,omitempty"`
	ContestedBy    []string    `json:"contested_by,omitempty"`
	Actor          string      `json:"actor,omitempty"`
	ActorName      string      `json:"actor_name,omitempty"`
	Actors         []string    `json:"actors,omitempty"`
	Place          string      `json:"place,omitempty"`
	DateApprox     bool        `json:"date_approximate,omitempty"`
	ShownUntil     string      `json:"shown_until,omitempty"`
	Supports       string      `json:"supports,omitempty"`
	Status         *string     `json:"status,omitempty"`
	Strength       string      `json:"strength,omitempty"`
	RangeKM        float64     `json:"range_km,omitempty"`
	RangeMax       bool        `json:"range_max,omitempty"`
	Importance     int         `json:"importance,omitempty"`
	Approximate    bool        `json:"approximate,omitempty"`
	ValidFrom      string      `json:"valid_from"`
	ValidTo        string      `json:"valid_to"`
	Confidence     string      `json:"confidence"`
	Sourced        []string    `json:"sourced"`
	Note           string      `json:"note,omitempty"`
	Excerpts       []gjExcerpt `json:"excerpts"`
}

// gjGeometry is a GeoJSON geometry with coordinates rounded to 6 decimals
// (about 0.1 m), so that the output is stable and compact.
type gjGeometry struct {
	Type        string `json:"type"`
	Coordinates any    `json:"coordinates"`
}

// gjFeature is one RFC 7946 Feature.
type gjFeature struct {
	Type       string       `json:"type"`
	ID         string       `json:"id"`
	Geometry   gjGeometry   `json:"geometry"`
	Properties gjProperties `json:"properties"`
}

// gjCollection is the RFC 7946 FeatureCollection geojson writes.
type gjCollection struct {
	Type     string      `json:"type"`
	Date     string      `json:"date"`
	Briefing string      `json:"briefing"`
	Features []gjFeature `json:"features"`
}

// runGeoJSON writes every zone, place and deployment valid on a date, and
// every event shown on it, as one GeoJSON FeatureCollection, to stdout or
// atomically to -o FILE.
func runGeoJSON(e *Env, args []string) int {
	fs := e.flagSet("geojson")
	date, out, briefing := asOfFlag(fs), fs.String("o", "", "write to `FILE` instead of stdout"), briefingFlag(fs)
	if _, code, ok := e.parseArgs(fs, args, 0, 0, "geojson takes no arguments"); !ok {
		return code
	}
	b, d, err := loadOn(*briefing, *date)
	if err != nil {
		return e.failIn("geojson", err)
	}
	var buf bytes.Buffer
	if err := writeFeatureCollection(&buf, featureCollection(b, d)); err != nil {
		return e.failIn("geojson", err)
	}
	if *out == "" {
		_, err = e.Stdout.Write(buf.Bytes())
	} else {
		err = atomicfile.Write(*out, func(w io.Writer) error {
			_, err := w.Write(buf.Bytes())
			return err
		})
	}
	if err != nil {
		return e.failIn("geojson", err)
	}
	return ExitOK
}

// featureCollection builds the export of b on d: zones, then places, then
// deployments, each in file order, then events by date. An event's
// valid_from and valid_to are its first and last day; shown_until is the
// last day it stays on the map.
func featureCollection(b *data.Briefing, d data.Date) gjCollection {
	fc := gjCollection{Type: "FeatureCollection", Date: d.String(), Briefing: b.ID, Features: []gjFeature{}}
	for _, z := range b.ZonesOn(d) {
		kind, controller, controllerName := "controlled", z.Controller, b.Name(z.Controller)
		if z.Contested() {
			kind = "contested"
		}
		fc.Features = append(fc.Features, gjFeature{
			Type: "Feature", ID: z.ID, Geometry: polygonal(z.Geometry),
			Properties: gjProperties{
				ID: z.ID, Layer: data.KindZone, Name: z.Name, Kind: kind,
				Controller: &controller, ControllerName: &controllerName, ContestedBy: z.ContestedBy,
				Approximate: z.Approximate,
				ValidFrom:   z.Valid.From.String(), ValidTo: z.Valid.To.String(), Confidence: string(z.Confidence),
				Sourced: sourcedFields(z.Sourced), Note: z.Note, Excerpts: excerpts(b, z.ID),
			},
		})
	}
	for i := range b.Places {
		p := &b.Places[i]
		props := gjProperties{
			ID: p.ID, Layer: data.KindPlace, Name: p.Name, Kind: string(p.Kind), Importance: p.Importance,
			Sourced: sourcedFields(p.Sourced), Note: p.Note, Excerpts: excerpts(b, p.ID),
		}
		if st, ok := p.StatusOn(d); ok {
			props.Status = &st.Status
			props.ValidFrom, props.ValidTo = st.Valid.From.String(), st.Valid.To.String()
			for _, f := range sourcedFields(st.Sourced) {
				props.Sourced = append(props.Sourced, "status."+f)
			}
			if st.Note != "" {
				props.Note = joinNotes(props.Note, st.Note)
			}
		}
		fc.Features = append(fc.Features, gjFeature{
			Type: "Feature", ID: p.ID, Geometry: gjGeometry{Type: "Point", Coordinates: round(p.Point)}, Properties: props,
		})
	}
	for _, dep := range b.DeploymentsOn(d) {
		fc.Features = append(fc.Features, gjFeature{
			Type: "Feature", ID: dep.ID, Geometry: deploymentGeometry(b, dep),
			Properties: gjProperties{
				ID: dep.ID, Layer: data.KindDeployment, Name: dep.Name, Kind: dep.What,
				Actor: dep.Actor, ActorName: b.Name(dep.Actor), Supports: dep.Supports,
				Strength: dep.Strength, RangeKM: dep.RangeKM, RangeMax: dep.RangeMax,
				ValidFrom: dep.Valid.From.String(), ValidTo: dep.Valid.To.String(), Confidence: string(dep.Confidence),
				Sourced: sourcedFields(dep.Sourced), Note: dep.Note, Excerpts: excerpts(b, dep.ID),
			},
		})
	}
	for _, ev := range b.EventsOn(d) {
		pt, ok := b.EventPoint(ev)
		if !ok {
			continue
		}
		until := ev.LastDay().Time().AddDate(0, 0, ev.ShowDays)
		fc.Features = append(fc.Features, gjFeature{
			Type: "Feature", ID: ev.ID, Geometry: gjGeometry{Type: "Point", Coordinates: round(pt)},
			Properties: gjProperties{
				ID: ev.ID, Layer: data.KindEvent, Name: ev.Title, Kind: string(ev.Kind),
				Actors: ev.Actors, Place: ev.Place, DateApprox: ev.DateApproximate,
				ShownUntil: until.Format("2006-01-02"),
				ValidFrom:  ev.Date.String(), ValidTo: ev.LastDay().String(), Confidence: string(ev.Confidence),
				Sourced: sourcedFields(ev.Sourced), Note: ev.Note, Excerpts: excerpts(b, ev.ID),
			},
		})
	}
	return fc
}

// writeFeatureCollection writes fc as JSON with one feature per line:
// compact, deterministic (struct fields in a fixed order, coordinates
// rounded) and easy to diff.
func writeFeatureCollection(w io.Writer, fc gjCollection) error {
	head, err := json.Marshal(struct {
		Type     string `json:"type"`
		Date     string `json:"date"`
		Briefing string `json:"briefing"`
	}{fc.Type, fc.Date, fc.Briefing})
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	buf.Write(head[:len(head)-1])
	buf.WriteString(`,"features":[`)
	for i, f := range fc.Features {
		if i > 0 {
			buf.WriteByte(',')
		}
		buf.WriteByte('\n')
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(f); err != nil {
			return fmt.Errorf("feature %s: %w", f.ID, err)
		}
		buf.Truncate(buf.Len() - 1) // Encode's newline
	}
	buf.WriteString("\n]}\n")
	_, err = w.Write(buf.Bytes())
	return err
}

// joinNotes joins two notes with a space.
func joinNotes(a, b string) string {
	if a == "" {
		return b
	}
	return a + " " + b
}

// sourcedFields returns the names of a record's sourced fields, sorted;
// never nil, so that JSON shows [] for a record resting on background alone.
func sourcedFields(s data.Sourced) []string {
	out := []string{}
	for f := range s {
		out = append(out, f)
	}
	slices.Sort(out)
	return out
}

// excerpts returns the excerpts backing record id as feature properties.
func excerpts(b *data.Briefing, id string) []gjExcerpt {
	out := []gjExcerpt{}
	for _, e := range b.ExcerptsFor(id) {
		out = append(out, gjExcerpt{ID: e.ID, Source: e.Source, Text: e.Text})
	}
	return out
}

// round rounds a point to 6 decimals.
func round(p orb.Point) [2]float64 {
	r := func(v float64) float64 { return math.Round(v*1e6) / 1e6 }
	return [2]float64{r(p.Lon()), r(p.Lat())}
}

// polygonal returns mp as a Polygon when it has one polygon, else as a
// MultiPolygon, coordinates rounded and rings wound by RFC 7946's
// right-hand rule (outer rings counterclockwise, holes clockwise).
func polygonal(mp orb.MultiPolygon) gjGeometry {
	polys := make([][][][2]float64, len(mp))
	for i, pg := range mp {
		polys[i] = make([][][2]float64, len(pg))
		for j, ring := range pg {
			want := orb.CCW
			if j > 0 {
				want = orb.CW
			}
			reverse := ring.Orientation() == -want
			polys[i][j] = make([][2]float64, len(ring))
			for k, p := range ring {
				if reverse {
					p = ring[len(ring)-1-k]
				}
				polys[i][j][k] = round(p)
			}
		}
	}
	if len(polys) == 1 {
		return gjGeometry{Type: "Polygon", Coordinates: polys[0]}
	}
	return gjGeometry{Type: "MultiPolygon", Coordinates: polys}
}

// deploymentGeometry returns a deployment's area when it has one, else its
// point or the points of its places (a Point or a MultiPoint).
func deploymentGeometry(b *data.Briefing, dep *data.Deployment) gjGeometry {
	if len(dep.Area) > 0 {
		return polygonal(dep.Area)
	}
	pts := b.DeploymentPoints(dep)
	if len(pts) == 1 {
		return gjGeometry{Type: "Point", Coordinates: round(pts[0])}
	}
	coords := make([][2]float64, len(pts))
	for i, p := range pts {
		coords[i] = round(p)
	}
	return gjGeometry{Type: "MultiPoint", Coordinates: coords}
}
