package hours

// Intervals evaluates a parsed value with opening_hours.js's semantics,
// day by day: which rules' dates match the day (a later normal rule that
// matches replaces the ones before, the spill-over of the day before
// included), then, between the times where some matching rule's time
// range begins or ends, which state holds, as the reference's
// getStatePair finds it; equal neighbouring states are one interval.

import (
	"time"
	_ "time/tzdata" // Europe/Stockholm wherever the generator runs
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
	Comment  string // the rule's comment, if any, or the public holiday's name
}

// OpenEndComment is what opening_hours.js says of an open end, in its
// intervals' comments.
const OpenEndComment = "Specified as open end. Closing time was guessed."

// Intervals returns the open (and unknown) intervals in [from, to), in
// order, not overlapping, as opening_hours.js's getOpenIntervals gives
// them. It returns nil when h is not Complete. An interval with a rule's
// comment has it as Comment; one on a public holiday that the rule names
// (PH 10:00-14:00) has the holiday's name, as the reference gives it.
func (h Hours) Intervals(from, to time.Time, w Where) []Interval {
	if !h.Complete || h.prog == nil || !from.Before(to) {
		return nil
	}
	loc := w.Loc
	if loc == nil {
		loc = stockholm()
	}
	ev := evaluator{prog: h.prog, w: w, loc: loc}
	ev.school = schoolDays(w.SchoolHolidays, loc)
	from, to = from.In(loc), to.In(loc)
	y, m, d := from.Date()
	day := dayNum(y, m, d)
	var out []Interval
	var cur *Interval
	for {
		yy, mm, dd := civil(day)
		midnight := time.Date(yy, mm, dd, 0, 0, 0, 0, loc)
		if !midnight.Before(to) {
			break
		}
		next := time.Date(yy, mm, dd+1, 0, 0, 0, 0, loc)
		for _, s := range ev.day(day, midnight) {
			a := time.Date(yy, mm, dd, 0, s.from, 0, 0, loc)
			b := next
			if s.to < 24*60 {
				b = time.Date(yy, mm, dd, 0, s.to, 0, 0, loc)
			}
			if a.Before(from) {
				a = from
			}
			if b.After(to) {
				b = to
			}
			if !a.Before(b) {
				continue
			}
			if !s.open && !s.unknown {
				cur = nil
				continue
			}
			iv := Interval{From: a, To: b, Unknown: s.unknown && !s.open, OpenEnd: s.openEnd, Comment: s.comment}
			if cur != nil && cur.To.Equal(a) && cur.Unknown == iv.Unknown && cur.OpenEnd == iv.OpenEnd && cur.Comment == iv.Comment {
				cur.To = b
				continue
			}
			out = append(out, iv)
			cur = &out[len(out)-1]
		}
		day++
	}
	return out
}

// segment is a span of a day, in minutes, and its state.
type segment struct {
	from, to int
	state
}

type state struct {
	open, unknown, openEnd bool
	comment                string
}

type evaluator struct {
	prog   *program
	w      Where
	loc    *time.Location
	school map[int]string
	// per day
	matching []int
	sun      [5]int
	sunOK    [5]int8 // 0 not computed, 1 ok, -1 no such event
	midnight time.Time
	dayN     int
}

// schoolDays returns the days of the periods, by day number, with names.
func schoolDays(ps []Period, loc *time.Location) map[int]string {
	if len(ps) == 0 {
		return nil
	}
	m := map[int]string{}
	for _, p := range ps {
		fy, fm, fd := p.From.In(loc).Date()
		ty, tm, td := p.To.In(loc).Date()
		a, b := dayNum(fy, fm, fd), dayNum(ty, tm, td)
		for d := a; d <= b && d-a < 1000; d++ {
			if _, ok := m[d]; !ok {
				m[d] = p.Name
			}
		}
	}
	return m
}

// sunAt returns a variable time's minutes on the current day.
func (ev *evaluator) sunAt(v int) (int, bool) {
	if ev.sunOK[v] == 0 {
		m, ok := sunMinutes(ev.midnight, ev.w.Lat, ev.w.Lon, v)
		ev.sun[v], ev.sunOK[v] = m, 1
		if !ok {
			ev.sunOK[v] = -1
		}
	}
	return ev.sun[v], ev.sunOK[v] == 1
}

// day returns the segments of a day, in order, covering 0 to 24*60.
func (ev *evaluator) day(d int, midnight time.Time) []segment {
	ev.midnight, ev.dayN = midnight, d
	ev.sunOK = [5]int8{}
	rules := ev.prog.rules
	ev.matching = ev.matching[:0]
	holName, holRule := "", -1
	for i := range rules {
		r := &rules[i]
		ok := true
		for k := range r.sel {
			sels := r.sel[k]
			if len(sels) == 0 {
				continue
			}
			any := false
			for _, s := range sels {
				m, name := ev.dateMatch(s, d)
				if m {
					any = true
					if name != "" {
						holName, holRule = name, i
					}
				}
			}
			if !any {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		if (r.nsel() > 0 || i > 0 && r.open && rules[i-1].nsel() == 0) && (r.open || r.unknown) &&
			!r.wrapped && !r.additional && !r.fallback {
			ev.matching = ev.matching[:0]
		}
		ev.matching = append(ev.matching, i)
	}
	// The times where something may change.
	cuts := []int{0}
	for _, ri := range ev.matching {
		for _, t := range rules[ri].times {
			a, b, ok := ev.bounds(t)
			if !ok {
				continue
			}
			for _, c := range [2]int{a, b} {
				if c > 0 && c < 24*60 {
					cuts = append(cuts, c)
				}
			}
		}
	}
	sortInts(cuts)
	segs := make([]segment, 0, len(cuts))
	for k, c := range cuts {
		if k > 0 && c == cuts[k-1] {
			continue
		}
		st := ev.stateAt(c, holName, holRule)
		if n := len(segs); n > 0 && segs[n-1].state == st {
			continue
		}
		if n := len(segs); n > 0 {
			segs[n-1].to = c
		}
		segs = append(segs, segment{from: c, to: 24 * 60, state: st})
	}
	return segs
}

func sortInts(xs []int) {
	for i := 1; i < len(xs); i++ {
		for j := i; j > 0 && xs[j] < xs[j-1]; j-- {
			xs[j], xs[j-1] = xs[j-1], xs[j]
		}
	}
}

// stateAt returns the state at minute m of the day, as getStatePair.
func (ev *evaluator) stateAt(m int, holName string, holRule int) state {
	rules := ev.prog.rules
	open, unknown := false, false
	commentKind, commentRule := 0, -1 // 1 holiday name, 2 open end
	if holRule >= 0 {
		commentKind, commentRule = 1, holRule
	}
	match := -1
	for _, ri := range ev.matching {
		r := &rules[ri]
		if len(r.times) == 0 && (!r.fallback || !(open || unknown)) {
			open, unknown, match = r.open, r.unknown, ri
		}
		for k, t := range r.times {
			ok, oe := ev.timeMatch(t, m)
			if !ok || r.fallback && (open || unknown) {
				continue
			}
			open, unknown, match = r.open, r.unknown, ri
			if commentKind == 2 {
				commentKind = 0
			}
			if oe && (open || unknown) {
				commentKind, commentRule = 2, ri
				open, unknown = false, true
				if k+1 < len(r.times) {
					n := r.times[k+1]
					if !n.always && !n.wrapped {
						if nok, _ := ev.timeMatch(n, m); !nok && ev.matchedBefore(t, m) {
							open, unknown = false, false
						}
					}
				}
			}
		}
	}
	st := state{open: open, unknown: unknown}
	if commentKind == 2 && commentRule == match {
		st.openEnd = true
	}
	switch {
	case match >= 0 && rules[match].hasComment:
		st.comment = rules[match].comment
	case commentKind == 1 && commentRule == match:
		st.comment = holName
	}
	return st
}

// matchedBefore reports whether t matched just before minute m.
func (ev *evaluator) matchedBefore(t timeSel, m int) bool {
	if m == 0 {
		m = 24 * 60
	}
	ok, _ := ev.timeMatch(t, m-1)
	return ok
}

// resolve returns a time selector's ends on the current day.
func (ev *evaluator) resolve(t timeSel) (from, to int, ok bool) {
	from, to = t.from, t.to
	if t.fromVar > 0 {
		v, ok := ev.sunAt(t.fromVar)
		if !ok {
			return 0, 0, false
		}
		from = v + t.fromOff
	}
	if t.toVar > 0 {
		v, ok := ev.sunAt(t.toVar)
		if !ok {
			return 0, 0, false
		}
		to = v + t.toOff
	}
	return from, to, true
}

// bounds returns where a time selector begins and ends on the current day.
func (ev *evaluator) bounds(t timeSel) (from, to int, ok bool) {
	if t.always {
		return 0, 24 * 60, true
	}
	from, to, ok = ev.resolve(t)
	if t.wrapped {
		return 0, to, ok
	}
	return from, to, ok
}

// timeMatch reports whether a time selector matches minute m of the
// current day, and whether it is an open end.
func (ev *evaluator) timeMatch(t timeSel, m int) (bool, bool) {
	if t.always {
		return true, false
	}
	from, to, ok := ev.resolve(t)
	if !ok {
		return false, false
	}
	switch {
	case t.wrapped:
		if (t.fromVar > 0 || t.toVar > 0) && to > from {
			return false, false
		}
		return m < to, t.openEnd
	case t.varBranch:
		if t.toVar > 0 && to <= from {
			to += 24 * 60
		}
		if to > 24*60 {
			return m >= from, t.openEnd
		}
	}
	return m >= from && m < to, t.openEnd
}

// dateMatch reports whether a date selector matches day d, and the name of
// the holiday it matched on.
func (ev *evaluator) dateMatch(s dateSel, d int) (bool, string) {
	d -= s.shift
	y, mo, dd := civil(d)
	switch s.op {
	case opAlways:
		return true, ""
	case opYear:
		switch {
		case y < s.a:
			return false, ""
		case s.step != 0:
			if s.b != -1 && y > s.b {
				return false, ""
			}
			return (y-s.a)%s.step == 0, ""
		}
		return y <= s.b, ""
	case opPH:
		h, ok := holidayOn(d - s.offset)
		if !ok {
			return false, ""
		}
		if s.shift != 0 {
			return true, "" // a wrapped rule's selectors give no names
		}
		switch {
		case s.offset > 0:
			return true, "Day after " + h.name
		case s.offset < 0:
			return true, "Day before " + h.name
		}
		return true, h.name
	case opSH:
		name, ok := ev.school[d]
		if s.shift != 0 {
			name = ""
		}
		return ok, name
	case opMonth:
		return inCycle(int(mo)-1, s.a, s.b), ""
	case opWeekday:
		return inCycle(weekday(d), s.a, s.b), ""
	case opWeek:
		_, w := time.Date(y, mo, dd, 12, 0, 0, 0, time.UTC).ISOWeek()
		if w < s.a || w > s.b {
			return false, ""
		}
		return s.step == 0 || (w-s.a)%s.step == 0, ""
	case opNth:
		return nthMatch(d, s), ""
	case opDates:
		year := y
		if s.from.year != 0 {
			year = s.from.year
		}
		from := dayNum(year, time.Month(s.from.month+1), s.from.day)
		if _, fm, fd := civil(from); s.from.month == 1 && (fd != s.from.day || int(fm) != 2) {
			return false, ""
		}
		to := dayNum(year, time.Month(s.to.month+1), s.to.day+1)
		if _, _, td := civil(to); s.from.month == 1 && s.to.day != s.from.day && td != s.to.day+1 {
			return false, ""
		}
		if d < from || d >= to {
			return false, ""
		}
		return s.step == 0 || (d-from)%s.step == 0, ""
	case opEaster:
		year := y
		if s.from.year != 0 {
			year = s.from.year
		}
		e := easterDay(year) + s.from.offset
		_, em, ed := civil(e)
		return d >= e && em == mo && ed == dd, ""
	case opDateRange:
		from, to := specDay(s.from, y, false), specDay(s.to, y, true)
		inside := true
		if to < from {
			from, to, inside = to, from, false
		}
		return (d >= from && d < to) == inside, ""
	}
	return false, ""
}

// specDay returns the day an end of a date range stands for in year y
// (unless it names its own); an end that is a date is the day after it.
func specDay(s dateSpec, y int, end bool) int {
	if s.year != 0 {
		y = s.year
	}
	if s.easter {
		return easterDay(y) + s.offset
	}
	if end {
		return dayNum(y, time.Month(s.month+1), s.day+1)
	}
	return dayNum(y, time.Month(s.month+1), s.day)
}

// inCycle reports whether x is in a..b, a range that wraps after the last
// value (Sa-Mo, Nov-Feb).
func inCycle(x, a, b int) bool {
	if a <= b {
		return x >= a && x <= b
	}
	return x >= a || x <= b
}

// nthMatch reports whether day d is the nth weekday of its month (Sa[1],
// Su[-1]), moved by the selector's offset.
func nthMatch(d int, s dateSel) bool {
	e := d - s.offset
	y, m, _ := civil(e)
	var target int
	if s.nth > 0 {
		first := dayNum(y, m, 1)
		target = first + (s.a-weekday(first)+7)%7 + (s.nth-1)*7
	} else {
		last := dayNum(y, m+1, 0)
		target = last - (weekday(last)-s.a+7)%7 + (s.nth+1)*7
	}
	if _, tm, _ := civil(target); tm != m {
		return false
	}
	return e == target
}
