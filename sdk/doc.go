// Package sdk is the runtime of the DataForSEO API client: the code the
// generated operations (in sdk/backlinks and its siblings) call, and the
// types they are made of.
//
// A Client sends the calls: with a context, Basic authentication, rate and
// concurrency limits at the API's documented 2000 calls a minute and 30 in
// flight, retries of what cannot have been charged, a running total of the
// cost (Spent) and an optional budget:
//
//	client, err := sdk.NewClient(sdk.WithCredentials(login, password))
//	var resp sdk.Response[Data, Result]
//	err = client.Post(ctx, "/v3/backlinks/referring_domains/live", tasks, &resp)
//
// DataForSEO answers HTTP 200 for almost everything; the outcome is the
// status_code of the response's envelope and of each task. A call turns
// them into errors: an *Error that errors.Is matches with its class
// (ErrAuthentication, ErrPayment, ErrRateLimit, ErrInvalidRequest,
// ErrNotFound, ErrServer, ...), and a *TaskErrors when some tasks of a call
// failed and others succeeded, whose results are in the response.
//
// Responses are decoded leniently: a value that does not fit its documented
// type does not lose the rest of the response, and is reported in a
// *DecodeError returned with it. The generated types decode themselves
// (their DecodeJX methods, a fast path that defers to encoding/json on
// anything unusual: see Decode). Optional and nullable fields are Opt,
// date-times Time, result filters Filter and sorting rules OrderBy.
// Paginate walks the items of an operation page by page. RunTasks runs a
// task flow (task_post, tasks_ready, task_get): it posts tasks, polls for
// the finished ones and yields each result as it is ready, ending with a
// *PendingError that names what was paid for and not collected; the
// generated ...Run methods call it.
//
// The package sdk/sdktest has a mock server that answers every operation
// with its documented example, for tests.
package sdk
