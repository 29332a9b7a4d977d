package store

import (
	"context"
	"math/rand"
	"os"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph"
)

// claimSrc is a source published on pub stating the given bounds.
func claimSrc(article, pub, start, end string, ended bool) graph.Source {
	return graph.Source{Article: article, Sentence: "s " + article, Published: d(pub),
		Claim: graph.Claim{Start: d(start), End: d(end), Ended: ended, Confidence: 0.8}}
}

func TestSplitTerms(t *testing.T) {
	cases := []struct {
		name  string
		srcs  []graph.Source
		want  []graph.Term
		ended bool
	}{
		{"one term, refined start", []graph.Source{
			claimSrc("a", "2020-01-01", "2017", "", false),
			claimSrc("b", "2020-02-01", "2017-01-20", "", false)}, nil, false},
		{"one term, stated end after the start", []graph.Source{
			claimSrc("a", "2020-01-01", "2017-01-20", "", false),
			claimSrc("b", "2022-01-01", "", "2021-01-20", true)}, nil, false},
		{"conflicting starts without an end between", []graph.Source{
			claimSrc("a", "2024-10-02", "2024-10-01", "", false),
			claimSrc("b", "2025-10-22", "2024-10-03", "", false)}, nil, false},
		{"two terms by a stated end", []graph.Source{
			claimSrc("a", "2020-01-01", "2017-01-20", "", false),
			claimSrc("b", "2022-01-01", "", "2021-01-20", false),
			claimSrc("c", "2025-01-21", "2025-01-20", "", false)},
			[]graph.Term{{Start: d("2017-01-20"), End: d("2021-01-20")}, {Start: d("2025-01-20")}}, false},
		{"an earlier term known only as former", []graph.Source{
			claimSrc("a", "2023-05-01", "", "", true),
			claimSrc("b", "2025-01-21", "2025-01-20", "", false)},
			[]graph.Term{{End: d("2023-05-01"), Over: true}, {Start: d("2025-01-20")}}, false},
		{"three terms, the last over", []graph.Source{
			claimSrc("a", "2010-01-01", "2008-05", "", false),
			claimSrc("b", "2013-01-01", "", "2012-05", false),
			claimSrc("c", "2016-01-01", "2015", "", false),
			claimSrc("d", "2018-01-01", "", "", true),
			claimSrc("e", "2021-01-01", "2020-03-01", "", false),
			claimSrc("f", "2024-01-01", "", "", true)},
			[]graph.Term{{Start: d("2008-05"), End: d("2012-05")}, {Start: d("2015"), End: d("2018-01-01"), Over: true}, {Start: d("2020-03-01")}}, true},
	}
	for _, c := range cases {
		got, ended := graph.SplitTerms(c.srcs)
		assert.Equal(t, c.want, got, c.name)
		assert.Equal(t, c.ended, ended, c.name)
		// The order of the sources does not matter.
		rng := rand.New(rand.NewSource(1))
		for range 5 {
			srcs := append([]graph.Source(nil), c.srcs...)
			rng.Shuffle(len(srcs), func(i, j int) { srcs[i], srcs[j] = srcs[j], srcs[i] })
			got, _ := graph.SplitTerms(srcs)
			assert.Equal(t, c.want, got, c.name+" shuffled")
		}
	}
}

// TestTwoTermsStored checks that a leader's two terms, told by articles
// arriving in any order, are stored as the latest term with the earlier
// one beside it, and read back the same way.
func TestTwoTermsStored(t *testing.T) {
	batches := func() []graph.Batch {
		return []graph.Batch{
			timeBatch("t1", "2020-06-01", state(trump, graph.Leads, usa, "President", "2017-01-20", "", false)),
			timeBatch("t2", "2023-05-01", state(trump, graph.Leads, usa, "President", "", "", true)),
			timeBatch("t3", "2025-01-21", state(trump, graph.Leads, usa, "President", "2025-01-20", "", false)),
		}
	}
	id := idOf(state(trump, graph.Leads, usa, "President", "", "", false))
	var want graph.Fact
	for round, order := range [][]int{{0, 1, 2}, {2, 1, 0}, {1, 2, 0}} {
		s := openMemory(t)
		bs := batches()
		for i, k := range order {
			_, err := s.Write(context.Background(), bs[k], t0.Add(time.Duration(i)*time.Hour))
			require.NoError(t, err)
		}
		f, err := s.Fact(context.Background(), id)
		require.NoError(t, err)
		assert.Equal(t, "2025-01-20", f.Start.String())
		assert.True(t, f.End.IsZero())
		assert.False(t, f.Ended, "the latest term is open")
		assert.Equal(t, []graph.Term{{Start: d("2017-01-20"), End: d("2023-05-01"), Over: true}}, f.EarlierTerms)
		got := snapshot(t, s)[id]
		if round == 0 {
			want = got
		}
		assert.Equal(t, want, got)
	}
}

// d parses a date of a test table.
func d(s string) graph.Date {
	v, err := graph.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return v
}

// TestStartAfterStored checks that the lower bound of an unknown start
// (graph.Fact.StartAfter) and the upper bound of the end of the term
// before it (graph.Fact.EndBy) are stored whatever order their articles
// arrive in, read back from the evidence record and from the
// quads of a store without records, and cleared when an article states
// the start.
func TestStartAfterStored(t *testing.T) {
	ctx := context.Background()
	batches := func() []graph.Batch {
		return []graph.Batch{
			timeBatch("k1", "2021-12-01", state(kishida, graph.Leads, japan, "Prime Minister", "2021-10-04", "", false)),
			timeBatch("k2", "2024-11-20", state(ishiba, graph.Leads, japan, "Prime Minister", "", "", false)),
		}
	}
	id := idOf(state(ishiba, graph.Leads, japan, "Prime Minister", "", "", false))
	kid := idOf(state(kishida, graph.Leads, japan, "Prime Minister", "", "", false))
	open := map[string]func(t *testing.T) *Store{
		"memory": func(t *testing.T) *Store { return openMemory(t) },
		"bbolt":  func(t *testing.T) *Store { return openBoltDir(t, t.TempDir()) },
	}
	if os.Getenv("GEOKG_TEST_POSTGRES") != "" {
		open["postgres"] = openPostgres
	}
	for name, opener := range open {
		for _, order := range [][]int{{0, 1}, {1, 0}} {
			s := opener(t)
			bs := batches()
			for i, k := range order {
				_, err := s.Write(ctx, bs[k], t0.Add(time.Duration(i)*time.Hour))
				require.NoError(t, err)
			}
			f, err := s.Fact(ctx, id)
			require.NoError(t, err)
			assert.Equal(t, "2021-12-01", f.StartAfter.String(), "%s %v", name, order)
			node, ok, err := reader{qs: s.qs}.factNode(ctx, id)
			require.NoError(t, err)
			require.True(t, ok)
			assert.Equal(t, "2021-12-01", node.StartAfter.String(), "%s %v: the quad", name, order)
			// The earlier holder, whose start is known, was out of office
			// by the later one's first report, whichever came first.
			k, err := s.Fact(ctx, kid)
			require.NoError(t, err)
			assert.Equal(t, "2024-11-20", k.End.String(), "%s %v: the earlier term's end", name, order)
			assert.True(t, k.EndBy, "%s %v: an upper bound", name, order)
			// An article stating the start clears the bound.
			_, err = s.Write(ctx, timeBatch("k3", "2024-12-01", state(ishiba, graph.Leads, japan, "Prime Minister", "2024-10-01", "", false)), t0.Add(5*time.Hour))
			require.NoError(t, err)
			f, err = s.Fact(ctx, id)
			require.NoError(t, err)
			assert.Equal(t, "2024-10-01", f.Start.String())
			assert.True(t, f.StartAfter.IsZero(), "%s %v: %v", name, order, f.StartAfter)
			node, _, err = reader{qs: s.qs}.factNode(ctx, id)
			require.NoError(t, err)
			assert.True(t, node.StartAfter.IsZero(), "%s %v: the quad %v", name, order, node.StartAfter)
		}
	}
}
