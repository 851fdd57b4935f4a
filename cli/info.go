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
	"github.com/briefmap/briefmap/data/libya"
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

// infoPlace is one place in info --json.
type infoPlace struct {
	ID         string  `json:"id"`
	Name       string  `json:"name"`
	Kind       string  `json:"kind"`
	DistanceKM float64 `json:"distance_km"`
}

// infoResult is what info --json prints.
type infoResult struct {
	Point  [2]float64  `json:"point"`
	Date   string      `json:"date"`
	Zones  []infoZone  `json:"zones"`
	Places []infoPlace `json:"places"`
}

// runInfo prints the zones that contain a point on a date and the places
// within 25 km of it.
func runInfo(e *Env, args []string) int {
	fs := e.flagSet("info")
	date := fs.String("date", "", "the as-of date, YYYY-MM-DD (default: the briefing's default date)")
	asJSON := fs.Bool("json", false, "print JSON")
	pos, code, ok := e.parseInterleaved(fs, args)
	if !ok {
		return code
	}
	if len(pos) != 1 {
		return e.usage("info takes one LAT,LON point")
	}
	p, err := parsePoint(pos[0])
	if err != nil {
		return e.fail(ExitInput, fmt.Errorf("info: %w", err))
	}
	b, err := libya.LoadPath("")
	if err != nil {
		return e.fail(ExitInput, fmt.Errorf("info: %w", err))
	}
	d, err := dateFlag(b, *date)
	if err != nil {
		return e.fail(ExitInput, fmt.Errorf("info: %w", err))
	}
	res := info(b, p, d)
	if *asJSON {
		err = writeJSON(e.Stdout, res)
	} else {
		err = writeInfoText(e.Stdout, b, res)
	}
	if err != nil {
		return e.fail(ExitInput, fmt.Errorf("info: %w", err))
	}
	return ExitOK
}

// info answers the info query on b.
func info(b *data.Briefing, p orb.Point, d data.Date) infoResult {
	res := infoResult{Point: [2]float64{p.Lon(), p.Lat()}, Date: d.String(), Zones: []infoZone{}, Places: []infoPlace{}}
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
		res.Places = append(res.Places, infoPlace{
			ID:         pd.Place.ID,
			Name:       pd.Place.Name,
			Kind:       string(pd.Place.Kind),
			DistanceKM: math.Round(pd.KM*10) / 10,
		})
	}
	return res
}

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

// writeInfoText prints an info result for people.
func writeInfoText(w io.Writer, b *data.Briefing, res infoResult) error {
	d, _ := data.ParseDate(res.Date)
	var sb strings.Builder
	fmt.Fprintf(&sb, "%s, %s on %s\n", degrees(res.Point[1], "N", "S"), degrees(res.Point[0], "E", "W"), d.Long())
	if len(res.Zones) == 0 {
		sb.WriteString("No zone of this briefing covers this point on that date.\n")
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
		fmt.Fprintf(&sb, "Place: %s (%s), %.1f km\n", p.Name, p.Kind, p.DistanceKM)
	}
	_, err := io.WriteString(w, sb.String())
	return err
}
