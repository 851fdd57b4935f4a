package data

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
)

// encodedFS returns a package of Encode's files, with the sources/ texts
// of texts when it is not nil.
func encodedFS(t testing.TB, files map[string][]byte, texts fs.FS) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	for name, data := range files {
		m[name] = &fstest.MapFile{Data: data}
	}
	if texts == nil {
		return m
	}
	names, err := fs.Glob(texts, SourcesFolder+"/*")
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range names {
		data, err := fs.ReadFile(texts, n)
		if err != nil {
			t.Fatal(err)
		}
		m[n] = &fstest.MapFile{Data: data}
	}
	return m
}

// readBack encodes b, loads the files back with the texts of texts, and
// fails unless the briefing read back is b, field for field. It returns
// the files and the briefing read back.
func readBack(t testing.TB, b *Briefing, texts fs.FS) (map[string][]byte, *Briefing) {
	t.Helper()
	files, err := Encode(b, "written by Encode")
	if err != nil {
		t.Fatal(err)
	}
	back, err := Load(encodedFS(t, files, texts))
	if err != nil {
		t.Fatalf("the encoded package does not load: %v", err)
	}
	if diff := briefingDiff(b, back); diff != "" {
		t.Fatalf("read back differs from the briefing encoded: %s", diff)
	}
	return files, back
}

// briefingDiff names the first exported field of Briefing, and its first
// record, in which a and b differ; "" when they are equal. The lookup
// tables Load builds are not compared.
func briefingDiff(a, b *Briefing) string {
	va, vb := reflect.ValueOf(a).Elem(), reflect.ValueOf(b).Elem()
	for i := range va.NumField() {
		f := va.Type().Field(i)
		x, y := va.Field(i), vb.Field(i)
		if !f.IsExported() || reflect.DeepEqual(x.Interface(), y.Interface()) {
			continue
		}
		if x.Kind() == reflect.Slice {
			for k := range min(x.Len(), y.Len()) {
				if !reflect.DeepEqual(x.Index(k).Interface(), y.Index(k).Interface()) {
					return fmt.Sprintf("%s[%d]: %+v ≠ %+v", f.Name, k, x.Index(k).Interface(), y.Index(k).Interface())
				}
			}
			return fmt.Sprintf("%s: %d ≠ %d items", f.Name, x.Len(), y.Len())
		}
		return fmt.Sprintf("%s: %+v ≠ %+v", f.Name, x.Interface(), y.Interface())
	}
	return ""
}

// TestEncodeRoundTrip: Load reads back what Encode writes of the test
// package (aliases with options, a deployment's area, events) and of the
// Libya briefing, field for field, excerpts checked against their texts
// where the package has them; each YAML file opens with the header; and
// encoding what was read back gives the same bytes.
func TestEncodeRoundTrip(t *testing.T) {
	edgeFS := packageFS(t, "")
	edgeFS[SourcesFolder+"/edge.txt"] = &fstest.MapFile{Data: []byte("yes")}
	cases := []struct {
		name string
		fsys fs.FS
		edit func(*Briefing)
	}{
		{"test package", packageFS(t, ""), nil},
		{"Libya", os.DirFS("libya/briefing"), nil},
		{"values at their edges", edgeFS, edgeValues},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b, err := Load(c.fsys)
			if err != nil {
				t.Fatal(err)
			}
			if c.edit != nil {
				c.edit(b)
			}
			files, back := readBack(t, b, c.fsys)
			if len(files) != len(packageFiles) {
				t.Errorf("%d files, want %d (%v)", len(files), len(packageFiles), packageFiles)
			}
			for _, name := range packageFiles {
				if strings.HasSuffix(name, ".yaml") && !bytes.HasPrefix(files[name], []byte("# written by Encode\n")) {
					t.Errorf("%s does not open with the header comment: %.40q", name, files[name])
				}
			}
			again, err := Encode(back, "written by Encode")
			if err != nil {
				t.Fatal(err)
			}
			for name := range files {
				if !bytes.Equal(files[name], again[name]) {
					t.Errorf("%s: encoding the briefing read back gives other bytes", name)
				}
			}
		})
	}
}

// edgeValues adds to b records whose values an encoder could drop or
// misread: an excerpt that is a whole article (empty prefix and suffix,
// start 0; the article edge.txt of the package) whose text reads as a
// YAML bool, a source with an approximate
// date and a URL that needs quoting, an event that leaves the map on its
// last day (show_days 0) with an empty sourced map and a note that reads
// as null, an alias that matches case with only an end date, and a
// place of the highest importance.
func edgeValues(b *Briefing) {
	actor := b.Actors[0].ID
	b.Sources = append(b.Sources, Source{ID: "edge-source", Publisher: "Edge: a wire", Title: "# not a comment",
		Date: MustDate("2020-02-29"), DateApproximate: true, URL: "https://example.org/a?b=c: d",
		File: "edge.txt", SHA256: NewArticle("yes").Hash()})
	b.TextChecks = append(b.TextChecks, TextCheck{Source: "edge-source", File: "edge.txt", Excerpts: 1, From: SourcesFolder + "/edge.txt", Checked: true})
	b.Excerpts = append(b.Excerpts, Excerpt{ID: "edge-whole", Source: "edge-source", Text: "yes", End: 3, About: []string{actor}})
	e := b.Events[0]
	e.ID, e.ShowDays, e.Sourced, e.Note = "edge-event", 0, Sourced{}, "null"
	b.Events = append(b.Events, e)
	a := &b.Actors[0]
	a.Aliases = append(a.Aliases, "Edge Name")
	a.AliasOptions = append(a.AliasOptions, Alias{Name: "Edge Name", MatchCase: true, Valid: Period{To: MustDate("2020-01-01")}})
	p := b.Places[0]
	p.ID, p.Name, p.Aliases, p.AliasOptions, p.Importance = "edge-place", "Edge Place", nil, nil, 1
	b.Places = append(b.Places, p)
}
