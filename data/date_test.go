package data

import "testing"

func TestParseDate(t *testing.T) {
	cases := []struct {
		in, want, err string
	}{
		{"2020-01-19", "2020-01-19", ""},
		{"2020-02-29", "2020-02-29", ""},
		{"2021-02-29", "", `date "2021-02-29" does not exist`},
		{"2020-13-01", "", `date "2020-13-01" does not exist`},
		{"2020-1-19", "", `date "2020-1-19" is not YYYY-MM-DD`},
		{"19/01/2020", "", `date "19/01/2020" is not YYYY-MM-DD`},
		{"", "", `date "" is not YYYY-MM-DD`},
	}
	for _, c := range cases {
		d, err := ParseDate(c.in)
		gotErr := ""
		if err != nil {
			gotErr = err.Error()
		}
		if d.String() != c.want || gotErr != c.err {
			t.Errorf("ParseDate(%q) = %q, %q; want %q, %q", c.in, d, gotErr, c.want, c.err)
		}
	}
}

func TestPeriod(t *testing.T) {
	p := Period{From: MustDate("2020-01-06"), To: MustDate("2020-06-04")}
	open := Period{From: MustDate("2021-03-10")}
	cases := []struct {
		p    Period
		d    string
		want bool
	}{
		{p, "2020-01-05", false}, {p, "2020-01-06", true}, {p, "2020-06-04", true}, {p, "2020-06-05", false},
		{open, "2021-03-09", false}, {open, "2099-01-01", true},
	}
	for _, c := range cases {
		if got := c.p.Contains(MustDate(c.d)); got != c.want {
			t.Errorf("%s.Contains(%s) = %v, want %v", c.p, c.d, got, c.want)
		}
	}
	if s := open.String(); s != "2021-03-10–" {
		t.Errorf("open period String = %q", s)
	}
	if !periodsOverlap(p, Period{From: MustDate("2020-06-04")}) || periodsOverlap(p, open) {
		t.Error("periodsOverlap is wrong at the edges")
	}
}

// FuzzParseDate checks that a date ParseDate accepts prints back as given.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2020-01-19", "2020-02-30", "0000-01-01", "2020-1-1", "+2020-01-01"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err == nil && d.String() != s {
			t.Fatalf("ParseDate(%q) = %s", s, d)
		}
	})
}
