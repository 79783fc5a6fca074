package sdk_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"fmt"
	"log/slog"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/dataforseo-go/dataforseo/sdk"
	"github.com/dataforseo-go/dataforseo/sdk/sdktest"
)

const (
	secretLogin    = "owner@example.com"
	secretPassword = "pw-s3cr3t-9f2c"
)

// leaks reports whether s holds the password or the Authorization token.
func leaks(s string) bool {
	token := base64.StdEncoding.EncodeToString([]byte(secretLogin + ":" + secretPassword))
	return strings.Contains(s, secretPassword) || strings.Contains(s, token)
}

// TestCredentialsNeverShown collects everything a user could see (fmt
// output of the client, errors of every kind, debug logs) and checks none
// holds the password.
func TestCredentialsNeverShown(t *testing.T) {
	var logs bytes.Buffer
	logger := slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	okSrv := sdktest.NewServer(t, sdktest.WithCredentials(secretLogin, secretPassword), sdktest.WithFaults(sdktest.Fault{HTTPStatus: 503, RetryAfter: time.Second}))
	wrongSrv := sdktest.NewServer(t) // accepts other credentials
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closedURL := "http://" + ln.Addr().String()
	ln.Close()

	newClient := func(base string, opts ...sdk.Option) *sdk.Client {
		c, err := sdk.NewClient(append([]sdk.Option{sdk.WithBaseURL(base), sdk.WithCredentials(secretLogin, secretPassword),
			sdk.WithLogger(logger), sdk.WithBackoff(time.Millisecond, time.Millisecond), sdk.WithMaxRetries(1)}, opts...)...)
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	client := newClient(okSrv.URL)
	var seen []string
	for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%d", "%T"} {
		seen = append(seen, fmt.Sprintf(verb, client))
	}
	ctx := context.Background()
	var resp testResponse
	spentClient := newClient(okSrv.URL, sdk.WithBudget(1e-9))
	spentClient.Post(ctx, referringDomains, []testRequest{{Target: "a.com"}}, &resp) // spends the budget
	calls := []error{
		client.Post(ctx, referringDomains, []testRequest{{Target: "a.com"}}, &resp), // a 503, retried, then ok
		client.Post(ctx, referringDomains, []testRequest{{Target: ""}}, &resp),      // validation
		newClient(wrongSrv.URL).Post(ctx, referringDomains, []testRequest{{Target: "a.com"}}, &resp),
		newClient(closedURL).Post(ctx, referringDomains, []testRequest{{Target: "a.com"}}, &resp),
		spentClient.Post(ctx, referringDomains, []testRequest{{Target: "a.com"}}, &resp),
	}
	if calls[0] != nil {
		t.Errorf("the call with the right credentials failed: %v", calls[0])
	}
	for i, err := range calls[1:] {
		if err == nil {
			t.Errorf("call %d succeeded, want a failure", i+1)
		}
	}
	for _, err := range calls {
		if err != nil {
			seen = append(seen, err.Error(), fmt.Sprintf("%+v", err), fmt.Sprintf("%#v", err))
		}
	}
	_, err = sdk.NewClient(sdk.WithBaseURL("https://"+secretLogin+":"+secretPassword+"@api.dataforseo.com"), sdk.WithCredentials("l", "p"))
	seen = append(seen, err.Error())
	_, err = sdk.NewClient(sdk.WithBaseURL("https://x:"+secretPassword+"@a b.com"), sdk.WithCredentials("l", "p"))
	seen = append(seen, err.Error())
	seen = append(seen, logs.String())
	if !strings.Contains(logs.String(), "dataforseo retry") {
		t.Errorf("no retry was logged; the logs checked are:\n%s", logs.String())
	}
	for _, s := range seen {
		if leaks(s) {
			t.Errorf("the password shows in %q", s)
		}
	}
}
