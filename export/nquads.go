package export

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"

	"github.com/geokg/geokg/store"
)

// The N-Quads export is the store's own quads (store/encode.go) with the
// internal "geokg:" IRIs mapped to full HTTP IRIs that RDF tools accept,
// and every typed literal written with its full XSD datatype IRI:
//
//	<geokg:entity/person/x>  ↔ <https://geokg.dev/id/entity/person/x>  (and fact/, source/, article/)
//	<geokg:name>             ↔ <https://geokg.dev/ns#name>             (properties and classes)
//	<geokg:rel/met>          ↔ <https://geokg.dev/rel/met>             (direct entity-to-entity triples)
//
// ReadNQuads maps them back, so `geokg import` of an export rebuilds the
// same store.
const (
	// IDBase prefixes the IRIs of entities, facts, sources and articles.
	IDBase = "https://geokg.dev/id/"
	// VocabBase prefixes the IRIs of geokg's properties and classes.
	VocabBase = "https://geokg.dev/ns#"
	// RelBase prefixes the predicates of the direct entity-to-entity triples.
	RelBase = "https://geokg.dev/rel/"

	xsdNS = "http://www.w3.org/2001/XMLSchema#"
)

func init() {
	Register(Format{
		Name: "nquads", Ext: "nq", Base: "graph",
		Summary: "RDF N-Quads with full IRIs and XSD datatypes; re-importable with 'geokg import'",
		Facts:   writeNQuads,
	})
}

// QuadSource is a Source that can also dump its raw quads; *store.Store is one.
type QuadSource interface {
	Source
	DumpQuads(ctx context.Context, fn func(quad.Quad) error) error
	DumpReachable(ctx context.Context, roots []quad.Value, seen map[quad.Value]bool,
		follow func(quad.Quad) bool, fn func(quad.Quad) error) error
}

// ToRDF maps a value of the store's encoding to its exported form: geokg
// IRIs become full HTTP IRIs; other values are unchanged.
func ToRDF(v quad.Value) quad.Value {
	ns, local, ok := store.SplitIRI(v)
	if !ok {
		return v
	}
	for _, b := range rdfBases {
		if b.ns == ns {
			return quad.IRI(b.base + local)
		}
	}
	return v
}

// rdfBases maps each namespace of the store's IRIs to its exported base.
var rdfBases = []struct {
	ns   store.Namespace
	base string
}{{store.NodeNS, IDBase}, {store.RelNS, RelBase}, {store.VocabNS, VocabBase}}

// FromRDF maps an exported value back to the store's encoding (the inverse
// of ToRDF); other values are unchanged.
func FromRDF(v quad.Value) quad.Value {
	iri, ok := v.(quad.IRI)
	if !ok {
		return v
	}
	s := string(iri)
	for _, b := range rdfBases {
		if strings.HasPrefix(s, b.base) {
			return store.JoinIRI(b.ns, s[len(b.base):])
		}
	}
	return v
}

// writeNQuads writes the selection as N-Quads: every quad of the store when
// the filter is empty (streamed in the store's order), else the quads of
// the selected facts with their entities, sources and articles.
func writeNQuads(ctx context.Context, w io.Writer, sel *Selection) (int, error) {
	qs, ok := sel.Source().(QuadSource)
	if !ok {
		return 0, fmt.Errorf("export nquads: the store cannot dump its quads")
	}
	bw := bufio.NewWriterSize(w, 1<<16)
	write := func(q quad.Quad) error { return writeQuad(bw, q) }
	n := 0
	var err error
	if sel.Filter().IsZero() {
		err = qs.DumpQuads(ctx, func(q quad.Quad) error {
			if isFactNode(q) && sel.Progress != nil {
				sel.Progress()
			}
			if isFactNode(q) {
				n++
			}
			return write(q)
		})
	} else {
		// A fact's links to other facts (end_inferred_from) are kept but
		// not followed: a fact outside the selection is not exported.
		// seen keeps the shared nodes (entities, articles) written so far;
		// a fact's own nodes (itself, its sources: no other fact reaches
		// them) are forgotten once written, so that it does not grow
		// with the facts.
		seen := map[quad.Value]bool{}
		var own []quad.Value
		follow := func(q quad.Quad) bool {
			switch kind, _, _ := store.ParseIRI(q.Object); kind {
			case store.KindFact:
				return false
			case store.KindSource:
				own = append(own, q.Object)
			}
			return true
		}
		err = sel.Facts(ctx, func(it Item) error {
			n++
			root := store.FactIRI(it.Fact.ID)
			own = append(own[:0], root)
			err := qs.DumpReachable(ctx, []quad.Value{root}, seen, follow, write)
			for _, v := range own {
				delete(seen, v)
			}
			return err
		})
	}
	if err != nil {
		return n, err
	}
	if err := bw.Flush(); err != nil {
		return n, fmt.Errorf("export nquads: %w", err)
	}
	return n, nil
}

// classFact is the class of fact nodes, to count facts in a raw dump.
var classFact = store.MakeIRI(store.KindVocab, "Fact")

// isFactNode reports whether q is the rdf:type quad of a fact node.
func isFactNode(q quad.Quad) bool {
	p, ok := q.Predicate.(quad.IRI)
	return ok && p == "http://www.w3.org/1999/02/22-rdf-syntax-ns#type" && q.Object == classFact
}

// writeQuad writes q, mapped with ToRDF, as one N-Quads line.
func writeQuad(w *bufio.Writer, q quad.Quad) error {
	for i, v := range []quad.Value{q.Subject, q.Predicate, q.Object, q.Label} {
		if v == nil {
			continue
		}
		if i > 0 {
			w.WriteByte(' ')
		}
		if err := writeTerm(w, ToRDF(v)); err != nil {
			return err
		}
	}
	_, err := w.WriteString(" .\n")
	return err
}

// writeTerm writes one RDF term in N-Quads syntax: literals with their
// full XSD datatype IRI, xsd:boolean as true/false, xsd:double in the
// shortest exact form, xsd:dateTime in UTC with the nanoseconds kept.
func writeTerm(w *bufio.Writer, v quad.Value) error {
	typed := func(lex, typ string) {
		writeLiteral(w, lex)
		w.WriteString("^^<")
		w.WriteString(typ)
		w.WriteByte('>')
	}
	switch x := v.(type) {
	case quad.IRI:
		w.WriteByte('<')
		writeIRI(w, string(x))
		w.WriteByte('>')
	case quad.BNode:
		w.WriteString("_:")
		w.WriteString(string(x))
	case quad.String:
		writeLiteral(w, string(x))
	case quad.LangString:
		writeLiteral(w, string(x.Value))
		w.WriteByte('@')
		w.WriteString(x.Lang)
	case quad.TypedString:
		typed(string(x.Value), string(x.Type.Full()))
	case quad.Bool:
		typed(strconv.FormatBool(bool(x)), xsdNS+"boolean")
	case quad.Int:
		typed(strconv.FormatInt(int64(x), 10), xsdNS+"integer")
	case quad.Float:
		typed(formatDouble(float64(x)), xsdNS+"double")
	case quad.Time:
		typed(time.Time(x).UTC().Format(time.RFC3339Nano), xsdNS+"dateTime")
	default:
		return fmt.Errorf("export nquads: cannot write value %v (%T)", v, v)
	}
	return nil
}

// formatDouble writes f in the xsd:double lexical space.
func formatDouble(f float64) string {
	switch {
	case math.IsNaN(f):
		return "NaN"
	case math.IsInf(f, 1):
		return "INF"
	case math.IsInf(f, -1):
		return "-INF"
	}
	return strconv.FormatFloat(f, 'g', -1, 64)
}

// writeLiteral writes s as a quoted N-Quads string, escaping quotes,
// backslashes and control characters; other text is written as UTF-8.
func writeLiteral(w *bufio.Writer, s string) {
	w.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			w.WriteString(`\"`)
		case '\\':
			w.WriteString(`\\`)
		case '\n':
			w.WriteString(`\n`)
		case '\r':
			w.WriteString(`\r`)
		case '\t':
			w.WriteString(`\t`)
		default:
			if r < 0x20 || r == 0x7f {
				fmt.Fprintf(w, `\u%04X`, r)
			} else {
				w.WriteRune(r)
			}
		}
	}
	w.WriteByte('"')
}

// writeIRI writes an IRI body, escaping with \u the characters N-Quads
// forbids in IRIs (the store's ids never hold them).
func writeIRI(w *bufio.Writer, s string) {
	for _, r := range s {
		if r <= 0x20 || strings.ContainsRune("<>\"{}|^`\\", r) {
			fmt.Fprintf(w, `\u%04X`, r)
			continue
		}
		w.WriteRune(r)
	}
}

// RDFReader reads an N-Quads export and yields its quads mapped back to
// the store's encoding (FromRDF); it is a quad.Reader for
// store.Store.LoadQuads. Its errors name the line they were found on
// (Line), and a line that is not a whole quad (a subject, predicate or
// object missing) is an error rather than skipped.
type RDFReader struct {
	r    *bufio.Reader
	line int
}

// ReadNQuads returns a reader of the N-Quads export r.
func ReadNQuads(r io.Reader) *RDFReader {
	return &RDFReader{r: bufio.NewReaderSize(r, 64<<10)}
}

// Line returns the number of the line the last quad (or error) was read
// from, counting from 1; blank lines and comments count.
func (r *RDFReader) Line() int { return r.line }

// ReadQuad returns the next quad in the store's encoding, or io.EOF. A
// quad whose subject is not a geokg IRI is ErrNotRDF: the file is not a
// geokg export and loading it would only add unreadable nodes.
func (r *RDFReader) ReadQuad() (quad.Quad, error) {
	var text string
	for {
		b, err := r.r.ReadString('\n')
		if err == io.EOF && b == "" {
			return quad.Quad{}, err
		}
		if err != nil && err != io.EOF { // a cut-off .gz, a failing disk
			return quad.Quad{}, fmt.Errorf("line %d: %w", r.line+1, err)
		}
		r.line++
		if text = strings.TrimSpace(b); text != "" && text[0] != '#' {
			break
		}
	}
	q, err := nquads.Parse(text)
	if err != nil {
		return quad.Quad{}, fmt.Errorf("line %d: %w", r.line, err)
	}
	if !q.IsValid() {
		return quad.Quad{}, fmt.Errorf("line %d: %w: subject, predicate and object are required", r.line, ErrNotRDF)
	}
	q.Subject, q.Predicate, q.Object = FromRDF(q.Subject), FromRDF(q.Predicate), FromRDF(q.Object)
	if q.Label != nil {
		q.Label = FromRDF(q.Label)
	}
	if _, _, ok := store.SplitIRI(q.Subject); !ok {
		return quad.Quad{}, fmt.Errorf("line %d: subject %v: %w", r.line, q.Subject, ErrNotRDF)
	}
	return q, nil
}
