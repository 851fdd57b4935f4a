package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// command is a window action with its menu label and its shortcut, Ctrl
// (Cmd on macOS) and key. Each shortcut is bound here once: the same
// command gives the menu item, which shows the shortcut, and the canvas
// shortcut, which runs it (Fyne's menus on Linux and Windows only show
// theirs).
type command struct {
	label string
	key   fyne.KeyName
	run   func()
}

func (c command) shortcut() *desktop.CustomShortcut {
	return &desktop.CustomShortcut{KeyName: c.key, Modifier: fyne.KeyModifierShortcutDefault}
}

func (c command) menuItem() *fyne.MenuItem {
	it := fyne.NewMenuItem(c.label, c.run)
	it.Shortcut = c.shortcut()
	return it
}

// windowCommands are the window's commands with a shortcut.
type windowCommands struct{ open, importArticle, undo, export, search command }

func (w *window) commands() windowCommands {
	return windowCommands{
		open:          command{"Open briefing…", fyne.KeyO, w.ShowOpen},
		importArticle: command{"Import article…", fyne.KeyI, w.ShowImport},
		undo:          command{"Undo", fyne.KeyZ, w.Undo},
		export:        command{"Export slide…", fyne.KeyE, w.ExportSlide},
		search:        command{"Search actors and places…", fyne.KeyF, w.ShowSearch},
	}
}

// all returns the commands with a shortcut.
func (c windowCommands) all() []command {
	return []command{c.open, c.importArticle, c.undo, c.export, c.search}
}

// buildMenu sets the main menu: File, View (with a check item per layer)
// and Help.
func (w *window) buildMenu(cmds windowCommands) {
	quit := fyne.NewMenuItem("Quit", func() {
		w.savePrefs()
		w.app.Quit()
	})
	quit.IsQuit = true
	file := fyne.NewMenu("File", cmds.open.menuItem(), cmds.importArticle.menuItem(),
		fyne.NewMenuItem("Save briefing as…", w.ShowSaveAs), fyne.NewMenuItem("Save a copy as a folder…", func() { w.ShowSaveCopy(nil) }),
		fyne.NewMenuItemSeparator(), cmds.export.menuItem(), fyne.NewMenuItemSeparator(), quit)
	edit := fyne.NewMenu("Edit", cmds.undo.menuItem())

	items := []*fyne.MenuItem{fyne.NewMenuItem("Reset view (0)", w.ResetView), cmds.search.menuItem(), fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("Previous change ([)", func() { w.StepChange(-1) }), fyne.NewMenuItem("Next change (])", func() { w.StepChange(1) }),
		fyne.NewMenuItem("Compare…", w.ShowCompare), fyne.NewMenuItem("End compare", w.EndCompare), fyne.NewMenuItemSeparator()}
	w.layerItems = nil
	for i, t := range layerToggles {
		it := fyne.NewMenuItem(t.Label, func() { w.setLayer(i, !*t.flag(&w.layers)) })
		it.Checked = *t.flag(&w.layers)
		w.layerItems = append(w.layerItems, it)
		items = append(items, it)
	}
	view := fyne.NewMenu("View", items...)
	help := fyne.NewMenu("Help", fyne.NewMenuItem("About Briefmap", w.ShowAbout))
	w.menu = fyne.NewMainMenu(file, edit, view, help)
	w.win.SetMainMenu(w.menu)
}

// addShortcuts registers the commands' shortcuts on the canvas and
// forwards keys to the map when nothing else has the focus.
func (w *window) addShortcuts(cmds windowCommands) {
	c := w.win.Canvas()
	for _, cmd := range cmds.all() {
		c.AddShortcut(cmd.shortcut(), func(fyne.Shortcut) { cmd.run() })
	}
	c.SetOnTypedKey(w.mapView.TypedKey)
	c.SetOnTypedRune(w.mapView.TypedRune)
	// The timeline's keys ([ and ] step through the changes, Home and End
	// go to the first and last), whether the map has the focus or not.
	w.mapView.OnTypedRune = func(r rune) { w.timelineRune(r) }
	w.mapView.OnTypedKey = func(e *fyne.KeyEvent) { w.timelineKey(e) }
}
