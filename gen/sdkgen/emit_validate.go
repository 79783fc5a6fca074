package sdkgen

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/dave/jennifer/jen"
)

// emitValidate writes a Validate method for each request struct: the
// spec's required, maximum, minimum, maxLength, maxItems, enum and filter
// rules, checked before a call costs money.
func emitValidate(s *Section) *jen.File {
	f := newFile(s.Package)
	for _, st := range s.Structs {
		if !st.Request {
			continue
		}
		f.Add(doc("Validate reports every field of r that breaks a rule of the docs, each once, as a",
			"*sdk.ValidationError naming the field; nil when the task can be sent. Optional fields",
			"must not be null unless the docs allow it; required strings and the strings of lists",
			"must not be blank. Required numbers and booleans cannot be told from their zero value",
			"and are not checked."))
		f.Func().Params(jen.Id("r").Op("*").Id(st.Name)).Id("Validate").Params().Error().BlockFunc(func(g *jen.Group) {
			g.Var().Id("errs").Index().Error()
			for _, fd := range st.Fields {
				checks(g, fd)
			}
			g.Return(jen.Qual("errors", "Join").Call(jen.Id("errs").Op("...")))
		})
		f.Line()
	}
	return f
}

func invalid(field string, reason jen.Code) jen.Code {
	return jen.Id("errs").Op("=").Append(jen.Id("errs"), jen.Op("&").Qual(sdkPath, "ValidationError").Values(jen.Dict{
		jen.Id("Field"):  jen.Lit(field),
		jen.Id("Reason"): reason,
	}))
}

func num(f *float64) string { return strconv.FormatFloat(*f, 'f', -1, 64) }

// checks writes the checks of one field.
func checks(g *jen.Group, fd *Field) {
	r, base := fd.Rules, fd.Base
	field := jen.Id("r").Dot(fd.Name)
	if fd.Type.Kind == OptK && !r.Nullable {
		g.If(jen.Add(field).Dot("IsNull").Call()).Block(invalid(fd.JSON, jen.Lit("must not be null")))
	}
	if r.Required {
		switch base.Kind {
		case Scalar, Named:
			switch {
			case base.Kind == Named:
				g.If(jen.Add(field).Op("==").Lit("")).Block(invalid(fd.JSON, jen.Lit("required")))
			case base.Name == "string":
				g.If(jen.Qual("strings", "TrimSpace").Call(field).Op("==").Lit("")).Block(invalid(fd.JSON, jen.Lit("required: must not be empty or blank")))
			}
		case Slice, Map, OrderBy:
			g.If(jen.Len(field).Op("==").Lit(0)).Block(invalid(fd.JSON, jen.Lit("required")))
		case Filter:
			g.If(jen.Add(field).Dot("IsZero").Call()).Block(invalid(fd.JSON, jen.Lit("required")))
		}
	}
	var body []jen.Code
	v := jen.Id("v")
	switch base.Kind {
	case Scalar:
		if r.Maximum != nil {
			body = append(body, jen.If(jen.Add(v).Op(">").Lit(literal(base, *r.Maximum))).Block(invalid(fd.JSON, jen.Lit("must be at most "+num(r.Maximum)))))
		}
		if r.Minimum != nil {
			body = append(body, jen.If(jen.Add(v).Op("<").Lit(literal(base, *r.Minimum))).Block(invalid(fd.JSON, jen.Lit("must be at least "+num(r.Minimum)))))
		}
		if r.MaxLength != nil && base.Name == "string" {
			body = append(body, jen.If(jen.Qual("unicode/utf8", "RuneCountInString").Call(v).Op(">").Lit(int(*r.MaxLength))).
				Block(invalid(fd.JSON, jen.Lit(fmt.Sprintf("must be at most %d characters", *r.MaxLength)))))
		}
	case Named:
		body = append(body, jen.If(jen.Op("!").Add(v).Dot("IsKnown").Call()).Block(invalid(fd.JSON, jen.Lit("must be one of "+enumList(base.Enum)))))
	case OrderBy:
		rules := jen.Qual(sdkPath, "MaxOrderByRules")
		if r.MaxItems != nil {
			rules = jen.Lit(int(*r.MaxItems))
		}
		body = append(body, appendField(fd.JSON, jen.Qual(sdkPath, "ValidateOrderBy").Call(v, rules)))
	case Slice:
		if r.MaxItems != nil {
			body = append(body, jen.If(jen.Len(v).Op(">").Lit(int(*r.MaxItems))).
				Block(invalid(fd.JSON, jen.Lit(fmt.Sprintf("must have at most %d elements", *r.MaxItems)))))
		}
		if base.Elem.Kind == Scalar && base.Elem.Name == "string" {
			body = append(body, jen.For(jen.List(jen.Id("i"), jen.Id("e")).Op(":=").Range().Add(v)).Block(
				jen.If(jen.Qual("strings", "TrimSpace").Call(jen.Id("e")).Op("==").Lit("")).Block(
					jen.Id("errs").Op("=").Append(jen.Id("errs"), jen.Op("&").Qual(sdkPath, "ValidationError").Values(jen.Dict{
						jen.Id("Field"):  jen.Qual("fmt", "Sprintf").Call(jen.Lit(fd.JSON+"[%d]"), jen.Id("i")),
						jen.Id("Reason"): jen.Lit("must not be empty or blank"),
					})))))
		}
		if base.Elem.Kind == Named {
			body = append(body, jen.For(jen.List(jen.Id("i"), jen.Id("e")).Op(":=").Range().Add(v)).Block(
				jen.If(jen.Op("!").Id("e").Dot("IsKnown").Call()).Block(
					jen.Id("errs").Op("=").Append(jen.Id("errs"), jen.Op("&").Qual(sdkPath, "ValidationError").Values(jen.Dict{
						jen.Id("Field"):  jen.Qual("fmt", "Sprintf").Call(jen.Lit(fd.JSON+"[%d]"), jen.Id("i")),
						jen.Id("Reason"): jen.Lit("must be one of " + enumList(base.Elem.Enum)),
					})))))
		}
		if base.Elem.Kind == StructK {
			body = append(body, jen.For(jen.List(jen.Id("i")).Op(":=").Range().Add(v)).Block(
				jen.Id("errs").Op("=").Append(jen.Id("errs"), jen.Qual(sdkPath, "ValidateField").Call(
					jen.Qual("fmt", "Sprintf").Call(jen.Lit(fd.JSON+"[%d]"), jen.Id("i")),
					jen.Add(v).Index(jen.Id("i")).Dot("Validate").Call()))))
		}
	case Filter:
		conditions := jen.Qual(sdkPath, "MaxFilterConditions")
		if r.FilterFields != "" {
			body = append(body, appendField(fd.JSON, jen.Id(r.FilterFields).Dot("Check").Call(v)))
		}
		if r.MaxConditions > 0 {
			conditions = jen.Lit(r.MaxConditions)
		}
		body = append(body, appendField(fd.JSON, jen.Qual(sdkPath, "ValidateFilter").Call(v, conditions)))
	case StructK:
		body = append(body, appendField(fd.JSON, jen.Add(v).Dot("Validate").Call()))
	}
	if len(body) == 0 {
		return
	}
	switch fd.Type.Kind {
	case OptK:
		g.If(jen.List(jen.Id("v"), jen.Id("ok")).Op(":=").Add(field).Dot("Get").Call(), jen.Id("ok")).Block(body...)
	case Pointer:
		g.If(jen.Id("v").Op(":=").Add(field), jen.Id("v").Op("!=").Nil()).Block(body...)
	default:
		g.Block(append([]jen.Code{jen.Id("v").Op(":=").Add(field)}, body...)...)
	}
}

func appendField(field string, err jen.Code) jen.Code {
	return jen.Id("errs").Op("=").Append(jen.Id("errs"), jen.Qual(sdkPath, "ValidateField").Call(jen.Lit(field), err))
}

// literal is a bound as a literal of the field's type.
func literal(t *GoType, f float64) any {
	if t.Name == "int64" {
		return int(f)
	}
	return f
}

func enumList(e *Enum) string {
	vs := make([]string, len(e.Values))
	for i, v := range e.Values {
		vs[i] = v.Value
	}
	return strings.Join(vs, ", ")
}
