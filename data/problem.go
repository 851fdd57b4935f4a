package data

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Problem is one thing wrong (or, from Lint, implausible) in a briefing
// package, located by file and line.
type Problem struct {
	File    string // the package file, e.g. "zones.yaml"; "" for the package itself
	Line    int    // 1-based; 0 when the problem is not tied to a line
	Field   string // the field at fault, e.g. "controller"; may be ""
	Message string // what is wrong
}

// String returns the problem as "file:line: field: message", leaving out the
// parts that are empty.
func (p Problem) String() string {
	var b strings.Builder
	if p.File != "" {
		b.WriteString(p.File)
		if p.Line > 0 {
			fmt.Fprintf(&b, ":%d", p.Line)
		}
		b.WriteString(": ")
	}
	if p.Field != "" {
		b.WriteString(p.Field)
		b.WriteString(": ")
	}
	b.WriteString(p.Message)
	return b.String()
}

// ValidationError is every problem found in a package; Load returns it
// (and no Briefing) when the package is bad.
type ValidationError struct {
	Problems []Problem
}

// Error returns the problems one per line.
func (e *ValidationError) Error() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// problems collects Problems while a package is read and validated.
type problems struct {
	list []Problem
}

// oneLine keeps a message on one line.
var oneLine = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ")

// add records a problem at file:line. The message is kept to one line.
func (ps *problems) add(file string, line int, field, format string, args ...any) {
	msg := oneLine.Replace(fmt.Sprintf(format, args...))
	ps.list = append(ps.list, Problem{File: file, Line: line, Field: field, Message: msg})
}

// sortProblems returns the problems in a stable order: by file order in the
// package, then line, then field and message; duplicates are dropped.
func sortProblems(list []Problem) []Problem {
	rank := func(file string) int {
		if i := slices.Index(packageFiles, file); i >= 0 {
			return i
		}
		return len(packageFiles)
	}
	slices.SortStableFunc(list, func(a, b Problem) int {
		return cmp.Or(
			cmp.Compare(rank(a.File), rank(b.File)),
			cmp.Compare(a.File, b.File),
			cmp.Compare(a.Line, b.Line),
		)
	})
	return slices.CompactFunc(list, func(a, b Problem) bool { return a == b })
}
