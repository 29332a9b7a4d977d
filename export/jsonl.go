package export

import (
	"context"
	"encoding/json"
	"fmt"
	"io"

	"github.com/geokg/geokg/graph"
)

func init() {
	Register(Format{
		Name: "jsonl", Ext: "jsonl", Base: "facts",
		Summary:  "one fact per line, the schema of 'geokg query facts --json' (--entities: one entity per line)",
		Facts:    writeJSONLFacts,
		Entities: writeJSONLEntities,
	})
}

// JSONL writes every fact of src to w, one Record per line, and returns how
// many it wrote. Facts stream from the store; only entity names are cached.
func JSONL(ctx context.Context, src Source, w io.Writer) (int, error) {
	return writeJSONLFacts(ctx, w, All(src))
}

// writeJSONLFacts writes the selected facts as one Record per line.
func writeJSONLFacts(ctx context.Context, w io.Writer, sel *Selection) (int, error) {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	n := 0
	err := sel.Facts(ctx, func(it Item) error {
		if err := enc.Encode(it.Record()); err != nil {
			return fmt.Errorf("export: %w", err)
		}
		n++
		return nil
	})
	return n, err
}

// writeJSONLEntities writes the selection's entities, one per line.
func writeJSONLEntities(ctx context.Context, w io.Writer, sel *Selection) (int, error) {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	n := 0
	err := sel.Entities(ctx, func(e graph.Entity) error {
		if err := enc.Encode(e); err != nil {
			return fmt.Errorf("export: %w", err)
		}
		n++
		return nil
	})
	return n, err
}
