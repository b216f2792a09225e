package preview

import (
	"errors"
	"fmt"
	"net"
	"net/netip"
	"strings"
)

// ErrNotLoopback is the error of an address preview will not bind to.
var ErrNotLoopback = errors.New("preview binds to a loopback address only (127.0.0.1, ::1 or localhost)")

// CheckAddr checks that addr ("127.0.0.1:0", "[::1]:8080",
// "localhost:0") names a loopback address and returns the address to
// listen on, with localhost as 127.0.0.1. An empty host (":8080") would
// bind every interface and is refused, as is any name but localhost: a
// name may resolve elsewhere.
func CheckAddr(addr string) (string, error) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return "", fmt.Errorf("%q is not host:port: %w", addr, err)
	}
	if !loopback(host) {
		return "", fmt.Errorf("%q: %w", addr, ErrNotLoopback)
	}
	if strings.EqualFold(host, "localhost") {
		host = "127.0.0.1"
	}
	return net.JoinHostPort(host, port), nil
}

// loopback reports whether host is a loopback address literal or
// localhost.
func loopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip, err := netip.ParseAddr(host)
	return err == nil && ip.Zone() == "" && ip.IsLoopback()
}

// allowedHost reports whether a request's Host header names this server:
// a loopback address or localhost, and the port it listens on. A page of
// another site whose name was made to resolve to 127.0.0.1 (DNS rebinding)
// sends its own name and is refused.
func allowedHost(hostHeader, port string) bool {
	host, p, err := net.SplitHostPort(hostHeader)
	if err != nil {
		return false
	}
	return p == port && loopback(host)
}
