// Package localefix keeps Fyne quiet on systems whose locale is "C.UTF-8"
// (minimal Debian images, containers, CI). Fyne's locale lookup
// (github.com/jeandeaual/go-locale) knows "C" and "POSIX" but not
// "C.<codeset>", and logs three lines of "Error parsing user locale C" on
// every start, even of a headless subcommand whose errors must be one clear
// line. The lookup falls back to $LANGUAGE after a C locale, so when the
// effective locale is C.<codeset> and LANGUAGE is unset, this package sets
// LANGUAGE=en: what the C locale means for messages. It changes nothing else.
//
// Package main imports it for this side effect. Go initialises packages in
// import-path order as their dependencies allow, and this one depends only on
// the standard library, so it runs before go-locale and Fyne are initialised.
package localefix

import (
	"os"
	"strings"
)

func init() {
	if v, ok := Language(os.Getenv); ok {
		os.Setenv("LANGUAGE", v)
	}
}

// Language returns the LANGUAGE value to set given the environment getenv,
// and whether to set it: only when LC_ALL, LC_MESSAGES or LANG (the first
// that is set) is "C.<codeset>" and LANGUAGE is unset.
func Language(getenv func(string) string) (string, bool) {
	if getenv("LANGUAGE") != "" {
		return "", false
	}
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := getenv(k); v != "" {
			if strings.HasPrefix(v, "C.") || strings.HasPrefix(v, "POSIX.") {
				return "en", true
			}
			return "", false
		}
	}
	return "", false
}
