package hours

// Parse reads the part of OpenStreetMap's opening_hours syntax that
// public services use. It is strict on purpose: whatever it does not fully
// understand makes the value incomplete, so that the page shows it as
// written rather than as hours that might be wrong. What it accepts beyond
// the letter of the syntax can only be read one way: lower-case day names,
// one-digit hours ("8:00"), dashes "–", a ":" after the days, time spans
// without a comma between them, and "24/7" after days ("Jun-Aug 24/7").

import (
	"fmt"
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

func (p *parser) warn(format string, args ...any) {
	w := fmt.Sprintf(format, args...)
	if !slices.Contains(p.warnings, w) {
		p.warnings = append(p.warnings, w)
	}
}

// fail records that the current rule is not understood.
func (p *parser) fail(format string, args ...any) {
	p.warn(format, args...)
	p.failed = true
}

// rest returns the tokens from from to the end of the rule, as written.
func (p *parser) rest(from int) string {
	end := max(from, 0)
	for end < len(p.toks) && !p.toks[end].is(";") {
		end++
	}
	return p.span(from, end)
}

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
		if p.peek(0).is(";") {
			p.i++
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
		case t.kind == 'w' && (dayIndex(t.text) >= 0 || monthIndex(t.text) > 0 || strings.EqualFold(t.text, "PH")):
			p.warn(`%q is not understood: separate rules with ";"`, p.rest(p.i))
			p.skipRule()
		default:
			p.warn("%q is not understood", p.rest(p.i))
			p.skipRule()
		}
	}
}

func (p *parser) skipRule() {
	for p.i < len(p.toks) && !p.peek(0).is(";") {
		p.i++
	}
}

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
		if c := p.peek(0); c.kind == 'c' {
			p.i++
			if !p.comment(&r, c) {
				return r, false
			}
			r.Times = []Span{allDay}
		}
		return r, true
	}
	if t := p.peek(0); t.kind == 'n' && len(t.text) == 4 && t.text >= "1900" && t.text < "2200" && !p.peek(1).is(":") {
		p.fail("years are not supported (%q)", p.rest(p.i))
		return r, false
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
		if w := p.peek(0); w.kind == 'w' && (strings.EqualFold(w.text, "off") || strings.EqualFold(w.text, "closed")) {
			p.fail("times followed by %q (closed during those hours) are not supported", w.text)
			return r, false
		}
		if w := p.peek(0); w.kind == 'w' && strings.EqualFold(w.text, "open") {
			p.i++
		}
	case t.kind == 'w' && (strings.EqualFold(t.text, "off") || strings.EqualFold(t.text, "closed")):
		p.i++
		r.Closed, state = true, true
	case t.kind == 'w' && strings.EqualFold(t.text, "open"):
		p.i++
		state = true
		r.Times = []Span{allDay}
	case t.kind == 'w' && strings.EqualFold(t.text, "unknown"):
		p.i++
		if p.peek(0).kind != 'c' {
			p.fail(`"unknown" without a comment is not supported`)
			return r, false
		}
	case t.kind == 'w':
		p.word(t)
		return r, false
	}
	if c := p.peek(0); c.kind == 'c' {
		p.i++
		if !p.comment(&r, c) {
			return r, false
		}
		state = true
	} else if len(r.Times) == 1 && r.Times[0] == allDay && !r.Closed {
		r.Times = nil // open all day, as the model writes it
	}
	if !selectors && !state {
		p.fail("%q is not understood", p.rest(p.i))
		return r, false
	}
	return r, true
}

func (p *parser) comment(r *Rule, c token) bool {
	switch {
	case !c.closed:
		p.fail(`the comment "%s is not closed: add a " at its end`, c.text)
		return false
	case strings.ContainsAny(c.text, "<>"):
		p.fail("comments with < or > are not supported")
		return false
	case strings.TrimSpace(c.text) == "":
		p.fail("the comment is empty")
		return false
	}
	r.Comment = strings.TrimSpace(c.text)
	return true
}

// word reports a word where none was expected, with the best hint.
func (p *parser) word(t token) {
	low := strings.ToLower(t.text)
	if d, ok := swedishDays[low]; ok {
		p.fail("%q is not a weekday of the opening_hours syntax: write %q (Mo Tu We Th Fr Sa Su)", t.text, osmDays[d])
		return
	}
	if m, ok := swedishMonths[low]; ok {
		p.fail("%q is not a month of the opening_hours syntax: write %q", t.text, osmMonths[m-1])
		return
	}
	if msg, ok := unsupported[low]; ok {
		p.fail("%s", msg)
		return
	}
	if h := diag.DidYouMean(t.text, keywords); h != "" {
		p.fail("%q is not understood; %s", t.text, h)
		return
	}
	p.fail("%q is not understood", t.text)
}

// dates parses month and date selectors: Jun, Jun-Aug, Jun 15, Dec 24-26,
// Jun 15-Aug 15, separated by commas.
func (p *parser) dates(r *Rule) bool {
	if monthIndex(p.peek(0).text) == 0 || p.peek(0).kind != 'w' {
		return true
	}
	for {
		itemStart := p.i
		m := monthIndex(p.next().text)
		day := 0
		if t := p.peek(0); t.kind == 'n' && !p.isTime(0) {
			d, ok := p.day(m, t)
			if !ok {
				return false
			}
			day = d
			p.i++
		}
		if p.peek(0).is("-") {
			p.i++
			t := p.peek(0)
			switch {
			case t.kind == 'w' && monthIndex(t.text) > 0:
				p.i++
				m2 := monthIndex(t.text)
				if day == 0 {
					r.Months = appendMonths(r.Months, m, m2)
					break
				}
				n := p.peek(0)
				if n.kind != 'n' || p.isTime(0) {
					p.fail("%q: give the day the range ends on, as in Jun 15-Aug 15", p.span(itemStart, p.i))
					return false
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
					p.fail("%s %d-%d: the range ends before it begins", osmMonths[m-1], day, d2)
					return false
				}
				r.Dates = append(r.Dates, DateRange{FromMonth: m, FromDay: day, ToMonth: m, ToDay: d2})
			default:
				p.fail("%q is not a date range", p.span(itemStart, p.i+1))
				return false
			}
		} else if day > 0 {
			r.Dates = append(r.Dates, DateRange{FromMonth: m, FromDay: day, ToMonth: m, ToDay: day})
		} else {
			r.Months = appendMonths(r.Months, m, m)
		}
		if p.peek(0).is(",") && p.peek(1).kind == 'w' && monthIndex(p.peek(1).text) > 0 {
			p.i++
			continue
		}
		break
	}
	if p.peek(0).is(":") {
		p.i++
	}
	return true
}

func appendMonths(ms []int, from, to int) []int {
	for m := from; ; m = m%12 + 1 {
		if !slices.Contains(ms, m) {
			ms = append(ms, m)
		}
		if m == to {
			return ms
		}
	}
}

func (p *parser) day(m int, t token) (int, bool) {
	d, err := strconv.Atoi(t.text)
	if err != nil || len(t.text) > 2 || d < 1 || d > monthDays[m-1] {
		p.fail("%s %s is not a date", osmMonths[m-1], t.text)
		return 0, false
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
	if t.kind != 'w' || dayIndex(t.text) < 0 && !strings.EqualFold(t.text, "PH") && !strings.EqualFold(t.text, "SH") {
		return true
	}
	for {
		t := p.next()
		switch {
		case strings.EqualFold(t.text, "SH"):
			p.fail(`school holidays ("SH") are not supported`)
			return false
		case strings.EqualFold(t.text, "PH"):
			r.Holiday = true
			if n := p.peek(0); n.is("-") || n.is("+") || n.is("[") {
				p.fail("%q is not supported", p.rest(p.i-1))
				return false
			}
		default:
			from := dayIndex(t.text)
			to := from
			if p.peek(0).is("[") {
				end := p.i
				for end < len(p.toks) && !p.toks[end].is("]") && !p.toks[end].is(";") {
					end++
				}
				p.fail("weekdays of the month such as %q are not supported", p.span(p.i-1, end+1))
				return false
			}
			if p.peek(0).is("-") {
				n := p.peek(1)
				if n.kind != 'w' || dayIndex(n.text) < 0 {
					if n.kind == 'w' {
						p.word(n)
					} else {
						p.fail("%q is not a range of weekdays", p.rest(p.i-1))
					}
					return false
				}
				p.i += 2
				to = dayIndex(n.text)
			}
			for d := from; ; d = (d + 1) % 7 {
				if !slices.Contains(r.Weekdays, d) {
					r.Weekdays = append(r.Weekdays, d)
				}
				if d == to {
					break
				}
			}
		}
		if p.peek(0).is(",") {
			n := p.peek(1)
			if n.kind == 'w' && (dayIndex(n.text) >= 0 || strings.EqualFold(n.text, "PH") || strings.EqualFold(n.text, "SH")) {
				p.i++
				continue
			}
			if n.kind == 'w' {
				if _, sw := swedishDays[strings.ToLower(n.text)]; sw {
					p.i++
					p.word(n)
					return false
				}
			}
		}
		break
	}
	slices.Sort(r.Weekdays)
	if p.peek(0).is(":") {
		p.i++
	}
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
				p.fail("open end (%q) is not supported", p.rest(p.i-3))
			} else {
				p.fail("%q: give the time the span ends, as in 08:00-16:00", p.rest(p.i-3))
			}
			return false
		}
		p.i++
		to, ok := p.clock(true)
		if !ok {
			return false
		}
		switch {
		case to == from:
			p.fail("the span %s-%s is empty", hhmm(from, ":"), hhmm(to, ":"))
			return false
		case to < from:
			to += 24 * 60 // past midnight
		}
		if to-from > 24*60 {
			p.fail("the span %s-%s is longer than a day", hhmm(from, ":"), hhmm(to, ":"))
			return false
		}
		r.Times = append(r.Times, Span{From: from, To: to})
		switch {
		case p.peek(0).is(",") && p.peek(1).kind == 'n':
			p.i++
		case p.peek(0).kind == 'n':
			// 08:00-12:00 13:00-16:00: a missing comma
		case p.peek(0).is("+") || p.peek(0).is("/"):
			p.fail("%q is not supported", p.rest(p.i-1))
			return false
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
				p.fail("%s", msg)
				return 0, false
			}
		}
		p.fail("%q: expected a time such as 08:00", p.rest(p.i))
		return 0, false
	}
	if !p.isTime(0) {
		if n := p.peek(2); p.peek(1).is("-") && n.kind == 'n' && !p.isTime(2) && len(t.text) <= 2 && len(n.text) <= 2 {
			p.fail("%q has no minutes: write %s:00-%s:00", t.text+"-"+n.text, pad2(t.text), pad2(n.text))
		} else {
			p.fail("%q is not a time: write it as 08:00", p.rest(p.i))
		}
		return 0, false
	}
	hs, sep, ms := t.text, p.peek(1).text, p.peek(2).text
	if sep == "." {
		p.fail("%q is written with a dot: write %s:%s", hs+"."+ms, pad2(hs), ms)
		return 0, false
	}
	p.i += 3
	h, _ := strconv.Atoi(hs)
	m, _ := strconv.Atoi(ms)
	limit := 24
	if end {
		limit = 48
	}
	if len(hs) > 2 || len(ms) != 2 || m > 59 || h > limit || h == limit && m > 0 {
		p.fail("%s:%s is not a time", hs, ms)
		return 0, false
	}
	if !end && h == 24 {
		p.fail("a span cannot begin at %s:%s", hs, ms)
		return 0, false
	}
	return h*60 + m, true
}

func pad2(s string) string {
	if len(s) == 1 {
		return "0" + s
	}
	return s
}
