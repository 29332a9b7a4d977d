package store

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	bolt "go.etcd.io/bbolt"

	"github.com/geokg/geokg/graph"
)

// timelineOrder returns the ids of facts in timeline order
// (graph.SortTime, then id).
func timelineOrder(facts []graph.Fact) []string {
	slices.SortFunc(facts, func(a, b graph.Fact) int {
		if c := graph.SortTime(&a).Compare(graph.SortTime(&b)); c != 0 {
			return c
		}
		return compareStrings(a.ID, b.ID)
	})
	return factIDs(facts)
}

// compareStrings orders two strings in byte order.
func compareStrings(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// factIDs returns the ids of facts, in their order.
func factIDs(facts []graph.Fact) []string {
	var ids []string
	for _, f := range facts {
		ids = append(ids, f.ID)
	}
	return ids
}

// checkTimelines compares the timeline index's pages of each of the sets
// of entities with every fact Facts finds of them, sorted.
func checkTimelines(t *testing.T, s *Store, step string, sets ...[]string) {
	t.Helper()
	ctx := context.Background()
	for _, ids := range sets {
		for _, evidence := range []bool{true, false} {
			facts := allFacts(t, s, FactFilter{Subjects: ids, EitherSide: true, Evidence: evidence})
			byID := map[string]graph.Fact{}
			for _, f := range facts {
				byID[f.ID] = f
			}
			want := timelineOrder(facts)
			all, ok, err := s.TimelinePage(ctx, ids, 0, 0, evidence)
			require.NoError(t, err)
			require.True(t, ok, "%s: the store has a timeline index", step)
			assert.Equal(t, want, factIDs(all), "%s: timeline of %v (evidence %v)", step, ids, evidence)
			for _, f := range all {
				assert.Equal(t, byID[f.ID], f, "%s: fact %s read as Facts reads it", step, f.ID)
			}
			var paged []string
			for off := 0; off < len(want)+2; off += 2 {
				page, ok, err := s.TimelinePage(ctx, ids, off, 2, evidence)
				require.NoError(t, err)
				require.True(t, ok)
				assert.LessOrEqual(t, len(page), 2)
				paged = append(paged, factIDs(page)...)
			}
			assert.Equal(t, want, paged, "%s: pages of 2 of %v", step, ids)
			// Counted from the newest: the last pages, oldest first,
			// and the whole timeline's count.
			for off := 0; off < len(want)+2; off += 2 {
				page, total, ok, err := s.TimelineSpan(ctx, ids, TimelineSpan{Offset: off, Limit: 3, Latest: true}, evidence)
				require.NoError(t, err)
				require.True(t, ok)
				assert.Equal(t, len(want), total, "%s: count of %v", step, ids)
				hi := max(0, len(want)-off)
				assert.Equal(t, append([]string{}, want[max(0, hi-3):hi]...), append([]string{}, factIDs(page)...), "%s: latest 3 before %d of %v", step, off, ids)
			}
			if len(ids) == 1 {
				// The count is the entity's rows.
				n, counted, err := s.timeCount(ctx, ids[0])
				require.NoError(t, err)
				rows := 0
				_, err = s.timeKeys(ctx, ids[0], 0, func(string) { rows++ })
				require.NoError(t, err)
				if counted {
					assert.Equal(t, rows, n, "%s: count of the rows of %s", step, ids[0])
				}
			}
			// In a window: the facts the rows leave include every fact
			// in force in it, read from the state rows and the range of
			// sort times, or from the adjacency rows.
			windows := []graph.Window{{At: graph.DayOf(2024, time.October, 3)}, {At: graph.YearOf(2023)}, {From: graph.MonthOf(2024, time.November)},
				{From: graph.DayOf(2024, time.October, 4), To: graph.MonthOf(2024, time.December)}, {To: graph.DayOf(2024, time.October, 2)}}
			for i := range 2 * len(windows) {
				w := windows[i/2]
				windowByStates = i%2 == 0
				var in []string
				for _, f := range all {
					if w.Holds(f) {
						in = append(in, f.ID)
					}
				}
				may, ok, err := s.TimelineWindow(ctx, ids, w, evidence)
				windowByStates = true
				require.NoError(t, err)
				if len(want) == 0 {
					assert.False(t, ok, "%s: no row of %v", step, ids)
					continue
				}
				require.True(t, ok, "%s: the store has an adjacency index", step)
				var got []string
				for _, f := range may {
					assert.Equal(t, byID[f.ID], f, "%s: fact %s read as Facts reads it", step, f.ID)
					if w.Holds(f) {
						got = append(got, f.ID)
					}
				}
				assert.Equal(t, in, got, "%s: timeline of %v in %+v", step, ids, w)
			}
			if len(ids) == 1 {
				checkAdjacent(t, s, step, ids[0], facts, evidence)
			}
		}
	}
}

// checkAdjacent compares the adjacency index's neighbours of entity id,
// for every predicate and each one, with those of its facts (as Facts
// reads them).
func checkAdjacent(t *testing.T, s *Store, step, id string, facts []graph.Fact, evidence bool) {
	t.Helper()
	timelineOrder(facts)
	for _, pred := range append([]string{""}, graph.Predicates...) {
		var want []Adjacent
		at := map[string]int{}
		for _, f := range facts {
			if pred != "" && f.Predicate != pred {
				continue
			}
			other := f.Object
			if other == id {
				other = f.Subject
			}
			i, seen := at[other]
			if !seen {
				i = len(want)
				at[other] = i
				want = append(want, Adjacent{ID: other})
			}
			a := &want[i]
			a.Facts++
			if !slices.Contains(a.Predicates, f.Predicate) {
				a.Predicates = append(a.Predicates, f.Predicate)
			}
			a.Latest = f
		}
		got, ok, err := s.Adjacent(context.Background(), id, pred, evidence)
		require.NoError(t, err)
		require.True(t, ok, "%s: the store has an adjacency index", step)
		assert.Equal(t, want, got, "%s: neighbours of %s by %q (evidence %v)", step, id, pred, evidence)
	}
	// The edges a path walks: one per fact and entity at its other side.
	var want, got []Edge
	for _, f := range facts {
		other := f.Object
		if other == id {
			other = f.Subject
		}
		want = append(want, Edge{Other: other, Predicate: f.Predicate, Fact: f.ID, Time: graph.SortTime(&f)})
	}
	edges, ok, err := s.AdjacentEdges(context.Background(), id)
	require.NoError(t, err)
	require.True(t, ok, "%s: the store has an adjacency index", step)
	got = append(got, edges...)
	byFact := func(a, b Edge) int { return compareStrings(a.Fact+"\x00"+a.Other, b.Fact+"\x00"+b.Other) }
	slices.SortFunc(want, byFact)
	slices.SortFunc(got, byFact)
	assert.Equal(t, want, got, "%s: edges of %s", step, id)
}

// testTimelineIndex checks that the timeline index follows writes that
// add facts, move an undated fact's first publication earlier, withdraw
// facts by an article's update and delete an article, and that Reindex
// rebuilds it as the writes left it.
func testTimelineIndex(t *testing.T, open func(t *testing.T) *Store) {
	ctx := context.Background()
	s := open(t)
	day := 24 * time.Hour
	sets := [][]string{{rutte.ID}, {trump.ID}, {nato.ID}, {rutte.ID, trump.ID}, {costa.ID}}
	_, ok, err := s.Adjacent(ctx, rutte.ID, "", false)
	require.NoError(t, err)
	require.True(t, ok, "a new store has an adjacency index")
	_, ok, err = s.timeCount(ctx, rutte.ID)
	require.NoError(t, err)
	require.True(t, ok, "a new store counts the timeline rows")

	a1 := art("t01", 10)
	lead := fact(a1, rutte, graph.Leads, nato, "Rutte leads NATO.") // undated: by first publication
	lead.Role = "Secretary General"
	met := fact(a1, trump, graph.Met, rutte, "Trump met Rutte on 3 October.")
	met.Date = graph.DayOf(2024, time.October, 3)
	_, err = s.Write(ctx, batch(a1, lead, met), t0)
	require.NoError(t, err)

	a2 := art("t02", 12)
	call := fact(a2, rutte, graph.SpokeWith, costa, "Rutte spoke with Costa in 2024.")
	call.Date = graph.YearOf(2024) // sorts before 3 October
	met2 := fact(a2, rutte, graph.Met, trump, "Rutte met Trump again on 3 October.")
	met2.Date = met.Date // the same event: one fact, whichever side
	_, err = s.Write(ctx, batch(a2, call, met2), t0.Add(day))
	require.NoError(t, err)
	checkTimelines(t, s, "written", sets...)

	// An article published earlier restates the undated term: it now
	// sorts by 1 October.
	a0 := art("t00", 1)
	again := fact(a0, rutte, graph.Leads, nato, "Rutte leads NATO, the Alliance.")
	again.Role = lead.Role
	_, err = s.Write(ctx, batch(a0, again), t0.Add(2*day))
	require.NoError(t, err)
	checkTimelines(t, s, "restated earlier", sets...)

	// A new version of t02 no longer states the call: withdrawn, it
	// leaves the timelines.
	v2 := a2
	v2.Hash = "hash-t02-v2"
	_, err = s.Write(ctx, batch(v2, met2), t0.Add(3*day))
	require.NoError(t, err)
	checkTimelines(t, s, "updated", sets...)
	page, _, err := s.TimelinePage(ctx, []string{costa.ID}, 0, 0, true)
	require.NoError(t, err)
	assert.Empty(t, page, "Costa's only fact was withdrawn")

	// Deleting t00 moves the term back to its first report.
	_, err = s.DeleteArticle(ctx, "t00", t0.Add(4*day))
	require.NoError(t, err)
	checkTimelines(t, s, "deleted", sets...)

	st, err := s.Reindex(ctx)
	require.NoError(t, err)
	assert.Equal(t, 2, st.Facts, "facts indexed: the term and the meeting")
	checkTimelines(t, s, "reindexed", sets...)
}

// TestTimelineIndexLegacy checks that a bbolt store written before the
// timeline index says it has none, and has one after Reindex.
func TestTimelineIndexLegacy(t *testing.T) {
	ctx := context.Background()
	s := openBoltDir(t, filepath.Join(t.TempDir(), "db"))
	require.NoError(t, s.bolt.Update(func(tx *bolt.Tx) error { return tx.DeleteBucket([]byte(timelineBucket)) }))
	a := art("l01", 3)
	met := fact(a, trump, graph.Met, rutte, "Trump met Rutte on 2 October.")
	met.Date = graph.DayOf(2024, time.October, 2)
	_, err := s.Write(ctx, batch(a, fact(a, rutte, graph.Leads, nato, "Rutte leads NATO."), met), t0)
	require.NoError(t, err, "a write to a store without the index adds nothing, and fails nothing")

	_, ok, err := s.TimelinePage(ctx, []string{rutte.ID}, 0, 1, true)
	require.NoError(t, err)
	assert.False(t, ok, "no index: the caller reads every fact")
	st, err := s.Reindex(ctx)
	require.NoError(t, err)
	assert.Equal(t, ReindexStats{Entities: 5, Facts: 2}, st)
	checkTimelines(t, s, "reindexed", []string{rutte.ID})
}

// TestAdjacencyLegacy checks that a bbolt store whose timeline index was
// written before adjacency rows says it has none, and has them after
// Reindex.
func TestAdjacencyLegacy(t *testing.T) {
	ctx := context.Background()
	s := openBoltDir(t, filepath.Join(t.TempDir(), "db"))
	a := art("j01", 3)
	met := fact(a, trump, graph.Met, rutte, "Trump met Rutte on 2 October.")
	met.Date = graph.DayOf(2024, time.October, 2)
	_, err := s.Write(ctx, batch(a, fact(a, rutte, graph.Leads, nato, "Rutte leads NATO."), met), t0)
	require.NoError(t, err)
	// What the code before adjacency rows wrote: timeline rows alone.
	require.NoError(t, s.bolt.Update(func(tx *bolt.Tx) error {
		require.Len(t, deleteTimeRows(t, tx, adjSep), 5, "the marker and a row for each side of two facts")
		return nil
	}))
	_, ok, err := s.Adjacent(ctx, rutte.ID, "", true)
	require.NoError(t, err)
	assert.False(t, ok, "no adjacency rows: the caller reads every fact")
	_, err = s.Reindex(ctx)
	require.NoError(t, err)
	checkTimelines(t, s, "reindexed", []string{rutte.ID}, []string{trump.ID})
}

// deleteTimeRows removes the timeline index rows whose entity part holds
// sep (a kind of row a store written by older code lacks) and returns
// their keys.
func deleteTimeRows(t *testing.T, tx *bolt.Tx, sep string) [][]byte {
	t.Helper()
	b := tx.Bucket([]byte(timelineBucket))
	var del [][]byte
	require.NoError(t, b.ForEach(func(k, _ []byte) error {
		if e, _, _ := strings.Cut(string(k), "\x00"); strings.Contains(e, sep) {
			del = append(del, slices.Clone(k))
		}
		return nil
	}))
	for _, k := range del {
		require.NoError(t, b.Delete(k))
	}
	return del
}
