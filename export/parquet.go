package export

import (
	"context"
	"fmt"
	"io"
	"reflect"
	"strings"
	"sync"
	"time"

	"github.com/parquet-go/parquet-go"

	"github.com/geokg/geokg/graph"
)

func init() {
	Register(Format{
		Name: "parquet", Ext: "parquet", Base: "facts", Binary: true,
		Summary: "typed columns (DATE + precision, DOUBLE confidence, sources as a list of structs); " +
			"-o DIR writes facts.parquet and entities.parquet",
		Facts:    writeParquetFacts,
		Entities: writeParquetEntities,
	})
}

// parquetRowGroup bounds the rows a writer buffers before it flushes a row
// group, so memory stays flat however many facts stream through.
const parquetRowGroup = 64 << 10

// The Parquet schema is derived from Record (and SourceRecord, Entity) by
// reflection, like the other tabular formats, with types chosen by column:
//
//	start, end, date, published   DATE (days since 1970-01-01, the first day
//	                              of a year or month) beside the string
//	                              *_precision column (added when the
//	                              struct has none, as for published)
//	recorded_at                   TIMESTAMP(MICROS, UTC)
//	other strings                 STRING, null when empty and omitempty
//	float64, bool, int            DOUBLE, BOOLEAN, INT64
//	[]string                      LIST<STRING>
//	sources                       LIST<STRUCT<…SourceRecord…>>
var (
	dateColumns = map[string]bool{"start": true, "end": true, "date": true, "published": true}
	timeColumns = map[string]bool{"recorded_at": true}
)

// pqField copies one field of a source struct into a row struct.
type pqField struct {
	src  []int
	dst  int
	conv func(dst, src reflect.Value) error
}

// pqLayout is the row type derived from a source struct type.
type pqLayout struct {
	row    reflect.Type
	fields []pqField
}

// factLayout and entityLayout return the Parquet row types of facts and
// entities, derived by the first Parquet export, not when the program
// loads (every geokg process links export).
var (
	factLayout   = sync.OnceValue(func() *pqLayout { return newLayout(reflect.TypeFor[Record]()) })
	entityLayout = sync.OnceValue(func() *pqLayout { return newLayout(reflect.TypeFor[graph.Entity]()) })
)

// newLayout derives the Parquet row type of struct type t.
func newLayout(t reflect.Type) *pqLayout {
	l := &pqLayout{}
	var sfs []reflect.StructField
	add := func(name string, typ reflect.Type, tag string, src []int, conv func(dst, src reflect.Value) error) {
		if tag != "" {
			tag = "," + tag
		}
		sfs = append(sfs, reflect.StructField{
			Name: fmt.Sprintf("F%d", len(sfs)), Type: typ,
			Tag: reflect.StructTag(fmt.Sprintf(`parquet:"%s%s"`, name, tag)),
		})
		l.fields = append(l.fields, pqField{src: src, dst: len(sfs) - 1, conv: conv})
	}
	cols := columnsOf(t)
	has := map[string]bool{}
	for _, c := range cols {
		has[c.name] = true
	}
	for _, c := range cols {
		switch {
		case c.kind == kindString && !c.list && dateColumns[c.name]:
			add(c.name, reflect.TypeFor[*int32](), "date", c.index, convDate)
			if p := c.name + "_precision"; !has[p] {
				add(p, reflect.TypeFor[*string](), "", c.index, convPrecision)
			}
		case c.kind == kindString && !c.list && timeColumns[c.name]:
			add(c.name, reflect.TypeFor[*int64](), "timestamp(microsecond)", c.index, convTime)
		case c.list:
			add(c.name, reflect.TypeFor[[]string](), "list", c.index, convStrings)
		case c.kind == kindString && c.optional:
			add(c.name, reflect.TypeFor[*string](), "", c.index, convOptString)
		case c.kind == kindString:
			add(c.name, reflect.TypeFor[string](), "", c.index, convString)
		case c.kind == kindBool:
			add(c.name, reflect.TypeFor[bool](), "", c.index, func(d, s reflect.Value) error { d.SetBool(s.Bool()); return nil })
		case c.kind == kindFloat:
			add(c.name, reflect.TypeFor[float64](), "", c.index, func(d, s reflect.Value) error { d.SetFloat(s.Float()); return nil })
		case c.kind == kindInt:
			add(c.name, reflect.TypeFor[int64](), "", c.index, func(d, s reflect.Value) error { d.SetInt(s.Int()); return nil })
		}
	}
	// Slices of structs (Record.Sources) become lists of structs.
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		if sf.Type.Kind() != reflect.Slice || sf.Type.Elem().Kind() != reflect.Struct {
			continue
		}
		name, _, _ := strings.Cut(sf.Tag.Get("json"), ",")
		if name == "" || name == "-" {
			continue
		}
		sub := newLayout(sf.Type.Elem())
		add(name, reflect.SliceOf(sub.row), "list", sf.Index, func(d, s reflect.Value) error {
			out := reflect.MakeSlice(d.Type(), s.Len(), s.Len())
			for j := 0; j < s.Len(); j++ {
				if err := sub.fill(out.Index(j), s.Index(j)); err != nil {
					return err
				}
			}
			d.Set(out)
			return nil
		})
	}
	l.row = reflect.StructOf(sfs)
	return l
}

// fill copies struct value src into row value dst.
func (l *pqLayout) fill(dst, src reflect.Value) error {
	for _, f := range l.fields {
		s := src.FieldByIndex(f.src)
		if s.Kind() == reflect.Pointer {
			if s.IsNil() {
				continue
			}
			s = s.Elem()
		}
		if err := f.conv(dst.Field(f.dst), s); err != nil {
			return err
		}
	}
	return nil
}

// schema returns the Parquet schema of the layout's rows.
func (l *pqLayout) schema() *parquet.Schema {
	return parquet.SchemaOf(reflect.New(l.row).Elem().Interface())
}

// convDate stores an ISO date string as days since the epoch (nil when empty).
func convDate(d, s reflect.Value) error {
	if s.String() == "" {
		return nil
	}
	date, err := graph.ParseDate(s.String())
	if err != nil {
		return err
	}
	days := int32(date.Time().Unix() / 86400)
	d.Set(reflect.ValueOf(&days))
	return nil
}

// convPrecision stores the precision of an ISO date string ("year",
// "month", "day"; nil when empty), for date columns Record gives none.
func convPrecision(d, s reflect.Value) error {
	date, err := graph.ParseDate(s.String())
	if err != nil || date.IsZero() {
		return err
	}
	p := date.Precision.String()
	d.Set(reflect.ValueOf(&p))
	return nil
}

// convTime stores an RFC 3339 timestamp as microseconds since the epoch.
func convTime(d, s reflect.Value) error {
	if s.String() == "" {
		return nil
	}
	t, err := time.Parse(time.RFC3339Nano, s.String())
	if err != nil {
		return err
	}
	us := t.UnixMicro()
	d.Set(reflect.ValueOf(&us))
	return nil
}

func convString(d, s reflect.Value) error { d.SetString(s.String()); return nil }

func convOptString(d, s reflect.Value) error {
	if v := s.String(); v != "" {
		d.Set(reflect.ValueOf(&v))
	}
	return nil
}

func convStrings(d, s reflect.Value) error {
	out := make([]string, s.Len())
	for i := range out {
		out[i] = s.Index(i).String()
	}
	d.Set(reflect.ValueOf(out))
	return nil
}

// parquetWriter writes rows of layout l to w.
type parquetWriter struct {
	l   *pqLayout
	pw  *parquet.Writer
	row reflect.Value
}

// CreatedBy returns what a Parquet file written by geokg version (and
// build, when known) records as its writer, in the form the Parquet spec
// names: "geokg version V (build B)", or "geokg version V" without a build.
// An empty version is "unknown".
func CreatedBy(version, build string) string {
	if version == "" {
		version = "unknown"
	}
	s := "geokg version " + version
	if build != "" {
		s += " (build " + build + ")"
	}
	return s
}

// createdBy is a writer option that sets the file's created_by as given
// (parquet.CreatedBy leaves out the space before "(build").
type createdBy string

// ConfigureWriter sets config's CreatedBy.
func (c createdBy) ConfigureWriter(config *parquet.WriterConfig) { config.CreatedBy = string(c) }

// newParquetWriter returns a writer of rows of layout l to w, whose file
// names sel's Version and Build as its writer.
func newParquetWriter(w io.Writer, l *pqLayout, sel *Selection) *parquetWriter {
	pw := parquet.NewWriter(w, l.schema(),
		parquet.Compression(&parquet.Snappy),
		parquet.MaxRowsPerRowGroup(parquetRowGroup),
		createdBy(CreatedBy(sel.Version, sel.Build)))
	return &parquetWriter{l: l, pw: pw, row: reflect.New(l.row).Elem()}
}

// write converts src (a value of the layout's source type) and writes it.
func (w *parquetWriter) write(src reflect.Value) error {
	w.row.SetZero()
	if err := w.l.fill(w.row, src); err != nil {
		return fmt.Errorf("export parquet: %w", err)
	}
	if err := w.pw.Write(w.row.Addr().Interface()); err != nil {
		return fmt.Errorf("export parquet: %w", err)
	}
	return nil
}

func (w *parquetWriter) close() error {
	if err := w.pw.Close(); err != nil {
		return fmt.Errorf("export parquet: %w", err)
	}
	return nil
}

// writeParquetFacts writes the selected facts, one row each.
func writeParquetFacts(ctx context.Context, w io.Writer, sel *Selection) (int, error) {
	pw := newParquetWriter(w, factLayout(), sel)
	n := 0
	err := sel.Facts(ctx, func(it Item) error {
		r := it.Record()
		if err := pw.write(reflect.ValueOf(&r).Elem()); err != nil {
			return err
		}
		n++
		return nil
	})
	if err != nil {
		return n, err
	}
	return n, pw.close()
}

// writeParquetEntities writes the selection's entities, one row each.
func writeParquetEntities(ctx context.Context, w io.Writer, sel *Selection) (int, error) {
	pw := newParquetWriter(w, entityLayout(), sel)
	n := 0
	err := sel.Entities(ctx, func(e graph.Entity) error {
		if err := pw.write(reflect.ValueOf(&e).Elem()); err != nil {
			return err
		}
		n++
		return nil
	})
	if err != nil {
		return n, err
	}
	return n, pw.close()
}
