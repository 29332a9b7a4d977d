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
// Before the verb patterns, ", who ..." clauses are read for their own
// facts ("Grossi, who has led the IAEA since 2019,") and then folded into
// the person, and a subject that governs several verbs is given to each
// ("X visited India on Wednesday and met Modi" also yields X met Modi).
// Negated, failed and future statements ("left without signing", "failed
// to reach", "would impose") yield nothing.
//
// Names are resolved within the article: a lone surname becomes the full
// name mentioned earlier or, failing that, a known leader of the gazetteer;
// "the alliance" and "the bloc" become the organization named before; "he"
// and "she" become the first person named earlier in the sentence, else the
// person the previous sentences were about (not after "Trump and Vance
// ...", which is ambiguous); "the new secretary general" becomes the person
// the article last said holds that office. Every full personal name gets its
// surname as an alias, so that package resolve can map a later article's
// "Waltz" onto "Michael Waltz" across articles.
//
// Dates: each fact takes the time expression of its own clause (dates in a
// relative clause date only that clause; "by 2035" is a deadline and dates
// nothing); "later that day" and "minutes earlier" take the last date
// stated; "two days later", "a week after ..." count from it.
//
// Confidence of a statement is the strength of the pattern (0.9 for an
// explicit verb, 0.85 for a change of office, 0.81 for "has led ... since",
// 0.8 for a nomination or a call, 0.75 for "talks between", 0.7 for a title
// before a name, 0.65 for an apposition, 0.6 for possessives and nominal
// forms) times the weakest resolution of the two sides (1 for a gazetteer
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
// Caveats: pronouns other than he/she (they, it, his) are not resolved and
// gender is not checked; future and hypothetical statements are skipped by
// design rather than analysed; headlines and heading lines are not read for
// facts; a date range ("from 2019 to 2022") gives only its nearer bound.
package extract
