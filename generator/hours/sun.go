package hours

// Sunrise, sunset, dawn and dusk (civil twilight, the sun 6° below the
// horizon) for a position and day, as opening_hours.js gets them (through
// suncalc): the Sun's apparent position from the low-accuracy series of
// Meeus, Astronomical Algorithms, chapter 25 (on Terrestrial Time, with
// Espenak and Meeus' ΔT), sidereal time from chapter 12, and the times of
// rising and setting from chapter 15, refined by a few Newton steps from
// the solar transit nearest the day. Times are truncated to the minute
// in local time.

import (
	"math"
	"time"
)

const (
	degree = math.Pi / 180
	j2000  = 2451545.0
	unixJD = 2440587.5 // the Julian day of the Unix epoch
)

// sunAngles are the altitudes of the variable times (1 sunrise … 4 dusk).
var sunAngles = [5]float64{0, -0.833, -0.833, -6, -6}

// deltaT is TT − UT in seconds at d days after J2000 (Espenak and Meeus'
// polynomials for 2005–2050 and after; the years before do not matter
// here and take the 2005–2050 one).
func deltaT(d float64) float64 {
	y := 2000 + d/365.2425
	if y < 2050 {
		t := y - 2000
		return 62.92 + t*(0.32217+t*0.005589)
	}
	u := (y - 1820) / 100
	return -20 + 32*u*u - 0.5628*(2150-y)
}

// sunPosition returns the Sun's apparent right ascension and declination
// at d days after J2000 (UT).
func sunPosition(d float64) (ra, dec float64) {
	t := (d + deltaT(d)/86400) / 36525
	l0 := degree * (280.46646 + t*(36000.76983+t*0.0003032))
	m := degree * (357.52911 + t*(35999.05029-t*0.0001537))
	sm, cm := math.Sincos(m)
	c := degree * ((1.914602-t*(0.004817+t*0.000014))*sm +
		(0.019993-0.000101*t)*2*sm*cm + 0.000289*sm*(3-4*sm*sm))
	omega := degree * (125.04 - 1934.136*t)
	lambda := l0 + c - degree*(0.00569+0.00478*math.Sin(omega))
	eps := degree*(23.439291-t*(0.0130042+t*(0.00000016-t*0.000000504))) + degree*0.00256*math.Cos(omega)
	sl := math.Sin(lambda)
	return math.Atan2(math.Cos(eps)*sl, math.Cos(lambda)), math.Asin(math.Sin(eps) * sl)
}

// hourAngle returns the Sun's local hour angle at d, in (-π, π], west
// longitude lw in radians.
func hourAngle(d, lw float64) (h, dec float64) {
	ra, dec := sunPosition(d)
	h = degree*(280.46061837+360.98564736629*d) - lw - ra
	return h - 2*math.Pi*math.Round(h/(2*math.Pi)), dec
}

// sunEvent returns the Unix time in milliseconds of a variable time
// (1 sunrise … 4 dusk) on the solar day nearest the instant at, and
// whether the Sun reaches its altitude that day.
func sunEvent(at time.Time, lat, lon float64, v int) (float64, bool) {
	lw, phi := -lon*degree, lat*degree
	d := float64(at.UnixMilli())/86400000 + unixJD - j2000
	// The solar transit nearest the day's noon.
	tr := math.Round(d-0.0009-lw/(2*math.Pi)) + 0.0009 + lw/(2*math.Pi)
	for range 3 {
		h, _ := hourAngle(tr, lw)
		tr -= h / (2 * math.Pi)
	}
	_, dec := sunPosition(tr)
	h0 := sunAngles[v] * degree
	cosH := (math.Sin(h0) - math.Sin(phi)*math.Sin(dec)) / (math.Cos(phi) * math.Cos(dec))
	if !(cosH >= -1 && cosH <= 1) {
		return 0, false
	}
	sign := 1.0
	if v == 1 || v == 3 {
		sign = -1
	}
	e := tr + sign*math.Acos(cosH)/(2*math.Pi)
	for range 2 {
		h, dc := hourAngle(e, lw)
		alt := math.Asin(math.Sin(phi)*math.Sin(dc) + math.Cos(phi)*math.Cos(dc)*math.Cos(h))
		s := math.Cos(phi) * math.Cos(dc) * math.Sin(h)
		if math.Abs(s) < 1e-6 {
			break
		}
		e += (alt - h0) / (2 * math.Pi * s)
	}
	return (e + j2000 - unixJD) * 86400000, true
}

// sunMinutes returns the minutes after local midnight of a variable time
// on the day that begins at midnight, as the reference finds it: the event
// of the solar day of the instant, or of the day before or after, that
// falls on the same local day.
func sunMinutes(midnight time.Time, lat, lon float64, v int) (int, bool) {
	y, mo, d := midnight.Date()
	for _, k := range [3]int{0, -1, 1} {
		probe := midnight.AddDate(0, 0, k)
		ms, ok := sunEvent(probe, lat, lon, v)
		if !ok {
			continue
		}
		t := time.UnixMilli(int64(math.Trunc(ms))).In(midnight.Location())
		if ty, tm, td := t.Date(); ty == y && tm == mo && td == d {
			return t.Hour()*60 + t.Minute(), true
		}
	}
	return 0, false
}
