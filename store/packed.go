package store

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/cayleygraph/quad"

	"github.com/geokg/geokg/graph"
)

// The packed properties of source and article nodes.
//
// Source and article nodes keep as separate quads only what is looked up
// or followed: a fact's <geokg:source> link, a source's <geokg:article>
// link (DeleteArticle and updates find an article's sources by it), an
// article's <geokg:hash> (ingest finds content it has seen by it), and
// an article's rdf:type (Stats counts articles by class; source nodes
// written before keep theirs too). Everything else a node
// has is one plain string literal, the object of its <geokg:packed> quad:
// a JSON object whose field "v" is the version of the encoding (1; a
// decoder refuses a version it does not know). Version 1's fields, each
// left out when empty (false, zero):
//
//	source   "s" sentence; "r" recorded at; "w" withdrawn at;
//	         "c" confidence (a number); "st", "en", "d" start, end, date;
//	         "x" ended (true); "l" location; "sb" the entity id of the side
//	         the sentence names first (symmetric facts); "t" the time
//	         sentences (an array)
//	article  "u" url; "ti" title; "p" published; "r" recorded at
//
// Dates are written at their precision ("2024", "2024-10", "2024-10-01"),
// instants in RFC 3339 with nanoseconds in UTC; text is UTF-8 (a byte
// that is not reads back as U+FFFD, as everywhere JSON is written). A node written before
// this encoding has one quad per property instead (encode.go lists
// them); readers accept both layouts, and a write that changes such a
// node rewrites it in this one.

// packVersion is the version of the packed encoding written.
const packVersion = 1

// packed is the JSON of a <geokg:packed> literal: the fields of both
// source and article nodes (see above).
type packed struct {
	V             int      `json:"v"`
	Sentence      string   `json:"s,omitempty"`
	URL           string   `json:"u,omitempty"`
	Title         string   `json:"ti,omitempty"`
	Published     string   `json:"p,omitempty"`
	RecordedAt    string   `json:"r,omitempty"`
	WithdrawnAt   string   `json:"w,omitempty"`
	Confidence    float64  `json:"c,omitempty"`
	Start         string   `json:"st,omitempty"`
	End           string   `json:"en,omitempty"`
	Date          string   `json:"d,omitempty"`
	Ended         bool     `json:"x,omitempty"`
	Location      string   `json:"l,omitempty"`
	Subject       string   `json:"sb,omitempty"`
	TimeSentences []string `json:"t,omitempty"`
}

// packDate returns the text of a known date, "" for the unknown date.
func packDate(d graph.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.String()
}

// packTime returns the text of an instant, "" for the zero instant.
func packTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339Nano)
}

// literal returns p as the object of a <geokg:packed> quad.
func (p packed) literal() quad.Value {
	p.V = packVersion
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(p); err != nil { // strings, numbers and booleans always encode
		panic(fmt.Sprintf("store: pack: %v", err))
	}
	return quad.String(strings.TrimSuffix(b.String(), "\n"))
}

// packSource returns the packed properties of source src.
func packSource(src graph.Source) quad.Value {
	c := src.Claim
	ts := slices.Clone(src.TimeSentences)
	slices.Sort(ts)
	return packed{Sentence: src.Sentence, RecordedAt: packTime(src.RecordedAt), WithdrawnAt: packTime(src.WithdrawnAt),
		Confidence: c.Confidence, Start: packDate(c.Start), End: packDate(c.End), Date: packDate(c.Date),
		Ended: c.Ended, Location: c.Location, Subject: src.Subject, TimeSentences: ts}.literal()
}

// packArticle returns the packed properties of article a, recorded at
// recorded.
func packArticle(a graph.Article, recorded time.Time) quad.Value {
	return packed{URL: a.URL, Title: a.Title, Published: packDate(a.Published), RecordedAt: packTime(recorded)}.literal()
}

// unpack decodes a <geokg:packed> literal. The error wraps ErrBadValue
// when v is not a string, not JSON, or of an unknown version.
func unpack(v quad.Value) (packed, error) {
	s, ok := v.(quad.String)
	if !ok {
		return packed{}, fmt.Errorf("%w: packed properties %v are not a string", ErrBadValue, v)
	}
	var p packed
	if err := json.Unmarshal([]byte(s), &p); err != nil {
		return packed{}, fmt.Errorf("%w: packed properties: %w", ErrBadValue, err)
	}
	if p.V != packVersion {
		return packed{}, fmt.Errorf("%w: packed properties of version %d (this geokg reads %d)", ErrBadValue, p.V, packVersion)
	}
	return p, nil
}

// check reports the first date or instant of p that does not decode or
// lies outside graph.Date's range, wrapping ErrBadValue.
func (p packed) check() error {
	for _, d := range []string{p.Published, p.Start, p.End, p.Date} {
		if d == "" {
			continue
		}
		if x, err := graph.ParseDate(d); err != nil || !x.Valid() {
			return fmt.Errorf("%w: packed date %q", ErrBadValue, d)
		}
	}
	for _, t := range []string{p.RecordedAt, p.WithdrawnAt} {
		if t == "" {
			continue
		}
		if _, err := parsePackedTime(t); err != nil {
			return err
		}
	}
	return nil
}

// parsePackedTime decodes an instant written by packTime; the error wraps
// ErrBadValue.
func parsePackedTime(s string) (time.Time, error) {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil || t.Year() < graph.MinYear || t.Year() > graph.MaxYear {
		return time.Time{}, fmt.Errorf("%w: packed instant %q", ErrBadValue, s)
	}
	return t.UTC(), nil
}

// date decodes packed date s of node; one that does not decode is
// reported and read as the unknown date (see reader.date).
func (r reader) packedDate(node string, s string) graph.Date {
	if s == "" {
		return graph.Date{}
	}
	return r.date(node, pPacked, quad.String(s))
}

// packedTime decodes packed instant s of node; one that does not decode
// is reported and read as the zero instant (see reader.date).
func (r reader) packedTime(node string, s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	t, err := parsePackedTime(s)
	if err != nil {
		if r.log != nil {
			r.log.Warn("bad stored value skipped (run geokg check --repair)", "component", "store", "node", node, "predicate", string(pPacked), "err", err)
		}
		return time.Time{}
	}
	return t
}

// unpackSource fills src (whose article is known) from the packed
// properties p of its node.
func (r reader) unpackSource(node string, p packed, src *graph.Source) {
	src.Sentence = p.Sentence
	src.RecordedAt = r.packedTime(node, p.RecordedAt)
	src.WithdrawnAt = r.packedTime(node, p.WithdrawnAt)
	src.Subject = p.Subject
	src.Claim = graph.Claim{Confidence: p.Confidence, Start: r.packedDate(node, p.Start), End: r.packedDate(node, p.End),
		Date: r.packedDate(node, p.Date), Ended: p.Ended, Location: p.Location}
	src.TimeSentences = slices.Clone(p.TimeSentences)
	slices.Sort(src.TimeSentences)
}
