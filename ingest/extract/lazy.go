package extract

import (
	"regexp"
	"sync"
)

// The package's rules are compiled on the first New, not when the program
// loads: every geokg process links this package, and most of them (query,
// ask, entities, serve without ingest) never extract. A rule variable
// keeps its declaration ("var reSworn = compile(…)"); what compile,
// filterCompile and lazyRegexp return at package initialization is an
// empty value whose address is the rule's identity (the prefilter's maps
// are keyed by it), filled in place by prepare; so are the word sets
// toSet builds for package-level variables. Nothing reads a rule or a set
// before an Extractor exists: New (and VerbForms) call prepare first.

var (
	prepareOnce sync.Once
	// prepared is set by prepare; after it, compile and the others fill
	// their values at once (the lexicon's rules, compiled by each New).
	prepared bool
	// pending are the fills deferred from package initialization, in the
	// order the rules were declared.
	pending []func()
)

// loading is true while the package's variables are initialized (Go
// initializes every package-level variable before it runs any init
// function, which clears it): what toSet builds then is deferred to
// prepare.
var loading = true

func init() { loading = false }

// prepare compiles every rule deferred from package initialization, once.
func prepare() {
	prepareOnce.Do(func() {
		for _, fill := range pending {
			fill()
		}
		pending = nil
		prepared = true
	})
}

// deferFill runs fill now when the package's rules are prepared, else on
// prepare.
func deferFill(fill func()) {
	if prepared {
		fill()
		return
	}
	pending = append(pending, fill)
}

// lazyRegexp is regexp.MustCompile for the package's rule variables: the
// expression is compiled by prepare, into the value returned now.
func lazyRegexp(pattern string) *regexp.Regexp {
	re := new(regexp.Regexp)
	deferFill(func() { *re = *regexp.MustCompile(pattern) })
	return re
}
