package hours

// Parse reads OpenStreetMap's opening_hours syntax as opening_hours.js,
// the reference implementation, reads it for opening times: rules
// separated by ";" (normal), "," (additional) and "||" (fallback); years,
// ISO weeks, months, dates and date ranges (with years, or easter and day
// offsets), weekdays (with [nth] and day offsets), public (PH) and school
// (SH) holidays, times (past midnight, open end "+", sunrise, sunset, dawn,
// dusk with offsets), the modifiers open, closed, off and unknown, and
// comments. Like the reference it accepts some forms beyond the letter of
// the syntax, each with the same meaning as there: lower case, "08.00",
// "08-16" (hours without minutes), Swedish and English day and month
// names, dashes "–", a ":" after the selectors, selectors in any order,
// and time ranges without a comma between them.
//
// A value the reference rejects is not understood: Parse says what and
// where, and how to fix it, and the page shows the value as written.

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/esamverkan/guidemap/generator/diag"
)

// Parse parses an opening_hours value. It returns what it understood and
// warnings, each a sentence, about what it did not; the value is Complete
// only when there are none. An empty value gives Hours with no rules (no
// hours) and no warnings.
func Parse(raw string) (Hours, []string) {
	h := Hours{Raw: raw}
	if strings.TrimSpace(raw) == "" {
		return h, nil
	}
	if !utf8.ValidString(raw) {
		return h, []string{diag.Textf("the value is not valid UTF-8 text")}
	}
	p := &parser{prog: &program{}}
	p.parse(lex(raw))
	if len(p.warnings) == 0 && len(p.prog.rules) == 0 {
		p.warn("the value holds no rules: write one such as Mo-Fr 08:00-16:00")
	}
	if len(p.warnings) > 0 {
		return h, p.warnings
	}
	h.Complete = true
	h.prog = p.prog
	return h, nil
}

// parser reads the tokens of one rule at a time into the program,
// collecting warnings as it goes.
type parser struct {
	prog     *program
	toks     []token // the current rule's
	i        int
	warnings []string
	failed   bool // the current rule was not understood
}

func (p *parser) peek(k int) token {
	if p.i+k < len(p.toks) && p.i+k >= 0 {
		return p.toks[p.i+k]
	}
	return token{}
}

func (p *parser) warn(format string, args ...any) {
	w := diag.Textf(format, args...)
	if !slices.Contains(p.warnings, w) {
		p.warnings = append(p.warnings, w)
	}
}

// fail records that the current rule is not understood, and returns
// false for the parsing function to return.
func (p *parser) fail(format string, args ...any) bool {
	p.warn(format, args...)
	p.failed = true
	return false
}

// span returns the tokens from from to to (exclusive) of the current
// rule, as written.
func (p *parser) span(from, to int) string {
	var b strings.Builder
	for k := max(from, 0); k < min(to, len(p.toks)); k++ {
		t := p.toks[k]
		if t.space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		if t.kind == 'c' {
			b.WriteString(`"` + t.text)
			if t.closed {
				b.WriteByte('"')
			}
			continue
		}
		b.WriteString(t.text)
	}
	return b.String()
}

// here quotes the rule up to and including the token at k, as
// opening_hours.js points at a problem.
func (p *parser) here(k int) string { return p.span(0, p.i+k+1) }

// parse splits the tokens into rules at ";" and "||" and parses each.
func (p *parser) parse(toks []token) {
	fallback := false
	start := 0
	for k := 0; k <= len(toks); k++ {
		if k < len(toks) && !toks[k].is(";") && !toks[k].is("||") {
			continue
		}
		rule := toks[start:k]
		if k < len(toks) && toks[k].is("||") && len(rule) == 0 {
			p.warn(`a fallback rule ("||") must follow a rule: remove the "||" or write the rule before it`)
			return
		}
		if len(rule) > 0 {
			p.rule(rule, fallback)
		}
		if k < len(toks) {
			fallback = toks[k].is("||")
		}
		start = k + 1
	}
}

// rule parses the tokens of one rule and its additional rules (after ",").
func (p *parser) rule(toks []token, fallback bool) {
	p.toks, p.i, p.failed = toks, 0, false
	additional := false
	for p.i < len(p.toks) {
		r := prule{open: true, additional: additional, fallback: fallback}
		more := p.group(&r)
		if p.failed {
			return
		}
		p.add(r)
		if !more {
			return
		}
		additional = true
	}
}

// add appends r to the program and, when its times pass midnight, the
// wrapped rule for the day after.
func (p *parser) add(r prule) {
	var wrap []timeSel
	var times []timeSel
	for _, t := range r.times {
		if t.wrapped {
			wrap = append(wrap, t)
		} else {
			times = append(times, t)
		}
	}
	r.times = times
	p.prog.rules = append(p.prog.rules, r)
	if len(wrap) == 0 {
		return
	}
	w := prule{times: wrap, open: r.open, unknown: r.unknown, comment: r.comment, hasComment: r.hasComment, wrapped: true}
	for k, sels := range r.sel {
		for _, s := range sels {
			s.shift++
			w.sel[k] = append(w.sel[k], s)
		}
	}
	p.prog.rules = append(p.prog.rules, w)
}

// always reports whether the next tokens are "24/7".
func (p *parser) always() bool {
	return p.peek(0).text == "24" && p.peek(1).is("/") && p.peek(2).text == "7" && p.peek(0).kind == 'n'
}

// number reports whether the token at k is a number that is not a year.
func (p *parser) number(k int) bool { t := p.peek(k); return t.kind == 'n' && !t.year() }

// timesep reports whether the token at k separates hours and minutes.
func (p *parser) timesep(k int) bool { return p.peek(k).is(":") || p.peek(k).is(".") }

// group parses one rule's selectors, modifier and comment, in any order as
// the reference does; more reports an additional rule after ",".
func (p *parser) group(r *prule) (more bool) {
	stated := false
	lastTime := -1
	for p.i < len(p.toks) && !p.failed {
		t := p.peek(0)
		switch {
		case t.day() >= 0:
			p.weekdays(r)
		case p.always():
			r.times = append(r.times, timeSel{always: true, to: 24 * 60})
			p.i += 3
		case t.word("PH", "SH"):
			p.holidays(r, p.peek(1).is(","))
		case t.month() > 0 && p.number(1), t.month() > 0 && p.peek(1).day() >= 0,
			t.year() && p.peek(1).month() > 0 && p.number(2), t.year() && p.peek(1).word("easter"), t.word("easter"):
			p.monthdays(r, kindMonthday)
		case t.year():
			p.years(r)
		case t.month() > 0:
			p.months(r, kindMonth)
		case t.word("week"):
			p.weeks(r)
		case t.is(":") && p.i != 0 && p.i != len(p.toks)-1 && lastTime != p.i:
			p.i++
		case p.number(0) && p.timesep(1), t.timeVar() > 0, t.is("(") && p.peek(1).timeVar() > 0, p.number(0) && p.peek(1).is("-"):
			if more := p.times(r); more || p.failed {
				return more
			}
			lastTime = p.i
		case t.word("open", "closed", "off", "unknown"):
			r.open = t.word("open")
			r.unknown = t.word("unknown")
			stated = true
			p.i++
			if p.peek(0).is(",") {
				p.i++
				return true
			}
		case t.kind == 'c':
			if !t.closed {
				p.fail(`the comment "%s is not closed: add a " at its end`, t.text)
				return false
			}
			r.comment, r.hasComment = t.text, true
			if !stated {
				r.open, r.unknown = false, true
			}
			stated = true
			p.i++
			if p.peek(0).is(",") {
				p.i++
				return true
			}
		default:
			p.unexpected(t)
		}
	}
	return false
}

// unexpected reports a token where none of its kind can stand, with the
// best hint.
func (p *parser) unexpected(t token) bool {
	at := p.here(0)
	if t.kind == 'w' {
		if h := diag.DidYouMean(t.text, keywords); h != "" {
			return p.fail("%q is not understood in %q; %s", t.text, at, h)
		}
		return p.fail("%q is not understood in %q: write days as Mo Tu We Th Fr Sa Su, months as Jan … Dec, and times as 08:00-16:00", t.text, at)
	}
	if t.kind == 'n' && p.peek(1).kind == 0 {
		return p.fail("%q ends with a number: write times as 08:00-16:00", at)
	}
	if t.is(",") {
		return p.fail(`%q: nothing can follow "," here; separate rules with ";"`, at)
	}
	return p.fail("%q is not understood at %q: see https://wiki.openstreetmap.org/wiki/Key:opening_hours for the syntax", t.text, at)
}

// weekdays parses Mo-Fr, Mo,We, Sa[1], Su[-1] -2 days and PH in a list
// (as in Mo-Fr,PH, where PH adds to the days).
func (p *parser) weekdays(r *prule) {
	for !p.failed {
		t := p.peek(0)
		switch {
		case t.day() >= 0 && p.peek(1).is("["):
			p.nth(r, t.day())
		case t.day() >= 0:
			from, to := t.day(), t.day()
			if p.peek(1).is("-") && p.peek(2).day() >= 0 {
				to = p.peek(2).day()
				p.i += 3
			} else {
				p.i++
			}
			r.sel[kindWeekday] = append(r.sel[kindWeekday], dateSel{op: opWeekday, a: from, b: to})
		case t.word("PH", "SH"):
			p.holidays(r, true)
			return
		case p.peek(-1).is(","):
			p.fail(`%q: after "," in a list of days comes a day (Mo-Fr,Su) or PH; to add a rule, write it after a time or "off"`, p.here(-1))
			return
		default:
			p.unexpected(t)
			return
		}
		if p.failed || !p.peek(0).is(",") {
			return
		}
		p.i++
	}
}

// nth parses Sa[1], Su[-1], Mo[1-2], Th[1,3] and a day offset after them.
func (p *parser) nth(r *prule, day int) {
	start := p.i
	p.i += 2
	var nums []int
	for {
		switch {
		case p.number(0) && p.peek(1).is("-") && p.number(2):
			a, b := p.peek(0).num(), p.peek(2).num()
			if a > b {
				p.fail("%q: the range %d-%d runs backwards", p.here(2), a, b)
				return
			}
			for n := a; n <= b; n++ {
				nums = append(nums, n)
			}
			p.i += 3
		case p.peek(0).is("-") && p.number(1):
			nums = append(nums, -p.peek(1).num())
			p.i += 2
		case p.number(0):
			nums = append(nums, p.peek(0).num())
			p.i++
		default:
			p.fail("%q: in [ ] give which weekday of the month, 1 to 5 or -1 to -5, as in Sa[1] or Su[-1]", p.here(0))
			return
		}
		if !p.peek(0).is(",") {
			break
		}
		p.i++
	}
	for _, n := range nums {
		if n == 0 || n < -5 || n > 5 {
			p.fail("%q: the weekday of the month must be 1 to 5 or -1 to -5", p.span(start, p.i+1))
			return
		}
	}
	if !p.peek(0).is("]") {
		p.fail(`%q: close the brackets with "]", as in Sa[1]`, p.here(0))
		return
	}
	p.i++
	off, ok := p.moveDays(6)
	if !ok {
		return
	}
	for _, n := range nums {
		r.sel[kindWeekday] = append(r.sel[kindWeekday], dateSel{op: opNth, a: day, nth: n, offset: off})
	}
}

// moveDays parses "+1 day", "-2 days" if they come next, and at most max
// days.
func (p *parser) moveDays(maxDays int) (int, bool) {
	sign := 0
	switch {
	case p.peek(0).is("+"):
		sign = 1
	case p.peek(0).is("-"):
		sign = -1
	}
	if sign == 0 || !p.number(1) || !p.peek(2).word("day", "days") {
		return 0, true
	}
	n := p.peek(1).num()
	if n > maxDays {
		return 0, p.fail("%q: move by at most %d days", p.here(2), maxDays)
	}
	p.i += 3
	return sign * n, true
}

// holidays parses PH, SH, PH +1 day and lists of them; toWeekday puts them
// with the weekdays (PH,Su: holidays and Sundays) rather than apart (PH
// Mo-Fr: holidays that fall on Monday to Friday).
func (p *parser) holidays(r *prule, toWeekday bool) {
	kind := kindHoliday
	if toWeekday {
		kind = kindWeekday
	}
	for !p.failed {
		t := p.peek(0)
		switch {
		case t.word("PH"):
			p.i++
			off, ok := p.moveDays(1)
			if !ok {
				return
			}
			r.sel[kind] = append(r.sel[kind], dateSel{op: opPH, offset: off})
		case t.word("SH"):
			p.i++
			p.prog.hasSH = true
			r.sel[kind] = append(r.sel[kind], dateSel{op: opSH})
		case t.day() >= 0:
			p.weekdays(r)
			return
		case p.peek(-1).is(","):
			p.fail(`%q: after "," in a list of days comes a day (Mo-Fr,Su) or PH; to add a rule, write it after a time or "off"`, p.here(-1))
			return
		default:
			p.unexpected(t)
			return
		}
		if !p.peek(0).is(",") {
			return
		}
		p.i++
	}
}

// years parses 2026, 2026-2028, 2026+, 2026-2030/2 and lists of them.
func (p *parser) years(r *prule) {
	p.prog.hasYear = true
	for !p.failed {
		if !p.peek(0).year() {
			p.unexpected(p.peek(0))
			return
		}
		s := dateSel{op: opYear, a: p.peek(0).num()}
		s.b = s.a
		n := 1
		switch {
		case p.peek(1).is("-") && p.peek(2).year():
			s.b = p.peek(2).num()
			n = 3
			if p.peek(3).is("/") && p.number(4) {
				s.step = p.peek(4).num()
				n = 5
			}
			if s.b <= s.a {
				p.fail("%q: the range of years must run forwards, over more than one year", p.here(2))
				return
			}
		case p.peek(1).is("/") && p.number(2):
			s.step, s.b = p.peek(2).num(), -1
			n = 3
		case p.peek(1).is("+"):
			s.step, s.b = 1, -1
			n = 2
		}
		if s.step == 0 && n > 3 || n == 3 && s.b == -1 && s.step == 0 {
			p.fail("%q: a period of 0 years", p.here(n-1))
			return
		}
		p.i += n
		r.sel[kindYear] = append(r.sel[kindYear], s)
		if !p.peek(0).is(",") {
			return
		}
		p.i++
	}
}

// weeks parses week 27-32, week 02-52/2, week 1,3.
func (p *parser) weeks(r *prule) {
	for !p.failed {
		if p.peek(0).word("week") {
			p.i++
		}
		if !p.number(0) {
			if p.peek(-1).is(",") {
				p.fail(`%q: after "," in a list of weeks comes a week number`, p.here(-1))
				return
			}
			p.fail("%q: give the week numbers, as in week 27-32", p.here(0))
			return
		}
		s := dateSel{op: opWeek, a: p.peek(0).num()}
		s.b = s.a
		n := 1
		if p.peek(1).is("-") && p.number(2) {
			s.b = p.peek(2).num()
			n = 3
			if p.peek(3).is("/") && p.number(4) {
				s.step = p.peek(4).num()
				n = 5
			}
		}
		switch {
		case s.a > s.b:
			p.fail("%q: the range of weeks runs backwards", p.here(n-1))
		case s.a < 1 || s.b > 53:
			p.fail("%q: weeks are numbered 1 to 53", p.here(n-1))
		case n == 5 && (s.step < 2 || s.step > 26):
			p.fail("%q: the period of weeks must be 2 to 26", p.here(4))
		}
		if p.failed {
			return
		}
		p.i += n
		r.sel[kindWeek] = append(r.sel[kindWeek], s)
		if !p.peek(0).is(",") {
			return
		}
		p.i++
	}
}

// months parses Jun, Apr-Oct, Nov-Feb and lists of them, into kind.
func (p *parser) months(r *prule, kind int) {
	for !p.failed {
		t := p.peek(0)
		switch {
		case t.month() > 0 && p.number(1) && !(p.timesep(2) && p.number(3)):
			p.monthdays(r, kindMonth)
			return
		case t.month() > 0:
			from, to := t.month()-1, t.month()-1
			if p.peek(1).is("-") && p.peek(2).month() > 0 {
				to = p.peek(2).month() - 1
				p.i += 3
			} else {
				p.i++
			}
			r.sel[kind] = append(r.sel[kind], dateSel{op: opMonth, a: from, b: to})
		default:
			p.unexpected(t)
			return
		}
		if !p.peek(0).is(",") {
			return
		}
		p.i++
	}
}

// monthdays parses dates and date ranges: Dec 24, Dec 24,31, Dec 24-26,
// Jun 15-Aug 15, Dec 24-Jan 06, 2026 Jul 06-2026 Aug 09, easter, easter
// -2 days-easter +1 day, and lists of them, into kind.
func (p *parser) monthdays(r *prule, kind int) {
	for !p.failed {
		y0 := 0
		if p.peek(0).year() {
			y0 = 1
		}
		month0 := p.peek(y0).month() > 0 && p.number(y0+1)
		event0 := p.peek(y0).word("easter")
		if p.peek(y0).month() > 0 && p.peek(y0+1).day() >= 0 && p.peek(y0+2).is("[") {
			p.fail("%q: weekdays of a month as the ends of a date range are not supported: write the dates", p.here(y0+2))
			return
		}
		calc0, n0 := 0, 0
		save := p.i
		if event0 {
			p.i += y0 + 1
			c, ok := p.moveDays(200)
			if !ok {
				return
			}
			calc0, n0 = c, p.i-save-y0-1
			p.i = save
		}
		sep := y0 + 2
		if event0 {
			sep = y0 + 1 + n0
		}
		y1, month1, event1, calc1, n1, at1 := 0, false, false, 0, 0, 0
		if (month0 || event0) && p.peek(sep).is("-") {
			if p.peek(sep + 1).year() {
				y1 = 1
			}
			at1 = sep + 1 + y1
			month1 = p.peek(at1).month() > 0 && p.number(at1+1)
			if !month1 && p.peek(at1).word("easter") {
				event1 = true
				p.i += at1 + 1
				c, ok := p.moveDays(366)
				if !ok {
					return
				}
				calc1, n1 = c, p.i-save-at1-1
				p.i = save
			} else if !month1 && p.peek(at1).month() > 0 && p.peek(at1+1).day() >= 0 {
				p.fail("%q: weekdays of a month as the ends of a date range are not supported: write the dates", p.here(at1+1))
				return
			}
		}
		switch {
		case y0 == y1 && (month1 || event1):
			s := dateSel{op: opDateRange}
			s.from = dateSpec{easter: event0, offset: calc0}
			if y0 == 1 {
				s.from.year = p.peek(0).num()
				s.to.year = p.peek(sep + 1).num()
			}
			if month0 && !p.validDate(p.peek(y0).month()-1, p.peek(y0+1).num(), y0+1) {
				return
			}
			if month0 {
				s.from.month, s.from.day = p.peek(y0).month()-1, p.peek(y0+1).num()
			}
			if month1 && !p.validDate(p.peek(at1).month()-1, p.peek(at1+1).num(), at1+1) {
				return
			}
			if month1 {
				s.to.month, s.to.day = p.peek(at1).month()-1, p.peek(at1+1).num()
				p.i += at1 + 2
			} else {
				s.to.easter, s.to.offset = true, calc1
				p.i += at1 + 1 + n1
			}
			if y0 == 1 && s.from.year > 0 {
				p.prog.hasYear = true
			}
			r.sel[kind] = append(r.sel[kind], s)
		case month0:
			year := 0
			if y0 == 1 {
				year = p.peek(0).num()
				p.prog.hasYear = true
			}
			month := p.peek(y0).month() - 1
			first := true
			for {
				at := y0 + 1 // the day
				if !first {
					at = 1 // after ","
				}
				from := p.peek(at).num()
				isRange := p.peek(at+1).is("-") && p.number(at+2)
				to := from
				step := 0
				if isRange {
					to = p.peek(at + 2).num()
					if p.peek(at+3).is("/") && p.number(at+4) {
						step = p.peek(at + 4).num()
						if step < 1 {
							p.fail("%q: a period of 0 days", p.here(at+4))
							return
						}
					}
				}
				if first && !isRange && p.timesep(at+1) && p.number(at+2) && (p.peek(at+3).is("-") || p.peek(at+3).is("+")) {
					// Jan 10:00-12:00: the month, then times.
					p.months(r, kindMonthday)
					return
				}
				if to < from {
					p.fail("%q: the range of days runs backwards", p.here(at+2))
					return
				}
				if !p.validDate(month, from, at) || !p.validDate(month, to, at+2*boolInt(isRange)) {
					return
				}
				r.sel[kind] = append(r.sel[kind], dateSel{op: opDates, from: dateSpec{year: year, month: month, day: from},
					to: dateSpec{year: year, month: month, day: to}, step: step})
				n := at + 1
				if isRange {
					n += 2
				}
				if step > 0 {
					n += 2
				}
				p.i += n
				first = false
				if !(p.peek(0).is(",") && p.number(1)) {
					break
				}
			}
		case event0:
			s := dateSel{op: opEaster, from: dateSpec{easter: true, offset: calc0}}
			if y0 == 1 {
				s.from.year = p.peek(0).num()
				p.prog.hasYear = true
			}
			p.i += y0 + 1 + n0
			r.sel[kind] = append(r.sel[kind], s)
		case p.peek(0).month() > 0:
			p.months(r, kindMonthday)
			return
		case p.peek(-1).is(","):
			p.fail(`%q: after "," in a list of dates comes a date, as in Dec 24,Dec 31`, p.here(-1))
			return
		default:
			return
		}
		if p.failed || !p.peek(0).is(",") {
			return
		}
		p.i++
	}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// validDate checks a day of a month (0–11) as the reference does: Feb 29
// is a date, Feb 30 and Apr 31 are not.
func (p *parser) validDate(month, day, k int) bool {
	switch {
	case day < 1 || day > 31:
		return p.fail("%q: a day of %s is 1 to 31", p.here(k), osmMonths[month])
	case (month == 3 || month == 5 || month == 8 || month == 10) && day == 31,
		month == 1 && day > 29:
		return p.fail("%q: %s has no day %d", p.here(k), osmMonths[month], day)
	}
	return true
}

// Default minutes of the variable times, as the reference uses them to
// order a range before it knows the day.
var varDefaults = [5]int{0, 6 * 60, 18 * 60, 5*60 + 30, 18*60 + 30}

// clockAt parses a time at k: 08:00 (3 tokens), sunrise (1) or
// (sunrise+01:00) (7). It returns the minutes (the default for a variable
// time), the variable (0 if fixed), its offset, the tokens it took, and
// whether it is a fixed time.
func (p *parser) clockAt(k int) (minutes, v, off, n int, fixed, ok bool) {
	switch {
	case p.number(k) && p.timesep(k+1) && p.number(k+2):
		h, m := p.peek(k).num(), p.peek(k+2).num()
		if m > 59 {
			return 0, 0, 0, 0, false, p.fail("%q: minutes are 00 to 59", p.here(k+2))
		}
		return h*60 + m, 0, 0, 3, true, true
	case p.peek(k).timeVar() > 0:
		v := p.peek(k).timeVar()
		return varDefaults[v], v, 0, 1, false, true
	case p.peek(k).is("(") && p.peek(k+1).timeVar() > 0:
		v := p.peek(k + 1).timeVar()
		sign := p.peek(k + 2)
		if !sign.is("+") && !sign.is("-") {
			return 0, 0, 0, 0, false, p.fail(`%q: write the offset as (sunrise+01:00) or (sunset-00:30)`, p.here(k+2))
		}
		if p.number(k+3) && p.peek(k+4).is(")") {
			return 0, 0, 0, 0, false, p.fail(`%q: give the offset in hours and minutes, as in (sunset-01:00)`, p.here(k+4))
		}
		if !(p.number(k+3) && p.timesep(k+4) && p.number(k+5)) {
			return 0, 0, 0, 0, false, p.fail(`%q: write the offset as (sunrise+01:00) or (sunset-00:30)`, p.here(k+3))
		}
		if !p.peek(k + 6).is(")") {
			return 0, 0, 0, 0, false, p.fail(`%q: close the offset with ")"`, p.here(k+6))
		}
		if p.peek(k+5).num() > 59 {
			return 0, 0, 0, 0, false, p.fail("%q: minutes are 00 to 59", p.here(k+5))
		}
		off := p.peek(k+3).num()*60 + p.peek(k+5).num()
		if sign.is("-") {
			off = -off
		}
		return varDefaults[v] + off, v, off, 7, false, true
	}
	return 0, 0, 0, 0, false, false
}

// times parses a list of time ranges: 08:00-12:00,13:00-16:30, 22:00-02:00,
// 10:00+, 10:00-12:00+, sunrise-sunset, (sunrise+01:00)-(sunset-00:30),
// 08-16. more reports an additional rule after ",".
func (p *parser) times(r *prule) (more bool) {
	for !p.failed {
		if p.number(0) && p.peek(1).is("-") && p.number(2) && !p.timesep(3) {
			// 08-16: hours without minutes.
			if len(p.peek(0).text) > 2 || len(p.peek(2).text) > 2 {
				return p.fail("%q: write times with hours and minutes, as in 08:00-16:00", p.here(2))
			}
			from, to := p.peek(0).num()*60, p.peek(2).num()*60
			if from >= 24*60 {
				return p.fail("%q: a time range begins within the day, before 24:00", p.here(0))
			}
			if to < from {
				to += 24 * 60
			}
			if to > 48*60 {
				return p.fail("%q: a time range may end at most one midnight later", p.here(2))
			}
			p.i += 3
			p.pushTime(r, timeSel{from: from, to: to, varBranch: to > 24*60})
		} else {
			from, fromVar, fromOff, n, fixed0, ok := p.clockAt(0)
			if !ok {
				if p.failed {
					return false
				}
				if p.peek(0).is("(") {
					return p.fail(`%q: after "(" comes sunrise, sunset, dawn or dusk`, p.here(0))
				}
				if p.number(0) && p.timesep(1) {
					return p.fail("%q: give the minutes, as in 08:00", p.here(1))
				}
				if p.number(0) {
					return p.fail("%q: write times with hours and minutes, as in 08:00-16:00", p.here(0))
				}
				return true // an additional rule: Mo-Fr 08:00-16:00, We 18:00-20:00
			}
			end := n
			t := timeSel{from: from, fromVar: fromVar, fromOff: fromOff}
			fixed1 := false
			switch {
			case p.peek(end).is("+"):
				t.openEnd = true
				t.to = openEndTo(from)
				p.i += end + 1
			case p.peek(end).is("-"):
				to, toVar, toOff, m, f1, ok := p.clockAt(end + 1)
				if !ok {
					if p.failed {
						return false
					}
					return p.fail("%q: give the time the range ends, as in 08:00-16:00", p.here(end))
				}
				fixed1 = f1
				t.to, t.toVar, t.toOff = to, toVar, toOff
				p.i += end + 1 + m
			default:
				return p.fail("%q: give the time the range ends, as in 08:00-16:00, or write an open end as 08:00+", p.here(end-1))
			}
			if p.peek(0).is("/") && p.number(1) {
				return p.fail("%q: opening hours are time ranges, not points in time every few minutes", p.here(1))
			}
			var ext *timeSel
			if !t.openEnd && p.peek(0).is("+") {
				// 10:00-12:00+: open, then an open end from the end time.
				wrapped := t.to < t.from
				e := timeSel{from: t.to, fromVar: t.toVar, fromOff: t.toOff, openEnd: true, extended: true, extendedWrap: wrapped}
				if wrapped {
					e.from += 24 * 60
				}
				e.to = openEndTo(e.from)
				ext = &e
				p.i++
			}
			if t.from >= 24*60 {
				return p.fail("%q: a time range begins within the day, before 24:00", p.here(-1))
			}
			if t.to < t.from || fixed0 && fixed1 && t.from == t.to {
				t.to += 24 * 60
			}
			if t.to > 48*60 {
				return p.fail("%q: a time range may end at most one midnight later", p.here(-1))
			}
			if ext != nil {
				if ext.to > 48*60 {
					return p.fail("%q: a time range may end at most one midnight later", p.here(-1))
				}
				ext.varBranch = ext.to > 24*60
				p.pushTime(r, *ext)
			}
			if t.fromVar > 0 || t.toVar > 0 {
				p.prog.hasSun = true
			}
			t.varBranch = t.to > 24*60 || t.fromVar > 0 && !t.openEnd
			p.pushTime(r, t)
		}
		if !p.peek(0).is(",") {
			return false
		}
		p.i++
	}
	return false
}

// openEndTo is the closing time the reference guesses for an open end.
func openEndTo(from int) int {
	switch {
	case from >= 22*60:
		return from + 8*60
	case from >= 17*60:
		return from + 10*60
	}
	return 24 * 60
}

// pushTime adds a time selector to r, and its part past midnight.
func (p *parser) pushTime(r *prule, t timeSel) {
	if t.from == 0 && t.to == 24*60 {
		// The reference's shortcut: open all day, whatever the words.
		r.times = append(r.times, timeSel{always: true, to: 24 * 60})
		return
	}
	r.times = append(r.times, t)
	if t.varBranch && t.to > 24*60 {
		w := t
		w.wrapped = true
		w.to -= 24 * 60
		r.times = append(r.times, w)
	}
}
