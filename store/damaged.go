package store

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"runtime/debug"
	"strings"

	"google.golang.org/protobuf/proto"
)

// damaged logs a panic r of the backend (with its stack, at debug level:
// not for the user) and returns the error wrapping ErrDamaged that names
// the store. Callers recover in a deferred function and pass it r.
func (s *Store) damaged(r any) error {
	s.log.Debug("backend panic", "panic", fmt.Sprint(r), "stack", string(debug.Stack()))
	return damagedError(s.where(), r)
}

// damagedError is the error for a store whose backend panicked with r.
func damagedError(where string, r any) error {
	return fmt.Errorf("%w: %s: %v; run geokg check", ErrDamaged, where, r)
}

// where names the store in messages: its file for bbolt, else its
// redacted DSN.
func (s *Store) where() string {
	if s.bolt != nil {
		return filepath.Join(s.dsn, BoltFile)
	}
	return Redact(s.dsn)
}

// undecodable returns err, or, when err is a stored record that does not
// decode (bytes of a page overwritten: the backend's protobuf error, or an
// index entry cut short, io.ErrUnexpectedEOF, which nothing else a store
// reads returns, or one whose varints overflow, see badIndexEntry), the
// error wrapping ErrDamaged that names the store and says what to run.
func (s *Store) undecodable(err error) error {
	if err == nil || errors.Is(err, ErrDamaged) || !(errors.Is(err, proto.Error) || errors.Is(err, io.ErrUnexpectedEOF) || badIndexEntry(err)) {
		return err
	}
	return fmt.Errorf("%w: %s: a stored record does not decode (%w); run geokg check", ErrDamaged, s.where(), err)
}

// badIndexEntry reports whether err is Cayley's key-value index decoder
// failing on an entry whose varints overflow (graph/kv's decodeIndex and
// countIndex return errors.New("varint: overflow"), no sentinel): bytes of
// an index page overwritten.
func badIndexEntry(err error) bool {
	return strings.Contains(err.Error(), "varint: overflow")
}
