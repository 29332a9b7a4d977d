package store

// How geokg encodes its model as quads.
//
// Every node is an IRI in the "geokg:" scheme; the path after the scheme is
// the object's id with characters that are not allowed in an N-Quads IRI
// percent-escaped (ids made by EntityID and ComputeID never need escaping).
//
//	<geokg:entity/{entity id}>   an entity, e.g. <geokg:entity/person/donald-trump>
//	<geokg:fact/{hex}>           a fact; the id is Fact.ComputeID()
//	<geokg:source/{hex}>         one article's statement of one fact
//	<geokg:article/{article id}> an ingested article, e.g. <geokg:article/d01>
//	<geokg:Entity>, <geokg:Fact>, <geokg:Source>, <geokg:Article>  classes
//
// Entity, fact and article nodes have an rdf:type quad naming their class
// (the full http://www.w3.org/1999/02/22-rdf-syntax-ns#type IRI): reads
// find every entity and every fact by it, and Stats counts articles by
// it. Source nodes have none (nothing finds them by class; Stats counts
// them through their articles); those of stores written before keep
// theirs until a write rewrites the node. The properties (literals are
// plain strings unless noted):
//
//	entity   <geokg:name> "Donald Trump"; <geokg:type> "person";
//	         <geokg:alias> "Trump" (one quad per alias);
//	         <geokg:key> "donaldtrump" (AliasKey of the name and of each alias;
//	         the index Resolve looks names up in)
//	fact     <geokg:subject> <entity>; <geokg:predicate> "met"; <geokg:object> <entity>
//	         (reads find facts by them);
//	         <geokg:source> <source> (one quad per source);
//	         <geokg:evidence_record> "{…}": its evidence and every other
//	         qualifier (role, location, sectors, start, end, date, ended,
//	         confidence, recording time, inferred end and its source, bound
//	         of an unknown start) in one JSON literal (evidence.go,
//	         evidence_record.go; field "q" is 1 in such a record)
//	source   <geokg:article> <article>; <geokg:packed> "{…}": the rest of
//	         its properties in one literal (packed.go): its sentence,
//	         recording time, claim (confidence, dates, ended, location),
//	         withdrawal, stated side and time sentences
//	article  <geokg:hash> "…" (when known); <geokg:packed> "{…}": its url,
//	         title, publication date and recording time (packed.go)
//
// Fact nodes written before the qualifiers moved into the record keep
// one quad per qualifier besides the record (or instead of it, in stores
// written before records: see evidence.go), which reads take and writes
// keep up to date (qualifierQuads):
//
//	fact     <geokg:role>, <geokg:location>, <geokg:subject_sector>,
//	         <geokg:object_sector> (when known);
//	         <geokg:start>, <geokg:end>, <geokg:date> (when known) as typed
//	         literals whose datatype carries the precision:
//	         "2024"^^xsd:gYear, "2024-10"^^xsd:gYearMonth, "2024-10-01"^^xsd:date;
//	         <geokg:ended> true (xsd:boolean, only when true);
//	         <geokg:confidence> xsd:double; <geokg:recorded_at> xsd:dateTime (UTC);
//	         <geokg:end_inferred_from> <fact> (only when the end was inferred);
//	         <geokg:end_by> true (only when that end is an upper bound);
//	         <geokg:start_after> a date (only when an unknown start was
//	         bounded below, graph.Fact.StartAfter)
//
// Stores written before the packed layout hold one quad per property of
// source and article nodes instead, and are still read (a write that
// changes such a node rewrites it packed):
//
//	source   <geokg:sentence> "…"; <geokg:recorded_at> xsd:dateTime;
//	         the source's claim: <geokg:start>, <geokg:end>, <geokg:date>,
//	         <geokg:ended>, <geokg:location> (when stated) and <geokg:confidence>
//	         (always; a source node without it predates claims and is read as
//	         stating its fact's qualifiers); <geokg:withdrawn_at> xsd:dateTime
//	         when an update of its article no longer states it;
//	         <geokg:time_sentence> "…" (one quad per other sentence of the
//	         article that gave the claim a date; Source.TimeSentences);
//	         <geokg:stated_subject> <entity>
//	article  <geokg:id> "d01"; <geokg:url>; <geokg:title>; <geokg:published> (date as above);
//	         <geokg:recorded_at> xsd:dateTime
//
// Besides the fact node, every fact is stored as the direct triple
// <subject entity> <geokg:rel/{predicate}> <object entity> in the named graph
// (label) of its fact node, so plain Cayley traversals such as
// g.V("<geokg:entity/person/mark-rutte>").Out("<geokg:rel/met>") work.
// Symmetric predicates (met, spoke_with, signed_agreement) also get the
// reverse triple. The fact node's qualifiers are derived from its sources'
// claims (Derive) and inferred ends (InferEnds). Updating a qualifier replaces
// the fact's record (and, on a node of the older layout, removes the old
// quad and adds the new one) in the same transaction; a changed source or
// article node has its packed literal replaced (sourcewrite.go). Source nodes are keyed by fact id, article id
// and sentence, so one article restating a fact in the same sentence is one
// source.

import (
	"fmt"
	"strings"
	"time"
	"unicode"

	"github.com/cayleygraph/quad"
	"github.com/mozillazg/go-unidecode"

	"github.com/geokg/geokg/graph"
)

// Class nodes and datatypes of the encoding (the IRIs of nodes are built
// and taken apart in iri.go).
const (
	rdfType = quad.IRI("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")

	classEntity = quad.IRI("geokg:Entity")
	classFact   = quad.IRI("geokg:Fact")
	// classSource is the class source nodes of stores written before had
	// (new ones have none; see above).
	classSource  = quad.IRI("geokg:Source")
	classArticle = quad.IRI("geokg:Article")

	// anchorNode holds the anchor quads that keep values alive (see
	// keepValues); it is not part of the exported graph.
	anchorNode = quad.IRI("geokg:values")

	xsdGYear      = quad.IRI("http://www.w3.org/2001/XMLSchema#gYear")
	xsdGYearMonth = quad.IRI("http://www.w3.org/2001/XMLSchema#gYearMonth")
	xsdDate       = quad.IRI("http://www.w3.org/2001/XMLSchema#date")
)

// Predicates of the encoding.
const (
	pName      = quad.IRI("geokg:name")
	pType      = quad.IRI("geokg:type")
	pAlias     = quad.IRI("geokg:alias")
	pAnchor    = quad.IRI("geokg:value")
	pKey       = quad.IRI("geokg:key")
	pSubject   = quad.IRI("geokg:subject")
	pPredicate = quad.IRI("geokg:predicate")
	pObject    = quad.IRI("geokg:object")
	pRole      = quad.IRI("geokg:role")
	pLocation  = quad.IRI("geokg:location")
	// pCode is a country's ISO 3166-1 alpha-3 code; pSubjectSector and
	// pObjectSector are an event's actor sectors (graph.Fact).
	pCode          = quad.IRI("geokg:code")
	pSubjectSector = quad.IRI("geokg:subject_sector")
	pObjectSector  = quad.IRI("geokg:object_sector")
	pStart         = quad.IRI("geokg:start")
	pEnd           = quad.IRI("geokg:end")
	pDate          = quad.IRI("geokg:date")
	pEnded         = quad.IRI("geokg:ended")
	pConfidence    = quad.IRI("geokg:confidence")
	pRecordedAt    = quad.IRI("geokg:recorded_at")
	pSource        = quad.IRI("geokg:source")
	pArticle       = quad.IRI("geokg:article")
	pSentence      = quad.IRI("geokg:sentence")
	pID            = quad.IRI("geokg:id")
	pURL           = quad.IRI("geokg:url")
	pTitle         = quad.IRI("geokg:title")
	pPublished     = quad.IRI("geokg:published")
	pHash          = quad.IRI("geokg:hash")
	// pPacked holds the packed properties of a source or article node
	// (packed.go).
	pPacked = quad.IRI("geokg:packed")

	pEndInferredFrom = quad.IRI("geokg:end_inferred_from")
	// pEndBy marks an inferred end that is only an upper bound
	// (graph.Fact.EndBy).
	pEndBy = quad.IRI("geokg:end_by")
	// pStartAfter is the inferred lower bound of an unknown start
	// (graph.Fact.StartAfter).
	pStartAfter  = quad.IRI("geokg:start_after")
	pWithdrawnAt = quad.IRI("geokg:withdrawn_at")

	pTimeSentence = quad.IRI("geokg:time_sentence")
	// pStatedSubject links a source of a symmetric fact to the side its
	// sentence names first (graph.Source.Subject).
	pStatedSubject = quad.IRI("geokg:stated_subject")
)

// dateValue encodes a known date as a typed literal whose datatype carries
// the precision; it returns nil for the unknown date.
func dateValue(d graph.Date) quad.Value {
	var t quad.IRI
	switch d.Precision {
	case graph.YearPrecision:
		t = xsdGYear
	case graph.MonthPrecision:
		t = xsdGYearMonth
	case graph.DayPrecision:
		t = xsdDate
	default:
		return nil
	}
	return quad.TypedString{Value: quad.String(d.String()), Type: t}
}

// dateFromValue decodes a value written by dateValue. The lexical form
// alone determines the precision ("2024-10" is a month), so plain strings
// are accepted too.
func dateFromValue(v quad.Value) (graph.Date, error) {
	var s string
	switch x := v.(type) {
	case quad.TypedString:
		s = string(x.Value)
	case quad.String:
		s = string(x)
	case quad.Time:
		return graph.DateFromTime(time.Time(x).UTC()), nil
	default:
		return graph.Date{}, fmt.Errorf("%w: unexpected date value %v", graph.ErrBadDate, v)
	}
	return graph.ParseDate(s)
}

// timeValue encodes an instant as an xsd:dateTime literal in UTC.
func timeValue(t time.Time) quad.Value { return quad.Time(t.Round(0).UTC()) }

// stringOf returns the text of a string-like value.
func stringOf(v quad.Value) string {
	switch x := v.(type) {
	case quad.String:
		return string(x)
	case quad.TypedString:
		return string(x.Value)
	case quad.LangString:
		return string(x.Value)
	case nil:
		return ""
	}
	return fmt.Sprint(quad.NativeOf(v))
}

// AliasKey folds a name for alias lookup: diacritics are folded to ASCII,
// case is ignored, a leading "the " is dropped, '%' reads as "pct" and
// everything but letters and digits is removed, so "U.S.", "US" and
// "the U. S." share the key "us", and "António Costa" matches "antonio costa".
func AliasKey(name string) string {
	s := strings.ToLower(strings.TrimSpace(unidecode.Unidecode(name)))
	s = strings.TrimPrefix(s, "the ")
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '%':
			b.WriteString("pct")
		case r == '&':
			b.WriteString("and")
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		}
	}
	return b.String()
}

// entityQuads returns the quads of a new entity.
func entityQuads(e graph.Entity) []quad.Quad {
	n := EntityIRI(e.ID)
	qs := []quad.Quad{
		quad.Make(n, rdfType, classEntity, nil),
		quad.Make(n, pName, quad.String(e.Name), nil),
		quad.Make(n, pType, quad.String(string(e.Type)), nil),
	}
	keys := map[string]bool{}
	addKey := func(s string) {
		if k := AliasKey(s); k != "" && !keys[k] {
			keys[k] = true
			qs = append(qs, quad.Make(n, pKey, quad.String(k), nil))
		}
	}
	addKey(e.Name)
	if e.Code != "" {
		qs = append(qs, quad.Make(n, pCode, quad.String(e.Code), nil))
	}
	for _, a := range e.Aliases {
		qs = append(qs, quad.Make(n, pAlias, quad.String(a), nil))
		addKey(a)
	}
	return qs
}

// articleQuads returns the quads of article a, recorded at recorded.
func articleQuads(a graph.Article, recorded time.Time) []quad.Quad {
	n := ArticleIRI(a.ID)
	qs := []quad.Quad{
		quad.Make(n, rdfType, classArticle, nil),
		quad.Make(n, pPacked, packArticle(a, recorded), nil),
	}
	if a.Hash != "" {
		qs = append(qs, quad.Make(n, pHash, quad.String(a.Hash), nil))
	}
	return qs
}

// factQuads returns the quads of a new fact without its sources or its
// evidence record: the fact node's class, sides and predicate (what reads
// look facts up by) and the direct triple(s). Its other qualifiers are
// kept in its evidence record alone (evidence_record.go).
func factQuads(f graph.Fact) []quad.Quad {
	n := FactIRI(f.ID)
	qs := []quad.Quad{
		quad.Make(n, rdfType, classFact, nil),
		quad.Make(n, pSubject, EntityIRI(f.Subject), nil),
		quad.Make(n, pPredicate, quad.String(f.Predicate), nil),
		quad.Make(n, pObject, EntityIRI(f.Object), nil),
	}
	return append(qs, directQuads(f)...)
}

// pHost is the side that hosted a meeting (graph.Fact.Host), on a fact
// node of the older layout.
var pHost = quad.IRI("geokg:host")

// qualifierQuads returns the quads that held the qualifiers of fact f
// other than its sides and predicate on fact nodes written before they
// moved into the evidence record (see above); a write that changes such
// a node, or removes it, changes or removes them.
func qualifierQuads(f graph.Fact) []quad.Quad {
	n := FactIRI(f.ID)
	qs := []quad.Quad{
		quad.Make(n, pConfidence, quad.Float(f.Confidence), nil),
		quad.Make(n, pRecordedAt, timeValue(f.RecordedAt), nil),
	}
	if f.Role != "" {
		qs = append(qs, quad.Make(n, pRole, quad.String(f.Role), nil))
	}
	if f.Location != "" {
		qs = append(qs, quad.Make(n, pLocation, quad.String(f.Location), nil))
	}
	if f.SubjectSector != "" {
		qs = append(qs, quad.Make(n, pSubjectSector, quad.String(f.SubjectSector), nil))
	}
	if f.ObjectSector != "" {
		qs = append(qs, quad.Make(n, pObjectSector, quad.String(f.ObjectSector), nil))
	}
	if f.Host != "" {
		qs = append(qs, quad.Make(n, pHost, EntityIRI(f.Host), nil))
	}
	for _, d := range []struct {
		pred quad.IRI
		val  graph.Date
	}{{pStart, f.Start}, {pEnd, f.End}, {pDate, f.Date}} {
		if v := dateValue(d.val); v != nil {
			qs = append(qs, quad.Make(n, d.pred, v, nil))
		}
	}
	if f.Ended {
		qs = append(qs, quad.Make(n, pEnded, quad.Bool(true), nil))
	}
	if f.EndInferredFrom != "" {
		qs = append(qs, quad.Make(n, pEndInferredFrom, FactIRI(f.EndInferredFrom), nil))
	}
	if f.EndBy {
		qs = append(qs, quad.Make(n, pEndBy, quad.Bool(true), nil))
	}
	if v := dateValue(f.StartAfter); v != nil {
		qs = append(qs, quad.Make(n, pStartAfter, v, nil))
	}
	return qs
}

// directQuads returns the direct triple(s) of fact f, labelled with its
// node: both ways for a symmetric predicate.
func directQuads(f graph.Fact) []quad.Quad {
	n, s, o := FactIRI(f.ID), EntityIRI(f.Subject), EntityIRI(f.Object)
	qs := []quad.Quad{quad.Make(s, RelIRI(f.Predicate), o, n)}
	if graph.IsSymmetric(f.Predicate) && f.Subject != f.Object {
		qs = append(qs, quad.Make(o, RelIRI(f.Predicate), s, n))
	}
	return qs
}

// sourceQuads returns the quads of source src of fact factID, including
// the link from the fact node. A source node has no class quad (nothing
// finds sources by class; see encode.go's header).
func sourceQuads(factID string, src graph.Source) []quad.Quad {
	n := sourceIRI(factID, src.Article, src.Sentence)
	return []quad.Quad{
		quad.Make(FactIRI(factID), pSource, n, nil),
		quad.Make(n, pArticle, ArticleIRI(src.Article), nil),
		quad.Make(n, pPacked, packSource(src), nil),
	}
}
