package store

import (
	"testing"

	cayleygraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph"
)

// TestTimeRowsOfKnownRecords: the timeline rows of a write's records are
// read from the parsed forms the write holds (parsedRecords), the same
// rows as parsing the text gives, and a text it does not hold is parsed.
func TestTimeRowsOfKnownRecords(t *testing.T) {
	a := art("known-rows", 3)
	f := fact(a, trump, graph.Met, rutte, "Trump met Rutte in Brussels.")
	f.Date = graph.DayOf(2024, 11, 29)
	f.ID = f.ComputeID()
	g := f
	g.Date = graph.DayOf(2024, 12, 2)
	recF, parsedF, err := evidenceRecord(&f, nil, true)
	require.NoError(t, err)
	recG, parsedG, err := evidenceRecord(&g, nil, true)
	require.NoError(t, err)
	deltas := []cayleygraph.Delta{
		{Quad: quad.Make(FactIRI(f.ID), pRecord, quad.String(recF), nil), Action: cayleygraph.Delete},
		{Quad: quad.Make(FactIRI(f.ID), pRecord, quad.String(recG), nil), Action: cayleygraph.Add},
	}
	parsed := timeRowsOf(deltas, nil)
	require.NotEmpty(t, parsed.add)
	require.NotEmpty(t, parsed.del)
	require.Equal(t, parsed, timeRowsOf(deltas, parsedRecords{recF: parsedF, recG: parsedG}))
	require.Equal(t, parsed, timeRowsOf(deltas, parsedRecords{recG: parsedG}))

	// A parsed form held for a text is taken as it is, not parsed again.
	swapped := timeRowsOf(deltas, parsedRecords{recF: parsedG, recG: parsedF})
	require.Equal(t, parsed.add, swapped.del)
	require.Equal(t, parsed.del, swapped.add)
}
