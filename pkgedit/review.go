package pkgedit

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/briefmap/briefmap/article"
	"github.com/briefmap/briefmap/data"
)

// State is what the analyst made of a proposal.
type State int

// Proposal states.
const (
	Pending  State = iota // not reviewed yet
	Accepted              // an excerpt in the package
	Rejected              // left out
)

func (s State) String() string {
	return [...]string{"pending", "accepted", "rejected"}[s]
}

// Item is one proposal under review: the sentence as proposed, what was
// decided, and the excerpt it is (or would be): a part of the sentence
// (Start, End) about the records of About.
type Item struct {
	Proposal article.Proposal // as proposed: the whole sentence
	State    State
	Start    int
	End      int
	About    []string
}

// Review is the import of one article: the article's source is written
// into the package when the review starts, and each decision on a
// proposal that changes the package (accept, a trim or a change of the
// records of an accepted excerpt, attaching it to a field, rejecting it
// again) is written at once. Undo undoes decisions one by one, the import
// last.
type Review struct {
	pkg    *Package
	source data.Source
	text   *article.Text
	items  []Item
	steps  []step
	closed bool
}

// step is one undoable decision: the items before it, and the package
// change it made (0: none).
type step struct {
	label  string
	before []Item
	change int
}

// StartReview imports the article text with metadata m into the package
// (loaded as b; see NewSource for what it refuses) and proposes its
// sentences that name records of b, matched at the article's date (see
// article.Propose), for review.
func StartReview(p *Package, b *data.Briefing, m Meta, text string) (*Review, error) {
	src, err := p.NewSource(b, m, text)
	if err != nil {
		return nil, err
	}
	t := article.NewText(text)
	props := Proposals(b, src, t)
	c, err := p.Import(src, text, nil)
	if err != nil {
		return nil, err
	}
	r := &Review{pkg: p, source: src, text: t}
	for _, pr := range props {
		r.items = append(r.items, Item{Proposal: pr, Start: pr.Start, End: pr.End, About: slices.Clone(pr.About)})
	}
	r.steps = append(r.steps, step{label: c.Label, change: c.id})
	return r, nil
}

// Proposals returns the proposals of text t of source src for briefing
// b, with ids made of the first word of the source's id and no id of b.
func Proposals(b *data.Briefing, src data.Source, t *article.Text) []article.Proposal {
	prefix, _, _ := strings.Cut(src.ID, "-")
	return article.Propose(t, data.NewMatcher(b), src.Date, prefix, func(id string) bool { return b.KindOf(id) != "" })
}

// Source returns the imported article's record.
func (r *Review) Source() data.Source { return r.source }

// Text returns the imported article's text.
func (r *Review) Text() *article.Text { return r.text }

// Items returns the proposals under review, best first.
func (r *Review) Items() []Item { return slices.Clone(r.items) }

// Closed reports whether the import itself was undone: nothing is left to
// review.
func (r *Review) Closed() bool { return r.closed }

// ExcerptText returns the text item i's excerpt has (or would have).
func (r *Review) ExcerptText(i int) string {
	it := r.items[i]
	return r.text.Display(it.Start, it.End)
}

// item checks i and returns the item.
func (r *Review) item(i int) (*Item, error) {
	if r.closed {
		return nil, errors.New("the import was undone")
	}
	if i < 0 || i >= len(r.items) {
		return nil, fmt.Errorf("there is no proposal %d", i+1)
	}
	return &r.items[i], nil
}

// record remembers the items as they are before a decision.
func (r *Review) record(label string) step {
	before := make([]Item, len(r.items))
	for i, it := range r.items {
		it.About = slices.Clone(it.About)
		before[i] = it
	}
	return step{label: label, before: before}
}

func (r *Review) done(s step, c *Change) {
	if c != nil && len(c.files) > 0 {
		s.change = c.id
	}
	r.steps = append(r.steps, s)
}

// excerpt returns item i as the proposal to write.
func (r *Review) excerpt(i int) article.Proposal {
	it := r.items[i]
	pr := it.Proposal
	pr.Start, pr.End, pr.About = it.Start, it.End, it.About
	return pr
}

// Accept writes item i into the package as an excerpt.
func (r *Review) Accept(i int) error {
	it, err := r.item(i)
	if err != nil {
		return err
	}
	if it.State == Accepted {
		return fmt.Errorf("%s is accepted already", it.Proposal.ID)
	}
	s := r.record("accept " + it.Proposal.ID)
	c, err := r.pkg.AddExcerpts(r.source, r.text, []article.Proposal{r.excerpt(i)})
	if err != nil {
		return err
	}
	it.State = Accepted
	r.done(s, c)
	return nil
}

// AcceptAll writes every pending item into the package, in one change,
// and returns how many.
func (r *Review) AcceptAll() (int, error) {
	if r.closed {
		return 0, errors.New("the import was undone")
	}
	var ps []article.Proposal
	var idx []int
	for i, it := range r.items {
		if it.State == Pending {
			ps = append(ps, r.excerpt(i))
			idx = append(idx, i)
		}
	}
	if len(ps) == 0 {
		return 0, errors.New("no proposal is waiting")
	}
	s := r.record(fmt.Sprintf("accept %d excerpts", len(ps)))
	c, err := r.pkg.AddExcerpts(r.source, r.text, ps)
	if err != nil {
		return 0, err
	}
	for _, i := range idx {
		r.items[i].State = Accepted
	}
	r.done(s, c)
	return len(ps), nil
}

// Reject leaves item i out; an accepted one is removed from the package
// again, with every citation of it.
func (r *Review) Reject(b *data.Briefing, i int) error {
	it, err := r.item(i)
	if err != nil {
		return err
	}
	if it.State == Rejected {
		return fmt.Errorf("%s is rejected already", it.Proposal.ID)
	}
	s := r.record("reject " + it.Proposal.ID)
	var c *Change
	if it.State == Accepted {
		if c, err = r.pkg.RemoveExcerpts(b, []string{it.Proposal.ID}, s.label); err != nil {
			return err
		}
	}
	it.State = Rejected
	r.done(s, c)
	return nil
}

// Trim makes item i's excerpt runes [start, end) of the article: a part
// of its sentence (the text stays verbatim; only its ends move). A trim
// that would leave the sentence, or keep nothing of it, is refused.
func (r *Review) Trim(i, start, end int) error {
	it, err := r.item(i)
	if err != nil {
		return err
	}
	p := it.Proposal
	if start < p.Start || end > p.End || start >= end {
		return fmt.Errorf("a trim must keep a part of the sentence (runes %d–%d), not %d–%d", p.Start, p.End, start, end)
	}
	if start == it.Start && end == it.End {
		return nil
	}
	s := r.record("trim " + p.ID)
	var c *Change
	if it.State == Accepted {
		if c, err = r.pkg.UpdateExcerpt(p.ID, r.text, start, end, it.About, s.label); err != nil {
			return err
		}
	}
	it.Start, it.End = start, end
	r.done(s, c)
	return nil
}

// TrimTo trims item i to text, which must be a part of its sentence as
// written (typographic quotes or not, white space as you like).
func (r *Review) TrimTo(i int, text string) error {
	it, err := r.item(i)
	if err != nil {
		return err
	}
	want := data.NormaliseText(text)
	sentence := r.text.Article().Slice(it.Proposal.Start, it.Proposal.End)
	at := strings.Index(sentence, want)
	if want == "" || at < 0 {
		return fmt.Errorf("a trim must keep a part of the sentence, word for word: %q is not in it", shortText(text))
	}
	start := it.Proposal.Start + utf8.RuneCountInString(sentence[:at])
	return r.Trim(i, start, start+utf8.RuneCountInString(want))
}

func shortText(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) > 60 {
		return string([]rune(s)[:59]) + "…"
	}
	return s
}

// SetAbout links item i's excerpt to the records of ids (at least one,
// each an actor, place, zone, deployment or event of b).
func (r *Review) SetAbout(b *data.Briefing, i int, ids []string) error {
	it, err := r.item(i)
	if err != nil {
		return err
	}
	if len(ids) == 0 {
		return fmt.Errorf("%s must stay about at least one record", it.Proposal.ID)
	}
	for _, id := range ids {
		switch b.KindOf(id) {
		case data.KindActor, data.KindPlace, data.KindZone, data.KindDeployment, data.KindEvent:
		default:
			return fmt.Errorf("%q is not an actor, place, zone, deployment or event of the briefing", id)
		}
	}
	if slices.Equal(ids, it.About) {
		return nil
	}
	s := r.record("link " + it.Proposal.ID)
	var c *Change
	if it.State == Accepted {
		for _, t := range Citing(b, it.Proposal.ID) {
			if !slices.Contains(ids, t.Ref.ID) {
				return fmt.Errorf("%s backs %s: detach it there before unlinking %s", it.Proposal.ID, t, t.Ref.ID)
			}
		}
		if c, err = r.pkg.UpdateExcerpt(it.Proposal.ID, r.text, it.Start, it.End, ids, s.label); err != nil {
			return err
		}
	}
	it.About = slices.Clone(ids)
	r.done(s, c)
	return nil
}

// Attach makes item i's accepted excerpt back field t (see
// Package.Attach); the record joins the item's About.
func (r *Review) Attach(b *data.Briefing, i int, t Target) error {
	it, err := r.item(i)
	if err != nil {
		return err
	}
	if it.State != Accepted {
		return fmt.Errorf("accept %s before attaching it to a field", it.Proposal.ID)
	}
	s := r.record("attach " + it.Proposal.ID)
	c, err := r.pkg.Attach(b, it.Proposal.ID, t)
	if err != nil {
		return err
	}
	if !slices.Contains(it.About, t.Ref.ID) {
		it.About = append(it.About, t.Ref.ID)
	}
	r.done(s, c)
	return nil
}

// Detach stops item i's excerpt backing field t.
func (r *Review) Detach(b *data.Briefing, i int, t Target) error {
	it, err := r.item(i)
	if err != nil {
		return err
	}
	s := r.record("detach " + it.Proposal.ID)
	c, err := r.pkg.Detach(b, it.Proposal.ID, t)
	if err != nil {
		return err
	}
	r.done(s, c)
	return nil
}

// CanUndo reports whether there is a decision (or the import) to undo,
// and what it was.
func (r *Review) CanUndo() (string, bool) {
	if len(r.steps) == 0 {
		return "", false
	}
	return r.steps[len(r.steps)-1].label, true
}

// Undo undoes the last decision, in the package too when it changed it;
// undoing the import closes the review. It refuses when the package was
// changed since by something else than this review.
func (r *Review) Undo() (string, error) {
	if len(r.steps) == 0 {
		return "", errors.New("nothing to undo")
	}
	s := r.steps[len(r.steps)-1]
	if s.change != 0 {
		if r.pkg.top() != s.change {
			return "", fmt.Errorf("cannot undo %s: the package was changed since", s.label)
		}
		if _, err := r.pkg.Undo(); err != nil {
			r.steps = r.steps[:len(r.steps)-1]
			return "", err
		}
	}
	r.steps = r.steps[:len(r.steps)-1]
	if s.before == nil {
		r.closed = true
		r.items = nil
		return s.label, nil
	}
	r.items = s.before
	return s.label, nil
}
