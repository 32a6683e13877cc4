// Package client is the SMB 3.1.1 protocol engine under smb3fs: one
// connection with many requests in flight, NEGOTIATE and SESSION_SETUP held
// to a security Policy, tree connects, and the file operations the FUSE
// layer needs. Every response after SESSION_SETUP is verified (signature or
// encryption); anything unverifiable ends the connection.
//
// # Reconnects
//
// A Client given Options.NewMechanism survives the loss of its connection
// (server closed or reset it, a request or an ECHO keepalive timed out, the
// session expired). The first request to notice, or the keepalive, starts
// one reconnect that every other caller waits for (bounded by its context
// and twice Options.Timeout): dial, NEGOTIATE and SESSION_SETUP with a
// fresh mechanism under the same Policy and the same checks, TREE_CONNECT
// of every Tree (encryption checked as Connect does), and a DH2C reopen of
// every durable File (opened with OpenOptions.Durable), all before any
// caller goes on. Failed attempts back off from 0.2 s to 10 s and go on
// while a caller waits or a durable handle is still held by the server.
// The same *Tree and *File values keep working.
//
// What happens to a request whose connection ended:
//
//   - not yet sent: sent on the new connection;
//   - sent, no answer, idempotent (READ, QUERY_INFO, QUERY_DIRECTORY from
//     the start, FLUSH, WRITE at its offset, ECHO, CHANGE_NOTIFY, an
//     open-only CREATE and the stat/read compounds, setting an absolute
//     size, times or EAs, CLOSE of a durable handle): sent again;
//   - sent, no answer, anything else (a CREATE that may create or
//     overwrite, rename, delete, link, LOCK, server-side copy): fails with
//     an error wrapping ErrConnectionClosed, since it may or may not have
//     been executed;
//   - answered STATUS_NETWORK_SESSION_EXPIRED: it was not executed; the
//     client re-authenticates (a full reconnect, see below) and sends it
//     again.
//
// A File that was not durable, or whose reopen the server refused, is
// lost: its operations return ErrHandleLost (the FUSE layer says EIO).
// Byte-range locks are not reclaimed, and a File that holds (or may hold)
// any is lost without trying: Samba keeps no durable handle with locks
// under a read+handle lease (and Samba 4.17's smbd crashes on the attempt).
// A connection ended by a message that failed verification (ErrUnprotected:
// a bad signature, a failed decryption, plaintext where encryption or
// signing is required; ErrProtocol: an unknown or repeated MessageId, a
// malformed frame) fails its requests by the rules above and is reconnected
// like a reset one, after an EventIntegrity saying what failed (the daemon
// logs it as a WARNING: possible tampering). Refusing to reconnect would
// buy nothing: the new connection passes the whole Policy again. Failures
// in a row wait longer before each reconnect (up to 10 s). During a
// reconnect, a forged or malformed handshake fails that attempt, which is
// retried with backoff; a reconnect that meets a server (or a man in the
// middle) below the Policy is refused for good: the Client stays failed
// with that ErrRefused error and never retries into a weaker connection. A
// reconnect that cannot authenticate (an expired ticket cache) fails the
// waiting requests with ErrAuthentication, whose message says to run kinit.
// Options.OnEvent reports each reconnect: why, how long, what was reopened
// and what was lost.
//
// # Deadlines and credits
//
// A request the server acknowledges with an interim STATUS_PENDING is
// waited for while ECHO shows the server alive, for at most four times
// Options.Timeout from when it was sent: then it is cancelled (SMB2
// CANCEL) and fails with ErrTimeout, and the connection stays up (the late
// answer is matched, verified and discarded). The cap is paid once, not
// once per request: for one more cap after it, or until the server
// finishes an acknowledged request, a request it acknowledges is cancelled
// as the acknowledgement arrives (ErrTimeout), so that requests made one
// after another do not each wait it out. A blocking byte-range LOCK
// and CHANGE_NOTIFY wait as long as their context allows. Credits are
// banked only from verified messages (an unsigned interim response's wait
// for its final response), with saturating arithmetic, and never beyond
// 8192 banked plus in flight, whatever the server grants. A session
// whose keys were wiped under a request in flight (Close, a reconnect)
// makes that request fail with an error, never a panic.
//
// Session expiry is handled by a full reconnect rather than a
// re-authentication of the session in place: simpler, and durable handles
// make it transparent for open files.
package client

import (
	"context"
	"crypto/rand"
	"fmt"
	"net"
	"strconv"
	"sync"
	"time"

	"github.com/smb3fs/smb3fs/auth"
	"github.com/smb3fs/smb3fs/client/wire"
)

// Options says how to reach and authenticate to a server.
type Options struct {
	// Server is the server's name as the user wrote it: used for the
	// Kerberos service principal (cifs/Server), the NetName context and
	// share paths (\\Server\share).
	Server string
	// Address overrides where to connect ("host:port"); default Server:445.
	Address string
	// Policy is the security the connection must reach, on the first
	// connection and on every reconnect.
	Policy Policy
	// Mechanism authenticates the first session (auth.NewKerberos,
	// auth.NewNTLMv2). A mechanism serves one authentication: without
	// NewMechanism the Client cannot reconnect.
	Mechanism auth.Mechanism
	// NewMechanism makes a fresh mechanism for each authentication
	// (reconnects, an expired session). It should re-read the credential
	// cache, or log in again from the keytab, so renewed tickets are used.
	// When set and Mechanism is nil, the first session uses it too.
	NewMechanism func() (auth.Mechanism, error)
	// Timeout bounds each request and the connect; default DefaultTimeout.
	Timeout time.Duration
	// EchoInterval is how long the connection may stay idle before an
	// ECHO checks it (0: DefaultEchoInterval; negative: never).
	EchoInterval time.Duration
	// OnEvent, if set, is called once per reconnect outcome (on the
	// reconnect goroutine; it must not block for long).
	OnEvent func(Event)
	// Dial connects; default net.Dialer.DialContext. Tests route through a proxy.
	Dial func(ctx context.Context, network, addr string) (net.Conn, error)
	// NoPOSIX: do not offer the SMB3 POSIX extensions in NEGOTIATE
	// (posix.go); without it they are offered on every connection that
	// offers 3.1.1.
	NoPOSIX bool
}

// Client is one authenticated session on one connection at a time: when
// the connection ends it reconnects (see reconnect.go) and its Trees and
// durable Files keep working.
type Client struct {
	opts   Options // read-only after Dial
	server string
	policy Policy
	breaks breakTable // leases and oplocks, see lease.go

	mu sync.Mutex // guards the fields below and Tree.{s,id,encrypt,gen,lost}, File.{id,gen,lost}
	// conn and session are the current connection and session.
	conn    *Conn
	session *Session
	// gen counts reconnects; a Tree or File whose gen differs was lost.
	gen uint64
	// failed is the terminal error of a refused reconnect.
	failed error
	// integrityConn is the last connection reported as ended by an
	// integrity failure; integrityAt when, integrityStreak how many came
	// in a row and integrityDelay the wait before reconnecting after the
	// last one (see Client.integrityWait).
	integrityConn   *Conn
	integrityAt     time.Time
	integrityStreak int
	integrityDelay  time.Duration
	// closed: Close was called.
	closed bool
	// reconnecting is non-nil while the reconnect loop runs; closed when
	// it ends. waiters counts callers waiting for it; lastErr is its last
	// failed attempt.
	reconnecting chan struct{}
	waiters      int
	lastErr      error
	// oneAttempt: a failed reconnect attempt is the last one (a DFS
	// link's target with other targets to fail over to, dfsns.go).
	oneAttempt bool
	// trees are the connected trees, durables the durable files, to
	// re-establish after a reconnect.
	trees    map[*Tree]struct{}
	durables map[*File]struct{}
	// stats are the counters behind Stats (see stats.go for their guards).
	stats clientStats
	// clientGUID is sent in every NEGOTIATE: a durable reconnect must come
	// from the same ClientGuid ([MS-SMB2] 3.3.5.9.12).
	clientGUID [16]byte

	stop chan struct{}  // closed by Close: ends the keepalive and reconnect loops
	wg   sync.WaitGroup // those goroutines
}

// Dial connects, negotiates and authenticates, refusing anything below
// opts.Policy. On error nothing stays open.
func Dial(ctx context.Context, opts Options) (*Client, error) {
	p := opts.Policy
	if err := p.Validate(); err != nil {
		return nil, err
	}
	mech := opts.Mechanism
	if mech == nil && opts.NewMechanism != nil {
		var err error
		if mech, err = opts.NewMechanism(); err != nil {
			return nil, fmt.Errorf("%w: %w", ErrAuthentication, err)
		}
	}
	if mech == nil {
		return nil, fmt.Errorf("smb2: no authentication mechanism")
	}
	cl := &Client{opts: opts, server: opts.Server, policy: p, stop: make(chan struct{})}
	if _, err := rand.Read(cl.clientGUID[:]); err != nil {
		return nil, err
	}
	dctx, cancel := context.WithTimeout(ctx, cl.timeout())
	defer cancel()
	c, s, err := cl.establish(dctx, mech)
	if err != nil {
		return nil, err
	}
	cl.conn, cl.session = c, s
	cl.stats.connectedAt = time.Now()
	cl.handleBreaks()
	cl.startKeepalive()
	return cl, nil
}

// timeout is the request timeout.
func (cl *Client) timeout() time.Duration {
	if cl.opts.Timeout > 0 {
		return cl.opts.Timeout
	}
	return DefaultTimeout
}

// establish dials, negotiates and sets up a session with mech, all held to
// the client's policy; on error nothing stays open. Dial and every
// reconnect come through here, so the mechanism is checked here, once,
// before any packet is sent.
func (cl *Client) establish(ctx context.Context, mech auth.Mechanism) (*Conn, *Session, error) {
	opts := &cl.opts
	p := cl.policy
	if err := p.allowsMechanism(mech); err != nil {
		mech.Zero()
		return nil, nil, err
	}
	addr := opts.Address
	if addr == "" {
		addr = net.JoinHostPort(opts.Server, strconv.Itoa(445))
	}
	dial := opts.Dial
	if dial == nil {
		dial = (&net.Dialer{}).DialContext
	}
	nc, err := dial(ctx, "tcp", addr)
	if err != nil {
		mech.Zero()
		return nil, nil, fmt.Errorf("smb2: connect %s: %w", addr, err)
	}
	c := newConn(&countingConn{Conn: nc, st: &cl.stats}, cl.timeout())
	c.state.ClientGUID = cl.clientGUID
	c.state.OfferPOSIX = !opts.NoPOSIX
	if err := c.negotiate(ctx, &p, opts.Server); err != nil {
		mech.Zero()
		c.Close()
		return nil, nil, err
	}
	s, err := c.sessionSetup(ctx, &p, mech)
	if err != nil {
		c.Close()
		return nil, nil, err
	}
	return c, s, nil
}

// Close stops reconnecting, logs off (best effort, bounded) and closes the
// connection.
func (cl *Client) Close() error {
	cl.mu.Lock()
	if cl.closed {
		cl.mu.Unlock()
		return nil
	}
	cl.closed = true
	if cl.stop != nil {
		close(cl.stop)
	}
	c, s := cl.conn, cl.session
	cl.mu.Unlock()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if c.Err() == nil {
		s.Logoff(ctx)
	} else {
		s.zero()
	}
	err := c.Close()
	cl.wg.Wait()
	return err
}

// current returns the current connection and session.
func (cl *Client) current() (*Conn, *Session) {
	cl.mu.Lock()
	defer cl.mu.Unlock()
	return cl.conn, cl.session
}

// Info describes the security a connection reached, for `smb3fs check` and
// the audit log.
type Info struct {
	Server           string
	Dialect          wire.Dialect
	Cipher           wire.CipherID // 0: not encrypted
	SigningAlgorithm wire.SigningID
	Encrypted        bool // every message of the session is encrypted
	Signed           bool // every response verified
	Mechanism        string
	MutualAuth       bool
	MaxReadSize      uint32
	MaxWriteSize     uint32
}

// Info returns the negotiated security of the session.
func (cl *Client) Info() Info {
	c, s := cl.current()
	st := &c.state
	return Info{
		Server:           cl.server,
		Dialect:          st.Dialect,
		Cipher:           st.Cipher,
		SigningAlgorithm: st.SigningAlgorithm,
		Encrypted:        s.encryptAll,
		Signed:           true,
		Mechanism:        s.mech,
		MutualAuth:       s.mutual,
		MaxReadSize:      st.MaxReadSize,
		MaxWriteSize:     st.MaxWriteSize,
	}
}

// cur returns the current connection.
func (cl *Client) cur() *Conn {
	c, _ := cl.current()
	return c
}
