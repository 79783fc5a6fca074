package golden

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/dataforseo-go/dataforseo/sdk"
	"github.com/dataforseo-go/dataforseo/sdk/operations"
)

// operationsByEndpoint indexes the generated registry by "METHOD path".
func operationsByEndpoint() map[string]sdk.Operation {
	m := map[string]sdk.Operation{}
	for _, op := range operations.All() {
		m[op.Method+" "+op.Path] = op
	}
	return m
}

// roundTrip decodes data strictly into v (unknown fields, wrong types and
// values that do not fit are errors), re-encodes v, and compares the two
// as JSON trees. It returns the differences, each with its path.
func roundTrip(data []byte, v any) error {
	if err := sdk.DecodeStrict(data, v); err != nil {
		return fmt.Errorf("strict decode: %w", err)
	}
	out, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("re-encode: %w", err)
	}
	var want, got any
	if err := json.Unmarshal(data, &want); err != nil {
		return err
	}
	if err := json.Unmarshal(out, &got); err != nil {
		return err
	}
	if diff := cmp.Diff(want, got); diff != "" {
		return fmt.Errorf("re-encoded JSON differs from the example (-example +re-encoded):\n%s", diff)
	}
	return nil
}

// TestExamplesRoundTrip: every response and request example the spec
// carries (every example of every page in the repository, but those
// docs2spec rejected and reported), through its operation's generated
// types.
func TestExamplesRoundTrip(t *testing.T) {
	data, err := os.ReadFile("../spec/openapi.yaml")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := openapi3.NewLoader().LoadFromData(data)
	if err != nil {
		t.Fatal(err)
	}
	ops := operationsByEndpoint()
	var n int
	for _, path := range doc.Paths.InMatchingOrder() {
		for method, o := range doc.Paths.Value(path).Operations() {
			op, ok := ops[method+" "+path]
			if !ok {
				t.Errorf("no generated operation for %s %s", method, path)
				continue
			}
			for name, ex := range o.Responses.Status(200).Value.Content.Get("application/json").Examples {
				n++
				t.Run(name, func(t *testing.T) {
					if err := roundTrip(marshal(t, ex.Value.Value), op.NewResponse()); err != nil {
						t.Errorf("%s into %T: %v", op.ID, op.NewResponse(), err)
					}
				})
			}
			if o.RequestBody == nil {
				continue
			}
			for name, ex := range o.RequestBody.Value.Content.Get("application/json").Examples {
				n++
				t.Run(name, func(t *testing.T) {
					body := op.NewRequestBody()
					if err := roundTrip(marshal(t, ex.Value.Value), body); err != nil {
						t.Errorf("%s into %T: %v", op.ID, body, err)
					}
				})
			}
		}
	}
	if n == 0 {
		t.Fatal("no examples")
	}
}

func marshal(t testing.TB, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// jsonMarshal encodes v as the client sends it: without HTML escapes.
func jsonMarshal(v any) (string, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	err := enc.Encode(v)
	return strings.TrimSuffix(buf.String(), "\n"), err
}
