package sdk

import (
	"log/slog"
	"math"
	"net/http"
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

	// EnvLogin and EnvPassword name the environment variables NewClient
	// reads the credentials from when WithCredentials is not given.
	EnvLogin    = "DATAFORSEO_LOGIN"
	EnvPassword = "DATAFORSEO_PASSWORD"
)

// Version is the version of this SDK, sent in the User-Agent header.
const Version = "0.1.0"

// Option configures a Client; pass them to NewClient.
type Option func(*config)

type config struct {
	login, password string
	credentialsSet  bool
	baseURL         string
	httpClient      *http.Client
	userAgent       string
	logger          *slog.Logger
	rateCalls       int
	ratePer         time.Duration
	maxConcurrency  int
	maxRetries      int
	backoff         time.Duration
	maxBackoff      time.Duration
	budget          float64
	timeout         time.Duration
	validate        bool
}

func defaultConfig() config {
	return config{
		baseURL:        ProductionURL,
		rateCalls:      DefaultRateLimit,
		ratePer:        DefaultRateInterval,
		maxConcurrency: DefaultMaxConcurrency,
		maxRetries:     DefaultMaxRetries,
		backoff:        DefaultBackoff,
		maxBackoff:     DefaultMaxBackoff,
		budget:         math.Inf(1),
		validate:       true,
	}
}

// WithCredentials sets the API login and password (from
// https://app.dataforseo.com/api-access). Without it NewClient reads the
// environment variables DATAFORSEO_LOGIN and DATAFORSEO_PASSWORD.
func WithCredentials(login, password string) Option {
	return func(c *config) { c.login, c.password, c.credentialsSet = login, password, true }
}

// WithBaseURL sets the API's address: ProductionURL (the default),
// SandboxURL, or another. It must be https unless its host is loopback (for
// tests), and must not hold credentials.
func WithBaseURL(baseURL string) Option {
	return func(c *config) { c.baseURL = baseURL }
}

// WithHTTPClient sets the HTTP client the calls go through. The default is
// a client of its own with a clone of http.DefaultTransport that keeps an
// idle connection for each call that may be in flight; a client given here
// should do the same (http.DefaultTransport keeps only two per host).
func WithHTTPClient(hc *http.Client) Option {
	return func(c *config) { c.httpClient = hc }
}

// WithUserAgent puts ua in front of the SDK's own User-Agent, e.g.
// "myapp/1.2 dataforseo-go/0.1.0".
func WithUserAgent(ua string) Option {
	return func(c *config) { c.userAgent = ua }
}

// WithLogger sets a logger for debug logs of each attempt and retry (path,
// status, cost, duration; never credentials or bodies). Default: none.
func WithLogger(l *slog.Logger) Option {
	return func(c *config) { c.logger = l }
}

// WithRateLimit limits the calls the client sends to calls per interval,
// across all its goroutines (default DefaultRateLimit per
// DefaultRateInterval, the API's limit). The calls are spaced evenly at
// per/calls plus a 2% margin (a token bucket of burst 1: a larger burst
// would let up to burst+calls through within one interval), so the server
// never sees more than calls within any window of length per as long as the
// network delays of the calls differ by less than 2% of per (1.2s for the
// default). The client reaches 98% of the limit. Retries count as calls.
// calls <= 0 or per <= 0 turns the limit off.
func WithRateLimit(calls int, per time.Duration) Option {
	return func(c *config) { c.rateCalls, c.ratePer = calls, per }
}

// WithMaxConcurrency limits the calls in flight at once, across all the
// client's goroutines (default DefaultMaxConcurrency, the API's limit).
// n <= 0 turns the limit off.
func WithMaxConcurrency(n int) Option {
	return func(c *config) { c.maxConcurrency = n }
}

// WithMaxRetries sets how often a call that was not charged is retried
// (default DefaultMaxRetries; 0 turns retries off). See Client for which
// failures are retried.
func WithMaxRetries(n int) Option {
	return func(c *config) { c.maxRetries = max(n, 0) }
}

// WithBackoff sets the wait before the first retry and the cap of the
// wait, which doubles with each retry (defaults DefaultBackoff and
// DefaultMaxBackoff). Each wait is drawn at random between half and all of
// its value (jitter), and is at least what a Retry-After header asks.
func WithBackoff(initial, maxWait time.Duration) Option {
	return func(c *config) { c.backoff, c.maxBackoff = initial, maxWait }
}

// WithBudget makes the client refuse, with a *BudgetError and before sending
// anything, each call that would start when Spent() has reached usd. Calls
// already in flight finish, so the spending can end above the budget by
// what they cost.
func WithBudget(usd float64) Option {
	return func(c *config) { c.budget = usd }
}

// WithTimeout limits each attempt of a call (sending, waiting, reading the
// response) to d, on top of the call's context. Default: no limit but the
// context's. An attempt that timed out after sending its request is not
// retried.
func WithTimeout(d time.Duration) Option {
	return func(c *config) { c.timeout = d }
}

// WithValidation turns on or off the validation of the tasks by their
// Validate methods before a call sends them (default on).
func WithValidation(on bool) Option {
	return func(c *config) { c.validate = on }
}
