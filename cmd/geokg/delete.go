package main

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/geokg/geokg/store"
)

func newDeleteCmd(a *app) *cobra.Command {
	var article string
	cmd := &cobra.Command{
		Use:   "delete --article ID",
		Short: "Remove an article and what only it stated",
		Long: `Delete removes one article (its id as ingested) from the store, in one
transaction: its sources go; a fact no other article states goes with
them; a fact other articles also state keeps their sources, and its dates
and confidence are derived again from them, as are the inferred ends of
the terms around it. Entities stay. Nothing of the article is kept for
--as-known questions; re-ingesting it adds it again.`,
		Example: `  geokg delete --article reuters-2024-11-30-17`,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return a.runDelete(cmd.Context(), article)
		},
	}
	cmd.Flags().StringVar(&article, "article", "", "id of the article to remove (required)")
	_ = cmd.MarkFlagRequired("article")
	return cmd
}

func (a *app) runDelete(ctx context.Context, id string) error {
	st, err := a.openStore(ctx, false)
	if err != nil {
		return err
	}
	defer st.Close()
	ds, err := st.DeleteArticle(ctx, id, time.Now())
	if errors.Is(err, store.ErrNotFound) {
		return fmt.Errorf("delete: no article %q in the store", id)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(a.stdout, "deleted article %s: %d sources, %d facts only it stated; %d other facts changed\n",
		id, ds.Sources, ds.Facts, ds.FactsChanged)
	return nil
}
