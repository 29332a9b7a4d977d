package store

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph"
)

// restateEnts are the two entities of the restated fact of
// BenchmarkRestate.
var restateEnts = []graph.Entity{
	{ID: graph.EntityID(graph.Person, "Ana Restated"), Name: "Ana Restated", Type: graph.Person},
	{ID: graph.EntityID(graph.Country, "Restatia"), Name: "Restatia", Type: graph.Country},
}

// restateBatch returns article a's batch stating that Ana Restated leads
// Restatia since 10 January 2024 in n sentences.
func restateBatch(a, n int) graph.Batch {
	ar := graph.Article{ID: fmt.Sprintf("restate-%d", a), Published: graph.DayOf(2024, time.March, 1+a%28), Hash: fmt.Sprint("r", a)}
	b := graph.Batch{Article: ar, Entities: restateEnts}
	f := graph.Fact{Subject: restateEnts[0].ID, Predicate: graph.Leads, Object: restateEnts[1].ID, Role: "president",
		Start: graph.DayOf(2024, time.January, 10), Confidence: 0.8}
	for i := range n {
		f.Sources = append(f.Sources, graph.Source{Article: ar.ID, Sentence: fmt.Sprintf("Ana Restated, Restatia's president (%d).", i)})
	}
	b.Facts = []graph.Fact{f}
	return b
}

// BenchmarkRestate measures what one more statement of a fact costs, and
// what reading that fact costs, as the number of sources it already has
// grows (10, 1,000, 10,000, 100,000), on memory and bbolt (group commit
// on, so fsync is left out). Each article is recorded a second after the
// one before, as ingestion records them at the time of writing.
// "restate" writes one new article stating the fact once (each iteration adds a source: run it with a fixed -benchtime such
// as 100x); "fact" reads it (Store.Fact); "query" reads it as `query facts
// --object X --predicate leads --all-sources` does (Store.Facts, every
// source); "evidence" as it does by default (FactFilter.Evidence). The slope across the
// sizes is the figure: flat means the cost does not grow with the
// sources.
func BenchmarkRestate(b *testing.B) {
	ctx := context.Background()
	for _, backend := range []string{"memory", "bbolt"} {
		for _, n := range []int{10, 1000, 10000, 100000} {
			dsn := MemoryDSN
			if backend == "bbolt" {
				dsn = filepath.Join(b.TempDir(), "db")
			}
			s, err := Open(ctx, dsn, Options{})
			require.NoError(b, err)
			require.NoError(b, s.SetGroupCommit(true))
			per := min(n, 100)
			for a := 0; a*per < n; a++ {
				_, err := s.Write(ctx, restateBatch(a, per), t0.Add(time.Duration(a)*time.Second))
				require.NoError(b, err)
			}
			next := n / per
			id := restateBatch(0, 1).Facts[0].ComputeID()
			b.Run(fmt.Sprintf("%s/sources=%d/restate", backend, n), func(b *testing.B) {
				for range b.N {
					_, err := s.Write(ctx, restateBatch(next, 1), t0.Add(time.Duration(next)*time.Second))
					require.NoError(b, err)
					next++
				}
			})
			b.Run(fmt.Sprintf("%s/sources=%d/fact", backend, n), func(b *testing.B) {
				for range b.N {
					f, err := s.Fact(ctx, id)
					require.NoError(b, err)
					require.GreaterOrEqual(b, graph.IndependentSources(f), 1)
				}
			})
			b.Run(fmt.Sprintf("%s/sources=%d/query", backend, n), func(b *testing.B) {
				for range b.N {
					seen := 0
					err := s.Facts(ctx, FactFilter{Objects: []string{restateEnts[1].ID}, Predicate: graph.Leads}, func(graph.Fact) error {
						seen++
						return nil
					})
					require.NoError(b, err)
					require.Equal(b, 1, seen)
				}
			})
			b.Run(fmt.Sprintf("%s/sources=%d/evidence", backend, n), func(b *testing.B) {
				for range b.N {
					seen := 0
					err := s.Facts(ctx, FactFilter{Objects: []string{restateEnts[1].ID}, Predicate: graph.Leads, Evidence: true}, func(f graph.Fact) error {
						seen += f.NumSources()
						return nil
					})
					require.NoError(b, err)
					require.Greater(b, seen, 1)
				}
			})
			require.NoError(b, s.Close())
		}
	}
}
