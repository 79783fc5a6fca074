package sdk

import "net/http"

//go:generate go run ./internal/gencodes -in ../spec/status-codes.tsv -out statuscodes_gen.go

// statusInfo is one row of the status-code table.
type statusInfo struct {
	message string // as the documentation writes it
	class   error  // nil for success
}

// StatusText returns the documented message of a DataForSEO status code,
// e.g. "Payment Required." for 40200, or "" for a code the documentation
// does not list.
func StatusText(code int) string { return statusCodes[code].message }

// classOfCode returns the class of a status code: the table's, or for a code
// the table does not list, the class of its range (2xxxx none, 404xx
// ErrNotFound, 406xx ErrTaskPending, other 4xxxx ErrInvalidRequest, 5xxxx
// ErrServer). 0 has no class.
func classOfCode(code int) error {
	if info, ok := statusCodes[code]; ok {
		return info.class
	}
	switch {
	case code <= 0 || IsOK(code):
		return nil
	case code/100 == 404:
		return ErrNotFound
	case code/100 == 406:
		return ErrTaskPending
	case code >= 40000 && code < 50000:
		return ErrInvalidRequest
	}
	return ErrServer
}

// classOfHTTP returns the class of an HTTP status; a 2xx response whose body
// has no success status is a server failure. 0 has no class.
func classOfHTTP(status int) error {
	switch {
	case status == 0:
		return nil
	case status/100 == 2 || status >= 500:
		return ErrServer
	case status == http.StatusUnauthorized:
		return ErrAuthentication
	case status == http.StatusPaymentRequired:
		return ErrPayment
	case status == http.StatusForbidden:
		return ErrAccessDenied
	case status == http.StatusNotFound || status == http.StatusGone:
		return ErrNotFound
	case status == http.StatusTooManyRequests:
		return ErrRateLimit
	case status/100 == 4:
		return ErrInvalidRequest
	}
	return ErrServer
}
