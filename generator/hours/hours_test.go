package hours

import (
	"reflect"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	if len(hoursCases) < 60 {
		t.Fatalf("%d cases; the issue asks for at least 60", len(hoursCases))
	}
	for _, tt := range hoursCases {
		t.Run(tt.kind+"/"+tt.in, func(t *testing.T) {
			h, warnings := Parse(tt.in)
			if h.Raw != tt.in {
				t.Errorf("Raw = %q", h.Raw)
			}
			if got := strings.Join(warnings, " | "); got != tt.warn {
				t.Errorf("warnings:\n got %q\nwant %q", got, tt.warn)
			}
			if want := tt.warn == "" && tt.in != ""; h.Complete != want {
				t.Errorf("Complete = %v, want %v", h.Complete, want)
			}
			if c := h.Calendar(pinned, Where{}); (c != nil) != h.Complete {
				t.Errorf("Calendar = %v with Complete %v", c, h.Complete)
			}
		})
	}
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

// TestHoursIncompleteHasNoText: what guidemap does not fully understand is
// shown as written, never as hours.
func TestHoursIncompleteHasNoText(t *testing.T) {
	h, warnings := Parse("Mo-Fr 08:00-16:00; Lö 10:00-14:00")
	if h.Complete || len(warnings) == 0 {
		t.Fatalf("Complete = %v, warnings %q", h.Complete, warnings)
	}
	if len(h.Rules) != 1 {
		t.Errorf("the rule that was understood is kept: %+v", h.Rules)
	}
	if h.Calendar(pinned, Where{}) != nil {
		t.Error("an incomplete value has a calendar (text and schema)")
	}
	if (Hours{}).Calendar(pinned, Where{}) != nil {
		t.Error("no hours have a calendar")
	}
}
