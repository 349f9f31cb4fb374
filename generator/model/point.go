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

// BaseLayer is a map layer drawn under the municipalities and points:
// Kind is "land", "water" or "road".
type BaseLayer struct {
	Kind     string
	Geometry orb.Geometry
}
