package resolve

import (
	"context"
	"fmt"
	"io/fs"
	"strings"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/store"
)

// Lookup is what resolution needs of the store: the entities a name is
// the canonical name or an alias of (store.Store.Resolve).
type Lookup interface {
	Resolve(ctx context.Context, name string) ([]graph.Entity, error)
}

// BatchLookup is a Lookup that also looks many names up at once
// (store.Store.ResolveAll): the result maps each name to what Resolve
// would return for it. Batch asks it once for every person of a batch,
// in one read of the store instead of one or more per person.
type BatchLookup interface {
	Lookup
	ResolveAll(ctx context.Context, names []string) (map[string][]graph.Entity, error)
}

// prefetched answers Resolve from the names a BatchLookup looked up, and
// asks the Lookup for the others.
type prefetched struct {
	l     Lookup
	known map[string][]graph.Entity
}

// Resolve returns the entities of name.
func (p prefetched) Resolve(ctx context.Context, name string) ([]graph.Entity, error) {
	if ents, ok := p.known[name]; ok {
		return ents, nil
	}
	return p.l.Resolve(ctx, name)
}

// Resolver canonicalizes a batch's people against the stored ones. It is
// immutable and safe for concurrent use.
type Resolver struct {
	nick *nicknames
}

// Stats counts what one Batch call changed.
type Stats struct {
	// Merged is the number of batch entities mapped onto another entity.
	Merged int
}

// New returns a Resolver with the embedded nickname table. Callers make
// one and pass it to whatever resolves (ingest.Pipeline.Resolver); it may
// be shared.
func New() (*Resolver, error) {
	n, err := defaultNicknames()
	if err != nil {
		return nil, err
	}
	return &Resolver{nick: n}, nil
}

// Load returns a Resolver reading gazetteer/nicknames.tsv from fsys (laid
// out as data.Gazetteer).
func Load(fsys fs.FS) (*Resolver, error) {
	n, err := loadNicknames(fsys)
	if err != nil {
		return nil, err
	}
	return &Resolver{nick: n}, nil
}

// name is a person's name cut into the parts resolution compares.
type name struct {
	text        string
	first, rest string // alias keys of the first word and of the others
	last        string // alias key of the last word
	words       int
}

func parseName(s string) name {
	ws := strings.Fields(s)
	n := name{text: s, words: len(ws)}
	if len(ws) == 0 {
		return n
	}
	n.first = store.AliasKey(ws[0])
	n.last = store.AliasKey(ws[len(ws)-1])
	n.rest = store.AliasKey(strings.Join(ws[1:], " "))
	return n
}

// sameWhole reports whether two names are one name written differently.
func sameWhole(a, b name) bool { return store.AliasKey(a.text) == store.AliasKey(b.text) }

// compatible reports whether full names a and b may name one person: the
// same name, or the same surname with equivalent first names.
func (r *Resolver) compatible(a, b name) bool {
	if sameWhole(a, b) {
		return true
	}
	if a.words < 2 || b.words < 2 || a.last == "" || a.last != b.last {
		return false
	}
	return r.nick.equivalent(a.first, b.first)
}

// Batch maps the people of b onto stored people (or onto a more formal
// form of the same name in b), rewriting the entities and the facts'
// subjects and objects in place. A lookup error stops it; b is then
// unchanged.
func (r *Resolver) Batch(ctx context.Context, l Lookup, b *graph.Batch) (Stats, error) {
	target := map[string]graph.Entity{} // batch entity id → entity it becomes
	r.inBatch(b.Entities, target)
	if bl, ok := l.(BatchLookup); ok {
		var names []string
		for _, e := range b.Entities {
			if _, done := target[e.ID]; !done && e.Type == graph.Person && parseName(e.Name).words > 0 {
				names = append(names, e.Name)
			}
		}
		if len(names) > 0 {
			known, err := bl.ResolveAll(ctx, names)
			if err != nil {
				return Stats{}, fmt.Errorf("resolve %d names: %w", len(names), err)
			}
			l = prefetched{l: l, known: known}
		}
	}
	for _, e := range b.Entities {
		if e.Type != graph.Person {
			continue
		}
		if _, done := target[e.ID]; done {
			continue
		}
		t, ok, err := r.stored(ctx, l, e)
		if err != nil {
			return Stats{}, fmt.Errorf("resolve %s: %w", e.ID, err)
		}
		if ok {
			target[e.ID] = t
		}
	}
	// A batch representative may itself have been mapped to a stored entity.
	for id, t := range target {
		for k := 0; k < 4; k++ {
			next, ok := target[t.ID]
			if !ok || next.ID == t.ID {
				break
			}
			t = next
		}
		target[id] = t
	}
	if len(target) == 0 {
		return Stats{}, nil
	}
	apply(b, target)
	return Stats{Merged: len(target)}, nil
}

// inBatch maps people of one batch whose names are nickname variants of
// each other onto the one with the formal first name.
func (r *Resolver) inBatch(ents []graph.Entity, target map[string]graph.Entity) {
	var people []int
	for i, e := range ents {
		if e.Type == graph.Person && parseName(e.Name).words >= 2 {
			people = append(people, i)
		}
	}
	for _, i := range people {
		a := parseName(ents[i].Name)
		best := i
		for _, j := range people {
			if j == i || ents[j].ID == ents[i].ID {
				continue
			}
			if !r.compatible(a, parseName(ents[j].Name)) {
				continue
			}
			if r.better(ents[j], ents[best]) {
				best = j
			}
		}
		if best != i {
			target[ents[i].ID] = ents[best]
		}
	}
}

// better orders two forms of one name: the formal first name, then the
// longer name, then the smaller id.
func (r *Resolver) better(a, b graph.Entity) bool {
	fa, fb := r.nick.formal[parseName(a.Name).first], r.nick.formal[parseName(b.Name).first]
	if fa != fb {
		return fa
	}
	if len(a.Name) != len(b.Name) {
		return len(a.Name) > len(b.Name)
	}
	return a.ID < b.ID
}

// stored finds the stored person e stands for, if there is exactly one.
func (r *Resolver) stored(ctx context.Context, l Lookup, e graph.Entity) (graph.Entity, bool, error) {
	n := parseName(e.Name)
	if n.words == 0 {
		return graph.Entity{}, false, nil
	}
	hits, err := l.Resolve(ctx, e.Name)
	if err != nil {
		return graph.Entity{}, false, err
	}
	for _, h := range hits {
		if h.ID == e.ID {
			return graph.Entity{}, false, nil // stored under its own id
		}
	}
	found := map[string]graph.Entity{}
	for _, h := range hits {
		if h.Type != graph.Person {
			continue
		}
		hn := parseName(h.Name)
		switch {
		case n.words == 1:
			// A lone surname: a full-name person known by it.
			if hn.words >= 2 && hn.last == n.last {
				found[h.ID] = h
			}
		case r.compatible(n, hn):
			found[h.ID] = h
		}
	}
	if len(found) == 0 && n.words >= 2 {
		ws := strings.Fields(e.Name)
		for _, v := range r.nick.variants(ws[0]) {
			alt := v + " " + strings.Join(ws[1:], " ")
			hs, err := l.Resolve(ctx, alt)
			if err != nil {
				return graph.Entity{}, false, err
			}
			for _, h := range hs {
				if h.Type == graph.Person && h.ID != e.ID && r.compatible(n, parseName(h.Name)) {
					found[h.ID] = h
				}
			}
		}
	}
	if len(found) != 1 {
		return graph.Entity{}, false, nil
	}
	for _, h := range found {
		return h, true, nil
	}
	return graph.Entity{}, false, nil
}

// apply rewrites b's entities and facts through target.
func apply(b *graph.Batch, target map[string]graph.Entity) {
	ents := make([]graph.Entity, 0, len(b.Entities))
	for _, e := range b.Entities {
		t, ok := target[e.ID]
		if !ok {
			ents = append(ents, e)
			continue
		}
		aliases := append([]string{e.Name}, e.Aliases...)
		ents = append(ents, graph.Entity{ID: t.ID, Name: t.Name, Type: t.Type, Aliases: aliases})
	}
	b.Entities = ents
	byKey := map[string]int{}
	facts := make([]graph.Fact, 0, len(b.Facts))
	for _, f := range b.Facts {
		changed := false
		if t, ok := target[f.Subject]; ok {
			f.Subject, changed = t.ID, true
		}
		if t, ok := target[f.Object]; ok {
			f.Object, changed = t.ID, true
		}
		if t, ok := target[f.Host]; ok {
			f.Host = t.ID // the host is one of the sides, renamed with it
		}
		if f.Subject == f.Object && (f.SubjectSector == "" || f.ObjectSector == "" || f.SubjectSector == f.ObjectSector) {
			continue // a domestic event keeps its two parts (see extract's coder)
		}
		if changed || f.ID == "" {
			f.ComputeID()
		}
		k := f.Key()
		if i, ok := byKey[k]; ok {
			mergeInto(&facts[i], f)
			continue
		}
		byKey[k] = len(facts)
		facts = append(facts, f)
	}
	b.Facts = facts
}

// mergeInto folds a second statement of one fact into the first.
func mergeInto(old *graph.Fact, f graph.Fact) {
	if f.Confidence > old.Confidence {
		old.Confidence = f.Confidence
	}
	seen := map[string]int{}
	for i, s := range old.Sources {
		seen[s.Article+"\x00"+s.Sentence] = i
	}
	for _, s := range f.Sources {
		if i, ok := seen[s.Article+"\x00"+s.Sentence]; ok {
			old.Sources[i].AddTimeSentences(s.TimeSentences)
			continue
		}
		old.Sources = append(old.Sources, s)
	}
	for _, p := range []struct{ dst, src *graph.Date }{{&old.Start, &f.Start}, {&old.End, &f.End}, {&old.Date, &f.Date}} {
		if p.src.MorePrecise(*p.dst) {
			*p.dst = *p.src
		}
	}
	if old.Location == "" {
		old.Location = f.Location
	}
	if old.Host == "" {
		old.Host = f.Host // one statement of the meeting told who hosted it
	}
	old.Ended = (old.Ended || f.Ended) && old.End.IsZero()
}
