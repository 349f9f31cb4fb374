package config

import (
	"strings"
	"time"

	"github.com/esamverkan/guidemap/generator/diag"
	"github.com/esamverkan/guidemap/generator/model"
)

// schoolHolidayFile is one [[school_holidays]] entry of site.toml: the
// days that opening_hours' SH means, for every municipality or for the
// ones it names (Swedish school holidays differ between municipalities).
type schoolHolidayFile struct {
	Name           string   `toml:"name"`
	From           string   `toml:"from"`
	To             string   `toml:"to"`
	Municipalities []string `toml:"municipalities"`
}

// schoolHolidayKeys are the keys of a [[school_holidays]] entry, for
// siteKeys.
var schoolHolidayKeys = []string{"school_holidays", "school_holidays.name", "school_holidays.from",
	"school_holidays.to", "school_holidays.municipalities"}

// maxSchoolHoliday is the longest school holiday, in days: longer is a
// mistake in a date (summer holidays are about eleven weeks).
const maxSchoolHoliday = 100

// schoolHolidays checks the [[school_holidays]]: each has a name, and
// dates YYYY-MM-DD from one to at most maxSchoolHoliday days later;
// the municipalities are slugs (assemble checks that they exist).
func schoolHolidays(entries []schoolHolidayFile, src []byte, l *diag.List) []model.SchoolHoliday {
	var out []model.SchoolHoliday
	for i, e := range entries {
		at := func(key string) diag.Pos {
			line, col := tableKey(src, "school_holidays", i, key)
			return diag.At(File, line, col)
		}
		ok := true
		name := strings.TrimSpace(e.Name)
		if name == "" {
			l.Errorf(at("name"), `write name = "sportlov": the name a page shows for the days`, "a school holiday needs a name")
			ok = false
		}
		var dates [2]time.Time
		for k, d := range []struct{ key, value string }{{"from", e.From}, {"to", e.To}} {
			t, err := time.Parse(time.DateOnly, d.value)
			if err != nil {
				l.Errorf(at(d.key), diag.Textf("write %s = \"2027-02-22\"", d.key), "school holiday %q: %s must be a date YYYY-MM-DD, not %q", name, d.key, d.value)
				ok = false
			}
			dates[k] = t
		}
		if ok && dates[1].Before(dates[0]) {
			l.Errorf(at("to"), "write the first day in from and the last in to", "school holiday %q ends (%s) before it begins (%s)", name, e.To, e.From)
			ok = false
		}
		if ok && dates[1].Sub(dates[0]) > maxSchoolHoliday*24*time.Hour {
			l.Errorf(at("to"), "check the dates: a school holiday is at most 100 days; list the summer holidays once a year",
				"school holiday %q lasts from %s to %s, more than %d days", name, e.From, e.To, maxSchoolHoliday)
			ok = false
		}
		for _, m := range e.Municipalities {
			if !model.IsSlug(m) {
				l.Errorf(at("municipalities"), "name municipalities by their slug, as their folders in content/municipalities/", "school holiday %q: %q is not a municipality's slug", name, m)
				ok = false
			}
		}
		if ok {
			out = append(out, model.SchoolHoliday{Name: name, From: dates[0], To: dates[1], Municipalities: e.Municipalities,
				File: File, Line: at("name").Line})
		}
	}
	return out
}
