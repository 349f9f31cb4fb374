package model

import (
	"github.com/esamverkan/guidemap/generator/hours"
	"github.com/paulmach/orb"
)

// Point is a service point: a library, a recycling centre, a swimming
// hall… read from a GeoJSON Point feature and placed in its municipality.
type Point struct {
	Slug         string // unique within its municipality; the page is /<m>/platser/<slug>/
	Name         string
	Category     string // a category slug of site.toml
	Municipality string // the slug of the municipality it lies in
	Lon, Lat     float64
	Address      string
	PostalCode   string
	City         string
	Phone        string
	Email        string
	URL          string
	Wheelchair   string // "yes", "limited", "no" or ""
	Description  string
	Hours        hours.Hours
	File         string // the GeoJSON file
	Feature      int    // its index in the file's features
	Line, Col    int    // where the feature starts in File
}

// Boundary is a municipality's area, for maps and placement.
type Boundary struct {
	Code     string
	Name     string
	Geometry orb.Geometry // Polygon or MultiPolygon, WGS 84
}

// PointURL is a service point's page.
func PointURL(m, slug string) string { return "/" + m + "/platser/" + slug + "/" }

// MapURL is a municipality's map page, or its map of one category when
// category is not empty.
func MapURL(m, category string) string {
	if category == "" {
		return "/" + m + "/karta/"
	}
	return "/" + m + "/karta/" + category + "/"
}

// BaseLayer is one feature of a map layer drawn under the municipalities
// and points: Kind is "land", "water" (lakes as polygons, rivers as
// lines), "road" or "places" (towns, as points, named on the maps).
type BaseLayer struct {
	Kind     string
	Geometry orb.Geometry
	Name     string // a lake's, river's or town's name, or ""
	// Rank orders features by importance, 1 the first: a town's rank
	// (1 for 50,000 inhabitants or more … 6 for a village), a river's
	// or lake's scale rank plus one; 0 when the file gives none.
	Rank int
	Seat bool // a town that is a municipality's seat
}

// Credit is what a map layer's file says of its source, for the credit
// line under the maps: the text of its "attribution" member.
type Credit struct {
	File, Text string
}
