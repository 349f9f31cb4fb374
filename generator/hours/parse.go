package hours

// Parse reads the part of OpenStreetMap's opening_hours syntax that
// public services use. It is strict on purpose: whatever it does not fully
// understand makes the value incomplete, so that the page shows it as
// written rather than as hours that might be wrong. What it accepts beyond
// the letter of the syntax can only be read one way: lower-case day names,
// one-digit hours ("8:00"), dashes "–", a ":" after the days, time spans
// without a comma between them, and "24/7" after days ("Jun-Aug 24/7").

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/esamverkan/guidemap/generator/diag"
)

// Parse parses an opening_hours value. It returns the rules it understood
// and warnings, each a sentence, about what it did not; the value is
// Complete only when there are none. An empty value gives Hours with no
// rules (no hours) and no warnings.
func Parse(raw string) (Hours, []string) {
	h := Hours{Raw: raw}
	if strings.TrimSpace(raw) == "" {
		return h, nil
	}
	if !utf8.ValidString(raw) {
		return h, []string{"the value is not valid UTF-8 text"}
	}
	p := &parser{toks: lex(raw)}
	p.parse()
	h.Rules = p.rules
	h.Complete = len(p.warnings) == 0 && len(p.rules) > 0
	if len(p.warnings) == 0 && len(p.rules) == 0 {
		p.warn("the value holds no rules")
	}
	return h, p.warnings
}

// parser reads tokens into rules, collecting warnings as it goes.
type parser struct {
	toks     []token
	i        int
	rules    []Rule
	warnings []string
	failed   bool // the current rule was not understood
}

func (p *parser) peek(k int) token {
	if p.i+k < len(p.toks) {
		return p.toks[p.i+k]
	}
	return token{}
}

func (p *parser) next() token { t := p.peek(0); p.i++; return t }

// accept takes the punctuation punct if it comes next.
func (p *parser) accept(punct string) bool {
	ok := p.peek(0).is(punct)
	if ok {
		p.i++
	}
	return ok
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

// ruleEnd returns the index of the ";" that ends the rule at from, or the
// number of tokens.
func (p *parser) ruleEnd(from int) int {
	end := max(from, 0)
	for end < len(p.toks) && !p.toks[end].is(";") {
		end++
	}
	return end
}

// rest returns the tokens from from to the end of the rule, as written.
func (p *parser) rest(from int) string { return p.span(from, p.ruleEnd(from)) }

// span returns the tokens from from to to (exclusive), as written.
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

func (p *parser) parse() {
	additive := false
	for p.i < len(p.toks) {
		if p.accept(";") {
			continue
		}
		p.failed = false
		r, ok := p.rule()
		if p.failed || !ok {
			p.skipRule()
			additive = false
			continue
		}
		if additive && p.overlaps(r) {
			p.warn(`an additional rule after "," that shares days with an earlier rule is not supported: separate the rules with ";" and give each day all its times`)
		} else if len(r.Weekdays) == 0 && !r.Holiday && len(r.Months) == 0 && len(r.Dates) == 0 &&
			len(r.Times) == 0 && !r.Closed && r.Comment != "" && len(p.rules) > 0 {
			p.warn(`the comment %q, without days, replaces the rules before it: put it after the days it is about, as in Sa "efter överenskommelse"`, r.Comment)
		} else {
			p.rules = append(p.rules, r)
		}
		additive = false
		switch t := p.peek(0); {
		case t.kind == 0 || t.is(";"):
		case t.is(","):
			p.i++
			additive = true
		case t.is("||"):
			p.warn(`fallback rules ("||") are not supported`)
			p.skipRule()
		case t.day() >= 0 || t.month() > 0 || t.word("PH"):
			p.warn(`%q is not understood: separate rules with ";"`, p.rest(p.i))
			p.skipRule()
		default:
			p.warn("%q is not understood", p.rest(p.i))
			p.skipRule()
		}
	}
}

func (p *parser) skipRule() { p.i = p.ruleEnd(p.i) }

// overlaps reports whether r applies on some day an earlier rule applies on.
func (p *parser) overlaps(r Rule) bool {
	return slices.ContainsFunc(p.rules, func(o Rule) bool { return overlap(r, o) })
}

// always reports whether the next tokens are "24/7".
func (p *parser) always() bool {
	return p.peek(0).kind == 'n' && p.peek(0).text == "24" && p.peek(1).is("/") && p.peek(2).kind == 'n' && p.peek(2).text == "7"
}

// rule parses one rule: 24/7 [comment], or [dates [:]] [weekdays [:]]
// [times | 24/7 | off | closed | open | unknown] [comment].
func (p *parser) rule() (Rule, bool) {
	var r Rule
	start := p.i
	if p.always() {
		p.i += 3
		found, ok := p.comment(&r)
		if found {
			r.Times = []Span{allDay}
		}
		return r, ok
	}
	if t := p.peek(0); t.kind == 'n' && len(t.text) == 4 && t.text >= "1900" && t.text < "2200" && !p.peek(1).is(":") {
		return r, p.fail("years are not supported (%q)", p.rest(p.i))
	}
	if !p.dates(&r) {
		return r, false
	}
	if !p.weekdays(&r) {
		return r, false
	}
	selectors := p.i > start
	state := false
	switch t := p.peek(0); {
	case p.always():
		// "Jun-Aug 24/7": open all day on the days selected.
		p.i += 3
		state = true
		r.Times = []Span{allDay}
	case t.kind == 'n':
		if !p.times(&r) {
			return r, false
		}
		state = true
		if w := p.peek(0); w.word("off", "closed") {
			return r, p.fail("times followed by %q (closed during those hours) are not supported", w.text)
		}
		if p.peek(0).word("open") {
			p.i++
		}
	case t.word("off", "closed"):
		p.i++
		r.Closed, state = true, true
	case t.word("open"):
		p.i++
		state = true
		r.Times = []Span{allDay}
	case t.word("unknown"):
		p.i++
		if p.peek(0).kind != 'c' {
			return r, p.fail(`"unknown" without a comment is not supported`)
		}
	case t.kind == 'w':
		return r, p.word(t)
	}
	switch found, ok := p.comment(&r); {
	case !ok:
		return r, false
	case found:
		state = true
	case len(r.Times) == 1 && r.Times[0] == allDay && !r.Closed:
		r.Times = nil // open all day, as Rule writes it
	}
	if !selectors && !state {
		return r, p.fail("%q is not understood", p.rest(p.i))
	}
	return r, true
}

// comment takes a comment if one comes next: found tells whether one did,
// ok whether it was understood (it is then r's Comment).
func (p *parser) comment(r *Rule) (found, ok bool) {
	c := p.peek(0)
	if c.kind != 'c' {
		return false, true
	}
	p.i++
	switch {
	case !c.closed:
		return true, p.fail(`the comment "%s is not closed: add a " at its end`, c.text)
	case strings.ContainsAny(c.text, "<>"):
		return true, p.fail("comments with < or > are not supported")
	case strings.TrimSpace(c.text) == "":
		return true, p.fail("the comment is empty")
	}
	r.Comment = strings.TrimSpace(c.text)
	return true, true
}

// word reports a word where none was expected, with the best hint, and
// returns false as fail does.
func (p *parser) word(t token) bool {
	low := strings.ToLower(t.text)
	if d, ok := swedishDays[low]; ok {
		return p.fail("%q is not a weekday of the opening_hours syntax: write %q (Mo Tu We Th Fr Sa Su)", t.text, osmDays[d])
	}
	if m, ok := swedishMonths[low]; ok {
		return p.fail("%q is not a month of the opening_hours syntax: write %q", t.text, osmMonths[m-1])
	}
	if msg, ok := unsupported[low]; ok {
		return p.fail("%s", msg)
	}
	if h := diag.DidYouMean(t.text, keywords); h != "" {
		return p.fail("%q is not understood; %s", t.text, h)
	}
	return p.fail("%q is not understood", t.text)
}

// dates parses month and date selectors: Jun, Jun-Aug, Jun 15, Dec 24-26,
// Jun 15-Aug 15, separated by commas.
func (p *parser) dates(r *Rule) bool {
	if p.peek(0).month() == 0 {
		return true
	}
	for {
		itemStart := p.i
		m := p.next().month()
		day := 0
		if t := p.peek(0); t.kind == 'n' && !p.isTime(0) {
			d, ok := p.day(m, t)
			if !ok {
				return false
			}
			day = d
			p.i++
		}
		if p.accept("-") {
			t := p.peek(0)
			switch {
			case t.month() > 0:
				p.i++
				m2 := t.month()
				if day == 0 {
					r.Months = appendCycle(r.Months, m, m2, 1, 12)
					break
				}
				n := p.peek(0)
				if n.kind != 'n' || p.isTime(0) {
					return p.fail("%q: give the day the range ends on, as in Jun 15-Aug 15", p.span(itemStart, p.i))
				}
				d2, ok := p.day(m2, n)
				if !ok {
					return false
				}
				p.i++
				r.Dates = append(r.Dates, DateRange{FromMonth: m, FromDay: day, ToMonth: m2, ToDay: d2})
			case t.kind == 'n' && day > 0 && !p.isTime(0):
				d2, ok := p.day(m, t)
				if !ok {
					return false
				}
				p.i++
				if d2 < day {
					return p.fail("%s %d-%d: the range ends before it begins", osmMonths[m-1], day, d2)
				}
				r.Dates = append(r.Dates, DateRange{FromMonth: m, FromDay: day, ToMonth: m, ToDay: d2})
			default:
				return p.fail("%q is not a date range", p.span(itemStart, p.i+1))
			}
		} else if day > 0 {
			r.Dates = append(r.Dates, DateRange{FromMonth: m, FromDay: day, ToMonth: m, ToDay: day})
		} else {
			r.Months = appendCycle(r.Months, m, m, 1, 12)
		}
		if p.peek(0).is(",") && p.peek(1).month() > 0 {
			p.i++
			continue
		}
		break
	}
	p.accept(":")
	return true
}

func (p *parser) day(m int, t token) (int, bool) {
	d, err := strconv.Atoi(t.text)
	if err != nil || len(t.text) > 2 || d < 1 || d > monthDays[m-1] {
		return 0, p.fail("%s %s is not a date", osmMonths[m-1], t.text)
	}
	return d, true
}

// isTime reports whether the tokens at k read as a time: digits, ":" or
// ".", two digits, with no space between.
func (p *parser) isTime(k int) bool {
	sep := p.peek(k + 1)
	return p.peek(k).kind == 'n' && (sep.is(":") || sep.is(".")) && !sep.space &&
		p.peek(k+2).kind == 'n' && !p.peek(k+2).space
}

// weekdays parses Mo-Fr, Mo,We,Fr, Sa, PH and lists of them.
func (p *parser) weekdays(r *Rule) bool {
	t := p.peek(0)
	if t.day() < 0 && !t.word("PH", "SH") {
		return true
	}
	for {
		t := p.next()
		switch {
		case t.word("SH"):
			return p.fail(`school holidays ("SH") are not supported`)
		case t.word("PH"):
			r.Holiday = true
			if n := p.peek(0); n.is("-") || n.is("+") || n.is("[") {
				return p.fail("%q is not supported", p.rest(p.i-1))
			}
		default:
			from := t.day()
			to := from
			if p.peek(0).is("[") {
				end := p.i
				for end < len(p.toks) && !p.toks[end].is("]") && !p.toks[end].is(";") {
					end++
				}
				return p.fail("weekdays of the month such as %q are not supported", p.span(p.i-1, end+1))
			}
			if p.peek(0).is("-") {
				n := p.peek(1)
				if n.day() < 0 {
					if n.kind == 'w' {
						return p.word(n)
					}
					return p.fail("%q is not a range of weekdays", p.rest(p.i-1))
				}
				p.i += 2
				to = n.day()
			}
			r.Weekdays = appendCycle(r.Weekdays, from, to, 0, 7)
		}
		if p.peek(0).is(",") {
			n := p.peek(1)
			if n.day() >= 0 || n.word("PH", "SH") {
				p.i++
				continue
			}
			if n.kind == 'w' {
				if _, sw := swedishDays[strings.ToLower(n.text)]; sw {
					p.i++
					return p.word(n)
				}
			}
		}
		break
	}
	slices.Sort(r.Weekdays)
	p.accept(":")
	return true
}

// times parses 08:00-12:00,13:00-16:30.
func (p *parser) times(r *Rule) bool {
	for {
		from, ok := p.clock(false)
		if !ok {
			return false
		}
		if !p.peek(0).is("-") {
			if p.peek(0).is("+") {
				return p.fail("open end (%q) is not supported", p.rest(p.i-3))
			}
			return p.fail("%q: give the time the span ends, as in 08:00-16:00", p.rest(p.i-3))
		}
		p.i++
		to, ok := p.clock(true)
		if !ok {
			return false
		}
		switch {
		case to == from:
			return p.fail("the span %s-%s is empty", hhmm(from, ":"), hhmm(to, ":"))
		case to < from:
			to += 24 * 60 // past midnight
		}
		if to-from > 24*60 {
			return p.fail("the span %s-%s is longer than a day", hhmm(from, ":"), hhmm(to, ":"))
		}
		r.Times = append(r.Times, Span{From: from, To: to})
		switch {
		case p.peek(0).is(",") && p.peek(1).kind == 'n':
			p.i++
		case p.peek(0).kind == 'n':
			// 08:00-12:00 13:00-16:00: a missing comma
		case p.peek(0).is("+") || p.peek(0).is("/"):
			return p.fail("%q is not supported", p.rest(p.i-1))
		default:
			return true
		}
	}
}

// clock parses a time of day as minutes after midnight; end allows the
// times past midnight that end a span (up to 48:00).
func (p *parser) clock(end bool) (int, bool) {
	t := p.peek(0)
	if t.kind != 'n' {
		if t.kind == 'w' {
			if msg, ok := unsupported[strings.ToLower(t.text)]; ok {
				return 0, p.fail("%s", msg)
			}
		}
		return 0, p.fail("%q: expected a time such as 08:00", p.rest(p.i))
	}
	if !p.isTime(0) {
		if n := p.peek(2); p.peek(1).is("-") && n.kind == 'n' && !p.isTime(2) && len(t.text) <= 2 && len(n.text) <= 2 {
			return 0, p.fail("%q has no minutes: write %s:00-%s:00", t.text+"-"+n.text, pad2(t.text), pad2(n.text))
		}
		return 0, p.fail("%q is not a time: write it as 08:00", p.rest(p.i))
	}
	hs, sep, ms := t.text, p.peek(1).text, p.peek(2).text
	if sep == "." {
		return 0, p.fail("%q is written with a dot: write %s:%s", hs+"."+ms, pad2(hs), ms)
	}
	p.i += 3
	h, _ := strconv.Atoi(hs)
	m, _ := strconv.Atoi(ms)
	limit := 24
	if end {
		limit = 48
	}
	if len(hs) > 2 || len(ms) != 2 || m > 59 || h > limit || h == limit && m > 0 {
		return 0, p.fail("%s:%s is not a time", hs, ms)
	}
	if !end && h == 24 {
		return 0, p.fail("a span cannot begin at %s:%s", hs, ms)
	}
	return h*60 + m, true
}

func pad2(s string) string {
	if len(s) == 1 {
		return "0" + s
	}
	return s
}
