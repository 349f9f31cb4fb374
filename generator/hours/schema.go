package hours

import (
	"slices"
	"time"
)

// Schema returns the hours as schema.org OpeningHoursSpecification
// objects, ready to be encoded as JSON-LD: the regular week with
// dayOfWeek ("https://schema.org/Monday" …), opens and closes ("08:00";
// closed as opens = closes = "00:00", open all day as 00:00–23:59, past
// midnight as the next day's time), then each run of exception days in
// the horizon with validFrom and validThrough ("2026-12-24") and no
// dayOfWeek. What schema.org cannot say is left out, never guessed:
// openings that are not certain (unknown, a comment alone, an open end),
// and the regular week of hours that change from week to week, for which
// only the coming seven days are given, each by its date.
func (c *Calendar) Schema() []map[string]any {
	if c == nil || c.Empty {
		return nil
	}
	var out []map[string]any
	if c.Varying {
		for _, d := range c.Days[:7] {
			out = append(out, dated(specs(d.Schedule, nil), d.Date, d.Date)...)
		}
		return out
	}
	// The regular week: the weekdays of each schedule together, in
	// the order of the first, closed days last.
	var done []int
	var closed []map[string]any
	for wd := range 7 {
		if slices.Contains(done, wd) {
			continue
		}
		days := []string{}
		for wd2 := wd; wd2 < 7; wd2++ {
			if c.Regular[wd2].key() == c.Regular[wd].key() {
				days = append(days, "https://schema.org/"+words["en"].days[wd2])
				done = append(done, wd2)
			}
		}
		if len(c.Regular[wd]) == 0 {
			closed = specs(nil, days)
			continue
		}
		out = append(out, specs(c.Regular[wd], days)...)
	}
	out = append(out, closed...)
	// The exceptions, consecutive days of the same schedule together.
	for i := 0; i < len(c.Days); i++ {
		d := c.Days[i]
		if !d.Exception {
			continue
		}
		j := i
		for j+1 < len(c.Days) && c.Days[j+1].Exception && c.Days[j+1].Schedule.key() == d.Schedule.key() {
			j++
		}
		out = append(out, dated(specs(d.Schedule, nil), d.Date, c.Days[j].Date)...)
		i = j
	}
	return out
}

// dated gives specs the dates they hold from and through.
func dated(specs []map[string]any, from, through time.Time) []map[string]any {
	for _, s := range specs {
		s["validFrom"], s["validThrough"] = from.Format(time.DateOnly), through.Format(time.DateOnly)
	}
	return specs
}

// specs returns the specifications of a day's schedule on days (none: the
// days of validFrom–validThrough): one per certain opening, closed when
// there is none; nothing when the day has only uncertain openings.
func specs(s Schedule, days []string) []map[string]any {
	spec := func(opens, closes string) map[string]any {
		m := map[string]any{"@type": "OpeningHoursSpecification", "opens": opens, "closes": closes}
		if days != nil {
			m["dayOfWeek"] = days
		}
		return m
	}
	if len(s) == 0 {
		return []map[string]any{spec("00:00", "00:00")}
	}
	var out []map[string]any
	for _, o := range s {
		if o.Unknown || o.OpenEnd {
			continue
		}
		closes := clock(o.To%(24*60), ":")
		if o.To%(24*60) == 0 {
			closes = "23:59" // the end of the day
		}
		out = append(out, spec(clock(o.From, ":"), closes))
	}
	return out
}
