package extract

import (
	"strings"

	"github.com/geokg/geokg/graph"
)

// envoyWords are the titles of a post held for one country in another
// ("Canada's Ambassador to China").
var envoyWords = toSet("ambassador envoy")

// envoyPairs are the two-word titles of such posts, by their second word
// and first word, and the name each post is stored under: a Commonwealth
// country's envoy to another ("Canada's High Commissioner to Kenya"), and
// a country's envoy to an organization ("Estonia's permanent
// representative to NATO"), the one title of the three sent to a body.
var envoyPairs = map[[2]string]string{
	{"high", "commissioner"}:        "High Commissioner",
	{"permanent", "representative"}: "Permanent Representative",
}

// envoyTitleAt returns the name of the envoy's title whose last word is
// units[k] and the index of its first word, or "" when there is none
// there.
func envoyTitleAt(units []*unit, k int) (string, int) {
	u := units[k]
	if u.kind != kWord && u.kind != kPerson && u.kind != kOffice {
		return "", k
	}
	if k > 0 && units[k-1].kind == kWord {
		if name := envoyPairs[[2]string{units[k-1].lower(), u.lower()}]; name != "" {
			return name, k - 1
		}
	}
	if u.kind != kOffice && envoyWords[u.lower()] {
		return "Ambassador", k
	}
	return "", k
}

// envoyLead are the words before an envoy's title that make it a post
// someone holds ("served as", "was", "appointed X as"), not a person an
// event acts on ("summoned Russia's ambassador to Britain").
var envoyLead = toSet("as was is became becomes been named appointed")

// envoyPosts reads "Canada's Ambassador to China, Helen Marchetti",
// "Marchetti, Canada's ambassador to China," and "served as Nigeria's
// ambassador to the United Kingdom" as one office, the post of its
// country (written before it, else left to the article: see implicit.go)
// in the country it is sent to: "Ambassador of Canada to China". The
// title is read as an office only where it names a post held — a name
// after it, a name before it in apposition, or a verb of being or
// appointment before it — so that events done to an ambassador keep
// their words.
func envoyPosts(units []*unit) []*unit {
	var out []*unit
	for k := 0; k < len(units); k++ {
		if k+2 >= len(units) || units[k+1].lower() != "to" {
			continue
		}
		name, first := envoyTitleAt(units, k)
		if name == "" {
			continue
		}
		j := k + 2
		if units[j].kind == kWord && units[j].lower() == "the" && j+1 < len(units) {
			j++
		}
		dest := units[j]
		toBody := name == "Permanent Representative" && dest.kind == kOrg
		if (dest.kind != kCountry || dest.demonym) && !toBody || dest.ref == nil || !heldEnvoyPost(units, first, j) {
			continue
		}
		if out == nil {
			out = append([]*unit(nil), units...)
		}
		off := &office{name: name + " to " + dest.ref.name, national: name, to: dest.ref.name}
		out[first] = &unit{kind: kOffice, text: joinText(units[first:k+1]) + " to " + dest.text, start: units[first].start, end: dest.end, off: off}
		for i := first + 1; i <= j; i++ {
			out[i] = nil
		}
		k = j
	}
	if out == nil {
		return units
	}
	kept := out[:0]
	for _, u := range out {
		if u != nil {
			kept = append(kept, u)
		}
	}
	return kept
}

// envoyDestAt reports whether the sentence's word i follows an envoy's
// title and "to" ("Ambassador to Japan Rahm Emanuel"): a country there
// is where the envoy is sent, not the start of the name after it.
func (d *doc) envoyDestAt(i int) bool {
	if i < 2 || d.lows[i-1] != "to" {
		return false
	}
	return envoyWords[d.lows[i-2]] || i >= 3 && envoyPairs[[2]string{d.lows[i-3], d.lows[i-2]}] != ""
}

// heldEnvoyPost reports whether the envoy's title at units[k], sent to the
// country at units[j], names a post held (see envoyPosts).
func heldEnvoyPost(units []*unit, k, j int) bool {
	if j+1 < len(units) && (units[j+1].kind == kPerson || isComma(units[j+1]) && j+2 < len(units) && units[j+2].kind == kPerson) {
		return true
	}
	a := k // the first word of the phrase: the owner's name, "'s", modifiers
	for a > 0 && (units[a-1].kind == kCountry || units[a-1].text == "'s" ||
		units[a-1].kind == kWord && (formerWords[units[a-1].lower()] || units[a-1].lower() == "the" || units[a-1].lower() == "new")) {
		a--
	}
	if a == 0 {
		return false
	}
	b := units[a-1]
	return b.kind == kWord && envoyLead[b.lower()] || isComma(b) && a >= 2 && units[a-2].kind == kPerson
}

// envoyOutLemmas are the verbs that put a diplomat out of the country
// they serve in ("expelled", "declared … persona non grata"): CAMEO 1663,
// a cut in diplomatic relations with the diplomat's country.
var envoyOutLemmas = toSet("expel oust deport declare")

// envoyExpelled returns, for an event of pred by the verb lemma on o, the
// side it is against and its predicate: a diplomat named with the country
// they serve (unit.envoyOf) expelled or declared persona non grata stands
// for that country's government, and the act is sanctioned ("Mali
// expelled the French ambassador, X" sanctions France; X is in the
// evidence). Any other event keeps o and pred.
func envoyExpelled(pred, lemma string, o *unit) (*unit, string) {
	if o.kind != kPerson || o.envoyOf == nil || !envoyOutLemmas[lemma] || pred != graph.Coerced && pred != graph.Sanctioned {
		return o, pred
	}
	return &unit{kind: kCountry, text: o.text, start: o.start, end: o.end, ref: o.envoyOf, sector: "GOV"}, graph.Sanctioned
}

// joinText is the text of units, one space between each.
func joinText(units []*unit) string {
	parts := make([]string, len(units))
	for i, u := range units {
		parts[i] = u.text
	}
	return strings.Join(parts, " ")
}
