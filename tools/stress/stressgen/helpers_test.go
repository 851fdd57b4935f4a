package stressgen

import "github.com/paulmach/orb"

// ringOf builds a ring from x, y pairs.
func ringOf(xy ...float64) orb.Ring {
	var r orb.Ring
	for i := 0; i+1 < len(xy); i += 2 {
		r = append(r, orb.Point{xy[i], xy[i+1]})
	}
	return r
}

// area returns the signed area of r (shoelace).
func area(r orb.Ring) float64 {
	s := 0.0
	for i := 0; i+1 < len(r); i++ {
		s += r[i][0]*r[i+1][1] - r[i+1][0]*r[i][1]
	}
	return s / 2
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}
