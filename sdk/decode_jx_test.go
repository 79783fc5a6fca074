package sdk

import (
	"encoding/json"
	"errors"
	"io"
	"testing"

	"github.com/go-faster/jx"
)

// checkInt64 fails when JXInt64 takes lit (as the value of a key in an
// object) and gives other than encoding/json does into an int64.
func checkInt64(t *testing.T, lit string) bool {
	t.Helper()
	body := `{"n":` + lit + `}`
	var want struct{ N int64 }
	wantErr := json.Unmarshal([]byte(body), &want)
	var got int64
	d := jx.DecodeStr(body)
	err := d.ObjBytes(func(d *jx.Decoder, _ []byte) error { return JXInt64(&got, d) })
	if err == nil && (d.Next() != jx.Invalid || !errors.Is(d.Skip(), io.EOF)) {
		err = errNotFast // something after the object
	}
	if err == nil && (wantErr != nil || got != want.N) {
		t.Errorf("JXInt64(%q) = %d; encoding/json %d, %v", lit, got, want.N, wantErr)
	}
	return err == nil
}

// TestSmallInt: JXInt64, which reads the digits from the tokenizer, gives
// what encoding/json gives into an int64, or gives up.
func TestSmallInt(t *testing.T) {
	for _, lit := range []string{"0", "-0", "7", "-7", "123456789012345678", "-123456789012345678",
		"1234567890123456789", "9223372036854775807", "-9223372036854775808", "9223372036854775808",
		"-9223372036854775809", "18446744073709551616", "21000000000000000000", "-21000000000000000000",
		"1844674407370955160", "1844674407370955161", "-1844674407370955160", "184467440737095516200", "99999999999999999999999", "1.5", "4.0", "1e3", "1E3", "-1e-3", "-", "",
		"01", "-01", "00", "0.0", "+1", "1 ", " 1", "null", "true", `"1"`, "1a", "0x1", "١"} {
		checkInt64(t, lit)
	}
	for _, lit := range []string{"0", "-0", "7", "-7", "1844674407370955160", "-1844674407370955160"} {
		if !checkInt64(t, lit) {
			t.Errorf("JXInt64 gives up on %s", lit)
		}
	}
}

func FuzzJXInt64(f *testing.F) {
	for _, s := range []string{"0", "-0", "12", "1.5", "1e3", "9223372036854775808", "01", "21000000000000000000"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, lit string) { checkInt64(t, lit) })
}
