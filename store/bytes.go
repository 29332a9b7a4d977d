package store

// Where a bbolt store's bytes are. Cayley's key-value layout keeps, in one
// bbolt file:
//
//	log           one record per primitive, keyed by its id: every value
//	              (its serialized text) and every quad (its four value ids),
//	              deleted quads included (marked dead, never removed)
//	sp, ops       the quad indexes: (subject, predicate) and (object,
//	              predicate, subject) → the ids of the quads with them,
//	              dead ones included
//	v00…vff       value hash → value id
//	n00…nff       value hash → reference count
//	meta          counters
//
// StoreBytes walks them all and attributes their bytes (keys and values,
// not bbolt's page headers or free space) to what they hold.

import (
	"cmp"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"

	cproto "github.com/cayleygraph/cayley/graph/proto"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/pquads"
	bolt "go.etcd.io/bbolt"
	"google.golang.org/protobuf/proto"
)

// BucketBytes is what one kind of Cayley bucket holds.
type BucketBytes struct {
	// Name names the kind: "log: values", "log: quads", "log: deleted
	// quads", "index sp", "index ops", "value ids", "value refs", "meta"
	// (or a bucket's own name when it is none of these).
	Name string `json:"name"`
	// Keys is how many keys the buckets hold; Bytes their keys' and
	// values' bytes.
	Keys  int   `json:"keys"`
	Bytes int64 `json:"bytes"`
	// Pages is the bytes of the pages the buckets take (branch, leaf and
	// overflow pages; a bucket small enough to live inside its parent's
	// page counts its inline bytes).
	Pages int64 `json:"page_bytes"`
}

// PredicateBytes is what the quads of one predicate cost.
type PredicateBytes struct {
	// Predicate is the predicate's IRI.
	Predicate string `json:"predicate"`
	// Quads and Deleted count its live and deleted quads in the log.
	Quads   int `json:"quads"`
	Deleted int `json:"deleted"`
	// ValueBytes is the log bytes of the values first met as the object
	// of a live quad of this predicate (the literals it alone names).
	ValueBytes int64 `json:"value_bytes"`
}

// StoreBytes is where the bytes of a bbolt store are (see bytes.go).
type StoreBytes struct {
	// Usage is the file's size and pages in use.
	Usage BoltUsage `json:"usage"`
	// Data is the bytes of every key and value (Buckets summed).
	Data int64 `json:"data_bytes"`
	// Buckets are the kinds of bucket, largest first.
	Buckets []BucketBytes `json:"buckets"`
	// Predicates are the quads by predicate, the most first.
	Predicates []PredicateBytes `json:"predicates"`
	// Facts counts the fact nodes (rdf:type geokg:Fact quads).
	Facts int `json:"facts"`
}

// StoreBytesOf walks the bbolt store in directory dir, opened read-only,
// and returns where its bytes are: ErrLocked when a writer holds it, an
// error wrapping ErrNotFound when there is no store file.
func StoreBytesOf(dir string) (_ StoreBytes, err error) {
	usage, err := BoltUsageOf(dir)
	if err != nil {
		return StoreBytes{}, err
	}
	file := filepath.Join(dir, BoltFile)
	wrap := func(err error) error { return fmt.Errorf("store bytes %s: %w", dir, err) }
	db, err := bolt.Open(file, 0o600, &bolt.Options{Timeout: lockTimeout, ReadOnly: true})
	switch {
	case errors.Is(err, bolt.ErrTimeout):
		return StoreBytes{}, wrap(ErrLocked)
	case errors.Is(err, os.ErrNotExist):
		return StoreBytes{}, wrap(fmt.Errorf("no store here: %w", ErrNotFound))
	case err != nil:
		return StoreBytes{}, wrap(fmt.Errorf("%w: %s: %w", ErrDamaged, file, err))
	}
	defer db.Close()
	// Its pages are checked before bbolt walks them (a damaged tree can
	// send bbolt round in circles, boltpages.go); what bbolt still
	// panics on is damage too.
	if err := checkBoltPages(file); err != nil {
		return StoreBytes{}, wrap(err)
	}
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			err = wrap(fmt.Errorf("%w: %s: %v", ErrDamaged, file, r))
		}
	}()
	sb := StoreBytes{Usage: usage}
	err = db.View(func(tx *bolt.Tx) error { return sb.walk(tx) })
	if err != nil {
		return StoreBytes{}, wrap(err)
	}
	return sb, nil
}

// walk fills sb from the buckets of tx.
func (sb *StoreBytes) walk(tx *bolt.Tx) error {
	kinds := map[string]*BucketBytes{}
	kindOf := func(name string) *BucketBytes {
		b := kinds[name]
		if b == nil {
			b = &BucketBytes{Name: name}
			kinds[name] = b
		}
		return b
	}
	add := func(name string, k, v []byte) {
		b := kindOf(name)
		b.Keys++
		b.Bytes += int64(len(k) + len(v))
	}
	// The log is read in id order, and a quad's values are made before
	// it, so one pass takes every quad with its values known. Only the
	// names of the vocabulary (predicates, classes) are kept, and the
	// sizes of the literals no live quad has named yet.
	names := map[uint64]string{}
	literals := map[uint64]int64{}
	byPred := map[uint64]*PredicateBytes{}
	pred := func(id uint64) *PredicateBytes {
		pb := byPred[id]
		if pb == nil {
			pb = &PredicateBytes{}
			byPred[id] = pb
		}
		return pb
	}
	var typeID, factID uint64
	var logPages int64 // shared out below among the log's kinds, by bytes
	err := tx.ForEach(func(name []byte, b *bolt.Bucket) error {
		mustWalk(b, name)
		kind := bucketKind(name)
		st := b.Stats()
		if kind == "log" {
			logPages = int64(st.BranchAlloc + st.LeafAlloc)
		} else {
			kindOf(kind).Pages += int64(st.BranchAlloc + st.LeafAlloc + st.InlineBucketInuse)
		}
		return b.ForEach(func(k, v []byte) error {
			if kind != "log" {
				add(kind, k, v)
				return nil
			}
			var p cproto.Primitive
			if err := proto.Unmarshal(v, &p); err != nil {
				return fmt.Errorf("%w: log record %x: %w", ErrBadValue, k, err)
			}
			switch {
			case p.Value != nil:
				add("log: values", k, v)
				val, err := pquads.UnmarshalValue(p.Value)
				iri, isIRI := val.(quad.IRI)
				switch {
				case err != nil || !isIRI:
					literals[p.ID] = int64(len(k) + len(v))
				case iri == rdfType:
					typeID = p.ID
				case iri == classFact:
					factID = p.ID
				}
				if kind, _, ok := ParseIRI(val); isIRI && (!ok || kind == KindRel || kind == KindVocab) {
					names[p.ID] = string(iri)
				}
			case p.Deleted:
				add("log: deleted quads", k, v)
				pred(p.Predicate).Deleted++
			default:
				add("log: quads", k, v)
				pb := pred(p.Predicate)
				pb.Quads++
				if n, ok := literals[p.Object]; ok {
					pb.ValueBytes += n
					delete(literals, p.Object)
				}
				if typeID != 0 && p.Predicate == typeID && p.Object == factID {
					sb.Facts++
				}
			}
			return nil
		})
	})
	if err != nil {
		return err
	}
	var logBytes int64
	for name, b := range kinds {
		if strings.HasPrefix(name, "log: ") {
			logBytes += b.Bytes
		}
	}
	for name, b := range kinds {
		if strings.HasPrefix(name, "log: ") && logBytes > 0 {
			b.Pages = logPages * b.Bytes / logBytes
		}
	}
	for _, b := range kinds {
		sb.Buckets = append(sb.Buckets, *b)
		sb.Data += b.Bytes
	}
	slices.SortFunc(sb.Buckets, func(a, b BucketBytes) int { return cmp.Or(cmp.Compare(b.Bytes, a.Bytes), cmp.Compare(a.Name, b.Name)) })
	for id, p := range byPred {
		p.Predicate = names[id]
		if p.Predicate == "" {
			p.Predicate = fmt.Sprint(id) // a predicate that is no vocabulary IRI
		}
		sb.Predicates = append(sb.Predicates, *p)
	}
	slices.SortFunc(sb.Predicates, func(a, b PredicateBytes) int {
		return cmp.Or(cmp.Compare(b.Quads+b.Deleted, a.Quads+a.Deleted), cmp.Compare(a.Predicate, b.Predicate))
	})
	return nil
}

// bucketKind names the kind of Cayley bucket name is (see BucketBytes).
func bucketKind(name []byte) string {
	switch {
	case string(name) == "log":
		return "log"
	case string(name) == "meta":
		return "meta"
	case len(name) == 3 && name[0] == 'v':
		return "value ids"
	case len(name) == 3 && name[0] == 'n':
		return "value refs"
	case string(name) == "sp":
		return "index sp"
	case string(name) == "ops":
		return "index ops"
	}
	return string(name)
}
