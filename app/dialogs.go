package app

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/briefmap/briefmap/data"
	"github.com/briefmap/briefmap/data/libya"
	"github.com/briefmap/briefmap/geo/basemap"
	"github.com/briefmap/briefmap/scene"
	"github.com/briefmap/briefmap/version"
)

// ShowOpen asks for a briefing package: a folder or a .zip file.
func (w *window) ShowOpen() {
	w.showChoices("Open briefing", "A briefing package is a folder of YAML and GeoJSON files, or a .briefmap (or .zip) file of one. Only a folder can be edited: imports and live reloading need one.",
		fyne.NewSize(480, 280),
		choice{"A folder…", func() {
			w.chooseFolder("", func(path string) { w.OpenPath(path) })
		}},
		choice{"A .briefmap or .zip file…", func() {
			w.chooseFile([]string{".briefmap", ".zip"}, func(r fyne.URIReadCloser) {
				path := r.URI().Path()
				r.Close()
				w.OpenPath(path)
			})
		}})
}

// OpenPath loads the briefing package at path (a folder or a .zip) and
// shows it. A bad package shows one dialog listing its problems, and the
// current briefing stays.
func (w *window) OpenPath(path string) error {
	b, err := libya.LoadPath(path)
	if err != nil {
		w.problems = err.Error()
		w.log.Warn("open briefing", "path", path, "err", err.Error())
		w.showProblems(path, err)
		return err
	}
	w.problems = ""
	w.setBriefing(b)
	w.setPath(path)
	w.log.Info("briefing opened", "path", path, "id", b.ID)
	return nil
}

// showProblems shows every problem of a bad package in one dialog.
func (w *window) showProblems(path string, err error) {
	w.showProblemsThen(path, err, "The current briefing stays open.")
}

// showProblemsThen shows every problem of a bad package in one dialog,
// saying what the window shows instead.
func (w *window) showProblemsThen(path string, err error, instead string) {
	text := err.Error()
	var ve *data.ValidationError
	n := strings.Count(strings.TrimSpace(text), "\n") + 1
	if errors.As(err, &ve) {
		text = ve.Error()
	}
	head := wrappedLabel(fmt.Sprintf("%s is not a valid briefing package (%d problem%s). %s",
		path, n, plural(n), instead))
	body := wrappedLabel(text)
	body.Selectable = true
	scroll := container.NewVScroll(body)
	scroll.SetMinSize(fyne.NewSize(640, 260))
	d := dialog.NewCustom("Cannot open briefing", "OK", container.NewBorder(head, nil, nil, nil, scroll), w.win)
	d.Show()
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// setBriefing replaces the briefing the window shows.
func (w *window) setBriefing(b *data.Briefing) {
	w.b = b
	w.r = scene.NewRenderer(b, w.base)
	w.date = w.prefs.date(b)
	w.shown = data.Ref{}
	w.since = data.Date{} // compare mode ends with the briefing it compared
	w.mapView.SetRenderer(w.r)
	if v, ok := w.prefs.view(b); ok {
		w.mapView.SetView(v)
	}
	w.applyBriefing()
	w.tabs.Select(w.selection.item)
}

// ShowSearch opens the search box: actors and places by any alias.
// Choosing a result selects it and pans to it.
func (w *window) ShowSearch() {
	var d dialog.Dialog
	entry := newEscEntry(func() { d.Hide() })
	entry.SetPlaceHolder("Name or any spelling, e.g. Hifter, Sidra")
	var matches []data.Match
	list := widget.NewList(
		func() int { return len(matches) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i < len(matches) {
				o.(*widget.Label).SetText(matchLine(matches[i]))
			}
		})
	run := func(q string) {
		matches = w.search(q)
		list.UnselectAll()
		list.Refresh()
	}
	entry.OnChanged = run
	choose := func(i int) {
		if i < 0 || i >= len(matches) {
			return
		}
		d.Hide()
		w.ChooseMatch(matches[i])
	}
	list.OnSelected = func(i widget.ListItemID) { choose(i) }
	entry.OnSubmitted = func(string) { choose(0) }
	d = dialog.NewCustom("Search actors and places", "Close", container.NewBorder(entry, nil, nil, nil, list), w.win)
	d.Resize(fyne.NewSize(460, 420))
	d.Show()
	w.win.Canvas().Focus(entry)
}

// search returns the actors, places and other records matching q.
func (w *window) search(q string) []data.Match {
	if strings.TrimSpace(q) == "" {
		return nil
	}
	return w.b.Search(q)
}

// matchLine is a search result's line: "Khalifa Haftar (actor) — as “Hifter”".
func matchLine(m data.Match) string {
	s := m.Name + " (" + string(m.Kind) + ")"
	if m.Alias != "" && !strings.EqualFold(m.Alias, m.Name) {
		s += " — as “" + m.Alias + "”"
	}
	return s
}

// ChooseMatch selects a search result and pans to it.
func (w *window) ChooseMatch(m data.Match) {
	switch m.Kind {
	case data.KindActor:
		w.tabs.Select(w.actors.item)
		w.SelectActor(m.ID)
	case data.KindZone, data.KindPlace, data.KindDeployment:
		w.Select(data.Ref{Kind: m.Kind, ID: m.ID})
	case data.KindExcerpt:
		if e, ok := w.b.Excerpt(m.ID); ok {
			w.ShowExcerpt(e)
			w.tabs.Select(w.selection.item)
		}
	}
}

// aboutText returns the About dialog's text: version, data sources,
// attribution and licences.
func (w *window) aboutText() string {
	var sb strings.Builder
	fmt.Fprintf(&sb, "Briefmap %s\nAn offline map briefing: who holds what, and which source says so.\n\n", version.String())
	fmt.Fprintf(&sb, "Briefing: %s\n", w.b.Title)
	if len(w.b.Sources) > 0 {
		sb.WriteString("Sources:\n")
		for _, s := range w.b.Sources {
			fmt.Fprintf(&sb, "  • %s\n", s.Citation())
		}
	}
	fmt.Fprintf(&sb, "\nBasemap: %s\n\n", basemap.Attribution)
	sb.WriteString("Licences:\n  • Briefmap code: © the Briefmap authors (terms in the project repository)\n" +
		"  • Noto Sans font: SIL Open Font License 1.1\n" +
		"  • Natural Earth data: public domain\n")
	return sb.String()
}

// ShowAbout shows the version, the data sources and the licences.
func (w *window) ShowAbout() {
	scroll := container.NewVScroll(wrappedLabel(w.aboutText()))
	scroll.SetMinSize(fyne.NewSize(560, 360))
	dialog.NewCustom("About Briefmap", "Close", scroll, w.win).Show()
}

// escEntry is an Entry that calls onEscape when Esc is pressed (Fyne
// dialogs do not close on Esc by themselves).
type escEntry struct {
	widget.Entry
	onEscape func()
}

func newEscEntry(onEscape func()) *escEntry {
	e := &escEntry{onEscape: onEscape}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey implements fyne.Focusable.
func (e *escEntry) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape && e.onEscape != nil {
		e.onEscape()
		return
	}
	e.Entry.TypedKey(k)
}

// showError shows err on the status line and in a dialog, its message as
// written (Fyne's error dialog capitalises it, which would misspell a file
// name).
func (w *window) showError(err error) {
	w.status.say(sentence(err))
	d := dialog.NewCustom("Error", "OK", wrappedLabel(err.Error()), w.win)
	d.Resize(fyne.NewSize(520, 160))
	d.Show()
}

// choice is a button of a dialog that offers choices: its label and what
// it does.
type choice struct {
	label string
	do    func()
}

// showChoices shows a dialog titled title, of size: the message text above
// a button for each choice, and Cancel. A choice's button hides the
// dialog, then does the choice.
func (w *window) showChoices(title, text string, size fyne.Size, choices ...choice) {
	var d dialog.Dialog
	objs := []fyne.CanvasObject{wrappedLabel(text)}
	for _, c := range choices {
		objs = append(objs, widget.NewButton(c.label, func() {
			d.Hide()
			c.do()
		}))
	}
	d = dialog.NewCustom(title, "Cancel", container.NewVBox(objs...), w.win)
	d.Resize(size)
	d.Show()
}

// confirm shows a dialog titled title, its body's objects one above the
// other, with the buttons ok and Cancel, and returns it; then runs when ok
// is pressed. A zero size leaves the dialog its minimum size.
func (w *window) confirm(title, ok string, size fyne.Size, then func(), body ...fyne.CanvasObject) *dialog.ConfirmDialog {
	d := dialog.NewCustomConfirm(title, ok, "Cancel", container.NewVBox(body...), func(ok bool) {
		if ok {
			then()
		}
	}, w.win)
	if size != (fyne.Size{}) {
		d.Resize(size)
	}
	d.Show()
	return d
}

// showFileDialog shows fd at the size of every file dialog of the window
// (Fyne's own is too small to read a folder by), listing only the files
// with one of exts when there are any.
func showFileDialog(fd *dialog.FileDialog, exts ...string) {
	if len(exts) > 0 {
		fd.SetFilter(storage.NewExtensionFileFilter(exts))
	}
	fd.Resize(fyne.NewSize(800, 560))
	fd.Show()
}

// chooseFolder asks for a folder and calls then with its path; nothing
// happens if none is chosen. confirm, unless "", names the button that
// chooses.
func (w *window) chooseFolder(confirm string, then func(path string)) {
	fd := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
		if err != nil || u == nil {
			return
		}
		then(u.Path())
	}, w.win)
	if confirm != "" {
		fd.SetConfirmText(confirm)
	}
	showFileDialog(fd)
}

// chooseFile asks for a file with one of exts and calls then with it open
// (then closes it); nothing happens if none is chosen.
func (w *window) chooseFile(exts []string, then func(r fyne.URIReadCloser)) {
	fd := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		then(r)
	}, w.win)
	showFileDialog(fd, exts...)
}

// chooseSaveFile asks where to save a file of extension ext, proposing
// name, and calls save with the path chosen: the dialog has created an
// empty file there (removeIfEmpty removes it if nothing is written).
// cancelled, if not nil, runs when no path is chosen.
func (w *window) chooseSaveFile(name, ext string, save func(path string), cancelled func()) {
	fd := dialog.NewFileSave(func(wr fyne.URIWriteCloser, err error) {
		if err != nil || wr == nil {
			if cancelled != nil {
				cancelled()
			}
			return
		}
		path := wr.URI().Path()
		wr.Close()
		save(path)
	}, w.win)
	fd.SetFileName(name)
	showFileDialog(fd, ext)
}

// removeIfEmpty removes the file at path if it is empty: the one a save
// dialog created for a write that failed or went elsewhere.
func removeIfEmpty(path string) {
	if st, err := os.Stat(path); err == nil && st.Size() == 0 {
		os.Remove(path)
	}
}
