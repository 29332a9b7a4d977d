package store

// Timeline counts and state rows. How many facts an entity's timeline
// has is kept, per entity, as a count of its timeline rows, changed in
// the transaction that adds or removes them (putTimeRows, memTimes.apply,
// geokg_timeline_rows), so that the latest page of a timeline and the
// note saying how many facts there are read the count and the page's
// rows, not every row of the entity: a bbolt bucket geokg_timeline_counts
// (entity id → uvarint), a PostgreSQL table of the same name, a map in
// memory. A store whose timeline index was written before the counts has
// no such bucket or table until Reindex: TimelineSpan then counts the
// rows, as before.
//
// The state rows list, for every entity, the facts naming it whose
// predicate is a state (graph.IsEvent false), under the entity's id
// followed by stateSep, keyed as its timeline rows: a timeline in a
// window reads them (a state may be in force through an earlier term,
// whatever its sort time) and the range of the entity's timeline rows
// where an event of the window may sort (graph.Window.EventSortRange),
// not every row of the entity. A store whose index was written before
// them has no stMarker row until Reindex: TimelineWindow then reads the
// adjacency rows, as before.

import (
	"bytes"
	"context"
	"encoding/binary"
	"fmt"
	"maps"
	"slices"
	"strings"

	bolt "go.etcd.io/bbolt"

	"github.com/geokg/geokg/graph"
)

// timeCountsBucket is the bbolt bucket, and timeCountsTable the
// PostgreSQL table, of the timeline counts.
const (
	timeCountsBucket = "geokg_timeline_counts"
	timeCountsTable  = "geokg_timeline_counts"
)

// stateSep follows the entity id of a state row.
const stateSep = "\x03"

// stMarker is the entity of the row that says the timeline index has
// state rows (its key is empty).
const stMarker = "\x03states"

// stMarkerRow is the row that says the timeline index has state rows.
func stMarkerRow() timeRow { return timeRow{entity: stMarker} }

// stateRows returns the state rows of fact f, whose timeline key is k:
// one for each of its sides when its predicate is a state; none for an
// event.
func stateRows(f *graph.Fact, k string) []timeRow {
	if graph.IsEvent(f.Predicate) {
		return nil
	}
	rows := []timeRow{{entity: f.Subject + stateSep, key: k}}
	if f.Object != f.Subject {
		rows = append(rows, timeRow{entity: f.Object + stateSep, key: k})
	}
	return rows
}

// counted reports whether r is a timeline row, one the counts count (not
// an adjacency, undated or state row, nor a marker).
func (r timeRow) counted() bool { return !strings.ContainsAny(r.entity, adjSep+undSep+stateSep) }

// putTimeCounts adds delta to the counts of the bbolt bucket b.
func putTimeCounts(b *bolt.Bucket, delta map[string]int) error {
	for ent, d := range delta {
		if d == 0 {
			continue
		}
		k := []byte(ent)
		n, _ := binary.Uvarint(b.Get(k))
		m := int64(n) + int64(d)
		var err error
		if m <= 0 {
			err = b.Delete(k)
		} else {
			err = b.Put(k, binary.AppendUvarint(nil, uint64(m)))
		}
		if err != nil {
			return fmt.Errorf("timeline counts: %w", err)
		}
	}
	return nil
}

// timeCount returns how many timeline rows entity id has, from the
// counts; ok is false when the store keeps none (see the file's comment).
func (s *Store) timeCount(ctx context.Context, id string) (n int, ok bool, err error) {
	switch {
	case s.mem != nil:
		return s.mem.times.counts[id], true, nil
	case s.bolt != nil:
		err = s.viewBolt(func(tx *bolt.Tx) error {
			b := checkedBucket(tx, []byte(timeCountsBucket))
			if ok = b != nil && checkedBucket(tx, []byte(timelineBucket)) != nil; !ok {
				return nil
			}
			c, _ := binary.Uvarint(b.Get([]byte(id)))
			n = int(c)
			return nil
		})
		return n, ok, err
	case s.pg != nil:
		return s.pg.timeCount(ctx, id)
	}
	return 0, false, nil
}

// timeKeysSpan calls fn with the keys of entity id's rows in the timeline
// index, skipping the first skip of them and then at most n (0: all), in
// order, or from the last backwards when desc is set; ok is false when
// the store has no timeline index.
func (s *Store) timeKeysSpan(ctx context.Context, id string, skip, n int, desc bool, fn func(k string)) (ok bool, err error) {
	prefix := id + "\x00"
	i := 0 // rows read
	take := func(k string) bool {
		s.rowsRead.Add(1)
		if i++; i > skip {
			fn(k)
		}
		return n == 0 || i < skip+n
	}
	switch {
	case s.mem != nil:
		rows := s.mem.times.rows
		lo, hi := bisect(rows, prefix), bisect(rows, prefixEnd(prefix))
		if !desc {
			for j := lo; j < hi && take(rows[j][len(prefix):]); j++ {
			}
		} else {
			for j := hi - 1; j >= lo && take(rows[j][len(prefix):]); j-- {
			}
		}
		return true, nil
	case s.bolt != nil:
		err = s.viewBolt(func(tx *bolt.Tx) error {
			b := checkedBucket(tx, []byte(timelineBucket))
			if ok = b != nil; !ok {
				return nil
			}
			c := b.Cursor()
			if !desc {
				for k, _ := c.Seek([]byte(prefix)); k != nil && strings.HasPrefix(string(k), prefix) && take(string(k[len(prefix):])); k, _ = c.Next() {
				}
				return nil
			}
			k, _ := c.Seek([]byte(prefixEnd(prefix)))
			if k == nil {
				k, _ = c.Last()
			} else {
				k, _ = c.Prev()
			}
			for ; k != nil && strings.HasPrefix(string(k), prefix) && take(string(k[len(prefix):])); k, _ = c.Prev() {
			}
			return nil
		})
		return ok, err
	case s.pg != nil:
		return s.pg.timeKeysSpan(ctx, id, skip, n, desc, func(k string) { s.rowsRead.Add(1); fn(k) })
	}
	return false, nil
}

// RowsRead returns how many rows of the timeline index the store's
// timeline reads have read since it was opened (keys only), so that a
// test or a benchmark can tell what a timeline read costs.
func (s *Store) RowsRead() int64 { return s.rowsRead.Load() }

// checkTimeCounts compares the timeline counts the store keeps with its
// timeline rows, counted: it returns the ids of the entities whose kept
// count is not the number of their rows (a count missing is 0), sorted.
// A store that keeps no counts has none wrong. A count goes stale when a
// binary from before the counts writes the store, or when the file is
// damaged; `geokg reindex` rebuilds them.
func (s *Store) checkTimeCounts(ctx context.Context) (wrong []string, err error) {
	want, have := map[string]int{}, map[string]int{}
	rowEntity := func(k []byte) {
		if i := bytes.IndexByte(k, 0); i >= 0 {
			if r := (timeRow{entity: string(k[:i])}); r.counted() {
				want[r.entity]++
			}
		}
	}
	err = s.read(ctx, func(r reader) error {
		switch {
		case s.mem != nil:
			for _, k := range s.mem.times.rows {
				rowEntity([]byte(k))
			}
			maps.Copy(have, s.mem.times.counts)
		case s.bolt != nil:
			return s.viewBolt(func(tx *bolt.Tx) error {
				rows, counts := checkedBucket(tx, []byte(timelineBucket)), checkedBucket(tx, []byte(timeCountsBucket))
				if rows == nil || counts == nil {
					return nil
				}
				c, n := rows.Cursor(), 0
				for k, _ := c.First(); k != nil; k, _ = c.Next() {
					rowEntity(k)
					if n++; n%4096 == 0 && ctx.Err() != nil {
						return ctx.Err()
					}
				}
				return counts.ForEach(func(k, v []byte) error {
					n, _ := binary.Uvarint(v)
					have[string(k)] = int(n)
					return nil
				})
			})
		case s.pg != nil:
			w, err := s.pg.wrongTimeCounts(ctx)
			wrong = w
			return err
		}
		return nil
	})
	if err != nil || s.pg != nil {
		return wrong, err
	}
	for ent, n := range want {
		if have[ent] != n {
			wrong = append(wrong, ent)
		}
	}
	for ent, n := range have {
		if _, ok := want[ent]; !ok && n != 0 {
			wrong = append(wrong, ent)
		}
	}
	slices.Sort(wrong)
	return wrong, nil
}
