package store

// The name index's sorted rows: a prefix search that lists entities by
// name reads as many rows as it prints, not every entity its prefix finds.
// Besides its rows by key (names.go), each name or alias of an entity has
// rows under each of the first sortedRunes prefixes of its keys, each row
// holding the entity's name, its id and the text: under one of those
// prefixes, rows are in the order a listing prints entities (by name, then
// id). A search for a prefix of up to sortedRunes characters reads the
// rows under it from the start; a longer one reads those under its first
// sortedRunes characters, keeping the texts it finds (NameFinds). A store
// whose name index was written before these rows has no sortedMarker row
// in it until Reindex: EntitiesByName then says so.

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/cayleygraph/quad"
	bolt "go.etcd.io/bbolt"
)

// keySorted is the kind of the sorted rows' keys; sortedRunes is how many
// prefixes of a key (in characters) have rows.
const (
	keySorted   = 'o'
	sortedRunes = 4
)

// sortedMarker is the key of the row that says the name index has sorted
// rows (it sorts before every other key).
const sortedMarker = "\x01sorted"

// sortedSep separates the parts of a sorted row's key: it sorts before
// every character of a name, so that rows sort by name, then id.
const sortedSep = "\x01"

// sortedRows returns the sorted rows of the names texts of the entity id
// whose name is name.
func sortedRows(id, name string, texts ...string) []nameRow {
	var rows []nameRow
	seen := map[string]bool{}
	for _, text := range texts {
		for _, k := range nameKeys(text) {
			kind, content := k[:1], k[1:]
			for n, i := 0, 0; i < len(content) && n < sortedRunes; n++ {
				_, size := utf8.DecodeRuneInString(content[i:])
				i += size
				key := string(keySorted) + kind + content[:i] + sortedSep + name + sortedSep + id + sortedSep + text
				if !seen[key] {
					seen[key] = true
					rows = append(rows, nameRow{key: key, entity: id})
				}
			}
		}
	}
	return rows
}

// sortedRange is one range of sorted rows a search reads: the rows whose
// key starts with lo; filter, when set, is the prefix the rows' texts
// must be found by (a search longer than the rows' prefixes).
type sortedRange struct{ lo, filter string }

// sortedRanges returns the ranges a search for prefix reads.
func sortedRanges(prefix string) []sortedRange {
	var out []sortedRange
	for _, q := range nameQuery(prefix) {
		kind, content := q[:1], q[1:]
		r := sortedRange{}
		i, n := 0, 0
		for ; i < len(content) && n < sortedRunes; n++ {
			_, size := utf8.DecodeRuneInString(content[i:])
			i += size
		}
		if i < len(content) {
			r.filter = prefix
		}
		r.lo = string(keySorted) + kind + content[:i] + sortedSep
		out = append(out, r)
	}
	return out
}

// sortedRow is a sorted row taken apart.
type sortedRow struct{ name, id, text string }

// parseSorted takes apart the key of a sorted row after its range's
// prefix lo.
func parseSorted(key, lo string) (sortedRow, bool) {
	parts := strings.SplitN(strings.TrimPrefix(key, lo), sortedSep, 3)
	if len(parts) != 3 {
		return sortedRow{}, false
	}
	return sortedRow{name: parts[0], id: parts[1], text: parts[2]}, true
}

// before orders rows as a listing does: by name, then id.
func (a sortedRow) before(b sortedRow) bool {
	if a.name != b.name {
		return a.name < b.name
	}
	return a.id < b.id
}

// sortedChunk is how many rows a search reads of a range at a time.
const sortedChunk = 64

// sortedStream reads one range's rows in order, a chunk at a time.
type sortedStream struct {
	r     sortedRange
	buf   []sortedRow
	after string // the key of the last row read, "" before the first
	done  bool
}

// head returns the stream's next row found by its filter, reading a chunk
// when needed; ok is false at the end.
func (st *sortedStream) head(ctx context.Context, s *Store) (sortedRow, bool, error) {
	// The caller holds the read lock.
	for len(st.buf) == 0 && !st.done {
		from := st.r.lo
		if st.after != "" {
			// After every row of key st.after (a bbolt row's key is
			// followed by a zero byte and its entity), before the next.
			from = st.after + sortedSep
		}
		keys, err := s.nameKeysFrom(ctx, from, st.r.lo, sortedChunk)
		if err != nil {
			return sortedRow{}, false, err
		}
		st.done = len(keys) < sortedChunk
		for _, k := range keys {
			st.after = k
			row, ok := parseSorted(k, st.r.lo)
			if ok && (st.r.filter == "" || NameFinds(row.text, st.r.filter)) {
				st.buf = append(st.buf, row)
			}
		}
	}
	if len(st.buf) == 0 {
		return sortedRow{}, false, nil
	}
	return st.buf[0], true, nil
}

// EntitiesByName returns the ids of the first limit entities (0: all),
// ordered by name then id, a name or alias of which a prefix search for
// prefix finds (NameFinds), reading the name index's sorted rows: about
// as many rows as it returns ids, however many entities prefix finds. ok
// is false when the store's name index has no sorted rows (one written
// before them, until Reindex; no index at all): see EntitiesByPrefix.
func (s *Store) EntitiesByName(ctx context.Context, prefix string, limit int) (ids []string, ok bool, err error) {
	err = s.read(ctx, func(reader) error {
		if ok, err = s.hasSorted(ctx); err != nil || !ok {
			return err
		}
		ids, err = s.entitiesByNameLocked(ctx, prefix, limit)
		return err
	})
	if err != nil {
		return nil, false, fmt.Errorf("entities by name %q: %w", prefix, err)
	}
	return ids, ok, nil
}

// entitiesByNameLocked is EntitiesByName in a store whose name index has
// sorted rows. The caller holds the read lock.
func (s *Store) entitiesByNameLocked(ctx context.Context, prefix string, limit int) (ids []string, err error) {
	var streams []*sortedStream
	for _, r := range sortedRanges(prefix) {
		streams = append(streams, &sortedStream{r: r})
	}
	for limit == 0 || len(ids) < limit {
		var best *sortedRow
		for _, st := range streams {
			row, ok, err := st.head(ctx, s)
			if err != nil {
				return nil, err
			}
			if ok && (best == nil || row.before(*best)) {
				best = &row
			}
		}
		if best == nil {
			return ids, nil
		}
		ids = append(ids, best.id)
		// Drop the entity's other rows, at the head of every stream.
		for _, st := range streams {
			for {
				row, ok, err := st.head(ctx, s)
				if err != nil {
					return nil, err
				}
				if !ok || row.name != best.name || row.id != best.id {
					break
				}
				st.buf = st.buf[1:]
			}
		}
	}
	return ids, nil
}

// hasSorted reports whether the store's name index has sorted rows. The
// caller holds the read lock.
func (s *Store) hasSorted(ctx context.Context) (bool, error) {
	if s.pg != nil {
		if ok, err := s.pg.hasNames(ctx, s.pg.db); err != nil || !ok {
			return false, err
		}
	}
	keys, err := s.nameKeysFrom(ctx, sortedMarker, sortedMarker, 1)
	return len(keys) == 1 && keys[0] == sortedMarker, err
}

// nameKeysFrom returns the keys (without their entity) of up to n rows of
// the name index, in order, from the key from on, that start with prefix;
// none when the store has no name index. The caller holds the read lock.
func (s *Store) nameKeysFrom(ctx context.Context, from, prefix string, n int) (keys []string, err error) {
	switch {
	case s.mem != nil:
		rows := s.mem.rows
		for i := bisect(rows, from); i < len(rows) && strings.HasPrefix(rows[i], prefix) && len(keys) < n; i++ {
			k, _, _ := strings.Cut(rows[i], "\x00")
			keys = append(keys, k)
		}
		return keys, nil
	case s.bolt != nil:
		err = s.viewBolt(func(tx *bolt.Tx) error {
			b := checkedBucket(tx, []byte(namesBucket))
			if b == nil {
				return nil
			}
			c := b.Cursor()
			for k, _ := c.Seek([]byte(from)); k != nil && strings.HasPrefix(string(k), prefix) && len(keys) < n; k, _ = c.Next() {
				key, _, _ := strings.Cut(string(k), "\x00")
				keys = append(keys, key)
			}
			return nil
		})
		return keys, err
	case s.pg != nil:
		return s.pg.namesFrom(ctx, from, prefix, n)
	}
	return nil, nil
}

// markerRow is the row that says the name index has sorted rows.
func markerRow() nameRow { return nameRow{key: sortedMarker} }

// storedName returns the name of the stored entity id, "" when there is
// none; the write that adds an alias to an entity reads it for the
// alias's sorted rows.
func (s *Store) storedName(id string) (string, error) {
	r := reader{qs: s.qs, log: s.log, kv: s.kv, pg: s.pg.newScope(true)}
	p, err := r.some(context.Background(), EntityIRI(id), pName)
	if err != nil {
		return "", err
	}
	for _, v := range p[pName] {
		if str, ok := v.(quad.String); ok {
			return string(str), nil
		}
	}
	return "", nil
}
