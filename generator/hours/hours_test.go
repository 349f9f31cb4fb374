package hours

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestParse(t *testing.T) {
	if len(hoursCases) < 60 {
		t.Fatalf("%d cases; the issue asks for at least 60", len(hoursCases))
	}
	var b strings.Builder
	for _, tt := range hoursCases {
		h, warnings := Parse(tt.in)
		if h.Raw != tt.in {
			t.Errorf("%q: Raw = %q", tt.in, h.Raw)
		}
		if want := len(warnings) == 0 && tt.in != ""; h.Complete != want {
			t.Errorf("%q: Complete = %v with warnings %q", tt.in, h.Complete, warnings)
		}
		b.WriteString(goldenEntry(tt.kind, tt.in, strings.Join(warnings, " | "), strings.Join(h.Text("sv"), " | "),
			strings.Join(h.Text("en"), " | "), compactSchema(h.Schema())))
	}
	checkGolden(t, "cases.golden", b.String())
}

func TestParseRules(t *testing.T) {
	allDay := []Span(nil)
	tests := []struct {
		in   string
		want []Rule
	}{
		{"Mo-Fr 08:00-12:00,13:00-16:30", []Rule{
			{Weekdays: []int{0, 1, 2, 3, 4}, Times: []Span{{From: 480, To: 720}, {From: 780, To: 990}}}}},
		{"Mo,We,Fr 10:00-12:00", []Rule{{Weekdays: []int{0, 2, 4}, Times: []Span{{From: 600, To: 720}}}}},
		{"Fr-Mo 10:00-12:00", []Rule{{Weekdays: []int{0, 4, 5, 6}, Times: []Span{{From: 600, To: 720}}}}},
		{"Sa 22:00-02:00", []Rule{{Weekdays: []int{5}, Times: []Span{{From: 1320, To: 1560}}}}},
		{"24/7", []Rule{{Times: allDay}}},
		{`24/7 "obemannad"`, []Rule{{Times: []Span{{From: 0, To: 1440}}, Comment: "obemannad"}}},
		{"Sa open", []Rule{{Weekdays: []int{5}, Times: allDay}}},
		{`Sa open "med bokning"`, []Rule{{Weekdays: []int{5}, Times: []Span{{From: 0, To: 1440}}, Comment: "med bokning"}}},
		{"off", []Rule{{Closed: true}}},
		{"PH off", []Rule{{Holiday: true, Closed: true}}},
		{"Su,PH 10:00-14:00", []Rule{{Weekdays: []int{6}, Holiday: true, Times: []Span{{From: 600, To: 840}}}}},
		{"Jun-Aug off", []Rule{{Months: []int{6, 7, 8}, Closed: true}}},
		{"Nov-Feb off", []Rule{{Months: []int{11, 12, 1, 2}, Closed: true}}},
		{"Jun 15-Aug 15 Mo-Fr 10:00-15:00", []Rule{{Weekdays: []int{0, 1, 2, 3, 4},
			Dates: []DateRange{{FromMonth: 6, FromDay: 15, ToMonth: 8, ToDay: 15}}, Times: []Span{{From: 600, To: 900}}}}},
		{"Dec 24-26,Dec 31 off", []Rule{{Dates: []DateRange{{FromMonth: 12, FromDay: 24, ToMonth: 12, ToDay: 26}, {FromMonth: 12, FromDay: 31, ToMonth: 12, ToDay: 31}}, Closed: true}}},
		{"Jul,Dec 24 off", []Rule{{Months: []int{7}, Dates: []DateRange{{FromMonth: 12, FromDay: 24, ToMonth: 12, ToDay: 24}}, Closed: true}}},
		{`Sa "efter överenskommelse"`, []Rule{{Weekdays: []int{5}, Comment: "efter överenskommelse"}}},
		{`Sa unknown "ring först"`, []Rule{{Weekdays: []int{5}, Comment: "ring först"}}},
		{"Mo-Fr 08:00-16:00; Sa 10:00-14:00", []Rule{
			{Weekdays: []int{0, 1, 2, 3, 4}, Times: []Span{{From: 480, To: 960}}},
			{Weekdays: []int{5}, Times: []Span{{From: 600, To: 840}}}}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			h, warnings := Parse(tt.in)
			if len(warnings) > 0 || !h.Complete {
				t.Fatalf("warnings %q, Complete %v", warnings, h.Complete)
			}
			if !reflect.DeepEqual(h.Rules, tt.want) {
				t.Errorf("rules:\n got %+v\nwant %+v", h.Rules, tt.want)
			}
		})
	}
}

// TestHoursLaterRulesOverride checks OpenStreetMap's order: a later rule
// replaces the earlier ones on the days it names, also on holidays.
func TestHoursLaterRulesOverride(t *testing.T) {
	tests := []struct{ in, sv string }{
		{"Mo-Fr 08:00-16:00; We 08:00-18:00", "måndag–tisdag och torsdag–fredag 08.00–16.00 | onsdag 08.00–18.00 | lördag–söndag stängt"},
		{"Mo-Su 08:00-20:00; Su off", "måndag–lördag 08.00–20.00 | söndag stängt"},
		// The summer rule is replaced by the later rule for the whole year.
		{"Jun-Aug Mo-Fr 08:00-15:00; Mo-Fr 08:00-16:00", "måndag–fredag 08.00–16.00 | lördag–söndag stängt"},
		// Holidays on Saturday keep the later Saturday rule.
		{"PH off; Sa 10:00-14:00", "lördag 10.00–14.00 | måndag–fredag och söndag stängt"},
		{"Sa 10:00-14:00; PH off", "lördag 10.00–14.00 | måndag–fredag och söndag stängt | helgdagar stängt"},
		// Holidays alike on some weekdays only.
		{"Mo-Sa 10:00-16:00; PH off; Sa 10:00-14:00",
			"måndag–fredag 10.00–16.00 | lördag 10.00–14.00 | söndag stängt | helgdagar: lördag 10.00–14.00, måndag–fredag och söndag stängt"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			h, warnings := Parse(tt.in)
			if len(warnings) > 0 {
				t.Fatal(warnings)
			}
			if got := strings.Join(h.Text("sv"), " | "); got != tt.sv {
				t.Errorf("\n got %q\nwant %q", got, tt.sv)
			}
		})
	}
}

func TestHoursSchemaJSON(t *testing.T) {
	h, _ := Parse("Mo-Fr 08:00-16:30; Jun-Aug Mo-Fr 08:00-15:00; Sa 10:00-14:00; PH off")
	got, err := json.Marshal(h.Schema())
	if err != nil {
		t.Fatal(err)
	}
	const d = "https://schema.org/"
	want := `[` +
		`{"@type":"OpeningHoursSpecification","closes":"16:30","dayOfWeek":["` + d + `Monday","` + d + `Tuesday","` + d + `Wednesday","` + d + `Thursday","` + d + `Friday"],"opens":"08:00"},` +
		`{"@type":"OpeningHoursSpecification","closes":"14:00","dayOfWeek":["` + d + `Saturday"],"opens":"10:00"},` +
		`{"@type":"OpeningHoursSpecification","closes":"00:00","dayOfWeek":["` + d + `Sunday"],"opens":"00:00"},` +
		`{"@type":"OpeningHoursSpecification","closes":"00:00","dayOfWeek":["` + d + `PublicHolidays"],"opens":"00:00"},` +
		`{"@type":"OpeningHoursSpecification","closes":"15:00","dayOfWeek":["` + d + `Monday","` + d + `Tuesday","` + d + `Wednesday","` + d + `Thursday","` + d + `Friday"],"opens":"08:00","validFrom":"--06-01","validThrough":"--08-31"},` +
		`{"@type":"OpeningHoursSpecification","closes":"14:00","dayOfWeek":["` + d + `Saturday"],"opens":"10:00","validFrom":"--06-01","validThrough":"--08-31"},` +
		`{"@type":"OpeningHoursSpecification","closes":"00:00","dayOfWeek":["` + d + `Sunday"],"opens":"00:00","validFrom":"--06-01","validThrough":"--08-31"},` +
		`{"@type":"OpeningHoursSpecification","closes":"00:00","dayOfWeek":["` + d + `PublicHolidays"],"opens":"00:00","validFrom":"--06-01","validThrough":"--08-31"}` +
		`]`
	if string(got) != want {
		t.Errorf("\n got %s\nwant %s", got, want)
	}
}

// TestHoursIncompleteHasNoText: what guidemap does not fully understand is
// shown as written, never as hours.
func TestHoursIncompleteHasNoText(t *testing.T) {
	h, warnings := Parse("Mo-Fr 08:00-16:00; Xy 10:00-14:00")
	if h.Complete || len(warnings) == 0 {
		t.Fatalf("Complete = %v, warnings %q", h.Complete, warnings)
	}
	if h.Rules != nil || h.Intervals(time.Now(), time.Now().Add(time.Hour), Where{}) != nil {
		t.Errorf("an incomplete value has rules or intervals: %+v", h.Rules)
	}
	if h.Text("sv") != nil || h.Text("en") != nil || h.Schema() != nil {
		t.Error("an incomplete value has text or schema")
	}
	if (Hours{}).Text("sv") != nil {
		t.Error("no hours have text")
	}
}

// TestHoursTextFromModel renders rules made without the parser, including
// values the parser never makes: Text and Schema must not panic on them.
func TestHoursTextFromModel(t *testing.T) {
	tests := []struct {
		name  string
		rules []Rule
		sv    string
	}{
		{"holidays only", []Rule{{Holiday: true, Times: []Span{{From: 600, To: 840}}}},
			"stängt | helgdagar 10.00–14.00"},
		{"a month out of range is left out", []Rule{{Months: []int{0, 13}, Closed: true}, {Weekdays: []int{0}, Times: []Span{{From: 600, To: 660}}}},
			"måndag 10.00–11.00 | tisdag–söndag stängt"},
		{"dates are clamped", []Rule{{Dates: []DateRange{{FromMonth: 2, FromDay: 31, ToMonth: 14, ToDay: 40}}, Times: []Span{{From: 600, To: 660}}}},
			"29 februari–31 december: alla dagar 10.00–11.00 | övrig tid stängt"},
		{"a span past the next midnight", []Rule{{Times: []Span{{From: 1380, To: 2880}}}},
			"alla dagar 23.00–24.00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := Hours{Raw: "x", Rules: tt.rules, Complete: true}
			if got := strings.Join(h.Text("sv"), " | "); got != tt.sv {
				t.Errorf("\n got %q\nwant %q", got, tt.sv)
			}
			h.Schema()
			h.Text("fi") // an unknown language is Swedish
		})
	}
}
