// Package assets embeds what the app ships besides data: the fonts used to
// draw the map and the slide, and the app icon.
package assets

import (
	_ "embed"
	"fmt"

	"golang.org/x/image/font/opentype"
)

// Embedded TrueType fonts (Noto Sans, SIL Open Font License 1.1).
var (
	//go:embed fonts/NotoSans-Regular.ttf
	notoRegular []byte
	//go:embed fonts/NotoSans-Bold.ttf
	notoBold []byte
	//go:embed fonts/NotoSans-Italic.ttf
	notoItalic []byte
)

// Fonts is the parsed typeface family the map and the slide draw text with.
type Fonts struct {
	Regular *opentype.Font
	Bold    *opentype.Font
	Italic  *opentype.Font
	// RegularTTF, BoldTTF and ItalicTTF are the font files as embedded,
	// for the PDF and SVG writers, which subset them (do not modify).
	RegularTTF, BoldTTF, ItalicTTF []byte
}

// LoadFonts parses the embedded fonts. Each call parses them again (a few
// hundred microseconds); callers keep the result.
func LoadFonts() (*Fonts, error) {
	var f Fonts
	for _, x := range []struct {
		name string
		src  []byte
		dst  **opentype.Font
		raw  *[]byte
	}{
		{"NotoSans-Regular.ttf", notoRegular, &f.Regular, &f.RegularTTF},
		{"NotoSans-Bold.ttf", notoBold, &f.Bold, &f.BoldTTF},
		{"NotoSans-Italic.ttf", notoItalic, &f.Italic, &f.ItalicTTF},
	} {
		*x.raw = x.src
		parsed, err := opentype.Parse(x.src)
		if err != nil {
			return nil, fmt.Errorf("assets: font %s: %w", x.name, err)
		}
		*x.dst = parsed
	}
	return &f, nil
}
