package serp_test

import (
	"context"
	"encoding/json"
	"errors"
	"maps"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/dataforseo-go/dataforseo/sdk"
	"github.com/dataforseo-go/dataforseo/sdk/sdktest"
	"github.com/dataforseo-go/dataforseo/sdk/serp"
	"github.com/dataforseo-go/dataforseo/spec"
	"github.com/dataforseo-go/dataforseo/spec/contract"
)

// TestEveryFlow runs the first documented task of each flow's task_post
// through the flow against the mock, and decodes what task_get answered
// strictly into the generated response type: the flow links the right
// endpoints, and the mock's echo of the task fits the docs' types.
func TestEveryFlow(t *testing.T) {
	type flow struct {
		function, variant string // "/v3/serp/google/" + function
		run               func(t *testing.T, svc *serp.Service) (int, error)
	}
	flows := []flow{
		{"ai_mode", "advanced", run((*serp.Service).GoogleAIModeFlowAdvanced)},
		{"ai_mode", "html", run((*serp.Service).GoogleAIModeFlowHTML)},
		{"dataset_search", "advanced", run((*serp.Service).GoogleDatasetSearchFlowAdvanced)},
		{"events", "advanced", run((*serp.Service).GoogleEventsFlowAdvanced)},
		{"jobs", "advanced", run((*serp.Service).GoogleJobsFlowAdvanced)},
		{"jobs", "html", run((*serp.Service).GoogleJobsFlowHTML)},
		{"local_finder", "advanced", run((*serp.Service).GoogleLocalFinderFlowAdvanced)},
		{"maps", "advanced", run((*serp.Service).GoogleMapsFlowAdvanced)},
		{"organic", "advanced", run((*serp.Service).GoogleOrganicFlowAdvanced)},
		{"organic", "regular", run((*serp.Service).GoogleOrganicFlowRegular)},
		{"search_by_image", "advanced", run((*serp.Service).GoogleSearchByImageFlowAdvanced)},
		{"search_by_image", "html", run((*serp.Service).GoogleSearchByImageFlowHTML)},
	}
	// The table is every flow the spec links.
	var want, got []string
	for _, f := range contract.Flows(specDoc(t).Paths.InMatchingOrder()) {
		if strings.HasPrefix(f.Function, "/v3/serp/") {
			want = append(want, f.Function+" "+f.Variant)
		}
	}
	for _, f := range flows {
		got = append(got, "/v3/serp/google/"+f.function+" "+f.variant)
	}
	if !slices.Equal(got, want) {
		t.Errorf("flows tested %v, the spec's %v", got, want)
	}
	for _, f := range flows {
		t.Run(f.function+"/"+f.variant, func(t *testing.T) {
			function := "/v3/serp/google/" + f.function
			get := contract.StepPath(function, contract.StepGet, f.variant)
			srv := sdktest.NewServer(t, sdktest.WithReadyAfter(1))
			n, err := f.run(t, serp.New(srv.Client()))
			if n != 1 {
				t.Fatalf("%d results", n)
			}
			switch documented := hasResult(t, srv.Example(get)); {
			case documented && err != nil:
				t.Errorf("the task's result: %v", err)
			case !documented && !errors.Is(err, sdk.ErrNoResults):
				t.Errorf("a task_get without a documented result: %v, want ErrNoResults", err)
			}
			if q := srv.Queue(); len(q) != 1 || !q[0].Collected || q[0].Function != function {
				t.Errorf("queue %+v", q)
			}
		})
	}
}

// run makes the test of one flow: the first documented task without a
// postback_url goes through it, with the raw answer of the last call
// (task_get) decoded strictly. It returns the results and the task's Err.
func run[T, R any](flow func(*serp.Service) sdk.TaskFlow[T, R]) func(t *testing.T, svc *serp.Service) (int, error) {
	return func(t *testing.T, svc *serp.Service) (int, error) {
		fl := flow(svc)
		var tasks []T
		var raw sdk.RawResponse
		posted := false
		wrap := fl.Post
		fl.Post = func(ctx context.Context, ts []T, opts ...sdk.CallOption) ([]sdk.PostedTask, error) {
			posted = true
			return wrap(ctx, ts, opts...)
		}
		task := firstTask(t, fl)
		tasks = append(tasks, task)
		n, taskErr := 0, error(nil)
		var getPath string
		for r, err := range sdk.RunTasks(context.Background(), fl, tasks, fastPolls, sdk.WithRawResponse(&raw)) {
			if err != nil {
				t.Fatal(err)
			}
			n++
			taskErr = r.Err
			getPath = r.ID
		}
		if !posted || getPath == "" {
			t.Fatalf("posted %v, id %q", posted, getPath)
		}
		var env struct {
			Tasks []struct{ Path []string } `json:"tasks"`
		}
		if err := json.Unmarshal(raw.Body, &env); err != nil || len(env.Tasks) != 1 {
			t.Fatalf("the last answer: %v %.200s", err, raw.Body)
		}
		resp := responseOf(t, env.Tasks[0].Path)
		if err := sdk.DecodeStrict(raw.Body, resp); err != nil {
			t.Errorf("task_get's answer does not decode strictly: %v", err)
		}
		return n, taskErr
	}
}

// firstTask is the first task of the documented request examples of the
// flow's task_post that sets no postback_url.
func firstTask[T, R any](t *testing.T, _ sdk.TaskFlow[T, R]) T {
	t.Helper()
	var zero T
	doc := specDoc(t)
	for _, path := range doc.Paths.InMatchingOrder() {
		op := doc.Paths.Value(path).Post
		if op == nil || op.RequestBody == nil {
			continue
		}
		for _, name := range slices.Sorted(maps.Keys(op.RequestBody.Value.Content.Get("application/json").Examples)) {
			b, _ := json.Marshal(op.RequestBody.Value.Content.Get("application/json").Examples[name].Value.Value)
			var raw []map[string]any
			if json.Unmarshal(b, &raw) != nil {
				continue
			}
			for _, task := range raw {
				if _, pb := task[contract.PostbackURL]; pb {
					continue
				}
				var tasks []T
				tb, _ := json.Marshal([]any{task})
				if err := sdk.DecodeStrict(tb, &tasks); err == nil && len(tasks) == 1 && isRequestOf(path, tasks) {
					return tasks[0]
				}
			}
		}
	}
	t.Fatal("no documented task fits the flow's request type")
	return zero
}

// isRequestOf reports whether the tasks are of the request type of path.
func isRequestOf[T any](path string, _ []T) bool {
	for _, o := range serp.Operations {
		if o.Path == path && o.NewRequestBody != nil {
			_, ok := o.NewRequestBody().(*[]T)
			return ok
		}
	}
	return false
}

// responseOf is a new response of the GET operation a task's path
// (["v3", "serp", ..., id]) answers.
func responseOf(t *testing.T, path []string) any {
	t.Helper()
	for _, o := range serp.Operations {
		tmpl := strings.Split(strings.TrimPrefix(o.Path, "/"), "/")
		if o.Method == "GET" && len(tmpl) == len(path) && !slices.ContainsFunc(tmpl, func(seg string) bool {
			i := slices.Index(tmpl, seg)
			return seg != path[i] && !strings.HasPrefix(seg, "{")
		}) {
			return o.NewResponse()
		}
	}
	t.Fatalf("no operation answers %v", path)
	return nil
}

func hasResult(t *testing.T, example []byte) bool {
	var env struct {
		Tasks []struct{ Result []json.RawMessage } `json:"tasks"`
	}
	if err := json.Unmarshal(example, &env); err != nil {
		t.Fatal(err)
	}
	return len(env.Tasks) > 0 && len(env.Tasks[0].Result) > 0
}

var loadSpec = sync.OnceValues(func() (*openapi3.T, error) { return openapi3.NewLoader().LoadFromData(spec.OpenAPI) })

func specDoc(t *testing.T) *openapi3.T {
	t.Helper()
	doc, err := loadSpec()
	if err != nil {
		t.Fatal(err)
	}
	return doc
}
