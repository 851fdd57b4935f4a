package pngenc

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"testing"
)

func writeFile(path string, data []byte) error { return os.WriteFile(path, data, 0o644) }

// FuzzEncode: any image, size, level and band height gives a valid PNG
// (chunk CRCs, zlib header and Adler-32) that decodes to its pixels, and
// the same bytes with one worker and with many.
func FuzzEncode(f *testing.F) {
	f.Add(uint8(3), uint8(2), uint8(1), uint8(0), true, []byte{1, 2, 3, 4, 5, 6, 7, 8, 9})
	f.Add(uint8(40), uint8(33), uint8(3), uint8(2), false, []byte("a map of Libya, more or less"))
	f.Add(uint8(1), uint8(1), uint8(0), uint8(1), true, []byte{})
	f.Fuzz(func(t *testing.T, w, h, rows, lvl uint8, opaque bool, seed []byte) {
		width, height := 1+int(w)%200, 1+int(h)%120
		img := image.NewRGBA(image.Rect(0, 0, width, height))
		for i := range img.Pix {
			if len(seed) > 0 {
				img.Pix[i] = seed[i%len(seed)] + byte(i/len(seed))
			}
		}
		for i := 0; i < len(img.Pix); i += 4 {
			a := byte(0xff)
			if !opaque {
				a = img.Pix[i+3]
			}
			img.Pix[i+3] = a
			for k := range 3 {
				img.Pix[i+k] = min(img.Pix[i+k], a) // premultiplied
			}
		}
		levels := []png.CompressionLevel{png.DefaultCompression, png.NoCompression, png.BestSpeed, png.BestCompression}
		e := Encoder{Level: levels[int(lvl)%len(levels)], BandRows: int(rows) % 9, Workers: 1}
		one := encode(t, e, img)
		e.Workers = 7
		if many := encode(t, e, img); !bytes.Equal(one, many) {
			t.Fatal("one worker and seven write different bytes")
		}
		checkPixels(t, one, img)
		bpp := 3
		if !img.Opaque() {
			bpp = 4
		}
		checkStructure(t, one, width, height, bpp)
	})
}
