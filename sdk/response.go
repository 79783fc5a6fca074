package sdk

import (
	"encoding/json"
	"errors"
	"math"
	"net/http"
	"reflect"
	"slices"
	"strconv"
)

// wireEnvelope is what the runtime reads from every response body,
// whatever out is: the statuses and costs, each kept as its wire text so
// that a missing, null or malformed value is told apart from 0.
type wireEnvelope struct {
	StatusCode    json.RawMessage `json:"status_code"`
	StatusMessage json.RawMessage `json:"status_message"`
	Cost          json.RawMessage `json:"cost"`
	Tasks         []wireTask      `json:"tasks"`

	tasksUnreadable bool // "tasks" is not an array of objects
}

type wireTask struct {
	ID            json.RawMessage `json:"id"`
	StatusCode    json.RawMessage `json:"status_code"`
	StatusMessage json.RawMessage `json:"status_message"`
	Cost          json.RawMessage `json:"cost"`
}

// scanEnvelope reads the envelope of a body; nil when the body is not a
// JSON object with a status_code.
func scanEnvelope(data []byte) (*wireEnvelope, error) {
	if env, ok := scanEnvelopeFast(data); ok {
		return env, nil
	}
	env := &wireEnvelope{}
	if err := json.Unmarshal(data, env); err != nil {
		var te *json.UnmarshalTypeError
		if !errors.As(err, &te) || te.Field == "" {
			return nil, err
		}
		env.tasksUnreadable = true // every other field is raw: only tasks can mistype
	}
	if env.StatusCode == nil {
		return nil, errors.New("the body has no status_code")
	}
	return env, nil
}

// status returns the statuses of the envelope and its tasks; a status_code
// that is not an integer reads as 0, which no success has.
func (e *wireEnvelope) status() wireStatus {
	s := wireStatus{code: rawInt(e.StatusCode), message: rawString(e.StatusMessage)}
	for _, t := range e.Tasks {
		s.tasks = append(s.tasks, taskStatus{id: rawString(t.ID), code: rawInt(t.StatusCode), message: rawString(t.StatusMessage)})
	}
	return s
}

// costInfo is what one attempt cost.
type costInfo struct {
	total   float64
	known   bool
	perTask float64 // the highest cost of a successful task; -1 if none
}

var unknownCost = costInfo{perTask: -1}

// cost reads what the response says the call cost: the envelope's cost,
// or the sum of the tasks' when that is more. It is unknown when a cost is
// not a number of at least 0, or when neither the envelope nor every task
// states one; a response without any cost counts as free only when its
// HTTP status says the API refused the request unprocessed (notCharged).
// problems lists the costs that were not numbers of at least 0.
func (e *wireEnvelope) cost(notCharged bool) (c costInfo, problems []DecodeProblem) {
	env, envOK, envSet := rawCost(e.Cost)
	if envSet && !envOK {
		problems = append(problems, costProblem("cost", e.Cost))
	}
	sum, allTasks, perTask := 0.0, len(e.Tasks) > 0, -1.0
	for i, t := range e.Tasks {
		v, ok, set := rawCost(t.Cost)
		switch {
		case set && !ok:
			problems = append(problems, costProblem("tasks["+strconv.Itoa(i)+"].cost", t.Cost))
		case !set:
			allTasks = false
		default:
			sum += v
			if IsOK(rawInt(t.StatusCode)) {
				perTask = max(perTask, v)
			}
		}
	}
	switch {
	case problems != nil, e.tasksUnreadable && !envOK:
		return unknownCost, problems
	case envOK:
		c = costInfo{total: max(env, sum), known: true, perTask: perTask}
		if perTask < 0 && anyTaskOK(e.Tasks) {
			c.perTask = env / float64(len(e.Tasks))
		}
		return c, nil
	case allTasks:
		return costInfo{total: sum, known: true, perTask: perTask}, nil
	case notCharged && len(e.Tasks) == 0:
		return costInfo{known: true, perTask: -1}, nil
	}
	return unknownCost, []DecodeProblem{{Path: "cost", Reason: "missing: the call's cost is unknown to the budget"}}
}

func anyTaskOK(tasks []wireTask) bool {
	return slices.ContainsFunc(tasks, func(t wireTask) bool { return IsOK(rawInt(t.StatusCode)) })
}

func costProblem(path string, raw json.RawMessage) DecodeProblem {
	return DecodeProblem{Path: path, Wire: truncate(string(raw), 200), Reason: "want a cost of at least 0; the call's cost is unknown to the budget"}
}

// rawCost reads a cost: set is false for a missing or null one, ok whether
// a set one is a finite number of at least 0.
func rawCost(raw json.RawMessage) (v float64, ok, set bool) {
	if raw == nil || string(raw) == "null" {
		return 0, false, false
	}
	if len(raw) == 0 || !isNumberStart(raw[0]) {
		return 0, false, true
	}
	v, err := strconv.ParseFloat(string(raw), 64)
	if err != nil || v < 0 || math.IsInf(v, 0) || math.IsNaN(v) {
		return 0, false, true
	}
	return v, true, true
}

func rawInt(raw json.RawMessage) int {
	if len(raw) == 0 || !isNumberStart(raw[0]) {
		return 0
	}
	n, err := strconv.Atoi(string(raw))
	if err != nil {
		return 0
	}
	return n
}

func rawString(raw json.RawMessage) string {
	if s, ok := simpleString(raw); ok {
		return s
	}
	var s string
	if json.Unmarshal(raw, &s) != nil {
		return ""
	}
	return s
}

// notChargedHTTP reports whether an HTTP status means the request was
// refused before the API processed it: a redirect, a refusal of the
// request itself (400, 401, 402, 403, 404, 405, 413, 414, 431), 429, or a
// 503 that says when to come back. Any other status without a readable
// cost (500, 502, 504: a gateway may answer after the API ran the task)
// leaves the cost unknown.
func notChargedHTTP(status int, hasRetryAfter bool) bool {
	switch {
	case status/100 == 3:
		return true
	case status == http.StatusServiceUnavailable:
		return hasRetryAfter
	}
	switch status {
	case 400, 401, 402, 403, 404, 405, 413, 414, 429, 431:
		return true
	}
	return false
}

// handled is an attempt's outcome with the status code and cost read.
type handled struct {
	outcome
	code int
	cost costInfo
}

// maxBodyExcerpt bounds the body an *Error keeps.
const maxBodyExcerpt = 2048

// handle reads a response: its statuses and cost, the body decoded into
// out, and whether the request may be sent again (see Client).
func (c *Client) handle(resp *http.Response, data []byte, readErr error, path string, out any, n int) handled {
	retryAfter := resp.Header.Get("Retry-After")
	notCharged := notChargedHTTP(resp.StatusCode, retryAfter != "")
	httpErr := func(msg string, err error) *Error {
		return &Error{HTTPStatus: resp.StatusCode, Path: path, Message: msg, Header: resp.Header, Body: excerpt(data), Err: err}
	}
	h := handled{cost: unknownCost}
	if notCharged {
		h.cost = costInfo{known: true, perTask: -1}
	}
	if readErr != nil {
		h.err = httpErr("reading the response failed; the call may have been charged", readErr)
		if notCharged {
			h.err.(*Error).Message = "reading the response failed"
		}
		return h
	}
	env, decoded := decodeWithEnvelope(data, out)
	var scanErr error
	if !decoded {
		env, scanErr = scanEnvelope(data)
	}
	if env == nil {
		e := httpErr(http.StatusText(resp.StatusCode), nil)
		if resp.StatusCode/100 == 2 {
			e.Message, e.Err = "malformed response body", scanErr
		}
		h.err, h.retry, h.retryAfter = e, retryableHTTP(resp.StatusCode, retryAfter != ""), retryAfter
		return h
	}
	var problems []DecodeProblem
	h.cost, problems = env.cost(notCharged)
	st := env.status()
	h.code = st.code
	var decodeErr error
	if !decoded {
		decodeErr = decodeInto(data, out)
	}
	decodeErr = addProblems(decodeErr, problems)
	err := statusError(st, resp.StatusCode, path)
	var e *Error
	if errors.As(err, &e) && e.TaskID == "" {
		e.Header, e.Body = resp.Header, excerpt(data)
	}
	switch {
	case err == nil:
		err = decodeErr
	case decodeErr != nil:
		err = errors.Join(err, decodeErr)
	}
	free := h.cost.known && h.cost.total == 0
	h.err = err
	h.retry = free && (retryableHTTP(resp.StatusCode, retryAfter != "") || (resp.StatusCode/100 == 2 && retryableCode(st.code)))
	if h.retry {
		h.retryAfter = retryAfter
	}
	return h
}

// envelopeDecoder is implemented by *Response: decodeFastEnvelope.
type envelopeDecoder interface {
	decodeFastEnvelope(data []byte) (*wireEnvelope, bool)
}

// decodeWithEnvelope decodes data into out, zeroed first, and reads its
// envelope, in one pass with the fast decoder; false when it cannot, and
// the caller reads the envelope (scanEnvelope) and the body (decodeInto)
// apart. Both ways give the same envelope and the same out.
func decodeWithEnvelope(data []byte, out any) (*wireEnvelope, bool) {
	f, ok := out.(envelopeDecoder)
	if !ok || reflect.ValueOf(out).IsNil() {
		return nil, false
	}
	reflect.ValueOf(out).Elem().SetZero()
	return f.decodeFastEnvelope(data)
}

// decodeInto decodes data into out leniently, out zeroed first.
func decodeInto(data []byte, out any) error {
	if out == nil {
		return nil
	}
	reflect.ValueOf(out).Elem().SetZero()
	if err := Decode(data, out); err != nil {
		if isDecodeError(err) {
			return err
		}
		return &Error{Message: "decoding the response into " + reflect.TypeOf(out).String(), Err: err}
	}
	return nil
}

// addProblems adds the cost problems to a decoding error, unless it has
// one at the same path already.
func addProblems(err error, problems []DecodeProblem) error {
	if len(problems) == 0 {
		return err
	}
	var de *DecodeError
	if err != nil && !errors.As(err, &de) {
		return errors.Join(err, &DecodeError{Problems: problems})
	}
	if de == nil {
		return &DecodeError{Problems: problems}
	}
	for _, p := range problems {
		if !slices.ContainsFunc(de.Problems, func(q DecodeProblem) bool { return q.Path == p.Path }) {
			de.Problems = append(de.Problems, p)
		}
	}
	return err
}

func isDecodeError(err error) bool {
	var de *DecodeError
	return errors.As(err, &de)
}

// excerpt is the start of a body, for an *Error.
func excerpt(data []byte) []byte {
	if len(data) > maxBodyExcerpt {
		data = data[:maxBodyExcerpt]
	}
	return slices.Clone(data)
}
