// Command sdkgen writes the Go SDK under sdk/ from spec/openapi.yaml, and
// reports the sizes of what it wrote.
//
//	sdkgen [-spec spec/openapi.yaml] [-out sdk]
//	sdkgen sizes [-spec spec/openapi.yaml] [-sdk sdk] [-time=true]
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/dataforseo-go/dataforseo/gen/sdkgen"
	"github.com/dataforseo-go/dataforseo/gen/sizes"
)

func main() {
	if len(os.Args) > 1 && os.Args[1] == "sizes" {
		os.Exit(sizes.Main(os.Args[2:], os.Stdout, os.Stderr))
	}
	specPath := flag.String("spec", "spec/openapi.yaml", "the OpenAPI spec docs2spec wrote")
	out := flag.String("out", "sdk", "the SDK directory: one package per API section is written under it")
	flag.Parse()
	if err := sdkgen.Run(*specPath, *out); err != nil {
		fmt.Fprintln(os.Stderr, "sdkgen:", err)
		os.Exit(1)
	}
}
