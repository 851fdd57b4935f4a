package pngenc

import (
	"encoding/binary"
	"image/color"
)

// nrgba writes src (premultiplied RGBA) into dst as non-premultiplied
// RGBA, converting as image/png does (color.NRGBAModel).
func nrgba(dst, src []byte) {
	for x := 0; x+3 < len(src); x += 4 {
		s := src[x : x+4 : x+4]
		switch s[3] {
		case 0xff:
			copy(dst[x:x+4], s)
		case 0:
			dst[x], dst[x+1], dst[x+2], dst[x+3] = 0, 0, 0, 0
		default:
			n := color.NRGBAModel.Convert(color.RGBA{s[0], s[1], s[2], s[3]}).(color.NRGBA)
			dst[x], dst[x+1], dst[x+2], dst[x+3] = n.R, n.G, n.B, n.A
		}
	}
}

// filterRGB filters an opaque RGBA row (cur, 4 bytes a pixel, alpha
// dropped) against the row above (prev, opaque too) with Sub and Up in one
// pass, and returns the filtered row (filter byte first) whose bytes, as
// signed, sum smaller; Up on a tie. It works on two pixels at a time in a
// uint64 (bytewise subtraction and absolute values without carries
// between bytes); the alpha bytes, 0xff in every pixel, difference to 0
// and add nothing to the sums.
//
// Where the CPU has SSSE3 (c.blocks), filterRGBBlocks does four pixels at a
// time and this loop the last one to three.
func (c *bandCoder) filterRGB(cur, prev []byte) []byte {
	w := min(len(cur), len(prev)) / 4
	n := 1 + 3*w
	sub, up := c.sub[1:n+1], c.up[1:n+1] // the spare byte takes the last pixel's alpha
	var sumSub, sumUp uint64
	var accSub, accUp uint64   // four 16-bit lanes each, flushed before they can overflow
	left := uint64(0xff000000) // the opaque black pixel left of the first
	x, o := 0, 0
	if blocks := w / 4; c.blocks && blocks > 0 { // four pixels at a time with SSE, the rest below
		sumSub, sumUp = filterRGBBlocks(&cur[0], &prev[0], &sub[0], &up[0], uint32(left), blocks)
		x, o = 16*blocks, 12*blocks
		left = uint64(binary.LittleEndian.Uint32(cur[x-4:]))
	}
	for k := 0; x+8 <= 4*w; x, o, k = x+8, o+6, k+1 {
		a := binary.LittleEndian.Uint64(cur[x:])
		ds := subBytes(a, a<<32|left)
		du := subBytes(a, binary.LittleEndian.Uint64(prev[x:]))
		left = a >> 32
		binary.LittleEndian.PutUint32(sub[o:], uint32(ds))
		binary.LittleEndian.PutUint32(sub[o+3:], uint32(ds>>32))
		binary.LittleEndian.PutUint32(up[o:], uint32(du))
		binary.LittleEndian.PutUint32(up[o+3:], uint32(du>>32))
		accSub += pairSums(absBytes(ds))
		accUp += pairSums(absBytes(du))
		if k%64 == 63 {
			sumSub, sumUp, accSub, accUp = sumSub+laneSum(accSub), sumUp+laneSum(accUp), 0, 0
		}
	}
	sumSub, sumUp = sumSub+laneSum(accSub), sumUp+laneSum(accUp)
	if x < 4*w { // an odd pixel at the end
		a := uint64(binary.LittleEndian.Uint32(cur[x:]))
		ds := subBytes(a, left)
		du := subBytes(a, uint64(binary.LittleEndian.Uint32(prev[x:])))
		binary.LittleEndian.PutUint32(sub[o:], uint32(ds))
		binary.LittleEndian.PutUint32(up[o:], uint32(du))
		sumSub += laneSum(pairSums(absBytes(ds)))
		sumUp += laneSum(pairSums(absBytes(du)))
	}
	if sumSub < sumUp {
		c.sub[0] = 1
		return c.sub[:n]
	}
	c.up[0] = 2
	return c.up[:n]
}

// Byte-lane masks.
const (
	highBits = 0x8080808080808080 // the top bit of every byte
	lowBytes = 0x00ff00ff00ff00ff // every other byte
)

// subBytes returns a−b in every byte (mod 256), with no borrow between
// bytes (Hacker's Delight, 2-18).
func subBytes(a, b uint64) uint64 {
	return ((a | highBits) - (b &^ highBits)) ^ ((a ^ ^b) & highBits)
}

// absBytes returns |b| of every byte b read as signed (0…128).
func absBytes(v uint64) uint64 {
	neg := (v & highBits) >> 7 // 1 in each negative byte
	return (v ^ neg*0xff) + neg
}

// pairSums adds the bytes of v in pairs into four 16-bit lanes.
func pairSums(v uint64) uint64 { return v&lowBytes + (v>>8)&lowBytes }

// laneSum adds the four 16-bit lanes of v.
func laneSum(v uint64) uint64 {
	return v&0xffff + (v>>16)&0xffff + (v>>32)&0xffff + v>>48
}

// filterRGBA is filterRGB for non-premultiplied rows c.cur against c.prev
// (4 bytes a pixel, filter byte first).
func (c *bandCoder) filterRGBA() []byte {
	cur, prev, sub, up := c.cur, c.prev, c.sub, c.up
	var sumSub, sumUp int
	for i := 1; i < len(cur); i++ {
		left := byte(0)
		if i > 4 {
			left = cur[i-4]
		}
		s, u := cur[i]-left, cur[i]-prev[i]
		sub[i], up[i] = s, u
		sumSub += abs8(s)
		sumUp += abs8(u)
	}
	if sumSub < sumUp {
		sub[0] = 1
		return sub[:len(cur)]
	}
	up[0] = 2
	return up[:len(cur)]
}

// abs8 returns |b| with b read as a signed byte, without a branch.
func abs8(b byte) int {
	v := int(int8(b))
	m := v >> 63
	return (v ^ m) - m
}
