// Package resolve maps the people an article names onto the people the
// graph already holds, so that "Mike Waltz" in one article and "Michael
// Waltz" in another are one entity. It runs in the pipeline's writer stage,
// after extraction and before Store.Write, over one article's batch.
//
// A person of the batch becomes a stored person when, and only when:
//
//   - the stored entity has the same alias key (case, punctuation and
//     diacritics ignored: "António Costa" = "Antonio Costa", "J.D. Vance" =
//     "JD Vance") and the same surname, or the whole names agree;
//   - the first names are equivalent through the nickname table
//     (data/gazetteer/nicknames.tsv: Mike/Michael, Bill/William, Joe/Joseph,
//     Tony/Antony) and the rest of the name is the same;
//   - a lone surname ("Waltz") is an alias of exactly one stored person
//     with a full name.
//
// Different surnames or different (non-equivalent) first names are never
// merged: "Donald Trump" ≠ "Donald Tusk", "Mark Rutte" ≠ "Mark Carney". A
// candidate that is not unique is left alone. Inside one batch, two people
// whose first names are equivalent and whose surnames agree become the one
// with the formal first name.
//
// The canonical name is the stored entity's (the first full name seen);
// the batch's names are added to its aliases. Facts whose subject or object
// changed get their ids recomputed, and facts that thereby become one are
// merged (sources joined, the higher confidence kept).
//
// A Lookup that is also a BatchLookup (store.Store) is asked once for all
// the people of a batch, in one read of the store; only the nickname
// variants of a name found nowhere are then asked one by one.
//
// Caveats: only people are resolved (countries and organizations are
// canonical through the gazetteer already); a stored lone-surname entity
// is not rewritten when its full name appears later.
package resolve
