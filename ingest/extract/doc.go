// Package extract turns the text of one news article into entities and
// dated, sourced facts of the geokg vocabulary (leads, holds_position,
// member_of, has_target, met, visited, spoke_with, nominated_as, succeeded,
// criticized, accused, threatened, sanctioned, signed_agreement, and the
// PLOVER event types agreed_with … attacked of graph's predicate table).
//
// Most event phrasings are data, not code: the lexicon
// (data/lexicon/verbs.tsv, lexicon.go) maps phrases such as "+urge O to",
// "O be +arrest by S", "+lodge ... (protest|complaint) with O" to a
// predicate. It is compiled once into rules and an index from trigger words
// (the verb's generated inflections) to rules, so a sentence runs only the
// rules whose words it holds. Each active verb also yields its modal frames:
// "will support X" is an intent (pledged), "refused to aid X" a rejection,
// "threatened to attack X" a threat, never the act.
//
// It works without a statistical tagger. Each sentence is cut into tokens;
// runs of tokens are recognized as countries, organizations, offices and
// known leaders through the embedded gazetteer (package data), other runs of
// capitalized words become candidate names, and time expressions come from
// package timex. The sentence is then rewritten as a template in which every
// mention is a placeholder such as <P3> (person), <C1> (country),
// <G2> (organization), <O4> (office) or <D5> (date), and two layers of regular
// expressions run over it: the first reads titles and appositions
// ("NATO Secretary General Mark Rutte", "Rutte, the former Dutch prime
// minister,") and folds them into the person they describe, and reads a
// person's country from the adjective or possessive before their role
// ("Palestinian leader X", "Iraq's ambassador X": national_of; "North
// Korean leader Kim Jong Un" leads only because the gazetteer lists him
// as that country's head; nationals.go, titles.go); the second reads
// verb patterns in active and passive voice ("met", "was sworn in as",
// "imposed sanctions on").
//
// Before the verb patterns, ", who ..." clauses and parentheses (", whom
// Putin appointed foreign minister in 2004,", ", on a visit to China,",
// ", appointed foreign minister in May,") are read for their own facts and
// then folded into the person, and a subject that governs several verbs is
// given to each ("X visited India on Wednesday and met Modi" also yields X
// met Modi). Besides verbs, the rules read passives ("sanctions were imposed
// on X by Y", "came under criticism from"), nouns ("talks between X and Y",
// "Modi's visit to Washington", "in a phone call with X"), participles
// ("after meeting X", "Trump, meeting Rutte,") and terms of office without a
// verb of change ("has served as ... since", "was prime minister from 2010
// to 2014", "took the helm of", "X stepped down ... and was replaced by Y",
// "Ishiba resigned in September", "X, whose second term ended in February
// 2025," ending the office last stated). "The two
// leaders" stands for the two sides of the last meeting, call or agreement
// (however weak a one-word name of either: "his counterpart Sugiono"), and
// "they" after "where", "when" or "and" for the two of a meeting told
// before it in its sentence ("met at the White House, where they
// initialled the agreement"). "Stockholm condemned the expulsions", an act
// without its author, criticizes the one side that did such an act to the
// condemner in that sentence or the one before (denials.go). A president
// or prime minister titled without a country and unknown to the
// gazetteer, whom a visitor meets on a visit the sentence tells ("flew on
// to Djibouti, where he held talks with President X"), leads the country
// visited (implicit.go).
// A leader the gazetteer knows is never said to visit, meet, threaten or
// sanction the country he leads (a misread pronoun, not news).
// Negated, failed, cancelled, conditional and future statements ("left
// without signing", "failed to reach", "would impose", "cancelled a planned
// meeting with", "if X meets Y", "talks between X and Y could be
// delayed", "called X a dictator", "claimed that X attacked Y") yield
// nothing, and so do hedged wishes and requests ("might want Y to") and
// acts told in the present after "before" or "until" ("a day before X
// heads to Beijing": still to come). A plan is its intent, never the
// act: "is scheduled/due/set/slated/poised/expected to visit", "is to
// sign", "plans to", "will" code the intent (pledged; agreed_with for a
// meeting, talks, a call or a signing between two sides however worded,
// "talks between X and Y on Friday will …" included; threatened for a
// hostile act), and an event dated after the
// article and not told in the past tense becomes its intent at the end
// (graph.PlannedFor, graph.PlannedAs), on the planned day; a past plan
// the sentence says did not go ahead ("was due to meet …, but the talks
// were cancelled") states nothing. An allegation accuses the one it is
// about, whatever it says ("X alleged that Y was aware of …"); a promise
// takes the act promised ("pledged to expel Y's diplomats" is a threat);
// "… came as X announced …" is a clause with its own subject. A date
// before a reported statement ("X said on Monday that Y attacked Z", "On
// Monday X said ...") dates the saying, not the event; a state saying
// another used force accuses it (reported.go), a medium or a monitor
// saying so does not. Force a state's forces use on protesters is
// repression, coerced (force.tsv's crowd lines). A claim of one's
// own act ("X claimed that it had shelled Y") and explicit expressions of
// sympathy or appreciation ("extended its condolences to Y") are
// commented_on, CAMEO's statements, which PLOVER does not code. An act of
// force told as a noun takes its agent from the country's adjective or
// name before it, or the actor after "by" ("killed in Israeli artillery
// fire", "in an air strike by Saudi warplanes"), acting through its
// military on the victims' country.
//
// Targets: "N% of GDP" near a target word is the target of the organization
// (else country) named before it, or of the last target's owner. A figure
// the sentence says was replaced ("to 5% of GDP, up from 2%", "from 2% to
// 3.5%", "replacing the previous goal of 2%") is a has_target fact of its
// own, ended, whose end is the new figure's start when that is dated; a bare
// figure ("2%") takes "of GDP" from the figure it is compared with.
//
// Every rule runs only on sentences containing, for each part of the
// pattern that every match goes through, one of the literal strings that
// part must contain, derived from the pattern itself (prefilter.go); one
// pass over a sentence's template finds the strings of all rules at once
// (litscan.go), so the test costs a few bit tests per rule. Most rules find
// nothing in most sentences. Case-insensitive sentence tests (targets,
// "two days later") and the negation tests before a match search their
// words before running. None of this changes a result: the fingerprints of
// testdata/fingerprints.txt, written by the code before it, say so.
//
// Names are resolved within the article: a lone surname becomes the full
// name mentioned earlier or, failing that, a known leader of the gazetteer;
// a name in Chinese, Korean or Vietnamese order ("Wang Lei", "Park
// Min-soo": data/gazetteer/family_first.tsv) is also its first word
// ("Wang", "Park"). A person the gazetteer lists under several words is
// read before any rule for the words themselves ("He Lifeng" is no
// pronoun, "To Lam" no preposition), and a name after an opener telling
// where someone is from ("A lawyer from Encarnacion, he …") is a place.
// "the alliance" and "the bloc" become the organization named before; "he"
// and "she" become the first person named earlier in the sentence, else the
// person the previous sentences were about (not after "Trump and Vance
// ...", which is ambiguous), skipping anyone known to be of the other sex;
// when that rules out the person the text is about, the pronoun takes the
// one person of its sex named by the latest of the last three sentences
// that named people (none if that sentence named two). Sex is known from a
// courtesy title or gendered noun written before the name ("Mr.", "Dame",
// "Queen", "Congresswoman", "his wife Jill Biden"), from "X, the first
// woman to lead ..." or "X became the country's first female ...", from an
// earlier he/she resolved to the person, else from the first name
// (data/gazetteer/given_names.tsv, names borne almost only by one sex);
// otherwise it is unknown and fits either pronoun, as before. "Mr. Putin"
// reads as "Putin". "The new secretary general" becomes the person the
// article last said holds that office. Every full personal name gets its
// surname as an alias, so that package resolve can map a later article's
// "Waltz" onto "Michael Waltz" across articles.
//
// Dates: each fact takes the time expression of its own clause (dates in a
// relative clause date only that clause; "by 2035" is a deadline and dates
// nothing; a "since" in an apposition or relative clause after an act,
// "met X, the envoy since 2021,", dates no act; "every Monday" is a habit,
// no day); "in July that year", "on 24 May of that year" are in the last
// year written before them (in the sentence, else in the article), and
// date nothing when none was; a month without a year in a past account
// after one written with it, in its sentence or the one before in its
// paragraph ("appointed in August 2019. She arrived in Aden in
// September"), is later in that year when it comes after that month; an
// act told after "two months later", "a year after" takes no date
// written before that offset; a month or year opening the sentence dates
// a clause of another subject joined by "and", and a date followed by
// ", when" the act of the when-clause ("soured in 2024, when X
// criticized Y"), and one before an aside the main clause ("In March,
// after weeks of protests, X accused Y"); "that autumn", "that same summer" are the last year
// written before them, at year precision; "later that day" and "minutes earlier" take the last date
// stated, as do "that night", "later that evening" and "the same day";
// "two days later", "a week after ..." count from it. Narrative time
// (narrative.go): an event told in the simple past with no time of its
// own ("Stubb criticized Russia over ...", "The two leaders signed a
// defence agreement") takes, at 0.9 of its confidence, the date of the
// last event the article dated to the day when the two share a
// participant; not in the perfect, present, future or a modal, not after
// "later", "then" or "previously", and not once a later sentence states
// another date. A visit, meeting or call dated only to the month or year
// ("visited Uganda last month", "In March, X travelled to Manila") dates,
// at that precision, what its own paragraph tells next of that occasion
// (meetings, visits, calls, signings, agreements: "He met Museveni in
// Kampala"), never a criticism or a denial. "Later that month", "earlier
// that year", "the same month" take the month or year of the last date
// stated, "the following month" the one after it; "the following day",
// "the next day" are the day after the last day stated. A sentence with a date but no fact ("X left after a tense
// exchange with Y on Friday") counts as such an event among everyone it
// names. "He was succeeded by X" with no date of its own takes the end
// of the office the sentence before told ("In June, Popa resigned as
// deputy prime minister"). "X succeeded Y on D" starts X's office known from the article
// ("British Prime Minister X") at D, and ends Y's. Phrases
// anchored on a person's start ("on his first day in office", "on her
// first full day", "hours after taking office", "the day after his
// inauguration", "a day after winning the election", "two weeks after
// being sworn in") take the date the article stated earlier for that
// person's start of office (sworn in, took office, inaugurated, became or
// was appointed to an office; "was elected prime minister" when nothing
// else is stated) or election (won the election, was elected), shifted by
// the offset; the person is the first of the sentence (for "his"/"her", the
// first whose anchor is known and whose sex fits), or the person the text
// is about when the sentence names none. The date has the anchor's
// precision: an anchor known to the month or year dates "first day" and
// "the day after" at that precision and longer offsets not at all. Without
// an anchor such a phrase dates nothing (not the last date stated).
//
// Confidence of a statement is the strength of the pattern (0.9 for an
// explicit verb, 0.85 for a change of office, 0.81 for "has led ... since"
// or "served as", 0.8 for a nomination, a call, "struck a deal" or a
// participle such as "after meeting", 0.75 for "talks between", 0.7 for a
// title before a name, 0.65 for an apposition, 0.6 for possessives and
// nominal forms) times the weakest resolution of the two sides (1 for a gazetteer
// entity or a full name, 0.95 for a surname matched to a full name in the
// article, 0.9 for a surname known from the gazetteer only, 0.85 for a
// generic reference such as "the alliance", 0.8 for a company named after a
// noun such as "oil producers", 0.7 for an unresolved single name; a
// pronoun or "the new secretary general" takes 0.9 of its antecedent's).
// The store keeps the highest statement confidence per fact; the number of
// independent sources is added at read time by graph.CombinedConfidence:
// 1 − (1 − c) × 0.5^(n−1) for n distinct articles not quoting the same
// sentence, capped at 0.99.
//
// Dates of states: "since" starts and "until" ends a state; a range ("from
// 2019 to 2022") gives both bounds; "later that day" counts from the last
// event or day stated, not from a month given for an appointment.
//
// Appointments (appoint.go): "nominated", "picked", "tapped", "selected"
// and "designated" state nominated_as; "appointed", "installed", "named",
// "chose" ("Starmer named Lammy foreign secretary", "X named Y his national
// security adviser") state holds_position or leads from that date, an
// appointment that takes effect. Any of them is a nomination when the
// appointer has not taken office yet (called president-elect,
// prime minister-designate or "incoming", or with a start of office the
// article dates after the appointment), and "named" and "chose" are when
// the office is filled by confirmation (offices.tsv). "Japan's prime
// minister is X", "the current prime minister of Japan, X," and "X, on
// Friday, met Y" are read. Lists are read item by item after the word
// that says what they are ("announced his picks for the top posts: X for
// secretary of state, Y for defense secretary and Z for attorney
// general"; "appointed X as defence minister and Y as trade minister").
// "Accepted the resignation of X" ends X's office on that day; "named Y
// to replace her" or "as her replacement" (the person named last before,
// else the one the last sentences were about) is a succession: Y takes
// the office and ends it for the one replaced. "Took over the bloc's
// rotating chairmanship from Z" leads the organization and ends Z's term.
// "Had held the post since 2021" and "has been in the post since March
// 2022" start the person's latest office. A participle after a future
// clause ("will be sworn in on Friday, replacing Y") states nothing.
//
// Time across the article: an appointment told without a date right
// after a sentence that dated one to the day ("Carney on Tuesday
// appointed X as foreign minister. Y was named finance minister.") is of
// that day (a reshuffle told in order); a successor's swearing-in in a
// relative clause ("was succeeded by Y, who was sworn in on 2 December")
// dates Y's start and the succession; an "outgoing" holder's office ends
// on the day the article dates another person's start in it; and the
// one office the article gives a person, undated, starts on the day the
// article says they took office ("Claudia Sheinbaum took office on
// October 1, 2024. She is Mexico's first female president.").
//
// An office every country has (offices.tsv: a country title) is stored
// with its country: "Sweden's foreign minister", "Chinese Foreign Minister
// Wang Yi", "the British foreign secretary, David Lammy," and "Foreign
// Minister of India" hold "Foreign Minister of Sweden" (…of China, of the
// United Kingdom, of India); a bare title takes the country of the
// gazetteer's holder (at 0.9), an appointment without one the appointer's
// country ("Starmer named Lammy foreign secretary", at 0.9), a person of
// people.tsv their own country; otherwise the office is the one of the
// article's one country (implicit.go: the only country it names, whose
// head it names, the holder taking part in no meeting, visit or call and
// named in no sentence with an organization), or stays bare. A head of
// state or government titled without a country and unknown to the
// gazetteer ("President Yamandu Orsi") leads the article's one country
// under the same conditions, when the article names that country by its
// name, the holder's own sentence names none, and no one else holds the
// office there. A head's title that begins a post's name ("Chancellor",
// "Chancellor of the Exchequer") said of a country that has no head of
// that title in leaders.tsv is the post: "British Chancellor Rachel
// Reeves" holds the post, never leads.
//
// A prime minister or chancellor appointed without a country by a person
// who leads a country in another role ("President Emmanuel Macron
// appointed Michel Barnier as prime minister") leads that country. "Western
// leaders, including X and Y, met Z" is read with X and Y as the subject.
//
// Companies are typed company: those of the gazetteer (companies.tsv), a
// name after a company noun ("oil company", "state carrier", "the lender")
// and a name ending in "Corp", "Ltd", "Airlines"... A company named with
// its country or "the" and what it is ("Iran's national carrier Iran Air",
// "the tanker operator X Ltd") is read as the company alone, so the
// sanctions fall on the company, not on the country. A title written
// before a name is not part of it ("Petroleum Minister Hardeep Singh Puri"
// is Hardeep Singh Puri).
//
// Actors (sectors.go): a country named with a part of it ("Russian
// forces", "Iraq's government", "a Pakistani army spokesman"), or with an
// office no name follows ("the Iraqi foreign minister", "Taiwan's vice
// foreign minister"), is the country acting, with a CAMEO sector code;
// coordinated adjectives before one noun ("Hungarian and Romanian
// officials") are one actor each.
//
// Capitals stand for their countries, so "talks between Berlin and
// Budapest" is a meeting of Germany and Hungary; "tensions" or "relations
// between" are not, and neither are talks that are called for, urged,
// offered, proposed, sought, ruled out or prepared ("ahead of talks
// between"), or that "can", "should" or "must" happen.
//
// House styles (guests.go, implicit.go, text.go): courtesies ("H.E.",
// "Hon.", "His Excellency", "Comrade") are no part of names; "visiting"
// before a guest is dropped; "the Saudi dignitary", "Qatari PM" are the
// one person of that country the article named before; "the two heads of
// state", "both sides", "the duo" are the last meeting's pair (coref.go);
// a dateline the sentences drop ("ABUJA —") still gives the article its
// country; an item of a live page stamped with the time of day is dated
// the day of publication.
//
// Caveats: pronouns other than he/she (they, it, his) are not resolved; a
// person of unknown sex may still take the wrong pronoun; future and
// hypothetical statements are skipped by design rather than analysed;
// headlines and heading lines are not read for facts; which offices need
// confirmation is known only for the offices.tsv lists (mostly U.S.).
package extract
