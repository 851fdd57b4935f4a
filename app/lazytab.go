package app

// deferredFill holds the last fill of a tab that is off screen: building a
// tab's widgets (and Fyne measuring their text) waits until the tab is
// shown, so the window's first frame lays out only the tab on screen.
type deferredFill struct {
	pending func()
	isShown func() bool // whether the tab is on screen; nil: never (yet)
}

// run calls fill now when the tab is on screen, and otherwise keeps it (in
// place of any fill kept before) for showing.
func (d *deferredFill) run(fill func()) {
	if d.isShown != nil && d.isShown() {
		d.pending = nil
		fill()
		return
	}
	d.pending = fill
}

// showing runs the fill kept while the tab was off screen, if any; the
// window calls it when the tab comes on screen.
func (d *deferredFill) showing() {
	if f := d.pending; f != nil {
		d.pending = nil
		f()
	}
}

// stale reports whether a fill waits for the tab to be shown.
func (d *deferredFill) stale() bool { return d.pending != nil }
