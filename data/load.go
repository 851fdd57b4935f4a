package data

import (
	"errors"
	"io/fs"
)

// Load loads and validates a briefing package from fsys. (Placeholder: the
// data helper replaces this file.)
func Load(fsys fs.FS) (*Briefing, error) { return nil, errors.New("not implemented yet") }

// LoadPath loads a briefing package from a folder or a .zip file.
func LoadPath(path string) (*Briefing, error) { return nil, errors.New("not implemented yet") }
