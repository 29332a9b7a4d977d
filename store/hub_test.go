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

// hubEvents is how many partners the hub of TestWriteReadsPairNotHub has
// met before the write under test.
const hubEvents = 300

// hubBatch returns article id, published on day pub, stating each of
// facts (subject, predicate, object, date; a zero date is undated) in a
// sentence of its own, with the entities they name.
func hubBatch(id string, pub graph.Date, ents []graph.Entity, facts ...graph.Fact) graph.Batch {
	a := graph.Article{ID: id, Published: pub, Hash: "h-" + id}
	b := graph.Batch{Article: a, Entities: ents}
	for i, f := range facts {
		f.Confidence = 0.8
		f.Sources = []graph.Source{{Article: id, Sentence: fmt.Sprintf("%s %s %s (%d).", f.Subject, f.Predicate, f.Object, i)}}
		b.Facts = append(b.Facts, f)
	}
	return b
}

// TestWriteReadsPairNotHub checks that writing an event of a hub entity
// reads the stored facts between the two entities it names, not every
// fact of the hub: a head of government meets hundreds of people, and a
// write that read all of those meetings for each new one slowed ingest
// down as the store grew. The write starts with nothing cached (as after
// the cache is trimmed, or in a new process) and must still find the
// stored event that its undated statement restates; what it read of the
// pair is kept up to date for the next write.
func TestWriteReadsPairNotHub(t *testing.T) {
	ctx := context.Background()
	open := func(dsn string) func(t *testing.T) *Store {
		return func(t *testing.T) *Store {
			s, err := Open(ctx, dsn, Options{})
			require.NoError(t, err)
			t.Cleanup(func() { s.Close() })
			return s
		}
	}
	for _, backend := range []struct {
		name string
		open func(t *testing.T) *Store
	}{
		{"memory", open(MemoryDSN)},
		{"bbolt", open(filepath.Join(t.TempDir(), "db"))},
		{"postgres", openPostgres},
	} {
		t.Run(backend.name, func(t *testing.T) {
			s := backend.open(t)
			hub := graph.Entity{ID: graph.EntityID(graph.Person, "Hana Hubova"), Name: "Hana Hubova", Type: graph.Person}
			ents := []graph.Entity{hub}
			var met []graph.Fact
			for i := range hubEvents {
				p := graph.Entity{ID: graph.EntityID(graph.Person, fmt.Sprintf("Partner Number%d", i)), Name: fmt.Sprintf("Partner Number%d", i), Type: graph.Person}
				ents = append(ents, p)
				met = append(met, graph.Fact{Subject: hub.ID, Predicate: graph.Met, Object: p.ID, Date: graph.DayOf(2024, time.February, 1+i%28)})
			}
			_, err := s.Write(ctx, hubBatch("hub-history", graph.DayOf(2024, time.March, 1), ents, met...), t0)
			require.NoError(t, err)

			s.cache = newInferCache() // cold: nothing read before
			newcomer := graph.Entity{ID: graph.EntityID(graph.Person, "Nora Newcomer"), Name: "Nora Newcomer", Type: graph.Person}
			// Partner 27 met the hub on 28 February; an article of 2 March
			// restates that meeting undated, and tells a new one dated.
			restated := graph.Fact{Subject: hub.ID, Predicate: graph.Met, Object: ents[28].ID}
			fresh := graph.Fact{Subject: hub.ID, Predicate: graph.Met, Object: newcomer.ID, Date: graph.DayOf(2024, time.March, 1)}
			_, err = s.Write(ctx, hubBatch("hub-news", graph.DayOf(2024, time.March, 2), []graph.Entity{hub, ents[28], newcomer}, restated, fresh), t0.Add(time.Second))
			require.NoError(t, err)

			for key, ls := range s.cache.links {
				require.Less(t, len(ls), hubEvents/2, "the write read %d direct triples of %q: the hub's, not the pair's", len(ls), key)
			}
			stored := met[27]
			stored.ComputeID()
			f, err := s.Fact(ctx, stored.ID)
			require.NoError(t, err)
			require.Len(t, f.Sources, 2, "the undated restatement is a source of the stored meeting")

			// The pair read for the new meeting (none stored then) is kept
			// for later writes, and must now hold it.
			again := graph.Fact{Subject: hub.ID, Predicate: graph.Met, Object: newcomer.ID}
			_, err = s.Write(ctx, hubBatch("hub-later", graph.DayOf(2024, time.March, 4), []graph.Entity{hub, newcomer}, again), t0.Add(2*time.Second))
			require.NoError(t, err)
			fresh.ComputeID()
			f, err = s.Fact(ctx, fresh.ID)
			require.NoError(t, err)
			require.Len(t, f.Sources, 2, "the later undated restatement is a source of the new meeting")
		})
	}
}
