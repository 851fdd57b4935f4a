package pngenc

// adlerBase is the Adler-32 modulus, the largest prime below 2^16.
const adlerBase = 65521

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
