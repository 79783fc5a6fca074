package golden

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/dataforseo-go/dataforseo/gen/sizes"
)

// The generator a user is most likely to point at spec/openapi.yaml, at
// the version interop was last checked with. Its client names types after
// the operationIds (contract.OperationID keeps them apart from the
// components).
const (
	oapiCodegen        = "github.com/oapi-codegen/oapi-codegen/v2/cmd/oapi-codegen@v2.5.1"
	oapiCodegenRuntime = "github.com/oapi-codegen/runtime@v1.1.2"
)

// TestOAPICodegenBuilds runs oapi-codegen (models and client) on the
// committed spec in a module of its own and builds the output, so that the
// spec keeps working with the tools people use. It needs the Go module
// proxy (as the project's own build does) and is skipped with -short.
// On the way it holds the Go the project generates from the spec below
// what oapi-codegen generates from it, in lines per operation.
func TestOAPICodegenBuilds(t *testing.T) {
	if testing.Short() {
		t.Skip("runs oapi-codegen through the module proxy")
	}
	spec, err := filepath.Abs("../spec/openapi.yaml")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	run := func(args ...string) []byte {
		t.Helper()
		cmd := exec.Command("go", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("go %v: %v\n%s", args, err, out)
		}
		return out
	}
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module interop\n\ngo 1.26\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "dfs"), 0o755); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("go", "run", oapiCodegen, "-generate", "types,client", "-package", "dfs", spec)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
	src, err := cmd.Output()
	if err != nil {
		msg := ""
		if ee, ok := err.(*exec.ExitError); ok {
			msg = string(ee.Stderr)
		}
		t.Fatalf("oapi-codegen: %v\n%s", err, msg)
	}
	if err := os.WriteFile(filepath.Join(dir, "dfs", "dfs.gen.go"), src, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Run("FewerLinesPerOperation", func(t *testing.T) { fewerLinesPerOperation(t, spec, src) })
	run("get", oapiCodegenRuntime)
	run("mod", "tidy")
	run("vet", "./...")
}

// fewerLinesPerOperation compares all the Go sdkgen generated under sdk/
// from the spec (every section, the operations list and the mock's
// catalog; tests and the hand-written runtime aside) with what
// oapi-codegen made of the same spec (src; models and client; its
// runtime module aside), in lines per operation.
func fewerLinesPerOperation(t *testing.T, specPath string, src []byte) {
	data, err := os.ReadFile(specPath)
	if err != nil {
		t.Fatal(err)
	}
	sections, others, err := sizes.SDK(data, "../sdk")
	if err != nil {
		t.Fatal(err)
	}
	_, ours := (&sizes.Report{Sections: sections, Others: others}).Totals()
	if ours.Operations == 0 || ours.GoLines == 0 {
		t.Fatalf("measured nothing: %+v", ours)
	}
	theirs := float64(sizes.Lines(src)) / float64(ours.Operations)
	t.Logf("%d operations: sdkgen %d lines (%.0f per operation, %d bytes), oapi-codegen %d lines (%.0f per operation, %d bytes)",
		ours.Operations, ours.GoLines, ours.LinesPerOperation(), ours.GoBytes, sizes.Lines(src), theirs, len(src))
	if ours.LinesPerOperation() >= theirs {
		t.Errorf("sdkgen generates %.0f lines per operation, oapi-codegen %.0f: ours should stay below", ours.LinesPerOperation(), theirs)
	}
}
