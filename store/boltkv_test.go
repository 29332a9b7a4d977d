package store

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/hidal-go/hidalgo/kv"
	"github.com/hidal-go/hidalgo/kv/kvtest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	bolt "go.etcd.io/bbolt"
)

// TestBoltKV runs hidalgo's conformance suite for key-value layers on
// the layer geokg's bbolt stores run on.
func TestBoltKV(t *testing.T) {
	kvtest.RunTest(t, func(t testing.TB) kv.KV {
		db, err := bolt.Open(filepath.Join(t.TempDir(), "kv.bolt"), 0o600, nil)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		return &boltKV{db: db}
	}, nil)
}

// TestBoltKVTouchedCountsWritesReads checks which transactions' reads run
// boltKV.touched, the check that bounds the file's resident pages during
// a write: a read-write transaction's, and a read-only one's opened while
// a Write holds the store (writing; its lookups before Cayley's
// read-write transaction, which on a grown store mapped tens of
// megabytes between two checks), not another read-only one's, which may
// run beside a write.
func TestBoltKVTouchedCountsWritesReads(t *testing.T) {
	ctx := context.Background()
	db, err := bolt.Open(filepath.Join(t.TempDir(), "kv.bolt"), 0o600, nil)
	require.NoError(t, err)
	defer db.Close()
	d := &boltKV{db: db}
	require.NoError(t, d.Update(ctx, func(tx kv.Tx) error {
		return tx.Put(ctx, kv.Key{[]byte("b"), []byte("k")}, []byte("v"))
	}))
	for _, tc := range []struct {
		name        string
		rw, writing bool
		want        int
	}{
		{"read-only", false, false, 0},
		{"read-only while writing", false, true, 2},
		{"read-write", true, false, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			runs := 0
			d.touched, d.touches, d.writing = func() { runs++ }, 0, tc.writing
			defer func() { d.touched, d.writing = nil, false }()
			tx, err := d.Tx(ctx, tc.rw)
			require.NoError(t, err)
			defer tx.Close()
			for range 2 * touchEvery {
				_, err := tx.Get(ctx, kv.Key{[]byte("b"), []byte("k")})
				require.NoError(t, err)
			}
			assert.Equal(t, tc.want, runs)
		})
	}
}
