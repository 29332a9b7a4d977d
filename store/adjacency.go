package store

// The adjacency index: for every entity, one row per fact naming it on
// either side, keyed by the entity at the fact's other side, the fact's
// predicate, its sort time (graph.SortTime) and id, so that what a
// neighbours listing prints of an entity (each neighbour, how many facts
// link them, with which predicates, and the latest of those facts) reads
// the entity's rows and one fact per neighbour, not every fact of the
// entity with its sources. The rows live in the timeline index's bucket
// or table (timeindex.go), under the entity's id followed by adjSep where
// its timeline rows have a zero byte, and are written and removed with
// them, off the same evidence records, in the same transaction; a row's
// key separates its parts with adjSep (PostgreSQL text holds no zero
// byte). A store whose timeline index was written before them has no
// adjMarker row until Reindex: Adjacent then says so.

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/geokg/geokg/graph"
)

// adjSep follows the entity id of an adjacency row and separates the
// parts of its key.
const adjSep = "\x01"

// adjMarker is the entity of the row that says the timeline index has
// adjacency rows (its key is empty).
const adjMarker = "\x01adjacency"

// adjMarkerRow is the row that says the timeline index has adjacency rows.
func adjMarkerRow() timeRow { return timeRow{entity: adjMarker} }

// adjRows returns the adjacency rows of fact f, whose timeline key is k:
// one for each of its sides.
func adjRows(f *graph.Fact, k string) []timeRow {
	rows := []timeRow{{entity: f.Subject + adjSep, key: f.Object + adjSep + f.Predicate + adjSep + k}}
	if f.Object != f.Subject {
		rows = append(rows, timeRow{entity: f.Object + adjSep, key: f.Subject + adjSep + f.Predicate + adjSep + k})
	}
	return rows
}

// Adjacent is one entity linked to another by facts, as the adjacency
// index lists it.
type Adjacent struct {
	// ID is the entity at the other side of the facts.
	ID string
	// Facts counts the facts linking the two.
	Facts int
	// Predicates are the facts' predicates, each once, in the order of
	// the first fact of each in timeline order (graph.SortTime, then id).
	Predicates []string
	// Latest is the last of the facts in timeline order, read as
	// TimelinePage reads facts; AdjacentRows leaves it empty.
	Latest graph.Fact
	// latestKey is the timeline key of Latest until AdjacentLatest reads
	// it.
	latestKey string
}

// Adjacent returns the entities that share a fact with entity id (on
// either side; id itself for a fact linking it to itself), with predicate
// predicate when it is set, reading the adjacency index: the entity's
// rows and the latest fact of each neighbour, not every fact of the
// entity. The latest facts are read with their evidence only when
// evidence is set (FactFilter.Evidence), else with all their live
// sources. Neighbours come in the timeline order of the first fact
// linking each. ok is false when the store
// keeps no adjacency index (a bbolt or PostgreSQL store written before it,
// until Reindex; CockroachDB), or when a latest fact reads back with
// another sort time than its row's (a fact stored before evidence
// records, see TimelinePage): the caller then reads the facts with Facts.
func (s *Store) Adjacent(ctx context.Context, id, predicate string, evidence bool) (adj []Adjacent, ok bool, err error) {
	if adj, ok, err = s.AdjacentRows(ctx, id, predicate); err != nil || !ok {
		return nil, ok, err
	}
	if ok, err = s.AdjacentLatest(ctx, id, adj, evidence); err != nil || !ok {
		return nil, ok, err
	}
	return adj, true, nil
}

// AdjacentRows is Adjacent without the latest facts: it reads the
// entity's adjacency rows alone (keys, no fact), so that a caller can
// choose the neighbours it shows by how many facts link them and read
// the latest facts of those only (AdjacentLatest). ok is false as for
// Adjacent, a fact's row outliving its sort time aside (AdjacentLatest
// finds it when it reads that fact).
func (s *Store) AdjacentRows(ctx context.Context, id, predicate string) (adj []Adjacent, ok bool, err error) {
	err = s.read(ctx, func(r reader) error {
		var marker bool
		if ok, err = s.timeKeys(ctx, adjMarker, 1, func(string) { marker = true }); err != nil || !ok || !marker {
			ok = false
			return err
		}
		type edge struct{ pred, key string }
		byOther := map[string][]edge{}
		var others []string
		_, err := s.timeKeys(ctx, id+adjSep, 0, func(k string) {
			parts := strings.SplitN(k, adjSep, 3)
			if len(parts) != 3 || len(parts[2]) <= sortKeyLen || (predicate != "" && parts[1] != predicate) {
				return
			}
			if _, seen := byOther[parts[0]]; !seen {
				others = append(others, parts[0])
			}
			byOther[parts[0]] = append(byOther[parts[0]], edge{pred: parts[1], key: parts[2]})
		})
		if err != nil {
			return err
		}
		first := map[string]string{}
		for _, other := range others {
			edges := byOther[other]
			sort.Slice(edges, func(i, j int) bool { return edges[i].key < edges[j].key })
			first[other] = edges[0].key
		}
		sort.Slice(others, func(i, j int) bool { return first[others[i]] < first[others[j]] })
		for _, other := range others {
			edges := byOther[other]
			a := Adjacent{ID: other}
			seenFact, seenPred := map[string]bool{}, map[string]bool{}
			for _, e := range edges {
				if f := keyFact(e.key); seenFact[f] {
					// Two rows of one fact: one outlived its fact's
					// sort time (see TimelinePage).
					ok = false
					return nil
				}
				seenFact[keyFact(e.key)] = true
				a.Facts++
				if !seenPred[e.pred] {
					seenPred[e.pred] = true
					a.Predicates = append(a.Predicates, e.pred)
				}
			}
			a.latestKey = edges[len(edges)-1].key
			adj = append(adj, a)
		}
		return nil
	})
	if err != nil {
		return nil, false, fmt.Errorf("neighbours of %s: %w", id, err)
	}
	if !ok {
		adj = nil
	}
	return adj, ok, nil
}

// AdjacentLatest reads the latest fact of each of adj, neighbours of
// entity id as AdjacentRows returned them, into its Latest, as Adjacent
// reads them. ok is false when a latest fact reads back with another
// sort time than its row's (see Adjacent): the caller then reads the
// facts with Facts.
func (s *Store) AdjacentLatest(ctx context.Context, id string, adj []Adjacent, evidence bool) (ok bool, err error) {
	ok = true
	err = s.read(ctx, func(r reader) error {
		articles := map[string]graph.Article{}
		for i := range adj {
			last := adj[i].latestKey
			if len(last) <= sortKeyLen {
				if adj[i].Latest.ID == "" {
					// Not a neighbour AdjacentRows returned.
					ok = false
					return nil
				}
				continue // read already
			}
			var f graph.Fact
			var found bool
			var err error
			if evidence {
				f, found, err = r.factEvidence(ctx, keyFact(last), articles)
			} else if f, found, err = r.fact(ctx, keyFact(last), articles); found {
				f, found = f.Live()
			}
			if err != nil {
				return err
			}
			if !found || sortKey(graph.SortTime(&f))+f.ID != last {
				ok = false
				return nil
			}
			adj[i].Latest, adj[i].latestKey = f, ""
		}
		return nil
	})
	if err != nil {
		return false, fmt.Errorf("neighbours of %s: %w", id, err)
	}
	return ok, nil
}

// Edge is one fact naming an entity, as its adjacency row lists it.
type Edge struct {
	// Other is the entity at the fact's other side (the entity itself
	// for a fact linking it to itself).
	Other string
	// Predicate is the fact's predicate.
	Predicate string
	// Fact is the fact's id.
	Fact string
	// Time is the fact's sort time (graph.SortTime) as its row holds it,
	// so that a window can discard the fact unread
	// (graph.Window.MayHoldSorted); a row may outlive it (see
	// TimelinePage), and the fact read then has another.
	Time time.Time
}

// AdjacentEdges returns the facts naming entity id on either side, as
// its adjacency rows list them (keys only, no fact read), in the rows'
// order: by the other entity, the predicate, then timeline order. A fact
// whose row outlived its sort time (see TimelinePage) may come twice. ok
// is false when the store keeps no adjacency index (see Adjacent): the
// caller then reads the facts or the quads naming the entity.
func (s *Store) AdjacentEdges(ctx context.Context, id string) (edges []Edge, ok bool, err error) {
	err = s.read(ctx, func(r reader) error {
		var marker bool
		if ok, err = s.timeKeys(ctx, adjMarker, 1, func(string) { marker = true }); err != nil || !ok || !marker {
			ok = false
			return err
		}
		_, err := s.timeKeys(ctx, id+adjSep, 0, func(k string) {
			parts := strings.SplitN(k, adjSep, 3)
			if len(parts) == 3 && len(parts[2]) > sortKeyLen {
				t, _ := keyTime(parts[2])
				edges = append(edges, Edge{Other: parts[0], Predicate: parts[1], Fact: keyFact(parts[2]), Time: t})
			}
		})
		return err
	})
	if err != nil {
		return nil, false, fmt.Errorf("edges of %s: %w", id, err)
	}
	if !ok {
		edges = nil
	}
	return edges, ok, nil
}
