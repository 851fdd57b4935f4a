package article

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"
)

// MaxSize is the largest article file Read accepts: 20 MB.
const MaxSize = 20 << 20

// Encodings Decode reports.
const (
	UTF8        = "UTF-8"
	Windows1252 = "Windows-1252"
)

// ErrEmpty, ErrBinary, ErrTooLarge and ErrEncoding are the reasons Decode
// refuses a file (wrapped with what was seen).
var (
	ErrEmpty    = errors.New("the file is empty")
	ErrBinary   = errors.New("it is a binary file, not text")
	ErrTooLarge = fmt.Errorf("it is larger than %d MB", MaxSize>>20)
	ErrEncoding = errors.New("it is neither UTF-8 nor Windows-1252/Latin-1 text; save it as UTF-8 and import it again")
)

// ReadAll reads r up to MaxSize bytes, refusing more (ErrTooLarge).
func ReadAll(r io.Reader) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, MaxSize+1))
	if err != nil {
		return nil, err
	}
	if len(b) > MaxSize {
		return nil, ErrTooLarge
	}
	return b, nil
}

// declaredCharset finds an HTML or XML charset declaration near the start
// of a file: <meta charset="…">, <meta http-equiv … content="…; charset=…">
// or <?xml … encoding="…"?>.
var declaredCharset = regexp.MustCompile(`(?i)(?:<meta[^>]*charset\s*=\s*["']?|<\?xml[^>]*encoding\s*=\s*["'])\s*([a-z0-9_.:-]+)`)

// Decode returns b as UTF-8 text in Unicode NFC with "\n" line ends, and
// the encoding it was in: UTF-8 (a byte-order mark is dropped) or, when b
// is not valid UTF-8, Windows-1252 (a superset of the printable Latin-1).
// It refuses an empty file (nothing but white space), a file over
// MaxSize, a binary file (NUL bytes or other control characters), UTF-16
// and UTF-32, a file that declares another charset, and a file whose bytes
// are mostly outside ASCII but not UTF-8 (a double-byte or Cyrillic
// code page, which Windows-1252 would turn into nonsense: more bytes
// above 0x7F than ASCII letters).
func Decode(b []byte) (text, encoding string, err error) {
	switch {
	case len(b) > MaxSize:
		return "", "", ErrTooLarge
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}), bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		return "", "", fmt.Errorf("it is UTF-16 or UTF-32 text: %w", ErrEncoding)
	}
	b = bytes.TrimPrefix(b, []byte("\xEF\xBB\xBF"))
	if len(bytes.TrimSpace(b)) == 0 {
		return "", "", ErrEmpty
	}
	if err := checkControls(b); err != nil {
		return "", "", err
	}
	head := b[:min(len(b), 2048)]
	if m := declaredCharset.FindSubmatch(head); m != nil {
		switch cs := strings.ToLower(string(m[1])); cs {
		case "utf-8", "utf8", "us-ascii", "ascii", "windows-1252", "cp1252", "iso-8859-1", "latin1", "latin-1", "iso_8859-1", "l1":
		default:
			return "", "", fmt.Errorf("it declares the character set %q: %w", cs, ErrEncoding)
		}
	}
	var s string
	if utf8.Valid(b) {
		s, encoding = string(b), UTF8
	} else {
		high, ascii, undefined := 0, 0, false
		for _, c := range b {
			switch {
			case c >= 0x80:
				high++
			case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
				ascii++
			}
			switch c {
			case 0x81, 0x8D, 0x8F, 0x90, 0x9D: // undefined in Windows-1252
				undefined = true
			}
		}
		if undefined || high > ascii {
			return "", "", ErrEncoding
		}
		out, err := charmap.Windows1252.NewDecoder().Bytes(b)
		if err != nil {
			return "", "", fmt.Errorf("%w (%v)", ErrEncoding, err)
		}
		s, encoding = string(out), Windows1252
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return norm.NFC.String(s), encoding, nil
}

// checkControls refuses a binary file: a NUL byte, or more than one
// control character (other than tab, newline, carriage return, form feed
// and escape) in a hundred bytes.
func checkControls(b []byte) error {
	controls := 0
	for _, c := range b {
		switch {
		case c == 0:
			return ErrBinary
		case c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1b, c == 0x7f:
			controls++
		}
	}
	if controls > 0 && controls*100 > len(b) {
		return ErrBinary
	}
	return nil
}
