package store

import (
	"context"
	"math/rand"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph"
)

// Entities of the time tests.
var (
	japan    = graph.Entity{ID: graph.EntityID(graph.Country, "Japan"), Name: "Japan", Type: graph.Country}
	kishida  = graph.Entity{ID: graph.EntityID(graph.Person, "Fumio Kishida"), Name: "Fumio Kishida", Type: graph.Person}
	ishiba   = graph.Entity{ID: graph.EntityID(graph.Person, "Shigeru Ishiba"), Name: "Shigeru Ishiba", Type: graph.Person}
	takaichi = graph.Entity{ID: graph.EntityID(graph.Person, "Sanae Takaichi"), Name: "Sanae Takaichi", Type: graph.Person}
	stolt    = graph.Entity{ID: graph.EntityID(graph.Person, "Jens Stoltenberg"), Name: "Jens Stoltenberg", Type: graph.Person}
	pct2     = graph.Entity{ID: graph.EntityID(graph.Value, "2% of GDP"), Name: "2% of GDP", Type: graph.Value}
	pct5     = graph.Entity{ID: graph.EntityID(graph.Value, "5% of GDP"), Name: "5% of GDP", Type: graph.Value}
)

// timeBatch builds a batch of an article published on pub.
func timeBatch(id, pub string, facts ...graph.Fact) graph.Batch {
	a := graph.Article{ID: id, Published: d(pub), Hash: "hash-" + id, URL: "https://news.example/" + id}
	for i := range facts {
		facts[i].Sources = []graph.Source{{Article: id, Sentence: "sentence " + id + " " + facts[i].Predicate}}
		if facts[i].Confidence == 0 {
			facts[i].Confidence = 0.8
		}
	}
	return graph.Batch{Article: a, Entities: []graph.Entity{japan, kishida, ishiba, takaichi, stolt, rutte, nato, trump, usa, pct2, pct5}, Facts: facts}
}

// state returns a state fact with the given bounds.
func state(s graph.Entity, p string, o graph.Entity, role, start, end string, ended bool) graph.Fact {
	return graph.Fact{Subject: s.ID, Predicate: p, Object: o.ID, Role: role, Start: d(start), End: d(end), Ended: ended}
}

// event returns an event fact on date.
func event(s graph.Entity, p string, o graph.Entity, date string) graph.Fact {
	return graph.Fact{Subject: s.ID, Predicate: p, Object: o.ID, Date: d(date)}
}

// historyBatches are articles that only together tell the whole story.
func historyBatches() []graph.Batch {
	return []graph.Batch{
		timeBatch("h1", "2024-01-10", state(kishida, graph.Leads, japan, "Prime Minister", "", "", false),
			state(stolt, graph.Leads, nato, "Secretary General", "2014-10", "", false),
			state(nato, graph.HasTarget, pct2, "", "2014-09", "", false)),
		timeBatch("h2", "2024-10-01", state(ishiba, graph.Leads, japan, "Prime Minister", "2024-10-01", "", false),
			event(ishiba, graph.Succeeded, kishida, "2024-10-01")),
		timeBatch("h3", "2024-10-03", state(rutte, graph.Leads, nato, "Secretary General", "2024-10", "", false),
			event(rutte, graph.Met, trump, "2024-11")),
		timeBatch("h4", "2024-11-30", state(rutte, graph.Leads, nato, "Secretary General", "2024-10-01", "", false),
			event(trump, graph.Met, rutte, "2024-11-29")),
		timeBatch("h5", "2025-02-04", state(stolt, graph.Leads, nato, "Secretary General", "", "", true),
			state(ishiba, graph.Leads, japan, "Prime Minister", "2024-10-01", "", false)),
		timeBatch("h6", "2025-06-25", state(nato, graph.HasTarget, pct5, "", "2025-06-25", "", false)),
		timeBatch("h7", "2025-10-21", state(takaichi, graph.Leads, japan, "Prime Minister", "2025-10-21", "", false),
			state(ishiba, graph.Leads, japan, "Prime Minister", "2024-10-03", "", false)),
		timeBatch("h8", "2024-11-29", event(rutte, graph.Met, trump, "2024-11-29")),
		// Undated restatements: of the meeting days before, and none.
		timeBatch("h9", "2024-12-02", event(trump, graph.Met, rutte, "")),
		timeBatch("h10", "2025-01-20", event(rutte, graph.Met, trump, "")),
	}
}

// snapshot returns every fact of s without recording times, by id.
func snapshot(t *testing.T, s *Store) map[string]graph.Fact {
	out := map[string]graph.Fact{}
	for _, f := range allFacts(t, s, FactFilter{}) {
		f.RecordedAt = time.Time{}
		for i := range f.Sources {
			f.Sources[i].RecordedAt = time.Time{}
		}
		sort.Slice(f.Sources, func(i, j int) bool { return sourceLess(f.Sources[i], f.Sources[j]) })
		out[f.ID] = f
	}
	return out
}

// ingest writes batches in order into s, an hour apart from t0.
func ingest(t *testing.T, s *Store, bs []graph.Batch) {
	for i, b := range bs {
		_, err := s.Write(context.Background(), b, t0.Add(time.Duration(i)*time.Hour))
		require.NoError(t, err)
	}
}

// checkHistory checks the facts the history batches must leave.
func checkHistory(t *testing.T, got map[string]graph.Fact) {
	t.Helper()
	find := func(f graph.Fact) graph.Fact {
		t.Helper()
		g, ok := got[f.ComputeID()]
		require.True(t, ok, "%s %s %s", f.Subject, f.Predicate, f.Object)
		return g
	}
	kish := find(state(kishida, graph.Leads, japan, "Prime Minister", "", "", false))
	ish := find(state(ishiba, graph.Leads, japan, "Prime Minister", "", "", false))
	tak := find(state(takaichi, graph.Leads, japan, "Prime Minister", "", "", false))
	assert.Equal(t, "2024-10-01", kish.End.String(), "Kishida's term ends where Ishiba's began")
	assert.Equal(t, ish.ID, kish.EndInferredFrom, "the successor's term is the provenance")
	assert.Equal(t, "2024-10-01", ish.Start.String(), "two articles against one")
	assert.Len(t, ish.Sources, 3, "the conflicting statement stays with its source")
	assert.Equal(t, "2025-10-21", ish.End.String())
	assert.Equal(t, tak.ID, ish.EndInferredFrom)
	assert.True(t, tak.End.IsZero())

	st := find(state(stolt, graph.Leads, nato, "Secretary General", "", "", false))
	ru := find(state(rutte, graph.Leads, nato, "Secretary General", "", "", false))
	assert.Equal(t, "2024-10-01", ru.Start.String(), "the most precise start")
	assert.Equal(t, "2024-10-01", st.End.String())
	assert.Equal(t, ru.ID, st.EndInferredFrom)
	assert.True(t, st.Ended)

	met := find(event(trump, graph.Met, rutte, "2024-11-29"))
	assert.Equal(t, rutte.ID, met.Subject, "oriented as the earliest source states it")
	assert.Len(t, met.Sources, 3, "h4, h8 and h9, which restates it undated")
	assert.Len(t, find(event(trump, graph.Met, rutte, "2024-11")).Sources, 1, "h9 restates the latest meeting it may")
	undated := find(event(trump, graph.Met, rutte, ""))
	require.Len(t, undated.Sources, 1)
	assert.Equal(t, "h10", undated.Sources[0].Article, "too late to restate a dated meeting")
	assert.Equal(t, rutte.ID, undated.Subject)

	old := find(state(nato, graph.HasTarget, pct2, "", "", "", false))
	assert.Equal(t, "2025-06-25", old.End.String(), "a replaced target ends where the new one begins")
}

func TestHistoryAnyOrder(t *testing.T) {
	want := func() map[string]graph.Fact {
		s := openMemory(t)
		ingest(t, s, historyBatches())
		got := snapshot(t, s)
		checkHistory(t, got)
		return got
	}()
	rng := rand.New(rand.NewSource(4))
	for round := 0; round < 12; round++ {
		bs := historyBatches()
		rng.Shuffle(len(bs), func(i, j int) { bs[i], bs[j] = bs[j], bs[i] })
		order := ""
		for _, b := range bs {
			order += b.Article.ID + " "
		}
		t.Run(order, func(t *testing.T) {
			s := openMemory(t)
			ingest(t, s, bs)
			got := snapshot(t, s)
			checkHistory(t, got)
			assert.Equal(t, want, got)
			// Re-ingesting everything changes nothing.
			before := snapshot(t, s)
			for _, b := range historyBatches() {
				st, err := s.Write(context.Background(), b, t0.Add(100*time.Hour))
				require.NoError(t, err)
				assert.Equal(t, graph.WriteStats{}, st)
			}
			assert.Equal(t, before, snapshot(t, s))
		})
	}
}

func TestHistoryBbolt(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "db")
	s := openBoltDir(t, dir)
	bs := historyBatches()
	ingest(t, s, []graph.Batch{bs[9], bs[6], bs[8], bs[4], bs[2], bs[0], bs[5], bs[3], bs[7], bs[1]})
	require.NoError(t, s.Close())
	s, err := Open(context.Background(), dir, Options{ReadOnly: true})
	require.NoError(t, err)
	defer s.Close()
	checkHistory(t, snapshot(t, s))
}

func TestWriteInfersEndsOfOtherFacts(t *testing.T) {
	ctx := context.Background()
	s := openMemory(t)
	bs := historyBatches()
	ingest(t, s, bs[:1])
	st, err := s.Write(ctx, bs[2], t0.Add(time.Hour)) // Rutte starts: Stoltenberg's term ends
	require.NoError(t, err)
	assert.Equal(t, 1, st.EndsInferred)
	f, err := s.Fact(ctx, idOf(state(stolt, graph.Leads, nato, "Secretary General", "", "", false)))
	require.NoError(t, err)
	assert.Equal(t, "2024-10", f.End.String())
	assert.False(t, f.Ended, "no source says it is over; the end is inferred")

	// Each source keeps its own claim; the fact takes the more precise.
	st, err = s.Write(ctx, bs[3], t0.Add(2*time.Hour))
	require.NoError(t, err)
	assert.Equal(t, 1, st.EndsInferred, "Stoltenberg's end moves to the precise start")
	f, err = s.Fact(ctx, idOf(state(rutte, graph.Leads, nato, "Secretary General", "", "", false)))
	require.NoError(t, err)
	require.Len(t, f.Sources, 2)
	assert.Equal(t, "2024-10", f.Sources[0].Start.String())
	assert.Equal(t, "2024-10-01", f.Sources[1].Start.String())
	assert.Equal(t, "2024-10-01", f.Start.String())
}
