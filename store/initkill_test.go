package store

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	bolt "go.etcd.io/bbolt"

	"github.com/geokg/geokg/graph"
)

// TestOpenAfterKillBeforeIndexes: a process killed between Cayley's
// initialisation of a new bbolt store and the creation of geokg's
// indexes (two transactions) leaves a store with nothing in it and no
// indexes; the next writer gives it them, so that it is not read as a
// store written before the indexes existed (entities without their name
// rows: a kill 59 ms into an ingest, then a re-run, exported entity ids
// without names). A store with facts and no indexes is left as it is
// (Reindex adds them).
func TestOpenAfterKillBeforeIndexes(t *testing.T) {
	ctx := context.Background()
	indexes := func(t *testing.T, s *Store) (names, times, counts bool) {
		require.NoError(t, s.bolt.View(func(tx *bolt.Tx) error {
			names = tx.Bucket([]byte(namesBucket)) != nil
			times = tx.Bucket([]byte(timelineBucket)) != nil
			counts = tx.Bucket([]byte(timeCountsBucket)) != nil
			return nil
		}))
		return names, times, counts
	}

	dir := t.TempDir()
	bdb, err := bolt.Open(filepath.Join(dir, BoltFile), 0o644, nil)
	require.NoError(t, err)
	require.NoError(t, kv.Init(&boltKV{db: bdb}, kvOptions), "Cayley's transaction, then the kill")
	require.NoError(t, bdb.Close())
	s, err := Open(ctx, dir, Options{})
	require.NoError(t, err)
	n, tl, c := indexes(t, s)
	assert.True(t, n && tl && c, "the indexes of a new store: names %v, timeline %v, counts %v", n, tl, c)
	a := art("ik1", 1)
	_, err = s.Write(ctx, batch(a, fact(a, rutte, graph.Leads, nato, "Rutte leads NATO.")), t0)
	require.NoError(t, err)
	ids, ok, err := s.EntitiesByPrefix(ctx, "rutte")
	require.NoError(t, err)
	assert.True(t, ok, "the name index answers")
	assert.NotEmpty(t, ids, "found by the name index")

	// A store with facts whose indexes are gone stays so until Reindex.
	require.NoError(t, s.bolt.Update(func(tx *bolt.Tx) error { return tx.DeleteBucket([]byte(namesBucket)) }))
	require.NoError(t, s.Close())
	s = openBoltDir(t, dir)
	n, _, _ = indexes(t, s)
	assert.False(t, n, "a store with facts gets no empty name index on open")
}
