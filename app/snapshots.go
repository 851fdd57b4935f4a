package app

import (
	"fyne.io/fyne/v2/widget"

	"github.com/briefmap/briefmap/data"
)

// snapshotPicker is the left panel's list of the briefing's named
// snapshots: one line (a drop-down) whatever their number, so that the
// layers and the legend stay above the fold at 1280×800. Each choice reads
// "19 Jan 2020 · Berlin conference"; the timeline strip above it flags the
// same dates. It owns its Select; picking a snapshot calls onDate.
type snapshotPicker struct {
	sel    *widget.Select
	dates  []data.Date // the date of each option, in the Select's order
	onDate func(data.Date)
	quiet  bool // true while showDate sets the Select (no onDate)
}

// snapshotHint is what the picker shows when the date on screen is not a
// snapshot's.
const snapshotHint = "Go to a snapshot…"

// newSnapshotPicker returns an empty picker that calls onDate with the date
// of the snapshot the user picks.
func newSnapshotPicker(onDate func(data.Date)) *snapshotPicker {
	p := &snapshotPicker{onDate: onDate}
	p.sel = widget.NewSelect(nil, func(string) {
		i := p.sel.SelectedIndex()
		if p.quiet || i < 0 || i >= len(p.dates) {
			return
		}
		p.onDate(p.dates[i])
	})
	p.sel.PlaceHolder = snapshotHint
	return p
}

// snapshotOption returns the one-line text of snapshot s: its short date
// and, when it has one, its label.
func snapshotOption(s data.Snapshot) string {
	if s.Date.IsZero() {
		return s.Label
	}
	d := s.Date.Time().Format("2 Jan 2006")
	if s.Label == "" {
		return d
	}
	return d + " · " + s.Label
}

// showBriefing lists b's snapshots, in b's order, none of them chosen.
func (p *snapshotPicker) showBriefing(b *data.Briefing) {
	opts := make([]string, 0, len(b.Snapshots))
	p.dates = p.dates[:0]
	for _, s := range b.Snapshots {
		opts = append(opts, snapshotOption(s))
		p.dates = append(p.dates, s.Date)
	}
	p.quiet = true
	p.sel.Options = opts
	p.sel.ClearSelected()
	p.quiet = false
	if len(opts) == 0 {
		p.sel.Disable()
	} else {
		p.sel.Enable()
	}
}

// showDate chooses the snapshot of date d, or none (the hint shows) when d
// is no snapshot's date. It does not call onDate.
func (p *snapshotPicker) showDate(d data.Date) {
	i := -1
	for k, sd := range p.dates {
		if sd == d {
			i = k
			break
		}
	}
	if i == p.sel.SelectedIndex() {
		return
	}
	p.quiet = true
	if i < 0 {
		p.sel.ClearSelected()
	} else {
		p.sel.SetSelectedIndex(i)
	}
	p.quiet = false
}
