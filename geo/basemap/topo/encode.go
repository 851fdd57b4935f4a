package topo

import (
	"bytes"
	"compress/flate"
	"encoding/binary"
	"fmt"
	"io"
	"math"
)

// Encode writes t to w in the embedded format, uncompressed (Magic first),
// so that Decode reads it in place without inflating. Every coordinate must lie on
// the grid of 1/t.Quantum degrees (it is rounded to it) and every arc
// reference must name an existing arc.
func Encode(w io.Writer, t *Topology) error {
	if t.Quantum <= 0 || t.Quantum > 1e7 {
		return fmt.Errorf("topo: encode: quantum %v out of range", t.Quantum)
	}
	var raw bytes.Buffer
	e := encoder{w: &raw, q: t.Quantum}
	e.bytes([]byte(Magic))
	e.uvarint(Version)
	e.uvarint(uint64(t.Quantum))
	for _, v := range []float64{t.Detail.Min[0], t.Detail.Min[1], t.Detail.Max[0], t.Detail.Max[1]} {
		e.varint(e.quant(v))
	}
	if len(t.Levels) == 0 || len(t.Levels) > maxLevels || t.Levels[0] != 0 {
		return fmt.Errorf("topo: encode: %d levels (want 1 to %d, the first 0)", len(t.Levels), maxLevels)
	}
	e.uvarint(uint64(len(t.Levels)))
	for i, l := range t.Levels {
		if i > 0 && !(l > t.Levels[i-1]) {
			return fmt.Errorf("topo: encode: level %d (%v) not above the one before", i, l)
		}
		e.uvarint(uint64(e.quant(l)))
	}
	e.uvarint(uint64(t.NumArcs()))
	var scratch Arc
	for i := range t.NumArcs() {
		a := t.ArcAt(i, &scratch)
		if a.Kind >= numKinds {
			return fmt.Errorf("topo: encode: arc %d: bad kind %d", i, a.Kind)
		}
		if len(a.Points) < 2 {
			return fmt.Errorf("topo: encode: arc %d: %d points, need 2", i, len(a.Points))
		}
		if a.Levels != nil && len(a.Levels) != len(a.Points) {
			return fmt.Errorf("topo: encode: arc %d: %d levels for %d points", i, len(a.Levels), len(a.Points))
		}
		e.uvarint(uint64(a.Kind))
		e.uvarint(uint64(len(a.Points)))
		var px, py int64
		for j, p := range a.Points {
			x, y := e.quant(p[0]), e.quant(p[1])
			e.varint(x - px)
			e.varint(y - py)
			px, py = x, y
			lvl := uint8(0)
			if a.Levels != nil {
				lvl = a.Levels[j]
			}
			if int(lvl) >= len(t.Levels) {
				return fmt.Errorf("topo: encode: arc %d: point %d: level %d of %d", i, j, lvl, len(t.Levels))
			}
			e.w.WriteByte(lvl)
		}
	}
	e.uvarint(uint64(len(t.Countries)))
	for ci, c := range t.Countries {
		if len(c.ISO3) != 3 {
			return fmt.Errorf("topo: encode: country %d: ISO3 %q is not 3 bytes", ci, c.ISO3)
		}
		e.bytes([]byte(c.ISO3))
		e.uvarint(uint64(len(c.Name)))
		e.bytes([]byte(c.Name))
		e.varint(e.quant(c.Label[0]))
		e.varint(e.quant(c.Label[1]))
		e.uvarint(uint64(len(c.Polygons)))
		for _, poly := range c.Polygons {
			e.uvarint(uint64(len(poly)))
			for _, ring := range poly {
				e.uvarint(uint64(len(ring)))
				for _, ref := range ring {
					if i := ArcIndex(ref); i >= t.NumArcs() {
						return fmt.Errorf("topo: encode: %s: arc reference %d out of range", c.ISO3, ref)
					}
					e.varint(int64(ref))
				}
			}
		}
	}
	if e.err != nil {
		return fmt.Errorf("topo: encode: %w", e.err)
	}
	if _, err := w.Write(raw.Bytes()); err != nil {
		return fmt.Errorf("topo: encode: %w", err)
	}
	return nil
}

// EncodeDeflated writes t as Encode does, compressed into a raw DEFLATE
// stream (the embedded file's form until issue 14: 30% smaller, but
// inflating it was half of Decode's time). Decode reads both forms.
func EncodeDeflated(w io.Writer, t *Topology) error {
	var raw bytes.Buffer
	if err := Encode(&raw, t); err != nil {
		return err
	}
	zw, err := flate.NewWriter(w, flate.BestCompression)
	if err != nil {
		return fmt.Errorf("topo: encode: %w", err)
	}
	if _, err := zw.Write(raw.Bytes()); err != nil {
		return fmt.Errorf("topo: encode: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("topo: encode: %w", err)
	}
	return nil
}

// encoder writes the varints and bytes of an encoded topology.
type encoder struct {
	w   *bytes.Buffer
	q   float64
	buf [binary.MaxVarintLen64]byte
	err error
}

func (e *encoder) quant(v float64) int64 { return int64(math.Round(v * e.q)) }
func (e *encoder) bytes(b []byte)        { e.w.Write(b) }
func (e *encoder) uvarint(v uint64)      { e.w.Write(e.buf[:binary.PutUvarint(e.buf[:], v)]) }
func (e *encoder) varint(v int64)        { e.w.Write(e.buf[:binary.PutVarint(e.buf[:], v)]) }
