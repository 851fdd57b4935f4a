package app

import (
	"errors"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
	"github.com/paulmach/orb"

	"github.com/briefmap/briefmap/data"
)

// This file holds the window's time axis: stepping through the change
// dates, going to a typed date, the selection that follows the date, and
// compare mode.

// timelineCallbacks returns what the timeline panel reports to the window.
func (w *window) timelineCallbacks() timelineCallbacks {
	return timelineCallbacks{
		onDate:       w.SetDate,
		onTyped:      w.GoToTyped,
		onStep:       w.StepChange,
		onCompare:    w.CompareWith,
		onEndCompare: w.EndCompare,
	}
}

// setTimelineBriefing caches the briefing's change dates and shows its
// timeline.
func (w *window) setTimelineBriefing() {
	w.changes = w.b.ChangeDates()
	w.timeline.showBriefing(w.b, w.changes)
}

// StepChange goes to the change date before (dir < 0) or after (dir > 0)
// the date on screen; at either end it does nothing.
func (w *window) StepChange(dir int) {
	if d, ok := data.StepDates(w.changes, w.date, dir); ok {
		w.SetDate(d)
	}
}

// FirstChange and LastChange go to the first and the last change date.
func (w *window) FirstChange() {
	if len(w.changes) > 0 {
		w.SetDate(w.changes[0])
	}
}

func (w *window) LastChange() {
	if len(w.changes) > 0 {
		w.SetDate(w.changes[len(w.changes)-1])
	}
}

// GoToTyped goes to the date typed (YYYY-MM-DD); it returns the error a
// malformed date or one outside the briefing's range gives, and then
// changes nothing.
func (w *window) GoToTyped(s string) error {
	d, err := data.ParseDate(s)
	if err == nil {
		err = w.b.CheckDate(d)
	}
	if err != nil {
		w.status.say(sentence(err))
		return err
	}
	w.SetDate(d)
	return nil
}

// sentence returns err's text as a sentence: capital first, full stop last.
func sentence(err error) string {
	s := err.Error()
	if s == "" {
		return s
	}
	if s[0] >= 'a' && s[0] <= 'z' {
		s = string(s[0]-'a'+'A') + s[1:]
	}
	return s + "."
}

// timelineKey handles the timeline's keys: [ and ] step to the previous and
// next change, Home and End go to the first and last; it reports whether
// the key was one of them.
func (w *window) timelineRune(r rune) bool {
	switch r {
	case '[':
		w.StepChange(-1)
	case ']':
		w.StepChange(1)
	default:
		return false
	}
	return true
}

func (w *window) timelineKey(e *fyne.KeyEvent) bool {
	switch e.Name {
	case fyne.KeyHome:
		w.FirstChange()
	case fyne.KeyEnd:
		w.LastChange()
	default:
		return false
	}
	return true
}

// followSelection makes the selection follow the date from from to to
// (data.Briefing.Follow) and logs it: "selected" with what is selected
// now, or "selection cleared" with the reason, which the status line says.
func (w *window) followSelection(from, to data.Date) {
	ref := w.mapView.Selected()
	if ref.IsZero() {
		ref = w.shown
	}
	if ref.IsZero() {
		return
	}
	var at *orb.Point
	if p, ok := w.mapView.SelectedAt(); ok && ref == w.mapView.Selected() {
		at = &p
	}
	f := w.b.Follow(ref, at, from, to)
	if f.Reason != "" {
		w.status.say(f.Reason)
	}
	switch {
	case f.Rule == data.FollowCleared:
		w.log.Info("selection cleared", "reason", f.Reason)
		w.mapView.Select(data.Ref{})
		w.shown = data.Ref{}
	case f.Ref != ref:
		w.mapView.Select(f.Ref)
		w.shown = f.Ref
		w.log.Info("selected", "kind", f.Ref.Kind, "id", f.Ref.ID)
	default:
		w.log.Info("selected", "kind", f.Ref.Kind, "id", f.Ref.ID)
	}
}

// errCompareOff is CompareWith's error when the window has no later date
// to compare with.
var errCompareOff = errors.New("pick two different dates to compare")

// CompareWith compares the date on screen with d: the earlier of the two
// is A, the later B, which the map shows. Equal dates are refused with a
// message.
func (w *window) CompareWith(d data.Date) {
	a, b := d, w.date
	if b.Before(a) {
		a, b = b, a
	}
	if a == b {
		w.showError(fmt.Errorf("compare: %w: %s is the date on screen", errCompareOff, d))
		return
	}
	if err := w.SetCompare(a, b); err != nil {
		w.showError(err)
	}
}

// SetCompare turns compare mode on between a and b (the map shows b and
// marks what changed since a); a date outside the briefing's range, b
// before a or equal dates are refused and nothing changes.
func (w *window) SetCompare(a, b data.Date) error {
	if err := w.b.CheckDates(a, b); err != nil {
		return fmt.Errorf("compare: %w", err)
	}
	w.since = a
	w.log.Info("compare", "from", a.String(), "to", b.String())
	if w.date != b {
		w.SetDate(b)
	} else {
		w.applyDate()
	}
	w.tabs.Select(w.changesTab.item)
	return nil
}

// EndCompare leaves compare mode.
func (w *window) EndCompare() {
	if w.since.IsZero() {
		return
	}
	w.since = data.Date{}
	w.log.Info("compare ended")
	w.applyDate()
}

// ShowCompare asks for the two dates to compare (View > Compare…): A
// defaults to the snapshot before the date on screen, B to that date; any
// date may be typed.
func (w *window) ShowCompare() {
	var opts []string
	for _, s := range w.b.Snapshots {
		opts = append(opts, s.Date.String())
	}
	a, b := widget.NewSelectEntry(opts), widget.NewSelectEntry(opts)
	def := w.b.DefaultDate
	if len(w.b.Snapshots) > 0 {
		def = w.b.Snapshots[0].Date
	}
	for _, s := range w.b.Snapshots {
		if s.Date.Before(w.date) {
			def = s.Date
		}
	}
	if !w.since.IsZero() {
		def = w.since
	}
	a.SetText(def.String())
	b.SetText(w.date.String())
	d := dialog.NewForm("Compare two dates", "Compare", "Cancel", []*widget.FormItem{
		widget.NewFormItem("From (A)", a), widget.NewFormItem("To (B), shown", b),
	}, func(ok bool) {
		if !ok {
			return
		}
		from, err := data.ParseDate(a.Text)
		if err != nil {
			w.showError(fmt.Errorf("compare: from: %w", err))
			return
		}
		to, err := data.ParseDate(b.Text)
		if err != nil {
			w.showError(fmt.Errorf("compare: to: %w", err))
			return
		}
		if err := w.SetCompare(from, to); err != nil {
			w.showError(err)
		}
	}, w.win)
	d.Resize(fyne.NewSize(420, 220))
	d.Show()
}
