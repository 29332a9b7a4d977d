package extract

import "strings"

// royalHighness reports whether toks[j] is the "Royal" of "His Royal
// Highness", the Gulf agencies' courtesy of a prince, or the "Grand" of
// "Grand Ayatollah": a word of the courtesy, not of the name ("Royal
// Navy", "Grand Mosque" keep it).
func royalHighness(toks []token, j int) bool {
	if j+1 >= len(toks) {
		return false
	}
	switch toks[j].text {
	case "Royal":
		return toks[j+1].text == "Highness"
	case "Grand":
		return toks[j+1].text == "Ayatollah"
	}
	return false
}

// lineageWords link a name to the father's in Arabic names.
var lineageWords = toSet("bin ibn bint Bin Ibn")

// lineageTail returns the number of tokens at toks[j] that continue the
// name of the person u just read as the lineage state agencies write in
// full: "Mohammed bin Salman bin Abdulaziz Al Saud", "Mohamed bin Zayed Al
// Nahyan", "King Salman bin Abdulaziz Al Saud". Each "bin X" is a father's
// name; "Al X", the house, ends it and is read only after a name already
// written with "bin". The person stays the one the gazetteer knows.
func lineageTail(s string, u *unit, toks []token, j int) int {
	k := j
	for k+1 < len(toks) && lineageWords[toks[k].text] && isCap(toks[k+1].text) && isWordTok(toks[k+1].text) && !nameStop[toks[k+1].text] {
		k += 2
	}
	patronymic := k > j || strings.Contains(s[u.start:u.end], " bin ") || strings.Contains(s[u.start:u.end], " ibn ")
	if patronymic && k+1 < len(toks) && (toks[k].text == "Al" || toks[k].text == "Al-") &&
		isCap(toks[k+1].text) && isWordTok(toks[k+1].text) && !nameStop[toks[k+1].text] {
		k += 2
	}
	return k - j
}

// stretchLineage stretches the person u, read over n tokens at toks[i],
// over its lineage (see lineageTail) and returns the tokens it covers.
func stretchLineage(s string, u *unit, toks []token, i, n int) int {
	if u.kind != kPerson || u.ref == nil {
		return n
	}
	t := lineageTail(s, u, toks, i+n)
	if t == 0 {
		return n
	}
	u.end = toks[i+n+t-1].end
	u.text = s[u.start:u.end]
	return n + t
}
