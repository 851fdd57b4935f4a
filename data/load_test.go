package data

import (
	"archive/zip"
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/paulmach/orb"

	"github.com/briefmap/briefmap/internal/goldenfile"
)

// packageFS returns the good test package (its sources/ texts included)
// with the files of overlay dir laid over it: a file replaces the good one
// (sources/NAME replaces an article text), and an empty NAME.absent
// removes NAME.
func packageFS(t testing.TB, overlay string) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	var read func(dir, prefix string)
	read = func(dir, prefix string) {
		entries, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			if e.IsDir() {
				read(filepath.Join(dir, e.Name()), prefix+e.Name()+"/")
				continue
			}
			if e.Name() == "want.txt" {
				continue
			}
			if name, ok := strings.CutSuffix(e.Name(), ".absent"); ok {
				delete(m, prefix+name)
				continue
			}
			b, err := os.ReadFile(filepath.Join(dir, e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			m[prefix+e.Name()] = &fstest.MapFile{Data: b}
		}
	}
	read("testdata/good", "")
	if overlay != "" {
		read(overlay, "")
	}
	return m
}

// anchor recomputes the anchors and hashes of the package m from its
// sources/ texts (as tools/anchors does), for tests that edit excerpts.
func anchor(t testing.TB, m fstest.MapFS) {
	t.Helper()
	src, exc, problems := UpdateAnchors(m["sources.yaml"].Data, m["excerpts.yaml"].Data, func(file string) (string, error) {
		b, err := fs.ReadFile(m, "sources/"+file)
		return string(b), err
	})
	for _, p := range problems {
		t.Errorf("anchors: %s", p)
	}
	if len(problems) > 0 {
		t.FailNow()
	}
	m["sources.yaml"], m["excerpts.yaml"] = &fstest.MapFile{Data: src}, &fstest.MapFile{Data: exc}
}

func TestLoadGood(t *testing.T) {
	b, err := Load(packageFS(t, ""))
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	checks := []struct {
		name      string
		got, want any
	}{
		{"id", b.ID, "mini"},
		{"default date", b.DefaultDate, MustDate("2020-01-19")},
		{"bbox", b.BBox.Max[0], 26.0},
		{"sources", len(b.Sources), 2},
		{"excerpts", len(b.Excerpts), 5},
		{"actors", len(b.Actors), 6},
		{"zones", len(b.Zones), 3},
		{"places", len(b.Places), 4},
		{"deployments", len(b.Deployments), 1},
		{"sides", len(b.Sides), 2},
		{"snapshots", len(b.Snapshots), 2},
		{"east geometry polygons", len(b.Zones[0].Geometry), 2},
		{"east hole", len(b.Zones[0].Geometry[0]), 2},
		{"deployment area", len(b.Deployments[0].Area), 1},
		{"deployment point", *b.Deployments[0].Point, orb.Point{15.9, 29.2}},
		{"sirte importance default", b.Places[2].Importance, 3},
		{"status valid to", b.Places[1].Statuses[0].Valid.To, MustDate("2020-09-18")},
		{"status sourced", b.Places[1].Statuses[0].Sourced["status"][0], "econ-ports"},
		{"haftar leads", b.Actors[0].Leads, "lna"},
		{"contested", b.Zones[2].Contested(), true},
		{"source url", b.Sources[1].URL, "https://www.nytimes.com/"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s: got %v, want %v", c.name, c.got, c.want)
		}
	}
}

// TestLoadBad loads each package of testdata/bad/ (an overlay on the good
// one) and compares every problem reported with its want.txt.
func TestLoadBad(t *testing.T) {
	dirs, err := filepath.Glob("testdata/bad/*")
	if err != nil {
		t.Fatal(err)
	}
	if len(dirs) < 18 {
		t.Fatalf("found %d bad packages, want one per class of error (18)", len(dirs))
	}
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			b, err := Load(packageFS(t, dir))
			if b != nil {
				t.Errorf("Load returned a Briefing for a bad package")
			}
			var ve *ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("Load error = %v, want a *ValidationError", err)
			}
			got := err.Error() + "\n"
			wantFile := filepath.Join(dir, "want.txt")
			goldenfile.Check(t, wantFile, []byte(got))
			for _, p := range ve.Problems {
				if p.File == "" || p.Message == "" {
					t.Errorf("problem without file or message: %+v", p)
				}
			}
		})
	}
}

// zipOf zips the files of m, under prefix (e.g. "mini/" or "").
func zipOf(t testing.TB, m fstest.MapFS, prefix string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range sortedKeys(m) {
		w, err := zw.Create(prefix + name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(m[name].Data); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func sortedKeys(m fstest.MapFS) []string {
	var keys []string
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func TestLoadPathZip(t *testing.T) {
	good := packageFS(t, "")
	tmp := t.TempDir()
	cases := []struct {
		name, prefix, ext string
		files             fstest.MapFS
		wantErr           string
	}{
		{"root", "", ".zip", good, ""},
		{"top folder", "mini/", ".zip", good, ""},
		{"briefmap", "mini/", ".briefmap", good, ""},
		{"upper case", "", ".BRIEFMAP", good, ""},
		{"bad", "mini/", ".zip", packageFS(t, "testdata/bad/unknown-key"), "zones.yaml:13: controler: unknown key"},
		{"bad briefmap", "", ".briefmap", packageFS(t, "testdata/bad/unknown-key"), "zones.yaml:13: controler: unknown key"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := filepath.Join(tmp, strings.ReplaceAll(c.name, " ", "-")+c.ext)
			if err := os.WriteFile(p, zipOf(t, c.files, c.prefix), 0o644); err != nil {
				t.Fatal(err)
			}
			b, err := LoadPath(p)
			if c.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), c.wantErr) {
					t.Fatalf("LoadPath error = %v, want one containing %q", err, c.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("LoadPath: %v", err)
			}
			if b.ID != "mini" || len(b.Zones) != 3 {
				t.Errorf("loaded %q with %d zones", b.ID, len(b.Zones))
			}
		})
	}
}

func TestLoadPathErrors(t *testing.T) {
	tmp := t.TempDir()
	notZip := filepath.Join(tmp, "notes.txt")
	if err := os.WriteFile(notZip, []byte("hello"), 0o644); err != nil {
		t.Fatal(err)
	}
	badZip := filepath.Join(tmp, "broken.zip")
	if err := os.WriteFile(badZip, []byte("not a zip"), 0o644); err != nil {
		t.Fatal(err)
	}
	cases := []struct{ path, want string }{
		{filepath.Join(tmp, "nope"), "no such file or directory"},
		{notZip, "is neither a folder nor a .zip or .briefmap file"},
		{badZip, "not a valid zip file"},
		{tmp, "briefing.yaml: missing required file"},
	}
	for _, c := range cases {
		_, err := LoadPath(c.path)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("LoadPath(%s) = %v, want an error containing %q", c.path, err, c.want)
		}
	}
	if b, err := LoadPath("testdata/good"); err != nil || b.ID != "mini" {
		t.Errorf("LoadPath(testdata/good) = %v, %v", b, err)
	}
}

func TestLoadNil(t *testing.T) {
	if _, err := Load(nil); err == nil {
		t.Error("Load(nil) succeeded")
	}
}

func TestLoadTime(t *testing.T) {
	m := packageFS(t, "")
	start := time.Now()
	for range 10 {
		if _, err := Load(m); err != nil {
			t.Fatal(err)
		}
	}
	if per := time.Since(start) / 10; per > 20*time.Millisecond {
		t.Errorf("Load of the test package took %v, want well under 20ms", per)
	}
}

// FuzzLoad loads packages whose files are the fuzzer's bytes; it must never
// panic, and must return either a Briefing or an error; a Briefing that
// Encode writes must load back as the same.
func FuzzLoad(f *testing.F) {
	good := packageFS(f, "")
	f.Add(good["zones.yaml"].Data, good["zones.geojson"].Data, good["actors.yaml"].Data, good["places.yaml"].Data)
	for _, dir := range []string{"malformed-geojson", "bad-ring", "unknown-ref", "bad-date", "outside-bbox", "overlap"} {
		m := packageFS(f, "testdata/bad/"+dir)
		f.Add(m["zones.yaml"].Data, m["zones.geojson"].Data, m["actors.yaml"].Data, m["places.yaml"].Data)
	}
	f.Fuzz(func(t *testing.T, zones, geometry, actors, places []byte) {
		m := fstest.MapFS{}
		for k, v := range good {
			m[k] = v
		}
		m["zones.yaml"] = &fstest.MapFile{Data: zones}
		m["zones.geojson"] = &fstest.MapFile{Data: geometry}
		m["actors.yaml"] = &fstest.MapFile{Data: actors}
		m["places.yaml"] = &fstest.MapFile{Data: places}
		b, err := Load(m)
		if (b == nil) == (err == nil) {
			t.Fatalf("Load returned briefing %v and error %v", b != nil, err)
		}
		if b != nil {
			// Queries on whatever loaded must not panic either.
			for _, z := range b.Zones {
				b.ZonesAt(z.Geometry.Bound().Center(), b.DefaultDate)
				b.ExcerptsFor(z.ID)
			}
			b.Lint()
			// What loads, Encode writes back: Load reads it as the same
			// briefing.
			readBack(t, b, m)
		}
		var ve *ValidationError
		if err != nil && errors.As(err, &ve) {
			if len(ve.Problems) == 0 {
				t.Fatal("ValidationError without problems")
			}
			for _, p := range ve.Problems {
				if strings.ContainsAny(p.String(), "\r\n") {
					t.Fatalf("problem spans lines: %q", p)
				}
			}
		}
	})
}
