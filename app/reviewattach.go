package app

import (
	"errors"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/briefmap/briefmap/pkgedit"
)

// showFields lists the fields of the record picked in attachTo.
func (p *reviewPanel) showFields() {
	p.targets = nil
	p.field.Options = nil
	p.field.ClearSelected()
	items := p.r.Items()
	k := p.attachTo.SelectedIndex()
	if p.sel < 0 || k < 0 || k >= len(items[p.sel].About) {
		p.attach.Disable()
		p.field.Refresh()
		return
	}
	it := items[p.sel]
	ref, _ := p.b.Ref(it.About[k])
	ts, backed := pkgedit.Targets(p.b, ref, it.Proposal.ID)
	// The record's own fields, then those of the status in force on the
	// article's date, then the other statuses.
	rank := func(t pkgedit.Target) int {
		switch {
		case t.Status < 0:
			return 0
		case p.statusOnArticleDate(t):
			return 1
		}
		return 2
	}
	for r := 0; r < 3; r++ {
		for i, t := range ts {
			if backed[i] || rank(t) != r {
				continue
			}
			p.targets = append(p.targets, t)
			p.field.Options = append(p.field.Options, p.targetLabel(t))
		}
	}
	p.field.Refresh()
	if it.State == pkgedit.Accepted && len(p.targets) > 0 {
		p.attach.Enable()
	} else {
		p.attach.Disable()
	}
}

// statusOnArticleDate reports whether t is a field of the place status in
// force on the imported article's date.
func (p *reviewPanel) statusOnArticleDate(t pkgedit.Target) bool {
	pl, ok := p.b.Place(t.Ref.ID)
	return ok && t.Status >= 0 && t.Status < len(pl.Statuses) && pl.Statuses[t.Status].Valid.Contains(p.r.Source().Date)
}

// wrapped returns a label whose text wraps at the panel's width.
func wrapped(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// targetLabel names a field: "controller", or "status 2 (blockaded from
// 2020-01-18): status".
func (p *reviewPanel) targetLabel(t pkgedit.Target) string {
	if t.Status < 0 {
		return t.Field
	}
	pl, _ := p.b.Place(t.Ref.ID)
	st := pl.Statuses[t.Status]
	return fmt.Sprintf("status %d (%s from %s): %s", t.Status+1, st.Status, st.Valid.From, t.Field)
}

// showBacked lists the fields the accepted excerpt backs, each with a
// button to detach it.
func (p *reviewPanel) showBacked(it pkgedit.Item) {
	p.backed.RemoveAll()
	if it.State != pkgedit.Accepted {
		p.backed.Add(caption("Accept it first."))
		return
	}
	cites := pkgedit.Citing(p.b, it.Proposal.ID)
	if len(cites) == 0 {
		p.backed.Add(caption("No field yet."))
	}
	for _, t := range cites {
		t := t
		label := fmt.Sprintf("%s %s: %s", p.b.Name(t.Ref.ID), t.Ref.Kind, p.targetLabel(t))
		rm := widget.NewButton("Detach", func() { p.do(func() error { return p.r.Detach(p.b, p.sel, t) }) })
		p.backed.Add(container.NewBorder(nil, nil, nil, rm, wrapped("✓ "+label)))
	}
}

// attachField attaches the excerpt to the field picked.
func (p *reviewPanel) attachField() {
	k := p.field.SelectedIndex()
	if k < 0 || k >= len(p.targets) {
		p.w.showError(errors.New("pick the record and the field its words state first"))
		return
	}
	t := p.targets[k]
	p.do(func() error { return p.r.Attach(p.b, p.sel, t) })
}
