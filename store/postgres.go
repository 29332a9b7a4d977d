package store

import (
	"context"
	"errors"
	"fmt"
	"strings"

	cayleygraph "github.com/cayleygraph/cayley/graph"
	// The PostgreSQL dialect of Cayley's SQL backend; CockroachDB speaks the
	// same wire protocol and SQL for what geokg uses.
	_ "github.com/cayleygraph/cayley/graph/sql/postgres"
)

// sqlBackend is the Cayley backend name for PostgreSQL and CockroachDB.
const sqlBackend = "postgres"

// isSQLDSN reports whether dsn names a PostgreSQL or CockroachDB database.
func isSQLDSN(dsn string) bool {
	for _, p := range []string{"postgres://", "postgresql://", "cockroach://", "cockroachdb://"} {
		if strings.HasPrefix(dsn, p) {
			return true
		}
	}
	return false
}

// openSQL opens (creating its tables when needed) the Cayley SQL store in
// the database named by dsn. "cockroach://" and "cockroachdb://" are taken
// as "postgresql://". Several processes may share such a store: the
// database serialises their transactions.
func openSQL(ctx context.Context, dsn string, readOnly bool) (cayleygraph.QuadStore, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	addr := dsn
	for _, p := range []string{"cockroachdb://", "cockroach://"} {
		if strings.HasPrefix(addr, p) {
			addr = "postgresql://" + strings.TrimPrefix(addr, p)
		}
	}
	wrap := func(err error) error { return fmt.Errorf("open store %s: %w", Redact(dsn), err) }
	if !readOnly {
		err := cayleygraph.InitQuadStore(sqlBackend, addr, nil)
		if err != nil && !errors.Is(err, cayleygraph.ErrDatabaseExists) {
			return nil, wrap(err)
		}
	}
	qs, err := cayleygraph.NewQuadStore(sqlBackend, addr, nil)
	if err != nil {
		return nil, wrap(err)
	}
	return qs, nil
}
