package pkgedit

import (
	"archive/zip"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/briefmap/briefmap/data"
	"github.com/briefmap/briefmap/internal/atomicfile"
)

// zipTime is the modification time of every entry of a .briefmap file, so
// that the same package gives the same bytes.
var zipTime = time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)

// packageExts are the extensions of the files at a package's root that
// belong to it: the records and geometry, and notes (README.md).
var packageExts = []string{".yaml", ".yml", ".geojson", ".json", ".md", ".txt"}

// Files returns the names of the files of the package in fsys (at its root
// or in its single top folder, as data.Load finds it), sorted: the
// regular files at the root with a package extension, and with sources
// true the files of sources/. Hidden files are left out. It returns the
// package's root too.
func Files(fsys fs.FS, sources bool) (fs.FS, []string, error) {
	root, err := packageRoot(fsys)
	if err != nil {
		return nil, nil, err
	}
	var names []string
	entries, err := fs.ReadDir(root, ".")
	if err != nil {
		return nil, nil, err
	}
	for _, e := range entries {
		n := e.Name()
		if e.Type().IsRegular() && !strings.HasPrefix(n, ".") && slices.Contains(packageExts, strings.ToLower(path.Ext(n))) {
			names = append(names, n)
		}
	}
	if sources {
		texts, err := fs.ReadDir(root, data.SourcesFolder)
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, nil, err
		}
		for _, e := range texts {
			if e.Type().IsRegular() && !strings.HasPrefix(e.Name(), ".") {
				names = append(names, data.SourcesFolder+"/"+e.Name())
			}
		}
	}
	slices.Sort(names)
	return root, names, nil
}

// packageRoot returns fsys, or its single top folder holding briefing.yaml.
func packageRoot(fsys fs.FS) (fs.FS, error) {
	if _, err := fs.Stat(fsys, "briefing.yaml"); err == nil {
		return fsys, nil
	}
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, err
	}
	for _, e := range entries {
		if e.IsDir() && !strings.HasPrefix(e.Name(), ".") {
			if _, err := fs.Stat(fsys, e.Name()+"/briefing.yaml"); err == nil {
				return fs.Sub(fsys, e.Name())
			}
		}
	}
	return nil, errors.New("no briefing.yaml found: not a briefing package")
}

// CopyTo copies the package in fsys (a folder, a zip or the embedded one),
// article texts included, into folder dir, which must not exist or be
// empty.
func CopyTo(fsys fs.FS, dir string) error {
	root, names, err := Files(fsys, true)
	if err != nil {
		return err
	}
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return fmt.Errorf("%s is not empty: choose a new or empty folder for the copy", dir)
	}
	for _, n := range names {
		b, err := fs.ReadFile(root, n)
		if err != nil {
			return err
		}
		full := filepath.Join(dir, filepath.FromSlash(n))
		if err := writeFileAll(full, full, b); err != nil {
			return err
		}
	}
	return nil
}

// writeFileAll writes b to the file full, atomically (atomicfile.Write),
// making its folder and the missing folders above it first. It returns
// nil, atomicfile.Write's error, or the folders' error as "cannot write
// NAME: …", with name as the caller calls the file.
func writeFileAll(full, name string, b []byte) error {
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		return fmt.Errorf("cannot write %s: %w", name, err)
	}
	return atomicfile.Write(full, func(w io.Writer) error { _, err := w.Write(b); return err })
}

// WriteBriefmap writes the package in fsys as a .briefmap file (a zip of
// its files at the root) at path, atomically and deterministically: the
// entries sorted by name, each with the same time and no extra data, so
// the same package gives the same bytes. With sources false the article
// texts (sources/) are left out, for sharing: the excerpts keep their
// anchors, and check says which it could not verify.
func WriteBriefmap(fsys fs.FS, dest string, sources bool) error {
	root, names, err := Files(fsys, sources)
	if err != nil {
		return err
	}
	return atomicfile.Write(dest, func(w io.Writer) error {
		zw := zip.NewWriter(w)
		for _, n := range names {
			b, err := fs.ReadFile(root, n)
			if err != nil {
				return err
			}
			h := &zip.FileHeader{Name: n, Method: zip.Deflate, Modified: zipTime}
			h.SetMode(0o644)
			f, err := zw.CreateHeader(h)
			if err != nil {
				return err
			}
			if _, err := f.Write(b); err != nil {
				return err
			}
		}
		return zw.Close()
	})
}

// Fingerprint returns a hash of the package folder dir's files (those
// Files lists, article texts included): two equal fingerprints mean the
// package did not change.
func Fingerprint(dir string) (string, error) {
	root, names, err := Files(os.DirFS(dir), true)
	if err != nil {
		return "", err
	}
	h := sha256.New()
	for _, n := range names {
		b, err := fs.ReadFile(root, n)
		if err != nil {
			return "", err
		}
		fmt.Fprintf(h, "%s\x00%d\x00", n, len(b))
		h.Write(b)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}
