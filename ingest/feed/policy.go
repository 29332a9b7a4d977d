package feed

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"strings"
	"syscall"
	"time"
)

// ErrHostDenied is returned for a request (or a redirect) to a host the
// HostPolicy refuses.
var ErrHostDenied = errors.New("host not allowed")

// HostPolicy says which hosts feeds may be fetched from. A pattern is a
// host name ("example.org"), a domain with its subdomains ("*.example.org"
// or ".example.org"), an IP address or a CIDR range ("10.0.0.0/8").
// The zero HostPolicy allows every host.
type HostPolicy struct {
	// Allow, when not empty, lists the only hosts allowed.
	Allow []string
	// Deny lists hosts refused, whatever Allow says.
	Deny []string
	// DenyPrivate refuses loopback, private, link-local, unspecified and
	// multicast addresses, whichever name they were reached by: a feed
	// cannot send geokg to the internal services of its network (SSRF).
	DenyPrivate bool
}

// IsZero reports whether the policy allows every host.
func (p HostPolicy) IsZero() bool {
	return len(p.Allow) == 0 && len(p.Deny) == 0 && !p.DenyPrivate
}

// Check validates the patterns, naming the first bad one.
func (p HostPolicy) Check() error {
	for _, pat := range append(append([]string(nil), p.Allow...), p.Deny...) {
		if strings.Contains(pat, "/") {
			if _, err := netip.ParsePrefix(pat); err != nil {
				return fmt.Errorf("host pattern %q: %w", pat, err)
			}
		} else if strings.TrimSpace(pat) == "" {
			return errors.New("empty host pattern")
		}
	}
	return nil
}

// matches reports whether host (a name or an IP address, without port)
// matches pattern pat.
func matches(pat, host string) bool {
	host = strings.TrimSuffix(strings.ToLower(host), ".")
	pat = strings.ToLower(strings.TrimSpace(pat))
	if strings.Contains(pat, "/") {
		pre, err := netip.ParsePrefix(pat)
		ip, ierr := netip.ParseAddr(host)
		return err == nil && ierr == nil && pre.Contains(ip.Unmap())
	}
	if ip, err := netip.ParseAddr(pat); err == nil {
		hip, herr := netip.ParseAddr(host)
		return herr == nil && hip.Unmap() == ip.Unmap()
	}
	if d, ok := strings.CutPrefix(pat, "*"); ok {
		pat = d
	}
	if strings.HasPrefix(pat, ".") {
		return strings.HasSuffix(host, pat) || host == pat[1:]
	}
	return host == pat
}

// checkHost is the check on a URL's host (before any lookup): Deny, then
// Allow (by name or address), then DenyPrivate for an address literal.
func (p HostPolicy) checkHost(host string) error {
	for _, d := range p.Deny {
		if matches(d, host) {
			return fmt.Errorf("%w: %s (denied by %q)", ErrHostDenied, host, d)
		}
	}
	if len(p.Allow) > 0 {
		ok := false
		for _, a := range p.Allow {
			ok = ok || matches(a, host)
		}
		if !ok {
			return fmt.Errorf("%w: %s (not in the allow list)", ErrHostDenied, host)
		}
	}
	if ip, err := netip.ParseAddr(strings.Trim(host, "[]")); err == nil {
		return p.checkAddr(ip)
	}
	return nil
}

// checkAddr is the check on the address a connection goes to, after name
// resolution: Deny ranges, and DenyPrivate.
func (p HostPolicy) checkAddr(ip netip.Addr) error {
	ip = ip.Unmap()
	for _, d := range p.Deny {
		if matches(d, ip.String()) {
			return fmt.Errorf("%w: %s (denied by %q)", ErrHostDenied, ip, d)
		}
	}
	if p.DenyPrivate && (ip.IsLoopback() || ip.IsPrivate() || ip.IsLinkLocalUnicast() ||
		ip.IsLinkLocalMulticast() || ip.IsInterfaceLocalMulticast() || ip.IsMulticast() || ip.IsUnspecified()) {
		return fmt.Errorf("%w: %s is a private or local address (schedule.deny_private)", ErrHostDenied, ip)
	}
	return nil
}

// NewClient returns an HTTP client that applies p to every request and
// every redirect (by the URL's host) and to every connection (by the
// address the name resolved to, so a name pointing at an internal address
// is refused too). With a policy, proxies from the environment are not
// used: the check must see the real destination.
func NewClient(p HostPolicy) *http.Client {
	if p.IsZero() {
		return &http.Client{}
	}
	dialer := &net.Dialer{
		Timeout:   30 * time.Second,
		KeepAlive: 30 * time.Second,
		Control: func(_, address string, _ syscall.RawConn) error {
			ap, err := netip.ParseAddrPort(address)
			if err != nil {
				return fmt.Errorf("%w: %s: %v", ErrHostDenied, address, err)
			}
			return p.checkAddr(ap.Addr())
		},
	}
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.Proxy = nil
	tr.DialContext = dialer.DialContext
	return &http.Client{Transport: policyTransport{p: p, next: tr}}
}

// policyTransport checks each request's host before sending it; redirects
// are new requests, so each hop is checked.
type policyTransport struct {
	p    HostPolicy
	next http.RoundTripper
}

// RoundTrip refuses a request to a host the policy denies, and otherwise
// sends it.
func (t policyTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if err := t.p.checkHost(req.URL.Hostname()); err != nil {
		if req.Body != nil {
			req.Body.Close()
		}
		return nil, err
	}
	return t.next.RoundTrip(req)
}
