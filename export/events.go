package export

import (
	"context"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"sync"

	"github.com/parquet-go/parquet-go"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/store"
)

func init() {
	Register(Format{
		Name: "events", Ext: "csv", Base: "events",
		Summary: "one CSV row per event and source article, laid out like ICEWS/POLECAT event tables " +
			"(date, source actor and country, CAMEO code, target actor and country, location, the article's sentence and url, " +
			"PLOVER event type and mode, the article's own date and confidence); an event stated by three articles has three rows sharing its event_id",
		Facts: writeEvents, Rows: "event rows",
	})
	Register(Format{
		Name: "events-parquet", Ext: "parquet", Base: "events", Binary: true,
		Summary: "the events table as Parquet, with typed columns: codes such as cameo_code stay strings",
		Facts:   writeEventsParquet, Rows: "event rows",
	})
}

// eventHeader is the header of the events table: one row per event fact
// and live source article, as event tables analysts join with (ICEWS,
// POLECAT) have one row per story. The rows of one fact share its
// event_id and its combined figures (event_date, date_precision,
// location, confidence, combined_confidence, source_count); sentence,
// url, article and published are the row's article's, and claim_date and
// claim_confidence what that article itself stated (blank claim_date: it
// gave no date), which may differ from the fact's. The codes (cameo_code,
// plover_event, plover_mode) are the predicate table's (graph.Predicate),
// blank where it has none, except a meeting whose host the text told:
// 043 and host when the source hosted, 042 and visit when it was the
// guest (graph.Fact.EventCodes). The country codes are the ISO 3166-1 alpha-3
// codes of source_country and target_country; the sectors are the fact's
// (graph.Fact.SubjectSector, ObjectSector), CAMEO agent codes such as GOV
// or MIL, else a movement's gazetteer sector (the PKK's REB), blank where
// neither names a part of the actor.
var eventHeader = []string{
	"event_id", "event_date", "date_precision",
	"source_actor", "source_actor_id", "source_actor_type", "source_country",
	"predicate", "cameo_code",
	"target_actor", "target_actor_id", "target_actor_type", "target_country",
	"location", "confidence", "combined_confidence", "uncertain", "source_count",
	"sentence", "url", "article", "published",
	"plover_event", "plover_mode",
	"source_country_code", "target_country_code", "source_sector", "target_sector",
	"claim_date", "claim_confidence",
}

// countryFinder names the country an actor stands for on a day: a country
// is its own; a person's is the country they lead then (a leads fact with a
// country as object, in force on the day), else the country whose leads
// fact lies nearest to the day (a leader before or after their term, such
// as a president-elect, still stands for their country), and for an
// undated event the one they led last; a person who leads no country
// stands, by the same rule, for the country of the movement they lead as
// organizations.tsv lists it ("Houthi leader Abdul-Malik al-Houthi" is
// Yemen's), else for the country whose office they hold
// ("Foreign Minister of Sweden"), and a person who does neither for the
// country they are of (national_of: "Palestinian leader Yasser Arafat",
// "Iraq's ambassador"). Only when the articles say none of these does a
// person the gazetteer lists with a country (data/gazetteer leaders.tsv and
// people.tsv, by entity id) stand for it: "Barack Obama" in a sentence that
// names no country is American. An armed or political movement stands for
// the country organizations.tsv lists it with (Hamas for Palestine, the
// PKK for Turkey); other organizations for none. It caches each person's facts of the first kind
// found, so it holds at most one small list per actor.
type countryFinder struct {
	sel   *Selection
	leads map[string][]graph.Fact
}

func (c *countryFinder) country(ctx context.Context, e graph.Entity, day graph.Date) (graph.Entity, error) {
	switch e.Type {
	case graph.Country:
		return e, nil
	case graph.Person:
	case graph.Organization:
		if o, ok := gazetteerOrgs()[e.ID]; ok {
			return c.storedCountry(ctx, o.country)
		}
		return graph.Entity{}, nil
	default:
		return graph.Entity{}, nil
	}
	facts, ok := c.leads[e.ID]
	if !ok {
		var movements []graph.Fact // leads facts of a movement organizations.tsv lists with a country
		err := c.sel.Source().Facts(ctx, store.FactFilter{Subjects: []string{e.ID}, Predicate: graph.Leads}, func(f graph.Fact) error {
			o, err := c.sel.Entity(ctx, f.Object)
			if err == nil && o.Type == graph.Country {
				facts = append(facts, f)
			}
			if _, ok := gazetteerOrgs()[f.Object]; err == nil && ok {
				movements = append(movements, f)
			}
			return err
		})
		if err == nil && len(facts) == 0 {
			facts = movements
		}
		if err == nil && len(facts) == 0 {
			facts, err = c.posts(ctx, e.ID)
		}
		if err == nil && len(facts) == 0 {
			facts, err = c.nationals(ctx, e.ID)
		}
		if err != nil {
			return graph.Entity{}, err
		}
		c.leads[e.ID] = facts
	}
	if f, ok := nearestLead(facts, day); ok {
		if m, ok := gazetteerOrgs()[f.Object]; ok {
			return c.storedCountry(ctx, m.country) // the movement's country
		}
		o, err := c.sel.Entity(ctx, f.Object)
		if err == nil && o.Type != graph.Country {
			o = gazetteerCountryByID()[f.Object] // an office's country no article named ("his Egyptian counterpart")
		}
		return o, err
	}
	if g, ok := gazetteerNationals()[e.ID]; ok {
		return c.storedCountry(ctx, g)
	}
	return graph.Entity{}, nil
}

// storedCountry returns the stored entity of the gazetteer's country g
// when the store has it, else g itself.
func (c *countryFinder) storedCountry(ctx context.Context, g graph.Entity) (graph.Entity, error) {
	o, err := c.sel.Entity(ctx, g.ID)
	if err != nil || o.Type == graph.Country {
		return o, err
	}
	return g, nil
}

// orgSector returns sector, or, when it is empty and e is a movement or
// party organizations.tsv lists with a sector, that sector ("REB" for
// the PKK): event data codes such a group as its country's rebels or
// party.
func orgSector(e graph.Entity, sector string) string {
	if sector != "" || e.Type != graph.Organization {
		return sector
	}
	return gazetteerOrgs()[e.ID].sector
}

// posts returns, for a person who leads no country, their holds_position
// facts of a country's office, each with its Object set to the country:
// a position named "<office> of <country>" ("Foreign Minister of Sweden",
// "Defense Minister of the United Kingdom", as extraction names the
// offices every country has) whose country is a stored country entity.
func (c *countryFinder) posts(ctx context.Context, person string) ([]graph.Fact, error) {
	var out []graph.Fact
	err := c.sel.Source().Facts(ctx, store.FactFilter{Subjects: []string{person}, Predicate: graph.HoldsPosition}, func(f graph.Fact) error {
		p, err := c.sel.Entity(ctx, f.Object)
		if err != nil {
			return err
		}
		i := strings.LastIndex(p.Name, " of ")
		if i < 0 {
			return nil
		}
		id := graph.EntityID(graph.Country, strings.TrimPrefix(p.Name[i+len(" of "):], "the "))
		o, err := c.sel.Entity(ctx, id) // an unknown id comes back untyped
		if _, listed := gazetteerCountryByID()[id]; err == nil && (o.Type == graph.Country || listed) {
			// "Foreign Minister of Egypt" read from "his Egyptian
			// counterpart": Egypt is the gazetteer's when no article
			// named the country itself.
			f.Object = id
			out = append(out, f)
		}
		return err
	})
	return out, err
}

// gazetteerCountryByID maps each country entity id of countries.tsv to
// its entity (with its code), read once from the embedded gazetteer.
var gazetteerCountryByID = sync.OnceValue(func() map[string]graph.Entity {
	out := map[string]graph.Entity{}
	for _, c := range gazetteerCountries() {
		out[c.ID] = c
	}
	return out
})

// nationals returns a person's national_of facts whose object is a
// stored country entity.
func (c *countryFinder) nationals(ctx context.Context, person string) ([]graph.Fact, error) {
	var out []graph.Fact
	err := c.sel.Source().Facts(ctx, store.FactFilter{Subjects: []string{person}, Predicate: graph.NationalOf}, func(f graph.Fact) error {
		o, err := c.sel.Entity(ctx, f.Object)
		if err == nil && o.Type == graph.Country {
			out = append(out, f)
		}
		return err
	})
	return out, err
}

// nearestLead picks, among a person's leads facts of countries, the one in
// force on day, else the one whose term lies nearest to day (in days from
// its start or end), else, for an undated day, the one that started last.
// Ties keep the earlier fact of facts, so the pick does not depend on the
// event's row.
func nearestLead(facts []graph.Fact, day graph.Date) (graph.Fact, bool) {
	if len(facts) == 0 {
		return graph.Fact{}, false
	}
	if !day.IsZero() {
		for _, f := range facts {
			if (graph.Window{At: day}).Holds(f) {
				return f, true
			}
		}
	}
	best, bestKey := 0, int64(math.MaxInt64)
	for i, f := range facts {
		var key int64
		switch {
		case day.IsZero() && f.Start.IsZero():
			key = math.MaxInt64 - 1
		case day.IsZero():
			key = -f.Start.Time().Unix() // the latest start is the least key
		default:
			key = distance(f, day)
		}
		if key < bestKey {
			best, bestKey = i, key
		}
	}
	return facts[best], true
}

// distance is how many seconds day lies from fact f's term: from its start
// when day is before it, from its end when after; an unknown bound is far,
// and a term with no bound at all farther than any dated one.
func distance(f graph.Fact, day graph.Date) int64 {
	const far = math.MaxInt64 / 4
	t := day.Time().Unix()
	d := int64(far)
	if !f.Start.IsZero() && t < f.Start.Time().Unix() {
		d = f.Start.Time().Unix() - t
	}
	if !f.End.IsZero() && t >= f.End.Time().Unix() {
		d = min(d, t-f.End.Time().Unix())
	}
	if f.Start.IsZero() && f.End.IsZero() {
		d = far + 1
	}
	return d
}

// eventRow is one row of the events table, in eventHeader's order. The
// codes are strings (CAMEO "040" is not the number 40).
type eventRow struct {
	EventID            string  `parquet:"event_id"`
	EventDate          string  `parquet:"event_date"`
	DatePrecision      string  `parquet:"date_precision"`
	SourceActor        string  `parquet:"source_actor"`
	SourceActorID      string  `parquet:"source_actor_id"`
	SourceActorType    string  `parquet:"source_actor_type"`
	SourceCountry      string  `parquet:"source_country"`
	Predicate          string  `parquet:"predicate"`
	CAMEOCode          string  `parquet:"cameo_code"`
	TargetActor        string  `parquet:"target_actor"`
	TargetActorID      string  `parquet:"target_actor_id"`
	TargetActorType    string  `parquet:"target_actor_type"`
	TargetCountry      string  `parquet:"target_country"`
	Location           string  `parquet:"location"`
	Confidence         float64 `parquet:"confidence"`
	CombinedConfidence float64 `parquet:"combined_confidence"`
	Uncertain          bool    `parquet:"uncertain"`
	SourceCount        int64   `parquet:"source_count"`
	Sentence           string  `parquet:"sentence"`
	URL                string  `parquet:"url"`
	Article            string  `parquet:"article"`
	Published          string  `parquet:"published"`
	PLOVEREvent        string  `parquet:"plover_event"`
	PLOVERMode         string  `parquet:"plover_mode"`
	SourceCountryCode  string  `parquet:"source_country_code"`
	TargetCountryCode  string  `parquet:"target_country_code"`
	SourceSector       string  `parquet:"source_sector"`
	TargetSector       string  `parquet:"target_sector"`
	ClaimDate          string  `parquet:"claim_date"`
	ClaimConfidence    float64 `parquet:"claim_confidence"`
}

// csv returns the row's fields as the CSV table writes them, appended to
// dst.
func (r *eventRow) csv(dst []string) []string {
	return append(dst, r.EventID, r.EventDate, r.DatePrecision,
		r.SourceActor, r.SourceActorID, r.SourceActorType, r.SourceCountry,
		r.Predicate, r.CAMEOCode,
		r.TargetActor, r.TargetActorID, r.TargetActorType, r.TargetCountry,
		r.Location, strconv.FormatFloat(r.Confidence, 'g', -1, 64),
		strconv.FormatFloat(r.CombinedConfidence, 'g', -1, 64), strconv.FormatBool(r.Uncertain),
		strconv.FormatInt(r.SourceCount, 10),
		r.Sentence, r.URL, r.Article, r.Published,
		r.PLOVEREvent, r.PLOVERMode,
		r.SourceCountryCode, r.TargetCountryCode, r.SourceSector, r.TargetSector,
		r.ClaimDate, strconv.FormatFloat(r.ClaimConfidence, 'g', -1, 64))
}

// articleStatement is what one article states of a fact: its most
// confident source (sentence, url, publication date; of equals the first
// the store gives) and the claims of all its
// sources merged (graph.MergeClaim: an article stating the fact in two
// sentences claims the more precise date and the higher confidence).
type articleStatement struct {
	first graph.Source
	claim graph.Claim
}

// byArticle returns the statements of the live sources of srcs, one per
// article, in the order of each article's first source; buf and index
// (article → position, cleared first) are reused from call to call.
func byArticle(buf []articleStatement, index map[string]int, srcs []graph.Source) []articleStatement {
	out := buf[:0]
	clear(index)
	for _, s := range srcs {
		if s.IsWithdrawn() {
			continue
		}
		if i, ok := index[s.Article]; ok {
			if s.Confidence > out[i].first.Confidence {
				out[i].first = s
			}
			out[i].claim = graph.MergeClaim(out[i].claim, s.Claim)
			continue
		}
		index[s.Article] = len(out)
		out = append(out, articleStatement{first: s, claim: s.Claim})
	}
	return out
}

// eachEvent calls fn with the rows of each selected event fact, one per
// live source article (a fact with no source, one row with its figures
// alone), and returns how many it called it with.
func eachEvent(ctx context.Context, sel *Selection, fn func(*eventRow) error) (int, error) {
	cf := &countryFinder{sel: sel, leads: map[string][]graph.Fact{}}
	n := 0
	var r eventRow
	var stmts []articleStatement
	index := map[string]int{}
	err := sel.Facts(ctx, func(it Item) error {
		f := it.Fact
		if !graph.IsEvent(f.Predicate) {
			return nil
		}
		cameo, plover, mode := f.EventCodes()
		sc, err := cf.country(ctx, it.Subject, f.Date)
		if err != nil {
			return err
		}
		tc, err := cf.country(ctx, it.Object, f.Date)
		if err != nil {
			return err
		}
		r = eventRow{EventID: f.ID, EventDate: f.Date.String(), DatePrecision: f.Date.Precision.String(),
			SourceActor: it.Subject.Name, SourceActorID: f.Subject, SourceActorType: string(it.Subject.Type), SourceCountry: sc.Name,
			Predicate: f.Predicate, CAMEOCode: cameo.Value(),
			TargetActor: it.Object.Name, TargetActorID: f.Object, TargetActorType: string(it.Object.Type), TargetCountry: tc.Name,
			Location: f.Location, Confidence: f.Confidence, CombinedConfidence: graph.CombinedConfidence(f),
			Uncertain: it.Uncertain, SourceCount: int64(f.NumSources()),
			PLOVEREvent: plover.Value(), PLOVERMode: mode.Value(),
			SourceCountryCode: sc.Code, TargetCountryCode: tc.Code, SourceSector: orgSector(it.Subject, f.SubjectSector), TargetSector: orgSector(it.Object, f.ObjectSector)}
		stmts = byArticle(stmts, index, f.Sources)
		if len(stmts) == 0 {
			stmts = append(stmts, articleStatement{})
		}
		for _, st := range stmts {
			r.Sentence, r.URL, r.Article = st.first.Sentence, st.first.URL, st.first.Article
			r.Published, r.ClaimDate, r.ClaimConfidence = st.first.Published.String(), st.claim.Date.String(), st.claim.Confidence
			if err := fn(&r); err != nil {
				return err
			}
			n++
		}
		return nil
	})
	return n, err
}

// writeEvents writes the selected event facts (met, visited, sanctioned…)
// as a CSV event table in eventHeader's layout: one row per fact and
// source article, the subject as source actor, the object as target, the
// predicate's CAMEO and PLOVER codes; uncertain and combined_confidence as
// in Record.
func writeEvents(ctx context.Context, w io.Writer, sel *Selection) (int, error) {
	cw := newCSV(w)
	if err := cw.Write(eventHeader); err != nil {
		return 0, fmt.Errorf("export events: %w", err)
	}
	row := make([]string, 0, len(eventHeader))
	n, err := eachEvent(ctx, sel, func(r *eventRow) error {
		if err := cw.Write(r.csv(row[:0])); err != nil {
			return fmt.Errorf("export events: %w", err)
		}
		return nil
	})
	if err != nil {
		return n, err
	}
	cw.Flush()
	return n, cw.Error()
}

// writeEventsParquet writes the events table as Parquet, every code a
// string column (a CSV reader such as pandas reads CAMEO "040" as 40).
func writeEventsParquet(ctx context.Context, w io.Writer, sel *Selection) (int, error) {
	pw := parquet.NewGenericWriter[eventRow](w, parquet.Compression(&parquet.Snappy),
		parquet.MaxRowsPerRowGroup(parquetRowGroup), createdBy(CreatedBy(sel.Version, sel.Build)))
	buf := make([]eventRow, 1)
	n, err := eachEvent(ctx, sel, func(r *eventRow) error {
		buf[0] = *r
		if _, err := pw.Write(buf); err != nil {
			return fmt.Errorf("export events-parquet: %w", err)
		}
		return nil
	})
	if err != nil {
		return n, err
	}
	if err := pw.Close(); err != nil {
		return n, fmt.Errorf("export events-parquet: %w", err)
	}
	return n, nil
}
