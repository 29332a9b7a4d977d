package extract

import "strings"

// The styles and name forms of official readouts: courtesies of
// monarchs and Gulf royals, Arabic names read in full, Japan's foreign
// ministry's family names in capitals, a given name written before a
// listed name.

// styleWords are the courtesies "his" or "her" begins ("His Royal
// Highness", "Her Majesty", "His Excellency").
var styleWords = toSet("highness majesty holiness royal excellency")

// dropStyleOpener removes the "his" or "her" ending units when the
// person u, read from toks[i], was written after a style the name's
// reading skipped ("His| Majesty Sultan Haji Hassanal Bolkiah").
func dropStyleOpener(units []*unit, toks []token, i int, u *unit) []*unit {
	n := len(units)
	if n == 0 || units[n-1].kind != kWord || units[n-1].lower() != "his" && units[n-1].lower() != "her" {
		return units
	}
	for k := i; k < len(toks) && toks[k].start < u.start; k++ {
		if styleWords[strings.ToLower(toks[k].text)] {
			u.start = units[n-1].start
			return units[:n-1]
		}
	}
	return units
}

// royalCourtesy reports whether toks[j] is a courtesy of royalty only
// here: "Royal" of "Royal Highness", a monarch's title after "His
// Majesty" or "His Highness", and "Prince" or "Princess" before
// a name in the Arabic form ("Prince Faisal bin Farhan"), whose title
// the Gulf's readouts always write; "Prince Harry" keeps his.
func royalCourtesy(toks []token, j int) bool {
	switch toks[j].text {
	case "Royal":
		return j+1 < len(toks) && toks[j+1].text == "Highness"
	case "Sultan", "King", "Queen", "Emir", "Amir":
		// "His Majesty Sultan Haji Hassanal Bolkiah": after the style,
		// the monarch's title ("Sultan Al Jaber" is a given name).
		k := j - 1
		if k > 0 && toks[k].text == "the" {
			k-- // "His Highness the Amir Sheikh Tamim"
		}
		return k >= 0 && (toks[k].text == "Majesty" || toks[k].text == "Highness" || toks[k].text == "HH" || toks[k].text == "H.H.")
	case "Prince", "Princess":
		k := j + 1
		if k < len(toks) && isCap(toks[k].text) && isWordTok(toks[k].text) {
			k++
			return k+1 < len(toks) && arabicLink[toks[k].text] && isCap(toks[k+1].text)
		}
	}
	return false
}

// romanNumeral are the numerals that follow a name or a title ("Abdullah
// II", "Minister of Foreign Affairs II").
var romanNumeral = toSet("II III IV VI VII VIII IX XI XII")

// familyAl is a Gulf family's name written with its hyphen ("Al-Thani").
var familyAl = lazyRegexp(`^Al-\p{Lu}\p{Ll}+$`)

// arabicLink are the words of descent in an Arabic name ("bin Zayed").
var arabicLink = toSet("bin ibn bint Bin Ibn")

// arabicNameTail returns the number of tokens at toks[j] that go on an
// Arabic name the gazetteer lists shorter: more of its line of descent
// and the family's name ("Mohamed bin Zayed| Al Nahyan", "Mohammed bin
// Salman| bin Abdulaziz Al Saud", "Abdullah II| bin Al Hussein").
func arabicNameTail(toks []token, j int) int {
	k := j
	for k+1 < len(toks) && arabicLink[toks[k].text] {
		m := k + 1
		if toks[m].text == "Al" && m+1 < len(toks) {
			m++
		}
		if !isCap(toks[m].text) || !isWordTok(toks[m].text) {
			break
		}
		k = m + 1
	}
	if k+1 < len(toks) && toks[k].text == "Al" && isCap(toks[k+1].text) && isWordTok(toks[k+1].text) && !calendarWords[toks[k+1].text] {
		k += 2
	} else if k < len(toks) && familyAl.MatchString(toks[k].text) {
		k++ // "Tamim bin Hamad| Al-Thani"
	}
	return k - j
}

// givenBeforeListed returns the person the gazetteer lists under a name
// of more than one word starting at toks[i+1] when toks[i] is a given
// name ("Muhammad| Shehbaz Sharif"), stretched over it, and the number
// of tokens read; nil otherwise.
func (d *doc) givenBeforeListed(s string, toks []token, i, sentIdx int) (*unit, int) {
	if i+2 >= len(toks) || !isCap(toks[i].text) || d.g.given[toks[i].text] == 0 || d.g.first[d.lows[i+1]] < 2 {
		return nil, 0
	}
	u, n := d.listedPersonAt(s, toks, i+1, sentIdx)
	if u == nil || u.kind != kPerson {
		return nil, 0
	}
	u.start = toks[i].start
	u.text = s[u.start:u.end]
	return u, n + 1
}

// capsSurnameFirst returns the name of words written family name first in
// capitals after a courtesy title, as Japan's foreign ministry writes
// names ("Mr. IWAYA Takeshi", "H.E. Ms. KAMIKAWA Yoko"), in the order the
// name is written elsewhere ("Takeshi Iwaya"); else name.
func capsSurnameFirst(words []string, name string) string {
	if len(words) != 2 || len(words[0]) < 3 || strings.ToUpper(words[0]) != words[0] || strings.ToUpper(words[1]) == words[1] {
		return name
	}
	fam := words[0][:1] + strings.ToLower(words[0][1:])
	return words[1] + " " + fam
}
