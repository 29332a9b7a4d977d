package graph

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/mozillazg/go-unidecode"
)

// EntityType classifies an entity.
type EntityType string

// The entity types geokg knows.
const (
	Person       EntityType = "person"
	Country      EntityType = "country"
	Organization EntityType = "organization"
	Position     EntityType = "position"
	Place        EntityType = "place"
	Other        EntityType = "other"
	// Value is a literal object such as a target ("2% of GDP").
	Value EntityType = "value"

	// Company is a business (an oil producer, an airline, a bank), apart
	// from the organizations that states form or join.
	Company EntityType = "company"
)

// Entity is a person, country, organization, office, place or value that
// facts are about. ID is stable: it derives from the type and canonical name.
type Entity struct {
	ID      string     `json:"id"`
	Name    string     `json:"name"`
	Type    EntityType `json:"type"`
	Aliases []string   `json:"aliases,omitempty"`
	// Code is a country's ISO 3166-1 alpha-3 code ("SWE"), as event data
	// codes its actors; empty for other entities and unknown countries.
	Code string `json:"code,omitempty"`
}

// EntityID returns the stable id of an entity of type t named name, such as
// "person/donald-trump". Names are folded to ASCII and lower case, so
// "António Costa" and "Antonio Costa" share an id.
func EntityID(t EntityType, name string) string {
	return string(t) + "/" + Slug(name)
}

// Slug folds name to a lower-case ASCII identifier with dashes.
func Slug(name string) string {
	s := strings.ToLower(unidecode.Unidecode(name))
	var b strings.Builder
	dash := false
	for _, r := range s {
		switch {
		case r == '%':
			b.WriteString("pct")
			dash = false
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
			dash = false
		default:
			if !dash && b.Len() > 0 {
				b.WriteByte('-')
				dash = true
			}
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

// Source is one article's statement of a fact.
type Source struct {
	Article   string `json:"article"`
	URL       string `json:"url,omitempty"`
	Title     string `json:"title,omitempty"`
	Published Date   `json:"published"`
	Sentence  string `json:"sentence"`
	// TimeSentences are the other sentences of the article that gave the
	// claim its dates, sorted and without repeats (a store keeps no
	// order): a date read from the sentence before ("Two days later ..."),
	// an anchor ("on his first day in office"), the story told so far, or
	// a change of office stated elsewhere. They are evidence too, but
	// Sentence alone identifies the source; empty when Sentence states
	// every date it claims.
	TimeSentences []string `json:"time_sentences,omitempty"`
	// RecordedAt is when geokg first stored this source.
	RecordedAt time.Time `json:"recorded_at,omitempty"`
	// WithdrawnAt is when an update of its article stopped stating it
	// (zero: it is live). A withdrawn source counts for nothing after
	// that instant, and is known before it (see LiveAt).
	WithdrawnAt time.Time `json:"withdrawn_at,omitzero"`
	// Subject is, for a symmetric fact, the side this source's sentence
	// names first ("Rutte met Trump": Rutte); empty when unknown (sources
	// stored before it was recorded) or not symmetric. The earliest source
	// orients its fact; a store needs it when sources move between facts.
	Subject string `json:"-"`
	// Claim is what this article stated about the fact's qualifiers; the
	// fact's own qualifiers are derived from the claims of all its sources
	// (see Derive).
	Claim
}

// AddTimeSentences adds to s.TimeSentences those of more it does not hold
// and that are not s.Sentence, keeping the list sorted; it returns the
// sentences added. Two statements of one source are merged with it.
func (s *Source) AddTimeSentences(more []string) []string {
	var added []string
	if !slices.IsSorted(s.TimeSentences) {
		s.TimeSentences = slices.Sorted(slices.Values(s.TimeSentences))
	}
	for _, t := range more {
		i, found := slices.BinarySearch(s.TimeSentences, t)
		if t == "" || t == s.Sentence || found {
			continue
		}
		s.TimeSentences = slices.Insert(slices.Clip(s.TimeSentences), i, t)
		added = append(added, t)
	}
	return added
}

// LiveAt reports whether the source was known at instant t: recorded by
// then and not withdrawn by then.
func (s *Source) LiveAt(t time.Time) bool {
	return !s.RecordedAt.After(t) && (s.WithdrawnAt.IsZero() || s.WithdrawnAt.After(t))
}

// IsWithdrawn reports whether an update of its article withdrew the
// source.
func (s *Source) IsWithdrawn() bool { return !s.WithdrawnAt.IsZero() }

// Fact is a dated, sourced relation between two entities. Subject and
// Object are entity ids. States (leads, holds_position, member_of,
// has_target) use Start and End, End being exclusive; events use Date.
// Ended marks a state known to be over whose end date is unknown.
type Fact struct {
	ID         string    `json:"id"`
	Subject    string    `json:"subject"`
	Predicate  string    `json:"predicate"`
	Object     string    `json:"object"`
	Role       string    `json:"role,omitempty"`
	Location   string    `json:"location,omitempty"`
	Start      Date      `json:"start"`
	End        Date      `json:"end"`
	Date       Date      `json:"date"`
	Ended      bool      `json:"ended,omitempty"`
	Confidence float64   `json:"confidence"`
	RecordedAt time.Time `json:"recorded_at"`
	Sources    []Source  `json:"sources"`
	// EndInferredFrom is set when no source states End and End was
	// inferred instead (see InferEnds): it is the id of the fact the end
	// was taken from — the successor's tenure, the new target, or the
	// "succeeded" event.
	EndInferredFrom string `json:"end_inferred_from,omitempty"`
	// EndBy marks an inferred End that is only an upper bound: the term
	// was over by then, but may have ended any time after its last report
	// (another holder first reported in office, see InferEnds). A window
	// before it but after the term's last report holds the term only
	// uncertainly (see Window).
	EndBy bool `json:"end_by,omitempty"`
	// StartAfter is a lower bound inferred for a term whose start no
	// source states and that its sources present as current: the latest
	// start, before the term's first report, of another holder of its
	// single-holder group (see InferEnds). The term began on that day or
	// later, so a window before it does not hold the term (see Window).
	StartAfter Date `json:"start_after,omitzero"`
	// EarlierTerms are the earlier periods of a state its sources
	// describe as separate terms (see Term), earliest first; Start, End
	// and Ended are then those of the latest term. They are derived from
	// the sources' claims (Derive), so only a fact read with its sources
	// has them.
	EarlierTerms []Term `json:"earlier_terms,omitempty"`
	// SubjectSector and ObjectSector qualify a country (or organization)
	// taking part in an event with the part of it that acted or was
	// acted upon, as CAMEO's agent codes name them ("GOV", "MIL", "LEG",
	// "COP", "REB"…): "Russian forces shelled …" is Russia with sector
	// MIL. They are not part of the fact's identity: the first source to
	// give a side its sector gives it to the fact (see FillSectors).
	SubjectSector string `json:"subject_sector,omitempty"`
	ObjectSector  string `json:"object_sector,omitempty"`
	// Host is, for a meeting the text tells one side hosted ("X received
	// Y", "Y was welcomed by X"), the entity id of that side (Subject or
	// Object), else "": PLOVER's CONSULT mode is then host for the host
	// and visit for the guest (see EventCodes). Like the sectors it is not
	// part of the fact's identity: the first source to tell it gives it.
	Host string `json:"host,omitempty"`
	// SourceCount is set when Sources holds only the fact's evidence, not
	// all its live sources (a fact read with store.FactFilter.Evidence):
	// how many live sources it has in all. It is zero when Sources holds
	// every source; see NumSources.
	SourceCount int `json:"-"`
	// Independent is, when SourceCount is set, IndependentSources of all
	// the live sources up to SaturatedSources (the evidence alone would
	// undercount them; CombinedConfidence does not change beyond).
	Independent int `json:"-"`
}

// NumSources returns how many sources state f: SourceCount when Sources
// holds only its evidence, else len(Sources).
func (f *Fact) NumSources() int {
	if f.SourceCount > 0 {
		return f.SourceCount
	}
	return len(f.Sources)
}

// FillSectors gives f the sectors of other, a statement of the same fact,
// for the sides f has none for, and its host when f has none. A symmetric
// fact may state its sides the other way round; each sector goes with its
// entity.
func (f *Fact) FillSectors(other *Fact) {
	if f.Host == "" && (other.Host == f.Subject || other.Host == f.Object) {
		f.Host = other.Host
	}
	s, o := other.SubjectSector, other.ObjectSector
	if other.Subject != f.Subject && other.Object == f.Subject {
		s, o = o, s
	}
	if f.SubjectSector == "" {
		f.SubjectSector = s
	}
	if f.ObjectSector == "" {
		f.ObjectSector = o
	}
}

// Key returns the identity of the fact: two statements with the same key
// are one fact with several sources. Symmetric predicates order their two
// sides; events include their date, so two meetings on different days are
// two facts.
func (f *Fact) Key() string {
	s, o := f.Subject, f.Object
	if IsSymmetric(f.Predicate) && o < s {
		s, o = o, s
	}
	k := s + "|" + f.Predicate + "|" + o + "|" + strings.ToLower(f.Role)
	if IsEvent(f.Predicate) {
		k += "|" + f.Date.String()
	}
	return k
}

// ComputeID sets f.ID from its Key and returns it.
func (f *Fact) ComputeID() string {
	sum := sha256.Sum256([]byte(f.Key()))
	f.ID = "fact/" + hex.EncodeToString(sum[:12])
	return f.ID
}

// Validate checks that the fact names both sides and a known predicate.
func (f *Fact) Validate() error {
	switch {
	case f.Subject == "" || f.Object == "":
		return fmt.Errorf("%w fact: subject and object are required", ErrInvalid)
	case !IsPredicate(f.Predicate):
		return fmt.Errorf("%w fact: unknown predicate %q", ErrInvalid, f.Predicate)
	}
	return nil
}

// Contains reports whether the fact's valid time contains day d. An unknown
// bound is open; End is exclusive. Events contain only their own date.
// A bound known only to a month or year counts from its first day.
func (f *Fact) Contains(d Date) bool {
	t := d.Time()
	if IsEvent(f.Predicate) {
		if f.Date.IsZero() {
			return false
		}
		return !t.Before(f.Date.Time()) && t.Before(f.Date.Last())
	}
	if !f.Start.IsZero() && t.Before(f.Start.Time()) {
		return false
	}
	if !f.End.IsZero() && !t.Before(f.End.Time()) {
		return false
	}
	return true
}

// Overlaps reports whether the fact's valid time meets the range [from, to]
// (both days inclusive; a zero bound is open).
func (f *Fact) Overlaps(from, to Date) bool {
	lo, hi := from.Time(), to.Last()
	if IsEvent(f.Predicate) {
		if f.Date.IsZero() {
			return false
		}
		s, e := f.Date.Time(), f.Date.Last()
		return (from.IsZero() || e.After(lo)) && (to.IsZero() || s.Before(hi))
	}
	if !to.IsZero() && !f.Start.IsZero() && !f.Start.Time().Before(hi) {
		return false
	}
	if !from.IsZero() && !f.End.IsZero() && !f.End.Time().After(lo) {
		return false
	}
	return true
}

// Article is an ingested news article.
type Article struct {
	ID        string `json:"id"`
	URL       string `json:"url,omitempty"`
	Title     string `json:"title,omitempty"`
	Published Date   `json:"published"`
	Hash      string `json:"hash"`
}

// Updates reports whether a is a new version of the stored article old
// (the same id): its content hash differs, or it gives a publication
// date old does not have. A version without a date does not update a
// dated one, so re-reading a file without its date keeps the date given
// before; an update's facts replace the ones the old version stated.
func (a Article) Updates(old Article) bool {
	return (a.Hash != "" && a.Hash != old.Hash) || (!a.Published.IsZero() && a.Published != old.Published)
}
