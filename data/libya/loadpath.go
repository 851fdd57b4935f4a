package libya

import "github.com/briefmap/briefmap/data"

// LoadPath loads the briefing package at path (a folder or a .zip, see
// data.LoadPath), or the embedded Libya briefing when path is empty. It is
// the one loader of the command line and the desktop app, so both open the
// same default and read packages the same way. Its errors do not name
// path: the caller says what it was loading.
func LoadPath(path string) (*data.Briefing, error) {
	if path == "" {
		return Load()
	}
	return data.LoadPath(path)
}
