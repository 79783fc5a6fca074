package golden

import (
	"go/ast"
	"go/parser"
	"go/token"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/dataforseo-go/dataforseo/gen/docs2spec"
	"github.com/dataforseo-go/dataforseo/gen/page"
	"github.com/dataforseo-go/dataforseo/gen/sdkgen"
	"github.com/dataforseo-go/dataforseo/gen/spec"
)

// exportedNames builds the spec and the SDK from pages, in memory, and
// returns every exported identifier of the generated packages: types,
// functions, constants, variables ("serp.Spell"), methods and struct
// fields ("serp.Spell.Keyword").
func exportedNames(t *testing.T, pages []*page.Page) map[string]bool {
	t.Helper()
	doc, _, err := spec.Build(pages)
	if doc == nil {
		t.Fatal(err)
	}
	y, err := spec.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	files, err := sdkgen.Generate(y)
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for _, path := range slices.Sorted(maps.Keys(files)) {
		f, err := parser.ParseFile(token.NewFileSet(), path, files[path], parser.SkipObjectResolution)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		pkg := f.Name.Name
		add := func(name string) {
			if ast.IsExported(strings.TrimPrefix(name[strings.LastIndex(name, ".")+1:], "*")) {
				names[pkg+"."+name] = true
			}
		}
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				name := d.Name.Name
				if d.Recv != nil && len(d.Recv.List) == 1 {
					recv := d.Recv.List[0].Type
					if s, ok := recv.(*ast.StarExpr); ok {
						recv = s.X
					}
					if id, ok := recv.(*ast.Ident); ok {
						name = id.Name + "." + name
					}
				}
				add(name)
			case *ast.GenDecl:
				for _, s := range d.Specs {
					switch s := s.(type) {
					case *ast.TypeSpec:
						add(s.Name.Name)
						if st, ok := s.Type.(*ast.StructType); ok {
							for _, fl := range st.Fields.List {
								for _, n := range fl.Names {
									add(s.Name.Name + "." + n.Name)
								}
							}
						}
					case *ast.ValueSpec:
						for _, n := range s.Names {
							add(n.Name)
						}
					}
				}
			}
		}
	}
	return names
}

// moved copies every page of a function (all its endpoints, every
// captured version) under another function's path: a new function of the
// section documented like an existing one.
func moved(t *testing.T, pages []*page.Page, function, to string) []*page.Page {
	t.Helper()
	var out []*page.Page
	for _, p := range pages {
		if rest, ok := strings.CutPrefix(p.Path, function+"/"); ok {
			c := *p
			c.Path, c.Source = to+"/"+rest, "moved-"+p.Source
			out = append(out, &c)
		}
	}
	if len(out) == 0 {
		t.Fatalf("no page of %s", function)
	}
	return out
}

// TestNamesStableWhenAPageIsAdded: adding the pages of another function to
// a section renames no exported Go identifier of the generated SDK (rules
// T4-T7 of gen/spec: names depend on the section's shapes and where they
// are used, not on which functions use them nor on the order of the
// pages). The pages added: the pages of an existing function copied under
// a new one (they add uses to the section's shapes, and its results and
// items are new types), and a page of fields of its own.
func TestNamesStableWhenAPageIsAdded(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the whole SDK several times")
	}
	pages, err := docs2spec.ReadPages("../spec/pages")
	if err != nil {
		t.Fatal(err)
	}
	own, err := page.Parse("widgets.txt", []byte(strings.Join([]string{
		"POST https://api.dataforseo.com/v3/serp/google/widgets/live/advanced",
		"The above command returns JSON structured like this:",
		`{"version":"0.1","status_code":20000,"tasks":[{"id":"1","status_code":20000,"data":{"api":"serp","function":"live","keyword":"a"},` +
			`"result":[{"keyword":"a","items_count":1,"items":[{"type":"widget","widget_rank":1,"gadget":{"gadget_name":"g","gadget_size":2}}]}]}]}`,
		"Description of the fields for setting a task:",
		"Field name\tType\tDescription",
		"keyword\tstring\tthe keyword\nrequired field",
		"Description of the fields in the results array:",
		"Field name\tType\tDescription",
		"tasks\tarray\tarray of tasks",
		"    result\tarray\tarray of results",
		"        keyword\tstring\tthe keyword",
		"        items_count\tinteger\tthe number of items",
		"        items\tarray\tthe widgets",
		"            type\tstring\ttype of element",
		"            widget_rank\tinteger\tthe rank",
		"            gadget\tobject\tthe widget's gadget",
		"                gadget_name\tstring\tits name",
		"                gadget_size\tinteger\tits size",
	}, "\n")))
	if err != nil {
		t.Fatal(err)
	}
	before := exportedNames(t, pages)
	for _, tc := range []struct {
		name  string
		added []*page.Page
		new   string // an identifier the added pages bring
	}{
		{"serp, the shapes of google events", moved(t, pages, "/v3/serp/google/events", "/v3/serp/google/concerts"),
			"serp.Service.GoogleConcertsLiveAdvanced"},
		{"serp, the shapes of google maps", moved(t, pages, "/v3/serp/google/maps", "/v3/serp/bing/maps"),
			"serp.BingMapsAdvancedResult"},
		{"dataforseo_labs, the shapes of keyword ideas", moved(t, pages, "/v3/dataforseo_labs/google/keyword_ideas", "/v3/dataforseo_labs/bing/keyword_ideas"),
			"dataforseolabs.BingKeywordIdeasItem"},
		{"serp, fields of its own", []*page.Page{own}, "serp.Gadget.GadgetName"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			after := exportedNames(t, append(slices.Clone(pages), tc.added...))
			if !after[tc.new] {
				t.Fatalf("the added page brings no %s: the test adds nothing", tc.new)
			}
			var gone []string
			for n := range before {
				if !after[n] {
					gone = append(gone, n)
				}
			}
			slices.Sort(gone)
			if len(gone) > 0 {
				t.Errorf("%d exported names changed when a page was added, e.g. %s", len(gone), strings.Join(gone[:min(len(gone), 20)], ", "))
			}
		})
	}
}
