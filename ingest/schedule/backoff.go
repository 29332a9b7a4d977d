package schedule

import (
	"math/rand/v2"
	"time"
)

// Backoff spaces the retries of a failing source: the n-th consecutive
// failure waits Base·2^(n-1), at most Max, with up to a fifth of random
// jitter either way so that sources failing together do not retry together.
type Backoff struct {
	// Base is the wait after the first failure; 0 means 30 s.
	Base time.Duration
	// Max caps the wait; 0 means 1 h.
	Max time.Duration
}

// Delay returns the wait after failures consecutive failures (≥ 1).
func (b Backoff) Delay(failures int) time.Duration {
	base, maxd := b.Base, b.Max
	if base <= 0 {
		base = 30 * time.Second
	}
	if maxd <= 0 {
		maxd = time.Hour
	}
	if maxd < base {
		maxd = base
	}
	d := base
	for i := 1; i < failures && d < maxd; i++ {
		d *= 2
	}
	d = min(d, maxd)
	jitter := time.Duration((rand.Float64()*0.4 - 0.2) * float64(d))
	return d + jitter
}
