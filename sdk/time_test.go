package sdk_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/dataforseo-go/dataforseo/sdk"
	"github.com/google/go-cmp/cmp"
)

func TestTimeRoundTrip(t *testing.T) {
	tests := []struct {
		wire string
		want time.Time
	}{
		{`"2019-11-15 12:57:46 +00:00"`, time.Date(2019, 11, 15, 12, 57, 46, 0, time.UTC)},
		{`"2021-10-16 16:46:16 +03:00"`, time.Date(2021, 10, 16, 13, 46, 16, 0, time.UTC)},
		{`"1999-01-02 03:04:05 -05:30"`, time.Date(1999, 1, 2, 8, 34, 5, 0, time.UTC)},
		{`null`, time.Time{}},
	}
	for _, tt := range tests {
		t.Run(tt.wire, func(t *testing.T) {
			var got sdk.Time
			if err := json.Unmarshal([]byte(tt.wire), &got); err != nil {
				t.Fatal(err)
			}
			if !got.Time.Equal(tt.want) {
				t.Errorf("decoded %v, want %v", got.Time, tt.want)
			}
			b, err := json.Marshal(got)
			if err != nil {
				t.Fatal(err)
			}
			if string(b) != tt.wire {
				t.Errorf("re-encoded %s, want %s (byte-identical)", b, tt.wire)
			}
			if sdk.HasWireProblem(&got) {
				t.Error("wire problem reported for a valid date-time")
			}
		})
	}
}

// TestTimeLenient checks the other layouts accepted on input; they encode
// in the API's layout.
func TestTimeLenient(t *testing.T) {
	tests := []struct{ wire, want string }{
		{`"2019-11-15 12:57:46 +0000"`, `"2019-11-15 12:57:46 +00:00"`},
		{`"2019-11-15T12:57:46Z"`, `"2019-11-15 12:57:46 +00:00"`},
		{`"2019-11-15T12:57:46+02:00"`, `"2019-11-15 12:57:46 +02:00"`},
		{`"2019-11-15T12:57:46.5+02:00"`, `"2019-11-15 12:57:46 +02:00"`},
	}
	for _, tt := range tests {
		t.Run(tt.wire, func(t *testing.T) {
			var got sdk.Time
			if err := json.Unmarshal([]byte(tt.wire), &got); err != nil {
				t.Fatal(err)
			}
			b, _ := json.Marshal(got)
			if string(b) != tt.want {
				t.Errorf("encoded %s, want %s", b, tt.want)
			}
		})
	}
}

// TestTimeKeepsWireValue checks values that are not date-times: kept,
// re-emitted unchanged, reported (except an empty string, which is no date).
func TestTimeKeepsWireValue(t *testing.T) {
	tests := []struct {
		wire    string
		problem bool
	}{
		{`"yesterday"`, true},
		{`"2019-13-45 99:00:00 +00:00"`, true},
		{`12345`, true},
		{`{"a":1}`, true},
		{`""`, false},
	}
	for _, tt := range tests {
		t.Run(tt.wire, func(t *testing.T) {
			var got sdk.Time
			if err := json.Unmarshal([]byte(tt.wire), &got); err != nil {
				t.Fatalf("Unmarshal failed, want lenient: %v", err)
			}
			if !got.Time.IsZero() {
				t.Errorf("time = %v, want zero", got.Time)
			}
			if got.IsZero() != !tt.problem {
				t.Errorf("IsZero() = %v; want true only for the empty string (omitzero must keep a value that is not a date-time)", got.IsZero())
			}
			if p := sdk.HasWireProblem(&got); p != tt.problem {
				t.Errorf("wire problem = %v, want %v", p, tt.problem)
			}
			b, _ := json.Marshal(got)
			if string(b) != tt.wire {
				t.Errorf("re-encoded %s, want %s", b, tt.wire)
			}
		})
	}
}

func TestTimeZeroOmitted(t *testing.T) {
	type req struct {
		From sdk.Time `json:"from,omitzero"`
		To   sdk.Time `json:"to"`
	}
	b, err := json.Marshal(req{})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(`{"to":null}`, string(b)); diff != "" {
		t.Errorf("JSON (-want +got):\n%s", diff)
	}
}

func TestParseTime(t *testing.T) {
	tests := []struct {
		in      string
		want    string
		wantErr bool
	}{
		{"2019-11-15 12:57:46 +00:00", "2019-11-15 12:57:46 +00:00", false},
		{"2019-11-15T12:57:46Z", "2019-11-15 12:57:46 +00:00", false},
		{"15/11/2019", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := sdk.ParseTime(tt.in)
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, want error %v", err, tt.wantErr)
			}
			if got.String() != tt.want {
				t.Errorf("String() = %q, want %q", got.String(), tt.want)
			}
		})
	}
}
