package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

func TestUsage(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want int
	}{
		{"nothing", nil, 2},
		{"no output folder", []string{"-geojson", "x.geojson"}, 2},
		{"bad size", []string{"-geojson", "x.geojson", "-out", "d", "-size", "big"}, 2},
		{"an argument", []string{"-geojson", "x.geojson", "-out", "d", "extra"}, 2},
		{"help", []string{"-h"}, 0},
		{"missing features", []string{"-geojson", filepath.Join(t.TempDir(), "none.geojson"), "-out", t.TempDir()}, 1},
	}
	for _, tc := range tests {
		var stderr bytes.Buffer
		if got := run(tc.args, &stderr); got != tc.want {
			t.Errorf("%s: exit %d, want %d (%s)", tc.name, got, tc.want, stderr.String())
		}
	}
}

// The folder holds a style over the features and the basemap, the basemap
// and labels as GeoJSON, and the view's box in Web Mercator metres.
func TestWrite(t *testing.T) {
	if err := os.Chdir("../.."); err != nil { // the style names assets/fonts from the root
		t.Fatal(err)
	}
	dir := t.TempDir()
	features := filepath.Join(dir, "libya.geojson")
	if err := os.WriteFile(features, []byte(`{"type":"FeatureCollection","features":[]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	if code := run([]string{"-geojson", features, "-out", dir, "-size", "960x540"}, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	style, err := os.ReadFile(filepath.Join(dir, "style.xml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{features, filepath.Join(dir, "basemap.geojson"), filepath.Join(dir, "labels.geojson"), "assets/fonts", "<Map srs="} {
		if !strings.Contains(string(style), want) {
			t.Errorf("style.xml lacks %q", want)
		}
	}
	for _, name := range []string{"basemap.geojson", "labels.geojson"} {
		var fc struct {
			Type     string            `json:"type"`
			Features []json.RawMessage `json:"features"`
		}
		raw, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(raw, &fc); err != nil || fc.Type != "FeatureCollection" || len(fc.Features) < 3 {
			t.Errorf("%s: %v, type %q, %d features", name, err, fc.Type, len(fc.Features))
		}
	}
	box, err := os.ReadFile(filepath.Join(dir, "box.txt"))
	if err != nil {
		t.Fatal(err)
	}
	f := strings.Fields(string(box))
	if len(f) != 6 || f[0] != "960" || f[1] != "540" {
		t.Fatalf("box.txt %q: want 960 540 and four coordinates", box)
	}
	var v [4]float64
	for i := range v {
		if v[i], err = strconv.ParseFloat(f[2+i], 64); err != nil {
			t.Fatal(err)
		}
	}
	// Libya lies between about 9°E and 25°E, 19°N and 34°N: in metres,
	// 1.0e6 to 2.8e6 east, 2.1e6 to 4.0e6 north; the view holds it.
	if !(v[0] < 1.0e6 && v[2] > 2.8e6 && v[1] < 2.2e6 && v[3] > 4.0e6 && v[2]-v[0] > 1.5*(v[3]-v[1])) {
		t.Errorf("box %v does not frame Libya at 16:9", v)
	}
}
