package cli

import (
	"fmt"
	"io"

	"github.com/briefmap/briefmap/data"
	"github.com/briefmap/briefmap/data/libya"
)

// timelineDate is one date in timeline --json.
type timelineDate struct {
	Date     string           `json:"date"`
	Snapshot string           `json:"snapshot,omitempty"`
	Changes  []timelineChange `json:"changes"`
}

// timelineChange is one change in timeline --json.
type timelineChange struct {
	Kind string `json:"kind"`
	ID   string `json:"id"`
	What string `json:"what"`
}

// runTimeline prints the briefing's change dates and what changes on each:
//
//	briefmap timeline [--json] [--briefing PATH]
func runTimeline(e *Env, args []string) int {
	fs := e.flagSet("timeline")
	asJSON, briefing := jsonFlag(fs, "print JSON"), briefingFlag(fs)
	if code, ok := e.parseFlags(fs, args); !ok {
		return code
	}
	if fs.NArg() > 0 {
		return e.usage(fmt.Sprintf("timeline: unexpected argument %q", fs.Arg(0)))
	}
	b, err := libya.LoadPath(*briefing)
	if err != nil {
		return e.failIn("timeline", err)
	}
	tl := b.Timeline()
	return e.answer("timeline", *asJSON, timelineJSON(tl), func(w io.Writer) error { return writeTimelineText(w, b, tl) })
}

// timelineJSON returns tl as timeline --json prints it; a snapshot with no
// label is named by its date.
func timelineJSON(tl []data.TimelineDate) []timelineDate {
	out := make([]timelineDate, 0, len(tl))
	for _, d := range tl {
		td := timelineDate{Date: d.Date.String(), Changes: []timelineChange{}}
		if d.Snapshot {
			td.Snapshot = d.Label
			if td.Snapshot == "" {
				td.Snapshot = d.Date.String()
			}
		}
		for _, c := range d.Changes {
			td.Changes = append(td.Changes, timelineChange{Kind: string(c.Ref.Kind), ID: c.Ref.ID, What: c.What})
		}
		out = append(out, td)
	}
	return out
}

// writeTimelineText prints the range, then each date with its snapshot's
// label and its changes, "+" for what starts and "−" for what stops.
func writeTimelineText(w io.Writer, b *data.Briefing, tl []data.TimelineDate) error {
	r := b.Range()
	if _, err := fmt.Fprintf(w, "%s: %d dates from %s to %s\n", b.Title, len(tl), r.From.Long(), r.To.Long()); err != nil {
		return err
	}
	for _, d := range tl {
		head := "\n" + d.Date.String()
		if d.Snapshot {
			head += "  ★ " + b.SnapshotFor(d.Date).Label
		}
		if _, err := fmt.Fprintln(w, head); err != nil {
			return err
		}
		for _, c := range d.Changes {
			sign := "−"
			if c.Starts {
				sign = "+"
			}
			if _, err := fmt.Fprintf(w, "  %s %s\n", sign, c.What); err != nil {
				return err
			}
		}
	}
	return nil
}
