package console

import (
	"context"
	"io"

	"github.com/geokg/geokg/queries"
)

// Backend answers the console's lines: Local runs them on a query engine,
// and a remote backend (server.Remote) sends them to the geokg server that
// holds the store. Each method writes its answer to out as the console
// prints it; a failed one writes nothing. The queries' Names fields are
// the backend's to fill.
type Backend interface {
	// Ask answers an English question; an unreadable one is a
	// *queries.ParseError with its suggestions.
	Ask(ctx context.Context, out Output, q queries.AskQuery) (Answers, error)
	// Facts answers :facts.
	Facts(ctx context.Context, out Output, q queries.FactsQuery) (Answers, error)
	// Path answers :path, one answer a path.
	Path(ctx context.Context, out Output, q queries.PathQuery) (Answers, error)
	// Neighbors answers :neighbors, one answer a neighbour.
	Neighbors(ctx context.Context, out Output, q queries.NeighborsQuery) (Answers, error)
	// Entities answers :entities PREFIX, at most limit entities.
	Entities(ctx context.Context, out Output, prefix string, limit int) error
	// Gizmo runs a Gizmo line.
	Gizmo(ctx context.Context, out Output, q queries.GizmoQuery) error
	// Complete returns the entity names and aliases that start with
	// prefix, for Tab (see queries.Names.Complete), at most limit; nil
	// when it knows none or cannot ask.
	Complete(ctx context.Context, prefix string, limit int) []string
}

// Output is where and how a backend writes an answer.
type Output struct {
	// W receives the answer.
	W io.Writer
	// JSON asks for the JSON form (:json) instead of the table.
	JSON bool
}

// Answers are the numbered answers of the last line, which :why N shows
// the evidence of.
type Answers interface {
	// Len is how many answers there are.
	Len() int
	// WriteEvidence writes the evidence sentences of answer n (from 1)
	// as render.WriteEvidence does.
	WriteEvidence(ctx context.Context, w io.Writer, n int) error
}

// FactsAnswers numbers the rows of a :facts answer: one fact each. The
// local console and the server's "why" parameter number the answers of
// :facts, :path and :neighbors through these functions, so both agree.
func FactsAnswers(as []queries.Answer) []queries.AskAnswer {
	out := make([]queries.AskAnswer, 0, len(as))
	for _, a := range as {
		out = append(out, queries.AskAnswer{Name: a.Subject.Name, Facts: []queries.Answer{a}})
	}
	return out
}

// PathAnswers numbers the paths of a :path answer: the facts of each.
func PathAnswers(r queries.PathResult) []queries.AskAnswer {
	out := make([]queries.AskAnswer, 0, len(r.Paths))
	for _, p := range r.Paths {
		a := queries.AskAnswer{}
		for _, st := range p.Steps {
			a.Facts = append(a.Facts, st.Answer)
		}
		out = append(out, a)
	}
	return out
}

// NeighborsAnswers numbers the rows of a :neighbors answer: the facts
// linking each neighbour.
func NeighborsAnswers(r queries.NeighborsResult) []queries.AskAnswer {
	out := make([]queries.AskAnswer, 0, len(r.Neighbors))
	for _, n := range r.Neighbors {
		out = append(out, queries.AskAnswer{Name: n.Entity.Name, Facts: n.Facts})
	}
	return out
}
