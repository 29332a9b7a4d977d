package render

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/geokg/geokg/queries"
)

// WritePaths writes paths, one numbered block each, one line per step.
func WritePaths(w io.Writer, r queries.PathResult) error {
	if len(r.Paths) == 0 {
		_, err := fmt.Fprintf(w, "no path from %s to %s\n", r.From.Label(), r.To.Label())
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	for i, p := range r.Paths {
		fmt.Fprintf(tw, "path %d (%d hops)\n", i+1, len(p.Steps))
		for _, st := range p.Steps {
			dir := "→"
			if st.From.ID != st.Subject.ID {
				dir = "←"
			}
			fmt.Fprintf(tw, "  %s\t%s %s %s\t%s\t%s\t%s\n", st.From.Name, dir, st.Fact.Predicate, dir, st.To.Name, When(st.Fact), SourceRef(st.Fact))
		}
	}
	if r.Truncated {
		fmt.Fprintln(tw, "(more paths of this length exist)")
	}
	return tw.Flush()
}

// WriteNeighbors writes neighbors as a table: each neighbour's count and
// predicates (Neighbor.Count, Neighbor.Predicates) and its latest fact, so
// that a NeighborsQuery with Summary serves it.
func WriteNeighbors(w io.Writer, r queries.NeighborsResult) error {
	if len(r.Neighbors) == 0 {
		_, err := fmt.Fprintf(w, "%s has no neighbors\n", r.Entity.Label())
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "NEIGHBOR\tTYPE\tFACTS\tPREDICATES\tLATEST\tSOURCE")
	for _, n := range r.Neighbors {
		last := n.Facts[len(n.Facts)-1].Fact
		fmt.Fprintf(tw, "%s\t%s\t%d\t%s\t%s\t%s\n", n.Entity.Name, n.Entity.Type, n.Count, strings.Join(n.Predicates, ","), When(last), SourceRef(last))
	}
	return tw.Flush()
}

// WriteEntities writes search matches as a table, noting misspelling matches.
func WriteEntities(w io.Writer, prefix string, ms []queries.EntityMatch) error {
	if len(ms) == 0 {
		_, err := fmt.Fprintf(w, "no entity starts with %q\n", prefix)
		return err
	}
	if ms[0].Distance > 0 {
		fmt.Fprintf(w, "no entity starts with %q; did you mean:\n", prefix)
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "NAME\tTYPE\tALIASES\tID")
	for _, m := range ms {
		fmt.Fprintf(tw, "%s\t%s\t%d\t%s\n", m.Entity.Name, m.Entity.Type, m.Aliases, m.Entity.ID)
	}
	return tw.Flush()
}

// WriteGizmo writes Gizmo results, one JSON value per line.
func WriteGizmo(w io.Writer, r queries.GizmoResult) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, v := range r.Results {
		if err := enc.Encode(v); err != nil {
			return err
		}
	}
	if r.Truncated {
		fmt.Fprintf(w, "(stopped at %d results)\n", len(r.Results))
	}
	if len(r.Results) == 0 {
		_, err := fmt.Fprintln(w, "no results")
		return err
	}
	return nil
}

// WriteNeighborsNote writes, when r lists some of its neighbours only, a
// one-line note saying how many there are and how to see them all;
// nothing otherwise.
func WriteNeighborsNote(w io.Writer, r queries.NeighborsResult) error {
	if len(r.Neighbors) == 0 || len(r.Neighbors) >= r.Total {
		return nil
	}
	_, err := fmt.Fprintf(w, "note: %d neighbours; shown: the %d most linked; --limit 0 lists all\n", r.Total, len(r.Neighbors))
	return err
}
