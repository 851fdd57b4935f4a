package data

import "slices"

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
