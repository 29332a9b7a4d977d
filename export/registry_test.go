package export

import (
	"context"
	"io"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestRegistry(t *testing.T) {
	require.Equal(t, []string{"csv", "events", "events-parquet", "gexf", "graphml", "jsonl", "nquads", "parquet"}, Names())
	f, err := Lookup("parquet")
	require.NoError(t, err)
	require.Equal(t, "facts.parquet", f.FileName())
	require.NotNil(t, f.Entities)
	g, err := Lookup("gexf")
	require.NoError(t, err)
	require.Equal(t, "graph.gexf", g.FileName())
	require.Nil(t, g.Entities)
	_, err = Lookup("xlsx")
	require.ErrorIs(t, err, ErrUnknownFormat)

	noop := func(context.Context, io.Writer, *Selection) (int, error) { return 0, nil }
	require.PanicsWithValue(t, "export: Register called twice for format csv", func() {
		Register(Format{Name: "csv", Facts: noop})
	})
	require.Panics(t, func() { Register(Format{Name: "", Facts: noop}) })
	require.Panics(t, func() { Register(Format{Name: "nowriter"}) })
}
