package data

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func TestNormaliseText(t *testing.T) {
	cases := []struct{ in, want string }{
		{"", ""},
		{"  \n\t ", ""},
		{"Libya’s civil war", "Libya's civil war"},
		{"‘single’ “double” „low“ ‟reversed” «guillemets» ‚comma‛", `'single' "double" "low" "reversed" "guillemets" 'comma'`},
		{"5′ 6″", `5' 6"`},
		{"a‐b‑c‒d–e—f―g−h", "a-b-c-d-e-f-g-h"},
		{"themselves—Fayez", "themselves-Fayez"},
		{"no\u00a0break\u2009thin\u202fnarrow\u3000ideographic", "no break thin narrow ideographic"},
		{"line one\nline two\r\n\r\nline three", "line one line two line three"},
		{"  lead and trail  ", "lead and trail"},
		{"Salame\u0301", "Salamé"},           // NFC composes
		{"Erdog\u0306an", "Erdoğan"},         // NFC composes
		{"bad \xff byte", "bad \ufffd byte"}, // invalid UTF-8 becomes U+FFFD
	}
	for _, c := range cases {
		if got := NormaliseText(c.in); got != c.want {
			t.Errorf("NormaliseText(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestTextHash(t *testing.T) {
	// The hash is of the normalised text: layout and typography do not count.
	a := TextHash("Libya’s  war\n— over?")
	b := TextHash("Libya's war - over?")
	if a != b || len(a) != 64 || strings.ToLower(a) != a {
		t.Errorf("TextHash = %s and %s, want one lower-case hex hash", a, b)
	}
	if TextHash("Libya's war") == a {
		t.Error("different texts hash the same")
	}
	if got := NewArticle("Libya’s  war\n— over?").Hash(); got != a {
		t.Errorf("Article.Hash = %s, want %s", got, a)
	}
}

func TestArticleLocate(t *testing.T) {
	art := NewArticle("Écrit — “Haftar’s forces” took Sirte.\nHaftar’s forces then left Sirte.")
	if art.Text() != `Écrit - "Haftar's forces" took Sirte. Haftar's forces then left Sirte.` {
		t.Fatalf("text = %q", art.Text())
	}
	if got := art.Find("Haftar’s forces"); len(got) != 2 || got[0] != 9 || got[1] != 38 {
		t.Errorf("Find = %v, want [9 38] (rune offsets)", got)
	}
	cases := []struct {
		name  string
		quote string
		hint  Anchor
		want  Anchor
		found int
		ok    bool
	}{
		{"unique", "took Sirte", Anchor{}, Anchor{Prefix: `Écrit - "Haftar's forces" `, Suffix: ". Haftar's forces then left Sirt", Start: 26, End: 36}, 1, true},
		{"ambiguous", "Haftar’s forces", Anchor{}, Anchor{}, 2, false},
		{"by start", "Haftar’s forces", Anchor{Start: 38}, Anchor{Prefix: `- "Haftar's forces" took Sirte. `, Suffix: " then left Sirte.", Start: 38, End: 53}, 2, true},
		{"by prefix", "Haftar’s forces", Anchor{Start: -1, Prefix: "Sirte. "}, Anchor{Prefix: `- "Haftar's forces" took Sirte. `, Suffix: " then left Sirte.", Start: 38, End: 53}, 2, true},
		{"by suffix", "Haftar’s forces", Anchor{Start: -1, Suffix: `" took`}, Anchor{Prefix: `Écrit - "`, Suffix: `" took Sirte. Haftar's forces th`, Start: 9, End: 24}, 2, true},
		{"wrong hint", "Haftar’s forces", Anchor{Start: 3, Prefix: "nowhere"}, Anchor{}, 2, false},
		{"missing", "Haftar’s army", Anchor{}, Anchor{}, 0, false},
		{"empty", "  ", Anchor{}, Anchor{}, 0, false},
	}
	for _, c := range cases {
		got, found, ok := art.Locate(c.quote, c.hint)
		if got != c.want || found != c.found || ok != c.ok {
			t.Errorf("%s: Locate = %+v, %d, %v; want %+v, %d, %v", c.name, got, found, ok, c.want, c.found, c.ok)
		}
	}
	if s := art.Slice(-5, 5); s != "Écrit" {
		t.Errorf("Slice(-5, 5) = %q", s)
	}
	if s := art.Slice(64, 500); s != "Sirte." {
		t.Errorf("Slice(64, 500) = %q", s)
	}
	if s := art.Slice(10, 2); s != "" {
		t.Errorf("Slice(10, 2) = %q", s)
	}
}

// FuzzNormaliseText checks NormaliseText's promises on any input: valid
// UTF-8 in NFC, idempotent, single spaces only, nothing to trim, and no
// typographic quote or dash left.
func FuzzNormaliseText(f *testing.F) {
	for _, s := range []string{"Libya’s — war", "  a \n\n b  ", "e\u0301", "\xff\xfe", "\u00a0\u0301x", "a\u2028b", "«»‹›", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := NormaliseText(s)
		if !utf8.ValidString(n) || !norm.NFC.IsNormalString(n) {
			t.Fatalf("NormaliseText(%q) = %q: not valid NFC", s, n)
		}
		if again := NormaliseText(n); again != n {
			t.Fatalf("not idempotent: %q → %q → %q", s, n, again)
		}
		if strings.TrimSpace(n) != n || strings.Contains(n, "  ") {
			t.Fatalf("NormaliseText(%q) = %q: untrimmed or double space", s, n)
		}
		for _, r := range n {
			if unicode.IsSpace(r) && r != ' ' || normalRune(r) != r {
				t.Fatalf("NormaliseText(%q) = %q: keeps %U", s, n, r)
			}
		}
	})
}

// FuzzAnchor anchors a slice of any text in it and checks that the anchor
// points back at the quote, with the context around it.
func FuzzAnchor(f *testing.F) {
	f.Add("On January 19th the parties — “all of them” — met.", 3, 20)
	f.Add("abc abc abc", 4, 3)
	f.Add("\xffé\u0301 x", 0, 2)
	f.Fuzz(func(t *testing.T, text string, from, n int) {
		art := NewArticle(text)
		if art.Len() == 0 || n <= 0 {
			return
		}
		from = ((from % art.Len()) + art.Len()) % art.Len()
		n = min(n%64+1, art.Len()-from)
		quote := art.Slice(from, from+n)
		if NormaliseText(quote) != quote {
			return // a slice starting or ending in a space is no quote
		}
		a, found, ok := art.Locate(quote, Anchor{Start: from})
		if !ok || found < 1 {
			t.Fatalf("Locate(%q) in %q: found %d, ok %v", quote, art.Text(), found, ok)
		}
		if a.Start != from || a.End != from+n || art.Slice(a.Start, a.End) != quote {
			t.Fatalf("Locate(%q) = %+v, want %d–%d", quote, a, from, from+n)
		}
		if utf8.RuneCountInString(a.Prefix) != min(from, contextRunes) || !strings.HasSuffix(art.Slice(0, a.Start), a.Prefix) ||
			utf8.RuneCountInString(a.Suffix) > contextRunes || !strings.HasPrefix(art.Slice(a.End, art.Len()), a.Suffix) {
			t.Fatalf("context %q | %q around %q is wrong", a.Prefix, a.Suffix, quote)
		}
	})
}
