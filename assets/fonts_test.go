package assets

import (
	"testing"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
)

func TestLoadFonts(t *testing.T) {
	f, err := LoadFonts()
	if err != nil {
		t.Fatal(err)
	}
	for name, ft := range map[string]*opentype.Font{"regular": f.Regular, "bold": f.Bold, "italic": f.Italic} {
		face, err := opentype.NewFace(ft, &opentype.FaceOptions{Size: 12, DPI: 72, Hinting: font.HintingNone})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		// "é" and "—" appear in the briefing (Salamé, title dashes).
		for _, r := range "Aé—…" {
			if _, ok := face.GlyphAdvance(r); !ok {
				t.Errorf("%s: no glyph for %q", name, r)
			}
		}
	}
}
