// Package contract is the one place for the conventions of the DataForSEO
// API that the spec builder (gen/spec), the generator (gen/sdkgen) and the
// mock server (sdk/sdktest) all rely on: the envelope every response
// shares, the x-dfs-* extensions of spec/openapi.yaml, how components and
// operations are named, how an operation pages and which endpoints form a
// task flow. A convention changes here, once, and the three follow.
package contract

import (
	"strings"
	"unicode"
)

// The envelope (rule S1 of gen/spec): every response is
// {ResponseEnvelopeFields..., "tasks": [{TaskEnvelopeFields..., "data": {...}, "result": [...]}]}.
var (
	ResponseEnvelopeFields = []string{"version", "status_code", "status_message", "time", "cost", "tasks_count", "tasks_error"}
	TaskEnvelopeFields     = []string{"id", "status_code", "status_message", "time", "cost", "result_count", "path"}
)

// The members of the envelope that hold the operation's own shapes.
const (
	Tasks  = "tasks"  // the response's array of tasks
	Data   = "data"   // a task's echo of its request
	Result = "result" // a task's array of results
	Items  = "items"  // a result's array of items
	// Cost is the envelope's and each task's cost, USD.
	Cost = "cost"
)

// The shared components of the spec.
const (
	ResponseEnvelope = "ResponseEnvelope"
	TaskEnvelope     = "TaskEnvelope"
	Filter           = "Filter"
	FilterCondition  = "FilterCondition"
	FilterGroup      = "FilterGroup"
	OrderByRule      = "OrderByRule"
)

// The suffixes of an operation's components: BacklinksReferringDomainsLive
// has ...Request (one task), ...Response, ...Task, ...Data, ...Result and
// ...Item (the result's items).
const (
	SuffixRequest  = "Request"
	SuffixResponse = "Response"
	SuffixTask     = "Task"
	SuffixData     = "Data"
	SuffixResult   = "Result"
	SuffixItem     = "Item"
)

// Discriminator is the field whose value names the kind of an element of
// a polymorphic array ("organic", "paid", "people_also_ask"): the spec
// writes such an array's items as a oneOf of one component per kind with
// a discriminator on this property (rules V1-V6 of gen/spec).
const Discriminator = "type"

// KindComponent names the component of one element kind of a section, by
// a rule that depends on nothing but the two names: the section's prefix,
// the kind's wire name Camel-cased, and SuffixItem unless that already
// ends in "Item" or "Element" (the docs call every kind an element):
// "organic" in serp is SerpOrganicItem, "people_also_ask_element"
// SerpPeopleAlsoAskElement, "knowledge_graph_list_item"
// SerpKnowledgeGraphListItem.
func KindComponent(section, kind string) string {
	name := Camel(kind)
	if !strings.HasSuffix(name, SuffixItem) && !strings.HasSuffix(name, "Element") {
		name += SuffixItem
	}
	return Camel(section) + name
}

// The extensions of spec/openapi.yaml.
const (
	// ExtPages on an operation lists the pages it was built from.
	ExtPages = "x-dfs-pages"
	// ExtMaxConditions on a filter field holds the most conditions it takes.
	ExtMaxConditions = "x-dfs-max-conditions"
	// ExtOrder on an object component lists its properties in the docs'
	// order (a JSON object cannot keep one).
	ExtOrder = "x-dfs-order"
	// ExtFilterFields on a filter field lists the fields the docs' filters
	// appendix allows, with their types and operators.
	ExtFilterFields = "x-dfs-filter-fields"
	// ExtFilterFieldsOf names the endpoint whose appendix list it is.
	ExtFilterFieldsOf = "x-dfs-filter-fields-of"
)

// DateTimeFormat is the format of the docs' "2019-11-15 12:57:46 +00:00"
// date-times; DateTimePattern matches them.
const (
	DateTimeFormat  = "dfs-date-time"
	DateTimePattern = `^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} [+-]\d{2}:\d{2}$`
)

// Paging: an operation whose request has the integers Limit and Offset and
// whose result has Total and Items pages with limit/offset.
const (
	Limit      = "limit"
	Offset     = "offset"
	Total      = "total_count"
	ItemsCount = "items_count"
)

// CountOf is the key of the integer that counts the array under key
// ("items_count" for "items", "result_count" for "result"): the API
// writes it before the array, so the SDK's fast decoder sizes the array
// by it (a count never limits what is read).
func CountOf(key string) string { return key + "_count" }

// Generic reports whether a type name says nothing alone ("Item",
// "Type", "Option"): a shared component (rule T6 of gen/spec) or an enum
// (sdkgen) that would be called that is qualified by its parent's name
// instead ("RefinementChipsItem", "SpellType"). The operation suffixes
// are generic too, so a shared type never takes the name of an
// operation's part, nor the SDK's own names.
func Generic(name string) bool { return generic[name] }

var generic = map[string]bool{
	SuffixItem: true, SuffixResult: true, SuffixData: true, SuffixTask: true, SuffixRequest: true, SuffixResponse: true,
	"Items": true, "Option": true, "Options": true, "Info": true, "Element": true, "Value": true, "Type": true,
	"Status": true, "Service": true, "Client": true, "Error": true, "Object": true,
}

// Camel turns "referring_domains" into "ReferringDomains": the spelling
// of component names (no initialisms: "id_list" is "IdList").
func Camel(s string) string {
	var b strings.Builder
	up := true
	for _, r := range s {
		switch {
		case r == '_' || r == '-' || r == ' ' || r == '.' || r == '/':
			up = true
		case !unicode.IsLetter(r) && !unicode.IsDigit(r):
		case up:
			b.WriteRune(unicode.ToUpper(r))
			up = false
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// OperationName names an endpoint from its path, without path parameters:
// "/v3/backlinks/referring_domains/live" is "BacklinksReferringDomainsLive",
// in the section "backlinks" (the first segment after /v3/).
func OperationName(path string) (name, section string) {
	var b strings.Builder
	for i, seg := range strings.Split(strings.TrimPrefix(path, "/v3/"), "/") {
		if seg == "" || strings.HasPrefix(seg, "{") {
			continue
		}
		if i == 0 {
			section = seg
		}
		b.WriteString(Camel(seg))
	}
	return b.String(), section
}

// OperationID is an operation's operationId: the method, lower-case, and
// its name ("postBacklinksReferringDomainsLive"). It never equals a
// component's name in another case: generators name their own types after
// it (oapi-codegen's client writes PostBacklinksReferringDomainsLiveResponse
// beside the BacklinksReferringDomainsLiveResponse component).
func OperationID(method, name string) string { return strings.ToLower(method) + name }

// Step is the part an endpoint plays in a task flow: tasks are posted,
// listed when ready, and got one by one; or run at once (live).
type Step string

// The steps of a task flow, as the paths name them.
const (
	StepPost  Step = "task_post"   // POST .../task_post: the tasks; answers their ids
	StepReady Step = "tasks_ready" // GET .../tasks_ready: the finished tasks not collected yet
	StepFixed Step = "tasks_fixed" // GET .../tasks_fixed: the tasks the API re-ran
	StepGet   Step = "task_get"    // GET .../task_get[/variant]/{id}: one finished task's result
	StepLive  Step = "live"        // POST .../live[/variant]: a task run at once
)

// FlowOf reads an endpoint's place in a task flow from its path: the
// function (the path before the step, "/v3/serp/google/organic"), the
// step, and the variant ("advanced", "regular", "html"; "" for none).
// ok is false for a path of no flow.
func FlowOf(path string) (function string, step Step, variant string, ok bool) {
	segs := strings.Split(strings.Trim(path, "/"), "/")
	for i, seg := range segs {
		s := Step(seg)
		switch s {
		case StepPost, StepReady, StepFixed, StepGet, StepLive:
		default:
			continue
		}
		rest := segs[i+1:]
		if len(rest) > 0 && strings.HasPrefix(rest[len(rest)-1], "{") {
			rest = rest[:len(rest)-1] // task_get's {id}
		}
		switch {
		case i < 2, len(rest) > 1, (s == StepPost || s == StepReady || s == StepFixed) && len(rest) > 0:
			return "", "", "", false // a function needs a section and a name
		case len(rest) == 1:
			variant = rest[0]
		}
		return "/" + strings.Join(segs[:i], "/"), s, variant, true
	}
	return "", "", "", false
}
