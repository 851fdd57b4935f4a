package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/briefmap/briefmap/data"
)

// actorsTab is the Actors tab: a filter box, the list of the briefing's
// actors that match it, and the card of the actor picked.
type actorsTab struct {
	b      *data.Briefing
	search *widget.Entry
	list   *widget.List
	ids    []string // the actors listed, in order
	card   *widget.RichText
	scroll *container.Scroll
	item   *container.TabItem
}

// newActorsTab returns the tab; it calls onPick with the id of the actor
// the user picks in the list.
func newActorsTab(onPick func(id string)) *actorsTab {
	t := &actorsTab{}
	t.search = widget.NewEntry()
	t.search.SetPlaceHolder("Filter actors (any spelling)")
	t.search.OnChanged = t.filter
	t.list = widget.NewList(
		func() int { return len(t.ids) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i < len(t.ids) {
				o.(*widget.Label).SetText(t.line(t.ids[i]))
			}
		})
	t.list.OnSelected = func(i widget.ListItemID) {
		if i < len(t.ids) {
			onPick(t.ids[i])
		}
	}
	t.card = widget.NewRichText(&widget.TextSegment{
		Text:  "Pick an actor above to see its aliases, side, backers and deployments, and to highlight what it holds on the map.",
		Style: widget.RichTextStyleParagraph})
	t.card.Wrapping = fyne.TextWrapWord
	t.scroll = container.NewVScroll(t.card)
	split := container.NewVSplit(t.list, t.scroll)
	split.SetOffset(0.35)
	t.item = container.NewTabItem("Actors", container.NewBorder(t.search, nil, nil, nil, split))
	return t
}

// setBriefing lists the actors of b, with an empty filter.
func (t *actorsTab) setBriefing(b *data.Briefing) {
	t.b = b
	t.search.SetText("")
	t.filter("")
}

// line is an actor's line in the list: "Khalifa Haftar · person".
func (t *actorsTab) line(id string) string {
	a, ok := t.b.Actor(id)
	if !ok {
		return id
	}
	if a.Kind == "" {
		return a.Name
	}
	return a.Name + " · " + strings.ToLower(kindName(a.Kind))
}

// filter lists the actors whose name or an alias matches q (all when q is
// empty).
func (t *actorsTab) filter(q string) {
	t.ids = t.ids[:0]
	if q = strings.TrimSpace(q); q == "" {
		for _, a := range t.b.Actors {
			t.ids = append(t.ids, a.ID)
		}
	} else {
		seen := map[string]bool{}
		for _, m := range t.b.Search(q) {
			if m.Kind == data.KindActor && !seen[m.ID] {
				seen[m.ID] = true
				t.ids = append(t.ids, m.ID)
			}
		}
	}
	t.list.UnselectAll()
	t.list.Refresh()
}

// show shows card c of briefing b under the list.
func (t *actorsTab) show(b *data.Briefing, c card, onExcerpt func(*data.Excerpt)) {
	t.card.Segments = cardSegments(b, c, onExcerpt)
	t.card.Refresh()
	t.scroll.ScrollToTop()
}
