package article

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// titles are abbreviations that come before a name or a number: a full
// stop after one never ends a sentence ("Gen. Haftar", "Maj.-Gen. Ahmed",
// "Mr. Putin", "No. 5").
var titles = wordSet("Mr Mrs Ms Messrs Mme Mlle Dr Prof Gen Gens Lt Lieut Col Maj Capt Cpt Sgt Cpl Pvt Adm Cmdr Cdr Brig Gov Sen Rep Pres Amb Rev Fr Hon St Rt Supt Insp Det Atty Sheikh No Nos Vol vs v Mt Ft Dept Univ e.g i.e eg ie cf viz approx ca fig figs pp")

// weakEnds are abbreviations that may end a sentence or not ("Apple Inc.
// said", "… and so on, etc. The …"): as after an initial, a full stop
// after one ends a sentence only when a word that usually starts one
// follows.
var weakEnds = wordSet("Inc Ltd Co Corp Bros Jr Sr etc al Ave Blvd Rd Sq")

// months are abbreviated month names: a full stop after one does not end a
// sentence when a number follows ("Jan. 19").
var months = wordSet("Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec")

// starters are words that often begin a sentence: after an initial or a
// dotted acronym ("the U.S. The …"), a full stop ends the sentence only
// when one of them follows.
var starters = wordSet("The A An In On At But And Or So Yet He She It They We I You His Her Its Their Our My This That These Those There Then When While After Before Since As If Although Though However Meanwhile Mr Mrs Ms Some Many Most Both Neither Not One Two Three Four Five Six Seven Eight Nine Ten What Why How Who Where Such Other Last Next Earlier Later Today Yesterday Still")

// wordSet returns the words of s as a set (case matters).
func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// SplitSentences splits one paragraph of normalised text (data.NormaliseText:
// ASCII quotes, single spaces) into sentences and returns their byte spans
// [start, end), in order, never empty and without surrounding spaces. A
// sentence ends at ".", "!", "?" or an ellipsis (with any closing quotes
// and brackets after it) followed by a space and a capital letter, a digit
// or an opening quote or bracket, except after a title ("Gen.", "Mr.",
// "Maj.-Gen."), an abbreviated month before a number ("Jan. 19"), an
// initial or a dotted acronym ("Vladimir V. Putin", "U.S. officials")
// unless a word that usually starts a sentence follows ("the U.S. The …"),
// and inside a quotation whose closing quote comes later in the paragraph
// (a quotation of several sentences stays one).
func SplitSentences(p string) [][2]int {
	var out [][2]int
	inQuote := quotations(p)
	start := skipSpaces(p, 0)
	for i := 0; i < len(p); {
		r, size := utf8.DecodeRuneInString(p[i:])
		if r != '.' && r != '!' && r != '?' && r != '…' {
			i += size
			continue
		}
		j := i + size
		for j < len(p) {
			c, n := utf8.DecodeRuneInString(p[j:])
			if !strings.ContainsRune(".!?…", c) {
				break
			}
			j += n
		}
		closedQuote := false
		for j < len(p) && strings.IndexByte(`"')]`, p[j]) >= 0 {
			if p[j] == '"' {
				closedQuote = true
			}
			j++
		}
		if j >= len(p) {
			break // the paragraph's end ends the sentence
		}
		if p[j] != ' ' || !endsSentence(p, i, r, j+1) || inQuote[i] && !closedQuote {
			i = j
			continue
		}
		if start < j {
			out = append(out, [2]int{start, j})
		}
		start = skipSpaces(p, j)
		i = start
	}
	if end := len(strings.TrimRight(p, " ")); start < end {
		out = append(out, [2]int{start, end})
	}
	return out
}

func skipSpaces(p string, i int) int {
	for i < len(p) && p[i] == ' ' {
		i++
	}
	return i
}

// quotations marks the bytes of p inside a quotation: between an opening
// '"' and the closing one that pairs with it. An odd last quote (a
// quotation that runs on into the next paragraph, as news style writes
// it) marks nothing.
func quotations(p string) []bool {
	in := make([]bool, len(p))
	open := -1
	for i := 0; i < len(p); i++ {
		if p[i] != '"' {
			continue
		}
		if open < 0 {
			open = i
			continue
		}
		for k := open; k < i; k++ {
			in[k] = true
		}
		open = -1
	}
	return in
}

// endsSentence reports whether the terminator r at byte i of p, with the
// next word at byte next, ends a sentence.
func endsSentence(p string, i int, r rune, next int) bool {
	nr, _ := utf8.DecodeRuneInString(p[next:])
	nextWord := wordAt(p, next)
	if nr == '"' || nr == '\'' || nr == '(' || nr == '[' {
		nr2, _ := utf8.DecodeRuneInString(p[min(len(p), next+1):])
		if !unicode.IsUpper(nr2) && !unicode.IsDigit(nr2) {
			return false
		}
		nextWord = wordAt(p, next+1)
	} else if !unicode.IsUpper(nr) && !unicode.IsDigit(nr) {
		return false // a sentence does not start in lower case
	}
	if r != '.' {
		return true
	}
	if i >= 2 && p[i-1] == '.' || i+1 < len(p) && p[i+1] == '.' {
		return unicode.IsUpper(nr) || nr == '"' // an ellipsis
	}
	word := wordBefore(p, i)
	last := word
	if k := strings.LastIndexAny(word, "-."); k >= 0 && k+1 < len(word) {
		last = word[k+1:] // "Maj.-Gen" → "Gen", "Lt.Col" → "Col"
	}
	switch {
	case titles[last] || titles[word]:
		return false
	case months[word] && unicode.IsDigit(nr):
		return false
	case isInitialOrAcronym(word) || weakEnds[word]:
		return starters[nextWord]
	}
	return true
}

// wordBefore returns the word that ends at byte i of p (after the last
// space, opening quote or bracket).
func wordBefore(p string, i int) string {
	k := strings.LastIndexAny(p[:i], ` "'([`)
	return p[k+1 : i]
}

// wordAt returns the word (letters) starting at byte i of p.
func wordAt(p string, i int) string {
	end := i
	for end < len(p) {
		r, n := utf8.DecodeRuneInString(p[end:])
		if !unicode.IsLetter(r) {
			break
		}
		end += n
	}
	return p[i:end]
}

// isInitialOrAcronym reports whether word (before a full stop) is a single
// letter ("V") or letters joined by full stops ("U.S", "a.m").
func isInitialOrAcronym(word string) bool {
	if word == "" {
		return false
	}
	for k, part := range strings.Split(word, ".") {
		if utf8.RuneCountInString(part) != 1 {
			return false
		}
		r, _ := utf8.DecodeRuneInString(part)
		if !unicode.IsLetter(r) || k == 0 && !strings.Contains(word, ".") && !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}
