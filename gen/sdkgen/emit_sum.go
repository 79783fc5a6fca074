package sdkgen

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/dave/jennifer/jen"
)

// emitSums writes sums_gen.go: per polymorphic element type its
// interface, its Unknown struct and its decoder (sdk.Kinds); per kind its
// methods; per struct with a polymorphic field the UnmarshalJSON that
// decodes that field's elements by their kind; and the init that
// registers those structs with the decoders (sdk.RegisterHolder).
func emitSums(s *Section) *jen.File {
	f := newFile(s.Package)
	for _, sum := range s.Sums {
		emitSum(f, s, sum)
	}
	for _, st := range s.Structs {
		if len(st.Sums) == 0 {
			continue
		}
		kind := kindValue(st)
		f.Add(doc(fmt.Sprintf("%s returns %q, the %s of every %s.", KindMethod, kind, st.Sums[0].Property, st.Name)))
		f.Func().Params(jen.Op("*").Id(st.Name)).Id(KindMethod).Params().String().Block(jen.Return(jen.Lit(kind)))
		f.Line()
		for _, sum := range st.Sums {
			f.Func().Params(jen.Op("*").Id(st.Name)).Id(sealMethod(sum)).Params().Block()
			f.Line()
		}
	}
	var holders []*Struct
	for _, st := range s.Structs {
		if len(sumFields(st)) > 0 {
			holders = append(holders, st)
			emitHolder(f, st)
		}
	}
	if len(holders) > 0 {
		f.Func().Id("init").Params().BlockFunc(func(g *jen.Group) {
			for _, st := range holders {
				g.Qual(sdkPath, "RegisterHolder").Types(jen.Id(st.Name)).Call()
			}
		})
	}
	return f
}

// sealMethod is the unexported method that makes a struct one of a sum's
// kinds: isItem.
func sealMethod(sum *Sum) string { return "is" + sum.Name }

// kindsVar is the sum's sdk.Kinds: itemKinds.
func kindsVar(sum *Sum) string { return lowerFirstWord(sum.Name) + "Kinds" }

// lowerFirstWord lower-cases a Go name's first word, an initialism
// whole: "AIOverviewItem" is "aiOverviewItem", "Item" "item".
func lowerFirstWord(s string) string {
	r := []rune(s)
	n := 0
	for n < len(r) && unicode.IsUpper(r[n]) {
		n++
	}
	if n > 1 && n < len(r) {
		n-- // the capital that starts the next word
	}
	for i := range n {
		r[i] = unicode.ToLower(r[i])
	}
	return string(r)
}

func emitSum(f *jen.File, s *Section, sum *Sum) {
	lines := []string{fmt.Sprintf("%s is %s.", sum.Name, strings.TrimSuffix(sum.Doc, "."))}
	if sum.Doc == "" {
		lines[0] = fmt.Sprintf("%s is an element of one of %d kinds, which its %q names.", sum.Name, len(sum.Kinds), sum.Property)
	}
	lines = append(lines, "", "Its kinds, by their "+sum.Property+":", "")
	for _, k := range sum.Kinds {
		lines = append(lines, fmt.Sprintf("  - %q: *%s", k.Value, k.Struct.Name))
	}
	lines = append(lines, "",
		fmt.Sprintf("An element of a kind this SDK does not know is an *%s: it holds the element's JSON and", sum.Unknown),
		"encodes back to it unchanged, so a kind the API adds never breaks a call. A type switch tells",
		"the kinds apart:",
		"",
		"\tswitch e := e.(type) {",
		fmt.Sprintf("\tcase *%s:", sum.Kinds[0].Struct.Name),
		"\t\t// ...",
		fmt.Sprintf("\tcase *%s:", sum.Unknown),
		fmt.Sprintf("\t\tlog.Printf(\"a kind the SDK does not know: %%s\", e.%s())", KindMethod),
		"\t}")
	f.Add(doc(lines...))
	f.Type().Id(sum.Name).Interface(
		doc(fmt.Sprintf("%s returns the element's %q: the wire name of its kind.", KindMethod, sum.Property)),
		jen.Id(KindMethod).Params().String(),
		jen.Id(sealMethod(sum)).Params(),
	)
	f.Line()
	f.Add(doc(fmt.Sprintf("%s is an element of %s of a kind this SDK does not know: its %s, and its JSON", sum.Unknown, sum.Name, sum.Property),
		"as received, which it encodes back to byte for byte."))
	f.Type().Id(sum.Unknown).Struct(jen.Qual(sdkPath, "UnknownKind"))
	f.Line()
	f.Func().Params(jen.Op("*").Id(sum.Unknown)).Id(sealMethod(sum)).Params().Block()
	f.Line()
	f.Add(doc(fmt.Sprintf("%s decodes the elements of %s by their %q.", kindsVar(sum), sum.Name, sum.Property)))
	f.Var().Id(kindsVar(sum)).Op("=").Qual(sdkPath, "NewKinds").Types(jen.Id(sum.Name)).Call(
		jen.Lit(sum.Property),
		jen.Func().Params(jen.Id("u").Qual(sdkPath, "UnknownKind")).Id(sum.Name).Block(
			jen.Return(jen.Op("&").Id(sum.Unknown).Values(jen.Id("u")))),
		jen.Map(jen.String()).Func().Params().Id(sum.Name).Values(jen.DictFunc(func(d jen.Dict) {
			for _, k := range sum.Kinds {
				d[jen.Lit(k.Value)] = jen.Func().Params().Id(sum.Name).Block(jen.Return(jen.New(jen.Id(k.Struct.Name))))
			}
		})),
	)
	f.Line()
}

// emitHolder writes the UnmarshalJSON of a struct with polymorphic
// fields: the struct decodes as usual but for those fields, kept as raw
// JSON by a shadow struct, whose elements are then decoded by their kind.
func emitHolder(f *jen.File, st *Struct) {
	fields := sumFields(st)
	var names []string
	for _, fd := range fields {
		names = append(names, fd.Name)
	}
	f.Add(doc(fmt.Sprintf("UnmarshalJSON decodes a %s; the elements of %s are decoded by their kind.", st.Name, strings.Join(names, " and ")),
		"A value that does not fit its field's type does not stop it: sdk.Decode reports it."))
	f.Func().Params(jen.Id("x").Op("*").Id(st.Name)).Id("UnmarshalJSON").Params(jen.Id("data").Index().Byte()).Error().BlockFunc(func(g *jen.Group) {
		g.Type().Id("plain").Id(st.Name)
		g.Var().Id("v").StructFunc(func(sg *jen.Group) {
			sg.Op("*").Id("plain")
			for _, fd := range fields {
				raw := jen.Qual("encoding/json", "RawMessage")
				if fd.Type.Kind == Slice {
					raw = jen.Index().Qual("encoding/json", "RawMessage")
				}
				sg.Id(fd.Name).Add(raw).Tag(map[string]string{"json": fd.JSON})
			}
		})
		g.Id("v").Dot("plain").Op("=").Parens(jen.Op("*").Id("plain")).Parens(jen.Id("x"))
		g.If(jen.Err().Op(":=").Qual(sdkPath, "DecodeHolder").Call(jen.Id("data"), jen.Op("&").Id("v")), jen.Err().Op("!=").Nil()).Block(
			jen.Return(jen.Err()))
		for _, fd := range fields {
			decode := "Decode"
			switch fd.Type.Kind {
			case Slice:
				decode = "DecodeAll"
			case OptK:
				decode = "DecodeOpt"
			}
			g.Id("x").Dot(fd.Name).Op("=").Id(kindsVar(sumOfField(fd))).Dot(decode).Call(jen.Id("v").Dot(fd.Name))
		}
		g.Return(jen.Nil())
	})
	f.Line()
}

// sumMarker is the line a polymorphic field's godoc ends with.
func sumMarker(fd *Field) string {
	sum := sumOfField(fd)
	if sum == nil {
		return ""
	}
	if fd.Type.Kind == Slice {
		return fmt.Sprintf("Each element is one of the kinds of %s (a type switch tells them apart).", sum.Name)
	}
	return fmt.Sprintf("It is one of the kinds of %s (a type switch tells them apart).", sum.Name)
}
