package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBriefingFlag runs every subcommand that reads a briefing on the
// small test package through --briefing, and on a missing one.
func TestBriefingFlag(t *testing.T) {
	png := filepath.Join(t.TempDir(), "map.png")
	cases := []struct {
		name string
		args []string
		want string // in stdout
	}{
		{"info", []string{"info", "--briefing", good, "31.2,16.6"}, "Place: Sirte (city)"},
		{"geojson", []string{"geojson", "--briefing", good}, `"briefing":"mini"`},
		{"quotes", []string{"quotes", "--briefing", good, "--about", "russia"}, "General Hifter is backed by Russia"},
		{"match", []string{"match", "--briefing", good, "Surt"}, "place sirte"},
		{"check", []string{"check", "--briefing", good}, "mini: OK"},
		{"render", []string{"render", "--briefing", good, "-o", png, "--size", "64x48"}, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, out, errs := run(c.args...)
			if code != ExitOK || !strings.Contains(out, c.want) {
				t.Errorf("exit %d, stdout %q, stderr %q; want %q", code, out, errs, c.want)
			}
			missing := append([]string{c.args[0], "--briefing", filepath.Join(t.TempDir(), "none")}, c.args[3:]...)
			if code, _, errs := run(missing...); code != ExitInput || !strings.Contains(errs, "no such file or directory") {
				t.Errorf("%v: exit %d, stderr %q; want exit 1 naming the missing package", missing, code, errs)
			}
		})
	}
	if info, err := os.Stat(png); err != nil || info.Size() == 0 {
		t.Errorf("render --briefing wrote nothing: %v", err)
	}
}

// TestGeoJSONEvents checks the event layer on the test package.
func TestGeoJSONEvents(t *testing.T) {
	code, out, errs := run("geojson", "--briefing", good, "--date", "2020-01-18")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var fc struct {
		Features []struct {
			Geometry struct {
				Type        string          `json:"type"`
				Coordinates json.RawMessage `json:"coordinates"`
			} `json:"geometry"`
			Properties map[string]any `json:"properties"`
		} `json:"features"`
	}
	if err := json.Unmarshal([]byte(out), &fc); err != nil {
		t.Fatal(err)
	}
	var events []string
	for _, f := range fc.Features {
		p := f.Properties
		if p["layer"] != "event" {
			continue
		}
		events = append(events, p["id"].(string)+" "+p["valid_from"].(string)+"–"+p["valid_to"].(string)+" until "+p["shown_until"].(string))
		var pt []float64
		if f.Geometry.Type != "Point" || json.Unmarshal(f.Geometry.Coordinates, &pt) != nil || len(pt) != 2 {
			t.Errorf("event %v: geometry %+v", p["id"], f.Geometry)
		}
	}
	want := "e-sirte-taken 2020-01-06–2020-01-06 until 2020-03-06; e-blockade 2020-01-17–2020-01-18 until 2020-02-17"
	if got := strings.Join(events, "; "); got != want {
		t.Errorf("events = %s, want %s", got, want)
	}
}
