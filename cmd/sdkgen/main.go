// Command sdkgen writes the Go SDK under sdk/ from spec/openapi.yaml.
//
//	sdkgen [-spec spec/openapi.yaml] [-out sdk]
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/dataforseo-go/dataforseo/gen/sdkgen"
)

func main() {
	specPath := flag.String("spec", "spec/openapi.yaml", "the OpenAPI spec docs2spec wrote")
	out := flag.String("out", "sdk", "the SDK directory: one package per API section is written under it")
	flag.Parse()
	if err := sdkgen.Run(*specPath, *out); err != nil {
		fmt.Fprintln(os.Stderr, "sdkgen:", err)
		os.Exit(1)
	}
}
