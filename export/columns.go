package export

import (
	"reflect"
	"strconv"
	"strings"
	"sync"

	"github.com/geokg/geokg/graph"
)

// Tabular formats (CSV, GraphML, GEXF, Parquet) take their columns from
// Record by reflection, in field order and under the JSON names, so a field
// added to Record appears in every format without touching the writers.

// colKind is the type of a flat column.
type colKind int

const (
	kindString colKind = iota
	kindBool
	kindFloat
	kindInt
)

// column is one scalar field of a struct, named as in its JSON form.
type column struct {
	name  string
	kind  colKind
	index []int
	// optional is true for fields marked omitempty: empty means absent.
	optional bool
	// list is true for []string fields, written joined by listSep.
	list bool
}

// listSep joins the items of list fields (aliases) in text formats.
const listSep = "; "

// columnsOf returns the scalar and []string fields of struct type t that
// have a JSON name, in field order, but for those tagged flat:"-" (which
// the writers write themselves). Other fields (nested slices, structs)
// are left to the writers.
func columnsOf(t reflect.Type) []column {
	var out []column
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		if !sf.IsExported() {
			continue
		}
		name, opts, _ := strings.Cut(sf.Tag.Get("json"), ",")
		if name == "-" || sf.Tag.Get("flat") == "-" {
			continue
		}
		if name == "" {
			name = sf.Name
		}
		c := column{name: name, index: sf.Index, optional: strings.Contains(opts, "omitempty")}
		ft := sf.Type
		if ft.Kind() == reflect.Pointer {
			ft, c.optional = ft.Elem(), true
		}
		switch ft.Kind() {
		case reflect.String:
			c.kind = kindString
		case reflect.Bool:
			c.kind = kindBool
		case reflect.Float32, reflect.Float64:
			c.kind = kindFloat
		case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
			reflect.Uint8, reflect.Uint16, reflect.Uint32:
			c.kind = kindInt
		case reflect.Slice:
			if ft.Elem().Kind() != reflect.String {
				continue
			}
			c.kind, c.list = kindString, true
		default:
			continue
		}
		out = append(out, c)
	}
	return out
}

// value returns the field of struct value v (nil for a nil pointer).
func (c column) value(v reflect.Value) reflect.Value {
	f := v.FieldByIndex(c.index)
	if f.Kind() == reflect.Pointer {
		if f.IsNil() {
			return reflect.Value{}
		}
		f = f.Elem()
	}
	return f
}

// text writes the column of struct value v as text: ISO strings as they
// are, booleans as true/false, numbers in the shortest exact form, lists
// joined by listSep. A nil pointer is "".
func (c column) text(v reflect.Value) string {
	f := c.value(v)
	if !f.IsValid() {
		return ""
	}
	if c.list {
		return strings.Join(f.Interface().([]string), listSep)
	}
	switch c.kind {
	case kindBool:
		return strconv.FormatBool(f.Bool())
	case kindFloat:
		return strconv.FormatFloat(f.Float(), 'g', -1, 64)
	case kindInt:
		if f.CanInt() {
			return strconv.FormatInt(f.Int(), 10)
		}
		return strconv.FormatUint(f.Uint(), 10)
	}
	return f.String()
}

// present reports whether an optional column has a value in v.
func (c column) present(v reflect.Value) bool {
	f := c.value(v)
	return f.IsValid() && (!c.optional || !f.IsZero())
}

// The columns of records, of their sources and of the entity table, read
// from the structs on first use, not when the program loads (every geokg
// process links this package; few export).
var (
	recordColumns = sync.OnceValue(func() []column { return columnsOf(reflect.TypeFor[Record]()) })
	sourceColumns = sync.OnceValue(func() []column { return columnsOf(reflect.TypeFor[SourceRecord]()) })
	entityColumns = sync.OnceValue(func() []column { return columnsOf(reflect.TypeFor[graph.Entity]()) })
)

// firstSourcePrefix prefixes the columns of a fact's first source in flat
// tables ("source_url").
const firstSourcePrefix = "source_"

// flatHeader returns the header of a flat fact table: the Record columns,
// source_count, then the first source's columns.
func flatHeader() []string {
	h := make([]string, 0, len(recordColumns())+1+len(sourceColumns()))
	for _, c := range recordColumns() {
		h = append(h, c.name)
	}
	h = append(h, "source_count")
	for _, c := range sourceColumns() {
		h = append(h, firstSourcePrefix+c.name)
	}
	return h
}

// flatRow appends to row the cells of r in flatHeader order.
func flatRow(row []string, r *Record) []string {
	rv := reflect.ValueOf(r).Elem()
	for _, c := range recordColumns() {
		row = append(row, c.text(rv))
	}
	n := len(r.Sources)
	if r.SourceCount > 0 {
		n = r.SourceCount
	}
	row = append(row, strconv.Itoa(n))
	if len(r.Sources) == 0 {
		for range sourceColumns() {
			row = append(row, "")
		}
		return row
	}
	sv := reflect.ValueOf(&r.Sources[0]).Elem()
	for _, c := range sourceColumns() {
		row = append(row, c.text(sv))
	}
	return row
}
