package store

// Checking a store: every stored value in the type its predicate is
// written in (dates that parse and lie in graph.Date's range, doubles,
// booleans, instants), for `geokg import` (each quad before anything is
// loaded) and `geokg check` (the whole store, optionally removing what is
// bad); and the bbolt file's pages, whose damage bbolt would otherwise
// report with a panic.

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"sort"
	"time"

	cayleygraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	bolt "go.etcd.io/bbolt"

	"github.com/geokg/geokg/graph"
)

// valueKind is the type a predicate's object is written in.
type valueKind int

const (
	kindDate valueKind = iota + 1
	kindDouble
	kindBool
	kindInstant
	kindPacked
)

// typedPredicates is the table of predicates whose objects have a type
// (see encode.go); every other object is a string or a node.
var typedPredicates = map[quad.IRI]valueKind{
	pStart: kindDate, pEnd: kindDate, pDate: kindDate, pPublished: kindDate,
	pConfidence: kindDouble, pEnded: kindBool, pRecordedAt: kindInstant, pWithdrawnAt: kindInstant,
	pPacked: kindPacked,
}

// xsdTypes names the XML Schema types a valid literal is read into a Go
// value from (quad.Float, quad.Bool, quad.Time, quad.Int): a literal of
// one of them left a quad.TypedString did not parse.
var xsdTypes = map[quad.IRI]bool{
	"http://www.w3.org/2001/XMLSchema#double":   true,
	"http://www.w3.org/2001/XMLSchema#float":    true,
	"http://www.w3.org/2001/XMLSchema#decimal":  true,
	"http://www.w3.org/2001/XMLSchema#boolean":  true,
	"http://www.w3.org/2001/XMLSchema#dateTime": true,
	"http://www.w3.org/2001/XMLSchema#integer":  true,
	"http://www.w3.org/2001/XMLSchema#int":      true,
	"http://www.w3.org/2001/XMLSchema#long":     true,
}

// CheckQuad reports whether q can be stored and read back: it has a
// subject, predicate and object, and its object is in the type its
// predicate is written in — a date in graph.Date's range (years
// 1–9999), a double, a boolean, an instant, or packed properties
// (packed.go) of a known version whose dates and instants are such — and no typed literal
// failed to parse ("very high"^^xsd:double). The error wraps
// ErrBadValue (or graph.ErrInvalid for a missing value).
func CheckQuad(q quad.Quad) error {
	if !q.IsValid() {
		return fmt.Errorf("%w: subject, predicate and object are required", graph.ErrInvalid)
	}
	if ts, ok := q.Object.(quad.TypedString); ok && xsdTypes[ts.Type] {
		return fmt.Errorf("%w: %v is not a valid %s", ErrBadValue, q.Object, ts.Type)
	}
	if q.Subject == anchorNode {
		return nil
	}
	pred, _ := q.Predicate.(quad.IRI)
	var ok bool
	switch typedPredicates[pred] {
	case kindDate:
		d, err := dateFromValue(q.Object)
		if err != nil {
			return fmt.Errorf("%w: %s: %w", ErrBadValue, pred, err)
		}
		ok = d.Valid() && !d.IsZero()
	case kindDouble:
		_, ok = q.Object.(quad.Float)
	case kindBool:
		_, ok = q.Object.(quad.Bool)
	case kindInstant:
		var t quad.Time
		if t, ok = q.Object.(quad.Time); ok {
			y := time.Time(t).Year()
			ok = y >= graph.MinYear && y <= graph.MaxYear
		}
	case kindPacked:
		p, err := unpack(q.Object)
		if err == nil {
			err = p.check()
		}
		if err != nil {
			return err
		}
		return nil
	default:
		return nil
	}
	if !ok {
		return fmt.Errorf("%w: %s %v", ErrBadValue, pred, q.Object)
	}
	return nil
}

// Problem is one bad quad a check found.
type Problem struct {
	// Quad is the stored quad.
	Quad quad.Quad
	// Err says what is wrong with it (wraps ErrBadValue or graph.ErrInvalid).
	Err error
}

// CheckReport is what Store.Check found and did.
type CheckReport struct {
	// Quads is how many quads were checked.
	Quads int
	// Problems are the bad quads found, in the backend's order.
	Problems []Problem
	// Removed is how many of them a repair removed.
	Removed int
	// NoEvidence counts the facts whose node keeps no evidence record
	// (written before it existed, see evidence.go): they are read through
	// their sources' nodes or whole, at a cost that grows with their
	// sources, until a write changes them or a repair writes it.
	NoEvidence int
	// EvidenceWritten is how many of them a repair gave their evidence
	// record.
	EvidenceWritten int
	// StaleCounts are the entities whose timeline count (timecount.go)
	// is not the number of their timeline rows, sorted: answers then say
	// a wrong number of facts and page a timeline wrong. Reindex
	// rebuilds the counts; Check does not.
	StaleCounts []string
}

// Check reads every quad of the store and reports those CheckQuad rejects
// (the value anchors that keep values alive aside). With repair, it
// removes them in one transaction: a bad date is then an unknown one, a
// bad confidence zero. It also counts the facts that keep no evidence
// record (CheckReport.NoEvidence) and, with repair, writes it (and
// removes the evidence quads stores kept before the record). The store is read
// under its read lock, and the
// repair taken under its write lock; the inference cache is dropped.
// It then compares the timeline counts with the timeline rows
// (CheckReport.StaleCounts).
func (s *Store) Check(ctx context.Context, repair bool) (rep CheckReport, err error) {
	defer func() {
		if err == nil {
			if rep.StaleCounts, err = s.checkTimeCounts(ctx); err != nil {
				err = fmt.Errorf("check: timeline counts: %w", err)
			}
		}
	}()
	facts, withEvidence := map[quad.Value]bool{}, map[quad.Value]bool{}
	err = s.read(ctx, func(r reader) error {
		it := r.qs.QuadsAllIterator().Iterate()
		defer it.Close()
		for it.Next(ctx) {
			q, err := r.qs.Quad(it.Result())
			if err != nil {
				return err
			}
			if q.Subject == nil || q.Subject == anchorNode {
				continue
			}
			rep.Quads++
			switch {
			case q.Predicate == rdfType && q.Object == classFact:
				facts[q.Subject] = true
			case q.Predicate == pRecord && hasAggregate(stringOf(q.Object)):
				withEvidence[q.Subject] = true
			}
			if err := CheckQuad(q); err != nil {
				rep.Problems = append(rep.Problems, Problem{Quad: q, Err: err})
			}
		}
		if err := it.Err(); err != nil {
			return err
		}
		return ctx.Err()
	})
	if err != nil {
		return rep, fmt.Errorf("check: %w", err)
	}
	var missing []string
	for n := range facts {
		if id, ok := idFromIRI(n, ""); ok && !withEvidence[n] {
			missing = append(missing, id)
		}
	}
	sort.Strings(missing)
	rep.NoEvidence = len(missing)
	if !repair || len(rep.Problems)+len(missing) == 0 {
		return rep, nil
	}
	deltas := make([]cayleygraph.Delta, 0, len(rep.Problems))
	for _, p := range rep.Problems {
		deltas = append(deltas, cayleygraph.Delta{Quad: p.Quad, Action: cayleygraph.Delete})
	}
	if len(deltas) > 0 {
		if err := s.apply(ctx, deltas); err != nil {
			return rep, fmt.Errorf("check: repair: %w", err)
		}
		rep.Removed = len(deltas)
	}
	// Evidence, a page of facts at a time so that memory stays flat.
	for len(missing) > 0 {
		page := missing[:min(len(missing), 1000)]
		missing = missing[len(page):]
		var add []cayleygraph.Delta
		err := s.read(ctx, func(r reader) error {
			for _, id := range page {
				f, ok, err := r.fact(ctx, id, nil)
				if err != nil {
					return err
				}
				if !ok {
					continue
				}
				old, err := r.some(ctx, FactIRI(id), evidencePredicates...)
				if err != nil {
					return err
				}
				for pred, vs := range old {
					for _, v := range vs {
						add = append(add, cayleygraph.Delta{Quad: quad.Make(FactIRI(id), pred, v, nil), Action: cayleygraph.Delete})
					}
				}
				slim := false // a record of a slim node keeps its qualifiers: so does the new one
				for _, v := range old[pRecord] {
					slim = slim || isSlim(stringOf(v))
				}
				qs, err := evidenceQuads(&f, nil, slim)
				if err != nil {
					return err
				}
				for _, q := range qs {
					add = append(add, cayleygraph.Delta{Quad: q, Action: cayleygraph.Add})
				}
			}
			return nil
		})
		if err == nil {
			err = s.apply(ctx, keepValues(add))
		}
		if err != nil {
			return rep, fmt.Errorf("check: repair: evidence: %w", err)
		}
		rep.EvidenceWritten += len(page)
	}
	return rep, nil
}

// maxProblems is how many damaged records CheckPages lists.
const maxProblems = 10

// CheckPages checks the bbolt store in directory dir without opening it
// as a store: the file's size and meta pages (checkBoltFile), every page
// bbolt would reach from them, read (under the file's lock) before bbolt
// reads any (checkBoltPages), then every bucket, key and value, in order
// (walkBolt): it returns nil when no
// store file is there, ErrLocked when another process holds it, and an
// error wrapping ErrDamaged that lists what is wrong — never a panic —
// when the file is damaged. Other backends have no pages to check.
func CheckPages(dir string) (err error) {
	file := filepath.Join(dir, BoltFile)
	if _, err := os.Stat(file); errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err := checkBoltFile(file, true); err != nil {
		return err
	}
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%w: %s: %v", ErrDamaged, file, r)
		}
	}()
	// Opened read-only, bbolt reads the meta pages and none other (no
	// PreLoadFreelist); it takes the file's lock, so that no writer
	// changes the pages checked next.
	db, err := bolt.Open(file, 0o600, &bolt.Options{Timeout: lockTimeout, ReadOnly: true})
	switch {
	case errors.Is(err, bolt.ErrTimeout):
		return ErrLocked
	case err != nil:
		return fmt.Errorf("%w: %s: %w", ErrDamaged, file, err)
	}
	defer db.Close()
	// Every page bbolt would reach, the freelist's too, is checked
	// before bbolt reads it: a damaged tree can send bbolt round in
	// circles (boltpages.go).
	if err := checkBoltPages(file); err != nil {
		return err
	}
	// Every page in use is read here, in this goroutine: bbolt's
	// Tx.Check reads them in a goroutine of its own, where a damaged page
	// can crash the process.
	var problems []error
	func() {
		defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
		defer func() {
			if r := recover(); r != nil {
				problems = append(problems, fmt.Errorf("%v", r))
			}
		}()
		problems = walkBolt(db)
	}()
	if len(problems) > 0 {
		return damagedPages(file, problems)
	}
	return nil
}

// damagedPages is the error of CheckPages for the problems found in
// file: it wraps ErrDamaged and lists up to maxProblems of them.
func damagedPages(file string, problems []error) error {
	n := len(problems)
	if n > maxProblems {
		problems = append(problems[:maxProblems:maxProblems], fmt.Errorf("and %d more", n-maxProblems))
	}
	return fmt.Errorf("%w: %s: %d damaged records or pages: %w", ErrDamaged, file, n, errors.Join(problems...))
}
