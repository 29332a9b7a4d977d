package store

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/geokg/geokg/graph"
)

// The evidence record (see evidence.go) is one JSON object, a string
// literal on the fact node. It holds what FactFilter.Evidence returns of
// the fact, in the values a read of the fact's quads would give: dates in
// their ISO form at their precision (graph.Date's text form, as dateValue
// writes them), instants in RFC 3339 with nanoseconds in UTC. Field names
// are short: a fact keeps one record, a store millions of them.

// factRecord is a fact's evidence record.
type factRecord struct {
	// Slim is slimRecord when the fact node keeps its qualifiers in this
	// record alone (see encode.go); 0 in records of nodes that also keep
	// them as quads. It is the first field, so that a record's text
	// starts with it (isSlim).
	Slim            int        `json:"q,omitempty"`
	Subject         string     `json:"s"`
	Predicate       string     `json:"p"`
	Object          string     `json:"o"`
	Role            string     `json:"role,omitempty"`
	Location        string     `json:"loc,omitempty"`
	SubjectSector   string     `json:"ss,omitempty"`
	ObjectSector    string     `json:"os,omitempty"`
	Host            string     `json:"host,omitempty"`
	Start           graph.Date `json:"start,omitzero"`
	End             graph.Date `json:"end,omitzero"`
	Date            graph.Date `json:"date,omitzero"`
	Ended           bool       `json:"ended,omitempty"`
	Confidence      float64    `json:"c"`
	RecordedAt      time.Time  `json:"rec"`
	EndInferredFrom string     `json:"endfrom,omitempty"`
	EndBy           bool       `json:"endby,omitempty"`
	StartAfter      graph.Date `json:"after,omitzero"`
	// Count and Independent count the live sources (see evidence);
	// Terms are the earlier terms as encodeTerms writes them.
	Count       int            `json:"n"`
	Independent int            `json:"ind"`
	Terms       string         `json:"terms,omitempty"`
	Sources     []sourceRecord `json:"src,omitempty"`
	// Agg is what a restatement of the fact needs of all its sources
	// (see aggregate.go); nil in records written before it.
	Agg *aggRecord `json:"agg,omitempty"`
	// Short marks a record written short (see shorten); 0 in records
	// written before it and in those that could not be.
	Short int `json:"v,omitempty"`
}

// sourceRecord is one evidence source of a factRecord: a live source
// with what its article gives it.
type sourceRecord struct {
	Article       string     `json:"a"`
	URL           string     `json:"url,omitempty"`
	Title         string     `json:"title,omitempty"`
	Published     graph.Date `json:"pub,omitzero"`
	Sentence      string     `json:"s"`
	TimeSentences []string   `json:"ts,omitempty"`
	RecordedAt    time.Time  `json:"rec,omitzero"`
	Subject       string     `json:"subj,omitempty"`
	Start         graph.Date `json:"start,omitzero"`
	End           graph.Date `json:"end,omitzero"`
	Date          graph.Date `json:"date,omitzero"`
	Ended         bool       `json:"ended,omitempty"`
	Confidence    float64    `json:"c"`
	Location      string     `json:"loc,omitempty"`
}

// setQualifiers sets the qualifiers of record r to those of fact f.
func (r *factRecord) setQualifiers(f *graph.Fact) {
	r.Subject, r.Predicate, r.Object, r.Role, r.Location = f.Subject, f.Predicate, f.Object, f.Role, f.Location
	r.SubjectSector, r.ObjectSector, r.Start, r.End, r.Date = f.SubjectSector, f.ObjectSector, f.Start, f.End, f.Date
	r.Ended, r.Confidence, r.RecordedAt, r.Host = f.Ended, f.Confidence, f.RecordedAt.UTC(), f.Host
	r.EndInferredFrom, r.EndBy = f.EndInferredFrom, f.EndBy && f.EndInferredFrom != ""
	r.StartAfter = graph.Date{}
	if f.Start.IsZero() {
		r.StartAfter = f.StartAfter
	}
}

// withQualifiers returns record rec with the qualifiers of fact f and
// the evidence it holds (for a write that changed only f's qualifiers,
// such as an inferred end, and holds f without all its sources), and its
// parsed form. When known is not nil rec's parsed form is put in it (as
// parsed: the new record is a copy whose qualifiers alone differ, and
// setQualifiers changes no slice or aggregate the two share).
func withQualifiers(rec string, known parsedRecords, f *graph.Fact) (string, *factRecord, error) {
	r, err := known.parse(rec)
	if err != nil {
		return "", nil, err
	}
	if known != nil {
		known[rec] = r
	}
	c := *r
	c.setQualifiers(f)
	out, err := marshalRecord(&c)
	return out, &c, err
}

// slimRecord marks the record of a fact node that keeps its qualifiers
// in the record alone (factRecord.Slim).
const slimRecord = 1

// slimPrefix starts the text of every record marked slimRecord:
// encoding/json writes a struct's fields in their order, and Slim is
// the first.
const slimPrefix = `{"q":1,`

// isSlim reports whether evidence record rec is that of a fact node that
// keeps its qualifiers in the record alone, without parsing it.
func isSlim(rec string) bool { return strings.HasPrefix(rec, slimPrefix) }

// encodeRecord returns the evidence record of fact f with evidence e and
// aggregate record a; slim marks it as the only place the node keeps its
// qualifiers (see encode.go).
func encodeRecord(f *graph.Fact, e evidence, a *aggRecord, slim bool) (string, *factRecord, error) {
	r := &factRecord{Count: e.count, Independent: e.independent, Agg: a}
	if slim {
		r.Slim = slimRecord
	}
	r.setQualifiers(f)
	if !graph.IsEvent(f.Predicate) && len(f.EarlierTerms) > 0 {
		r.Terms = encodeTerms(f.EarlierTerms)
	}
	for _, s := range e.sources {
		var ts []string
		if len(s.TimeSentences) > 0 { // a store keeps them as a set
			ts = slices.Compact(slices.Sorted(slices.Values(s.TimeSentences)))
		}
		r.Sources = append(r.Sources, sourceRecord{Article: s.Article, URL: s.URL, Title: s.Title, Published: s.Published,
			Sentence: s.Sentence, TimeSentences: ts, RecordedAt: s.RecordedAt.UTC(), Subject: s.Subject,
			Start: s.Start, End: s.End, Date: s.Date, Ended: s.Ended, Confidence: s.Confidence, Location: s.Location})
	}
	rec, err := marshalRecord(r)
	return rec, r, err
}

// decodeRecord returns the fact with id as its evidence record rec keeps
// it (see FactFilter.Evidence); ok is false when no live source states
// it. An error wraps ErrBadValue.
func decodeRecord(id, rec string) (f graph.Fact, ok bool, err error) {
	r, err := parseRecord(rec)
	if err != nil {
		return graph.Fact{}, false, err
	}
	return r.fact(id)
}

// parseRecord returns evidence record rec parsed. An error wraps
// ErrBadValue.
func parseRecord(rec string) (*factRecord, error) {
	var r factRecord
	if err := json.Unmarshal([]byte(rec), &r); err != nil {
		return nil, fmt.Errorf("%w: evidence record: %w", ErrBadValue, err)
	}
	if err := r.lengthen(); err != nil {
		return nil, err
	}
	return &r, nil
}

// parsedRecords maps the text of evidence records to their parsed form:
// those a write encodes and those it reads parsed, so that what reads them
// again in the same write (the timeline index's rows, timeRowsOf) does not
// parse them again. The parsed form of a text is the record parseRecord
// returns for it; callers must not change it.
type parsedRecords map[string]*factRecord

// parse returns evidence record rec parsed: as m holds it, or else parsed
// here (parseRecord). A nil m holds none.
func (m parsedRecords) parse(rec string) (*factRecord, error) {
	if r := m[rec]; r != nil {
		return r, nil
	}
	return parseRecord(rec)
}

// A record is rewritten each time its fact is restated, and Cayley keeps
// each version as a new value, so its bytes count more than once in a
// store. A record is written short: what it would repeat is left out and
// read back from where it also is. The instants of its sources and of its
// aggregate that equal the fact's own recording are left out, and the
// aggregate's first and last source references that are one of the
// record's sources name that source by its place (aggRecord.FirstAt,
// LastAt, counted from 1). A record some of whose instants are zero is
// written whole (Short 0), so that a missing instant always means the
// fact's.
const shortRecord = 1

// marshalRecord returns record r as its JSON text, written short.
func marshalRecord(r *factRecord) (string, error) {
	b, err := json.Marshal(r.shorten())
	return string(b), err
}

// shorten returns a copy of record r written short (r is not changed: the
// writer's cache keeps it parsed), or r itself when it cannot be.
func (r *factRecord) shorten() *factRecord {
	rec := r.RecordedAt
	if rec.IsZero() || r.Short != 0 {
		return r
	}
	for _, s := range r.Sources {
		if s.RecordedAt.IsZero() {
			return r
		}
	}
	if r.Agg != nil && (r.Agg.Agg.RecordedAt.IsZero() && len(r.Agg.Agg.Groups) > 0) {
		return r
	}
	c := *r
	c.Short = shortRecord
	c.Sources = slices.Clone(r.Sources)
	for i := range c.Sources {
		if c.Sources[i].RecordedAt.Equal(rec) {
			c.Sources[i].RecordedAt = time.Time{}
		}
	}
	if r.Agg != nil {
		a := *r.Agg
		if len(a.Agg.Groups) > 0 && a.Agg.RecordedAt.Equal(rec) {
			a.Agg.RecordedAt = time.Time{}
		}
		for i, s := range r.Sources {
			ref := sourceRef{RecordedAt: s.RecordedAt, Published: s.Published, Article: s.Article}
			if a.FirstAt == 0 && a.First.equal(ref) {
				a.First, a.FirstAt = sourceRef{}, i+1
			}
			if a.LastAt == 0 && a.Last.equal(ref) {
				a.Last, a.LastAt = sourceRef{}, i+1
			}
		}
		c.Agg = &a
	}
	return &c
}

// lengthen puts back what a short record leaves out (see shorten). An
// error wraps ErrBadValue.
func (r *factRecord) lengthen() error {
	if r.Short == 0 {
		return nil
	}
	if r.Short != shortRecord {
		return fmt.Errorf("%w: evidence record of an unknown form %d", ErrBadValue, r.Short)
	}
	r.Short = 0
	for i := range r.Sources {
		if r.Sources[i].RecordedAt.IsZero() {
			r.Sources[i].RecordedAt = r.RecordedAt
		}
	}
	a := r.Agg
	if a == nil {
		return nil
	}
	if a.Agg.RecordedAt.IsZero() && len(a.Agg.Groups) > 0 {
		a.Agg.RecordedAt = r.RecordedAt
	}
	for _, at := range []struct {
		n   *int
		ref *sourceRef
	}{{&a.FirstAt, &a.First}, {&a.LastAt, &a.Last}} {
		if *at.n == 0 {
			continue
		}
		if *at.n > len(r.Sources) {
			return fmt.Errorf("%w: evidence record names source %d of %d", ErrBadValue, *at.n, len(r.Sources))
		}
		s := r.Sources[*at.n-1]
		*at.ref, *at.n = sourceRef{RecordedAt: s.RecordedAt, Published: s.Published, Article: s.Article}, 0
	}
	return nil
}

// qualifiers returns the fact with id with the qualifiers record r keeps
// and nothing else (no sources).
func (r *factRecord) qualifiers(id string) graph.Fact {
	f := graph.Fact{ID: id, Subject: r.Subject, Predicate: r.Predicate, Object: r.Object, Role: r.Role, Location: r.Location,
		SubjectSector: r.SubjectSector, ObjectSector: r.ObjectSector, Host: r.Host, Start: r.Start, End: r.End, Date: r.Date,
		Ended: r.Ended, Confidence: r.Confidence, RecordedAt: r.RecordedAt.UTC(), EndInferredFrom: r.EndInferredFrom,
		EndBy: r.EndBy && r.EndInferredFrom != ""}
	if r.Start.IsZero() {
		f.StartAfter = r.StartAfter
	}
	return f
}

// fact returns the fact with id as record r keeps it (see decodeRecord).
func (r *factRecord) fact(id string) (f graph.Fact, ok bool, err error) {
	if r.Predicate == "" || r.Subject == "" || r.Object == "" {
		return graph.Fact{}, false, fmt.Errorf("%w: evidence record names no subject, predicate and object", ErrBadValue)
	}
	if r.Count <= 0 {
		return graph.Fact{}, false, nil
	}
	f = r.qualifiers(id)
	if r.Terms != "" && !graph.IsEvent(f.Predicate) {
		if f.EarlierTerms, err = decodeTerms(r.Terms); err != nil {
			return graph.Fact{}, false, err
		}
	}
	f.Sources = make([]graph.Source, 0, len(r.Sources))
	for _, s := range r.Sources {
		f.Sources = append(f.Sources, graph.Source{Article: s.Article, URL: s.URL, Title: s.Title, Published: s.Published,
			Sentence: s.Sentence, TimeSentences: s.TimeSentences, RecordedAt: s.RecordedAt.UTC(), Subject: s.Subject,
			Claim: graph.Claim{Start: s.Start, End: s.End, Date: s.Date, Ended: s.Ended, Confidence: s.Confidence, Location: s.Location}})
	}
	if r.Count > len(f.Sources) {
		f.SourceCount, f.Independent = r.Count, r.Independent
	}
	return f, true, nil
}
