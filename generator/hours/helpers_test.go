package hours

import (
	"fmt"
	"strings"
)

// compactSchema writes OpeningHoursSpecification objects in one line each,
// "Mo,Tu 08:00-16:30 --06-01/--08-31", joined with " | ".
func compactSchema(specs []map[string]any) string {
	short := map[string]string{
		"Monday": "Mo", "Tuesday": "Tu", "Wednesday": "We", "Thursday": "Th", "Friday": "Fr",
		"Saturday": "Sa", "Sunday": "Su", "PublicHolidays": "PH",
	}
	var out []string
	for _, s := range specs {
		var days []string
		for _, d := range s["dayOfWeek"].([]string) {
			days = append(days, short[strings.TrimPrefix(d, "https://schema.org/")])
		}
		line := fmt.Sprintf("%s %s-%s", strings.Join(days, ","), s["opens"], s["closes"])
		if from, ok := s["validFrom"]; ok {
			line += fmt.Sprintf(" %s/%s", from, s["validThrough"])
		}
		out = append(out, line)
	}
	return strings.Join(out, " | ")
}
