package yamledit

// FlowEnd returns the position just after the flow collection ({…} or
// […]) whose opening bracket is at 1-based line and rune column col:
// the 0-based line and the byte offset in it. ok is false when there is no
// bracket there or it is not closed.
func (d *Doc) FlowEnd(line, col int) (endLine, endByte int, ok bool) {
	l := line - 1
	if l < 0 || l >= len(d.lines) {
		return 0, 0, false
	}
	i := byteCol(d.lines[l], col)
	if i >= len(d.lines[l]) || (d.lines[l][i] != '{' && d.lines[l][i] != '[') {
		return 0, 0, false
	}
	depth := 0
	var quote byte
	for ; l < len(d.lines); l, i = l+1, 0 {
		s := d.lines[l]
		for ; i < len(s); i++ {
			c := s[i]
			switch {
			case quote == '"' && c == '\\':
				i++
			case quote != 0 && c == quote:
				if quote == '\'' && i+1 < len(s) && s[i+1] == '\'' {
					i++ // '' inside single quotes
					continue
				}
				quote = 0
			case quote != 0:
			case c == '"' || c == '\'':
				quote = c
			case c == '#' && (i == 0 || s[i-1] == ' ' || s[i-1] == '\t'):
				i = len(s) // a comment runs to the end of the line
			case c == '{' || c == '[':
				depth++
			case c == '}' || c == ']':
				depth--
				if depth == 0 {
					return l, i + 1, true
				}
			}
		}
	}
	return 0, 0, false
}

// ReplaceSpan replaces the text from 1-based line and rune column col up
// to byte endByte of 0-based line endLine (as FlowEnd returns it) with
// text; the lines it spans become one.
func (d *Doc) ReplaceSpan(line, col, endLine, endByte int, text string) {
	first := line - 1
	head := runePrefix(d.lines[first], col-1)
	tail := d.lines[endLine][endByte:]
	d.edit(first, endLine-first+1, head+text+tail)
}

// InsertAt inserts text at 1-based line and rune column col.
func (d *Doc) InsertAt(line, col int, text string) {
	d.InsertAtByte(line-1, byteCol(d.lines[line-1], col), text)
}

// InsertAtByte inserts text at byte off of 0-based line (as FlowEnd
// reports positions).
func (d *Doc) InsertAtByte(line, off int, text string) {
	s := d.lines[line]
	d.edit(line, 1, s[:off]+text+s[off:])
}
