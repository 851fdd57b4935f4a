package data

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// NormaliseText returns s in the normalised form that excerpts are anchored
// in (see FORMAT.md): Unicode NFC; typographic quotes, apostrophes and
// primes (‘ ’ ‚ ‛ “ ” „ ‟ ′ ″ « ») turned into ' or "; every dash and the
// minus sign into "-"; every Unicode space into a space; runs of white space
// (newlines included) collapsed into one space; leading and trailing space
// trimmed. Invalid UTF-8 bytes become U+FFFD. NormaliseText is idempotent.
func NormaliseText(s string) string {
	out := normaliseOnce(s)
	// Mapping a rune to ASCII or dropping white space could, in principle,
	// let a combining mark meet a new neighbour; compose again until stable.
	for range 3 {
		if norm.NFC.IsNormalString(out) {
			break
		}
		out = normaliseOnce(out)
	}
	return out
}

// normaliseOnce composes s (NFC), maps quotes, dashes and spaces, and
// collapses white space.
func normaliseOnce(s string) string {
	s = norm.NFC.String(s)
	var b strings.Builder
	b.Grow(len(s))
	space := false // a space is pending: written before the next other rune
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(normalRune(r))
	}
	return b.String()
}

// normalRune maps a typographic quote or a dash to its ASCII form.
func normalRune(r rune) rune {
	switch r {
	case '‘', '’', '‚', '‛', '′':
		return '\''
	case '“', '”', '„', '‟', '″', '«', '»':
		return '"'
	case '‐', '‑', '‒', '–', '—', '―', '−':
		return '-'
	}
	return r
}

// TextHash returns the lower-case hex SHA-256 of the UTF-8 bytes of
// NormaliseText(s): the value of a source's sha256 in sources.yaml.
func TextHash(s string) string {
	sum := sha256.Sum256([]byte(NormaliseText(s)))
	return hex.EncodeToString(sum[:])
}

// contextRunes is how many runes of context an anchor's prefix and suffix
// hold at most.
const contextRunes = 32

// Anchor locates an excerpt in its article's normalised text, as the W3C
// Web Annotation TextQuoteSelector (prefix, suffix) and
// TextPositionSelector (start, end) do. Offsets count runes; End is
// exclusive.
type Anchor struct {
	Prefix string // up to 32 runes just before the quote
	Suffix string // up to 32 runes just after it
	Start  int
	End    int
}

// Article is the normalised text of a source article, ready to anchor
// excerpts in.
type Article struct {
	text    string
	offsets []int // byte offset of each rune of text, then len(text)
	hash    string
}

// NewArticle normalises raw (see NormaliseText) and indexes its runes.
func NewArticle(raw string) *Article {
	text := NormaliseText(raw)
	a := &Article{text: text, offsets: make([]int, 0, len(text)+1)}
	for i := range text {
		a.offsets = append(a.offsets, i)
	}
	a.offsets = append(a.offsets, len(text))
	sum := sha256.Sum256([]byte(text))
	a.hash = hex.EncodeToString(sum[:])
	return a
}

// Text returns the article's normalised text.
func (a *Article) Text() string { return a.text }

// Hash returns the SHA-256 of the normalised text, in lower-case hex.
func (a *Article) Hash() string { return a.hash }

// Len returns the normalised text's length in runes.
func (a *Article) Len() int { return len(a.offsets) - 1 }

// Slice returns the runes [start, end) of the normalised text, clamped to
// the text.
func (a *Article) Slice(start, end int) string {
	n := a.Len()
	start, end = max(0, min(start, n)), max(0, min(end, n))
	if end < start {
		return ""
	}
	return a.text[a.offsets[start]:a.offsets[end]]
}

// Find returns the rune offsets at which NormaliseText(quote) starts in the
// article, in order (overlapping occurrences included); none for an empty
// quote.
func (a *Article) Find(quote string) []int {
	q := NormaliseText(quote)
	if q == "" {
		return nil
	}
	var out []int
	for from := 0; from <= len(a.text); {
		i := strings.Index(a.text[from:], q)
		if i < 0 {
			break
		}
		at := from + i
		out = append(out, a.runeIndex(at))
		_, size := utf8.DecodeRuneInString(a.text[at:])
		from = at + size
	}
	return out
}

// runeIndex returns the rune offset of byte offset off (a rune boundary).
func (a *Article) runeIndex(off int) int {
	lo, hi := 0, len(a.offsets)-1
	for lo < hi {
		mid := (lo + hi) / 2
		if a.offsets[mid] < off {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}

// AnchorAt returns the anchor of the n runes starting at rune start: its
// offsets and up to 32 runes of context on each side.
func (a *Article) AnchorAt(start, n int) Anchor {
	end := start + n
	return Anchor{
		Prefix: a.Slice(start-contextRunes, start),
		Suffix: a.Slice(end, end+contextRunes),
		Start:  start,
		End:    end,
	}
}

// Locate returns the anchor of quote in the article. When the quote occurs
// more than once, hint (the excerpt's existing anchor, zero if none) picks
// the occurrence: the one at hint.Start, else the only one whose context
// ends with hint.Prefix and starts with hint.Suffix. found is how many
// times the quote occurs; ok is false when it occurs nowhere, or more than
// once and hint does not pick one.
func (a *Article) Locate(quote string, hint Anchor) (anchor Anchor, found int, ok bool) {
	starts := a.Find(quote)
	n := utf8.RuneCountInString(NormaliseText(quote))
	switch len(starts) {
	case 0:
		return Anchor{}, 0, false
	case 1:
		return a.AnchorAt(starts[0], n), 1, true
	}
	for _, s := range starts {
		if s == hint.Start {
			return a.AnchorAt(s, n), len(starts), true
		}
	}
	if hint.Prefix == "" && hint.Suffix == "" {
		return Anchor{}, len(starts), false
	}
	pick := -1
	for _, s := range starts {
		at := a.AnchorAt(s, n)
		if strings.HasSuffix(at.Prefix, hint.Prefix) && strings.HasPrefix(at.Suffix, hint.Suffix) {
			if pick >= 0 {
				return Anchor{}, len(starts), false
			}
			pick = s
		}
	}
	if pick < 0 {
		return Anchor{}, len(starts), false
	}
	return a.AnchorAt(pick, n), len(starts), true
}
