// Package hours owns opening hours: the value a point's OpenStreetMap
// opening_hours tag is read into (Hours), the parser that reads it as
// opening_hours.js (the reference implementation) does and explains what
// it does not understand (Parse), the evaluation of a value into the
// intervals a place is open (Hours.Intervals), Sweden's public holidays
// (Holidays), and what the site shows of it from the build's date on
// (Hours.Calendar): the coming days and the exceptions in Swedish or
// English (Calendar.Text) and schema.org OpeningHoursSpecification
// objects for JSON-LD (Calendar.Schema).
//
// The files split the work: lex.go and parse.go read the syntax into a
// program (program.go); intervals.go evaluates it on real days, with
// holidays.go and sun.go; describe.go and schema.go write it out from the
// intervals alone (Intervals, Holidays).
package hours

// Hours are a point's opening hours: the OpenStreetMap opening_hours value
// as written and what guidemap understood of it. The zero value is no
// hours.
type Hours struct {
	Raw      string
	Complete bool // every part of Raw was understood; if not, show Raw as written
	prog     *program
}

// Empty reports whether h holds no understood hours.
func (h Hours) Empty() bool { return !h.Complete || h.prog == nil }

// UsesSH reports whether h says anything of school holidays (SH): its
// meaning then depends on the school holidays Where gives.
func (h Hours) UsesSH() bool { return !h.Empty() && h.prog.hasSH }
