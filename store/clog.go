package store

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"regexp"
	"strings"
	"sync"

	"github.com/cayleygraph/cayley/clog"
)

// Cayley logs through its own global logger (clog), which by default
// prints to standard error: a failed PostgreSQL connection printed its DSN,
// password included, before geokg's own (redacted) error. geokg reports
// every error itself, so Cayley's lines go to slog's default logger at
// debug level, with credentials redacted.
func init() { clog.SetLogger(cayleyLog{}) }

// cayleyLog is the clog.Logger that forwards Cayley's lines to slog.
type cayleyLog struct{}

func (cayleyLog) emit(level slog.Level, format string, args []any) {
	ctx := context.Background()
	if l := slog.Default(); l.Enabled(ctx, level) {
		l.Log(ctx, level, Redact(fmt.Sprintf(format, args...)), "component", "cayley")
	}
}

// Infof logs at debug level.
func (c cayleyLog) Infof(format string, args ...any) { c.emit(slog.LevelDebug, format, args) }

// Warningf logs at debug level: geokg reports what matters itself.
func (c cayleyLog) Warningf(format string, args ...any) { c.emit(slog.LevelDebug, format, args) }

// Errorf logs at debug level: the error also reaches geokg as a value.
func (c cayleyLog) Errorf(format string, args ...any) { c.emit(slog.LevelDebug, format, args) }

// Fatalf logs at error level and exits, as Cayley expects.
func (c cayleyLog) Fatalf(format string, args ...any) {
	c.emit(slog.LevelError, format, args)
	os.Exit(1)
}

// V reports whether Cayley's verbose logging is on: never.
func (cayleyLog) V(int) bool { return false }

// SetV ignores Cayley's verbosity setting.
func (cayleyLog) SetV(int) {}

// credentials matches the password of a URL's user info; it is compiled
// by the first text that may hold one, not when the program loads.
var credentials = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`([A-Za-z][A-Za-z0-9+.-]*://[^:/@\s]*):[^\s/]*@`)
})

// Redact hides the password of every URL in s (a DSN or a message); it is
// how a DSN is printed. Text without a user info ('@') is returned as it
// is, unread by the expression (a bbolt directory, most messages).
func Redact(s string) string {
	if !strings.Contains(s, "@") {
		return s
	}
	return credentials().ReplaceAllString(s, "${1}:xxxxx@")
}
