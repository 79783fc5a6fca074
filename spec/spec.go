// Package spec holds the OpenAPI document docs2spec writes, for the code
// that needs it at run time (the mock server of sdk/sdktest validates
// requests against it and answers with its examples).
package spec

import _ "embed"

// OpenAPI is spec/openapi.yaml.
//
//go:embed openapi.yaml
var OpenAPI []byte
