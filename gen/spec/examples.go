package spec

import (
	"fmt"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/dataforseo-go/dataforseo/gen/page"
)

// checkExamples validates every example the document carries against its
// schema, as a reader of the written spec will (rule X1). A request
// example that contradicts the page's own table (a number written as a
// string, a required field left out) is left out of the spec and
// reported, so that the spec stays valid; the table decides the request.
// A response example that does not validate means the builder failed to
// type what the example shows: it is left out and reported too.
func (b *builder) checkExamples(eps []*endpoint) error {
	// The document as a reader loads it; JSON is the same document as the
	// YAML Marshal writes, and loads without the YAML round trip.
	j, err := b.doc.MarshalJSON()
	if err != nil {
		return err
	}
	loaded, err := openapi3.NewLoader().LoadFromData(j)
	if err != nil {
		return fmt.Errorf("the built spec does not load: %w", err)
	}
	for _, ep := range eps {
		op := loaded.Paths.Value(ep.path).GetOperation(ep.method)
		own := b.doc.Paths.Value(ep.path).GetOperation(ep.method)
		if op.RequestBody != nil {
			b.dropInvalid(ep, page.PartRequestExample, op.RequestBody.Value.Content.Get("application/json"),
				own.RequestBody.Value.Content.Get("application/json"))
		}
		media := op.Responses.Status(200).Value.Content.Get("application/json")
		b.dropInvalid(ep, page.PartResponseExample, media, own.Responses.Status(200).Value.Content.Get("application/json"))
		// A recorded response shaped the spec: it must fit it, or the
		// builder could not follow the wire (several types, say).
		for _, r := range ep.recorded {
			if err := media.Schema.Value.VisitJSON(r.Body.Any()); err != nil {
				reason, _, _ := strings.Cut(err.Error(), "\n")
				b.report.add(ep, &page.Page{Source: r.Source}, PartRecorded, "", "recorded-rejected", "does not fit the spec built with it: "+reason)
				b.errs = append(b.errs, fmt.Errorf("%s: does not fit the spec built with it (%s %s): %s", r.Source, ep.method, ep.path, reason))
			}
		}
	}
	return nil
}

func (b *builder) dropInvalid(ep *endpoint, part page.Part, loaded, own *openapi3.MediaType) {
	for name, ex := range loaded.Examples {
		err := loaded.Schema.Value.VisitJSON(ex.Value.Value)
		if err == nil {
			continue
		}
		delete(own.Examples, name)
		reason, _, _ := strings.Cut(err.Error(), "\n")
		b.report.add(ep, nil, part, "", "example-rejected", fmt.Sprintf("example %s does not fit the documented schema, left out of the spec: %s", name, reason))
	}
	if len(own.Examples) == 0 {
		own.Examples = nil
	}
}
