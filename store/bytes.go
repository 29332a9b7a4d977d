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
func StoreBytesOf(dir string) (StoreBytes, error) {
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
	sb := StoreBytes{Usage: usage}
	err = db.View(func(tx *bolt.Tx) error { return sb.walk(tx) })
	if err != nil {
		return StoreBytes{}, wrap(err)
	}
	return sb, nil
}

// logEntry is what walk keeps of a log record until every record is read.
type logEntry struct {
	s, p, o uint64
	size    int64
	dead    bool
}

// walk fills sb from the buckets of tx.
func (sb *StoreBytes) walk(tx *bolt.Tx) error {
	kinds := map[string]*BucketBytes{}
	add := func(name string, k, v []byte) {
		b := kinds[name]
		if b == nil {
			b = &BucketBytes{Name: name}
			kinds[name] = b
		}
		b.Keys++
		b.Bytes += int64(len(k) + len(v))
	}
	values := map[uint64]quad.Value{} // the values quads name as predicates, classes or objects
	valueSize := map[uint64]int64{}
	var quads []logEntry
	var logPages int64
	err := tx.ForEach(func(name []byte, b *bolt.Bucket) error {
		kind := bucketKind(name)
		st := b.Stats()
		pages := int64(st.BranchAlloc + st.LeafAlloc + st.InlineBucketInuse)
		if kind == "log" {
			pages = 0 // shared out below, in proportion to the bytes
			logPages = int64(st.BranchAlloc + st.LeafAlloc)
		} else {
			add(kind, nil, nil)
			kinds[kind].Keys--
			kinds[kind].Pages += pages
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
			size := int64(len(k) + len(v))
			switch {
			case p.Value != nil:
				add("log: values", k, v)
				valueSize[p.ID] = size
				if val, err := pquads.UnmarshalValue(p.Value); err == nil {
					if _, isIRI := val.(quad.IRI); isIRI {
						values[p.ID] = val
					}
				}
			case p.Deleted:
				add("log: deleted quads", k, v)
				quads = append(quads, logEntry{s: p.Subject, p: p.Predicate, o: p.Object, size: size, dead: true})
			default:
				add("log: quads", k, v)
				quads = append(quads, logEntry{s: p.Subject, p: p.Predicate, o: p.Object, size: size})
			}
			return nil
		})
	})
	if err != nil {
		return err
	}
	byPred := map[uint64]*PredicateBytes{}
	counted := map[uint64]bool{}
	for _, q := range quads {
		pb := byPred[q.p]
		if pb == nil {
			name := fmt.Sprint(q.p)
			if v, ok := values[q.p]; ok {
				name = string(v.(quad.IRI))
			}
			pb = &PredicateBytes{Predicate: name}
			byPred[q.p] = pb
		}
		if q.dead {
			pb.Deleted++
			continue
		}
		pb.Quads++
		if !counted[q.o] {
			counted[q.o] = true
			if _, isIRI := values[q.o]; !isIRI {
				pb.ValueBytes += valueSize[q.o]
			}
		}
		if values[q.p] == rdfType && values[q.o] == classFact {
			sb.Facts++
		}
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
	for _, p := range byPred {
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
