package data

import (
	"fmt"
	"slices"
)

// This file holds the briefing's time axis: its range, the dates on which
// what the map shows changes, and what changes on each (see FORMAT.md,
// "Time").

// AddDays returns the day n days after d (before it when n is negative).
func (d Date) AddDays(n int) Date {
	t := d.Time().AddDate(0, 0, n)
	return Date{t.Year(), t.Month(), t.Day()}
}

// DaysTo returns the number of days from d to e (negative when e is
// before d).
func (d Date) DaysTo(e Date) int { return int(e.Time().Sub(d.Time()).Hours() / 24) }

// Change is one thing that changes on a change date: a zone, a deployment
// or an event that starts or stops being shown, or a place whose status
// differs from the day before.
type Change struct {
	Ref    Ref
	Starts bool   // it starts being shown (for a place: it has a status it did not have); false: it stops
	What   string // for people: "zone begins: Tarhuna salient, held by Libyan National Army"
}

// TimelineDate is one date of the timeline: a change date, a snapshot, or
// both.
type TimelineDate struct {
	Date Date
	// Snapshot is true when the date is one of the briefing's snapshots,
	// Label its label.
	Snapshot bool
	Label    string
	Changes  []Change // nil on a snapshot on which nothing changes
}

// Range returns the briefing's time range: from the first day its zones
// cover (the earliest valid_from of a zone; without zones, the earliest
// start of anything) to the latest of its last change date, its snapshots
// and its default date. Nothing before it is described; nothing after it
// changes.
func (b *Briefing) Range() Period {
	var p Period
	widen := func(d Date) {
		if d.IsZero() {
			return
		}
		if p.From.IsZero() || d.Before(p.From) {
			p.From = d
		}
		if p.To.IsZero() || d.After(p.To) {
			p.To = d
		}
	}
	var first Date
	for i := range b.Zones {
		if f := b.Zones[i].Valid.From; !f.IsZero() && (first.IsZero() || f.Before(first)) {
			first = f
		}
	}
	for _, d := range b.rawChangeDays() {
		widen(d)
	}
	for _, s := range b.Snapshots {
		widen(s.Date)
	}
	widen(b.DefaultDate)
	if !first.IsZero() {
		p.From = first
		if p.To.Before(first) {
			p.To = first
		}
	}
	return p
}

// CheckDate returns an error when d lies outside the briefing's Range.
func (b *Briefing) CheckDate(d Date) error {
	r := b.Range()
	if r.From.IsZero() || r.Contains(d) {
		return nil
	}
	return fmt.Errorf("%s is outside the briefing's time range, %s to %s", d, r.From, r.To)
}

// rawChangeDays returns every day on which a record may start or stop
// being shown: each zone's, status's and deployment's valid_from and the
// day after its valid_to, each event's date and the day after it leaves
// the map; unsorted, with repeats.
func (b *Briefing) rawChangeDays() []Date {
	var out []Date
	period := func(p Period) {
		out = append(out, p.From)
		if !p.To.IsZero() {
			out = append(out, p.To.AddDays(1))
		}
	}
	for i := range b.Zones {
		period(b.Zones[i].Valid)
	}
	for i := range b.Deployments {
		period(b.Deployments[i].Valid)
	}
	for i := range b.Places {
		for _, s := range b.Places[i].Statuses {
			period(s.Valid)
		}
	}
	for i := range b.Events {
		e := &b.Events[i]
		out = append(out, e.Date, e.LastDay().AddDays(e.ShowDays+1))
	}
	return slices.DeleteFunc(out, Date.IsZero)
}

// ChangeDates returns the briefing's change dates in order: the days D of
// its Range on which what the map shows differs from D−1 (see
// ChangesOn), the first day of the range always included.
func (b *Briefing) ChangeDates() []Date {
	r := b.Range()
	days := b.rawChangeDays()
	if !r.From.IsZero() {
		days = append(days, r.From)
	}
	slices.SortFunc(days, Date.Compare)
	days = slices.Compact(days)
	out := days[:0]
	for _, d := range days {
		if !r.Contains(d) {
			continue
		}
		if d == r.From || len(b.ChangesOn(d)) > 0 {
			out = append(out, d)
		}
	}
	return out
}

// ChangesOn returns what changes on day d, against d−1: zones, then
// places, then deployments, then events, each in briefing order.
func (b *Briefing) ChangesOn(d Date) []Change {
	prev := d.AddDays(-1)
	var out []Change
	add := func(k Kind, id string, starts bool, what string) {
		out = append(out, Change{Ref: Ref{Kind: k, ID: id}, Starts: starts, What: what})
	}
	for i := range b.Zones {
		z := &b.Zones[i]
		switch now, was := z.Valid.Contains(d), z.Valid.Contains(prev); {
		case now && !was:
			add(KindZone, z.ID, true, "zone begins: "+z.Name+", "+b.holdingText(z))
		case was && !now:
			add(KindZone, z.ID, false, "zone ends: "+z.Name+", "+b.holdingText(z))
		}
	}
	for i := range b.Places {
		p := &b.Places[i]
		now, okNow := p.StatusOn(d)
		was, okWas := p.StatusOn(prev)
		switch {
		case okNow && okWas && now.Status != was.Status:
			add(KindPlace, p.ID, true, p.Name+": "+now.Status+" (was "+was.Status+")")
		case okNow && !okWas:
			add(KindPlace, p.ID, true, p.Name+": "+now.Status)
		case okWas && !okNow:
			add(KindPlace, p.ID, false, p.Name+": no status recorded (was "+was.Status+")")
		}
	}
	for i := range b.Deployments {
		dep := &b.Deployments[i]
		switch now, was := dep.Valid.Contains(d), dep.Valid.Contains(prev); {
		case now && !was:
			add(KindDeployment, dep.ID, true, "force arrives: "+dep.Name)
		case was && !now:
			add(KindDeployment, dep.ID, false, "force leaves: "+dep.Name)
		}
	}
	for i := range b.Events {
		e := &b.Events[i]
		switch now, was := e.ShownOn(d), e.ShownOn(prev); {
		case now && !was:
			add(KindEvent, e.ID, true, "event: "+e.Title)
		case was && !now:
			add(KindEvent, e.ID, false, "event leaves the map: "+e.Title)
		}
	}
	return out
}

// holdingText returns "held by NAME" or "contested by A, B" for zone z.
func (b *Briefing) holdingText(z *Zone) string {
	if !z.Contested() {
		return "held by " + b.nameOr(z.Controller)
	}
	s := "contested by "
	for i, id := range z.ContestedBy {
		if i > 0 {
			s += ", "
		}
		s += b.nameOr(id)
	}
	return s
}

// nameOr returns the name of record id, or id when it has none.
func (b *Briefing) nameOr(id string) string {
	if n := b.Name(id); n != "" {
		return n
	}
	return id
}

// Timeline returns the change dates and the snapshots in order, each with
// what changes on it.
func (b *Briefing) Timeline() []TimelineDate {
	var out []TimelineDate
	for _, d := range b.ChangeDates() {
		out = append(out, TimelineDate{Date: d, Changes: b.ChangesOn(d)})
	}
	for _, s := range b.Snapshots {
		i, found := slices.BinarySearchFunc(out, s.Date, func(t TimelineDate, d Date) int { return t.Date.Compare(d) })
		if !found {
			out = slices.Insert(out, i, TimelineDate{Date: s.Date})
		}
		out[i].Snapshot, out[i].Label = true, s.Label
	}
	return out
}

// StepChange returns the change date after d (dir > 0) or before it (dir
// < 0); ok is false when there is none.
func (b *Briefing) StepChange(d Date, dir int) (Date, bool) {
	return StepDates(b.ChangeDates(), d, dir)
}

// StepDates returns the date of sorted dates after d (dir > 0) or before
// it (dir < 0); ok is false when there is none.
func StepDates(dates []Date, d Date, dir int) (Date, bool) {
	i, found := slices.BinarySearchFunc(dates, d, Date.Compare)
	switch {
	case dir > 0 && found && i+1 < len(dates):
		return dates[i+1], true
	case dir > 0 && !found && i < len(dates):
		return dates[i], true
	case dir < 0 && i > 0:
		return dates[i-1], true
	}
	return Date{}, false
}

// ValidOn reports whether record ref is on the map (or valid) on date d:
// a zone or a deployment within its validity period, an event while it is
// shown (Event.ShownOn); places, actors, excerpts and sources have no
// period and are always valid. An unknown record is never valid.
func (b *Briefing) ValidOn(ref Ref, d Date) bool {
	switch ref.Kind {
	case KindZone:
		z, ok := b.Zone(ref.ID)
		return ok && z.Valid.Contains(d)
	case KindDeployment:
		dep, ok := b.Deployment(ref.ID)
		return ok && dep.Valid.Contains(d)
	case KindEvent:
		e, ok := b.Event(ref.ID)
		return ok && e.ShownOn(d)
	}
	return b.KindOf(ref.ID) == ref.Kind && ref.Kind != ""
}

// validText returns when record ref is valid, for messages: "valid 6
// January 2020 – 4 June 2020", "shown 6 January 2020 – 7 March 2020".
func (b *Briefing) validText(ref Ref) string {
	switch ref.Kind {
	case KindZone:
		if z, ok := b.Zone(ref.ID); ok {
			return "valid " + periodLong(z.Valid)
		}
	case KindDeployment:
		if dep, ok := b.Deployment(ref.ID); ok {
			return "valid " + periodLong(dep.Valid)
		}
	case KindEvent:
		if e, ok := b.Event(ref.ID); ok {
			return "shown " + periodLong(Period{From: e.Date, To: e.LastDay().AddDays(e.ShowDays)})
		}
	}
	return ""
}

// periodLong returns "6 January 2020 – 4 June 2020", or "from 10 March
// 2021" when p has no end.
func periodLong(p Period) string {
	if p.To.IsZero() {
		return "from " + p.From.Long()
	}
	return p.From.Long() + " – " + p.To.Long()
}
