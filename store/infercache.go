package store

import (
	"context"
	"fmt"
	"sort"

	"github.com/cayleygraph/quad"

	"github.com/geokg/geokg/graph"
)

// inferCache keeps what a write reads of the store — for tenure inference
// (inferGroups) the direct triples of an entity for one predicate and the
// qualifiers of the facts they name; for merging, the stored facts the
// write restated with all their sources, and articles — from one write to
// the next, so that a write reads only what it has not read before
// instead of whole groups and source lists again. Without it ingestion
// slows down as the store grows (every new holder of a role re-read every
// earlier holder, every restated fact all its sources and their articles).
//
// A Store keeps one only when it is the sole writer of its quads: bbolt
// (the process holds the file lock) and memory. A PostgreSQL store may be
// written by other processes, so each of its writes gets a fresh cache.
// Write updates the cache after its transaction commits (commit); a failed
// write leaves it as it was, since reads never put a batch's own changes
// in it. Anything else that writes quads (LoadQuads) drops it.
type inferCache struct {
	// links maps linkKey(entity, side, predicate) to the stored direct
	// triples, sorted by fact id.
	links map[string][]link
	// pairs maps pairKey(subject, predicate, object) to the facts of the
	// stored direct triples "subject predicate object", sorted (see
	// pairLinks).
	pairs map[string][]string
	// nodes maps a fact id to its stored qualifiers. A state whose start is
	// unknown carries one synthetic source holding its first publication
	// (FirstPublished), which is all inference needs of its sources.
	nodes map[string]*graph.Fact
	// full maps a fact id to the stored fact with all its sources, for the
	// facts writes have merged with all their sources (a restatement
	// taken from the evidence record alone keeps none here, see
	// aggregate.go).
	full map[string]graph.Fact
	// evidence maps a fact id to the evidence record writes stored on its
	// node (see evidence.go), so that the next write changing it need not
	// read it back. A record is up to a few KB, so it is bounded as full.
	evidence map[string]string
	// parsed maps a fact id to the record of evidence, parsed, that a write
	// stored or read; it holds for the fact while the record is still that
	// of evidence.
	parsed map[string]parsedRecord
	// articles maps an article id to the stored article.
	articles map[string]graph.Article
	// entities maps an entity id to the stored entity.
	entities map[string]graph.Entity
	// evidenceBytes is the length of the records in evidence, and
	// fullSources the number of sources of the facts in full.
	evidenceBytes, fullSources int
	// linkCount is the number of direct triples in links and pairs.
	linkCount int
	// bounds bound what the cache holds (see trim).
	bounds inferBounds
}

// inferBounds bound what an inferCache holds, so that a long ingest's
// memory does not grow with the store: each part is dropped on its own
// when it passes its bound, and read again from the store as later writes
// need it.
type inferBounds struct {
	// items bounds the fact summaries, the entity-predicate groups of
	// direct triples, the pairs' triples, the articles and the entities
	// (each).
	items int
	// fullSources bounds the sources of the full facts.
	fullSources int
	// evidenceBytes bounds the bytes of the evidence records (and so of
	// their parsed forms).
	evidenceBytes int
	// links bounds the direct triples held in links and pairs together:
	// a hub entity's triples of one predicate are thousands, so a bound
	// on the groups alone does not bound them.
	links int
}

// defaultInferBounds are the bounds of a store's cache: a summary, an
// article or an entity takes a few hundred bytes, a source of a full fact
// a few hundred more, a direct triple about a hundred, so the cache stays
// within some 50 MB (with the records' parsed forms) at any store size.
var defaultInferBounds = inferBounds{items: 20_000, fullSources: 20_000, evidenceBytes: 8 << 20, links: 200_000}

// newInferCache returns an empty cache.
func newInferCache() *inferCache {
	return &inferCache{links: map[string][]link{}, pairs: map[string][]string{}, nodes: map[string]*graph.Fact{}, full: map[string]graph.Fact{}, evidence: map[string]string{}, parsed: map[string]parsedRecord{}, articles: map[string]graph.Article{},
		entities: map[string]graph.Entity{}, bounds: defaultInferBounds}
}

// linkKey is the key of an entity's direct triples of one predicate, with
// the entity on side dir.
func linkKey(id string, dir quad.Direction, pred string) string {
	return fmt.Sprint(id, "\x00", dir, "\x00", pred)
}

// pairKey is the key of the direct triples "s pred o".
func pairKey(s, pred, o string) string {
	return s + "\x00" + pred + "\x00" + o
}

// summary returns f as the cache keeps it: an event without sources (a
// "succeeded" event with one, standing for its first publication, which
// bounds the term it ends when neither date is known); a
// state with at most two, standing for the only publications of its
// sources that inference reads (graph.InferEnds): its first publication
// (graph.FirstPublished), as a source that does not present it as current,
// and its last report as current (graph.LastReported). Summarizing a
// summary changes nothing.
func summary(f graph.Fact) graph.Fact {
	if graph.IsEvent(f.Predicate) {
		first := graph.FirstPublished(&f)
		f.Sources = nil
		if f.Predicate == graph.Succeeded && !first.IsZero() {
			f.Sources = []graph.Source{{Published: first}}
		}
		return f
	}
	first, last := graph.FirstPublished(&f), graph.LastReported(&f)
	f.Sources = nil
	if !first.IsZero() {
		f.Sources = append(f.Sources, graph.Source{Published: first, Claim: graph.Claim{Ended: true}})
	}
	if !last.IsZero() {
		f.Sources = append(f.Sources, graph.Source{Published: last})
	}
	return f
}

// commit brings the cache up to date with a write that has just been
// applied: the facts w changed or added, and the direct triples of the new
// ones.
func (c *inferCache) commit(w *writer) {
	defer c.trim()
	for id, e := range w.ents {
		e.Aliases = append([]string(nil), e.Aliases...)
		sort.Strings(e.Aliases)
		c.entities[id] = e
	}
	if w.article != nil {
		c.articles[w.article.ID] = *w.article
	}
	for id := range w.gone {
		if old := w.orig[id]; old != nil {
			c.forget(id, old)
		}
		c.dropFull(id)
		c.evidenceBytes -= len(c.evidence[id])
		delete(c.evidence, id)
		delete(c.parsed, id)
	}
	for id, e := range w.evidence {
		c.evidenceBytes += len(e) - len(c.evidence[id])
		c.evidence[id] = e
		if r := w.parsed[id]; r != nil {
			c.parsed[id] = parsedRecord{rec: e, r: r}
		}
	}
	for id, f := range w.cur {
		if w.lean[id] != nil {
			c.dropFull(id) // it keeps the record alone (see aggregate.go)
		} else if w.inBatch[id] || w.withdrawn[id] || w.moved[id] {
			full := *f
			full.Sources = append([]graph.Source(nil), f.Sources...)
			sort.Slice(full.Sources, func(i, j int) bool { return sourceLess(full.Sources[i], full.Sources[j]) })
			c.dropFull(id)
			c.full[id] = full
			c.fullSources += len(full.Sources)
		} else if full, ok := c.full[id]; ok {
			full.End, full.EndInferredFrom, full.EndBy, full.StartAfter = f.End, f.EndInferredFrom, f.EndBy, f.StartAfter
			c.full[id] = full
		}
		old := w.orig[id]
		if old != nil && isStated(old) != isStated(f) { // direct triples removed or added again: read them anew
			c.forget(id, f)
			continue
		}
		if old != nil && old.Subject == f.Subject {
			if _, ok := c.nodes[id]; ok {
				sum := summary(*f)
				c.nodes[id] = &sum
			}
			continue
		}
		if old != nil { // a symmetric fact turned round: forget both sides
			c.forget(id, f)
			continue
		}
		sum := summary(*f)
		c.nodes[id] = &sum
		c.addLink(linkKey(f.Subject, quad.Subject, f.Predicate), link{id, f.Object})
		c.addLink(linkKey(f.Object, quad.Object, f.Predicate), link{id, f.Subject})
		c.addPair(pairKey(f.Subject, f.Predicate, f.Object), id)
		if graph.IsSymmetric(f.Predicate) {
			c.addLink(linkKey(f.Object, quad.Subject, f.Predicate), link{id, f.Subject})
			c.addLink(linkKey(f.Subject, quad.Object, f.Predicate), link{id, f.Object})
			c.addPair(pairKey(f.Object, f.Predicate, f.Subject), id)
		}
	}
}

// dropFull drops the full fact id.
func (c *inferCache) dropFull(id string) {
	c.fullSources -= len(c.full[id].Sources)
	delete(c.full, id)
}

// trim drops each part of the cache that has passed its bound (see
// inferBounds); what a part holds is read from the store again when a
// write needs it, so dropping one never drops another.
func (c *inferCache) trim() {
	if len(c.nodes) > c.bounds.items {
		c.nodes = map[string]*graph.Fact{}
	}
	if len(c.links) > c.bounds.items || len(c.pairs) > c.bounds.items || c.linkCount > c.bounds.links {
		c.links, c.pairs, c.linkCount = map[string][]link{}, map[string][]string{}, 0
	}
	if len(c.articles) > c.bounds.items {
		c.articles = map[string]graph.Article{}
	}
	if len(c.entities) > c.bounds.items {
		c.entities = map[string]graph.Entity{}
	}
	if c.fullSources > c.bounds.fullSources {
		c.full, c.fullSources = map[string]graph.Fact{}, 0
	}
	if c.evidenceBytes > c.bounds.evidenceBytes {
		c.evidence, c.parsed, c.evidenceBytes = map[string]string{}, map[string]parsedRecord{}, 0
	}
}

// forget drops the cached summary of fact f (id) and the cached direct
// triples of the predicate at both of its entities, on both sides, and
// between them, either way.
func (c *inferCache) forget(id string, f *graph.Fact) {
	for _, e := range []string{f.Subject, f.Object} {
		for _, dir := range []quad.Direction{quad.Subject, quad.Object} {
			k := linkKey(e, dir, f.Predicate)
			c.linkCount -= len(c.links[k])
			delete(c.links, k)
		}
	}
	for _, k := range []string{pairKey(f.Subject, f.Predicate, f.Object), pairKey(f.Object, f.Predicate, f.Subject)} {
		c.linkCount -= len(c.pairs[k])
		delete(c.pairs, k)
	}
	delete(c.nodes, id)
}

// addLink inserts l, in fact id order, into the cached triples of key when
// they are cached (an uncached key is read whole when first needed).
func (c *inferCache) addLink(key string, l link) {
	ls, ok := c.links[key]
	if !ok {
		return
	}
	i := sort.Search(len(ls), func(i int) bool { return ls[i].fact >= l.fact })
	if i < len(ls) && ls[i].fact == l.fact {
		return
	}
	ls = append(ls, link{})
	copy(ls[i+1:], ls[i:])
	ls[i] = l
	c.links[key] = ls
	c.linkCount++
}

// addPair inserts fact id, in order, into the cached facts of pair key
// when they are cached (an uncached pair is read when first needed).
func (c *inferCache) addPair(key, id string) {
	ids, ok := c.pairs[key]
	if !ok {
		return
	}
	i := sort.SearchStrings(ids, id)
	if i < len(ids) && ids[i] == id {
		return
	}
	ids = append(ids, "")
	copy(ids[i+1:], ids[i:])
	ids[i] = id
	c.pairs[key] = ids
	c.linkCount++
}

// fullFact reads a stored fact with all its sources through the cache.
func (w *writer) fullFact(ctx context.Context, id string) (graph.Fact, bool, error) {
	if f, ok := w.cache.full[id]; ok {
		return f, true, nil
	}
	return w.r.fact(ctx, id, w.articles)
}

// storedEntity reads a stored entity through the cache.
func (w *writer) storedEntity(ctx context.Context, id string) (graph.Entity, bool, error) {
	if e, ok := w.cache.entities[id]; ok {
		return e, true, nil
	}
	e, ok, err := w.r.entity(ctx, id)
	if ok && err == nil {
		w.cache.entities[id] = e
	}
	return e, ok, err
}
