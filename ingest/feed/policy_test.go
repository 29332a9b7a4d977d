package feed

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// The host policy is applied to the first request, to every redirect and
// to the address a name resolves to.
func TestHostPolicy(t *testing.T) {
	internal := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Write([]byte("secret"))
	}))
	defer internal.Close()
	redirect := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, internal.URL+"/admin", http.StatusFound)
	}))
	defer redirect.Close()
	ctx := context.Background()
	viaName := strings.Replace(redirect.URL, "127.0.0.1", "localhost", 1)

	for _, tc := range []struct {
		name   string
		policy HostPolicy
		url    string
		denied string // "" for allowed
	}{
		{"no policy follows the redirect", HostPolicy{}, redirect.URL, ""},
		{"private address", HostPolicy{DenyPrivate: true}, internal.URL, "127.0.0.1 is a private or local address"},
		{"name resolving to loopback", HostPolicy{DenyPrivate: true}, viaName, "is a private or local address"},
		{"redirect out of the allow list", HostPolicy{Allow: []string{"localhost"}}, viaName, "127.0.0.1 (not in the allow list)"},
		{"deny range at dial time", HostPolicy{Deny: []string{"127.0.0.0/8"}}, viaName, `denied by "127.0.0.0/8"`},
		{"deny domain", HostPolicy{Deny: []string{"*.localhost"}}, viaName, `denied by "*.localhost"`},
		{"allow list holding both", HostPolicy{Allow: []string{"localhost", "127.0.0.1"}}, viaName, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			require.NoError(t, tc.policy.Check())
			f := &Fetcher{Client: NewClient(tc.policy)}
			resp, err := f.Get(ctx, tc.url, Validators{}, "")
			if tc.denied == "" {
				require.NoError(t, err)
				require.Equal(t, "secret", string(resp.Body))
				return
			}
			require.ErrorIs(t, err, ErrHostDenied)
			require.Contains(t, err.Error(), tc.denied)
		})
	}
	require.Error(t, HostPolicy{Deny: []string{"10.0.0.0/99"}}.Check())
}
