package render_test

import (
	"context"
	"encoding/json"
	"regexp"
	"slices"
	"testing"
	"time"

	"github.com/esamverkan/guidemap/generator"
	"github.com/esamverkan/guidemap/generator/internal/golden"
)

// TestPointHoursJSONLD reads the JSON-LD of the fixture's library as a
// search engine would, built the day before midsommarafton: valid JSON,
// the regular week by day of week, and each exception of the eight weeks
// by its dates (the midsummer holidays closed, the summer weeks' other
// hours), nothing for what schema.org cannot say (the Saturday comment is
// in the text only).
func TestPointHoursJSONLD(t *testing.T) {
	fsys := golden.Txtar(t, "testdata/fixture-site.txtar")
	res, err := generator.Collect(context.Background(), generator.Config{FS: fsys, Today: time.Date(2026, 6, 18, 12, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	var page []byte
	for _, f := range res.Output {
		if f.Path == "timra/platser/timra-bibliotek/index.html" {
			page = f.Data
		}
	}
	type spec struct {
		Type         string   `json:"@type"`
		DayOfWeek    []string `json:"dayOfWeek"`
		Opens        string   `json:"opens"`
		Closes       string   `json:"closes"`
		ValidFrom    string   `json:"validFrom"`
		ValidThrough string   `json:"validThrough"`
	}
	var specs []spec
	for _, m := range regexp.MustCompile(`<script type="?application/ld\+json"?>(.*?)</script>`).FindAllSubmatch(page, -1) {
		var ld struct {
			Type  string `json:"@type"`
			Hours []spec `json:"openingHoursSpecification"`
		}
		if err := json.Unmarshal(m[1], &ld); err != nil {
			t.Fatalf("JSON-LD that is not JSON: %v\n%s", err, m[1])
		}
		if ld.Type == "Library" {
			specs = ld.Hours
		}
	}
	const d = "https://schema.org/"
	want := []spec{
		{"OpeningHoursSpecification", []string{d + "Monday", d + "Tuesday", d + "Wednesday", d + "Thursday"}, "10:00", "19:00", "", ""},
		{"OpeningHoursSpecification", []string{d + "Friday"}, "10:00", "16:00", "", ""},
		{"OpeningHoursSpecification", []string{d + "Saturday"}, "11:00", "14:00", "", ""},
		{"OpeningHoursSpecification", []string{d + "Sunday"}, "00:00", "00:00", "", ""},
		{"OpeningHoursSpecification", nil, "00:00", "00:00", "2026-06-19", "2026-06-20"},
		{"OpeningHoursSpecification", nil, "12:00", "16:00", "2026-06-29", "2026-07-03"},
		{"OpeningHoursSpecification", nil, "00:00", "00:00", "2026-07-04", "2026-07-04"},
	}
	if len(specs) < len(want) || !slices.EqualFunc(specs[:len(want)], want, func(a, b spec) bool {
		return a.Type == b.Type && slices.Equal(a.DayOfWeek, b.DayOfWeek) && a.Opens == b.Opens && a.Closes == b.Closes && a.ValidFrom == b.ValidFrom && a.ValidThrough == b.ValidThrough
	}) {
		t.Errorf("openingHoursSpecification:\n got %+v\nwant it to begin %+v", specs, want)
	}
	// The summer weeks' weekdays and Saturdays to 9 August, and nothing
	// after the eight weeks.
	last := specs[len(specs)-1]
	if last.ValidThrough != "2026-08-08" {
		t.Errorf("the last exception is %+v, want the summer weeks' last Saturday", last)
	}
}
