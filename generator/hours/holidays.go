package hours

// Sweden's public holidays, as opening_hours.js knows them for country
// "se" (its names in Swedish): the days PH means. Julafton, midsommarafton
// and nyårsafton are not among them; a value names them by date
// (Dec 24 off).

import (
	"sync"
	"time"
)

// Holiday is a public holiday (PH) in Sweden.
type Holiday struct {
	Date   time.Time // midnight in Europe/Stockholm
	Name   string    // Swedish, as opening_hours.js names it: "midsommardagen"
	NameEn string
}

// holidayRule says how a holiday's date is found in a year.
type holidayRule struct {
	name, nameEn string
	month, day   int  // a fixed date; or, with easter, the offset in day
	easter       bool // day days after easter Sunday
	saturday     bool // the Saturday on or after month/day
}

var swedishHolidays = []holidayRule{
	{name: "nyårsdagen", nameEn: "New Year's Day", month: 1, day: 1},
	{name: "trettondedag jul", nameEn: "Epiphany", month: 1, day: 6},
	{name: "långfredagen", nameEn: "Good Friday", easter: true, day: -2},
	{name: "påskdagen", nameEn: "Easter Sunday", easter: true},
	{name: "annandag påsk", nameEn: "Easter Monday", easter: true, day: 1},
	{name: "första maj", nameEn: "May Day", month: 5, day: 1},
	{name: "Kristi himmelsfärdsdag", nameEn: "Ascension Day", easter: true, day: 39},
	{name: "pingstdagen", nameEn: "Whit Sunday", easter: true, day: 49},
	{name: "nationaldagen", nameEn: "National Day of Sweden", month: 6, day: 6},
	{name: "midsommardagen", nameEn: "Midsummer Day", month: 6, day: 20, saturday: true},
	{name: "alla helgons dag", nameEn: "All Saints' Day", month: 10, day: 31, saturday: true},
	{name: "juldagen", nameEn: "Christmas Day", month: 12, day: 25},
	{name: "annandag jul", nameEn: "Boxing Day", month: 12, day: 26},
}

// Holidays returns Sweden's public holidays in year, in date order.
func Holidays(year int) []Holiday {
	days := holidayDays(year)
	out := make([]Holiday, len(days))
	for i, d := range days {
		y, m, dd := civil(d.day)
		out[i] = Holiday{Date: time.Date(y, m, dd, 0, 0, 0, 0, stockholm()), Name: d.name, NameEn: d.nameEn}
	}
	return out
}

// holidayDay is a holiday as a day number (see dayNum).
type holidayDay struct {
	day          int
	name, nameEn string
}

var holidayCache sync.Map // year → []holidayDay

// holidayDays returns the year's holidays as day numbers, in date order.
func holidayDays(year int) []holidayDay {
	if v, ok := holidayCache.Load(year); ok {
		return v.([]holidayDay)
	}
	easter := easterDay(year)
	out := make([]holidayDay, 0, len(swedishHolidays))
	for _, h := range swedishHolidays {
		var d int
		switch {
		case h.easter:
			d = easter + h.day
		case h.saturday:
			d = dayNum(year, time.Month(h.month), h.day)
			d += (5 - weekday(d) + 7) % 7
		default:
			d = dayNum(year, time.Month(h.month), h.day)
		}
		out = append(out, holidayDay{d, h.name, h.nameEn})
	}
	// The list is in date order for every year (Ascension Day and Whit
	// Sunday fall between May 1 and June 6 or around them): sort to be sure.
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j].day < out[j-1].day; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	holidayCache.Store(year, out)
	return out
}

// Eves returns the eves in year that most Swedish offices, libraries and
// shops treat as holidays but that PH does not mean (påskafton,
// midsommarafton, julafton, nyårsafton), in date order. A value closes
// them by date ("Dec 24 off", "Jun 19-25 Fr off"); a page names them.
func Eves(year int) []Holiday {
	easter := easterDay(year)
	midsummer := dayNum(year, time.June, 19)
	midsummer += (4 - weekday(midsummer) + 7) % 7 // the Friday June 19–25
	days := []holidayDay{
		{easter - 1, "påskafton", "Easter Eve"},
		{midsummer, "midsommarafton", "Midsummer Eve"},
		{dayNum(year, time.December, 24), "julafton", "Christmas Eve"},
		{dayNum(year, time.December, 31), "nyårsafton", "New Year's Eve"},
	}
	out := make([]Holiday, len(days))
	for i, d := range days {
		y, m, dd := civil(d.day)
		out[i] = Holiday{Date: time.Date(y, m, dd, 0, 0, 0, 0, stockholm()), Name: d.name, NameEn: d.nameEn}
	}
	return out
}

// holidayOn returns the name of the holiday on day d, if it is one.
func holidayOn(d int) (holidayDay, bool) {
	y, _, _ := civil(d)
	for _, h := range holidayDays(y) {
		if h.day == d {
			return h, true
		}
	}
	return holidayDay{}, false
}

// easterDay returns the day number of easter Sunday in year (the
// Gregorian computus, as Meeus gives it).
func easterDay(year int) int {
	a := year % 19
	b, c := year/100, year%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return dayNum(year, time.Month(month), day)
}

// dayNum returns the number of a civil date: days since 1970-01-01. Days
// and months out of range roll over, as time.Date (and JavaScript's Date)
// do.
func dayNum(y int, m time.Month, d int) int {
	return int(time.Date(y, m, d, 12, 0, 0, 0, time.UTC).Unix() / 86400)
}

// civil is the inverse of dayNum.
func civil(n int) (int, time.Month, int) {
	return time.Unix(int64(n)*86400+43200, 0).UTC().Date()
}

// weekday returns the weekday of a day number, 0 = Monday.
func weekday(n int) int { return ((n+3)%7 + 7) % 7 } // 1970-01-01 was a Thursday

var (
	stockholmOnce sync.Once
	stockholmLoc  *time.Location
)

// stockholm returns Europe/Stockholm (embedded, so that it never fails).
func stockholm() *time.Location {
	stockholmOnce.Do(func() {
		loc, err := time.LoadLocation("Europe/Stockholm")
		if err != nil {
			loc = time.FixedZone("CET", 3600)
		}
		stockholmLoc = loc
	})
	return stockholmLoc
}
