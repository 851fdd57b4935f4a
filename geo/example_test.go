package geo_test

import (
	"fmt"
	"image/color"
	"log"

	"github.com/paulmach/orb"

	"github.com/briefmap/briefmap/assets"
	"github.com/briefmap/briefmap/geo"
	"github.com/briefmap/briefmap/geo/basemap"
)

func ExampleTransformer() {
	// A 1280×800 map centred on Libya at zoom 5.
	t := geo.NewTransformer(1280, 800, orb.Point{17.5, 27}, 5)
	x, y := t.ToPixel(orb.Point{13.19, 32.89}) // Tripoli
	fmt.Printf("Tripoli at (%.0f, %.0f)\n", x, y)
	p := t.ToLonLat(x, y)
	fmt.Printf("back to %.2f, %.2f\n", p[0], p[1])
	fmt.Printf("%.1f km per pixel\n", t.MetresPerPixel()/1000)
	// Output:
	// Tripoli at (542, 245)
	// back to 13.19, 32.89
	// 4.4 km per pixel
}

func ExampleMap_Render() {
	fonts, err := assets.LoadFonts()
	if err != nil {
		log.Fatal(err)
	}
	base, err := basemap.Load()
	if err != nil {
		log.Fatal(err)
	}
	zone := &geo.Area{Key: "west", Geometry: orb.MultiPolygon{{{{10, 30}, {15, 30}, {15, 33}, {10, 33}, {10, 30}}}},
		Style: geo.AreaStyle{Fill: geo.WithAlpha(geo.OkabeBlue, 0.35), Stroke: geo.Stroke{Color: geo.OkabeBlue, Width: 1.2}}}
	tripoli := &geo.Marker{Key: "tripoli", Point: orb.Point{13.19, 32.89}, Label: "Tripoli",
		Style:      geo.MarkerStyle{Symbol: geo.SymbolSquare, Size: 8, Fill: geo.InkColor},
		LabelStyle: geo.TextStyle{Size: 14, Weight: geo.Bold, Color: geo.InkColor, Halo: geo.HaloColor, HaloWidth: 2}}
	m := &geo.Map{
		Width: 1280, Height: 800,
		Basemap: base, Style: geo.DefaultBasemapStyle("LBY"),
		Layers:   []geo.Layer{{Name: "zones", Objects: []geo.Object{zone}}, {Name: "places", Objects: []geo.Object{tripoli}}},
		ScaleBar: true,
		Faces:    geo.NewFaceCache(fonts),
		Cache:    &geo.BaseCache{}, // later renders of this view only redraw the overlay
	}
	m.Fit(orb.Bound{Min: orb.Point{9.3, 19.5}, Max: orb.Point{25.2, 33.4}}, 24)
	img := m.Render()
	fmt.Println(img.Bounds())
	// Output: (0,0)-(1280,800)
}

func ExampleMap_Pick() {
	zone := &geo.Area{Key: "zone-east", Geometry: orb.MultiPolygon{{
		{{15, 20}, {25, 20}, {25, 32}, {15, 32}, {15, 20}},
		{{20, 25}, {22, 25}, {22, 27}, {20, 27}, {20, 25}}, // a hole
	}}, Style: geo.AreaStyle{Fill: color.NRGBA{0xd5, 0x5e, 0x00, 0x80}}}
	terminal := &geo.Marker{Key: "es-sider", Point: orb.Point{18.35, 30.63},
		Style: geo.MarkerStyle{Symbol: geo.SymbolOilTerminal, Size: 14, Fill: geo.InkColor}}
	m := &geo.Map{Width: 800, Height: 600, Layers: []geo.Layer{{Objects: []geo.Object{zone, terminal}}}}
	m.Fit(orb.Bound{Min: orb.Point{9, 19}, Max: orb.Point{26, 34}}, 10)
	t := m.Transformer()
	for _, p := range []orb.Point{{18.35, 30.63}, {17, 24}, {21, 26}} {
		x, y := t.ToPixel(p)
		if o, ok := m.Pick(x+3, y); ok { // 3 px off: within the tolerance
			fmt.Println(p, "→", o.ID())
		} else {
			fmt.Println(p, "→ nothing")
		}
	}
	// Output:
	// [18.35 30.63] → es-sider
	// [17 24] → zone-east
	// [21 26] → nothing
}
