package model

// Opening hours are kept as the rules that were written (OpenStreetMap
// semantics: a later rule replaces the earlier ones on the days it names).
// Text and Schema do not render the rules one by one, which would show
// hours that a later rule overrides; they evaluate the rules on every day
// of a leap year, for each weekday, on ordinary days and on public
// holidays, and then describe the periods of the year that share one
// weekly schedule. The year is cut only where a rule's dates begin or end,
// so the work is small for the values public services use.

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// A rule with a comment, no times and Closed false does not say whether
// the place is open (OpenStreetMap's "unknown" with a comment, as in
// Sa "efter överenskommelse"); the comment is shown instead of hours. A
// rule that is open all day and has a comment lists the span 00:00–24:00.

// Text describes the opening hours as lines of plain text in lang ("sv" or
// "en"), e.g. "måndag–fredag 08.00–16.30", "lördag 10.00–14.00", "söndag
// stängt", "helgdagar stängt". The regular hours come first; a period of
// the year with other hours follows as one line that names the days that
// differ, as "juni–augusti: måndag–fredag 08.00–15.00" or "juli: stängt".
// It returns nil when h is not Complete or has no rules: show h.Raw as
// written instead.
func (h OpeningHours) Text(lang string) []string {
	if !h.Complete || len(h.Rules) == 0 {
		return nil
	}
	w := words[lang]
	if w == nil {
		w = words["sv"]
	}
	ev := evaluate(h.Rules)
	var base *group
	for i := range ev.groups {
		if ev.groups[i].base {
			base = &ev.groups[i]
		}
	}
	var lines []string
	closedRest := false
	for _, g := range ev.ordered() {
		switch {
		case g.whole():
			lines = append(lines, ev.weekParts(g, w)...)
		case g.base:
			// The rest of the year: the regular hours, or closed.
			if ev.allClosed(g) {
				closedRest = true
				continue
			}
			lines = append(lines, ev.weekParts(g, w)...)
		default:
			parts := ev.weekParts(g, w)
			if base != nil && len(parts) > 1 {
				if d := ev.diffParts(g, *base, w); d != nil {
					parts = d
				}
			}
			lines = append(lines, describeDays(g.days, w)+": "+strings.Join(parts, "; "))
		}
	}
	if closedRest {
		lines = append(lines, w.closedRest)
	}
	return lines
}

// Schema returns the opening hours as schema.org OpeningHoursSpecification
// objects, ready to be encoded as JSON-LD: dayOfWeek as
// "https://schema.org/Monday" …, opens and closes as "08:00", closed days
// as opens = closes = "00:00", days open around the clock as 00:00–23:59,
// and validFrom/validThrough ("--06-15") for the periods of the year with
// other hours than the rest of the year (the regular hours, which have
// none). Days whose hours are only a comment are left out. It
// returns nil when h is not Complete or has no rules.
func (h OpeningHours) Schema() []map[string]any {
	if !h.Complete || len(h.Rules) == 0 {
		return nil
	}
	ev := evaluate(h.Rules)
	var out []map[string]any
	for _, g := range ev.ordered() {
		var specs []map[string]any
		for _, set := range ev.daySets(g.week[:7], nil) {
			var days []string
			for _, d := range set.days {
				days = append(days, "https://schema.org/"+dayNames["en"][d])
			}
			specs = append(specs, stateSpecs(ev.states[set.state], days)...)
		}
		if st, ok := holidayState(g); ok {
			specs = append(specs, stateSpecs(ev.states[st], []string{"https://schema.org/PublicHolidays"})...)
		}
		// The hours of the rest of the year are the regular hours; the
		// other periods are special hours with their dates, which
		// consumers apply over the regular ones.
		if g.whole() || g.base {
			out = append(out, specs...)
			continue
		}
		for _, r := range runs(g.days, false) {
			for _, s := range specs {
				c := make(map[string]any, len(s)+2)
				for k, v := range s {
					c[k] = v
				}
				fm, fd := dateOf(r.from)
				tm, td := dateOf(r.to)
				c["validFrom"] = fmt.Sprintf("--%02d-%02d", fm, fd)
				c["validThrough"] = fmt.Sprintf("--%02d-%02d", tm, td)
				out = append(out, c)
			}
		}
	}
	return out
}

func stateSpecs(s hstate, days []string) []map[string]any {
	spec := func(opens, closes string) map[string]any {
		return map[string]any{
			"@type":     "OpeningHoursSpecification",
			"dayOfWeek": days,
			"opens":     opens,
			"closes":    closes,
		}
	}
	switch {
	case s.unknown:
		return nil
	case s.closed:
		return []map[string]any{spec("00:00", "00:00")}
	case s.allDay():
		return []map[string]any{spec("00:00", "23:59")}
	}
	var out []map[string]any
	for _, t := range s.times {
		closes := clock(t.To%(24*60), ":")
		if t.To%(24*60) == 0 {
			closes = "23:59" // the end of the day
		}
		out = append(out, spec(clock(t.From, ":"), closes))
	}
	return out
}

// hstate is what a day's cell holds: closed, a comment only, or open at
// these times (none: all day), with an optional comment.
type hstate struct {
	closed  bool
	unknown bool
	times   []TimeSpan
	comment string
}

func (s hstate) allDay() bool {
	return !s.closed && !s.unknown && (len(s.times) == 0 || len(s.times) == 1 && s.times[0] == TimeSpan{0, 24 * 60})
}

func (s hstate) key() string {
	switch {
	case s.closed:
		return "c|" + s.comment
	case s.unknown:
		return "u|" + s.comment
	case s.allDay():
		return "a|" + s.comment
	}
	var b strings.Builder
	b.WriteString("t|")
	for _, t := range s.times {
		fmt.Fprintf(&b, "%d-%d,", t.From, t.To)
	}
	return b.String() + "|" + s.comment
}

func ruleState(r HoursRule) hstate {
	switch {
	case r.Closed:
		return hstate{closed: true, comment: r.Comment}
	case len(r.Times) == 0 && r.Comment != "":
		return hstate{unknown: true, comment: r.Comment}
	}
	return hstate{times: r.Times, comment: r.Comment}
}

// The calendar is a leap year's, so that Feb 29 has a place.
var monthDays = [12]int{31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}

const yearDays = 366

func dayOfYear(month, day int) int {
	n := 0
	for m := 0; m < month-1; m++ {
		n += monthDays[m]
	}
	return n + day - 1
}

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

func clampDate(m, d int) (int, int) {
	m = min(max(m, 1), 12)
	return m, min(max(d, 1), monthDays[m-1])
}

// dates returns the days a rule applies on and whether it names any.
func dates(r HoursRule) (daySet, bool) {
	var s daySet
	if len(r.Months) == 0 && len(r.Dates) == 0 {
		s.addRange(0, yearDays-1)
		return s, false
	}
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

// matches reports whether r applies on weekday w (0 = Monday), on a
// public holiday or not.
func matches(r HoursRule, w int, holiday bool) bool {
	if len(r.Weekdays) == 0 {
		return !r.Holiday || holiday
	}
	return slices.Contains(r.Weekdays, w) || r.Holiday && holiday
}

// week holds a state index per weekday (0–6) and per weekday that is a
// public holiday (7–13).
type week [14]int

type group struct {
	week week
	days daySet
	base bool // holds the days that no rule with dates applies on
}

func (g group) whole() bool {
	for d := 0; d < yearDays; d++ {
		if !g.days.has(d) {
			return false
		}
	}
	return true
}

type evaluation struct {
	states []hstate
	groups []group
}

func evaluate(rules []HoursRule) *evaluation {
	// State 0 is closed: where no rule applies.
	ev := &evaluation{states: []hstate{{closed: true}}}
	index := map[string]int{hstate{closed: true}.key(): 0}
	stateOf := make([]int, len(rules))
	sets := make([]daySet, len(rules))
	dated := make([]bool, len(rules))
	for i, r := range rules {
		st := ruleState(r)
		k := st.key()
		j, ok := index[k]
		if !ok {
			j = len(ev.states)
			index[k] = j
			ev.states = append(ev.states, st)
		}
		stateOf[i] = j
		sets[i], dated[i] = dates(r)
	}
	weekOn := func(d int) week {
		var wk week
		for i, r := range rules {
			if !sets[i].has(d) {
				continue
			}
			for c := range wk {
				if matches(r, c%7, c >= 7) {
					wk[c] = stateOf[i]
				}
			}
		}
		return wk
	}
	// The year changes only where some rule's dates begin or end.
	byWeek := map[week]int{}
	var cur week
	for d := 0; d < yearDays; d++ {
		changed := d == 0
		for i := range rules {
			if dated[i] && d > 0 && sets[i].has(d) != sets[i].has(d-1) {
				changed = true
				break
			}
		}
		if changed {
			cur = weekOn(d)
		}
		gi, ok := byWeek[cur]
		if !ok {
			gi = len(ev.groups)
			byWeek[cur] = gi
			ev.groups = append(ev.groups, group{week: cur})
		}
		ev.groups[gi].days.add(d)
		untouched := true
		for i := range rules {
			if dated[i] && sets[i].has(d) {
				untouched = false
				break
			}
		}
		if untouched {
			ev.groups[gi].base = true
		}
	}
	return ev
}

// ordered returns the groups: the base period first, then the others by
// the first day they begin on.
func (ev *evaluation) ordered() []group {
	gs := slices.Clone(ev.groups)
	start := func(g group) int {
		rs := runs(g.days, true)
		return rs[0].from
	}
	slices.SortStableFunc(gs, func(a, b group) int {
		if a.base != b.base {
			if a.base {
				return -1
			}
			return 1
		}
		return start(a) - start(b)
	})
	return gs
}

func (ev *evaluation) allClosed(g group) bool {
	for _, s := range g.week {
		if !ev.states[s].closed {
			return false
		}
	}
	return true
}

type daySetOfState struct {
	state int
	days  []int
}

// daySets groups the weekdays (0 = Monday) of wk by state, in the order of
// the first day of each, with closed days last; only the days for which
// keep is true count.
func (ev *evaluation) daySets(wk []int, keep func(d int) bool) []daySetOfState {
	var out []daySetOfState
	for d, s := range wk {
		if keep != nil && !keep(d) {
			continue
		}
		found := false
		for i := range out {
			if out[i].state == s {
				out[i].days = append(out[i].days, d)
				found = true
				break
			}
		}
		if !found {
			out = append(out, daySetOfState{s, []int{d}})
		}
	}
	slices.SortStableFunc(out, func(a, b daySetOfState) int {
		ca, cb := ev.states[a.state].closed, ev.states[b.state].closed
		switch {
		case ca && !cb:
			return 1
		case cb && !ca:
			return -1
		}
		return 0
	})
	return out
}

// holidaysDiffer reports whether public holidays have other hours than
// the ordinary days of the same weekday.
func holidaysDiffer(g group) bool {
	for d := 0; d < 7; d++ {
		if g.week[d] != g.week[7+d] {
			return true
		}
	}
	return false
}

// holidayState returns the state of public holidays when it differs from
// the ordinary days' and is the same whatever the weekday.
func holidayState(g group) (int, bool) {
	for d := 1; d < 7; d++ {
		if g.week[7+d] != g.week[7] {
			return 0, false
		}
	}
	return g.week[7], holidaysDiffer(g)
}

// weekParts describes a group's week: one part per state, plus public
// holidays when they differ.
func (ev *evaluation) weekParts(g group, w *lexicon) []string {
	var parts []string
	sets := ev.daySets(g.week[:7], nil)
	if len(sets) == 1 {
		s := ev.states[sets[0].state]
		switch {
		case s.closed && s.comment == "":
			parts = append(parts, w.closed)
		case s.unknown:
			parts = append(parts, s.comment)
		case s.allDay() && s.comment == "":
			parts = append(parts, w.always)
		default:
			parts = append(parts, w.everyDay+" "+describeState(s, w))
		}
	} else {
		parts = ev.describeSets(sets, w)
	}
	if h := ev.holidayPart(g, w); h != "" {
		parts = append(parts, h)
	}
	return parts
}

// diffParts describes only the weekdays on which g differs from base, or
// returns nil when holidays differ too.
func (ev *evaluation) diffParts(g, base group, w *lexicon) []string {
	if ev.holidayPart(g, w) != ev.holidayPart(base, w) {
		return nil
	}
	sets := ev.daySets(g.week[:7], func(d int) bool { return g.week[d] != base.week[d] })
	if len(sets) == 0 {
		return nil
	}
	return ev.describeSets(sets, w)
}

func (ev *evaluation) describeSets(sets []daySetOfState, w *lexicon) []string {
	parts := make([]string, len(sets))
	for i, set := range sets {
		parts[i] = describeWeekdays(set.days, w) + " " + describeState(ev.states[set.state], w)
	}
	return parts
}

// holidayPart describes public holidays when their hours differ from the
// ordinary days'.
func (ev *evaluation) holidayPart(g group, w *lexicon) string {
	if st, ok := holidayState(g); ok {
		return w.holidays + " " + describeState(ev.states[st], w)
	}
	if !holidaysDiffer(g) {
		return ""
	}
	// Not alike on every weekday: say what holidays on each weekday are like.
	return w.holidays + ": " + strings.Join(ev.describeSets(ev.daySets(g.week[7:], nil), w), ", ")
}

func describeState(s hstate, w *lexicon) string {
	var out string
	switch {
	case s.unknown:
		return s.comment
	case s.closed:
		out = w.closed
	case s.allDay():
		out = w.allDay
	default:
		spans := make([]string, len(s.times))
		for i, t := range s.times {
			spans[i] = clock(t.From, w.sep) + "–" + clock(t.To, w.sep)
		}
		out = join(spans, w.and)
	}
	if s.comment != "" {
		out += " (" + s.comment + ")"
	}
	return out
}

// clock formats minutes after midnight as 08.00 or 08:00; times past
// midnight wrap (26:00 is 02.00), and the end of the day is 24.00.
func clock(m int, sep string) string {
	if m > 24*60 {
		m = (m-1)%(24*60) + 1
	}
	return fmt.Sprintf("%02d%s%02d", m/60, sep, m%60)
}

// describeWeekdays names days (0 = Monday, in order): runs of two or more
// as "måndag–fredag", the rest listed.
func describeWeekdays(days []int, w *lexicon) string {
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

// describeDays names the periods of the year in s: "juni–augusti",
// "15 juni–15 augusti", "24–26 december", "24 december".
func describeDays(s daySet, w *lexicon) string {
	var parts []string
	for _, r := range runs(s, true) {
		fm, fd := dateOf(r.from)
		tm, td := dateOf(r.to)
		switch {
		case fd == 1 && td == monthDays[tm-1] && fm == tm:
			parts = append(parts, w.months[fm-1])
		case fd == 1 && td == monthDays[tm-1]:
			parts = append(parts, w.months[fm-1]+"–"+w.months[tm-1])
		case r.from == r.to:
			parts = append(parts, w.date(fd, w.months[fm-1]))
		case fm == tm && r.from < r.to:
			parts = append(parts, w.dateRange(fd, td, w.months[fm-1]))
		default:
			parts = append(parts, w.date(fd, w.months[fm-1])+"–"+w.date(td, w.months[tm-1]))
		}
	}
	return join(parts, w.and)
}

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
	days       []string
	months     []string
	sep        string // between hours and minutes
	and        string
	closed     string
	allDay     string // open all day, after a day's name
	always     string // open all day, every day
	everyDay   string
	holidays   string
	closedRest string
	date       func(day int, month string) string
	dateRange  func(from, to int, month string) string
}

var dayNames = map[string][]string{
	"sv": {"måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"},
	"en": {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"},
}

var words = map[string]*lexicon{
	"sv": {
		days:       dayNames["sv"],
		months:     []string{"januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"},
		sep:        ".",
		and:        "och",
		closed:     "stängt",
		allDay:     "öppet hela dygnet",
		always:     "öppet dygnet runt",
		everyDay:   "alla dagar",
		holidays:   "helgdagar",
		closedRest: "övrig tid stängt",
		date:       func(d int, m string) string { return strconv.Itoa(d) + " " + m },
		dateRange:  func(a, b int, m string) string { return strconv.Itoa(a) + "–" + strconv.Itoa(b) + " " + m },
	},
	"en": {
		days:       dayNames["en"],
		months:     []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
		sep:        ":",
		and:        "and",
		closed:     "closed",
		allDay:     "open 24 hours",
		always:     "open 24 hours, every day",
		everyDay:   "every day",
		holidays:   "public holidays",
		closedRest: "closed at other times",
		date:       func(d int, m string) string { return strconv.Itoa(d) + " " + m },
		dateRange:  func(a, b int, m string) string { return strconv.Itoa(a) + "–" + strconv.Itoa(b) + " " + m },
	},
}
