package ingest

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/ingest/extract"
	"github.com/geokg/geokg/store"
)

// pgTestCounter numbers the databases these tests create.
var pgTestCounter atomic.Int64

// pgTestDatabase returns the dsn of a fresh database on the server named
// by GEOKG_TEST_POSTGRES, dropped when the test ends, and a connection to
// it; without the variable the test is skipped.
func pgTestDatabase(t *testing.T) (string, *sql.DB) {
	t.Helper()
	admin := os.Getenv("GEOKG_TEST_POSTGRES")
	if admin == "" {
		t.Skip("GEOKG_TEST_POSTGRES is not set; PostgreSQL batches not tested (.ci/run sets it)")
	}
	u, err := url.Parse(admin)
	require.NoError(t, err)
	adb, err := sql.Open("postgres", admin)
	require.NoError(t, err)
	t.Cleanup(func() { adb.Close() })
	name := fmt.Sprintf("geokg_ingest_%d_%d", os.Getpid(), pgTestCounter.Add(1))
	_, err = adb.Exec("CREATE DATABASE " + name)
	require.NoError(t, err, "create test database")
	u.Path = "/" + name
	db, err := sql.Open("postgres", u.String())
	require.NoError(t, err)
	t.Cleanup(func() {
		db.Close()
		_, _ = adb.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")
	})
	return u.String(), db
}

// pgWrites returns the change counter of the geokg store in db: one bump
// per committed write transaction.
func pgWrites(t *testing.T, db *sql.DB) int {
	t.Helper()
	var n int
	require.NoError(t, db.QueryRow("SELECT n FROM geokg_writes WHERE id = 1").Scan(&n))
	return n
}

// TestBatchSharesTransactionPostgres: on PostgreSQL too, with Batch the
// articles between two syncs share one transaction, and the store they leave
// is the one the same articles written one by one leave, to the byte of
// its N-Quads export and its indexes, on the simulated world (default and
// dense), where later articles restate, end and resolve against earlier
// ones of their batch, read inside the batch's transaction.
func TestBatchSharesTransactionPostgres(t *testing.T) {
	if testing.Short() {
		t.Skip("ingests a simulated world twice")
	}
	dir := t.TempDir()
	corpora := []struct {
		name string
		path string
	}{
		{"sim", simCorpus(t, dir, 100, 1)},
		{"sim-dense", simCorpus(t, dir, 25, 10)},
	}
	for _, c := range corpora {
		t.Run(c.name, func(t *testing.T) {
			oneDSN, oneDB := pgTestDatabase(t)
			batchDSN, batchDB := pgTestDatabase(t)
			oneSum, one := ingestBatched(t, c.path, oneDSN, 1)
			batchSum, batched := ingestBatched(t, c.path, batchDSN, 1000)
			require.Zero(t, oneSum.Errors)
			assert.Equal(t, oneSum, batchSum)
			require.Greater(t, len(one), 100)
			assert.Equal(t, strings.Join(one, "\n"), strings.Join(batched, "\n"), "the stores differ")

			// One by one, a commit per article; batched, fewer: the
			// commits the batch's bounds make (its time, pgBatchHold,
			// varies with the machine's load; store's
			// TestPostgresBatchOneCommit counts them exactly).
			oneCommits, batchCommits := pgWrites(t, oneDB), pgWrites(t, batchDB)
			assert.GreaterOrEqual(t, oneCommits, oneSum.New, "one by one: a commit per article")
			assert.Less(t, batchCommits, oneCommits, "batched: fewer commits than articles")
		})
	}
}

// badBytesExtractor is a wordExtractor that gives an article whose text
// holds "BADBYTES" an entity whose name is not UTF-8: PostgreSQL refuses
// the statement writing it, after the article's reads and the batch's
// earlier writes have run in the transaction.
type badBytesExtractor struct{ wordExtractor }

func (h *badBytesExtractor) Extract(in extract.Input) extract.Result {
	r := h.wordExtractor.Extract(in)
	if strings.Contains(in.Text, "BADBYTES") {
		id := "person/bad-bytes"
		r.Entities = append(r.Entities, graph.Entity{ID: id, Name: "Bad \xff\xfe Name", Type: graph.Person})
		r.Facts = append(r.Facts, graph.Fact{Subject: id, Predicate: graph.Met, Object: r.Entities[0].ID, Date: in.Published,
			Confidence: 0.9, Sources: []graph.Source{{Sentence: "Bad met someone."}}})
	}
	return r
}

// TestBatchBadArticlePostgres: on PostgreSQL, an article whose write fails
// in a batch rolls the batch back, and the pipeline writes its articles
// again one by one: nothing reported stored is lost, the bad article is
// named, and the store is the one the good articles alone make.
func TestBatchBadArticlePostgres(t *testing.T) {
	for _, batch := range []int{1, 100} {
		t.Run(fmt.Sprintf("batch=%d", batch), func(t *testing.T) {
			checkBadArticles(t, batch, 24, [2]int{6, 15}, "BADBYTES", &badBytesExtractor{}, func(string) *store.Store {
				dsn, _ := pgTestDatabase(t)
				st, err := store.Open(context.Background(), dsn, store.Options{})
				require.NoError(t, err)
				return st
			})
		})
	}
}
