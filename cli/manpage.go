package cli

import (
	"fmt"
	"io"
	"regexp"
	"strings"

	"github.com/briefmap/briefmap/version"
)

// The manual page, briefmap.1, is written by "briefmap help --man" from the
// command table (usage.go), the commands' FlagSets and the sections below:
// one source for the help the binary prints and for the page the packages
// install.

// manName is the NAME line's description (FyneApp.toml's Comment).
const manName = "offline map briefings with every claim traced to its source"

// manDescription is the DESCRIPTION section, one paragraph a string.
var manDescription = []string{
	"Briefmap shows a map of a conflict \u2014 who controls what, where the oil terminals and " +
		"fields are, where foreign forces are deployed \u2014 beside panels of the actors and of " +
		"the verbatim source excerpts that back every mark on it, and exports the view as a " +
		"briefing slide. It ships with a Libya briefing built from three news articles and " +
		"reads other briefing packages in the same format. It never uses the network: the " +
		"map, the fonts and the Libya briefing are built in.",
	"Without a command briefmap opens the desktop app. The other commands run without a " +
		"display, for scripts and tests; they read the embedded Libya briefing unless they " +
		"take --briefing or a PATH.",
	"Dates are written YYYY-MM-DD and default to the briefing's default date (2020-01-19 " +
		"for Libya). Flags may be written with one dash or two (-o, --date). Errors are " +
		"printed on standard error, one line each, starting with \"briefmap:\".",
}

// exitCode is one exit status and what it means.
type exitCode struct {
	code    int
	meaning string
}

// exitCodes returns every exit status briefmap returns.
func exitCodes() []exitCode {
	return []exitCode{
		{ExitOK, "Success."},
		{ExitInput, "Bad input: a file, a briefing package, a date, a point or an id that is wrong, " +
			"a package that check finds problems in, or a file that cannot be written."},
		{ExitUsage, "Bad usage: an unknown command or flag, or a missing or extra argument."},
	}
}

// envVar is one environment variable briefmap reads.
type envVar struct{ name, meaning string }

// envVars returns the environment variables briefmap reads.
func envVars() []envVar {
	return []envVar{
		{"BRIEFMAP_LOG", "The desktop app's log level: warn (the default: only failures), info or debug. " +
			"The app logs JSON lines (log/slog) on standard error. At info it logs \"map ready\" " +
			"once the first frame is drawn, with the map's rectangle in window pixels (map_x, " +
			"map_y, map_w, map_h) and its bounds (west, south, east, north), \"selected\" with " +
			"kind and id on every selection, \"briefing opened\" and \"slide exported\"; debug " +
			"adds the window, every frame, hover and memory use. Tests drive a real window with " +
			"it."},
	}
}

// packageFile is one file of the briefing package format.
type packageFile struct {
	name     string
	holds    string
	optional bool
}

// packageFileList returns the files of a briefing package (data/FORMAT.md
// describes every field; data.Load reads them).
func packageFileList() []packageFile {
	return []packageFile{
		{"briefing.yaml", "The briefing's id, title, region, default date, snapshot dates, bounding box, sides and notes.", false},
		{"sources.yaml", "The articles the excerpts come from: publisher, title, date, URL, the file of " +
			"its text and the SHA-256 of that normalised text.", false},
		{"sources/", "The article texts, when the package carries them (one plain-text file per source, " +
			"named by its file field): check verifies every excerpt against them. Optional.", true},
		{"excerpts.yaml", "The verbatim quotes, each with its source, its anchors in the article (prefix, " +
			"suffix, start, end) and the records it is about.", false},
		{"actors.yaml", "Factions, states, armed groups, people and organisations: names, aliases, side, backers.", false},
		{"zones.yaml", "Areas of control or contest: controller or contesters, validity, confidence, " +
			"the excerpts that back them and a note on what is background.", false},
		{"zones.geojson", "The polygons of the zones and of the deployment areas (RFC 7946, longitude first), " +
			"properties.id naming the record.", false},
		{"places.yaml", "Oil terminals and fields, airbases, ports and cities: point, kind, status over time.", false},
		{"deployments.yaml", "Foreign forces: actor, what, where, strength, range, validity. Optional.", true},
		{"events.yaml", "Dated events (battles, agreements, conferences, blockades, disasters, visits): " +
			"date or range, place or point, actors, how long the map shows them. Optional.", true},
	}
}

// manFilesIntro and manBriefmapFile open and close the FILES section.
const (
	manFilesIntro = "A briefing package is a folder of these files (records in YAML or JSON, geometry " +
		"in GeoJSON). FORMAT.md describes every field: /usr/share/doc/briefmap/FORMAT.md.gz from " +
		"the Debian package, share/doc/briefmap/FORMAT.md from the tarball, data/FORMAT.md in the " +
		"source. Validation reports every problem at once, as FILE:LINE: FIELD: what is wrong."
	manBriefmapFile = "A briefing package zipped, with the files at its root or inside one top folder " +
		"(a .zip works the same way). Its MIME type is application/vnd.briefmap.briefing+zip; " +
		"the installed desktop entry opens it in Briefmap on a double-click."
)

// manSeeAlso is the SEE ALSO section.
const manSeeAlso = "The project's page, https://github.com/briefmap/briefmap, has the README, " +
	"the source and the issue tracker."

// writeManPage writes the manual page briefmap(1) in man(7) roff.
func writeManPage(w io.Writer) error {
	var r roff
	r.req("TH", "BRIEFMAP", "1", escape(version.Date), escape("briefmap "+version.Version), "User Commands")
	r.req("nh") // no hyphenation: ids and flags must read as written
	r.req("ad", "l")
	r.req("SH", "NAME")
	r.line("briefmap " + `\-` + " " + escape(manName))
	r.req("SH", "SYNOPSIS")
	var all []string
	for _, c := range commands() {
		all = append(all, c.synopsis...)
	}
	r.synopsis(all)
	r.req("SH", "DESCRIPTION")
	for i, p := range manDescription {
		if i > 0 {
			r.req("PP")
		}
		r.text(p)
	}
	r.req("SH", "COMMANDS")
	for _, c := range commands() {
		r.req("SS", escape(c.name))
		r.synopsis(c.synopsis)
		r.req("PP")
		r.text(c.about)
		for _, f := range flagDocs(c, flagsOf(c)) {
			r.req("TP")
			term := `\fB` + escape(f.dashes()) + `\fR`
			if f.value != "" {
				term += ` \fI` + escape(f.value) + `\fR`
			}
			r.line(term)
			r.text(f.desc)
		}
	}
	r.req("SH", "EXIT STATUS")
	for _, x := range exitCodes() {
		r.req("TP")
		r.line(fmt.Sprintf(`\fB%d\fR`, x.code))
		r.text(x.meaning)
	}
	r.req("SH", "ENVIRONMENT")
	for _, v := range envVars() {
		r.req("TP")
		r.line(`\fB` + escape(v.name) + `\fR`)
		r.text(v.meaning)
	}
	r.req("SH", "FILES")
	r.text(manFilesIntro)
	for _, f := range packageFileList() {
		r.req("TP")
		r.line(`\fI` + escape(f.name) + `\fR`)
		r.text(f.holds)
	}
	r.req("TP")
	r.line(`\fI*.briefmap\fR`)
	r.text(manBriefmapFile)
	r.req("SH", "SEE ALSO")
	r.text(manSeeAlso)
	_, err := io.WriteString(w, r.sb.String())
	return err
}

// roff builds a man(7) page.
type roff struct{ sb strings.Builder }

// req writes the request .NAME with its arguments (already escaped),
// quoted where needed.
func (r *roff) req(name string, args ...string) {
	r.sb.WriteString("." + name)
	for _, a := range args {
		if a == "" || strings.ContainsAny(a, " \t") {
			a = `"` + strings.ReplaceAll(a, `"`, `\(dq`) + `"`
		}
		r.sb.WriteString(" " + a)
	}
	r.sb.WriteString("\n")
}

// line writes one line of already escaped roff text.
func (r *roff) line(s string) {
	if strings.HasPrefix(s, ".") || strings.HasPrefix(s, "'") {
		s = `\&` + s
	}
	r.sb.WriteString(s + "\n")
}

// text writes prose: one sentence a line (roff fills them), flags in bold.
func (r *roff) text(s string) {
	for _, sentence := range sentences(s) {
		r.line(flagWords.ReplaceAllStringFunc(escape(sentence), func(m string) string {
			return `\fB` + m + `\fR`
		}))
	}
}

// flagWords matches an escaped flag in prose: \-o, \-\-date.
var flagWords = regexp.MustCompile(`(?:\\-){1,2}[a-z][a-z0-9-]*\b`)

// sentences splits prose after each ". " so that every sentence starts a
// line, as man(7) recommends (roff then puts two spaces after full stops).
func sentences(s string) []string {
	var out []string
	for {
		i := strings.Index(s, ". ")
		if i < 0 {
			break
		}
		out = append(out, s[:i+1])
		s = strings.TrimLeft(s[i+2:], " ")
	}
	return append(out, s)
}

// synopsis writes synopsis lines with a hanging indent, the command words
// and flags in bold and the placeholders in italics.
func (r *roff) synopsis(lines []string) {
	r.req("PP")
	r.req("in", "+4n")
	for i, l := range lines {
		if i > 0 {
			r.req("br")
		}
		r.req("ti", "-4n")
		r.line(synopsisRoff(l))
	}
	r.req("in", "-4n")
}

// synopsisRoff formats one synopsis line: "briefmap" and the command name
// bold; a flag bold; a placeholder in capitals italic, a literal value
// bold; the brackets and separators roman. A bracketed group is kept on one
// line (unbreakable spaces).
func synopsisRoff(line string) string {
	toks := strings.Fields(line)
	var out []string
	depth := 0
	for i, t := range toks {
		var sb strings.Builder
		for len(t) > 0 && t[0] == '[' {
			sb.WriteString("[")
			t = t[1:]
			depth++
		}
		closing := 0
		for len(t) > 0 && t[len(t)-1] == ']' {
			t = t[:len(t)-1]
			closing++
		}
		switch {
		case i < 2 && !strings.ContainsAny(t, "ABCDEFGHIJKLMNOPQRSTUVWXYZ-"):
			sb.WriteString(`\fB` + escape(t) + `\fR`)
		default:
			for j, alt := range strings.Split(t, "|") {
				if j > 0 {
					sb.WriteString("|")
				}
				font := `\fB`
				if strings.ContainsAny(alt, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") {
					font = `\fI`
				}
				sb.WriteString(font + escape(alt) + `\fR`)
			}
		}
		sb.WriteString(strings.Repeat("]", closing))
		depth -= closing
		out = append(out, sb.String())
		if depth > 0 && i+1 < len(toks) {
			out[len(out)-1] += `\ `
		} else if i+1 < len(toks) {
			out[len(out)-1] += " "
		}
	}
	return strings.Join(out, "")
}

// roffChars maps the non-ASCII characters the texts use to roff escapes.
var roffChars = map[rune]string{
	'\u2014': `\(em`, '\u2013': `\(en`, '\u2026': `\&...`, '\u201c': `\(lq`, '\u201d': `\(rq`,
	'\u2018': `\(oq`, '\u2019': `\(cq`, '\u00d7': `\(mu`, '\u00b1': `\(+-`, '\u00b0': `\(de`,
}

// escape makes s safe as roff text: backslashes doubled, a hyphen that
// starts a word (a flag, a minus) as \-, other non-ASCII characters as
// \[uXXXX].
func escape(s string) string {
	var sb strings.Builder
	prev := ' '
	for _, c := range s {
		switch {
		case c == '\\':
			sb.WriteString(`\e`)
		case c == '-' && (prev == ' ' || prev == '-' || prev == '[' || prev == '(' || prev == '|' || prev == ','):
			sb.WriteString(`\-`)
		case c < 0x80:
			sb.WriteRune(c)
		case roffChars[c] != "":
			sb.WriteString(roffChars[c])
		default:
			fmt.Fprintf(&sb, `\[u%04X]`, c)
		}
		prev = c
	}
	return sb.String()
}
