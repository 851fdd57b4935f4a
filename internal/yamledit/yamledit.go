// Package yamledit edits a hand-written YAML file of the briefing package
// format (a top-level key holding a list of records) line by line, at the
// positions yaml.v3 reports for its nodes, so that everything it does not
// change stays byte for byte: comments, key order, blank lines, quoting,
// CRLF line ends. It is the one YAML writer of Briefmap: the anchors tool
// (data.UpdateAnchors) and the package editor (pkgedit) use it.
//
// A Doc is parsed once, edited (Set, AppendItem, RemoveItem, ReplaceSpan)
// and turned back into bytes with Bytes; edits refer to the positions of the
// parsed file, so the lines an edit touches must not overlap another's.
package yamledit

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"
)

// Problem is a reason a file cannot be edited, at a 1-based line (0: the
// whole file).
type Problem struct {
	Line    int
	Field   string
	Message string
}

// KV is a key and its value as one line of YAML text (use Quote for
// strings).
type KV struct{ Key, Value string }

// Doc is a YAML file being edited.
type Doc struct {
	lines   []string
	crlf    bool
	listKey string
	keyNode *yaml.Node // the list's key; nil when the file lacks it
	valNode *yaml.Node // its value, whatever it is
	list    *yaml.Node // the list; nil when missing or null
	items   []*yaml.Node
	edits   []lineEdit
}

// lineEdit replaces lines [at, at+remove) with add (0-based).
type lineEdit struct {
	at, remove int
	add        []string
	seq        int
}

// Parse parses a file whose root maps listKey to a list of mappings. A
// record may be written in block style (one key per line) or in flow style
// ({id: x, …}); Set and SetBefore edit only block mappings, so a caller
// that needs them refuses a flow record (see FlowProblem). A missing or
// null list is no problem: AppendItem starts it.
func Parse(b []byte, listKey string) (*Doc, []Problem) {
	d := &Doc{listKey: listKey}
	text := string(b)
	d.crlf = strings.Contains(text, "\r\n")
	d.lines = strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	var doc yaml.Node
	if err := yaml.Unmarshal(b, &doc); err != nil {
		line, msg := ErrorLine(err)
		return d, []Problem{{Line: line, Message: "malformed YAML: " + msg}}
	}
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return d, []Problem{{Message: fmt.Sprintf("want a mapping with %s:", listKey)}}
	}
	root := doc.Content[0]
	var ps []Problem
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value != listKey {
			continue
		}
		d.keyNode, d.valNode = root.Content[i], root.Content[i+1]
		list := root.Content[i+1]
		if list.Kind == yaml.ScalarNode && list.Tag == "!!null" {
			return d, nil
		}
		if list.Kind != yaml.SequenceNode {
			return d, []Problem{{Line: list.Line, Field: listKey, Message: "want a list"}}
		}
		d.list = list
		for _, it := range list.Content {
			if it.Kind != yaml.MappingNode {
				ps = append(ps, Problem{Line: it.Line, Field: listKey, Message: "want a mapping"})
				continue
			}
			d.items = append(d.items, it)
		}
	}
	return d, ps
}

// ErrorLine pulls "line N: " out of a yaml.v3 error message: the line (0
// when there is none) and the rest of the message.
func ErrorLine(err error) (int, string) {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	var line int
	if _, scanErr := fmt.Sscanf(msg, "line %d:", &line); scanErr == nil {
		if i := strings.Index(msg, ": "); i >= 0 {
			msg = msg[i+2:]
		}
	}
	return line, msg
}

// IsFlow reports whether mapping m is written in flow style ({…}).
func IsFlow(m *yaml.Node) bool { return m.Style&yaml.FlowStyle != 0 }

// FlowProblem returns the problem of a flow-style record that must be
// edited key by key: it must be rewritten in block style "so that " +
// purpose.
func (d *Doc) FlowProblem(m *yaml.Node, purpose string) Problem {
	return Problem{Line: m.Line, Field: d.listKey, Message: "write this record in block style, one key per line, so that " + purpose}
}

// Items returns the mappings of the list, in file order.
func (d *Doc) Items() []*yaml.Node { return d.items }

// Scalar returns the scalar value of key in mapping m; "" if none.
func Scalar(m *yaml.Node, key string) string {
	if v := Value(m, key); v != nil && v.Kind == yaml.ScalarNode && v.Tag != "!!null" {
		return v.Value
	}
	return ""
}

// Value returns the value node of key in mapping m; nil if none.
func Value(m *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

// KeyLine returns the line of key in mapping m, or m's own line.
func KeyLine(m *yaml.Node, key string) int {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i].Line
		}
	}
	return m.Line
}

// Set gives each key of kvs its value in block mapping m: in place when
// the key is there (a value spanning lines is replaced whole, a comment
// after a one-line value stays), else on a new line after the key before
// it in kvs (the first one after the key named after, or at the end of
// m).
func (d *Doc) Set(m *yaml.Node, after string, kvs []KV) {
	indent := strings.Repeat(" ", m.Content[0].Column-1)
	insertAt := d.valueEnd(m, len(m.Content)-2) + 1
	if _, i := key(m, after); i >= 0 {
		insertAt = d.valueEnd(m, i) + 1
	}
	for _, kv := range kvs {
		k, i := key(m, kv.Key)
		if k == nil {
			d.edit(insertAt, 0, indent+kv.Key+": "+kv.Value)
			continue
		}
		first, last := k.Line-1, d.valueEnd(m, i)
		old := d.lines[first]
		line := runePrefix(old, k.Column-1) + kv.Key + ": " + kv.Value
		if c := m.Content[i+1].LineComment; c != "" {
			gap := " "
			// Keep the spaces between the value and its comment.
			if ci := strings.LastIndex(old, c); first == last && ci > 0 {
				gap = old[len(strings.TrimRight(old[:ci], " \t")):ci]
			}
			line += gap + c
		}
		d.edit(first, last-first+1, line)
		insertAt = last + 1
	}
}

// SetBefore adds key: value to block mapping m on a new line before the
// key named before (or at the end of m when it has no such key). The key
// must not be in m yet.
func (d *Doc) SetBefore(m *yaml.Node, before string, kv KV) {
	indent := strings.Repeat(" ", m.Content[0].Column-1)
	if k, _ := key(m, before); k != nil {
		d.edit(k.Line-1, 0, indent+kv.Key+": "+kv.Value)
		return
	}
	d.edit(d.valueEnd(m, len(m.Content)-2)+1, 0, indent+kv.Key+": "+kv.Value)
}

// key returns key's node in mapping m and its index in m.Content.
func key(m *yaml.Node, name string) (*yaml.Node, int) {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == name {
			return m.Content[i], i
		}
	}
	return nil, -1
}

// runePrefix returns the first n runes of s (columns count runes).
func runePrefix(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

// byteCol returns the byte offset in s of 1-based rune column col.
func byteCol(s string, col int) int { return len(runePrefix(s, col-1)) }

// valueEnd returns the last line (0-based) of the key at index i of
// block mapping m and its value: the line before whatever comes next in
// the file (the next key of m, or for its last key the first line
// indented less than m's keys), less the blank and comment lines that
// precede it.
func (d *Doc) valueEnd(m *yaml.Node, i int) int {
	start := m.Content[i].Line - 1
	next := len(d.lines)
	if i+2 < len(m.Content) {
		next = m.Content[i+2].Line - 1
	} else {
		indent := m.Content[0].Column - 1
		for l := start + 1; l < len(d.lines); l++ {
			t := strings.TrimLeft(d.lines[l], " ")
			if t == "" || strings.HasPrefix(t, "#") {
				continue
			}
			if len(d.lines[l])-len(t) < indent {
				next = l
				break
			}
		}
	}
	end := next - 1
	for end > start {
		t := strings.TrimSpace(d.lines[end])
		if t != "" && !strings.HasPrefix(t, "#") {
			break
		}
		end--
	}
	return end
}

// itemEnd returns the last line (0-based) of item m.
func (d *Doc) itemEnd(m *yaml.Node) int {
	if IsFlow(m) {
		if l, _, ok := d.FlowEnd(m.Line, m.Column); ok {
			return l
		}
	}
	return d.valueEnd(m, len(m.Content)-2)
}

// AppendItem adds a record with the keys of kvs, one a line, at the end of
// the list, indented as the list's other items are (two spaces and "- " by
// default) and separated from the one before by a blank line when the
// items before are. A missing, null or empty flow list ("excerpts: []")
// becomes a block list.
func (d *Doc) AppendItem(kvs []KV) {
	dash, keys, blank := "  ", "    ", false
	if n := len(d.items); n > 0 {
		last := d.items[n-1]
		line := d.lines[last.Line-1]
		col := last.Content[0].Column - 1
		if j := strings.Index(line, "-"); j >= 0 && j < col {
			dash = line[:j]
		}
		keys = strings.Repeat(" ", col)
		if IsFlow(last) {
			keys = dash + "  "
		}
		if n > 1 {
			prev := d.itemEnd(d.items[n-2])
			blank = prev+1 < last.Line-1 && strings.TrimSpace(d.lines[last.Line-2]) == ""
		}
	}
	var add []string
	if blank {
		add = append(add, "")
	}
	for i, kv := range kvs {
		prefix := keys
		if i == 0 {
			prefix = dash + "- "
			prefix += strings.Repeat(" ", max(0, len(keys)-len(prefix)))
		}
		add = append(add, prefix+kv.Key+": "+kv.Value)
	}
	switch {
	case len(d.items) > 0:
		at := d.itemEnd(d.items[len(d.items)-1]) + 1
		d.edits = append(d.edits, lineEdit{at: at, add: add, seq: len(d.edits)})
	case d.keyNode != nil:
		// "excerpts:", "excerpts: []" or "excerpts: # comment": rewrite the
		// key's line, keeping a comment after it.
		at := d.keyNode.Line - 1
		head := d.listKey + ":"
		if c := cmp.Or(d.keyNode.LineComment, d.valNode.LineComment); c != "" {
			head += " " + c
		}
		d.edits = append(d.edits, lineEdit{at: at, remove: 1, add: append([]string{head}, add...), seq: len(d.edits)})
	default:
		at := len(d.lines)
		if at > 0 && d.lines[at-1] == "" {
			at-- // before the final newline
		}
		d.edits = append(d.edits, lineEdit{at: at, add: append([]string{d.listKey + ":"}, add...), seq: len(d.edits)})
	}
}

// RemoveItem removes item m: its lines from its "- " to its last value
// line, and the blank line before it when there is one (comments before
// it stay).
func (d *Doc) RemoveItem(m *yaml.Node) {
	first, last := m.Line-1, d.itemEnd(m)
	if first > 0 && strings.TrimSpace(d.lines[first-1]) == "" {
		first--
	}
	d.edits = append(d.edits, lineEdit{at: first, remove: last - first + 1, seq: len(d.edits)})
}

// RemoveKey removes key and its value from block mapping m; nothing when
// m has no such key.
func (d *Doc) RemoveKey(m *yaml.Node, name string) {
	k, i := key(m, name)
	if k == nil {
		return
	}
	first, last := k.Line-1, d.valueEnd(m, i)
	d.edits = append(d.edits, lineEdit{at: first, remove: last - first + 1, seq: len(d.edits)})
}

// edit queues a replacement of lines [at, at+remove) by line.
func (d *Doc) edit(at, remove int, line string) {
	d.edits = append(d.edits, lineEdit{at: at, remove: remove, add: []string{line}, seq: len(d.edits)})
}

// Changed reports whether an edit is queued.
func (d *Doc) Changed() bool { return len(d.edits) > 0 }

// Bytes applies the queued edits, bottom up, and returns the file with the
// line ends it had.
func (d *Doc) Bytes() []byte {
	edits := slices.Clone(d.edits)
	slices.SortStableFunc(edits, func(a, b lineEdit) int {
		if a.at != b.at {
			return b.at - a.at
		}
		return b.seq - a.seq
	})
	lines := slices.Clone(d.lines)
	for _, e := range edits {
		lines = slices.Replace(lines, e.at, e.at+e.remove, e.add...)
	}
	sep := "\n"
	if d.crlf {
		sep = "\r\n"
	}
	return []byte(strings.Join(lines, sep))
}
