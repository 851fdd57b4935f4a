package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/briefmap/briefmap/data"
	"github.com/briefmap/briefmap/data/libya"
)

// diffJSON is what diff --json prints.
type diffJSON struct {
	From        string          `json:"from"`
	To          string          `json:"to"`
	Zones       []diffZone      `json:"zones"`
	Places      []diffPlace     `json:"places"`
	Deployments diffDeployments `json:"deployments"`
	Events      []string        `json:"events"`
}

// diffZone is an area that changed hands: the keys of the issue, then the
// zones and sides it lies between and its contesters, when any.
type diffZone struct {
	FromController  string   `json:"from_controller"`
	ToController    string   `json:"to_controller"`
	AreaKM2         float64  `json:"area_km2"`
	Places          []string `json:"places"`
	FromZone        string   `json:"from_zone"`
	ToZone          string   `json:"to_zone"`
	FromSide        string   `json:"from_side"`
	ToSide          string   `json:"to_side"`
	FromContestedBy []string `json:"from_contested_by,omitempty"`
	ToContestedBy   []string `json:"to_contested_by,omitempty"`
}

type diffPlace struct {
	ID              string   `json:"id"`
	HolderFrom      string   `json:"holder_from"`
	HolderTo        string   `json:"holder_to"`
	StatusFrom      string   `json:"status_from"`
	StatusTo        string   `json:"status_to"`
	ContestedByFrom []string `json:"contested_by_from,omitempty"`
	ContestedByTo   []string `json:"contested_by_to,omitempty"`
}

type diffDeployments struct {
	Arrived []string `json:"arrived"`
	Left    []string `json:"left"`
}

// runDiff prints what changed between two dates:
//
//	briefmap diff --from A --to B [--json] [--briefing PATH]
func runDiff(e *Env, args []string) int {
	fs := e.flagSet("diff")
	from := fs.String("from", "", "the earlier `date` YYYY-MM-DD")
	to := fs.String("to", "", "the later `date` YYYY-MM-DD")
	asJSON, briefing := jsonFlag(fs, "print JSON"), briefingFlag(fs)
	if code, ok := e.parseFlags(fs, args); !ok {
		return code
	}
	if fs.NArg() > 0 {
		return e.usage(fmt.Sprintf("diff: unexpected argument %q", fs.Arg(0)))
	}
	if *from == "" || *to == "" {
		return e.usage("diff: give both --from and --to")
	}
	b, err := libya.LoadPath(*briefing)
	if err != nil {
		return e.failIn("diff", err)
	}
	d, err := diffDates(b, *from, *to)
	if err != nil {
		return e.failIn("diff", err)
	}
	return e.answer("diff", *asJSON, toDiffJSON(d), func(w io.Writer) error { return writeDiffText(w, b, d) })
}

// diffDates parses two dates and returns b's Diff between them.
func diffDates(b *data.Briefing, from, to string) (data.Diff, error) {
	a, err := data.ParseDate(from)
	if err != nil {
		return data.Diff{}, fmt.Errorf("--from: %w", err)
	}
	c, err := data.ParseDate(to)
	if err != nil {
		return data.Diff{}, fmt.Errorf("--to: %w", err)
	}
	return b.Diff(a, c)
}

func toDiffJSON(d data.Diff) diffJSON {
	out := diffJSON{From: d.From.String(), To: d.To.String(), Zones: []diffZone{}, Places: []diffPlace{},
		Deployments: diffDeployments{Arrived: nonNil(d.Arrived), Left: nonNil(d.Left)}, Events: nonNil(d.Events)}
	for _, z := range d.Zones {
		out.Zones = append(out.Zones, diffZone{FromController: z.FromController, ToController: z.ToController,
			AreaKM2: z.AreaKM2, Places: nonNil(z.Places), FromZone: z.FromZone, ToZone: z.ToZone,
			FromSide: z.FromSide, ToSide: z.ToSide, FromContestedBy: z.FromContested, ToContestedBy: z.ToContested})
	}
	for _, p := range d.Places {
		out.Places = append(out.Places, diffPlace{ID: p.ID, HolderFrom: p.HolderFrom, HolderTo: p.HolderTo,
			StatusFrom: p.StatusFrom, StatusTo: p.StatusTo, ContestedByFrom: p.ContestedFrom, ContestedByTo: p.ContestedTo})
	}
	return out
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// writeDiffText prints d's items (data.DiffItems), largest first, each with
// how things stood before and after and the excerpts backing each side.
func writeDiffText(w io.Writer, b *data.Briefing, d data.Diff) error {
	var sb strings.Builder
	fmt.Fprintf(&sb, "What changed between %s and %s\n", d.From.Long(), d.To.Long())
	items := b.DiffItems(d)
	if len(items) == 0 {
		sb.WriteString("\nNothing changed.\n")
	}
	for _, it := range items {
		sb.WriteString("\n" + it.Title)
		if it.AreaKM2 > 0 {
			sb.WriteString(" (" + data.AreaText(it.AreaKM2) + ")")
		}
		sb.WriteString("\n")
		if it.Kind == data.KindEvent {
			for _, e := range it.AfterBy {
				fmt.Fprintf(&sb, "      “%s” %s\n", e.Text, citationOf(b, e))
			}
			continue
		}
		side := func(label, text string, by []*data.Excerpt) {
			if text == "" {
				return
			}
			fmt.Fprintf(&sb, "  %s %s\n", label, text)
			if len(by) == 0 {
				sb.WriteString("      background: no excerpt backs it\n")
			}
			for _, e := range by {
				fmt.Fprintf(&sb, "      “%s” %s\n", e.Text, citationOf(b, e))
			}
		}
		side("before:", it.Before, it.BeforeBy)
		side("after: ", it.After, it.AfterBy)
	}
	_, err := io.WriteString(w, sb.String())
	return err
}

// citationOf returns "— Publisher, “Title”, date" for an excerpt's source.
func citationOf(b *data.Briefing, e *data.Excerpt) string {
	if s, ok := b.Source(e.Source); ok {
		return "— " + s.Citation().String()
	}
	return "— " + e.Source
}
