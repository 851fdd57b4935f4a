package slide

// attribution credits the basemap in the footer.
// TODO(slide): use basemap.Attribution once geo/basemap exports it.
const attribution = "Made with Natural Earth"
