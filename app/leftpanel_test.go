package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/briefmap/briefmap/data"
)

// menuBarAllowance is the height the window's own menu bar takes at
// 1280×800 under X11 (the test window has none), in logical pixels.
const menuBarAllowance = 40

// TestPanelsFit1280x800 checks the layout at 1280×800 on every snapshot
// date: the left panel shows the Layers heading, every layer check box, the
// Legend heading and the legend's first two entries without scrolling (and
// a menu bar's height to spare), and the right tab bar shows every tab, so
// it has no overflow ("…") button.
func TestPanelsFit1280x800(t *testing.T) {
	w, _ := newTestWindow(t)
	drv := fyne.CurrentApp().Driver()
	bottom := func(o fyne.CanvasObject) float32 { return drv.AbsolutePositionForObject(o).Y + o.Size().Height }
	for _, snap := range w.b.Snapshots {
		w.SetDate(snap.Date)
		w.left.scroll.ScrollToTop()
		fold := drv.AbsolutePositionForObject(w.left.scroll).Y + w.left.scroll.Size().Height - menuBarAllowance
		shown := []fyne.CanvasObject{w.left.layersHead, w.left.legendHead}
		for _, c := range w.left.checks {
			shown = append(shown, c)
		}
		if len(w.left.legendBox.Objects) < 2 {
			t.Fatalf("%v: the legend has %d entries", snap.Date, len(w.left.legendBox.Objects))
		}
		shown = append(shown, w.left.legendBox.Objects[:2]...)
		for i, o := range shown {
			if b := bottom(o); b > fold {
				t.Errorf("%v: left panel object %d (%T) ends at y=%.0f, below the fold at %.0f", snap.Date, i, o, b, fold)
			}
		}
	}
	more := theme.MoreHorizontalIcon().Name()
	for _, b := range findObjects[*widget.Button](w.tabs) {
		if b.Visible() && b.Icon != nil && b.Icon.Name() == more {
			t.Errorf("the right tab bar overflows into a … button at %v wide", w.tabs.Size().Width)
		}
	}
	if len(w.tabs.Items) != 5 {
		t.Errorf("%d tabs, want Selection, Actors, Excerpts, Events and Changes", len(w.tabs.Items))
	}
}

// TestSnapshotPicker checks the picker: one option per snapshot, in order,
// "2 Jan 2006 · label"; choosing one sets the window's date; a date that is
// no snapshot's shows the hint, and showing a date does not set it again.
func TestSnapshotPicker(t *testing.T) {
	w, _ := newTestWindow(t)
	p := w.left.snapshots
	for i, s := range w.b.Snapshots {
		if want := snapshotOption(s); p.sel.Options[i] != want {
			t.Errorf("option %d is %q, want %q", i, p.sel.Options[i], want)
		}
	}
	if got := p.sel.Options[1]; got != "19 Jan 2020 · Berlin conference" {
		t.Errorf("option 1 is %q", got)
	}
	last := len(w.b.Snapshots) - 1
	p.sel.SetSelectedIndex(last)
	if w.date != w.b.Snapshots[last].Date {
		t.Fatalf("choosing %q set the date to %v", p.sel.Selected, w.date)
	}
	off := w.b.Snapshots[0].Date.AddDays(1)
	w.SetDate(off)
	if p.sel.Selected != "" || p.sel.SelectedIndex() != -1 {
		t.Errorf("on %v (no snapshot) the picker shows %q", off, p.sel.Selected)
	}
	var calls []data.Date
	q := newSnapshotPicker(func(d data.Date) { calls = append(calls, d) })
	q.showBriefing(w.b)
	q.showDate(w.b.Snapshots[2].Date)
	if q.sel.SelectedIndex() != 2 || len(calls) != 0 {
		t.Errorf("showDate chose %d and called onDate %v", q.sel.SelectedIndex(), calls)
	}
	q.sel.SetSelectedIndex(3)
	if len(calls) != 1 || calls[0] != w.b.Snapshots[3].Date {
		t.Errorf("choosing option 3 called onDate with %v", calls)
	}
}

// TestSnapshotOption checks the one-line text of a snapshot.
func TestSnapshotOption(t *testing.T) {
	for _, c := range []struct {
		s    data.Snapshot
		want string
	}{
		{data.Snapshot{Date: data.MustDate("2019-07-01"), Label: "Siege of Tripoli"}, "1 Jul 2019 · Siege of Tripoli"},
		{data.Snapshot{Date: data.MustDate("2023-09-30")}, "30 Sep 2023"},
		{data.Snapshot{Label: "undated"}, "undated"},
	} {
		if got := snapshotOption(c.s); got != c.want {
			t.Errorf("snapshotOption(%+v) = %q, want %q", c.s, got, c.want)
		}
	}
}
