// Command docs2spec turns the DataForSEO documentation pages into the
// OpenAPI spec, refreshes the pages, and compares specs.
//
//	docs2spec [-pages spec/pages] [-responses spec/responses] [-spec spec/openapi.yaml] [-report spec/REPORT.md] [-strict]
//	docs2spec fetch [-sources spec/sources.txt] [-pages spec/pages] [-base URL] [-concurrency 2] [-delay 500ms]
//	docs2spec diff [-base-ref main | -base FILE] [-head spec/openapi.yaml]
//	docs2spec sources [-sources spec/sources.txt] [-from DIR]
package main

import (
	"os"

	"github.com/dataforseo-go/dataforseo/gen/docs2spec"
)

func main() { os.Exit(docs2spec.Main(os.Args[1:], os.Stdout, os.Stderr)) }
