package yamledit

import (
	"fmt"
	"strings"
)

// Quote returns s as a YAML double-quoted scalar on one line.
func Quote(s string) string {
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

// FlowList returns ids as a YAML flow sequence: "[a, b, c]", each item
// plain when it is a plain id, quoted otherwise.
func FlowList(ids []string) string {
	parts := make([]string, len(ids))
	for i, id := range ids {
		parts[i] = Plain(id)
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

// Plain returns s unquoted when it is a record id (lower-case letters,
// digits and "-", not starting with "-"), else quoted.
func Plain(s string) string {
	if s == "" || s[0] == '-' {
		return Quote(s)
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
			return Quote(s)
		}
	}
	switch s {
	case "null", "true", "false", "yes", "no", "on", "off", "y", "n":
		return Quote(s)
	}
	return s
}
