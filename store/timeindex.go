package store

// The timeline index: for every entity, one row per fact naming it on
// either side, keyed by the fact's sort time (graph.SortTime) and id, in
// an ordered structure of the backend (a bbolt bucket, a PostgreSQL table,
// a sorted slice in memory), so that a page of an entity's timeline is a
// range of rows and reads only the facts it shows. The rows are read off
// the evidence records a write adds and removes (timeRowsOf): a record
// holds the fact's sides, dates and the sources that bound its first
// publication, which is all the sort time needs, and a changed record is
// one removed and one added, in the same transaction. A fact no live
// source states has no row. Reindex rebuilds the index from the facts; a
// store written before it existed has none (no bucket, no table) until
// then, and TimelinePage says so: callers read every fact of the entity
// as before. Beside the rows the index keeps each entity's count of them
// and its state rows (timecount.go), and its adjacency and undated rows
// (adjacency.go, restatecands.go).

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	cayleygraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	bolt "go.etcd.io/bbolt"

	"github.com/geokg/geokg/graph"
)

// timelineBucket is the bbolt bucket, and timelineTable the PostgreSQL
// table, of the timeline index.
const (
	timelineBucket = "geokg_timeline"
	timelineTable  = "geokg_timeline"
)

// sortKeyLen is the length of a row's sort key (sortKey).
const sortKeyLen = 24

// sortKey encodes t so that byte order is time order: the seconds since
// the epoch offset by 2^63, then the nanoseconds, in fixed-width hex.
func sortKey(t time.Time) string {
	return fmt.Sprintf("%016x%08x", uint64(t.Unix())+1<<63, t.Nanosecond())
}

// keyTime returns the sort time a timeline key k was written with
// (sortKey); ok is false for a key not of that form.
func keyTime(k string) (t time.Time, ok bool) {
	if len(k) < sortKeyLen {
		return time.Time{}, false
	}
	sec, err1 := strconv.ParseUint(k[:16], 16, 64)
	ns, err2 := strconv.ParseUint(k[16:sortKeyLen], 16, 32)
	if err1 != nil || err2 != nil {
		return time.Time{}, false
	}
	return time.Unix(int64(sec-1<<63), int64(ns)).UTC(), true
}

// timeRow is one row of the timeline index: an entity and, as key, the
// sort key and id of a fact naming it.
type timeRow struct{ entity, key string }

// bytes is the row as a bbolt key (and the memory index's): the entity, a
// zero byte, the key, so that an entity's rows are one range in time
// order.
func (r timeRow) bytes() []byte { return []byte(r.entity + "\x00" + r.key) }

// keyFact returns the id of the fact of timeline key k.
func keyFact(k string) string { return k[sortKeyLen:] }

// factRows returns the rows of fact f: one for each of its sides, and
// its adjacency rows (adjacency.go).
func factRows(f *graph.Fact) []timeRow {
	k := sortKey(graph.SortTime(f)) + f.ID
	rows := []timeRow{{entity: f.Subject, key: k}}
	if f.Object != f.Subject {
		rows = append(rows, timeRow{entity: f.Object, key: k})
	}
	rows = append(rows, adjRows(f, k)...)
	rows = append(rows, stateRows(f, k)...)
	return append(rows, undatedRows(f)...)
}

// recordRows returns the rows of the fact node v whose evidence record is
// rec, taking rec's parsed form from known when it holds it; none when rec
// is not a record of a fact a live source states.
func recordRows(v quad.Value, rec quad.Value, known parsedRecords) []timeRow {
	id, ok := idFromIRI(v, "fact/")
	if !ok {
		return nil
	}
	s, ok := rec.(quad.String)
	if !ok {
		return nil
	}
	r, err := known.parse(string(s))
	if err != nil {
		return nil
	}
	f, ok, err := r.fact("fact/" + id)
	if err != nil || !ok {
		return nil
	}
	return factRows(&f)
}

// timeRows are the rows a write adds to and removes from the timeline
// index.
type timeRows struct{ add, del []timeRow }

// empty reports whether the write changes no row.
func (t timeRows) empty() bool { return len(t.add) == 0 && len(t.del) == 0 }

// timeRowsOf returns the rows of the evidence records deltas add and
// remove; a row both removed and added (a record rewritten with the same
// sort time) is only added. Records known holds parsed (the write's own,
// see parsedRecords) are not parsed again; known may be nil.
func timeRowsOf(deltas []cayleygraph.Delta, known parsedRecords) timeRows {
	var t timeRows
	for _, d := range deltas {
		if d.Quad.Predicate != pRecord {
			continue
		}
		rows := recordRows(d.Quad.Subject, d.Quad.Object, known)
		if d.Action == cayleygraph.Add {
			t.add = append(t.add, rows...)
		} else {
			t.del = append(t.del, rows...)
		}
	}
	if len(t.add) > 0 && len(t.del) > 0 {
		t.del = slices.DeleteFunc(t.del, func(r timeRow) bool { return slices.Contains(t.add, r) })
	}
	return t
}

// putTimeRows writes rows into the bbolt timeline index, when the store
// has one, and changes the counts (timecount.go) by the timeline rows it
// removes and adds, when it keeps them: a row added again, or removed
// when missing, counts nothing.
func putTimeRows(tx *bolt.Tx, rows timeRows) error {
	b := checkedBucket(tx, []byte(timelineBucket))
	if b == nil {
		return nil
	}
	counts := checkedBucket(tx, []byte(timeCountsBucket))
	var delta map[string]int
	var c *bolt.Cursor
	// changes reports whether writing row r (its key k) changes the
	// index, counting it when it does: present when removed, missing
	// when added.
	changes := func(r timeRow, k []byte, d int) bool {
		if counts == nil || !r.counted() {
			return true
		}
		if c == nil {
			delta, c = map[string]int{}, b.Cursor()
		}
		got, _ := c.Seek(k)
		if present := bytes.Equal(got, k); present != (d < 0) {
			return false
		}
		delta[r.entity] += d
		return true
	}
	for _, r := range rows.del {
		if k := r.bytes(); changes(r, k, -1) {
			if err := b.Delete(k); err != nil {
				return fmt.Errorf("timeline index: %w", err)
			}
		}
	}
	for _, r := range rows.add {
		if k := r.bytes(); changes(r, k, 1) {
			if err := b.Put(k, nil); err != nil {
				return fmt.Errorf("timeline index: %w", err)
			}
		}
	}
	if len(delta) == 0 {
		return nil
	}
	return putTimeCounts(counts, delta)
}

// sortRows sorts rows in the order of their keys (timeRow.bytes).
func sortRows(rows []timeRow) {
	slices.SortFunc(rows, func(a, b timeRow) int {
		if c := strings.Compare(a.entity, b.entity); c != 0 {
			return c
		}
		return strings.Compare(a.key, b.key)
	})
}

// memTimes is the timeline index of the in-memory backend: its rows as
// bbolt keys, sorted, and the count of each entity's timeline rows
// (timecount.go).
type memTimes struct {
	rows   []string
	counts map[string]int
}

// apply removes and adds rows, and changes the counts by the timeline
// rows it removes and adds.
func (m *memTimes) apply(rows timeRows) {
	count := func(r timeRow, d int) {
		if !r.counted() {
			return
		}
		if m.counts == nil {
			m.counts = map[string]int{}
		}
		if m.counts[r.entity] += d; m.counts[r.entity] == 0 {
			delete(m.counts, r.entity)
		}
	}
	for _, r := range rows.del {
		if i, found := slices.BinarySearch(m.rows, string(r.bytes())); found {
			m.rows = slices.Delete(m.rows, i, i+1)
			count(r, -1)
		}
	}
	for _, r := range rows.add {
		k := string(r.bytes())
		if i, found := slices.BinarySearch(m.rows, k); !found {
			m.rows = slices.Insert(m.rows, i, k)
			count(r, 1)
		}
	}
}

// TimelinePage returns the facts with one of the entities ids on either
// side in timeline order (graph.SortTime, then id), after skipping the
// first offset of them, at most limit (0: all), reading the timeline
// index: the rows up to the page and the page's facts, not every fact
// of the entities. Facts are read with their evidence only when evidence
// is set (FactFilter.Evidence), else with all their live sources. ok is
// false when the store keeps no timeline index (a bbolt or PostgreSQL
// store written before it, until Reindex; CockroachDB): the caller then
// reads the facts with Facts. The rows and the facts are read under one
// read lock. A row whose fact reads back with another sort time is
// skipped: a fact stored before evidence records has no record for a
// write to remove, so the row Reindex gave it may outlive the one its
// next write adds.
func (s *Store) TimelinePage(ctx context.Context, ids []string, offset, limit int, evidence bool) (facts []graph.Fact, ok bool, err error) {
	n := 0 // rows to read of each entity, 0 = all
	if limit > 0 {
		n = offset + limit
	}
	facts, _, ok, err = s.timelineRead(ctx, ids, n, TimelineSpan{Offset: offset, Limit: limit}, evidence)
	return facts, ok, err
}

// TimelineSpan says which facts of a timeline a read returns: the first
// Offset are skipped and at most Limit returned (0: all), counted from
// the oldest fact, or from the newest when Latest is set (the facts
// still come in timeline order: Latest with Offset 0 and Limit 20 is the
// last 20 facts, oldest first).
type TimelineSpan struct {
	Offset, Limit int
	Latest        bool
}

// TimelineSpan returns the facts of span of the timeline of the entities
// ids, as TimelinePage reads them, and how many facts the whole timeline
// has. For one entity in a store that keeps the timeline counts
// (timecount.go) it reads the entity's count, the rows of the span alone
// — from the nearer end of the entity's rows: the latest page from the
// last row backwards — and the span's facts; else (several entities,
// whose timelines may share facts, or a store written before the
// counts, until Reindex) it reads every row of the entities (keys only,
// a short range of the index) and the facts of the span alone. total
// counts the index's rows, so a row TimelinePage would skip (see there)
// is counted.
func (s *Store) TimelineSpan(ctx context.Context, ids []string, span TimelineSpan, evidence bool) (facts []graph.Fact, total int, ok bool, err error) {
	return s.timelineRead(ctx, ids, 0, span, evidence)
}

// timelineRead reads the first n rows (0: all) of each of the entities
// ids, and the facts of span among them; total is how many distinct rows
// it read. With n 0 and one entity whose rows the store counts, it reads
// the count and the span's rows alone, and total is the count.
func (s *Store) timelineRead(ctx context.Context, ids []string, n int, span TimelineSpan, evidence bool) (facts []graph.Fact, total int, ok bool, err error) {
	articles := map[string]graph.Article{}
	err = s.read(ctx, func(r reader) error {
		var keys []string
		add := func(k string) { keys = append(keys, k) }
		counted := false
		if n == 0 && len(ids) == 1 {
			var err error
			if total, counted, err = s.timeCount(ctx, ids[0]); err != nil {
				return err
			}
		}
		if counted {
			lo, hi := span.Bounds(total)
			var err error
			switch {
			case hi <= lo:
				ok = true
			case lo <= total-hi:
				ok, err = s.timeKeysSpan(ctx, ids[0], lo, hi-lo, false, add)
			default:
				ok, err = s.timeKeysSpan(ctx, ids[0], total-hi, hi-lo, true, add)
				slices.Reverse(keys)
			}
			if err != nil || !ok {
				return err
			}
		} else {
			for _, id := range ids {
				var err error
				if ok, err = s.timeKeys(ctx, id, n, add); err != nil || !ok {
					return err
				}
			}
			slices.Sort(keys)
			keys = slices.Compact(keys)
			total = len(keys)
			keys = spanOf(keys, span)
		}
		for _, k := range keys {
			var f graph.Fact
			var ok bool
			var err error
			if evidence {
				f, ok, err = r.factEvidence(ctx, keyFact(k), articles)
			} else if f, ok, err = r.fact(ctx, keyFact(k), articles); ok {
				f, ok = f.Live()
			}
			if err != nil {
				return err
			}
			if ok && sortKey(graph.SortTime(&f))+f.ID == k {
				facts = append(facts, f)
			}
		}
		return nil
	})
	if err != nil {
		return nil, 0, false, wrapTimeline(ids, err)
	}
	return facts, total, ok, nil
}

// spanOf returns the keys of span among keys, which are in timeline
// order.
func spanOf(keys []string, span TimelineSpan) []string {
	lo, hi := span.Bounds(len(keys))
	return keys[lo:hi]
}

// Bounds returns where the span lies in a timeline of n facts: its facts
// are those from lo up to hi (excluded), oldest first.
func (span TimelineSpan) Bounds(n int) (lo, hi int) {
	off := min(max(span.Offset, 0), n)
	lo, hi = off, n
	if span.Latest {
		lo, hi = 0, n-off
		if span.Limit > 0 && hi > span.Limit {
			lo = hi - span.Limit
		}
		return lo, hi
	}
	if span.Limit > 0 && hi-lo > span.Limit {
		hi = lo + span.Limit
	}
	return lo, hi
}

// wrapTimeline names the entities of a timeline read in its error.
func wrapTimeline(ids []string, err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("timeline of %s: %w", strings.Join(ids, ", "), err)
}

// timeKeys calls fn with the keys of the first n rows (0: all) of entity
// id in the timeline index, in order; ok is false when the store has no
// timeline index.
func (s *Store) timeKeys(ctx context.Context, id string, n int, fn func(k string)) (ok bool, err error) {
	return s.timeKeysSpan(ctx, id, 0, n, false, fn)
}

// bisect returns the index of the first of the sorted rows not before k.
func bisect(rows []string, k string) int {
	i, _ := slices.BinarySearch(rows, k)
	return i
}

// reindexTimeline rebuilds the timeline index from every fact of the
// store (read as Facts with evidence reads them), creating it in a store
// written before it existed; it returns how many facts it indexed. The
// caller holds the write lock.
func (s *Store) reindexTimeline(ctx context.Context, r reader) (n int, err error) {
	var ids []string
	err = r.eachIn(ctx, classFact, rdfType, func(v quad.Value) error {
		if id, ok := idFromIRI(v, ""); ok {
			ids = append(ids, id)
		}
		return nil
	})
	rows := []timeRow{adjMarkerRow(), undMarkerRow(), stMarkerRow()}
	articles := map[string]graph.Article{}
	for _, id := range ids {
		if err != nil {
			break
		}
		if len(articles) >= articleCacheSize {
			evictQuarter(articles)
		}
		var f graph.Fact
		var ok bool
		if f, ok, err = r.factEvidence(ctx, id, articles); ok && err == nil {
			n++
			rows = append(rows, factRows(&f)...)
		}
	}
	if err != nil {
		return 0, err
	}
	switch {
	case s.mem != nil:
		s.mem.times = memTimes{}
		s.mem.times.apply(timeRows{add: rows})
	case s.kv != nil:
		err = s.bolt.Update(func(tx *bolt.Tx) error {
			if err := tx.DeleteBucket([]byte(timelineBucket)); err != nil && !errors.Is(err, bolt.ErrBucketNotFound) {
				return err
			}
			b, err := tx.CreateBucket([]byte(timelineBucket))
			if err != nil {
				return err
			}
			if err := tx.DeleteBucket([]byte(timeCountsBucket)); err != nil && !errors.Is(err, bolt.ErrBucketNotFound) {
				return err
			}
			if _, err := tx.CreateBucket([]byte(timeCountsBucket)); err != nil {
				return err
			}
			// In key order, each row is appended to the last page: in
			// any other, bbolt inserts it into one node that holds every
			// row of the transaction until its commit splits it, moving
			// those after it each time (a store of 340k facts, ~2M rows,
			// took hours).
			sortRows(rows)
			b.FillPercent = 1
			return putTimeRows(tx, timeRows{add: rows})
		})
	case s.pg != nil:
		err = s.pg.reindexTimeline(ctx, rows)
	}
	return n, err
}
