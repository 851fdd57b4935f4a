package app

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/briefmap/briefmap/pkgedit"
)

// ShowSaveAs writes the open briefing as a .briefmap file (File > Save
// briefing as…), with or without the article texts.
func (w *window) ShowSaveAs() {
	if w.ed.bar.shown() {
		w.showError(errors.New("the briefing on disk has problems (see the bar above the map): fix them before saving it"))
		return
	}
	texts := widget.NewCheck("Include the article texts (sources/)", nil)
	texts.SetChecked(true)
	msg := widget.NewLabel("A .briefmap file holds the whole briefing and opens in Briefmap with a double-click. " +
		"Leave the article texts out to share it without them (they may not be yours to give): the excerpts keep their anchors, " +
		"and briefmap check says which it could not verify.")
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm("Save briefing as", "Save…", "Cancel", container.NewVBox(msg, texts), func(ok bool) {
		if ok {
			w.chooseBriefmapFile(texts.Checked)
		}
	}, w.win)
	d.Resize(fyne.NewSize(520, 260))
	d.Show()
}

// chooseBriefmapFile asks where to save and writes the file off the UI
// thread.
func (w *window) chooseBriefmapFile(withTexts bool) {
	fsys, done, err := w.packageFS()
	if err != nil {
		w.showError(err)
		return
	}
	fd := dialog.NewFileSave(func(wr fyne.URIWriteCloser, err error) {
		if err != nil || wr == nil {
			done()
			return
		}
		path := wr.URI().Path()
		wr.Close()
		target := path
		if !strings.EqualFold(filepath.Ext(path), ".briefmap") {
			target = path + ".briefmap"
			if st, err := os.Stat(path); err == nil && st.Size() == 0 {
				os.Remove(path) // the empty file the dialog made
			}
		}
		go func() {
			defer done()
			err := pkgedit.WriteBriefmap(fsys, target, withTexts)
			fyne.Do(func() { w.savedBriefmap(target, withTexts, err) })
		}()
	}, w.win)
	fd.SetFileName(w.b.ID + ".briefmap")
	fd.SetFilter(storage.NewExtensionFileFilter([]string{".briefmap"}))
	fd.Resize(fyne.NewSize(800, 560))
	fd.Show()
}

// SaveBriefmap writes the open briefing as a .briefmap file at path (on
// the calling goroutine).
func (w *window) SaveBriefmap(path string, withTexts bool) error {
	fsys, done, err := w.packageFS()
	if err != nil {
		return err
	}
	defer done()
	err = pkgedit.WriteBriefmap(fsys, path, withTexts)
	w.savedBriefmap(path, withTexts, err)
	return err
}

// savedBriefmap reports a written .briefmap file, or why it was not.
func (w *window) savedBriefmap(path string, withTexts bool, err error) {
	if err != nil {
		if st, serr := os.Stat(path); serr == nil && st.Size() == 0 {
			os.Remove(path)
		}
		w.log.Warn("save briefing", "path", path, "err", err.Error())
		w.showError(fmt.Errorf("save briefing: %w", err))
		return
	}
	what := "with the article texts"
	if !withTexts {
		what = "without the article texts"
	}
	w.log.Info("briefing saved", "path", path, "texts", withTexts)
	w.status.say(fmt.Sprintf("Briefing saved to %s (%s)", path, what))
}

// ShowSaveCopy asks for a folder and saves a copy of the open briefing in
// a new folder inside it, then opens the copy; then (if not nil) runs
// once it is open.
func (w *window) ShowSaveCopy(then func()) {
	fd := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
		if err != nil || u == nil {
			return
		}
		if _, err := w.SaveCopy(u.Path()); err != nil {
			w.showError(err)
			return
		}
		if then != nil {
			then()
		}
	}, w.win)
	fd.SetConfirmText("Save the copy here")
	fd.Resize(fyne.NewSize(800, 560))
	fd.Show()
}

// SaveCopy copies the open briefing, article texts included, into a new
// folder inside parent named after the briefing ("libya", "libya-2"…),
// opens the copy and returns its path.
func (w *window) SaveCopy(parent string) (string, error) {
	fsys, done, err := w.packageFS()
	if err != nil {
		return "", err
	}
	defer done()
	dir := filepath.Join(parent, w.b.ID)
	for n := 2; exists(dir); n++ {
		dir = filepath.Join(parent, fmt.Sprintf("%s-%d", w.b.ID, n))
	}
	if err := pkgedit.CopyTo(fsys, dir); err != nil {
		return "", fmt.Errorf("save a copy: %w", err)
	}
	if err := w.OpenPath(dir); err != nil {
		return "", err
	}
	w.log.Info("copy saved", "path", dir)
	w.status.say("A copy of the briefing is saved in " + dir + "; you are working on it")
	return dir, nil
}

func exists(p string) bool {
	_, err := os.Stat(p)
	return !errors.Is(err, fs.ErrNotExist)
}
