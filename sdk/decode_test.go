package sdk_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/dataforseo-go/dataforseo/sdk"
	"github.com/google/go-cmp/cmp"
)

// itemsBody is a response with one result of two items, the second one
// filled in by the test.
func itemsBody(second string) string {
	return `{"version":"0.1","status_code":20000,"status_message":"Ok.","time":"0.1 sec.","cost":0.02,
	"tasks_count":1,"tasks_error":0,"tasks":[{"id":"t1","status_code":20000,"status_message":"Ok.","time":"0.1 sec.",
	"cost":0.02,"result_count":1,"path":["v3","backlinks","referring_domains","live"],
	"data":{"api":"backlinks","function":"referring_domains","target":"a.com"},
	"result":[{"target":"a.com","total_count":2,"items_count":2,"items":[
	{"type":"t","domain":"one.com","rank":10,"backlinks":5,"first_seen":"2021-10-16 16:46:16 +00:00","lost_date":null,"referring_links_tld":{"com":5}},
	` + second + `]}]}]}`
}

func TestDecodeLenient(t *testing.T) {
	first := testItem{Type: "t", Domain: "one.com", Rank: 10, Backlinks: 5, FirstSeen: mustTime(t, "2021-10-16 16:46:16 +00:00"),
		LostDate: sdk.Null[sdk.Time](), ReferringLinksTLD: map[string]int64{"com": 5}}
	const base = `{"type":"t","domain":"two.com","rank":RANK,"backlinks":BACKLINKS,"first_seen":FIRST,"lost_date":LOST,"referring_links_tld":TLD}`
	item := func(rank, backlinks, firstSeen, lost, tld string) string {
		return strings.NewReplacer("RANK", rank, "BACKLINKS", backlinks, "FIRST", firstSeen, "LOST", lost, "TLD", tld).Replace(base)
	}
	const items = "tasks[0].result[0].items[1]."
	tests := []struct {
		name     string
		second   string
		want     testItem // the second item as decoded
		problems []sdk.DecodeProblem
	}{
		{"clean", item("3", "4", `"2020-01-02 03:04:05 +00:00"`, `"2021-01-02 03:04:05 +00:00"`, `{"net":1}`),
			testItem{Type: "t", Domain: "two.com", Rank: 3, Backlinks: 4, FirstSeen: mustTime(t, "2020-01-02 03:04:05 +00:00"),
				LostDate: sdk.Some(mustTime(t, "2021-01-02 03:04:05 +00:00")), ReferringLinksTLD: map[string]int64{"net": 1}}, nil},
		{"float in an integer field", item("1.5", "4", "null", "null", "null"),
			testItem{Type: "t", Domain: "two.com", Backlinks: 4, LostDate: sdk.Null[sdk.Time]()},
			[]sdk.DecodeProblem{{Path: items + "rank", Wire: "1.5", Reason: "want int64"}}},
		{"two fields and a map value", item(`"10"`, "4.0", "null", "null", `{"co.uk":2.5,"com":1}`),
			testItem{Type: "t", Domain: "two.com", LostDate: sdk.Null[sdk.Time](), ReferringLinksTLD: map[string]int64{"co.uk": 0, "com": 1}},
			[]sdk.DecodeProblem{
				{Path: items + "backlinks", Wire: "4.0", Reason: "want int64"},
				{Path: items + "rank", Wire: `"10"`, Reason: "want int64"},
				{Path: items + `referring_links_tld["co.uk"]`, Wire: "2.5", Reason: "want int64"},
			}},
		{"bad date-times", item("3", "4", `"yesterday"`, `12`, "null"),
			// An Opt[Time] that kept a wire value that is no date-time has
			// no value: Get reports false.
			testItem{Type: "t", Domain: "two.com", Rank: 3, Backlinks: 4, LostDate: optFromWire[sdk.Time](t, "12")},
			[]sdk.DecodeProblem{
				{Path: items + "first_seen", Wire: `"yesterday"`, Reason: `want a date-time like "2019-11-15 12:57:46 +00:00"`},
				{Path: items + "lost_date", Wire: "12", Reason: `want a date-time like "2019-11-15 12:57:46 +00:00"`},
			}},
		{"object for a number", item(`{"a":1}`, "4", "null", "null", "null"),
			testItem{Type: "t", Domain: "two.com", Backlinks: 4, LostDate: sdk.Null[sdk.Time]()},
			[]sdk.DecodeProblem{{Path: items + "rank", Wire: `{"a":1}`, Reason: "want int64"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var resp testResponse
			err := sdk.Decode([]byte(itemsBody(tt.second)), &resp)
			var de *sdk.DecodeError
			switch {
			case tt.problems == nil && err != nil:
				t.Fatalf("Decode: %v", err)
			case tt.problems != nil && !errors.As(err, &de):
				t.Fatalf("Decode error = %v, want a *DecodeError", err)
			case tt.problems != nil:
				if diff := cmp.Diff(tt.problems, de.Problems); diff != "" {
					t.Errorf("problems (-want +got):\n%s", diff)
				}
			}
			// The rest of the response is there.
			res, ok := resp.FirstResult()
			if !ok || len(res.Items) != 2 || resp.Cost != 0.02 || resp.Tasks[0].Data.Target != "a.com" {
				t.Fatalf("the response lost more than the bad values: %+v", resp)
			}
			if diff := cmp.Diff(first, res.Items[0]); diff != "" {
				t.Errorf("first item (-want +got):\n%s", diff)
			}
			got := res.Items[1]
			got.FirstSeen, got.LostDate = dropKept(got.FirstSeen), dropKeptOpt(got.LostDate)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("second item (-want +got):\n%s", diff)
			}
		})
	}
}

// optFromWire decodes an Opt from its wire text.
func optFromWire[T any](t *testing.T, wire string) sdk.Opt[T] {
	t.Helper()
	var o sdk.Opt[T]
	if err := json.Unmarshal([]byte(wire), &o); err != nil {
		t.Fatal(err)
	}
	return o
}

// dropKept turns a Time holding a kept wire value into the zero Time.
func dropKept(t sdk.Time) sdk.Time {
	if b, _ := json.Marshal(t); string(b) != "null" && t.Time.IsZero() {
		return sdk.Time{}
	}
	return t
}

// dropKeptOpt drops a kept wire value inside an Opt's Time.
func dropKeptOpt(o sdk.Opt[sdk.Time]) sdk.Opt[sdk.Time] {
	if v, ok := o.Get(); ok {
		return sdk.Some(dropKept(v))
	}
	return o
}

// TestDecodeProblemKeepsWire checks that a response with a bad value
// re-encodes with the value unchanged where the type keeps it.
func TestDecodeProblemKeepsWire(t *testing.T) {
	type item struct {
		A sdk.Opt[int64] `json:"a"`
		T sdk.Time       `json:"t"`
		F sdk.Filter     `json:"f"`
	}
	in := `{"a":1.5,"t":"soon","f":["x"]}`
	var got item
	err := sdk.Decode([]byte(in), &got)
	var de *sdk.DecodeError
	if !errors.As(err, &de) || len(de.Problems) != 3 {
		t.Fatalf("Decode error = %v, want a *DecodeError with 3 problems", err)
	}
	b, _ := json.Marshal(got)
	if string(b) != in {
		t.Errorf("re-encoded %s, want %s", b, in)
	}
}

func TestDecodeErrors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string // the error's text
	}{
		{"not JSON", `{"status_code":`, "unexpected end of JSON input"},
		{"trailing data", `{} {}`, "invalid character '{' after top-level value"},
		{"array for the envelope", `[1]`, "dataforseo: decode: (root): wire value [1]: want object"},
		{"many problems", `{"status_code":"x","cost":"y","tasks_count":1.5}`,
			`dataforseo: decode: cost: wire value "y": want float64 (and 2 more)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var resp testResponse
			err := sdk.Decode([]byte(tt.in), &resp)
			if err == nil || err.Error() != tt.want {
				t.Errorf("Decode error = %v, want %q", err, tt.want)
			}
		})
	}
}

func TestDecodeNulls(t *testing.T) {
	tests := []struct {
		name string
		in   string
	}{
		{"null tasks", `{"status_code":20000,"tasks":null}`},
		{"null result", `{"status_code":20000,"tasks":[{"status_code":20000,"result":null,"data":null,"path":null}]}`},
		{"null items and maps", `{"status_code":20000,"tasks":[{"status_code":20000,"result":[{"items":null}]}]}`},
		{"null item fields", `{"status_code":20000,"tasks":[{"status_code":20000,"result":[{"items":[{"rank":null,"first_seen":null,"lost_date":null,"referring_links_tld":null}]}]}]}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var resp testResponse
			if err := sdk.Decode([]byte(tt.in), &resp); err != nil {
				t.Fatal(err)
			}
			if err := resp.Err(); err != nil {
				t.Errorf("Err() = %v", err)
			}
			n := 0
			for _, r := range resp.Results() {
				for _, it := range r.Items {
					n += len(it.ReferringLinksTLD) + int(it.Rank)
					if _, ok := it.LostDate.Get(); ok || !it.FirstSeen.IsZero() {
						t.Errorf("null date-times decoded as values: %+v", it)
					}
				}
			}
			if n != 0 {
				t.Errorf("null values decoded as non-empty")
			}
			b, err := json.Marshal(resp)
			if err != nil {
				t.Fatal(err)
			}
			var again testResponse
			if err := sdk.Decode(b, &again); err != nil {
				t.Fatalf("re-decoding: %v", err)
			}
			if diff := cmp.Diff(resp, again); diff != "" {
				t.Errorf("re-decoded (-want +got):\n%s", diff)
			}
		})
	}
}

func TestDecodeStrict(t *testing.T) {
	type item struct {
		Rank int64          `json:"rank"`
		Lost sdk.Opt[int64] `json:"lost"`
		When sdk.Time       `json:"when"`
	}
	tests := []struct {
		name     string
		in       string
		problems []sdk.DecodeProblem
	}{
		{"exact", `{"rank":1,"lost":null,"when":"2019-11-15 12:57:46 +00:00"}`, nil},
		{"case-insensitive name", `{"RANK":1}`, nil},
		{"unknown fields", `{"rank":1,"extra":true,"more":{"a":1}}`, []sdk.DecodeProblem{
			{Path: "extra", Wire: "true", Reason: "unknown field"},
			{Path: "more", Wire: `{"a":1}`, Reason: "unknown field"},
		}},
		{"type errors", `{"rank":1.5,"lost":"x","when":"x"}`, []sdk.DecodeProblem{
			{Path: "lost", Wire: `"x"`, Reason: "want int64"},
			{Path: "rank", Wire: "1.5", Reason: "want int64"},
			{Path: "when", Wire: `"x"`, Reason: `want a date-time like "2019-11-15 12:57:46 +00:00"`},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got item
			err := sdk.DecodeStrict([]byte(tt.in), &got)
			var de *sdk.DecodeError
			if tt.problems == nil {
				if err != nil {
					t.Fatalf("DecodeStrict: %v", err)
				}
				return
			}
			if !errors.As(err, &de) {
				t.Fatalf("DecodeStrict error = %v, want a *DecodeError", err)
			}
			if diff := cmp.Diff(tt.problems, de.Problems); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
		})
	}
}

// TestDecodeEmbedded checks the walk follows encoding/json's field rules.
func TestDecodeEmbedded(t *testing.T) {
	type Base struct {
		ID   int64 `json:"id"`
		Name string
	}
	type item struct {
		Base
		Skip  int64 `json:"-"`
		Owner int64 `json:"owner,omitempty"`
	}
	var got item
	err := sdk.DecodeStrict([]byte(`{"id":1,"Name":"n","owner":2}`), &got)
	if err != nil {
		t.Fatalf("DecodeStrict: %v", err)
	}
	err = sdk.DecodeStrict([]byte(`{"id":1.5,"Skip":1}`), &got)
	var de *sdk.DecodeError
	if !errors.As(err, &de) {
		t.Fatalf("error = %v, want a *DecodeError", err)
	}
	want := []sdk.DecodeProblem{{Path: "Skip", Wire: "1", Reason: "unknown field"}, {Path: "id", Wire: "1.5", Reason: "want int64"}}
	if diff := cmp.Diff(want, de.Problems); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
}
