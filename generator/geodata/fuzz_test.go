package geodata

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/esamverkan/guidemap/generator/diag"
	"github.com/esamverkan/guidemap/generator/model"
)

// checkPositions fails unless every diagnostic names file and a line and
// column that exist in src (or just past its end).
func checkPositions(t *testing.T, file string, src []byte, l *diag.List, lineless bool) {
	t.Helper()
	lines := bytes.Split(bytes.TrimPrefix(src, []byte("\ufeff")), []byte("\n"))
	for _, d := range l.Items() {
		p := d.Pos
		if p.File != file {
			t.Errorf("%s: file is %q, want %q", d, p.File, file)
		}
		if p.Feature < 0 {
			t.Errorf("%s: feature %d", d, p.Feature)
		}
		if lineless && p.Line == 0 && p.Col == 0 && p.Feature > 0 {
			continue // Place: a feature, but no line
		}
		if p.Line < 1 || p.Col < 1 {
			t.Errorf("%s: line and column must be 1 or more", d)
			continue
		}
		if p.Line > len(lines) {
			t.Errorf("%s: the input has %d lines", d, len(lines))
			continue
		}
		if n := utf8.RuneCount(lines[p.Line-1]); p.Col > n+1 {
			t.Errorf("%s: line %d has %d characters", d, p.Line, n)
		}
	}
}

// checkHours fails unless complete hours have plain text and a valid
// schema, and incomplete ones have neither.
func checkHours(t *testing.T, h model.OpeningHours) {
	t.Helper()
	for _, lang := range []string{"sv", "en"} {
		text := h.Text(lang)
		if h.Complete && len(text) == 0 {
			t.Errorf("%q: complete hours without %s text", h.Raw, lang)
		}
		if !h.Complete && text != nil {
			t.Errorf("%q: incomplete hours with text %q", h.Raw, text)
		}
		for _, line := range text {
			if strings.ContainsAny(line, "<>") || !utf8.ValidString(line) || strings.TrimSpace(line) == "" {
				t.Errorf("%q: the %s text %q is not plain text", h.Raw, lang, line)
			}
		}
	}
	clock := regexp.MustCompile(`^([01][0-9]|2[0-3]):[0-5][0-9]$`)
	monthDay := regexp.MustCompile(`^--(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$`)
	for _, s := range h.Schema() {
		for _, k := range []string{"opens", "closes"} {
			if v, _ := s[k].(string); !clock.MatchString(v) {
				t.Errorf("%q: %s = %q", h.Raw, k, s[k])
			}
		}
		if days, _ := s["dayOfWeek"].([]string); len(days) == 0 {
			t.Errorf("%q: no dayOfWeek in %v", h.Raw, s)
		}
		for _, k := range []string{"validFrom", "validThrough"} {
			if v, ok := s[k]; ok && !monthDay.MatchString(v.(string)) {
				t.Errorf("%q: %s = %q", h.Raw, k, v)
			}
		}
	}
	if !h.Complete && h.Schema() != nil {
		t.Errorf("%q: incomplete hours with a schema", h.Raw)
	}
}

func FuzzLoadPoints(f *testing.F) {
	for _, pattern := range []string{"testdata/bad/*.geojson", "../../geodata/*.geojson"} {
		files, _ := filepath.Glob(pattern)
		for _, name := range files {
			if src, err := os.ReadFile(name); err == nil && len(src) < 64<<10 {
				f.Add(src)
			}
		}
	}
	for _, s := range []string{
		`{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[17.3,62.4]},"properties":{"name":"A","url":"javascript:x","opening_hours":"Mo-Fr 08:00-16:00; PH off"}}]}`,
		`{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[-Infinity,NaN]},"properties":{"name":NaN}}]}`,
		`{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[1e400,-1e400]},"properties":{"name":"\u00e5\ud800"}}]}`,
		`{"type":"FeatureCollection","features":[null,1,"x",[],{}]}`,
		"\ufeff{\"type\":\"FeatureCollection\",\"features\":[\r\n{\"type\":\"Feature\"}]}",
		`{"features":[{"properties":{"name":"x","name":"y"},"geometry":{"type":"Point","coordinates":[17,62]}}],"type":"FeatureCollection"}`,
	} {
		f.Add([]byte(s))
	}
	const file = "geodata/bibliotek.geojson"
	var l0 diag.List
	src, err := os.ReadFile("../../geodata/municipalities.geojson")
	if err != nil {
		f.Fatal(err)
	}
	bs := LoadBoundaries("geodata/municipalities.geojson", src, &l0)
	f.Fuzz(func(t *testing.T, src []byte) {
		var l diag.List
		points := LoadPoints(file, src, testCategories, &l)
		checkPositions(t, file, src, &l, false)
		for _, p := range points {
			if math.IsNaN(p.Lon) || math.IsNaN(p.Lat) || p.Lon < -180 || p.Lon > 180 || p.Lat < -90 || p.Lat > 90 {
				t.Errorf("point %q at %v, %v", p.Name, p.Lon, p.Lat)
			}
			if p.URL != "" && !strings.HasPrefix(p.URL, "https://") && !strings.HasPrefix(p.URL, "http://") {
				t.Errorf("point %q has url %q", p.Name, p.URL)
			}
			if p.Category != "" && !contains(testCategories, p.Category) {
				t.Errorf("point %q has category %q", p.Name, p.Category)
			}
			checkHours(t, p.Hours)
		}
		if len(points) > 0 {
			var lp diag.List
			Place(points, bs, siteCodes, &lp)
			checkPositions(t, file, src, &lp, true)
		}

		var lb diag.List
		LoadBoundaries(file, src, &lb)
		checkPositions(t, file, src, &lb, false)
	})
}

func FuzzParseHours(f *testing.F) {
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
	f.Fuzz(func(t *testing.T, raw string) {
		h, warnings := ParseHours(raw)
		if h.Raw != raw {
			t.Errorf("Raw = %q, want %q", h.Raw, raw)
		}
		if h.Complete != (len(warnings) == 0 && strings.TrimSpace(raw) != "") {
			t.Errorf("%q: Complete = %v with warnings %q", raw, h.Complete, warnings)
		}
		for _, r := range h.Rules {
			for _, s := range r.Times {
				if s.From < 0 || s.From >= 24*60 || s.To <= s.From || s.To > 48*60 {
					t.Errorf("%q: span %+v", raw, s)
				}
			}
			for _, d := range r.Weekdays {
				if d < 0 || d > 6 {
					t.Errorf("%q: weekday %d", raw, d)
				}
			}
			for _, m := range r.Months {
				if m < 1 || m > 12 {
					t.Errorf("%q: month %d", raw, m)
				}
			}
		}
		checkHours(t, h)
	})
}
