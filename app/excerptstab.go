package app

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/briefmap/briefmap/data"
)

// Filter choices that let every excerpt through.
const (
	allSources = "All sources"
	allRecords = "Everything"
)

// excerptsTab is the Excerpts tab: every excerpt of the briefing, filtered
// by source and by the record it is about, each with its citation and a
// link that shows what it backs on the map.
type excerptsTab struct {
	b         *data.Briefing
	source    *widget.Select
	about     *widget.Select
	box       *fyne.Container
	aboutIDs  map[string]string // "about" filter label → record id
	stale     bool              // the list must be rebuilt when the tab is shown
	item      *container.TabItem
	onExcerpt func(*data.Excerpt)
	isShown   func() bool // whether the tab is the one on screen
}

// newExcerptsTab returns the tab; onExcerpt is called by an excerpt's
// "Show on map" link, and isShown tells whether the tab is on screen.
func newExcerptsTab(onExcerpt func(*data.Excerpt), isShown func() bool) *excerptsTab {
	t := &excerptsTab{onExcerpt: onExcerpt, isShown: isShown}
	t.source = widget.NewSelect(nil, func(string) { t.refresh() })
	t.about = widget.NewSelect(nil, func(string) { t.refresh() })
	t.box = container.NewVBox()
	filters := container.New(layout.NewFormLayout(),
		widget.NewLabel("Source"), t.source,
		widget.NewLabel("About"), t.about)
	t.item = container.NewTabItem("Excerpts", container.NewBorder(filters, nil, nil, nil, container.NewVScroll(t.box)))
	return t
}

// setBriefing fills the filters from b, keeping a choice b still offers
// (a reload of the same package keeps them) and clearing the others.
func (t *excerptsTab) setBriefing(b *data.Briefing) {
	t.b = b
	opts := []string{allSources}
	for _, s := range b.Sources {
		opts = append(opts, sourceLabel(s))
	}
	t.source.Options = opts
	if !slices.Contains(opts, t.source.Selected) {
		t.source.Selected = allSources
	}
	t.source.Refresh()

	t.aboutIDs = map[string]string{}
	var labels []string
	for _, e := range b.Excerpts {
		for _, id := range e.About {
			label := b.Name(id) + " (" + string(b.KindOf(id)) + ")"
			if _, ok := t.aboutIDs[label]; !ok {
				t.aboutIDs[label] = id
				labels = append(labels, label)
			}
		}
	}
	slices.Sort(labels)
	t.about.Options = append([]string{allRecords}, labels...)
	if !slices.Contains(t.about.Options, t.about.Selected) {
		t.about.Selected = allRecords
	}
	t.about.Refresh()
}

func sourceLabel(s data.Source) string {
	return s.Publisher + " (" + s.Citation().DateText() + ")"
}

// filtered returns the excerpts the filters let through.
func (t *excerptsTab) filtered() []*data.Excerpt {
	var out []*data.Excerpt
	about := t.aboutIDs[t.about.Selected]
	for i := range t.b.Excerpts {
		e := &t.b.Excerpts[i]
		if sel := t.source.Selected; sel != "" && sel != allSources {
			s, ok := t.b.Source(e.Source)
			if !ok || sourceLabel(*s) != sel {
				continue
			}
		}
		if about != "" && !slices.Contains(e.About, about) {
			continue
		}
		out = append(out, e)
	}
	return out
}

// refresh lists the filtered excerpts. Laying out dozens of wrapped quotes
// is the costliest part of the window: it is done only while the tab is on
// screen, and otherwise when it is next shown (see showing).
func (t *excerptsTab) refresh() {
	if t.b == nil || !t.isShown() {
		t.stale = true
		return
	}
	t.stale = false
	// Build the list, then set it once: Add lays the box out each time.
	list := t.filtered()
	var objs []fyne.CanvasObject
	if len(list) == 0 {
		objs = append(objs, widget.NewLabel("No excerpt matches these filters."))
	}
	for _, e := range list {
		segs := quoteSegments(t.b, e, t.onExcerpt)
		about := &widget.TextSegment{Text: "About: " + names(t.b, e.About), Style: muted(widget.RichTextStyleParagraph)}
		segs = append(segs[:2], append([]widget.RichTextSegment{about}, segs[2:]...)...)
		rt := widget.NewRichText(segs...)
		rt.Wrapping = fyne.TextWrapWord
		objs = append(objs, rt, widget.NewSeparator())
	}
	t.box.Objects = objs
	t.box.Refresh()
}

// showing is called when the tab comes on screen.
func (t *excerptsTab) showing() {
	if t.stale {
		t.refresh()
	}
}
