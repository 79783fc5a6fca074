package sdk

import (
	"testing"
	"time"
	_ "time/tzdata" // zones for Local in TestParseLayout
)

// checkLayout fails when parseLayout takes s and gives other than
// time.Parse(TimeLayout, s): another instant, zone or Location.
func checkLayout(t *testing.T, s string) (ok bool) {
	t.Helper()
	got, ok := parseLayout([]byte(s))
	want, err := time.Parse(TimeLayout, s)
	if !ok {
		return false
	}
	if err != nil {
		t.Errorf("parseLayout(%q) = %v; time.Parse: %v", s, got, err)
		return true
	}
	gn, go_ := got.Zone()
	wn, wo := want.Zone()
	if !got.Equal(want) || gn != wn || go_ != wo || (got.Location() == time.Local) != (want.Location() == time.Local) ||
		got.Location().String() != want.Location().String() {
		t.Errorf("parseLayout(%q) = %v (%v); time.Parse %v (%v)", s, got, got.Location(), want, want.Location())
	}
	// FixedZone shares its unnamed whole-hour zones from -12 to +14 hours;
	// other offsets get a new Location even from time.Parse itself.
	if wo%3600 == 0 && -12*3600 <= wo && wo <= 14*3600 && got != want {
		t.Errorf("parseLayout(%q) = %#v; time.Parse %#v (not ==)", s, got, want)
	}
	return true
}

// TestParseLayout: the hand parser of TimeLayout gives what time.Parse
// gives, under several Local zones, takes the usual values, and leaves
// the others to time.Parse.
func TestParseLayout(t *testing.T) {
	fast := []string{
		"2019-11-15 12:57:46 +00:00", "2019-11-15 12:57:46 -00:00", "2019-11-15 12:57:46 -07:00",
		"2019-11-15 12:57:46 +05:45", "2019-11-15 12:57:46 +05:30", "2019-11-15 12:57:46 -09:30",
		"2019-11-15 12:57:46 +14:00", "2019-11-15 12:57:46 -12:00", "2019-11-15 12:57:46 +23:59",
		"2020-02-29 00:00:00 +00:00", "2000-02-29 23:59:59 +01:00", "2019-07-01 02:30:00 -06:00",
		"2019-03-10 02:30:00 -07:00", "2019-11-03 01:30:00 -06:00", "2019-11-03 01:30:00 -07:00",
		"0000-01-01 00:00:00 +00:00", "9999-12-31 23:59:59 -07:00", "1970-01-01 00:00:00 +00:00",
		"2024-12-31 23:59:59 +05:45", "2019-04-30 10:00:00 +02:00",
	}
	slow := []string{
		"2019-02-29 12:57:46 +00:00", "1900-02-29 12:57:46 +00:00", "2019-04-31 12:57:46 +00:00",
		"2019-13-15 12:57:46 +00:00", "2019-00-15 12:57:46 +00:00", "2019-11-00 12:57:46 +00:00",
		"2019-11-15 24:00:00 +00:00", "2019-11-15 12:60:46 +00:00", "2019-11-15 12:57:60 +00:00",
		"2019-11-15 12:57:46 +24:00", "2019-11-15 12:57:46 +00:60", "2019-11-15 12:57:46 Z00:00",
		"2019-11-15T12:57:46 +00:00", "2019-11-15 12:57:46 +0000", "2019-11-15 12:57:46 +00:00 ",
		"2019-11-15 2:57:46 +00:00", "2019-1x-15 12:57:46 +00:00", "2019-11-15 12:57:46.5 +00:00",
		"2019-11-15 12:57:46+00:00", "", "2019-11-15 12:57:46 ±00:00",
	}
	local := time.Local
	defer func() { time.Local = local }()
	for _, zone := range []string{"UTC", "America/Denver", "Asia/Kathmandu", "Australia/Adelaide", "Europe/London"} {
		loc, err := time.LoadLocation(zone)
		if err != nil {
			t.Fatal(err)
		}
		time.Local = loc
		for _, s := range fast {
			if !checkLayout(t, s) {
				t.Errorf("%s: parseLayout leaves %q to time.Parse", zone, s)
			}
		}
		for _, s := range slow {
			if checkLayout(t, s) {
				t.Errorf("%s: parseLayout takes %q", zone, s)
			}
		}
	}
}

func FuzzParseLayout(f *testing.F) {
	for _, s := range []string{"2019-11-15 12:57:46 +00:00", "2020-02-29 00:00:00 -07:00", "2019-11-15 12:57:46 +05:45",
		"2019-02-29 12:57:46 +00:00", "2019-11-15 12:57:46 +24:00", "0000-01-01 00:00:00 +20:00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkLayout(t, s) })
}
