package article

import (
	"strings"
	"testing"

	"github.com/briefmap/briefmap/data"
)

func spanTexts(t *Text, spans []Span) []string {
	var out []string
	for _, s := range spans {
		out = append(out, t.Display(s.Start, s.End))
	}
	return out
}

func TestTextParagraphsAndSentences(t *testing.T) {
	cases := []struct {
		name       string
		in         string
		paragraphs int
		sentences  []string
	}{
		{"one line a paragraph", "Headline without a stop\nThe body. It goes on.\n\nAnother paragraph.",
			3, []string{"Headline without a stop", "The body.", "It goes on.", "Another paragraph."}},
		{"hard-wrapped", `A heading
The Northern Front said on Tuesday that it had taken the
port of Vostra after a siege of three days, and that the
government’s troops had withdrawn to Kessel during the night.

A second paragraph that is also wrapped at about sixty
characters, the way e-mail and old text files are written.
`, 3, []string{
			"A heading",
			"The Northern Front said on Tuesday that it had taken the port of Vostra after a siege of three days, and that the government’s troops had withdrawn to Kessel during the night.",
			"A second paragraph that is also wrapped at about sixty characters, the way e-mail and old text files are written.",
		}},
		{"typographic punctuation kept", "“We won’t go,” he said — again.", 1, []string{"“We won’t go,” he said — again."}},
		{"white space", "  \n\n  Leading   and\ttrailing.  \n\n", 1, []string{"Leading and trailing."}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tx := NewText(c.in)
			if got := len(tx.Paragraphs()); got != c.paragraphs {
				t.Errorf("%d paragraphs, want %d: %q", got, c.paragraphs, spanTexts(tx, tx.Paragraphs()))
			}
			got := spanTexts(tx, tx.Sentences())
			if strings.Join(got, "|") != strings.Join(c.sentences, "|") {
				t.Errorf("sentences:\n got %q\nwant %q", got, c.sentences)
			}
			for _, s := range tx.Sentences() {
				if data.NormaliseText(tx.Display(s.Start, s.End)) != tx.Article().Slice(s.Start, s.End) {
					t.Errorf("Display(%d, %d) = %q is not the normalised text %q", s.Start, s.End, tx.Display(s.Start, s.End), tx.Article().Slice(s.Start, s.End))
				}
			}
		})
	}
}

// FuzzText: for any NFC text, the sentences lie in order inside the
// normalised text, and each one's Display is verbatim: it normalises to
// exactly the runes at its offsets.
func FuzzText(f *testing.F) {
	for _, s := range []string{"A. B.\n\nC", "“x” — y.\nz", "e\u0301. É", "\u00a0\u2003a .b", "x\n\n\n\ny. Z"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		s, _, err := Decode([]byte(s))
		if err != nil {
			return
		}
		tx := NewText(s)
		prev := 0
		for _, sp := range tx.Sentences() {
			if sp.Start < prev || sp.End <= sp.Start || sp.End > tx.Article().Len() {
				t.Fatalf("bad sentence %v after %d (len %d) in %q", sp, prev, tx.Article().Len(), s)
			}
			prev = sp.End
			if d := tx.Display(sp.Start, sp.End); data.NormaliseText(d) != tx.Article().Slice(sp.Start, sp.End) {
				t.Fatalf("Display %q of %q is not verbatim", d, s)
			}
		}
	})
}
