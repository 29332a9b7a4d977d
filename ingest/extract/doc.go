// Package extract turns the text of one news article into entities and
// dated, sourced facts of the geokg vocabulary (leads, holds_position,
// member_of, has_target, met, visited, spoke_with, nominated_as, succeeded,
// criticized, accused, threatened, sanctioned, signed_agreement).
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
// minister,") and folds them into the person they describe; the second reads
// verb patterns in active and passive voice ("met", "was sworn in as",
// "imposed sanctions on").
//
// Names are resolved within the article: a lone surname becomes the full
// name mentioned earlier or, failing that, a known leader of the gazetteer;
// "the alliance" and "the bloc" become the organization named before.
//
// Confidence is the strength of the pattern (0.9 for an explicit verb, 0.85
// for a change of office, 0.7 for a title before a name, 0.65 for an
// apposition, 0.6 for possessives and nominal forms) times the weakest
// resolution of the two sides (1 for a gazetteer entity or a full name, 0.95
// for a surname matched to a full name in the article, 0.9 for a surname
// known from the gazetteer only, 0.85 for a generic reference such as
// "the alliance", 0.7 for an unresolved single name).
//
// Caveats: pronouns are not resolved; future and negated statements are
// skipped by design rather than analysed; headlines and heading lines are not
// read for facts.
package extract
