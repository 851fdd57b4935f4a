// Package libya embeds the Libya briefing package. (Placeholder: the Libya
// data helper replaces this file.)
package libya

import "github.com/briefmap/briefmap/data"

// Load loads the embedded Libya briefing.
func Load() (*data.Briefing, error) { return data.Load(nil) }
