package render

import (
	"encoding/json"
	"io"

	"github.com/geokg/geokg/export"
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
			Ended: a.Ended, Count: a.Count, Confidence: a.Confidence, Facts: records(a.Facts, true),
		})
	}
	return out
}

// AnswerRecords converts answers to export records as they are, none
// marked uncertain (the console's :facts --json); see FactRecords for the
// query commands' form. No answers give an empty, non-nil list (JSON []).
func AnswerRecords(as []queries.Answer) []export.Record {
	return records(as, false)
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

// HolderJSON is the JSON form of one holder's term (geokg query holders
// --json), its facts in the export schema marked as FactRecords marks them.
type HolderJSON struct {
	Person    string          `json:"person"`
	PersonID  string          `json:"person_id"`
	Role      string          `json:"role,omitempty"`
	Start     string          `json:"start,omitempty"`
	End       string          `json:"end,omitempty"`
	Ended     bool            `json:"ended"`
	Uncertain bool            `json:"uncertain,omitempty"`
	Facts     []export.Record `json:"facts"`
}

// NewHoldersJSON converts holders to their JSON form; none give an empty,
// non-nil list (JSON []).
func NewHoldersJSON(hs []queries.Holder) []HolderJSON {
	out := make([]HolderJSON, 0, len(hs))
	for _, h := range hs {
		out = append(out, HolderJSON{Person: h.Person.Name, PersonID: h.Person.ID, Role: h.Role,
			Start: h.Start.String(), End: h.End.String(), Ended: h.Ended, Uncertain: h.Uncertain,
			Facts: FactRecords(h.Facts)})
	}
	return out
}
