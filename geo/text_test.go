package geo

import (
	"image"
	"strings"
	"testing"
	"unicode/utf8"
)

func textCanvas(t testing.TB) *Canvas {
	fonts, _ := loadFixtures(t)
	return NewCanvas(image.NewRGBA(image.Rect(0, 0, 10, 10)), fonts)
}

func TestWrapText(t *testing.T) {
	c := textCanvas(t)
	st := TextStyle{Size: 14}
	tests := []struct {
		name  string
		s     string
		width float64
		want  []string
	}{
		{"fits", "Tripoli and Benghazi", 1000, []string{"Tripoli and Benghazi"}},
		{"spaces collapse", "  a   b  ", 1000, []string{"a b"}},
		{"newlines kept", "one\n\ntwo", 1000, []string{"one", "", "two"}},
		{"empty", "", 100, []string{""}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := c.WrapText(tc.s, st, tc.width)
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("WrapText(%q) = %q, want %q", tc.s, got, tc.want)
			}
		})
	}
	// Narrow: every line fits, words are not split unless longer than a
	// line, and no text is lost.
	s := "The Government of National Accord holds Tripoli; Haftar's Libyan National Army holds the east and the oil crescent."
	w := 120.0
	lines := c.WrapText(s, st, w)
	if len(lines) < 4 {
		t.Fatalf("only %d lines at %v px", len(lines), w)
	}
	for _, l := range lines {
		if lw, _, _ := c.MeasureText(l, st); lw > w {
			t.Errorf("line %q is %.1f px wide, more than %v", l, lw, w)
		}
	}
	if got := strings.Join(lines, " "); got != s {
		t.Errorf("rejoined lines = %q, want the input", got)
	}
	// A word longer than the line is broken between letters.
	long := strings.Repeat("m", 40)
	lines = c.WrapText(long, st, 50)
	if len(lines) < 2 || strings.Join(lines, "") != long {
		t.Errorf("long word wrapped as %q", lines)
	}
}

func TestEllipsize(t *testing.T) {
	c := textCanvas(t)
	st := TextStyle{Size: 16, Weight: Bold}
	if got := c.Ellipsize("Short", st, 500); got != "Short" {
		t.Errorf("a fitting string changed: %q", got)
	}
	s := "A very long title that cannot fit in its box at all"
	got := c.Ellipsize(s, st, 200)
	if !strings.HasSuffix(got, Ellipsis) || len(got) >= len(s) {
		t.Fatalf("Ellipsize = %q", got)
	}
	if w, _, _ := c.MeasureText(got, st); w > 200 {
		t.Errorf("%q is %.1f px wide, more than 200", got, w)
	}
	if !strings.HasPrefix(s, strings.TrimSuffix(got, Ellipsis)) {
		t.Errorf("%q is not a prefix of the input", got)
	}
	if got := c.Ellipsize(s, st, 3); got != "" {
		t.Errorf("at 3 px: %q, want empty", got)
	}
}

func TestMeasureText(t *testing.T) {
	c := textCanvas(t)
	st := TextStyle{Size: 20}
	w1, asc, desc := c.MeasureText("Libya", st)
	if !(w1 > 20 && w1 < 100) || !(asc > 14 && asc < 26) || !(desc > 3 && desc < 10) {
		t.Errorf("MeasureText = %v, %v, %v", w1, asc, desc)
	}
	st.Tracking = 2
	if w2, _, _ := c.MeasureText("Libya", st); w2-w1 < 7.99 || w2-w1 > 8.01 {
		t.Errorf("tracking 2 over 5 letters added %v px, want 8", w2-w1)
	}
	if w, _, _ := NewCanvas(image.NewRGBA(image.Rect(0, 0, 1, 1)), nil).MeasureText("x", st); w != 0 {
		t.Errorf("without fonts: %v", w)
	}
}

// FuzzWrapText checks WrapText and Ellipsize on arbitrary text: lines fit
// unless they are a single letter, no letters are lost, nothing panics.
func FuzzWrapText(f *testing.F) {
	for _, s := range []string{"", "Hifter", "a b c", "“Quoted” text — with dashes…", "\n\n", "ليبيا", strings.Repeat("x", 300), "\xff\xfe"} {
		f.Add(s, 80.0)
	}
	fonts, _ := loadFixtures(f)
	c := NewCanvas(image.NewRGBA(image.Rect(0, 0, 1, 1)), fonts)
	st := TextStyle{Size: 12}
	f.Fuzz(func(t *testing.T, s string, width float64) {
		if width != width || width < 1 || width > 5000 || len(s) > 2000 {
			return
		}
		lines := c.WrapText(s, st, width)
		for _, l := range lines {
			if lw, _, _ := c.MeasureText(l, st); lw > width && utf8.RuneCountInString(l) > 1 {
				t.Fatalf("line %q is %.1f px wide, more than %v", l, lw, width)
			}
		}
		if got, want := strings.Join(strings.Fields(strings.Join(lines, "")), ""), strings.Join(strings.Fields(s), ""); got != want {
			t.Fatalf("letters lost: %q → %q", s, lines)
		}
		e := c.Ellipsize(s, st, width)
		if e != s {
			if ew, _, _ := c.MeasureText(e, st); ew > width {
				t.Fatalf("Ellipsize(%q) = %q is %.1f px wide", s, e, ew)
			}
		}
	})
}
