package extract

import (
	"regexp"
	"strings"

	"github.com/geokg/geokg/graph"
)

// vetoReportedAccusing drops a participle accusation right after a
// report ("…, X said, accusing Y of"): the reporter accuses (the rule
// before it reads that).
var vetoReportedAccusing = lazyRegexp(`(?:said|says|added|announced|stated) (?:<D\d+> )?, (?:accusing|blaming) `)

// eventRule is a verb pattern for an event predicate. Groups s and o name
// the two sides (coordinated lists allowed); passive rules swap nothing but
// are written with the roles in place. pair rules have only s, a list of at
// least two that relate pairwise.
type eventRule struct {
	pred string
	re   *regexp.Regexp
	base float64
	pair bool
	// veto drops a match whose own text it matches ("planned meeting",
	// "phone talks" for met).
	veto *regexp.Regexp
	// notAfter drops a match when the template right after it matches
	// ("called Zelensky a dictator", "welcomed Trump's decision").
	notAfter *regexp.Regexp
	// deferrable rules name the event as a noun ("talks between", "Modi's
	// visit to"): the rest of the clause may say it has not happened yet.
	deferrable bool
	// people rules hold only between two persons ("attacked").
	people bool
	// notBefore drops a match when the template before its group n (the
	// noun naming the event) matches ("called for talks between").
	notBefore *regexp.Regexp
	// notPossessed drops a match whose subject is a possessed noun, the
	// object of the clause before ("expelled India's envoy and India
	// expelled …" has no subject "envoy and India").
	notPossessed bool
	// domestic (the general coder's events) states the event against the
	// actor's own country when no one else is named (addDomestic).
	domestic bool
	// byActor marks a lexicon phrase whose event of force is fought or
	// attacked by who acts (force.go); a phrase that names its predicate
	// keeps it.
	byActor bool
	// objHeads, for a lexicon phrase with O:(…), are the nouns the object
	// must end in: a country folded with its part ("expelled two Russian
	// diplomats" is Russia, whose diplomats were expelled); with
	// objHeadsNot (O!:(…)) the nouns it may not end in.
	objHeads    map[string]bool
	objHeadsNot bool
	// lemma is a lexicon phrase's verb ("clash"), for the force table's
	// choices by verb; "" for the rules written here.
	lemma string
	// act is the act a plan of it (pred its intent) is of (cand.act).
	act string
	// hosts marks a meeting the subject hosted (cand.hosts).
	hosts bool
}

// objectFits reports whether o is an object the rule takes (objHeads).
func (r *eventRule) objectFits(o *unit) bool {
	if r.objHeads == nil {
		return true
	}
	head := o.lower()
	if k := strings.LastIndexByte(head, ' '); k >= 0 {
		head = head[k+1:]
	}
	return r.objHeads[head] != r.objHeadsNot
}

// Extra strengths of the rules below (see doc.go).
const (
	confBetween = 0.75 // "talks between X and Y"
	confGerund  = 0.8  // "after meeting X", "in a phone call with X"
	confStruck  = 0.8  // "struck a deal with"
)

var (
	// A phone, video or virtual exchange is spoke_with, not met.
	vetoRemote = lazyRegexp(`\b(?:phone|telephone|video|virtual|online)\b`)
	// An event named by a noun that did not take place (yet).
	vetoPlanned = lazyRegexp(`\b(?:no|any|phone|telephone|video|virtual|online|planned|proposed|upcoming|expected|possible|potential|future|scheduled|cancell?ed|postponed|aborted|mooted|hoped-for|prospective|next|forthcoming|anticipated|rumou?red)\b`)
	// "Poland blamed the attack on Ukraine on Russia": "attack on Ukraine" is
	// not what was blamed on Ukraine.
	// vetoEased drops a reading of sanctions that the words before them
	// lift ("agreed to lift the sanctions on Iran" sanctions no one).
	vetoEased   = lazyRegexp(`\b(?:lift|ease|remove|relax|scrap|drop|end|suspend|waive|unfreeze|roll back)\b`)
	vetoBlameOn = lazyRegexp(`\b(?:war|attacks?|strikes?|assaults?|invasion|offensive|sanctions|tariffs|pressure|crackdown|blockade|raids?|bombings?|ban|embargo|shelling|missiles?|drones?|influence|dependence|reliance|stance|position|policy|talks|deal|focus) on <[PCG]\d+>$`)
	// An event named by a noun that is wanted, offered or refused rather
	// than held: "called for talks between", "offered to host talks
	// between", "ruled out direct talks between", "ahead of talks between".
	notBeforeWanted = lazyRegexp(`(?:\b(?:calls?|called|calling|push(?:es|ed|ing)?|press(?:es|ed|ing)?|appeal(?:s|ed|ing)?|hop(?:e|es|ed|ing)|prepar(?:e|es|ed|ing)|preparations?|ready|readiness|way|groundwork|stage|pressure|plea|pleas|demands?) for|\b(?:seek(?:s|ing)?|sought|demand(?:s|ed|ing)?|want(?:s|ed|ing)?|propos(?:e|es|ed|ing)|suggest(?:s|ed|ing)?|urg(?:e|es|ed|ing)|rul(?:e|es|ed|ing) out|reject(?:s|ed|ing)?|refus(?:e|es|ed|ing)|resist(?:s|ed|ing)?|oppos(?:e|es|ed|ing)|back(?:s|ed|ing)?|support(?:s|ed|ing)?|favou?r(?:s|ed|ing)?|welcom(?:e|es|ed|ing)|advocat(?:e|es|ed|ing)|invit(?:e|es|ed|ing)|envisag(?:e|es|ed|ing)|floated|mooted)|\b(?:ahead|prospects?|possibility|chances?|idea|hopes?|offer|proposal|invitation|resumption|revival|call|calls|request) (?:of|for|to)|\bto (?:host|hold|broker|mediate|facilitate|arrange|organi[sz]e|convene|resume|restart|revive|reopen|start|begin|open|launch|join|attend|set up|pave the way for))(?: [a-z\-]+){0,4} $`)
	// "welcomed Trump's decision": the object is a possessor.
	// "received US$ 17 billion" is no meeting either.
	notAfterPossessive = lazyRegexp(`^ (?:'s (?:[a-z]|<[^O])|\$|[0-9])`)
	// "Greek and Bulgarian diplomats held talks with Turkish officials":
	// the sides met the object together, not each other.
	notAfterObject = lazyRegexp(`^ (?:with |<[PCG]\d+>)`)
	// "called Zelensky a dictator" is a name given, not a call.
	notAfterCalled = lazyRegexp(`^ (?:"|'|(?:a|an|the|his|her|their|its|one|'s|as|out|off|names|[a-z]+ly|[a-z]+ (?:and|or) [a-z]+)\b)`)
)

var eventRules = []eventRule{
	// met
	// a meeting one side hosted: PLOVER's CONSULT mode host (cand.hosts)
	{pred: graph.Met, re: compile(`%S% %AUX%%ADV%(?:hosted|hosts|received|receives|welcomed|welcomes|greeted|greets)(?: with)?(?: in (?:the )?<[CL]\d+>)?(?: <D\d+>)? %O%`),
		base: confVerb, veto: vetoRemote, notAfter: notAfterPossessive, hosts: true},
	{pred: graph.Met, re: compile(`%S% %AUX%%ADV%(?:met|meets|held talks with|holds talks with|(?:held|holds|had|has) (?:a |an |their |his |her |its )?(?:[a-z\-]+ ){0,2}(?:meeting|meetings|summit|talks|consultations|discussions) (?:<D\d+> )?with|sat down with|met with|meets with|talked with|shook hands with|shakes hands with|conferred with|confers with|huddled with)(?: with)? %O%`),
		base: confVerb, veto: vetoRemote, notAfter: notAfterPossessive},
	{pred: graph.Met, re: compile(`%O% (?:was|were) (?:hosted|received|welcomed|greeted) by %S%`), base: confVerb, hosts: true},
	// The formulas of protocol: "received in audience X", "granted an
	// audience to X", "received a courtesy call from X" (a visit in
	// person, not a telephone call: the host is the subject), "paid a
	// courtesy call on X" (the visitor is).
	{pred: graph.Met, re: compile(`%S% %AUX%%ADV%(?:received|receives|granted|grants|gave|gives) (?:(?:in|an) )?(?:private |special )?audience (?:to )?%O%`),
		base: confVerb, notAfter: notAfterPossessive, hosts: true},
	{pred: graph.Met, re: compile(`%S% %AUX%%ADV%(?:received|receives) (?:a |an )?(?:[a-z\-]+ )?courtesy (?:call|visit) (?:<D\d+> )?from (?:ambassador |envoy |high commissioner |consul-general )?%O%`),
		base: confVerb, hosts: true},
	{pred: graph.Met, re: compile(`%S% %AUX%%ADV%(?:paid|pays|made|makes) (?:a |an )?(?:[a-z\-]+ )?courtesy (?:call|visit) (?:<D\d+> )?(?:on|to) (?:ambassador |envoy |high commissioner |consul-general )?%O%`),
		base: confVerb},
	{pred: graph.Met, re: compile(`%O% (?:was|were) (?:received in audience|granted an audience) by %S%`), base: confVerb, hosts: true},
	// "Foreign Minister X is in Muscat for talks with Oman's Y": a
	// visit told by where the visitor is and what for.
	{pred: graph.Met, re: compile(`%S% %ADV%(?:is|was|are|were) %ADV%in (?P<where><[CL]\d+>) (?:<D\d+> )?for (?:[a-z\-]+ ){0,2}(?:talks|meetings|a meeting|consultations|discussions) with (?:<C\d+> 's )?%O%`),
		base: confVerb, notAfter: notAfterPossessive},
	{pred: graph.Met, re: compile(`%SS% %AUX%%ADV%(?:met|held talks|sat down|shook hands|conferred|(?:held|had) (?:a |an |the |their )?(?:[a-z\-]+ ){0,2}(?:meeting|meetings|summit|talks|consultations))`),
		base: confVerb, pair: true, veto: vetoRemote, notAfter: notAfterObject},
	{pred: graph.Met, re: compile(`(?:[a-z\-]+ )?(?P<n>meeting|meetings|talks|summit|negotiations)(?: (?:in|at) (?:the )?<[CL]\d+>)? between (?P<s><[PCG]\d+> and <[PCG]\d+>)`),
		base: confBetween, pair: true, veto: vetoPlanned, deferrable: true, notBefore: notBeforeWanted},
	// "Trump's meeting with Putin in Alaska"
	{pred: graph.Met, re: compile(`%S% 's (?:(?:[a-z\-]+|<D\d+>) ){0,2}(?:meeting|talks|summit) with %O%`),
		base: confNominal, veto: vetoPlanned, deferrable: true},
	// "Trump, meeting Rutte in Palm Beach on Friday, praised the alliance"
	{pred: graph.Met, re: compile(`%S% , meeting (?:with )?%O%`), base: confGerund},
	// "Rubio told reporters after meeting Lavrov", "After talks with Modi, Starmer said"
	{pred: graph.Met, re: compile(`%S% (?:[a-z]+ ){0,3}(?:after|following) (?:meeting(?: with)?|talks with|holding talks with|(?:a|his|her|their|its) (?:[a-z\-]+ )?(?:meeting|talks|summit) with) %O%`),
		base: confGerund, veto: vetoRemote},
	{pred: graph.Met, re: compile(`^(?:after|following) (?:meeting(?: with)?|talks with|holding talks with|(?:a|his|her|their|its) (?:[a-z\-]+ )?(?:meeting|talks|summit) with) %O%(?: <D\d+>)?(?: (?:in|at) (?:the )?<[CLX]\d+>)?(?: <D\d+>)? , %S%`),
		base: confGerund, veto: vetoRemote},

	// visited
	{pred: graph.Visited, re: compile(`%S% %AUX%%ADV%(?:visited|visits|is visiting|was visiting|are visiting|were visiting|(?:traveled|travelled|flew) (?:on )?to|arrived in|arrives in|landed in|toured|(?:paid|pays|made|makes) (?:a |an |his |her |their |its )?(?:[a-z\-]+ ){0,2}(?:visit|trip) to) (?:the )?(?P<o><[CLXG]\d+>)`), base: confVerb},
	// "Macron, on a three-day visit to China, met Xi"
	{pred: graph.Visited, re: compile(`%S% (?:, |is |was |are |were )(?:on|during) (?:a |an |his |her |their |its )(?:[a-z\-]+ ){0,3}(?:visit|trip|tour) (?:to|of) (?:the )?(?P<o><[CLX]\d+>)`), base: confVerb},
	// "Petraeus held talks with Suleiman during a visit to Beirut": the
	// visitor is the subject of the sentence ("during his visit" may be
	// the other's).
	{pred: graph.Visited, re: compile(`^%S% [^,;"]*? (?:on|during) (?:a|an) (?:[a-z\-]+ ){0,3}(?:visit|trip|tour) (?:to|of) (?:the )?(?P<o><[CL]\d+>)`), base: confGerund},
	{pred: graph.Visited, re: compile(`^(?:on|during) (?:a |an |his |her |their |its )(?:[a-z\-]+ ){0,3}(?:visit|trip|tour) (?:to|of) (?:the )?(?P<o><[CL]\d+>)(?: <D\d+>)? , %S%`), base: confGerund},
	// "the long-planned visit of Nowak to Norway took place on Tuesday"
	// (told as having taken place: "protested a visit by lawmakers to
	// Taiwan" names what was protested, not that it happened)
	{pred: graph.Visited, re: compile(`(?:visit|trip|tour) (?:of|by) %S% to (?:the )?(?P<o><[CL]\d+>)(?: <D\d+>)? (?:[a-z]+ly )?(?:took place|went ahead|happened|went off|began|started|ended)\b`),
		base: confNominal, veto: vetoPlanned},
	// "during Modi's visit to Washington"
	{pred: graph.Visited, re: compile(`%S% 's (?:(?:[a-z\-]+|<D\d+>) ){0,3}(?:visit|trip|tour) (?:to|of) (?:the )?(?P<o><[CL]\d+>)`),
		base: confNominal, veto: vetoPlanned, deferrable: true},

	// spoke_with
	{pred: graph.SpokeWith, re: compile(`%S% %AUX%%ADV%(?:spoke|spoken|speaks|talked|talks|(?:held|holds|had|has) (?:a |an )?(?:[a-z0-9\-]+ ){0,2}(?:phone|telephone|video) (?:call|talks|conversation|conference)|(?:held|holds|had|has) (?:a |an )?(?:[a-z0-9\-]+ ){0,3}(?:[a-z]+ ' )?(?:phone|telephone|video) (?:talk|talks|call|conversation|conference|meeting)|(?:held|holds|had|has) (?:a |an )?(?:[a-z0-9\-]+ ){0,2}(?:call|conversation|videoconference)|(?:held|had) (?:[a-z\-]+ )?talks (?:by|over the|on the) (?:phone|telephone)) (?:by (?:phone|telephone|video link|video) |on the (?:phone|telephone) |over the (?:phone|telephone) |via video link )?(?:<D\d+> )?(?:with|to) %O%`), base: confVerb,
		notAfter: notAfterPossessive},
	{pred: graph.SpokeWith, re: compile(`%SS% %AUX%%ADV%(?:(?:spoke|spoken|talked) (?:by (?:phone|telephone|video link)|on the (?:phone|telephone)|over the (?:phone|telephone)|by video)|(?:held|had) (?:a |an )?(?:[a-z0-9\-]+ ){0,2}(?:phone|telephone|video) (?:call|talks|conversation))`), base: confVerb, pair: true},
	// "In a call on Wednesday, Lula and Sheinbaum discussed …"
	{pred: graph.SpokeWith, re: compile(`^(?:in|during) (?:a|an|their) (?:[a-z0-9\-]+ ){0,2}(?:call|conversation|phone call|telephone call|video call|videoconference)(?: <D\d+>)? , %SS% %AUX%%ADV%(?:discussed|agreed|talked|spoke|reviewed|exchanged|stressed|said|underlined|underscored|emphasized|emphasised|welcomed|expressed|reaffirmed|noted)\b`),
		base: confGerund, pair: true},
	{pred: graph.SpokeWith, re: compile(`%S% %AUX%%ADV%(?:phoned|called|telephoned|rang|dialled|dialed) %O%`), base: 0.8, notAfter: notAfterCalled},
	{pred: graph.SpokeWith, re: compile(`(?P<n>(?:phone|telephone|video) (?:call|conversation|talks)) between (?P<s><[PCG]\d+> and <[PCG]\d+>)`),
		base: confBetween, pair: true, deferrable: true, notBefore: notBeforeWanted},
	// "Macron discussed Ukraine in a phone call with Starmer"
	{pred: graph.SpokeWith, re: compile(`%S% %AUX%%ADV%(?:discussed|raised|talked about|stressed|agreed|said|told)(?: (?:[a-z\-]+|<[CGX]\d+>|'s)){0,6}? (?:in|during) (?:a|an) (?:[a-z\-]+ )?(?:phone |telephone |video )?(?:call|conversation) with %O%`), base: confGerund},
	// "In a phone call with Scholz on Friday, Biden said"
	{pred: graph.SpokeWith, re: compile(`^(?:in|during) (?:a |an |their |his |her |its )?(?:[a-z\-]+ ){0,2}(?:call|conversation) with %O%(?: <D\d+>)? , %S%`), base: confGerund},
	{pred: graph.SpokeWith, re: compile(`%S% 's (?:(?:[a-z\-]+|<D\d+>) ){0,2}(?:phone |telephone |video )?(?:call|conversation) with %O%`),
		base: confNominal, veto: lazyRegexp(`\b(?:planned|proposed|upcoming|expected|possible|scheduled)\b`), deferrable: true},

	// criticized
	{pred: graph.Criticized, re: compile(`%S% %AUX%%ADV%(?:criticized|criticised|criticizes|criticises|slammed|slams|condemned|condemns|denounced|denounces|rebuked|rebukes|blasted|blasts|lambasted|lambastes|berated|chided|castigated|scolded|assailed|assails|excoriated|censured|reprimanded|chastised|admonished|upbraided|derided|mocked|ridiculed|lashed out at|lashes out at|hit out at|hits out at|railed against|rails against|took aim at|takes aim at|took a swipe at|takes a swipe at) %O%`), base: confVerb},
	{pred: graph.Criticized, re: compile(`%PS% %AUX%%ADV%(?:attacked|attacks) (?P<o><P\d+>)`), base: confVerb, people: true},
	// "Beijing protested to Canberra over …": an official protest made to
	// a country or an organization (CAMEO 114, PLOVER DISAPPROVE), not a
	// demonstration; the addressee is a government, never a person. A
	// protest to one over another's act ("protested to the UN over
	// Togo's raids") is the other's criticism, the coder's to read.
	{pred: graph.Criticized, re: compile(`%S% %AUX%%ADV%(?:protested|protests) (?:formally |strongly )?to (?:the )?(?P<o><[CG]\d+>)`), base: confVerb,
		notAfter: lazyRegexp(`^(?: <D\d+>)? (?:over|about|against) (?:the )?<[CGP]\d+> 's`)},
	{pred: graph.Criticized, re: compile(`%O% (?:was|were|has been|have been|had been|is being|are being) %ADV%(?:criticized|criticised|condemned|slammed|denounced|rebuked|blasted|lambasted|assailed|censured|chided|castigated|berated|excoriated|reprimanded|mocked) by %S%`), base: confVerb},
	{pred: graph.Criticized, re: compile(`%O% (?:came|comes|has come|have come|had come) under (?:[a-z]+ )?criticism from %S%`), base: confVerb},
	{pred: graph.Criticized, re: compile(`%O% (?:came|comes|has come|have come|had come) under (?:[a-z]+ )?fire from %PS%`), base: confVerb},
	{pred: graph.Criticized, re: compile(`%O% (?:drew|draws|has drawn|have drawn|faced|faces|has faced|have faced|had faced|earned) (?:[a-z]+ ){0,2}(?:criticism|condemnation|rebuke|rebukes|censure) from %S%`), base: confVerb},
	{pred: graph.Criticized, re: compile(`%S% 's (?:[a-z\-]+ ){0,2}(?:criticism|criticisms|condemnation|rebuke|attacks) (?:of|on) %O%`), base: confNominal},

	// accused
	{pred: graph.Accused, re: compile(`%S% %AUX%%ADV%(?:accused|accuses) %O% of`), base: confVerb},
	{pred: graph.Accused, re: compile(`%S% %AUX%%ADV%(?:blamed|blames) %O% for`), base: confVerb},
	// An accusation told as a participle of the clause before: "Somalia
	// criticised the pact, accusing Ethiopia of interfering"; after a
	// report, the one reporting accuses ("…, the Congolese government
	// said, accusing Kigali of backing the rebels").
	{pred: graph.Accused, re: compile(`(?:^|, )(?:the )?%S% (?:said|says|added|announced|stated) (?:<D\d+> )?, (?:accusing|blaming) (?:the )?%O% (?:of|for)`), base: confGerund},
	{pred: graph.Accused, re: compile(`%S% [^;]*?, (?:accusing|blaming) (?:the )?%O% (?:of|for)`), base: confGerund, veto: vetoReportedAccusing},
	// "Poland blamed the sabotage on Russia"
	{pred: graph.Accused, re: compile(`%S% %AUX%%ADV%(?:blamed|blames) (?:(?:[a-z0-9\-]+|<D\d+>|<[LX]\d+>) ){1,5}?on (?P<o><[PCG]\d+>)`), base: confVerb, veto: vetoBlameOn},
	{pred: graph.Accused, re: compile(`%S% %AUX%%ADV%(?:held|holds) %O% responsible for`), base: confVerb},
	{pred: graph.Accused, re: compile(`%S% %AUX%%ADV%(?:pointed|points) the finger at %O%`), base: confVerb},
	{pred: graph.Accused, re: compile(`%O% (?:was|were|has been|have been|had been) %ADV%(?:accused|blamed) by %S%`), base: confVerb},

	// threatened
	{pred: graph.Threatened, re: compile(`%S% %AUX%%ADV%(?:threatened|threatens) (?:<D\d+> )?(?:to (?:[a-z\-]+ ){1,5}(?:on|against|with|from) (?:the )?)?%O%`), base: confVerb},
	// "threatened further action against Russia", "threatened tariffs on Canada"
	{pred: graph.Threatened, re: compile(`%S% %AUX%%ADV%(?:threatened|threatens) (?:<D\d+> )?(?:[a-z0-9\-%\.]+ ){0,3}(?:action|actions|measures|countermeasures|retaliation|reprisals|consequences|force|war|strikes|tariffs|duties|levies|sanctions) (?:on|against) (?:the )?%O%`), base: confVerb},
	// "threatened to annihilate South Korea", "threatened to strike Kyiv"
	{pred: graph.Threatened, re: compile(`%S% %AUX%%ADV%(?:threatened|threatens) to (?:[a-z]+ )?(?:attack|annihilate|destroy|strike|invade|punish|retaliate against|hit|bomb|blockade|sanction|expel|sue|crush|target|obliterate|wipe out|isolate) (?:the )?%O%`), base: confVerb},
	{pred: graph.Threatened, re: compile(`%O% (?:was|were|has been|have been) %ADV%threatened by %S%`), base: confVerb},
	// "warned Japan of consequences", "warned Moscow that it would pay a price"
	{pred: graph.Threatened, re: compile(`%S% %AUX%%ADV%(?:warned|warns) %O% (?:of|about) (?:[a-z\-]+ ){0,3}(?:consequences|retaliation|reprisals|repercussions|response|countermeasures|punishment|war|strikes|force)`), base: confVerb},
	{pred: graph.Threatened, re: compile(`%S% %AUX%%ADV%(?:warned|warns) %O% (?:that )?(?:it |they |<[PCG]\d+> )?(?:would|will|could) (?:face|pay|suffer|be punished|regret)`), base: confVerb},
	{pred: graph.Threatened, re: compile(`%S% %AUX%%ADV%(?:warned|warns) (?:<D\d+> )?that %O% (?:would|will|could) (?:face|pay|suffer|be punished|regret)`), base: confVerb},
	{pred: graph.Threatened, re: compile(`%S% %AUX%%ADV%(?:issued|issues|delivered|sent) (?:a |an )?(?:[a-z\-]+ ){0,2}(?:ultimatum|threat|threats) to %O%`), base: confVerb},
	{pred: graph.Threatened, re: compile(`%S% %AUX%%ADV%(?:vowed|vows) to (?:retaliate against|punish|hit back at|strike back at) (?:the )?%O%`), base: confVerb},
	{pred: graph.Threatened, re: compile(`%S% %AUX%%ADV%(?:vowed|vows) to make %O% pay`), base: confVerb},

	// sanctioned
	{pred: graph.Sanctioned, re: compile(`%S% %AUX%%ADV%sanctions %O%`), base: confVerb},
	// "sanctioned Russian oil producers Rosneft and Lukoil"
	{pred: graph.Sanctioned, re: compile(`%S% %AUX%%ADV%(?:sanctioned|blacklisted|blacklists) (?:<C\d+> )?(?:%W% ){0,2}%O%`), base: confVerb},
	{pred: graph.Sanctioned, re: compile(`%S% %AUX%%ADV%(?:imposed|imposes|announced|announces|adopted|adopts|approved|approves|unveiled|unveils|slapped|slaps|levied|introduced|extended|expanded|passed|placed|agreed|rolled out|hit) (?:(?:[a-z0-9\-]+|<[CG]\d+>|'s) ){0,6}?(?:sanctions|embargo|embargoes) (?:package |packages )?(?:on|against|targeting) (?:the )?%O%`), base: confVerb,
		veto: vetoEased},
	{pred: graph.Sanctioned, re: compile(`%S% %AUX%%ADV%(?:targeted|targets|hit|hits|slapped|slaps|struck) %O% with (?:(?:[a-z0-9\-]+|<[CG]\d+>) ){0,3}(?:sanctions|embargo|embargoes|asset freezes)`), base: confVerb},
	{pred: graph.Sanctioned, re: compile(`%O% (?:was|were|has been|have been|had been) %ADV%sanctioned by %S%`), base: confVerb},
	{pred: graph.Sanctioned, re: compile(`%O% (?:was|were|has been|have been|had been) %ADV%(?:hit|targeted|slapped) with (?:(?:[a-z0-9\-]+|<[CG]\d+>) ){0,3}(?:sanctions|embargo|embargoes) by %S%`), base: confVerb},
	{pred: graph.Sanctioned, re: compile(`(?:sanctions|embargo|embargoes) (?:(?:were|was|have been|has been|had been) )?%ADV%(?:imposed|placed|slapped|levied) (?:on|against) (?:the )?%O% (?:<D\d+> )?by %S%`), base: confVerb},

	// signed_agreement
	{pred: graph.SignedAgreement, re: compile(`%S% %AUX%%ADV%(?:signed|signs|inked|inks|concluded|sealed|initialled|initialed|initials|countersigned|countersigns) (?:(?:[a-z0-9\-]+|<[CG]\d+>|'s) ){0,6}?(?:agreement|agreements|arrangement|deal|treaty|accord|pact|memorandum|declaration|partnership|protocol|convention|statement|communique) (?:(?:[a-z0-9\-]+) ){0,4}?with (?:the )?%O%`), base: confVerb},
	{pred: graph.SignedAgreement, re: compile(`%SS% %AUX%%ADV%(?:signed|sign|inked|ink|concluded|sealed|initialled|initialed|initial|countersigned|countersign) (?:(?:[a-z0-9\-]+|<[CG]\d+>|'s) ){0,6}?(?:agreement|arrangement|deal|treaty|accord|pact|memorandum|declaration|statement|communique|partnership|protocol|convention)`), base: confVerb, pair: true},
	// "the two heads of state witnessed the signing of more than 20
	// cooperation documents": the state agencies' formula for leaders
	// whose ministers sign in their presence (CAMEO 057 between them).
	{pred: graph.SignedAgreement, re: compile(`%SS% %AUX%%ADV%(?:witnessed|witness|witnesses|oversaw|oversee|oversees) the signing of (?:(?:[a-z0-9\-]+|<[CG]\d+>|'s) ){0,6}?(?:agreements?|documents?|deals?|treaty|treaties|accords?|pacts?|memorand(?:a|um|ums)|declarations?|protocols?|conventions?|contracts?)\b`), base: confVerb, pair: true},
	{pred: graph.SignedAgreement, re: compile(`%S% %AUX%%ADV%(?:struck|strikes|clinched|clinches|finalized|finalised) (?:(?:[a-z0-9\-]+|<[CG]\d+>|'s) ){0,6}?(?:agreement|deal|treaty|accord|pact) (?:(?:[a-z0-9\-]+) ){0,4}?with (?:the )?%O%`), base: confStruck},
	{pred: graph.SignedAgreement, re: compile(`%SS% %AUX%%ADV%(?:struck|clinched|finalized|finalised) (?:(?:[a-z0-9\-]+|<[CG]\d+>|'s) ){0,6}?(?:agreement|deal|treaty|accord|pact)`), base: confStruck, pair: true},
	// "The accord was signed by Japan and India"
	{pred: graph.SignedAgreement, re: compile(`(?:agreement|deal|treaty|accord|pact|memorandum|declaration|statement|communique)(?: [a-z0-9\-]+){0,4}?(?: ,)? (?:was |were |has been |had been )?%ADV%(?:signed|inked|concluded|sealed) (?:(?:<D\d+>|(?:in|at) (?:the )?<[CL]\d+>) ){0,2}by %SS%`), base: confVerb, pair: true},
	{pred: graph.SignedAgreement, re: compile(`(?:signed|inked|concluded|sealed) (?:<D\d+> )?between (?P<s><[PCG]\d+> and <[PCG]\d+>)`), base: confVerb, pair: true},

	// nominated_as
	// "named" and "chose" appoint unless appoint.go says otherwise (reChangeObj reads them).
	{pred: graph.NominatedAs, re: compile(`%S% %AUX%%ADV%(?P<v>nominated|picked|tapped|chose|selected|named|designated)(?: <D\d+>)? (?:(?:retired|former|veteran|career|senior|longtime) (?:[a-z\-]+ ){1,2})?%PO%(?: <D\d+>)? (?:(?:as|for|to be|to serve as|to lead|to head|to become) )?(?:the |his |her |their |its )?(?:(?:the country|the nation|<C\d+>) 's )?(?P<nom>(?:nominee|candidate|pick|choice) (?:for|as) (?:the )?)?(?:(?:post|position|role|job) of (?:the )?)?(?:next |new )?%OFF%`), base: confNominate},
	{pred: graph.NominatedAs, re: compile(`%S% %AUX%%ADV%(?:announced|unveiled|put forward|proposed|presented) %PO% as (?:his |her |their |its )?(?:pick|choice|nominee|candidate) (?:for|as) (?:the )?(?:(?:post|position|role|job) of (?:the )?)?(?:next |new )?%OFF%`), base: confNominate},
	{pred: graph.NominatedAs, re: compile(`%PO% (?:was|has been|had been) (?:nominated|picked|tapped|chosen|selected|designated) (?:by <[PCG]\d+> )?(?:as|for|to be|to serve as|to become) (?:the )?(?:(?:post|position|role|job) of (?:the )?)?(?:next |new )?%OFF%`), base: confNominate},
}
