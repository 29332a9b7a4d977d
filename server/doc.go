// Package server serves geokg's versioned JSON API (/api/v1/...), its
// OpenAPI document, /healthz and Prometheus metrics (/metrics) over HTTP,
// from the same query engine, renderers and exporters the CLI uses.
//
// Every route is one row of the route table (routes.go): its method, path,
// parameters (named as the CLI's flags, "-" written "_") and handler. The
// router, the parameter checks and the OpenAPI document are all built from
// that table, so they cannot disagree.
//
// Caveats. The server is read-only but for POST /api/v1/ingest (ingest.go),
// which needs a bearer token (Options.Tokens) and a writer (Options.Ingest)
// from its caller. It is safe by default: it binds 127.0.0.1 unless told
// otherwise, caps request bodies and result sizes, cancels a query that runs
// past the per-request timeout (504), sends no CORS headers and sets security
// headers on every response. How it holds the store is the Opener's choice
// (store.go): a bbolt store is opened read-only for each request, so the
// server never keeps the file locked between requests and `geokg ingest` can
// write in between; while the server's own process writes it, Server.Lend
// hands the requests that store instead. A memory or PostgreSQL store is
// opened once and held. The address file (addrfile.go) and Client
// (client.go) let the CLI find a running server and send it its requests
// when the store is locked; Remote (remote.go) is the console's Backend
// through a server: every query route answers "Accept: text/plain" with
// the CLI's text, and ask, facts, path and neighbors number their answers
// (X-Geokg-Answers) and answer why=N with the evidence of answer N.
package server
