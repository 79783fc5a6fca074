package sdkgen

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/google/go-cmp/cmp"
)

func loadFlows(t *testing.T) []byte {
	t.Helper()
	data, err := os.ReadFile("testdata/flows.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestBuildFlows: the operations of a function with task_post, tasks_ready
// and task_get/<variant> are linked into one flow per variant, typed by
// the IR's own types; the functions that miss a step are noted.
func TestBuildFlows(t *testing.T) {
	doc, err := openapi3.NewLoader().LoadFromData(loadFlows(t))
	if err != nil {
		t.Fatal(err)
	}
	sections, err := Build(doc)
	if err != nil {
		t.Fatal(err)
	}
	s := sections[0]
	type flow struct{ Run, Flow, Function, Variant, Post, Ready, Get, Result, ReadyID string }
	var got []flow
	for _, f := range s.Flows {
		got = append(got, flow{f.Run, f.Flow, f.Function, f.Variant, f.Post.Name, f.Ready.Name, f.Get.Name, goSource(f.Get.Result), f.ReadyID.Name})
	}
	want := []flow{
		{"ThingsRunAdvanced", "ThingsFlowAdvanced", "/v3/gizmos/things", "advanced", "ThingsTaskPost", "ThingsTasksReady", "ThingsTaskGetAdvanced", "ThingsTaskGetAdvancedResult", "ID"},
		{"ThingsRunHTML", "ThingsFlowHTML", "/v3/gizmos/things", "html", "ThingsTaskPost", "ThingsTasksReady", "ThingsTaskGetHTML", "ThingsTaskGetHTMLResult", "ID"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("flows (-want +got):\n%s", diff)
	}
	wantGaps := []FlowGap{
		{"/v3/gizmos/noid", ": the results of tasks_ready have no string id"},
		{"/v3/gizmos/others", "no task_post endpoint in the spec"},
	}
	if diff := cmp.Diff(wantGaps, s.FlowGaps); diff != "" {
		t.Errorf("gaps (-want +got):\n%s", diff)
	}
}

// TestGeneratedFlowsTypeCheck generates the flows and type-checks them
// against the real sdk package.
func TestGeneratedFlowsTypeCheck(t *testing.T) {
	files, err := Generate(loadFlows(t))
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	var parsed []*ast.File
	var names []string
	for p := range files {
		if strings.HasPrefix(p, "gizmos/") {
			names = append(names, p)
		}
	}
	slices.Sort(names)
	for _, p := range names {
		f, err := parser.ParseFile(fset, p, files[p], parser.ParseComments)
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		parsed = append(parsed, f)
	}
	conf := types.Config{Importer: importer.ForCompiler(fset, "source", nil)}
	if _, err := conf.Check("github.com/dataforseo-go/dataforseo/sdk/gizmos", fset, parsed, nil); err != nil {
		t.Fatalf("generated code does not type-check: %v", err)
	}
	src := string(files["gizmos/flows_gen.go"])
	for _, want := range []string{
		"func (s *Service) ThingsRunAdvanced(ctx context.Context, tasks []ThingsTaskPostRequest, opts ...sdk.CallOption) iter.Seq2[sdk.TaskResult[ThingsTaskGetAdvancedResult], error]",
		"func (s *Service) ThingsFlowHTML() sdk.TaskFlow[ThingsTaskPostRequest, ThingsTaskGetHTMLResult]",
		"return sdk.RunTasks(ctx, s.ThingsFlowAdvanced(), tasks, opts...)",
		"return t.PostbackURL.Value() != \"\"",
		"(ThingsLiveAdvanced runs tasks at once instead).",
		"set the tasks' PingbackURL (called when a task is done)",
		"  - /v3/gizmos/others: no task_post endpoint in the spec",
	} {
		if !strings.Contains(src, want) {
			t.Errorf("flows_gen.go lacks %q", want)
		}
	}
	if strings.Contains(src, "ThingsLiveHTML") {
		t.Error("flows_gen.go names a live endpoint the spec does not have")
	}
	if !strings.Contains(string(files["gizmos/service_gen.go"]), "It is a step of the task flows that ThingsRunAdvanced and ThingsRunHTML run") {
		t.Error("the task_post method does not name its flows")
	}
}

// TestFlowNameClash: a flow's method named like an operation fails the
// generator instead of writing code that does not compile.
func TestFlowNameClash(t *testing.T) {
	spec := strings.ReplaceAll(string(loadFlows(t)), "/v3/gizmos/things/live/advanced", "/v3/gizmos/things/run/advanced")
	spec = strings.ReplaceAll(spec, "GizmosThingsLiveAdvanced", "GizmosThingsRunAdvanced")
	_, err := Generate([]byte(spec))
	if err == nil || !strings.Contains(err.Error(), "ThingsRunAdvanced is an operation's") {
		t.Fatalf("Generate = %v, want the clash named", err)
	}
}
