package extract

import (
	"github.com/geokg/geokg/graph"
)

var (
	// A figure, with the "of GDP" that makes it a spending target.
	rePercent   = lazyRegexp(`(?i)(\d+(?:\.\d+)?)\s?(?:%|percent|per cent)( of (?:its |their |national |the )?(?:GDP|gross domestic product|economic output))?`)
	reTargetCue = foldCompile(`(?i)\b(?:target|targets|goal|goals|benchmark|guideline|threshold|commitment|pledge|aim|spending floor)\b`)
	reTargetSet = lazyRegexp(`(?i)\b(?:set|sets|raised|raises|agreed|agrees|adopted|adopts|lifted|lifts|increased|increases|endorsed|approved|boosted|committed|pledged|doubled|lowered|reduced|revised|hiked|upped|replaced|replacing)\b`)
	// A figure that a change leaves behind: "from 2%", "up from 2%",
	// "replacing the previous goal of 2%", "instead of 2%". Only read when
	// the sentence also states the figure that replaces it.
	reOldIfNew = lazyRegexp(`(?i)(?:\bfrom|\breplac(?:ing|es|ed)(?: (?:the|its|their|a|an))?(?:(?: [\w\-']+){0,5}? of)?|\bsupersed(?:ing|es|ed)(?: (?:the|its|their))?(?:(?: [\w\-']+){0,5}? of)?|\binstead of|\brather than)\s*$`)
	// "the previous goal of 2%", "its old target of 2% of GDP": over even
	// when the new figure is not stated.
	reOldAlways = lazyRegexp(`(?i)\b(?:previous|old|former|earlier|prior|outgoing|original|superseded)(?: [\w\-']+){0,3}? (?:target|goal|benchmark|guideline|threshold|commitment|pledge|aim|floor) of\s*$`)
	// A bare figure ("to 3.5%") is a target only as the other end of a change.
	reNewBare = lazyRegexp(`(?i)\bto\s*$`)
)

// targetFig is one figure of a target sentence.
type targetFig struct {
	loc  [2]int
	val  string
	old  bool
	bare bool // without "of GDP"
}

// readTarget finds "N% of GDP" targets and gives them to the organization
// (else country) named closest before the figure. A figure the sentence
// says was replaced ("up from 2%", "from 2% to 3.5%", "replacing the
// previous goal of 2%") is stated as ended, and its end is the start of
// the new figure when that is dated.
func (d *doc) readTarget(units []*unit, st *sentence, sentIdx int) {
	if !reTargetCue.MatchString(st.text) {
		return
	}
	locs := rePercent.FindAllStringSubmatchIndex(st.text, -1)
	gdp := false
	for _, loc := range locs {
		gdp = gdp || loc[4] >= 0
	}
	if !gdp {
		return
	}
	var figs []targetFig
	hasNew := false
	for _, loc := range locs {
		before := st.text[:loc[0]]
		f := targetFig{loc: [2]int{loc[0], loc[1]}, val: st.text[loc[2]:loc[3]] + "% of GDP", bare: loc[4] < 0}
		switch {
		case reOldAlways.MatchString(before):
			f.old = true
		case reOldIfNew.MatchString(before):
			f.old = true
		case loc[4] < 0 && !reNewBare.MatchString(before):
			continue // "3.5% for core defence"
		}
		if !f.old {
			hasNew = true
		}
		figs = append(figs, f)
	}
	var first *cand // the first new figure: the old ones end where it starts
	var olds []*cand
	for _, f := range figs {
		if f.old && !hasNew && !reOldAlways.MatchString(st.text[:f.loc[0]]) {
			if f.bare {
				continue
			}
			f.old = false // "from 2% of GDP" with no new figure: not a change
		}
		c := &cand{pred: graph.HasTarget, obj: &ref{graph.Value, f.val, 1}, objText: st.text[f.loc[0]:f.loc[1]],
			base: confNominal, sent: st, sentIdx: sentIdx, bound: boundNone}
		if owner := targetOwner(units, f.loc[0]); owner != nil {
			c.subj, c.subjText, c.span = owner.ref, owner.text, [2]int{owner.start, f.loc[1]}
		} else if prev := d.lastTarget(); prev != nil {
			// "The previous target of 2% of GDP had been in place since 2014."
			c.subj, c.span = &ref{prev.subj.typ, prev.subj.name, prev.subj.conf * confPronoun}, [2]int{f.loc[0], f.loc[1]}
		} else {
			continue
		}
		if f.old {
			c.bound, c.ended = boundEnd, true
			olds = append(olds, c)
			continue
		}
		// "NATO leaders on Wednesday agreed to lift the alliance's goal to 5%":
		// the verb may come before the owner's last mention.
		if reTargetSet.MatchString(st.text[:f.loc[0]]) || len(olds) > 0 || oldAfter(figs, f) {
			c.bound = boundStart
		}
		d.add(c)
		if first == nil {
			first = c
		}
	}
	for _, c := range olds {
		if first != nil {
			if c.subj.name != first.subj.name {
				c.subj, c.subjText = first.subj, first.subjText
			}
			c.link = first
		} else {
			c.bound = boundRange // "the previous target ... had been in place since 2014"
		}
		d.add(c)
	}
}

// lastTarget is the article's last has_target statement, or nil.
func (d *doc) lastTarget() *cand {
	for k := len(d.cands) - 1; k >= 0; k-- {
		if d.cands[k].pred == graph.HasTarget {
			return d.cands[k]
		}
	}
	return nil
}

// oldAfter reports whether a figure the change replaced follows f.
func oldAfter(figs []targetFig, f targetFig) bool {
	for _, g := range figs {
		if g.old && g.loc[0] > f.loc[0] {
			return true
		}
	}
	return false
}

// targetOwner is the organization (else country) named closest before at.
func targetOwner(units []*unit, at int) *unit {
	var owner *unit
	for _, u := range units {
		if u.start >= at {
			break
		}
		if (u.kind == kOrg || u.kind == kCountry) && !u.demonym {
			if owner == nil || u.kind == kOrg || owner.kind != kOrg {
				owner = u
			}
		}
	}
	return owner
}
