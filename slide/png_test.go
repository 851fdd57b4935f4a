package slide

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"math/rand/v2"
	"testing"
)

// Encode's files decode (with image/png) to exactly the pixels written,
// for a slide, noise and a sub-image (internal/pngenc tests every level,
// band height and core count).
func TestEncodeRoundTrip(t *testing.T) {
	slide, err := Compose(fixtureSpec(t, fixture()))
	if err != nil {
		t.Fatal(err)
	}
	noise := image.NewRGBA(image.Rect(0, 0, 97, 31)) // odd sizes
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range noise.Pix {
		noise.Pix[i] = byte(rng.IntN(256))
		if i%4 == 3 {
			noise.Pix[i] = 0xff
		}
	}
	sub := slide.SubImage(image.Rect(100, 50, 400, 300)).(*image.RGBA) // not at the origin
	for name, img := range map[string]*image.RGBA{"slide": slide, "noise": noise, "sub-image": sub} {
		{
			var buf bytes.Buffer
			if err := Encode(&buf, img); err != nil {
				t.Fatal(err)
			}
			got, err := png.Decode(&buf)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			b := img.Bounds()
			if got.Bounds().Size() != b.Size() {
				t.Fatalf("%s: size %v, want %v", name, got.Bounds().Size(), b.Size())
			}
			for y := 0; y < b.Dy(); y++ {
				for x := 0; x < b.Dx(); x++ {
					want := img.RGBAAt(b.Min.X+x, b.Min.Y+y)
					if g := color.RGBAModel.Convert(got.At(x, y)).(color.RGBA); g != want {
						t.Fatalf("%s: pixel (%d,%d) = %v, want %v", name, x, y, g, want)
					}
				}
			}
		}
	}
}

// An image with transparency goes through image/png and keeps its alpha.
func TestEncodeTransparent(t *testing.T) {
	img := image.NewRGBA(image.Rect(0, 0, 4, 4))
	img.Set(1, 1, color.RGBA{0x80, 0, 0, 0x80})
	var buf bytes.Buffer
	if err := Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	got, err := png.Decode(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, _, a := got.At(1, 1).RGBA(); a>>8 != 0x80 {
		t.Errorf("alpha %d, want 0x80", a>>8)
	}
}
