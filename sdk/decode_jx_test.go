package sdk

import (
	"strconv"
	"testing"
)

// TestSmallInt: smallInt gives what strconv.ParseInt gives, or leaves it
// to strconv.ParseInt.
func TestSmallInt(t *testing.T) {
	for _, lit := range []string{"0", "-0", "7", "-7", "123456789012345678", "-123456789012345678",
		"1234567890123456789", "9223372036854775807", "-9223372036854775808", "1.5", "1e3", "-", ""} {
		v, ok := smallInt([]byte(lit))
		want, err := strconv.ParseInt(lit, 10, 64)
		if ok && (err != nil || v != want) {
			t.Errorf("smallInt(%q) = %d, strconv.ParseInt %d, %v", lit, v, want, err)
		}
		if !ok && err == nil && len(lit) <= 18 {
			t.Errorf("smallInt(%q) leaves an integer of at most 18 digits to strconv", lit)
		}
	}
}
