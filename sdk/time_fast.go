package sdk

import "time"

// parseLayout parses s when it has exactly TimeLayout's shape
// ("2019-11-15 12:57:46 +00:00") and values in the ranges it checks,
// giving what time.Parse(TimeLayout, s) gives: the same instant in Local
// when Local has that offset at that instant, else in a FixedZone of the
// offset with no name. On anything else (another shape, a day the month
// does not have, an offset of 24 hours...) it reports false, and the
// caller uses time.Parse.
func parseLayout(s []byte) (time.Time, bool) {
	if len(s) != len(TimeLayout) {
		return time.Time{}, false
	}
	for i, c := range []byte(TimeLayout) {
		if c >= '0' && c <= '9' {
			if s[i] < '0' || s[i] > '9' {
				return time.Time{}, false
			}
		} else if c != '-' || i != 20 {
			if s[i] != c {
				return time.Time{}, false
			}
		}
	}
	num := func(i int) int { return int(s[i]-'0')*10 + int(s[i+1]-'0') }
	year, month, day := num(0)*100+num(2), num(5), num(8)
	hour, minute, sec := num(11), num(14), num(17)
	zh, zm := num(21), num(24)
	if month < 1 || month > 12 || day < 1 || day > daysIn(month, year) ||
		hour > 23 || minute > 59 || sec > 59 || zh > 23 || zm > 59 {
		return time.Time{}, false
	}
	offset := (zh*60 + zm) * 60
	switch s[20] {
	case '-':
		offset = -offset
	case '+':
	default:
		return time.Time{}, false
	}
	t := time.Date(year, time.Month(month), day, hour, minute, sec, 0, time.UTC).
		Add(-time.Duration(offset) * time.Second)
	if _, local := t.In(time.Local).Zone(); local == offset {
		return t.In(time.Local), true
	}
	return t.In(time.FixedZone("", offset)), true
}

// daysIn is the number of days of month in year (proleptic Gregorian).
func daysIn(month, year int) int {
	switch month {
	case 2:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}
