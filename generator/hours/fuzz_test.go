package hours

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// checkHours fails unless complete hours have plain text and a valid
// schema from a pinned date, and incomplete ones have neither.
func checkHours(t *testing.T, h Hours) {
	t.Helper()
	c := h.Calendar(pinned, Where{Lat: 62.39, Lon: 17.31})
	if (c != nil) != h.Complete {
		t.Fatalf("%q: Calendar %v with Complete %v", h.Raw, c != nil, h.Complete)
	}
	if c == nil {
		return
	}
	if len(c.Days) != HorizonDays {
		t.Errorf("%q: %d days", h.Raw, len(c.Days))
	}
	script := regexp.MustCompile(`^(-?[0-9]+:[0-9]+-[0-9]+u?o?( |$))*$`)
	for _, lang := range []string{"sv", "en"} {
		text := c.Text(lang)
		lines := slices.Concat(text.Regular, text.Exceptions)
		for _, d := range text.Days {
			lines = append(lines, d.Day, d.Hours)
		}
		if !c.Empty && len(text.Days) != 7 {
			t.Errorf("%q: %d days in the %s table", h.Raw, len(text.Days), lang)
		}
		for _, line := range lines {
			// Comments may hold < and >: the text is escaped where it is shown.
			if !utf8.ValidString(line) || strings.TrimSpace(line) == "" {
				t.Errorf("%q: the %s text %q is not plain text", h.Raw, lang, line)
			}
		}
		if !script.MatchString(text.Script.Openings) {
			t.Errorf("%q: the script's openings %q", h.Raw, text.Script.Openings)
		}
	}
	clock := regexp.MustCompile(`^([01][0-9]|2[0-3]):[0-5][0-9]$`)
	date := regexp.MustCompile(`^20[0-9][0-9]-[01][0-9]-[0-3][0-9]$`)
	for _, s := range c.Schema() {
		for _, k := range []string{"opens", "closes"} {
			if v, _ := s[k].(string); !clock.MatchString(v) {
				t.Errorf("%q: %s = %q", h.Raw, k, s[k])
			}
		}
		_, dated := s["validFrom"]
		if days, _ := s["dayOfWeek"].([]string); len(days) == 0 && !dated {
			t.Errorf("%q: neither dayOfWeek nor dates in %v", h.Raw, s)
		}
		for _, k := range []string{"validFrom", "validThrough"} {
			if v, ok := s[k]; ok && !date.MatchString(v.(string)) {
				t.Errorf("%q: %s = %q", h.Raw, k, v)
			}
		}
	}
}

// FuzzParse checks that no value makes the parser, the evaluation or the
// describing of what it parsed panic, that complete hours have text and a
// valid schema, and that their intervals over six weeks are in order, do
// not overlap and stay within the window.
func FuzzParse(f *testing.F) {
	for _, c := range hoursCases {
		f.Add(c.in)
	}
	for _, s := range []string{
		"Mo-Fr 08:00-16:00; Jun 15-Aug 15 Mo-Fr 10:00-15:00; Dec 24-Jan 6 off; PH off",
		"Feb 29 off", "Feb 28-Mar 1 10:00-12:00", "Dec 31-Jan 1 off", "Jan 1-Dec 31 10:00-11:00",
		"Su-Mo 23:00-47:59", "24/7 \"\"", "\"a\"; \"b\"", ";;", ",", "Mo,", "Mo-", "Jun-", "Jun 15-",
		"00:00-24:00", "Mo 24:00-25:00", "PH,PH,Su,Su off", "Mo-Fr 08:00-12:00,", "\x00", "Mo \"\xff\"",
	} {
		f.Add(s)
	}
	if corpus, err := os.ReadFile(filepath.Join("testdata", "corpus.txt")); err == nil {
		for _, line := range strings.Split(string(corpus), "\n") {
			if line != "" && !strings.HasPrefix(line, "#") {
				f.Add(line)
			}
		}
	}
	from := time.Date(2026, 12, 14, 13, 30, 0, 0, stockholm())
	to := from.AddDate(0, 0, 42)
	where := Where{Lat: 67.85, Lon: 20.22, SchoolHolidays: []Period{{From: from.AddDate(0, 0, 7), To: from.AddDate(0, 0, 20), Name: "jullov"}}}
	f.Fuzz(func(t *testing.T, raw string) {
		h, warnings := Parse(raw)
		if h.Raw != raw {
			t.Errorf("Raw = %q, want %q", h.Raw, raw)
		}
		if h.Complete != (len(warnings) == 0 && strings.TrimSpace(raw) != "") {
			t.Errorf("%q: Complete = %v with warnings %q", raw, h.Complete, warnings)
		}
		checkHours(t, h)
		checkIntervals(t, raw, h.Intervals(from, to, where), from, to)
		if !h.Complete && h.Intervals(from, to, where) != nil {
			t.Errorf("%q: incomplete hours with intervals", raw)
		}
	})
}

// checkIntervals fails unless ivs are in order, not empty, not
// overlapping and within [from, to).
func checkIntervals(t *testing.T, raw string, ivs []Interval, from, to time.Time) {
	t.Helper()
	for i, iv := range ivs {
		if !iv.From.Before(iv.To) || iv.From.Before(from) || iv.To.After(to) {
			t.Errorf("%q: interval %v–%v outside %v–%v or empty", raw, iv.From, iv.To, from, to)
		}
		if i > 0 && iv.From.Before(ivs[i-1].To) {
			t.Errorf("%q: interval %v–%v overlaps the one before", raw, iv.From, iv.To)
		}
	}
}
