package hours

import (
	"fmt"
	"strings"
	"time"
)

// pinned is the build's date of the tests: Thursday 18 June 2026, the day
// before midsommarafton, in week 25.
var pinned = time.Date(2026, 6, 18, 9, 30, 0, 0, stockholm())

// compactSchema writes OpeningHoursSpecification objects in one line each,
// "Mo,Tu 08:00-16:30" or "08:00-16:30 2026-06-19/2026-06-19", joined with
// " | ".
func compactSchema(specs []map[string]any) string {
	short := map[string]string{
		"Monday": "Mo", "Tuesday": "Tu", "Wednesday": "We", "Thursday": "Th", "Friday": "Fr",
		"Saturday": "Sa", "Sunday": "Su",
	}
	var out []string
	for _, s := range specs {
		var line string
		if ds, ok := s["dayOfWeek"].([]string); ok {
			var days []string
			for _, d := range ds {
				days = append(days, short[strings.TrimPrefix(d, "https://schema.org/")])
			}
			line = strings.Join(days, ",") + " "
		}
		line += fmt.Sprintf("%s-%s", s["opens"], s["closes"])
		if from, ok := s["validFrom"]; ok {
			line += fmt.Sprintf(" %s/%s", from, s["validThrough"])
		}
		out = append(out, line)
	}
	return strings.Join(out, " | ")
}
