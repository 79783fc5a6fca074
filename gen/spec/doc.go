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
//	E8 A scalar response field nullable in one endpoint (by E6) is
//	   nullable, reported, wherever the section has a field of the same
//	   name and type: one field, one Go type (first_seen is sdk.Opt[Time]
//	   on every item).
//	E7 Fields of the example that the table does not list are added; fields
//	   of the table that no example has are kept. Both are reported.
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
//	G1 Path parameters ({id}) are declared; a GET page's "request" table
//	   describes them, and its other rows are reported as left out.
//
// Order (order.go)
//
//	O1 The fields of an object component keep the docs' order, in the
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
//	F1 Request fields named filters or ..._filters, or described with a
//	   logical operator, take the filter grammar: FilterCondition
//	   [field, operator, value] or FilterGroup [filter, "and"|"or", ...],
//	   nested; "8 filters maximum" is x-dfs-max-conditions: 8 and maxItems
//	   15 (8 conditions and 7 operators in one group).
//	F2 order_by (or "sorting rules") is an array of OrderByRule strings,
//	   "field,asc" or "field,desc".
//
// Names (names.go): an operation is named by its path
// (BacklinksReferringDomainsLive); its components are that name plus
// Request, Response, Task, Data, Result and, for the result's items, Item;
// deeper objects add the field's name (singular for arrays). A name taken
// by another owner gets a number.
package spec
