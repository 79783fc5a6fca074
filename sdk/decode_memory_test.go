package sdk

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"runtime"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

type memItem struct {
	Type              string           `json:"type"`
	Domain            string           `json:"domain"`
	Rank              int64            `json:"rank"`
	Backlinks         int64            `json:"backlinks"`
	FirstSeen         Time             `json:"first_seen"`
	LostDate          Opt[Time]        `json:"lost_date"`
	ReferringLinksTLD map[string]int64 `json:"referring_links_tld"`
}

type memResult struct {
	Target     string    `json:"target"`
	TotalCount int64     `json:"total_count"`
	ItemsCount int64     `json:"items_count"`
	Items      []memItem `json:"items"`
}

type memResponse = Response[struct{ Target string }, memResult]

// memBody is a response of n items; in those for which misfit returns a
// value, that value is the count of "net" in referring_links_tld.
func memBody(n int, misfit func(i int) (string, bool)) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, `{"version":"0.1","status_code":20000,"status_message":"Ok.","cost":0.02,"tasks_count":1,"tasks":[{"id":"t1",`+
		`"status_code":20000,"status_message":"Ok.","cost":0.02,"data":{"target":"a.com"},"result":[{"target":"a.com",`+
		`"total_count":%d,"items_count":%d,"items":[`, n, n)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		net, ok := misfit(i)
		if !ok {
			net = "1"
		}
		fmt.Fprintf(&b, `{"type":"backlinks_referring_domain","domain":"domain-%d.example.com","rank":%d,"backlinks":%d,`+
			`"first_seen":"2021-10-16 16:46:16 +00:00","lost_date":null,"referring_links_tld":{"com":%d,"net":%s}}`, i, i%1000, i*7, i%13, net)
	}
	b.WriteString(`]}]}]}`)
	return []byte(b.String())
}

// allocated returns the bytes and objects f allocates. TotalAlloc and
// Mallocs only grow, whenever the collector runs: they count, they do not
// sample, so they depend neither on timing nor on load; the bytes f
// allocates bound the heap it adds at its peak.
func allocated(f func()) (bytes, objects uint64) {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc, after.Mallocs - before.Mallocs
}

// TestDecodeMemory decodes a 24 MB response with one misfit deep inside
// leniently. encoding/json's decoding of it is the part no lenient decode
// can avoid; on top of it, the wire walk that finds the misfit must not
// grow with the body (the tree walk it replaced built a generic tree of
// the whole body, several times its size).
func TestDecodeMemory(t *testing.T) {
	const n = 120_000
	deep := n * 3 / 4
	misfit := func(i int) (string, bool) { return "2.5", i == deep }
	data := memBody(n, misfit)
	typ := reflect.TypeFor[*memResponse]()
	// Fill the caches of encoding/json and of the walk first.
	var warm memResponse
	if err := Decode(memBody(2, func(i int) (string, bool) { return "2.5", i == 1 }), &warm); err == nil {
		t.Fatal("no DecodeError for a misfit")
	}

	unmarshalBytes, _ := allocated(func() {
		var resp memResponse
		if err := json.Unmarshal(data, &resp); err == nil {
			t.Error("json.Unmarshal finds no misfit")
		}
	})
	var err error
	decodeBytes, _ := allocated(func() {
		var resp memResponse
		err = Decode(data, &resp)
	})
	var problems []DecodeProblem
	walkBytes, walkObjects := allocated(func() { problems, _, _ = checkWire(data, typ, false) })

	var de *DecodeError
	if !errors.As(err, &de) {
		t.Fatalf("Decode error = %v, want a *DecodeError", err)
	}
	want := []DecodeProblem{{Path: fmt.Sprintf("tasks[0].result[0].items[%d].referring_links_tld.net", deep), Wire: "2.5", Reason: "want int64"}}
	if diff := cmp.Diff(want, de.Problems); diff != "" || de.Omitted != 0 {
		t.Errorf("problems (-want +got):\n%s(omitted %d)", diff, de.Omitted)
	}
	if diff := cmp.Diff(want, problems); diff != "" {
		t.Errorf("checkWire problems (-want +got):\n%s", diff)
	}

	body := uint64(len(data))
	t.Logf("body %d bytes; json.Unmarshal allocates %d (%.2fx), Decode %d (%.2fx): %d more; the walk alone %d bytes in %d objects",
		body, unmarshalBytes, float64(unmarshalBytes)/float64(body), decodeBytes, float64(decodeBytes)/float64(body),
		int64(decodeBytes)-int64(unmarshalBytes), walkBytes, walkObjects)
	// The walk's memory is the depth and the problems: a constant here.
	if walkBytes > 64<<10 || walkObjects > 200 {
		t.Errorf("the wire walk allocates %d bytes in %d objects for one misfit; want at most 64 KiB in 200", walkBytes, walkObjects)
	}
	// Decode allocates what encoding/json does, and little more.
	if decodeBytes > unmarshalBytes+body/16 {
		t.Errorf("Decode allocates %d bytes, json.Unmarshal %d: more than 1/16 of the %d byte body on top", decodeBytes, unmarshalBytes, body)
	}
	// The bound above is one the tree walk fails, many times over (on a
	// smaller body: the ratio is the same).
	small := memBody(n/16, func(i int) (string, bool) { return "2.5", i == n/32 })
	treeBytes, _ := allocated(func() { _, _ = treeCheckWire(small, typ, false) })
	if treeBytes < 2*uint64(len(small)) {
		t.Errorf("the tree walk allocates %d bytes for a %d byte body; the bound is meant for a walk that grows with the body", treeBytes, len(small))
	}
	t.Logf("the tree walk allocated %.2fx its body", float64(treeBytes)/float64(len(small)))
}

// TestWireTextBounded checks the wire text of a large array or object
// costs what the text keeps, not what the value holds: its tokens are
// read only until maxWire bytes are written.
func TestWireTextBounded(t *testing.T) {
	raw := []byte("[" + strings.Repeat(`{"a": [1, 2.5, "x"]}, `, 50_000) + "null]")
	want := ("[" + strings.Repeat(`{"a":[1,2.5,"x"]},`, 12))[:maxWire] + "…"
	wireText(raw) // fill the pool
	var got string
	bytes, _ := allocated(func() { got = wireText(raw) })
	if got != want {
		t.Errorf("wireText = %q, want %q", got, want)
	}
	if bytes > 16<<10 {
		t.Errorf("wireText of a %d byte array allocates %d bytes; want at most 16 KiB", len(raw), bytes)
	}
}

func TestDecodeProblemCap(t *testing.T) {
	every := func(int) (string, bool) { return "2.5", true }
	tests := []struct {
		name      string
		data      []byte
		strict    bool
		first     string // the path of the first problem
		last      string // and of the last one listed
		omitted   int
		errSuffix string
	}{
		{"misfits past the cap", memBody(2500, every), false,
			"tasks[0].result[0].items[0].referring_links_tld.net", "tasks[0].result[0].items[999].referring_links_tld.net", 1500,
			": wire value 2.5: want int64 (and 2499 more)"},
		{"strict too", memBody(1200, every), true,
			"tasks[0].result[0].items[0].referring_links_tld.net", "tasks[0].result[0].items[999].referring_links_tld.net", 200,
			" (and 1199 more)"},
		// The first found in the input are kept, and listed sorted.
		{"keys in reverse", reverseKeys(3000), false, "tasks[0].result[0].items[0].referring_links_tld.k2000",
			"tasks[0].result[0].items[0].referring_links_tld.k2999", 2000, " (and 2999 more)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			decode := Decode
			if tt.strict {
				decode = DecodeStrict
			}
			var resp memResponse
			err := decode(tt.data, &resp)
			var de *DecodeError
			if !errors.As(err, &de) {
				t.Fatalf("error = %v, want a *DecodeError", err)
			}
			if len(de.Problems) != MaxDecodeProblems || de.Omitted != tt.omitted {
				t.Fatalf("%d problems and %d omitted, want %d and %d", len(de.Problems), de.Omitted, MaxDecodeProblems, tt.omitted)
			}
			if first, last := de.Problems[0].Path, de.Problems[len(de.Problems)-1].Path; first != tt.first || last != tt.last {
				t.Errorf("problems from %s to %s, want from %s to %s", first, last, tt.first, tt.last)
			}
			if !strings.HasSuffix(err.Error(), tt.errSuffix) {
				t.Errorf("Error() = %q, want it to end with %q", err, tt.errSuffix)
			}
		})
	}
}

// reverseKeys is a response whose one item has n misfits in its
// referring_links_tld, the keys in reverse order.
func reverseKeys(n int) []byte {
	var tld strings.Builder
	for i := n - 1; i >= 0; i-- {
		fmt.Fprintf(&tld, `"k%04d":"x",`, i)
	}
	body := string(memBody(1, func(int) (string, bool) { return "1", true }))
	return []byte(strings.Replace(body, `"referring_links_tld":{`, `"referring_links_tld":{`+tld.String(), 1))
}

// TestDecodeProblemCapRepeated checks that the problems of a key given
// twice are dropped with its earlier value, counted ones too.
func TestDecodeProblemCapRepeated(t *testing.T) {
	var m strings.Builder
	for i := range 1500 {
		fmt.Fprintf(&m, `"k%d":"x",`, i)
	}
	data := []byte(`{"tasks":[{"result":[{"items":[{"referring_links_tld":{` + m.String() + `"a":1},"rank":1.5,"referring_links_tld":null}]}]}]}`)
	problems, omitted, err := checkWire(data, reflect.TypeFor[*memResponse](), false)
	want := []DecodeProblem{{Path: "tasks[0].result[0].items[0].rank", Wire: "1.5", Reason: "want int64"}}
	if diff := cmp.Diff(want, problems); err != nil || diff != "" || omitted != 0 {
		t.Errorf("problems (-want +got):\n%s(omitted %d, error %v)", diff, omitted, err)
	}
}

// TestDecodeProblemCapRounds gives every key of a map twice, each time
// with a misfit, past the cap: the problems listed are the first found of
// the values encoding/json keeps, the second ones.
func TestDecodeProblemCapRounds(t *testing.T) {
	const n = 3000
	var m strings.Builder
	for _, v := range []string{`"x"`, `"y"`} {
		for i := range n {
			fmt.Fprintf(&m, `"k%04d":%s,`, i, v)
		}
	}
	data := []byte(`{"tasks":[{"result":[{"items":[{"referring_links_tld":{` + m.String() + `"a":1}}]}]}]}`)
	problems, omitted, err := checkWire(data, reflect.TypeFor[*memResponse](), false)
	if err != nil {
		t.Fatal(err)
	}
	var want []DecodeProblem
	for i := range MaxDecodeProblems {
		want = append(want, DecodeProblem{Path: fmt.Sprintf("tasks[0].result[0].items[0].referring_links_tld.k%04d", i), Wire: `"y"`, Reason: "want int64"})
	}
	if diff := cmp.Diff(want, problems); diff != "" || omitted != n-MaxDecodeProblems {
		t.Errorf("problems (-want +got):\n%s(omitted %d, want %d)", diff, omitted, n-MaxDecodeProblems)
	}
}

func TestDecodeErrorText(t *testing.T) {
	tests := []struct {
		err  DecodeError
		want string
	}{
		{DecodeError{}, "dataforseo: decode: no problem"},
		{DecodeError{Omitted: 3}, "dataforseo: decode: 3 values did not fit their types"},
		{DecodeError{Problems: []DecodeProblem{{Path: "a", Wire: "1", Reason: "want string"}}, Omitted: 2},
			"dataforseo: decode: a: wire value 1: want string (and 2 more)"},
	}
	for _, tt := range tests {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("Error() = %q, want %q", got, tt.want)
		}
	}
}

// BenchmarkCheckWire is the wire walk alone (the part of a lenient decode
// with misfits that runs after encoding/json) on a response of 1,000
// items with one misfit, and with a misfit in every item.
func BenchmarkCheckWire(b *testing.B) {
	typ := reflect.TypeFor[*memResponse]()
	for _, bench := range []struct {
		name   string
		misfit func(i int) (string, bool)
	}{
		{"one", func(i int) (string, bool) { return "2.5", i == 700 }},
		{"every", func(int) (string, bool) { return `{"n": [1, 2.5]}`, true }},
	} {
		data := memBody(1000, bench.misfit)
		b.Run(bench.name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if problems, _, err := checkWire(data, typ, false); err != nil || len(problems) == 0 {
					b.Fatal(problems, err)
				}
			}
		})
	}
}
