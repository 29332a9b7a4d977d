package export

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"reflect"
	"time"

	"github.com/geokg/geokg/graph"
)

func init() {
	Register(Format{
		Name: "gexf", Ext: "gexf", Base: "graph",
		Summary: "GEXF 1.2 dynamic graph: edges carry their valid time (tenures, event days) so Gephi's timeline plays them",
		Facts:   writeGEXF,
	})
}

// gexfDay is the GEXF "date" time format.
const gexfDay = "2006-01-02"

// gexfType names a column kind as a GEXF attribute type.
func gexfType(k colKind) string {
	switch k {
	case kindBool:
		return "boolean"
	case kindFloat:
		return "double"
	case kindInt:
		return "long"
	}
	return "string"
}

// interval returns the days (inclusive) a fact's edge exists on the
// timeline, "" for an open side: an event spans the period of its date
// (one day, or the month or year known); a state runs from its start to
// the day before its exclusive end. A state marked ended without an end
// closes the day before its first source was published (graph.Fact.EndBound),
// as graph.Window reads it.
func interval(f graph.Fact) (start, end string) {
	day := func(t time.Time) string { return t.Format(gexfDay) }
	if graph.IsEvent(f.Predicate) {
		if f.Date.IsZero() {
			return "", ""
		}
		return day(f.Date.Time()), day(f.Date.Last().AddDate(0, 0, -1))
	}
	var s time.Time
	if !f.Start.IsZero() {
		s = f.Start.Time()
		start = day(s)
	}
	if e := f.EndBound(); !e.IsZero() {
		last := e.Time().AddDate(0, 0, -1)
		if s.IsZero() || !last.Before(s) {
			end = day(last)
		}
	}
	return start, end
}

// gexfAttr writes one <attvalue>.
func gexfAttr(w *bufio.Writer, id, v string) {
	fmt.Fprintf(w, `<attvalue for="%s" value="`, id)
	xmlText(w, v)
	w.WriteString(`"/>`)
}

// writeGEXF writes the selection as a GEXF 1.2 dynamic graph (timeformat
// date): entities as nodes, facts as edges with start/end intervals and
// every Record column as a typed attribute. Edges are all directed, as
// networkx accepts no undirected edge in a directed graph.
func writeGEXF(ctx context.Context, w io.Writer, sel *Selection) (int, error) {
	bw := bufio.NewWriterSize(w, 1<<16)
	bw.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd" version="1.2">
  <meta><creator>geokg</creator><description>geokg knowledge graph: entities and dated, sourced facts</description></meta>
  <graph mode="dynamic" defaultedgetype="directed" timeformat="date">
    <attributes class="node" mode="static">
`)
	for _, c := range entityColumns() {
		if c.name != "id" && c.name != "name" {
			fmt.Fprintf(bw, "      <attribute id=\"%s\" title=\"%s\" type=\"string\"/>\n", c.name, c.name)
		}
	}
	bw.WriteString("    </attributes>\n    <attributes class=\"edge\" mode=\"static\">\n")
	cols := flatColumns()
	for _, c := range cols {
		fmt.Fprintf(bw, "      <attribute id=\"%s\" title=\"%s\" type=\"%s\"/>\n", c.name, c.name, gexfType(c.kind))
	}
	bw.WriteString("    </attributes>\n    <nodes>\n")
	err := sel.Entities(ctx, func(e graph.Entity) error {
		bw.WriteString(`      <node id="`)
		xmlText(bw, e.ID)
		bw.WriteString(`" label="`)
		xmlText(bw, e.Name)
		bw.WriteString(`"><attvalues>`)
		ev := reflect.ValueOf(&e).Elem()
		for _, c := range entityColumns() {
			if c.name != "id" && c.name != "name" && c.present(ev) {
				gexfAttr(bw, c.name, c.text(ev))
			}
		}
		bw.WriteString("</attvalues></node>\n")
		return nil
	})
	if err != nil {
		return 0, err
	}
	bw.WriteString("    </nodes>\n    <edges>\n")
	n := 0
	var row []string
	err = sel.Facts(ctx, func(it Item) error {
		r := it.Record()
		row = flatRow(row[:0], &r)
		bw.WriteString(`      <edge id="`)
		xmlText(bw, r.ID)
		bw.WriteString(`" source="`)
		xmlText(bw, r.SubjectID)
		bw.WriteString(`" target="`)
		xmlText(bw, r.ObjectID)
		bw.WriteString(`" label="`)
		xmlText(bw, r.Predicate)
		start, end := interval(it.Fact)
		if start != "" {
			fmt.Fprintf(bw, `" start="%s`, start)
		}
		if end != "" {
			fmt.Fprintf(bw, `" end="%s`, end)
		}
		bw.WriteString(`"><attvalues>`)
		for i, c := range cols {
			if row[i] != "" {
				gexfAttr(bw, c.name, row[i])
			}
		}
		bw.WriteString("</attvalues></edge>\n")
		n++
		return nil
	})
	if err != nil {
		return n, err
	}
	bw.WriteString("    </edges>\n  </graph>\n</gexf>\n")
	if err := bw.Flush(); err != nil {
		return n, fmt.Errorf("export gexf: %w", err)
	}
	return n, nil
}
