package export

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"reflect"

	"github.com/geokg/geokg/graph"
)

func init() {
	Register(Format{
		Name: "csv", Ext: "csv", Base: "facts",
		Summary:  "one row per fact with its first source and a source count (--entities: the entity table); UTF-8, RFC 4180",
		Facts:    writeCSVFacts,
		Entities: writeCSVEntities,
	})
}

// newCSV returns an RFC 4180 writer: comma-separated, fields quoted when
// they hold a comma, quote or line break, quotes doubled, CRLF line ends.
func newCSV(w io.Writer) *csv.Writer {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	return cw
}

// writeCSVFacts writes the selected facts as a flat table (see flatHeader):
// every Record column, source_count and the first (earliest recorded)
// source. Dates are ISO strings at their precision with a precision column.
func writeCSVFacts(ctx context.Context, w io.Writer, sel *Selection) (int, error) {
	cw := newCSV(w)
	if err := cw.Write(flatHeader()); err != nil {
		return 0, fmt.Errorf("export csv: %w", err)
	}
	n := 0
	var row []string
	err := sel.Facts(ctx, func(it Item) error {
		r := it.Record()
		row = flatRow(row[:0], &r)
		if err := cw.Write(row); err != nil {
			return fmt.Errorf("export csv: %w", err)
		}
		n++
		return nil
	})
	if err != nil {
		return n, err
	}
	cw.Flush()
	return n, cw.Error()
}

// writeCSVEntities writes the selection's entities: id, name, type and
// aliases joined by "; ".
func writeCSVEntities(ctx context.Context, w io.Writer, sel *Selection) (int, error) {
	cw := newCSV(w)
	header := make([]string, len(entityColumns()))
	for i, c := range entityColumns() {
		header[i] = c.name
	}
	if err := cw.Write(header); err != nil {
		return 0, fmt.Errorf("export csv: %w", err)
	}
	n := 0
	row := make([]string, len(entityColumns()))
	err := sel.Entities(ctx, func(e graph.Entity) error {
		ev := reflect.ValueOf(&e).Elem()
		for i, c := range entityColumns() {
			row[i] = c.text(ev)
		}
		if err := cw.Write(row); err != nil {
			return fmt.Errorf("export csv: %w", err)
		}
		n++
		return nil
	})
	if err != nil {
		return n, err
	}
	cw.Flush()
	return n, cw.Error()
}
