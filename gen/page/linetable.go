package page

// rowSplitter recognises the first line of a row in a line-based table
// (tab- or space-separated) and splits it; other lines continue the
// previous row's description.
type rowSplitter func(line string) (name, typ, desc string, indent int, ok bool)

// lineTables reads every table of a line-based format: header is the
// format's header line, split recognises rows; first is the file's line
// number of lines[0].
func lineTables(lines []string, first int, header func(line string) bool, split rowSplitter) []foundTable {
	var tables []foundTable
	for i := 0; i < len(lines); i++ {
		if !header(lines[i]) {
			continue
		}
		t := &Table{Line: first + i}
		var cur *Row
		var desc []string
		flush := func() {
			if cur != nil {
				cur.Description = joinDescription(desc)
				t.Rows = append(t.Rows, *cur)
			}
		}
		j := i + 1
		for ; j < len(lines); j++ {
			l := lines[j]
			if header(l) || isSectionMarker(l) {
				break
			}
			if name, typ, d, indent, ok := split(l); ok {
				flush()
				cur = &Row{Pos: len(t.Rows) + 1, Line: first + j, Name: name, Type: typ, Indent: indent}
				desc = []string{d}
				continue
			}
			if cur != nil {
				desc = append(desc, l)
			}
		}
		flush()
		tables = append(tables, classify(lines, i, t))
		i = j - 1
	}
	return tables
}
