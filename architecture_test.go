package main

import (
	"go/parser"
	"go/token"
	"io/fs"
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
