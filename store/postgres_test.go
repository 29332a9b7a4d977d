package store

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph"
)

// pgCounter numbers the databases the PostgreSQL tests create.
var pgCounter atomic.Int64

// openPostgres returns a store in a fresh database on the server named by
// GEOKG_TEST_POSTGRES (a postgres:// URL of a role allowed to create
// databases); the database is dropped when the test ends. Without the
// variable the test is skipped: .ci/run starts a server and sets it.
func openPostgres(t *testing.T) *Store {
	t.Helper()
	admin := os.Getenv("GEOKG_TEST_POSTGRES")
	if admin == "" {
		t.Skip("GEOKG_TEST_POSTGRES is not set; PostgreSQL backend not tested (.ci/run sets it)")
	}
	u, err := url.Parse(admin)
	require.NoError(t, err)
	db, err := sql.Open("postgres", admin)
	require.NoError(t, err)
	t.Cleanup(func() { db.Close() })
	name := fmt.Sprintf("geokg_test_%d_%d", os.Getpid(), pgCounter.Add(1))
	_, err = db.Exec("CREATE DATABASE " + name)
	require.NoError(t, err, "create test database")
	u.Path = "/" + name
	s, err := Open(context.Background(), u.String(), Options{})
	require.NoError(t, err)
	t.Cleanup(func() {
		s.Close()
		_, _ = db.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")
	})
	return s
}

func TestStorePostgres(t *testing.T) {
	testStore(t, openPostgres)
}

func TestPostgresReopen(t *testing.T) {
	s := openPostgres(t)
	ctx := context.Background()
	a := art("pg1", 3)
	_, err := s.Write(ctx, batch(a, fact(a, rutte, graph.Leads, nato, "Rutte leads NATO.")), t0)
	require.NoError(t, err)
	again, err := Open(ctx, s.dsn, Options{ReadOnly: true})
	require.NoError(t, err, "a second process may open the same database")
	defer again.Close()
	st, err := again.Stats(ctx)
	require.NoError(t, err)
	require.Equal(t, 1, st.Facts)
}

// TestCockroachSchemeOnPostgres opens a PostgreSQL test database through
// the cockroach row of the backend table (CockroachDB speaks PostgreSQL's
// protocol), which rewrites the scheme before opening.
func TestCockroachSchemeOnPostgres(t *testing.T) {
	s := openPostgres(t)
	ctx := context.Background()
	a := art("pg2", 3)
	_, err := s.Write(ctx, batch(a, fact(a, rutte, graph.Leads, nato, "Rutte leads NATO.")), t0)
	require.NoError(t, err)
	_, rest, _ := strings.Cut(s.dsn, "://")
	for _, scheme := range []string{"cockroach", "cockroachdb"} {
		dsn := scheme + "://" + rest
		b, err := BackendFor(dsn)
		require.NoError(t, err)
		require.Equal(t, "cockroach", b.Name)
		c, err := Open(ctx, dsn, Options{ReadOnly: true})
		require.NoError(t, err, dsn)
		st, err := c.Stats(ctx)
		require.NoError(t, err)
		require.Equal(t, 1, st.Facts)
		require.NoError(t, c.Close())
	}
}
