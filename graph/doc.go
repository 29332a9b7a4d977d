// Package graph is geokg's data model and all of its time rules: entities,
// facts with their time bounds, sources and articles, dates with their
// precision, the claims each source makes, terms, inferred tenure ends and
// combined confidence.
//
// A fact's qualifiers are derived from the set of its sources' claims
// (Derive) — or from their Aggregate (aggregate.go: one count per distinct
// set of claims, DeriveFrom), which a store keeps so that a fact gains a
// source without its other sources being read — and the ends of open terms are inferred from their successors
// (InferEnds, tenure.go), so the facts do not depend on the order articles
// arrive in. One Window (window.go) decides what is in force at a day or
// in a range, in which term and how surely, and what was known on a day.
//
// The fact vocabulary is a table (predicates.go): one row per predicate
// with every property the code asks of it — state or event, symmetric,
// narrative time, CAMEO and PLOVER codes, the verbs ask reads, the phrase
// answers write. IsEvent, IsSymmetric and IsPredicate read it.
//
// graph imports no storage code: packages that only need the model (time
// expressions, extraction, feeds, the console) link no Cayley backend. The
// store package keeps these values in Cayley.
package graph
