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

// TestImportsPointOneWay checks every non-test Go file against forbidden.
func TestImportsPointOneWay(t *testing.T) {
	checked := 0
	for dir, bad := range forbidden {
		err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
				return err
			}
			f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
			if err != nil {
				return err
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
			return nil
		})
		if err != nil {
			t.Fatal(err)
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
	checked := 0
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name := d.Name(); path != "." && (strings.HasPrefix(name, ".") || name == "testdata") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		checked++
		if n := bytes.Count(b, []byte("\n")); n > maxFileLines {
			t.Errorf("%s has %d lines, more than %d: split it by concern", path, n, maxFileLines)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked < 100 {
		t.Fatalf("checked %d files: the walk missed the packages", checked)
	}
}
