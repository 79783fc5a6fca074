// Package spec holds the OpenAPI document docs2spec writes, for the code
// that needs it whole at run time: tests that check what was generated
// from it (the mock server of sdk/sdktest reads the catalog sdkgen
// writes for it instead, sdk/sdktest/catalog_gen.go).
package spec

import _ "embed"

// OpenAPI is spec/openapi.yaml.
//
//go:embed openapi.yaml
var OpenAPI []byte
