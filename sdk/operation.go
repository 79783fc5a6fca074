package sdk

// Operation describes one API endpoint. Each generated package lists its
// operations in a variable Operations, so that tests, mock servers and
// users can range over the API.
type Operation struct {
	// ID is "package.Method", e.g. "backlinks.ReferringDomainsLive".
	ID string
	// Method and Path are the HTTP method and the path, with {name} for
	// path parameters: "/v3/backlinks/referring_domains/live".
	Method, Path string
	// Summary is the documentation's title of the endpoint.
	Summary string
	// NewRequest returns a pointer to a zero task (*XRequest); nil for an
	// operation without a request body.
	NewRequest func() any
	// NewRequestBody returns a pointer to a zero request body, the slice
	// of tasks (*[]XRequest); nil without a request body.
	NewRequestBody func() any
	// NewResponse returns a pointer to a zero response (*XResponse).
	NewResponse func() any
}
