package sdktest

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
)

// TestSynthesizedAnswers: an operation the docs give no example of answers
// a value of its response schema that the schema accepts, with results
// (none for a posted task, which is "Task Created.").
func TestSynthesizedAnswers(t *testing.T) {
	c, err := resolvedCatalog()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, o := range c.ops {
		media := o.route.Operation.Responses.Status(200).Value.Content.Get("application/json")
		if len(media.Examples) > 0 {
			continue
		}
		n++
		var v any
		if err := json.Unmarshal(o.example, &v); err != nil {
			t.Fatalf("%s %s: %v", o.method, o.path, err)
		}
		if err := media.Schema.Value.VisitJSON(v, openapi3.MultiErrors()); err != nil {
			t.Errorf("%s %s: the synthesized answer does not fit: %.300v", o.method, o.path, err)
		}
		if bytes.Equal(o.example, emptyResponse(o.path)) {
			t.Errorf("%s %s: no answer could be synthesized", o.method, o.path)
		}
	}
	if n == 0 {
		t.Fatal("no operation without an example: the test tests nothing")
	}
}
