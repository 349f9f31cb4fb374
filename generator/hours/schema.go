package hours

import (
	"fmt"
	"maps"
)

// Schema returns the opening hours as schema.org OpeningHoursSpecification
// objects, ready to be encoded as JSON-LD: dayOfWeek as
// "https://schema.org/Monday" …, opens and closes as "08:00", closed days
// as opens = closes = "00:00", days open around the clock as 00:00–23:59,
// and validFrom/validThrough ("--06-15") for the periods of the year with
// other hours than the rest of the year (the regular hours, which have
// none). Days whose hours are only a comment are left out. It
// returns nil when h is not Complete or has no rules.
func (h Hours) Schema() []map[string]any {
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
				days = append(days, "https://schema.org/"+words["en"].days[d])
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
				c := maps.Clone(s)
				c["validFrom"], c["validThrough"] = monthDay(r.from), monthDay(r.to)
				out = append(out, c)
			}
		}
	}
	return out
}

// monthDay writes a day of the year as schema.org writes a date without a
// year: "--06-15".
func monthDay(doy int) string {
	m, d := dateOf(doy)
	return fmt.Sprintf("--%02d-%02d", m, d)
}

// stateSpecs returns the specifications of one state on days.
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
