package topo

import (
	"bytes"
	"compress/flate"
	"errors"
	"io"
	"math"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/paulmach/orb"
)

// twoSquares is two unit squares side by side sharing one border arc, and
// an island: the smallest topology with all three kinds.
func twoSquares() *Topology {
	return &Topology{
		Quantum: 10000,
		Levels:  []float64{0, 0.5, 2},
		Detail:  orb.Bound{Min: orb.Point{-6, 8}, Max: orb.Point{42, 46}},
		Arcs: []Arc{
			{Kind: Border, Points: []orb.Point{{1, 0}, {1, 1}}, Levels: []uint8{2, 2}},                              // 0: shared
			{Kind: Coast, Points: []orb.Point{{1, 1}, {0, 1}, {0, 0}, {1, 0}}, Levels: []uint8{2, 1, 2, 2}},         // 1: west square's coast
			{Kind: Coast, Points: []orb.Point{{1, 0}, {2, 0}, {2, 1}, {1, 1}}, Levels: []uint8{2, 0, 1, 2}},         // 2: east square's coast
			{Kind: Seam, Points: []orb.Point{{5, 5}, {5.5, 5}, {5.5, 5.5}, {5, 5}}, Levels: []uint8{2, 1, 1, 2}},    // 3: closed
			{Kind: Coast, Points: []orb.Point{{-0.0001, 0.0001}, {-1.2345, 0.5}, {0, 0}}, Levels: []uint8{2, 0, 2}}, // 4: unused odd values
		},
		Countries: []Country{
			{ISO3: "AAA", Name: "West", Label: orb.Point{0.5, 0.5}, Polygons: [][][]int{{{0, 1}}}},
			{ISO3: "BBB", Name: "East ünicode", Label: orb.Point{1.5, 0.5}, Polygons: [][][]int{{{2, ^0}}, {{3}}}},
		},
	}
}

func encode(t testing.TB, tp *Topology) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Encode(&buf, tp); err != nil {
		t.Fatalf("Encode: %v", err)
	}
	return buf.Bytes()
}

func TestRoundTrip(t *testing.T) {
	in := twoSquares()
	got, err := Decode(encode(t, in))
	if err != nil {
		t.Fatalf("Decode: %v", err)
	}
	if !reflect.DeepEqual(got, in) {
		t.Errorf("round trip:\ngot  %+v\nwant %+v", got, in)
	}
	if got.Summary() != in.Summary() {
		t.Errorf("summary %+v, want %+v", got.Summary(), in.Summary())
	}
	s := in.Summary()
	if s.Arcs != 5 || s.Points != 17 || s.Countries != 2 || s.Rings != 3 || len(s.Checksum) != 16 {
		t.Errorf("summary = %+v", s)
	}
	relevelled := twoSquares()
	relevelled.Arcs[2].Levels[1] = 1
	if relevelled.Summary().Checksum == s.Checksum {
		t.Error("checksum did not change with a point's level")
	}
	// The checksum sees every coordinate.
	moved := twoSquares()
	moved.Arcs[2].Points[1][0] += 0.0001
	if moved.Summary().Checksum == s.Checksum {
		t.Error("checksum did not change when a point moved by one grid unit")
	}
}

// Long arcs whose steps take one, two, three and more varint bytes, up and
// down, at every level, decode to what was encoded: the inline decoding of
// points and the checked one it hands the input's end to agree.
func TestRoundTripLongArcs(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	steps := []float64{0, 0.0001, 0.0063, 0.0064, 0.8191, 0.8192, 3.5, 179.9}
	for _, n := range []int{2, 3, 20, 1000, 5000} {
		tp := twoSquares()
		pts := make([]orb.Point, n)
		lvls := make([]uint8, n)
		x, y := 10.0, 20.0
		for i := range pts {
			x += steps[rng.IntN(len(steps))] * float64(1-2*rng.IntN(2))
			y += steps[rng.IntN(len(steps))] * float64(1-2*rng.IntN(2))
			x, y = math.Round(x*1e4)/1e4, math.Round(y*1e4)/1e4
			pts[i] = orb.Point{x, y}
			lvls[i] = uint8(rng.IntN(len(tp.Levels)))
		}
		lvls[0], lvls[n-1] = 2, 2
		tp.Arcs = append(tp.Arcs, Arc{Kind: Coast, Points: pts, Levels: lvls})
		got, err := Decode(encode(t, tp))
		if err != nil {
			t.Fatalf("%d points: Decode: %v", n, err)
		}
		if !reflect.DeepEqual(got, tp) {
			t.Errorf("%d points: the round trip changed the topology", n)
		}
	}
}

func TestRing(t *testing.T) {
	tp := twoSquares()
	for _, c := range []struct {
		name string
		refs []int
		want orb.Ring
	}{
		{"west", []int{0, 1}, orb.Ring{{1, 0}, {1, 1}, {0, 1}, {0, 0}, {1, 0}}},
		{"east, reversed border", []int{2, ^0}, orb.Ring{{1, 0}, {2, 0}, {2, 1}, {1, 1}, {1, 0}}},
		{"reversed first", []int{^1, ^0}, orb.Ring{{1, 0}, {0, 0}, {0, 1}, {1, 1}, {1, 0}}},
		{"closed arc", []int{3}, orb.Ring{{5, 5}, {5.5, 5}, {5.5, 5.5}, {5, 5}}},
		{"empty", nil, nil},
	} {
		if got := tp.Ring(c.refs); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: Ring(%v) = %v, want %v", c.name, c.refs, got, c.want)
		}
	}
	if ArcIndex(^3) != 3 || ArcIndex(3) != 3 {
		t.Error("ArcIndex")
	}
}

func TestSimplified(t *testing.T) {
	a := twoSquares().Arcs[2] // levels 2, 0, 1, 2
	for _, c := range []struct {
		k    int
		want []orb.Point
	}{
		{0, []orb.Point{{1, 0}, {2, 0}, {2, 1}, {1, 1}}},
		{1, []orb.Point{{1, 0}, {2, 1}, {1, 1}}},
		{2, []orb.Point{{1, 0}, {1, 1}}},
	} {
		if got := a.Simplified(nil, c.k); !reflect.DeepEqual(got, c.want) {
			t.Errorf("Simplified(%d) = %v, want %v", c.k, got, c.want)
		}
		if n := a.SimplifiedLen(c.k); n != len(c.want) {
			t.Errorf("SimplifiedLen(%d) = %d, want %d", c.k, n, len(c.want))
		}
	}
	// Without levels only the endpoints survive simplification.
	a.Levels = nil
	if got := a.Simplified([]orb.Point{{9, 9}}, 1); !reflect.DeepEqual(got, []orb.Point{{9, 9}, {1, 0}, {1, 1}}) {
		t.Errorf("Simplified without levels = %v", got)
	}
	if n := a.SimplifiedLen(1); n != 2 {
		t.Errorf("SimplifiedLen without levels = %d, want 2", n)
	}
}

// TestSimplifiedLen checks SimplifiedLen against Simplified on arcs of
// every length up to a few points, with levels shorter than, as long as
// and missing beside the points, at every level.
func TestSimplifiedLen(t *testing.T) {
	for n := 0; n <= 6; n++ {
		pts := make([]orb.Point, n)
		for i := range pts {
			pts[i] = orb.Point{float64(i), 0}
		}
		for nl := 0; nl <= n; nl++ {
			lv := make([]uint8, nl)
			for i := range lv {
				lv[i] = uint8((i * 7) % 4)
			}
			if nl == 0 {
				lv = nil
			}
			a := Arc{Points: pts, Levels: lv}
			for k := 0; k <= 4; k++ {
				if got, want := a.SimplifiedLen(k), len(a.Simplified(nil, k)); got != want {
					t.Errorf("%d points, %d levels %v, k %d: SimplifiedLen %d, Simplified has %d", n, nl, lv, k, got, want)
				}
			}
		}
	}
}

func TestEncodeErrors(t *testing.T) {
	for _, c := range []struct {
		name   string
		modify func(*Topology)
		want   string
	}{
		{"quantum", func(t *Topology) { t.Quantum = 0 }, "quantum"},
		{"short arc", func(t *Topology) { t.Arcs[1].Points = t.Arcs[1].Points[:1] }, "arc 1: 1 points"},
		{"bad kind", func(t *Topology) { t.Arcs[0].Kind = 7 }, "bad kind"},
		{"iso", func(t *Topology) { t.Countries[0].ISO3 = "AB" }, "ISO3"},
		{"ref", func(t *Topology) { t.Countries[1].Polygons[0][0][0] = ^9 }, "out of range"},
		{"no levels", func(t *Topology) { t.Levels = nil }, "levels"},
		{"first level", func(t *Topology) { t.Levels[0] = 0.1 }, "levels"},
		{"level order", func(t *Topology) { t.Levels[2] = 0.5 }, "not above"},
		{"level count", func(t *Topology) { t.Arcs[1].Levels = t.Arcs[1].Levels[:2] }, "2 levels for 4 points"},
		{"point level", func(t *Topology) { t.Arcs[1].Levels[1] = 3 }, "level 3 of 3"},
	} {
		tp := twoSquares()
		c.modify(tp)
		err := Encode(io.Discard, tp)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: Encode error %v, want one containing %q", c.name, err, c.want)
		}
	}
}

// deflate compresses raw as Encode does.
func deflate(t testing.TB, raw []byte) []byte {
	var buf bytes.Buffer
	zw, _ := flate.NewWriter(&buf, flate.BestCompression)
	zw.Write(raw)
	zw.Close()
	return buf.Bytes()
}

// rawOf returns the raw stream of an encoded file: the file itself when
// it is not deflated.
func rawOf(t testing.TB, data []byte) []byte {
	if bytes.HasPrefix(data, []byte(Magic)) {
		return data
	}
	raw, err := io.ReadAll(flate.NewReader(bytes.NewReader(data)))
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

func TestDecodeErrors(t *testing.T) {
	good := rawOf(t, encode(t, twoSquares()))
	for _, c := range []struct {
		name string
		data []byte
		want error
	}{
		{"not deflate", []byte("hello, world"), nil},
		{"empty", deflate(t, nil), io.ErrUnexpectedEOF},
		{"bad magic", deflate(t, append([]byte("BMAPTOPX"), good[8:]...)), errCorrupt},
		{"bad version", deflate(t, append(append([]byte(Magic), Version+1), good[9:]...)), errCorrupt},
		{"trailing", deflate(t, append(append([]byte{}, good...), 0)), errCorrupt},
		{"huge count", deflate(t, append(append([]byte{}, good[:9]...), 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01)), errCorrupt},
	} {
		_, err := Decode(c.data)
		if err == nil {
			t.Errorf("%s: Decode succeeded", c.name)
			continue
		}
		if c.want != nil && !errors.Is(err, c.want) {
			t.Errorf("%s: Decode error %v, want %v", c.name, err, c.want)
		}
		if !strings.HasPrefix(err.Error(), "topo: decode: ") {
			t.Errorf("%s: error %q lacks context", c.name, err)
		}
	}
	// Every truncation of a valid stream fails cleanly.
	for n := 0; n < len(good); n++ {
		if _, err := Decode(deflate(t, good[:n])); err == nil {
			t.Fatalf("Decode of the first %d of %d bytes succeeded", n, len(good))
		}
	}
}

func FuzzDecode(f *testing.F) {
	good := encode(f, twoSquares())
	f.Add(good)
	raw := rawOf(f, good)
	f.Add(deflate(f, raw[:len(raw)/2]))
	f.Add(deflate(f, raw))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		tp, err := Decode(data)
		opened, oerr := Open(data)
		if (err == nil) != (oerr == nil) {
			t.Fatalf("Decode: %v, but Open: %v", err, oerr)
		}
		if err != nil {
			return
		}
		sameArcs(t, opened, tp)
		// Whatever decodes re-encodes to something that decodes the same.
		again, err := Decode(encode(t, tp))
		if err != nil {
			t.Fatalf("re-decoding: %v", err)
		}
		if again.Summary() != tp.Summary() {
			t.Fatalf("re-encoding changed the summary")
		}
		for _, c := range tp.Countries {
			for _, p := range c.Polygons {
				for _, r := range p {
					tp.Ring(r) // must not panic
				}
			}
		}
	})
}

// FuzzDecodeRaw fuzzes the stream under the compression, where the
// structure is.
func FuzzDecodeRaw(f *testing.F) {
	raw := rawOf(f, encode(f, twoSquares()))
	f.Add(raw)
	f.Add(raw[:30])
	f.Fuzz(func(t *testing.T, raw []byte) {
		tp, err := Decode(deflate(t, raw))
		if err != nil {
			return
		}
		if _, err := Decode(encode(t, tp)); err != nil {
			t.Fatalf("re-decoding: %v", err)
		}
	})
}

func BenchmarkDecode(b *testing.B) {
	data := encode(b, twoSquares())
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Decode(data); err != nil {
			b.Fatal(err)
		}
	}
}

// sameArcs fails t unless got's arcs, read through the accessors (with
// one scratch arc for all, as buildLevel reads them), are want's.
func sameArcs(t *testing.T, got, want *Topology) {
	t.Helper()
	if got.NumArcs() != len(want.Arcs) {
		t.Fatalf("%d arcs, want %d", got.NumArcs(), len(want.Arcs))
	}
	var scratch Arc
	for i, w := range want.Arcs {
		a := got.ArcAt(i, &scratch)
		if a.Kind != w.Kind || got.ArcKind(i) != w.Kind || !reflect.DeepEqual(a.Points, w.Points) || !bytes.Equal(a.Levels, w.Levels) {
			t.Fatalf("arc %d = %+v, want %+v", i, a, w)
		}
		for k := range want.Levels {
			if s, ws := got.AppendSimplified([]orb.Point{{-1, -1}}, i, k), w.Simplified([]orb.Point{{-1, -1}}, k); !reflect.DeepEqual(s, ws) {
				t.Fatalf("arc %d at level %d: AppendSimplified gives %v, want %v", i, k, s, ws)
			}
			if got.SimplifiedLen(i, k) != w.SimplifiedLen(k) {
				t.Fatalf("arc %d keeps %d points at level %d, want %d", i, got.SimplifiedLen(i, k), k, w.SimplifiedLen(k))
			}
		}
		first, last, n := got.ArcEnds(i)
		if first != w.Points[0] || last != w.Points[len(w.Points)-1] || n != len(w.Points) {
			t.Fatalf("arc %d ends %v %v (%d points), want %v %v (%d)", i, first, last, n, w.Points[0], w.Points[len(w.Points)-1], len(w.Points))
		}
	}
}

// TestOpen: a topology read in place has what Decode decodes (arcs through
// the accessors, countries, levels, summary, rings), re-encodes to the
// same bytes, keeps no decoded points, and fails where Decode fails.
func TestOpen(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	long := twoSquares()
	long.Arcs[0].Points, long.Arcs[0].Levels = nil, nil
	for j := range 3000 { // steps of one to three varint bytes
		long.Arcs[0].Points = append(long.Arcs[0].Points, orb.Point{float64(rng.IntN(4000)) / 100, float64(j) / 1000})
		long.Arcs[0].Levels = append(long.Arcs[0].Levels, uint8(rng.IntN(len(long.Levels))))
	}
	for _, tc := range []struct {
		name string
		tp   *Topology
	}{{"two squares", twoSquares()}, {"a long arc", long}} {
		t.Run(tc.name, func(t *testing.T) {
			for _, deflated := range []bool{false, true} {
				var buf bytes.Buffer
				enc := Encode
				if deflated {
					enc = EncodeDeflated
				}
				if err := enc(&buf, tc.tp); err != nil {
					t.Fatal(err)
				}
				want, err := Decode(buf.Bytes())
				if err != nil {
					t.Fatal(err)
				}
				got, err := Open(buf.Bytes())
				if err != nil {
					t.Fatalf("Open: %v", err)
				}
				if got.Arcs != nil {
					t.Error("Open decoded the arcs")
				}
				sameArcs(t, got, want)
				if !reflect.DeepEqual(got.Countries, want.Countries) || !reflect.DeepEqual(got.Levels, want.Levels) ||
					got.Quantum != want.Quantum || got.Detail != want.Detail {
					t.Error("Open's header or countries differ from Decode's")
				}
				if got.Summary() != want.Summary() {
					t.Errorf("summary %+v, want %+v", got.Summary(), want.Summary())
				}
				for _, c := range want.Countries {
					for _, p := range c.Polygons {
						for _, r := range p {
							if !reflect.DeepEqual(got.Ring(r), want.Ring(r)) {
								t.Errorf("%s: ring %v differs", c.ISO3, r)
							}
						}
					}
				}
				var again bytes.Buffer
				if err := Encode(&again, got); err != nil {
					t.Fatal(err)
				}
				if plain := encode(t, tc.tp); !bytes.Equal(again.Bytes(), plain) {
					t.Error("an opened topology re-encodes to other bytes")
				}
			}
		})
	}
	good := encode(t, twoSquares())
	for _, bad := range [][]byte{good[:len(good)-3], good[:len(good)/2], append(append([]byte(nil), good...), 0)} {
		_, derr := Decode(bad)
		_, oerr := Open(bad)
		if derr == nil || oerr == nil {
			t.Errorf("corrupt input: Decode %v, Open %v; want both to fail", derr, oerr)
		}
	}
}

// Encode writes the stream uncompressed, EncodeDeflated deflates it, and
// Decode reads both to the same topology.
func TestDecodeBothForms(t *testing.T) {
	tp := twoSquares()
	var plain, deflated bytes.Buffer
	if err := Encode(&plain, tp); err != nil {
		t.Fatal(err)
	}
	if err := EncodeDeflated(&deflated, tp); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(plain.Bytes(), []byte(Magic)) {
		t.Fatalf("Encode wrote % x…, want the magic first", plain.Bytes()[:8])
	}
	if got := rawOf(t, deflated.Bytes()); !bytes.Equal(got, plain.Bytes()) {
		t.Fatal("EncodeDeflated does not hold Encode's bytes")
	}
	a, err := Decode(plain.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	b, err := Decode(deflated.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(a, b) {
		t.Error("the two forms decode differently")
	}
	if !reflect.DeepEqual(a.Summary(), tp.Summary()) {
		t.Errorf("decoded %+v, encoded %+v", a.Summary(), tp.Summary())
	}
}
