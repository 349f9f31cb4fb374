package config

import (
	"reflect"
	"testing"
	"time"

	"github.com/esamverkan/guidemap/generator/model"
)

// TestSchoolHolidays pins what [[school_holidays]] reads as and every
// diagnostic of its mistakes, with file:line:col.
func TestSchoolHolidays(t *testing.T) {
	date := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
	sportlov := "[[school_holidays]]\nname = \"Sportlov\"\nfrom = \"2027-02-22\"\nto = \"2027-02-28\"\nmunicipalities = [\"sundsvall\", \"timra\"]\n"
	tests := []struct {
		name, src string
		want      []model.SchoolHoliday
		diags     []string
	}{
		{"two", minimal + sportlov + "\n[[school_holidays]]\nname = \"Jullov\"\nfrom = \"2026-12-21\"\nto = \"2027-01-08\"\n",
			[]model.SchoolHoliday{
				{Name: "Sportlov", From: date("2027-02-22"), To: date("2027-02-28"), Municipalities: []string{"sundsvall", "timra"}, File: File, Line: 4},
				{Name: "Jullov", From: date("2026-12-21"), To: date("2027-01-08"), File: File, Line: 10},
			}, nil},
		{"none", minimal, nil, nil},
		{"no name", minimal + "[[school_holidays]]\nfrom = \"2027-02-22\"\nto = \"2027-02-28\"\n",
			nil, []string{`content/site.toml:3:1: a school holiday needs a name; write name = "sportlov": the name a page shows for the days`}},
		{"a date that is not one", minimal + "[[school_holidays]]\nname = \"Sportlov\"\nfrom = \"22 februari\"\nto = \"2027-02-28\"\n",
			nil, []string{`content/site.toml:5:1: school holiday "Sportlov": from must be a date YYYY-MM-DD, not "22 februari"; write from = "2027-02-22"`}},
		{"ends before it begins", minimal + "[[school_holidays]]\nname = \"Sportlov\"\nfrom = \"2027-02-28\"\nto = \"2027-02-22\"\n",
			nil, []string{`content/site.toml:6:1: school holiday "Sportlov" ends (2027-02-22) before it begins (2027-02-28); write the first day in from and the last in to`}},
		{"a year too long", minimal + "[[school_holidays]]\nname = \"Sommarlov\"\nfrom = \"2027-06-11\"\nto = \"2028-08-17\"\n",
			nil, []string{`content/site.toml:6:1: school holiday "Sommarlov" lasts from 2027-06-11 to 2028-08-17, more than 100 days; check the dates: a school holiday is at most 100 days; list the summer holidays once a year`}},
		{"a municipality by its name", minimal + "[[school_holidays]]\nname = \"Höstlov\"\nfrom = \"2026-10-26\"\nto = \"2026-10-30\"\nmunicipalities = [\"Sundsvall\"]\n",
			nil, []string{`content/site.toml:7:1: school holiday "Höstlov": "Sundsvall" is not a municipality's slug; name municipalities by their slug, as their folders in content/municipalities/`}},
		{"a misspelt key", minimal + "[[school_holidays]]\nname = \"Höstlov\"\nfrom = \"2026-10-26\"\nuntil = \"2026-10-30\"\n",
			nil, []string{
				`content/site.toml:3:1: school holiday "Höstlov": to must be a date YYYY-MM-DD, not ""; write to = "2027-02-22"`,
				`content/site.toml:6:1: unknown key "school_holidays.until" in site.toml`,
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, got := loadMinimal(tt.src)
			if !reflect.DeepEqual(got, tt.diags) {
				t.Errorf("diagnostics:\n got %q\nwant %q", got, tt.diags)
			}
			if !reflect.DeepEqual(c.SchoolHolidays, tt.want) {
				t.Errorf("school holidays:\n got %+v\nwant %+v", c.SchoolHolidays, tt.want)
			}
		})
	}
}
