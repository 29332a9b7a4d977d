package main

import (
	"context"
	"fmt"
	"time"

	"github.com/spf13/cobra"
	"github.com/vbauerster/mpb/v8"
	"github.com/vbauerster/mpb/v8/decor"

	"github.com/geokg/geokg/store"
)

func newCompactCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "compact",
		Short: "Rewrite a bbolt store into a fresh file without free space",
		Long: `Compact rewrites the bbolt store (--db) into a fresh file with full pages
and no free ones, then swaps it in for the old file by a rename: a crash
leaves the old file or the new one, whole. bbolt never gives space back to
the file system, grows its file by doubling, and leaves the pages that
appends split half full; a store that has taken many writes is typically
two to three times the size of its compacted copy.

The store must not be in use: compact refuses a store another geokg
process (ingest, serve, a query) holds open, and checks the file's pages
first (a damaged store is never rewritten; see 'geokg check'). It needs
free disk space for the new file. A progress bar shows on a terminal;
Ctrl-C before the swap leaves the store as it was. PostgreSQL stores are
compacted by the database (VACUUM FULL).`,
		Example: `  geokg compact
  geokg --db /var/lib/geokg/store compact`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return a.runCompact(cmd.Context())
		},
	}
}

func (a *app) runCompact(ctx context.Context) error {
	if b, err := store.BackendFor(a.cfg.DB); err != nil {
		return err
	} else if b.Name != "bbolt" {
		return fmt.Errorf("compact: only a bbolt store is a file to compact, not a %s store", b.Name)
	}
	var progress func(done, total int)
	if isTerminal(a.stderr) {
		p := mpb.NewWithContext(ctx, mpb.WithOutput(a.stderr), mpb.WithRefreshRate(150*time.Millisecond))
		bar := p.New(0, mpb.BarStyle(),
			mpb.PrependDecorators(decor.Name("compacting ")),
			mpb.AppendDecorators(decor.CountersNoUnit("%d / %d keys"), decor.Name(" "), decor.Percentage()))
		progress = func(done, total int) {
			bar.SetTotal(int64(total), false)
			bar.SetCurrent(int64(done))
		}
		defer func() {
			bar.SetTotal(-1, true)
			p.Wait()
		}()
	}
	st, err := store.Compact(ctx, a.cfg.DB, progress)
	if err != nil {
		return err
	}
	fmt.Fprintf(a.stdout, "compacted %s: file %s -> %s, in use %s -> %s (%d keys)\n", a.cfg.DB,
		humanBytes(st.Before.File), humanBytes(st.After.File), humanBytes(st.Before.InUse), humanBytes(st.After.InUse), st.Keys)
	return nil
}

// humanBytes prints n bytes in MB with one decimal, or in KB below 1 MB.
func humanBytes(n int64) string {
	if n < 1<<20 {
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
}
