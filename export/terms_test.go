package export

import (
	"bytes"
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/store"
)

// twoTermStore holds one leader whose three articles tell two terms.
func twoTermStore(t *testing.T) *store.Store {
	ctx := context.Background()
	s, err := store.Open(ctx, store.MemoryDSN, store.Options{})
	require.NoError(t, err)
	t.Cleanup(func() { s.Close() })
	write := func(id, pub, start string, ended bool) {
		st, _ := graph.ParseDate(start)
		p, _ := graph.ParseDate(pub)
		f := graph.Fact{Subject: rutte.ID, Predicate: graph.Leads, Object: nl.ID, Role: "Prime Minister",
			Start: st, Ended: ended, Confidence: 0.8, Sources: []graph.Source{{Article: id, Sentence: "sentence " + id}}}
		_, err := s.Write(ctx, graph.Batch{Article: graph.Article{ID: id, Published: p, Hash: id},
			Entities: []graph.Entity{rutte, nl}, Facts: []graph.Fact{f}}, testNow)
		require.NoError(t, err)
	}
	write("t1", "2012-01-05", "2010-10-14", false)
	write("t2", "2015-03-01", "", true)
	write("t3", "2018-01-05", "2017-10", false)
	return s
}

func TestEarlierTermsExported(t *testing.T) {
	s := twoTermStore(t)
	out, n := run(t, s, "jsonl", Filter{}, false)
	require.Equal(t, 1, n)
	var r Record
	require.NoError(t, json.NewDecoder(bytes.NewReader(out)).Decode(&r))
	require.Equal(t, "2017-10", r.Start)
	require.Equal(t, []TermRecord{{Start: "2010-10-14", StartPrecision: "day", End: "2015-03-01", EndPrecision: "day"}}, r.EarlierTerms)

	type pqTerm struct {
		Start *int32 `parquet:"start,date"`
		End   *int32 `parquet:"end,date"`
	}
	type pqRow struct {
		ID    string   `parquet:"id"`
		Terms []pqTerm `parquet:"earlier_terms,list"`
	}
	out, _ = run(t, s, "parquet", Filter{}, false)
	f, rows := readParquet[pqRow](t, out)
	col, ok := f.Schema().Lookup("earlier_terms", "list", "element", "start")
	require.True(t, ok)
	require.Equal(t, "DATE", col.Node.Type().LogicalType().String())
	require.Len(t, rows, 1)
	require.Len(t, rows[0].Terms, 1)
	require.Equal(t, days(2010, time.October, 14), *rows[0].Terms[0].Start)
	require.Equal(t, days(2015, time.March, 1), *rows[0].Terms[0].End)
}
