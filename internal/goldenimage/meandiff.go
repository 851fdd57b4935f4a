package goldenimage

import "image"

// MeanDiff returns the mean absolute difference between got and want over
// every pixel and colour channel, on the 0–255 scale (alpha ignored: both
// are opaque renderings of one page), and the same mean over blocks of
// block×block pixels averaged first, which forgives antialiasing and
// sub-pixel shifts but not a box, a line or a label drawn elsewhere. ok is
// false when the sizes differ.
func MeanDiff(got, want image.Image, block int) (mean, blocked float64, ok bool) {
	gb, wb := got.Bounds(), want.Bounds()
	if gb.Size() != wb.Size() || gb.Empty() {
		return 0, 0, false
	}
	block = max(block, 1)
	w, h := gb.Dx(), gb.Dy()
	bw, bh := (w+block-1)/block, (h+block-1)/block
	sums := make([][2][3]float64, bw*bh) // per block: got, want sums per channel
	var total float64
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			r1, g1, b1, _ := got.At(gb.Min.X+x, gb.Min.Y+y).RGBA()
			r2, g2, b2, _ := want.At(wb.Min.X+x, wb.Min.Y+y).RGBA()
			total += float64(absDiff(r1, r2)+absDiff(g1, g2)+absDiff(b1, b2)) / 257
			s := &sums[(y/block)*bw+x/block]
			s[0][0] += float64(r1) / 257
			s[0][1] += float64(g1) / 257
			s[0][2] += float64(b1) / 257
			s[1][0] += float64(r2) / 257
			s[1][1] += float64(g2) / 257
			s[1][2] += float64(b2) / 257
		}
	}
	var btotal float64
	for i, s := range sums {
		bx, by := i%bw, i/bw
		n := float64(min(block, w-bx*block) * min(block, h-by*block))
		for c := 0; c < 3; c++ {
			d := s[0][c] - s[1][c]
			if d < 0 {
				d = -d
			}
			btotal += d / n
		}
	}
	return total / float64(3*w*h), btotal / float64(3*len(sums)), true
}
