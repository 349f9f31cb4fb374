package hours

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

// christmas is a build's date a week before Christmas: Thursday 17
// December 2026.
var christmas = time.Date(2026, 12, 17, 0, 0, 0, 0, stockholm())

// textLines writes a Text as lines: the table's rows as "day: hours" (an
// exception marked "!"), then "R " and the regular week's lines, "E " and
// the exceptions'.
func textLines(t *Text) string {
	var lines []string
	if t.Empty {
		lines = append(lines, "EMPTY")
	}
	if t.Varying {
		lines = append(lines, "VARYING")
	}
	for _, d := range t.Days {
		mark := ""
		if d.Exception {
			mark = "!"
		}
		lines = append(lines, mark+d.Day+": "+d.Hours)
	}
	for _, l := range t.Regular {
		lines = append(lines, "R "+l)
	}
	for _, l := range t.Exceptions {
		lines = append(lines, "E "+l)
	}
	return strings.Join(lines, "\n")
}

// describeCases are values and what a point page says of them, from a
// pinned date, in Swedish and English, with their schema.org
// specifications as compactSchema writes them.
var describeCases = []struct {
	name, value string
	today       time.Time
	sv, en      string
	schema      string
}{
	{"regular week", "Mo-Fr 08:00-16:30; Sa 10:00-14:00", pinned,
		`torsdag 18 juni: 08.00–16.30
fredag 19 juni: 08.00–16.30
lördag 20 juni: 10.00–14.00
söndag 21 juni: stängt
måndag 22 juni: 08.00–16.30
tisdag 23 juni: 08.00–16.30
onsdag 24 juni: 08.00–16.30`,
		`Thursday 18 June: 08:00–16:30
Friday 19 June: 08:00–16:30
Saturday 20 June: 10:00–14:00
Sunday 21 June: closed
Monday 22 June: 08:00–16:30
Tuesday 23 June: 08:00–16:30
Wednesday 24 June: 08:00–16:30`,
		"Mo,Tu,We,Th,Fr 08:00-16:30 | Sa 10:00-14:00 | Su 00:00-00:00"},
	{"midsummer closed", "Mo-Fr 10:00-18:00; Sa 10:00-14:00; PH off; Jun 19-25 Fr off", pinned,
		`torsdag 18 juni: 10.00–18.00
!fredag 19 juni: stängt (midsommarafton)
!lördag 20 juni: stängt (midsommardagen)
söndag 21 juni: stängt
måndag 22 juni: 10.00–18.00
tisdag 23 juni: 10.00–18.00
onsdag 24 juni: 10.00–18.00
E Midsommarafton, fredag 19 juni: stängt
E Midsommardagen, lördag 20 juni: stängt`,
		`Thursday 18 June: 10:00–18:00
!Friday 19 June: closed (Midsummer Eve)
!Saturday 20 June: closed (Midsummer Day)
Sunday 21 June: closed
Monday 22 June: 10:00–18:00
Tuesday 23 June: 10:00–18:00
Wednesday 24 June: 10:00–18:00
E Midsummer Eve, Friday 19 June: closed
E Midsummer Day, Saturday 20 June: closed`,
		"Mo,Tu,We,Th,Fr 10:00-18:00 | Sa 10:00-14:00 | Su 00:00-00:00 | 00:00-00:00 2026-06-19/2026-06-20"},
	{"christmas closed", "Mo-Fr 10:00-18:00; Sa 10:00-14:00; PH off; Dec 24,31 off", christmas,
		`torsdag 17 december: 10.00–18.00
fredag 18 december: 10.00–18.00
lördag 19 december: 10.00–14.00
söndag 20 december: stängt
måndag 21 december: 10.00–18.00
tisdag 22 december: 10.00–18.00
onsdag 23 december: 10.00–18.00
E Julafton, torsdag 24 december: stängt
E Juldagen, fredag 25 december: stängt
E Annandag jul, lördag 26 december: stängt
E Nyårsafton, torsdag 31 december: stängt
E Nyårsdagen, fredag 1 januari: stängt
E Trettondedag jul, onsdag 6 januari: stängt`,
		`Thursday 17 December: 10:00–18:00
Friday 18 December: 10:00–18:00
Saturday 19 December: 10:00–14:00
Sunday 20 December: closed
Monday 21 December: 10:00–18:00
Tuesday 22 December: 10:00–18:00
Wednesday 23 December: 10:00–18:00
E Christmas Eve, Thursday 24 December: closed
E Christmas Day, Friday 25 December: closed
E Boxing Day, Saturday 26 December: closed
E New Year's Eve, Thursday 31 December: closed
E New Year's Day, Friday 1 January: closed
E Epiphany, Wednesday 6 January: closed`,
		"Mo,Tu,We,Th,Fr 10:00-18:00 | Sa 10:00-14:00 | Su 00:00-00:00 | 00:00-00:00 2026-12-24/2026-12-26 | 00:00-00:00 2026-12-31/2027-01-01 | 00:00-00:00 2027-01-06/2027-01-06"},
	// An eve in weeks of summer hours: named on its own line only when
	// its hours are not the summer hours (here it is closed).
	{"eve in summer weeks", "Mo-Fr 10:00-18:00; Jun-Aug Mo-Fr 10:00-15:00; Jun 19-25 Fr off", pinned,
		`!torsdag 18 juni: 10.00–15.00 (avvikande)
!fredag 19 juni: stängt (midsommarafton)
lördag 20 juni: stängt
söndag 21 juni: stängt
!måndag 22 juni: 10.00–15.00 (avvikande)
!tisdag 23 juni: 10.00–15.00 (avvikande)
!onsdag 24 juni: 10.00–15.00 (avvikande)
R måndag–fredag 10.00–18.00
R lördag–söndag stängt
E Veckorna 25–33 (18 juni–12 augusti): måndag–fredag 10.00–15.00
E Midsommarafton, fredag 19 juni: stängt`,
		`!Thursday 18 June: 10:00–15:00 (special hours)
!Friday 19 June: closed (Midsummer Eve)
Saturday 20 June: closed
Sunday 21 June: closed
!Monday 22 June: 10:00–15:00 (special hours)
!Tuesday 23 June: 10:00–15:00 (special hours)
!Wednesday 24 June: 10:00–15:00 (special hours)
R Monday–Friday 10:00–18:00
R Saturday–Sunday closed
E Weeks 25–33 (18 June–12 August): Monday–Friday 10:00–15:00
E Midsummer Eve, Friday 19 June: closed`,
		"Mo,Tu,We,Th,Fr 10:00-18:00 | Sa,Su 00:00-00:00 | 10:00-15:00 2026-06-18/2026-06-18 | 00:00-00:00 2026-06-19/2026-06-19 | 10:00-15:00 2026-06-22/2026-06-26 | 10:00-15:00 2026-06-29/2026-07-03 | 10:00-15:00 2026-07-06/2026-07-10 | 10:00-15:00 2026-07-13/2026-07-17 | 10:00-15:00 2026-07-20/2026-07-24 | 10:00-15:00 2026-07-27/2026-07-31 | 10:00-15:00 2026-08-03/2026-08-07 | 10:00-15:00 2026-08-10/2026-08-12"},
	// PH rules with hours: the reference names each opening after its
	// holiday; the page names the day once.
	{"holiday hours", "Mo-Fr 08:00-16:00; PH 10:00-14:00", christmas,
		`torsdag 17 december: 08.00–16.00
fredag 18 december: 08.00–16.00
lördag 19 december: stängt
söndag 20 december: stängt
måndag 21 december: 08.00–16.00
tisdag 22 december: 08.00–16.00
onsdag 23 december: 08.00–16.00
E Juldagen, fredag 25 december: 10.00–14.00
E Annandag jul, lördag 26 december: 10.00–14.00
E Nyårsdagen, fredag 1 januari: 10.00–14.00
E Trettondedag jul, onsdag 6 januari: 10.00–14.00`,
		`Thursday 17 December: 08:00–16:00
Friday 18 December: 08:00–16:00
Saturday 19 December: closed
Sunday 20 December: closed
Monday 21 December: 08:00–16:00
Tuesday 22 December: 08:00–16:00
Wednesday 23 December: 08:00–16:00
E Christmas Day, Friday 25 December: 10:00–14:00
E Boxing Day, Saturday 26 December: 10:00–14:00
E New Year's Day, Friday 1 January: 10:00–14:00
E Epiphany, Wednesday 6 January: 10:00–14:00`,
		"Mo,Tu,We,Th,Fr 08:00-16:00 | Sa,Su 00:00-00:00 | 10:00-14:00 2026-12-25/2026-12-26 | 10:00-14:00 2027-01-01/2027-01-01 | 10:00-14:00 2027-01-06/2027-01-06"},
	{"summer weeks", "Mo-Fr 10:00-19:00; Sa 10:00-14:00; Jun 29-Aug 9 Mo-Fr 12:00-16:00; Jun 29-Aug 9 Sa off", pinned,
		`torsdag 18 juni: 10.00–19.00
fredag 19 juni: 10.00–19.00
lördag 20 juni: 10.00–14.00
söndag 21 juni: stängt
måndag 22 juni: 10.00–19.00
tisdag 23 juni: 10.00–19.00
onsdag 24 juni: 10.00–19.00
E Veckorna 27–32 (29 juni–9 augusti): måndag–fredag 12.00–16.00; lördag stängt`,
		`Thursday 18 June: 10:00–19:00
Friday 19 June: 10:00–19:00
Saturday 20 June: 10:00–14:00
Sunday 21 June: closed
Monday 22 June: 10:00–19:00
Tuesday 23 June: 10:00–19:00
Wednesday 24 June: 10:00–19:00
E Weeks 27–32 (29 June–9 August): Monday–Friday 12:00–16:00; Saturday closed`,
		"Mo,Tu,We,Th,Fr 10:00-19:00 | Sa 10:00-14:00 | Su 00:00-00:00 | 12:00-16:00 2026-06-29/2026-07-03 | 00:00-00:00 2026-07-04/2026-07-04 | 12:00-16:00 2026-07-06/2026-07-10 | 00:00-00:00 2026-07-11/2026-07-11 | 12:00-16:00 2026-07-13/2026-07-17 | 00:00-00:00 2026-07-18/2026-07-18 | 12:00-16:00 2026-07-20/2026-07-24 | 00:00-00:00 2026-07-25/2026-07-25 | 12:00-16:00 2026-07-27/2026-07-31 | 00:00-00:00 2026-08-01/2026-08-01 | 12:00-16:00 2026-08-03/2026-08-07 | 00:00-00:00 2026-08-08/2026-08-08"},
	{"in summer weeks", "Mo-Fr 10:00-19:00; Jun 29-Aug 9 Mo-Fr 12:00-16:00", time.Date(2026, 7, 8, 0, 0, 0, 0, stockholm()),
		`!onsdag 8 juli: 12.00–16.00 (avvikande)
!torsdag 9 juli: 12.00–16.00 (avvikande)
!fredag 10 juli: 12.00–16.00 (avvikande)
lördag 11 juli: stängt
söndag 12 juli: stängt
!måndag 13 juli: 12.00–16.00 (avvikande)
!tisdag 14 juli: 12.00–16.00 (avvikande)
R måndag–fredag 10.00–19.00
R lördag–söndag stängt
E Veckorna 28–32 (8 juli–9 augusti): måndag–fredag 12.00–16.00`,
		`!Wednesday 8 July: 12:00–16:00 (special hours)
!Thursday 9 July: 12:00–16:00 (special hours)
!Friday 10 July: 12:00–16:00 (special hours)
Saturday 11 July: closed
Sunday 12 July: closed
!Monday 13 July: 12:00–16:00 (special hours)
!Tuesday 14 July: 12:00–16:00 (special hours)
R Monday–Friday 10:00–19:00
R Saturday–Sunday closed
E Weeks 28–32 (8 July–9 August): Monday–Friday 12:00–16:00`,
		"Mo,Tu,We,Th,Fr 10:00-19:00 | Sa,Su 00:00-00:00 | 12:00-16:00 2026-07-08/2026-07-10 | 12:00-16:00 2026-07-13/2026-07-17 | 12:00-16:00 2026-07-20/2026-07-24 | 12:00-16:00 2026-07-27/2026-07-31 | 12:00-16:00 2026-08-03/2026-08-07"},
	{"one other day", "Mo-Fr 08:00-16:00; Jun 24 08:00-12:00", pinned,
		`torsdag 18 juni: 08.00–16.00
fredag 19 juni: 08.00–16.00
lördag 20 juni: stängt
söndag 21 juni: stängt
måndag 22 juni: 08.00–16.00
tisdag 23 juni: 08.00–16.00
!onsdag 24 juni: 08.00–12.00 (avvikande)
R måndag–fredag 08.00–16.00
R lördag–söndag stängt
E Onsdag 24 juni: 08.00–12.00`,
		`Thursday 18 June: 08:00–16:00
Friday 19 June: 08:00–16:00
Saturday 20 June: closed
Sunday 21 June: closed
Monday 22 June: 08:00–16:00
Tuesday 23 June: 08:00–16:00
!Wednesday 24 June: 08:00–12:00 (special hours)
R Monday–Friday 08:00–16:00
R Saturday–Sunday closed
E Wednesday 24 June: 08:00–12:00`,
		"Mo,Tu,We,Th,Fr 08:00-16:00 | Sa,Su 00:00-00:00 | 08:00-12:00 2026-06-24/2026-06-24"},
	// Saturday's rule replaces the whole of Saturday, Friday's hour past
	// midnight included (as opening_hours.js reads it).
	{"past midnight", "Fr 17:00-01:00; Sa 12:00-01:00", pinned,
		`torsdag 18 juni: stängt
fredag 19 juni: 17.00–24.00
lördag 20 juni: 12.00–01.00
söndag 21 juni: stängt
måndag 22 juni: stängt
tisdag 23 juni: stängt
onsdag 24 juni: stängt`,
		`Thursday 18 June: closed
Friday 19 June: 17:00–24:00
Saturday 20 June: 12:00–01:00
Sunday 21 June: closed
Monday 22 June: closed
Tuesday 23 June: closed
Wednesday 24 June: closed`,
		"Fr 17:00-23:59 | Sa 12:00-01:00 | Mo,Tu,We,Th,Su 00:00-00:00"},
	{"open all the time", "24/7", pinned,
		`torsdag 18 juni: öppet hela dygnet
fredag 19 juni: öppet hela dygnet
lördag 20 juni: öppet hela dygnet
söndag 21 juni: öppet hela dygnet
måndag 22 juni: öppet hela dygnet
tisdag 23 juni: öppet hela dygnet
onsdag 24 juni: öppet hela dygnet`,
		`Thursday 18 June: open 24 hours
Friday 19 June: open 24 hours
Saturday 20 June: open 24 hours
Sunday 21 June: open 24 hours
Monday 22 June: open 24 hours
Tuesday 23 June: open 24 hours
Wednesday 24 June: open 24 hours`,
		"Mo,Tu,We,Th,Fr,Sa,Su 00:00-23:59"},
	{"comments", `Mo-Fr 06:30-20:00; Sa,Su 09:00-16:00 "vuxensim"; PH off; Jun 19-25 Fr off`, pinned,
		`torsdag 18 juni: 06.30–20.00
!fredag 19 juni: stängt (midsommarafton)
!lördag 20 juni: stängt (midsommardagen)
söndag 21 juni: 09.00–16.00 ”vuxensim”
måndag 22 juni: 06.30–20.00
tisdag 23 juni: 06.30–20.00
onsdag 24 juni: 06.30–20.00
E Midsommarafton, fredag 19 juni: stängt
E Midsommardagen, lördag 20 juni: stängt`,
		`Thursday 18 June: 06:30–20:00
!Friday 19 June: closed (Midsummer Eve)
!Saturday 20 June: closed (Midsummer Day)
Sunday 21 June: 09:00–16:00 “vuxensim”
Monday 22 June: 06:30–20:00
Tuesday 23 June: 06:30–20:00
Wednesday 24 June: 06:30–20:00
E Midsummer Eve, Friday 19 June: closed
E Midsummer Day, Saturday 20 June: closed`,
		"Mo,Tu,We,Th,Fr 06:30-20:00 | 00:00-00:00 2026-06-19/2026-06-20"},
	{"unknown", `Mo-Fr 08:00-16:00; Sa "efter överenskommelse"`, pinned,
		`torsdag 18 juni: 08.00–16.00
fredag 19 juni: 08.00–16.00
lördag 20 juni: ”efter överenskommelse”
söndag 21 juni: stängt
måndag 22 juni: 08.00–16.00
tisdag 23 juni: 08.00–16.00
onsdag 24 juni: 08.00–16.00`,
		`Thursday 18 June: 08:00–16:00
Friday 19 June: 08:00–16:00
Saturday 20 June: “efter överenskommelse”
Sunday 21 June: closed
Monday 22 June: 08:00–16:00
Tuesday 23 June: 08:00–16:00
Wednesday 24 June: 08:00–16:00`,
		// Saturday is not claimed: neither open nor closed.
		"Mo,Tu,We,Th,Fr 08:00-16:00 | Su 00:00-00:00"},
	{"nothing in the coming weeks", "Jan-Feb 10:00-12:00", pinned, "EMPTY", "EMPTY", ""},
}

func TestDescribe(t *testing.T) {
	for _, tt := range describeCases {
		t.Run(tt.name, func(t *testing.T) {
			h, warnings := Parse(tt.value)
			if len(warnings) > 0 {
				t.Fatalf("warnings %q", warnings)
			}
			c := h.Calendar(tt.today, Where{Lat: 62.39, Lon: 17.31})
			if got := textLines(c.Text("sv")); got != tt.sv {
				t.Errorf("Swedish:\n%s\nwant\n%s", got, tt.sv)
			}
			if got := textLines(c.Text("en")); got != tt.en {
				t.Errorf("English:\n%s\nwant\n%s", got, tt.en)
			}
			if got := compactSchema(c.Schema()); got != tt.schema {
				t.Errorf("schema:\n got %q\nwant %q", got, tt.schema)
			}
		})
	}
}

// at returns the time at hh:mm on the day n days after from.
func at(from time.Time, n, hh, mm int) time.Time {
	return time.Date(from.Year(), from.Month(), from.Day()+n, hh, mm, 0, 0, stockholm())
}

// TestDescribeIntervals describes intervals that the engine gives and
// the parser of today may not: an open end, unknown times, hours that
// change every day (sunset).
func TestDescribeIntervals(t *testing.T) {
	daily := func(f func(day time.Time) []Interval) func(from, to time.Time) []Interval {
		return func(from, to time.Time) []Interval {
			var out []Interval
			for d := at(from, 0, 0, 0); d.Before(to); d = d.AddDate(0, 0, 1) {
				out = append(out, f(d)...)
			}
			return out
		}
	}
	tests := []struct {
		name      string
		intervals func(from, to time.Time) []Interval
		sv, en    string
		schema    string
		script    string // the first openings of the script's data
	}{
		{"open end", daily(func(d time.Time) []Interval {
			if d.Weekday() != time.Friday {
				return nil
			}
			return []Interval{{From: at(d, 0, 10, 0), To: at(d, 0, 16, 0)},
				{From: at(d, 0, 18, 0), To: at(d, 0, 22, 0), Unknown: true, OpenEnd: true}}
		}),
			"fredag 19 juni: 10.00–16.00 och från 18.00", "Friday 19 June: 10:00–16:00 and from 18:00",
			"Fr 10:00-16:00 | Mo,Tu,We,Th,Sa,Su 00:00-00:00", "1:600-960 1:1080-1320uo 8:600-960"},
		{"unknown times", daily(func(d time.Time) []Interval {
			if d.Weekday() != time.Saturday {
				return nil
			}
			return []Interval{{From: at(d, 0, 10, 0), To: at(d, 0, 14, 0), Unknown: true}}
		}),
			"lördag 20 juni: 10.00–14.00 (inte bekräftat)", "Saturday 20 June: 10:00–14:00 (not confirmed)",
			"Mo,Tu,We,Th,Fr,Su 00:00-00:00", "2:600-840u 9:600-840u"},
		{"unknown all day", daily(func(d time.Time) []Interval {
			if d.Weekday() != time.Saturday {
				return nil
			}
			return []Interval{{From: at(d, 0, 0, 0), To: at(d, 1, 0, 0), Unknown: true}}
		}),
			"lördag 20 juni: tiderna är inte kända", "Saturday 20 June: hours not known",
			"Mo,Tu,We,Th,Fr,Su 00:00-00:00", "2:0-1440u 9:0-1440u"},
		{"sunset", daily(func(d time.Time) []Interval {
			yd := d.YearDay()
			return []Interval{{From: at(d, 0, 8, 0), To: at(d, 0, 18, 0).Add(time.Duration(yd) * time.Minute)}}
		}),
			"VARYING\ntorsdag 18 juni: 08.00–20.49", "VARYING\nThursday 18 June: 08:00–20:49",
			"08:00-20:49 2026-06-18/2026-06-18 | 08:00-20:50 2026-06-19/2026-06-19 | 08:00-20:51 2026-06-20/2026-06-20 | 08:00-20:52 2026-06-21/2026-06-21 | 08:00-20:53 2026-06-22/2026-06-22 | 08:00-20:54 2026-06-23/2026-06-23 | 08:00-20:55 2026-06-24/2026-06-24",
			"-1:480-1248 0:480-1249 1:480-1250"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newCalendar(tt.intervals, pinned, Where{})
			// Each language's text holds the line (lines) given.
			if got := textLines(c.Text("sv")); !strings.Contains(got, tt.sv) {
				t.Errorf("Swedish:\n%s\nwant it to hold %q", got, tt.sv)
			}
			if got := textLines(c.Text("en")); !strings.Contains(got, tt.en) {
				t.Errorf("English:\n%s\nwant it to hold %q", got, tt.en)
			}
			if got := compactSchema(c.Schema()); got != tt.schema {
				t.Errorf("schema:\n got %q\nwant %q", got, tt.schema)
			}
			if got := c.Text("sv").Script.Openings; !strings.HasPrefix(got, tt.script) {
				t.Errorf("script: %q, want it to begin %q", got, tt.script)
			}
		})
	}
}

// TestDescribeNotComplete: what guidemap does not fully understand has
// no calendar; the page shows it as written.
func TestDescribeNotComplete(t *testing.T) {
	h, warnings := Parse("Mo-Fr 08:00-16:00; Xy 10:00-14:00")
	if h.Complete || len(warnings) == 0 {
		t.Fatalf("Complete = %v, warnings %q", h.Complete, warnings)
	}
	if c := h.Calendar(pinned, Where{}); c != nil {
		t.Errorf("an incomplete value has a calendar: %+v", c)
	}
	var c *Calendar
	if c.Schema() != nil {
		t.Error("no calendar has a schema")
	}
}

// TestSchemaJSON checks the JSON-LD as a page embeds it: valid JSON, the
// regular week by dayOfWeek, each exception by its dates.
func TestSchemaJSON(t *testing.T) {
	h, _ := Parse("Mo-Fr 10:00-18:00; Sa 10:00-14:00; PH off; Jun 19-25 Fr off")
	got, err := json.Marshal(h.Calendar(pinned, Where{}).Schema())
	if err != nil {
		t.Fatal(err)
	}
	const d = "https://schema.org/"
	want := `[` +
		`{"@type":"OpeningHoursSpecification","closes":"18:00","dayOfWeek":["` + d + `Monday","` + d + `Tuesday","` + d + `Wednesday","` + d + `Thursday","` + d + `Friday"],"opens":"10:00"},` +
		`{"@type":"OpeningHoursSpecification","closes":"14:00","dayOfWeek":["` + d + `Saturday"],"opens":"10:00"},` +
		`{"@type":"OpeningHoursSpecification","closes":"00:00","dayOfWeek":["` + d + `Sunday"],"opens":"00:00"},` +
		`{"@type":"OpeningHoursSpecification","closes":"00:00","opens":"00:00","validFrom":"2026-06-19","validThrough":"2026-06-20"}` +
		`]`
	if string(got) != want {
		t.Errorf("\n got %s\nwant %s", got, want)
	}
}

// TestScriptData checks the data hours.js reads: the first day, the
// openings by day (the day before included, for its spill past
// midnight) and the words.
func TestScriptData(t *testing.T) {
	h, _ := Parse("Fr 17:00-01:00; Sa 12:00-01:00")
	s := h.Calendar(pinned, Where{}).Text("en").Script
	if s.Start != "2026-06-18" || s.Sep != ":" || !strings.HasPrefix(s.Weekdays, "Monday Tuesday") || !strings.HasPrefix(s.Months, "January") {
		t.Errorf("script data %+v", s)
	}
	if want := "1:1020-1440 2:720-1500 8:1020-1440 9:720-1500"; !strings.HasPrefix(s.Openings, want) {
		t.Errorf("openings %q, want them to begin %q", s.Openings, want)
	}
	if n := strings.Count(s.Openings, " ") + 1; n != 16 {
		t.Errorf("%d openings in eight weeks, want 16", n)
	}
}

// BenchmarkCalendar is the work of one point page's hours: a year of
// intervals (for the regular week), cut into days, and the text of one
// language. TestDescribe pins what it makes.
func BenchmarkCalendar(b *testing.B) {
	h, _ := Parse("Mo-Fr 10:00-19:00; Sa 10:00-14:00; Jun 29-Aug 9 Mo-Fr 12:00-16:00; Jun 29-Aug 9 Sa off; PH off")
	for b.Loop() {
		h.Calendar(pinned, Where{}).Text("sv")
	}
}

// TestPositionFree: only a value with a variable time depends on where
// the place is.
func TestPositionFree(t *testing.T) {
	for raw, want := range map[string]bool{
		"Mo-Fr 08:00-16:00; PH off":         true,
		"24/7":                              true,
		"sunrise-sunset":                    false,
		"Mo-Su (sunrise+01:00)-22:00":       false,
		`Sa 10:00-14:00 "till Dusk-festen"`: false, // a comment only costs the sharing
	} {
		if got := (Hours{Raw: raw}).PositionFree(); got != want {
			t.Errorf("%q: PositionFree = %v", raw, got)
		}
	}
}

// TestDescribeSchoolHolidays: the weeks of a school holiday with other
// hours (SH) are named after it, and the days of the table too; the
// holiday's name is not repeated as a comment.
func TestDescribeSchoolHolidays(t *testing.T) {
	h, warnings := Parse(`Mo-Th 15:00-21:00; Fr 18:00-23:00; SH Mo-Fr 13:00-21:00; PH off`)
	if len(warnings) > 0 {
		t.Fatal(warnings)
	}
	date := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
	w := Where{SchoolHolidays: []Period{
		{From: date("2026-10-26"), To: date("2026-10-30"), Name: "höstlov"},
		{From: date("2026-12-21"), To: date("2027-01-08"), Name: "jullov"},
	}}
	for _, tc := range []struct {
		today    time.Time
		lang     string
		want     string
		schemaLD string
	}{
		{time.Date(2026, 10, 21, 9, 0, 0, 0, stockholm()), "sv", `onsdag 21 oktober: 15.00–21.00
torsdag 22 oktober: 15.00–21.00
fredag 23 oktober: 18.00–23.00
lördag 24 oktober: stängt
söndag 25 oktober: stängt
!måndag 26 oktober: 13.00–21.00 (höstlov)
!tisdag 27 oktober: 13.00–21.00 (höstlov)
E Höstlov, vecka 44 (26 oktober–1 november): måndag–fredag 13.00–21.00`,
			"Mo,Tu,We,Th 15:00-21:00 | Fr 18:00-23:00 | Sa,Su 00:00-00:00 | 13:00-21:00 2026-10-26/2026-10-30"},
		{time.Date(2026, 12, 14, 9, 0, 0, 0, stockholm()), "en", `Monday 14 December: 15:00–21:00
Tuesday 15 December: 15:00–21:00
Wednesday 16 December: 15:00–21:00
Thursday 17 December: 15:00–21:00
Friday 18 December: 18:00–23:00
Saturday 19 December: closed
Sunday 20 December: closed
E Jullov, weeks 52–1 (21 December–10 January): Monday–Friday 13:00–21:00
E Christmas Day, Friday 25 December: closed
E New Year's Day, Friday 1 January: closed
E Epiphany, Wednesday 6 January: closed`,
			"Mo,Tu,We,Th 15:00-21:00 | Fr 18:00-23:00 | Sa,Su 00:00-00:00 | 13:00-21:00 2026-12-21/2026-12-24 | 00:00-00:00 2026-12-25/2026-12-25 | 13:00-21:00 2026-12-28/2026-12-31 | 00:00-00:00 2027-01-01/2027-01-01 | 13:00-21:00 2027-01-04/2027-01-05 | 00:00-00:00 2027-01-06/2027-01-06 | 13:00-21:00 2027-01-07/2027-01-08"},
	} {
		c := h.Calendar(tc.today, w)
		if got := textLines(c.Text(tc.lang)); got != tc.want {
			t.Errorf("%s %s:\n%s\nwant\n%s", tc.today.Format(time.DateOnly), tc.lang, got, tc.want)
		}
		if got := compactSchema(c.Schema()); got != tc.schemaLD {
			t.Errorf("%s schema:\n got %s\nwant %s", tc.today.Format(time.DateOnly), got, tc.schemaLD)
		}
	}
}
