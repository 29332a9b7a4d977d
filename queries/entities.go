package queries

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/hbollon/go-edlib"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/store"
)

// ErrAmbiguous is returned when a name is close to several entities and no
// single reading stands out; the error lists them ("did you mean …").
var ErrAmbiguous = errors.New("ambiguous name")

// Names is an in-memory index of every entity's name and aliases, for
// prefix search, completion and misspelling-tolerant lookup. Build it once
// with LoadNames and reuse it while the store does not change (the console
// does); it is read-only after loading and safe for concurrent use.
type Names struct {
	ents []graph.Entity
	keys []nameKey // sorted by key
}

// nameKey is one folded name (AliasKey) of entity ents[idx]; text is the
// name as written.
type nameKey struct {
	key, text string
	idx       int
}

// EntityMatch is one entity found by SearchEntities.
type EntityMatch struct {
	Entity graph.Entity
	// Aliases counts the entity's aliases.
	Aliases int
	// Matched is the name or alias that matched the search.
	Matched string
	// Distance is the edit distance of a misspelling match; 0 for a prefix match.
	Distance int
}

// LoadNames reads every entity of the store into a Names index.
func LoadNames(ctx context.Context, s interface {
	Entities(ctx context.Context, fn func(graph.Entity) error) error
}) (*Names, error) {
	var ents []graph.Entity
	if err := s.Entities(ctx, func(e graph.Entity) error { ents = append(ents, e); return nil }); err != nil {
		return nil, err
	}
	return NewNames(ents), nil
}

// NewNames indexes ents.
func NewNames(ents []graph.Entity) *Names {
	n := &Names{ents: ents}
	for i, e := range ents {
		seen := map[string]bool{}
		for _, text := range append([]string{e.Name}, e.Aliases...) {
			k := store.AliasKey(text)
			if k == "" || seen[k] {
				continue
			}
			seen[k] = true
			n.keys = append(n.keys, nameKey{key: k, text: text, idx: i})
		}
	}
	sort.Slice(n.keys, func(i, j int) bool { return n.keys[i].key < n.keys[j].key })
	return n
}

// Len returns how many entities the index holds.
func (n *Names) Len() int { return len(n.ents) }

// Prefix returns up to limit entities (0 = all) with a name or alias that
// a prefix search for prefix finds (store.NameFinds: its folded form, or
// its words from one of them on, start with prefix), ordered by name.
func (n *Names) Prefix(prefix string, limit int) []EntityMatch {
	if store.AliasKey(prefix) == "" {
		return nil
	}
	best := map[int]string{}
	for _, k := range n.keys {
		if store.NameFinds(k.text, prefix) {
			if _, ok := best[k.idx]; !ok || k.text == n.ents[k.idx].Name {
				best[k.idx] = k.text
			}
		}
	}
	out := make([]EntityMatch, 0, len(best))
	for idx, text := range best {
		e := n.ents[idx]
		out = append(out, EntityMatch{Entity: e, Aliases: len(e.Aliases), Matched: text})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Entity.Name != out[j].Entity.Name {
			return out[i].Entity.Name < out[j].Entity.Name
		}
		return out[i].Entity.ID < out[j].Entity.ID
	})
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out
}

// maxDistance is the largest edit distance accepted as a misspelling of a
// folded name of length n: one edit for short names, two up to ten
// letters, three beyond.
func maxDistance(n int) int {
	switch {
	case n < 4:
		return 0
	case n <= 6:
		return 1
	case n <= 10:
		return 2
	}
	return 3
}

// Fuzzy returns the entities whose name or alias (or one of its words, for
// persons' surnames) is closest to name by edit distance, when within the
// misspelling allowance, with that distance; several entities at the same
// distance are all returned, ordered by name.
func (n *Names) Fuzzy(name string) ([]EntityMatch, int) {
	q := store.AliasKey(name)
	limit := maxDistance(len(q))
	if limit == 0 {
		return nil, 0
	}
	best := map[int]EntityMatch{}
	bestD := limit + 1
	consider := func(k nameKey, cand string) {
		if d := len(cand) - len(q); d > bestD || -d > bestD {
			return
		}
		d := edlib.OSADamerauLevenshteinDistance(q, cand)
		if d > limit || d > bestD {
			return
		}
		if d < bestD {
			bestD = d
			best = map[int]EntityMatch{}
		}
		if _, ok := best[k.idx]; !ok {
			e := n.ents[k.idx]
			best[k.idx] = EntityMatch{Entity: e, Aliases: len(e.Aliases), Matched: k.text, Distance: d}
		}
	}
	for _, k := range n.keys {
		consider(k, k.key)
		if ws := strings.Fields(k.text); len(ws) > 1 {
			consider(k, store.AliasKey(ws[len(ws)-1]))
		}
	}
	out := make([]EntityMatch, 0, len(best))
	for _, m := range best {
		out = append(out, m)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Entity.Name < out[j].Entity.Name })
	return out, bestD
}

// Complete returns the names and aliases that start with prefix (compared
// case-insensitively as written), for tab completion, sorted and without
// duplicates, at most limit (0 = all).
func (n *Names) Complete(prefix string, limit int) []string {
	lp := strings.ToLower(prefix)
	seen := map[string]bool{}
	var out []string
	for _, k := range n.keys {
		if strings.HasPrefix(strings.ToLower(k.text), lp) && !seen[k.text] {
			seen[k.text] = true
			out = append(out, k.text)
		}
	}
	sort.Strings(out)
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out
}

// SearchEntities finds entities by prefix of a name or alias (or of one of
// its words), with their types and alias counts. When nothing starts with
// prefix it falls back to misspelling-tolerant matching, whose matches
// carry a non-zero Distance. names may be nil: the store's name index is
// then read (store.Store.EntitiesByPrefix), and the entities it finds;
// every entity only for the misspellings, or when the store has no index.
func (e *Engine) SearchEntities(ctx context.Context, names *Names, prefix string, limit int) ([]EntityMatch, error) {
	if names == nil {
		ms, ok, err := e.indexedPrefix(ctx, prefix, limit)
		if err != nil || ok && len(ms) > 0 {
			return ms, err
		}
	}
	if names == nil {
		var err error
		if names, err = e.loadNames(ctx); err != nil {
			return nil, err
		}
	}
	if ms := names.Prefix(prefix, limit); len(ms) > 0 {
		return ms, nil
	}
	ms, _ := names.Fuzzy(prefix)
	if limit > 0 && len(ms) > limit {
		ms = ms[:limit]
	}
	return ms, nil
}

// prefixIndex is what indexedPrefix asks of a store with a name index.
type prefixIndex interface {
	EntitiesByPrefix(ctx context.Context, prefix string) (ids []string, ok bool, err error)
}

// sortedIndex is what indexedPrefix asks of a store whose name index
// lists entities by name (store.Store.EntitiesByName).
type sortedIndex interface {
	EntitiesByName(ctx context.Context, prefix string, limit int) (ids []string, ok bool, err error)
}

// cardIndex is what indexedPrefix asks of a store whose name index keeps
// what a listing prints of each entity (store.Store.EntitiesNamed).
type cardIndex interface {
	EntitiesNamed(ctx context.Context, prefix string, limit int) (ents []graph.Entity, ok bool, err error)
}

// indexedPrefix answers Names.Prefix from the store's name index, reading
// only the entities it finds — only the first limit of them by name when
// the index lists them by name, and none of their quads when it keeps
// their cards; ok is false when the store has none.
func (e *Engine) indexedPrefix(ctx context.Context, prefix string, limit int) (ms []EntityMatch, ok bool, err error) {
	if ix, isIx := e.store.(cardIndex); isIx {
		ents, ok, err := ix.EntitiesNamed(ctx, prefix, limit)
		if err != nil {
			return nil, false, err
		}
		if ok {
			return NewNames(ents).Prefix(prefix, limit), true, nil
		}
	}
	var ids []string
	if ix, isIx := e.store.(sortedIndex); isIx {
		if ids, ok, err = ix.EntitiesByName(ctx, prefix, limit); err != nil {
			return nil, false, err
		}
	}
	if ix, isIx := e.store.(prefixIndex); isIx && !ok {
		if ids, ok, err = ix.EntitiesByPrefix(ctx, prefix); err != nil {
			return nil, false, err
		}
	}
	if !ok {
		return nil, false, nil
	}
	ents := make([]graph.Entity, 0, len(ids))
	for _, id := range ids {
		en, err := e.store.Entity(ctx, id)
		if errors.Is(err, store.ErrNotFound) {
			continue
		}
		if err != nil {
			return nil, false, err
		}
		ents = append(ents, en)
	}
	return NewNames(ents).Prefix(prefix, limit), true, nil
}

// loadNames builds a Names index from the engine's store, which must list
// its entities.
func (e *Engine) loadNames(ctx context.Context) (*Names, error) {
	l, ok := e.store.(interface {
		Entities(ctx context.Context, fn func(graph.Entity) error) error
	})
	if !ok {
		return nil, errors.New("this store cannot list its entities")
	}
	return LoadNames(ctx, l)
}

// Resolved is a name read as one or more entities.
type Resolved struct {
	// Name is the name as asked.
	Name string
	// Entities are the entities it names (several when an alias is shared).
	Entities []graph.Entity
	// Corrected is true when the name was read as a misspelling.
	Corrected bool
}

// IDs returns the ids of the entities.
func (r Resolved) IDs() []string {
	ids := make([]string, len(r.Entities))
	for i, en := range r.Entities {
		ids[i] = en.ID
	}
	return ids
}

// Label names the entities for an interpretation ("Mark Rutte").
func (r Resolved) Label() string {
	ns := make([]string, len(r.Entities))
	for i, en := range r.Entities {
		ns[i] = en.Name
	}
	return strings.Join(ns, " / ")
}

// ResolveName reads name as entities: through the alias index first, then
// without a leading title ("President Trump"), then as a misspelling of a
// known name ("Zelenskiy", "Stoltenburg"). When types are given, entities
// of those types are preferred. A misspelling close to several entities
// returns an error wrapping ErrAmbiguous that names them; no reading at
// all returns ErrUnknownEntity, with suggestions when some name is near.
// names may be nil: the store's entities are then read, only when the
// alias index has no answer.
func (e *Engine) ResolveName(ctx context.Context, names *Names, name string, types ...graph.EntityType) (Resolved, error) {
	name = strings.TrimSpace(name)
	r := Resolved{Name: name}
	try := func(n string) (bool, error) {
		ents, err := e.store.Resolve(ctx, n)
		if err != nil {
			return false, err
		}
		r.Entities = preferTypes(ents, types)
		return len(r.Entities) > 0, nil
	}
	if ok, err := try(name); ok || err != nil {
		return r, err
	}
	words := strings.Fields(name)
	for i := 1; i < len(words) && i <= 3; i++ {
		if ok, err := try(strings.Join(words[i:], " ")); ok || err != nil {
			return r, err
		}
	}
	if names == nil {
		var err error
		if names, err = e.loadNames(ctx); err != nil {
			return r, fmt.Errorf("%q: %w", name, ErrUnknownEntity)
		}
	}
	ms, _ := names.Fuzzy(name)
	var ents []graph.Entity
	for _, m := range ms {
		ents = append(ents, m.Entity)
	}
	ents = preferTypes(ents, types)
	switch {
	case len(ents) == 1:
		r.Entities, r.Corrected = ents, true
		return r, nil
	case len(ents) > 1:
		return r, fmt.Errorf("%w %q: did you mean %s?", ErrAmbiguous, name, orList(ents))
	}
	if ms := names.Prefix(name, 3); len(ms) > 0 {
		var near []graph.Entity
		for _, m := range ms {
			near = append(near, m.Entity)
		}
		return r, fmt.Errorf("%q: %w; did you mean %s?", name, ErrUnknownEntity, orList(near))
	}
	return r, fmt.Errorf("%q: %w", name, ErrUnknownEntity)
}

// preferTypes keeps the entities of the given types when there are any.
func preferTypes(ents []graph.Entity, types []graph.EntityType) []graph.Entity {
	if len(types) == 0 || len(ents) == 0 {
		return ents
	}
	var out []graph.Entity
	for _, en := range ents {
		for _, t := range types {
			if en.Type == t {
				out = append(out, en)
				break
			}
		}
	}
	if len(out) == 0 {
		return ents
	}
	return out
}

// orList writes "A, B or C" of the entities' names with their types.
func orList(ents []graph.Entity) string {
	var parts []string
	for _, en := range ents {
		parts = append(parts, fmt.Sprintf("%s (%s)", en.Name, en.Type))
	}
	if len(parts) == 1 {
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " or " + parts[len(parts)-1]
}
