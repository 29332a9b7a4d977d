package export

import (
	"bufio"
	"bytes"
	"context"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"
	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/store"
)

// sortedLines returns the lines of b in order.
func sortedLines(b []byte) []string {
	lines := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
	sort.Strings(lines)
	return lines
}

// importInto loads an N-Quads export into a fresh store at dsn.
func importInto(t *testing.T, dsn string, nq []byte) *store.Store {
	t.Helper()
	ctx := context.Background()
	s, err := store.Open(ctx, dsn, store.Options{})
	require.NoError(t, err)
	t.Cleanup(func() { s.Close() })
	n, err := s.LoadQuads(ctx, ReadNQuads(bytes.NewReader(nq)))
	require.NoError(t, err)
	require.Equal(t, len(sortedLines(nq)), n)
	return s
}

func TestNQuadsRoundTrip(t *testing.T) {
	src, _ := fixture(t, store.MemoryDSN)
	first, n := run(t, src, "nquads", Filter{}, false)
	require.Equal(t, 9, n, "facts counted")
	text := string(first)
	has := func(want string) {
		t.Helper()
		if !strings.Contains(text, want) {
			t.Errorf("the export lacks %s", want)
		}
	}
	if strings.Contains(text, "<geokg:") {
		t.Error("internal IRIs are not mapped")
	}
	has("<https://geokg.dev/id/entity/person/mark-rutte> <https://geokg.dev/ns#name> \"Mark Rutte\" .")
	// A fact's qualifiers other than its sides are in its evidence record.
	has(`<https://geokg.dev/ns#evidence_record> "{\"q\":1,\"s\":\"person/mark-rutte\",\"p\":\"leads\",\"o\":\"organization/nato\",` +
		`\"role\":\"Secretary General\",\"start\":\"2024-10\",\"c\":0.9,\"rec\":\"2026-11-01T12:00:00.123456789Z\",`)
	if strings.Contains(text, "ns#confidence") || strings.Contains(text, "XMLSchema#") {
		t.Error("a fact node written now has qualifier quads")
	}
	has(`<https://geokg.dev/rel/met>`)
	// A source's sentence and time sentences are in its packed JSON literal.
	has(`<https://geokg.dev/ns#packed> "{\"v\":1,\"s\":\"O'Neil criticized Rutte in November,\\nsaying \\\"enough\\\".\"`)
	has(`\"t\":[\"He became prime minister on 14 October 2010.\",\"His cabinet \\\"fell\\\"; he left on 2 July 2024.\"]}" .`)

	// A fact node of the layout before keeps its qualifiers as typed
	// literals, which the export writes with full datatype IRIs.
	old, err := store.Open(context.Background(), store.MemoryDSN, store.Options{})
	require.NoError(t, err)
	t.Cleanup(func() { old.Close() })
	var qs []quad.Quad
	for _, line := range []string{
		`<geokg:fact/x> <geokg:start> "2024-10"^^<http://www.w3.org/2001/XMLSchema#gYearMonth> .`,
		`<geokg:fact/x> <geokg:confidence> "0.9"^^<http://www.w3.org/2001/XMLSchema#double> .`,
		`<geokg:fact/x> <geokg:recorded_at> "2026-11-01T12:00:00.123456789Z"^^<http://www.w3.org/2001/XMLSchema#dateTime> .`,
	} {
		q, err := nquads.Parse(line)
		require.NoError(t, err)
		qs = append(qs, q)
	}
	_, err = old.LoadQuads(context.Background(), quad.NewReader(qs))
	require.NoError(t, err)
	var raw bytes.Buffer
	bw := bufio.NewWriter(&raw)
	require.NoError(t, old.DumpQuads(context.Background(), func(q quad.Quad) error { return writeQuad(bw, q) }))
	require.NoError(t, bw.Flush())
	text = raw.String()
	has(`"2024-10"^^<http://www.w3.org/2001/XMLSchema#gYearMonth>`)
	has(`"0.9"^^<http://www.w3.org/2001/XMLSchema#double>`)
	has(`"2026-11-01T12:00:00.123456789Z"^^<http://www.w3.org/2001/XMLSchema#dateTime>`)
	if strings.Contains(text, "^^<xsd:") {
		t.Error("datatypes are not full IRIs")
	}

	// memory → bbolt → memory: the same export, and the same facts.
	bolt := importInto(t, filepath.Join(t.TempDir(), "db"), first)
	second, _ := run(t, bolt, "nquads", Filter{}, false)
	require.Equal(t, sortedLines(first), sortedLines(second))
	mem := importInto(t, store.MemoryDSN, second)
	third, _ := run(t, mem, "nquads", Filter{}, false)
	require.Equal(t, sortedLines(first), sortedLines(third))

	want, _ := run(t, src, "jsonl", Filter{}, false)
	got, _ := run(t, bolt, "jsonl", Filter{}, false)
	require.Equal(t, string(want), string(got), "the imported store answers like the original")

	// Loading the same file again adds nothing.
	_, err = bolt.LoadQuads(context.Background(), ReadNQuads(bytes.NewReader(first)))
	require.NoError(t, err)
	again, _ := run(t, bolt, "nquads", Filter{}, false)
	require.Equal(t, sortedLines(first), sortedLines(again))
}

func TestNQuadsFiltered(t *testing.T) {
	src, ids := fixture(t, store.MemoryDSN)
	out, n := run(t, src, "nquads", Filter{Predicate: graph.Met}, false)
	require.Equal(t, 2, n)
	s := importInto(t, store.MemoryDSN, out)
	got, _ := run(t, s, "jsonl", Filter{}, false)
	want, _ := run(t, src, "jsonl", Filter{Predicate: graph.Met}, false)
	require.Equal(t, string(want), string(got), "the subgraph holds the selected facts whole")
	st, err := s.Stats(context.Background())
	require.NoError(t, err)
	require.Equal(t, store.Stats{Articles: 2, Entities: 4, Facts: 2, Sources: 3}, st)
	_, err = s.Fact(context.Background(), ids["rutte-nato"])
	require.ErrorIs(t, err, store.ErrNotFound)

	// Stoltenberg's end is inferred from Rutte's start: the link is kept,
	// Rutte's fact is not dragged in.
	out, n = run(t, src, "nquads", Filter{Entity: "Jens Stoltenberg"}, false)
	require.Equal(t, 1, n)
	s = importInto(t, store.MemoryDSN, out)
	st, err = s.Stats(context.Background())
	require.NoError(t, err)
	require.Equal(t, 1, st.Facts)
	f, err := s.Fact(context.Background(), ids["stolt-nato"])
	require.NoError(t, err)
	require.Equal(t, "2024-10", f.End.String())
}

// TestNQuadsFilteredWhole checks that a filter keeping every fact writes
// the same quads as the whole-store dump, each once: the facts' own nodes
// the writer forgets are never reached again.
func TestNQuadsFilteredWhole(t *testing.T) {
	src, _ := fixture(t, store.MemoryDSN)
	all, n := run(t, src, "nquads", Filter{}, false)
	require.Equal(t, 9, n)
	kept, n := run(t, src, "nquads", Filter{From: graph.YearOf(1800)}, false)
	require.Equal(t, 9, n)
	require.Equal(t, sortedLines(all), sortedLines(kept))
}

func TestIRIMapping(t *testing.T) {
	for in, out := range map[quad.IRI]quad.IRI{
		"geokg:entity/person/x":  "https://geokg.dev/id/entity/person/x",
		"geokg:fact/0a1b":        "https://geokg.dev/id/fact/0a1b",
		"geokg:article/d%20x":    "https://geokg.dev/id/article/d%20x",
		"geokg:name":             "https://geokg.dev/ns#name",
		"geokg:Fact":             "https://geokg.dev/ns#Fact",
		"geokg:rel/spoke_with":   "https://geokg.dev/rel/spoke_with",
		"http://example.org/x#y": "http://example.org/x#y",
	} {
		require.Equal(t, out, ToRDF(in), in)
		require.Equal(t, in, FromRDF(out), out)
	}
	require.Equal(t, quad.String("geokg:name"), ToRDF(quad.String("geokg:name")), "literals are not IRIs")
}

func TestReadNQuadsRejectsForeignFiles(t *testing.T) {
	s, err := store.Open(context.Background(), store.MemoryDSN, store.Options{})
	require.NoError(t, err)
	defer s.Close()
	_, err = s.LoadQuads(context.Background(), ReadNQuads(strings.NewReader(
		"<http://example.org/a> <http://example.org/b> \"c\" .\n")))
	require.ErrorIs(t, err, ErrNotRDF)
	_, err = s.LoadQuads(context.Background(), ReadNQuads(strings.NewReader("<https://geokg.dev/id/x/y> broken\n")))
	require.Error(t, err)
}

func TestWriteTerm(t *testing.T) {
	for v, want := range map[quad.Value]string{
		quad.Bool(true):         `"true"^^<http://www.w3.org/2001/XMLSchema#boolean>`,
		quad.Int(-3):            `"-3"^^<http://www.w3.org/2001/XMLSchema#integer>`,
		quad.Float(1e21):        `"1e+21"^^<http://www.w3.org/2001/XMLSchema#double>`,
		quad.String("a\x01b\\"): `"a\u0001b\\"`,
		quad.LangString{Value: "Путин", Lang: "ru"}:        `"Путин"@ru`,
		quad.TypedString{Value: "2024", Type: "xsd:gYear"}: `"2024"^^<http://www.w3.org/2001/XMLSchema#gYear>`,
		quad.BNode("b1"): `_:b1`,
	} {
		var buf bytes.Buffer
		w := bufio.NewWriter(&buf)
		require.NoError(t, writeTerm(w, v))
		require.NoError(t, w.Flush())
		require.Equal(t, want, buf.String())
		q, err := nquads.Parse("<s> <p> " + want + " .")
		require.NoError(t, err, want)
		if ts, ok := v.(quad.TypedString); ok {
			v = quad.TypedString{Value: ts.Value, Type: ts.Type.Full()}
		}
		require.Equal(t, quad.StringOf(v), quad.StringOf(q.Object), "the parser reads back %s", want)
	}
}
