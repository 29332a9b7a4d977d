package server

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/geokg/geokg/console"
	"github.com/geokg/geokg/export"
	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/ingest/schedule"
	"github.com/geokg/geokg/queries"
	"github.com/geokg/geokg/render"
)

// MaxHops caps max_hops of ask and path: longer walks cost more than an
// HTTP answer should.
const MaxHops = 8

// truncatedHeader is set to "true" on a list answer cut at MaxResults,
// or at the limit it was asked for (/neighbors).
const truncatedHeader = "X-Geokg-Truncated"

// AnswersHeader says how many numbered answers an answer of ask, facts,
// path or neighbors has: the numbers its "why" parameter takes.
const AnswersHeader = "X-Geokg-Answers"

// writeJSON writes v as the CLI's --json does (render.WriteJSON).
func writeJSON(w http.ResponseWriter, v any) error {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	return render.WriteJSON(w, v)
}

// wantsText reports whether r asks for the answer as the CLI prints it
// without --json (Accept: text/plain), as `geokg` does when it goes
// through a server.
func wantsText(r *http.Request) bool {
	return strings.HasPrefix(r.Header.Get("Accept"), TextType)
}

// answer writes the answer of r: with text, the CLI's table, when r asks
// for text (wantsText); else v as JSON.
func answer(w http.ResponseWriter, r *http.Request, v any, text func(io.Writer) error) error {
	if wantsText(r) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		return text(w)
	}
	return writeJSON(w, v)
}

// why reads the why parameter: 0 when not given, else at least 1.
func why(p params) (int, error) {
	n, err := p.int("why")
	if err == nil && n == 0 && p.str("why") != "" {
		err = badRequest("parameter why 0: answers are numbered from 1")
	}
	return n, err
}

// numbered writes an answer whose answers are numbered (ev): with n > 0
// the evidence of answer n as text (the console's :why n), else the
// answer as answer does; either way AnswersHeader gives the count.
func numbered(w http.ResponseWriter, r *http.Request, n int, ev console.Evidence, v any, text func(io.Writer) error) error {
	w.Header().Set(AnswersHeader, strconv.Itoa(len(ev)))
	if n == 0 {
		return answer(w, r, v, text)
	}
	if n > len(ev) {
		return badRequest("parameter why %d: the answer has %d answers", n, len(ev))
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	return render.WriteEvidence(w, ev[n-1])
}

// engine returns the query engine of a request on st: answers read with
// their evidence only (queries.NewAnswering), as the CLI reads them, or
// with every source when the request has all_sources (the CLI's
// --all-sources).
func engine(st Store, p params) (*queries.Engine, error) {
	all, err := p.bool("all_sources")
	if err != nil {
		return nil, err
	}
	return queries.NewWithOptions(st, queries.Options{Evidence: !all}), nil
}

// capList cuts xs to the server's result cap, saying so in a header.
func capList[T any](s *Server, w http.ResponseWriter, xs []T) []T {
	if len(xs) <= s.opts.MaxResults {
		return xs
	}
	w.Header().Set(truncatedHeader, "true")
	return xs[:s.opts.MaxResults]
}

// hops reads max_hops, at most MaxHops.
func hops(p params) (int, error) {
	n, err := p.int("max_hops")
	if err == nil && n > MaxHops {
		err = badRequest("parameter max_hops %d: at most %d", n, MaxHops)
	}
	return n, err
}

func (s *Server) ask(w http.ResponseWriter, r *http.Request, p params) error {
	today := p.today
	if p.str("today") != "" {
		d, err := p.date("today")
		if err != nil {
			return err
		}
		if d.Precision != graph.DayPrecision {
			return badRequest("parameter today %q: want a day such as 2026-01-15", p.str("today"))
		}
		today = d
	}
	maxHops, err := hops(p)
	if err != nil {
		return err
	}
	at, err := p.date("at")
	if err != nil {
		return err
	}
	n, err := why(p)
	if err != nil {
		return err
	}
	return s.withStore(r.Context(), func(st Store) error {
		aq := queries.AskQuery{Question: p.str("q"), Today: today, At: at, MaxHops: maxHops}
		if aq.TimelineOffset, err = p.int("timeline_offset"); err != nil {
			return err
		}
		if aq.TimelineLimit, err = p.int("timeline_limit"); err != nil {
			return err
		}
		if aq.TimelineAll, err = p.bool("timeline_all"); err != nil {
			return err
		}
		res, err := queries.NewAnswering(st).Ask(r.Context(), aq)
		var pe *queries.ParseError
		if errors.As(err, &pe) {
			s.writeError(w, http.StatusBadRequest, err, pe.Suggestions)
			return nil
		}
		if err != nil {
			return err
		}
		res.Answers = capList(s, w, res.Answers)
		return numbered(w, r, n, res.Answers, render.NewAskJSON(res), func(w io.Writer) error { return render.WriteAsk(w, res) })
	})
}

func (s *Server) facts(w http.ResponseWriter, r *http.Request, p params) error {
	q := queries.FactsQuery{Subject: p.str("subject"), Predicate: p.str("predicate"), Object: p.str("object")}
	var err error
	if err = p.dates(dateParam{"at", &q.At}, dateParam{"from", &q.From}, dateParam{"to", &q.To}, dateParam{"as_known", &q.AsKnown}); err != nil {
		return err
	}
	if !q.At.IsZero() && (!q.From.IsZero() || !q.To.IsZero()) {
		return badRequest("at cannot be combined with from/to")
	}
	asConsole, err := p.bool("console")
	if err != nil {
		return err
	}
	n, err := why(p)
	if err != nil {
		return err
	}
	return s.withStore(r.Context(), func(st Store) error {
		e, err := engine(st, p)
		if err != nil {
			return err
		}
		as, err := e.Facts(r.Context(), q)
		if err != nil {
			return err
		}
		as = capList(s, w, as)
		if asConsole {
			return numbered(w, r, n, console.FactsAnswers(as), render.AnswerRecords(as), func(w io.Writer) error { return render.WriteFacts(w, as) })
		}
		return numbered(w, r, n, console.FactsAnswers(as), render.FactRecords(as), func(w io.Writer) error { return render.WriteQueryFacts(w, as) })
	})
}

func (s *Server) holders(w http.ResponseWriter, r *http.Request, p params) error {
	q := queries.HoldersQuery{Org: p.str("org"), Role: p.str("role")}
	var err error
	if err = p.dates(dateParam{"at", &q.At}, dateParam{"as_known", &q.AsKnown}); err != nil {
		return err
	}
	return s.withStore(r.Context(), func(st Store) error {
		e, err := engine(st, p)
		if err != nil {
			return err
		}
		hs, err := e.Holders(r.Context(), q)
		if err != nil {
			return err
		}
		hs = capList(s, w, hs)
		return answer(w, r, render.NewHoldersJSON(hs), func(w io.Writer) error { return render.WriteHolders(w, hs) })
	})
}

func (s *Server) timeline(w http.ResponseWriter, r *http.Request, p params) error {
	q := queries.TimelineQuery{Entity: p.str("entity")}
	var err error
	if err = p.dates(dateParam{"from", &q.From}, dateParam{"to", &q.To}, dateParam{"as_known", &q.AsKnown}); err != nil {
		return err
	}
	if q.Offset, err = p.int("offset"); err != nil {
		return err
	}
	if q.Limit, err = p.int("limit"); err != nil {
		return err
	}
	if q.Latest, err = p.bool("latest"); err != nil {
		return err
	}
	if q.Limit == 0 || q.Limit > s.opts.MaxResults {
		// One more than the cap, so that capList sees a longer answer.
		q.Limit = s.opts.MaxResults + 1
	}
	return s.withStore(r.Context(), func(st Store) error {
		e, err := engine(st, p)
		if err != nil {
			return err
		}
		as, err := e.Timeline(r.Context(), q)
		if err != nil {
			return err
		}
		if q.Latest && len(as) > s.opts.MaxResults {
			// The newest facts are the ones asked for: cut the oldest.
			w.Header().Set(truncatedHeader, "true")
			as = as[len(as)-s.opts.MaxResults:]
		}
		as = capList(s, w, as)
		return answer(w, r, render.FactRecords(as), func(w io.Writer) error { return render.WriteQueryFacts(w, as) })
	})
}

func (s *Server) path(w http.ResponseWriter, r *http.Request, p params) error {
	q := queries.PathQuery{From: p.str("a"), To: p.str("b")}
	var err error
	if err = p.dates(dateParam{"at", &q.At}); err != nil {
		return err
	}
	if q.MaxHops, err = hops(p); err != nil {
		return err
	}
	if q.Limit, err = p.int("limit"); err != nil {
		return err
	}
	q.Limit = min(q.Limit, s.opts.MaxResults)
	if err = p.dates(dateParam{"as_known", &q.AsKnown}); err != nil {
		return err
	}
	n, err := why(p)
	if err != nil {
		return err
	}
	return s.withStore(r.Context(), func(st Store) error {
		e, err := engine(st, p)
		if err != nil {
			return err
		}
		res, err := e.Path(r.Context(), q)
		if err != nil {
			return err
		}
		return numbered(w, r, n, console.PathAnswers(res), render.NewPathJSON(res), func(w io.Writer) error { return render.WritePaths(w, res) })
	})
}

func (s *Server) neighbors(w http.ResponseWriter, r *http.Request, p params) error {
	q := queries.NeighborsQuery{Entity: p.str("entity"), Predicate: p.str("predicate"), Limit: queries.DefaultNeighborsLimit}
	var err error
	if err = p.dates(dateParam{"at", &q.At}, dateParam{"as_known", &q.AsKnown}); err != nil {
		return err
	}
	if p.get("limit") != "" {
		if q.Limit, err = p.int("limit"); err != nil {
			return err
		}
	}
	n, err := why(p)
	if err != nil {
		return err
	}
	return s.withStore(r.Context(), func(st Store) error {
		e, err := engine(st, p)
		if err != nil {
			return err
		}
		res, err := e.Neighbors(r.Context(), q)
		if err != nil {
			return err
		}
		if len(res.Neighbors) < res.Total {
			w.Header().Set(truncatedHeader, "true")
		}
		res.Neighbors = capList(s, w, res.Neighbors)
		return numbered(w, r, n, console.NeighborsAnswers(res), render.NewNeighborsJSON(res), func(w io.Writer) error { return render.WriteNeighbors(w, res) })
	})
}

func (s *Server) entities(w http.ResponseWriter, r *http.Request, p params) error {
	limit, err := p.int("limit")
	if err != nil {
		return err
	}
	if limit == 0 || limit > s.opts.MaxResults {
		limit = s.opts.MaxResults
	}
	return s.withStore(r.Context(), func(st Store) error {
		prefix := p.str("prefix")
		names, err := s.names(r.Context(), st)
		if err != nil {
			return err
		}
		ms, err := queries.NewAnswering(st).SearchEntities(r.Context(), names, prefix, limit)
		if err != nil {
			return err
		}
		return answer(w, r, render.NewEntitiesJSON(ms), func(w io.Writer) error { return render.WriteEntities(w, prefix, ms) })
	})
}

func (s *Server) gizmo(w http.ResponseWriter, r *http.Request, p params) error {
	timeout, err := p.duration("timeout")
	if err != nil {
		return err
	}
	if timeout == 0 || timeout > s.opts.Timeout {
		timeout = min(queries.DefaultGizmoTimeout, s.opts.Timeout)
	}
	limit, err := p.int("limit")
	if err != nil {
		return err
	}
	if limit == 0 || limit > s.opts.MaxResults {
		limit = min(queries.DefaultGizmoLimit, s.opts.MaxResults)
	}
	body, err := io.ReadAll(r.Body)
	if err != nil {
		return err
	}
	src := strings.TrimSpace(string(body))
	if src == "" {
		return badRequest("the body must hold a Gizmo query")
	}
	return s.withStore(r.Context(), func(st Store) error {
		res, err := queries.New(st).Gizmo(r.Context(), queries.GizmoQuery{Query: src, Timeout: timeout, Limit: limit})
		if err != nil {
			if !errors.Is(err, queries.ErrGizmoTimeout) && r.Context().Err() == nil {
				err = badRequest("%v", err) // a script error is the caller's
			}
			return err
		}
		return answer(w, r, render.NewGizmoJSON(res), func(w io.Writer) error { return render.WriteGizmo(w, res) })
	})
}

// Paging of /evidence: the page size when none is given and the largest.
const (
	defaultEvidenceLimit = 20
	maxEvidenceLimit     = 500
)

// evidenceJSON is the answer of /evidence: one page of a fact's live
// sources, in the order answers list them.
type evidenceJSON struct {
	Fact        string                `json:"fact"`
	SourceCount int                   `json:"source_count"`
	Offset      int                   `json:"offset"`
	Sources     []export.SourceRecord `json:"sources"`
}

func (s *Server) evidence(w http.ResponseWriter, r *http.Request, p params) error {
	offset, err := p.int("offset")
	if err != nil {
		return err
	}
	limit := defaultEvidenceLimit
	if p.str("limit") != "" {
		if limit, err = p.int("limit"); err != nil {
			return err
		}
		if limit < 1 || limit > maxEvidenceLimit {
			return badRequest("parameter limit %d: want 1 to %d", limit, maxEvidenceLimit)
		}
	}
	id := p.str("fact")
	return s.withStore(r.Context(), func(st Store) error {
		total, page, err := st.FactSources(r.Context(), id, offset, limit)
		if err != nil {
			return err
		}
		// A record of a fact with only these sources gives them their
		// exported form, the one /facts writes.
		srcs := export.NewRecord(graph.Fact{ID: id, Sources: page}, graph.Entity{}, graph.Entity{}).Sources
		return writeJSON(w, evidenceJSON{Fact: id, SourceCount: total, Offset: offset, Sources: srcs})
	})
}

// statsJSON is the answer of /stats.
type statsJSON struct {
	Articles int `json:"articles"`
	Entities int `json:"entities"`
	Facts    int `json:"facts"`
	Sources  int `json:"sources"`
}

func (s *Server) stats(w http.ResponseWriter, r *http.Request, _ params) error {
	return s.withStore(r.Context(), func(st Store) error {
		c, err := st.Stats(r.Context())
		if err != nil {
			return err
		}
		return writeJSON(w, statsJSON{Articles: c.Articles, Entities: c.Entities, Facts: c.Facts, Sources: c.Sources})
	})
}

func (s *Server) sources(w http.ResponseWriter, _ *http.Request, _ params) error {
	state := &schedule.State{}
	switch {
	case s.opts.State != nil:
		state = s.opts.State()
	case s.opts.StatePath != "":
		var err error
		if state, err = schedule.LoadState(s.opts.StatePath); err != nil {
			return err
		}
	}
	rows := schedule.Status(s.opts.Sources, state)
	if rows == nil {
		rows = []schedule.SourceStatus{}
	}
	return writeJSON(w, rows)
}

// contentTypes are the media types of the export formats, by extension;
// the others are application/octet-stream.
var contentTypes = map[string]string{
	"csv": "text/csv; charset=utf-8", "jsonl": "application/x-ndjson", "nq": "application/n-quads",
	"graphml": "application/xml", "gexf": "application/xml", "parquet": "application/vnd.apache.parquet",
}

func (s *Server) export(w http.ResponseWriter, r *http.Request, p params) error {
	name := p.str("format")
	if name == "" {
		name = "jsonl"
	}
	format, err := export.Lookup(name)
	if err != nil {
		return badRequest("format %q: %v; supported formats: %s", name, export.ErrUnknownFormat, strings.Join(export.Names(), ", "))
	}
	f := export.Filter{Predicate: p.str("predicate"), Entity: p.str("entity")}
	entities, err := p.bool("entities")
	if err != nil {
		return err
	}
	if f.Hops, err = p.int("hops"); err != nil {
		return err
	}
	if f.MinConfidence, err = p.float("min_confidence"); err != nil {
		return err
	}
	if err = p.dates(dateParam{"at", &f.At}, dateParam{"from", &f.From}, dateParam{"to", &f.To}); err != nil {
		return err
	}
	jobs, err := export.Plan(format, "", entities)
	if err != nil {
		return err
	}
	return s.withStore(r.Context(), func(st Store) error {
		sel, err := export.NewSelection(st, f)
		if err != nil {
			return err
		}
		ct := contentTypes[format.Ext]
		if ct == "" {
			ct = "application/octet-stream"
		}
		file := format.FileName()
		if entities {
			file = "entities." + format.Ext
		}
		w.Header().Set("Content-Type", ct)
		w.Header().Set("Content-Disposition", fmt.Sprintf("attachment; filename=%q", file))
		w.Header().Set("Cache-Control", "no-store")
		start := time.Now()
		n, err := jobs[0].Run(r.Context(), w, sel)
		if err == nil {
			s.log.Info("exported", "format", format.Name, jobs[0].What, n, "took", time.Since(start))
		}
		return err
	})
}

func (s *Server) openapi(w http.ResponseWriter, _ *http.Request, _ params) error {
	return writeJSON(w, OpenAPI())
}
