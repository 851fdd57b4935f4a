package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/briefmap/briefmap/data"
)

// selectionTab is the Selection tab: the card of the record selected on
// the map, or of the actor or excerpt picked in the other tabs.
type selectionTab struct {
	card     *widget.RichText
	scroll   *container.Scroll
	item     *container.TabItem
	onRecord func(data.Ref) // a record named on the card was clicked
}

// newSelectionTab returns the tab; onRecord is called when the user
// clicks a record the card names (an event's actors, a place's events).
func newSelectionTab(onRecord func(data.Ref)) *selectionTab {
	t := &selectionTab{card: widget.NewRichText(), onRecord: onRecord}
	t.card.Wrapping = fyne.TextWrapWord
	t.scroll = container.NewVScroll(t.card)
	t.item = container.NewTabItem("Selection", t.scroll)
	return t
}

// show fills the tab with card c of briefing b; onExcerpt is called by the
// "Show on map" link of each excerpt. With ok false nothing is selected:
// the tab says how to select something.
func (t *selectionTab) show(b *data.Briefing, c card, ok bool, onExcerpt func(*data.Excerpt)) {
	if !ok {
		t.card.Segments = []widget.RichTextSegment{
			&widget.TextSegment{Text: "Nothing selected", Style: widget.RichTextStyleSubHeading},
			&widget.TextSegment{Text: "Click a zone, an oil terminal, a deployment or an event on the map to see who holds it and which sources say so. " +
				"Pick an actor in the Actors tab, or an excerpt in the Excerpts tab, to highlight what it concerns; the Events tab lists what happened around the date, on the map and elsewhere. " +
				"Scroll to zoom, drag to pan, 0 resets the view, Ctrl+F searches.", Style: widget.RichTextStyleParagraph},
		}
		t.card.Refresh()
		return
	}
	t.card.Segments = linkedCardSegments(b, c, onExcerpt, t.onRecord)
	t.card.Refresh()
	t.scroll.ScrollToTop()
}
