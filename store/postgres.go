package store

import (
	"context"
	"errors"
	"fmt"

	cayleygraph "github.com/cayleygraph/cayley/graph"
	// The PostgreSQL dialect of Cayley's SQL backend; CockroachDB speaks the
	// same wire protocol and SQL for what geokg uses.
	_ "github.com/cayleygraph/cayley/graph/sql/postgres"
)

// sqlBackend is the Cayley backend name for PostgreSQL and CockroachDB.
const sqlBackend = "postgres"

// openSQL opens (creating its tables when needed) the Cayley SQL store in
// the PostgreSQL database at addr; dsn is the name the user gave it, used
// in errors. Several processes may share such a store: the database
// serialises their transactions.
func openSQL(ctx context.Context, dsn, addr string, readOnly bool) (cayleygraph.QuadStore, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
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
