package cli

// This file prints what the command table of usage.go says: the help
// subcommand, one command's help (after "help COMMAND", -h or --help) and
// the synopsis after a bad flag, with the flags read from each command's
// FlagSet. The manual
// page (manpage.go) uses the same flagDocs and wrap.

import (
	"flag"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// runHelp prints the usage text, one command's help, or the manual page:
//
//	briefmap help [--man] [COMMAND]
func runHelp(e *Env, args []string) int {
	fs := e.flagSet("help")
	man := fs.Bool("man", false, "print the manual page (roff) instead")
	if code, ok := e.parseFlags(fs, args); !ok {
		return code
	}
	switch {
	case fs.NArg() > 1:
		return e.usage("help takes at most one COMMAND")
	case *man && fs.NArg() > 0:
		return e.usage("help --man prints the whole manual: give no COMMAND")
	case *man:
		if err := writeManPage(e.Stdout); err != nil {
			return e.failIn("help", err)
		}
		return ExitOK
	case fs.NArg() == 0:
		fmt.Fprint(e.Stdout, Usage())
		return ExitOK
	}
	c, ok := lookup(fs.Arg(0))
	if !ok {
		return e.usage(fmt.Sprintf("help: unknown command %q", fs.Arg(0)))
	}
	if c.run == nil {
		writeCommandHelp(e.Stdout, c, nil)
		return ExitOK
	}
	// Exactly what "briefmap COMMAND --help" prints.
	return c.run(e, []string{"--help"})
}

// flagsOf returns the FlagSet command c defines, without running it: c runs
// with an Env whose describe hook receives the FlagSet at the moment the
// command would parse its arguments. It returns nil for a command without
// a run function or that never parses flags.
func flagsOf(c command) *flag.FlagSet {
	if c.run == nil {
		return nil
	}
	var got *flag.FlagSet
	e := &Env{Stdout: io.Discard, Stderr: io.Discard, describe: func(fs *flag.FlagSet) { got = fs }}
	c.run(e, nil)
	return got
}

// commandOf returns the command whose FlagSet fs is (named "briefmap NAME").
func commandOf(fs *flag.FlagSet) (command, bool) {
	return lookup(strings.TrimPrefix(fs.Name(), "briefmap "))
}

// printHelp prints the help of the command whose FlagSet fs is on stdout
// (after -h or --help).
func (e *Env) printHelp(fs *flag.FlagSet) {
	c, ok := commandOf(fs)
	if !ok {
		c = command{name: fs.Name(), synopsis: []string{fs.Name()}}
	}
	writeCommandHelp(e.Stdout, c, fs)
}

// printSynopsis prints the synopsis of the command whose FlagSet fs is on
// stderr, after a bad flag.
func (e *Env) printSynopsis(fs *flag.FlagSet) {
	c, ok := commandOf(fs)
	if !ok {
		return
	}
	var sb strings.Builder
	writeSynopsis(&sb, c)
	fmt.Fprintf(&sb, "Run \"briefmap help %s\" for its flags.\n", c.name)
	io.WriteString(e.Stderr, sb.String())
}

// writeSynopsis writes "usage: " and c's synopsis lines, aligned.
func writeSynopsis(sb *strings.Builder, c command) {
	for i, s := range c.synopsis {
		if i == 0 {
			sb.WriteString("usage: " + s + "\n")
		} else {
			sb.WriteString("       " + s + "\n")
		}
	}
}

// helpWidth is the width help text is wrapped to.
const helpWidth = 80

// writeCommandHelp writes c's help: its synopsis, its paragraph and its
// flags (from fs, which may be nil), wrapped to helpWidth columns.
func writeCommandHelp(w io.Writer, c command, fs *flag.FlagSet) {
	var sb strings.Builder
	writeSynopsis(&sb, c)
	if c.about != "" {
		sb.WriteString("\n")
		sb.WriteString(wrap(c.about, helpWidth, ""))
	}
	fl := flagDocs(c, fs)
	if len(fl) > 0 {
		sb.WriteString("\nflags:\n")
		col := 0
		for _, f := range fl {
			col = max(col, len(f.term()))
		}
		col += 4 // two spaces of indent, two before the description
		if col > 26 {
			col = 26
		}
		for _, f := range fl {
			term := "  " + f.term()
			desc := wrap(f.desc, helpWidth, strings.Repeat(" ", col))
			if len(term)+2 > col {
				sb.WriteString(term + "\n" + desc)
			} else {
				sb.WriteString(term + strings.Repeat(" ", col-len(term)) + strings.TrimLeft(desc, " "))
			}
		}
	}
	io.WriteString(w, sb.String())
}

// flagDoc is one flag as the help and the manual page show it.
type flagDoc struct {
	name  string // without dashes
	value string // the placeholder, "" for a boolean flag
	desc  string // from the FlagSet, with the default when there is one
}

// dashes returns "-o" for a one-letter flag, "--date" for the others, as
// the synopses write them (Go's flag package takes either form).
func (f flagDoc) dashes() string {
	if len(f.name) == 1 {
		return "-" + f.name
	}
	return "--" + f.name
}

// term returns "--date D" or "--json".
func (f flagDoc) term() string {
	if f.value == "" {
		return f.dashes()
	}
	return f.dashes() + " " + f.value
}

// flagDocs returns c's flags in the order its synopsis names them, with the
// placeholders the synopsis uses and the descriptions fs gives. A flag of
// fs the synopsis does not name comes last (the table's test fails then).
func flagDocs(c command, fs *flag.FlagSet) []flagDoc {
	if fs == nil {
		return nil
	}
	placeholders := synopsisFlags(c.synopsis, fs)
	var out []flagDoc
	seen := map[string]bool{}
	add := func(f *flag.Flag, value string) {
		if f == nil || seen[f.Name] {
			return
		}
		seen[f.Name] = true
		name, desc := flag.UnquoteUsage(f)
		if isBool(f) {
			value = ""
		} else if value == "" {
			value = strings.ToUpper(name)
		}
		if def := f.DefValue; def != "" && def != "false" && def != "0" && !strings.Contains(desc, "default") {
			desc += " (default " + def + ")"
		}
		out = append(out, flagDoc{name: f.Name, value: value, desc: desc})
	}
	for _, p := range placeholders {
		add(fs.Lookup(p.name), p.value)
	}
	fs.VisitAll(func(f *flag.Flag) { add(f, "") })
	return out
}

// isBool reports whether f takes no value.
func isBool(f *flag.Flag) bool {
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

// synopsisFlag is a flag a synopsis names, with its placeholder.
type synopsisFlag struct{ name, value string }

// synopsisFlags returns the flags the synopsis lines name, in order: a
// token starting with "-" (after any "[") is a flag; unless fs says the flag
// is boolean, the next token is its placeholder.
func synopsisFlags(lines []string, fs *flag.FlagSet) []synopsisFlag {
	var out []synopsisFlag
	for _, line := range lines {
		toks := strings.Fields(line)
		for i := 0; i < len(toks); i++ {
			t := strings.TrimLeft(toks[i], "[")
			if !strings.HasPrefix(t, "-") || t == "-" {
				continue
			}
			closed := strings.HasSuffix(t, "]")
			sf := synopsisFlag{name: strings.TrimRight(strings.TrimLeft(t, "-"), "]")}
			f := fs.Lookup(sf.name)
			if !closed && i+1 < len(toks) && (f == nil || !isBool(f)) {
				i++
				sf.value = strings.TrimRight(toks[i], "]")
			}
			out = append(out, sf)
		}
	}
	return out
}

// wrap fills text into lines of at most width columns (a longer word stays
// whole), each starting with indent, and ends it with a newline.
func wrap(text string, width int, indent string) string {
	var sb strings.Builder
	line, n := indent, utf8.RuneCountInString(indent)
	start := n
	for _, word := range strings.Fields(text) {
		wn := utf8.RuneCountInString(word)
		if n > start && n+1+wn > width {
			sb.WriteString(line + "\n")
			line, n = indent, start
		}
		if n > start {
			line += " "
			n++
		}
		line += word
		n += wn
	}
	sb.WriteString(line + "\n")
	return sb.String()
}
