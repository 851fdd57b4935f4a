package data

import (
	"bytes"
)

// lineAt returns the 1-based line of byte offset off in b.
func lineAt(b []byte, off int) int {
	if off > len(b) {
		off = len(b)
	}
	if off < 0 {
		off = 0
	}
	return bytes.Count(b[:off], []byte{'\n'}) + 1
}

// skipSpace returns the offset of the first byte at or after off that is
// neither JSON whitespace nor a comma.
func skipSpace(b []byte, off int) int {
	for off < len(b) {
		switch b[off] {
		case ' ', '\t', '\r', '\n', ',':
			off++
		default:
			return off
		}
	}
	return off
}
