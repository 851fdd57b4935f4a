// Package version holds Briefmap's version, set at build time with
//
//	-ldflags "-X github.com/briefmap/briefmap/version.Version=… -X …Commit=… -X …Date=…"
//
// The defaults describe a development build.
package version

// These are set by the linker; they are never written at run time.
var (
	// Version is the release version (FyneApp.toml's Version).
	Version = "0.1.0-dev"
	// Commit is the git commit the binary was built from.
	Commit = ""
	// Date is the build date (YYYY-MM-DD), empty for reproducible builds.
	Date = ""
)

// String returns "0.1.0 (commit abc1234, built 2026-11-25)", leaving out
// what is unknown.
func String() string {
	s := Version
	switch {
	case Commit != "" && Date != "":
		s += " (commit " + Commit + ", built " + Date + ")"
	case Commit != "":
		s += " (commit " + Commit + ")"
	case Date != "":
		s += " (built " + Date + ")"
	}
	return s
}
