package pkgedit

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/briefmap/briefmap/data"
	"github.com/briefmap/briefmap/internal/goldenfile"
	"github.com/briefmap/briefmap/internal/pkgtest"
)

// observerMeta is the metadata of the fixture's second article.
var observerMeta = Meta{ID: "observer-2024", Publisher: "Northern Observer", Title: "Who holds the north?", Date: data.MustDate("2024-02-01"), URL: "https://observer.example/north"}

// startObserverReview removes the fixture's second article from a copy
// of the package and imports it again, for review.
func startObserverReview(t *testing.T) (dir string, p *Package, r *Review) {
	t.Helper()
	dir = copyFixture(t)
	p = mustOpen(t, dir)
	if _, err := p.RemoveSource(pkgtest.Load(t, dir), "observer-2024"); err != nil {
		t.Fatal(err)
	}
	text, err := os.ReadFile(filepath.Join(fixture, "sources", "observer-2024-02-01-who-holds-the-north.txt"))
	if err != nil {
		t.Fatal(err)
	}
	r, err = StartReview(p, pkgtest.Load(t, dir), observerMeta, string(text))
	if err != nil {
		t.Fatal(err)
	}
	return dir, p, r
}

// checkGolden compares got with testdata/NAME (-update rewrites it).
func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	goldenfile.Check(t, filepath.Join("testdata", name), []byte(got))
}

// TestRoundTripOnlyAddsLines loads the package, accepts one proposal and
// saves: the package's diff shows only the added lines (golden), and the
// package loads with the excerpt verified.
func TestRoundTripOnlyAddsLines(t *testing.T) {
	dir, _, r := startObserverReview(t)
	before := pkgtest.ReadTree(t, dir)
	if err := r.Accept(0); err != nil {
		t.Fatal(err)
	}
	diff := pkgtest.DiffTrees(before, pkgtest.ReadTree(t, dir))
	if rm := removedLines(diff); len(rm) > 0 {
		t.Errorf("accepting one excerpt removed or changed lines: %q", rm)
	}
	checkGolden(t, "accept-one.diff", diff)
	b := pkgtest.Load(t, dir)
	id := r.Items()[0].Proposal.ID
	e, ok := b.Excerpt(id)
	if !ok || e.Source != "observer-2024" || !slices.Equal(e.About, r.Items()[0].About) {
		t.Fatalf("excerpt %s after accepting: %+v", id, e)
	}
}

// TestImportOnlyAddsLines: the import itself adds the source's record at
// the end of sources.yaml and its text, and changes nothing else.
func TestImportOnlyAddsLines(t *testing.T) {
	dir := copyFixture(t)
	p := mustOpen(t, dir)
	if _, err := p.RemoveSource(pkgtest.Load(t, dir), "observer-2024"); err != nil {
		t.Fatal(err)
	}
	before := pkgtest.ReadTree(t, dir)
	text, _ := os.ReadFile(filepath.Join(fixture, "sources", "observer-2024-02-01-who-holds-the-north.txt"))
	m := observerMeta
	m.ID = "" // derived: northern-observer-2024
	if _, err := StartReview(p, pkgtest.Load(t, dir), m, string(text)); err != nil {
		t.Fatal(err)
	}
	diff := pkgtest.DiffTrees(before, pkgtest.ReadTree(t, dir))
	if rm := removedLines(diff); len(rm) > 0 {
		t.Errorf("the import removed or changed lines: %q", rm)
	}
	checkGolden(t, "import.diff", diff)
}

func TestReviewDecisionsAndUndo(t *testing.T) {
	dir, p, r := startObserverReview(t)
	afterImport := pkgtest.ReadTree(t, dir)
	b := pkgtest.Load(t, dir)
	items := r.Items()
	if len(items) < 3 {
		t.Fatalf("%d proposals", len(items))
	}
	// Accept the best, trim it to its first words, link another record,
	// reject the second.
	if err := r.Accept(0); err != nil {
		t.Fatal(err)
	}
	afterAccept := pkgtest.ReadTree(t, dir)
	id := items[0].Proposal.ID
	words := strings.Fields(items[0].Proposal.Text)
	part := strings.Join(words[:3], " ")
	if err := r.TrimTo(0, part); err != nil {
		t.Fatal(err)
	}
	b = pkgtest.Load(t, dir)
	if e, _ := b.Excerpt(id); e == nil || data.NormaliseText(e.Text) != data.NormaliseText(part) {
		t.Fatalf("after the trim the excerpt reads %+v, want %q", e, part)
	}
	about := append(slices.Clone(items[0].About), "solm")
	if err := r.SetAbout(b, 0, about); err != nil {
		t.Fatal(err)
	}
	b = pkgtest.Load(t, dir)
	if e, _ := b.Excerpt(id); !slices.Equal(e.About, about) {
		t.Fatalf("about %v, want %v", e.About, about)
	}
	if err := r.Reject(b, 1); err != nil {
		t.Fatal(err)
	}
	if r.Items()[1].State != Rejected {
		t.Fatal("not rejected")
	}
	// Undo all four, one by one.
	for _, want := range []string{"reject", "link", "trim", "accept"} {
		label, err := r.Undo()
		if err != nil || !strings.HasPrefix(label, want) {
			t.Fatalf("undo: %q, %v; want %q", label, err, want)
		}
		if want == "trim" {
			if got := pkgtest.DiffTrees(afterAccept, pkgtest.ReadTree(t, dir)); got != "" {
				t.Errorf("after undoing the trim the package differs from after the accept:\n%s", got)
			}
		}
	}
	if got := pkgtest.DiffTrees(afterImport, pkgtest.ReadTree(t, dir)); got != "" {
		t.Errorf("after undoing every decision the package differs from after the import:\n%s", got)
	}
	if r.Items()[0].State != Pending || r.Items()[1].State != Pending {
		t.Errorf("states after undo: %v %v", r.Items()[0].State, r.Items()[1].State)
	}
	// Undoing the import removes the source and its text.
	if _, err := r.Undo(); err != nil || !r.Closed() {
		t.Fatalf("undo import: %v closed %v", err, r.Closed())
	}
	if _, ok := pkgtest.Load(t, dir).Source("observer-2024"); ok {
		t.Error("the source is still there")
	}
	if _, err := os.Stat(filepath.Join(dir, "sources", "observer-2024-02-01-who-holds-the-north.txt")); err == nil {
		t.Error("the text is still there")
	}
	if _, err := r.Undo(); err == nil {
		t.Error("a sixth undo did something")
	}
	_ = p
}

func TestUndoRefusedAfterOutsideEdit(t *testing.T) {
	dir, _, r := startObserverReview(t)
	if err := r.Accept(0); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "excerpts.yaml")
	b, _ := os.ReadFile(path)
	edited := append(b, []byte("# edited in a text editor\n")...)
	if err := os.WriteFile(path, edited, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := r.Undo(); err == nil || !strings.Contains(err.Error(), "excerpts.yaml has changed since") {
		t.Fatalf("undo after an outside edit: %v", err)
	}
	if now, _ := os.ReadFile(path); string(now) != string(edited) {
		t.Error("the outside edit was lost")
	}
}

func TestReviewRefuses(t *testing.T) {
	dir, p, r := startObserverReview(t)
	before := pkgtest.ReadTree(t, dir)
	b := pkgtest.Load(t, dir)
	it := r.Items()[0]
	cases := []struct {
		name string
		do   func() error
		want string
	}{
		{"trim beyond the sentence", func() error { return r.Trim(0, it.Proposal.Start-1, it.Proposal.End) }, "a trim must keep a part of the sentence"},
		{"trim to nothing", func() error { return r.Trim(0, it.Proposal.Start, it.Proposal.Start) }, "a trim must keep a part of the sentence"},
		{"trim to other words", func() error { return r.TrimTo(0, "words that are not there") }, "is not in it"},
		{"no record", func() error { return r.SetAbout(b, 0, nil) }, "at least one record"},
		{"unknown record", func() error { return r.SetAbout(b, 0, []string{"atlantis"}) }, `"atlantis" is not an actor`},
		{"attach before accepting", func() error {
			return r.Attach(b, 0, Target{Ref: data.Ref{Kind: data.KindZone, ID: "z-south"}, Status: -1, Field: "controller"})
		}, "accept"},
		{"no such proposal", func() error { return r.Accept(99) }, "there is no proposal 100"},
		{"duplicate import", func() error {
			text, _ := os.ReadFile(filepath.Join(fixture, "sources", "meridian-2024-03-14-rebels-take-vostra.txt"))
			_, err := StartReview(p, b, Meta{Publisher: "X", Title: "Y", Date: data.MustDate("2024-01-01")}, string(text))
			return err
		}, "already imported as meridian-2024"},
		{"no date", func() error {
			_, err := StartReview(p, b, Meta{Publisher: "X", Title: "Y"}, "Some text.")
			return err
		}, "needs a date"},
		{"no text", func() error {
			_, err := StartReview(p, b, Meta{Publisher: "X", Title: "Y", Date: data.MustDate("2024-01-01")}, " \n ")
			return err
		}, "no text"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := c.do()
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("got %v, want %q", err, c.want)
			}
			if err != nil && strings.Contains(err.Error(), "\n") {
				t.Errorf("the error spans lines: %q", err)
			}
			if got := pkgtest.DiffTrees(before, pkgtest.ReadTree(t, dir)); got != "" {
				t.Errorf("the package changed:\n%s", got)
			}
		})
	}
}

// TestAttachTurnsFieldSourced attaches accepted excerpts to fields of
// records written in every layout the package uses: the field is sourced
// after, each attach changes only the lines it must, and undo puts every
// byte back.
func TestAttachTurnsFieldSourced(t *testing.T) {
	dir, p, r := startObserverReview(t)
	if err := r.Accept(0); err != nil {
		t.Fatal(err)
	}
	id := r.Items()[0].Proposal.ID
	accepted := pkgtest.ReadTree(t, dir)
	cases := []struct {
		target  Target
		file    string
		changed int // lines removed (each replaced by one added)
		added   int // lines added besides
	}{
		{Target{Ref: data.Ref{Kind: data.KindZone, ID: "z-south"}, Status: -1, Field: "controller"}, "zones.yaml", 1, 0},                  // sourced: {}
		{Target{Ref: data.Ref{Kind: data.KindZone, ID: "z-north"}, Status: -1, Field: "name"}, "zones.yaml", 1, 0},                        // sourced: {controller: […]}
		{Target{Ref: data.Ref{Kind: data.KindActor, ID: "front"}, Status: -1, Field: "name"}, "actors.yaml", 0, 1},                        // block sourced
		{Target{Ref: data.Ref{Kind: data.KindActor, ID: "front"}, Status: -1, Field: "description"}, "actors.yaml", 1, 0},                 // block, existing field
		{Target{Ref: data.Ref{Kind: data.KindActor, ID: "kovac"}, Status: -1, Field: "description"}, "actors.yaml", 0, 1},                 // no sourced key
		{Target{Ref: data.Ref{Kind: data.KindPlace, ID: "vostra"}, Status: 0, Field: "status"}, "places.yaml", 1, 0},                      // multi-line flow status
		{Target{Ref: data.Ref{Kind: data.KindPlace, ID: "brenn-field"}, Status: -1, Field: "kind"}, "places.yaml", 0, 1},                  // no sourced key, last key note
		{Target{Ref: data.Ref{Kind: data.KindDeployment, ID: "d-osmanian-drones"}, Status: -1, Field: "actor"}, "deployments.yaml", 1, 0}, // flow with a field
	}
	for i, c := range cases {
		t.Run(c.target.String(), func(t *testing.T) {
			b := pkgtest.Load(t, dir)
			before := pkgtest.ReadTree(t, dir)
			if err := r.Attach(b, 0, c.target); err != nil {
				t.Fatal(err)
			}
			after := pkgtest.Load(t, dir)
			s, ok := sourcedOf(after, c.target)
			if !ok || !slices.Contains(s[c.target.Field], id) {
				t.Fatalf("%s is not sourced by %s after attaching: %v", c.target, id, s)
			}
			if e, _ := after.Excerpt(id); !slices.Contains(e.About, c.target.Ref.ID) {
				t.Errorf("the excerpt is not about %s: %v", c.target.Ref.ID, e.About)
			}
			d := pkgtest.DiffTrees(before, pkgtest.ReadTree(t, dir))
			var fileDiff string
			if k := strings.Index(d, "--- "+c.file+"\n"); k >= 0 {
				fileDiff = d[k+len("--- "+c.file+"\n"):]
				if j := strings.Index(fileDiff, "--- "); j >= 0 {
					fileDiff = fileDiff[:j]
				}
			}
			removed := len(removedLines(fileDiff))
			added := strings.Count(fileDiff, "\n+ ") + map[bool]int{true: 1}[strings.HasPrefix(fileDiff, "+ ")] - removed
			if removed != c.changed || added != c.added {
				t.Errorf("%s: %d lines changed and %d added, want %d and %d:\n%s", c.file, removed, added, c.changed, c.added, d)
			}
			_ = i
		})
	}
	for range cases {
		if _, err := r.Undo(); err != nil {
			t.Fatal(err)
		}
	}
	if got := pkgtest.DiffTrees(accepted, pkgtest.ReadTree(t, dir)); got != "" {
		t.Errorf("after undoing every attach:\n%s", got)
	}
	// Detach after attach leaves the record as it was when it had a
	// sourced map.
	b := pkgtest.Load(t, dir)
	tg := Target{Ref: data.Ref{Kind: data.KindZone, ID: "z-south"}, Status: -1, Field: "controller"}
	if _, err := p.Attach(b, id, tg); err != nil {
		t.Fatal(err)
	}
	zonesAttached := pkgtest.ReadTree(t, dir)["zones.yaml"]
	if _, err := p.Detach(pkgtest.Load(t, dir), id, tg); err != nil {
		t.Fatal(err)
	}
	if got := pkgtest.ReadTree(t, dir)["zones.yaml"]; got != accepted["zones.yaml"] || got == zonesAttached {
		t.Errorf("zones.yaml after attach and detach:\n%s", pkgtest.LineDiff(accepted["zones.yaml"], got))
	}
	if _, err := p.Attach(b, id, Target{Ref: data.Ref{Kind: data.KindZone, ID: "z-south"}, Status: -1, Field: "colour"}); err == nil {
		t.Error("attached to a field zones do not have")
	}
}

func TestRemoveExcerptDetachesIt(t *testing.T) {
	dir := copyFixture(t)
	p := mustOpen(t, dir)
	b := pkgtest.Load(t, dir)
	if _, err := p.RemoveExcerpts(b, []string{"obs-front-controls-coast"}, "remove"); err != nil {
		t.Fatal(err)
	}
	after := pkgtest.Load(t, dir)
	if z, _ := after.Zone("z-north"); len(z.Sourced["controller"]) > 0 {
		t.Errorf("z-north controller still sourced: %v", z.Sourced)
	}
	if _, ok := after.Excerpt("obs-front-controls-coast"); ok {
		t.Error("still there")
	}
}
