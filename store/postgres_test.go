package store

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"sort"
	"strings"
	"sync/atomic"
	"testing"

	cayleygraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph"
)

// pgCounter numbers the databases the PostgreSQL tests create.
var pgCounter atomic.Int64

// pgDatabase returns the dsn of a fresh database on the server named by
// GEOKG_TEST_POSTGRES (a postgres:// URL of a role allowed to create
// databases); the database is dropped when the test ends. Without the
// variable the test is skipped: .ci/run starts a server and sets it.
func pgDatabase(t *testing.T) string {
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
	t.Cleanup(func() {
		_, _ = db.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")
	})
	u.Path = "/" + name
	return u.String()
}

// openPostgres returns a store in a fresh database (see pgDatabase).
func openPostgres(t *testing.T) *Store {
	t.Helper()
	dsn := pgDatabase(t)
	s, err := Open(context.Background(), dsn, Options{})
	require.NoError(t, err)
	t.Cleanup(func() { s.Close() })
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

// TestPostgresConcurrentWriters has three stores, each with its own
// connections as three geokg processes have, create one database and
// write overlapping articles into it at once, each in its own order; the
// result must be what one store writing every article in turn leaves: the
// same facts with the same sources and the same quads, so no fact, source,
// entity or qualifier is written twice. The articles restate the same
// facts and change who holds a single-holder role, so that each write
// reads and rewrites what the others write.
func TestPostgresConcurrentWriters(t *testing.T) {
	for _, group := range []bool{false, true} {
		t.Run(fmt.Sprintf("group=%v", group), func(t *testing.T) { concurrentWriters(t, group) })
	}
}

// concurrentWriters is TestPostgresConcurrentWriters, each writer under
// group commit when group (its batches, of three articles, each one
// transaction holding the write lock).
func concurrentWriters(t *testing.T, group bool) {
	dsn := pgDatabase(t)
	ctx := context.Background()
	bs := historyBatches()
	for i := range 9 {
		id := fmt.Sprintf("r%d", i)
		pub := fmt.Sprintf("2024-12-%02d", 10+i)
		bs = append(bs, timeBatch(id, pub, state(rutte, graph.Leads, nato, "Secretary General", "2024-10-01", "", false),
			event(trump, graph.Met, rutte, "2024-11-29"), state(ishiba, graph.Leads, japan, "Prime Minister", "", "", false)))
	}
	const writers = 3
	stores := make([]*Store, writers)
	opened := make(chan error, writers)
	start := make(chan struct{})
	for w := range writers {
		go func() {
			<-start
			s, err := Open(ctx, dsn, Options{}) // all three create the tables at once
			stores[w] = s
			opened <- err
		}()
	}
	close(start)
	for range writers {
		require.NoError(t, <-opened)
	}
	for _, s := range stores {
		t.Cleanup(func() { s.Close() })
	}
	go1 := make(chan struct{})
	errs := make(chan error, writers)
	for w, s := range stores {
		go func() {
			<-go1
			if group {
				if err := s.SetGroupCommit(true); err != nil {
					errs <- err
					return
				}
			}
			for k := range bs {
				// Writer w skips every third article from w on, and each
				// writer goes through the articles from its own offset.
				i := (k + 7*w) % len(bs)
				if i%writers == w {
					continue
				}
				if _, err := s.Write(ctx, bs[i], t0); err != nil {
					errs <- err
					return
				}
				if group && k%3 == 2 {
					if err := s.Sync(ctx); err != nil {
						errs <- err
						return
					}
				}
			}
			errs <- s.SetGroupCommit(false)
		}()
	}
	close(go1)
	for range writers {
		require.NoError(t, <-errs)
	}

	want := openMemory(t)
	for _, b := range bs {
		_, err := want.Write(ctx, b, t0)
		require.NoError(t, err)
	}
	got := stores[0]
	assert.Equal(t, snapshot(t, want), snapshot(t, got))
	wantStats, err := want.Stats(ctx)
	require.NoError(t, err)
	gotStats, err := got.Stats(ctx)
	require.NoError(t, err)
	assert.Equal(t, wantStats, gotStats)
	assert.Equal(t, sortedQuads(t, want), sortedQuads(t, got))
}

// sortedQuads returns the quads of s as sorted N-Quads lines.
func sortedQuads(t *testing.T, s *Store) []string {
	var out []string
	require.NoError(t, s.DumpQuads(context.Background(), func(q quad.Quad) error {
		out = append(out, q.NQuad())
		return nil
	}))
	sort.Strings(out)
	return out
}

// TestPostgresValueRefs checks the batched write path's reference counts:
// after adds (one quad twice in a batch, one already stored) and deletes
// (one not stored), each value's count is the number of quad positions
// naming it, and a value no quad names any more is gone.
func TestPostgresValueRefs(t *testing.T) {
	s := openPostgres(t)
	q := func(s, p, o string, l quad.Value) quad.Quad {
		return quad.Make(quad.IRI(s), quad.IRI(p), quad.String(o), l)
	}
	a, b, c := q("x", "p", "one", nil), q("x", "p", "two", quad.IRI("g")), q("y", "p", "one", nil)
	apply := func(adds, dels []quad.Quad) {
		var ds []cayleygraph.Delta
		for _, x := range adds {
			ds = append(ds, cayleygraph.Delta{Quad: x, Action: cayleygraph.Add})
		}
		for _, x := range dels {
			ds = append(ds, cayleygraph.Delta{Quad: x, Action: cayleygraph.Delete})
		}
		require.NoError(t, s.qs.ApplyDeltas(ds, cayleygraph.IgnoreOpts{IgnoreDup: true, IgnoreMissing: true}))
	}
	db, err := sql.Open("postgres", s.dsn)
	require.NoError(t, err)
	defer db.Close()
	counts := func() (stored, named map[string]int) { return pgRefCounts(t, db) }
	apply([]quad.Quad{a, b}, nil)
	apply([]quad.Quad{a, c, c}, []quad.Quad{q("z", "p", "never stored", nil)})
	stored, named := counts()
	assert.Equal(t, named, stored)
	assert.Len(t, stored, 6, "x, y, p, one, two, g")
	apply(nil, []quad.Quad{b})
	stored, named = counts()
	assert.Equal(t, named, stored, "two and g are gone")
	apply(nil, []quad.Quad{a, c})
	stored, _ = counts()
	assert.Empty(t, stored)
}

// pgRefCounts returns each value's stored reference count in the
// PostgreSQL store db, and how many quad positions name it.
func pgRefCounts(t *testing.T, db *sql.DB) (stored, named map[string]int) {
	t.Helper()
	stored, named = map[string]int{}, map[string]int{}
	rows, err := db.Query("SELECT encode(hash, 'hex'), refs FROM nodes")
	require.NoError(t, err)
	for rows.Next() {
		var h string
		var n int
		require.NoError(t, rows.Scan(&h, &n))
		stored[h] = n
	}
	require.NoError(t, rows.Close())
	for _, col := range []string{"subject_hash", "predicate_hash", "object_hash", "label_hash"} {
		rows, err := db.Query("SELECT encode(" + col + ", 'hex'), count(*) FROM quads WHERE " + col + " IS NOT NULL GROUP BY 1")
		require.NoError(t, err)
		for rows.Next() {
			var h string
			var n int
			require.NoError(t, rows.Scan(&h, &n))
			named[h] += n
		}
		require.NoError(t, rows.Close())
	}
	return stored, named
}
