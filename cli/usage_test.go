package cli

import (
	"bytes"
	"flag"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"github.com/briefmap/briefmap/data"
)

// TestCommandTable checks every entry of the command table: its synopsis
// names exactly the flags its FlagSet defines (so the help cannot drift from
// the flags), and it has the texts the help and the manual page need.
func TestCommandTable(t *testing.T) {
	seen := map[string]bool{}
	for _, c := range commands() {
		t.Run(c.name, func(t *testing.T) {
			if c.name == "" || seen[c.name] {
				t.Fatalf("command name %q empty or repeated", c.name)
			}
			seen[c.name] = true
			if c.summary == "" || !strings.HasSuffix(c.about, ".") {
				t.Errorf("summary %q, about %q: want both, about a paragraph ending in a full stop", c.summary, c.about)
			}
			if len(c.synopsis) == 0 {
				t.Fatal("no synopsis")
			}
			named := false
			for _, s := range c.synopsis {
				f := strings.Fields(s)
				if f[0] != "briefmap" {
					t.Errorf("synopsis %q does not start with briefmap", s)
				}
				named = named || len(f) > 1 && f[1] == c.name
			}
			if !named {
				t.Errorf("no synopsis line is \"briefmap %s …\"", c.name)
			}
			if c.run == nil {
				if c.name != "open" {
					t.Errorf("only the desktop app's open may have no run function")
				}
				return
			}
			fs := flagsOf(c)
			if fs == nil {
				t.Fatal("the command never parses flags: flagsOf cannot read them")
			}
			if want := "briefmap " + c.name; fs.Name() != want {
				t.Errorf("FlagSet named %q, want %q", fs.Name(), want)
			}
			var defined []string
			fs.VisitAll(func(f *flag.Flag) {
				defined = append(defined, f.Name)
				if f.Usage == "" {
					t.Errorf("flag -%s has no description", f.Name)
				}
			})
			var inSynopsis []string
			for _, sf := range synopsisFlags(c.synopsis, fs) {
				inSynopsis = append(inSynopsis, sf.name)
				if f := fs.Lookup(sf.name); f != nil && !isBool(f) && sf.value == "" {
					t.Errorf("synopsis gives -%s no value", sf.name)
				}
			}
			slices.Sort(inSynopsis)
			if !slices.Equal(defined, inSynopsis) {
				t.Errorf("synopsis names flags %v, the command defines %v", inSynopsis, defined)
			}
		})
	}
}

func TestIsCommandAndHandles(t *testing.T) {
	for _, c := range commands() {
		if got := IsCommand(c.name); got != (c.run != nil) {
			t.Errorf("IsCommand(%q) = %v", c.name, got)
		}
	}
	cases := []struct {
		args []string
		want bool
	}{
		{nil, false},
		{[]string{"open", "x.briefmap"}, false},
		{[]string{"open"}, false},
		{[]string{"open", "--help"}, true},
		{[]string{"open", "-h"}, true},
		{[]string{"nope", "--help"}, false},
		{[]string{"--help"}, true},
		{[]string{"-h"}, true},
		{[]string{"check"}, true},
		{[]string{"help", "check"}, true},
	}
	for _, c := range cases {
		if got := Handles(c.args); got != c.want {
			t.Errorf("Handles(%q) = %v, want %v", c.args, got, c.want)
		}
	}
}

// TestCommandHelp checks that "briefmap help COMMAND", "briefmap COMMAND
// --help" and "-h" print the same help on stdout: the synopsis, the
// paragraph and every flag of the command's FlagSet.
func TestCommandHelp(t *testing.T) {
	for _, c := range commands() {
		t.Run(c.name, func(t *testing.T) {
			code, help, errs := run("help", c.name)
			if code != ExitOK || errs != "" {
				t.Fatalf("help %s: exit %d, stderr %q", c.name, code, errs)
			}
			for _, asked := range [][]string{{c.name, "--help"}, {c.name, "-h"}, {c.name, "-help"}} {
				code, out, errs := run(asked...)
				if code != ExitOK || errs != "" || out != help {
					t.Errorf("%q: exit %d, stderr %q, stdout differs from help %s:\n%s", asked, code, errs, c.name, out)
				}
			}
			if !strings.HasPrefix(help, "usage: "+c.synopsis[0]+"\n") {
				t.Errorf("help does not start with the synopsis:\n%s", help)
			}
			if !strings.Contains(strings.Join(strings.Fields(help), " "), c.about) {
				t.Errorf("help lacks the paragraph:\n%s", help)
			}
			if fs := flagsOf(c); fs != nil {
				fs.VisitAll(func(f *flag.Flag) {
					if !strings.Contains(help, "  -"+f.Name) && !strings.Contains(help, "  --"+f.Name) {
						t.Errorf("help lacks flag -%s:\n%s", f.Name, help)
					}
				})
			}
			for i, line := range strings.Split(help, "\n") {
				if n := utf8.RuneCountInString(line); n > helpWidth && strings.Contains(strings.TrimSpace(line), " ") &&
					!strings.HasPrefix(line, "usage: ") && !strings.HasPrefix(line, "       briefmap") {
					t.Errorf("line %d is %d columns wide: %q", i+1, n, line)
				}
			}
		})
	}
}

func TestUsage(t *testing.T) {
	for _, args := range [][]string{{"help"}, {"--help"}, {"-h"}} {
		code, out, errs := run(args...)
		if code != ExitOK || errs != "" || out != Usage() {
			t.Errorf("%q: exit %d, stderr %q, stdout %q", args, code, errs, out)
		}
	}
	u := Usage()
	for _, c := range commands() {
		for _, s := range c.synopsis {
			if !strings.Contains(u, "  "+s+"\n") {
				t.Errorf("usage lacks %q", s)
			}
		}
	}
}

func TestHelpErrors(t *testing.T) {
	cases := []struct {
		args  []string
		code  int
		first string
	}{
		{[]string{"help", "nope"}, ExitUsage, `briefmap: help: unknown command "nope"`},
		{[]string{"help", "info", "check"}, ExitUsage, "briefmap: help takes at most one COMMAND"},
		{[]string{"help", "--man", "info"}, ExitUsage, "briefmap: help --man prints the whole manual: give no COMMAND"},
		{[]string{"help", "--bogus"}, ExitUsage, "briefmap: help: flag provided but not defined: -bogus"},
		{[]string{"nope"}, ExitUsage, `briefmap: unknown command "nope"`},
		{[]string{}, ExitUsage, "briefmap: no command given"},
	}
	for _, c := range cases {
		code, out, errs := run(c.args...)
		first, _, _ := strings.Cut(errs, "\n")
		if code != c.code || first != c.first || out != "" {
			t.Errorf("%q: exit %d, stdout %q, first stderr line %q; want %d, %q", c.args, code, out, first, c.code, c.first)
		}
	}
}

// A bad flag prints one line naming it, then the command's synopsis only.
func TestBadFlagShowsSynopsis(t *testing.T) {
	code, out, errs := run("render", "--colour", "red")
	want := "briefmap: render: flag provided but not defined: -colour\n" +
		"usage: briefmap render -o FILE.png [--size WxH] [--date D] [--bbox W,S,E,N] [--briefing PATH]\n" +
		"Run \"briefmap help render\" for its flags.\n"
	if code != ExitUsage || out != "" || errs != want {
		t.Errorf("exit %d, stdout %q, stderr:\n%s\nwant:\n%s", code, out, errs, want)
	}
}

func TestWrap(t *testing.T) {
	cases := []struct {
		text, indent string
		width        int
		want         string
	}{
		{"a b c", "", 80, "a b c\n"},
		{"aaa bbb ccc", "", 7, "aaa bbb\nccc\n"},
		{"aaa bbb", "  ", 6, "  aaa\n  bbb\n"},
		{"averyveryverylongword b", "", 5, "averyveryverylongword\nb\n"},
		{"é é é", "", 3, "é é\né\n"},
		{"", "", 10, "\n"},
	}
	for _, c := range cases {
		if got := wrap(c.text, c.width, c.indent); got != c.want {
			t.Errorf("wrap(%q, %d, %q) = %q, want %q", c.text, c.width, c.indent, got, c.want)
		}
	}
}

func TestEscape(t *testing.T) {
	cases := []struct{ in, want string }{
		{"--date", `\-\-date`},
		{"-o FILE", `\-o FILE`},
		{"as-of YYYY-MM-DD", "as-of YYYY-MM-DD"},
		{`a\b`, `a\eb`},
		{"(-o, --date)", `(\-o, \-\-date)`},
		{"TEXT|-", `TEXT|\-`},
		{"a — b…", `a \(em b\&...`},
		{"Ωmega", `\[u03A9]mega`},
	}
	for _, c := range cases {
		if got := escape(c.in); got != c.want {
			t.Errorf("escape(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestSynopsisRoff(t *testing.T) {
	cases := []struct{ in, want string }{
		{"briefmap", `\fBbriefmap\fR`},
		{"briefmap check [PATH]", `\fBbriefmap\fR \fBcheck\fR [\fIPATH\fR]`},
		{"briefmap render -o FILE.png [--size WxH]", `\fBbriefmap\fR \fBrender\fR \fB\-o\fR \fIFILE.png\fR [\fB\-\-size\fR\ \fIWxH\fR]`},
		{"briefmap export [--size 1920x1080|3840x2160]", `\fBbriefmap\fR \fBexport\fR [\fB\-\-size\fR\ \fB1920x1080\fR|\fB3840x2160\fR]`},
		{"briefmap match [--json] TEXT|-", `\fBbriefmap\fR \fBmatch\fR [\fB\-\-json\fR] \fITEXT\fR|\fB\-\fR`},
	}
	for _, c := range cases {
		if got := synopsisRoff(c.in); got != c.want {
			t.Errorf("synopsisRoff(%q) =\n %s\nwant\n %s", c.in, got, c.want)
		}
	}
}

// manPage returns "briefmap help --man"'s output.
func manPage(t *testing.T) string {
	t.Helper()
	code, out, errs := run("help", "--man")
	if code != ExitOK || errs != "" {
		t.Fatalf("help --man: exit %d, stderr %q", code, errs)
	}
	return out
}

// TestManPage checks that the manual page has every command, every flag,
// every exit status, BRIEFMAP_LOG and every file of the package format.
func TestManPage(t *testing.T) {
	man := manPage(t)
	if !strings.HasPrefix(man, ".TH BRIEFMAP 1 ") {
		t.Errorf("page does not start with .TH BRIEFMAP 1: %.40q", man)
	}
	for _, sec := range []string{"NAME", "SYNOPSIS", "DESCRIPTION", "COMMANDS", `"EXIT STATUS"`, "ENVIRONMENT", "FILES", `"SEE ALSO"`} {
		if !strings.Contains(man, "\n.SH "+sec+"\n") {
			t.Errorf("no section %s", sec)
		}
	}
	if !strings.Contains(man, "\n.SH NAME\nbriefmap \\- ") {
		t.Error("NAME is not \"briefmap \\- description\" (whatis needs it)")
	}
	for _, c := range commands() {
		if !strings.Contains(man, "\n.SS "+c.name+"\n") {
			t.Errorf("no subsection for %s", c.name)
		}
		for _, s := range c.synopsis {
			if !strings.Contains(man, "\n"+synopsisRoff(s)+"\n") {
				t.Errorf("synopsis %q missing", s)
			}
		}
		for _, f := range flagDocs(c, flagsOf(c)) {
			if !strings.Contains(man, "\n.TP\n\\fB"+escape(f.dashes())+"\\fR") {
				t.Errorf("%s: flag %s missing", c.name, f.dashes())
			}
		}
	}
	for _, x := range exitCodes() {
		if !strings.Contains(man, "\n.TP\n\\fB"+strconv.Itoa(x.code)+"\\fR\n") {
			t.Errorf("exit status %d missing", x.code)
		}
	}
	if !strings.Contains(man, "\\fBBRIEFMAP_LOG\\fR") {
		t.Error("BRIEFMAP_LOG missing")
	}
	for _, f := range packageFileList() {
		if !strings.Contains(man, "\\fI"+f.name+"\\fR") {
			t.Errorf("package file %s missing", f.name)
		}
	}
	if !strings.Contains(man, "application/vnd.briefmap.briefing+zip") || !strings.Contains(man, `\fI*.briefmap\fR`) {
		t.Error("the .briefmap file type is missing")
	}
	for i, line := range strings.Split(man, "\n") {
		if strings.HasPrefix(line, "'") || strings.HasPrefix(line, ".") && !isRequest(line) {
			t.Errorf("line %d would be read as a request: %q", i+1, line)
		}
		for _, r := range line {
			if r >= 0x80 {
				t.Errorf("line %d has a non-ASCII character %q (escape it)", i+1, r)
				break
			}
		}
	}
}

// isRequest reports whether line is one of the requests writeManPage uses.
func isRequest(line string) bool {
	name, _, _ := strings.Cut(line[1:], " ")
	return slices.Contains([]string{"TH", "SH", "SS", "PP", "TP", "in", "ti", "br", "nh", "ad"}, name)
}

// TestManPageGroff formats the page with groff, all warnings on: the page
// must format without a warning. groff-base comes with man-db (Makefile's
// deps-package).
func TestManPageGroff(t *testing.T) {
	groff, err := exec.LookPath("groff")
	if err != nil {
		t.Fatal("groff not found: install the Debian package groff-base (make deps-package)")
	}
	cmd := exec.Command(groff, "-man", "-ww", "-z", "-Tutf8")
	cmd.Stdin = strings.NewReader(manPage(t))
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil || stderr.Len() > 0 {
		t.Errorf("groff: %v\n%s", err, stderr.String())
	}
}

// TestPackageFileList checks the FILES section against the loader: the
// listed files are exactly those of a complete package, and a package
// without one of them loads only when the list says it is optional.
func TestPackageFileList(t *testing.T) {
	const dir = "../data/testdata/good"
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var onDisk, listed []string
	full := fstest.MapFS{}
	for _, e := range entries {
		if e.IsDir() { // sources/: the article texts
			onDisk = append(onDisk, e.Name()+"/")
			texts, err := os.ReadDir(dir + "/" + e.Name())
			if err != nil {
				t.Fatal(err)
			}
			for _, tx := range texts {
				b, err := os.ReadFile(dir + "/" + e.Name() + "/" + tx.Name())
				if err != nil {
					t.Fatal(err)
				}
				full[e.Name()+"/"+tx.Name()] = &fstest.MapFile{Data: b}
			}
			continue
		}
		onDisk = append(onDisk, e.Name())
		b, err := os.ReadFile(dir + "/" + e.Name())
		if err != nil {
			t.Fatal(err)
		}
		full[e.Name()] = &fstest.MapFile{Data: b}
	}
	if _, err := data.Load(full); err != nil {
		t.Fatalf("the complete package does not load: %v", err)
	}
	for _, f := range packageFileList() {
		listed = append(listed, f.name)
		without := fstest.MapFS{}
		for k, v := range full {
			if k != f.name && !strings.HasPrefix(k, f.name+"/") && !(strings.HasSuffix(f.name, "/") && strings.HasPrefix(k, f.name)) {
				without[k] = v
			}
		}
		// (Without it, records elsewhere may name ids it held: only the
		// "missing required file" problem tells whether it is optional.)
		_, err := data.Load(without)
		missing := err != nil && strings.Contains(err.Error(), f.name+": missing required file")
		if missing == f.optional {
			t.Errorf("%s is listed with optional=%v, but a package without it gives %v", f.name, f.optional, err)
		}
	}
	slices.Sort(listed)
	slices.Sort(onDisk)
	if !slices.Equal(listed, onDisk) {
		t.Errorf("FILES lists %v, a complete package (%s) has %v", listed, dir, onDisk)
	}
}
