package sdk_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/google/go-cmp/cmp"

	"github.com/dataforseo-go/dataforseo/sdk"
	"github.com/dataforseo-go/dataforseo/sdk/operations"
)

// The fast decoder's proof: on every example of the spec, every recorded
// response and mutations of them, sdk.Decode (fast path first) gives what
// the reflective path gives: equal values, equal errors and problems.

// corpusBody is a response body and the operation it is a response of.
type corpusBody struct {
	name string
	op   sdk.Operation
	body []byte
}

// decodeCorpus returns every response example of the spec (by its
// operation) and every recorded response in spec/responses.
func decodeCorpus(t testing.TB) []corpusBody {
	t.Helper()
	data, err := os.ReadFile("../spec/openapi.yaml")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := openapi3.NewLoader().LoadFromData(data)
	if err != nil {
		t.Fatal(err)
	}
	ops := map[string]sdk.Operation{}
	for _, op := range operations.All() {
		ops[op.Method+" "+op.Path] = op
	}
	var out []corpusBody
	paths := doc.Paths.InMatchingOrder()
	slices.Sort(paths)
	for _, path := range paths {
		for method, o := range doc.Paths.Value(path).Operations() {
			op, ok := ops[method+" "+path]
			if !ok {
				continue
			}
			for name, ex := range o.Responses.Status(200).Value.Content.Get("application/json").Examples {
				body, err := json.Marshal(ex.Value.Value)
				if err != nil {
					t.Fatal(err)
				}
				out = append(out, corpusBody{name: op.ID + "/" + name, op: op, body: body})
			}
		}
	}
	slices.SortFunc(out, func(a, b corpusBody) int { return strings.Compare(a.name, b.name) })
	files, _ := filepath.Glob("../spec/responses/*.json")
	for _, file := range files {
		body, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if op, ok := opOfBody(body); ok {
			out = append(out, corpusBody{name: filepath.Base(file), op: op, body: body})
		} else {
			t.Errorf("%s: no operation has the path its tasks name", file)
		}
	}
	if len(out) == 0 {
		t.Fatal("no bodies")
	}
	return out
}

// opOfBody finds the operation whose path the first task names.
func opOfBody(body []byte) (sdk.Operation, bool) {
	var r struct {
		Tasks []struct {
			Path []string `json:"path"`
		} `json:"tasks"`
	}
	if json.Unmarshal(body, &r) != nil || len(r.Tasks) == 0 {
		return sdk.Operation{}, false
	}
	path := "/" + strings.Join(r.Tasks[0].Path, "/")
	for _, op := range operations.All() {
		if op.Path == path && op.Method == "POST" {
			return op, true
		}
	}
	return sdk.Operation{}, false
}

// allFields compares every field, unexported ones too (an Opt's state and
// kept wire text, a Time's), where a type has no Equal method.
var allFields = cmp.Exporter(func(reflect.Type) bool { return true })

// diffDecode decodes body into two new responses, with sdk.Decode and with
// the reflective path alone, and returns how they differ ("" for not).
func diffDecode(newResp func() any, body []byte) string {
	fast, slow := newResp(), newResp()
	fastErr := sdk.Decode(body, fast)
	slowErr := sdk.DecodeReflect(body, slow)
	var out []string
	if d := cmp.Diff(slow, fast, allFields); d != "" {
		out = append(out, "values (-reflective +sdk.Decode):\n"+d)
	}
	if d := diffErrors(slowErr, fastErr); d != "" {
		out = append(out, d)
	}
	if d := sdk.DiffScanEnvelope(body); d != "" {
		out = append(out, "envelope: "+d)
	}
	// The client's one pass: the same envelope, and the value Decode
	// gives when Decode finds nothing wrong.
	one := newResp()
	ok, envDiff := sdk.OnePass(body, one)
	if envDiff != "" {
		out = append(out, "one pass: "+envDiff)
	}
	if ok && fastErr != nil {
		out = append(out, fmt.Sprintf("one pass decoded a body sdk.Decode reports: %v", fastErr))
	}
	if d := cmp.Diff(fast, one, allFields); ok && d != "" {
		out = append(out, "values (-sdk.Decode +one pass):\n"+d)
	}
	return strings.Join(out, "\n")
}

func diffErrors(want, got error) string {
	if (want == nil) != (got == nil) || want != nil && want.Error() != got.Error() {
		return fmt.Sprintf("errors: reflective %v, sdk.Decode %v", want, got)
	}
	var wd, gd *sdk.DecodeError
	if errors.As(want, &wd) != errors.As(got, &gd) {
		return fmt.Sprintf("error types: reflective %T, sdk.Decode %T", want, got)
	}
	if wd != nil {
		if d := cmp.Diff(wd, gd); d != "" {
			return "problems (-reflective +sdk.Decode):\n" + d
		}
	}
	return ""
}

// TestDecodeFastCorpus: every example and recorded response decodes the
// same with both paths, and by the fast path (the docs' bodies are the
// ones it is for: one it leaves to the reflective path is a gap).
func TestDecodeFastCorpus(t *testing.T) {
	for _, c := range decodeCorpus(t) {
		if d := diffDecode(c.op.NewResponse, c.body); d != "" {
			t.Errorf("%s: %s", c.name, d)
		}
		if sdk.DecodeReflect(c.body, c.op.NewResponse()) == nil && !sdk.DecodeFast(c.body, c.op.NewResponse()) {
			t.Errorf("%s: the fast decoder leaves a body the reflective path decodes without a problem", c.name)
		}
		if ok, _ := sdk.OnePass(c.body, c.op.NewResponse()); sdk.DecodeFast(c.body, c.op.NewResponse()) && !ok {
			t.Errorf("%s: the client's one pass leaves a body the fast decoder decodes", c.name)
		}
	}
}

// TestDecodeFastMutations: mutations of every body (keys dropped,
// nulls, values of other types, keys in other cases, given twice or
// moved, unknown kinds, escapes, malformed JSON) decode the same with both
// paths.
func TestDecodeFastMutations(t *testing.T) {
	corpus := decodeCorpus(t)
	n := 30
	if testing.Short() {
		n = 5
	}
	fast := 0
	for i, c := range corpus {
		rng := rand.New(rand.NewPCG(uint64(i), 11))
		for j := range n {
			body := mutate(rng, c.body)
			if d := diffDecode(c.op.NewResponse, body); d != "" {
				t.Errorf("%s, mutation %d: %s\nbody: %s", c.name, j, d, truncateBody(body))
			}
			if sdk.DecodeFast(body, c.op.NewResponse()) {
				fast++
			}
		}
	}
	t.Logf("%d bodies, %d mutations each: %d decoded by the fast path", len(corpus), n, fast)
}

// FuzzDecodeFast: any body, as a response of any operation (picked by the
// first byte), decodes the same with both paths.
func FuzzDecodeFast(f *testing.F) {
	ops := operations.All()
	index := map[string]int{}
	for i, op := range ops {
		index[op.ID] = i
	}
	for i, c := range decodeCorpus(f) {
		rng := rand.New(rand.NewPCG(uint64(i), 13))
		seed := append([]byte{byte(index[c.op.ID])}, c.body...)
		f.Add(seed)
		f.Add(append([]byte{seed[0]}, mutate(rng, c.body)...))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) == 0 {
			return
		}
		op := ops[int(data[0])%len(ops)]
		if d := diffDecode(op.NewResponse, data[1:]); d != "" {
			t.Errorf("%s: %s", op.ID, d)
		}
	})
}

func truncateBody(b []byte) string {
	if len(b) > 600 {
		return string(b[:600]) + "…"
	}
	return string(b)
}
