package cli

import "strings"

// command is one entry of the command table: how to run a subcommand and
// what the usage text and the manual page say about it. Its flags are not
// written here: they are read from the FlagSet the subcommand defines (see
// flagsOf), so the help can neither list a flag the command lacks nor miss
// one it has, and a test checks that the synopsis names exactly those flags.
// Adding a command is adding one entry to commands.
type command struct {
	name     string   // the word after "briefmap"
	synopsis []string // whole lines, e.g. "briefmap info [--date D] [--json] LAT,LON"
	summary  string   // one line for the list of commands, lower case, no full stop
	about    string   // one paragraph: what it does, what it prints, when it fails
	// run runs the command with the arguments after its name. Nil for the
	// desktop app's commands, which main.go hands to the app.
	run func(e *Env, args []string) int
}

// commands returns the command table, in the order the usage text and the
// manual page list them. (A function, not a variable: runHelp refers to the
// table it is part of.)
func commands() []command {
	return []command{
		{
			name:     "open",
			synopsis: []string{"briefmap", "briefmap open PATH"},
			summary:  "open the desktop app on the embedded briefing, or on another briefing package",
			about: "Opens the desktop app: the map of who holds what on the as-of date, the layer " +
				"toggles and the legend, and the panels of actors and excerpts. Without a command it " +
				"shows the embedded Libya briefing; open PATH shows the briefing package at PATH " +
				"instead, a folder, a .zip or a .briefmap file, and open without PATH " +
				"(as a desktop menu starts it) shows the embedded briefing. A package that is missing or cannot be " +
				"loaded is reported in one dialog with every problem it has, over the embedded briefing. " +
				"A package folder is watched and reloads when a file in it changes; an edit that breaks " +
				"it is shown in a bar above the map while the last good version stays. The app needs an X11 or Wayland " +
				"display and OpenGL; it never uses the network.",
		},
		{
			name: "export",
			synopsis: []string{"briefmap export [-o FILE.png|FILE.pdf|FILE.svg] [--format png|pdf|svg] " +
				"[--date YYYY-MM-DD [--focus ID] | --compare A,B] [--size 1920x1080|3840x2160] [--briefing PATH]"},
			summary: "write the briefing slide as a PNG image, a PDF or an SVG",
			about: "Writes the briefing slide of the briefing on the as-of date: the title and date, the map with its legend, scale " +
				"bar and numbered callouts, the key actors, excerpts with their citations, and a footer with the numbered sources" +
				" and the basemap's attribution. The format follows -o's extension (.png, .pdf or .svg; any other is refused) " +
				"unless --format names it; without -o it is PNG. The PDF (a 16:9 page, 338.7 x 190.5 mm) and the SVG have the " +
				"PNG's layout, drawn as vector shapes: the PDF's text can be selected and searched (fonts embedded as subsets); " +
				"the SVG draws text as outlines beside a transparent copy. With --focus the map is framed on that record (a zone," +
				" place, deployment, actor, or an event shown on the date) and the slide describes it. With --compare A,B it " +
				"writes the slide of what changed between dates A and B instead: both dates in the title, the map of B with the " +
				"areas that changed side hatched in the colour of the side that lost them, changed places ringed and forces that " +
				"arrived (+) or left (−), and the changes, largest first, with their citations; dates outside the briefing's " +
				"range, B before A or equal dates are refused. The file is written atomically (never half-written), the same " +
				"input gives the same bytes, and the path written is printed on standard output.",
			run: runExport,
		},
		{
			name:     "render",
			synopsis: []string{"briefmap render -o FILE.png [--size WxH] [--date D] [--bbox W,S,E,N] [--briefing PATH]"},
			summary:  "write the map alone as a PNG image",
			about: "Renders the map of the briefing (the embedded one, or --briefing PATH) on the as-of date, every layer shown, " +
				"as a PNG image of the given size, framed on the briefing's bounding box or on " +
				"--bbox (west, south, east, north in degrees). The file is written atomically.",
			run: runRender,
		},
		{
			name:     "info",
			synopsis: []string{"briefmap info [--date D] [--json] [--briefing PATH] LAT,LON"},
			summary:  "say which zones hold a point on a date, and which places lie near it",
			about: "Prints the zones of the briefing that contain the point LAT,LON " +
				"(latitude first, in decimal degrees) on the as-of date, with their controller or " +
				"the sides that contest them, validity, confidence and sources; then the places " +
				"within 25 km with their distance, who holds each on that date (a town on the " +
				"coastline through the nearest zone within 5 km, and it says so) and the status of " +
				"terminals and fields; then the events shown on that date near the point. --json " +
				"prints one object instead: point (longitude, latitude), date, zones (id, name, " +
				"controller, controller_name, contested_by, valid_from, valid_to, confidence, " +
				"sources), places (id, name, kind, distance_km, holder, holder_name, contested_by, " +
				"status) and events.",
			run: runInfo,
		},
		{
			name:     "geojson",
			synopsis: []string{"briefmap geojson [--date D] [-o FILE] [--briefing PATH]"},
			summary:  "write the zones, places, deployments and events of a date as GeoJSON",
			about: "Writes every zone, place, deployment and event of the briefing shown on the " +
				"as-of date as one RFC 7946 FeatureCollection, to standard output or atomically to " +
				"FILE. Each feature's properties carry its id, layer (zone, place, deployment or event), " +
				"name, kind, controller or actor, valid_from, valid_to, confidence, the fields an " +
				"excerpt backs (sourced) and those excerpts.",
			run: runGeoJSON,
		},
		{
			name:     "quotes",
			synopsis: []string{"briefmap quotes [--json] [--about ID] [--briefing PATH]"},
			summary:  "print the verbatim excerpts with their citations",
			about: "Prints the briefing's verbatim excerpts, each with its citation " +
				"(publisher, title, date) and the records it is about. With --about, only those " +
				"about one record: for a source its excerpts, for any other record the excerpts " +
				"that name it or that its sourced fields cite. --json prints a list of objects " +
				"with id, source, publisher, date, text and about.",
			run: runQuotes,
		},
		{
			name:     "check",
			synopsis: []string{"briefmap check [--sources DIR] [--audit] [--briefing PATH | PATH]"},
			summary:  "validate a briefing package and check its excerpts against the articles",
			about: "Loads and validates the briefing package at PATH (or --briefing PATH): a " +
				"folder, a .zip or a .briefmap file, or the embedded briefing when PATH is left " +
				"out. Every excerpt is checked against its article's text where the text is at " +
				"hand, in the package's sources/ folder or in --sources DIR: the text's SHA-256, " +
				"the quote at its offsets and its context; without the text it says in one line " +
				"how many excerpts it could not verify and why. A good package prints a one-line " +
				"summary, the article-check line and any warnings and exits 0; a bad one prints " +
				"every problem on standard error, one a line as FILE:LINE: FIELD: what is wrong, " +
				"and exits 1. With --audit it prints, as Markdown, every sourced field beside the " +
				"words of its excerpts and every background field beside its note.",
			run: runCheck,
		},
		{
			name:     "match",
			synopsis: []string{"briefmap match [--date D] [--json] [--briefing PATH] TEXT|-"},
			summary:  "print the actors and places a text names",
			about: "Prints the actors and places of the briefing that TEXT names (- reads standard " +
				"input), by any of their aliases valid on the date (the briefing's default date " +
				"when --date is left out), case- and diacritics-insensitively on whole words except " +
				"for case-sensitive aliases, and never inside a blocked name (such as Gulf of " +
				"Sidra). --json prints a list of objects with id, kind, name, alias, start and " +
				"end (byte offsets into the input).",
			run: runMatch,
		},
		{
			name:     "timeline",
			synopsis: []string{"briefmap timeline [--json] [--briefing PATH]"},
			summary:  "list the dates on which the map changes, and what changes on each",
			about: "Prints the briefing's time range and every date on which what the map shows " +
				"changes: a zone, a deployment or an event that starts or stops being shown, or a " +
				"place whose status differs from the day before (+ starts, − stops); the briefing's " +
				"snapshots are listed among them, marked ★ with their label. --json prints a list " +
				"of objects with date, snapshot (the label, on a snapshot's date only) and changes " +
				"(kind, id, what).",
			run: runTimeline,
		},
		{
			name:     "diff",
			synopsis: []string{"briefmap diff --from A --to B [--json] [--briefing PATH]"},
			summary:  "say what changed between two dates",
			about: "Prints what changed between dates A and B (YYYY-MM-DD, A before B, both in the " +
				"briefing's time range): the areas that changed hands with their area in km² and " +
				"the places inside, largest first (changes of side before changes within a side); " +
				"the places whose holder or status changed; the forces that arrived or left; the " +
				"events between; each with how things stood before and after and the excerpts that " +
				"back each side. --json prints one object: from, to, zones (from_controller, " +
				"to_controller, area_km2, places, from_zone, to_zone, from_side, to_side and the " +
				"contesters when any), places (id, holder_from, holder_to, status_from, status_to), " +
				"deployments (arrived, left: ids) and events (ids). A date outside the range, B " +
				"before A or equal dates are refused in one line, exit 1.",
			run: runDiff,
		},
		{
			name: "import",
			synopsis: []string{"briefmap import --briefing DIR [--publisher P] [--title T] [--date D] [--approximate] " +
				"[--url U] [--accept all|none|IDS] [--json] FILE|-"},
			summary: "import a news article into a briefing package and accept its excerpts",
			about: "Reads a news article (.txt, .md, .html or .htm; - reads standard input; UTF-8, or " +
				"Windows-1252/Latin-1 converted; 20 MB at most), takes the article's text out of a web page " +
				"(navigation, scripts and footers left out) and splits it into sentences. Every sentence " +
				"that names actors or places of the briefing, matched at the article's date, is proposed as " +
				"an excerpt about them, and so is a sentence that follows one in the same paragraph (by " +
				"context); they are printed best first (names of actors and places together, words of control " +
				"and movement, numbers). --json prints a list of objects with id, text, start, end, score, " +
				"about and names (id, alias, start, end), the offsets being runes of the article's normalised " +
				"text, the offsets excerpts are anchored at. Without --accept nothing is written. With --accept " +
				"the text is stored in the package's sources/ folder, its record added to sources.yaml, and the " +
				"proposals accepted (all, none, or the ids listed) added to excerpts.yaml, every file written " +
				"atomically with its comments and layout kept; briefmap check then passes. The publisher, title " +
				"and date default to what a web page or Markdown front matter gives. An empty, binary or too " +
				"large file, a package that is not a folder, an article already imported, a date that is not a " +
				"date or an unknown id is one line on standard error, exit status 1, and nothing changes.",
			run: runImport,
		},
		{
			name:     "version",
			synopsis: []string{"briefmap version"},
			summary:  "print the version",
			about: "Prints the version, the commit briefmap was built from and, for a release " +
				"build, the build date.",
			run: runVersion,
		},
		{
			name:     "help",
			synopsis: []string{"briefmap help [--man] [COMMAND]"},
			summary:  "print help on a command, or the manual page",
			about: "Prints the list of commands, or the synopsis, description and flags of " +
				"COMMAND, as briefmap COMMAND --help does. With --man it prints the whole manual " +
				"page instead, in man(7) format.",
			run: runHelp,
		},
	}
}

// lookup returns the command named name.
func lookup(name string) (command, bool) {
	for _, c := range commands() {
		if c.name == name {
			return c, true
		}
	}
	return command{}, false
}

// Usage returns the usage text "briefmap help" prints and a usage error
// ends with: every command's synopsis.
func Usage() string {
	var sb strings.Builder
	sb.WriteString("usage:\n")
	for _, c := range commands() {
		for _, s := range c.synopsis {
			sb.WriteString("  " + s + "\n")
		}
	}
	sb.WriteString("Run \"briefmap help COMMAND\" or \"briefmap COMMAND --help\" for what a command does and its flags.\n")
	return sb.String()
}
