package main

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"
)

func newReindexCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "reindex",
		Short: "Rebuild the store's name index (entities by prefix)",
		Long: `Reindex rebuilds the name index of the store (--db) from its entities, in
one transaction: every name and alias under its folded form and its words,
ordered so that 'query entities PREFIX' reads only the names PREFIX finds.
Writes keep the index up to date; a store written by a version of geokg
before it has none (searches then read every entity, as before) until it
is reindexed. It takes the store's write lock, as ingest does.`,
		Example: `  geokg reindex
  geokg --db postgres://geokg@db/geokg reindex`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return a.runReindex(cmd.Context())
		},
	}
}

func (a *app) runReindex(ctx context.Context) error {
	st, err := a.openStore(ctx, false)
	if err != nil {
		return err
	}
	defer st.Close()
	n, err := st.Reindex(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(a.stdout, "reindexed the names of %d entities\n", n)
	return nil
}
