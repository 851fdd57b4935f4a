package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/briefmap/briefmap/data/libya"
	"github.com/briefmap/briefmap/internal/pkgtest"
	"github.com/briefmap/briefmap/pkgedit"
)

// dispatch is a made-up article about Libya (testdata/import).
var dispatch = filepath.Join("testdata", "import", "dispatch.html")

// libyaFolder copies the embedded Libya briefing into a new folder.
func libyaFolder(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "libya")
	if err := pkgedit.CopyTo(libya.FS(), dir); err != nil {
		t.Fatal(err)
	}
	return dir
}

func decodeProposals(t *testing.T, out string) []proposalJSON {
	t.Helper()
	var ps []proposalJSON
	dec := json.NewDecoder(strings.NewReader(out))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&ps); err != nil {
		t.Fatalf("import --json: %v\n%s", err, out)
	}
	return ps
}

func TestImportJSONWritesNothing(t *testing.T) {
	dir := libyaFolder(t)
	before := pkgtest.ReadTree(t, dir)
	code, out, errs := run("import", "--briefing", dir, "--json", dispatch)
	if code != ExitOK || !strings.Contains(errs, "nothing written") {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	golden(t, "import-dispatch.json", []byte(out))
	if d := pkgtest.DiffTrees(before, pkgtest.ReadTree(t, dir)); d != "" {
		t.Errorf("import without --accept changed the package:\n%s", d)
	}
	ps := decodeProposals(t, out)
	if len(ps) < 4 {
		t.Fatalf("%d proposals", len(ps))
	}
	// The JSON has exactly the keys of issue 12 (context only when set).
	var raw []map[string]any
	json.Unmarshal([]byte(out), &raw)
	for _, r := range raw {
		for _, k := range []string{"id", "text", "start", "end", "score", "about", "names"} {
			if _, ok := r[k]; !ok {
				t.Errorf("proposal %v lacks %q", r["id"], k)
			}
		}
	}
	best := ps[0]
	if !strings.Contains(best.Text, "Es Sider") || !slices.Contains(best.About, "haftar") || !slices.Contains(best.About, "es-sider") {
		t.Errorf("best proposal %+v", best)
	}
	for _, p := range ps {
		for _, n := range p.Names {
			if n.Start < p.Start || n.End > p.End {
				t.Errorf("%s: name %s at %d–%d outside the sentence %d–%d", p.ID, n.ID, n.Start, n.End, p.Start, p.End)
			}
		}
		if strings.Contains(p.Text, "tracking") || strings.Contains(p.Text, "Nothing here") {
			t.Errorf("page chrome proposed: %q", p.Text)
		}
	}
}

func TestImportAcceptAllThenCheck(t *testing.T) {
	dir := libyaFolder(t)
	code, out, errs := run("import", "--briefing", dir, "--publisher", "Test Gazette", "--title", "A made-up dispatch",
		"--date", "2020-01-25", "--url", "https://gazette.example/dispatch", "--accept", "all", "--json", dispatch)
	if code != ExitOK {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	ps := decodeProposals(t, out)
	if !strings.Contains(errs, "imported into") || !strings.Contains(errs, "as test-gazette-2020") {
		t.Errorf("stderr %q", errs)
	}
	code, out, errs = run("check", dir)
	if code != ExitOK || !strings.Contains(out, "libya: OK") {
		t.Fatalf("check after import: exit %d\n%s%s", code, out, errs)
	}
	lines := strings.Split(out, "\n")
	if !strings.Contains(lines[1], "of") && !strings.Contains(lines[1], "verified") {
		t.Errorf("article check line %q", lines[1])
	}
	b := pkgtest.Load(t, dir)
	src, ok := b.Source("test-gazette-2020")
	if !ok || src.URL != "https://gazette.example/dispatch" || src.Title != "A made-up dispatch" {
		t.Fatalf("source %+v", src)
	}
	n := 0
	for _, e := range b.Excerpts {
		if e.Source == src.ID {
			n++
		}
	}
	if n != len(ps) {
		t.Errorf("%d excerpts written, %d proposed", n, len(ps))
	}
	for _, c := range b.TextChecks {
		if c.Source == src.ID && !c.Checked {
			t.Errorf("the new excerpts are not verified: %+v", c)
		}
	}
	// The same article again is refused, and changes nothing.
	before := pkgtest.ReadTree(t, dir)
	code, _, errs = run("import", "--briefing", dir, "--accept", "all", dispatch)
	if code != ExitInput || errs != "briefmap: import: this article is already imported as test-gazette-2020\n" {
		t.Errorf("second import: exit %d, stderr %q", code, errs)
	}
	if d := pkgtest.DiffTrees(before, pkgtest.ReadTree(t, dir)); d != "" {
		t.Errorf("the refused import changed the package:\n%s", d)
	}
}

func TestImportAcceptSomeAndStdin(t *testing.T) {
	dir := libyaFolder(t)
	_, out, _ := run("import", "--briefing", dir, "--json", dispatch)
	ps := decodeProposals(t, out)
	ids := ps[1].ID + "," + ps[0].ID
	page, _ := os.ReadFile(dispatch)
	var stdout, stderr bytes.Buffer
	code := RunWith(&Env{Stdin: bytes.NewReader(page), Stdout: &stdout, Stderr: &stderr}, []string{"import", "--briefing", dir, "--accept", ids, "-"})
	if code != ExitOK {
		t.Fatalf("exit %d, stderr %q", code, stderr.String())
	}
	if !strings.Contains(stdout.String(), "proposed excerpts from Test Gazette, “A made-up dispatch from the oil crescent”, 25 January 2020") ||
		!strings.Contains(stdout.String(), "[Es Sider]") {
		t.Errorf("text output:\n%s", stdout.String())
	}
	b := pkgtest.Load(t, dir)
	var got []string
	for _, e := range b.Excerpts {
		if strings.HasPrefix(e.Source, "test-gazette") {
			got = append(got, e.ID)
		}
	}
	if want := []string{ps[1].ID, ps[0].ID}; !slices.Equal(got, want) {
		t.Errorf("excerpts %v, want %v", got, want)
	}
}

func TestImportAcceptNone(t *testing.T) {
	dir := libyaFolder(t)
	if code, _, errs := run("import", "--briefing", dir, "--accept", "none", dispatch); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	b := pkgtest.Load(t, dir)
	if _, ok := b.Source("test-gazette-2020"); !ok || len(b.Excerpts) != 58 {
		t.Errorf("source missing or excerpts added (%d)", len(b.Excerpts))
	}
}

func TestImportBadInput(t *testing.T) {
	dir := libyaFolder(t)
	tmp := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(tmp, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	empty := write("empty.txt", nil)
	binary := write("photo.txt", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"))
	big := filepath.Join(tmp, "big.txt")
	f, _ := os.Create(big)
	f.Truncate(20<<20 + 1)
	f.Close()
	docx := write("notes.docx", []byte("PK"))
	text := write("ok.txt", []byte("Haftar took Sirte. Then he left."))
	zipped := filepath.Join(tmp, "libya.briefmap")
	if err := pkgedit.WriteBriefmap(libya.FS(), zipped, false); err != nil {
		t.Fatal(err)
	}
	base := []string{"--publisher", "P", "--title", "T", "--date", "2020-01-01", "--accept", "all"}
	cases := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"empty", append([]string{"--briefing", dir, empty}, base...), ExitInput, "empty.txt: the file is empty"},
		{"binary", append([]string{"--briefing", dir, binary}, base...), ExitInput, "photo.txt: it is a binary file, not text"},
		{"too large", append([]string{"--briefing", dir, big}, base...), ExitInput, "big.txt: it is larger than 20 MB"},
		{"unknown type", append([]string{"--briefing", dir, docx}, base...), ExitInput, "notes.docx: .docx files cannot be imported"},
		{"missing file", append([]string{"--briefing", dir, filepath.Join(tmp, "nope.txt")}, base...), ExitInput, "no such file"},
		{"a packed package", append([]string{"--briefing", zipped, text}, base...), ExitInput, "libya.briefmap is a packed file and cannot be edited in place"},
		{"not a package", append([]string{"--briefing", tmp, text}, base...), ExitInput, "is not a briefing package folder"},
		{"bad date", []string{"--briefing", dir, "--publisher", "P", "--title", "T", "--date", "2020-02-30", text}, ExitInput, `--date "2020-02-30" is not a date`},
		{"no date", []string{"--briefing", dir, "--publisher", "P", "--title", "T", text}, ExitInput, "--date is needed: ok.txt gives no date"},
		{"no title", []string{"--briefing", dir, "--publisher", "P", "--date", "2020-01-01", text}, ExitInput, "--title is needed"},
		{"unknown id", append([]string{"--briefing", dir, text}, "--publisher", "P", "--title", "T", "--date", "2020-01-01", "--accept", "p-nothing"), ExitInput, `there is no proposal "p-nothing"`},
		{"bad url", append([]string{"--briefing", dir, text, "--url", "ftp://x"}, base...), ExitInput, "is not a web address"},
		{"no briefing", append([]string{text}, base...), ExitUsage, "import needs --briefing DIR"},
		{"no file", append([]string{"--briefing", dir}, base...), ExitUsage, "import takes one FILE"},
		{"two files", append([]string{"--briefing", dir, text, text}, base...), ExitUsage, "import takes one FILE"},
	}
	before := pkgtest.ReadTree(t, dir)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, _, errs := run(append([]string{"import"}, c.args...)...)
			if code != c.code || !strings.Contains(errs, c.want) {
				t.Errorf("exit %d, stderr %q; want %d and %q", code, errs, c.code, c.want)
			}
			if c.code == ExitInput && strings.Count(errs, "\n") != 1 {
				t.Errorf("want one line, got %q", errs)
			}
			if d := pkgtest.DiffTrees(before, pkgtest.ReadTree(t, dir)); d != "" {
				t.Errorf("the package changed:\n%s", d)
			}
		})
	}
}

// TestImportWindows1252AndMarkdown imports a Windows-1252 text file and a
// Markdown file: each is stored as UTF-8 plain text, and check passes.
func TestImportWindows1252AndMarkdown(t *testing.T) {
	dir := libyaFolder(t)
	tmp := t.TempDir()
	cp1252 := filepath.Join(tmp, "old-wire.txt")
	os.WriteFile(cp1252, []byte("Wire copy\n\nHaftar\x92s forces took Sirte \x96 the town fell on Monday.\n"), 0o644)
	md := filepath.Join(tmp, "notes.md")
	os.WriteFile(md, []byte("---\ntitle: Notes from Misrata\ndate: 2020-05-20\npublisher: Field Notes\n---\n\n# Notes\n\nThe **GNA** retook al-Watiya airbase, [reports say](https://x.example).\n"), 0o644)
	for _, c := range []struct {
		file, want string
		args       []string
	}{
		{cp1252, "Haftar’s forces took Sirte – the town fell on Monday.", []string{"--publisher", "Wire", "--title", "Old wire", "--date", "2020-01-07"}},
		{md, "The GNA retook al-Watiya airbase, reports say.", nil},
	} {
		args := append([]string{"import", "--briefing", dir, "--accept", "all", c.file}, c.args...)
		if code, _, errs := run(args...); code != ExitOK {
			t.Fatalf("%s: exit %d: %s", c.file, code, errs)
		}
		b := pkgtest.Load(t, dir)
		src := b.Sources[len(b.Sources)-1]
		stored, err := os.ReadFile(filepath.Join(dir, "sources", src.File))
		if err != nil || !strings.Contains(string(stored), c.want) {
			t.Errorf("%s: stored as %q (%v), want it to hold %q", c.file, stored, err, c.want)
		}
		var n int
		for _, e := range b.Excerpts {
			if e.Source == src.ID {
				n++
			}
		}
		if n == 0 {
			t.Errorf("%s: no excerpt accepted", c.file)
		}
	}
	if code, out, errs := run("check", dir); code != ExitOK {
		t.Errorf("check: %d\n%s%s", code, out, errs)
	}
}
