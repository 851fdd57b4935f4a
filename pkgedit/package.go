// Package pkgedit edits a briefing package folder in place: it imports an
// article (its text into sources/, its record into sources.yaml), adds,
// trims and removes excerpts, and attaches excerpts to the fields of
// records they back. Every change is validated by loading the package as it
// would be (data.LoadWith, article check included) before anything is
// written; it is then written at once, each changed file atomically
// (internal/atomicfile), files that did not change are not rewritten, and
// the YAML keeps its comments, order and layout (internal/yamledit). Each
// change can be undone. Review is an import session over the proposals of
// package article, with its own undo.
//
// It also copies a package (from a folder, a .zip or the embedded one) to
// a new folder, and writes it as a deterministic .briefmap file.
//
// A Package is not safe for concurrent use; the app calls it from the UI
// thread.
package pkgedit

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	"github.com/briefmap/briefmap/data"
)

// Package is a briefing package folder open for editing.
type Package struct {
	dir  string
	undo []*Change
	seq  int
}

// Change is one edit of a package: the files it wrote, with their contents
// before and after.
type Change struct {
	Label string // what it did, e.g. "accept excerpt nyt-hifter-refused"
	id    int
	files []fileChange
}

// fileChange is one file a change wrote: its path in the package ("/"
// separated), and its bytes before and after (nil: the file did not
// exist, or was removed).
type fileChange struct {
	name          string
	before, after []byte
}

// ErrNotWritable wraps the reason a package cannot be edited in place.
var ErrNotWritable = errors.New("cannot be edited in place")

// Writable returns nil when the package at path is a folder Briefmap can
// write to, else an error wrapping ErrNotWritable that says why: the
// embedded briefing (path ""), a .zip or .briefmap file, or a folder that
// is read-only.
func Writable(p string) error {
	if p == "" {
		return fmt.Errorf("the embedded briefing %w", ErrNotWritable)
	}
	info, err := os.Stat(p)
	switch {
	case err != nil:
		return fmt.Errorf("%s: %w", p, err)
	case !info.IsDir():
		return fmt.Errorf("%s is a packed file and %w: save a copy as a folder first", filepath.Base(p), ErrNotWritable)
	}
	probe, err := os.CreateTemp(p, ".briefmap-write-test-*")
	if err != nil {
		return fmt.Errorf("the folder %s is read-only and %w", p, ErrNotWritable)
	}
	probe.Close()
	os.Remove(probe.Name())
	if src := filepath.Join(p, data.SourcesFolder); isDir(src) {
		probe, err := os.CreateTemp(src, ".briefmap-write-test-*")
		if err != nil {
			return fmt.Errorf("the folder %s is read-only and %w", src, ErrNotWritable)
		}
		probe.Close()
		os.Remove(probe.Name())
	}
	return nil
}

func isDir(p string) bool {
	info, err := os.Stat(p)
	return err == nil && info.IsDir()
}

// Open opens the package folder dir for editing. It refuses what Writable
// refuses, and a folder without briefing.yaml.
func Open(dir string) (*Package, error) {
	if err := Writable(dir); err != nil {
		return nil, err
	}
	if _, err := os.Stat(filepath.Join(dir, "briefing.yaml")); err != nil {
		return nil, fmt.Errorf("%s is not a briefing package folder (it has no briefing.yaml)", dir)
	}
	return &Package{dir: dir}, nil
}

// Dir returns the package's folder.
func (p *Package) Dir() string { return p.dir }

// Load loads and validates the package as it is on disk.
func (p *Package) Load() (*data.Briefing, error) { return data.LoadPath(p.dir) }

// read returns a package file's bytes; nil and no error when it does not
// exist.
func (p *Package) read(name string) ([]byte, error) {
	b, err := os.ReadFile(filepath.Join(p.dir, filepath.FromSlash(name)))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	return b, err
}

// edit is a change being built: new contents by file name.
type edit struct {
	p     *Package
	label string
	files map[string][]byte // nil value: remove the file
	order []string
}

func (p *Package) begin(label string) *edit {
	return &edit{p: p, label: label, files: map[string][]byte{}}
}

// get returns a file's contents as the edit has them so far.
func (e *edit) get(name string) ([]byte, error) {
	if b, ok := e.files[name]; ok {
		return b, nil
	}
	return e.p.read(name)
}

// put sets a file's new contents (nil removes it).
func (e *edit) put(name string, b []byte) {
	if _, ok := e.files[name]; !ok {
		e.order = append(e.order, name)
	}
	e.files[name] = b
}

// commit validates the package as the edit leaves it and, when it is
// valid, writes the files that changed and records the change for Undo.
// A package that would be invalid is not written: the error lists its
// problems.
func (e *edit) commit() (*Change, error) {
	c := &Change{Label: e.label}
	for _, name := range e.order {
		before, err := e.p.read(name)
		if err != nil {
			return nil, err
		}
		if bytes.Equal(before, e.files[name]) && (before == nil) == (e.files[name] == nil) {
			continue // unchanged: not rewritten
		}
		c.files = append(c.files, fileChange{name: name, before: before, after: e.files[name]})
	}
	if len(c.files) == 0 {
		return c, nil
	}
	if _, err := data.Load(overlay(e.p.dir, c.files, true)); err != nil {
		return nil, fmt.Errorf("%s would leave the package invalid, so nothing was written: %w", e.label, err)
	}
	if err := e.p.write(c.files, true); err != nil {
		return nil, err
	}
	e.p.seq++
	c.id = e.p.seq
	e.p.undo = append(e.p.undo, c)
	return c, nil
}

// write writes each file's after (forward) or before contents, atomically
// file by file; when one fails it puts back those already written.
func (p *Package) write(files []fileChange, forward bool) error {
	pick := func(f fileChange) (want, back []byte) {
		if forward {
			return f.after, f.before
		}
		return f.before, f.after
	}
	for i, f := range files {
		want, _ := pick(f)
		if err := p.writeFile(f.name, want); err != nil {
			for _, g := range files[:i] {
				_, back := pick(g)
				p.writeFile(g.name, back)
			}
			return err
		}
	}
	return nil
}

// writeFile writes (or, for nil, removes) one package file.
func (p *Package) writeFile(name string, b []byte) error {
	full := filepath.Join(p.dir, filepath.FromSlash(name))
	if b == nil {
		if err := os.Remove(full); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("cannot remove %s: %w", name, err)
		}
		if dir := filepath.Dir(full); dir != p.dir {
			os.Remove(dir) // a folder the change made, now empty; fails otherwise
		}
		return nil
	}
	return writeFileAll(full, name, b)
}

// CanUndo reports whether there is a change to undo, and what it did.
func (p *Package) CanUndo() (string, bool) {
	if len(p.undo) == 0 {
		return "", false
	}
	return p.undo[len(p.undo)-1].Label, true
}

// Undo undoes the last change: it puts back the files as they were
// before it. It refuses, dropping the change, when a file it wrote has
// been changed since (by another program: undoing would lose that edit),
// and when the package would then be invalid.
func (p *Package) Undo() (*Change, error) {
	if len(p.undo) == 0 {
		return nil, errors.New("nothing to undo")
	}
	c := p.undo[len(p.undo)-1]
	p.undo = p.undo[:len(p.undo)-1]
	for _, f := range c.files {
		now, err := p.read(f.name)
		if err != nil {
			return nil, err
		}
		if !bytes.Equal(now, f.after) || (now == nil) != (f.after == nil) {
			return nil, fmt.Errorf("cannot undo %s: %s has changed since, outside this change", c.Label, f.name)
		}
	}
	if _, err := data.Load(overlay(p.dir, c.files, false)); err != nil {
		return nil, fmt.Errorf("cannot undo %s: the package would be invalid: %w", c.Label, err)
	}
	if err := p.write(c.files, false); err != nil {
		return nil, err
	}
	return c, nil
}

// top returns the id of the last change (0 if none), for Review's steps.
func (p *Package) top() int {
	if len(p.undo) == 0 {
		return 0
	}
	return p.undo[len(p.undo)-1].id
}

// overlayFS is the package folder with some files replaced.
type overlayFS struct {
	base  fs.FS
	files map[string][]byte // nil: removed
}

// overlay returns the folder dir as the files would leave it: their after
// (forward) or before contents.
func overlay(dir string, files []fileChange, forward bool) fs.FS {
	o := overlayFS{base: os.DirFS(dir), files: map[string][]byte{}}
	for _, f := range files {
		if forward {
			o.files[f.name] = f.after
		} else {
			o.files[f.name] = f.before
		}
	}
	return o
}

func (o overlayFS) Open(name string) (fs.File, error) {
	if b, ok := o.files[name]; ok {
		if b == nil {
			return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
		}
		return &memFile{name: path.Base(name), r: bytes.NewReader(b), size: int64(len(b))}, nil
	}
	return o.base.Open(name)
}

// memFile is a file of overlayFS held in memory.
type memFile struct {
	name string
	r    *bytes.Reader
	size int64
}

func (f *memFile) Read(b []byte) (int, error) { return f.r.Read(b) }
func (f *memFile) Close() error               { return nil }
func (f *memFile) Stat() (fs.FileInfo, error) { return memInfo{f.name, f.size}, nil }

type memInfo struct {
	name string
	size int64
}

func (i memInfo) Name() string       { return i.name }
func (i memInfo) Size() int64        { return i.size }
func (i memInfo) Mode() fs.FileMode  { return 0o644 }
func (i memInfo) ModTime() time.Time { return time.Time{} }
func (i memInfo) IsDir() bool        { return false }
func (i memInfo) Sys() any           { return nil }

// oneLine returns err's message on one line.
func oneLine(err error) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(err.Error(), "\n", " ; ")), " ")
}
