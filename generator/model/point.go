package model

import "github.com/paulmach/orb"

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
	Hours        OpeningHours
	File         string // the GeoJSON file
	Feature      int    // its index in the file's features
	Line, Col    int    // where the feature starts in File
}

// OpeningHours are a point's opening hours: the OpenStreetMap
// opening_hours value as written and what guidemap understood of it.
type OpeningHours struct {
	Raw      string
	Rules    []HoursRule
	Complete bool // every part of Raw was understood; if not, show Raw as written
}

// HoursRule is one rule of opening hours: on these days (and dates), these
// times, or closed.
type HoursRule struct {
	Weekdays []int       // 0 = Monday … 6 = Sunday; empty means every day
	Months   []int       // 1–12; empty means all year
	Dates    []DateRange // specific date ranges, if any
	Holiday  bool        // applies on public holidays (PH)
	Times    []TimeSpan  // empty with Closed false means open all day
	Closed   bool
	Comment  string
}

// TimeSpan is an opening time span in minutes after midnight; To may pass
// 24*60 for spans that end after midnight.
type TimeSpan struct{ From, To int }

// DateRange is a range of dates within a year (month and day).
type DateRange struct{ FromMonth, FromDay, ToMonth, ToDay int }

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
