package app

import (
	"image/color"
	"math"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/briefmap/briefmap/data"
	"github.com/briefmap/briefmap/scene"
)

// Geometry of the timeline strip, in logical pixels.
const (
	stripHeight   = 58.0
	stripPad      = 8.0  // left and right of the axis
	stripAxisY    = 22.0 // the axis line
	stripTick     = 6.0  // half the height of a change tick
	stripBookmark = 13.0 // how far a bookmark's flag rises above the axis
	stripSnap     = 7.0  // a click this close to a tick goes to its date
)

// timelineStrip is the timeline's axis: a tick at every change date of the
// briefing's range, a flag at every snapshot (a bookmark), a handle at the
// date on screen and, in compare mode, a second one at the date compared
// with. A click goes to the nearest tick within stripSnap pixels, else to
// the day under the pointer; a shift-click compares the date on screen
// with that day; a drag scrubs through the change dates.
type timelineStrip struct {
	widget.BaseWidget

	// OnDate is called with the date a click or a drag chose; OnCompare
	// with the date a shift-click chose.
	OnDate    func(data.Date)
	OnCompare func(data.Date)

	rng       data.Period
	changes   []data.Date
	bookmarks []data.Date
	date      data.Date
	since     data.Date // zero: not comparing
}

func newTimelineStrip() *timelineStrip {
	s := &timelineStrip{}
	s.ExtendBaseWidget(s)
	return s
}

// setTimeline sets the range, the change dates and the bookmarks.
func (s *timelineStrip) setTimeline(rng data.Period, changes, bookmarks []data.Date) {
	s.rng, s.changes, s.bookmarks = rng, changes, bookmarks
	s.Refresh()
}

// setDates sets the date on screen and the compared one (zero: none).
func (s *timelineStrip) setDates(date, since data.Date) {
	if s.date == date && s.since == since {
		return
	}
	s.date, s.since = date, since
	s.Refresh()
}

// x returns the position of day d on a strip w wide.
func (s *timelineStrip) x(d data.Date, w float32) float32 {
	span := s.rng.From.DaysTo(s.rng.To)
	if span <= 0 {
		return stripPad
	}
	f := float64(s.rng.From.DaysTo(d)) / float64(span)
	f = math.Max(0, math.Min(1, f))
	return stripPad + float32(f)*(w-2*stripPad)
}

// dateAt returns the date a click at x chooses: the nearest change date or
// bookmark within stripSnap, else the day under x (clamped to the range).
func (s *timelineStrip) dateAt(x float32) data.Date {
	w := s.Size().Width
	best, bestDX := data.Date{}, float32(stripSnap)
	for _, ds := range [][]data.Date{s.bookmarks, s.changes} {
		for _, d := range ds {
			if dx := float32(math.Abs(float64(s.x(d, w) - x))); dx <= bestDX {
				best, bestDX = d, dx
			}
		}
	}
	if !best.IsZero() {
		return best
	}
	span := s.rng.From.DaysTo(s.rng.To)
	f := float64(x-stripPad) / float64(max(1, w-2*stripPad))
	f = math.Max(0, math.Min(1, f))
	return s.rng.From.AddDays(int(math.Round(f * float64(span))))
}

// MouseDown implements desktop.Mouseable: go to the date clicked, or
// compare with it when Shift is held.
func (s *timelineStrip) MouseDown(e *desktop.MouseEvent) {
	if s.rng.From.IsZero() || e.Button != desktop.MouseButtonPrimary {
		return
	}
	d := s.dateAt(e.Position.X)
	if e.Modifier&fyne.KeyModifierShift != 0 {
		if s.OnCompare != nil {
			s.OnCompare(d)
		}
		return
	}
	if s.OnDate != nil {
		s.OnDate(d)
	}
}

// MouseUp implements desktop.Mouseable.
func (s *timelineStrip) MouseUp(*desktop.MouseEvent) {}

// Dragged implements fyne.Draggable: scrub to the change date nearest the
// pointer.
func (s *timelineStrip) Dragged(e *fyne.DragEvent) {
	if s.rng.From.IsZero() || len(s.changes) == 0 || s.OnDate == nil {
		return
	}
	w := s.Size().Width
	best, bestDX := s.changes[0], float32(math.Inf(1))
	for _, d := range s.changes {
		if dx := float32(math.Abs(float64(s.x(d, w) - e.Position.X))); dx < bestDX {
			best, bestDX = d, dx
		}
	}
	if best != s.date {
		s.OnDate(best)
	}
}

// DragEnd implements fyne.Draggable.
func (s *timelineStrip) DragEnd() {}

// MinSize implements fyne.CanvasObject.
func (s *timelineStrip) MinSize() fyne.Size { return fyne.NewSize(160, stripHeight) }

// CreateRenderer implements fyne.Widget.
func (s *timelineStrip) CreateRenderer() fyne.WidgetRenderer {
	r := &stripRenderer{s: s}
	r.rebuild()
	return r
}

// stripRenderer draws a timelineStrip with canvas objects, rebuilt when the
// strip is refreshed or resized.
type stripRenderer struct {
	s       *timelineStrip
	objects []fyne.CanvasObject
	size    fyne.Size
}

func (r *stripRenderer) Layout(size fyne.Size) {
	if size != r.size {
		r.size = size
		r.rebuild()
	}
}

func (r *stripRenderer) MinSize() fyne.Size           { return r.s.MinSize() }
func (r *stripRenderer) Objects() []fyne.CanvasObject { return r.objects }
func (r *stripRenderer) Destroy()                     {}
func (r *stripRenderer) Refresh()                     { r.rebuild(); canvas.Refresh(r.s) }

// rebuild lays out the axis, the year marks, the ticks, the bookmarks and
// the handles for the strip's current size.
func (r *stripRenderer) rebuild() {
	s, w := r.s, r.size.Width
	if w <= 0 {
		w = s.MinSize().Width
	}
	fg := theme.Color(theme.ColorNameForeground)
	muted := theme.Color(theme.ColorNameDisabled)
	line := func(x0, y0, x1, y1 float32, c color.Color, width float32) fyne.CanvasObject {
		l := canvas.NewLine(c)
		l.StrokeWidth = width
		l.Position1, l.Position2 = fyne.NewPos(x0, y0), fyne.NewPos(x1, y1)
		return l
	}
	objs := []fyne.CanvasObject{line(stripPad, stripAxisY, w-stripPad, stripAxisY, muted, 1)}
	if !s.rng.From.IsZero() {
		// A mark and a label at each new year.
		for y := s.rng.From.Year + 1; y <= s.rng.To.Year; y++ {
			x := s.x(data.Date{Year: y, Month: 1, Day: 1}, w)
			objs = append(objs, line(x, stripAxisY, x, stripAxisY+stripTick+6, muted, 1))
			t := canvas.NewText(strconv.Itoa(y), muted)
			t.TextSize = theme.CaptionTextSize()
			t.Move(fyne.NewPos(x-t.MinSize().Width/2, stripAxisY+stripTick+6))
			objs = append(objs, t)
		}
		for _, d := range s.changes {
			x := s.x(d, w)
			objs = append(objs, line(x, stripAxisY-stripTick/2, x, stripAxisY+stripTick/2, fg, 1))
		}
		for _, d := range s.bookmarks {
			x := s.x(d, w)
			flag := canvas.NewRectangle(scene.AccentColour)
			flag.Resize(fyne.NewSize(5, 4))
			flag.Move(fyne.NewPos(x, stripAxisY-stripBookmark))
			objs = append(objs, line(x, stripAxisY-stripBookmark, x, stripAxisY, scene.AccentColour, 1.5), flag)
		}
		if !s.since.IsZero() {
			x := s.x(s.since, w)
			h := canvas.NewRectangle(color.Transparent)
			h.StrokeColor, h.StrokeWidth = fg, 1.5
			h.CornerRadius = 2
			h.Resize(fyne.NewSize(8, 18))
			h.Move(fyne.NewPos(x-4, stripAxisY-9))
			objs = append(objs, h)
		}
		if !s.date.IsZero() {
			x := s.x(s.date, w)
			h := canvas.NewRectangle(theme.Color(theme.ColorNamePrimary))
			h.StrokeColor, h.StrokeWidth = theme.Color(theme.ColorNameBackground), 1
			h.CornerRadius = 2
			h.Resize(fyne.NewSize(8, 18))
			h.Move(fyne.NewPos(x-4, stripAxisY-9))
			objs = append(objs, h)
		}
	}
	r.objects = objs
}

var (
	_ fyne.Widget       = (*timelineStrip)(nil)
	_ desktop.Mouseable = (*timelineStrip)(nil)
	_ fyne.Draggable    = (*timelineStrip)(nil)
)
