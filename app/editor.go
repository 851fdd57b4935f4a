package app

import (
	"archive/zip"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"time"

	"fyne.io/fyne/v2"

	"github.com/briefmap/briefmap/data"
	"github.com/briefmap/briefmap/data/libya"
	"github.com/briefmap/briefmap/pkgedit"
	"github.com/briefmap/briefmap/scene"
)

// editor is what the window knows of the open package as files: where it
// is, the watcher that reloads it when it changes on disk, the bar that
// shows the problems of a bad change, and the edits Briefmap makes to it
// (an import under review, undo).
type editor struct {
	path   string           // the open package: a folder, a .zip or .briefmap file, "" for the embedded briefing
	pkg    *pkgedit.Package // the folder, once opened for editing
	review *reviewPanel     // the import under review; nil when none
	form   *importForm      // the last import form shown (tests)
	watch  *watcher
	print  string // fingerprint of the package files the window shows
	bar    *problemsBar
	// reloads receives a value after each reload from disk is applied,
	// good or bad (tests wait on it).
	reloads chan error
}

func newEditor() *editor {
	return &editor{bar: newProblemsBar(), reloads: make(chan error, 16)}
}

// setPath records that the window shows the package at path ("" for the
// embedded briefing) and watches it when it is a folder.
func (w *window) setPath(path string) {
	ed := w.ed
	if ed.watch != nil {
		ed.watch.Close()
		ed.watch = nil
	}
	if ed.review != nil {
		w.closeReview()
	}
	ed.path, ed.pkg, ed.print = path, nil, ""
	ed.bar.hide()
	if path == "" {
		return
	}
	if info, err := os.Stat(path); err != nil || !info.IsDir() {
		return
	}
	ed.print, _ = pkgedit.Fingerprint(path)
	wt, err := watchPackage(path, func() { w.reloadFromDisk(path) })
	if err != nil {
		w.log.Warn("watch briefing", "path", path, "err", err.Error())
		return
	}
	ed.watch = wt
}

// stopWatching stops the watcher (the window is closing).
func (w *window) stopWatching() {
	if w.ed.watch != nil {
		w.ed.watch.Close()
	}
}

// reloadFromDisk loads the package folder path again (on the watcher's
// goroutine) and applies the result on the UI thread.
func (w *window) reloadFromDisk(path string) {
	start := time.Now()
	print, _ := pkgedit.Fingerprint(path)
	b, err := data.LoadPath(path)
	took := time.Since(start)
	fyne.Do(func() {
		if w.ed.path != path {
			return // another package was opened meanwhile
		}
		w.applyReload(b, err, print, took)
	})
}

// applyReload shows a package reloaded from disk: a bad one raises the
// problems bar and keeps the last good briefing; a good one replaces it,
// keeping the view, the date and the selection.
func (w *window) applyReload(b *data.Briefing, err error, print string, took time.Duration) {
	defer func() {
		select {
		case w.ed.reloads <- err:
		default:
		}
	}()
	if err != nil {
		w.problems = err.Error()
		w.ed.bar.show(w.ed.path, err)
		w.log.Warn("reload failed", "path", w.ed.path, "problems", problemCount(err))
		return
	}
	wasBad := w.ed.bar.shown()
	w.ed.bar.hide()
	w.problems = ""
	if print != "" && print == w.ed.print && !wasBad {
		return // Briefmap's own change, already shown
	}
	w.ed.print = print
	w.keepBriefing(b)
	w.log.Info("reloaded", "path", w.ed.path, "load_ms", took.Milliseconds())
}

// problemCount returns how many problems err lists.
func problemCount(err error) int {
	var ve *data.ValidationError
	if errors.As(err, &ve) {
		return len(ve.Problems)
	}
	return 1
}

// refuseWhileInvalid reports whether the package on disk has problems
// (the problems bar is up) and, if it has, says they must be fixed before
// doing what ("saving it").
func (w *window) refuseWhileInvalid(what string) bool {
	if !w.ed.bar.shown() {
		return false
	}
	w.showError(errors.New("the briefing on disk has problems (see the bar above the map): fix them before " + what))
	return true
}

// reloadNow loads the package folder again at once, after Briefmap
// changed it, so that the cards show the change before the watcher
// notices it.
func (w *window) reloadNow() {
	start := time.Now()
	b, err := data.LoadPath(w.ed.path)
	print, _ := pkgedit.Fingerprint(w.ed.path)
	w.applyReload(b, err, print, time.Since(start))
}

// keepBriefing replaces the briefing with b, a new version of the same
// package: the view, the as-of date, the open tab and the selection (by
// id, when b still has the record) stay.
func (w *window) keepBriefing(b *data.Briefing) {
	view, tab, date := w.mapView.View(), w.tabs.Selected(), w.date
	o := w.mapView.Options()
	keep := func(r data.Ref) bool { return !r.IsZero() && b.KindOf(r.ID) == r.Kind }
	if !o.Selected.IsZero() && !keep(o.Selected) {
		w.log.Info("selection cleared", "reason", "the record is gone from the reloaded briefing")
		o.Selected = data.Ref{}
	}
	var hl []data.Ref
	for _, r := range o.Highlight {
		if keep(r) {
			hl = append(hl, r)
		}
	}
	o.Highlight, o.Hovered = hl, data.Ref{}
	if !keep(w.shown) {
		w.shown = data.Ref{}
	}
	w.b = b
	w.r = scene.NewRenderer(b, w.base)
	w.mapView.SetRenderer(w.r)
	w.mapView.SetOptions(o)
	w.mapView.SetView(view)
	w.date = date
	w.applyBriefing()
	w.tabs.Select(tab)
	if w.ed.review != nil {
		w.ed.review.setBriefing(b)
	}
}

// packageFS returns the open package's files: the embedded briefing, a
// folder, or the inside of a .zip or .briefmap file (close it after).
func (w *window) packageFS() (fs.FS, func(), error) {
	switch info, err := os.Stat(w.ed.path); {
	case w.ed.path == "":
		return libya.FS(), func() {}, nil
	case err != nil:
		return nil, nil, err
	case info.IsDir():
		return os.DirFS(w.ed.path), func() {}, nil
	}
	zr, err := zip.OpenReader(w.ed.path)
	if err != nil {
		return nil, nil, err
	}
	return zr, func() { zr.Close() }, nil
}

// editable returns the package opened for editing, opening the folder the
// first time; an error says why the package cannot be edited in place.
func (w *window) editable() (*pkgedit.Package, error) {
	if w.ed.pkg != nil {
		return w.ed.pkg, nil
	}
	p, err := pkgedit.Open(w.ed.path)
	if err != nil {
		return nil, err
	}
	w.ed.pkg = p
	return p, nil
}

// Undo undoes the last change Briefmap made to the package: a decision
// of the import under review, else the last edit.
func (w *window) Undo() {
	var label string
	var err error
	_, reviewCan := w.ed.review.canUndo()
	pkgCan := w.ed.pkg != nil && hasUndo(w.ed.pkg)
	switch {
	case !reviewCan && !pkgCan:
		w.status.say("Nothing to undo")
		return
	case w.ed.review != nil && reviewCan:
		label, err = w.ed.review.undo()
	default:
		var c *pkgedit.Change
		if c, err = w.ed.pkg.Undo(); err == nil {
			label = c.Label
		}
	}
	if err != nil {
		w.status.say("Not undone: " + err.Error())
		w.showError(err)
		return
	}
	w.reloadNow()
	w.status.say(fmt.Sprintf("Undone: %s", label))
	w.log.Info("undone", "what", label)
}

// hasUndo reports whether the package has a change to undo.
func hasUndo(p *pkgedit.Package) bool {
	_, ok := p.CanUndo()
	return ok
}
