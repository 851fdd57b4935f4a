package pngenc

import (
	"encoding/binary"
	"hash/crc32"
	"io"
)

// writeChunk writes one PNG chunk to w: length, type, data, CRC-32 of the
// type and data. It returns w's error.
func writeChunk(w io.Writer, kind string, data []byte) error {
	var hdr [8]byte
	binary.BigEndian.PutUint32(hdr[:4], uint32(len(data)))
	copy(hdr[4:], kind)
	crc := crc32.Update(crc32.ChecksumIEEE(hdr[4:]), crc32.IEEETable, data)
	var sum [4]byte
	binary.BigEndian.PutUint32(sum[:], crc)
	for _, p := range [][]byte{hdr[:], data, sum[:]} {
		if _, err := w.Write(p); err != nil {
			return err
		}
	}
	return nil
}

// chunkSize is the largest chunk chunkWriter writes.
const chunkSize = 64 << 10

// chunkWriter cuts what is written to it into chunks of one kind of
// chunkSize bytes each (the last one shorter, written by flush), so the
// chunks depend only on the bytes written, not on how Write was called.
type chunkWriter struct {
	w    io.Writer
	kind string
	buf  []byte
}

func (c *chunkWriter) Write(p []byte) (int, error) {
	n := len(p)
	for len(p) > 0 {
		if c.buf == nil {
			c.buf = make([]byte, 0, chunkSize)
		}
		k := min(chunkSize-len(c.buf), len(p))
		c.buf = append(c.buf, p[:k]...)
		p = p[k:]
		if len(c.buf) == chunkSize {
			if err := c.flush(); err != nil {
				return n - len(p), err
			}
		}
	}
	return n, nil
}

// flush writes what is buffered as one chunk, if anything is.
func (c *chunkWriter) flush() error {
	if len(c.buf) == 0 {
		return nil
	}
	err := writeChunk(c.w, c.kind, c.buf)
	c.buf = c.buf[:0]
	return err
}
