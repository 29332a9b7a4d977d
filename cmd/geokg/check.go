package main

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/geokg/geokg/store"
)

// addMaintenanceCmds registers the commands that look after a store:
// check (this file), delete (delete.go) and compact (compact.go).
func addMaintenanceCmds(parent *cobra.Command, a *app) {
	parent.AddCommand(newCheckCmd(a), newDeleteCmd(a), newCompactCmd(a), newReindexCmd(a))
}

func newCheckCmd(a *app) *cobra.Command {
	var repair, stats bool
	cmd := &cobra.Command{
		Use:   "check",
		Short: "Find (and with --repair remove) damaged pages and bad values in the store",
		Long: `Check reads the whole store (--db). On a bbolt store it first checks the
file's pages; damage is reported as such (restore a backup, or export what
still reads with 'export --format nquads'). Then it checks every stored
value against the type its predicate is written in: a date that does not
read back (a year outside 1-9999), a confidence or flag that is not a
number or boolean, a quad missing a value. Each bad value is listed.

Without --repair the exit status is 1 when anything bad is found. With
--repair the bad values are removed in one transaction (a bad date is then
unknown) and the exit status is 0; damaged pages cannot be repaired.

It also counts the facts that keep no evidence record (stored by a geokg
before it existed, or imported from such a dump): answers read those
through all their sources, slower. --repair writes their records (a page
of 1,000 facts per transaction; about 3 ms per fact on bbolt), after which
answers read each fact as one record, whatever its sources.

Last it compares each entity's timeline count (how many facts its
timeline says it has, kept beside the timeline index) with the index's
rows: a count goes stale when a geokg from before the counts writes the
store. Stale counts are listed (exit status 1); --repair rebuilds the
timeline index and its counts, as 'geokg reindex' does.

With --stats it checks nothing and says where a bbolt store's bytes are
instead: the bytes of each kind of Cayley bucket (the log of values and
quads, deleted quads included; the two quad indexes; the value hashes and
reference counts), and the live and deleted quads of each predicate with
the bytes of the literals they name.`,
		Example: `  geokg check
  geokg check --repair
  geokg check --stats`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if stats {
				return a.runCheckStats()
			}
			return a.runCheck(cmd.Context(), repair)
		},
	}
	cmd.Flags().BoolVar(&repair, "repair", false, "remove the bad values found and write the facts' missing evidence records")
	cmd.Flags().BoolVar(&stats, "stats", false, "say where a bbolt store's bytes are (by bucket and by predicate) instead of checking")
	cmd.MarkFlagsMutuallyExclusive("repair", "stats")
	return cmd
}

func (a *app) runCheck(ctx context.Context, repair bool) error {
	if b, err := store.BackendFor(a.cfg.DB); err == nil && b.Name == "bbolt" {
		if err := store.CheckPages(a.cfg.DB); err != nil {
			if errors.Is(err, store.ErrDamaged) {
				return fmt.Errorf("check: %w\nrestore a backup, or export what still reads with 'geokg export --format nquads'", err)
			}
			return fmt.Errorf("check: %w", err)
		}
		fmt.Fprintln(a.stdout, "pages: ok")
	}
	st, err := a.openStore(ctx, !repair)
	if err != nil {
		return err
	}
	defer st.Close()
	rep, err := st.Check(ctx, repair)
	if err != nil {
		return err
	}
	for _, p := range rep.Problems {
		fmt.Fprintf(a.stdout, "bad value: %v %v %v: %v\n", p.Quad.Subject, p.Quad.Predicate, p.Quad.Object, p.Err)
	}
	switch {
	case rep.EvidenceWritten > 0:
		fmt.Fprintf(a.stdout, "evidence record written for %d facts stored before it existed\n", rep.EvidenceWritten)
	case rep.NoEvidence > 0:
		fmt.Fprintf(a.stdout, "%d facts keep no evidence record (stored before it existed: answers read their sources); 'geokg check --repair' writes it\n", rep.NoEvidence)
	}
	var bad []string
	switch {
	case len(rep.Problems) == 0:
		fmt.Fprintf(a.stdout, "checked %d quads: no bad values\n", rep.Quads)
	case repair:
		fmt.Fprintf(a.stdout, "checked %d quads: %d bad values, %d removed\n", rep.Quads, len(rep.Problems), rep.Removed)
	default:
		fmt.Fprintf(a.stdout, "checked %d quads: %d bad values\n", rep.Quads, len(rep.Problems))
		bad = append(bad, fmt.Sprintf("%d bad values; run 'geokg check --repair' to remove them", len(rep.Problems)))
	}
	switch n := len(rep.StaleCounts); {
	case n == 0:
		fmt.Fprintln(a.stdout, "timeline counts: ok")
	case !repair:
		fmt.Fprintf(a.stdout, "timeline counts: %d entities' counts do not match their timeline rows (%s)\n", n, firstFew(rep.StaleCounts, 5))
		bad = append(bad, fmt.Sprintf("%d stale timeline counts; run 'geokg reindex' (or 'geokg check --repair') to rebuild them", n))
	default:
		rs, err := st.Reindex(ctx)
		if err != nil {
			return fmt.Errorf("check: repair: timeline counts: %w", err)
		}
		fmt.Fprintf(a.stdout, "timeline counts: %d entities' counts did not match their timeline rows (%s); index and counts rebuilt from %d facts\n", n, firstFew(rep.StaleCounts, 5), rs.Facts)
	}
	if len(bad) > 0 {
		return fmt.Errorf("check: %s", strings.Join(bad, "; "))
	}
	return nil
}

// firstFew joins the first n of list, with an ellipsis when it has more.
func firstFew(list []string, n int) string {
	s := strings.Join(list[:min(len(list), n)], ", ")
	if len(list) > n {
		s += ", …"
	}
	return s
}

// runCheckStats prints where the bytes of the bbolt store are.
func (a *app) runCheckStats() error {
	if b, err := store.BackendFor(a.cfg.DB); err != nil {
		return err
	} else if b.Name != "bbolt" {
		return fmt.Errorf("check --stats: only a bbolt store is a file to measure, not a %s store", b.Name)
	}
	sb, err := store.StoreBytesOf(a.cfg.DB)
	if err != nil {
		return fmt.Errorf("check --stats: %w", err)
	}
	per := func(n int64) string {
		if sb.Facts == 0 {
			return "-"
		}
		return fmt.Sprint(n / int64(sb.Facts))
	}
	fmt.Fprintf(a.stdout, "facts %d; file %d bytes (%s per fact), pages in use %d (%s per fact), keys and values %d (%s per fact)\n",
		sb.Facts, sb.Usage.File, per(sb.Usage.File), sb.Usage.InUse, per(sb.Usage.InUse), sb.Data, per(sb.Data))
	tw := tabwriter.NewWriter(a.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "bucket\tkeys\tbytes\tper fact\tpage bytes\tper fact")
	for _, b := range sb.Buckets {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%s\t%d\t%s\n", b.Name, b.Keys, b.Bytes, per(b.Bytes), b.Pages, per(b.Pages))
	}
	fmt.Fprintln(tw, "\npredicate\tquads\tdeleted\tliteral bytes\tper fact")
	for _, p := range sb.Predicates {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%s\n", p.Predicate, p.Quads, p.Deleted, p.ValueBytes, per(p.ValueBytes))
	}
	return tw.Flush()
}
