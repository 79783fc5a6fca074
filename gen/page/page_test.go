package page

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/dataforseo-go/dataforseo/gen/jsonval"
)

func mustJSON(t *testing.T, s string) *jsonval.Value {
	t.Helper()
	v, err := jsonval.Parse([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// TestReadFormats reads one small page per format and compares the whole
// page model with what the page says.
func TestReadFormats(t *testing.T) {
	tests := []struct {
		file string
		want func(t *testing.T) *Page
	}{
		{"pipe.txt", func(t *testing.T) *Page {
			return &Page{Source: "pipe.txt", File: "pipe.txt", Kind: EndpointPage, Format: PipeText, Title: "Widgets Live",
				Summary: "This endpoint will provide you with widgets.", Method: "POST", Path: "/v3/widgets/live",
				Request: &Table{Line: 7, Flat: true, Rows: []Row{
					{Pos: 1, Line: 9, Name: "target", Type: "string", Description: "target domain required field"},
					{Pos: 2, Line: 11, Name: "limit", Type: "integer", Description: "the maximum number default value: 100\nmaximum value: 1000"},
				}},
				Response: &Table{Line: 15, Flat: true, Rows: []Row{
					{Pos: 1, Line: 17, Name: "version", Type: "string", Description: "the current version"},
					{Pos: 2, Line: 19, Name: "tasks", Type: "array", Description: "array of tasks"},
					{Pos: 3, Line: 21, Name: "referring ips", Type: "integer", Description: "number of IPs"},
				}},
				ResponseExamples: []Example{{Line: 5, Lang: "json", Value: mustJSON(t,
					`{"version":"0.1","status_code":20000,"tasks":[{"id":"t1","result":[{"items":[{"rank":1}]}]}]}`)}},
				RequestExamples: []Example{{Line: 3, Lang: "php", Value: mustJSON(t, `[{"target":"example.com","limit":5}]`)}},
			}
		}},
		{"tab.txt", func(t *testing.T) *Page {
			return &Page{Source: "tab.txt", File: "tab.txt", Kind: EndpointPage, Format: TabText, Method: "POST", Path: "/v3/widgets/live",
				Request: &Table{Line: 4, Rows: []Row{
					{Pos: 1, Line: 5, Name: "target", Type: "string", Description: "target domain\nrequired field"},
					{Pos: 2, Line: 7, Name: "limit", Type: "integer", Description: "the maximum number\noptional field"},
				}},
				Response: &Table{Line: 14, Rows: []Row{
					{Pos: 1, Line: 15, Name: "tasks", Type: "array", Description: "array of tasks"},
					{Pos: 2, Line: 16, Name: "id", Type: "string", Indent: 4, Description: "task identifier"},
					{Pos: 3, Line: 17, Name: "result", Type: "array", Indent: 4, Description: "array of results"},
					{Pos: 4, Line: 18, Name: "rank", Type: "integer", Indent: 8, Description: "rank of the page\nthe higher the better"},
				}},
			}
		}},
		{"space.txt", func(t *testing.T) *Page {
			return &Page{Source: "space.txt", File: "space.txt", Kind: EndpointPage, Format: SpaceText, Title: "Widgets Live",
				Summary: "This endpoint will provide you with widgets.", Method: "POST", Path: "/v3/widgets/live",
				Request: &Table{Line: 10, Rows: []Row{
					{Pos: 1, Line: 11, Name: "target", Type: "string", Description: "target domain\nrequired field\nthe type is string in every case"},
				}},
				Response: &Table{Line: 16, Rows: []Row{
					{Pos: 1, Line: 17, Name: "tasks", Type: "array", Description: "array of tasks"},
					{Pos: 2, Line: 18, Name: "referring ips", Type: "integer", Indent: 8, Description: "number of IPs\nnumber of IP addresses"},
				}},
			}
		}},
		{"md.md", func(t *testing.T) *Page {
			return &Page{Source: "md.md", File: "md.md", Kind: EndpointPage, Format: Markdown, Title: "Widgets Live",
				Summary: "This endpoint will provide you with widgets.", Method: "POST", Path: "/v3/widgets/live",
				Request: &Table{Line: 27, Flat: true, Rows: []Row{
					{Pos: 1, Line: 29, Name: "target", Type: "string", Description: "target domain\nrequired field\nexample: example_domain.com"},
				}},
				Response: &Table{Line: 33, Flat: true, Rows: []Row{
					{Pos: 1, Line: 35, Name: "tasks", Type: "array", Description: "array of tasks", Marked: true},
					{Pos: 2, Line: 36, Heading: "‘widget’ element in SERP", Marked: true},
					{Pos: 3, Line: 37, Name: "status_code", Type: "integer", Description: "status code"},
				}},
				ResponseExamples: []Example{{Line: 19, Lang: "json", Value: mustJSON(t, `{"status_code":20000,"tasks":[]}`)}},
				RequestExamples:  []Example{{Line: 9, Lang: "curl", Value: mustJSON(t, `[{"target":"example.com"}]`)}},
			}
		}},
		{"wp.json", func(t *testing.T) *Page {
			return &Page{Source: "wp.json", File: "wp.json", Kind: EndpointPage, Format: WordPressJSON, Title: "Widgets Live",
				Summary: "This endpoint will provide you with widgets.", Method: "POST", Path: "/v3/widgets/live",
				Modified: "2024-01-02T03:04:05",
				Request: &Table{Rows: []Row{
					{Pos: 1, Name: "targets", Type: "array", Description: "targets\nrequired field\nup to 1000 targets"},
				}},
				Response: &Table{Rows: []Row{
					{Pos: 1, Name: "tasks", Type: "array", Description: "array of tasks"},
					{Pos: 2, Name: "id", Type: "string", Indent: 4, Description: "task identifier\nin the UUID format"},
				}},
				ResponseExamples: []Example{{Lang: "json", Value: mustJSON(t, `{"tasks":[{"id":"x"}]}`)}},
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", "formats", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			got, err := Parse(tt.file, data)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want(t), got); diff != "" {
				t.Errorf("Parse(%s) mismatch (-want +got):\n%s", tt.file, diff)
			}
		})
	}
}
