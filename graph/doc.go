// Package graph owns geokg's data model — entities, facts with their time
// bounds, sources and articles — its encoding as quads, and the Store that
// keeps them in Cayley.
//
// A fact is stored twice over: as the direct triple (subject, predicate,
// object) so that plain Cayley traversals work, and as a fact node that
// carries the qualifiers (role, location, valid time with precision,
// confidence, when it was recorded) and links to one source node per
// article that stated it. Each source node keeps its article's claim (the
// bounds, confidence and location it stated); the fact node's qualifiers
// are derived from the set of claims (Derive), and the ends of open terms
// are inferred from their successors (InferEnds, tenure.go) in the same
// transaction, so the stored facts do not depend on the order articles
// arrive in.
//
// Only this package writes to Cayley. The bbolt backend is the default; the
// in-memory backend is meant for tests and is not safe for concurrent use,
// so the Store serialises access to it.
package graph
