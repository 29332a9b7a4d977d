package store

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// pgChanges returns the change counter of the PostgreSQL store s.
func pgChanges(t *testing.T, s *Store) int64 {
	t.Helper()
	var n int64
	require.NoError(t, s.pg.db.QueryRow("SELECT n FROM geokg_writes WHERE id = 1").Scan(&n))
	return n
}

// TestPostgresBatchOneCommit: under group commit the writes between two
// Syncs are one PostgreSQL transaction: each write (and each read between
// them) sees the earlier ones, another process sees none of them until
// Sync, which bumps the change counter once; the store is the one the
// same articles written one by one make. A batch past its time bound is
// committed by the write that passes it.
func TestPostgresBatchOneCommit(t *testing.T) {
	ctx := context.Background()
	dsn := pgDatabase(t)
	s, err := Open(ctx, dsn, Options{})
	require.NoError(t, err)
	t.Cleanup(func() { s.Close() })
	other, err := Open(ctx, dsn, Options{})
	require.NoError(t, err)
	t.Cleanup(func() { other.Close() })

	s.pg.hold = time.Hour
	require.NoError(t, s.SetGroupCommit(true))
	before := pgChanges(t, s)
	bs := historyBatches()
	require.Greater(t, len(bs), 3)
	for _, b := range bs {
		_, err := s.Write(ctx, b, t0)
		require.NoError(t, err)
		a, _, err := s.LookupArticle(ctx, b.Article.ID, "")
		require.NoError(t, err)
		assert.NotNil(t, a, "the batch reads its own write of %s", b.Article.ID)
		a, _, err = other.LookupArticle(ctx, b.Article.ID, "")
		require.NoError(t, err)
		assert.Nil(t, a, "another process sees %s before Sync", b.Article.ID)
	}
	assert.Equal(t, before, pgChanges(t, s), "nothing committed before Sync")
	require.NoError(t, s.Sync(ctx))
	assert.Equal(t, before+1, pgChanges(t, s), "one commit for the batch")
	for _, b := range bs {
		a, _, err := other.LookupArticle(ctx, b.Article.ID, "")
		require.NoError(t, err)
		assert.NotNil(t, a, "another process sees %s after Sync", b.Article.ID)
	}

	want := openMemory(t)
	for _, b := range bs {
		_, err := want.Write(ctx, b, t0)
		require.NoError(t, err)
	}
	assert.Equal(t, snapshot(t, want), snapshot(t, s))
	assert.Equal(t, sortedQuads(t, want), sortedQuads(t, other))
	// The batch's reference counts, written at its end, are exact: each
	// value's is the number of quad positions naming it, and no value
	// is left that none names.
	stored, named := pgRefCounts(t, s.pg.db)
	assert.Equal(t, named, stored)

	// A batch that has held the lock past its bound is committed by the
	// write that passes it, and the lock released.
	s.pg.hold = 0
	before = pgChanges(t, s)
	for i, b := range bs {
		_, err := s.Write(ctx, b, t0.Add(time.Hour))
		require.NoError(t, err)
		assert.False(t, s.pg.batchOpen(), "write %d left its batch open", i)
	}
	assert.Equal(t, before+int64(len(bs)), pgChanges(t, s))
	require.NoError(t, s.SetGroupCommit(false))
	stored, named = pgRefCounts(t, s.pg.db)
	assert.Equal(t, named, stored)
}
