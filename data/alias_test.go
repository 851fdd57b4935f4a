package data

import (
	"strings"
	"testing"
	"testing/fstest"
)

// FuzzAliases loads the good package with any value for Haftar's aliases:
// Load must not panic; when it accepts them, every alias with options has
// a name listed among the aliases and a period that does not run
// backwards, and the matcher works on them.
func FuzzAliases(f *testing.F) {
	for _, s := range []string{
		"[Haftar, Hifter]",
		"[Haftar, {name: Hifter, match_case: true}, {name: General Haftar, valid_from: 2020-01-01, valid_to: 2021-01-01}]",
		"[{name: Khalifa Haftar, match_case: true}]",
		"[{name: X, valid_to: 2019-01-01, valid_from: 2020-01-01}, {nam: Y}, [1, 2], null, \"\"]",
		"{name: Haftar}",
		"[&a {name: Haftar}, *a]",
	} {
		f.Add(s)
	}
	good := packageFS(f, "")
	actors := string(good["actors.yaml"].Data)
	const line = "    aliases: [Haftar, Hifter, General Haftar, General Hifter]\n"
	if !strings.Contains(actors, line) {
		f.Fatal("the good actors.yaml has changed: update FuzzAliases")
	}
	f.Fuzz(func(t *testing.T, aliases string) {
		if strings.ContainsAny(aliases, "\n\r") {
			return
		}
		m := fstest.MapFS{}
		for k, v := range good {
			m[k] = v
		}
		m["actors.yaml"] = &fstest.MapFile{Data: []byte(strings.Replace(actors, line, "    aliases: "+aliases+"\n", 1))}
		b, err := Load(m)
		if err != nil {
			return
		}
		h, _ := b.Actor("haftar")
		for _, a := range h.AliasOptions {
			if a.Name == "" || !strings.Contains("\x00"+strings.Join(h.Aliases, "\x00")+"\x00", "\x00"+a.Name+"\x00") {
				t.Fatalf("option %+v not among the aliases %q", a, h.Aliases)
			}
			if !a.Valid.From.IsZero() && !a.Valid.To.IsZero() && a.Valid.To.Before(a.Valid.From) {
				t.Fatalf("option %+v runs backwards", a)
			}
		}
		m2 := NewMatcher(b)
		for _, a := range h.MatchAliases() {
			m2.FindAt(a.Name, MustDate("2020-06-01"))
		}
	})
}
