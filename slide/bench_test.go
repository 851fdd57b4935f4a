package slide

import (
	"bytes"
	"image/png"
	"io"
	"testing"

	"github.com/briefmap/briefmap/data"
	"github.com/briefmap/briefmap/internal/cputime"
	"github.com/briefmap/briefmap/internal/pngenc"
)

// benchExport composes and encodes the default Libya slide at size.
func benchExport(b *testing.B, size string) {
	s := libyaSpec(b, "", data.Ref{})
	if size == "uhd" {
		s.Size = UHD
	}
	b.ReportAllocs()
	start := cputime.Used()
	defer cputime.Report(b, start)
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
	s := libyaSpec(b, "", data.Ref{})
	b.ReportAllocs()
	start := cputime.Used()
	defer cputime.Report(b, start)
	for b.Loop() {
		if _, err := Compose(s); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPNG measures PNG writers and compression levels on the HD
// slide: time per encode and the file size (bytes/file), to choose
// Encode's writer and level.
func BenchmarkPNG(b *testing.B) {
	img, err := Compose(libyaSpec(b, "", data.Ref{}))
	if err != nil {
		b.Fatal(err)
	}
	levels := []struct {
		name  string
		level png.CompressionLevel
	}{
		{"NoCompression", png.NoCompression},
		{"BestSpeed", png.BestSpeed},
		{"Default", png.DefaultCompression},
		{"BestCompression", png.BestCompression},
	}
	// Each writer's encode function, made once per level.
	encoders := []struct {
		name   string
		encode func(level png.CompressionLevel) func(w io.Writer) error
	}{
		{"imagepng", func(level png.CompressionLevel) func(w io.Writer) error {
			enc := png.Encoder{CompressionLevel: level}
			return func(w io.Writer) error { return enc.Encode(w, img) }
		}},
		{"pngenc-1core", func(level png.CompressionLevel) func(w io.Writer) error {
			enc := pngenc.Encoder{Level: level, Workers: 1}
			return func(w io.Writer) error { return enc.Encode(w, img) }
		}},
		{"pngenc", func(level png.CompressionLevel) func(w io.Writer) error {
			enc := pngenc.Encoder{Level: level}
			return func(w io.Writer) error { return enc.Encode(w, img) }
		}},
	}
	for _, enc := range encoders {
		for _, lv := range levels {
			b.Run(enc.name+"/"+lv.name, func(b *testing.B) {
				encode := enc.encode(lv.level)
				var buf bytes.Buffer
				b.ReportAllocs()
				start := cputime.Used()
				defer cputime.Report(b, start)
				for b.Loop() {
					buf.Reset()
					if err := encode(&buf); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(buf.Len()), "bytes/file")
			})
		}
	}
}

// benchVector lays out the default Libya slide on a vector surface and
// writes it in format f.
func benchVector(b *testing.B, f Format) {
	s := libyaSpec(b, "", data.Ref{})
	b.ReportAllocs()
	start := cputime.Used()
	defer cputime.Report(b, start)
	var n int
	for b.Loop() {
		var buf bytes.Buffer
		if err := Write(&buf, s, f); err != nil {
			b.Fatal(err)
		}
		n = buf.Len()
	}
	b.ReportMetric(float64(n), "bytes")
}

func BenchmarkExportPDF(b *testing.B) { benchVector(b, PDF) }
func BenchmarkExportSVG(b *testing.B) { benchVector(b, SVG) }
