package data

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"
)

func TestFold(t *testing.T) {
	cases := []struct{ in, want string }{
		{"Haftar", "haftar"},
		{"Şirte", "sirte"},
		{"Misrātah", "misratah"},
		{"Haftar’s", "haftar's"},
		{"ÉS SIDER", "es sider"},
	}
	for _, c := range cases {
		if got := fold(c.in); got != c.want {
			t.Errorf("fold(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// matcherBriefing is a small briefing for matcher tests.
func matcherBriefing() *Briefing {
	b := &Briefing{
		Actors: []Actor{
			{ID: "haftar", Name: "Khalifa Haftar", Aliases: []string{"Haftar", "Hifter", "General Haftar", "General Hifter"}, Kind: Person, Leads: "lna"},
			{ID: "lna", Name: "Libyan National Army", Aliases: []string{"LNA"}, Kind: Faction},
			{ID: "sarraj", Name: "Fayez al-Sarraj", Aliases: []string{"Sarraj", "al-Sarraj"}, Kind: Person},
			{ID: "usa", Name: "United States", Aliases: []string{"US", "U.S.", "America"}, Kind: State},
			{ID: "un", Name: "United Nations", Aliases: []string{"UN"}, Kind: Organisation},
		},
		Places: []Place{
			{ID: "sirte", Name: "Sirte", Aliases: []string{"Surt"}},
			{ID: "es-sider", Name: "Es Sider", Aliases: []string{"Sidra", "Es Sidra"}},
			{ID: "tripoli", Name: "Tripoli"},
		},
	}
	b.Reindex()
	return b
}

func TestMatcherFind(t *testing.T) {
	m := NewMatcher(matcherBriefing())
	cases := []struct {
		text string
		want string // "id=text" joined by "; "
	}{
		{"General Haftar attacked", "haftar=General Haftar"},
		{"GENERAL HIFTER’s men", "haftar=GENERAL HIFTER"},
		{"Mr Hifter's forces", "haftar=Hifter"},
		{"the government of Fayez al-Sarraj", "sarraj=Fayez al-Sarraj"},
		{"al-Sarraj said", "sarraj=al-Sarraj"},
		{"Mr Sarraj said", "sarraj=Sarraj"},
		{"near Şirte and Surt", "sirte=Şirte; sirte=Surt"},
		{"Es Sider, or Sidra, and Es Sidra", "es-sider=Es Sider; es-sider=Sidra; es-sider=Es Sidra"},
		{"Haftarism and Tripolitania", ""},
		{"tell us about the UN and the US", "un=UN; usa=US"},
		{"the U.S. envoy", "usa=U.S"},
		{"un-named sources", ""},
		{"the LNA, not the lna", "lna=LNA"},
		{"", ""},
	}
	for _, c := range cases {
		var got []string
		for _, mn := range m.Find(c.text) {
			got = append(got, mn.ID+"="+c.text[mn.Start:mn.End])
		}
		if g := strings.Join(got, "; "); g != c.want {
			t.Errorf("Find(%q) = %q, want %q", c.text, g, c.want)
		}
	}
}

func TestSearch(t *testing.T) {
	b := matcherBriefing()
	cases := []struct {
		query string
		want  string // "id(alias)" best first
	}{
		{"Hifter", "haftar(Hifter)"},
		{"surt", "sirte(Surt)"},
		{"SIRTE", "sirte(Sirte)"},
		{"sid", "es-sider(Sidra)"},
		{"united", "un(United Nations), usa(United States)"},
		{"nations", "un(United Nations)"},
		{"arra", "sarraj(Fayez al-Sarraj)"},
		{"li", "lna(Libyan National Army), haftar(Khalifa Haftar), tripoli(Tripoli)"},
		{"  ", ""},
		{"zzz", ""},
	}
	for _, c := range cases {
		var got []string
		for _, m := range b.Search(c.query) {
			got = append(got, fmt.Sprintf("%s(%s)", m.ID, m.Alias))
		}
		if g := strings.Join(got, ", "); g != c.want {
			t.Errorf("Search(%q) = %q, want %q", c.query, g, c.want)
		}
	}
}

func TestLint(t *testing.T) {
	cases := []struct {
		name     string
		excerpts string // replaces excerpts.yaml; "" keeps the good one
		want     []string
	}{
		{"good package", "", []string{
			`excerpts.yaml:33: about: lists "haftar", but the text does not name it (or a linked record) and its sourced does not cite "econ-ports"`,
		}},
		{"mention missing from about", `excerpts:
  - id: econ-haftar-controls-most
    source: economist-2020
    text: "Khalifa Haftar, the warlord who controls most of the country"
    about: [haftar, z-east]
  - id: nyt-hifter-backers
    source: nyt-2020
    text: "General Hifter is backed by Russia, says Sarraj in Tripoli"
    about: [haftar, russia]
  - id: econ-sarraj
    source: economist-2020
    text: "the government of Fayez al-Sarraj"
    about: [gna, z-west]
  - id: econ-ports
    source: economist-2020
    text: "Haftar's forces blockaded the oil ports, including Es Sider"
    about: [es-sider, lna, e-blockade]
  - id: econ-wagner
    source: economist-2020
    text: "hundreds of Russian mercenaries from the Wagner Group"
    about: [d-wagner, wagner]
`, []string{
			`excerpts.yaml:17: about: text mentions "Sarraj" (sarraj) but about does not list it`,
			`excerpts.yaml:17: about: text mentions "Tripoli" (tripoli) but about does not list it`,
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := packageFS(t, "")
			if c.excerpts != "" {
				m["excerpts.yaml"] = &fstest.MapFile{Data: []byte(c.excerpts)}
				anchor(t, m)
			}
			b, err := Load(m)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, p := range b.Lint() {
				got = append(got, p.String())
			}
			if g, w := strings.Join(got, "\n"), strings.Join(c.want, "\n"); g != w {
				t.Errorf("Lint:\n%s\nwant:\n%s", g, w)
			}
		})
	}
}

func BenchmarkMatcherFind(b *testing.B) {
	m := NewMatcher(matcherBriefing())
	text := strings.Repeat("General Hifter's forces, backed by the UN, hold Sirte and Es Sider; al-Sarraj does not. ", 10)
	b.ReportAllocs()
	for b.Loop() {
		if len(m.Find(text)) != 50 {
			b.Fatal("wrong mention count")
		}
	}
}

// FuzzMatcherFind checks Find's invariants on any text: mentions are in
// order, inside the text, on word boundaries, and never overlap.
func FuzzMatcherFind(f *testing.F) {
	for _, s := range []string{"General Hifter’s men", "al-Sarraj in Şirte", "us and the UN", "Es Sider, Sidra", "\xff\xfe Haftar", ""} {
		f.Add(s)
	}
	m := NewMatcher(matcherBriefing())
	f.Fuzz(func(t *testing.T, text string) {
		end := 0
		for _, mn := range m.Find(text) {
			if mn.Start < end || mn.Start >= mn.End || mn.End > len(text) {
				t.Fatalf("mention %+v out of order or outside the text (len %d, previous end %d)", mn, len(text), end)
			}
			if mn.Start > 0 && isWordRune(lastRune(text[:mn.Start])) {
				t.Fatalf("mention %+v starts inside a word", mn)
			}
			if mn.End < len(text) && isWordRune(firstRune(text[mn.End:])) {
				t.Fatalf("mention %+v ends inside a word", mn)
			}
			end = mn.Start // several records may share one span
		}
	})
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// optionsBriefing has aliases with options and blockers, as the Libya
// package needs them.
func optionsBriefing() *Briefing {
	b := matcherBriefing()
	b.Actors = append(b.Actors,
		Actor{ID: "turkey", Name: "Turkey", Aliases: []string{"Turkey", "Turkish", "Ankara"},
			AliasOptions: []Alias{{Name: "Turkey", MatchCase: true}}, Kind: State},
		Actor{ID: "gna", Name: "Government of National Accord", Aliases: []string{"GNA", "Tripoli government"},
			AliasOptions: []Alias{{Name: "Tripoli government", Valid: Period{To: MustDate("2021-03-09")}}}, Kind: Faction},
		Actor{ID: "gnu", Name: "Government of National Unity", Aliases: []string{"GNU", "Tripoli government"},
			AliasOptions: []Alias{{Name: "Tripoli government", Valid: Period{From: MustDate("2021-03-10")}}}, Kind: Faction},
		Actor{ID: "saddam", Name: "Saddam Haftar", Kind: Person},
	)
	b.Places = append(b.Places,
		Place{ID: "el-feel", Name: "El Feel", Aliases: []string{"Elephant", "Elephant field"},
			AliasOptions: []Alias{{Name: "Elephant", MatchCase: true}}},
		Place{ID: "hun", Name: "Hun", AliasOptions: []Alias{{Name: "Hun", MatchCase: true}}},
	)
	b.Blockers = []string{"Khaled Haftar", "Gulf of Sidra", "Ras Sidr", "Hun Sen", "Al Jawf, Saudi Arabia"}
	b.Reindex()
	return b
}

func TestMatcherOptions(t *testing.T) {
	m := NewMatcher(optionsBriefing())
	jan2020, sep2023 := MustDate("2020-01-19"), MustDate("2023-09-30")
	cases := []struct {
		text string
		date Date
		want string // "id=text" joined by "; "
	}{
		{"Turkey sent drones", jan2020, "turkey=Turkey"},
		{"a roast turkey and TURKEY", jan2020, ""},
		{"Turkish troops", jan2020, "turkey=Turkish"},
		{"the Tripoli government said", jan2020, "gna=Tripoli government"},
		{"the Tripoli government said", sep2023, "gnu=Tripoli government"},
		{"the Tripoli government said", MustDate("2021-03-09"), "gna=Tripoli government"},
		{"the Tripoli government said", MustDate("2021-03-10"), "gnu=Tripoli government"},
		{"the Tripoli government said", Date{}, "gna=Tripoli government; gnu=Tripoli government"},
		{"Khaled Haftar and Saddam Haftar met Haftar", jan2020, "saddam=Saddam Haftar; haftar=Haftar"},
		{"KHALED HAFTAR", jan2020, ""},
		{"the Gulf of Sidra, off Es Sidra", jan2020, "es-sider=Es Sidra"},
		{"the gulf of sidra", jan2020, ""},
		{"Hun Sen of Cambodia; the oasis of Hun", jan2020, "hun=Hun"},
		{"the Elephant field and the elephant", jan2020, "el-feel=Elephant field"},
		{"the Elephant and the elephant field", jan2020, "el-feel=Elephant; el-feel=elephant field"},
	}
	for _, c := range cases {
		var got []string
		for _, mn := range m.FindAt(c.text, c.date) {
			got = append(got, mn.ID+"="+c.text[mn.Start:mn.End])
		}
		if g := strings.Join(got, "; "); g != c.want {
			t.Errorf("FindAt(%q, %v) = %q, want %q", c.text, c.date, g, c.want)
		}
	}
}

func TestMatchAliases(t *testing.T) {
	b := optionsBriefing()
	turkey, _ := b.Actor("turkey")
	var got []string
	for _, a := range turkey.MatchAliases() {
		got = append(got, fmt.Sprintf("%s/%v", a.Name, a.MatchCase))
	}
	// The name written with options in aliases takes those options.
	if g := strings.Join(got, " "); g != "Turkish/false Ankara/false Turkey/true" {
		t.Errorf("MatchAliases = %s", g)
	}
}

// aliasTestWords are the words FuzzMatcherOptions builds texts from.
var aliasTestWords = []string{"Turkey", "turkey", "TURKEY", "Tripoli", "government", "Government", "Khaled", "Haftar", "Saddam",
	"Gulf", "of", "Sidra", "Es", "Hun", "hun", "Sen", "Elephant", "elephant", "field", "the", ",", "’s", "U.S.", "UN", "un"}

// FuzzMatcherOptions checks the property of aliases with options: at any
// date, on any text, a mention uses an alias valid on that date, spelt
// with exactly its capitals when it is case-sensitive, and never lies
// inside a blocker it does not cover.
func FuzzMatcherOptions(f *testing.F) {
	f.Add([]byte{0, 3, 4, 7, 6, 9, 10, 11}, uint16(400))
	f.Add([]byte{1, 2, 15, 16, 17, 18, 19}, uint16(2000))
	b := optionsBriefing()
	m := NewMatcher(b)
	aliases := map[string][]Alias{}
	for i := range b.Actors {
		aliases[b.Actors[i].ID] = b.Actors[i].MatchAliases()
	}
	for i := range b.Places {
		aliases[b.Places[i].ID] = b.Places[i].MatchAliases()
	}
	f.Fuzz(func(t *testing.T, words []byte, day uint16) {
		var sb strings.Builder
		for _, w := range words {
			sb.WriteString(aliasTestWords[int(w)%len(aliasTestWords)])
			sb.WriteByte(' ')
		}
		text := sb.String()
		d := Date{}
		if day > 0 {
			tm := MustDate("2019-01-01").Time().AddDate(0, 0, int(day)%2000)
			d = Date{tm.Year(), tm.Month(), tm.Day()}
		}
		toks := tokenize(text)
		spans := m.blocked(toks)
		for _, mn := range m.FindAt(text, d) {
			matched := text[mn.Start:mn.End]
			ok := false
			for _, a := range aliases[mn.ID] {
				if a.Name != mn.Alias || !a.At(d) {
					continue
				}
				exact := a.MatchCase || isAcronym(a.Name)
				if exact && !sameWords(matched, a.Name) {
					continue
				}
				ok = true
			}
			if !ok {
				t.Fatalf("FindAt(%q, %v): %s via %q (%q) is outside its period or has the wrong case", text, d, mn.ID, mn.Alias, matched)
			}
			from, to := tokenSpan(toks, mn.Start, mn.End)
			if suppressed(spans, from, to) {
				t.Fatalf("FindAt(%q, %v): %s (%q) lies inside a blocker", text, d, mn.ID, matched)
			}
		}
	})
}

// sameWords reports whether a and b are the same words, capitals included.
func sameWords(a, b string) bool {
	ta, tb := tokenize(a), tokenize(b)
	return slices.EqualFunc(ta, tb, func(x, y token) bool { return x.text == y.text })
}

// tokenSpan returns the tokens that the byte span [start, end) covers.
func tokenSpan(toks []token, start, end int) (from, to int) {
	from, to = -1, -1
	for i, t := range toks {
		if t.start == start {
			from = i
		}
		if t.end == end {
			to = i + 1
		}
	}
	return from, to
}
