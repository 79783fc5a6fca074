package sdkgen

import (
	"fmt"
	"strings"

	"github.com/dave/jennifer/jen"
)

// filterTypes are the sdk constants of the filter types.
var filterTypes = map[string]string{
	"str": "FilterStr", "num": "FilterNum", "bool": "FilterBool", "time": "FilterTime",
	"array.str": "FilterArrayStr", "array.num": "FilterArrayNum",
}

// emitFilters writes, per endpoint the filters appendix lists, one
// sdk.FilterName constant per field and the sdk.FilterFields list the
// generated Validate methods check filters against.
func emitFilters(s *Section) *jen.File {
	f := newFile(s.Package)
	for _, set := range s.FilterSets {
		f.Add(doc(fmt.Sprintf("The fields the filters of %s take, as the docs' filters appendix lists them.", set.Of),
			"A name with a \"$\" segment is a pattern: fill it with With (\"$key.rank\" is \"1.rank\" for the first target)."))
		f.Const().DefsFunc(func(g *jen.Group) {
			for _, fd := range set.Fields {
				comment := fd.Type
				if len(fd.Operators) > 0 {
					comment += ": " + strings.Join(fd.Operators, " ")
				}
				if fd.Doc != "" {
					g.Comment(fd.Doc)
				}
				g.Id(fd.Const).Qual(sdkPath, "FilterName").Op("=").Lit(fd.Name).Comment(comment)
			}
		})
		f.Line()
		f.Add(doc(fmt.Sprintf("%s lists the fields the filters of %s take, with their types and", set.Var, set.Of),
			"operators. Validate checks the request's filters against it, before anything is sent: a",
			"condition on another field, or with an operator its field does not support, is refused.",
			"The appendix can lag the API: build a condition with sdk.Unlisted to send it unchecked."))
		f.Var().Id(set.Var).Op("=").Qual(sdkPath, "NewFilterFields").CallFunc(func(g *jen.Group) {
			for _, fd := range set.Fields {
				typ := jen.Qual(sdkPath, "FilterType").Call(jen.Lit(fd.Type))
				if c, ok := filterTypes[fd.Type]; ok {
					typ = jen.Qual(sdkPath, c)
				}
				ops := jen.Nil()
				if len(fd.Operators) > 0 {
					ops = jen.Index().String().ValuesFunc(func(g *jen.Group) {
						for _, o := range fd.Operators {
							g.Lit(o)
						}
					})
				}
				g.Line().Qual(sdkPath, "FilterField").Values(jen.Dict{
					jen.Id("Name"):      jen.Id(fd.Const),
					jen.Id("Type"):      typ,
					jen.Id("Operators"): ops,
				})
			}
			g.Line()
		})
		f.Line()
	}
	return f
}
