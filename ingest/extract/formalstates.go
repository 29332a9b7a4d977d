package extract

// A state's formal name, as official readouts and communiqués write it
// ("the Minister of Foreign Affairs of the Federal Republic of Somalia",
// "H.M. King Abdullah II of the Hashemite Kingdom of Jordan", "the Lao
// People's Democratic Republic"), is the country itself. A formal name
// the gazetteer lists as its own alias ("Republic of Korea", "Democratic
// People's Republic of Korea", "Republic of the Congo") is read from the
// gazetteer first, so two states one formal word tells apart stay apart.

// stateForms are the words that qualify a state's form before its head
// ("Federal Republic", "Hashemite Kingdom", "People's Democratic").
var stateForms = toSet("Federal Federative Islamic Democratic Socialist Arab Hashemite United Plurinational Bolivarian Oriental Cooperative Co-operative Independent")

// stateHeads name a state's form ("Republic of", "Kingdom of", "State of").
var stateHeads = toSet("Republic Kingdom Sultanate State Emirate Principality Commonwealth Federation")

// stateFormRun returns the number of tokens from toks[i] that are a state's
// form and head ("Federal Republic", "People's Democratic Republic"), 0
// when toks[i] starts none.
func stateFormRun(toks []token, i int) int {
	j := i
	for j < len(toks) {
		t := toks[j].text
		switch {
		case stateForms[t]:
			j++
		case t == "People" && j+1 < len(toks) && toks[j+1].text == "'s":
			j += 2
		case stateHeads[t]:
			if t == "State" && j > i {
				return 0 // "the Islamic State of Iraq" is no state's name
			}
			return j + 1 - i
		default:
			return 0
		}
	}
	return 0
}

// formalStateAt reads a state's formal name at toks[i] ("Federal Republic
// of Somalia", "Kingdom of Saudi Arabia") the gazetteer does not list
// whole: the form, "of", an optional "the" and a country the gazetteer
// names. It returns that country's unit stretched over the whole name and
// the tokens read, or nil.
func (d *doc) formalStateAt(s string, toks []token, i, sentIdx int) (*unit, int) {
	if !isCap(toks[i].text) {
		return nil, 0
	}
	n := stateFormRun(toks, i)
	if n == 0 || i+n >= len(toks) || toks[i+n].text != "of" {
		return nil, 0
	}
	if g, m := d.matchGazetteer(s, toks, i, sentIdx); g != nil && m > n {
		return nil, 0 // "the Democratic Republic of Congo": the gazetteer's own
	}
	k := i + n + 1
	if k < len(toks) && toks[k].text == "the" {
		k++
	}
	if k >= len(toks) {
		return nil, 0
	}
	u, m := d.matchGazetteer(s, toks, k, sentIdx)
	if u == nil || u.kind != kCountry || u.demonym || u.sector != "" {
		return nil, 0
	}
	u.start = toks[i].start
	u.text = s[u.start:u.end]
	// "The Kingdom of Norway confirmed …": the state so named acts
	// through its government, as a communiqué means it.
	u.sector = "GOV"
	return u, k + m - i
}

// formalStateTail returns the number of tokens after a country's name or
// adjective ending at toks[j-1] that finish its formal name ("Lao|
// People's Democratic Republic", "Syrian| Arab Republic", "Russian|
// Federation"): a form and head not followed by "of", nor a one-word
// head by another capitalized word ("the Russian Federation Council" is
// a body).
func formalStateTail(toks []token, j int) int {
	n := stateFormRun(toks, j)
	if n == 0 {
		return 0
	}
	if k := j + n; k < len(toks) && (toks[k].text == "of" || n == 1 && isCap(toks[k].text) && isWordTok(toks[k].text)) {
		// A longer form ends the state's name even before a capital:
		// "the Lao People's Democratic Republic Thongsavanh Phomvihane".
		return 0
	}
	return n
}

// formalStateName reports whether the n tokens at toks[i] are a state's
// formal name ("Republic of Korea", "the Islamic Republic of Iran"): one
// so named ends there even before a capitalized word ("the Minister of
// Foreign Affairs of the Republic of Korea Cho Hyun"), which a shorter
// name would run into ("Washington Post").
func formalStateName(toks []token, i, n int) bool {
	if n < 3 {
		return false
	}
	if toks[i].text == "the" || toks[i].text == "The" {
		i, n = i+1, n-1
	}
	m := stateFormRun(toks, i)
	return m > 0 && m < n && toks[i+m].text == "of"
}

// afterStateOf reports whether toks[i] follows a state's form and "of"
// ("the Islamic Republic of| Pakistan Muhammad Shehbaz Sharif"): the
// country's name ends the formal name there.
func afterStateOf(toks []token, i int) bool {
	k := i - 1
	if k >= 0 && toks[k].text == "the" {
		k--
	}
	return k >= 1 && toks[k].text == "of" && stateHeads[toks[k-1].text]
}

// afterTitleOf reports whether toks[i] follows a minister's or an
// envoy's title written in capitals and "of" ("Minister of National
// Defence of| Portugal Nuno Matos", "Minister of Foreign Affairs of|
// Japan Hana Morikawa") and the capitalized words after the country's
// name, two to four and no body's word, end there: a name, the
// holder's, not more of the country's ("Chairman of China Development
// Bank", "President of Georgia Tech Angel Cabrera" stay names).
func afterTitleOf(toks []token, i, n int) bool {
	if i < 2 || toks[i-1].text != "of" {
		return false
	}
	title := false
	for k := i - 2; k >= 0 && k >= i-6; k-- {
		t := toks[k].text
		if ministerTitles[t] {
			title = true
			break
		}
		if !isCap(t) && t != "of" && t != "and" && t != "for" || !isWordTok(t) {
			return false
		}
	}
	if !title {
		return false
	}
	w := 0
	for k := i + n; k < len(toks) && isCap(toks[k].text) && isWordTok(toks[k].text); k++ {
		if orgWords[toks[k].text] || titleHeads[toks[k].text] {
			return false
		}
		w++
	}
	return w >= 2 && w <= 4
}

// ministerTitles head the titles afterTitleOf reads.
var ministerTitles = toSet("Minister Ministers Secretary Ambassador Envoy")
