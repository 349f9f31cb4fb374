// Package hours owns opening hours: the value a point's OpenStreetMap
// opening_hours tag is read into (Hours), the parser that reads it and
// explains what it does not understand (Parse), and what the site shows
// of it from the build's date on (Hours.Calendar): the coming days and
// the exceptions in Swedish or English (Calendar.Text) and schema.org
// OpeningHoursSpecification objects for JSON-LD (Calendar.Schema).
//
// The files split the work: lex.go and parse.go read the syntax,
// calendar.go holds the one leap-year calendar every part counts days in,
// evaluate.go works out what holds on each day, describe.go and schema.go
// write it out from the intervals alone (Intervals, Holidays).
package hours

// Hours are a point's opening hours: the OpenStreetMap opening_hours value
// as written and what guidemap understood of it. The zero value is no
// hours. Rules are kept as written (OpenStreetMap semantics: a later rule
// replaces the earlier ones on the days it names).
type Hours struct {
	Raw      string
	Rules    []Rule
	Complete bool // every part of Raw was understood; if not, show Raw as written
}

// Rule is one rule of opening hours: on these days (and dates), these
// times, or closed. A rule with a comment, no times and Closed false does
// not say whether the place is open (OpenStreetMap's "unknown" with a
// comment, as in Sa "efter överenskommelse"); the comment is shown
// instead of hours. A rule that is open all day and has a comment lists
// the span 00:00–24:00.
type Rule struct {
	Weekdays []int       // 0 = Monday … 6 = Sunday; empty means every day
	Months   []int       // 1–12; empty means all year
	Dates    []DateRange // specific date ranges, if any
	Holiday  bool        // applies on public holidays (PH)
	Times    []Span      // empty with Closed false means open all day
	Closed   bool
	Comment  string
}

// Span is an opening time span in minutes after midnight; To may pass
// 24*60 for spans that end after midnight.
type Span struct{ From, To int }

// DateRange is a range of dates within a year (month and day); it wraps
// at the year's end when it ends before it begins (Dec 24-Jan 6).
type DateRange struct{ FromMonth, FromDay, ToMonth, ToDay int }

// allDay is the span of a whole day.
var allDay = Span{From: 0, To: 24 * 60}
