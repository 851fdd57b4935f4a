// Package icon draws Briefmap's application icon — a vermillion map pin on a
// folded map of coast and sea, on a blue rounded square — and embeds the
// 512×512 PNG that FyneApp.toml names and the window uses.
//
// The design lives in this package as vector paths in a 512×512 design
// space. Draw rasterises it at any size and SVG writes it as a scalable
// image; Files lists every file the desktop needs. The committed PNG and SVG
// files are generated from it:
//
//	go run ./assets/icon/generate
//
// and the package test fails when they differ from what the code draws.
package icon

import (
	"bytes"
	_ "embed"
	"fmt"
	"image"
	"image/png"
)

// AppID is the reverse-DNS application id the icon files are named after
// (FyneApp.toml's ID, the desktop entry's and the AppStream component's).
const AppID = "io.github.briefmap.briefmap"

// PNG is the 512×512 icon (briefmap.png), for fyne.NewStaticResource.
//
//go:embed briefmap.png
var PNG []byte

// HicolorSizes returns the square pixel sizes written under
// hicolor/NxN/apps/, smallest first.
func HicolorSizes() []int {
	return []int{16, 22, 24, 32, 48, 64, 128, 256, 512}
}

// Files returns every generated icon file by its path relative to
// assets/icon: briefmap.png (512 px, for Fyne), the freedesktop hicolor PNGs
// and the scalable SVG. The same code gives the same bytes.
func Files() (map[string][]byte, error) {
	files := make(map[string][]byte)
	big, err := EncodePNG(Draw(512))
	if err != nil {
		return nil, fmt.Errorf("briefmap.png: %w", err)
	}
	files["briefmap.png"] = big
	for _, size := range HicolorSizes() {
		name := fmt.Sprintf("hicolor/%dx%d/apps/%s.png", size, size, AppID)
		b, err := EncodePNG(Draw(size))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		files[name] = b
	}
	files["hicolor/scalable/apps/"+AppID+".svg"] = SVG()
	return files, nil
}

// EncodePNG returns img as a maximally compressed PNG.
func EncodePNG(img image.Image) ([]byte, error) {
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(&buf, img); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
