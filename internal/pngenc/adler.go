package pngenc

// adlerBase is the Adler-32 modulus, the largest prime below 2^16.
const adlerBase = 65521

// adlerNMax is zlib's NMAX: the most bytes whose sums cannot overflow 32
// bits before they are reduced modulo adlerBase.
const adlerNMax = 5552

// adlerChunk is the most bytes adlerBlocks sums before the sums are
// reduced: whole 32-byte blocks within adlerNMax.
const adlerChunk = adlerNMax &^ 31

// adler32Update returns the Adler-32 of the bytes adler was the sum of
// followed by p, as hash/adler32 computes it: 32 bytes at a time with SSE
// (adlerBlocks) when simd is true, and the rest a byte at a time.
func adler32Update(adler uint32, p []byte, simd bool) uint32 {
	s1, s2 := adler&0xffff, adler>>16
	for simd && len(p) >= 32 {
		n := min(len(p)&^31, adlerChunk)
		s1, s2 = adlerBlocks(s1, s2, p[:n])
		s1, s2 = s1%adlerBase, s2%adlerBase
		p = p[n:]
	}
	for len(p) > 0 {
		q := p[:min(len(p), adlerNMax)]
		p = p[len(q):]
		for _, b := range q {
			s1 += uint32(b)
			s2 += s1
		}
		s1, s2 = s1%adlerBase, s2%adlerBase
	}
	return s2<<16 | s1
}

// adler32Combine returns the Adler-32 of the concatenation A‖B from a,
// the Adler-32 of A, b, that of B, and n, the length of B (zlib's
// adler32_combine). With a = 1 (the Adler-32 of nothing) it returns b.
func adler32Combine(a, b uint32, n int) uint32 {
	rem := uint32(n % adlerBase)
	sum1 := a & 0xffff
	sum2 := uint32(uint64(rem) * uint64(sum1) % adlerBase)
	sum1 += (b & 0xffff) + adlerBase - 1
	sum2 += (a >> 16) + (b >> 16) + adlerBase - rem
	if sum1 >= adlerBase {
		sum1 -= adlerBase
	}
	if sum1 >= adlerBase {
		sum1 -= adlerBase
	}
	if sum2 >= adlerBase<<1 {
		sum2 -= adlerBase << 1
	}
	if sum2 >= adlerBase {
		sum2 -= adlerBase
	}
	return sum1 | sum2<<16
}
