package article

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/briefmap/briefmap/data"
)

// Name is a known record named in a proposal: the alias that matched, at
// runes [Start, End) of the normalised text.
type Name struct {
	ID    string
	Kind  data.Kind
	Alias string
	Start int
	End   int
}

// Proposal is a sentence of an article proposed as an excerpt: it names
// records of the briefing.
type Proposal struct {
	ID    string // the excerpt id it gets when accepted
	Start int    // runes of the normalised text
	End   int
	Text  string  // as the article writes it (Text.Display)
	Score float64 // higher first: see Score
	About []string
	Names []Name
	// Context is true for a sentence that names no record itself but
	// follows one that does (see Propose): its About is that one's.
	Context bool
}

// controlWords are words of control and movement: the sentences a briefer
// needs say who holds, takes, sends or leaves what.
var controlWords = wordSet(`control controls controlled controlling hold holds held seize seized seizes capture captured captures take takes took taken retake retook recaptured occupy occupied occupies besiege besieged siege blockade blockaded blockading shut closed close reopen reopened withdraw withdrew withdrawn retreat retreated advance advanced advancing push pushed deploy deployed deploys deployment send sent sends arrive arrived arrives land landed fly flew move moved moving attack attacked attacks launch launched offensive strike struck shell shelled bomb bombed bombing surround surrounded fled flee enter entered leave left march marched supply supplied supplies ship shipped arm armed back backed backs backing support supported supports fight fought fighting defend defended defends invade invaded mercenaries troops fighters drones forces`)

// numberWords are written-out quantities.
var numberWords = wordSet(`two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred hundreds thousand thousands million millions billion billions dozen dozens`)

// monthNames name months: a sentence with a date helps a timeline.
var monthNames = wordSet(`January February March April May June July August September October November December`)

// Score rates how much a briefer needs a sentence, from the records it
// names and its words: one point for each distinct record named (up to
// four), two more when it names an actor and a place together, one and a
// half for a word of control or movement and half a point for each further
// one (up to two), one for a number, half for a month; a sentence of fewer
// than six words loses one point, of more than sixty half a point, and
// one without a full stop (a heading) half a point.
func Score(text string, names []Name) float64 {
	ids := map[string]bool{}
	var actor, place bool
	for _, n := range names {
		ids[n.ID] = true
		actor = actor || n.Kind == data.KindActor
		place = place || n.Kind == data.KindPlace
	}
	s := float64(min(len(ids), 4))
	if actor && place {
		s += 2
	}
	words := strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != ',' })
	verbs, number, month := 0, false, false
	seen := map[string]bool{}
	for _, w := range words {
		lw := strings.ToLower(strings.Trim(w, ","))
		switch {
		case controlWords[lw] && !seen[lw]:
			seen[lw] = true
			verbs++
		case numberWords[lw] || strings.IndexFunc(w, unicode.IsDigit) >= 0:
			number = true
		case monthNames[w]:
			month = true
		}
	}
	if verbs > 0 {
		s += 1.5 + min(float64(verbs-1)*0.5, 2)
	}
	if number {
		s++
	}
	if month {
		s += 0.5
	}
	switch n := len(words); {
	case n < 6:
		s--
	case n > 60:
		s -= 0.5
	}
	if t := strings.TrimRight(text, `"')]’” `); t != "" && !strings.ContainsAny(t[len(t)-1:], ".!?…") {
		s -= 0.5
	}
	return math.Round(s*100) / 100
}

// contextReach is how many sentences after one that names records a
// sentence naming none may be, in the same paragraph, to be proposed by
// context.
const contextReach = 2

// Propose returns the sentences of t that name records of the briefing,
// matched by m at date d (an alias limited to a period matches only
// within it), as proposals ranked best first (ties in text order), each
// with About (the records named, in text order). A sentence that names
// none but follows one that does in the same paragraph, at most two
// sentences on ("It has deployed a fleet of drones", "the general"),
// is proposed too, by context: its About is that sentence's, its Names
// empty, Context set and its score one point lower. Each proposal gets an
// id made of prefix and the sentence's first words that taken does not
// refuse (taken may be nil); ids are unique among the proposals too.
func Propose(t *Text, m *data.Matcher, d data.Date, prefix string, taken func(id string) bool) []Proposal {
	var out []Proposal
	used := map[string]bool{}
	para := 0
	var last []string // the records of the last sentence naming some in this paragraph
	since := 0        // sentences since it
	for _, s := range t.Sentences() {
		for para+1 < len(t.paras) && s.Start >= t.paras[para].End {
			para++
			last = nil
		}
		since++
		norm := t.art.Slice(s.Start, s.End)
		p := Proposal{Start: s.Start, End: s.End, Text: t.Display(s.Start, s.End)}
		ms := m.FindAt(norm, d)
		runeAt, byteAt := 0, 0
		for _, mn := range ms {
			runeAt += utf8.RuneCountInString(norm[byteAt:mn.Start])
			n := utf8.RuneCountInString(norm[mn.Start:mn.End])
			p.Names = append(p.Names, Name{ID: mn.ID, Kind: mn.Kind, Alias: mn.Alias, Start: s.Start + runeAt, End: s.Start + runeAt + n})
			if !slices.Contains(p.About, mn.ID) {
				p.About = append(p.About, mn.ID)
			}
			// The next mention may start inside this one (one span naming
			// two records): count from its start.
			byteAt = mn.Start
		}
		switch {
		case len(ms) > 0:
			p.Score = Score(p.Text, p.Names)
		case last != nil && since <= contextReach:
			p.About, p.Context = slices.Clone(last), true
			p.Score = Score(p.Text, nil) - 1
		default:
			continue
		}
		p.ID = uniqueID(prefix, slugWords(norm, 4), func(id string) bool { return used[id] || taken != nil && taken(id) })
		used[p.ID] = true
		out = append(out, p)
		if !p.Context {
			last, since = p.About, 0
		}
	}
	slices.SortStableFunc(out, func(a, b Proposal) int { return cmp.Compare(b.Score, a.Score) })
	return out
}

// stopWords are left out of ids.
var stopWords = wordSet(`a an the and or but of in on at to for from by with as is are was were be been has have had it its his her their they he she this that these those who which what said says will would not no so than then there also into over after before about`)

// slugWords returns up to n lower-case ASCII words of s that are not stop
// words, joined by "-".
func slugWords(s string, n int) string {
	var words []string
	for _, w := range strings.FieldsFunc(Slug(s), func(r rune) bool { return r == '-' }) {
		if stopWords[w] || len(w) < 2 {
			continue
		}
		words = append(words, w[:min(len(w), 14)])
		if len(words) == n {
			break
		}
	}
	return strings.Join(words, "-")
}

// Slug returns s as an id: lower-case ASCII letters and digits (letters
// with diacritics lose them, other characters are left out), words joined
// by "-"; a number keeps its digits together ("2,000" → "2000").
func Slug(s string) string {
	var sb strings.Builder
	dash := false
	rs := []rune(foldASCII(s))
	for i, r := range rs {
		switch {
		case (r == ',' || r == '.') && i > 0 && i+1 < len(rs) && unicode.IsDigit(rs[i-1]) && unicode.IsDigit(rs[i+1]):
			// "2,000" → "2000"
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			if dash && sb.Len() > 0 {
				sb.WriteByte('-')
			}
			dash = false
			sb.WriteRune(r)
		case r == '\'' || r == '’':
			// "Libya's" → "libyas"
		default:
			dash = true
		}
	}
	return sb.String()
}

// uniqueID returns prefix-words, or with "-2", "-3"… appended, the first
// one taken refuses; prefix alone when words is empty.
func uniqueID(prefix, words string, taken func(string) bool) string {
	base := prefix
	if words != "" {
		base = strings.Trim(prefix+"-"+words, "-")
	}
	if base == "" {
		base = "excerpt"
	}
	id := base
	for n := 2; taken(id); n++ {
		id = base + "-" + strconv.Itoa(n)
	}
	return id
}

// foldASCII returns s lower-cased with diacritics removed ("Salamé" →
// "salame").
func foldASCII(s string) string {
	var sb strings.Builder
	for _, r := range norm.NFD.String(s) {
		if !unicode.Is(unicode.Mn, r) {
			sb.WriteRune(unicode.ToLower(r))
		}
	}
	return sb.String()
}
