// Package spec builds the OpenAPI 3.0.3 document from the pages the page
// package read, and the report of every disagreement it resolved.
//
// The example is the wire format; the table is the documentation. The
// rules below decide every disagreement; each rule that changes something
// writes an entry in the report.
//
// Placing rows (place.go)
//
//	P1 A row goes under the parent its indentation gives if the example has
//	   the field there; else under the container the table opened last, or
//	   its nearest parent that has it; else wherever the example has it.
//	   Flattened tables (pipe text, markdown) skip the first step.
//	P2 A table name that matches an example key only after normalisation
//	   ("referring ips" is "referring_ips") takes the example's name.
//	P3 A row whose field no example has is kept where the table puts it.
//	P4 Two rows of one table on one field is an error: "duplicate field",
//	   in a table that keeps its nesting. A flattened table lists the
//	   element types of a polymorphic array one after the other, so there
//	   a second row on a field is a variant: its facts are merged, reported.
//	P5 In a flattened table, a field an earlier row took is not a candidate
//	   again; a container whose contents no example shows keeps the rows its
//	   parents lack, and does not hand a row to its parents when a later row
//	   of the same name will claim theirs; the envelope's own fields are
//	   never containers.
//
// Nesting without an example (nest.go). Endpoints that some example shows
// are placed first, then the others (N3 and N4 read them); within an
// endpoint, the pages that keep the nesting (HTML, indented text) before
// the flattened ones, request tables before response tables. In a
// flattened table, a row no example places (P1-P3 find nothing) goes, in
// this order of evidence (N1-N10):
//
//	N1 where the envelope puts it: the response envelope's fields and
//	   tasks at the top, the task envelope's fields, data and result in
//	   a task, items in a result (a task's data and path hold nothing of
//	   what follows them). A request table is one level.
//	   The first row after a container that opened is its first field.
//	N2 A container marked in bold after the fields of another marked
//	   container is that one's sibling (beside a map, N7, it is the map's
//	   sibling); with no marked container open, it goes in the envelope's
//	   innermost open container, closing the unmarked ones.
//	N9 A container the page's own filter or sorting examples name at the
//	   head of a field path ("page_summary.backlinks,desc") is a field of
//	   the items, which filters and sorting apply to.
//	N3 A container whose same-named field (same table type; one under a
//	   parent of the same name first; the envelope's containers only for
//	   the envelope's) in another endpoint of the section an example
//	   shows: its fields are those; a row among them stays, a row not
//	   among them closes it.
//	N4 The section's examples show the row's field beside the container
//	   the table opened last itself: that container closes (repeated
//	   outwards). Else, once that container has two fields of its own,
//	   the deepest open container holding a field the examples show
//	   beside the row's.
//	N5 What opens a level: a container the table marks in bold, one the
//	   section's examples show with fields (N3), an unmarked object of a
//	   response table unless its description makes it a map ("count per
//	   each", "contains ... and their ...": a map of integer when the values
//	   are counts, else of values no example types) or the echo of the
//	   request field of its name ("specified in a POST array": that
//	   field's schema). An unmarked array holds values (E3) until N6.
//	N6 A field an open container already has, right after a container row
//	   nothing opened: that container holds it (indirect_link_path, then a
//	   second "type").
//	N7 An object whose documented field is an example key ("1", the first
//	   target) is a map of what that entry holds; named rows after the
//	   entry's fields go beside the map.
//	N8 Otherwise the container the table opened last, reported once per
//	   container as "nesting not confirmed by an example".
//	N10 A group heading row ("‘organic’ element in SERP") starts another
//	   element type of the array the first heading's fields went in: the
//	   containers opened since close.
//	A group heading worded like the first one ("‘paid’ element in SERP"
//	after "‘organic’ element in SERP") starts an element type of that
//	array even when the rows before it went elsewhere.
//	Two refinements of the rules above: N1's "a result's items" is the
//	row the table marks in bold when it marks a row of that name later
//	(refinement_chips' own items come before the result's **items**);
//	and N4 does not close a container when the section's examples also
//	show the row's field inside a container of that name and type
//	(refinement_chips holds items and sits beside the result's items:
//	evidence both ways is none, N8 decides).
//	A rule that moves a row from where N8 would put it says so in the
//	report.
//
// Polymorphic arrays (variants.go, sums.go). A SERP result's items hold
// elements of many kinds ("organic", "paid", "people_also_ask"), which
// their "type" (contract.Discriminator) names, each kind with fields of
// its own, elements of kinds inside them too (people_also_ask's items).
//
//	V1 Beside the union of its elements' fields, an array keeps the fields
//	   of each kind: an example element's kind is its "type" (a kind's
//	   name: lower-case words joined by "_").
//	V2 In a table, a row that names its element's kind ("type of element
//	   = ‘organic’", "type of component = ‘x’"; quote marks and a space
//	   beside an underscore are slips) starts that kind of its array, and
//	   so does a group heading ("‘organic’ element in SERP") until such a
//	   row names it; a kind spelled as an example's kind without its
//	   underscores is that kind. Each row goes on its kind's fields too.
//	   Within a kind: the kinds of the arrays inside the elements of the
//	   kind before end; the fields of the array's elements are candidates
//	   for its rows again (P5 per kind); a field of another kind is no
//	   candidate beyond the row's context; N3 and N4 read the section's
//	   examples of the kind (N3 closes a kind's array the examples show
//	   without the row's field, but inside an element of a kind no example
//	   shows, where the table documents what other pages' examples lack;
//	   N4 closes no kind's array and looks no further out than the
//	   innermost); N5 does not open a kind's container the section's
//	   examples show holding values (related_searches' items are
//	   strings); and no rule closes the array the group headings start
//	   the kinds of.
//	V3 In a flattened table, the array a kind row starts a kind of is
//	   the one just opened (its first row), the one a group heading
//	   started a kind of, the array row right before it that nothing
//	   opened and no example shows holding values (its elements are of
//	   that kind); else, of the arrays whose rows describe a kind, the one
//	   with a kind the section's examples show in one array with the
//	   row's; else the one with a kind whose name shares the most words,
//	   two at least, at its start and end with the row's
//	   ("knowledge_graph_list_item" beside "knowledge_graph_images_item");
//	   else the innermost open one, reported as not confirmed. Reported.
//	V4 An array of two kinds or more (examples and tables together) is
//	   polymorphic: its items are a oneOf of one component per kind with
//	   discriminator {propertyName: type, mapping}; the union of the kinds'
//	   fields is not written. A request has no kinds.
//	V5 A kind is one component per section, named by contract.KindComponent
//	   (SerpOrganicItem, SerpPeopleAlsoAskElement: its name only, reserved
//	   before any other component): its fields merged from every operation
//	   whose polymorphic arrays (and the arrays inside their kinds) have it,
//	   their rows by M1-M5, their examples together (R2, E2); its
//	   discriminator is always sent. An array inside a kind is polymorphic
//	   by the kinds of the merged kind (SerpPeopleAlsoAskItemItem).
//	V6 A result's items are one polymorphic component per section
//	   (SerpItem, of every kind of the section's polymorphic result items);
//	   a result's items of one kind are that component too when another
//	   operation's polymorphic result items have the kind (one kind, one
//	   type), and an object like any other otherwise.
//	V7 A kind's field that no row types and the examples only show as
//	   null takes the type the section's fields of that name have, when
//	   they all have one (splitting the union leaves it without the rows
//	   of the other kinds).
//	The SDK makes a polymorphic element type an interface implemented by
//	one struct per kind and by an Unknown struct holding the JSON of a
//	kind it does not know (gen/sdkgen/ir_sum.go, sdk/sum.go). The docs2spec corpus test TestNestingWithoutExamples
//	(DFS_NESTING_EVAL=1) measures the rules on the corpus pages that have
//	examples, built without them.
//
// Types (schema.go, compound.go, borrow.go)
//
//	E1 integer is integer/int64, float is number/double, boolean, string,
//	   array, object. A float field whose examples are whole numbers stays
//	   a float.
//	E2 Where the table and the example disagree on a type, the example wins.
//	E3 An array's element type comes from the example (objects become a
//	   component). A string every example writes as "2019-11-15 12:57:46
//	   +00:00", or whose prose gives that format and no example
//	   contradicts it, has format dfs-date-time and a matching pattern.
//	E4 An object with no documented field whose example values share one
//	   type is a map of that type: its example keys are data
//	   (referring_links_tld: {"com": 3}). Otherwise its fields come from
//	   the example.
//	E5 An object or array the examples only show as null takes the shape
//	   of the field of the same name and type in another endpoint of the
//	   same section.
//	E6 A field that is null in an example, or whose prose says it can be
//	   null, is nullable; a nullable object component is itself nullable
//	   (a $ref cannot carry nullable in OpenAPI 3.0).
//	E7 Fields of the example that the table does not list are added; fields
//	   of the table that no example has are kept. Both are reported (for
//	   an endpoint no example shows, once).
//	E8 An object or array no example shows, in a part no example shows
//	   either, whose description shows its own value (`"custom_mode":
//	   {"field": "domain", "value": 100}`), valid JSON, takes that value
//	   as its example. Filters and sorting rules keep their grammar.
//	E9 A number field of the table whose description gives the date-time
//	   format and that no example shows is a date-time string.
//	E10 A scalar response field nullable in one endpoint (by E6) is
//	   nullable, reported, wherever the section has a field of the same
//	   name and type: one field, one Go type (first_seen is sdk.Opt[Time]
//	   on every item).
//
// Constraints (package prose) come from a request field's description:
// required ("required field", not "required field if ..."), default,
// maximum, minimum, enum ("possible values"), maxLength ("the character
// limit is 255"), maxItems ("up to 1000 domains", "no more than three").
// An example value outside a documented enum is added to it, reported.
//
//	C1 An integer request field with no stated minimum that counts, limits
//	   or offsets (named limit, offset, ..._limit or ..._offset; described
//	   with "number of", "limit" or "offset"; or with a default and a
//	   maximum both at least 0) has minimum 0, reported: a negative value
//	   means nothing, and the SDK refuses it before a call costs money.
//	R1 A request field the table calls required but an example task (or
//	   a task's data echo) leaves out is optional, reported.
//	R2 A response field every example object has is required (always
//	   sent); the SDK makes the others optional.
//	X1 Every example is validated against the built schema; one that
//	   contradicts it (a request example writing a number as a string) is
//	   left out of the spec and reported, so the spec stays valid.
//	   docs2spec -strict makes these, and the examples the page reader
//	   repaired (a missing or trailing comma, reported with its line) or
//	   left out (not JSON, no single repair), errors.
//	X2 A page whose table cannot be read (an unknown type, a duplicate
//	   field in a nested table, no envelope) yields no operation: its
//	   error names the file, the page's heading in a multi-page file, the
//	   part, the row and why; the endpoint is built from its other pages,
//	   the spec from the others, and the run fails.
//	G1 Path parameters ({id}) are declared; a GET page's "request" table
//	   describes them, and its other rows are reported as left out.
//	G2 A GET page's request table with one optional row that is not a
//	   path parameter (locations' "country") documents a filter the API
//	   takes as a last path segment, as task_get takes $id: the endpoint
//	   gets a second path <path>/{row} with the same response, reported
//	   (getparams.go). More rows, or a required one, stay left out (G1).
//
// Order (order.go)
//
//	D1 The fields of an object component keep the docs' order, in the
//	   x-dfs-order extension: the order of the rows on the most trusted
//	   page (M3) that lists them, then the fields that page does not list
//	   in example order; in a request, the required fields first.
//
// Merging the pages of one endpoint (merge.go)
//
//	M1 Nesting follows P1 on each page; the example decides.
//	M2 A fact stated on one page and missing on another is kept: a stated
//	   fact beats a missing one (internal_list_limit's "default value: 10").
//	M3 Two pages stating different facts: the page whose format keeps more
//	   of the page wins (HTML and indented text, then markdown, then the
//	   pipe dump), then the most recently modified, then the file name.
//	M4 The description with the most lines wins, then the longest.
//	M5 Enum lists: the list holding all others wins; else M3.
//
// Shape of the document (envelope.go, compound.go)
//
//	S1 The response envelope (version, status_code, status_message, time,
//	   cost, tasks_count, tasks_error) and the task envelope (id,
//	   status_code, status_message, time, cost, result_count, path) are the
//	   shared components ResponseEnvelope and TaskEnvelope; each operation's
//	   Response and Task extend them with allOf.
//	S2 A task's data is the echo of the request: the Request's fields plus
//	   api and function, plus any key the examples echo that the request
//	   table does not have (reported). Where the echo writes a field with
//	   another JSON type than the request (location_code "2840"), Data lists
//	   the request's fields itself and types that one as the echo does.
//	S3 A task's result is nullable: a failed task has "result": null.
//	S4 A task always has a result (null when there is none): the API
//	   sends it. An example task without one is a slip of the docs (a
//	   copied task, say), which X1 reports and leaves out.
//	F1 Request fields named filters or ..._filters, or described with a
//	   logical operator, take the filter grammar: FilterCondition
//	   [field, operator, value] or FilterGroup [filter, "and"|"or", ...],
//	   nested; "8 filters maximum" is x-dfs-max-conditions: 8 and maxItems
//	   15 (8 conditions and 7 operators in one group).
//	F2 order_by (or "sorting rules") is an array of OrderByRule strings,
//	   "field,asc" or "field,desc".
//
// Pages that document no endpoint (overview.go, filters.go). The page
// package recognises them; they never fail the run.
//
//	O1 A section's overview (no field table, no example; its heading,
//	   title or address says "overview") is the description of the
//	   section's tag, without the titles before its first paragraph; the
//	   SDK makes it the package doc. Its section is the first segment of
//	   its address, else the one of its file's endpoint pages.
//	O2 An errors appendix (a table of status codes) is reported; the SDK's
//	   status codes come from spec/status-codes.tsv.
//	F3 The filters appendix lists, under each heading that links an
//	   endpoint's page ("filters available for the [backlinks](...)
//	   endpoint"), the fields its filters take: a filter type (str, num,
//	   bool, time, array.str, ...) and the operators of the row's own list
//	   ("the following operators are supported: ..."), else those
//	   filter_operator gives the type. A row whose list has operators its
//	   type's does not keeps its own; a field listed twice keeps the first;
//	   a heading that links no documented endpoint has its fields left
//	   out. All reported.
//	F4 The list is the extension x-dfs-filter-fields on the endpoint's
//	   filters field ([{name, type, operators, description}]), and
//	   x-dfs-filter-fields-of names its endpoint. A name segment starting
//	   with "$" ("$key.rank", "referring_links_tld.$tld") is a placeholder
//	   for one dot-free segment. A filters field the appendix lists nothing
//	   for has none, reported: the SDK then checks the grammar only.
//	F5 Another filter field ("backlinks_filters") whose description links
//	   the endpoint whose fields it filters by takes that endpoint's list.
//
// Recorded responses (recorded.go). Response bodies recorded from the API
// (spec/responses) are examples that are the wire itself: each is matched
// to its operation by its tasks' path (a {parameter} matches any segment;
// a body that is not a response, or whose path no page documents, is an
// error naming the file) and joins the operation's examples for every rule
// above, without becoming an example of the spec. What it changes is
// reported under its file:
//
//	W1 A null where the docs give none: nullable.
//	W2 A key the docs lack: added with its wire type (the data echo's
//	   too).
//	W3 Another type: E2 with the recording among the examples (an integer
//	   field the wire writes with a fraction is a float); where the docs'
//	   examples and the recordings disagree on the JSON type, the
//	   recordings win.
//	W4 A field every example of the docs has and the wire leaves out is no
//	   longer always sent (R2).
//	   A recording that does not fit the spec built with it is an error.
//
// Names (names.go): an operation is named by its path
// (BacklinksReferringDomainsLive); while it is built, its components are
// that name plus Request, Response, Task, Data, Result and, for the
// result's items, Item; deeper objects add the field's name (singular for
// arrays). A name taken by another owner gets a number. Once every
// operation is built, the shared-types pass renames what it shares.
//
// Shared types (dedupe.go, dedupe_union.go, naming.go). After the build,
// on whatever components the document holds (oneOf members and
// discriminator mappings included), each section's response objects of
// one shape are one component; renaming one updates every $ref and every
// mapping value. Each merge and rename is listed in the report's "Shared
// types", each live/task_get difference under "Live and task_get".
//
//	T1 Two components are of one shape when their schemas are equal once
//	   descriptions, examples, titles and the docs' field order
//	   (x-dfs-order) are set aside: the same properties with the same
//	   schemas, recursively; the same type, format, enum values (as a
//	   set), pattern, limits, items, additionalProperties,
//	   allOf/oneOf/anyOf and discriminator; each reference compared by the
//	   shape it names (a partition refinement, so that cycles compare by
//	   how they unfold). Whether a scalar property (string, number,
//	   integer, boolean) is required and whether a scalar is nullable are
//	   the examples' evidence (R2, E6), not shape: the members pool it, as
//	   E10 pools nullability: required where every member requires it,
//	   nullable where any member makes it so (sdk.Opt holds every state),
//	   reported with the number of places that differed; so is the
//	   nullable of an inline array or map whose property is required (its
//	   nil is null). The rest of an object's or an array's required and
//	   nullable, a component's own nullable included, is shape: a Go
//	   pointer or slice of an optional field cannot be both missing and
//	   null.
//	T2 Shapes are shared within a section (one Go package), never across.
//	T3 Requests are not shared: a component a request body reaches, and
//	   an operation's Request, Response, Task and Data, stay the
//	   operation's, as built. A request is what one endpoint documents and
//	   Validate checks (its limits, its filter fields, its required
//	   fields); two endpoints whose tasks look alike today are changed
//	   apart by the docs, and a shared type would then split and rename.
//	   The shared envelope and filter grammar are left alone.
//	T4 A function's result and its items (the result of a live or task_get
//	   and the result's items array) are named by the function and the
//	   variant (SerpGoogleOrganicAdvancedResult, ...Item;
//	   BacklinksReferringDomainsItem) and shared by the live and task_get
//	   of that function and variant, never by another function. Where the
//	   two differ, their trees are merged side by side: every property
//	   either has, required where both require it, nullable where either
//	   is, reported; any other difference (a type, a format, an enum, an
//	   array against an object) keeps them apart with their operations'
//	   names (SerpGoogleOrganicLiveAdvancedResult), reported. The result
//	   of another step is named by the step (SerpTasksReadyResult) and
//	   shared by the section's functions whose shape is the same (by the
//	   first function in string order where several shapes want it); an
//	   operation of no task flow keeps its name (SerpIdListResult).
//	T5 Any other object wants the name of the field that holds it: the
//	   section and the field's name, singular for an array's elements or
//	   a map's values, in CamelCase (SerpSpell, SerpRating, SerpLink); a
//	   member of a discriminated oneOf puts its discriminator value in
//	   front (OrganicItem), and merges only with members of the same
//	   values. Where its uses give several names, the field first in its
//	   parent's docs' order, then the first in string order (not the most
//	   used: more uses of the same fields change nothing).
//	T6 Of the shapes that want one name, the one used in the most
//	   contexts (a context is a parent's T5 name and the field:
//	   Item.rating, DescriptionRow.rating), then by the most functions,
//	   holds it; on a tie of both, none does. The others, and any shape
//	   whose name says nothing alone (contract.Generic: Item, Option,
//	   Info, Type, ...), are qualified by their ancestors' T5 names, as
//	   many as make the names of the shapes that want it unique, taking at
//	   each step the parent whose name comes first in string order
//	   (SerpItemRating, SerpResultRefinementChips). A result or an item of
//	   T4 ends the chain: "Item", "Result".
//	T7 Names still held twice once the chains end: the nullable one of
//	   shapes that differ in that is NullableX; then one with a field the
//	   others lack is XWithField (SerpItemRatingWithRatingDistribution);
//	   then one that a single function's results reach takes that
//	   function's name (SerpGoogleOrganicRegularResultRefinementChips; a
//	   shape of several functions never does: which one would change as
//	   functions are added); then a suffix from
//	   the shape (X and six hex digits of a hash of it, every reference
//	   written out). Never a number of the build.
//	T8 The shared component is the schema of one member, the one whose
//	   docs' field order most members have (then the first by name), with
//	   at each place the description with the most lines, then the
//	   longest, then the first in string order (M4, made total); the
//	   report says at how many places the members' descriptions differ.
//
// A name depends on the shapes of the section and the contexts they are
// used in, never on the order of the pages or of the build, nor on how
// many functions use a shape the same way: the pages of a function copied
// to another rename nothing (golden's TestNamesStableWhenAPageIsAdded).
// Adding a page renames an existing type when it brings a shape, or a
// context, that changes which shape holds a name (T6), or a field name
// that comes first for a shape (T5), or a parent that comes first in a
// qualifying chain, or a second function to a shape T7 named by its one. make
// spec-diff reports the rename.
package spec
