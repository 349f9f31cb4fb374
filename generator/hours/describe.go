package hours

// What a point page says of opening hours, from the build's date on. The
// hours are evaluated (Intervals) for the coming weeks and cut into days;
// the regular week is the most common schedule of each weekday over the
// coming year, and a day whose schedule is not its weekday's regular one
// is an exception. The page shows the coming seven days as a table
// (exceptions marked), the regular week when those days are not it, and
// the exceptions of the coming HorizonDays as short lines: a public
// holiday by its name, weeks of other hours by their week numbers, a
// lone other day by its date. Only Intervals and Holidays are read, so
// this works on whatever the engine understands.

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// HorizonDays is how far ahead of the build's date a point page describes
// the hours (eight weeks): the exceptions listed, the data the page's
// script reads to say whether the place is open now.
const HorizonDays = 56

// regularDays is the span over which the regular week is found: a year,
// so that summer hours or a closed Christmas are not taken for the rule.
const regularDays = 364

// Opening is a time a place is open on one day, in minutes after the
// day's midnight (wall-clock time); To passes 24*60 when it runs past
// midnight into the next day.
type Opening struct {
	From, To int
	Unknown  bool   // open may be: "unknown", a comment alone, or an open end
	OpenEnd  bool   // the closing time is not given
	Comment  string // as written
}

// Schedule is a day's openings, in order; none is closed.
type Schedule []Opening

// key identifies a schedule for comparison.
func (s Schedule) key() string {
	if len(s) == 0 {
		return ""
	}
	var b []byte
	for _, o := range s {
		b = strconv.AppendInt(b, int64(o.From), 10)
		b = append(b, '-')
		b = strconv.AppendInt(b, int64(o.To), 10)
		switch {
		case o.OpenEnd:
			b = append(b, '+')
		case o.Unknown:
			b = append(b, '?')
		}
		b = strconv.AppendQuote(b, o.Comment)
	}
	return string(b)
}

// Day is one day of a Calendar.
type Day struct {
	Date      time.Time // midnight, in the Where's location
	Schedule  Schedule
	Holiday   *Holiday // the public holiday on the day, if any
	School    string   // the school holiday (Where.SchoolHolidays) the day is in, if any
	Exception bool     // the schedule is not the weekday's regular one
}

// weekday is 0 for Monday … 6 for Sunday.
func (d Day) weekday() int { return (int(d.Date.Weekday()) + 6) % 7 }

// Calendar is a value's hours from a date on: the days of the horizon
// and the regular week.
type Calendar struct {
	Days    []Day       // HorizonDays days from the build's date
	before  Schedule    // the openings of the day before the first, for its spill past midnight
	Regular [7]Schedule // Monday first
	// Varying: the hours change from week to week (sunrise, sunset, or
	// weeks that alternate more than they repeat); there is no regular
	// week and no exceptions, only the days.
	Varying bool
	// Empty: the place is never open (nor may be) in the horizon.
	Empty bool
}

// Calendar evaluates h from the day of today (its date in w's location)
// on. It returns nil when h is not Complete.
func (h Hours) Calendar(today time.Time, w Where) *Calendar {
	if !h.Complete {
		return nil
	}
	return newCalendar(func(from, to time.Time) []Interval { return h.Intervals(from, to, w) }, today, w)
}

// PositionFree reports whether h's intervals cannot depend on where the
// place is: its value names no variable time (sunrise, sunset, dawn,
// dusk; a comment that names one only costs the sharing). Points of such
// a value, evaluated from the same date, have the same Calendar.
func (h Hours) PositionFree() bool {
	raw := strings.ToLower(h.Raw)
	for _, v := range []string{"sunrise", "sunset", "dawn", "dusk"} {
		if strings.Contains(raw, v) {
			return false
		}
	}
	return true
}

// newCalendar makes the Calendar of the hours that intervals evaluates.
func newCalendar(intervals func(from, to time.Time) []Interval, today time.Time, w Where) *Calendar {
	loc := w.Loc
	if loc == nil {
		loc = stockholm()
	}
	t := today.In(loc)
	start := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, loc)
	// A day before, for what spills into the first day; a day after, for
	// the last day's spill.
	from := start.AddDate(0, 0, -1)
	days := daySchedules(intervals(from, start.AddDate(0, 0, regularDays+1)), from, regularDays+1, loc)
	holidays := holidaySet(start, regularDays, loc)
	startWeekday := (int(start.Weekday()) + 6) % 7
	c := &Calendar{before: days[0], Empty: true}
	days = days[1:]

	// The regular week: the most common schedule of each weekday on days
	// that are not public holidays; the first met of equals.
	type tally struct {
		s     Schedule
		n     int
		first int
	}
	var counts [7]map[string]*tally
	var total [7]int
	for i, s := range days {
		if holidays[i] != nil {
			continue
		}
		wd := (startWeekday + i) % 7
		if counts[wd] == nil {
			counts[wd] = map[string]*tally{}
		}
		k := s.key()
		if counts[wd][k] == nil {
			counts[wd][k] = &tally{s: s, first: i}
		}
		counts[wd][k].n++
		total[wd]++
	}
	for wd := range 7 {
		var best *tally
		for _, t := range counts[wd] {
			if best == nil || t.n > best.n || t.n == best.n && t.first < best.first {
				best = t
			}
		}
		if best == nil {
			continue
		}
		c.Regular[wd] = best.s
		if best.n*3 < total[wd] {
			c.Varying = true
		}
	}
	school := schoolDays(w.SchoolHolidays, loc) // day number → name, as Intervals reads SH
	for i := range HorizonDays {
		d := Day{Date: start.AddDate(0, 0, i), Schedule: days[i]}
		d.Holiday = holidays[i]
		y, m, dd := d.Date.Date()
		d.School = school[dayNum(y, m, dd)]
		// The reference gives a PH or SH rule's openings the holiday's
		// name as their comment; the day is named already.
		for k := range d.Schedule {
			if c := d.Schedule[k].Comment; d.Holiday != nil && c == d.Holiday.Name || d.School != "" && c == d.School {
				d.Schedule[k].Comment = ""
			}
		}
		d.Exception = !c.Varying && d.Schedule.key() != c.Regular[d.weekday()].key()
		if len(d.Schedule) > 0 {
			c.Empty = false
		}
		c.Days = append(c.Days, d)
	}
	return c
}

// daysBetween is the number of days from the date of a to that of b.
func daysBetween(a, b time.Time) int {
	ua := time.Date(a.Year(), a.Month(), a.Day(), 0, 0, 0, 0, time.UTC)
	ub := time.Date(b.Year(), b.Month(), b.Day(), 0, 0, 0, 0, time.UTC)
	return int(ub.Sub(ua).Hours()) / 24
}

// holidaySet holds the public holidays and the eves (Eves) of the n days
// from start, by the day's index: the days a page names when their hours
// differ from the regular week's.
func holidaySet(start time.Time, n int, loc *time.Location) map[int]*Holiday {
	out := map[int]*Holiday{}
	end := start.AddDate(0, 0, n)
	for y := start.Year(); y <= end.Year(); y++ {
		for _, hd := range slices.Concat(Holidays(y), Eves(y)) {
			if i := daysBetween(start, hd.Date.In(loc)); i >= 0 && i < n {
				out[i] = &hd
			}
		}
	}
	return out
}

// daySchedules cuts intervals into the schedules of the n days from
// start (a midnight in loc). An interval that begins during a day and
// ends during the next belongs to the day it begins on, as "22.00–02.00";
// others are cut at each midnight.
func daySchedules(ivs []Interval, start time.Time, n int, loc *time.Location) []Schedule {
	out := make([]Schedule, n)
	index := func(t time.Time) int { return daysBetween(start, t.In(loc)) }
	minute := func(t time.Time) int { t = t.In(loc); return t.Hour()*60 + t.Minute() }
	midnightAfter := func(t time.Time) time.Time {
		t = t.In(loc)
		return time.Date(t.Year(), t.Month(), t.Day()+1, 0, 0, 0, 0, loc)
	}
	add := func(i int, o Opening) {
		if i >= 0 && i < n {
			out[i] = append(out[i], o)
		}
	}
	for _, iv := range ivs {
		a := iv.From
		o := Opening{Unknown: iv.Unknown, OpenEnd: iv.OpenEnd, Comment: iv.Comment}
		first := true
		for a.Before(iv.To) {
			m := midnightAfter(a)
			o.From = minute(a)
			if !m.Before(iv.To) { // ends today
				o.To = minute(iv.To)
				if m.Equal(iv.To) {
					o.To = 24 * 60
				}
				add(index(a), o)
				break
			}
			if first && o.From > 0 && iv.To.Before(midnightAfter(m)) {
				// Into the next day and no further: one span.
				o.To = 24*60 + minute(iv.To)
				add(index(a), o)
				break
			}
			o.To = 24 * 60
			add(index(a), o)
			a, first = m, false
		}
	}
	return out
}

// Text is what a point page says of its hours in one language.
type Text struct {
	Days       []DayText // the coming seven days from the build's date
	Regular    []string  // the regular week, when those days are not it
	Exceptions []string  // the exceptions of the horizon
	Varying    bool      // the hours change from week to week (Calendar.Varying)
	Empty      bool      // never open in the horizon: show the value as written
	Script     Script    // what the page's script reads
}

// DayText is a row of the week's table.
type DayText struct {
	Day       string // "fredag 19 juni"
	Hours     string // "stängt (midsommarafton)"
	Exception bool
}

// Script is what hours.js reads, as data attributes: the openings of the
// horizon and the words to say when the place opens or closes.
type Script struct {
	Start    string // the first day, "2026-06-18"
	Days     int    // how many days from Start the openings cover (HorizonDays)
	Openings string // "d:from-to" in minutes after day d's midnight (d = -1 … HorizonDays-1), flags u (unknown) and o (open end), space-separated
	Weekdays string // Monday first, space-separated
	Months   string // January first, space-separated
	Sep      string // between hours and minutes
}

// Text describes c in lang ("sv" or "en"; other languages are Swedish).
func (c *Calendar) Text(lang string) *Text {
	w := words[lang]
	if w == nil {
		w = words["sv"]
	}
	t := &Text{Varying: c.Varying, Empty: c.Empty, Script: c.script(w)}
	if c.Empty {
		return t
	}
	ordinary := true
	for _, d := range c.Days[:7] {
		row := DayText{Day: w.day(d.Date), Hours: w.schedule(d.Schedule), Exception: d.Exception}
		switch {
		case d.Exception && d.Holiday != nil:
			row.Hours += " (" + w.holiday(d.Holiday) + ")"
		case d.Exception && d.School != "":
			row.Hours += " (" + d.School + ")"
		case d.Exception:
			row.Hours += " (" + w.special + ")"
			ordinary = false
		}
		t.Days = append(t.Days, row)
	}
	if c.Varying {
		return t
	}
	if !ordinary {
		t.Regular = w.week(c.Regular)
	}
	t.Exceptions = c.exceptions(w)
	return t
}

// exception is a line of the exceptions and the day it begins on.
type exception struct {
	first int
	line  string
}

// exceptions describes the exceptions of the horizon: each public holiday
// with other hours, then the weeks that share other hours (by week
// numbers) or a lone day of them (by date), in order of their first day.
func (c *Calendar) exceptions(w *lexicon) []string {
	var out []exception
	type week struct {
		index   int // weeks from the first day's week
		year    int // ISO year and week number
		number  int
		sig     [7]string // per weekday: "=" regular, "*" not in the horizon or a holiday, else "!" and the schedule's key
		days    [7]int    // the days of the horizon, by weekday (-1: none)
		first   int
		members []int // the weeks of a group, by index
	}
	var weeks []*week
	type named struct{ day, week int }
	var holidays []named // the holidays and eves with other hours
	for i, d := range c.Days {
		y, n := d.Date.ISOWeek()
		if len(weeks) == 0 || weeks[len(weeks)-1].year != y || weeks[len(weeks)-1].number != n {
			wk := &week{index: len(weeks), year: y, number: n, first: i}
			for k := range wk.sig {
				wk.sig[k], wk.days[k] = "*", -1
			}
			weeks = append(weeks, wk)
		}
		wk := weeks[len(weeks)-1]
		wd := d.weekday()
		wk.days[wd] = i
		if d.Exception && d.Holiday != nil {
			holidays = append(holidays, named{i, wk.index})
		}
		switch {
		case d.Holiday != nil:
		case d.Exception:
			wk.sig[wd] = "!" + d.Schedule.key()
		default:
			wk.sig[wd] = "="
		}
	}
	// Group the weeks whose other hours agree (a day not in the horizon
	// agrees with any).
	var groups []*week
	for _, wk := range weeks {
		if !slices.ContainsFunc(wk.sig[:], func(s string) bool { return strings.HasPrefix(s, "!") }) {
			continue // the regular week
		}
		joined := false
		for _, g := range groups {
			if agree(g.sig, wk.sig) {
				for k, s := range wk.sig {
					if g.sig[k] == "*" {
						g.sig[k], g.days[k] = s, wk.days[k]
					}
				}
				g.members = append(g.members, wk.index)
				joined = true
				break
			}
		}
		if !joined {
			g := *wk
			g.members = []int{wk.index}
			groups = append(groups, &g)
		}
	}
	// A holiday is named on a line of its own unless it has the hours
	// that its weekday has in the other weeks of its group (a
	// midsommarafton in weeks of summer hours, with those hours).
	for _, h := range holidays {
		d := c.Days[h.day]
		covered := false
		for _, g := range groups {
			if slices.Contains(g.members, h.week) {
				covered = g.sig[d.weekday()] == "!"+d.Schedule.key()
			}
		}
		if !covered {
			out = append(out, exception{h.day, capitalize(w.holiday(d.Holiday)) + ", " + w.day(d.Date) + ": " + w.schedule(d.Schedule)})
		}
	}
	for _, g := range groups {
		var other []int // the weekdays with other hours
		for k, s := range g.sig {
			if s != "=" && s != "*" {
				other = append(other, k)
			}
		}
		if len(other) == 0 {
			continue
		}
		// A group whose other days are all in one school holiday is
		// named after it: "Jullov, veckorna 52–1 (…)".
		school := c.Days[g.days[other[0]]].School
		for _, k := range other {
			if c.Days[g.days[k]].School != school {
				school = ""
			}
		}
		named := func(label string) string {
			if school == "" {
				return capitalize(label)
			}
			r, n := utf8.DecodeRuneInString(label)
			return capitalize(school) + ", " + string(unicode.ToLower(r)) + label[n:]
		}
		if len(g.members) == 1 && len(other) < 3 {
			for _, k := range other {
				d := c.Days[g.days[k]]
				out = append(out, exception{g.days[k], named(w.day(d.Date)) + ": " + w.schedule(d.Schedule)})
			}
			continue
		}
		// The weekdays by their schedule, in order of the first.
		var parts []string
		var done []int
		for _, k := range other {
			if slices.Contains(done, k) {
				continue
			}
			same := []int{k}
			for _, k2 := range other {
				if k2 > k && g.sig[k2] == g.sig[k] {
					same = append(same, k2)
				}
			}
			done = append(done, same...)
			parts = append(parts, w.weekdays(same)+" "+w.schedule(c.Days[g.days[k]].Schedule))
		}
		out = append(out, exception{g.first, named(w.weeksLabel(g.members, c)) + ": " + strings.Join(parts, "; ")})
	}
	slices.SortStableFunc(out, func(a, b exception) int { return a.first - b.first })
	lines := make([]string, len(out))
	for i, e := range out {
		lines[i] = e.line
	}
	return lines
}

// agree reports whether two weeks' signatures agree on every weekday
// both have.
func agree(a, b [7]string) bool {
	for k := range a {
		if a[k] != "*" && b[k] != "*" && a[k] != b[k] {
			return false
		}
	}
	return true
}

func capitalize(s string) string {
	for i, r := range s {
		return strings.ToUpper(string(r)) + s[i+len(string(r)):]
	}
	return s
}

// script is the data of the page's script: the openings of the day before
// the first and of the horizon.
func (c *Calendar) script(w *lexicon) Script {
	var b strings.Builder
	put := func(d int, s Schedule) {
		for _, o := range s {
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			fmt.Fprintf(&b, "%d:%d-%d", d, o.From, o.To)
			if o.Unknown {
				b.WriteByte('u')
			}
			if o.OpenEnd {
				b.WriteByte('o')
			}
		}
	}
	put(-1, c.before)
	for i, d := range c.Days {
		put(i, d.Schedule)
	}
	start := ""
	if len(c.Days) > 0 {
		start = c.Days[0].Date.Format(time.DateOnly)
	}
	return Script{Start: start, Days: len(c.Days), Openings: b.String(), Weekdays: strings.Join(w.days, " "),
		Months: strings.Join(w.months, " "), Sep: w.sep}
}

// clock formats minutes after midnight as 08.00 or 08:00; times past
// midnight wrap (26:00 is 02.00), and the end of the day is 24.00.
func clock(m int, sep string) string {
	if m > 24*60 {
		m = (m-1)%(24*60) + 1
	}
	return hhmm(m, sep)
}

// hhmm formats minutes as hours and minutes without wrapping: 48*60 is
// 48:00, as the parser's messages quote a span.
func hhmm(m int, sep string) string { return fmt.Sprintf("%02d%s%02d", m/60, sep, m%60) }

// join lists items as "a", "a och b", "a, b och c".
func join(items []string, and string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " " + and + " " + items[len(items)-1]
}

// lexicon holds the words of one language.
type lexicon struct {
	lang                string
	days                []string
	months              []string
	sep                 string // between hours and minutes
	and                 string
	closed              string
	allDay              string // open all day, after a day's name
	always              string // open all day, every day
	everyDay            string
	from                string // an open end: "från 18.00"
	uncertain           string // a time that is not certain, without a comment
	unknown             string // a day whose hours are not known, without a comment
	special             string // a day of other hours than its weekday's
	weekWord, weeksWord string
	quote, unquote      string
}

// words are the lexicons by language ("sv" or "en").
var words = map[string]*lexicon{"sv": newLexicon(0), "en": newLexicon(1)}

// newLexicon returns the words of Swedish (0) or English (1). Each phrase
// stands beside its translation, so that the two change together.
func newLexicon(i int) *lexicon {
	return &lexicon{
		lang: [2]string{"sv", "en"}[i],
		days: [2][]string{
			{"måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"},
			{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}}[i],
		months: [2][]string{
			{"januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"},
			{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}}[i],
		sep:       [2]string{".", ":"}[i],
		and:       [2]string{"och", "and"}[i],
		closed:    [2]string{"stängt", "closed"}[i],
		allDay:    [2]string{"öppet hela dygnet", "open 24 hours"}[i],
		always:    [2]string{"öppet dygnet runt", "open 24 hours, every day"}[i],
		everyDay:  [2]string{"alla dagar", "every day"}[i],
		from:      [2]string{"från", "from"}[i],
		uncertain: [2]string{"inte bekräftat", "not confirmed"}[i],
		unknown:   [2]string{"tiderna är inte kända", "hours not known"}[i],
		special:   [2]string{"avvikande", "special hours"}[i],
		weekWord:  [2]string{"Vecka", "Week"}[i],
		weeksWord: [2]string{"Veckorna", "Weeks"}[i],
		quote:     [2]string{"”", "“"}[i],
		unquote:   [2]string{"”", "”"}[i],
	}
}

// date writes a date as "19 juni" or "19 June".
func (w *lexicon) date(t time.Time) string {
	return strconv.Itoa(t.Day()) + " " + w.months[t.Month()-1]
}

// dates writes a range of dates: "6–26 juli", "29 juni–5 juli".
func (w *lexicon) dates(from, to time.Time) string {
	if from.Month() == to.Month() {
		return strconv.Itoa(from.Day()) + "–" + w.date(to)
	}
	return w.date(from) + "–" + w.date(to)
}

// day writes a date with its weekday: "fredag 19 juni", "Friday 19 June".
func (w *lexicon) day(t time.Time) string {
	return w.days[(int(t.Weekday())+6)%7] + " " + w.date(t)
}

// holiday is a public holiday's name in the language.
func (w *lexicon) holiday(h *Holiday) string {
	if w.lang == "en" && h.NameEn != "" {
		return h.NameEn
	}
	return h.Name
}

// quoted is a comment as written, in quotation marks.
func (w *lexicon) quoted(s string) string { return w.quote + s + w.unquote }

// schedule describes a day's openings: "stängt", "08.00–12.00 och
// 13.00–16.30", "från 18.00", "10.00–14.00 ”med bokning”", "öppet hela
// dygnet".
func (w *lexicon) schedule(s Schedule) string {
	if len(s) == 0 {
		return w.closed
	}
	if len(s) == 1 && s[0].From == 0 && s[0].To == 24*60 && !s[0].OpenEnd {
		o := s[0]
		switch {
		case o.Unknown && o.Comment != "":
			return w.quoted(o.Comment)
		case o.Unknown:
			return w.unknown
		case o.Comment != "":
			return w.allDay + " " + w.quoted(o.Comment)
		}
		return w.allDay
	}
	parts := make([]string, len(s))
	for i, o := range s {
		if o.OpenEnd {
			parts[i] = w.from + " " + clock(o.From, w.sep)
		} else {
			parts[i] = clock(o.From, w.sep) + "–" + clock(o.To, w.sep)
		}
		switch {
		case o.Comment != "":
			parts[i] += " " + w.quoted(o.Comment)
		case o.Unknown && !o.OpenEnd:
			parts[i] += " (" + w.uncertain + ")"
		}
	}
	return join(parts, w.and)
}

// weekdays names days (0 = Monday, in order): runs of two or more as
// "måndag–fredag", the rest listed.
func (w *lexicon) weekdays(days []int) string {
	var parts []string
	for i := 0; i < len(days); {
		j := i
		for j+1 < len(days) && days[j+1] == days[j]+1 {
			j++
		}
		if j > i {
			parts = append(parts, w.days[days[i]]+"–"+w.days[days[j]])
		} else {
			parts = append(parts, w.days[days[i]])
		}
		i = j + 1
	}
	return join(parts, w.and)
}

// week describes a regular week: the weekdays of each schedule, in the
// order of the first, closed last: "måndag–fredag 10.00–18.00",
// "lördag 10.00–14.00", "söndag stängt"; "alla dagar 10.00–18.00" or
// "öppet dygnet runt" when every day is alike.
func (w *lexicon) week(reg [7]Schedule) []string {
	type set struct {
		s    Schedule
		days []int
	}
	var sets []set
	for d, s := range reg {
		if i := slices.IndexFunc(sets, func(x set) bool { return x.s.key() == s.key() }); i >= 0 {
			sets[i].days = append(sets[i].days, d)
		} else {
			sets = append(sets, set{s, []int{d}})
		}
	}
	slices.SortStableFunc(sets, func(a, b set) int {
		ca, cb := len(a.s) == 0, len(b.s) == 0
		switch {
		case ca && !cb:
			return 1
		case cb && !ca:
			return -1
		}
		return 0
	})
	if len(sets) == 1 {
		text := w.schedule(sets[0].s)
		switch text {
		case w.allDay:
			return []string{w.always}
		case w.closed:
			return []string{w.closed}
		}
		return []string{w.everyDay + " " + text}
	}
	lines := make([]string, len(sets))
	for i, s := range sets {
		lines[i] = w.weekdays(s.days) + " " + w.schedule(s.s)
	}
	return lines
}

// weeksLabel names a group of weeks: "Vecka 27–32 (29 juni–9 augusti)",
// "Veckorna 26, 28 och 30", "Week 27".
func (w *lexicon) weeksLabel(members []int, c *Calendar) string {
	// The ISO week number and the first and last day of the horizon of
	// each member.
	type span struct{ from, to, fromDay, toDay int }
	numbers := map[int]int{}
	firstDay, lastDay := map[int]int{}, map[int]int{}
	idx, prev := -1, [2]int{}
	for i, d := range c.Days {
		y, n := d.Date.ISOWeek()
		if idx < 0 || prev != [2]int{y, n} {
			idx++
			prev = [2]int{y, n}
			numbers[idx] = n
			firstDay[idx] = i
		}
		lastDay[idx] = i
	}
	var runs []span
	for _, m := range members {
		if k := len(runs); k > 0 && runs[k-1].to == m-1 {
			runs[k-1].to, runs[k-1].toDay = m, lastDay[m]
			continue
		}
		runs = append(runs, span{m, m, firstDay[m], lastDay[m]})
	}
	parts := make([]string, len(runs))
	for i, r := range runs {
		parts[i] = strconv.Itoa(numbers[r.from])
		if r.to > r.from {
			parts[i] += "–" + strconv.Itoa(numbers[r.to])
		}
	}
	label := w.weekWord
	if len(members) > 1 {
		label = w.weeksWord
	}
	label += " " + join(parts, w.and)
	if len(runs) == 1 {
		from, to := c.Days[runs[0].fromDay].Date, c.Days[runs[0].toDay].Date
		label += " (" + w.dates(from, to) + ")"
	}
	return label
}
