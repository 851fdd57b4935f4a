package app

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"
)

// reloadDelay is how long the watcher waits after the last change to a
// package file before it reloads: an editor's save, or an import writing
// three files, is one reload.
const reloadDelay = 150 * time.Millisecond

// watcher watches a package folder (and its sources/ folder) and calls
// onChange, on its own goroutine, once the files have stopped changing for
// reloadDelay. Changes to hidden files (editors' swap files, the temporary
// files of atomic writes) and to files a package does not hold are
// ignored.
type watcher struct {
	fw       *fsnotify.Watcher
	dir      string
	onChange func()
	done     chan struct{}
	once     sync.Once
}

// watchPackage starts watching folder dir.
func watchPackage(dir string, onChange func()) (*watcher, error) {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	if err := fw.Add(dir); err != nil {
		fw.Close()
		return nil, err
	}
	w := &watcher{fw: fw, dir: dir, onChange: onChange, done: make(chan struct{})}
	w.addSources()
	go w.loop()
	return w, nil
}

// addSources watches the package's sources/ folder when there is one.
func (w *watcher) addSources() {
	src := filepath.Join(w.dir, "sources")
	if info, err := os.Stat(src); err == nil && info.IsDir() {
		w.fw.Add(src) // watching it twice is harmless
	}
}

// relevant reports whether a change to path may change the package.
func (w *watcher) relevant(path string) bool {
	base := filepath.Base(path)
	if strings.HasPrefix(base, ".") || strings.HasSuffix(base, "~") || strings.HasPrefix(base, "#") {
		return false
	}
	if filepath.Dir(path) == filepath.Join(w.dir, "sources") || base == "sources" {
		return true
	}
	switch strings.ToLower(filepath.Ext(base)) {
	case ".yaml", ".yml", ".geojson", ".json":
		return true
	}
	return false
}

func (w *watcher) loop() {
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	for {
		select {
		case <-w.done:
			timer.Stop()
			return
		case ev, ok := <-w.fw.Events:
			if !ok {
				return
			}
			if !w.relevant(ev.Name) {
				continue
			}
			if ev.Has(fsnotify.Create) && filepath.Base(ev.Name) == "sources" {
				w.addSources()
			}
			timer.Reset(reloadDelay)
		case _, ok := <-w.fw.Errors:
			if !ok {
				return
			}
		case <-timer.C:
			w.onChange()
		}
	}
}

// Close stops watching.
func (w *watcher) Close() {
	w.once.Do(func() {
		close(w.done)
		w.fw.Close()
	})
}
