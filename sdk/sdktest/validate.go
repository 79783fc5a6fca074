package sdktest

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"net/http"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
)

// maxTasks is the most tasks one request may set (status 40006 beyond).
const maxTasks = 100

// checkRequest validates a request body against the spec, as the API
// would: a body that is not a JSON array of task objects fails the whole
// request (code 40502 when empty, 40503 when invalid, 40006 with too many
// tasks); a task that breaks its schema fails alone, with 40501 and the
// reason in invalid. So does a task outside the ranges the schema does not
// state: paging fields that are not integers from 0 to their maximum, more
// filter conditions than x-dfs-max-conditions, more bulk targets than the
// server answers, or values nested too deeply to validate in bounded time
// (see work).
func (s *Server) checkRequest(r *http.Request, op *operation, params map[string]string, body []byte) (tasks []map[string]any, invalid map[int]string, code int) {
	if len(bytes.TrimSpace(body)) == 0 {
		return nil, nil, 40502
	}
	if rb := op.route.Operation.RequestBody; rb == nil || rb.Value == nil || rb.Value.Content.Get(r.Header.Get("Content-Type")) == nil {
		return nil, nil, 40503
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	var raw []any
	if err := dec.Decode(&raw); err != nil {
		return nil, nil, 40503
	}
	switch {
	case len(raw) == 0:
		return nil, nil, 40502
	case len(raw) > maxTasks:
		return nil, nil, 40006
	}
	for _, t := range raw {
		tm, ok := t.(map[string]any)
		if !ok {
			return nil, nil, 40503
		}
		tasks = append(tasks, tm)
	}
	// The path and the query; the body is checked task by task below.
	input := &openapi3filter.RequestValidationInput{
		Request:    r,
		PathParams: params,
		Route:      op.route,
		Options: &openapi3filter.Options{
			AuthenticationFunc: openapi3filter.NoopAuthenticationFunc,
			ExcludeRequestBody: true,
			MultiError:         true,
		},
	}
	if openapi3filter.ValidateRequest(r.Context(), input) != nil {
		return nil, nil, 40503
	}
	invalid = map[int]string{}
	budget := int64(maxRequestWork)
	for i, t := range tasks {
		if msg := cmp.Or(tooMuchWork(t, &budget), tooManyConditions(t, op)); msg != "" {
			invalid[i] = msg
			continue
		}
		var plain any
		if json.Unmarshal(mustJSON(t), &plain) != nil {
			return nil, nil, 40503
		}
		if verr := op.task.VisitJSON(plain, openapi3.VisitAsRequest(), openapi3.MultiErrors()); verr != nil {
			invalid[i] = "Invalid Field: " + schemaReason(verr)
		} else if msg := outOfRange(t, op); msg != "" {
			invalid[i] = msg
		}
	}
	return tasks, invalid, 0
}

// schemaReason shortens a schema validation error to the field and the
// broken rule of its first failure.
func schemaReason(err error) string {
	var me openapi3.MultiError
	if errors.As(err, &me) && len(me) > 0 {
		err = me[0]
	}
	var se *openapi3.SchemaError
	if errors.As(err, &se) {
		field := strings.Join(se.JSONPointer(), ".")
		if field == "" {
			field = "(task)"
		}
		return "'" + field + "': " + se.Reason
	}
	return err.Error()
}
