package article

import (
	"strings"
	"testing"
	"unicode"

	"github.com/briefmap/briefmap/data"
)

func sentences(p string) []string {
	var out []string
	for _, s := range SplitSentences(p) {
		out = append(out, p[s[0]:s[1]])
	}
	return out
}

func TestSplitSentences(t *testing.T) {
	cases := []struct {
		name string
		in   string
		want []string
	}{
		{"plain", "One. Two! Three? Four", []string{"One.", "Two!", "Three?", "Four"}},
		{"titles", "Gen. Haftar met Mr. Putin and Dr. Who. They talked.", []string{"Gen. Haftar met Mr. Putin and Dr. Who.", "They talked."}},
		{"hyphenated rank", "Maj.-Gen. Ahmed al-Mismari spoke. Lt. Col. Ali did not.", []string{"Maj.-Gen. Ahmed al-Mismari spoke.", "Lt. Col. Ali did not."}},
		{"initials", "President Vladimir V. Putin of Russia came. J. R. R. Tolkien did not.", []string{"President Vladimir V. Putin of Russia came.", "J. R. R. Tolkien did not."}},
		{"acronym mid-sentence", "U.S. officials met U.N. envoys. The talks ended.", []string{"U.S. officials met U.N. envoys.", "The talks ended."}},
		{"acronym ends a sentence", "The drones came from the U.S. The embargo failed.", []string{"The drones came from the U.S.", "The embargo failed."}},
		{"acronym before a name", "He flew to the U.S. President Biden met him.", []string{"He flew to the U.S. President Biden met him."}},
		{"month before a number", "On Jan. 19 they met. In Sept. 2023 they met again.", []string{"On Jan. 19 they met.", "In Sept. 2023 they met again."}},
		{"numbers", "It cost 3.5 billion. The rest was 2,000 men.", []string{"It cost 3.5 billion.", "The rest was 2,000 men."}},
		{"lower case goes on", "See e.g. the map. Or i.e. nothing. etc. and so on.", []string{"See e.g. the map.", "Or i.e. nothing. etc. and so on."}},
		{"company", "Gazprom Inc. said so. Rosneft Ltd. The end.", []string{"Gazprom Inc. said so.", "Rosneft Ltd.", "The end."}},
		{"company before a name", "Rosneft Ltd. Moscow branch grew.", []string{"Rosneft Ltd. Moscow branch grew."}},
		{"quotation of two sentences", `"We will fight. We will win," he said. Then he left.`, []string{`"We will fight. We will win," he said.`, "Then he left."}},
		{"quotation ends the sentence", `He said: "We will win." Then he left.`, []string{`He said: "We will win."`, "Then he left."}},
		{"question in a quotation", `"Who is going to implement that?" asked Mirco Keilberth.`, []string{`"Who is going to implement that?" asked Mirco Keilberth.`}},
		{"unclosed quotation", `"We will fight. We will win. The next paragraph goes on`, []string{`"We will fight.`, "We will win.", "The next paragraph goes on"}},
		{"sentence opens with a quotation", `He left. "No," she said.`, []string{"He left.", `"No," she said.`}},
		{"brackets", "He spoke (in Arabic.) Then he left. (The rest is history.)", []string{"He spoke (in Arabic.)", "Then he left.", "(The rest is history.)"}},
		{"ellipsis", "He paused... and went on... Then silence. Wait… What?", []string{"He paused... and went on...", "Then silence.", "Wait…", "What?"}},
		{"no empty sentences", "  .  ..  Real one.  ", []string{".  ..  Real one."}},
		{"empty", "", nil},
		{"spaces only", "   ", nil},
		{"the end of the paragraph", "No full stop at the end", []string{"No full stop at the end"}},
		{"a name after a full stop", "Russia, the UAE and Egypt back Gen. Khalifa Hifter. Turkey defends Tripoli.", []string{"Russia, the UAE and Egypt back Gen. Khalifa Hifter.", "Turkey defends Tripoli."}},
		{"no. before a number", "Resolution No. 2510 passed. It was late.", []string{"Resolution No. 2510 passed.", "It was late."}},
		{"the word no", "He said no. The talks failed.", []string{"He said no.", "The talks failed."}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := sentences(c.in)
			if strings.Join(got, "|") != strings.Join(c.want, "|") {
				t.Errorf("SplitSentences(%q):\n got %q\nwant %q", c.in, got, c.want)
			}
		})
	}
}

// FuzzSplitSentences: the sentences of any normalised paragraph are in
// order, do not overlap, are never empty nor start or end with a space,
// and together hold every non-space character.
func FuzzSplitSentences(f *testing.F) {
	for _, s := range []string{"One. Two.", `"A. B," he said. C.`, "Gen. X. U.S. Y... Z…", "a.b.c. D", `"" "." . "`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p := data.NormaliseText(s)
		spans := SplitSentences(p)
		covered := 0
		prev := 0
		for _, sp := range spans {
			if sp[0] < prev || sp[1] <= sp[0] || sp[1] > len(p) {
				t.Fatalf("bad span %v after %d in %q (%v)", sp, prev, p, spans)
			}
			text := p[sp[0]:sp[1]]
			if strings.TrimSpace(text) != text || text == "" {
				t.Fatalf("sentence %q in %q", text, p)
			}
			covered += len(strings.Join(strings.FieldsFunc(text, unicode.IsSpace), ""))
			prev = sp[1]
		}
		if all := len(strings.Join(strings.FieldsFunc(p, unicode.IsSpace), "")); covered != all {
			t.Fatalf("sentences cover %d of %d non-space bytes of %q: %v", covered, all, p, spans)
		}
	})
}
