package sdk

import (
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math"
	"net"
	"net/http"
	"net/url"
	"os"
	"strings"
	"sync/atomic"
	"time"
)

// Client calls the DataForSEO API. It is safe for concurrent use; its rate
// and concurrency limits and its spending are shared by all goroutines.
//
// # Retries
//
// A call is retried, with exponential backoff and jitter (WithBackoff) and
// at least the wait a Retry-After header asks, up to WithMaxRetries times,
// only when the request cannot have been charged:
//
//   - the connection failed before the request was fully written;
//   - HTTP 429, 502, 503 or 504;
//   - an envelope status_code that refuses the whole request unprocessed:
//     40202 (rate limit per minute), 50001 (error while checking the
//     balance, which comes before any charge), 50303 (update in progress);
//
// and never when the response reports a cost above zero. Everything else,
// HTTP 500 and task-level failures included, is returned at once, since
// the request may have been charged. Retries respect the context: a call
// whose context ends while it waits returns the last failure together with
// the context's error.
//
// # Errors
//
// A call returns an *Error (errors.Is matches its class: ErrAuthentication,
// ErrRateLimit, ...) when the HTTP status or the envelope's status_code
// reports a failure, and a *TaskErrors, with the response decoded, when
// only some tasks failed. Values of the response that do not fit their
// documented types are reported by a *DecodeError, with everything else
// decoded. A *BudgetError (ErrBudgetExceeded) refuses a call once the
// budget is spent, and a *ValidationError (ErrInvalidRequest) a task that
// breaks a documented rule, both before anything is sent.
//
// The credentials never appear in an error, a log line, or the fmt output
// of a Client.
type Client struct {
	base       string // the base URL, without a trailing slash
	creds      *credentials
	http       *http.Client
	userAgent  string
	log        *slog.Logger // nil: no logs
	limits     *limits
	maxRetries int
	backoff    time.Duration
	maxBackoff time.Duration
	budget     float64
	timeout    time.Duration
	validate   bool
	spent      atomic.Uint64 // float64 bits, USD
	clock      clock
}

// credentials is kept behind a pointer: fmt prints a nested pointer as an
// address, never its contents, and String, GoString and Format hide them
// when printed directly.
type credentials struct {
	login, password string
	header          string // the Authorization header
}

// String hides the credentials.
func (*credentials) String() string { return "[credentials redacted]" }

// GoString hides the credentials from %#v.
func (c *credentials) GoString() string { return c.String() }

// Format prints the redaction for every verb.
func (c *credentials) Format(f fmt.State, _ rune) { io.WriteString(f, c.String()) }

// NewClient returns a Client configured by opts. Credentials come from
// WithCredentials or the environment (DATAFORSEO_LOGIN, DATAFORSEO_PASSWORD).
func NewClient(opts ...Option) (*Client, error) {
	cfg := defaultConfig()
	for _, o := range opts {
		if o != nil {
			o(&cfg)
		}
	}
	if !cfg.credentialsSet {
		cfg.login, cfg.password = os.Getenv(EnvLogin), os.Getenv(EnvPassword)
	}
	if cfg.login == "" || cfg.password == "" {
		return nil, fmt.Errorf("dataforseo: no credentials: use WithCredentials or set %s and %s", EnvLogin, EnvPassword)
	}
	base, err := checkBaseURL(cfg.baseURL)
	if err != nil {
		return nil, err
	}
	if cfg.backoff < 0 || cfg.maxBackoff < cfg.backoff {
		return nil, errors.New("dataforseo: WithBackoff needs 0 <= initial <= max")
	}
	if math.IsNaN(cfg.budget) {
		return nil, errors.New("dataforseo: WithBudget needs a number")
	}
	hc := cfg.httpClient
	if hc == nil {
		hc = defaultHTTPClient(cfg.maxConcurrency)
	}
	ua := "dataforseo-go/" + Version
	if cfg.userAgent != "" {
		ua = cfg.userAgent + " " + ua
	}
	token := base64.StdEncoding.EncodeToString([]byte(cfg.login + ":" + cfg.password))
	return &Client{
		base:       base,
		creds:      &credentials{login: cfg.login, password: cfg.password, header: "Basic " + token},
		http:       hc,
		userAgent:  ua,
		log:        cfg.logger,
		limits:     newLimits(cfg.rateCalls, cfg.ratePer, cfg.maxConcurrency),
		maxRetries: cfg.maxRetries,
		backoff:    cfg.backoff,
		maxBackoff: cfg.maxBackoff,
		budget:     cfg.budget,
		timeout:    cfg.timeout,
		validate:   cfg.validate,
		clock:      realClock,
	}, nil
}

// defaultHTTPClient returns a client whose transport keeps an idle
// connection for each call that may be in flight (http.DefaultTransport
// keeps two per host, so concurrent calls would keep opening new ones).
func defaultHTTPClient(maxConcurrency int) *http.Client {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConnsPerHost = DefaultMaxConcurrency
	if maxConcurrency > 0 {
		t.MaxIdleConnsPerHost = max(maxConcurrency, 2)
	}
	t.MaxIdleConns = max(t.MaxIdleConns, t.MaxIdleConnsPerHost)
	return &http.Client{Transport: t}
}

// checkBaseURL returns the base URL without a trailing slash, or an error
// that does not repeat it (it could hold credentials).
func checkBaseURL(raw string) (string, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return "", errors.New("dataforseo: WithBaseURL: not a URL")
	}
	switch {
	case u.User != nil:
		return "", errors.New("dataforseo: WithBaseURL: the URL must not hold credentials; use WithCredentials")
	case u.Host == "":
		return "", errors.New("dataforseo: WithBaseURL: the URL has no host")
	case u.RawQuery != "" || u.Fragment != "":
		return "", errors.New("dataforseo: WithBaseURL: the URL must not have a query or fragment")
	case u.Scheme == "https":
	case u.Scheme == "http" && isLoopback(u.Hostname()):
	default:
		return "", fmt.Errorf("dataforseo: WithBaseURL: the URL must be https (http only for a loopback host), not %q", u.Scheme)
	}
	return strings.TrimSuffix(u.String(), "/"), nil
}

func isLoopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// Spent returns the sum of the cost of every response the client received,
// in USD.
func (c *Client) Spent() float64 { return math.Float64frombits(c.spent.Load()) }

// addSpent adds cost to the spending.
func (c *Client) addSpent(cost float64) {
	if cost == 0 || math.IsNaN(cost) {
		return
	}
	for {
		old := c.spent.Load()
		if c.spent.CompareAndSwap(old, math.Float64bits(math.Float64frombits(old)+cost)) {
			return
		}
	}
}

// checkBudget refuses a call when the spending has reached the budget.
func (c *Client) checkBudget() error {
	if spent := c.Spent(); spent >= c.budget {
		return &BudgetError{Budget: c.budget, Spent: spent}
	}
	return nil
}

// String describes the client without its credentials.
func (c *Client) String() string {
	if c == nil {
		return "sdk.Client(nil)"
	}
	return fmt.Sprintf("sdk.Client{base: %s, spent: %.4f USD}", c.base, c.Spent())
}

// GoString is String, so %#v hides the credentials too.
func (c *Client) GoString() string { return c.String() }

// Format prints String for every verb, so no verb prints the credentials.
func (c *Client) Format(f fmt.State, _ rune) { io.WriteString(f, c.String()) }
