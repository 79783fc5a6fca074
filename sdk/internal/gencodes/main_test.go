package main

import (
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestGeneratedIsCurrent fails when sdk/statuscodes_gen.go is not what
// the TSV generates: run go generate in sdk/.
func TestGeneratedIsCurrent(t *testing.T) {
	tsv, err := os.ReadFile("../../../spec/status-codes.tsv")
	if err != nil {
		t.Fatal(err)
	}
	want, err := Generate(tsv)
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("../../statuscodes_gen.go")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("statuscodes_gen.go is stale; run go generate in sdk/ (-want +got):\n%s", diff)
	}
}

func TestGenerate(t *testing.T) {
	const header = "code\tmessage\tclass\n"
	tests := []struct {
		name    string
		tsv     string
		want    string // a line the output must hold
		wantErr string
	}{
		{"ok and error", header + "40100\tNo.\tauthentication\n20000\tOk.\tok\n", "\t40100: {\"No.\", ErrAuthentication},", ""},
		{"success has no class", header + "20000\tOk.\tok\n", "\t20000: {\"Ok.\", nil},", ""},
		{"quotes", header + "40000\tSay \"x\".\tinvalid request\n", "\t40000: {\"Say \\\"x\\\".\", ErrInvalidRequest},", ""},
		{"empty", header, "", "no rows"},
		{"columns", header + "40000\tx\n", "", "line 2: 2 columns, want 3"},
		{"not a code", header + "4x000\tx\tok\n", "", `line 2: "4x000" is not a status code`},
		{"twice", header + "20000\ta\tok\n20000\tb\tok\n", "", "line 3: code 20000 listed twice"},
		{"unknown class", header + "40000\tx\tsomething new\n", "", `line 2: class "something new" has no error class in gencodes`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, err := Generate([]byte(tt.tsv))
			gotErr := ""
			if err != nil {
				gotErr = err.Error()
			}
			if gotErr != tt.wantErr {
				t.Fatalf("error %q, want %q", gotErr, tt.wantErr)
			}
			if tt.want != "" && !strings.Contains(string(src), tt.want+"\n") {
				t.Errorf("output lacks %q:\n%s", tt.want, src)
			}
		})
	}
}
