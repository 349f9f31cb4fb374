package hours

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// describe writes intervals compactly: "Mo 08:00-16:00", with "?" for
// unknown, "+" for an open end and the comment in quotes; an interval
// that ends on a later day names it.
func describe(ivs []Interval) string {
	var parts []string
	for _, iv := range ivs {
		s := iv.From.Format("Mon 02 15:04") + "-"
		if iv.To.YearDay() != iv.From.YearDay() {
			s += iv.To.Format("Mon 02 15:04")
		} else {
			s += iv.To.Format("15:04")
		}
		if iv.Unknown {
			s += " ?"
		}
		if iv.OpenEnd {
			s += " +"
		}
		if iv.Comment != "" {
			s += fmt.Sprintf(" %q", iv.Comment)
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, ", ")
}

// TestIntervals pins the meaning of values without opening_hours.js (the
// differential test compares the whole corpus with it where node is
// installed): golden intervals over a few days in Europe/Stockholm.
func TestIntervals(t *testing.T) {
	loc := stockholm()
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, loc) }
	sundsvall := Where{Lat: 62.3908, Lon: 17.3069}
	tests := []struct {
		in       string
		from, to time.Time
		where    Where
		want     string
	}{
		// A later normal rule replaces the day, the spill-over of the day before included.
		{"Fr 17:00-01:00; Sa 12:00-01:00", day(2026, 11, 20), day(2026, 11, 23), sundsvall,
			"Fri 20 17:00-Sat 21 00:00, Sat 21 12:00-Sun 22 01:00"},
		{"Mo-Su 22:00-02:00", day(2026, 11, 16), day(2026, 11, 18), sundsvall,
			"Mon 16 00:00-02:00, Mon 16 22:00-Tue 17 02:00, Tue 17 22:00-Wed 18 00:00"},
		// Additional rules add; "off" with times closes part of a day.
		{"Mo-Fr 08:00-16:00, We 18:00-20:00", day(2026, 11, 18), day(2026, 11, 19), sundsvall,
			"Wed 18 08:00-16:00, Wed 18 18:00-20:00"},
		{"Mo-Fr 08:00-16:00; Mo-Fr 12:00-13:00 off", day(2026, 11, 16), day(2026, 11, 17), sundsvall,
			"Mon 16 08:00-12:00, Mon 16 13:00-16:00"},
		// Fallback rules apply where no rule before did.
		{`Mo-Fr 08:00-16:00 || "ring"`, day(2026, 11, 20), day(2026, 11, 22), sundsvall,
			`Fri 20 00:00-08:00 ? "ring", Fri 20 08:00-16:00, Fri 20 16:00-Sun 22 00:00 ? "ring"`},
		// Public holidays, with their names, and days next to them.
		{"Mo-Fr 08:00-16:00; PH off", day(2026, 12, 24), day(2026, 12, 29), sundsvall,
			"Thu 24 08:00-16:00, Mon 28 08:00-16:00"},
		{"PH 10:00-14:00", day(2026, 12, 24), day(2026, 12, 27), sundsvall,
			`Fri 25 10:00-14:00 "juldagen", Sat 26 10:00-14:00 "annandag jul"`},
		{"PH +1 day 10:00-14:00", day(2026, 6, 19), day(2026, 6, 22), sundsvall,
			`Sun 21 10:00-14:00 "Day after midsommardagen"`},
		{"Mo-Fr 08:00-16:00; easter -2 days-easter +1 day off", day(2026, 4, 2), day(2026, 4, 7), sundsvall,
			"Thu 02 08:00-16:00, Mon 06 08:00-16:00"},
		// Weeks, nth weekdays, years.
		{"week 27-32 Mo 12:00-16:00", day(2026, 6, 22), day(2026, 7, 7), sundsvall, "Mon 29 12:00-16:00, Mon 06 12:00-16:00"},
		{"week 02-52/2 We 15:00-19:00", day(2026, 11, 16), day(2026, 11, 26), sundsvall, "Wed 25 15:00-19:00"},
		{"Sa[1] 10:00-13:00; Su[-1] 12:00-14:00", day(2026, 11, 1), day(2026, 12, 6), sundsvall,
			"Sat 07 10:00-13:00, Sun 29 12:00-14:00, Sat 05 10:00-13:00"},
		{"2026 Dec 21-2027 Jan 06 off; Mo-Fr 08:00-16:00", day(2026, 12, 18), day(2026, 12, 22), sundsvall,
			"Fri 18 08:00-16:00, Mon 21 08:00-16:00"},
		// Open ends.
		{"Fr 18:00+", day(2026, 11, 20), day(2026, 11, 22), sundsvall, "Fri 20 18:00-Sat 21 04:00 ? +"},
		// Sunrise and sunset where the point is.
		{"sunrise-sunset", day(2026, 11, 16), day(2026, 11, 17), sundsvall, "Mon 16 08:07-15:02"},
		{"sunrise-sunset", day(2026, 12, 21), day(2026, 12, 22), Where{Lat: 67.85, Lon: 20.22}, ""},
		// School holidays are the site's.
		{"Mo-Fr 08:00-16:00; SH off", day(2026, 11, 2), day(2026, 11, 5), Where{SchoolHolidays: []Period{
			{From: day(2026, 11, 2), To: day(2026, 11, 3), Name: "höstlov"}}}, "Wed 04 08:00-16:00"},
		{"SH 10:00-12:00", day(2026, 11, 2), day(2026, 11, 4), Where{SchoolHolidays: []Period{
			{From: day(2026, 11, 2), To: day(2026, 11, 2), Name: "höstlov"}}}, `Mon 02 10:00-12:00 "höstlov"`},
		{"SH 10:00-12:00", day(2026, 11, 2), day(2026, 11, 4), Where{}, ""},
		// The window cuts intervals.
		{"24/7", time.Date(2026, 11, 16, 9, 30, 0, 0, loc), time.Date(2026, 11, 18, 7, 0, 0, 0, loc), sundsvall,
			"Mon 16 09:30-Wed 18 07:00"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			h, warnings := Parse(tt.in)
			if !h.Complete {
				t.Fatal(warnings)
			}
			ivs := h.Intervals(tt.from, tt.to, tt.where)
			checkIntervals(t, tt.in, ivs, tt.from, tt.to)
			if got := describe(ivs); got != tt.want {
				t.Errorf("\n got %s\nwant %s", got, tt.want)
			}
		})
	}
}

func TestHolidays(t *testing.T) {
	var got []string
	for _, h := range Holidays(2026) {
		got = append(got, h.Date.Format("01-02")+" "+h.Name)
	}
	want := "01-01 nyårsdagen, 01-06 trettondedag jul, 04-03 långfredagen, 04-05 påskdagen, 04-06 annandag påsk, " +
		"05-01 första maj, 05-14 Kristi himmelsfärdsdag, 05-24 pingstdagen, 06-06 nationaldagen, 06-20 midsommardagen, " +
		"10-31 alla helgons dag, 12-25 juldagen, 12-26 annandag jul"
	if s := strings.Join(got, ", "); s != want {
		t.Errorf("\n got %s\nwant %s", s, want)
	}
	// Easter and the Saturdays move: 2027 has easter on March 28.
	for _, h := range Holidays(2027) {
		if h.Name == "påskdagen" && h.Date.Format("01-02") != "03-28" || h.Name == "midsommardagen" && h.Date.Format("01-02") != "06-26" {
			t.Errorf("2027: %s on %s", h.Name, h.Date.Format("01-02"))
		}
		if h.NameEn == "" || h.Date.Location().String() != "Europe/Stockholm" || h.Date.Hour() != 0 {
			t.Errorf("2027: %+v", h)
		}
	}
}

// TestEves pins the eves a page names: midsommarafton is the Friday of
// June 19–25, påskafton the day before easter Sunday.
func TestEves(t *testing.T) {
	for _, tc := range []struct {
		year int
		want string
	}{
		{2026, "04-04 påskafton, 06-19 midsommarafton, 12-24 julafton, 12-31 nyårsafton"},
		{2027, "03-27 påskafton, 06-25 midsommarafton, 12-24 julafton, 12-31 nyårsafton"},
		{2030, "04-20 påskafton, 06-21 midsommarafton, 12-24 julafton, 12-31 nyårsafton"},
	} {
		var got []string
		for _, h := range Eves(tc.year) {
			got = append(got, h.Date.Format("01-02")+" "+h.Name)
			if h.NameEn == "" || h.Date.Hour() != 0 {
				t.Errorf("%d: %+v", tc.year, h)
			}
		}
		if s := strings.Join(got, ", "); s != tc.want {
			t.Errorf("%d:\n got %s\nwant %s", tc.year, s, tc.want)
		}
	}
}

// BenchmarkIntervals measures six weeks of a typical library's hours with
// holidays, weeks and a summer period.
func BenchmarkIntervals(b *testing.B) {
	h, _ := Parse("Mo-Th 10:00-19:00; Fr 10:00-17:00; Sa 10:00-14:00; week 27-32 Mo-Fr 12:00-16:00; week 27-32 Sa off; Dec 24,31 off; PH off")
	from := time.Date(2026, 11, 16, 0, 0, 0, 0, stockholm())
	to := from.AddDate(0, 0, 42)
	w := Where{Lat: 62.39, Lon: 17.31}
	b.ReportAllocs()
	for b.Loop() {
		h.Intervals(from, to, w)
	}
}

// BenchmarkIntervalsSun is BenchmarkIntervals for a value with sunrise
// and sunset.
func BenchmarkIntervalsSun(b *testing.B) {
	h, _ := Parse("Mo-Fr 07:00-(sunset+01:00); Sa,Su sunrise-sunset")
	from := time.Date(2026, 11, 16, 0, 0, 0, 0, stockholm())
	to := from.AddDate(0, 0, 42)
	w := Where{Lat: 62.39, Lon: 17.31}
	b.ReportAllocs()
	for b.Loop() {
		h.Intervals(from, to, w)
	}
}
