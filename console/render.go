package console

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/geokg/geokg/export"
	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/queries"
)

// AskJSON is the JSON form of an answered question (geokg ask --json).
type AskJSON struct {
	Question       string       `json:"question"`
	Interpretation string       `json:"interpretation"`
	Notes          []string     `json:"notes,omitempty"`
	Answers        []AnswerJSON `json:"answers"`
}

// AnswerJSON is one answer; its facts use the export schema.
type AnswerJSON struct {
	Name       string          `json:"name"`
	Start      string          `json:"start"`
	End        string          `json:"end"`
	Date       string          `json:"date"`
	Ended      bool            `json:"ended,omitempty"`
	Count      int             `json:"count,omitempty"`
	Confidence float64         `json:"confidence"`
	Facts      []export.Record `json:"facts"`
}

// NewAskJSON converts a result to its JSON form.
func NewAskJSON(r queries.AskResult) AskJSON {
	out := AskJSON{Question: r.Question, Interpretation: r.Interpretation, Notes: r.Notes, Answers: []AnswerJSON{}}
	for _, a := range r.Answers {
		out.Answers = append(out.Answers, AnswerJSON{
			Name: a.Name, Start: a.Start.String(), End: a.End.String(), Date: a.Date.String(),
			Ended: a.Ended, Count: a.Count, Confidence: a.Confidence, Facts: records(a.Facts, false),
		})
	}
	return out
}

// records converts answers to export records; with uncertain, those of
// uncertain answers are marked so. No answers give an empty, non-nil list
// (JSON []).
func records(as []queries.Answer, uncertain bool) []export.Record {
	out := make([]export.Record, 0, len(as))
	for _, a := range as {
		rec := export.NewRecord(a.Fact, a.Subject, a.Object)
		rec.Uncertain = uncertain && a.Uncertain
		out = append(out, rec)
	}
	return out
}

// WriteJSON writes v as indented JSON.
func WriteJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// SourceRef is a short reference to a fact's first source: the article id
// and its publication date, and how many more sources there are.
func SourceRef(f graph.Fact) string {
	if len(f.Sources) == 0 {
		return ""
	}
	s := f.Sources[0]
	ref := s.Article
	if !s.Published.IsZero() {
		ref += " (" + s.Published.String() + ")"
	}
	if n := len(f.Sources) - 1; n > 0 {
		ref += fmt.Sprintf(" +%d", n)
	}
	return ref
}

// WriteAsk writes an answered question as an aligned, numbered table
// after the line saying how it was read.
func WriteAsk(w io.Writer, r queries.AskResult) error {
	fmt.Fprintf(w, "interpreted as: %s\n", r.Interpretation)
	for _, n := range r.Notes {
		fmt.Fprintf(w, "note: %s\n", n)
	}
	if len(r.Answers) == 0 {
		_, err := fmt.Fprintln(w, "no answer in the graph")
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	if r.Parsed.Form == queries.FormPath {
		for i, a := range r.Answers {
			fmt.Fprintf(tw, "%d\t%s\n", i+1, a.Name)
			for _, f := range a.Facts {
				fmt.Fprintf(tw, "\t  %s %s %s\t%s\t%s\n", f.Subject.Name, f.Fact.Predicate, f.Object.Name, When(f.Fact), SourceRef(f.Fact))
			}
		}
		return tw.Flush()
	}
	fmt.Fprintln(tw, "#\tANSWER\tFROM\tUNTIL\tDATE\tFACTS\tCONF\tSOURCE")
	for i, a := range r.Answers {
		until := a.End.String()
		if until == "" && a.Ended {
			until = "(ended)"
		}
		src := ""
		if len(a.Facts) > 0 {
			src = SourceRef(a.Facts[0].Fact)
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%d\t%.2f\t%s\n", i+1, a.Name, a.Start, until, a.Date, len(a.Facts), a.Confidence, src)
	}
	return tw.Flush()
}

// When renders a fact's valid time for a table: as Period, but a term
// known from one side only reads "from START" or "until END".
func When(f graph.Fact) string {
	if !graph.IsEvent(f.Predicate) {
		s, e := f.Start.String(), f.End.String()
		switch {
		case s == "" && e != "":
			return "until " + e
		case s != "" && e == "" && !f.Ended:
			return "from " + s
		}
	}
	return Period(f)
}

// Period renders a fact's valid time as the query commands' tables do:
// an event's date; a term's "START – END", an unknown side left empty and
// a term known to be over without an end date ending "(ended)".
func Period(f graph.Fact) string {
	if graph.IsEvent(f.Predicate) {
		return f.Date.String()
	}
	s, e := f.Start.String(), f.End.String()
	switch {
	case s == "" && e == "" && f.Ended:
		return "(ended)"
	case s == "" && e == "":
		return ""
	case e == "" && f.Ended:
		return s + " – (ended)"
	}
	return s + " – " + e
}

// WriteEvidence writes the facts behind an answer with every source's
// sentence.
func WriteEvidence(w io.Writer, a queries.AskAnswer) error {
	for _, f := range a.Facts {
		fmt.Fprintf(w, "%s %s %s", f.Subject.Name, f.Fact.Predicate, f.Object.Name)
		if f.Fact.Role != "" {
			fmt.Fprintf(w, " (%s)", f.Fact.Role)
		}
		if t := When(f.Fact); t != "" {
			fmt.Fprintf(w, " [%s]", t)
		}
		fmt.Fprintf(w, " confidence %.2f\n", f.Fact.Confidence)
		for _, s := range f.Fact.Sources {
			ref := s.Article
			if !s.Published.IsZero() {
				ref += ", " + s.Published.String()
			}
			if s.Title != "" {
				ref += ", " + s.Title
			}
			if _, err := fmt.Fprintf(w, "  - %q (%s)\n", s.Sentence, ref); err != nil {
				return err
			}
		}
	}
	return nil
}

// PathJSON is the JSON form of a path query.
type PathJSON struct {
	From      string         `json:"from"`
	To        string         `json:"to"`
	Paths     []PathItemJSON `json:"paths"`
	Truncated bool           `json:"truncated,omitempty"`
}

// PathItemJSON is one path: its length and its steps.
type PathItemJSON struct {
	Hops  int            `json:"hops"`
	Steps []PathStepJSON `json:"steps"`
}

// PathStepJSON is one step: the entities walked and the fact (export schema).
type PathStepJSON struct {
	From string        `json:"from"`
	To   string        `json:"to"`
	Fact export.Record `json:"fact"`
}

// NewPathJSON converts a path result to its JSON form.
func NewPathJSON(r queries.PathResult) PathJSON {
	out := PathJSON{From: r.From.Label(), To: r.To.Label(), Paths: []PathItemJSON{}, Truncated: r.Truncated}
	for _, p := range r.Paths {
		item := PathItemJSON{Hops: len(p.Steps)}
		for _, st := range p.Steps {
			item.Steps = append(item.Steps, PathStepJSON{From: st.From.Name, To: st.To.Name, Fact: export.NewRecord(st.Fact, st.Subject, st.Object)})
		}
		out.Paths = append(out.Paths, item)
	}
	return out
}

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

// NeighborsJSON is the JSON form of a neighbors query.
type NeighborsJSON struct {
	Entity    string         `json:"entity"`
	Neighbors []NeighborJSON `json:"neighbors"`
}

// NeighborJSON is one neighbor and the facts linking it.
type NeighborJSON struct {
	ID    string          `json:"id"`
	Name  string          `json:"name"`
	Type  string          `json:"type"`
	Facts []export.Record `json:"facts"`
}

// NewNeighborsJSON converts a neighbors result to its JSON form.
func NewNeighborsJSON(r queries.NeighborsResult) NeighborsJSON {
	out := NeighborsJSON{Entity: r.Entity.Label(), Neighbors: []NeighborJSON{}}
	for _, n := range r.Neighbors {
		out.Neighbors = append(out.Neighbors, NeighborJSON{ID: n.Entity.ID, Name: n.Entity.Name, Type: string(n.Entity.Type), Facts: records(n.Facts, false)})
	}
	return out
}

// WriteNeighbors writes neighbors as a table.
func WriteNeighbors(w io.Writer, r queries.NeighborsResult) error {
	if len(r.Neighbors) == 0 {
		_, err := fmt.Fprintf(w, "%s has no neighbors\n", r.Entity.Label())
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "NEIGHBOR\tTYPE\tFACTS\tPREDICATES\tLATEST\tSOURCE")
	for _, n := range r.Neighbors {
		var preds []string
		seen := map[string]bool{}
		for _, f := range n.Facts {
			if !seen[f.Fact.Predicate] {
				seen[f.Fact.Predicate] = true
				preds = append(preds, f.Fact.Predicate)
			}
		}
		last := n.Facts[len(n.Facts)-1].Fact
		fmt.Fprintf(tw, "%s\t%s\t%d\t%s\t%s\t%s\n", n.Entity.Name, n.Entity.Type, len(n.Facts), strings.Join(preds, ","), When(last), SourceRef(last))
	}
	return tw.Flush()
}

// EntityJSON is one entity found by a search.
type EntityJSON struct {
	ID         string   `json:"id"`
	Name       string   `json:"name"`
	Type       string   `json:"type"`
	Aliases    []string `json:"aliases"`
	AliasCount int      `json:"alias_count"`
	Matched    string   `json:"matched,omitempty"`
	Distance   int      `json:"distance,omitempty"`
}

// NewEntitiesJSON converts search matches to their JSON form.
func NewEntitiesJSON(ms []queries.EntityMatch) []EntityJSON {
	out := []EntityJSON{}
	for _, m := range ms {
		al := m.Entity.Aliases
		if al == nil {
			al = []string{}
		}
		out = append(out, EntityJSON{ID: m.Entity.ID, Name: m.Entity.Name, Type: string(m.Entity.Type),
			Aliases: al, AliasCount: m.Aliases, Matched: m.Matched, Distance: m.Distance})
	}
	return out
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

// GizmoJSON is the JSON form of a Gizmo query's results.
type GizmoJSON struct {
	Results   []any `json:"results"`
	Truncated bool  `json:"truncated"`
}

// NewGizmoJSON converts Gizmo results to their JSON form.
func NewGizmoJSON(r queries.GizmoResult) GizmoJSON {
	res := r.Results
	if res == nil {
		res = []any{}
	}
	return GizmoJSON{Results: res, Truncated: r.Truncated}
}
