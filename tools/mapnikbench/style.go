package main

import (
	"fmt"
	"strings"
)

// styleRules is the head of the Mapnik style, its one argument the fonts
// folder, and its styles. Colours follow briefmap's (scene/style.go):
// Okabe–Ito sides, a vermillion for contested zones, white-haloed labels in
// Noto Sans.
const styleRules = `<?xml version="1.0" encoding="utf-8"?>
<Map srs="+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +wktext +no_defs" background-color="#c9dbe6" font-directory="%[1]s">
  <Style name="land">
    <Rule><Filter>[layer] = 'land'</Filter><PolygonSymbolizer fill="#f1ede4"/></Rule>
    <Rule><Filter>[layer] = 'border'</Filter><LineSymbolizer stroke="#9a948a" stroke-width="1.2" stroke-dasharray="4,2"/></Rule>
    <Rule><Filter>[layer] = 'coast'</Filter><LineSymbolizer stroke="#7f9bb0" stroke-width="1"/></Rule>
  </Style>
  <Style name="zones">
    <Rule><Filter>[kind] = 'contested'</Filter>
      <PolygonSymbolizer fill="#d55e00" fill-opacity="0.12"/>
      <LineSymbolizer stroke="#d55e00" stroke-width="1.2" stroke-dasharray="5,3"/>
    </Rule>
    <Rule><Filter>[layer] = 'zone' and [controller] = 'gna'</Filter>
      <PolygonSymbolizer fill="#0072b2" fill-opacity="0.22"/><LineSymbolizer stroke="#0072b2" stroke-width="1.5"/>
    </Rule>
    <Rule><Filter>[layer] = 'zone' and [controller] = 'lna'</Filter>
      <PolygonSymbolizer fill="#e69f00" fill-opacity="0.22"/><LineSymbolizer stroke="#e69f00" stroke-width="1.5"/>
    </Rule>
    <Rule><Filter>[layer] = 'zone' and not ([kind] = 'contested') and not ([controller] = 'gna') and not ([controller] = 'lna')</Filter>
      <PolygonSymbolizer fill="#6b6b6b" fill-opacity="0.18"/><LineSymbolizer stroke="#6b6b6b" stroke-width="1.2"/>
    </Rule>
  </Style>
  <Style name="countries">
    <Rule><TextSymbolizer face-name="Noto Sans Italic" size="15" fill="#8a8478" halo-fill="#f1ede4" halo-radius="1.5" character-spacing="3" placement="point">[name]</TextSymbolizer></Rule>
  </Style>
  <Style name="points">
    <Rule><Filter>[layer] = 'deployment'</Filter>
      <MarkersSymbolizer marker-type="ellipse" width="14" height="14" fill="#cc79a7" stroke="#ffffff" stroke-width="1.5" allow-overlap="true"/>
    </Rule>
    <Rule><Filter>[layer] = 'event'</Filter>
      <MarkersSymbolizer marker-type="ellipse" width="16" height="16" fill="#f0e442" stroke="#111111" stroke-width="1.3" allow-overlap="true"/>
    </Rule>
    <Rule><Filter>[layer] = 'place'</Filter>
      <MarkersSymbolizer marker-type="ellipse" width="10" height="10" fill="#ffffff" stroke="#111111" stroke-width="1.5" allow-overlap="true"/>
      <TextSymbolizer face-name="Noto Sans Regular" size="14" fill="#121212" halo-fill="#ffffff" halo-radius="2" dx="9" dy="-9" placement="point" avoid-edges="true">[name]</TextSymbolizer>
    </Rule>
  </Style>
`

// styleXML returns the Mapnik style of the benchmark: styleRules, then one
// layer for each GeoJSON file, bottom first, drawn with the style named in
// the table. The arguments are the fonts folder and the paths of the
// basemap, the country labels and the briefing's features; they are
// written as they are (no XML escaping: they are paths the tool made).
func styleXML(fonts, basemap, labels, features string) string {
	var b strings.Builder
	fmt.Fprintf(&b, styleRules, fonts)
	for _, l := range []struct{ name, style, file string }{
		{"basemap", "land", basemap},
		{"zones", "zones", features},
		{"countries", "countries", labels},
		{"points", "points", features},
	} {
		fmt.Fprintf(&b, `  <Layer name="%s" srs="+proj=longlat +datum=WGS84 +no_defs">
    <StyleName>%s</StyleName>
    <Datasource><Parameter name="type">geojson</Parameter><Parameter name="file">%s</Parameter></Datasource>
  </Layer>
`, l.name, l.style, l.file)
	}
	b.WriteString("</Map>\n")
	return b.String()
}
