package main

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"
)

func newReindexCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "reindex",
		Short: "Rebuild the store's name and timeline indexes",
		Long: `Reindex rebuilds the indexes of the store (--db), each in one transaction:
the name index from its entities (every name and alias under its folded
form and its words, ordered so that 'query entities PREFIX' reads only the
names PREFIX finds), and the timeline index from its facts (each entity's
facts in time order, with how many each entity has, so that 'query
timeline --limit' reads only the page it shows and the latest page needs
no count of the rows). Writes keep the indexes up to date; a store written by a
version of geokg before them has none (searches and timelines then read
every entity or every fact of the entity, as before) until it is
reindexed. It takes the store's write lock, as ingest does.`,
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
	fmt.Fprintf(a.stdout, "reindexed the names of %d entities and the timelines of %d facts\n", n.Entities, n.Facts)
	return nil
}
