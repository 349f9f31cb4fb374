package hours

// Text writes what the evaluation found the way a person reads it: the
// regular week first, then each other period of the year as one line that
// names only the days that differ, in Swedish or English words.

import (
	"fmt"
	"strconv"
	"strings"
)

// Text describes the opening hours as lines of plain text in lang ("sv" or
// "en"), e.g. "måndag–fredag 08.00–16.30", "lördag 10.00–14.00", "söndag
// stängt", "helgdagar stängt". The regular hours come first; a period of
// the year with other hours follows as one line that names the days that
// differ, as "juni–augusti: måndag–fredag 08.00–15.00" or "juli: stängt".
// It returns nil when h is not Complete: show h.Raw as written instead;
// a complete value that Rules cannot say (week numbers, easter …) is the
// one line h.Raw.
func (h Hours) Text(lang string) []string {
	if !h.Complete {
		return nil
	}
	if len(h.Rules) == 0 {
		return []string{h.Raw}
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
	return hhmm(m, sep)
}

// hhmm formats minutes as hours and minutes without wrapping: 48*60 is
// 48:00, as the parser's messages quote a span.
func hhmm(m int, sep string) string { return fmt.Sprintf("%02d%s%02d", m/60, sep, m%60) }

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

// describeDays names the periods of the year in s: "juni–augusti",
// "15 juni–15 augusti", "24–26 december", "24 december".
func describeDays(s daySet, w *lexicon) string {
	date := func(d, m int) string { return strconv.Itoa(d) + " " + w.months[m-1] }
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
			parts = append(parts, date(fd, fm))
		case fm == tm && r.from < r.to:
			parts = append(parts, strconv.Itoa(fd)+"–"+date(td, tm))
		default:
			parts = append(parts, date(fd, fm)+"–"+date(td, tm))
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
}

// words are the lexicons by language ("sv" or "en").
var words = map[string]*lexicon{"sv": newLexicon(0), "en": newLexicon(1)}

// newLexicon returns the words of Swedish (0) or English (1). Each phrase
// stands beside its translation, so that the two change together.
func newLexicon(i int) *lexicon {
	return &lexicon{
		days: [2][]string{
			{"måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"},
			{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}}[i],
		months: [2][]string{
			{"januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"},
			{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}}[i],
		sep:        [2]string{".", ":"}[i],
		and:        [2]string{"och", "and"}[i],
		closed:     [2]string{"stängt", "closed"}[i],
		allDay:     [2]string{"öppet hela dygnet", "open 24 hours"}[i],
		always:     [2]string{"öppet dygnet runt", "open 24 hours, every day"}[i],
		everyDay:   [2]string{"alla dagar", "every day"}[i],
		holidays:   [2]string{"helgdagar", "public holidays"}[i],
		closedRest: [2]string{"övrig tid stängt", "closed at other times"}[i],
	}
}
