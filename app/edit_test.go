package app

import (
	"archive/zip"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/paulmach/orb"

	"github.com/briefmap/briefmap/article"
	"github.com/briefmap/briefmap/data"
	"github.com/briefmap/briefmap/data/libya"
	"github.com/briefmap/briefmap/pkgedit"
	"github.com/briefmap/briefmap/scene"
)

// reloadTimeout bounds the wait for the watcher: it reloads within
// reloadDelay of the last change; the rest is a busy machine's margin.
const reloadTimeout = 20 * time.Second

// openCopy opens a folder copy of the Libya briefing in a test window.
func openCopy(t *testing.T) (*window, string) {
	t.Helper()
	w, _ := newTestWindow(t)
	dir := filepath.Join(t.TempDir(), "libya")
	if err := pkgedit.CopyTo(libya.FS(), dir); err != nil {
		t.Fatal(err)
	}
	if err := w.OpenPath(dir); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(w.stopWatching)
	return w, dir
}

// waitReload waits for the watcher's next reload and returns its error.
func waitReload(t *testing.T, w *window) error {
	t.Helper()
	select {
	case err := <-w.ed.reloads:
		return err
	case <-time.After(reloadTimeout):
		t.Fatalf("no reload %v after the change", reloadTimeout)
		return nil
	}
}

// editFile rewrites a package file with edit applied to its text.
func editFile(t *testing.T, path string, edit func(string) string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(edit(string(b))), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestLiveReloadKeepsViewDateAndSelection edits zones.yaml as a text
// editor would: the window reloads by itself, shows the change, and keeps
// the view, the as-of date and the selection.
func TestLiveReloadKeepsViewDateAndSelection(t *testing.T) {
	w, dir := openCopy(t)
	w.SetDate(w.b.Snapshots[1].Date)
	zonesOnly(w)
	tapAt(t, w, nearTripoli)
	sel := w.mapView.Selected()
	if sel.Kind != data.KindZone {
		t.Fatalf("selected %v", sel)
	}
	w.mapView.SetView(scene.View{Centre: orb.Point{14, 31}, Zoom: 6.5})
	w.excerpts.source.SetSelected(w.excerpts.source.Options[1])
	filter := w.excerpts.source.Selected
	view, date, before := w.mapView.View(), w.date, w.b
	z, _ := w.b.Zone(sel.ID)
	editFile(t, filepath.Join(dir, "zones.yaml"), func(s string) string {
		return strings.Replace(s, "name: \""+z.Name+"\"", "name: \"Renamed on disk\"", 1)
	})
	if err := waitReload(t, w); err != nil {
		t.Fatalf("reload: %v", err)
	}
	if w.b == before {
		t.Fatal("the briefing was not reloaded")
	}
	if got, _ := w.b.Zone(sel.ID); got.Name != "Renamed on disk" {
		t.Fatalf("zone %s is named %q after the reload (was the edit applied? %q)", sel.ID, got.Name, z.Name)
	}
	if w.mapView.View() != view || w.date != date || w.mapView.Selected() != sel || w.shown != sel {
		t.Errorf("after the reload: view %v date %v selected %v shown %v; want %v %v %v", w.mapView.View(), w.date, w.mapView.Selected(), w.shown, view, date, sel)
	}
	if w.excerpts.source.Selected != filter {
		t.Errorf("the Excerpts tab's source filter is %q after the reload, want %q", w.excerpts.source.Selected, filter)
	}
	if !strings.Contains(w.cardText(), "Renamed on disk") {
		t.Errorf("the card does not show the new name:\n%s", w.cardText())
	}
	if w.ed.bar.shown() {
		t.Error("the problems bar is up after a good edit")
	}
}

// TestInvalidEditShowsBarKeepsLastGood breaks a file on disk: the bar
// above the map lists the problems (no dialog), the last good briefing
// stays; fixing the file takes the bar away.
func TestInvalidEditShowsBarKeepsLastGood(t *testing.T) {
	w, dir := openCopy(t)
	good := w.b
	path := filepath.Join(dir, "zones.yaml")
	orig, _ := os.ReadFile(path)
	editFile(t, path, func(s string) string { return strings.Replace(s, "controller: lna", "controller: lnaa", 1) })
	if err := waitReload(t, w); err == nil {
		t.Fatal("a broken zones.yaml reloaded without problems")
	}
	if w.b != good {
		t.Error("a bad package replaced the last good briefing")
	}
	if !w.ed.bar.shown() || !strings.Contains(w.ed.bar.head.Text, `unknown actor "lnaa"`) || !strings.Contains(w.ed.bar.text, "zones.yaml:") {
		t.Errorf("bar shown %v: %q / %q", w.ed.bar.shown(), w.ed.bar.head.Text, w.ed.bar.text)
	}
	if top := w.win.Canvas().Overlays().Top(); top != nil {
		t.Error("a dialog was raised: the problems belong in the bar")
	}
	if err := os.WriteFile(path, orig, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := waitReload(t, w); err != nil {
		t.Fatalf("the fixed package: %v", err)
	}
	if w.ed.bar.shown() {
		t.Error("the bar stays after the fix")
	}
}

// dispatch is a made-up article about Libya.
const dispatch = `A made-up dispatch

Gunmen loyal to Gen. Khalifa Haftar kept the terminal at Es Sider closed on Friday, a week after the blockade began. The port was empty.

In Tripoli, Fayez al-Sarraj said the closure cost the country 55 million dollars a day.
`

// TestImportReviewAttachAndUndo imports an article in the window, accepts
// its best proposal from the review panel, attaches it to Es Sider's
// status (which the card then shows as sourced), and undoes both with
// Ctrl+Z.
func TestImportReviewAttachAndUndo(t *testing.T) {
	w, dir := openCopy(t)
	w.stopWatching() // the test reloads by itself, as Briefmap does after its own changes
	m := pkgedit.Meta{Publisher: "Test Gazette", Title: "A made-up dispatch", Date: data.MustDate("2020-01-24")}
	if err := w.StartImport(m, dispatch); err != nil {
		t.Fatal(err)
	}
	p := w.ed.review
	if p == nil || w.tabs.Selected() != p.item {
		t.Fatal("no review tab")
	}
	if _, ok := w.b.Source("test-gazette-2020"); !ok {
		t.Fatal("the source is not in the reloaded briefing")
	}
	if p.sel != 0 || !strings.Contains(richText(p.text), "Es Sider") {
		t.Fatalf("the best proposal is not shown: %d %q", p.sel, richText(p.text))
	}
	// The matched names are set apart.
	bold := 0
	for _, s := range p.text.Segments {
		if ts, ok := s.(*widget.TextSegment); ok && ts.Style.TextStyle.Bold {
			bold++
		}
	}
	if bold < 2 {
		t.Errorf("%d names highlighted, want Khalifa Haftar and Es Sider", bold)
	}
	test.Tap(p.accept)
	id := p.r.Items()[0].Proposal.ID
	if _, ok := w.b.Excerpt(id); !ok {
		t.Fatalf("excerpt %s not in the briefing after Accept", id)
	}
	// Attach to Es Sider's blockade status.
	w.SetDate(data.MustDate("2020-01-19"))
	chooseOption(t, p.attachTo, func(o string) bool { return strings.HasPrefix(o, "Es Sider") })
	chooseOption(t, p.field, func(o string) bool { return strings.Contains(o, "blockaded from 2020-01-18): status") })
	test.Tap(p.attach)
	w.Select(data.Ref{Kind: data.KindPlace, ID: "es-sider"})
	if card := w.cardText(); !strings.Contains(card, "blockaded") || !strings.Contains(firstLineWith(card, "Status on"), "[SOURCED]") {
		t.Fatalf("Es Sider's status is not sourced after attaching:\n%s", card)
	}
	// Ctrl+Z: the attachment goes, the field is background again.
	w.win.Canvas().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyZ, Modifier: fyne.KeyModifierShortcutDefault})
	if card := w.cardText(); !strings.Contains(firstLineWith(card, "Status on"), "[BACKGROUND]") {
		t.Errorf("after undo the status is still sourced:\n%s", card)
	}
	w.Undo() // the accept
	if _, ok := w.b.Excerpt(id); ok {
		t.Error("the excerpt is still there after undoing the accept")
	}
	w.Undo() // the import
	if w.ed.review != nil {
		t.Error("the review tab stays after undoing the import")
	}
	if _, ok := w.b.Source("test-gazette-2020"); ok {
		t.Error("the source is still there after undoing the import")
	}
	if _, err := os.Stat(filepath.Join(dir, "sources")); err == nil {
		t.Error("sources/ stays after undoing the only import")
	}
}

func firstLineWith(text, prefix string) string {
	for _, l := range strings.Split(text, "\n") {
		if strings.HasPrefix(l, prefix) {
			return l
		}
	}
	return ""
}

// TestImportIntoEmbeddedOffersCopy: the embedded briefing cannot be
// written: Import offers to save a copy as a folder; the copy opens and
// can be edited.
func TestImportIntoEmbeddedOffersCopy(t *testing.T) {
	w, _ := newTestWindow(t)
	w.ShowImport()
	top := w.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog")
	}
	said := false
	for _, l := range findObjects[*widget.Label](top) {
		said = said || strings.Contains(l.Text, "the embedded briefing cannot be edited in place") && strings.Contains(l.Text, "Save a copy as a folder")
	}
	if !said {
		t.Error("the dialog does not say why and offer a copy")
	}
	dir, err := w.SaveCopy(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	w.stopWatching()
	if w.ed.path != dir || filepath.Base(dir) != "libya" {
		t.Errorf("the window shows %q, want the copy %q", w.ed.path, dir)
	}
	if _, err := w.editable(); err != nil {
		t.Errorf("the copy is not editable: %v", err)
	}
}

// TestImportBadFileOneLine: a file that cannot be imported is one line
// in a dialog, and nothing is written.
func TestImportBadFileOneLine(t *testing.T) {
	w, dir := openCopy(t)
	w.stopWatching()
	before, _ := pkgedit.Fingerprint(dir)
	w.importText("photo.txt", []byte("\x89PNG\r\n\x1a\n\x00\x00"))
	top := w.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog")
	}
	found := false
	for _, l := range findObjects[*widget.Label](top) {
		found = found || l.Text == "photo.txt: it is a binary file, not text"
	}
	if !found {
		t.Error("the dialog does not say the file is binary, in one line")
	}
	if after, _ := pkgedit.Fingerprint(dir); after != before {
		t.Error("the package changed")
	}
	// A duplicate import is refused the same way.
	if err := w.StartImport(pkgedit.Meta{Publisher: "P", Title: "T", Date: data.MustDate("2020-01-01")}, dispatch); err != nil {
		t.Fatal(err)
	}
	err := w.StartImport(pkgedit.Meta{Publisher: "P", Title: "T", Date: data.MustDate("2020-01-01")}, dispatch)
	if err == nil || err.Error() != "this article is already imported as p-2020" {
		t.Errorf("second import: %v", err)
	}
}

func TestImportFormPrefilledFromPage(t *testing.T) {
	w, _ := newTestWindow(t)
	page := `<html><head><meta property="og:title" content="Page title"><meta property="og:site_name" content="Site">
<meta property="article:published_time" content="2020-01-20T10:00:00Z"><meta property="og:url" content="https://site.example/a"></head>
<body><article><p>Haftar took Sirte.</p></article></body></html>`
	doc, err := article.Read("page.html", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	f := newImportForm(w.b, "page.html", doc)
	if f.publisher.Text != "Site" || f.title.Text != "Page title" || f.date.Text != "2020-01-20" || f.url.Text != "https://site.example/a" {
		t.Errorf("form: %q %q %q %q", f.publisher.Text, f.title.Text, f.date.Text, f.url.Text)
	}
	f.date.SetText("2020-02-30")
	if _, err := f.meta(); err == nil || f.date.Validate() == nil {
		t.Error("a bad date passed")
	}
}

// TestSaveBriefmapWithoutTexts saves the open briefing as a .briefmap
// without the article texts: it opens, and says its excerpts were not
// verified.
func TestSaveBriefmapWithoutTexts(t *testing.T) {
	w, _ := newTestWindow(t)
	path := filepath.Join(t.TempDir(), "libya.briefmap")
	if err := w.SaveBriefmap(path, false); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	for _, f := range zr.File {
		if strings.HasPrefix(f.Name, "sources/") {
			t.Errorf("%s in a file saved without texts", f.Name)
		}
	}
	if err := w.OpenPath(path); err != nil {
		t.Fatal(err)
	}
	if _, err := w.editable(); err == nil {
		t.Error("a .briefmap file is editable in place")
	}
}

// BenchmarkReload: the Libya package folder changed on disk is read,
// validated and shown (the map redrawn at 1280×800), as the watcher does
// it (goal: ≤ 150 ms).
func BenchmarkReload(b *testing.B) {
	w, _ := newTestWindow(b)
	dir := filepath.Join(b.TempDir(), "libya")
	if err := pkgedit.CopyTo(libya.FS(), dir); err != nil {
		b.Fatal(err)
	}
	if err := w.OpenPath(dir); err != nil {
		b.Fatal(err)
	}
	w.stopWatching()
	path := filepath.Join(dir, "zones.yaml")
	orig, _ := os.ReadFile(path)
	for i := 0; b.Loop(); i++ {
		b.StopTimer()
		os.WriteFile(path, append(orig, []byte(strings.Repeat("#", i%2+1))...), 0o644)
		b.StartTimer()
		w.reloadNow()
	}
}

// TestImportFromClipboardThroughTheDialogs pastes an article from the
// clipboard, fills in the form and imports it: the review tab opens.
func TestImportFromClipboardThroughTheDialogs(t *testing.T) {
	w, _ := openCopy(t)
	w.stopWatching()
	w.app.Clipboard().SetContent(dispatch)
	w.ShowImport()
	tapButton(t, w, "Paste from the clipboard")
	f := w.ed.form
	if f == nil {
		t.Fatal("no form after pasting")
	}
	if f.publisher.Text != "" || f.date.Text != "" {
		t.Errorf("plain text prefilled the form: %q %q", f.publisher.Text, f.date.Text)
	}
	f.publisher.SetText("Test Gazette")
	f.title.SetText("A made-up dispatch")
	f.date.SetText("2020-01-24")
	tapButton(t, w, "Import")
	if w.ed.review == nil || len(w.ed.review.r.Items()) < 3 {
		t.Fatal("no review after the form")
	}
	if src, ok := w.b.Source("test-gazette-2020"); !ok || src.Title != "A made-up dispatch" {
		t.Errorf("source %+v", src)
	}
}

// tapButton taps the button labelled text in the dialog on top.
func tapButton(t *testing.T, w *window, text string) {
	t.Helper()
	top := w.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatalf("no dialog to tap %q in", text)
	}
	for _, b := range findObjects[*widget.Button](top) {
		if b.Text == text {
			test.Tap(b)
			return
		}
	}
	t.Fatalf("no button %q in the dialog", text)
}

func TestUndoWithNothingToUndo(t *testing.T) {
	w, _ := openCopy(t)
	w.stopWatching()
	w.Undo()
	if w.status.status.Text != "Nothing to undo" || w.win.Canvas().Overlays().Top() != nil {
		t.Errorf("status %q, dialog %v", w.status.status.Text, w.win.Canvas().Overlays().Top())
	}
}

// chooseOption chooses the last option of sel that match accepts, as a
// user would; the test fails when there is none.
func chooseOption(t *testing.T, sel *widget.Select, match func(string) bool) {
	t.Helper()
	k := -1
	for i, o := range sel.Options {
		if match(o) {
			k = i
		}
	}
	if k < 0 {
		t.Fatalf("no option matches among %v", sel.Options)
	}
	sel.SetSelectedIndex(k)
}
