package data

import (
	"archive/zip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"regexp"
	"strings"

	"gopkg.in/yaml.v3"
)

// The package's files, in the order they are read and problems are listed.
const (
	fileBriefing    = "briefing.yaml"
	fileSources     = "sources.yaml"
	fileExcerpts    = "excerpts.yaml"
	fileActors      = "actors.yaml"
	fileZones       = "zones.yaml"
	fileGeometry    = "zones.geojson"
	filePlaces      = "places.yaml"
	fileDeployments = "deployments.yaml"
)

// packageFiles lists the package's files in reading order.
var packageFiles = []string{fileBriefing, fileSources, fileExcerpts, fileActors, fileZones, fileGeometry, filePlaces, fileDeployments}

// maxFileSize bounds each file read from a package (a guard against zip bombs).
const maxFileSize = 32 << 20

// idPattern is the syntax of record ids.
var idPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

// Load reads and validates the briefing package in fsys: the files of
// FORMAT.md at its root, or inside its single top-level folder (as in a .zip
// of a folder). It returns a *ValidationError listing every problem when the
// package is bad, and then no Briefing.
func Load(fsys fs.FS) (*Briefing, error) {
	if fsys == nil {
		return nil, errors.New("load briefing: no file system given")
	}
	root, err := packageRoot(fsys)
	if err != nil {
		return nil, err
	}
	l := newLoader()
	for _, name := range packageFiles {
		b, err := readFile(root, name)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			if name != fileDeployments {
				l.ps.add(name, 0, "", "missing required file")
				l.broken[name] = true
			}
			continue
		case err != nil:
			l.ps.add(name, 0, "", "%v", err)
			l.broken[name] = true
			continue
		}
		l.decodeFile(name, b)
	}
	b := l.finish()
	if len(l.ps.list) > 0 {
		return nil, &ValidationError{Problems: sortProblems(l.ps.list)}
	}
	return b, nil
}

// LoadPath loads the briefing package at path: a folder, or a .zip file
// holding the files at its root or inside one top-level folder.
func LoadPath(p string) (*Briefing, error) {
	info, err := os.Stat(p)
	if err != nil {
		return nil, fmt.Errorf("load briefing: %w", err)
	}
	if info.IsDir() {
		return Load(os.DirFS(p))
	}
	if !strings.EqualFold(path.Ext(p), ".zip") {
		return nil, fmt.Errorf("load briefing: %s is neither a folder nor a .zip file", p)
	}
	zr, err := zip.OpenReader(p)
	if err != nil {
		return nil, fmt.Errorf("load briefing: %s: %w", p, err)
	}
	defer zr.Close()
	return Load(zr)
}

// packageRoot returns fsys, or its single top-level folder when fsys has no
// briefing.yaml at its root but that folder does.
func packageRoot(fsys fs.FS) (fs.FS, error) {
	if _, err := fs.Stat(fsys, fileBriefing); err == nil {
		return fsys, nil
	}
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, fmt.Errorf("load briefing: %w", err)
	}
	var dirs []string
	for _, e := range entries {
		if e.IsDir() && !strings.HasPrefix(e.Name(), ".") && e.Name() != "__MACOSX" {
			dirs = append(dirs, e.Name())
		}
	}
	if len(dirs) == 1 {
		if _, err := fs.Stat(fsys, dirs[0]+"/"+fileBriefing); err == nil {
			return fs.Sub(fsys, dirs[0])
		}
	}
	return fsys, nil
}

// readFile reads name from fsys, refusing files larger than maxFileSize.
func readFile(fsys fs.FS, name string) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, maxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("read: %w", err)
	}
	if len(b) > maxFileSize {
		return nil, fmt.Errorf("file is larger than %d MiB", maxFileSize>>20)
	}
	return b, nil
}

// decodeFile decodes one package file into the loader.
func (l *loader) decodeFile(name string, b []byte) {
	if name == fileGeometry {
		l.decodeGeometry(b)
		return
	}
	f := &yamlFile{name: name, ps: &l.ps}
	var doc yaml.Node
	if err := yaml.Unmarshal(b, &doc); err != nil {
		line, msg := yamlErrorLine(err)
		l.ps.add(name, line, "", "malformed YAML: %s", msg)
		l.broken[name] = true
		return
	}
	if len(doc.Content) == 0 {
		l.ps.add(name, 0, "", "file is empty")
		l.broken[name] = true
		return
	}
	root := doc.Content[0]
	switch name {
	case fileBriefing:
		l.decodeBriefing(f, root)
	case fileSources:
		for _, n := range l.records(f, root, "sources") {
			l.decodeSource(f, n)
		}
	case fileExcerpts:
		for _, n := range l.records(f, root, "excerpts") {
			l.decodeExcerpt(f, n)
		}
	case fileActors:
		for _, n := range l.records(f, root, "actors") {
			l.decodeActor(f, n)
		}
	case fileZones:
		for _, n := range l.records(f, root, "zones") {
			l.decodeZone(f, n)
		}
	case filePlaces:
		for _, n := range l.records(f, root, "places") {
			l.decodePlace(f, n)
		}
	case fileDeployments:
		for _, n := range l.records(f, root, "deployments") {
			l.decodeDeployment(f, n)
		}
	}
}

// yamlErrorLine pulls "line N: " out of a yaml.v3 error message.
func yamlErrorLine(err error) (int, string) {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	var line int
	if _, scanErr := fmt.Sscanf(msg, "line %d:", &line); scanErr == nil {
		if i := strings.Index(msg, ": "); i >= 0 {
			msg = msg[i+2:]
		}
	}
	return line, msg
}

// records returns the items of the top-level list key (e.g. "actors:").
func (l *loader) records(f *yamlFile, root *yaml.Node, key string) []*yaml.Node {
	fs := f.mapping(root, "", []string{key})
	if fs == nil {
		l.broken[f.name] = true
		return nil
	}
	items := fs.list(key, true)
	if v := deref(fs.vals[key]); v != nil && v.Kind != yaml.SequenceNode {
		l.broken[f.name] = true
	}
	return items
}
