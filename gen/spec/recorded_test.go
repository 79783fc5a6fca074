package spec_test

import (
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/dataforseo-go/dataforseo/gen/jsonval"
	"github.com/dataforseo-go/dataforseo/gen/page"
	"github.com/dataforseo-go/dataforseo/gen/spec"
)

func recorded(t *testing.T, name, body string) spec.Recorded {
	t.Helper()
	v, err := jsonval.Parse([]byte(body))
	if err != nil {
		t.Fatal(err)
	}
	return spec.Recorded{Source: name, Body: v}
}

// TestRecordedResponses: a response recorded from the API widens the spec
// where the docs are wrong or silent (W1-W4), and each change is reported
// under the recording's name.
func TestRecordedResponses(t *testing.T) {
	p := tabPage(t, "a.txt", []string{"target\tstring\tthe target\nrequired field"},
		append(envelopeRows[:2],
			"        total\tinteger\tthe total",
			"        items\tarray\titems",
			"            rank\tinteger\tthe rank",
			"            tld\tobject\tcounts per top-level domain",
			"            kept\tstring\talways there in the docs",
		), `{"status_code":20000,"tasks":[{"id":"1","path":["v3","widgets","live"],"data":{"api":"widgets","function":"live","target":"a.com"},
"result":[{"total":1,"items":[{"rank":1,"tld":{"com":3},"kept":"x"}]}]}]}`)
	rec := recorded(t, "responses/live.json", `{"status_code":20000,"tasks":[{"id":"2","path":["v3","widgets","live"],
"data":{"api":"widgets","function":"live","target":"b.com","rank_scale":"one_hundred"},
"result":[{"total":2,"new_total":5,"items":[{"rank":1.5,"tld":null},{"rank":2,"tld":{"org":1},"kept":"y"}]}]}]}`)
	doc, report, err := spec.BuildAll([]*page.Page{p}, []spec.Recorded{rec})
	if err != nil {
		t.Fatal(err)
	}
	y, _ := spec.Marshal(doc)
	loaded, err := openapi3.NewLoader().LoadFromData(y)
	if err != nil {
		t.Fatal(err)
	}
	s := loaded.Components.Schemas
	it := s["WidgetsItem"].Value
	if !it.Properties["tld"].Value.Nullable {
		t.Error("W1: tld is null on the wire but not nullable")
	}
	if !it.Properties["rank"].Value.Type.Is("number") {
		t.Errorf("W3: rank is %v, want number (the wire has 1.5)", it.Properties["rank"].Value.Type)
	}
	for _, r := range it.Required {
		if r == "kept" {
			t.Error("W4: kept is still required though the wire leaves it out")
		}
	}
	if s["WidgetsResult"].Value.Properties["new_total"] == nil {
		t.Error("W2: the wire's new_total was not added")
	}
	data := s["WidgetsLiveData"].Value
	if len(data.AllOf) != 2 || data.AllOf[1].Value.Properties["rank_scale"] == nil {
		t.Error("the echoed rank_scale is not in Data")
	}
	// The recording fits the spec built with it.
	resp := loaded.Paths.Value("/v3/widgets/live").Post.Responses.Status(200).Value.Content.Get("application/json").Schema.Value
	var body any
	_ = jsonUnmarshal(rec.Body, &body)
	if err := resp.VisitJSON(body); err != nil {
		t.Errorf("the recording does not fit the spec: %v", err)
	}
	md := report.Markdown()
	for _, say := range []string{
		"## Recorded responses",
		"### responses/live.json\n\nPOST /v3/widgets/live",
		"- `tasks[].result[].items[].tld` nullable: W1: null on the wire, where the docs give no null: nullable",
		"- `tasks[].result[].new_total` added: W2: a key the docs lack: added with its wire type (integer)",
		"- `tasks[].result[].items[].rank` type: W3: the docs say integer, the wire float: float",
		"- `tasks[].result[].items[].kept` optional: W4: every example of the docs has it, the wire leaves it out: optional",
		"- `tasks[].data.rank_scale` added: W2: a key the docs lack: added with its wire type (string)",
	} {
		if !strings.Contains(md, say) {
			t.Errorf("the report does not say %q", say)
		}
	}
}

func jsonUnmarshal(v *jsonval.Value, out *any) error {
	*out = v.Any()
	return nil
}

// TestRecordedErrors: a body that is not a response, or whose path no
// page documents, is an error naming the file; the spec still builds.
func TestRecordedErrors(t *testing.T) {
	p := tabPage(t, "a.txt", []string{"target\tstring\tthe target"}, envelopeRows, example)
	get := tabPage(t, "b.txt", []string{"id\tstring\tthe task id"}, envelopeRows, `{"tasks":[{"id":"1","result":[{"items":[]}]}]}`)
	get.Method, get.Path = "GET", "/v3/widgets/task_get/{id}"
	tests := []struct{ body, want string }{
		{`[1, 2]`, "x.json: not a response: a response is a JSON object with status_code and tasks"},
		{`{"status_code":40100,"tasks":null}`, "x.json: not a response of an operation: tasks is null, not an array of tasks"},
		{`{"status_code":20000,"tasks":[{"id":"1"}]}`, "x.json: tasks[0] has no path (an array of strings): the operation cannot be told"},
		{`{"status_code":20000,"tasks":[{"path":["v3","widgets","other"]}]}`, "x.json: tasks[].path /v3/widgets/other matches no operation of the documentation pages"},
		{`{"status_code":20000,"tasks":[{"path":["v3","widgets","live"]},{"path":["v3","widgets","x"]}]}`, "x.json: tasks[1].path /v3/widgets/x is not tasks[0].path /v3/widgets/live"},
	}
	for _, tt := range tests {
		doc, _, err := spec.BuildAll([]*page.Page{p, get}, []spec.Recorded{recorded(t, "x.json", tt.body)})
		if err == nil || err.Error() != tt.want {
			t.Errorf("%s:\n got %v\nwant %s", tt.body, err, tt.want)
		}
		if doc == nil || doc.Paths.Value("/v3/widgets/live") == nil {
			t.Errorf("%s: the spec did not build", tt.body)
		}
	}
	// A path parameter matches any segment.
	_, report, err := spec.BuildAll([]*page.Page{p, get}, []spec.Recorded{recorded(t, "get.json",
		`{"status_code":20000,"tasks":[{"id":"1","path":["v3","widgets","task_get","0612"],"result":[{"items":[]}]}]}`)})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(report.Markdown(), "### get.json\n\nGET /v3/widgets/task_get/{id}") {
		t.Error("the recording was not matched to GET /v3/widgets/task_get/{id}")
	}
}
