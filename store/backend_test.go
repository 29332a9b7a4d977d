package store

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestBackendTableComplete checks that every row of the backend table has
// every property the code asks of it.
func TestBackendTableComplete(t *testing.T) {
	names := map[string]bool{}
	for _, b := range Backends() {
		assert.NotEmpty(t, b.Name, "row without a name")
		assert.False(t, names[b.Name], "backend %s listed twice", b.Name)
		names[b.Name] = true
		assert.NotEmpty(t, b.Examples, "%s: no example dsn", b.Name)
		assert.NotNil(t, b.match, "%s: no match function", b.Name)
		assert.NotNil(t, b.open, "%s: no open function", b.Name)
		assert.Contains(t, []Sharing{Private, SingleWriter, Shared}, b.Sharing, "%s: sharing not set", b.Name)
		assert.NotContains(t, b.Sharing.String(), "Sharing(", b.Name)
		if b.Dir {
			assert.Equal(t, SingleWriter, b.Sharing, "%s: a directory store has one writer (its lock)", b.Name)
		}
	}
}

// TestBackendFor checks that each example dsn matches exactly one row, and
// that the callers' questions get the answers the backends call for.
func TestBackendFor(t *testing.T) {
	for _, b := range Backends() {
		for _, dsn := range b.Examples {
			var matched []string
			for _, other := range Backends() {
				if other.match(dsn) {
					matched = append(matched, other.Name)
				}
			}
			assert.Equal(t, []string{b.Name}, matched, "dsn %q", dsn)
			got, err := BackendFor(dsn)
			require.NoError(t, err, dsn)
			assert.Equal(t, b.Name, got.Name, dsn)
		}
	}
	for _, tc := range []struct {
		dsn        string
		name       string
		dir        bool
		sharing    Sharing
		persistent bool
	}{
		{"memory", "memory", false, Private, false},
		{"geokg.db", "bbolt", true, SingleWriter, true},
		{"./memory", "bbolt", true, SingleWriter, true},
		{"/tmp/x/y", "bbolt", true, SingleWriter, true},
		{"postgres://u:p@h/db", "postgres", false, Shared, true},
		{"postgresql://h/db", "postgres", false, Shared, true},
		{"cockroach://h/db", "cockroach", false, Shared, true},
		{"cockroachdb://h/db", "cockroach", false, Shared, true},
	} {
		b, err := BackendFor(tc.dsn)
		require.NoError(t, err, tc.dsn)
		assert.Equal(t, tc.name, b.Name, tc.dsn)
		assert.Equal(t, tc.dir, b.Dir, tc.dsn)
		assert.Equal(t, tc.sharing, b.Sharing, tc.dsn)
		assert.Equal(t, tc.persistent, b.Persistent(), tc.dsn)
	}
	for _, dsn := range []string{"", "  ", "mysql://u:secret@h/db", "sqlite://h/db", "Memory://x"} {
		_, err := BackendFor(dsn)
		assert.ErrorIs(t, err, ErrUnknownBackend, "%q", dsn)
		if err != nil {
			assert.NotContains(t, err.Error(), "secret")
		}
	}
}
