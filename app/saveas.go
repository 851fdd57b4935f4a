package app

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/briefmap/briefmap/pkgedit"
)

// ShowSaveAs writes the open briefing as a .briefmap file (File > Save
// briefing as…), with or without the article texts.
func (w *window) ShowSaveAs() {
	if w.refuseWhileInvalid("saving it") {
		return
	}
	texts := widget.NewCheck("Include the article texts (sources/)", nil)
	texts.SetChecked(true)
	msg := wrappedLabel("A .briefmap file holds the whole briefing and opens in Briefmap with a double-click. " +
		"Leave the article texts out to share it without them (they may not be yours to give): the excerpts keep their anchors, " +
		"and briefmap check says which it could not verify.")
	w.confirm("Save briefing as", "Save…", fyne.NewSize(520, 260), func() { w.chooseBriefmapFile(texts.Checked) }, msg, texts)
}

// chooseBriefmapFile asks where to save and writes the file off the UI
// thread.
func (w *window) chooseBriefmapFile(withTexts bool) {
	fsys, done, err := w.packageFS()
	if err != nil {
		w.showError(err)
		return
	}
	w.chooseSaveFile(w.b.ID+".briefmap", ".briefmap", func(path string) {
		target := path
		if !strings.EqualFold(filepath.Ext(path), ".briefmap") {
			target = path + ".briefmap"
			removeIfEmpty(path) // the empty file the dialog made
		}
		go func() {
			defer done()
			err := pkgedit.WriteBriefmap(fsys, target, withTexts)
			fyne.Do(func() { w.savedBriefmap(target, withTexts, err) })
		}()
	}, done)
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
		removeIfEmpty(path)
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
	w.chooseFolder("Save the copy here", func(parent string) {
		if _, err := w.SaveCopy(parent); err != nil {
			w.showError(err)
			return
		}
		if then != nil {
			then()
		}
	})
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
