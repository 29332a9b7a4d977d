package store

import (
	"path/filepath"
	"testing"

	"github.com/hidal-go/hidalgo/kv"
	"github.com/hidal-go/hidalgo/kv/kvtest"
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
