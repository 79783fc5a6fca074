package golden

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestREADMECompiles type-checks the Go program of the README against the
// SDK, so that the first thing a new user copies keeps working.
func TestREADMECompiles(t *testing.T) {
	data, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(data), "```go\n")
	src, _, ok2 := strings.Cut(rest, "```")
	if !ok || !ok2 {
		t.Fatal("the README has no Go program")
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "README.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	conf := types.Config{Importer: importer.ForCompiler(fset, "source", nil)}
	if _, err := conf.Check("main", fset, []*ast.File{f}, nil); err != nil {
		t.Fatalf("the README's program does not compile: %v", err)
	}
}

// TestGoVersion: go.mod asks for the Go version the README promises ("Go
// 1.26 or later"), no later patch release: a user on 1.26.0 must not be
// made to download another toolchain.
func TestGoVersion(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`\(Go (1\.\d+) or later`).FindSubmatch(readme)
	if m == nil {
		t.Fatal(`the README does not say "(Go 1.N or later"`)
	}
	mod, err := os.ReadFile("../go.mod")
	if err != nil {
		t.Fatal(err)
	}
	g := regexp.MustCompile(`(?m)^go (\S+)$`).FindSubmatch(mod)
	if g == nil {
		t.Fatal("go.mod has no go line")
	}
	if got, want := string(g[1]), string(m[1])+".0"; got != want && got != string(m[1]) {
		t.Errorf("go.mod says go %s, the README promises Go %s or later", got, m[1])
	}
}
