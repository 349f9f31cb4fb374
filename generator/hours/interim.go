package hours

// INTERIM: a stand-in for the engine's API (intervals.go on the
// hoursengine branch), so that the presentation (describe.go, schema.go,
// render) can be written against it meanwhile. The merge deletes this
// file; nothing else may live here. It evaluates today's Rule model:
// weekdays, months, date ranges, PH, times, closed and comments; the last
// matching rule wins a day; spans past midnight spill into the next day.

import (
	"slices"
	"time"
)

// Where says where, and with which school holidays, hours are evaluated.
type Where struct {
	Lat, Lon       float64        // the point's position (sunrise, sunset)
	Loc            *time.Location // nil: Europe/Stockholm
	SchoolHolidays []Period       // the site's school holidays, for SH
}

// Period is a span of whole days, From and To inclusive (dates in Loc).
type Period struct {
	From, To time.Time
	Name     string
}

// Interval is a time the place is open, or may be (Unknown).
type Interval struct {
	From, To time.Time
	Unknown  bool   // "unknown" modifier, a comment-only rule, or open end
	OpenEnd  bool   // "+": the closing time is not given (To is a guess)
	Comment  string // the rule's comment, if any
}

// Holiday is a public holiday (PH) in Sweden.
type Holiday struct {
	Date   time.Time // midnight in Europe/Stockholm
	Name   string    // Swedish
	NameEn string
}

var stockholm = func() *time.Location {
	loc, err := time.LoadLocation("Europe/Stockholm")
	if err != nil {
		return time.FixedZone("CET", 3600)
	}
	return loc
}()

// Intervals returns the open (and unknown) intervals in [from, to), in
// order, not overlapping, as opening_hours.js's getOpenIntervals gives
// them. It returns nil when h is not Complete.
func (h Hours) Intervals(from, to time.Time, w Where) []Interval {
	if !h.Complete || len(h.Rules) == 0 || !to.After(from) {
		return nil
	}
	loc := w.Loc
	if loc == nil {
		loc = stockholm
	}
	type piece struct {
		from, to time.Time
		unknown  bool
		comment  string
	}
	var ps []piece
	sets := make([]daySet, len(h.Rules))
	for i, r := range h.Rules {
		sets[i], _ = dates(r)
	}
	f := from.In(loc)
	day := time.Date(f.Year(), f.Month(), f.Day()-1, 0, 0, 0, 0, loc)
	holidays := map[time.Time]bool{}
	for ; day.Before(to); day = day.AddDate(0, 0, 1) {
		if _, ok := holidays[time.Date(day.Year(), 1, 1, 0, 0, 0, 0, time.UTC)]; !ok {
			holidays[time.Date(day.Year(), 1, 1, 0, 0, 0, 0, time.UTC)] = true
			for _, hd := range Holidays(day.Year()) {
				holidays[time.Date(hd.Date.Year(), hd.Date.Month(), hd.Date.Day(), 0, 0, 0, 0, time.UTC)] = true
			}
		}
		cell := (int(day.Weekday()) + 6) % 7
		if holidays[time.Date(day.Year(), day.Month(), day.Day(), 0, 0, 0, 0, time.UTC)] {
			cell += 7
		}
		doy := dayOfYear(int(day.Month()), day.Day())
		var win *Rule
		for i := range h.Rules {
			r := &h.Rules[i]
			if sets[i].has(doy) && appliesOn(*r, cell) {
				win = r
			}
		}
		if win == nil || win.Closed {
			continue
		}
		st := ruleState(*win)
		spans := st.times
		if len(spans) == 0 {
			spans = []Span{allDay}
		}
		for _, s := range spans {
			at := func(m int) time.Time {
				return time.Date(day.Year(), day.Month(), day.Day(), m/60, m%60, 0, 0, loc)
			}
			ps = append(ps, piece{at(s.From), at(s.To), st.unknown, st.comment})
		}
	}
	slices.SortStableFunc(ps, func(a, b piece) int { return a.from.Compare(b.from) })
	var out []Interval
	for _, p := range ps {
		a, b := p.from, p.to
		if a.Before(from) {
			a = from
		}
		if b.After(to) {
			b = to
		}
		if !b.After(a) {
			continue
		}
		if n := len(out); n > 0 {
			last := &out[n-1]
			if !a.After(last.To) && last.Unknown == p.unknown && last.Comment == p.comment {
				if b.After(last.To) {
					last.To = b
				}
				continue
			}
			if a.Before(last.To) {
				a = last.To
				if !b.After(a) {
					continue
				}
			}
		}
		out = append(out, Interval{From: a, To: b, Unknown: p.unknown, Comment: p.comment})
	}
	return out
}

// Holidays returns Sweden's public holidays in year, in date order.
func Holidays(year int) []Holiday {
	d := func(m time.Month, day int) time.Time { return time.Date(year, m, day, 0, 0, 0, 0, stockholm) }
	easter := easterSunday(year, d)
	// The Saturday from June 20 and from October 31.
	saturday := func(t time.Time) time.Time { return t.AddDate(0, 0, (6-int(t.Weekday())+7)%7) }
	midsummer := saturday(d(time.June, 20))
	hs := []Holiday{
		{d(time.January, 1), "nyårsdagen", "New Year's Day"},
		{d(time.January, 6), "trettondedag jul", "Epiphany"},
		{easter.AddDate(0, 0, -2), "långfredagen", "Good Friday"},
		{easter, "påskdagen", "Easter Sunday"},
		{easter.AddDate(0, 0, 1), "annandag påsk", "Easter Monday"},
		{d(time.May, 1), "första maj", "May Day"},
		{easter.AddDate(0, 0, 39), "Kristi himmelsfärdsdag", "Ascension Day"},
		{easter.AddDate(0, 0, 49), "pingstdagen", "Whit Sunday"},
		{d(time.June, 6), "nationaldagen", "National Day"},
		{midsummer.AddDate(0, 0, -1), "midsommarafton", "Midsummer Eve"},
		{midsummer, "midsommardagen", "Midsummer Day"},
		{saturday(d(time.October, 31)), "alla helgons dag", "All Saints' Day"},
		{d(time.December, 24), "julafton", "Christmas Eve"},
		{d(time.December, 25), "juldagen", "Christmas Day"},
		{d(time.December, 26), "annandag jul", "Boxing Day"},
		{d(time.December, 31), "nyårsafton", "New Year's Eve"},
	}
	slices.SortStableFunc(hs, func(a, b Holiday) int { return a.Date.Compare(b.Date) })
	return hs
}

// easterSunday is Easter Sunday of year (the anonymous Gregorian
// algorithm).
func easterSunday(year int, d func(time.Month, int) time.Time) time.Time {
	a, b, c := year%19, year/100, year%100
	dd, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - dd - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return d(time.Month(month), day)
}
