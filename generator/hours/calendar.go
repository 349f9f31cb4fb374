package hours

// The one calendar of the package. Opening hours name months, dates,
// weekdays and public holidays but never a year, so every part counts in
// a leap year's days (Feb 29 has a place) and in the 14 cells of a week:
// the parser to see whether two rules share a day, the evaluation to find
// what holds on each day, and the text and schema to name the periods.

import "slices"

// monthDays are the lengths of a leap year's months.
var monthDays = [12]int{31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}

const yearDays = 366

// dayOfYear returns the day of the year (0 = Jan 1) of a month (1–12) and
// day.
func dayOfYear(month, day int) int {
	n := 0
	for m := 0; m < month-1; m++ {
		n += monthDays[m]
	}
	return n + day - 1
}

// dateOf is the inverse of dayOfYear.
func dateOf(doy int) (month, day int) {
	for m := 0; m < 12; m++ {
		if doy < monthDays[m] {
			return m + 1, doy + 1
		}
		doy -= monthDays[m]
	}
	return 12, 31
}

// daySet is a set of days of the (leap) year.
type daySet [6]uint64

func (s *daySet) add(d int)      { s[d/64] |= 1 << (d % 64) }
func (s *daySet) has(d int) bool { return s[d/64]&(1<<(d%64)) != 0 }
func (s *daySet) addRange(a, b int) { // a..b inclusive, wrapping at the year's end
	if b < a {
		s.addRange(a, yearDays-1)
		s.addRange(0, b)
		return
	}
	for d := a; d <= b; d++ {
		s.add(d)
	}
}

// wholeYear holds every day of the year.
var wholeYear = func() (s daySet) { s.addRange(0, yearDays-1); return s }()

// meets reports whether s and o share a day.
func (s *daySet) meets(o daySet) bool {
	for i := range s {
		if s[i]&o[i] != 0 {
			return true
		}
	}
	return false
}

// clampDate moves a month and day into the calendar, for rules that were
// not made by the parser.
func clampDate(m, d int) (int, int) {
	m = min(max(m, 1), 12)
	return m, min(max(d, 1), monthDays[m-1])
}

// dates returns the days a rule applies on and whether it names any.
func dates(r Rule) (daySet, bool) {
	if len(r.Months) == 0 && len(r.Dates) == 0 {
		return wholeYear, false
	}
	var s daySet
	for _, m := range r.Months {
		if m >= 1 && m <= 12 {
			s.addRange(dayOfYear(m, 1), dayOfYear(m, monthDays[m-1]))
		}
	}
	for _, dr := range r.Dates {
		fm, fd := clampDate(dr.FromMonth, dr.FromDay)
		tm, td := clampDate(dr.ToMonth, dr.ToDay)
		s.addRange(dayOfYear(fm, fd), dayOfYear(tm, td))
	}
	return s, true
}

// week holds a value per cell: a cell per weekday (0–6, 0 = Monday) and
// per weekday that is a public holiday (7–13).
type week [14]int

// appliesOn reports whether r applies on a cell of the week: a rule with
// weekdays on those days and, with PH, on every holiday; a rule without
// weekdays on every day, or with PH on holidays only.
func appliesOn(r Rule, cell int) bool {
	day, holiday := cell%7, cell >= 7
	if len(r.Weekdays) == 0 {
		return !r.Holiday || holiday
	}
	return slices.Contains(r.Weekdays, day) || r.Holiday && holiday
}

// overlap reports whether a and b apply on some day of the same year.
func overlap(a, b Rule) bool {
	da, _ := dates(a)
	if db, _ := dates(b); !da.meets(db) {
		return false
	}
	for c := range len(week{}) {
		if appliesOn(a, c) && appliesOn(b, c) {
			return true
		}
	}
	return false
}

// appendCycle appends to xs the values from … to of a cycle of n values
// that begins at first (the weekdays 0–6, the months 1–12), wrapping after
// the last (Fr-Mo, Nov-Feb), less those xs holds already.
func appendCycle(xs []int, from, to, first, n int) []int {
	for x := from; ; x = first + (x-first+1)%n {
		if !slices.Contains(xs, x) {
			xs = append(xs, x)
		}
		if x == to {
			return xs
		}
	}
}

type dayRun struct{ from, to int }

// runs returns the runs of consecutive days in s; with wrap, a run that
// ends on Dec 31 and one that starts on Jan 1 are one run.
func runs(s daySet, wrap bool) []dayRun {
	var out []dayRun
	for d := 0; d < yearDays; d++ {
		if !s.has(d) {
			continue
		}
		if n := len(out); n > 0 && out[n-1].to == d-1 {
			out[n-1].to = d
			continue
		}
		out = append(out, dayRun{d, d})
	}
	if wrap && len(out) > 1 && out[0].from == 0 && out[len(out)-1].to == yearDays-1 {
		out[len(out)-1].to = out[0].to
		out = out[1:]
	}
	if len(out) == 0 {
		out = append(out, dayRun{0, 0})
	}
	return out
}
