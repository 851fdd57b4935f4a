package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/briefmap/briefmap/data"
)

// timelinePanel is the as-of control at the top of the left panel: the
// previous and next change, a field to type any date, the strip of change
// dates with the snapshots as bookmarks, what changes on the date shown
// and, in compare mode, the date compared with. It owns these widgets;
// the window tells it what to show and hears the user's choices through
// the callbacks it was built with.
type timelinePanel struct {
	prev, next *widget.Button
	entry      *widget.Entry
	strip      *timelineStrip
	summary    *widget.Label
	compare    *widget.Label
	endCompare *widget.Button
	compareRow *fyne.Container
	content    fyne.CanvasObject
}

// timelineCallbacks are what the panel reports: a date chosen (clicked,
// dragged or typed), a step to the previous (-1) or next (+1) change, a
// date to compare with (shift-click), the end of compare mode.
type timelineCallbacks struct {
	onDate       func(data.Date)
	onTyped      func(string) error
	onStep       func(dir int)
	onCompare    func(data.Date)
	onEndCompare func()
}

func newTimelinePanel(cb timelineCallbacks) *timelinePanel {
	p := &timelinePanel{}
	p.prev = widget.NewButtonWithIcon("", theme.NavigateBackIcon(), func() { cb.onStep(-1) })
	p.next = widget.NewButtonWithIcon("", theme.NavigateNextIcon(), func() { cb.onStep(1) })
	p.entry = widget.NewEntry()
	p.entry.SetPlaceHolder("YYYY-MM-DD")
	p.entry.OnSubmitted = func(s string) {
		if err := cb.onTyped(strings.TrimSpace(s)); err != nil {
			p.entry.SetValidationError(err)
		}
	}
	p.strip = newTimelineStrip()
	p.strip.OnDate = cb.onDate
	p.strip.OnCompare = cb.onCompare
	p.summary = caption("")
	p.compare = caption("")
	p.endCompare = widget.NewButton("End compare", cb.onEndCompare)
	p.compareRow = container.NewVBox(p.compare, p.endCompare)
	p.compareRow.Hide()
	p.content = container.NewVBox(
		container.NewBorder(nil, nil, p.prev, p.next, p.entry),
		p.strip,
		p.summary,
		p.compareRow,
	)
	return p
}

// showBriefing sets the strip to b's range, change dates and snapshots.
func (p *timelinePanel) showBriefing(b *data.Briefing, changes []data.Date) {
	var marks []data.Date
	for _, s := range b.Snapshots {
		marks = append(marks, s.Date)
	}
	p.strip.setTimeline(b.Range(), changes, marks)
}

// showDate shows date d of b (and since, in compare mode): the field, the
// handles, the step buttons (off at either end of changes) and what
// changes on d.
func (p *timelinePanel) showDate(b *data.Briefing, changes []data.Date, d, since data.Date) {
	if p.entry.Text != d.String() {
		p.entry.SetText(d.String())
	}
	p.entry.SetValidationError(nil)
	p.strip.setDates(d, since)
	setEnabled(p.prev, len(changes) > 0 && changes[0].Before(d))
	setEnabled(p.next, len(changes) > 0 && changes[len(changes)-1].After(d))
	p.summary.SetText(dateSummary(b, d))
	if since.IsZero() {
		p.compareRow.Hide()
		return
	}
	p.compare.SetText(fmt.Sprintf("Comparing with %s: the map marks what changed since then (Changes tab).", since.Long()))
	p.compareRow.Show()
}

func setEnabled(w fyne.Disableable, on bool) {
	if on && w.Disabled() {
		w.Enable()
	} else if !on && !w.Disabled() {
		w.Disable()
	}
}

// dateSummary says what date d is: "19 January 2020 — Berlin conference.
// 3 changes: …" (the first three changes, and how many more).
func dateSummary(b *data.Briefing, d data.Date) string {
	s := d.Long()
	if snap := b.SnapshotFor(d); snap.Label != "" {
		s += " — " + snap.Label
	}
	cs := b.ChangesOn(d)
	switch {
	case len(cs) == 0:
		return s + ". No change on this day."
	case len(cs) == 1:
		s += ". 1 change: "
	default:
		s += fmt.Sprintf(". %d changes: ", len(cs))
	}
	var what []string
	for _, c := range cs[:min(len(cs), 3)] {
		what = append(what, c.What)
	}
	s += strings.Join(what, "; ")
	if len(cs) > 3 {
		s += fmt.Sprintf("; and %d more", len(cs)-3)
	}
	return s + "."
}
