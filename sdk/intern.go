package sdk

import "sync/atomic"

// The fast decoder shares the strings that come again and again in a
// response (map keys such as "US" or "anchor", enum values, kinds) instead
// of copying each: a small table of recent strings, two per hash, safe for
// concurrent use. A string is immutable, so sharing it changes no value.

const (
	maxIntern  = 32  // longer strings are copied
	internSets = 512 // sets of the table (of internWays each), a power of two
	internWays = 2
)

var internTable [internSets][internWays]atomic.Pointer[string]

// internHash is FNV-1a of b: the strings are short, and a collision only
// costs a copy.
func internHash(b []byte) uint32 {
	h := uint32(2166136261)
	for _, c := range b {
		h = (h ^ uint32(c)) * 16777619
	}
	return h
}

// intern returns b as a string, shared with an earlier call when the
// table holds it.
func intern(b []byte) string {
	if len(b) > maxIntern {
		return string(b)
	}
	h := internHash(b)
	set := &internTable[h&(internSets-1)]
	for i := range set {
		if p := set[i].Load(); p != nil && *p == string(b) {
			return *p
		}
	}
	s := string(b)
	set[h>>31].Store(&s) // a way by another bit of the hash
	return s
}
