package store

import (
	"context"
	"encoding/binary"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	bolt "go.etcd.io/bbolt"

	"github.com/geokg/geokg/graph"
)

// hubHistory returns k meetings of Trump with Rutte, Costa or NATO, one
// every three days back from the end of 2025, ten to an article, and a
// term of Trump's starting at the first of them.
func hubHistory(k int) []graph.Batch {
	end := time.Date(2025, time.December, 31, 0, 0, 0, 0, time.UTC)
	others := []graph.Entity{rutte, costa, nato}
	var bs []graph.Batch
	for i := 0; i < k; i += 10 {
		day := end.AddDate(0, 0, -3*i)
		a := art(fmt.Sprintf("hub%04d", i), 1)
		a.Published = graph.DateFromTime(day.AddDate(0, 0, 1))
		var fs []graph.Fact
		for j := i; j < min(i+10, k); j++ {
			f := fact(a, trump, graph.Met, others[j%3], fmt.Sprintf("Trump met them, meeting %d.", j))
			f.Date = graph.DateFromTime(end.AddDate(0, 0, -3*j))
			fs = append(fs, f)
		}
		bs = append(bs, batch(a, fs...))
	}
	a := art("hub-term", 1)
	a.Published = graph.DateFromTime(end.AddDate(0, 0, -3*k))
	lead := fact(a, trump, graph.Leads, usa, "Trump leads the United States.")
	lead.Role, lead.Start = "President", a.Published
	return append(bs, batch(a, lead))
}

// TestTimelineReadsDoNotGrow checks, in memory and on bbolt, that the
// latest page of a timeline, a page near its end and a window of a month
// read as many rows of the timeline index and as many facts for an
// entity with 800 facts as for one with 200 (both reaching more than a
// year before the window): the count, the page's rows from the nearer
// end, the state rows and the window's range of sort times. Counting
// every row, as the code before the counts did, read 801 rows for the
// latest page of the larger.
func TestTimelineReadsDoNotGrow(t *testing.T) {
	ctx := context.Background()
	type cost struct{ rows, facts int64 }
	measure := func(t *testing.T, dsn string, k int) (latest, nearEnd, window cost) {
		s, err := Open(ctx, dsn, Options{})
		require.NoError(t, err)
		defer s.Close()
		for i, b := range hubHistory(k) {
			_, err := s.Write(ctx, b, t0.Add(time.Duration(i)*time.Second))
			require.NoError(t, err)
		}
		ids := []string{trump.ID}
		run := func(read func() ([]graph.Fact, error)) cost {
			before := s.RowsRead()
			facts, err := read()
			require.NoError(t, err)
			return cost{rows: s.RowsRead() - before, facts: int64(len(facts))}
		}
		latest = run(func() ([]graph.Fact, error) {
			fs, total, ok, err := s.TimelineSpan(ctx, ids, TimelineSpan{Limit: 20, Latest: true}, true)
			require.True(t, ok)
			require.Equal(t, k+1, total, "the count")
			return fs, err
		})
		nearEnd = run(func() ([]graph.Fact, error) {
			fs, _, _, err := s.TimelineSpan(ctx, ids, TimelineSpan{Offset: k - 30, Limit: 20}, true)
			return fs, err
		})
		window = run(func() ([]graph.Fact, error) {
			fs, ok, err := s.TimelineWindow(ctx, ids, graph.Window{At: graph.MonthOf(2025, time.November)}, true)
			require.True(t, ok)
			return fs, err
		})
		return latest, nearEnd, window
	}
	for _, dsn := range []string{"memory", "bbolt"} {
		t.Run(dsn, func(t *testing.T) {
			open := func() string {
				if dsn == "memory" {
					return dsn
				}
				return filepath.Join(t.TempDir(), "db")
			}
			l1, n1, w1 := measure(t, open(), 200)
			l2, n2, w2 := measure(t, open(), 800)
			assert.Equal(t, cost{rows: 20, facts: 20}, l1, "latest page of 200")
			assert.Equal(t, l1, l2, "latest page: 200 facts, then 800")
			assert.Equal(t, n1, n2, "a page near the end: 200 facts, then 800")
			assert.Equal(t, w1, w2, "a month: 200 facts, then 800")
			assert.Less(t, w2.facts, int64(15), "a month's facts: its ten meetings, the term and the month's neighbours")
		})
	}
}

// TestTimelineCountsLegacy checks that a bbolt store whose timeline index
// predates the counts and the state rows answers as before — counting
// the rows, windows from the adjacency rows — and that Reindex adds
// them: the counts, then the writes keeping them.
func TestTimelineCountsLegacy(t *testing.T) {
	ctx := context.Background()
	s := openBoltDir(t, filepath.Join(t.TempDir(), "db"))
	bs := hubHistory(30)
	for i, b := range bs[:2] {
		_, err := s.Write(ctx, b, t0.Add(time.Duration(i)*time.Second))
		require.NoError(t, err)
	}
	// What the code before the counts wrote: no counts, no state rows.
	require.NoError(t, s.bolt.Update(func(tx *bolt.Tx) error {
		require.NoError(t, tx.DeleteBucket([]byte(timeCountsBucket)))
		require.Len(t, deleteTimeRows(t, tx, stateSep), 1, "the state marker (the term is written last)")
		return nil
	}))
	_, err := s.Write(ctx, bs[2], t0.Add(time.Hour))
	require.NoError(t, err, "a write to a store without the counts adds none, and fails nothing")
	_, counted, err := s.timeCount(ctx, trump.ID)
	require.NoError(t, err)
	assert.False(t, counted, "no counts: the rows are counted")
	checkTimelines(t, s, "before the counts", []string{trump.ID}, []string{rutte.ID})
	_, err = s.Reindex(ctx)
	require.NoError(t, err)
	n, counted, err := s.timeCount(ctx, trump.ID)
	require.NoError(t, err)
	assert.True(t, counted)
	assert.Equal(t, 30, n, "Trump's 30 meetings")
	_, err = s.Write(ctx, bs[3], t0.Add(2*time.Hour))
	require.NoError(t, err)
	checkTimelines(t, s, "reindexed", []string{trump.ID}, []string{rutte.ID}, []string{usa.ID})
}

// TestCheckTimeCounts checks, on every backend, that Check finds the
// entities whose timeline count does not match their rows — a count
// changed, a count of an entity with no rows — and none in a store
// written by this code or rebuilt by Reindex.
func TestCheckTimeCounts(t *testing.T) {
	ctx := context.Background()
	open := map[string]func(t *testing.T) *Store{
		"memory": func(t *testing.T) *Store { return openMemory(t) },
		"bbolt":  func(t *testing.T) *Store { return openBoltDir(t, t.TempDir()) },
	}
	if os.Getenv("GEOKG_TEST_POSTGRES") != "" {
		open["postgres"] = openPostgres
	}
	for name, opener := range open {
		t.Run(name, func(t *testing.T) {
			s := opener(t)
			for i, b := range hubHistory(30) {
				_, err := s.Write(ctx, b, t0.Add(time.Duration(i)*time.Second))
				require.NoError(t, err)
			}
			rep, err := s.Check(ctx, false)
			require.NoError(t, err)
			assert.Empty(t, rep.StaleCounts, "as written")
			// What a writer that keeps no counts, or damage, leaves:
			// Trump's count one short, a count for no rows.
			set := map[string]int{trump.ID: 30, "ghost": 2}
			switch {
			case s.mem != nil:
				maps.Copy(s.mem.times.counts, set)
			case s.bolt != nil:
				require.NoError(t, s.bolt.Update(func(tx *bolt.Tx) error {
					for ent, n := range set {
						if err := tx.Bucket([]byte(timeCountsBucket)).Put([]byte(ent), binary.AppendUvarint(nil, uint64(n))); err != nil {
							return err
						}
					}
					return nil
				}))
			case s.pg != nil:
				for ent, n := range set {
					_, err := s.pg.db.Exec(`INSERT INTO `+timeCountsTable+` (entity, n) VALUES ($1, $2) ON CONFLICT (entity) DO UPDATE SET n = excluded.n`, ent, n)
					require.NoError(t, err)
				}
			}
			rep, err = s.Check(ctx, false)
			require.NoError(t, err)
			assert.Equal(t, []string{"ghost", trump.ID}, rep.StaleCounts)
			_, err = s.Reindex(ctx)
			require.NoError(t, err)
			rep, err = s.Check(ctx, false)
			require.NoError(t, err)
			assert.Empty(t, rep.StaleCounts, "reindexed")
		})
	}
}
