package data

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// fold returns s lower-cased with diacritics removed ("Şirte" → "sirte"),
// for case- and diacritics-insensitive comparison.
func fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == '\u2019' || r == '\u2018' || r == '\u02bc' || r == '`':
			r = '\''
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// token is one word of a text: a run of letters, digits and combining
// marks, with its byte span in the original text.
type token struct {
	start, end int
	text       string // the original word
	folded     string // fold(text)
}

// isWordRune reports whether r belongs inside a word. Hyphens, apostrophes
// (straight or curly), spaces and punctuation separate words, so "al-Sarraj"
// is "al" "Sarraj" and "Haftar’s" is "Haftar" "s".
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// tokenize splits text into words.
func tokenize(text string) []token {
	var out []token
	start := -1
	for i, r := range text {
		if isWordRune(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			out = append(out, newToken(text, start, i))
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, newToken(text, start, len(text)))
	}
	return out
}

func newToken(text string, start, end int) token {
	w := text[start:end]
	return token{start: start, end: end, text: w, folded: fold(w)}
}

// Mention is a name or alias of an actor or place found in a text: Start
// and End are byte offsets into the text (text[Start:End] is what matched).
type Mention struct {
	Kind  string // KindActor or KindPlace
	ID    string
	Alias string // the name or alias that matched, as the briefing spells it
	Start int
	End   int
}

// matchEntry is one name or alias, split into words.
type matchEntry struct {
	kind, id string
	alias    Alias
	words    []string // folded words, or original words when exact
	// exact is true for an acronym ("UN", "GNA") or an alias with
	// match_case: it matches only with exactly its capitalisation.
	exact bool
}

// Matcher finds mentions of a briefing's actors and places in text.
type Matcher struct {
	byFirst  map[string][]matchEntry // first folded word → entries, longest first
	blockers map[string][][]string   // first folded word → blockers' folded words, longest first
}

// isAcronym reports whether alias is a short all-capitals word such as
// "UN", "US", "GNA" or "U.S.", which must match case-sensitively so that
// "us" or "un" in running text is not taken for it.
func isAcronym(alias string) bool {
	letters := 0
	for _, r := range alias {
		switch {
		case unicode.IsLetter(r):
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		case r == '.' || r == ' ':
		default:
			return false
		}
	}
	return letters > 0 && letters <= 5
}

// foldedWords returns the folded words of s.
func foldedWords(s string) []string {
	toks := tokenize(s)
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.folded
	}
	return out
}

// NewMatcher indexes every name and alias of b's actors and places, with
// their options, and b's blockers.
func NewMatcher(b *Briefing) *Matcher {
	m := &Matcher{byFirst: map[string][]matchEntry{}, blockers: map[string][][]string{}}
	add := func(kind, id string, aliases []Alias) {
		type key struct {
			words string
			exact bool
			valid Period
		}
		seen := map[key]bool{}
		for _, a := range aliases {
			toks := tokenize(a.Name)
			if len(toks) == 0 {
				continue
			}
			e := matchEntry{kind: kind, id: id, alias: a, exact: a.MatchCase || isAcronym(a.Name)}
			for _, t := range toks {
				if e.exact {
					e.words = append(e.words, t.text)
				} else {
					e.words = append(e.words, t.folded)
				}
			}
			k := key{strings.Join(e.words, " "), e.exact, a.Valid}
			if seen[k] {
				continue
			}
			seen[k] = true
			first := toks[0].folded
			m.byFirst[first] = append(m.byFirst[first], e)
		}
	}
	for i := range b.Actors {
		a := &b.Actors[i]
		add(KindActor, a.ID, a.MatchAliases())
	}
	for i := range b.Places {
		p := &b.Places[i]
		add(KindPlace, p.ID, p.MatchAliases())
	}
	for k, es := range m.byFirst {
		slices.SortStableFunc(es, func(a, b matchEntry) int { return cmp.Compare(len(b.words), len(a.words)) })
		m.byFirst[k] = es
	}
	for _, bl := range b.Blockers {
		if words := foldedWords(bl); len(words) > 0 {
			m.blockers[words[0]] = append(m.blockers[words[0]], words)
		}
	}
	for k, bs := range m.blockers {
		slices.SortStableFunc(bs, func(a, b []string) int { return cmp.Compare(len(b), len(a)) })
		m.blockers[k] = bs
	}
	return m
}

// matches reports whether entry e matches the words of toks from i on.
func (e matchEntry) matches(toks []token, i int) bool {
	if i+len(e.words) > len(toks) {
		return false
	}
	for k, w := range e.words {
		t := toks[i+k]
		if e.exact && t.text != w || !e.exact && t.folded != w {
			return false
		}
	}
	return true
}

// span is a run of tokens [from, to).
type span struct{ from, to int }

// blocked returns the token spans of toks that a blocker covers.
func (m *Matcher) blocked(toks []token) []span {
	if len(m.blockers) == 0 {
		return nil
	}
	var out []span
	for i := range toks {
		for _, words := range m.blockers[toks[i].folded] {
			if i+len(words) <= len(toks) && slices.EqualFunc(words, toks[i:i+len(words)], func(w string, t token) bool { return w == t.folded }) {
				out = append(out, span{i, i + len(words)})
				break // the longest blocker starting here covers the others
			}
		}
	}
	return out
}

// suppressed reports whether the candidate [from, to) overlaps a blocked
// span without covering all of it (an alias inside a blocker does not
// match; a longer alias holding the whole blocker does).
func suppressed(blocked []span, from, to int) bool {
	for _, b := range blocked {
		if from < b.to && b.from < to && !(from <= b.from && b.to <= to) {
			return true
		}
	}
	return false
}

// Find returns every mention of an actor or place in text at any date:
// FindAt with the zero Date.
func (m *Matcher) Find(text string) []Mention { return m.FindAt(text, Date{}) }

// FindAt returns every mention of an actor or place in a text matched at
// date d, in text order: whole words only, case- and diacritics-insensitive
// (acronyms and match_case aliases excepted), aliases limited to a period
// only within it (the zero Date admits every period), the longest name
// winning where names overlap ("General Haftar" over "Haftar"), and no
// alias inside a blocker. When one span names several records, each gets a
// Mention.
func (m *Matcher) FindAt(text string, d Date) []Mention {
	toks := tokenize(text)
	blocked := m.blocked(toks)
	var out []Mention
	for i := 0; i < len(toks); {
		best := 0
		var found []matchEntry
		for _, e := range m.byFirst[toks[i].folded] {
			if len(e.words) < best {
				break
			}
			if !e.alias.At(d) || !e.matches(toks, i) || suppressed(blocked, i, i+len(e.words)) {
				continue
			}
			if len(e.words) > best {
				best, found = len(e.words), found[:0]
			}
			if !slices.ContainsFunc(found, func(f matchEntry) bool { return f.id == e.id }) {
				found = append(found, e)
			}
		}
		if best == 0 {
			i++
			continue
		}
		start, end := toks[i].start, toks[i+best-1].end
		for _, e := range found {
			out = append(out, Mention{Kind: e.kind, ID: e.id, Alias: e.alias.Name, Start: start, End: end})
		}
		i += best
	}
	return out
}

// Match is a record found by Search.
type Match struct {
	Kind  string // KindActor or KindPlace
	ID    string
	Name  string // the record's display name
	Alias string // the name or alias that matched
}

// Search returns the actors and places whose name or an alias matches
// query, case- and diacritics-insensitively, best first: a whole name
// equal to the query, then a name starting with it, then a word of a name
// starting with it, then the query anywhere in a name; ties by name.
func (b *Briefing) Search(query string) []Match {
	q := strings.Join(strings.Fields(fold(query)), " ")
	if q == "" {
		return nil
	}
	type scored struct {
		Match
		score int
	}
	var found []scored
	consider := func(kind, id, name string, aliases []string) {
		best := scored{score: 0}
		for _, alias := range append([]string{name}, aliases...) {
			if s := searchScore(q, alias); s > best.score {
				best = scored{Match{Kind: kind, ID: id, Name: name, Alias: alias}, s}
			}
		}
		if best.score > 0 {
			found = append(found, best)
		}
	}
	for _, a := range b.Actors {
		consider(KindActor, a.ID, a.Name, a.Aliases)
	}
	for _, p := range b.Places {
		consider(KindPlace, p.ID, p.Name, p.Aliases)
	}
	slices.SortStableFunc(found, func(a, c scored) int {
		return cmp.Or(cmp.Compare(c.score, a.score), cmp.Compare(fold(a.Name), fold(c.Name)), cmp.Compare(a.ID, c.ID))
	})
	out := make([]Match, len(found))
	for i, f := range found {
		out[i] = f.Match
	}
	return out
}

// searchScore rates how well the folded query q matches name: 4 equal, 3
// prefix of the name, 2 prefix of one of its words, 1 substring, 0 none.
func searchScore(q, name string) int {
	var words []string
	for _, t := range tokenize(name) {
		words = append(words, t.folded)
	}
	f := strings.Join(words, " ")
	qw := strings.Join(strings.FieldsFunc(q, func(r rune) bool { return !isWordRune(r) }), " ")
	switch {
	case qw == "":
		return 0
	case f == qw:
		return 4
	case strings.HasPrefix(f, qw):
		return 3
	}
	for i := range words {
		if strings.HasPrefix(strings.Join(words[i:], " "), qw) {
			return 2
		}
	}
	if strings.Contains(f, qw) {
		return 1
	}
	return 0
}

// textAround returns text[start:end], for messages.
func textAround(text string, start, end int) string {
	if start < 0 || end > len(text) || start > end || !utf8.ValidString(text[start:end]) {
		return ""
	}
	return text[start:end]
}
