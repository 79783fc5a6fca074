package sdk

import (
	"fmt"
	"net/http"
)

// problem is the message of an option's meaningless value, "" when ok.
func problem(bad bool, format string, args ...any) string {
	if !bad {
		return ""
	}
	return fmt.Sprintf(format, args...)
}

// common is an option on the settings a client and a call share: msg, if
// not "", is the value's problem; set applies it.
func common(msg string, set func(*settings)) CommonOption {
	apply := func(s *settings, fail func(string, ...any)) {
		if msg != "" {
			fail("%s", msg)
			return
		}
		set(s)
	}
	return CommonOption{
		client: func(c *config) { apply(&c.settings, c.fail) },
		call:   func(c *callConfig) { apply(&c.settings, c.fail) },
	}
}

// RawResponse is the HTTP response of a call's last attempt, as received:
// see WithRawResponse.
type RawResponse struct {
	StatusCode int         // the HTTP status; 0 when no response arrived
	Header     http.Header // the response headers
	Body       []byte      // the body, decompressed; of a body past WithMaxResponseBytes, only its start
}

// WithRawResponse makes a call store its last attempt's HTTP response in
// dst, for logging or debugging what the API sent.
func WithRawResponse(dst *RawResponse) CallOption {
	return callOption(func(c *callConfig) {
		if dst == nil {
			c.fail("WithRawResponse: the destination is nil")
		}
		c.raw = dst
	})
}

// WithMaxPages caps the pages an ...All iterator (Paginate) fetches; n must
// be above 0. The iterator stops after n pages without an error. Other
// calls ignore it.
func WithMaxPages(n int) CallOption {
	return callOption(func(c *callConfig) {
		if n <= 0 {
			c.fail("WithMaxPages(%d): must be above 0", n)
		}
		c.maxPages = n
	})
}
