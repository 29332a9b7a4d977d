package simworld

import (
	"math/rand/v2"
	"sort"
	"time"
)

// Options size a world. Zero fields take their defaults.
type Options struct {
	// Articles is how many articles WriteArticles writes (default 1000).
	Articles int
	// Countries is how many countries the world holds, at most the
	// number the package knows (default all, 61).
	Countries int
	// From and To bound the publication dates (default 2016-01-01 to
	// 2025-12-31); terms and memberships begin years before From.
	From, To time.Time
	// EventsPerArticle is how many events each article reports (default
	// 1: its lead only). An article of N reports, besides its lead, N-1
	// new events of the week before it was published (meetings, calls,
	// visits, statements between the holders of their day), as a day's
	// round-up does, so that the facts grow with the articles as they do
	// in news; the default world is the one the figures of earlier
	// releases were measured on.
	EventsPerArticle int
}

// World is one simulated world and the articles written about it.
type World struct {
	seed      uint64
	opts      Options
	countries []country
	truth     Truth
	plans     []plan
	rendered  bool
}

// plan is one article before it is written: what it leads with, when it
// is published and the seed of its wording.
type plan struct {
	id        string
	published time.Time
	lead      lead
	seed      uint64
	// extra are the indexes in Truth.Events of the further events the
	// article reports (Options.EventsPerArticle).
	extra []int
}

// lead is what an article is about: an event, a change of holder, a
// country joining an organization or a changed target.
type lead struct {
	kind  string // "event", "succession", "appointment", "join", "target"
	event int    // index in Truth.Events, for "event"
	term  int    // index in Truth.Terms, for "succession" and "appointment"
	join  int    // index in Truth.Memberships
	tgt   int    // index in Truth.Targets
	date  time.Time
}

// day is midnight UTC of t's date.
func day(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// New builds the world of seed with opts; the same seed and options give
// the same world and the same articles.
func New(seed uint64, opts Options) *World {
	if opts.Articles <= 0 {
		opts.Articles = 1000
	}
	if opts.Countries <= 0 || opts.Countries > len(countries) {
		opts.Countries = len(countries)
	}
	if opts.From.IsZero() {
		opts.From = time.Date(2016, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	if opts.To.IsZero() {
		opts.To = time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC)
	}
	opts.From, opts.To = day(opts.From), day(opts.To)
	w := &World{seed: seed, opts: opts, countries: countries[:opts.Countries]}
	r := rand.New(rand.NewPCG(seed, 0x5eed))
	names := newNamer(r)
	w.genTerms(r, names)
	w.genMemberships(r)
	w.genTargets(r)
	w.genPlans(r)
	return w
}

// randDay returns a day in [from, to).
func randDay(r *rand.Rand, from, to time.Time) time.Time {
	n := int(to.Sub(from).Hours() / 24)
	if n <= 0 {
		return from
	}
	return from.AddDate(0, 0, r.IntN(n))
}

// genTerms fills the terms of every head of government, minister and
// organization head, one after another from before From to past To.
func (w *World) genTerms(r *rand.Rand, names *namer) {
	origin := w.opts.From.AddDate(-4, 0, 0)
	chain := func(of, role string, minDays, spread int, pick func(start time.Time) string) {
		t := origin.AddDate(0, 0, -r.IntN(1500))
		for t.Before(w.opts.To) {
			end := t.AddDate(0, 0, minDays+r.IntN(spread))
			term := Term{Person: pick(t), Of: of, Role: role, Start: t, End: end}
			if !end.Before(w.opts.To) {
				term.End = time.Time{}
			}
			w.truth.Terms = append(w.truth.Terms, term)
			t = end
		}
	}
	fresh := func(time.Time) string { return names.next() }
	for _, c := range w.countries {
		for _, h := range c.heads {
			chain(c.name, h, 700, 2000, fresh)
		}
		for _, m := range ministries {
			chain(c.name, m.office, 400, 1400, fresh)
		}
	}
	used := map[string]bool{}
	for _, o := range orgs {
		if o.head == "" {
			continue
		}
		// Half the heads of an organization are former heads of
		// government, as secretaries general often are.
		chain(o.name, o.head, 1000, 1000, func(start time.Time) string {
			if r.IntN(2) == 0 {
				var former []string
				for _, t := range w.truth.Terms {
					if t.isCountryHead(w) && !t.End.IsZero() && t.End.Before(start) && !used[t.Person] {
						former = append(former, t.Person)
					}
				}
				if len(former) > 0 {
					p := former[r.IntN(len(former))]
					used[p] = true
					return p
				}
			}
			return names.next()
		})
	}
}

// isCountryHead reports whether t is a term of a country's head of
// government.
func (t Term) isCountryHead(w *World) bool {
	for _, c := range w.countries {
		if c.name == t.Of {
			return !t.Post()
		}
	}
	return false
}

// eligible reports whether country c may belong to organization o.
func eligible(o org, c country) bool {
	for _, x := range o.exclude {
		if x == c.name {
			return false
		}
	}
	for _, x := range o.extra {
		if x == c.name {
			return true
		}
	}
	if o.regions == nil {
		return true
	}
	for _, reg := range o.regions {
		if reg == c.region {
			return true
		}
	}
	return false
}

// genMemberships makes the eligible countries members: most long before
// From, some joining during the span.
func (w *World) genMemberships(r *rand.Rand) {
	for _, o := range orgs {
		for _, c := range w.countries {
			if !eligible(o, c) {
				continue
			}
			var start time.Time
			if r.IntN(7) == 0 {
				start = randDay(r, w.opts.From, w.opts.To.AddDate(-1, 0, 0))
			} else {
				start = randDay(r, time.Date(o.founded, 1, 1, 0, 0, 0, 0, time.UTC), w.opts.From.AddDate(-2, 0, 0))
			}
			w.truth.Memberships = append(w.truth.Memberships, Membership{Country: c.name, Org: o.name, Start: start})
		}
	}
}

// genTargets gives NATO its spending target and, in the middle of the
// span, a higher one.
func (w *World) genTargets(r *rand.Rand) {
	span := w.opts.To.Sub(w.opts.From)
	change := day(w.opts.From.Add(span/3 + time.Duration(r.Int64N(int64(span/3)))))
	w.truth.Targets = []Target{
		{Org: "NATO", Value: "2% of GDP", Start: time.Date(2014, 9, 5, 0, 0, 0, 0, time.UTC), End: change},
		{Org: "NATO", Value: "3.5% of GDP", Start: change},
	}
}

// genPlans chooses what each article leads with and when it appears: a
// share of the changes in the span (successions, appointments, joinings,
// the target), the rest events between the holders of the day.
func (w *World) genPlans(r *rand.Rand) {
	var changes []lead
	for i, t := range w.truth.Terms {
		if t.Start.Before(w.opts.From) || !t.Start.Before(w.opts.To.AddDate(0, 0, -7)) {
			continue
		}
		kind := "succession"
		if t.Post() {
			kind = "appointment"
		}
		changes = append(changes, lead{kind: kind, term: i, date: t.Start})
	}
	for i, m := range w.truth.Memberships {
		if !m.Start.Before(w.opts.From) {
			changes = append(changes, lead{kind: "join", join: i, date: m.Start})
		}
	}
	for i, t := range w.truth.Targets {
		if !t.Start.Before(w.opts.From) {
			changes = append(changes, lead{kind: "target", tgt: i, date: t.Start})
		}
	}
	r.Shuffle(len(changes), func(i, j int) { changes[i], changes[j] = changes[j], changes[i] })
	n := w.opts.Articles
	nChanges := min(len(changes), n*35/100)
	leads := changes[:nChanges]
	for len(leads) < n {
		ev, ok := w.genEvent(r)
		if !ok {
			continue
		}
		w.truth.Events = append(w.truth.Events, ev)
		leads = append(leads, lead{kind: "event", event: len(w.truth.Events) - 1, date: ev.Date})
	}
	for _, l := range leads {
		pub := l.date.AddDate(0, 0, 1+r.IntN(6))
		w.plans = append(w.plans, plan{published: pub, lead: l, seed: r.Uint64()})
	}
	sort.SliceStable(w.plans, func(i, j int) bool { return w.plans[i].published.Before(w.plans[j].published) })
	for i := range w.plans {
		w.plans[i].id = articleID(i)
	}
	if n := w.opts.EventsPerArticle; n > 1 {
		w.genExtras(r, n-1)
	}
	// Successions are events too: the new holder succeeded the old.
	for i, t := range w.truth.Terms {
		if prev, ok := w.truth.predecessor(i); ok && !t.Post() {
			w.truth.Events = append(w.truth.Events, Event{Predicate: "succeeded", Subject: t.Person, Object: prev.Person, Date: t.Start})
		}
	}
}

// genExtras gives each article n further events, each on a day of the
// week before its publication (the events are new: a draw that would
// repeat an event already in the world is drawn again).
func (w *World) genExtras(r *rand.Rand, n int) {
	type key struct {
		pred, subj, obj string
		date            time.Time
	}
	seen := make(map[key]bool, len(w.truth.Events)+len(w.plans)*n)
	for _, ev := range w.truth.Events {
		seen[key{ev.Predicate, ev.Subject, ev.Object, ev.Date}] = true
	}
	for i := range w.plans {
		p := &w.plans[i]
		for tries := 0; len(p.extra) < n && tries < 20*n; tries++ {
			d := p.published.AddDate(0, 0, -1-r.IntN(6))
			if d.Before(w.opts.From) {
				d = w.opts.From
			}
			ev, ok := w.genEventOn(r, d)
			k := key{ev.Predicate, ev.Subject, ev.Object, ev.Date}
			if !ok || seen[k] {
				continue
			}
			seen[k] = true
			w.truth.Events = append(w.truth.Events, ev)
			p.extra = append(p.extra, len(w.truth.Events)-1)
		}
	}
}

// genEvent draws one event between the holders of a random day.
func (w *World) genEvent(r *rand.Rand) (Event, bool) {
	return w.genEventOn(r, randDay(r, w.opts.From, w.opts.To.AddDate(0, 0, -7)))
}

// genEventOn draws one event between the holders of day d.
func (w *World) genEventOn(r *rand.Rand, d time.Time) (Event, bool) {
	x := w.countries[r.IntN(len(w.countries))]
	y := w.countries[r.IntN(len(w.countries))]
	if x.name == y.name {
		return Event{}, false
	}
	head := func(c country) string {
		h, _ := w.truth.HolderAt(c.name, c.heads[0], d)
		return h
	}
	minister := func(c country) string {
		h, _ := w.truth.HolderAt(c.name, "Foreign Minister", d)
		return h
	}
	ev := Event{Date: d}
	switch k := r.IntN(100); {
	case k < 30:
		ev.Predicate, ev.Subject, ev.Object = "met", head(x), head(y)
		if r.IntN(6) == 0 {
			if sg, ok := w.truth.HolderAt("NATO", "Secretary General", d); ok {
				ev.Object = sg
			}
		}
		ev.Location = y.capital
	case k < 45:
		ev.Predicate, ev.Subject, ev.Object = "visited", head(x), y.name
	case k < 65:
		ev.Predicate, ev.Subject, ev.Object = "spoke_with", head(x), head(y)
		if r.IntN(2) == 0 {
			ev.Subject, ev.Object = minister(x), minister(y)
		}
	case k < 77:
		ev.Predicate, ev.Subject, ev.Object = "criticized", head(x), y.name
	case k < 85:
		ev.Predicate, ev.Subject, ev.Object = "sanctioned", x.name, y.name
		if r.IntN(3) == 0 {
			ev.Subject = "European Union"
		}
	default:
		ev.Predicate, ev.Subject, ev.Object = "signed_agreement", x.name, y.name
	}
	if ev.Subject == "" || ev.Object == "" || ev.Subject == ev.Object {
		return Event{}, false
	}
	return ev, true
}
