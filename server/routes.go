package server

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/geokg/geokg/export"
	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/timex"
)

// ParamType is the kind of value a parameter takes.
type ParamType string

// The parameter types; each has its OpenAPI schema and its parser.
const (
	// String is free text, such as a name.
	String ParamType = "string"
	// Date is a date as the CLI's date flags read it (timex.ParseOption).
	Date ParamType = "date"
	// Integer is a whole number, at least 0.
	Integer ParamType = "integer"
	// Number is a decimal number.
	Number ParamType = "number"
	// Boolean is true or false.
	Boolean ParamType = "boolean"
	// Duration is a Go duration such as "10s".
	Duration ParamType = "duration"
)

// Param is one query parameter of a route.
type Param struct {
	// Name is the parameter's name: the CLI flag's, "-" written "_".
	Name string
	// Type is the kind of value it takes.
	Type ParamType
	// Required parameters must be given and not empty.
	Required bool
	// Doc describes it in one sentence for the OpenAPI document.
	Doc string
	// Enum lists the values it takes, when they are a closed set (the
	// OpenAPI schema's enum, which the web console reads); nil for any.
	Enum []string
}

// Route is one row of the route table: everything the router, the
// parameter checks and the OpenAPI document need to know of an endpoint.
type Route struct {
	// Method is the HTTP method (GET or POST).
	Method string
	// Path is the URL path, such as "/api/v1/facts".
	Path string
	// Name names the route in metrics ("facts").
	Name string
	// Summary describes the route in one line.
	Summary string
	// Params are its query parameters; any other is refused (400).
	Params []Param
	// Body describes the request body (POST), "" for none.
	Body string
	// Produces is the media type of a successful answer; "" is JSON.
	Produces string
	// Text marks a route that answers "Accept: text/plain" with the
	// CLI's table (what the command prints without --json).
	Text bool
	// BodyTypes are the media types of the request body; nil is
	// text/plain.
	BodyTypes []string
	// bigBody marks a route that caps its body itself (ingest, at
	// Options.MaxIngest) instead of at Options.MaxBody.
	bigBody bool
	// Token marks a route that needs a bearer token (403 without).
	Token bool
	// handle answers the request.
	handle func(s *Server, w http.ResponseWriter, r *http.Request, p params) error
}

// API is the prefix of the versioned API's paths.
const API = "/api/v1"

// Parameters shared by several routes.
var (
	pAt      = Param{Name: "at", Type: Date, Doc: "Only facts in force on this date."}
	pFrom    = Param{Name: "from", Type: Date, Doc: "Only facts overlapping the range from this date."}
	pTo      = Param{Name: "to", Type: Date, Doc: "Only facts overlapping the range up to this date (inclusive)."}
	pAsKnown = Param{Name: "as_known", Type: Date, Doc: "Answer with only what had been ingested by this date."}
	pPred    = Param{Name: "predicate", Type: String, Enum: graph.Predicates, Doc: "Only facts with this predicate: " + strings.Join(graph.Predicates, ", ") + "."}
	// pWhy asks for the evidence of one numbered answer (the console's
	// :why N); the routes that take it say how many answers they gave in
	// the AnswersHeader header.
	pWhy = Param{Name: "why", Type: Integer, Doc: "Instead of the answer, the evidence sentences of its answer N (from 1), as text (the console's :why N)."}
	// pAllSources reads every source of each answer, as the CLI's
	// --all-sources; by default an answer's facts carry their evidence
	// sources and source_count (see the Fact schema).
	pAllSources = Param{Name: "all_sources", Type: Boolean, Doc: "List every source of each fact (`--all-sources`), read from the store whatever their number; by default a fact lists its first sources and those that bound its dates, with source_count when it has more (page them with /evidence)."}
)

// Routes returns the route table, in the order of the OpenAPI document.
func Routes() []Route {
	return []Route{
		{Method: http.MethodGet, Path: API + "/ask", Name: "ask", Summary: "Answer an English question (the JSON of `geokg ask --json`).",
			Params: []Param{
				{Name: "q", Type: String, Required: true, Doc: "The question."},
				{Name: "today", Type: Date, Doc: "The date of \"now\" and of questions without a date (default: the server's date)."},
				{Name: "at", Type: Date, Doc: "The date a question without a date is asked at (the console's :at; default: today)."},
				{Name: "max_hops", Type: Integer, Doc: "Longest path for \"how is X connected to Y\"."},
				{Name: "timeline_offset", Type: Integer, Doc: "For a timeline (\"what happened with X\"): how many of its facts, in time order, to skip; with neither this nor timeline_limit, the answer is the latest 20 facts and a note says how many there are."},
				{Name: "timeline_limit", Type: Integer, Doc: "For a timeline: most facts answered (with timeline_offset 0 and no limit, the latest 20)."},
				{Name: "timeline_all", Type: Boolean, Doc: "For a timeline: every fact (the console's `:timeline X --limit 0`)."},
				pWhy,
			}, Text: true, handle: (*Server).ask},
		{Method: http.MethodGet, Path: API + "/facts", Name: "facts", Summary: "Facts by subject, predicate, object and time (the JSON of `geokg query facts --json`).",
			Params: []Param{
				{Name: "subject", Type: String, Doc: "Subject name or alias."},
				pPred,
				{Name: "object", Type: String, Doc: "Object name or alias."},
				pAt, pFrom, pTo, pAsKnown, pAllSources,
				{Name: "console", Type: Boolean, Doc: "Answer as the console's :facts: rows numbered (text), answers not marked uncertain (JSON)."},
				pWhy,
			}, Text: true, handle: (*Server).facts},
		{Method: http.MethodGet, Path: API + "/holders", Name: "holders", Summary: "Who led or held ORG, term by term (`geokg query holders --json`).",
			Params: []Param{
				{Name: "org", Type: String, Required: true, Doc: "A country, organization or office."},
				{Name: "role", Type: String, Doc: "Only terms in this role (or office)."},
				{Name: "at", Type: Date, Doc: "Only terms in force on this date."},
				pAsKnown, pAllSources,
			}, Text: true, handle: (*Server).holders},
		{Method: http.MethodGet, Path: API + "/timeline", Name: "timeline", Summary: "Every fact about an entity in time order (`geokg query timeline --json`).",
			Params: []Param{
				{Name: "entity", Type: String, Required: true, Doc: "Entity name or alias."},
				pFrom, pTo, pAsKnown,
				{Name: "offset", Type: Integer, Doc: "How many of the facts, in time order, to skip (default 0)."},
				{Name: "limit", Type: Integer, Doc: "Most facts returned (default and at most the server's result cap); without a window, only those are read."},
				{Name: "latest", Type: Boolean, Doc: "Count offset and limit from the newest fact (the page still comes oldest first): latest=true&limit=20 is the last 20 facts."},
				pAllSources,
			}, Text: true, handle: (*Server).timeline},
		{Method: http.MethodGet, Path: API + "/path", Name: "path", Summary: "Shortest chains of facts linking two entities (`geokg query path --json`).",
			Params: []Param{
				{Name: "a", Type: String, Required: true, Doc: "The first entity."},
				{Name: "b", Type: String, Required: true, Doc: "The second entity."},
				{Name: "at", Type: Date, Doc: "Use only facts in force on this date."},
				pAsKnown,
				{Name: "max_hops", Type: Integer, Doc: "Longest path, in facts."},
				{Name: "limit", Type: Integer, Doc: "Most paths returned."},
				pAllSources, pWhy,
			}, Text: true, handle: (*Server).path},
		{Method: http.MethodGet, Path: API + "/neighbors", Name: "neighbors", Summary: "Entities sharing a fact with an entity (`geokg query neighbors --json`).",
			Params: []Param{
				{Name: "entity", Type: String, Required: true, Doc: "Entity name or alias."},
				{Name: "at", Type: Date, Doc: "Use only facts in force on this date."},
				pAsKnown,
				pPred,
				{Name: "limit", Type: Integer, Doc: "Most neighbours returned, the most linked first (default 50, as `geokg query neighbors`; 0: all, up to the server's result cap); X-Geokg-Truncated says when there are more."},
				pAllSources, pWhy,
			}, Text: true, handle: (*Server).neighbors},
		{Method: http.MethodGet, Path: API + "/entities", Name: "entities", Summary: "Entities whose name or alias starts with a prefix (`geokg query entities --json`).",
			Params: []Param{
				{Name: "prefix", Type: String, Required: true, Doc: "The start of a name, alias or one of its words."},
				{Name: "limit", Type: Integer, Doc: "Most entities returned."},
			}, Text: true, handle: (*Server).entities},
		{Method: http.MethodGet, Path: API + "/evidence", Name: "evidence", Summary: "One page of a fact's sources, in the order answers list them, with how many it has in all.",
			Params: []Param{
				{Name: "fact", Type: String, Required: true, Doc: "The fact's id (the id of its JSON record)."},
				{Name: "offset", Type: Integer, Doc: "How many of its sources to skip (default 0)."},
				{Name: "limit", Type: Integer, Doc: "Most sources returned: 1 to 500 (default 20)."},
			}, handle: (*Server).evidence},
		{Method: http.MethodPost, Path: API + "/gizmo", Name: "gizmo", Summary: "Run a raw Cayley Gizmo query, read-only (`geokg query gizmo --json`).",
			Params: []Param{
				{Name: "timeout", Type: Duration, Doc: "Time limit, such as 5s (at most the server's request timeout)."},
				{Name: "limit", Type: Integer, Doc: "Most results (at most the server's result cap)."},
			}, Body: "The Gizmo query (JavaScript), as text.", Text: true, handle: (*Server).gizmo},
		{Method: http.MethodPost, Path: API + "/ingest", Name: "ingest", Summary: "Store articles (the summary of `geokg ingest`); needs the server's token.",
			Body:      "Articles as `geokg ingest -` reads them: JSONL, a JSON article (or array), or the text of one article.",
			BodyTypes: []string{"application/x-ndjson", "application/json", "text/plain"},
			Token:     true, bigBody: true, handle: (*Server).ingest},
		{Method: http.MethodGet, Path: API + "/stats", Name: "stats", Summary: "Counts of articles, entities, facts and sources in the store.",
			handle: (*Server).stats},
		{Method: http.MethodGet, Path: API + "/sources", Name: "sources", Summary: "The configured sources with their last run and last error (`geokg sources --json`).",
			handle: (*Server).sources},
		{Method: http.MethodGet, Path: API + "/export", Name: "export", Summary: "The graph in an export format, streamed (`geokg export`).", Produces: "application/octet-stream",
			Params: []Param{
				{Name: "format", Type: String, Enum: export.Names(), Doc: "Output format (default jsonl); one of the formats of `geokg export --help`."},
				{Name: "entities", Type: Boolean, Doc: "The entity table instead of the facts (csv, jsonl, parquet)."},
				{Name: "at", Type: Date, Doc: "Only facts true on this date (a snapshot)."},
				pFrom, pTo, pPred,
				{Name: "entity", Type: String, Doc: "Only the neighbourhood of this entity (name or alias)."},
				{Name: "hops", Type: Integer, Doc: "Radius of the entity neighbourhood (default 1)."},
				{Name: "min_confidence", Type: Number, Doc: "Only facts at least this confident (0..1)."},
			}, handle: (*Server).export},
		{Method: http.MethodGet, Path: API + "/openapi.json", Name: "openapi", Summary: "This API's OpenAPI 3 document.",
			handle: (*Server).openapi},
	}
}

// params are a request's query parameters, checked against its route.
type params struct {
	v        url.Values
	today    graph.Date
	declared map[string]Param
}

// check refuses parameters the route does not take, repeated parameters
// and missing required ones, and parses every typed value once so a bad
// one is a 400 before any work.
func (rt Route) check(v url.Values, today graph.Date) (params, error) {
	known := map[string]Param{}
	for _, p := range rt.Params {
		known[p.Name] = p
	}
	for name, vs := range v {
		if _, ok := known[name]; !ok {
			return params{}, badRequest("unknown parameter %q (%s takes %s)", name, rt.Path, paramNames(rt.Params))
		}
		if len(vs) > 1 {
			return params{}, badRequest("parameter %q given %d times", name, len(vs))
		}
	}
	p := params{v: v, today: today, declared: known}
	for _, prm := range rt.Params {
		if prm.Required && strings.TrimSpace(v.Get(prm.Name)) == "" {
			return params{}, badRequest("parameter %q is required", prm.Name)
		}
		if err := p.parse(prm); err != nil {
			return params{}, err
		}
	}
	return p, nil
}

// paramNames lists the names of ps, or "no parameters".
func paramNames(ps []Param) string {
	if len(ps) == 0 {
		return "no parameters"
	}
	names := make([]string, len(ps))
	for i, p := range ps {
		names[i] = p.Name
	}
	return strings.Join(names, ", ")
}

// parse checks the value of prm, if given.
func (p params) parse(prm Param) error {
	raw := p.v.Get(prm.Name)
	if raw == "" {
		return nil
	}
	var err error
	switch prm.Type {
	case Date:
		_, err = p.date(prm.Name)
	case Integer:
		_, err = p.int(prm.Name)
	case Number:
		_, err = p.float(prm.Name)
	case Boolean:
		_, err = p.bool(prm.Name)
	case Duration:
		_, err = p.duration(prm.Name)
	}
	return err
}

// get returns the value of name as given; a handler reading a parameter
// its route does not declare is a programming error, caught by the tests
// of every endpoint, so it panics.
func (p params) get(name string) string {
	if _, ok := p.declared[name]; !ok {
		panic("server: handler reads undeclared parameter " + name)
	}
	return p.v.Get(name)
}

// str returns the value of name, trimmed; "" when not given.
func (p params) str(name string) string { return strings.TrimSpace(p.get(name)) }

// date reads name as the CLI reads its date flags (timex.ParseOption),
// relative dates against today.
func (p params) date(name string) (graph.Date, error) {
	d, err := timex.ParseOption(name, p.get(name), p.today)
	if err != nil {
		return graph.Date{}, badRequest("%v", err)
	}
	return d, nil
}

// dateParam names a date parameter and the field it is read into.
type dateParam struct {
	name string
	into *graph.Date
}

// dates reads each date parameter into its field, in order; the first
// bad one is the error.
func (p params) dates(ds ...dateParam) error {
	for _, d := range ds {
		v, err := p.date(d.name)
		if err != nil {
			return err
		}
		*d.into = v
	}
	return nil
}

// int reads name as a whole number of at least 0; 0 when not given.
func (p params) int(name string) (int, error) {
	raw := p.get(name)
	if raw == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(raw)
	if err != nil || n < 0 {
		return 0, badRequest("parameter %s %q: want a whole number of at least 0", name, raw)
	}
	return n, nil
}

// float reads name as a number; 0 when not given.
func (p params) float(name string) (float64, error) {
	raw := p.get(name)
	if raw == "" {
		return 0, nil
	}
	x, err := strconv.ParseFloat(raw, 64)
	if err != nil {
		return 0, badRequest("parameter %s %q: want a number", name, raw)
	}
	return x, nil
}

// bool reads name as true or false; false when not given.
func (p params) bool(name string) (bool, error) {
	raw := p.get(name)
	if raw == "" {
		return false, nil
	}
	b, err := strconv.ParseBool(raw)
	if err != nil {
		return false, badRequest("parameter %s %q: want true or false", name, raw)
	}
	return b, nil
}

// duration reads name as a positive Go duration; 0 when not given.
func (p params) duration(name string) (time.Duration, error) {
	raw := p.get(name)
	if raw == "" {
		return 0, nil
	}
	d, err := time.ParseDuration(raw)
	if err != nil || d <= 0 {
		return 0, badRequest("parameter %s %q: want a duration such as 5s", name, raw)
	}
	return d, nil
}
