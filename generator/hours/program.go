package hours

// A parsed value is a program: the rules in the order opening_hours.js
// keeps them internally, each with its date selectors (by kind, as the
// reference groups them: a day matches a rule when, for every kind the
// rule has, one of its selectors of that kind matches) and its time
// selectors. A time range past midnight gives a second, "wrapped" rule
// right after its rule: the same dates shifted by a day, with the part
// after midnight, as the reference makes it.

// Kinds of date selectors, in the order they are tried.
const (
	kindYear = iota
	kindHoliday
	kindMonth
	kindMonthday
	kindWeek
	kindWeekday
	nKinds
)

// program is a parsed value.
type program struct {
	rules   []prule
	hasSun  bool // some time is sunrise, sunset, dawn or dusk
	hasSH   bool // some selector is SH
	hasYear bool // some selector names a year
}

// prule is one rule of a program.
type prule struct {
	sel        [nKinds][]dateSel
	times      []timeSel
	open       bool // the state: open (true) or closed
	unknown    bool
	comment    string
	hasComment bool
	additional bool // after "," in the value
	fallback   bool // after "||"
	wrapped    bool // the part past midnight of the rule before
}

// nsel returns how many kinds of date selectors r has.
func (r *prule) nsel() int {
	n := 0
	for _, s := range r.sel {
		if len(s) > 0 {
			n++
		}
	}
	return n
}

// dateSel is one date selector.
type dateSel struct {
	op       byte // see the constants below
	a, b     int  // year, month (0–11), week or weekday (0 = Monday) range
	step     int  // period of a year, week or monthday range; year: -1 for "2026+"
	nth      int  // Sa[nth]
	offset   int  // days: PH +1 day, Sa[-1] -2 days
	from, to dateSpec
	shift    int // days the day is moved back before matching (wrapped rules)
}

// Date selector operations.
const (
	opAlways    = 'a' // matches every day
	opYear      = 'y'
	opPH        = 'P'
	opSH        = 'S'
	opMonth     = 'm' // month range a–b, wrapping
	opDateRange = 'r' // from–to with months, days, years or easter
	opDates     = 'd' // from.year? month from.day–to.day [/step], inclusive
	opEaster    = 'e' // a single easter-based day
	opWeek      = 'w'
	opWeekday   = 'D' // weekday range a–b, wrapping
	opNth       = 'n' // the nth weekday a of the month, moved by offset days
)

// dateSpec is one end of a date range: a date in a year (or every year),
// or easter, moved by offset days.
type dateSpec struct {
	year   int // 0: every year
	month  int // 0–11
	day    int
	easter bool
	offset int
}

// timeSel is one time selector: a range of minutes after midnight, from
// fixed or variable times.
type timeSel struct {
	always       bool // 24/7 or 00:00-24:00: matches at every moment
	from, to     int  // minutes; to may pass 24*60 (past midnight)
	fromVar      int  // 0 fixed, 1 sunrise … 4 dusk (see timeVars)
	toVar        int
	fromOff      int // minutes added to a variable time
	toOff        int
	openEnd      bool
	varBranch    bool // evaluated with wrapping checks (variable or past midnight)
	wrapped      bool // the part past midnight, in a wrapped rule
	extended     bool // the open end after a range: 10:00-12:00+
	extendedWrap bool // … after a range past midnight
}
