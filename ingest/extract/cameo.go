package extract

// VerbForms returns the regular forms of an English verb lemma as the
// lexicon generates them: the lemma, 3rd person singular, past (also the
// participle) and -ing form ("ban" → ban, bans, banned, banning). It is
// the one home of these rules for tools that build lexicon files
// (internal/tools/cameoverbs).
func VerbForms(lemma string) []string {
	past := pastTense(lemma)
	return []string{lemma, thirdPerson(lemma), past, gerund(lemma, past)}
}
