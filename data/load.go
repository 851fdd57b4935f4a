package data

import (
	"archive/zip"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"regexp"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/briefmap/briefmap/internal/yamledit"
)

// idPattern is the syntax of record ids.
var idPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

// Load reads and validates the briefing package in fsys: the files of
// FORMAT.md at its root, or inside its single top-level folder (as in a .zip
// of a folder). It returns a *ValidationError listing every problem when the
// package is bad, and then no Briefing. Excerpts are checked against the
// article texts of the package's own sources/ folder, where present.
func Load(fsys fs.FS) (*Briefing, error) { return LoadWith(fsys, LoadOptions{}) }

// LoadOptions are the options of LoadWith.
type LoadOptions struct {
	// Sources, when not nil, holds article texts by the file names of
	// sources.yaml; a text found there is used instead of the package's
	// own sources/ copy.
	Sources fs.FS
	// SourcesName is how messages name the Sources folder (e.g. the
	// --sources argument); "" names its files alone.
	SourcesName string
}

// LoadWith is Load with options: article texts from elsewhere.
func LoadWith(fsys fs.FS, opts LoadOptions) (*Briefing, error) {
	if fsys == nil {
		return nil, errors.New("load briefing: no file system given")
	}
	root, err := packageRoot(fsys)
	if err != nil {
		return nil, err
	}
	l := newLoader()
	l.root, l.opts = root, opts
	// Every file is parsed on its own goroutine; each is decoded, in
	// order, as soon as it and the files before it are parsed (the small
	// YAML files while the large geometry is still being read).
	files := make([]parsedFile, len(packageFiles))
	for i, name := range packageFiles {
		pf := &files[i]
		pf.name = name
		pf.done = make(chan struct{})
		pf.data, pf.readErr = readFile(root, name)
		if pf.readErr != nil {
			close(pf.done)
			continue
		}
		go func() {
			defer close(pf.done)
			pf.parse()
		}()
	}
	for i := range files {
		pf := &files[i]
		<-pf.done
		switch {
		case errors.Is(pf.readErr, fs.ErrNotExist):
			if !slices.Contains(optionalFiles, pf.name) {
				l.ps.add(pf.name, 0, "", "missing required file")
				l.broken[pf.name] = true
			}
			continue
		case pf.readErr != nil:
			l.ps.add(pf.name, 0, "", "%v", pf.readErr)
			l.broken[pf.name] = true
			continue
		}
		l.decodeFile(pf)
	}
	b := l.finish()
	if len(l.ps.list) > 0 {
		return nil, &ValidationError{Problems: sortProblems(l.ps.list)}
	}
	return b, nil
}

// LoadPath loads the briefing package at path: a folder, or a .zip or
// .briefmap file (a zipped package) holding the files at its root or inside
// one top-level folder.
func LoadPath(p string) (*Briefing, error) { return LoadPathWith(p, LoadOptions{}) }

// LoadPathWith is LoadPath with options (see LoadWith).
func LoadPathWith(p string, opts LoadOptions) (*Briefing, error) {
	info, err := os.Stat(p)
	if err != nil {
		return nil, fmt.Errorf("load briefing: %w", err)
	}
	if info.IsDir() {
		return LoadWith(os.DirFS(p), opts)
	}
	if ext := path.Ext(p); !strings.EqualFold(ext, ".zip") && !strings.EqualFold(ext, ".briefmap") {
		return nil, fmt.Errorf("load briefing: %s is neither a folder nor a .zip or .briefmap file", p)
	}
	zr, err := zip.OpenReader(p)
	if err != nil {
		return nil, fmt.Errorf("load briefing: %s: %w", p, err)
	}
	defer zr.Close()
	return LoadWith(zr, opts)
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

// parsedFile is one package file, read and parsed (the files are parsed
// in parallel, then decoded in order).
type parsedFile struct {
	name     string
	data     []byte
	readErr  error
	doc      yaml.Node
	yamlErr  error
	geometry *loader       // zones.geojson: a loader holding only its features and problems
	done     chan struct{} // closed once parsed (or not to be parsed)
}

// parse parses the file's YAML, or decodes its GeoJSON into a loader of its
// own; it touches nothing shared.
func (pf *parsedFile) parse() {
	if pf.name == fileGeometry {
		pf.geometry = newLoader()
		pf.geometry.decodeGeometry(pf.data)
		return
	}
	pf.yamlErr = yaml.Unmarshal(pf.data, &pf.doc)
}

// decodeFile decodes one parsed package file into the loader.
func (l *loader) decodeFile(pf *parsedFile) {
	name := pf.name
	if g := pf.geometry; g != nil {
		l.ps.list = append(l.ps.list, g.ps.list...)
		l.features, l.featOrder, l.geometryRead = g.features, g.featOrder, g.geometryRead
		return
	}
	f := &yamlFile{name: name, ps: &l.ps}
	if err := pf.yamlErr; err != nil {
		line, msg := yamlErrorLine(err)
		l.ps.add(name, line, "", "malformed YAML: %s", msg)
		l.broken[name] = true
		return
	}
	doc := &pf.doc
	if len(doc.Content) == 0 {
		l.ps.add(name, 0, "", "file is empty")
		l.broken[name] = true
		return
	}
	root := doc.Content[0]
	if name == fileBriefing {
		l.decodeBriefing(f, root)
		return
	}
	if decode := recordDecoders()[name]; decode != nil {
		for _, n := range l.records(f, root, strings.TrimSuffix(name, ".yaml")) {
			decode(l, f, n)
		}
	}
}

// recordDecoders returns, for each file of records, the method that decodes
// one of its records. A file's records are the list under its name without
// ".yaml" (actors.yaml holds "actors:").
func recordDecoders() map[string]func(*loader, *yamlFile, *yaml.Node) {
	return map[string]func(*loader, *yamlFile, *yaml.Node){
		fileSources: (*loader).decodeSource, fileExcerpts: (*loader).decodeExcerpt,
		fileActors: (*loader).decodeActor, fileZones: (*loader).decodeZone,
		filePlaces: (*loader).decodePlace, fileDeployments: (*loader).decodeDeployment,
		fileEvents: (*loader).decodeEvent,
	}
}

// yamlErrorLine pulls "line N: " out of a yaml.v3 error message.
func yamlErrorLine(err error) (int, string) { return yamledit.ErrorLine(err) }

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
