package data

import "testing"

func TestCitation(t *testing.T) {
	for _, tc := range []struct {
		name     string
		s        Source
		want     string
		wantDate string
	}{
		{"full", Source{Publisher: "The Economist", Title: "The spoiler", Date: MustDate("2020-01-23")},
			"The Economist, “The spoiler”, 23 January 2020", "23 January 2020"},
		{"approximate date", Source{Publisher: "News site", Title: "Later news", Date: MustDate("2023-09-29"), DateApproximate: true},
			"News site, “Later news”, c. 29 September 2023", "c. 29 September 2023"},
		{"no title", Source{Publisher: "Wire", Date: MustDate("2021-03-01")}, "Wire, 1 March 2021", "1 March 2021"},
		{"no date", Source{Publisher: "Wire", Title: "Undated", DateApproximate: true}, "Wire, “Undated”", ""},
		{"nothing", Source{}, "", ""},
	} {
		c := tc.s.Citation()
		if got := c.String(); got != tc.want {
			t.Errorf("%s: String() = %q, want %q", tc.name, got, tc.want)
		}
		if got := c.DateText(); got != tc.wantDate {
			t.Errorf("%s: DateText() = %q, want %q", tc.name, got, tc.wantDate)
		}
	}
}
