package hours

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
	"strings"
)

// hstate is what a day's cell holds: closed, a comment only, or open at
// these times (none: all day), with an optional comment.
type hstate struct {
	closed  bool
	unknown bool
	times   []Span
	comment string
}

func (s hstate) allDay() bool {
	return !s.closed && !s.unknown && (len(s.times) == 0 || len(s.times) == 1 && s.times[0] == allDay)
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

func ruleState(r Rule) hstate {
	switch {
	case r.Closed:
		return hstate{closed: true, comment: r.Comment}
	case len(r.Times) == 0 && r.Comment != "":
		return hstate{unknown: true, comment: r.Comment}
	}
	return hstate{times: r.Times, comment: r.Comment}
}

type group struct {
	week week
	days daySet
	base bool // holds the days that no rule with dates applies on
}

func (g group) whole() bool { return g.days == wholeYear }

type evaluation struct {
	states []hstate
	groups []group
}

func evaluate(rules []Rule) *evaluation {
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
				if appliesOn(r, c) {
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
		changed, untouched := d == 0, true
		for i := range rules {
			if dated[i] {
				changed = changed || d > 0 && sets[i].has(d) != sets[i].has(d-1)
				untouched = untouched && !sets[i].has(d)
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
		if i := slices.IndexFunc(out, func(o daySetOfState) bool { return o.state == s }); i >= 0 {
			out[i].days = append(out[i].days, d)
		} else {
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
