package data

import "strings"

// Citation is a source as a reader cites it: who published it, its title
// and its date. It is the one way Briefmap writes a citation, on the map's
// cards, in the dialogs, in "briefmap quotes" and on the slide.
type Citation struct {
	Publisher   string
	Title       string
	Date        Date
	Approximate bool // the date is approximate
}

// Citation returns how source s is cited.
func (s Source) Citation() Citation {
	return Citation{Publisher: s.Publisher, Title: s.Title, Date: s.Date, Approximate: s.DateApproximate}
}

// DateText returns the date as cited: "23 January 2020", or "c. 29
// September 2023" when the date is approximate; "" when there is none.
func (c Citation) DateText() string {
	if c.Date.IsZero() {
		return ""
	}
	if c.Approximate {
		return "c. " + c.Date.Long()
	}
	return c.Date.Long()
}

// String returns the citation as "Publisher, “Title”, 23 January 2020",
// leaving out the parts that are empty.
func (c Citation) String() string {
	var parts []string
	if c.Publisher != "" {
		parts = append(parts, c.Publisher)
	}
	if c.Title != "" {
		parts = append(parts, "“"+c.Title+"”")
	}
	if d := c.DateText(); d != "" {
		parts = append(parts, d)
	}
	return strings.Join(parts, ", ")
}
