package graph

// Predicates of the fact vocabulary. Each has one row in predicateTable,
// which holds every property the code asks of it.
const (
	Leads           = "leads"
	HoldsPosition   = "holds_position"
	MemberOf        = "member_of"
	HasTarget       = "has_target"
	NationalOf      = "national_of"
	Met             = "met"
	Visited         = "visited"
	SpokeWith       = "spoke_with"
	NominatedAs     = "nominated_as"
	Succeeded       = "succeeded"
	Criticized      = "criticized"
	Accused         = "accused"
	Threatened      = "threatened"
	Sanctioned      = "sanctioned"
	SignedAgreement = "signed_agreement"
	AgreedWith      = "agreed_with"
	Pledged         = "pledged"
	Demanded        = "demanded"
	Rejected        = "rejected"
	Protested       = "protested"
	Supported       = "supported"
	Conceded        = "conceded"
	CooperatedWith  = "cooperated_with"
	Aided           = "aided"
	WithdrewFrom    = "withdrew_from"
	Investigated    = "investigated"
	Mobilized       = "mobilized"
	Coerced         = "coerced"
	Fought          = "fought"
	Attacked        = "attacked"
	CommentedOn     = "commented_on"
)

// PredicateKind says how a predicate is placed in time.
type PredicateKind string

// The kinds of predicates.
const (
	// State predicates hold over a period, bounded by Start and End.
	State PredicateKind = "state"
	// Event predicates happen on a day (or month, or year): Date.
	Event PredicateKind = "event"
)

// None fills a column of the predicate table that does not apply to a
// predicate (a state has no CAMEO code, PLOVER gives DISAPPROVE no mode).
// It is written out so that a forgotten column, left empty, is told apart
// from one that has no value: the table's test fails on an empty one.
const None = "none"

// Code is a code of an outside event coding scheme (CAMEO, PLOVER), or
// None.
type Code string

// Value returns the code as written in exports: "" for None.
func (c Code) Value() string {
	if c == None {
		return ""
	}
	return string(c)
}

// Predicate is one row of the predicate table: a member of the fact
// vocabulary with every property the code asks of it. Adding a predicate
// is one row here plus the extraction rules that state it.
type Predicate struct {
	// Name is the predicate as stored and exported ("met").
	Name string
	// Kind is State or Event.
	Kind PredicateKind
	// Symmetric predicates hold both ways: A met B is B met A, stored
	// once with the two sides ordered (Fact.Key) and matched on either side.
	Symmetric bool
	// Domestic events may be told with no one acted on ("rebels
	// surrendered", "teachers went on strike", "the president resigned"):
	// the event is then stated against the actor's own country, as ICEWS
	// and GDELT code a domestic event — its government when a part of the
	// country that is not the state acts (rebels, strikers, a people), its
	// people (CVL) when the state or a person acts.
	Domestic bool
	// Narrative events may take the date of the event an article told
	// just before (extract's narrative time: "Stubb met Kristersson on
	// Tuesday. Stubb criticized Russia ..."); events dated by their own
	// rules (successions, nominations) may not.
	Narrative bool
	// CAMEO is the nearest CAMEO event code, as ICEWS and GDELT code
	// events (the events export's cameo_code), or None.
	CAMEO Code
	// PLOVER is the PLOVER event type (the events export's plover_event),
	// or None.
	PLOVER Code
	// PLOVERMode is the PLOVER mode of the event type (plover_mode), or
	// None where the type has none or the predicate does not say which.
	PLOVERMode Code
	// AskVerb is the verb of "who did X …?" as help writes it ("speak
	// with"), or None for predicates ask does not read as an interaction.
	AskVerb string
	// AskActive is the regular expression ask reads after "who did X"
	// ("meet(?:\s+with)?"), or None.
	AskActive string
	// AskPassive is the regular expression ask reads after "who" in "who
	// met X" ("met(?:\s+with)?"), or None.
	AskPassive string
	// Phrase is how answers write the predicate between its two sides
	// ("Donald Trump spoke with Mark Rutte"; states keep their name).
	Phrase string
	// Description says in one line what the predicate states and, where a
	// code column is None for an event, why.
	Description string
	// AskedWith are the other predicates whose facts answer this one's
	// interaction questions too, or nil: "who did Russia attack?" reads
	// attacked and fought, since PLOVER tells an attack by a state's forces
	// (FIGHT) from one by an armed group (ASSAULT).
	AskedWith []string
}

// IsEvent reports whether the row is an event predicate.
func (p Predicate) IsEvent() bool { return p.Kind == Event }

// Asked reports whether ask reads the predicate as an interaction ("who
// did X meet?"): it has ask verbs.
func (p Predicate) Asked() bool { return p.AskVerb != None }

// predicateTable is the vocabulary, in the order help and listings show it:
// states first, then events.
var predicateTable = []Predicate{
	{Name: Leads, Kind: State, CAMEO: None, PLOVER: None, PLOVERMode: None,
		AskVerb: None, AskActive: None, AskPassive: None, Phrase: "leads",
		Description: "a person leads a country or organization in a role (President, Secretary General); asked as \"who led X\""},
	{Name: HoldsPosition, Kind: State, CAMEO: None, PLOVER: None, PLOVERMode: None,
		AskVerb: None, AskActive: None, AskPassive: None, Phrase: "holds_position",
		Description: "a person holds an office that is not the head of an organization (National Security Adviser); asked as \"who held X\""},
	{Name: MemberOf, Kind: State, CAMEO: None, PLOVER: None, PLOVERMode: None,
		AskVerb: None, AskActive: None, AskPassive: None, Phrase: "member_of",
		Description: "a country is a member of an organization (Finland member_of NATO); asked as \"which countries were members of X\""},
	{Name: HasTarget, Kind: State, CAMEO: None, PLOVER: None, PLOVERMode: None,
		AskVerb: None, AskActive: None, AskPassive: None, Phrase: "has_target",
		Description: "an organization or country has a target, the object a value (\"2% of GDP\"); asked as \"what is X's target\""},
	{Name: NationalOf, Kind: State, CAMEO: None, PLOVER: None, PLOVERMode: None,
		AskVerb: None, AskActive: None, AskPassive: None, Phrase: "national_of",
		Description: "a person is of a country, the one event data codes them by (\"Palestinian leader Yasser Arafat\", \"Iraq's ambassador\"); never a leads; the events export's country of a person who leads or holds no office of one"},
	{Name: Met, Kind: Event, Symmetric: true, Narrative: true, CAMEO: "040", PLOVER: "CONSULT", PLOVERMode: None,
		AskVerb: "meet", AskActive: `meet(?:\s+with)?`, AskPassive: `met(?:\s+with)?`, Phrase: "met",
		Description: "two sides met in person; CAMEO's general 040 and no PLOVER mode, unless the text tells who hosted whom (the fact's host: 043 and mode host for the host, 042 and visit for the guest, see Fact.EventCodes)"},
	{Name: Visited, Kind: Event, Narrative: true, CAMEO: "042", PLOVER: "CONSULT", PLOVERMode: "visit",
		AskVerb: "visit", AskActive: `visit`, AskPassive: `visited`, Phrase: "visited",
		Description: "an actor visited a country, place or organization (the object)"},
	{Name: SpokeWith, Kind: Event, Symmetric: true, Narrative: true, CAMEO: "040", PLOVER: "CONSULT", PLOVERMode: "phone",
		AskVerb: "speak with", AskActive: `(?:speak|talk)\s+(?:with|to)`, AskPassive: `(?:spoke|talked)\s+(?:with|to)`, Phrase: "spoke with",
		Description: "two sides spoke, by phone or video in most sources (PLOVER mode phone); CAMEO stays the general 040 as \"spoke with\" also reads talks in person"},
	{Name: NominatedAs, Kind: Event, CAMEO: None, PLOVER: None, PLOVERMode: None,
		AskVerb: "nominate", AskActive: `nominate`, AskPassive: `nominated`, Phrase: "nominated",
		Description: "a person was nominated to an office (the object, a position); no CAMEO or PLOVER code: a nomination is not an interaction between two actors"},
	{Name: Succeeded, Kind: Event, CAMEO: None, PLOVER: None, PLOVERMode: None,
		AskVerb: "succeed", AskActive: `succeed`, AskPassive: `succeeded`, Phrase: "succeeded",
		Description: "a person succeeded another (the object) in an office, ending the other's term; no CAMEO or PLOVER code: a succession is not an interaction between the two"},
	{Name: Criticized, Kind: Event, Narrative: true, CAMEO: "111", PLOVER: "DISAPPROVE", PLOVERMode: None,
		AskVerb: "criticize", AskActive: `critici[sz]e`, AskPassive: `critici[sz]ed`, Phrase: "criticized",
		Description: "an actor criticized or denounced another; PLOVER gives DISAPPROVE no mode"},
	{Name: Accused, Kind: Event, Narrative: true, CAMEO: "112", PLOVER: "DISAPPROVE", PLOVERMode: None,
		AskVerb: "accuse", AskActive: `accuse`, AskPassive: `accused`, Phrase: "accused",
		Description: "an actor accused another (of aggression, crimes, interference); PLOVER gives DISAPPROVE no mode"},
	{Name: Threatened, Kind: Event, Narrative: true, CAMEO: "130", PLOVER: "THREATEN", PLOVERMode: None,
		AskVerb: "threaten", AskActive: `threaten`, AskPassive: `threatened`, Phrase: "threatened",
		Description: "an actor threatened another; no PLOVER mode because the kind of threat (force, sanctions) is not recorded"},
	{Name: Sanctioned, Kind: Event, Narrative: true, CAMEO: "163", PLOVER: "SANCTION", PLOVERMode: None,
		AskVerb: "sanction", AskActive: `sanction`, AskPassive: `sanctioned`, Phrase: "sanctioned",
		Description: "an actor imposed sanctions on another; no PLOVER mode because the kind of sanction is not recorded"},
	{Name: SignedAgreement, Kind: Event, Symmetric: true, Narrative: true, CAMEO: "057", PLOVER: "SUPPORT", PLOVERMode: None,
		AskVerb:     "sign an agreement with",
		AskActive:   `sign\s+(?:an?\s+)?(?:agreements?|deals?|treaty|treaties)\s+with`,
		AskPassive:  `signed\s+(?:an?\s+)?(?:agreements?|deals?|treaty|treaties)\s+with`,
		Phrase:      "signed an agreement with",
		Description: "two sides signed an agreement, deal or treaty: CAMEO 057, which PLOVER's crosswalk puts under SUPPORT (diplomatic cooperation; AGREE is the intent, not the signature), with no mode"}, {Name: AgreedWith, Kind: Event, Symmetric: true, Narrative: true, CAMEO: "030", PLOVER: "AGREE", PLOVERMode: None,
		AskVerb: "agree with", AskActive: `agree\s+with`, AskPassive: `agreed\s+with`, Phrase: "agreed with",
		Description: "two sides agreed (to do something, on terms) without signing; PLOVER gives AGREE no mode"},
	{Name: Pledged, Kind: Event, Narrative: true, CAMEO: "030", PLOVER: "AGREE", PLOVERMode: None,
		AskVerb: "pledge to", AskActive: `(?:pledge|promise|offer)(?:\s+to)?`, AskPassive: `(?:pledged|promised|offered)(?:\s+to)?`, Phrase: "pledged to",
		Description: "an actor promised, offered or said it will do something for another (support, aid, visit it): PLOVER's AGREE, an intent to cooperate, not yet the act; also a meeting, visit, call or signing planned (\"is scheduled to visit\", \"are due to meet\", or dated after the article), dated on the planned day"},
	{Name: Demanded, Kind: Event, Narrative: true, CAMEO: "100", PLOVER: "DEMAND", PLOVERMode: None,
		AskVerb: "demand", AskActive: `demand(?:\s+of)?`, AskPassive: `demanded(?:\s+of)?`, Phrase: "demanded of",
		Description: "an actor demanded something of, urged or called on another (the object, the addressee); no PLOVER mode because what was demanded is not coded"},
	{Name: Rejected, Kind: Event, Narrative: true, CAMEO: "120", PLOVER: "REJECT", PLOVERMode: None,
		AskVerb: "reject", AskActive: `reject`, AskPassive: `rejected`, Phrase: "rejected",
		Description: "an actor rejected another's proposal, demand or claim, or refused its request (the object, the other actor); no PLOVER mode because what was rejected is not coded"},
	{Name: Protested, Kind: Event, Domestic: true, Narrative: true, CAMEO: "140", PLOVER: "PROTEST", PLOVERMode: None,
		AskVerb: "protest against", AskActive: `protest(?:\s+against)?`, AskPassive: `protested(?:\s+against)?`, Phrase: "protested against",
		Description: "an actor (demonstrators, a party, a country's people) protested, marched or went on strike against another, or at home against its own government when no one is named; no PLOVER mode because the form of protest is not recorded"},
	{Name: Supported, Kind: Event, Narrative: true, CAMEO: "051", PLOVER: "SUPPORT", PLOVERMode: None,
		AskVerb: "support", AskActive: `support|back|endorse`, AskPassive: `supported|backed|endorsed`, Phrase: "supported",
		Description: "an actor expressed support for, backed or endorsed another; PLOVER gives SUPPORT no mode"},
	{Name: Conceded, Kind: Event, Narrative: true, CAMEO: "080", PLOVER: "CONCEDE", PLOVERMode: None,
		AskVerb: "concede to", AskActive: `(?:concede|yield|give\s+in)\s+to`, AskPassive: `(?:conceded|yielded|gave\s+in)\s+to`, Phrase: "conceded to",
		Description: "an actor yielded to another: released prisoners, eased restrictions, accepted its demand; no PLOVER mode because the concession is not coded"},
	{Name: CooperatedWith, Kind: Event, Symmetric: true, Narrative: true, CAMEO: "050", PLOVER: "COOPERATE", PLOVERMode: None,
		AskVerb: "cooperate with", AskActive: `co-?operate\s+with`, AskPassive: `co-?operated\s+with`, Phrase: "cooperated with",
		Description: "two sides cooperated (joint exercises, sharing intelligence, ties restored or deepened); PLOVER gives COOPERATE no mode"},
	{Name: Aided, Kind: Event, Narrative: true, CAMEO: "070", PLOVER: "AID", PLOVERMode: None,
		AskVerb: "aid", AskActive: `aid|help|assist`, AskPassive: `aided|helped|assisted`, Phrase: "aided",
		Description: "an actor gave aid to another (money, weapons, food, relief); no PLOVER mode because the kind of aid is not recorded"},
	{Name: WithdrewFrom, Kind: Event, Domestic: true, Narrative: true, CAMEO: "087", PLOVER: "RETREAT", PLOVERMode: None,
		AskVerb: "withdraw from", AskActive: `withdraw\s+from`, AskPassive: `withdrew\s+from`, Phrase: "withdrew from",
		Description: "an actor withdrew its forces, or itself, from a place, treaty or organization (the object); a surrender, ceasefire, demobilization or resignation with no one named is on the actor's own country; no PLOVER mode because what was withdrawn is not recorded"},
	{Name: Investigated, Kind: Event, Narrative: true, CAMEO: "090", PLOVER: "INVESTIGATE", PLOVERMode: None,
		AskVerb: "investigate", AskActive: `investigate|probe`, AskPassive: `investigated|probed`, Phrase: "investigated",
		Description: "an actor opened an investigation or inquiry into another; PLOVER gives INVESTIGATE no mode"},
	{Name: Mobilized, Kind: Event, Domestic: true, Narrative: true, CAMEO: "150", PLOVER: "MOBILIZE", PLOVERMode: None,
		AskVerb: "mobilize against", AskActive: `mobili[sz]e\s+against`, AskPassive: `mobili[sz]ed\s+against`, Phrase: "mobilized against",
		Description: "an actor massed troops, raised alert or held drills against another (the object), or at home (its own country) when no one is named; no PLOVER mode because the kind of mobilization is not recorded"},
	{Name: Coerced, Kind: Event, Narrative: true, CAMEO: "170", PLOVER: "COERCE", PLOVERMode: None,
		AskVerb: "coerce", AskActive: `coerce`, AskPassive: `coerced`, Phrase: "coerced",
		Description: "an actor arrested, detained, expelled, banned or restricted another, or seized its property, as PLOVER's COERCE; no mode because the measure is not recorded"},
	{Name: Fought, Kind: Event, Symmetric: true, Narrative: true, CAMEO: "190", PLOVER: "FIGHT", PLOVERMode: None,
		AskVerb: "fight", AskActive: `fight|clash\s+with`, AskPassive: `fought|clashed\s+with`, Phrase: "fought",
		Description: "armed forces fought: clashes, shelling, invasion, and a state's forces attacking, bombing or striking another (data/lexicon/force.tsv); no PLOVER mode because the arms are not recorded"},
	{Name: Attacked, Kind: Event, Narrative: true, CAMEO: "180", PLOVER: "ASSAULT", PLOVERMode: None,
		AskVerb: "attack", AskActive: `attack|strike|bomb|shell`, AskPassive: `attacked|struck|bombed|shelled`, Phrase: "attacked",
		Description: "one-sided violence: an armed group's attack, bombing or killing, and abduction, torture or beating by anyone (data/lexicon/force.tsv); no PLOVER mode because the weapon is not recorded; a person attacking a person in words is criticized",
		AskedWith:   []string{Fought}},
	{Name: CommentedOn, Kind: Event, Narrative: true, CAMEO: "010", PLOVER: None, PLOVERMode: None,
		AskVerb: "comment on", AskActive: `comment\s+on`, AskPassive: `commented\s+on`, Phrase: "commented on",
		Description: "an actor made a statement about another that CAMEO codes (01) and PLOVER does not: claimed responsibility for an act against it, or expressed sympathy, condolences or appreciation to or for it; no PLOVER type because PLOVER has no STATEMENT, CAMEO's general 010"},
}

// predicateIndex finds a row by name.
var predicateIndex = func() map[string]*Predicate {
	m := make(map[string]*Predicate, len(predicateTable))
	for i := range predicateTable {
		m[predicateTable[i].Name] = &predicateTable[i]
	}
	return m
}()

// Predicates lists the names of the vocabulary in the table's stable order
// (states, then events). It is derived from the table; do not modify it.
var Predicates = func() []string {
	out := make([]string, len(predicateTable))
	for i, p := range predicateTable {
		out[i] = p.Name
	}
	return out
}()

// PredicateTable returns a copy of every row of the predicate table, in
// the order of Predicates.
func PredicateTable() []Predicate {
	out := make([]Predicate, len(predicateTable))
	copy(out, predicateTable)
	return out
}

// PredicateInfo returns the row of predicate name and whether it is in the
// vocabulary.
func PredicateInfo(name string) (Predicate, bool) {
	p, ok := predicateIndex[name]
	if !ok {
		return Predicate{}, false
	}
	return *p, true
}

// IsEvent reports whether p is an event predicate (dated by Date) rather
// than a state (bounded by Start and End). A name outside the vocabulary
// counts as an event, as it always has: it is dated, never in force.
func IsEvent(p string) bool {
	r, ok := predicateIndex[p]
	return !ok || r.Kind == Event
}

// IsSymmetric reports whether p holds both ways (A met B = B met A).
func IsSymmetric(p string) bool {
	r, ok := predicateIndex[p]
	return ok && r.Symmetric
}

// IsDomestic reports whether an event of p told with no one acted on is
// stated against the actor's own country (see Predicate.Domestic).
func IsDomestic(p string) bool {
	r, ok := predicateIndex[p]
	return ok && r.Domestic
}

// IsPredicate reports whether p is in the vocabulary.
func IsPredicate(p string) bool {
	_, ok := predicateIndex[p]
	return ok
}
