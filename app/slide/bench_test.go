package slide

import (
	"bytes"
	"image/png"
	"io"
	"testing"

	"github.com/briefmap/briefmap/app/scene"
)

// benchExport composes and encodes the default Libya slide at size.
func benchExport(b *testing.B, size string) {
	s := libyaSpec(b, "", scene.Ref{})
	if size == "uhd" {
		s.Size = UHD
	}
	b.ReportAllocs()
	for b.Loop() {
		img, err := Compose(s)
		if err != nil {
			b.Fatal(err)
		}
		if err := Encode(io.Discard, img); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkComposeEncodeHD(b *testing.B)  { benchExport(b, "hd") }
func BenchmarkComposeEncodeUHD(b *testing.B) { benchExport(b, "uhd") }

func BenchmarkComposeHD(b *testing.B) {
	s := libyaSpec(b, "", scene.Ref{})
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Compose(s); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPNGLevel measures each PNG compression level on the HD slide:
// time per encode and the file size (bytes/file), to choose Encode's level.
func BenchmarkPNGLevel(b *testing.B) {
	img, err := Compose(libyaSpec(b, "", scene.Ref{}))
	if err != nil {
		b.Fatal(err)
	}
	for _, lv := range []struct {
		name  string
		level png.CompressionLevel
	}{
		{"NoCompression", png.NoCompression},
		{"BestSpeed", png.BestSpeed},
		{"Default", png.DefaultCompression},
		{"BestCompression", png.BestCompression},
	} {
		b.Run(lv.name, func(b *testing.B) {
			enc := png.Encoder{CompressionLevel: lv.level}
			var buf bytes.Buffer
			b.ReportAllocs()
			for b.Loop() {
				buf.Reset()
				if err := enc.Encode(&buf, img); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(buf.Len()), "bytes/file")
		})
	}
}
