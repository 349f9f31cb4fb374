package hours

import (
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
		c := h.Calendar(pinned, Where{Lat: 62.39, Lon: 17.31})
		if (c != nil) != h.Complete {
			t.Errorf("%q: Calendar = %v with Complete %v", tt.in, c, h.Complete)
		}
		var sv, en, schema string
		if c != nil {
			sv, en, schema = calendarLines(c.Text("sv")), calendarLines(c.Text("en")), compactSchema(c.Schema())
		}
		b.WriteString(goldenEntry(tt.kind, tt.in, strings.Join(warnings, " | "), sv, en, schema))
	}
	checkGolden(t, "cases.golden", b.String())
}

// TestHoursIncompleteHasNoText: what guidemap does not fully understand is
// shown as written, never as hours.
func TestHoursIncompleteHasNoText(t *testing.T) {
	h, warnings := Parse("Mo-Fr 08:00-16:00; Xy 10:00-14:00")
	if h.Complete || len(warnings) == 0 {
		t.Fatalf("Complete = %v, warnings %q", h.Complete, warnings)
	}
	if !h.Empty() || h.Intervals(time.Now(), time.Now().Add(time.Hour), Where{}) != nil {
		t.Error("an incomplete value has intervals")
	}
	if h.Calendar(pinned, Where{}) != nil {
		t.Error("an incomplete value has a calendar (text and schema)")
	}
	if (Hours{}).Calendar(pinned, Where{}) != nil {
		t.Error("no hours have a calendar")
	}
}

// calendarLines is what a page says of the hours from the pinned date
// (textLines) on one line.
func calendarLines(t *Text) string {
	return strings.ReplaceAll(textLines(t), "\n", " | ")
}
