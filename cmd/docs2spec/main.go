// Command docs2spec turns the DataForSEO documentation pages in spec/pages
// into spec/openapi.yaml and spec/REPORT.md.
//
//	docs2spec [-pages spec/pages] [-spec spec/openapi.yaml] [-report spec/REPORT.md]
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/dataforseo-go/dataforseo/gen/docs2spec"
)

func main() {
	var o docs2spec.Options
	flag.StringVar(&o.PagesDir, "pages", "spec/pages", "directory of documentation pages")
	flag.StringVar(&o.SpecPath, "spec", "spec/openapi.yaml", "where to write the OpenAPI spec")
	flag.StringVar(&o.ReportPath, "report", "spec/REPORT.md", "where to write the report")
	flag.Parse()
	if err := docs2spec.Run(o); err != nil {
		fmt.Fprintln(os.Stderr, "docs2spec:", err)
		os.Exit(1)
	}
}
