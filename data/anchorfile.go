package data

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// UpdateAnchors recomputes, from the article texts, every source's sha256
// in sourcesYAML and every excerpt's prefix, suffix, start and end in
// excerptsYAML (the contents of sources.yaml and excerpts.yaml), and
// returns both files rewritten. Only those values change: comments, key
// order, blank lines and every other line stay as they are; a missing key
// is added on its own line after the one before it (sha256 after file;
// prefix, suffix, start, end after text). text returns the raw text of an
// article file named by sources.yaml's file: (an error wrapping
// fs.ErrNotExist when there is none).
//
// When a quote occurs more than once in its article, the excerpt's
// existing start (or prefix and suffix) picks the occurrence. It refuses,
// returning the problems (one per excerpt or source) and no files, when a
// quote is not found verbatim, is ambiguous, or its source has no text.
// Running it again on its own output changes nothing.
func UpdateAnchors(sourcesYAML, excerptsYAML []byte, text func(file string) (string, error)) (newSources, newExcerpts []byte, refused []Problem) {
	var ps problems
	srcDoc := newYAMLDoc(fileSources, sourcesYAML, "sources", &ps)
	excDoc := newYAMLDoc(fileExcerpts, excerptsYAML, "excerpts", &ps)
	if len(ps.list) > 0 {
		return nil, nil, ps.list
	}
	type source struct {
		file    string
		line    int
		item    *yaml.Node
		article *Article
		err     error
	}
	sources := map[string]*source{}
	var order []string
	for _, item := range srcDoc.items {
		id, file := scalarValue(item, "id"), scalarValue(item, "file")
		if id == "" {
			continue
		}
		s := &source{file: file, line: item.Line, item: item}
		if file == "" {
			s.err = errors.New("sources.yaml names no file: for it")
		} else if raw, err := text(file); err != nil {
			s.err = err
		} else {
			s.article = NewArticle(raw)
		}
		sources[id] = s
		order = append(order, id)
	}
	used := map[string]bool{}
	want := map[int]Anchor{} // item index → the anchor written
	for k, item := range excDoc.items {
		id, srcID, quote := scalarValue(item, "id"), scalarValue(item, "source"), scalarValue(item, "text")
		line := keyLine(item, "text")
		s := sources[srcID]
		switch {
		case strings.TrimSpace(quote) == "":
			ps.add(fileExcerpts, line, "text", "missing or empty")
			continue
		case s == nil:
			ps.add(fileExcerpts, keyLine(item, "source"), "source", "unknown source %q", srcID)
			continue
		case s.err != nil:
			used[srcID] = true
			ps.add(fileExcerpts, line, "text", "cannot anchor excerpt %q: source %s: %v", id, srcID, s.err)
			continue
		}
		used[srcID] = true
		hint := Anchor{Prefix: scalarValue(item, "prefix"), Suffix: scalarValue(item, "suffix"), Start: -1}
		if v, err := strconv.Atoi(scalarValue(item, "start")); err == nil {
			hint.Start = v
		}
		if v, err := strconv.Atoi(scalarValue(item, "end")); err == nil {
			hint.End = v
		}
		anchor, found, ok := s.article.Locate(quote, hint)
		switch {
		case found == 0:
			ps.add(fileExcerpts, line, "text", "not found verbatim in %s", s.file)
			continue
		case !ok:
			ps.add(fileExcerpts, line, "text", "found %d times in %s (at runes %s): set start to the one meant",
				found, s.file, joinInts(s.article.Find(quote)))
			continue
		}
		want[k] = anchor
		excDoc.set(item, "text", []keyValue{
			{"prefix", yamlQuote(anchor.Prefix)}, {"suffix", yamlQuote(anchor.Suffix)},
			{"start", strconv.Itoa(anchor.Start)}, {"end", strconv.Itoa(anchor.End)},
		})
	}
	for _, id := range order {
		s := sources[id]
		if s.article == nil {
			continue
		}
		if s.err == nil && (used[id] || scalarValue(s.item, "sha256") != "") {
			srcDoc.set(s.item, "file", []keyValue{{"sha256", yamlQuote(s.article.Hash())}})
		}
	}
	if len(ps.list) > 0 {
		return nil, nil, sortProblems(ps.list)
	}
	newSources, newExcerpts = srcDoc.bytes(), excDoc.bytes()
	// Read the result back: each value must be where it was meant to go.
	check := newYAMLDoc(fileExcerpts, newExcerpts, "excerpts", &ps)
	if len(ps.list) == 0 && len(check.items) != len(excDoc.items) {
		ps.add(fileExcerpts, 0, "", "the rewritten file has %d excerpts, not %d", len(check.items), len(excDoc.items))
	}
	for k := 0; k < len(excDoc.items) && k < len(check.items) && len(ps.list) == 0; k++ {
		a, ok := want[k]
		if !ok {
			continue
		}
		it := check.items[k]
		if scalarValue(it, "prefix") != a.Prefix || scalarValue(it, "suffix") != a.Suffix ||
			scalarValue(it, "start") != strconv.Itoa(a.Start) || scalarValue(it, "end") != strconv.Itoa(a.End) {
			ps.add(fileExcerpts, excDoc.items[k].Line, "", "could not write the anchors of this excerpt in place (is its layout unusual?); write prefix %s, suffix %s, start %d, end %d by hand",
				yamlQuote(a.Prefix), yamlQuote(a.Suffix), a.Start, a.End)
		}
	}
	srcCheck := newYAMLDoc(fileSources, newSources, "sources", &ps)
	if len(ps.list) == 0 && len(srcCheck.items) != len(srcDoc.items) {
		ps.add(fileSources, 0, "", "the rewritten file has %d sources, not %d", len(srcCheck.items), len(srcDoc.items))
	}
	if len(ps.list) > 0 {
		return nil, nil, sortProblems(ps.list)
	}
	return newSources, newExcerpts, nil
}

// joinInts writes ints as "1, 2, 3".
func joinInts(xs []int) string {
	parts := make([]string, len(xs))
	for i, x := range xs {
		parts[i] = strconv.Itoa(x)
	}
	return strings.Join(parts, ", ")
}

// keyValue is a key and its value as YAML text.
type keyValue struct{ key, value string }

// yamlDoc is a YAML file edited line by line at the positions of its nodes.
type yamlDoc struct {
	name  string
	lines []string
	crlf  bool
	items []*yaml.Node // the block mappings of the top-level list
	edits []lineEdit
}

// lineEdit replaces lines [at, at+remove) with add (0-based).
type lineEdit struct {
	at, remove int
	add        []string
	seq        int
}

// newYAMLDoc parses a file whose root maps listKey to a list of block
// mappings; problems go to ps.
func newYAMLDoc(name string, b []byte, listKey string, ps *problems) *yamlDoc {
	d := &yamlDoc{name: name}
	text := string(b)
	d.crlf = strings.Contains(text, "\r\n")
	d.lines = strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	var doc yaml.Node
	if err := yaml.Unmarshal(b, &doc); err != nil {
		line, msg := yamlErrorLine(err)
		ps.add(name, line, "", "malformed YAML: %s", msg)
		return d
	}
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		ps.add(name, 0, "", "want a mapping with %s:", listKey)
		return d
	}
	root := doc.Content[0]
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value != listKey {
			continue
		}
		list := root.Content[i+1]
		if list.Kind != yaml.SequenceNode {
			ps.add(name, list.Line, listKey, "want a list")
			return d
		}
		for _, it := range list.Content {
			if it.Kind != yaml.MappingNode {
				ps.add(name, it.Line, listKey, "want a mapping")
				continue
			}
			if it.Style&yaml.FlowStyle != 0 {
				ps.add(name, it.Line, listKey, "write this record in block style, one key per line, so that its anchors can be written")
				continue
			}
			d.items = append(d.items, it)
		}
	}
	return d
}

// scalarValue returns the scalar value of key in mapping m; "" if none.
func scalarValue(m *yaml.Node, key string) string {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key && m.Content[i+1].Kind == yaml.ScalarNode && m.Content[i+1].Tag != "!!null" {
			return m.Content[i+1].Value
		}
	}
	return ""
}

// keyLine returns the line of key in mapping m, or m's own line.
func keyLine(m *yaml.Node, key string) int {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i].Line
		}
	}
	return m.Line
}

// set gives each key of kvs its value in mapping m: in place when the key
// is there, else on a new line after the key before it in kvs (the first
// one after the key named after, or at the end of m).
func (d *yamlDoc) set(m *yaml.Node, after string, kvs []keyValue) {
	indent := strings.Repeat(" ", m.Content[0].Column-1)
	insertAt := d.valueEnd(m, len(m.Content)-2) + 1
	if _, i := d.key(m, after); i >= 0 {
		insertAt = d.valueEnd(m, i) + 1
	}
	for _, kv := range kvs {
		k, i := d.key(m, kv.key)
		if k == nil {
			d.edit(insertAt, 0, indent+kv.key+": "+kv.value)
			continue
		}
		first, last := k.Line-1, d.valueEnd(m, i)
		old := d.lines[first]
		line := old[:k.Column-1] + kv.key + ": " + kv.value
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

// key returns key's node in mapping m and its index in m.Content.
func (d *yamlDoc) key(m *yaml.Node, key string) (*yaml.Node, int) {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i], i
		}
	}
	return nil, -1
}

// valueEnd returns the last line (0-based) of the key at index i of m and
// its value: the line before whatever comes next in the file, less the
// blank and comment lines that precede it.
func (d *yamlDoc) valueEnd(m *yaml.Node, i int) int {
	start := m.Content[i].Line - 1
	next := len(d.lines)
	if i+2 < len(m.Content) {
		next = m.Content[i+2].Line - 1
	} else if after := d.nextItemLine(m); after >= 0 {
		next = after
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

// nextItemLine returns the 0-based line of the item after m; -1 if none.
func (d *yamlDoc) nextItemLine(m *yaml.Node) int {
	for k, it := range d.items {
		if it == m && k+1 < len(d.items) {
			return d.items[k+1].Line - 1
		}
	}
	return -1
}

// edit queues a replacement of lines [at, at+remove) by line.
func (d *yamlDoc) edit(at, remove int, line string) {
	d.edits = append(d.edits, lineEdit{at: at, remove: remove, add: []string{line}, seq: len(d.edits)})
}

// bytes applies the queued edits, bottom up, and returns the file.
func (d *yamlDoc) bytes() []byte {
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

// yamlQuote returns s as a YAML double-quoted scalar on one line.
func yamlQuote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f) || r == 0x2028 || r == 0x2029 || r == 0xfeff || r >= 0xfffe && r <= 0xffff:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
