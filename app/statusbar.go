package app

import (
	"fmt"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
	"github.com/paulmach/orb"

	"github.com/briefmap/briefmap/data"
)

// statusHint is the status line when the pointer is not on the map.
const statusHint = "Click a zone, terminal, deployment or event on the map to see who holds it and the sources"

// statusBar is the line under the window: what the pointer is on (or a
// hint, or the last message) on the left, the as-of date on the right.
type statusBar struct {
	status  *widget.Label
	date    *widget.Label
	content fyne.CanvasObject
}

func newStatusBar() *statusBar {
	s := &statusBar{status: widget.NewLabel(statusHint), date: widget.NewLabel("")}
	s.status.Truncation = fyne.TextTruncateEllipsis
	s.content = container.NewVBox(widget.NewSeparator(), container.NewBorder(nil, nil, nil, s.date, s.status))
	return s
}

// say shows msg on the left.
func (s *statusBar) say(msg string) { s.status.SetText(msg) }

// showDate shows "As of 19 January 2020 (label)" for date d of b.
func (s *statusBar) showDate(b *data.Briefing, d data.Date) {
	label := d.Long()
	for _, snap := range b.Snapshots {
		if snap.Date == d && snap.Label != "" {
			label += " (" + snap.Label + ")"
		}
	}
	s.date.SetText("As of " + label)
}

// hover shows what the pointer is on: the record's name and kind and the
// coordinates, the coordinates alone, or the hint when the pointer left
// the map.
func (s *statusBar) hover(b *data.Briefing, p orb.Point, ref data.Ref, ok, inside bool) {
	switch {
	case !inside:
		s.say(statusHint)
	case !ok:
		s.say(coordText(p))
	default:
		s.say(b.Name(ref.ID) + " (" + string(ref.Kind) + ") · " + coordText(p))
	}
}

// coordText returns "32.887°N 13.191°E".
func coordText(p orb.Point) string {
	ns, ew := "N", "E"
	if p[1] < 0 {
		ns = "S"
	}
	if p[0] < 0 {
		ew = "W"
	}
	return fmt.Sprintf("%.3f°%s %.3f°%s", math.Abs(p[1]), ns, math.Abs(p[0]), ew)
}
