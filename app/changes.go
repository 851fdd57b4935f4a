package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/paulmach/orb"

	"github.com/briefmap/briefmap/data"
)

// changesTab is the Changes tab ("what changed") of compare mode: each change
// between the two dates (data.Briefing.DiffItems), largest first, with how
// things stood before and after and the excerpts that back each side; a
// click on a change selects it on the map.
type changesTab struct {
	box    *fyne.Container
	scroll *container.Scroll
	item   *container.TabItem
	// shown are the items listed, in order (tests).
	shown []data.DiffItem
	// onPick is called with the index in shown of the change clicked.
	onPick func(i int)
	fill   deferredFill // the list waits until the tab is shown
}

// newChangesTab returns the tab, empty until it is first filled and shown;
// onPick is called with the index in shown of the change the user clicks.
func newChangesTab(onPick func(i int)) *changesTab {
	t := &changesTab{box: container.NewVBox(), onPick: onPick}
	t.scroll = container.NewVScroll(t.box)
	t.item = container.NewTabItem("Changes", t.scroll)
	t.showOff()
	return t
}

// showing is called when the tab comes on screen.
func (t *changesTab) showing() { t.fill.showing() }

// showOff says how to turn compare mode on: now when the tab is on
// screen, otherwise when it is next shown.
func (t *changesTab) showOff() {
	t.shown = nil
	t.fill.run(t.buildOff)
}

// buildOff fills the tab with how to turn compare mode on.
func (t *changesTab) buildOff() {
	intro := widget.NewRichText(
		&widget.TextSegment{Text: "Not comparing", Style: widget.RichTextStyleSubHeading},
		&widget.TextSegment{Text: "Choose View > Compare… (or shift-click a date on the timeline) to mark on the map what changed " +
			"between two dates and list the changes here, largest first, with the excerpts behind each side.", Style: widget.RichTextStyleParagraph},
	)
	intro.Wrapping = fyne.TextWrapWord
	t.box.Objects = []fyne.CanvasObject{intro}
	t.box.Refresh()
}

// show lists the changes of d in briefing b (now when the tab is on
// screen, otherwise when it is next shown); onExcerpt is called by an
// excerpt's "Show on map" link. shown is set at once.
func (t *changesTab) show(b *data.Briefing, d *data.Diff, onExcerpt func(*data.Excerpt)) {
	t.shown = b.DiffItems(*d)
	items := t.shown
	t.fill.run(func() { t.build(b, d, items, onExcerpt) })
}

// build lists items, the changes of d in briefing b.
func (t *changesTab) build(b *data.Briefing, d *data.Diff, items []data.DiffItem, onExcerpt func(*data.Excerpt)) {
	head := widget.NewRichText(&widget.TextSegment{
		Text:  fmt.Sprintf("What changed between %s and %s", d.From.Long(), d.To.Long()),
		Style: widget.RichTextStyleSubHeading,
	})
	head.Wrapping = fyne.TextWrapWord
	objs := []fyne.CanvasObject{head}
	if len(items) == 0 {
		objs = append(objs, widget.NewLabel("Nothing changed."))
	}
	for i, it := range items {
		title := it.Title
		if it.AreaKM2 > 0 {
			title += " (" + data.AreaText(it.AreaKM2) + ")"
		}
		// The title wraps (a link or a button would not, and would widen
		// the panel); the link under it selects the change on the map,
		// when something of it is on the later date's map.
		head := widget.RichTextStyleParagraph
		head.TextStyle.Bold = true
		segs := []widget.RichTextSegment{&widget.TextSegment{Text: title, Style: head}}
		if !it.Ref.IsZero() {
			segs = append(segs, &widget.HyperlinkSegment{Text: "Select on map", OnTapped: func() { t.onPick(i) }},
				&widget.TextSegment{Text: "", Style: widget.RichTextStyleParagraph})
		}
		rt := widget.NewRichText(append(segs, changeSegments(d, b, it, onExcerpt)...)...)
		rt.Wrapping = fyne.TextWrapWord
		objs = append(objs, widget.NewSeparator(), rt)
	}
	t.box.Objects = objs
	t.box.Refresh()
	t.scroll.ScrollToTop()
}

// changeSegments returns the before and after of change it, each with the
// excerpts that back it or "background".
func changeSegments(d *data.Diff, b *data.Briefing, it data.DiffItem, onExcerpt func(*data.Excerpt)) []widget.RichTextSegment {
	var segs []widget.RichTextSegment
	side := func(label, text string, by []*data.Excerpt) {
		if text == "" {
			return
		}
		segs = append(segs, &widget.TextSegment{Text: label + " ", Style: widget.RichTextStyleStrong})
		if len(by) == 0 {
			segs = append(segs, &widget.TextSegment{Text: tagBackground + " ", Style: tagStyle(theme.ColorNameWarning)})
		} else {
			segs = append(segs, &widget.TextSegment{Text: tagSourced + " ", Style: tagStyle(theme.ColorNameSuccess)})
		}
		segs = append(segs, &widget.TextSegment{Text: text, Style: widget.RichTextStyleParagraph})
		for _, e := range by {
			segs = append(segs, quoteSegments(b, e, onExcerpt)...)
		}
	}
	if it.Kind == data.KindEvent {
		side("Event:", it.After, it.AfterBy)
		return segs
	}
	side("Before ("+d.From.Long()+"):", it.Before, it.BeforeBy)
	side("After ("+d.To.Long()+"):", it.After, it.AfterBy)
	return segs
}

// showChanges fills the Changes tab: the diff of compare mode, or how
// to turn it on.
func (w *window) showChanges() {
	o := w.options()
	if !o.CompareOn() {
		w.changesTab.showOff()
		return
	}
	d, err := w.r.Diff(o.Since, o.Date)
	if err != nil {
		w.changesTab.showOff()
		return
	}
	w.changesTab.show(w.b, d, w.ShowExcerpt)
}

// SelectChange selects change i of the Changes tab on the map: its
// record on the later date, framed on the area or the spots that changed.
func (w *window) SelectChange(i int) {
	if i < 0 || i >= len(w.changesTab.shown) {
		return
	}
	it := w.changesTab.shown[i]
	w.status.say(it.Title)
	if it.Ref.IsZero() {
		return
	}
	w.mapView.Select(it.Ref)
	if it.Zone >= 0 { // outline the area that changed hands, not all of the zone it is now part of
		o := w.mapView.Options()
		o.Change = it.Zone + 1
		w.mapView.SetOptions(o)
	}
	w.log.Info("selected", "kind", it.Ref.Kind, "id", it.Ref.ID)
	w.showCard(it.Ref)
	if ext, ok := w.changeExtent(it); ok {
		w.panToBounds(ext)
	} else {
		w.panTo(it.Ref)
	}
}

// changeExtent returns the bounds of what changed: the area that changed
// hands, or the spots a force arrived at or left.
func (w *window) changeExtent(it data.DiffItem) (orb.Bound, bool) {
	d, err := w.r.Diff(w.since, w.date)
	if err != nil {
		return orb.Bound{}, false
	}
	if it.Zone >= 0 && it.Zone < len(d.Zones) && len(d.Zones[it.Zone].Geometry) > 0 {
		return d.Zones[it.Zone].Geometry.Bound(), true
	}
	var b orb.Bound
	ok := false
	for _, k := range it.Spots {
		if k < 0 || k >= len(d.Spots) {
			continue
		}
		p := d.Spots[k].Point
		if !ok {
			b, ok = orb.Bound{Min: p, Max: p}, true
		} else {
			b = b.Extend(p)
		}
	}
	return b, ok
}
