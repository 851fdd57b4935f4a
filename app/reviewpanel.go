package app

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/briefmap/briefmap/data"
	"github.com/briefmap/briefmap/pkgedit"
)

// reviewPanel is the Import tab: the proposals of an imported article,
// best first, and the proposal picked, with the names it matched
// highlighted and what can be done with it: accept or reject it, trim it
// (its ends only: the text stays verbatim), link or unlink records, and
// attach it, once accepted, to a field of a record it is about, which
// turns that field from background to sourced on the record's card. Each
// change is written to the package at once; Ctrl+Z undoes it.
type reviewPanel struct {
	w   *window
	r   *pkgedit.Review
	b   *data.Briefing
	sel int

	item      *container.TabItem
	header    *widget.Label
	acceptAll *widget.Button
	list      *widget.List

	text      *widget.RichText
	state     *widget.Label
	accept    *widget.Button
	reject    *widget.Button
	trim      *widget.Entry
	about     *fyne.Container
	add       *widget.SelectEntry
	addIDs    map[string]string // record label → id
	attachTo  *widget.Select
	field     *widget.Select
	targets   []pkgedit.Target // the fields attachTo's record offers, in field's order
	attach    *widget.Button
	backed    *fyne.Container
	detail    *fyne.Container
	detailBox *container.Scroll
}

// openReview shows the review of r in a new Import tab.
func (w *window) openReview(r *pkgedit.Review) {
	if w.ed.review != nil {
		w.closeReview()
	}
	p := &reviewPanel{w: w, r: r, b: w.b, sel: -1}
	p.build()
	w.ed.review = p
	w.tabs.Append(p.item)
	w.tabs.Select(p.item)
	p.setBriefing(w.b)
	if len(r.Items()) > 0 {
		p.list.Select(0)
	}
}

// closeReview takes the Import tab away; what was decided stays written.
func (w *window) closeReview() {
	if p := w.ed.review; p != nil {
		w.tabs.Remove(p.item)
		w.ed.review = nil
		w.tabs.Select(w.selection.item)
	}
}

func (p *reviewPanel) build() {
	p.header = widget.NewLabel("")
	p.header.Wrapping = fyne.TextWrapWord
	p.acceptAll = widget.NewButtonWithIcon("Accept all waiting", theme.ConfirmIcon(), func() {
		p.do(func() error { _, err := p.r.AcceptAll(); return err })
	})
	done := widget.NewButton("Done", p.w.closeReview)
	p.list = widget.NewList(
		func() int { return len(p.r.Items()) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(p.rowText(i)) })
	p.list.OnSelected = func(i widget.ListItemID) { p.show(i) }

	p.text = widget.NewRichText()
	p.text.Wrapping = fyne.TextWrapWord
	p.state = widget.NewLabel("")
	p.accept = widget.NewButtonWithIcon("Accept", theme.ConfirmIcon(), func() { p.do(func() error { return p.r.Accept(p.sel) }) })
	p.reject = widget.NewButtonWithIcon("Reject", theme.CancelIcon(), func() { p.do(func() error { return p.r.Reject(p.b, p.sel) }) })
	p.trim = widget.NewMultiLineEntry()
	p.trim.Wrapping = fyne.TextWrapWord
	p.trim.SetMinRowsVisible(2)
	trimApply := widget.NewButton("Trim to this", func() { p.do(func() error { return p.r.TrimTo(p.sel, p.trim.Text) }) })
	trimReset := widget.NewButton("Whole sentence", func() {
		it := p.r.Items()[p.sel]
		p.do(func() error { return p.r.Trim(p.sel, it.Proposal.Start, it.Proposal.End) })
	})
	p.about = container.NewVBox()
	p.add = widget.NewSelectEntry(nil)
	p.add.SetPlaceHolder("Link another record…")
	p.add.OnSubmitted = func(s string) { p.link(s) }
	p.add.OnChanged = func(s string) {
		if _, ok := p.addIDs[s]; ok {
			p.link(s)
		}
	}
	p.attachTo = widget.NewSelect(nil, func(string) { p.showFields() })
	p.attachTo.PlaceHolder = "Record…"
	p.field = widget.NewSelect(nil, nil)
	p.field.PlaceHolder = "Field…"
	p.attach = widget.NewButton("Attach", p.attachField)
	p.backed = container.NewVBox()
	trimBox := container.NewVBox(caption("Delete words at either end; the rest must stay word for word."),
		p.trim, container.NewHBox(trimApply, trimReset))
	trimBox.Hide()
	trimToggle := widget.NewButtonWithIcon("Trim…", theme.ContentCutIcon(), func() {
		if trimBox.Visible() {
			trimBox.Hide()
		} else {
			trimBox.Show()
		}
	})
	p.detail = container.NewVBox(
		p.state, p.text,
		container.NewHBox(p.accept, p.reject, layout.NewSpacer(), trimToggle),
		trimBox,
		heading("About"), p.about, p.add,
		heading("Backs"), caption("Attach the accepted excerpt to a field its words state: the field turns sourced on the card."),
		p.backed, container.NewBorder(nil, nil, nil, p.attach, container.NewGridWithColumns(2, p.attachTo, p.field)),
	)
	p.state.Wrapping = fyne.TextWrapWord
	p.detailBox = container.NewVScroll(p.detail)
	top := container.NewVBox(p.header, container.NewHBox(layout.NewSpacer(), p.acceptAll, done))
	split := container.NewVSplit(p.list, p.detailBox)
	split.Offset = 0.3
	p.item = container.NewTabItem("Import", container.NewBorder(top, nil, nil, nil, split))
}

// setBriefing follows a reload of the package.
func (p *reviewPanel) setBriefing(b *data.Briefing) {
	p.b = b
	p.addIDs = map[string]string{}
	var opts []string
	add := func(id, name string, kind data.Kind) {
		label := fmt.Sprintf("%s — %s (%s)", name, kind, id)
		p.addIDs[label] = id
		opts = append(opts, label)
	}
	for _, a := range b.Actors {
		add(a.ID, a.Name, data.KindActor)
	}
	for _, pl := range b.Places {
		add(pl.ID, pl.Name, data.KindPlace)
	}
	for _, z := range b.Zones {
		add(z.ID, z.Name, data.KindZone)
	}
	for _, d := range b.Deployments {
		add(d.ID, d.Name, data.KindDeployment)
	}
	for _, e := range b.Events {
		add(e.ID, e.Title, data.KindEvent)
	}
	p.add.SetOptions(opts)
	p.refresh()
}

// rowText is a proposal's line in the list: its state, score and text.
func (p *reviewPanel) rowText(i int) string {
	items := p.r.Items()
	if i >= len(items) {
		return ""
	}
	it := items[i]
	mark := map[pkgedit.State]string{pkgedit.Pending: "•", pkgedit.Accepted: "✓", pkgedit.Rejected: "✗"}[it.State]
	return fmt.Sprintf("%s %4.1f  %s", mark, it.Proposal.Score, p.r.ExcerptText(i))
}

// refresh shows the counts, the list and the proposal picked.
func (p *reviewPanel) refresh() {
	items := p.r.Items()
	var acc, rej int
	for _, it := range items {
		switch it.State {
		case pkgedit.Accepted:
			acc++
		case pkgedit.Rejected:
			rej++
		}
	}
	src := p.r.Source()
	p.header.SetText(fmt.Sprintf("%s — %d proposed, %d accepted, %d rejected, %d waiting",
		src.Citation().String(), len(items), acc, rej, len(items)-acc-rej))
	if len(items)-acc-rej == 0 {
		p.acceptAll.Disable()
	} else {
		p.acceptAll.Enable()
	}
	p.list.Refresh()
	if p.sel >= len(items) {
		p.sel = -1
	}
	p.show(p.sel)
}

// show fills the detail with proposal i and highlights its records on the
// map.
func (p *reviewPanel) show(i int) {
	p.sel = i
	items := p.r.Items()
	if i < 0 || i >= len(items) {
		p.detail.Hide()
		return
	}
	p.detail.Show()
	it := items[i]
	how := ""
	if it.Proposal.Context {
		how = " · linked by context: it names none of them itself; the sentence before does"
	}
	p.state.SetText(fmt.Sprintf("%s · score %.1f · %s%s", strings.ToUpper(it.State.String()[:1])+it.State.String()[1:], it.Proposal.Score, it.Proposal.ID, how))
	p.text.Segments = proposalSegments(it)
	p.text.Refresh()
	p.trim.SetText(p.r.ExcerptText(i))
	if it.State == pkgedit.Accepted {
		p.accept.Disable()
	} else {
		p.accept.Enable()
	}
	if it.State == pkgedit.Rejected {
		p.reject.Disable()
	} else {
		p.reject.Enable()
	}
	p.about.RemoveAll()
	var names []string
	for _, id := range it.About {
		id := id
		rm := widget.NewButtonWithIcon("", theme.ContentRemoveIcon(), func() {
			p.do(func() error {
				return p.r.SetAbout(p.b, p.sel, slices.DeleteFunc(slices.Clone(it.About), func(x string) bool { return x == id }))
			})
		})
		label := fmt.Sprintf("%s (%s)", p.b.Name(id), p.b.KindOf(id))
		p.about.Add(container.NewBorder(nil, nil, nil, rm, wrapped(label)))
		names = append(names, label)
	}
	p.attachTo.Options = names
	p.attachTo.ClearSelected()
	p.showFields()
	p.showBacked(it)
	p.w.highlightRecords(it.About)
}

// proposalSegments sets the sentence with the matched names in bold
// colour and the words trimmed away greyed.
func proposalSegments(it pkgedit.Item) []widget.RichTextSegment {
	pr := it.Proposal
	runes := []rune(pr.Text)
	if len(runes) != pr.End-pr.Start {
		return []widget.RichTextSegment{&widget.TextSegment{Text: pr.Text, Style: quoteStyle()}}
	}
	kind := make([]int, len(runes)) // 0 excerpt, 1 name, 2 trimmed away
	for _, n := range pr.Names {
		for k := max(0, n.Start-pr.Start); k < min(len(runes), n.End-pr.Start); k++ {
			kind[k] = 1
		}
	}
	for k := range runes {
		if k < it.Start-pr.Start || k >= it.End-pr.Start {
			kind[k] = 2
		}
	}
	var segs []widget.RichTextSegment
	for k := 0; k < len(runes); {
		j := k
		for j < len(runes) && kind[j] == kind[k] {
			j++
		}
		st := quoteStyle()
		st.Inline = true
		switch kind[k] {
		case 1:
			st.TextStyle.Bold = true
			st.ColorName = theme.ColorNamePrimary
		case 2:
			st.ColorName = theme.ColorNameDisabled
		}
		segs = append(segs, &widget.TextSegment{Text: string(runes[k:j]), Style: st})
		k = j
	}
	return segs
}

// link adds the record labelled label to the proposal's records.
func (p *reviewPanel) link(label string) {
	id, ok := p.addIDs[label]
	if !ok {
		id = strings.TrimSpace(label) // an id typed in
	}
	it := p.r.Items()[p.sel]
	if slices.Contains(it.About, id) {
		return
	}
	p.add.SetText("")
	p.do(func() error { return p.r.SetAbout(p.b, p.sel, append(slices.Clone(it.About), id)) })
}

// do runs a decision: an error is shown in one dialog and changes
// nothing; a change to the package is reloaded at once, so the cards
// show it.
func (p *reviewPanel) do(f func() error) {
	if err := f(); err != nil {
		p.w.status.say(err.Error())
		p.w.showError(err)
		return
	}
	p.w.reloadNow()
	p.refresh()
	if label, ok := p.r.CanUndo(); ok {
		p.w.status.say("Saved: " + label + " (Ctrl+Z undoes it)")
	}
}

// canUndo reports whether the review (p may be nil) has a decision to
// undo, and which.
func (p *reviewPanel) canUndo() (string, bool) {
	if p == nil {
		return "", false
	}
	return p.r.CanUndo()
}

// undo undoes the review's last decision; undoing the import closes the
// tab.
func (p *reviewPanel) undo() (string, error) {
	label, err := p.r.Undo()
	if err != nil {
		return "", err
	}
	if p.r.Closed() {
		p.w.closeReview()
	} else {
		p.refresh()
	}
	return label, nil
}

// recordRefs returns what the map shows of the records ids: zones,
// places and deployments themselves, and for an actor what it holds on
// the as-of date.
func (w *window) recordRefs(ids []string) []data.Ref {
	var out []data.Ref
	for _, id := range ids {
		switch ref, _ := w.b.Ref(id); ref.Kind {
		case data.KindZone, data.KindPlace, data.KindDeployment:
			out = append(out, ref)
		case data.KindActor:
			out = append(out, w.actorRefs(id)...)
		}
	}
	return out
}

// highlightRecords highlights the records ids on the map.
func (w *window) highlightRecords(ids []string) {
	o := w.mapView.Options()
	o.Selected, o.Highlight = data.Ref{}, w.recordRefs(ids)
	w.mapView.SetOptions(o)
}
