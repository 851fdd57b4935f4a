package data

import (
	"slices"
	"testing"
)

func TestRecordFileAndSourcedFields(t *testing.T) {
	cases := []struct {
		kind         Kind
		file, list   string
		ok           bool
		fields       []string
		statusFields []string
	}{
		{KindActor, "actors.yaml", "actors", true, actorFields, actorFields},
		{KindZone, "zones.yaml", "zones", true, zoneFields, zoneFields},
		{KindPlace, "places.yaml", "places", true, placeFields, statusFields},
		{KindDeployment, "deployments.yaml", "deployments", true, deploymentFields, deploymentFields},
		{KindEvent, "events.yaml", "events", true, eventFields, eventFields},
		{KindExcerpt, "excerpts.yaml", "excerpts", true, nil, nil},
		{KindSource, "sources.yaml", "sources", true, nil, nil},
		{Kind("colour"), "", "", false, nil, nil},
	}
	for _, c := range cases {
		file, list, ok := RecordFile(c.kind)
		if file != c.file || list != c.list || ok != c.ok {
			t.Errorf("RecordFile(%s) = %q, %q, %v", c.kind, file, list, ok)
		}
		if got := SourcedFields(c.kind, false); !slices.Equal(got, c.fields) {
			t.Errorf("SourcedFields(%s) = %v", c.kind, got)
		}
		if got := SourcedFields(c.kind, true); !slices.Equal(got, c.statusFields) {
			t.Errorf("SourcedFields(%s, status) = %v", c.kind, got)
		}
	}
	// A copy: changing it changes nothing.
	f := SourcedFields(KindZone, false)
	f[0] = "x"
	if zoneFields[0] == "x" {
		t.Error("SourcedFields returns the package's own slice")
	}
}
