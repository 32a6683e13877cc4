// Package client is the SMB 3.1.1 protocol engine under smb3fs: one
// connection with many requests in flight, NEGOTIATE and SESSION_SETUP held
// to a security Policy, tree connects, and the file operations the FUSE
// layer needs. Every response after SESSION_SETUP is verified (signature or
// encryption); anything unverifiable ends the connection.
package client

import (
	"context"
	"fmt"
	"net"
	"strconv"
	"time"

	"github.com/smb3fs/smb3fs/auth"
	"github.com/smb3fs/smb3fs/client/wire"
	"github.com/smb3fs/smb3fs/crypto"
)

// Options says how to reach and authenticate to a server.
type Options struct {
	// Server is the server's name as the user wrote it: used for the
	// Kerberos service principal (cifs/Server), the NetName context and
	// share paths (\\Server\share).
	Server string
	// Address overrides where to connect ("host:port"); default Server:445.
	Address string
	// Policy is the security the connection must reach.
	Policy Policy
	// Mechanism authenticates the session (auth.NewKerberos, auth.NewNTLMv2).
	Mechanism auth.Mechanism
	// Timeout bounds each request and the connect; default DefaultTimeout.
	Timeout time.Duration
	// Dial connects; default net.Dialer.DialContext. Tests route through a proxy.
	Dial func(ctx context.Context, network, addr string) (net.Conn, error)
}

// Client is one authenticated session on one connection.
type Client struct {
	conn    *Conn
	session *Session
	server  string
	policy  Policy
	breaks  breakTable // leases and oplocks, see lease.go
}

// Dial connects, negotiates and authenticates, refusing anything below
// opts.Policy. On error nothing stays open.
func Dial(ctx context.Context, opts Options) (*Client, error) {
	p := opts.Policy
	if err := p.validate(); err != nil {
		return nil, err
	}
	if opts.Mechanism == nil {
		return nil, fmt.Errorf("smb2: no authentication mechanism")
	}
	if err := p.allowsMechanism(opts.Mechanism.Name()); err != nil {
		return nil, err // refused before any packet is sent
	}
	addr := opts.Address
	if addr == "" {
		addr = net.JoinHostPort(opts.Server, strconv.Itoa(445))
	}
	timeout := opts.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	dial := opts.Dial
	if dial == nil {
		dial = (&net.Dialer{}).DialContext
	}
	dctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	nc, err := dial(dctx, "tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("smb2: connect %s: %w", addr, err)
	}
	c := newConn(nc, timeout)
	if err := c.negotiate(dctx, &p, opts.Server); err != nil {
		c.Close()
		return nil, err
	}
	s, err := c.sessionSetup(dctx, &p, opts.Mechanism)
	if err != nil {
		c.Close()
		return nil, err
	}
	cl := &Client{conn: c, session: s, server: opts.Server, policy: p}
	cl.handleBreaks()
	return cl, nil
}

// Close logs off (best effort, bounded) and closes the connection.
func (cl *Client) Close() error {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if cl.conn.Err() == nil {
		cl.session.Logoff(ctx)
	} else {
		cl.session.zero()
	}
	return cl.conn.Close()
}

// Info describes the security a connection reached, for `smb3fs check` and
// the audit log.
type Info struct {
	Server           string
	Dialect          wire.Dialect
	Cipher           crypto.CipherID // 0: not encrypted
	SigningAlgorithm crypto.SigningID
	Encrypted        bool // every message of the session is encrypted
	Signed           bool // every response verified
	Mechanism        string
	MutualAuth       bool
	MaxReadSize      uint32
	MaxWriteSize     uint32
}

// Info returns the negotiated security of the session.
func (cl *Client) Info() Info {
	st := &cl.conn.state
	return Info{
		Server:           cl.server,
		Dialect:          st.Dialect,
		Cipher:           st.Cipher,
		SigningAlgorithm: st.SigningAlgorithm,
		Encrypted:        cl.session.encryptAll,
		Signed:           true,
		Mechanism:        cl.session.mech,
		MutualAuth:       cl.session.mutual,
		MaxReadSize:      st.MaxReadSize,
		MaxWriteSize:     st.MaxWriteSize,
	}
}
