package export

import (
	"bufio"
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"reflect"

	"github.com/geokg/geokg/graph"
)

func init() {
	Register(Format{
		Name: "graphml", Ext: "graphml", Base: "graph",
		Summary: "GraphML: entities as nodes, facts as edges with typed attributes (start/end/date, confidence…); " +
			"opens in Gephi, yEd, networkx",
		Facts: writeGraphML,
	})
}

// flatColumn is one column of the flat fact table with its type.
type flatColumn struct {
	name string
	kind colKind
}

// flatColumns returns the columns of flatHeader with their types.
func flatColumns() []flatColumn {
	var out []flatColumn
	for _, c := range recordColumns() {
		out = append(out, flatColumn{c.name, c.kind})
	}
	out = append(out, flatColumn{"source_count", kindInt})
	for _, c := range sourceColumns() {
		out = append(out, flatColumn{firstSourcePrefix + c.name, c.kind})
	}
	return out
}

// xmlText writes s escaped for XML text or attribute values; characters
// XML cannot hold are replaced by U+FFFD.
func xmlText(w *bufio.Writer, s string) {
	_ = xml.EscapeText(w, []byte(s))
}

// graphMLType names a column kind as a GraphML attr.type.
func graphMLType(k colKind) string {
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

// graphMLData writes <data key="k">v</data>.
func graphMLData(w *bufio.Writer, key, v string) {
	fmt.Fprintf(w, `<data key="%s">`, key)
	xmlText(w, v)
	w.WriteString("</data>")
}

// graphMLNode writes one entity as a node.
func graphMLNode(w *bufio.Writer, e graph.Entity) {
	w.WriteString(`    <node id="`)
	xmlText(w, e.ID)
	w.WriteString(`">`)
	graphMLData(w, "n_label", e.Name)
	ev := reflect.ValueOf(&e).Elem()
	for _, c := range entityColumns() {
		if c.name == "id" || c.name == "name" || !c.present(ev) {
			continue
		}
		graphMLData(w, "n_"+c.name, c.text(ev))
	}
	w.WriteString("</node>\n")
}

// writeGraphML writes the selection as one GraphML graph: the entities as
// nodes (label, type, aliases) and every selected fact as an edge from
// subject to object carrying every
// Record column as a typed attribute, the predicate as its label. All
// edges are directed, even for symmetric predicates (met): networkx
// refuses undirected edges in a directed graph.
func writeGraphML(ctx context.Context, w io.Writer, sel *Selection) (int, error) {
	bw := bufio.NewWriterSize(w, 1<<16)
	bw.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
  <key id="n_label" for="node" attr.name="label" attr.type="string"/>
  <key id="e_label" for="edge" attr.name="label" attr.type="string"/>
`)
	for _, c := range entityColumns() {
		if c.name != "id" && c.name != "name" {
			fmt.Fprintf(bw, "  <key id=\"n_%s\" for=\"node\" attr.name=\"%s\" attr.type=\"string\"/>\n", c.name, c.name)
		}
	}
	cols := flatColumns()
	for _, c := range cols {
		fmt.Fprintf(bw, "  <key id=\"e_%s\" for=\"edge\" attr.name=\"%s\" attr.type=\"%s\"/>\n", c.name, c.name, graphMLType(c.kind))
	}
	bw.WriteString("  <graph id=\"geokg\" edgedefault=\"directed\">\n")
	err := sel.Entities(ctx, func(e graph.Entity) error {
		graphMLNode(bw, e)
		return nil
	})
	if err != nil {
		return 0, err
	}
	n := 0
	var row []string
	err = sel.Facts(ctx, func(it Item) error {
		r := it.Record()
		row = flatRow(row[:0], &r)
		bw.WriteString(`    <edge id="`)
		xmlText(bw, r.ID)
		bw.WriteString(`" source="`)
		xmlText(bw, r.SubjectID)
		bw.WriteString(`" target="`)
		xmlText(bw, r.ObjectID)
		bw.WriteString(`">`)
		graphMLData(bw, "e_label", r.Predicate)
		for i, c := range cols {
			if row[i] != "" {
				graphMLData(bw, "e_"+c.name, row[i])
			}
		}
		bw.WriteString("</edge>\n")
		n++
		return nil
	})
	if err != nil {
		return n, err
	}
	bw.WriteString("  </graph>\n</graphml>\n")
	if err := bw.Flush(); err != nil {
		return n, fmt.Errorf("export graphml: %w", err)
	}
	return n, nil
}
