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
	"time"
)

// Client calls the DataForSEO API. It is safe for concurrent use; its rate
// and concurrency limits and its spending are shared by all goroutines.
// Every call costs money, so the rules below are promises, tested under
// concurrency and against servers that misbehave.
//
// # Retries
//
// A call is retried, with exponential backoff and jitter (WithBackoff) and
// at least the wait a Retry-After header asks, up to WithMaxRetries times,
// only when the request cannot have reached the API's processing:
//
//   - the connection failed before the request was fully written;
//   - HTTP 429, or HTTP 503 with a Retry-After header;
//   - an envelope status_code that refuses the whole request unprocessed:
//     40202 (rate limit per minute), 50001 (error while checking the
//     balance, which comes before any charge), 50303 (update in progress);
//
// and only when neither the envelope nor any task reports a cost above 0
// or a cost that cannot be read. Everything else is returned at once, since
// the request may have been charged: HTTP 500, 502 and 504 (a gateway can
// answer after the API ran the task), a 503 without Retry-After, a timeout
// or a broken connection after the request was sent, task-level failures.
// A Retry-After that cannot be read, asks for more than two minutes, or
// for more than the context has left gives up at once, and the error says
// why. Retries respect the context.
//
// # Budget
//
// With a budget (WithBudget, for the client or for one call), a call starts
// only when, for each budget, what it has counted plus the estimates of the
// calls in flight under it plus the call's own estimate stays within the
// budget, and what it has counted is below the budget (both to within a
// nanodollar, so that float sums of decimal costs do not refuse the last
// call that fits: a budget of 0.2 takes twenty calls of 0.01). A call whose
// estimate alone does not fit is refused with a *BudgetError; one that
// would fit once calls in flight end waits for them. A call's estimate is
// the highest cost a successful task of its endpoint has had, times its
// tasks; before any is known, the cost ceiling (WithCostCeiling) times its
// tasks; without a ceiling the estimate is 0 and the call goes alone: other
// calls to the same endpoint wait until its cost is known. So the spending
// can pass a budget only by what calls in flight cost beyond their
// estimates. A response whose cost cannot be read (not JSON, cut short, a
// cost that is missing, not a number or negative, a timeout after sending)
// counts the ceiling times its tasks; without a ceiling it blocks every
// budget it ran under, which refuses further calls until
// Client.SettleUnknownCosts. A negative cost never lowers the spending.
// The exception is a free call (Call.Free: a GET whose documented answers
// all cost 0, such as tasks_ready and task_get, set by the generated
// methods): it is admitted whatever the budget has left or could not read,
// since collecting paid-for results costs nothing, one at a time until an
// answer of its endpoint has shown a cost of 0; an answer of the endpoint
// with a cost, or with one that cannot be read, is counted as any other
// and the endpoint is no longer taken as free.
// Responses the API refused unprocessed (see notChargedHTTP: 3xx, 400-405,
// 413, 414, 429, 431, a 503 with Retry-After) count 0 when they state no
// cost.
//
// # Errors
//
// A call returns an *Error (errors.Is matches its class: ErrAuthentication,
// ErrRateLimit, ...) when the HTTP status or the envelope's status_code
// reports a failure, and a *TaskErrors, with the response decoded, when
// only some tasks failed. Values of the response that do not fit their
// documented types are reported by a *DecodeError, with everything else
// decoded. A *BudgetError (ErrBudgetExceeded) refuses a call the budget
// cannot admit, and a *ValidationError (ErrInvalidRequest) a request that
// breaks a documented rule, both before anything is sent.
//
// # Safety
//
// Each attempt is limited in time (WithTimeout, WithResponseHeaderTimeout,
// WithConnectTimeout) and its body in size (WithMaxResponseBytes, counted
// after decompression). Redirects are followed only within the base URL's
// scheme, host and port, so the credentials never go elsewhere; the
// credentials never appear in an error, a log line, or the fmt output of a
// Client.
type Client struct {
	settings
	base          string // the base URL, without a trailing slash
	creds         *credentials
	http          *http.Client
	userAgent     string
	log           *slog.Logger // nil: no logs
	logBodies     int
	limits        *limits
	backoff       time.Duration
	maxBackoff    time.Duration
	headerTimeout time.Duration
	validate      bool
	ledger        *ledger
	clock         clock
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
// An option with a meaningless value (a budget of 0, a negative timeout, a
// nil HTTP client, a rate of 0) is an error.
func NewClient(opts ...Option) (*Client, error) {
	cfg := defaultConfig()
	for _, o := range opts {
		if o != nil {
			o.applyClient(&cfg)
		}
	}
	if len(cfg.errs) > 0 {
		return nil, errors.Join(cfg.errs...)
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
	var hc *http.Client
	if cfg.httpClient != nil {
		copied := *cfg.httpClient
		copied.CheckRedirect = checkRedirect(cfg.httpClient.CheckRedirect)
		hc = &copied
	} else {
		hc = defaultHTTPClient(cfg.maxConcurrency, cfg.connectTimeout)
	}
	ua := "dataforseo-go/" + Version
	if cfg.userAgent != "" {
		ua = cfg.userAgent + " " + ua
	}
	token := base64.StdEncoding.EncodeToString([]byte(cfg.login + ":" + cfg.password))
	return &Client{
		settings:      cfg.settings,
		base:          base,
		creds:         &credentials{login: cfg.login, password: cfg.password, header: "Basic " + token},
		http:          hc,
		userAgent:     ua,
		log:           cfg.logger,
		logBodies:     cfg.logBodies,
		limits:        newLimits(cfg.rateCalls, cfg.ratePer, cfg.maxConcurrency),
		backoff:       cfg.backoff,
		maxBackoff:    cfg.maxBackoff,
		headerTimeout: cfg.headerTimeout,
		validate:      cfg.validate,
		ledger:        newLedger(cfg.budget, cfg.costCeiling),
		clock:         realClock,
	}, nil
}

// maxHeaderBytes bounds the response headers the client's own transport
// reads (net/http allows 10 MB): the API's are a few hundred bytes.
const maxHeaderBytes = 1 << 20

// defaultHTTPClient returns a client whose transport keeps an idle
// connection for each call that may be in flight (http.DefaultTransport
// keeps two per host, so concurrent calls would keep opening new ones).
func defaultHTTPClient(maxConcurrency int, connectTimeout time.Duration) *http.Client {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConnsPerHost = max(maxConcurrency, 2)
	t.MaxIdleConns = max(t.MaxIdleConns, t.MaxIdleConnsPerHost)
	t.DialContext = (&net.Dialer{Timeout: connectTimeout, KeepAlive: 30 * time.Second}).DialContext
	t.TLSHandshakeTimeout = connectTimeout
	t.MaxResponseHeaderBytes = maxHeaderBytes
	return &http.Client{Transport: t, CheckRedirect: checkRedirect(nil)}
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

// Spent returns the sum of the costs the responses of the client's calls
// reported, in USD, plus what SettleUnknownCosts added. It leaves out the
// calls whose cost could not be read: see UnknownCosts.
func (c *Client) Spent() float64 {
	spent, _ := c.ledger.spent()
	return spent
}

// UnknownCosts returns how many calls reached the API, or may have, without
// a cost the client could read (since the last SettleUnknownCosts). See
// Client for what the budget does with them.
func (c *Client) UnknownCosts() int {
	_, n := c.ledger.spent()
	return n
}

// SettleUnknownCosts counts usd (what the calls whose cost could not be
// read did cost, say from the account's statistics; at least 0) in Spent and
// in the client's budget, and lets the budget admit calls again.
func (c *Client) SettleUnknownCosts(usd float64) error {
	if !(usd >= 0) || math.IsInf(usd, 0) {
		return fmt.Errorf("dataforseo: SettleUnknownCosts(%v): must be a number of at least 0", usd)
	}
	c.ledger.settle(usd)
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
