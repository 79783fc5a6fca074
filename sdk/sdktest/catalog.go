package sdktest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
)

// catalogOp is an operation as the generator hands it to the server
// (catalog_gen.go, written by gen/mockcat): what the server answers it
// with, and what it needs to build a document of the operation alone.
type catalogOp struct {
	method  string   // "POST"
	path    string   // "/v3/backlinks/referring_domains/live"
	example string   // the first documented example of the 200 response, JSON; "" for none
	item    string   // the path item with this operation only, without examples, JSON
	schemas []string // the schema components item reaches, directly or not
}

// document is an OpenAPI document of the operation alone: the spec's
// head (info, servers, security), its path item and the schemas it
// reaches, so that kin-openapi reads a few kilobytes where the whole spec
// is megabytes, and validates requests exactly as against the whole spec.
func (c *catalogOp) document() ([]byte, error) {
	var b bytes.Buffer
	b.Grow(len(catalogHead) + len(c.item) + 64*len(c.schemas))
	openObject(&b, catalogHead)
	b.WriteString(`"paths":{`)
	writeString(&b, c.path)
	b.WriteString(":")
	b.WriteString(c.item)
	b.WriteString(`},"components":`)
	openObject(&b, catalogComponents)
	b.WriteString(`"schemas":{`)
	for i, name := range c.schemas {
		s, ok := catalogSchemas[name]
		if !ok {
			return nil, fmt.Errorf("sdktest: the catalog lacks the schema %s of %s %s", name, c.method, c.path)
		}
		if i > 0 {
			b.WriteString(",")
		}
		writeString(&b, name)
		b.WriteString(":")
		b.WriteString(s)
	}
	b.WriteString("}}}")
	return b.Bytes(), nil
}

// openObject writes a JSON object without its closing brace, and a comma
// when it has members, for more members to follow.
func openObject(b *bytes.Buffer, obj string) {
	obj = strings.TrimSpace(obj)
	inner := strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(obj, "{"), "}"))
	b.WriteString("{")
	if inner != "" {
		b.WriteString(inner)
		b.WriteString(",")
	}
}

func writeString(b *bytes.Buffer, s string) {
	q, _ := json.Marshal(s)
	b.Write(q)
}
