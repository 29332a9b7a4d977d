package store

import (
	"fmt"
	"runtime/debug"
)

// damaged logs a panic r of the backend (with its stack, at debug level:
// not for the user) and returns the error wrapping ErrDamaged that names
// the store. Callers recover in a deferred function and pass it r.
func (s *Store) damaged(r any) error {
	s.log.Debug("backend panic", "panic", fmt.Sprint(r), "stack", string(debug.Stack()))
	return damagedError(Redact(s.dsn), r)
}

// damagedError is the error for a store whose backend panicked with r.
func damagedError(where string, r any) error {
	return fmt.Errorf("%w: %s: %v; run geokg check", ErrDamaged, where, r)
}
