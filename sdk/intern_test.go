package sdk

import (
	"strings"
	"testing"
	"unsafe"
)

// TestIntern: intern gives the bytes as a string, the same string (not a
// copy) for bytes met before, and two strings of one set both stay shared.
func TestIntern(t *testing.T) {
	for _, s := range []string{"", "US", "anchor", "dofollow", strings.Repeat("x", maxIntern), strings.Repeat("y", maxIntern+1)} {
		a, b := intern([]byte(s)), intern([]byte(s))
		if a != s || b != s {
			t.Fatalf("intern(%q) = %q, %q", s, a, b)
		}
		if shared := unsafe.StringData(a) == unsafe.StringData(b); shared != (len(s) <= maxIntern) {
			t.Errorf("intern(%q) twice: shared %v", s, shared)
		}
	}
	// Two strings of the same set and different ways are both kept.
	var x, y string
	for i := 0; y == ""; i++ {
		c := "k" + string(rune('a'+i%26)) + strings.Repeat("z", i/26)
		hx, hc := internHash([]byte("base")), internHash([]byte(c))
		if hc&(internSets-1) == hx&(internSets-1) && hc>>31 != hx>>31 {
			x, y = "base", c
		}
	}
	intern([]byte(x))
	intern([]byte(y))
	a, b := intern([]byte(x)), intern([]byte(x))
	if unsafe.StringData(a) != unsafe.StringData(b) {
		t.Errorf("%q was evicted by %q, a string of its set in the other way", x, y)
	}
}
