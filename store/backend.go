package store

import (
	"context"
	"fmt"
	"strings"

	cayleygraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/memstore"
)

// MemoryDSN is the dsn of the in-memory backend.
const MemoryDSN = "memory"

// Sharing says who else may use a store while one process has it open.
type Sharing int

const (
	// Private stores live in the opening process only and are gone when
	// closed (the in-memory backend).
	Private Sharing = iota + 1
	// SingleWriter stores may be read by other processes, but one process
	// at a time writes; another writer's Open fails with ErrLocked (bbolt).
	SingleWriter
	// Shared stores may be read and written by several processes at once;
	// the database serialises their transactions (PostgreSQL, CockroachDB).
	Shared
)

// String names the sharing mode.
func (s Sharing) String() string {
	switch s {
	case Private:
		return "private"
	case SingleWriter:
		return "single-writer"
	case Shared:
		return "shared"
	}
	return fmt.Sprintf("Sharing(%d)", int(s))
}

// Backend is one row of the backend table: a kind of store Open can open,
// and what callers may ask of it instead of looking at the dsn themselves.
type Backend struct {
	// Name names the backend ("bbolt", "memory", "postgres", "cockroach").
	Name string
	// Examples are dsns this backend handles, for help texts and tests.
	Examples []string
	// Dir is true when the dsn is a directory on disk, where the store
	// keeps its files and callers may keep theirs (schedule state).
	Dir bool
	// Sharing says whether other processes may use the store at once.
	Sharing Sharing
	// match reports whether dsn names a store of this backend.
	match func(dsn string) bool
	// open opens (creating when needed, unless readOnly) the quad store
	// named by dsn, and returns its bbolt database when it has one (for
	// group commit, see Store.SetGroupCommit, and the name index).
	open func(ctx context.Context, dsn string, readOnly bool) (cayleygraph.QuadStore, *boltKV, error)
}

// Persistent reports whether the store outlives the process that opens it.
func (b Backend) Persistent() bool { return b.Sharing != Private }

// backends is the table of backends; exactly one row matches each dsn Open
// accepts.
var backends = []Backend{
	{
		Name:     "memory",
		Examples: []string{MemoryDSN},
		Sharing:  Private,
		match:    func(dsn string) bool { return dsn == MemoryDSN },
		open: func(context.Context, string, bool) (cayleygraph.QuadStore, *boltKV, error) {
			return memstore.New(), nil, nil
		},
	},
	{
		Name:     "bbolt",
		Examples: []string{"geokg.db", "/var/lib/geokg/store", "./memory"},
		Dir:      true,
		Sharing:  SingleWriter,
		match: func(dsn string) bool {
			return dsn != MemoryDSN && !strings.Contains(dsn, "://") && strings.TrimSpace(dsn) != ""
		},
		open: func(_ context.Context, dsn string, readOnly bool) (cayleygraph.QuadStore, *boltKV, error) {
			return openBolt(dsn, readOnly)
		},
	},
	{
		Name:     "postgres",
		Examples: []string{"postgres://geokg:secret@localhost:5432/geokg?sslmode=disable", "postgresql://localhost/geokg"},
		Sharing:  Shared,
		match:    hasScheme("postgres", "postgresql"),
		open: func(ctx context.Context, dsn string, readOnly bool) (cayleygraph.QuadStore, *boltKV, error) {
			qs, err := openSQL(ctx, dsn, dsn, readOnly, false)
			return qs, nil, err
		},
	},
	{
		Name:     "cockroach",
		Examples: []string{"cockroach://root@localhost:26257/geokg?sslmode=disable", "cockroachdb://root@db:26257/geokg"},
		Sharing:  Shared,
		match:    hasScheme("cockroach", "cockroachdb"),
		open: func(ctx context.Context, dsn string, readOnly bool) (cayleygraph.QuadStore, *boltKV, error) {
			// CockroachDB speaks PostgreSQL's wire protocol and SQL.
			_, rest, _ := strings.Cut(dsn, "://")
			qs, err := openSQL(ctx, dsn, "postgresql://"+rest, readOnly, true)
			return qs, nil, err
		},
	},
}

// hasScheme returns a match function for the dsns "scheme://…" of schemes.
func hasScheme(schemes ...string) func(string) bool {
	return func(dsn string) bool {
		for _, s := range schemes {
			if strings.HasPrefix(dsn, s+"://") {
				return true
			}
		}
		return false
	}
}

// Backends returns the backend table, in the order Open tries it.
func Backends() []Backend {
	return append([]Backend(nil), backends...)
}

// BackendFor returns the backend that handles dsn: "memory" is the
// in-memory store; "postgres://…", "postgresql://…" a PostgreSQL and
// "cockroach://…", "cockroachdb://…" a CockroachDB database; anything else
// without "://" a bbolt directory. An empty dsn or any other "scheme://"
// is ErrUnknownBackend.
func BackendFor(dsn string) (Backend, error) {
	for _, b := range backends {
		if b.match(dsn) {
			return b, nil
		}
	}
	if strings.TrimSpace(dsn) == "" {
		return Backend{}, fmt.Errorf("%w: empty store path", ErrUnknownBackend)
	}
	return Backend{}, fmt.Errorf("%w: %s", ErrUnknownBackend, Redact(dsn))
}
