package simworld

import (
	"fmt"
	"math/rand/v2"
)

// namer invents people's names: a known given name and a surname made of
// parts, each surname used once so that no two people share one.
type namer struct {
	r    *rand.Rand
	used map[string]bool
}

// newNamer returns a namer drawing from r.
func newNamer(r *rand.Rand) *namer { return &namer{r: r, used: map[string]bool{}} }

// next returns a new person's full name.
func (n *namer) next() string {
	pick := func(xs []string) string { return xs[n.r.IntN(len(xs))] }
	for {
		s := pick(surnameHeads) + pick(surnameMids) + pick(surnameTails)
		if n.r.IntN(4) == 0 {
			s = pick(surnameHeads) + pick(surnameTails)
		}
		if !n.used[s] {
			n.used[s] = true
			return pick(givenNames) + " " + s
		}
	}
}

// articleID names the i-th article of a world.
func articleID(i int) string { return fmt.Sprintf("sim-%06d", i+1) }
