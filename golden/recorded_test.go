package golden

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dataforseo-go/dataforseo/sdk"
	"github.com/dataforseo-go/dataforseo/sdk/operations"
)

// TestRecordedResponses: every response body in spec/responses (recorded
// from the API) decodes strictly into its operation's generated types and
// re-encodes equal. The operation is the one whose path the tasks name.
func TestRecordedResponses(t *testing.T) {
	files, err := filepath.Glob("../spec/responses/*")
	if err != nil {
		t.Fatal(err)
	}
	for _, file := range files {
		if strings.HasPrefix(filepath.Base(file), ".") {
			continue
		}
		t.Run(filepath.Base(file), func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			op, ok := operationOf(t, data)
			if !ok {
				t.Fatal("no generated operation has the path its tasks name")
			}
			if err := roundTrip(data, op.NewResponse()); err != nil {
				t.Errorf("%s into %T: %v", op.ID, op.NewResponse(), err)
			}
		})
	}
}

// operationOf finds the operation whose path a response's first task names.
func operationOf(t *testing.T, body []byte) (sdk.Operation, bool) {
	t.Helper()
	var r struct {
		Tasks []struct {
			Path []string `json:"path"`
		} `json:"tasks"`
	}
	if err := json.Unmarshal(body, &r); err != nil || len(r.Tasks) == 0 {
		t.Fatalf("not a response with tasks: %v", err)
	}
	segs := append([]string{""}, r.Tasks[0].Path...)
	var match sdk.Operation
	found := false
	for _, op := range operations.All() {
		tmpl := strings.Split(op.Path, "/")
		if len(tmpl) != len(segs) {
			continue
		}
		same := true
		for i := range tmpl {
			if tmpl[i] != segs[i] && !strings.HasPrefix(tmpl[i], "{") {
				same = false
			}
		}
		if same && (!found || op.Method == "POST") {
			match, found = op, true
		}
	}
	return match, found
}
