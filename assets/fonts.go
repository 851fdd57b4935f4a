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
}

// LoadFonts parses the embedded fonts. Each call parses them again (a few
// hundred microseconds); callers keep the result.
func LoadFonts() (*Fonts, error) {
	var f Fonts
	for _, x := range []struct {
		name string
		src  []byte
		dst  **opentype.Font
	}{
		{"NotoSans-Regular.ttf", notoRegular, &f.Regular},
		{"NotoSans-Bold.ttf", notoBold, &f.Bold},
		{"NotoSans-Italic.ttf", notoItalic, &f.Italic},
	} {
		parsed, err := opentype.Parse(x.src)
		if err != nil {
			return nil, fmt.Errorf("assets: font %s: %w", x.name, err)
		}
		*x.dst = parsed
	}
	return &f, nil
}
