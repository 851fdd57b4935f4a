package main

import (
	"bytes"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

const module = "github.com/briefmap/briefmap/"

// forbidden lists, for each folder of the module (and everything under
// it), the imports its non-test code must not have: the direction of
// imports ARCHITECTURE.md describes. A prefix ending in "/" forbids a
// whole tree.
var forbidden = map[string][]string{
	"data":    {"fyne.io/", module + "geo", module + "scene", module + "slide", module + "app", module + "cli", module + "article", module + "pkgedit"},
	"article": {"fyne.io/", module + "geo", module + "scene", module + "slide", module + "app", module + "cli", module + "pkgedit"},
	"pkgedit": {"fyne.io/", module + "geo", module + "scene", module + "slide", module + "app", module + "cli"},
	"geo":     {"fyne.io/", module + "data", module + "scene", module + "slide", module + "app", module + "cli"},
	"scene":   {"fyne.io/", module + "slide", module + "app", module + "cli"},
	"slide":   {"fyne.io/", module + "app", module + "cli"},
	"cli":     {"fyne.io/", module + "app"},
	"app":     {module + "cli"},
}

// sources returns the non-test Go files under dir (".": the module),
// leaving out hidden folders and testdata.
func sources(t *testing.T, dir string) []string {
	t.Helper()
	var paths []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name := d.Name(); path != dir && (strings.HasPrefix(name, ".") || name == "testdata") {
				return filepath.SkipDir
			}
			return nil
		}
		if strings.HasSuffix(path, ".go") && !strings.HasSuffix(path, "_test.go") {
			paths = append(paths, path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return paths
}

// TestImportsPointOneWay checks every non-test Go file against forbidden.
func TestImportsPointOneWay(t *testing.T) {
	checked := 0
	for dir, bad := range forbidden {
		for _, path := range sources(t, dir) {
			f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
			if err != nil {
				t.Fatal(err)
			}
			checked++
			for _, imp := range f.Imports {
				p, _ := strconv.Unquote(imp.Path.Value)
				for _, b := range bad {
					if p == b || strings.HasPrefix(p, strings.TrimSuffix(b, "/")+"/") {
						t.Errorf("%s imports %s: %s must not depend on it (see ARCHITECTURE.md)", path, p, dir)
					}
				}
			}
		}
	}
	if checked < 50 {
		t.Fatalf("checked %d files: the walk missed the packages", checked)
	}
}

// maxFileLines is the longest a non-test Go file may be (issue 11: a file
// longer than this holds more than one concern; split it by concern).
const maxFileLines = 450

// TestFilesStaySmall checks every non-test Go file of the module against
// maxFileLines.
func TestFilesStaySmall(t *testing.T) {
	paths := sources(t, ".")
	for _, path := range paths {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if n := bytes.Count(b, []byte("\n")); n > maxFileLines {
			t.Errorf("%s has %d lines, more than %d: split it by concern", path, n, maxFileLines)
		}
	}
	if len(paths) < 100 {
		t.Fatalf("checked %d files: the walk missed the packages", len(paths))
	}
}
