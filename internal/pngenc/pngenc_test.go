package pngenc

import (
	"bytes"
	"compress/flate"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/adler32"
	"hash/crc32"
	"image"
	"image/color"
	"image/png"
	"io"
	"math/rand/v2"
	"os/exec"
	"runtime"
	"strings"
	"testing"
)

// mapLike returns a w×h opaque image like a map slide: flat areas, a few
// lines and speckles of text-like noise.
func mapLike(w, h int, seed uint64) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	rng := rand.New(rand.NewPCG(seed, 7))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			c := color.RGBA{0xdc, 0xe8, 0xf0, 0xff} // sea
			if (x-w/3)*(x-w/3)+(y-h/2)*(y-h/2) < w*h/6 {
				c = color.RGBA{0xf2, 0xee, 0xe4, 0xff} // land
			}
			if (x+2*y)%97 == 0 || rng.IntN(200) == 0 {
				c = color.RGBA{byte(rng.IntN(256)), byte(rng.IntN(256)), byte(rng.IntN(256)), 0xff}
			}
			img.SetRGBA(x, y, c)
		}
	}
	return img
}

// noise returns a w×h image of random bytes; opaque or with random alpha
// (premultiplied: no channel above alpha).
func noise(w, h int, opaque bool, seed uint64) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	rng := rand.New(rand.NewPCG(seed, 9))
	for i := 0; i < len(img.Pix); i += 4 {
		a := byte(0xff)
		if !opaque {
			a = byte(rng.IntN(256))
		}
		for k := range 3 {
			img.Pix[i+k] = byte(rng.IntN(int(a) + 1))
		}
		img.Pix[i+3] = a
	}
	return img
}

// checkPixels fails unless data decodes with image/png to img's pixels
// (as image/png itself would write them: non-premultiplied).
func checkPixels(t testing.TB, data []byte, img *image.RGBA) {
	t.Helper()
	got, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("image/png cannot decode: %v", err)
	}
	b := img.Bounds()
	if got.Bounds().Size() != b.Size() {
		t.Fatalf("size %v, want %v", got.Bounds().Size(), b.Size())
	}
	for y := 0; y < b.Dy(); y++ {
		for x := 0; x < b.Dx(); x++ {
			want := color.NRGBAModel.Convert(img.RGBAAt(b.Min.X+x, b.Min.Y+y)).(color.NRGBA)
			if g := color.NRGBAModel.Convert(got.At(x, y)).(color.NRGBA); g != want {
				t.Fatalf("pixel (%d,%d) = %v, want %v", x, y, g, want)
			}
		}
	}
}

// checkStructure fails unless data is a PNG whose every chunk's CRC is
// right, whose IDATs hold one zlib stream with a valid header, every
// band's rows (a filter byte 1 or 2 and bpp bytes a pixel), and the right
// Adler-32 of them; it returns the chunk types in order.
func checkStructure(t testing.TB, data []byte, w, h, bpp int) []string {
	t.Helper()
	if !bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")) {
		t.Fatal("no PNG signature")
	}
	var kinds []string
	var idat []byte
	rest := data[8:]
	for len(rest) > 0 {
		if len(rest) < 12 {
			t.Fatalf("truncated chunk: %d bytes left", len(rest))
		}
		n := int(binary.BigEndian.Uint32(rest))
		if len(rest) < 12+n {
			t.Fatalf("chunk of %d bytes, %d left", n, len(rest)-12)
		}
		kind := string(rest[4:8])
		body := rest[8 : 8+n]
		if got, want := binary.BigEndian.Uint32(rest[8+n:]), crc32.ChecksumIEEE(rest[4:8+n]); got != want {
			t.Fatalf("chunk %d (%s): CRC %08x, want %08x", len(kinds), kind, got, want)
		}
		if kind == "IDAT" {
			idat = append(idat, body...)
		}
		kinds = append(kinds, kind)
		rest = rest[12+n:]
	}
	if len(kinds) < 3 || kinds[0] != "IHDR" || kinds[len(kinds)-1] != "IEND" {
		t.Fatalf("chunks %v: want IHDR … IEND", kinds)
	}
	if len(idat) < 6 || idat[0]&0x0f != 8 || (uint16(idat[0])<<8|uint16(idat[1]))%31 != 0 || idat[1]&0x20 != 0 {
		t.Fatalf("bad zlib header % x", idat[:min(2, len(idat))])
	}
	raw, err := io.ReadAll(flate.NewReader(bytes.NewReader(idat[2 : len(idat)-4])))
	if err != nil {
		t.Fatalf("inflating the IDAT data: %v", err)
	}
	if want := h * (1 + bpp*w); len(raw) != want {
		t.Fatalf("%d filtered bytes, want %d", len(raw), want)
	}
	for y := 0; y < h; y++ {
		if f := raw[y*(1+bpp*w)]; f != 1 && f != 2 {
			t.Fatalf("row %d: filter %d, want Sub (1) or Up (2)", y, f)
		}
	}
	if got, want := binary.BigEndian.Uint32(idat[len(idat)-4:]), adler32.Checksum(raw); got != want {
		t.Fatalf("Adler-32 %08x, want %08x", got, want)
	}
	return kinds
}

func encode(t testing.TB, e Encoder, img *image.RGBA) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := e.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestEncode(t *testing.T) {
	big := mapLike(600, 400, 1)
	tests := []struct {
		name string
		img  *image.RGBA
		bpp  int
	}{
		{"map-like", big, 3},
		{"noise", noise(97, 31, true, 1), 3},
		{"sub-image", big.SubImage(image.Rect(100, 50, 400, 300)).(*image.RGBA), 3},
		{"one pixel", noise(1, 1, true, 2), 3},
		{"one column", noise(1, 300, true, 3), 3},
		{"one row", noise(700, 1, true, 4), 3},
		{"alpha", noise(61, 45, false, 5), 4},
		{"alpha sub-image", noise(80, 80, false, 6).SubImage(image.Rect(3, 5, 70, 77)).(*image.RGBA), 4},
	}
	levels := []png.CompressionLevel{png.DefaultCompression, png.NoCompression, png.BestSpeed, png.BestCompression}
	for _, tc := range tests {
		for _, level := range levels {
			for _, rows := range []int{0, 1, 7} {
				e := Encoder{Level: level, BandRows: rows}
				data := encode(t, e, tc.img)
				checkPixels(t, data, tc.img)
				checkStructure(t, data, tc.img.Rect.Dx(), tc.img.Rect.Dy(), tc.bpp)
			}
		}
	}
}

// The bytes depend on the pixels, the level and BandRows only: not on
// Workers nor GOMAXPROCS.
func TestDeterministic(t *testing.T) {
	img := mapLike(900, 700, 2)
	want := encode(t, Encoder{Level: png.BestSpeed, Workers: 1}, img)
	if n := len(checkStructure(t, want, 900, 700, 3)); n < 4 {
		t.Fatalf("%d chunks: want several IDATs", n)
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for _, procs := range []int{1, 2, 3, 8} {
		runtime.GOMAXPROCS(procs)
		for _, workers := range []int{0, 1, 2, 5, 64} {
			got := encode(t, Encoder{Level: png.BestSpeed, Workers: workers}, img)
			if !bytes.Equal(got, want) {
				t.Fatalf("GOMAXPROCS %d, Workers %d: %d bytes differ from one worker's %d", procs, workers, len(got), len(want))
			}
		}
	}
	// The default bands really are several at this size, so the test
	// above compares concurrent encodes.
	if rows := bandBytes / (1 + 3*900); 700/rows < 3 {
		t.Fatalf("only %d bands", 700/rows)
	}
}

// ImageMagick's identify reads the files without a warning. The Makefile
// installs it; without it the test fails.
func TestIdentify(t *testing.T) {
	if _, err := exec.LookPath("identify"); err != nil {
		t.Fatal("identify (ImageMagick) is needed: ", err)
	}
	for _, tc := range []struct {
		img  *image.RGBA
		want string
	}{
		{mapLike(1000, 600, 3), "PNG 1000x600 1000x600+0+0 8-bit sRGB"},
		{noise(50, 40, false, 4), "PNG 50x40 50x40+0+0 8-bit sRGB"},
	} {
		path := t.TempDir() + "/a.png"
		var buf bytes.Buffer
		if err := (Encoder{Level: png.BestSpeed, BandRows: 13}).Encode(&buf, tc.img); err != nil {
			t.Fatal(err)
		}
		if err := writeFile(path, buf.Bytes()); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command("identify", "-regard-warnings", path).CombinedOutput()
		if err != nil {
			t.Fatalf("identify: %v: %s", err, out)
		}
		if !strings.Contains(string(out), tc.want) {
			t.Errorf("identify says %q, want %q", out, tc.want)
		}
	}
}

func TestAdler32Combine(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	data := make([]byte, 300_000)
	for i := range data {
		data[i] = byte(rng.IntN(256))
	}
	for _, cut := range []int{0, 1, 5552, adlerBase, adlerBase + 1, 2 * adlerBase, 150_000, len(data) - 1, len(data)} {
		a, b := adler32.Checksum(data[:cut]), adler32.Checksum(data[cut:])
		if got, want := adler32Combine(a, b, len(data)-cut), adler32.Checksum(data); got != want {
			t.Errorf("cut at %d: %08x, want %08x", cut, got, want)
		}
	}
	for _, d := range [][]byte{nil, {0}, {0xff, 0xff}, data[:70_000]} { // all-0xff sums push the limits
		if got, want := adler32Combine(1, adler32.Checksum(d), len(d)), adler32.Checksum(d); got != want {
			t.Errorf("after nothing, %d bytes: %08x, want %08x", len(d), got, want)
		}
	}
}

// adler32Update gives hash/adler32's sums, in Go alone and with SSE
// (adlerBlocks) where the CPU has it, for every length around the 32-byte
// blocks and the chunk the sums are reduced at, from any starting sums,
// on random bytes and on all-0xff bytes (the largest sums).
func TestAdler32Update(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 14))
	random := make([]byte, 3*adlerChunk+100)
	for i := range random {
		random[i] = byte(rng.IntN(256))
	}
	ones := bytes.Repeat([]byte{0xff}, len(random))
	lengths := []int{0, 1, 31, 32, 33, 63, 64, 65, 1000, adlerChunk - 1, adlerChunk, adlerChunk + 1, adlerChunk + 32, 5552, 5553, len(random)}
	for _, simd := range simdWays() {
		for _, data := range [][]byte{random, ones} {
			for _, pre := range []int{0, 1, 7, 5551, 40_000 % len(data)} {
				start := adler32.Checksum(data[:pre])
				for _, n := range lengths {
					if pre+n > len(data) {
						continue
					}
					got := adler32Update(start, data[pre:pre+n], simd)
					if want := adler32.Checksum(data[:pre+n]); got != want {
						t.Errorf("simd %v, %d bytes after %d (first byte %#x): %08x, want %08x", simd, n, pre, data[0], got, want)
					}
				}
			}
		}
	}
}

// FuzzAdler32Update: any bytes, any split, the Go and the SSE sums agree
// with hash/adler32.
func FuzzAdler32Update(f *testing.F) {
	f.Add(bytes.Repeat([]byte{0xff}, 200), uint16(3))
	f.Add([]byte("a map of Libya"), uint16(0))
	f.Fuzz(func(t *testing.T, data []byte, cut uint16) {
		k := int(cut) % (len(data) + 1)
		want := adler32.Checksum(data)
		for _, simd := range []bool{false, hasSSSE3()} {
			if got := adler32Update(adler32Update(1, data[:k], simd), data[k:], simd); got != want {
				t.Fatalf("simd %v, cut at %d of %d: %08x, want %08x", simd, k, len(data), got, want)
			}
		}
	})
}

// errAfter fails every write after the first n bytes.
type errAfter struct{ n int }

var errDisk = errors.New("disk full")

func (e *errAfter) Write(p []byte) (int, error) {
	if len(p) > e.n {
		k := e.n
		e.n = 0
		return k, errDisk
	}
	e.n -= len(p)
	return len(p), nil
}

func TestErrors(t *testing.T) {
	img := mapLike(800, 600, 5)
	for _, n := range []int{0, 10, 40, 5000} {
		err := Encoder{Level: png.BestSpeed, BandRows: 16}.Encode(&errAfter{n}, img)
		if !errors.Is(err, errDisk) {
			t.Errorf("writer failing after %d bytes: %v, want %v", n, err, errDisk)
		}
	}
	for _, tc := range []struct {
		e   Encoder
		img *image.RGBA
	}{
		{Encoder{}, image.NewRGBA(image.Rect(0, 0, 0, 5))},
		{Encoder{}, image.NewRGBA(image.Rect(0, 0, 5, 0))},
		{Encoder{Level: -7}, noise(4, 4, true, 1)},
	} {
		if err := tc.e.Encode(io.Discard, tc.img); err == nil {
			t.Errorf("%+v on %v: no error", tc.e, tc.img.Rect)
		}
	}
}

// filterRef is the filter as PNG defines it, a byte at a time: Sub and Up
// of an opaque RGBA row cur (alpha dropped) against prev, and the one
// whose bytes, as signed, sum smaller (Up on a tie), filter byte first.
func filterRef(cur, prev []byte) []byte {
	w := len(cur) / 4
	sub, up := make([]byte, 1+3*w), make([]byte, 1+3*w)
	var sumSub, sumUp int
	for x := 0; x < w; x++ {
		for k := range 3 {
			left := byte(0)
			if x > 0 {
				left = cur[4*(x-1)+k]
			}
			s, u := cur[4*x+k]-left, cur[4*x+k]-prev[4*x+k]
			sub[1+3*x+k], up[1+3*x+k] = s, u
			sumSub += int(min(s, -s)) // |s| as signed: the smaller of s and 256−s
			sumUp += int(min(u, -u))
		}
	}
	if sumSub < sumUp {
		sub[0] = 1
		return sub
	}
	up[0] = 2
	return up
}

// filterRGB gives the reference filter's bytes, for every width, on
// noise, flat rows and the first row: in Go alone (two pixels at a time in
// a uint64) and with filterRGBBlocks (four at a time with SSE) where the
// CPU has it.
func TestFilterRGB(t *testing.T) {
	if !hasSSSE3() {
		t.Log("this CPU has no SSSE3: only the Go filter is tested")
	}
	for _, blocks := range simdWays() {
		t.Run(fmt.Sprintf("blocks=%v", blocks), func(t *testing.T) { testFilterRGB(t, blocks) })
	}
}

func testFilterRGB(t *testing.T, blocks bool) {
	rng := rand.New(rand.NewPCG(5, 6))
	for _, w := range []int{1, 2, 3, 4, 5, 7, 8, 9, 64, 129, 1000, 1001, 1002, 1003} {
		c, err := newBandCoder(w, 3, 1)
		if err != nil {
			t.Fatal(err)
		}
		c.blocks = blocks
		flat := make([]byte, 4*w)
		for i := range flat {
			flat[i] = 0x80
			if i%4 == 3 {
				flat[i] = 0xff
			}
		}
		rows := [][]byte{c.black, flat, noise(w, 1, true, uint64(w)).Pix, mapLike(w, 2, uint64(w)).Pix[:4*w]}
		for i := 0; i < 20; i++ {
			r := noise(w, 1, true, rng.Uint64()).Pix
			for x := 0; x < len(r); x += 4 { // near-flat: small signed differences
				if rng.IntN(2) == 0 {
					r[x], r[x+1], r[x+2] = 0x7f+byte(rng.IntN(3)), 0x80, 0x81-byte(rng.IntN(3))
				}
			}
			rows = append(rows, r)
		}
		for i, cur := range rows {
			for j, prev := range rows {
				if got, want := c.filterRGB(cur, prev), filterRef(cur, prev); !bytes.Equal(got, want) {
					t.Fatalf("width %d, rows %d over %d: filter %d % x…, want %d % x…", w, i, j, got[0], got[1:min(len(got), 13)], want[0], want[1:min(len(want), 13)])
				}
			}
		}
	}
}

// opaque agrees with image.RGBA's Opaque on opaque images and on images
// with one translucent pixel anywhere, sub-images (a stride wider than the
// row, an origin not at 0,0) included.
func TestOpaque(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for _, size := range [][2]int{{1, 1}, {2, 1}, {3, 2}, {7, 5}, {64, 3}, {129, 4}} {
		w, h := size[0], size[1]
		full := noise(w+3, h+2, true, rng.Uint64())
		for _, img := range []*image.RGBA{noise(w, h, true, rng.Uint64()), full.SubImage(image.Rect(1, 1, 1+w, 1+h)).(*image.RGBA)} {
			if !opaque(img) || !img.Opaque() {
				t.Fatalf("%dx%d opaque image: opaque = %v, Opaque = %v", w, h, opaque(img), img.Opaque())
			}
			for range 10 {
				x, y := rng.IntN(w), rng.IntN(h)
				p := img.RGBAAt(img.Rect.Min.X+x, img.Rect.Min.Y+y)
				img.SetRGBA(img.Rect.Min.X+x, img.Rect.Min.Y+y, color.RGBA{0, 0, 0, 0xfe})
				if opaque(img) || img.Opaque() {
					t.Fatalf("%dx%d image, pixel %d,%d translucent: opaque = %v, Opaque = %v", w, h, x, y, opaque(img), img.Opaque())
				}
				img.SetRGBA(img.Rect.Min.X+x, img.Rect.Min.Y+y, p)
			}
		}
	}
}
