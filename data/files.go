package data

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"slices"
)

// SourcesFolder is the package folder that may hold the article texts.
const SourcesFolder = sourcesFolder

// RecordFile returns the file that defines records of kind, and the key
// of its list ("actors.yaml", "actors"); ok is false for a kind no file
// lists.
func RecordFile(kind Kind) (file, listKey string, ok bool) {
	file, ok = kindFile[kind]
	if !ok {
		return "", "", false
	}
	switch kind {
	case KindSource:
		return file, "sources", true
	case KindExcerpt:
		return file, "excerpts", true
	case KindActor:
		return file, "actors", true
	case KindZone:
		return file, "zones", true
	case KindPlace:
		return file, "places", true
	case KindDeployment:
		return file, "deployments", true
	case KindEvent:
		return file, "events", true
	}
	return "", "", false
}

// SourcedFields returns the field names the sourced map of a record of
// kind may use; for a place's status (status true) those of a status.
// Nil for a kind without a sourced map (sources, excerpts).
func SourcedFields(kind Kind, status bool) []string {
	switch {
	case kind == KindPlace && status:
		return slices.Clone(statusFields)
	case kind == KindActor:
		return slices.Clone(actorFields)
	case kind == KindZone:
		return slices.Clone(zoneFields)
	case kind == KindPlace:
		return slices.Clone(placeFields)
	case kind == KindDeployment:
		return slices.Clone(deploymentFields)
	case kind == KindEvent:
		return slices.Clone(eventFields)
	}
	return nil
}

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
	fileEvents      = "events.yaml"
)

// optionalFiles may be left out of a package.
var optionalFiles = []string{fileDeployments, fileEvents}

// packageFiles lists the package's files in reading order.
var packageFiles = []string{fileBriefing, fileSources, fileExcerpts, fileActors, fileZones, fileGeometry, filePlaces, fileDeployments, fileEvents}

// maxFileSize bounds each file read from a package (a guard against zip bombs).
const maxFileSize = 32 << 20

// readFile reads name from fsys, refusing files larger than maxFileSize.
// It reads into a buffer of the size the file states (when it states one
// within the limit), so a large file is not copied as the buffer grows.
func readFile(fsys fs.FS, name string) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var buf bytes.Buffer
	if st, err := f.Stat(); err == nil && st.Size() > 0 && st.Size() <= maxFileSize {
		buf.Grow(int(st.Size()) + bytes.MinRead)
	}
	_, err = buf.ReadFrom(io.LimitReader(f, maxFileSize+1))
	b := buf.Bytes()
	if err != nil {
		return nil, fmt.Errorf("read: %w", err)
	}
	if len(b) > maxFileSize {
		return nil, fmt.Errorf("file is larger than %d MiB", maxFileSize>>20)
	}
	return b, nil
}
