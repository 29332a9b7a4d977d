package export

import (
	"time"

	"github.com/geokg/geokg/graph"
)

// Record is one fact as exported: names instead of ids, ISO dates at their
// precision, and every source. It is the schema of ../shared/eval/README.md
// plus ids, types and precisions.
type Record struct {
	ID             string `json:"id"`
	Subject        string `json:"subject"`
	SubjectID      string `json:"subject_id"`
	SubjectType    string `json:"subject_type,omitempty"`
	Predicate      string `json:"predicate"`
	Object         string `json:"object"`
	ObjectID       string `json:"object_id"`
	ObjectType     string `json:"object_type,omitempty"`
	Role           string `json:"role,omitempty"`
	Location       string `json:"location,omitempty"`
	Start          string `json:"start,omitempty"`
	StartPrecision string `json:"start_precision,omitempty"`
	End            string `json:"end,omitempty"`
	EndPrecision   string `json:"end_precision,omitempty"`
	Date           string `json:"date,omitempty"`
	DatePrecision  string `json:"date_precision,omitempty"`
	Ended          bool   `json:"ended"`
	// Confidence is the fact's stored confidence: that of its best single
	// statement (pattern strength times resolution certainty).
	Confidence float64 `json:"confidence"`
	// CombinedConfidence is the fact's overall confidence given all its
	// sources (graph.CombinedConfidence): Confidence raised by every
	// further independent article, capped at 0.99; equal to Confidence
	// for a fact stated once.
	CombinedConfidence float64        `json:"combined_confidence"`
	RecordedAt         string         `json:"recorded_at,omitempty"`
	Sources            []SourceRecord `json:"sources"`
	// SourceCount is graph.Fact.SourceCount: set only when Sources lists
	// the fact's evidence alone (an answer read without all its sources:
	// its first sources and those that bound its dates), to the number of
	// its live sources in all; GET /api/v1/evidence?fact=ID pages them
	// all. Exports read every source and leave it out. Flat formats write
	// it as their source_count column either way (flatRow: every
	// source's count, so no column of its own).
	SourceCount int `json:"source_count,omitempty" flat:"-"`
	// EndInferredFrom is the id of the fact End was inferred from (a
	// successor's term, a new target, a "succeeded" event) when no source
	// states the end.
	EndInferredFrom string `json:"end_inferred_from,omitempty"`
	// EndIsBound marks an inferred End that is only an upper bound: the
	// term was over by then (another holder was first reported in office),
	// not necessarily ended then (graph.Fact.EndBy).
	EndIsBound bool `json:"end_is_bound,omitempty"`
	// StartAfter is the day an unknown start is bounded below by
	// (graph.Fact.StartAfter): another holder of the place was in office
	// then, so the term began on it or later.
	StartAfter string `json:"start_after,omitempty"`
	// Uncertain marks an answer to a time question that depends on a date
	// known only to a month or year ("started 2024-10", asked at
	// 2024-10-15): set by the query commands, and by exports filtered by
	// time (Filter.At, From, To; see Item.Uncertain). An export without a
	// time filter asks no time question and leaves it false. It is always
	// written, false included.
	Uncertain bool `json:"uncertain"`
	// EarlierTerms are the earlier terms of a state its sources tell as
	// several (graph.Term): Start, End and Ended above are the latest's.
	EarlierTerms []TermRecord `json:"earlier_terms,omitempty"`
}

// TermRecord is one earlier term of a state, ISO dates at their precision.
type TermRecord struct {
	Start          string `json:"start,omitempty"`
	StartPrecision string `json:"start_precision,omitempty"`
	End            string `json:"end,omitempty"`
	EndPrecision   string `json:"end_precision,omitempty"`
}

// SourceRecord is one article's statement of a fact.
type SourceRecord struct {
	Article    string `json:"article"`
	URL        string `json:"url,omitempty"`
	Title      string `json:"title,omitempty"`
	Published  string `json:"published,omitempty"`
	Sentence   string `json:"sentence"`
	RecordedAt string `json:"recorded_at,omitempty"`
	// The source's own claim: what this article stated, which may differ
	// from the fact's derived qualifiers when sources conflict.
	Start      string  `json:"start,omitempty"`
	End        string  `json:"end,omitempty"`
	Date       string  `json:"date,omitempty"`
	Ended      bool    `json:"ended,omitempty"`
	Confidence float64 `json:"confidence,omitempty"`
	Location   string  `json:"location,omitempty"`
	// TimeSentences are the other sentences of the article that gave the
	// claim its dates (graph.Source.TimeSentences); Sentence stays the
	// sentence that states the fact.
	TimeSentences []string `json:"time_sentences,omitempty"`
}

// NewRecord builds the exported form of f, naming its sides with subj and obj.
func NewRecord(f graph.Fact, subj, obj graph.Entity) Record {
	r := Record{
		ID: f.ID, Predicate: f.Predicate,
		Subject: nameOr(subj, f.Subject), SubjectID: f.Subject, SubjectType: string(subj.Type),
		Object: nameOr(obj, f.Object), ObjectID: f.Object, ObjectType: string(obj.Type),
		Role: f.Role, Location: f.Location,
		Start: f.Start.String(), StartPrecision: f.Start.Precision.String(),
		End: f.End.String(), EndPrecision: f.End.Precision.String(),
		Date: f.Date.String(), DatePrecision: f.Date.Precision.String(),
		Ended:              f.Ended || !f.End.IsZero(),
		Confidence:         f.Confidence,
		CombinedConfidence: graph.CombinedConfidence(f),
		RecordedAt:         timeString(f.RecordedAt),
		Sources:            make([]SourceRecord, 0, len(f.Sources)),
		EndInferredFrom:    f.EndInferredFrom,
		EndIsBound:         f.EndBy,
		StartAfter:         f.StartAfter.String(),
		SourceCount:        f.SourceCount,
	}
	for _, t := range f.EarlierTerms {
		r.EarlierTerms = append(r.EarlierTerms, TermRecord{Start: t.Start.String(), StartPrecision: t.Start.Precision.String(),
			End: t.End.String(), EndPrecision: t.End.Precision.String()})
	}
	for _, s := range f.Sources {
		r.Sources = append(r.Sources, SourceRecord{
			Article: s.Article, URL: s.URL, Title: s.Title, Published: s.Published.String(),
			Sentence: s.Sentence, RecordedAt: timeString(s.RecordedAt),
			Start: s.Start.String(), End: s.End.String(), Date: s.Date.String(),
			Ended: s.Ended, Confidence: s.Confidence, Location: s.Location,
			TimeSentences: s.TimeSentences,
		})
	}
	return r
}

func nameOr(e graph.Entity, id string) string {
	if e.Name != "" {
		return e.Name
	}
	return id
}

func timeString(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}
