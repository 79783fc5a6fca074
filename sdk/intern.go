package sdk

import (
	"hash/maphash"
	"sync/atomic"
)

// The fast decoder shares the strings that come again and again in a
// response (map keys such as "US" or "anchor", enum values, kinds) instead
// of copying each: a small table of the last string per hash, safe for
// concurrent use. A string is immutable, so sharing it changes no value.

const (
	maxIntern  = 32  // longer strings are copied
	internSize = 512 // entries of the table, a power of two
)

var (
	internSeed  = maphash.MakeSeed()
	internTable [internSize]atomic.Pointer[string]
)

// intern returns b as a string, shared with an earlier call when the
// table holds it.
func intern(b []byte) string {
	if len(b) > maxIntern {
		return string(b)
	}
	e := &internTable[maphash.Bytes(internSeed, b)&(internSize-1)]
	if p := e.Load(); p != nil && *p == string(b) {
		return *p
	}
	s := string(b)
	e.Store(&s)
	return s
}
