package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/geokg/geokg/console"
	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/queries"
	"github.com/geokg/geokg/render"
)

// CompleteTimeout bounds the request behind one Tab of a remote console.
const CompleteTimeout = 2 * time.Second

// Remote is the console.Backend that sends the console's lines to a
// running server through its API, asking for the console's text (Accept
// TextType) or JSON, so that the console prints what it prints on the
// store itself: `geokg console` uses it when a server holds the store.
type Remote struct {
	// Client reaches the server.
	Client *Client
}

// remoteAnswers are the numbered answers of a remote request: :why N
// sends the request again with why=N.
type remoteAnswers struct {
	c      *Client
	path   string
	params url.Values
	n      int
}

// Len is how many answers the server said it gave.
func (a *remoteAnswers) Len() int { return a.n }

// WriteEvidence asks the server for the evidence of answer n.
func (a *remoteAnswers) WriteEvidence(ctx context.Context, w io.Writer, n int) error {
	q := url.Values{}
	for k, v := range a.params {
		q[k] = v
	}
	q.Set("why", strconv.Itoa(n))
	_, err := a.c.copy(ctx, w, a.path, q, TextType)
	return err
}

// setDate sets name to d in q when d is not zero.
func setDate(q url.Values, name string, d graph.Date) {
	if !d.IsZero() {
		q.Set(name, d.String())
	}
}

// setString sets name to v in q when v is not empty.
func setString(q url.Values, name, v string) {
	if v != "" {
		q.Set(name, v)
	}
}

// setInt sets name to n in q when n is not 0.
func setInt(q url.Values, name string, n int) {
	if n != 0 {
		q.Set(name, strconv.Itoa(n))
	}
}

// accept is the media type to ask for out.
func accept(out console.Output) string {
	if out.JSON {
		return ""
	}
	return TextType
}

// copy sends GET path?q and copies the answer to w, returning its
// response (body closed).
func (c *Client) copy(ctx context.Context, w io.Writer, path string, q url.Values, accept string) (*http.Response, error) {
	resp, err := c.Send(ctx, http.MethodGet, path, q, accept, nil)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	_, err = io.Copy(w, resp.Body)
	return resp, err
}

// numbered sends a request whose answers are numbered and returns them.
func (r *Remote) numbered(ctx context.Context, out console.Output, path string, q url.Values) (console.Answers, error) {
	resp, err := r.Client.copy(ctx, out.W, path, q, accept(out))
	if err != nil {
		return nil, err
	}
	n, err := strconv.Atoi(resp.Header.Get(AnswersHeader))
	if err != nil {
		return nil, fmt.Errorf("the server at %s did not say how many answers it gave (%s header)", r.Client.Base, AnswersHeader)
	}
	return &remoteAnswers{c: r.Client, path: path, params: q, n: n}, nil
}

// Ask sends q to /ask; an unreadable question is a *queries.ParseError.
func (r *Remote) Ask(ctx context.Context, out console.Output, q queries.AskQuery) (console.Answers, error) {
	p := url.Values{"q": {q.Question}}
	setDate(p, "today", q.Today)
	setDate(p, "at", q.At)
	setInt(p, "max_hops", q.MaxHops)
	setInt(p, "timeline_offset", q.TimelineOffset)
	setInt(p, "timeline_limit", q.TimelineLimit)
	if q.TimelineAll {
		p.Set("timeline_all", "true")
	}
	a, err := r.numbered(ctx, out, "/ask", p)
	var ae *APIError
	if errors.As(err, &ae) && len(ae.Suggestions) > 0 {
		return nil, &queries.ParseError{Question: q.Question, Suggestions: ae.Suggestions}
	}
	return a, err
}

// Facts sends q to /facts, asking for the console's table.
func (r *Remote) Facts(ctx context.Context, out console.Output, q queries.FactsQuery) (console.Answers, error) {
	p := url.Values{"console": {"true"}}
	setString(p, "subject", q.Subject)
	setString(p, "predicate", q.Predicate)
	setString(p, "object", q.Object)
	setDate(p, "at", q.At)
	setDate(p, "from", q.From)
	setDate(p, "to", q.To)
	setDate(p, "as_known", q.AsKnown)
	return r.numbered(ctx, out, "/facts", p)
}

// Path sends q to /path.
func (r *Remote) Path(ctx context.Context, out console.Output, q queries.PathQuery) (console.Answers, error) {
	p := url.Values{"a": {q.From}, "b": {q.To}}
	setDate(p, "at", q.At)
	setDate(p, "as_known", q.AsKnown)
	setInt(p, "max_hops", q.MaxHops)
	setInt(p, "limit", q.Limit)
	return r.numbered(ctx, out, "/path", p)
}

// Neighbors sends q to /neighbors.
func (r *Remote) Neighbors(ctx context.Context, out console.Output, q queries.NeighborsQuery) (console.Answers, error) {
	p := url.Values{"entity": {q.Entity}}
	setDate(p, "at", q.At)
	setDate(p, "as_known", q.AsKnown)
	setString(p, "predicate", q.Predicate)
	p.Set("limit", strconv.Itoa(q.Limit)) // 0: all, as the local console lists them
	return r.numbered(ctx, out, "/neighbors", p)
}

// Entities sends prefix to /entities.
func (r *Remote) Entities(ctx context.Context, out console.Output, prefix string, limit int) error {
	p := url.Values{"prefix": {prefix}}
	setInt(p, "limit", limit)
	_, err := r.Client.copy(ctx, out.W, "/entities", p, accept(out))
	return err
}

// Gizmo posts q to /gizmo; the server applies its own time and memory
// bounds (its timeout and result cap bound q's).
func (r *Remote) Gizmo(ctx context.Context, out console.Output, q queries.GizmoQuery) error {
	p := url.Values{}
	if q.Timeout > 0 {
		p.Set("timeout", q.Timeout.String())
	}
	setInt(p, "limit", q.Limit)
	resp, err := r.Client.Send(ctx, http.MethodPost, "/gizmo", p, accept(out), strings.NewReader(q.Query))
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	_, err = io.Copy(out.W, resp.Body)
	return err
}

// Complete asks /entities for the entities matching prefix and completes
// prefix from their names and aliases with queries.Names.Complete, as the
// local console does from all of them; nil when the server does not
// answer within CompleteTimeout.
func (r *Remote) Complete(ctx context.Context, prefix string, limit int) []string {
	ctx, cancel := context.WithTimeout(ctx, CompleteTimeout)
	defer cancel()
	body, err := r.Client.Get(ctx, "/entities", url.Values{"prefix": {prefix}}, "")
	if err != nil {
		return nil
	}
	defer body.Close()
	var found []render.EntityJSON
	if json.NewDecoder(body).Decode(&found) != nil {
		return nil
	}
	ents := make([]graph.Entity, 0, len(found))
	for _, e := range found {
		ents = append(ents, graph.Entity{ID: e.ID, Name: e.Name, Type: graph.EntityType(e.Type), Aliases: e.Aliases})
	}
	return queries.NewNames(ents).Complete(prefix, limit)
}
