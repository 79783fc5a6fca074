package sdkgen

import (
	"fmt"
	"unicode/utf8"

	"github.com/dave/jennifer/jen"

	"github.com/dataforseo-go/dataforseo/spec/contract"
)

const jxPath = "github.com/go-faster/jx"

// emitDecoders writes decode_gen.go: per struct and enum a DecodeJX
// method, the fast decoder sdk.Decode tries first (sdk/decode_jx.go).
// A struct matches its keys with a switch on the key's bytes; a key it
// has no field for is skipped by sdk.JXSkip (which leaves to
// encoding/json a key that might match a field case-insensitively).
func emitDecoders(s *Section) *jen.File {
	f := newFile(s.Package)
	f.ImportName(jxPath, "jx")
	byName := map[string]*Struct{}
	for _, st := range s.Structs {
		byName[st.Name] = st
	}
	for _, st := range s.Structs {
		emitStructDecoder(f, st, byName[st.Embed])
	}
	for _, e := range s.Enums {
		f.Add(jxDoc(e.Name))
		f.Func().Params(jen.Id("x").Op("*").Id(e.Name)).Id("DecodeJX").Params(jen.Id("d").Op("*").Qual(jxPath, "Decoder")).Error().Block(
			jen.Return(jen.Qual(sdkPath, "JXEnum").Call(jen.Parens(jen.Op("*").String()).Parens(jen.Id("x")), jen.Id("d"))))
		f.Line()
	}
	return f
}

// jxDoc is a decoder's comment; what a DecodeJX does and refuses is said
// once, on sdk.JXDecoder.
func jxDoc(name string) jen.Code {
	return doc(fmt.Sprintf("DecodeJX decodes x, of type %s, for the SDK's fast decoder (see sdk.JXDecoder).", name))
}

// decodedField is a field a struct's decoder fills: its own or one of the
// struct it embeds that none of its own shadows (encoding/json's rule).
type decodedField struct {
	*Field
	via string // the embedded struct's name, "" for an own field
}

func emitStructDecoder(f *jen.File, st *Struct, embed *Struct) {
	var fields []decodedField
	own := map[string]bool{}
	for _, fd := range st.Fields {
		fields = append(fields, decodedField{Field: fd})
		own[fd.JSON] = true
	}
	if embed != nil {
		for _, fd := range embed.Fields {
			if !own[fd.JSON] {
				fields = append(fields, decodedField{Field: fd, via: embed.Name})
			}
		}
	}
	skip := "JXSkip"
	for _, fd := range fields {
		if !lowerASCII(fd.JSON) {
			skip = "JXNotFast" // a key might match it case-insensitively
		}
	}
	f.Add(jxDoc(st.Name))
	f.Func().Params(jen.Id("x").Op("*").Id(st.Name)).Id("DecodeJX").Params(jen.Id("d").Op("*").Qual(jxPath, "Decoder")).Error().BlockFunc(func(g *jen.Group) {
		if set := sumFieldsSet(st); set != nil {
			// A holder decoded twice (a key given twice) replaces its
			// polymorphic fields in encoding/json (sdk.DecodeHolder).
			g.If(set).Block(jen.Return(jen.Qual(sdkPath, "JXNotFast").Call(jen.Id("d"), jen.Nil())))
		}
		g.Return(jen.Qual(sdkPath, "JXObject").Call(jen.Id("d"), jen.Func().Params(
			jen.Id("d").Op("*").Qual(jxPath, "Decoder"), jen.Id("key").Index().Byte()).Error().Block(
			jen.Switch(jen.String().Parens(jen.Id("key"))).BlockFunc(func(sg *jen.Group) {
				for _, fd := range fields {
					target := jen.Id("x")
					if fd.via != "" {
						target = target.Dot(fd.via)
					}
					call := fieldDecode(fd.Field, target.Dot(fd.Name), countOf(fields, fd, jen.Id("x")))
					if isDiscriminator(st, fd.Field) {
						call = jen.Qual(sdkPath, "JXKind").Call(jen.Op("&").Id("x").Dot(fd.Name), jen.Id("d"))
					}
					sg.Case(jen.Lit(fd.JSON)).Block(jen.Return(call))
				}
			}),
			jen.Return(jen.Qual(sdkPath, skip).Call(jen.Id("d"), jen.Id("key"))),
		)))
	})
	f.Line()
}

// sumFieldsSet is the condition that a polymorphic field of st is set,
// nil when st has none.
func sumFieldsSet(st *Struct) *jen.Statement {
	var cond *jen.Statement
	for _, fd := range sumFields(st) {
		c := jen.Id("x").Dot(fd.Name).Op("!=").Nil()
		if fd.Type.Kind == OptK {
			c = jen.Id("x").Dot(fd.Name).Dot("IsSet").Call()
		}
		if cond == nil {
			cond = c
		} else {
			cond = cond.Op("||").Add(c)
		}
	}
	return cond
}

func lowerASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			return false
		}
	}
	return true
}

// countOf is the value, read from x, of the integer field that counts
// fd's array (contract.CountOf), nil when fd is no array or has no count
// of its own level.
func countOf(fields []decodedField, fd decodedField, x *jen.Statement) jen.Code {
	if fd.Type.Kind != Slice {
		return nil
	}
	for _, c := range fields {
		if c.JSON != contract.CountOf(fd.JSON) || c.via != fd.via {
			continue
		}
		v := x.Clone()
		if c.via != "" {
			v = v.Dot(c.via)
		}
		v = v.Dot(c.Name)
		switch {
		case c.Type.Kind == Scalar && c.Type.Name == "int64":
			return v
		case c.Type.Kind == OptK && c.Type.Elem.Kind == Scalar && c.Type.Elem.Name == "int64":
			return v.Dot("Value").Call()
		}
	}
	return nil
}

// fieldDecode is the call that decodes a field's value into target;
// count, if not nil, is the array's announced length (see countOf).
func fieldDecode(fd *Field, target *jen.Statement, count jen.Code) jen.Code {
	d := jen.Id("d")
	addr := jen.Op("&").Add(target)
	if sum := sumOfField(fd); sum != nil {
		method := "JXOne"
		switch fd.Type.Kind {
		case Slice:
			method = "JXAll"
		case OptK:
			method = "JXOpt"
		}
		return jen.Id(kindsVar(sum)).Dot(method).Call(d, addr)
	}
	t := fd.Type
	switch t.Kind {
	case Scalar:
		return jen.Qual(sdkPath, scalarDecoder(t)).Call(addr, d)
	case Time, Named, StructK:
		return target.Clone().Dot("DecodeJX").Call(d)
	case OptK:
		if t.Elem.Kind == Slice {
			if ef := elemDecoder(t.Elem.Elem); ef != nil {
				return jen.Qual(sdkPath, "JXOptSlice").Call(d, addr, ef)
			}
		}
		return target.Clone().Dot("DecodeJX").Call(d)
	case Slice:
		if ef := elemDecoder(t.Elem); ef != nil {
			if count != nil {
				return jen.Qual(sdkPath, "JXSliceCap").Call(d, addr, ef, count)
			}
			return jen.Qual(sdkPath, "JXSlice").Call(d, addr, ef)
		}
	case Map:
		if t.Elem.Kind == Scalar && t.Elem.Name == "int64" {
			return jen.Qual(sdkPath, "JXMapInt64").Call(d, addr)
		}
		if ef := elemDecoder(t.Elem); ef != nil {
			return jen.Qual(sdkPath, "JXMap").Call(d, addr, ef)
		}
	case Pointer:
		if t.Elem.Kind == StructK {
			return jen.Qual(sdkPath, "JXPtr").Call(d, addr)
		}
	}
	return jen.Qual(sdkPath, "JXValue").Call(addr, d)
}

func scalarDecoder(t *GoType) string {
	switch t.Name {
	case "int64":
		return "JXInt64"
	case "float64":
		return "JXFloat64"
	case "bool":
		return "JXBool"
	}
	return "JXString"
}

// elemDecoder is the decoder of a slice's or a map's element type as a
// func(*T, *jx.Decoder) error, nil when there is none but encoding/json.
func elemDecoder(t *GoType) jen.Code {
	switch t.Kind {
	case Scalar:
		return jen.Qual(sdkPath, scalarDecoder(t))
	case Time, Named, StructK:
		return jen.Parens(jen.Op("*").Add(typeCode(t))).Dot("DecodeJX")
	case OptK:
		switch t.Elem.Kind {
		case Scalar, Time, Named, StructK:
			return jen.Parens(jen.Op("*").Add(typeCode(t))).Dot("DecodeJX")
		}
	}
	return nil
}

// isDiscriminator reports whether fd is the string field of a kind that
// names its kind (its sum's property): sdk.JXKind decodes it.
func isDiscriminator(st *Struct, fd *Field) bool {
	for _, sum := range st.Sums {
		if fd.JSON == sum.Property && fd.Type.Kind == Scalar && fd.Type.Name == "string" {
			return true
		}
	}
	return false
}
