package data

import (
	"strings"

	"gopkg.in/yaml.v3"
)

// aliasKeys are the keys of an alias written as a mapping.
var aliasKeys = []string{"name", "match_case", "valid_from", "valid_to"}

// aliases decodes the record's aliases: each item a plain string, or a
// mapping {name, match_case, valid_from, valid_to}. It returns every
// alias's name, and the aliases written as mappings with their options.
func (fs *fields) aliases() (names []string, opts []Alias) {
	for _, it := range fs.list("aliases", false) {
		it = deref(it)
		switch {
		case it.Kind == yaml.MappingNode:
			af := fs.f.mapping(it, "aliases", aliasKeys)
			if af == nil {
				continue
			}
			a := Alias{Name: af.str("name", true), MatchCase: af.boolean("match_case"), Valid: af.period(false)}
			if a.Name == "" {
				continue
			}
			names = append(names, a.Name)
			opts = append(opts, a)
		case it.Kind != yaml.ScalarNode || it.Tag == "!!null":
			fs.f.ps.add(fs.f.name, it.Line, "aliases", "want a name or a mapping of %s, got %s", strings.Join(aliasKeys, ", "), kindName(it))
		case strings.TrimSpace(it.Value) == "":
			fs.f.ps.add(fs.f.name, it.Line, "aliases", "empty list item")
		default:
			names = append(names, strings.TrimSpace(it.Value))
		}
	}
	return names, opts
}

// aliasesOf returns every name a record matches by, with its options: the
// name (without options unless the aliases give it some), then the aliases
// in order, an alias without options once.
func aliasesOf(name string, names []string, opts []Alias) []Alias {
	withOpts := make(map[string]bool, len(opts))
	for _, a := range opts {
		withOpts[a.Name] = true
	}
	out := make([]Alias, 0, len(names)+1)
	seen := map[string]bool{}
	for _, n := range append([]string{name}, names...) {
		if withOpts[n] || seen[n] {
			continue
		}
		seen[n] = true
		out = append(out, Alias{Name: n})
	}
	return append(out, opts...)
}

// MatchAliases returns every name the actor is matched by in text, with
// its options: the name, then each alias (see Actor.AliasOptions).
func (a *Actor) MatchAliases() []Alias { return aliasesOf(a.Name, a.Aliases, a.AliasOptions) }

// MatchAliases returns every name the place is matched by in text, with
// its options.
func (p *Place) MatchAliases() []Alias { return aliasesOf(p.Name, p.Aliases, p.AliasOptions) }

// At reports whether the alias may match a text matched at date d: always
// for the zero Date (no date given), else when its period contains d.
func (a Alias) At(d Date) bool { return d.IsZero() || a.Valid.Contains(d) }
