package store

import (
	"bytes"
	"context"
	"encoding/hex"
	"fmt"
	"log/slog"
	"slices"
	"sort"
	"strings"
	"time"

	cayleygraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/query/path"
	"github.com/cayleygraph/quad"

	"github.com/geokg/geokg/graph"
)

// props holds the outgoing quads of one node, by predicate.
type props map[quad.IRI][]quad.Value

// one returns the first value of predicate p, or nil.
func (p props) one(pred quad.IRI) quad.Value {
	if vs := p[pred]; len(vs) > 0 {
		return vs[0]
	}
	return nil
}

// reader reads nodes from a quad store. Callers hold the store's lock.
type reader struct {
	qs cayleygraph.QuadStore
	// log receives a warning for each stored value that cannot be
	// decoded (a date out of range) and is skipped; nil discards.
	log *slog.Logger
	// pg is the read's scope of a PostgreSQL store's read cache (see
	// pgScope); nil reads without it.
	pg *pgScope
	// kv is a bbolt store's handle, for the reads Cayley's API has no
	// shape for (reader.lastOut); nil elsewhere.
	kv *boltKV
}

// date decodes the stored date v of node (its predicate pred). A value
// that does not decode — a date out of graph.Date's range written before
// dates were checked, or by hand — is reported to the log and read as the
// unknown date, so one bad value never makes the store unreadable
// (geokg check finds and removes such values).
func (r reader) date(node string, pred quad.IRI, v quad.Value) graph.Date {
	d, err := dateFromValue(v)
	if err != nil {
		if r.log != nil {
			r.log.Warn("bad stored value skipped (run geokg check --repair)", "component", "store", "node", node, "predicate", string(pred), "err", err)
		}
		return graph.Date{}
	}
	return d
}

// scan calls fn for every quad that has node in direction d. The quads'
// values are resolved in batches (one store transaction for each on kv
// backends, each distinct value once) rather than quad by quad, which on
// bbolt costs a transaction and four lookups per quad.
func (r reader) scan(ctx context.Context, d quad.Direction, node quad.Value, fn func(quad.Quad) error) error {
	ref, err := r.qs.ValueOf(node)
	if err != nil {
		return err
	}
	if ref == nil {
		return nil
	}
	it := r.quadIterator(ctx, d, ref).Iterate()
	defer it.Close()
	var batch []cayleygraph.Ref
	for it.Next(ctx) {
		batch = append(batch, it.Result())
		if len(batch) == scanBatch {
			if err := r.quads(ctx, batch, fn); err != nil {
				return err
			}
			batch = batch[:0]
		}
	}
	if err := it.Err(); err != nil {
		return err
	}
	if err := r.quads(ctx, batch, fn); err != nil {
		return err
	}
	return ctx.Err()
}

// scanBatch is how many quads scan resolves at a time.
const scanBatch = 512

// quads reads the values of the quads qrefs and calls fn for each quad.
func (r reader) quads(ctx context.Context, qrefs []cayleygraph.Ref, fn func(quad.Quad) error) error {
	if len(qrefs) == 0 {
		return nil
	}
	// slot[i*4+dir] indexes the distinct value refs in vrefs.
	slot := make([]int, 4*len(qrefs))
	index := map[any]int{}
	var vrefs []cayleygraph.Ref
	for i, q := range qrefs {
		for j, dir := range quad.Directions {
			v, err := r.qs.QuadDirection(q, dir)
			if err != nil {
				return err
			}
			if v == nil {
				slot[i*4+j] = -1
				continue
			}
			k := v.Key()
			n, ok := index[k]
			if !ok {
				n = len(vrefs)
				index[k] = n
				vrefs = append(vrefs, v)
			}
			slot[i*4+j] = n
		}
	}
	vals, err := r.values(ctx, vrefs)
	if err != nil {
		return err
	}
	for i := range qrefs {
		var q quad.Quad
		for j, dir := range quad.Directions {
			if n := slot[i*4+j]; n >= 0 {
				q.Set(dir, vals[n])
			}
		}
		if q.Subject == nil || q.Predicate == nil || q.Object == nil { // deleted quad on some backends
			continue
		}
		if err := fn(q); err != nil {
			return err
		}
	}
	return nil
}

// props reads the outgoing quads of node. It returns nil when the node has
// none. On PostgreSQL it is one query, or none when the read cache holds
// the answer (pgcache.go).
func (r reader) props(ctx context.Context, node quad.Value) (props, error) {
	var p props
	if pg, ok := r.qs.(*pgStore); ok {
		a, err := pg.propsOf(ctx, r.pg, node)
		for _, pair := range a {
			if pair.pred == "" {
				continue
			}
			if p == nil {
				p = props{}
			}
			p[pair.pred] = append(p[pair.pred], pair.v)
		}
		return p, err
	}
	err := r.scan(ctx, quad.Subject, node, func(q quad.Quad) error {
		pred, ok := q.Predicate.(quad.IRI)
		if !ok {
			return nil
		}
		if p == nil {
			p = props{}
		}
		p[pred] = append(p[pred], q.Object)
		return nil
	})
	return p, err
}

// in returns the subjects of the quads "? pred node", without duplicates.
// It is one prefix scan of the object-predicate index on kv backends, and
// on PostgreSQL one query, or none when the read cache holds the answer.
func (r reader) in(ctx context.Context, node quad.Value, pred quad.IRI) ([]quad.Value, error) {
	if pg, ok := r.qs.(*pgStore); ok {
		return pairValues(pg.inOf(ctx, r.pg, node, pred))
	}
	vs, err := path.StartPath(r.qs, node).In(pred).Iterate(ctx).AllValues(r.qs)
	return dedupe(vs), err
}

// pairValues returns the values of a PostgreSQL read's pairs, without
// duplicates, or its error.
func pairValues(a []pgPair, err error) ([]quad.Value, error) {
	if err != nil {
		return nil, err
	}
	vs := make([]quad.Value, len(a))
	for i, pair := range a {
		vs[i] = pair.v
	}
	return dedupe(vs), nil
}

// out returns the objects of the quads "node pred ?", without duplicates.
// It is one prefix scan of the subject-predicate index on kv backends, and
// on PostgreSQL one query (through an open batch's transaction), or none
// when the read cache holds the answer.
func (r reader) out(ctx context.Context, node quad.Value, pred quad.IRI) ([]quad.Value, error) {
	if pg, ok := r.qs.(*pgStore); ok {
		return pairValues(pg.outOf(ctx, r.pg, node, []quad.IRI{pred}))
	}
	vs, err := path.StartPath(r.qs, node).Out(pred).Iterate(ctx).AllValues(r.qs)
	return dedupe(vs), err
}

// dedupe drops repeated values, keeping the first of each.
func dedupe(vs []quad.Value) []quad.Value {
	if len(vs) < 2 {
		return vs
	}
	seen := make(map[string]bool, len(vs))
	out := vs[:0]
	for _, v := range vs {
		if k := quad.StringOf(v); !seen[k] {
			seen[k] = true
			out = append(out, v)
		}
	}
	return out
}

// some reads the given predicates of node (eachOut: one prefix scan each,
// one query for all on PostgreSQL); use it
// instead of props for nodes with many other quads (entities are the
// subject of their direct triples, facts of their sources).
func (r reader) some(ctx context.Context, node quad.Value, preds ...quad.IRI) (props, error) {
	var p props
	err := r.eachOut(ctx, node, preds, func(pred quad.IRI, v quad.Value) error {
		if p == nil {
			p = props{}
		}
		p[pred] = append(p[pred], v)
		return nil
	})
	if err != nil {
		return nil, err
	}
	for pred, vs := range p {
		p[pred] = dedupe(vs)
	}
	return p, nil
}

// ids returns the sorted ids (after prefix) of the subjects of "? pred node".
func (r reader) ids(ctx context.Context, node quad.Value, pred quad.IRI, prefix string) ([]string, error) {
	vs, err := r.in(ctx, node, pred)
	if err != nil {
		return nil, err
	}
	out := make([]string, 0, len(vs))
	for _, v := range vs {
		if id, ok := idFromIRI(v, prefix); ok {
			out = append(out, id)
		}
	}
	sort.Strings(out)
	return out, nil
}

// entityPreds are the predicates of an entity node that reader.entity
// reads.
var entityPreds = []quad.IRI{pName, pType, pAlias, pCode}

// entity reads the entity with id; ok is false when it does not exist.
func (r reader) entity(ctx context.Context, id string) (e graph.Entity, ok bool, err error) {
	p, err := r.some(ctx, EntityIRI(id), entityPreds...)
	if err != nil || p.one(pName) == nil {
		return graph.Entity{}, false, err
	}
	e = graph.Entity{ID: id, Name: stringOf(p.one(pName)), Type: graph.EntityType(stringOf(p.one(pType))),
		Code: stringOf(p.one(pCode))}
	for _, a := range p[pAlias] {
		e.Aliases = append(e.Aliases, stringOf(a))
	}
	sort.Strings(e.Aliases)
	return e, true, nil
}

// article reads the article with id; ok is false when it does not exist.
// It reads both layouts of an article node (encode.go).
func (r reader) article(ctx context.Context, id string) (a graph.Article, ok bool, err error) {
	p, err := r.props(ctx, ArticleIRI(id))
	if err != nil {
		return graph.Article{}, false, err
	}
	a, _, ok = r.decodeArticle(id, p)
	return a, ok, nil
}

// decodeArticle decodes article id from its node's properties, and when
// it was recorded; ok is false when they are no article's. A packed
// literal that does not decode is reported and read as an article with
// no metadata (see reader.date).
func (r reader) decodeArticle(id string, p props) (a graph.Article, recorded time.Time, ok bool) {
	a = graph.Article{ID: id, Hash: stringOf(p.one(pHash))}
	node := "article/" + id
	if v := p.one(pPacked); v != nil {
		pk, err := unpack(v)
		if err != nil && r.log != nil {
			r.log.Warn("bad stored value skipped (run geokg check --repair)", "component", "store", "node", node, "predicate", string(pPacked), "err", err)
		}
		a.URL, a.Title, a.Published = pk.URL, pk.Title, r.packedDate(node, pk.Published)
		return a, r.packedTime(node, pk.RecordedAt), true
	}
	if p.one(pID) == nil {
		return graph.Article{}, time.Time{}, false
	}
	a.URL, a.Title = stringOf(p.one(pURL)), stringOf(p.one(pTitle))
	if v := p.one(pPublished); v != nil {
		a.Published = r.date(node, pPublished, v)
	}
	if t, ok := p.one(pRecordedAt).(quad.Time); ok {
		recorded = time.Time(t)
	}
	return a, recorded, true
}

// factQualifiers lists the predicates of a fact node that hold its
// qualifiers, in either layout (encode.go): its sides and predicate, its
// evidence record, and the quads of each qualifier on nodes of the older
// layout.
var factQualifiers = []quad.IRI{pSubject, pPredicate, pObject, pRecord, pRole, pLocation, pStart, pEnd, pDate,
	pEnded, pConfidence, pRecordedAt, pEndInferredFrom, pEndBy, pStartAfter, pSubjectSector, pObjectSector, pHost}

// factNode reads the fact with id without its sources; ok is false when it
// does not exist. Its cost does not grow with the number of sources.
func (r reader) factNode(ctx context.Context, id string) (f graph.Fact, ok bool, err error) {
	p, err := r.some(ctx, FactIRI(id), factQualifiers...)
	if err != nil || p.one(pPredicate) == nil {
		return graph.Fact{}, false, err
	}
	f, err = r.decodeFact(id, p)
	return f, err == nil, err
}

// decodeFact decodes the qualifiers of fact id from its node's
// properties (factQualifiers at least): its sides and predicate from
// their quads, the rest from its evidence record on a slim node (see
// encode.go) and from their quads on a node of the older layout (which
// always has a confidence quad). A date that does not decode is skipped
// (see reader.date), and so is a slim node's record (its qualifiers then
// read as unknown).
func (r reader) decodeFact(id string, p props) (graph.Fact, error) {
	if p.one(pConfidence) == nil {
		if rec := stringOf(p.one(pRecord)); isSlim(rec) {
			return r.decodeSlim(id, p, rec), nil
		}
	}
	f := graph.Fact{ID: id, Predicate: stringOf(p.one(pPredicate)), Role: stringOf(p.one(pRole)),
		Location: stringOf(p.one(pLocation)), SubjectSector: stringOf(p.one(pSubjectSector)),
		ObjectSector: stringOf(p.one(pObjectSector))}
	f.Subject, _ = idFromIRI(p.one(pSubject), "entity/")
	f.Object, _ = idFromIRI(p.one(pObject), "entity/")
	f.Host, _ = idFromIRI(p.one(pHost), "entity/")
	for _, d := range []struct {
		pred quad.IRI
		dst  *graph.Date
	}{{pStart, &f.Start}, {pEnd, &f.End}, {pDate, &f.Date}} {
		if v := p.one(d.pred); v != nil {
			*d.dst = r.date(FactIRI(id).String(), d.pred, v)
		}
	}
	if b, ok := p.one(pEnded).(quad.Bool); ok {
		f.Ended = bool(b)
	}
	if c, ok := p.one(pConfidence).(quad.Float); ok {
		f.Confidence = float64(c)
	}
	if t, ok := p.one(pRecordedAt).(quad.Time); ok {
		f.RecordedAt = time.Time(t)
	}
	f.EndInferredFrom, _ = idFromIRI(p.one(pEndInferredFrom), "")
	if b, ok := p.one(pEndBy).(quad.Bool); ok {
		f.EndBy = bool(b) && f.EndInferredFrom != ""
	}
	if v := p.one(pStartAfter); v != nil && f.Start.IsZero() {
		f.StartAfter = r.date(FactIRI(id).String(), pStartAfter, v)
	}
	return f, nil
}

// decodeSlim decodes the qualifiers of fact id from the properties p of
// its slim node and its evidence record rec (see decodeFact).
func (r reader) decodeSlim(id string, p props, rec string) graph.Fact {
	var f graph.Fact
	if fr, err := parseRecord(rec); err != nil {
		if r.log != nil {
			r.log.Warn("bad stored value skipped (run geokg check --repair)", "component", "store", "node", FactIRI(id).String(),
				"predicate", string(pRecord), "err", err)
		}
	} else {
		f = fr.qualifiers(id)
	}
	f.ID, f.Predicate = id, stringOf(p.one(pPredicate))
	f.Subject, _ = idFromIRI(p.one(pSubject), "entity/")
	f.Object, _ = idFromIRI(p.one(pObject), "entity/")
	return f
}

// decodeClaim decodes the claim of a source node. A node written before
// sources carried claims (no confidence) is read as stating the
// qualifiers of its fact f, except an inferred end. A date that does not
// decode is skipped (see reader.date).
func (r reader) decodeClaim(f *graph.Fact, p props) (graph.Claim, error) {
	if p.one(pConfidence) == nil {
		c := graph.ClaimOf(f)
		if f.EndInferredFrom != "" {
			c.End = graph.Date{}
		}
		return c, nil
	}
	c := graph.Claim{Location: stringOf(p.one(pLocation))}
	for _, d := range []struct {
		pred quad.IRI
		dst  *graph.Date
	}{{pStart, &c.Start}, {pEnd, &c.End}, {pDate, &c.Date}} {
		if v := p.one(d.pred); v != nil {
			*d.dst = r.date("source of "+f.ID, d.pred, v)
		}
	}
	if b, ok := p.one(pEnded).(quad.Bool); ok {
		c.Ended = bool(b)
	}
	if x, ok := p.one(pConfidence).(quad.Float); ok {
		c.Confidence = float64(x)
	}
	return c, nil
}

// fact reads the fact with id and all its sources, withdrawn ones
// included; ok is false when it does not exist. articles caches article nodes across calls (may be nil).
func (r reader) fact(ctx context.Context, id string, articles map[string]graph.Article) (f graph.Fact, ok bool, err error) {
	p, err := r.props(ctx, FactIRI(id))
	if err != nil || p.one(pPredicate) == nil {
		return graph.Fact{}, false, err
	}
	if f, err = r.decodeFact(id, p); err != nil {
		return graph.Fact{}, false, err
	}
	for _, sn := range p[pSource] {
		src, err := r.source(ctx, &f, sn, articles)
		if err != nil {
			return graph.Fact{}, false, err
		}
		f.Sources = append(f.Sources, src)
	}
	sort.Slice(f.Sources, func(i, j int) bool { return sourceLess(f.Sources[i], f.Sources[j]) })
	if !graph.IsEvent(f.Predicate) {
		if terms, _ := graph.SplitTerms(graph.LiveSources(f.Sources)); terms != nil {
			f.EarlierTerms = terms[:len(terms)-1]
		}
	}
	return f, true, nil
}

// source reads source node sn of fact f, with what its article gives it
// (URL, title, publication); articles caches article nodes across calls
// (may be nil). It reads both layouts of a source node (encode.go).
func (r reader) source(ctx context.Context, f *graph.Fact, sn quad.Value, articles map[string]graph.Article) (graph.Source, error) {
	sp, err := r.props(ctx, sn)
	if err != nil {
		return graph.Source{}, err
	}
	src, err := r.decodeSource(f, sn, sp)
	if err != nil {
		return graph.Source{}, err
	}
	a, cached := articles[src.Article]
	if !cached {
		if a, _, err = r.article(ctx, src.Article); err != nil {
			return graph.Source{}, fmt.Errorf("fact %s: source: %w", f.ID, err)
		}
		if articles != nil {
			articles[src.Article] = a
		}
	}
	src.URL, src.Title, src.Published = a.URL, a.Title, a.Published
	return src, nil
}

// decodeSource decodes source node sn of fact f from its properties sp,
// without what its article gives it. A packed literal that does not
// decode is reported and read as a source of the article with nothing
// else known (see reader.date).
func (r reader) decodeSource(f *graph.Fact, sn quad.Value, sp props) (graph.Source, error) {
	aid, _ := idFromIRI(sp.one(pArticle), "article/")
	src := graph.Source{Article: aid}
	if v := sp.one(pPacked); v != nil {
		node := quad.StringOf(sn)
		pk, err := unpack(v)
		if err != nil && r.log != nil {
			r.log.Warn("bad stored value skipped (run geokg check --repair)", "component", "store", "node", node, "predicate", string(pPacked), "err", err)
		}
		r.unpackSource(node, pk, &src)
		return src, nil
	}
	src.Sentence = stringOf(sp.one(pSentence))
	if t, ok := sp.one(pRecordedAt).(quad.Time); ok {
		src.RecordedAt = time.Time(t)
	}
	if t, ok := sp.one(pWithdrawnAt).(quad.Time); ok {
		src.WithdrawnAt = time.Time(t)
	}
	src.Subject, _ = idFromIRI(sp.one(pStatedSubject), "entity/")
	var err error
	if src.Claim, err = r.decodeClaim(f, sp); err != nil {
		return graph.Source{}, fmt.Errorf("fact %s: source %s: %w", f.ID, aid, err)
	}
	for _, v := range sp[pTimeSentence] {
		src.TimeSentences = append(src.TimeSentences, stringOf(v))
	}
	sort.Strings(src.TimeSentences)
	return src, nil
}

// sourceKey reads what orders source node sn among its fact's sources
// (sourceLess: recording time, article, sentence) and whether it is
// withdrawn, without its claim or article.
func (r reader) sourceKey(ctx context.Context, sn quad.Value) (key graph.Source, withdrawn bool, err error) {
	sp, err := r.some(ctx, sn, pArticle, pPacked)
	if err != nil {
		return graph.Source{}, false, err
	}
	if sp.one(pPacked) == nil { // the layout before packing
		if sp, err = r.some(ctx, sn, pArticle, pRecordedAt, pSentence, pWithdrawnAt); err != nil {
			return graph.Source{}, false, err
		}
	}
	src, err := r.decodeSource(&graph.Fact{}, sn, sp)
	if err != nil {
		return graph.Source{}, false, err
	}
	key = graph.Source{Article: src.Article, Sentence: src.Sentence, RecordedAt: src.RecordedAt}
	return key, !src.WithdrawnAt.IsZero(), nil
}

// storedInstant returns instant t as reads will give it back once it is
// stored (timeValue). Cayley keys a value by its text, which writes an
// instant to the second, so an instant of a second the store already
// holds reads back as the one stored first; a write takes that one as
// its now, so that what it keeps of its instants elsewhere (the evidence
// record, the cache) is what reads of the quads give.
func (r reader) storedInstant(t time.Time) (time.Time, error) {
	ref, err := r.qs.ValueOf(timeValue(t))
	if err != nil || ref == nil {
		return t, err
	}
	v, err := r.qs.NameOf(ref)
	if st, ok := v.(quad.Time); ok && err == nil {
		return time.Time(st), nil
	}
	return t, err
}

// hasNode reports whether node has a class, that is, whether it is stored.
func (r reader) hasNode(ctx context.Context, node quad.Value) (bool, error) {
	vs, err := r.out(ctx, node, rdfType)
	return len(vs) > 0, err
}

// sourceLess orders sources by when they were recorded, then article and sentence.
func sourceLess(a, b graph.Source) bool {
	if !a.RecordedAt.Equal(b.RecordedAt) {
		return a.RecordedAt.Before(b.RecordedAt)
	}
	if a.Article != b.Article {
		return a.Article < b.Article
	}
	return a.Sentence < b.Sentence
}

// count returns how many distinct nodes have class c.
// It counts without holding the nodes (a node has its class once).
func (r reader) count(ctx context.Context, c quad.IRI) (int, error) {
	n, err := path.StartPath(r.qs, c).In(rdfType).Iterate(ctx).Count()
	return int(n), err
}

// countSources returns how many source nodes the store holds. They have
// no class (encode.go) but each links to its article, once; an article
// has its class. Counting follows no alternative paths (one per source
// anyway), which Cayley's SQL iterators fail to give.
func (r reader) countSources(ctx context.Context) (int, error) {
	n, err := path.StartPath(r.qs, classArticle).In(rdfType).In(pArticle).Iterate(ctx).Paths(false).Count()
	return int(n), err
}

// resolve returns the sorted ids of entities whose id is name or whose
// alias key equals AliasKey(name), and the entity whose id is name when
// there is one (read to find it; ok false when none).
func (r reader) resolve(ctx context.Context, name string) (ids []string, byID graph.Entity, ok bool, err error) {
	seen := map[string]bool{}
	if byID, ok, err = r.entity(ctx, strings.TrimSpace(name)); err != nil {
		return nil, graph.Entity{}, false, err
	} else if ok {
		seen[strings.TrimSpace(name)] = true
		ids = append(ids, strings.TrimSpace(name))
	}
	if k := AliasKey(name); k != "" {
		vs, err := r.ids(ctx, quad.String(k), pKey, "entity/")
		if err != nil {
			return nil, graph.Entity{}, false, err
		}
		for _, id := range vs {
			if !seen[id] {
				seen[id] = true
				ids = append(ids, id)
			}
		}
	}
	sort.Strings(ids)
	return ids, byID, ok, nil
}

// eachIn calls fn for the subject of every quad "? pred node" as the
// backend's index yields it, without collecting them: memory does not grow
// with their number. A subject may come more than once; the order is the
// backend's. On kv backends this is the prefix scan in does.
func (r reader) eachIn(ctx context.Context, node quad.Value, pred quad.IRI, fn func(quad.Value) error) error {
	return path.StartPath(r.qs, node).In(pred).Iterate(ctx).EachValue(r.qs, fn)
}

// compactID is a fact id in ComputeID's form, "fact/" and 24 lower-case
// hex digits, held as the 12 bytes the digits spell: 12 bytes instead of
// a 45-byte string and its header, in the same order as the strings.
type compactID [12]byte

// compactPrefix and compactLen are the prefix and length of the ids that
// have a compact form.
const (
	compactPrefix = "fact/"
	compactLen    = len(compactPrefix) + 2*len(compactID{})
)

// parseCompact returns the compact form of id; ok is false when id is not
// "fact/" and 24 lower-case hex digits (ids imported from elsewhere), so
// that the compact form always spells id back exactly.
func parseCompact(id string) (c compactID, ok bool) {
	if len(id) != compactLen || id[:len(compactPrefix)] != compactPrefix {
		return c, false
	}
	h := id[len(compactPrefix):]
	for i := range c {
		hi, ok1 := lowerHexDigit(h[2*i])
		lo, ok2 := lowerHexDigit(h[2*i+1])
		if !ok1 || !ok2 {
			return compactID{}, false
		}
		c[i] = hi<<4 | lo
	}
	return c, true
}

// lowerHexDigit returns the value of the lower-case hex digit b.
func lowerHexDigit(b byte) (byte, bool) {
	switch {
	case '0' <= b && b <= '9':
		return b - '0', true
	case 'a' <= b && b <= 'f':
		return b - 'a' + 10, true
	}
	return 0, false
}

// appendTo appends the id c stands for to dst.
func (c compactID) appendTo(dst []byte) []byte {
	return hex.AppendEncode(append(dst, compactPrefix...), c[:])
}

// String returns the id c stands for.
func (c compactID) String() string {
	return string(c.appendTo(make([]byte, 0, compactLen)))
}

// compareString compares the id c stands for with id s, as strings.
func (c compactID) compareString(s string) int {
	var buf [compactLen]byte
	return strings.Compare(string(c.appendTo(buf[:0])), s)
}

// pageID is one id of an idPage: compact when it has that form, else the string.
type pageID struct {
	c       compactID
	s       string
	compact bool
}

// newPageID returns id in its compact form when it has one.
func newPageID(id string) pageID {
	if c, ok := parseCompact(id); ok {
		return pageID{c: c, compact: true}
	}
	return pageID{s: id}
}

// compare orders a and b as their id strings.
func (a pageID) compare(b pageID) int {
	switch {
	case a.compact && b.compact:
		return bytes.Compare(a.c[:], b.c[:])
	case a.compact:
		return a.c.compareString(b.s)
	case b.compact:
		return -b.c.compareString(a.s)
	}
	return strings.Compare(a.s, b.s)
}

// idPage lists a set of ids in order with bounded memory. One scan of
// the set (in any order, with repeats) through add keeps the limit
// smallest ids after the previous page; ids then calls fn for them in
// order, and next moves on to the following page, which takes another
// scan. A page holds at most limit+limit/4 ids (it trims itself back to
// the limit smallest when it reaches that): ids in compact form (12 bytes
// each) and the others as strings. A set of at most limit ids takes a
// single scan; a larger one at most maxPages (more only if ids are added
// meanwhile): the first scan counts the set, and the later pages grow to
// share what remains among maxPages-1 scans, so that the time of the
// scans of a huge set does not grow with the square of its size.
type idPage struct {
	limit, maxPages int
	// pages counts the scans so far; offered counts the ids the first one
	// offered, repeats included.
	pages, offered int
	// after is the last id of the previous page (when pages > 0): the ids
	// up to it are done.
	after   pageID
	compact []compactID
	other   []string
	// full is set once the page dropped ids: cutoff is then its largest id
	// and the ids above it wait for a later page.
	full   bool
	cutoff pageID
}

// newIDPage returns the first page of a set listed limit ids at a time,
// in about maxPages scans at most.
func newIDPage(limit, maxPages int) *idPage {
	return &idPage{limit: max(limit, 1), maxPages: max(maxPages, 2)}
}

// add offers one id of the set to the page.
func (p *idPage) add(id string) {
	if p.pages == 0 {
		p.offered++
	}
	x := newPageID(id)
	if p.pages > 0 && x.compare(p.after) <= 0 {
		return
	}
	if p.full && x.compare(p.cutoff) >= 0 {
		return
	}
	if x.compact {
		p.compact = append(p.compact, x.c)
	} else {
		p.other = append(p.other, x.s)
	}
	if len(p.compact)+len(p.other) >= p.limit+max(p.limit/4, 1) {
		p.trim()
	}
}

// trim sorts the page, drops repeats and keeps its limit smallest ids.
func (p *idPage) trim() {
	slices.SortFunc(p.compact, func(a, b compactID) int { return bytes.Compare(a[:], b[:]) })
	p.compact = slices.Compact(p.compact)
	slices.Sort(p.other)
	p.other = slices.Compact(p.other)
	if len(p.compact)+len(p.other) <= p.limit {
		return
	}
	i, j := 0, 0
	var last pageID
	for range p.limit {
		if j == len(p.other) || (i < len(p.compact) && p.compact[i].compareString(p.other[j]) < 0) {
			last = pageID{c: p.compact[i], compact: true}
			i++
		} else {
			last = pageID{s: p.other[j]}
			j++
		}
	}
	p.compact, p.other = p.compact[:i], p.other[:j]
	p.full, p.cutoff = true, last
}

// ids calls fn for the ids of the page in order, stopping at the first
// error fn returns.
func (p *idPage) ids(fn func(id string) error) error {
	p.trim()
	i, j := 0, 0
	for i < len(p.compact) || j < len(p.other) {
		var id string
		if j == len(p.other) || (i < len(p.compact) && p.compact[i].compareString(p.other[j]) < 0) {
			id = p.compact[i].String()
			i++
		} else {
			id = p.other[j]
			j++
		}
		if err := fn(id); err != nil {
			return err
		}
	}
	return nil
}

// next moves to the page after this one and reports whether there may be
// one: false when this page held every remaining id.
func (p *idPage) next() bool {
	if !p.full {
		return false
	}
	if p.pages == 0 {
		rest := p.offered - p.limit
		p.limit = max(p.limit, (rest+p.maxPages-2)/(p.maxPages-1))
	}
	p.pages++
	p.after, p.full = p.cutoff, false
	p.compact, p.other = p.compact[:0], p.other[:0]
	return true
}
