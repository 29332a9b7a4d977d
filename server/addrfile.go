package server

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"time"
)

// AddrFile is the name of the address file a server writes in the
// directory of the bbolt store it serves, so that the CLI, finding the
// store locked, can send its request to the server instead.
const AddrFile = "geokg.serve.json"

// ErrNoServer is returned by FindServer when no live server serves the
// store: no address file, or a stale one (its process is gone or its
// address does not answer /healthz).
var ErrNoServer = errors.New("no geokg server runs on this store")

// Address is the content of the address file.
type Address struct {
	// Addr is where the server listens (host:port), reachable from this
	// machine.
	Addr string `json:"addr"`
	// PID is the server's process id.
	PID int `json:"pid"`
	// Token is the random per-run token that lets a local client ingest
	// through the server.
	Token string `json:"token"`
}

// NewToken returns a random token of 32 hex digits.
func NewToken() (string, error) {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", err
	}
	return hex.EncodeToString(b[:]), nil
}

// DialAddr turns the address a listener took into one a local client can
// dial: an unspecified host (all interfaces) becomes loopback.
func DialAddr(addr net.Addr) string {
	tcp, ok := addr.(*net.TCPAddr)
	if !ok {
		return addr.String()
	}
	ip := tcp.IP
	switch {
	case ip == nil || ip.IsUnspecified() && ip.To4() != nil:
		ip = net.IPv4(127, 0, 0, 1)
	case ip.IsUnspecified():
		ip = net.IPv6loopback
	}
	return net.JoinHostPort(ip.String(), fmt.Sprint(tcp.Port))
}

// WriteAddress writes a's address file in dir, readable by its owner only
// (it holds the token), and returns the function that removes it again —
// unless another server has replaced it meanwhile.
func WriteAddress(dir string, a Address) (remove func(), err error) {
	data, err := json.Marshal(a)
	if err != nil {
		return nil, err
	}
	path := filepath.Join(dir, AddrFile)
	tmp, err := os.CreateTemp(dir, "."+AddrFile+".*")
	if err != nil {
		return nil, fmt.Errorf("address file: %w", err)
	}
	defer os.Remove(tmp.Name())
	if err := tmp.Chmod(0o600); err != nil {
		tmp.Close()
		return nil, fmt.Errorf("address file: %w", err)
	}
	if _, err := tmp.Write(append(data, '\n')); err != nil {
		tmp.Close()
		return nil, fmt.Errorf("address file: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return nil, fmt.Errorf("address file: %w", err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return nil, fmt.Errorf("address file: %w", err)
	}
	return func() {
		if cur, err := readAddress(dir); err == nil && cur.Token == a.Token {
			_ = os.Remove(path)
		}
	}, nil
}

// readAddress reads the address file in dir.
func readAddress(dir string) (Address, error) {
	var a Address
	data, err := os.ReadFile(filepath.Join(dir, AddrFile))
	if err != nil {
		return a, err
	}
	if err := json.Unmarshal(data, &a); err != nil {
		return a, fmt.Errorf("%s: %w", AddrFile, err)
	}
	return a, nil
}

// healthWait bounds the /healthz probe of FindServer.
const healthWait = 2 * time.Second

// FindServer returns a client of the server serving the store in dir, as
// its address file names it, or ErrNoServer when there is none: no file,
// an unreadable one, a dead process or an address that does not answer
// /healthz (a server that did not shut down cleanly leaves its file).
func FindServer(ctx context.Context, dir string) (*Client, error) {
	a, err := readAddress(dir)
	if err != nil || a.Addr == "" {
		return nil, ErrNoServer
	}
	if !processAlive(a.PID) {
		return nil, fmt.Errorf("%w (stale %s: process %d is gone)", ErrNoServer, AddrFile, a.PID)
	}
	c := &Client{Base: "http://" + a.Addr, Token: a.Token, HTTP: &http.Client{}}
	hctx, cancel := context.WithTimeout(ctx, healthWait)
	defer cancel()
	req, err := http.NewRequestWithContext(hctx, http.MethodGet, c.Base+"/healthz", nil)
	if err != nil {
		return nil, ErrNoServer
	}
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return nil, fmt.Errorf("%w (stale %s: %s does not answer)", ErrNoServer, AddrFile, a.Addr)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("%w (stale %s: %s answers %s)", ErrNoServer, AddrFile, a.Addr, resp.Status)
	}
	return c, nil
}
