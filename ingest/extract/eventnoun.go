package extract

import "strings"

// datedEventNouns name events that a date before them ("the July 26
// coup", "Tuesday's missile strike") belongs to: another event than the
// verb of the clause they are the object of ("condemned the July 26
// coup"). Gatherings (summits, talks, visits) are not among them: "met
// at Tuesday's summit" is dated by the summit.
var datedEventNouns = toSet("coup coups putsch attack attacks strike strikes airstrike airstrikes bombing bombings " +
	"shelling raid raids assault offensive incursion invasion massacre killing killings shooting shootings " +
	"explosion explosions blast blasts launch launches test tests execution executions arrest arrests " +
	"election elections referendum vote protest protests riots uprising crackdown seizure hijacking kidnapping")

// attributiveDate reports whether date u, after the verb of candidate c,
// modifies a noun naming another event ("condemned the July 26 coup in
// Niger", "denounced Tuesday's missile strike on Kyiv", "the 7 October
// attacks"): the date is that event's, not c's. It is read as a modifier
// when "the" or "a" comes right before it, or it is a possessive, and an
// event noun of datedEventNouns follows within three words.
func (d *doc) attributiveDate(c *cand, u *unit, text string) bool {
	if v := d.doneVerbEnd(c); v < 0 || u.start < v {
		return false
	}
	rest := text[u.end:]
	if r, ok := strings.CutPrefix(rest, "'s "); ok {
		rest = r
	} else if r, ok := strings.CutPrefix(rest, "’s "); ok {
		rest = r
	} else {
		before := strings.Fields(text[:u.start])
		if len(before) == 0 {
			return false
		}
		if w := strings.ToLower(before[len(before)-1]); w != "the" && w != "a" && w != "an" {
			return false
		}
	}
	for k, w := range strings.Fields(rest) {
		if k == 3 {
			break
		}
		w = strings.Trim(w, ",.;:\"'")
		if datedEventNouns[w] {
			return true
		}
		if !isWordTok(w) || isCap(w) && k > 0 {
			return false
		}
	}
	return false
}
