package export

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/geokg/geokg/graph"
)

// Source is what the exporters read from the graph.
type Source interface {
	Entity(ctx context.Context, id string) (graph.Entity, error)
	Facts(ctx context.Context, f graph.FactFilter, fn func(graph.Fact) error) error
}

// JSONL writes every fact of src to w, one Record per line, and returns how
// many it wrote. Facts stream from the store; only entity names are cached.
func JSONL(ctx context.Context, src Source, w io.Writer) (int, error) {
	names := newEntityCache(src)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	n := 0
	err := src.Facts(ctx, graph.FactFilter{}, func(f graph.Fact) error {
		s, err := names.get(ctx, f.Subject)
		if err != nil {
			return err
		}
		o, err := names.get(ctx, f.Object)
		if err != nil {
			return err
		}
		if err := enc.Encode(NewRecord(f, s, o)); err != nil {
			return fmt.Errorf("export: %w", err)
		}
		n++
		return nil
	})
	return n, err
}

// entityCache remembers the entities already looked up during one export.
type entityCache struct {
	src  Source
	seen map[string]graph.Entity
}

func newEntityCache(src Source) *entityCache {
	return &entityCache{src: src, seen: map[string]graph.Entity{}}
}

func (c *entityCache) get(ctx context.Context, id string) (graph.Entity, error) {
	if e, ok := c.seen[id]; ok {
		return e, nil
	}
	e, err := c.src.Entity(ctx, id)
	if errors.Is(err, graph.ErrNotFound) {
		e, err = graph.Entity{ID: id, Name: id}, nil
	}
	if err != nil {
		return e, err
	}
	c.seen[id] = e
	return e, nil
}
