package golden

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/dataforseo-go/dataforseo/gen/docs2spec"
	"github.com/dataforseo-go/dataforseo/gen/page"
	"github.com/dataforseo-go/dataforseo/sdk"
	"github.com/dataforseo-go/dataforseo/sdk/operations"
)

const pagesDir = "../spec/pages"

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

// TestExamplesRoundTrip: every response and request example of every page
// in the repository, through its operation's generated types.
func TestExamplesRoundTrip(t *testing.T) {
	pages, err := docs2spec.ReadPages(pagesDir)
	if err != nil {
		t.Fatal(err)
	}
	ops := operationsByEndpoint()
	var n int
	for _, p := range pages {
		op, ok := ops[p.Method+" "+p.Path]
		if !ok {
			t.Errorf("%s: no generated operation for %s %s", p.Source, p.Method, p.Path)
			continue
		}
		for i, ex := range p.ResponseExamples {
			n++
			t.Run(fmt.Sprintf("%s/response-%d", p.Source, i+1), func(t *testing.T) {
				if err := roundTrip(exampleJSON(t, ex), op.NewResponse()); err != nil {
					t.Errorf("%s into %T: %v", op.ID, op.NewResponse(), err)
				}
			})
		}
		for i, ex := range p.RequestExamples {
			n++
			t.Run(fmt.Sprintf("%s/request-%s-%d", p.Source, ex.Lang, i+1), func(t *testing.T) {
				if op.NewRequestBody == nil {
					t.Fatalf("%s has a request example but no request type", op.ID)
				}
				body := op.NewRequestBody()
				if err := roundTrip(exampleJSON(t, ex), body); err != nil {
					t.Errorf("%s into %T: %v", op.ID, body, err)
				}
			})
		}
	}
	if n == 0 {
		t.Fatal("no examples")
	}
}

func exampleJSON(t *testing.T, ex page.Example) []byte {
	t.Helper()
	b, err := ex.Value.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func jsonMarshal(v any) (string, error) {
	b, err := json.Marshal(v)
	return string(b), err
}
