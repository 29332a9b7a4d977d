package server

import (
	"context"
	"fmt"
	"os"
	"sync"

	"github.com/geokg/geokg/queries"
)

// stamper is an Opener that can tell whether its store changed between
// requests: Stamp returns a text that changes whenever the store is
// written, or "" when it cannot tell.
type stamper interface {
	Stamp() string
}

// fileStamp returns the stamp of the file at path: its size and
// modification time, which every write of a bbolt store changes; "" when
// the file cannot be read.
func fileStamp(path string) string {
	fi, err := os.Stat(path)
	if err != nil {
		return ""
	}
	return fmt.Sprintf("%d/%d", fi.Size(), fi.ModTime().UnixNano())
}

// namesCache keeps the name index of the store (queries.Names) between
// requests while the opener's stamp stays the same, so that a search of
// entities by prefix (the web console completes names on every key)
// reads the store's entities once per change of the store, not once per
// request.
type namesCache struct {
	mu    sync.Mutex
	stamp string
	names *queries.Names
}

// names returns the name index of st, the store a request reads through
// s's opener: the cached one when the opener's stamp has not changed
// since it was read, else a fresh one, cached. The stamp is taken before
// the entities are read, so a write during the read makes the next
// request read them again. Without a stamp (PostgreSQL, memory) it
// returns nil: SearchEntities then reads the store's own name index (the
// rows a prefix finds) rather than every entity per request.
func (s *Server) names(ctx context.Context, st Store) (*queries.Names, error) {
	stamp := ""
	if sp, ok := s.opener.(stamper); ok {
		stamp = sp.Stamp()
	}
	if stamp == "" {
		return nil, nil
	}
	c := &s.namesCache
	c.mu.Lock()
	n := c.names
	if c.stamp != stamp {
		n = nil
	}
	c.mu.Unlock()
	if n != nil {
		return n, nil
	}
	n, err := queries.LoadNames(ctx, st)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	c.stamp, c.names = stamp, n
	c.mu.Unlock()
	return n, nil
}
