// Package geo is an offline static-map engine on github.com/paulmach/orb, in
// the spirit of go-staticmaps: a Map of a given pixel size and view (a centre
// and a fractional Web Mercator zoom, or a bounding box to fit) draws an
// embedded basemap and layers of Objects (Area, Path, Marker, Circle, Label)
// into an *image.RGBA, places labels without collisions, and answers Pick:
// which object lies under a pixel.
//
// geo knows nothing of briefings: it draws objects. Everything is drawn on
// a Surface, the one drawing interface (fills, hatches, strokes with
// dashes, text with halos, wrapping and ellipsising, sub-surfaces), with
// two back ends: Canvas rasterises into an *image.RGBA, Vector records a
// display list that package geo/vecdoc writes as PDF or SVG. The slide
// composer lays out its page on a Surface too, and PlaceLabels and
// DrawLegendSwatch are exported so that the slide places callouts and draws
// legend swatches exactly as the map does. Map.RenderTo rasterises a map
// (with the basemap cache); Map.DrawTo draws it on any Surface.
//
// Everything is deterministic: the same input gives the same pixels. Nothing
// is global; a Map, a Canvas, a Vector and a FaceCache are not safe for concurrent use,
// but distinct ones may be used from distinct goroutines. Objects may be
// shared: their caches are guarded.
package geo
