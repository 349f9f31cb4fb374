package hours

// legacyRules says a program as year-agnostic Rules when that keeps its
// meaning: normal rules on weekdays, PH, months and dates of any year, at
// fixed times, open, closed (all day) or a comment, each replacing the
// rules before it on its days. Anything else (years, weeks, easter, nth
// weekdays, SH, sunrise, open ends, additional and fallback rules, "off"
// for part of a day, a rule without days that adds to the one before)
// gives nil: Intervals has its meaning.
func legacyRules(prog *program) []Rule {
	var out []Rule
	prev := -1
	for i := range prog.rules {
		r := &prog.rules[i]
		if r.wrapped {
			continue // Span.To past 24:00 says it
		}
		if r.fallback {
			return nil
		}
		if prev >= 0 && (r.open || r.unknown) && r.nsel() == 0 && prog.rules[prev].nsel() > 0 {
			return nil // adds to the rule before on its days
		}
		lr, ok := legacyRule(r)
		if !ok {
			return nil
		}
		if r.additional && overlapsAny(lr, out) {
			return nil // adds to the rules before on some day
		}
		out = append(out, lr)
		prev = i
	}
	return out
}

func legacyRule(r *prule) (Rule, bool) {
	var lr Rule
	if len(r.sel[kindYear]) > 0 || len(r.sel[kindWeek]) > 0 ||
		len(r.sel[kindHoliday]) > 0 && len(r.sel[kindWeekday]) > 0 ||
		len(r.sel[kindMonth]) > 0 && len(r.sel[kindMonthday]) > 0 {
		return lr, false
	}
	for _, k := range []int{kindHoliday, kindMonth, kindMonthday, kindWeekday} {
		for _, s := range r.sel[k] {
			switch {
			case s.op == opPH && s.offset == 0:
				lr.Holiday = true
			case s.op == opWeekday:
				lr.Weekdays = appendCycle(lr.Weekdays, s.a, s.b, 0, 7)
			case s.op == opMonth:
				lr.Months = appendCycle(lr.Months, s.a+1, s.b+1, 1, 12)
			case s.op == opDates && s.from.year == 0 && s.step == 0:
				lr.Dates = append(lr.Dates, DateRange{FromMonth: s.from.month + 1, FromDay: s.from.day, ToMonth: s.to.month + 1, ToDay: s.to.day})
			case s.op == opDateRange && s.from.year == 0 && s.to.year == 0 && !s.from.easter && !s.to.easter:
				lr.Dates = append(lr.Dates, DateRange{FromMonth: s.from.month + 1, FromDay: s.from.day, ToMonth: s.to.month + 1, ToDay: s.to.day})
			default:
				return lr, false
			}
		}
	}
	sortInts(lr.Weekdays)
	for _, t := range r.times {
		switch {
		case t.always:
			lr.Times = append(lr.Times, allDay)
		case t.openEnd || t.fromVar > 0 || t.toVar > 0 || t.extended || t.to <= t.from:
			return lr, false // 10-10 is an empty range to the reference
		default:
			lr.Times = append(lr.Times, Span{From: t.from, To: t.to})
		}
	}
	switch {
	case !r.open && !r.unknown:
		if len(lr.Times) > 0 {
			return lr, false
		}
		lr.Closed = true
	case r.unknown:
		// Times with a comment say unknown in opening_hours.js (as a
		// comment alone does); the text gives the times and the comment.
		if !r.hasComment || r.comment == "" {
			return lr, false
		}
	}
	if r.hasComment {
		lr.Comment = r.comment
		if r.open && len(lr.Times) == 0 {
			lr.Times = []Span{allDay} // open all day, not a comment alone
		}
	}
	if len(lr.Times) == 1 && lr.Times[0] == allDay && lr.Comment == "" {
		lr.Times = nil
	}
	return lr, true
}

// overlapsAny reports whether r applies on some day one of rules does.
func overlapsAny(r Rule, rules []Rule) bool {
	for _, o := range rules {
		if overlap(r, o) {
			return true
		}
	}
	return false
}
