package console

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/geokg/geokg/queries"
	"github.com/geokg/geokg/render"
)

// Local is the Backend that answers from a query engine in this process.
type Local struct {
	// Engine answers the questions when Open is nil.
	Engine *queries.Engine
	// Open, when set, opens the store for one request; the backend calls
	// release when the request is answered, so that the console holds the
	// store only while a line runs and other geokg processes may write it
	// between lines. names is a fresh index when the store's entities may
	// have changed since the last call, else nil (the backend keeps Names).
	Open func(ctx context.Context) (e *queries.Engine, names *queries.Names, release func(), err error)
	// Names serves completion and misspelling-tolerant names; nil disables both.
	Names *queries.Names
	// Refresh, when set, is called before each completion: it returns a
	// fresh names index when the store's entities may have changed since
	// Names was loaded, else nil. It must be cheap when nothing changed.
	Refresh func() *queries.Names
	// GizmoTimeout bounds Gizmo lines; 0 means queries.DefaultGizmoTimeout.
	GizmoTimeout time.Duration
	// GizmoMaxMemory bounds the process's heap, in bytes, while a Gizmo
	// line runs; 0 means queries.DefaultGizmoMaxMemory, < 0 no bound.
	GizmoMaxMemory int64
}

// Evidence are answers held in memory, as a Backend returns them: the
// local backend's, and those a server renders for its "why" parameter.
type Evidence []queries.AskAnswer

// Len is how many answers there are.
func (e Evidence) Len() int { return len(e) }

// WriteEvidence writes the evidence of answer n (from 1).
func (e Evidence) WriteEvidence(_ context.Context, w io.Writer, n int) error {
	if n < 1 || n > len(e) {
		return fmt.Errorf("no answer %d of %d", n, len(e))
	}
	return render.WriteEvidence(w, e[n-1])
}

// engine returns the engine for one request and the function that lets
// go of it, opening the store when Open is set.
func (l *Local) engine(ctx context.Context) (*queries.Engine, func(), error) {
	if l.Open == nil {
		return l.Engine, func() {}, nil
	}
	e, names, release, err := l.Open(ctx)
	if err != nil {
		return nil, nil, err
	}
	if names != nil {
		l.Names = names
	}
	return e, release, nil
}

// Ask answers an English question.
func (l *Local) Ask(ctx context.Context, out Output, q queries.AskQuery) (Answers, error) {
	e, release, err := l.engine(ctx)
	if err != nil {
		return nil, err
	}
	defer release()
	q.Names = l.Names
	r, err := e.Ask(ctx, q)
	if err != nil {
		return nil, err
	}
	if out.JSON {
		return Evidence(r.Answers), render.WriteJSON(out.W, render.NewAskJSON(r))
	}
	return Evidence(r.Answers), render.WriteAsk(out.W, r)
}

// Facts answers :facts as a numbered table.
func (l *Local) Facts(ctx context.Context, out Output, q queries.FactsQuery) (Answers, error) {
	e, release, err := l.engine(ctx)
	if err != nil {
		return nil, err
	}
	defer release()
	as, err := e.Facts(ctx, q)
	if err != nil {
		return nil, err
	}
	if out.JSON {
		return Evidence(FactsAnswers(as)), render.WriteJSON(out.W, render.AnswerRecords(as))
	}
	return Evidence(FactsAnswers(as)), render.WriteFacts(out.W, as)
}

// Path answers :path.
func (l *Local) Path(ctx context.Context, out Output, q queries.PathQuery) (Answers, error) {
	e, release, err := l.engine(ctx)
	if err != nil {
		return nil, err
	}
	defer release()
	q.Names = l.Names
	r, err := e.Path(ctx, q)
	if err != nil {
		return nil, err
	}
	if out.JSON {
		return Evidence(PathAnswers(r)), render.WriteJSON(out.W, render.NewPathJSON(r))
	}
	return Evidence(PathAnswers(r)), render.WritePaths(out.W, r)
}

// Neighbors answers :neighbors.
func (l *Local) Neighbors(ctx context.Context, out Output, q queries.NeighborsQuery) (Answers, error) {
	e, release, err := l.engine(ctx)
	if err != nil {
		return nil, err
	}
	defer release()
	q.Names = l.Names
	r, err := e.Neighbors(ctx, q)
	if err != nil {
		return nil, err
	}
	if out.JSON {
		return Evidence(NeighborsAnswers(r)), render.WriteJSON(out.W, render.NewNeighborsJSON(r))
	}
	return Evidence(NeighborsAnswers(r)), render.WriteNeighbors(out.W, r)
}

// Entities answers :entities.
func (l *Local) Entities(ctx context.Context, out Output, prefix string, limit int) error {
	e, release, err := l.engine(ctx)
	if err != nil {
		return err
	}
	defer release()
	ms, err := e.SearchEntities(ctx, l.Names, prefix, limit)
	if err != nil {
		return err
	}
	if out.JSON {
		return render.WriteJSON(out.W, render.NewEntitiesJSON(ms))
	}
	return render.WriteEntities(out.W, prefix, ms)
}

// Gizmo runs a Gizmo line within the backend's time and memory bounds.
func (l *Local) Gizmo(ctx context.Context, out Output, q queries.GizmoQuery) error {
	e, release, err := l.engine(ctx)
	if err != nil {
		return err
	}
	defer release()
	if q.Timeout == 0 {
		q.Timeout = l.GizmoTimeout
	}
	if q.MaxMemory == 0 {
		q.MaxMemory = l.GizmoMaxMemory
	}
	r, err := e.Gizmo(ctx, q)
	if err != nil {
		return err
	}
	if out.JSON {
		return render.WriteJSON(out.W, render.NewGizmoJSON(r))
	}
	return render.WriteGizmo(out.W, r)
}

// Complete returns names and aliases from Names, refreshed first.
func (l *Local) Complete(_ context.Context, prefix string, limit int) []string {
	if l.Refresh != nil {
		if n := l.Refresh(); n != nil {
			l.Names = n
		}
	}
	if l.Names == nil {
		return nil
	}
	return l.Names.Complete(prefix, limit)
}
