package spec

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/dataforseo-go/dataforseo/gen/jsonval"
	"github.com/dataforseo-go/dataforseo/gen/page"
)

// checkExamples validates every example the document carries against its
// schema, as a reader of the written spec will (rule X1). A request
// example that contradicts the page's own table (a number written as a
// string, a required field left out) is left out of the spec and
// reported, so that the spec stays valid; the table decides the request.
// A response example that does not validate means the builder failed to
// type what the example shows: it is left out and reported too.
//
// The check runs on the document in memory, its $refs resolved as a
// loader of the written spec resolves them (refs.go): no marshalling and
// no loading back.
func (b *builder) checkExamples(eps []*endpoint) error {
	ms, err := misfits(b.doc, eps)
	if err != nil {
		return err
	}
	for _, m := range ms {
		switch {
		case m.recorded != "":
			b.report.add(m.ep, &page.Page{Source: m.recorded}, PartRecorded, "", "recorded-rejected", "does not fit the spec built with it: "+m.reason)
			b.errs = append(b.errs, fmt.Errorf("%s: does not fit the spec built with it (%s %s): %s", m.recorded, m.ep.method, m.ep.path, m.reason))
		default:
			delete(m.media.Examples, m.name)
			if len(m.media.Examples) == 0 {
				m.media.Examples = nil
			}
			b.report.add(m.ep, nil, m.part, "", "example-rejected", fmt.Sprintf("example %s does not fit the documented schema, left out of the spec: %s", m.name, m.reason))
		}
	}
	return nil
}

// misfit is an example, or a recorded response, that does not validate
// against the schema of its operation.
type misfit struct {
	ep       *endpoint
	part     page.Part           // request or response example
	media    *openapi3.MediaType // the example's media type in the document
	name     string              // the example's name
	recorded string              // the recorded response's source, instead of an example
	reason   string              // the first line of the validation error
}

// misfits validates the examples and the recorded responses of the
// endpoints' operations in doc, in order: endpoints, request before
// response, examples by name, recordings. It leaves doc as it is.
func misfits(doc *openapi3.T, eps []*endpoint) ([]misfit, error) {
	undo, err := resolveRefs(doc)
	defer undo()
	if err != nil {
		return nil, fmt.Errorf("the built spec does not load: %w", err)
	}
	var out []misfit
	for _, ep := range eps {
		op := doc.Paths.Value(ep.path).GetOperation(ep.method)
		if op.RequestBody != nil {
			out = append(out, invalid(ep, page.PartRequestExample, op.RequestBody.Value.Content.Get("application/json"))...)
		}
		media := op.Responses.Status(200).Value.Content.Get("application/json")
		out = append(out, invalid(ep, page.PartResponseExample, media)...)
		// A recorded response shaped the spec: it must fit it, or the
		// builder could not follow the wire (several types, say).
		for _, r := range ep.recorded {
			if err := media.Schema.Value.VisitJSON(r.Body.Any()); err != nil {
				out = append(out, misfit{ep: ep, recorded: r.Source, reason: firstLine(err)})
			}
		}
	}
	return out, nil
}

func invalid(ep *endpoint, part page.Part, media *openapi3.MediaType) []misfit {
	var out []misfit
	for _, name := range slices.Sorted(maps.Keys(media.Examples)) {
		if err := media.Schema.Value.VisitJSON(exampleValue(media.Examples[name].Value.Value)); err != nil {
			out = append(out, misfit{ep: ep, part: part, media: media, name: name, reason: firstLine(err)})
		}
	}
	return out
}

func firstLine(err error) string {
	reason, _, _ := strings.Cut(err.Error(), "\n")
	return reason
}

// exampleValue is an example's value as a reader of the written spec
// decodes it: JSON's plain Go values (float64 numbers).
func exampleValue(v any) any {
	if jv, ok := v.(*jsonval.Value); ok {
		return jv.Any()
	}
	j, err := json.Marshal(v)
	if err != nil {
		return v
	}
	var out any
	if json.Unmarshal(j, &out) != nil {
		return v
	}
	return out
}
