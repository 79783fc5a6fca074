package sdk

import (
	"fmt"
	"log/slog"
	"math"
	"net/http"
	"net/textproto"
	"time"
)

// The defaults of a Client.
const (
	// ProductionURL is the API.
	ProductionURL = "https://api.dataforseo.com"
	// SandboxURL is the free sandbox, which answers with sample data.
	SandboxURL = "https://sandbox.dataforseo.com"

	// DefaultRateLimit calls per DefaultRateInterval is the documented limit
	// of the API.
	DefaultRateLimit = 2000
	// DefaultRateInterval is the interval of DefaultRateLimit.
	DefaultRateInterval = time.Minute
	// DefaultMaxConcurrency is the documented limit of simultaneous calls.
	DefaultMaxConcurrency = 30
	// DefaultMaxRetries is how often a call is retried (see Client).
	DefaultMaxRetries = 3
	// DefaultBackoff is the wait before the first retry; it doubles with
	// each retry, up to DefaultMaxBackoff.
	DefaultBackoff = 500 * time.Millisecond
	// DefaultMaxBackoff caps the wait between retries.
	DefaultMaxBackoff = 30 * time.Second

	// DefaultConnectTimeout limits opening a connection (TCP and TLS) to
	// the API, for the client's own transport.
	DefaultConnectTimeout = 30 * time.Second
	// DefaultResponseHeaderTimeout limits the wait for the response's
	// headers, from the start of an attempt. The API's slowest calls (live
	// SERP and on-page tasks) can take about two minutes.
	DefaultResponseHeaderTimeout = 3 * time.Minute
	// DefaultTimeout limits one attempt of a call, from sending the request
	// to the end of the response body: the slowest answer plus the time to
	// read the largest documented bodies over a slow link. A server that
	// dribbles its body cannot hold a call longer.
	DefaultTimeout = 5 * time.Minute
	// DefaultMaxResponseBytes caps a response body, counted after
	// decompression: the API's largest documented answers (SERP advanced
	// and HTML results, 1,000-item Backlinks and Labs pages) are a few MB.
	DefaultMaxResponseBytes = 64 << 20
	// MaxTasks is the most tasks one POST may carry (status 40006 refuses
	// the rest); a POST needs at least one (40502).
	MaxTasks = 100

	// EnvLogin and EnvPassword name the environment variables NewClient
	// reads the credentials from when WithCredentials is not given.
	EnvLogin    = "DATAFORSEO_LOGIN"
	EnvPassword = "DATAFORSEO_PASSWORD"
)

// Version is the version of this SDK, sent in the User-Agent header.
const Version = "0.2.0"

// Option configures a Client; pass them to NewClient. The options that
// also configure one call (WithTimeout, WithMaxRetries, WithBudget,
// WithHeader, WithMaxResponseBytes) are CommonOption values.
type Option interface{ applyClient(*config) }

// CallOption configures one call; pass them after a method's task, e.g.
//
//	resp, err := svc.ReferringDomainsLive(ctx, task, sdk.WithTimeout(time.Minute), sdk.WithRawResponse(&raw))
//
// A call option overrides the client's setting for that call only.
type CallOption interface{ applyCall(*callConfig) }

// CommonOption configures a Client (given to NewClient) or one call (given
// to a method), e.g. WithTimeout.
type CommonOption struct {
	client func(*config)
	call   func(*callConfig)
}

func (o CommonOption) applyClient(c *config)   { o.client(c) }
func (o CommonOption) applyCall(c *callConfig) { o.call(c) }

type clientOption func(*config)

func (o clientOption) applyClient(c *config) { o(c) }

type callOption func(*callConfig)

func (o callOption) applyCall(c *callConfig) { o(c) }

// settings are what a client sets for every call and a call can override.
type settings struct {
	timeout    time.Duration
	maxRetries int
	maxBody    int64
	header     http.Header
}

type config struct {
	settings
	login, password string
	credentialsSet  bool
	baseURL         string
	httpClient      *http.Client
	httpClientSet   bool
	userAgent       string
	logger          *slog.Logger
	logBodies       int
	rateCalls       int
	ratePer         time.Duration
	maxConcurrency  int
	backoff         time.Duration
	maxBackoff      time.Duration
	budget          float64
	costCeiling     float64
	connectTimeout  time.Duration
	headerTimeout   time.Duration
	validate        bool
	errs            []error
}

func (c *config) fail(format string, args ...any) {
	c.errs = append(c.errs, fmt.Errorf("dataforseo: "+format, args...))
}

func defaultConfig() config {
	return config{
		settings: settings{
			timeout:    DefaultTimeout,
			maxRetries: DefaultMaxRetries,
			maxBody:    DefaultMaxResponseBytes,
		},
		baseURL:        ProductionURL,
		rateCalls:      DefaultRateLimit,
		ratePer:        DefaultRateInterval,
		maxConcurrency: DefaultMaxConcurrency,
		backoff:        DefaultBackoff,
		maxBackoff:     DefaultMaxBackoff,
		budget:         math.Inf(1),
		connectTimeout: DefaultConnectTimeout,
		headerTimeout:  DefaultResponseHeaderTimeout,
		validate:       true,
	}
}

// WithCredentials sets the API login and password (from
// https://app.dataforseo.com/api-access). Without it NewClient reads the
// environment variables DATAFORSEO_LOGIN and DATAFORSEO_PASSWORD.
func WithCredentials(login, password string) Option {
	return clientOption(func(c *config) { c.login, c.password, c.credentialsSet = login, password, true })
}

// WithBaseURL sets the API's address: ProductionURL (the default),
// SandboxURL, or another. It must be https unless its host is loopback (for
// tests), and must not hold credentials.
func WithBaseURL(baseURL string) Option {
	return clientOption(func(c *config) { c.baseURL = baseURL })
}

// WithHTTPClient sets the HTTP client the calls go through; nil is an
// error. The client is copied, not changed: the copy refuses redirects to
// another scheme, host or port (see Client) before its own CheckRedirect
// runs, and WithConnectTimeout does not apply to its transport. The
// default is a client of its own, with a clone of http.DefaultTransport
// that keeps an idle connection for each call that may be in flight.
func WithHTTPClient(hc *http.Client) Option {
	return clientOption(func(c *config) {
		if hc == nil {
			c.fail("WithHTTPClient: the HTTP client is nil")
		}
		c.httpClient, c.httpClientSet = hc, true
	})
}

// WithUserAgent puts ua in front of the SDK's own User-Agent, e.g.
// "myapp/1.2 dataforseo-go/0.2.0".
func WithUserAgent(ua string) Option {
	return clientOption(func(c *config) { c.userAgent = ua })
}

// WithLogger sets a logger for debug logs of each attempt and retry
// (method, path, status, cost, duration; never credentials). Default: none.
// See WithLogBodies for the bodies.
func WithLogger(l *slog.Logger) Option {
	return clientOption(func(c *config) { c.logger = l })
}

// WithLogBodies adds, to the debug logs of WithLogger, the request and
// response of each attempt: headers (Authorization redacted) and the first
// maxBytes bytes of each body. 0 (the default) logs no bodies; a negative
// value is an error.
func WithLogBodies(maxBytes int) Option {
	return clientOption(func(c *config) {
		if maxBytes < 0 {
			c.fail("WithLogBodies: %d bytes is negative", maxBytes)
		}
		c.logBodies = maxBytes
	})
}

// WithRateLimit limits the calls the client sends to calls per interval,
// across all its goroutines (default DefaultRateLimit per
// DefaultRateInterval, the API's limit). Both must be above 0 (see
// WithoutRateLimit). The calls are spaced evenly at per/calls plus a 2%
// margin (a token bucket of burst 1: a larger burst would let up to
// burst+calls through within one interval), so the client never starts
// more than calls within any window of length per, and the server never
// sees more as long as the network delays of the calls differ by less
// than 2% of per (1.2s for the default). The client reaches 98% of the
// limit. Retries count as calls.
func WithRateLimit(calls int, per time.Duration) Option {
	return clientOption(func(c *config) {
		if calls <= 0 || per <= 0 {
			c.fail("WithRateLimit(%d, %v): both must be above 0; use WithoutRateLimit to turn the limit off", calls, per)
		}
		c.rateCalls, c.ratePer = calls, per
	})
}

// WithoutRateLimit turns the rate limit off, for tests against a mock
// server. The API refuses calls beyond its limit (status 40202).
func WithoutRateLimit() Option {
	return clientOption(func(c *config) { c.rateCalls, c.ratePer = 0, 0 })
}

// WithMaxConcurrency limits the calls in flight at once, across all the
// client's goroutines (default DefaultMaxConcurrency, the API's limit);
// n must be above 0.
func WithMaxConcurrency(n int) Option {
	return clientOption(func(c *config) {
		if n <= 0 {
			c.fail("WithMaxConcurrency(%d): must be above 0", n)
		}
		c.maxConcurrency = n
	})
}

// WithMaxRetries sets how often a call that cannot have been charged is
// retried (default DefaultMaxRetries; 0 turns retries off; negative is an
// error). See Client for which failures are retried.
func WithMaxRetries(n int) CommonOption {
	return common(problem(n < 0, "WithMaxRetries(%d): must not be negative", n), func(s *settings) { s.maxRetries = n })
}

// WithBackoff sets the wait before the first retry and the cap of the
// wait, which doubles with each retry (defaults DefaultBackoff and
// DefaultMaxBackoff; 0 <= initial <= maxWait). Each wait is drawn at
// random between half and all of its value (jitter), and is at least what
// a Retry-After header asks.
func WithBackoff(initial, maxWait time.Duration) Option {
	return clientOption(func(c *config) {
		if initial < 0 || maxWait < initial {
			c.fail("WithBackoff(%v, %v): needs 0 <= initial <= max", initial, maxWait)
		}
		c.backoff, c.maxBackoff = initial, maxWait
	})
}

// WithBudget sets the most the client (given to NewClient) or one call
// (given to a method; for an ...All iterator, all its pages together) may
// spend, in USD; it must be above 0. A call that the budget cannot admit
// fails with a *BudgetError before anything is sent. See Client for the
// exact rule, and WithCostCeiling for costs that cannot be read.
func WithBudget(usd float64) CommonOption {
	check := func(fail func(string, ...any)) {
		if !(usd > 0) || math.IsInf(usd, 0) {
			fail("WithBudget(%v): must be a number above 0", usd)
		}
	}
	return CommonOption{
		client: func(c *config) { check(c.fail); c.budget = usd },
		call:   func(c *callConfig) { check(c.fail); c.budget = usd },
	}
}

// WithCostCeiling sets the most one task may cost, in USD (above 0). Under
// a budget it is the estimate of a call to an endpoint whose cost the
// client has not seen yet, and what a call whose cost cannot be read
// counts. Without it, such a call blocks the budget (see Client).
func WithCostCeiling(usdPerTask float64) Option {
	return clientOption(func(c *config) {
		if !(usdPerTask > 0) || math.IsInf(usdPerTask, 0) {
			c.fail("WithCostCeiling(%v): must be a number above 0", usdPerTask)
		}
		c.costCeiling = usdPerTask
	})
}

// WithTimeout limits each attempt of a call (sending, waiting, reading the
// response) to d, on top of the call's context (default DefaultTimeout;
// d must be above 0). An attempt that timed out after sending its request
// is not retried: it may have been charged.
func WithTimeout(d time.Duration) CommonOption {
	return common(problem(d <= 0, "WithTimeout(%v): must be above 0", d), func(s *settings) { s.timeout = d })
}

// WithConnectTimeout limits opening a connection, TCP and TLS handshake
// (default DefaultConnectTimeout; above 0). It applies to the client's own
// transport, not to one given by WithHTTPClient.
func WithConnectTimeout(d time.Duration) Option {
	return clientOption(func(c *config) {
		if d <= 0 {
			c.fail("WithConnectTimeout(%v): must be above 0", d)
		}
		c.connectTimeout = d
	})
}

// WithResponseHeaderTimeout limits the time from the start of an attempt
// (connecting and sending included) to the response's headers (default
// DefaultResponseHeaderTimeout; above 0). It applies to every transport.
func WithResponseHeaderTimeout(d time.Duration) Option {
	return clientOption(func(c *config) {
		if d <= 0 {
			c.fail("WithResponseHeaderTimeout(%v): must be above 0", d)
		}
		c.headerTimeout = d
	})
}

// WithMaxResponseBytes caps a response body at n bytes, counted after
// decompression (default DefaultMaxResponseBytes; above 0). A larger body
// fails the call with an *Error; the call may have been charged.
func WithMaxResponseBytes(n int64) CommonOption {
	return common(problem(n <= 0, "WithMaxResponseBytes(%d): must be above 0", n), func(s *settings) { s.maxBody = n })
}

// WithHeader adds a header to every request of the client, or of one call.
// The headers the SDK sets itself (Authorization, Content-Type, Accept,
// User-Agent) cannot be changed this way; trying is an error.
func WithHeader(key, value string) CommonOption {
	k := textproto.CanonicalMIMEHeaderKey(key)
	switch k {
	case "Authorization", "Content-Type", "Accept", "User-Agent", "Content-Length", "Host":
		return common(fmt.Sprintf("WithHeader(%q): the SDK sets this header itself", key), nil)
	}
	return common("", func(s *settings) {
		s.header = s.header.Clone() // a call's change never reaches the client's
		if s.header == nil {
			s.header = http.Header{}
		}
		s.header.Add(k, value)
	})
}

// WithValidation turns on or off the validation of the tasks by their
// Validate methods before a call sends them (default on). The number of
// tasks (1 to MaxTasks) is always checked.
func WithValidation(on bool) Option {
	return clientOption(func(c *config) { c.validate = on })
}
