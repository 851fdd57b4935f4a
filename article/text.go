package article

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/briefmap/briefmap/data"
)

// Span is a run of runes [Start, End) of an article's normalised text.
type Span struct{ Start, End int }

// Text is an article's stored text (as written to the package's sources/
// folder) with its normalised form (data.NormaliseText), in which excerpts
// are anchored, and a map between the two.
type Text struct {
	stored string
	art    *data.Article
	// at[i] is the byte offset in stored of normalised rune i (a space
	// maps to the first white space of its run); len(at) is art.Len()+1,
	// the last being len(stored). Nil when the two could not be aligned.
	at    []int
	paras []Span // paragraphs, in normalised runes
}

// NewText indexes stored, an article's text in Unicode NFC.
func NewText(stored string) *Text {
	t := &Text{stored: stored, art: data.NewArticle(stored)}
	t.align()
	t.paras = t.paragraphs()
	return t
}

// Stored returns the text as stored.
func (t *Text) Stored() string { return t.stored }

// Article returns the normalised text.
func (t *Text) Article() *data.Article { return t.art }

// align maps each normalised rune to the stored rune it comes from:
// normalisation keeps every rune of an NFC text but white space one for
// one, and turns each run of white space into one space (none at the
// ends).
func (t *Text) align() {
	n := t.art.Len()
	at := make([]int, 0, n+1)
	pending := -1 // byte offset of a white-space run not yet mapped
	for off, r := range t.stored {
		if unicode.IsSpace(r) {
			if pending < 0 && len(at) > 0 {
				pending = off
			}
			continue
		}
		if pending >= 0 {
			at = append(at, pending)
			pending = -1
		}
		at = append(at, off)
	}
	if len(at) != n {
		return // the text composed differently once normalised: no map
	}
	t.at = append(at, len(t.stored))
}

// Display returns the runes [start, end) of the normalised text as the
// article writes them: typographic quotes and dashes kept, each run of
// white space (a line break in a paragraph) one space. When NormaliseText
// of what it returns would not be the normalised runes exactly, it
// returns those instead; either way the result is verbatim.
func (t *Text) Display(start, end int) string {
	norm := t.art.Slice(start, end)
	if t.at == nil || start < 0 || end > t.art.Len() || start >= end {
		return norm
	}
	last := t.at[end-1]
	_, size := utf8.DecodeRuneInString(t.stored[last:])
	s := strings.Join(strings.Fields(t.stored[t.at[start]:last+size]), " ")
	if data.NormaliseText(s) != norm {
		return norm
	}
	return s
}

// Paragraphs returns the article's paragraphs in normalised runes.
func (t *Text) Paragraphs() []Span { return t.paras }

// paragraphs splits the stored text into paragraphs: at blank lines, and
// at single line breaks too unless the text is hard-wrapped (most lines
// end near a common width), where a line break inside a paragraph is only
// a break when the line is short (a heading, a paragraph's last line) or
// the next line starts a list item or a quotation.
func (t *Text) paragraphs() []Span {
	if t.at == nil {
		if t.art.Len() == 0 {
			return nil
		}
		return []Span{{0, t.art.Len()}}
	}
	lines := strings.SplitAfter(t.stored, "\n")
	width := wrapWidth(lines)
	var out []Span
	startByte, off := -1, 0
	flush := func(endByte int) {
		if startByte >= 0 {
			if s, ok := t.runeSpan(startByte, endByte); ok {
				out = append(out, s)
			}
		}
		startByte = -1
	}
	for i, l := range lines {
		body := strings.TrimSpace(l)
		if body == "" {
			flush(off)
		} else if startByte < 0 {
			startByte = off
		}
		off += len(l)
		if body == "" {
			continue
		}
		soft := width > 0 && utf8.RuneCountInString(strings.TrimRight(l, " \t\n")) >= width*6/10 && i+1 < len(lines)
		if soft {
			next := strings.TrimSpace(lines[i+1])
			soft = next != "" && markdownList.FindString(next) == "" && !strings.HasPrefix(next, ">") && !strings.HasPrefix(next, "#") && !strings.HasPrefix(body, "#")
		}
		if !soft {
			flush(off)
		}
	}
	flush(off)
	return out
}

// wrapWidth returns the width a hard-wrapped text is wrapped at: the 90th
// percentile of its line lengths when that is 100 runes or less and the
// text has at least five lines and a blank line; 0 otherwise (each line
// is a paragraph).
func wrapWidth(lines []string) int {
	var lens []int
	blank := false
	for _, l := range lines {
		n := utf8.RuneCountInString(strings.TrimRight(l, " \t\n"))
		if n == 0 {
			blank = true
			continue
		}
		lens = append(lens, n)
	}
	if len(lens) < 5 || !blank {
		return 0
	}
	sort.Ints(lens)
	w := lens[len(lens)*9/10]
	if w > 100 || w < 30 {
		return 0
	}
	return w
}

// runeSpan returns the normalised runes of the stored bytes [from, to),
// white space at either end left out; ok is false when it holds none.
func (t *Text) runeSpan(from, to int) (Span, bool) {
	start := sort.SearchInts(t.at, from)
	end := sort.SearchInts(t.at, to)
	// A space maps to the start of its white-space run: skip one that
	// begins the span, and leave out one that ends it.
	for start < end && t.art.Slice(start, start+1) == " " {
		start++
	}
	for end > start && t.art.Slice(end-1, end) == " " {
		end--
	}
	if start >= end {
		return Span{}, false
	}
	return Span{start, end}, true
}

// Sentences returns the article's sentences, in order, in normalised
// runes: each paragraph split by SplitSentences.
func (t *Text) Sentences() []Span {
	var out []Span
	for _, p := range t.paras {
		para := t.art.Slice(p.Start, p.End)
		runeAt := 0
		byteAt := 0
		for _, s := range SplitSentences(para) {
			runeAt += utf8.RuneCountInString(para[byteAt:s[0]])
			n := utf8.RuneCountInString(para[s[0]:s[1]])
			out = append(out, Span{p.Start + runeAt, p.Start + runeAt + n})
			runeAt += n
			byteAt = s[1]
		}
	}
	return out
}
