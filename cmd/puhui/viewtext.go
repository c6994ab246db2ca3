package main

import (
	"encoding/hex"
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/puhui-chain/puhui/money"
)

// viewText renders any view for people, one "name: value" per line, nesting indented: byte
// strings in hex, fields named at, *_at and as_of as UTC times, amounts (int64 carried as JSON
// strings) in the decimals of the asset beside them. Declared queries fall back on it, so a
// new module's views read well without a renderer of their own.
func viewText(v reflect.Value, sc scales) string {
	var b strings.Builder
	writeValue(&b, v, sc, "")
	out := strings.TrimRight(b.String(), "\n")
	if out == "" {
		return "none"
	}
	return out
}

func writeValue(b *strings.Builder, v reflect.Value, sc scales, indent string) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			writeValue(b, v.Elem(), sc, indent)
		}
	case reflect.Struct:
		writeStruct(b, v, sc, indent)
	case reflect.Slice:
		if v.Type().Elem().Kind() == reflect.Uint8 {
			fmt.Fprintf(b, "%s%s\n", indent, hex.EncodeToString(v.Bytes()))
			return
		}
		for i := range v.Len() {
			var item strings.Builder
			writeValue(&item, v.Index(i), sc, indent+"  ")
			fmt.Fprintf(b, "%s- %s", indent, strings.TrimPrefix(item.String(), indent+"  "))
		}
	default:
		fmt.Fprintf(b, "%s%s\n", indent, scalarText(v, false, false, 0))
	}
}

func writeStruct(b *strings.Builder, v reflect.Value, sc scales, indent string) {
	scale := uint32(0)
	if f := fieldByJSON(v, "asset"); f.IsValid() && f.Kind() == reflect.String {
		scale = sc(f.String())
	}
	for i := range v.NumField() {
		ft := v.Type().Field(i)
		name, opts, _ := strings.Cut(ft.Tag.Get("json"), ",")
		if !ft.IsExported() || name == "-" {
			continue
		}
		if name == "" {
			name = ft.Name
		}
		f := v.Field(i)
		if strings.Contains(opts, "omitempty") && f.IsZero() {
			continue
		}
		label := strings.ReplaceAll(name, "_", " ")
		switch {
		case isNested(f):
			if isEmpty(f) {
				fmt.Fprintf(b, "%s%s: none\n", indent, label)
				continue
			}
			fmt.Fprintf(b, "%s%s:\n", indent, label)
			writeValue(b, f, sc, indent+"  ")
		default:
			isTime := strings.HasSuffix(name, "_at") || name == "at" || name == "as_of"
			fmt.Fprintf(b, "%s%s: %s\n", indent, label, scalarText(f, isTime, strings.Contains(opts, "string"), scale))
		}
	}
}

// isNested reports whether a field renders on lines of its own.
func isNested(f reflect.Value) bool {
	for f.Kind() == reflect.Pointer || f.Kind() == reflect.Interface {
		if f.IsNil() {
			return false
		}
		f = f.Elem()
	}
	switch f.Kind() {
	case reflect.Struct, reflect.Map:
		return true
	case reflect.Slice:
		k := f.Type().Elem().Kind()
		return k == reflect.Struct || k == reflect.Pointer || k == reflect.Slice || k == reflect.Map
	}
	return false
}

func isEmpty(f reflect.Value) bool {
	return (f.Kind() == reflect.Slice || f.Kind() == reflect.Map) && f.Len() == 0
}

func scalarText(f reflect.Value, isTime, isAmount bool, scale uint32) string {
	switch f.Kind() {
	case reflect.Int64, reflect.Int, reflect.Int32:
		switch {
		case isTime:
			return unixText(f.Int())
		case isAmount:
			return money.FormatMinor(f.Int(), scale)
		}
	case reflect.Slice:
		if f.Type().Elem().Kind() == reflect.Uint8 {
			return hex.EncodeToString(f.Bytes())
		}
		parts := make([]string, f.Len())
		for i := range f.Len() {
			parts[i] = scalarText(f.Index(i), false, false, 0)
		}
		if len(parts) == 0 {
			return "none"
		}
		return strings.Join(parts, ", ")
	case reflect.Map:
		keys := f.MapKeys()
		slices.SortFunc(keys, func(a, b reflect.Value) int { return strings.Compare(fmt.Sprint(a), fmt.Sprint(b)) })
		parts := make([]string, len(keys))
		for i, k := range keys {
			parts[i] = fmt.Sprintf("%v %v", k, f.MapIndex(k))
		}
		return strings.Join(parts, ", ")
	}
	return fmt.Sprint(f.Interface())
}

func fieldByJSON(v reflect.Value, name string) reflect.Value {
	for i := range v.NumField() {
		if n, _, _ := strings.Cut(v.Type().Field(i).Tag.Get("json"), ","); n == name {
			return v.Field(i)
		}
	}
	return reflect.Value{}
}
