// Package goldenfile compares what a test produces with a golden file
// committed under testdata/, and rewrites the file instead when the test
// binary runs with -update (go test ./PKG -update), so that every package's
// golden tests share one flag and one way to report a difference.
//
// It is for tests only: it registers the -update flag of any test binary
// that imports it.
package goldenfile

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/ from what the tests produce")

// Update reports whether the test binary runs with -update: golden files
// are to be rewritten, not compared. It assumes flag.Parse has run (the
// testing package does it before any test).
func Update() bool { return *update }

// Check compares got with the file at path and fails t, naming the file
// and the first line that differs, when they are not the same bytes. With
// -update it first writes got to path (making its folder), so the
// comparison passes and the change shows in git.
func Check(t testing.TB, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test -update writes it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (go test -update rewrites it if the change is wanted):\n%s", path, FirstDiff(string(got), string(want)))
	}
}

// FirstDiff returns the first line where got and want differ, numbered
// from 1 with both versions, or "" when they are equal line by line.
func FirstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return "line " + strconv.Itoa(i+1) + ":\n got: " + gl + "\nwant: " + wl
		}
	}
	return ""
}
