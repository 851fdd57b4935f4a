package pkgedit

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fixture is the made-up package of the tests: two invented articles with
// hand-picked excerpts.
const fixture = "testdata/vostria"

// copyFixture copies the fixture package into a new temporary folder.
func copyFixture(t testing.TB) string {
	t.Helper()
	return copyPackage(t, os.DirFS(fixture), "pkg")
}

// copyPackage copies the package in fsys into the folder name of a new
// temporary folder, and returns that folder's path; it fails the test when
// CopyTo does.
func copyPackage(t testing.TB, fsys fs.FS, name string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), name)
	if err := CopyTo(fsys, dir); err != nil {
		t.Fatal(err)
	}
	return dir
}

// mustOpen opens the package in dir for editing, failing the test on any
// problem.
func mustOpen(t testing.TB, dir string) *Package {
	t.Helper()
	p, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// removedLines returns the lines a diff removes.
func removedLines(diff string) []string {
	var out []string
	for _, l := range strings.Split(diff, "\n") {
		if strings.HasPrefix(l, "- ") {
			out = append(out, l)
		}
	}
	return out
}
