package cli

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math"
	"regexp"
	"strconv"
	"strings"

	"github.com/briefmap/briefmap/data"
	"github.com/briefmap/briefmap/scene"
	"github.com/paulmach/orb"
)

// infoRadiusKM is how far from the point info lists places.
const infoRadiusKM = 25

// pointArg matches a LAT,LON argument, so that a negative latitude is not
// taken for a flag.
var pointArg = regexp.MustCompile(`^\s*[-+]?[0-9.]+\s*,\s*[-+]?[0-9.]+\s*$`)

// parseInterleaved parses flags that may come before or after positional
// arguments, and returns the positional ones. ok is false when the caller
// must return code at once.
func (e *Env) parseInterleaved(fs *flag.FlagSet, args []string) (pos []string, code int, ok bool) {
	var flags []string
	for _, a := range args {
		if pointArg.MatchString(a) {
			pos = append(pos, a)
		} else {
			flags = append(flags, a)
		}
	}
	for {
		if code, ok := e.parseFlags(fs, flags); !ok {
			return nil, code, false
		}
		if fs.NArg() == 0 {
			return pos, ExitOK, true
		}
		pos = append(pos, fs.Arg(0))
		flags = fs.Args()[1:]
	}
}

// parsePoint reads "LAT,LON" (latitude first, as people write it) and
// returns the point as orb's [lon, lat].
func parsePoint(s string) (orb.Point, error) {
	bad := fmt.Errorf("bad point %q: want LAT,LON in degrees, e.g. 32.89,13.19", s)
	latS, lonS, ok := strings.Cut(s, ",")
	if !ok {
		return orb.Point{}, bad
	}
	lat, err1 := strconv.ParseFloat(strings.TrimSpace(latS), 64)
	lon, err2 := strconv.ParseFloat(strings.TrimSpace(lonS), 64)
	if err1 != nil || err2 != nil || math.IsNaN(lat) || math.IsNaN(lon) {
		return orb.Point{}, bad
	}
	if lat < -90 || lat > 90 || lon < -180 || lon > 180 {
		return orb.Point{}, fmt.Errorf("bad point %q: latitude must be within ±90 and longitude within ±180", s)
	}
	return orb.Point{lon, lat}, nil
}

// dateFlag returns the date of a --date value, or b's default date when
// the value is empty.
func dateFlag(b *data.Briefing, s string) (data.Date, error) {
	if s == "" {
		return b.DefaultDate, nil
	}
	d, err := data.ParseDate(s)
	if err != nil {
		return data.Date{}, fmt.Errorf("--date: %w", err)
	}
	return d, nil
}

// infoZone is one zone in info --json.
type infoZone struct {
	ID             string   `json:"id"`
	Name           string   `json:"name"`
	Controller     string   `json:"controller"`
	ControllerName string   `json:"controller_name"`
	ContestedBy    []string `json:"contested_by,omitempty"`
	ValidFrom      string   `json:"valid_from"`
	ValidTo        string   `json:"valid_to"`
	Confidence     string   `json:"confidence"`
	Sources        []string `json:"sources"`
}

// infoPlace is one place in info --json, with who holds it on the date:
// Holder and HolderName are null when no controlled zone holds it;
// HolderZone is the zone that answers, NearestKM set when the place lies
// in no zone and that zone is the nearest (within data.NearestZoneKM);
// Status is set for terminals and fields only (null when none is known).
type infoPlace struct {
	ID          string   `json:"id"`
	Name        string   `json:"name"`
	Kind        string   `json:"kind"`
	DistanceKM  float64  `json:"distance_km"`
	Holder      *string  `json:"holder"`
	HolderName  *string  `json:"holder_name"`
	ContestedBy []string `json:"contested_by"`
	HolderZone  string   `json:"holder_zone,omitempty"`
	NearestKM   *float64 `json:"holder_zone_distance_km,omitempty"`
	Status      any      `json:"status,omitempty"`
}

// infoEvent is one event shown on the date near the point, in info --json.
type infoEvent struct {
	ID              string   `json:"id"`
	Title           string   `json:"title"`
	Kind            string   `json:"kind"`
	Date            string   `json:"date"`
	DateTo          string   `json:"date_to,omitempty"`
	DateApproximate bool     `json:"date_approximate,omitempty"`
	Place           string   `json:"place,omitempty"`
	Actors          []string `json:"actors"`
	DistanceKM      float64  `json:"distance_km"`
}

// infoResult is what info --json prints.
type infoResult struct {
	Point  [2]float64  `json:"point"`
	Date   string      `json:"date"`
	Zones  []infoZone  `json:"zones"`
	Places []infoPlace `json:"places"`
	Events []infoEvent `json:"events"`
}

// runInfo prints the zones that contain a point on a date, the places
// within 25 km of it with who holds each, and the events shown on that
// date within 25 km.
func runInfo(e *Env, args []string) int {
	fs := e.flagSet("info")
	date, asJSON, briefing := asOfFlag(fs), jsonFlag(fs, "print JSON"), briefingFlag(fs)
	pos, code, ok := e.parseArgs(fs, args, 1, 1, "info takes one LAT,LON point")
	if !ok {
		return code
	}
	p, err := parsePoint(pos[0])
	if err != nil {
		return e.failIn("info", err)
	}
	b, d, err := loadOn(*briefing, *date)
	if err != nil {
		return e.failIn("info", err)
	}
	res := info(b, p, d)
	return e.answer("info", *asJSON, res, func(w io.Writer) error { return writeInfoText(w, b, res) })
}

// info answers the info query on b.
func info(b *data.Briefing, p orb.Point, d data.Date) infoResult {
	res := infoResult{Point: [2]float64{p.Lon(), p.Lat()}, Date: d.String(), Zones: []infoZone{}, Places: []infoPlace{}, Events: []infoEvent{}}
	for _, z := range b.ZonesAt(p, d) {
		sources := b.SourcesOf(b.ExcerptsFor(z.ID))
		if sources == nil {
			sources = []string{}
		}
		res.Zones = append(res.Zones, infoZone{
			ID:             z.ID,
			Name:           z.Name,
			Controller:     z.Controller,
			ControllerName: b.Name(z.Controller),
			ContestedBy:    z.ContestedBy,
			ValidFrom:      z.Valid.From.String(),
			ValidTo:        z.Valid.To.String(),
			Confidence:     string(z.Confidence),
			Sources:        sources,
		})
	}
	for _, pd := range b.PlacesNear(p, infoRadiusKM) {
		res.Places = append(res.Places, placeInfo(b, pd, d))
	}
	for _, ed := range b.EventsNear(p, infoRadiusKM, d) {
		ev := ed.Event
		actors := ev.Actors
		if actors == nil {
			actors = []string{}
		}
		res.Events = append(res.Events, infoEvent{
			ID: ev.ID, Title: ev.Title, Kind: string(ev.Kind), Date: ev.Date.String(), DateTo: ev.DateTo.String(),
			DateApproximate: ev.DateApproximate, Place: ev.Place, Actors: actors, DistanceKM: round1(ed.KM),
		})
	}
	return res
}

// placeInfo describes a place near the point: who holds it on d and, for
// a terminal or a field, its status.
func placeInfo(b *data.Briefing, pd data.PlaceDistance, d data.Date) infoPlace {
	pl := pd.Place
	ip := infoPlace{ID: pl.ID, Name: pl.Name, Kind: string(pl.Kind), DistanceKM: round1(pd.KM), ContestedBy: []string{}}
	h := b.HolderAt(pl.Point, d)
	if h.Holder != "" {
		name := b.Name(h.Holder)
		ip.Holder, ip.HolderName = &h.Holder, &name
	}
	if h.ContestedBy != nil {
		ip.ContestedBy = h.ContestedBy
	}
	if h.Zone != nil {
		ip.HolderZone = h.Zone.ID
	}
	if h.Nearest {
		km := round1(h.DistanceKM)
		ip.NearestKM = &km
	}
	if pl.Kind == data.OilTerminal || pl.Kind == data.OilField {
		ip.Status = json.RawMessage("null")
		if st, ok := pl.StatusOn(d); ok {
			ip.Status = st.Status
		}
	}
	return ip
}

// round1 rounds km to 0.1.
func round1(km float64) float64 { return math.Round(km*10) / 10 }

// writeJSON writes v as indented JSON and a newline.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// degrees formats a latitude or longitude as "32.8900 N".
func degrees(v float64, pos, neg string) string {
	if v < 0 {
		return fmt.Sprintf("%.4f %s", -v, neg)
	}
	return fmt.Sprintf("%.4f %s", v, pos)
}

// holderText says who holds a place: "held by X", "held by X (the nearest
// zone, 0.5 km away)", "contested by A and B", or that nobody is known to.
func holderText(b *data.Briefing, p infoPlace) string {
	var parts []string
	if p.Holder != nil {
		parts = append(parts, "held by "+*p.HolderName)
	}
	if len(p.ContestedBy) > 0 {
		names := make([]string, len(p.ContestedBy))
		for i, id := range p.ContestedBy {
			names[i] = b.Name(id)
		}
		parts = append(parts, "contested by "+strings.Join(names, " and "))
	}
	if len(parts) == 0 {
		return "no holder known on that date (in no zone, none within " + fmt.Sprint(data.NearestZoneKM) + " km)"
	}
	s := strings.Join(parts, ", ")
	if p.NearestKM != nil {
		s += fmt.Sprintf(" (in no zone; the nearest, %s, is %.1f km away)", b.Name(p.HolderZone), *p.NearestKM)
	}
	return s
}

// writeInfoText prints an info result for people.
func writeInfoText(w io.Writer, b *data.Briefing, res infoResult) error {
	d, _ := data.ParseDate(res.Date)
	var sb strings.Builder
	fmt.Fprintf(&sb, "%s, %s on %s\n", degrees(res.Point[1], "N", "S"), degrees(res.Point[0], "E", "W"), d.Long())
	if len(res.Zones) == 0 {
		sb.WriteString("No zone of this briefing covers this point on that date")
		if h := b.HolderAt(orb.Point{res.Point[0], res.Point[1]}, d); h.Nearest {
			who := "held by " + b.Name(h.Holder)
			if h.Holder == "" {
				who = "contested"
			}
			fmt.Fprintf(&sb, "; the nearest, %s (%s), is %.1f km away", h.Zone.Name, who, h.DistanceKM)
		}
		sb.WriteString(".\n")
	}
	for _, z := range res.Zones {
		who := "held by " + z.ControllerName
		if z.Controller == "" {
			names := make([]string, len(z.ContestedBy))
			for i, id := range z.ContestedBy {
				names[i] = b.Name(id)
			}
			who = "contested by " + strings.Join(names, " and ")
		}
		until := z.ValidTo
		if until == "" {
			until = "now"
		}
		src := "background knowledge, no excerpt"
		if len(z.Sources) > 0 {
			src = "sources: " + strings.Join(z.Sources, ", ")
		}
		fmt.Fprintf(&sb, "Zone: %s — %s (%s confidence, %s to %s; %s)\n", z.Name, who, z.Confidence, z.ValidFrom, until, src)
	}
	if len(res.Places) == 0 {
		fmt.Fprintf(&sb, "No place within %d km.\n", infoRadiusKM)
	}
	for _, p := range res.Places {
		fmt.Fprintf(&sb, "Place: %s (%s), %.1f km — %s", p.Name, p.Kind, p.DistanceKM, holderText(b, p))
		if st, ok := p.Status.(string); ok {
			fmt.Fprintf(&sb, "; %s", st)
		} else if p.Status != nil {
			sb.WriteString("; status unknown")
		}
		sb.WriteString("\n")
	}
	for _, ev := range res.Events {
		e, _ := b.Event(ev.ID)
		fmt.Fprintf(&sb, "Event: %s (%s, %s), %.1f km\n", ev.Title, ev.Kind, scene.EventDate(e, false), ev.DistanceKM)
	}
	_, err := io.WriteString(w, sb.String())
	return err
}
