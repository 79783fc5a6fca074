// Package golden holds the golden tests of the generated SDK: every JSON
// example of every documentation page decodes strictly into the generated
// types and re-encodes to the same JSON, and the generated source is what
// sdkgen writes from the committed spec (go test ./golden -update rewrites
// it; a human reads the diff before committing).
package golden
