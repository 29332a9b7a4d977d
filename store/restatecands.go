package store

// Restatement candidates read by time. When a write brings a dated event
// "s pred o", the undated statements stored with an earlier event of the
// pair may restate it instead (absorbRestated): the candidates are the
// pair's events dated within the restatement window before it
// (graph.MayRestateLater) and its undated ones. Reading every fact of the
// pair to find them grew with the pair's history: a pair of countries
// that meets, criticises or trades accusations every week has thousands.
// They are found instead in the timeline index: the pair's adjacency rows
// (adjacency.go) in a range of sort times, and the undated rows, one per
// undated event, keyed by its subject, object and predicate, written and
// removed with the adjacency rows off the same evidence records. A store
// whose index was written before the undated rows has no undMarker row
// until Reindex, and is read as before.

import (
	"context"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/geokg/geokg/graph"
)

// undSep follows the subject id of an undated row and separates the parts
// of its key.
const undSep = "\x02"

// undMarker is the entity of the row that says the timeline index has
// undated rows (its key is empty).
const undMarker = "\x02undated"

// undMarkerRow is the row that says the timeline index has undated rows.
func undMarkerRow() timeRow { return timeRow{entity: undMarker} }

// undatedRows returns the undated row of fact f: one when it is an event
// with no date, keyed by its subject; none otherwise.
func undatedRows(f *graph.Fact) []timeRow {
	if !graph.IsEvent(f.Predicate) || !f.Date.IsZero() {
		return nil
	}
	return []timeRow{{entity: f.Subject + undSep, key: f.Object + undSep + f.Predicate + undSep + f.ID}}
}

// restateByRows lets tests read restatement candidates as related reads
// them, to compare the two.
var restateByRows = true

// rowRange returns the keys from (included) to to (excluded) of
// entity's rows in the timeline index, in order; ok is false when the
// store has no timeline index.
type rowRange func(ctx context.Context, entity, from, to string) (keys []string, ok bool, err error)

// timeKeysRange returns the keys of entity's rows in the timeline index
// from (included) to to (excluded), in order, read through the write's
// transaction when a batch is open; ok is false when the store has no
// timeline index.
func (s *Store) timeKeysRange(ctx context.Context, entity, from, to string) (keys []string, ok bool, err error) {
	prefix := entity + "\x00"
	lo, hi := prefix+from, prefix+to
	switch {
	case s.mem != nil:
		rows := s.mem.times.rows
		for j := bisect(rows, lo); j < len(rows) && rows[j] < hi; j++ {
			keys = append(keys, rows[j][len(prefix):])
		}
		return keys, true, nil
	case s.bolt != nil:
		err = s.viewBolt(func(tx *bolt.Tx) error {
			b := checkedBucket(tx, []byte(timelineBucket))
			if ok = b != nil; !ok {
				return nil
			}
			c := b.Cursor()
			for k, _ := c.Seek([]byte(lo)); k != nil && string(k) < hi; k, _ = c.Next() {
				keys = append(keys, string(k[len(prefix):]))
			}
			return nil
		})
		return keys, ok, err
	case s.pg != nil:
		return s.pg.timeKeysRange(ctx, entity, from, to)
	}
	return nil, false, nil
}

// prefixEnd returns the first string after every string with prefix p,
// p's last byte (a separator, below 0xff) raised by one.
func prefixEnd(p string) string {
	return p[:len(p)-1] + string(p[len(p)-1]+1)
}

// restateCandidates returns what related returns for absorbRestated: the
// facts "s pred o" of event, other than it, that sameEvent and keep
// accept (keep is event's test: undated, or dated so that
// graph.MayRestateLater), as this batch leaves them, reading the pair's
// rows of the timeline index rather than every fact of the pair. ok is
// false when the store keeps no undated rows (no undMarker row): the
// caller then reads the pair's facts with related.
func (w *writer) restateCandidates(ctx context.Context, event *graph.Fact, keep func(*graph.Fact) bool) (out []*graph.Fact, ok bool, err error) {
	if w.rows == nil || !restateByRows {
		return nil, false, nil
	}
	if w.undated == 0 {
		w.undated = -1
		marks, ok, err := w.rows(ctx, undMarker, "", "\x01")
		if err != nil {
			return nil, false, err
		}
		adj, _, err := w.rows(ctx, adjMarker, "", "\x01")
		if err != nil {
			return nil, false, err
		}
		if ok && len(marks) > 0 && len(adj) > 0 {
			w.undated = 1
		}
	}
	if w.undated < 0 {
		return nil, false, nil
	}
	s, pred, o := event.Subject, event.Predicate, event.Object
	ids := map[string]bool{}
	// Dated events: a candidate's sort time is its date's first instant,
	// before the event's, and its date's last within the window of it.
	// A day's date lies within the window and a day; a month's or a
	// year's starts on the first of a month, up to a year further back.
	at := event.Date.Time()
	near := at.Add(-graph.RestateWindow - 24*time.Hour)
	far := at.Add(-graph.RestateWindow - 367*24*time.Hour)
	p := o + adjSep + pred + adjSep
	keys, _, err := w.rows(ctx, s+adjSep, p+sortKey(far), p+sortKey(at))
	if err != nil {
		return nil, true, err
	}
	for _, k := range keys {
		k = k[len(p):]
		t, timed := keyTime(k)
		if !timed || len(k) <= sortKeyLen {
			continue
		}
		if t.Before(near) && (t.Day() != 1 || t.Hour() != 0 || t.Minute() != 0 || t.Second() != 0 || t.Nanosecond() != 0) {
			continue // a day's date, out of the window
		}
		ids[keyFact(k)] = true
	}
	// Undated events, of either orientation when the predicate is
	// symmetric (a fact is stored as its earliest source states it).
	sides := [][2]string{{s, o}}
	if graph.IsSymmetric(pred) && s != o {
		sides = append(sides, [2]string{o, s})
	}
	for _, so := range sides {
		u := so[1] + undSep + pred + undSep
		keys, _, err = w.rows(ctx, so[0]+undSep, u, prefixEnd(u))
		if err != nil {
			return nil, true, err
		}
		for _, k := range keys {
			ids[k[len(u):]] = true
		}
	}
	pair := func(f *graph.Fact) bool {
		return f.Predicate == pred && (f.Subject == s && f.Object == o || len(sides) == 2 && f.Subject == o && f.Object == s)
	}
	// The batch's changed facts, whose rows are still those stored.
	fresh := map[string]bool{}
	for _, fid := range w.added {
		fresh[fid] = true
	}
	for _, fid := range w.revived {
		fresh[fid] = true
	}
	for fid, c := range w.cur {
		// (Only those stored stated have a direct triple, which related
		// reads: not the batch's new facts nor those it states again.)
		if orig := w.orig[fid]; orig != nil && isStated(orig) && !fresh[fid] && pair(c) {
			ids[fid] = true
		}
	}
	for _, fid := range sortedIDs(ids) {
		if w.gone[fid] || fresh[fid] || fid == event.ID {
			continue
		}
		if c := w.cur[fid]; c != nil {
			if pair(c) && isStated(c) && keep(c) {
				out = append(out, c)
			}
			continue
		}
		f, err := w.node(ctx, fid)
		if err != nil {
			return nil, true, err
		}
		if f != nil && pair(f) && keep(f) {
			out = append(out, f)
		}
	}
	// The batch's new facts, and those it states again, as related adds
	// them (as written: s, then o).
	for _, fid := range append(w.added[:len(w.added):len(w.added)], w.revived...) {
		c := w.cur[fid]
		if c.Predicate == pred && c.Subject == s && c.Object == o && keep(c) {
			out = append(out, c)
		}
	}
	return out, true, nil
}
