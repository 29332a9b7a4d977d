package store

// The name index: every name and alias of every entity under the keys a
// prefix search finds it by, in an ordered structure of the backend (a
// bbolt bucket, a PostgreSQL table, a sorted slice in memory), so that a
// prefix is a range of keys and a search reads the names it finds, not
// every entity. Entities are never removed and their names only grow, so
// rows are only ever added; they are written in the same transaction as
// the entity quads they come from (nameRowsOf reads them off a write's
// deltas), and Reindex rebuilds the index from the entities. A store
// written before the index existed has none (no bucket, no table) until
// Reindex: EntitiesByPrefix then says so, and callers read every entity as
// before.

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	cayleygraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	bolt "go.etcd.io/bbolt"

	"github.com/geokg/geokg/graph"
)

// namesBucket is the bbolt bucket, and namesTable the PostgreSQL table,
// of the name index.
const (
	namesBucket = "geokg_names"
	namesTable  = "geokg_names"
)

// maxNameKey bounds the bytes of a key of the name index; a longer name is
// indexed by its first maxNameKey bytes, and a search for a longer prefix
// scans those and tests each name found (NameFinds).
const maxNameKey = 200

// The kinds of keys: a name's folded form (AliasKey), and its lower-case
// words from one of them on, joined by single spaces.
const (
	keyFolded = 'k'
	keyWords  = 'w'
)

// NameFinds reports whether a prefix search for prefix finds the name or
// alias text: when text's folded form (AliasKey) starts with prefix's, or
// text's lower-case words, from one of them on, start with prefix's words,
// the last of them as a prefix ("rut" and "mark rut" both find "Mark
// Rutte"). A prefix whose folded form is empty finds nothing.
func NameFinds(text, prefix string) bool {
	p := AliasKey(prefix)
	if p == "" {
		return false
	}
	if strings.HasPrefix(AliasKey(text), p) {
		return true
	}
	q := strings.Join(strings.Fields(strings.ToLower(prefix)), " ")
	words := strings.Fields(strings.ToLower(text))
	for i := range words {
		if strings.HasPrefix(strings.Join(words[i:], " "), q) {
			return true
		}
	}
	return false
}

// nameKeys returns the keys of the name index under which text is found:
// a prefix search finds text (NameFinds) exactly when one of its query
// keys (nameQuery) is a prefix of one of these, up to maxNameKey.
func nameKeys(text string) []string {
	var keys []string
	add := func(kind byte, k string) {
		if k == "" {
			return
		}
		k = cutKey(string(kind) + k)
		if !slices.Contains(keys, k) {
			keys = append(keys, k)
		}
	}
	add(keyFolded, AliasKey(text))
	words := strings.Fields(strings.ToLower(text))
	for i := range words {
		add(keyWords, strings.Join(words[i:], " "))
	}
	return keys
}

// nameQuery returns the key prefixes a search for prefix scans, none when
// its folded form is empty.
func nameQuery(prefix string) []string {
	p := AliasKey(prefix)
	if p == "" {
		return nil
	}
	return []string{
		cutKey(string(keyFolded) + p),
		cutKey(string(keyWords) + strings.Join(strings.Fields(strings.ToLower(prefix)), " ")),
	}
}

// cutKey cuts k to at most maxNameKey bytes, at a character boundary.
func cutKey(k string) string {
	if len(k) <= maxNameKey {
		return k
	}
	n := maxNameKey
	for n > 0 && !utf8.RuneStart(k[n]) {
		n--
	}
	return k[:n]
}

// nameRow is one row of the name index: a key and an entity that has a
// name found under it.
type nameRow struct{ key, entity string }

// bytes is the row as a bbolt key (and the memory index's): the key, a
// zero byte, the entity id, so that a key's rows are one range.
func (r nameRow) bytes() []byte { return []byte(r.key + "\x00" + r.entity) }

// entityRows returns the rows of the names of entity id.
func entityRows(id string, names ...string) []nameRow {
	var rows []nameRow
	for _, n := range names {
		for _, k := range nameKeys(n) {
			rows = append(rows, nameRow{key: k, entity: id})
		}
	}
	return rows
}

// nameRowsOf returns the rows of the names and aliases that deltas add,
// by key and sorted (namesorted.go); nameOf returns the stored name of an
// entity that gains an alias without its name in deltas.
func nameRowsOf(deltas []cayleygraph.Delta, nameOf func(id string) (string, error)) ([]nameRow, error) {
	names := map[string]string{}
	for _, d := range deltas {
		if d.Action != cayleygraph.Add || d.Quad.Predicate != pName {
			continue
		}
		if id, ok := idFromIRI(d.Quad.Subject, "entity/"); ok {
			if s, ok := d.Quad.Object.(quad.String); ok {
				names[id] = string(s)
			}
		}
	}
	var rows []nameRow
	for _, d := range deltas {
		if d.Action != cayleygraph.Add || (d.Quad.Predicate != pName && d.Quad.Predicate != pAlias) {
			continue
		}
		id, ok := idFromIRI(d.Quad.Subject, "entity/")
		if !ok {
			continue
		}
		s, ok := d.Quad.Object.(quad.String)
		if !ok {
			continue
		}
		rows = append(rows, entityRows(id, string(s))...)
		name, known := names[id]
		if !known {
			var err error
			if name, err = nameOf(id); err != nil {
				return nil, fmt.Errorf("name index: %w", err)
			}
			names[id] = name
		}
		if name != "" {
			rows = append(rows, sortedRows(id, name, string(s))...)
		}
	}
	return append(rows, cardRowsOf(deltas)...), nil
}

// applyDeltas applies a write's deltas, and in the same transaction the
// rows of the name index they add and those of the timeline index they
// add and remove (timeindex.go), read off the evidence records known
// holds parsed without parsing them again (nil: none).
func (s *Store) applyDeltas(deltas []cayleygraph.Delta, known parsedRecords) error {
	opts := cayleygraph.IgnoreOpts{IgnoreDup: true, IgnoreMissing: true}
	rows, err := nameRowsOf(deltas, s.storedName)
	if err != nil {
		return err
	}
	times := timeRowsOf(deltas, known)
	if len(rows) > 0 || !times.empty() {
		switch {
		case s.kv != nil:
			s.kv.onCommit = func(tx *bolt.Tx) error {
				if err := putNameRows(tx, rows); err != nil {
					return err
				}
				return putTimeRows(tx, times)
			}
			defer func() { s.kv.onCommit = nil }()
		case s.pg != nil:
			s.pg.names, s.pg.times = rows, times
			defer func() { s.pg.names, s.pg.times = nil, timeRows{} }()
		}
	}
	if err := s.qs.ApplyDeltas(deltas, opts); err != nil {
		if s.kv != nil && !s.inBatchLocked() {
			// Its transaction was rolled back: forget what it cached.
			// (A batch's is rolled back, and forgotten, by Write.)
			s.forgetWritesLocked()
		}
		return err
	}
	if s.mem != nil {
		s.mem.add(rows)
		s.mem.times.apply(times)
	}
	return nil
}

// viewBolt runs fn in a read-only bbolt transaction, or in the open
// batch's transaction (which the caller's lock then guards, see read).
func (s *Store) viewBolt(fn func(tx *bolt.Tx) error) error {
	if s.inBatchLocked() {
		return fn(s.kv.batch)
	}
	return s.bolt.View(fn)
}

// putNameRows writes rows into the bbolt name index, when the store has
// one.
func putNameRows(tx *bolt.Tx, rows []nameRow) error {
	b := checkedBucket(tx, []byte(namesBucket))
	if b == nil {
		return nil
	}
	for _, r := range rows {
		if err := b.Put(r.bytes(), nil); err != nil {
			return fmt.Errorf("name index: %w", err)
		}
	}
	return nil
}

// memNames is the name index of the in-memory backend: its rows as bbolt
// keys, sorted; and its timeline index.
type memNames struct {
	rows  []string
	times memTimes
}

// add inserts rows, each once.
func (m *memNames) add(rows []nameRow) {
	for _, r := range rows {
		k := string(r.bytes())
		if i, found := slices.BinarySearch(m.rows, k); !found {
			m.rows = slices.Insert(m.rows, i, k)
		}
	}
}

// EntitiesByPrefix returns the ids, sorted, of the entities a name or
// alias of which a prefix search for prefix finds (NameFinds), reading
// the name index: the rows under prefix's keys, not every entity. ok is
// false when the store keeps no name index (a bbolt or PostgreSQL store
// written before it, until Reindex; CockroachDB): the caller then reads
// every entity. The ids may hold a few more entities than prefix finds
// when a name is longer than the index keeps; test each with NameFinds.
func (s *Store) EntitiesByPrefix(ctx context.Context, prefix string) (ids []string, ok bool, err error) {
	qs := nameQuery(prefix)
	seen := map[string]bool{}
	add := func(id string) {
		if !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	err = s.read(ctx, func(r reader) error {
		switch {
		case s.mem != nil:
			ok = true
			for _, q := range qs {
				for i, _ := slices.BinarySearch(s.mem.rows, q); i < len(s.mem.rows) && strings.HasPrefix(s.mem.rows[i], q); i++ {
					add(rowEntity(s.mem.rows[i]))
				}
			}
			return nil
		case s.bolt != nil:
			return s.viewBolt(func(tx *bolt.Tx) error {
				b := checkedBucket(tx, []byte(namesBucket))
				if ok = b != nil; !ok {
					return nil
				}
				for _, q := range qs {
					c := b.Cursor()
					for k, _ := c.Seek([]byte(q)); k != nil && strings.HasPrefix(string(k), q); k, _ = c.Next() {
						add(rowEntity(string(k)))
					}
				}
				return nil
			})
		case s.pg != nil:
			var err error
			ok, err = s.pg.namesByPrefix(ctx, qs, add)
			return err
		}
		return nil
	})
	if err != nil {
		return nil, false, fmt.Errorf("entities by prefix %q: %w", prefix, err)
	}
	sort.Strings(ids)
	return ids, ok, nil
}

// rowEntity returns the entity id of a row written by nameRow.bytes.
func rowEntity(row string) string {
	_, id, _ := strings.Cut(row, "\x00")
	return id
}

// ReindexStats counts what Reindex indexed.
type ReindexStats struct {
	// Entities counts the entities whose names were indexed, Facts the
	// facts put in their entities' timelines.
	Entities, Facts int
}

// Reindex rebuilds the name index from the store's entities and the
// timeline index (timeindex.go) from its facts, each in one transaction,
// creating them in a store written before they existed. It holds the
// write lock (on PostgreSQL, the one all processes writing the database
// take) while it reads the store and writes the indexes.
func (s *Store) Reindex(ctx context.Context) (st ReindexStats, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	switch {
	case s.closed:
		return ReindexStats{}, ErrClosed
	case s.readOnly:
		return ReindexStats{}, fmt.Errorf("reindex: %w", ErrReadOnly)
	case s.mem == nil && s.kv == nil && s.pg == nil:
		return ReindexStats{}, fmt.Errorf("reindex: %w", ErrNoNameIndex)
	}
	if err := s.syncLocked(); err != nil { // its own transaction, after the batch's
		return ReindexStats{}, fmt.Errorf("reindex: %w", err)
	}
	unlock, err := s.lockShared(ctx)
	if err != nil {
		return ReindexStats{}, fmt.Errorf("reindex: %w", err)
	}
	defer unlock()
	r := reader{qs: s.qs, log: s.log, kv: s.kv, pg: s.pg.newScope(true)}
	var ids []string
	err = r.eachIn(ctx, classEntity, rdfType, func(v quad.Value) error {
		if id, ok := idFromIRI(v, "entity/"); ok {
			ids = append(ids, id)
		}
		return nil
	})
	var rows []nameRow
	for _, id := range ids {
		if err != nil {
			break
		}
		var e graph.Entity
		var ok bool
		if e, ok, err = r.entity(ctx, id); ok {
			st.Entities++
			texts := append([]string{e.Name}, e.Aliases...)
			rows = append(rows, entityRows(id, texts...)...)
			rows = append(rows, sortedRows(id, e.Name, texts...)...)
			rows = append(rows, entityCard(e)...)
		}
	}
	rows = append(rows, markerRow(), cardsMarkerRow())
	if err == nil {
		switch {
		case s.mem != nil:
			s.mem.rows = nil
			s.mem.add(rows)
		case s.kv != nil:
			err = s.bolt.Update(func(tx *bolt.Tx) error {
				if err := tx.DeleteBucket([]byte(namesBucket)); err != nil && !errors.Is(err, bolt.ErrBucketNotFound) {
					return err
				}
				b, err := tx.CreateBucket([]byte(namesBucket))
				if err != nil {
					return err
				}
				// In key order, as the timeline index (reindexTimeline).
				slices.SortFunc(rows, func(a, b nameRow) int {
					if c := strings.Compare(a.key, b.key); c != 0 {
						return c
					}
					return strings.Compare(a.entity, b.entity)
				})
				b.FillPercent = 1
				return putNameRows(tx, rows)
			})
		case s.pg != nil:
			err = s.pg.reindexNames(ctx, rows)
		}
	}
	if err == nil {
		st.Facts, err = s.reindexTimeline(ctx, r)
	}
	if err != nil {
		return ReindexStats{}, fmt.Errorf("reindex: %w", err)
	}
	return st, nil
}
