// Package basemap is the embedded Natural Earth geometry Briefmap draws
// under every map. (Placeholder: the basemap helper replaces this file.)
package basemap

// Basemap is the embedded Natural Earth geometry around a region.
type Basemap struct{}
