package client

// Reconnect: a Client outlives its TCP connections. Every operation runs
// through Tree.do, which snapshots the current connection, session, TreeId
// and FileId, sends, and on a dead connection asks for ONE reconnect
// (single-flight: concurrent callers wait for the same one):
//
//	op ─ snap ─ send ──► conn dies ──► reconnect (once, backoff between attempts)
//	                                    dial ─ NEGOTIATE ─ SESSION_SETUP  (same Policy, same checks)
//	                                    TREE_CONNECT every tree           (same encryption checks)
//	                                    CREATE+DH2C every durable file    (same CreateGuid, lease key)
//	                                    commit: new conn/session/ids, generation+1, old keys zeroed
//	   ◄── resend if mayResend(class, sent), else ErrConnectionClosed (outcome unknown)
//
// A connection ended by an integrity failure (ErrUnprotected: a bad
// signature, a failed decryption, plaintext where protection is required;
// ErrProtocol: an unknown or repeated MessageId, a malformed frame) is
// reconnected like any other, after one EventIntegrity; since each new
// connection passes the whole policy again, nothing is given up. Such
// failures in a row (less than integrityQuiet apart) wait longer and
// longer before the reconnect, up to backoffMax, so that a man in the
// middle corrupting every connection gets one handshake per backoffMax,
// not a tight loop. During a reconnect attempt, a forged or malformed
// handshake or TREE_CONNECT fails that attempt, which is retried with
// backoff; a refusal (ErrRefused: a server, or a man in the middle,
// offering less than the policy) is terminal: the Client stays failed with
// that error and never retries into a weaker connection. A Kerberos reply
// that fails to prove the server's identity is retried too
// (refusedForGood). Trees and durable
// files that cannot be re-established are lost: their operations return
// ErrHandleLost.

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"time"

	"github.com/smb3fs/smb3fs/auth"
	"github.com/smb3fs/smb3fs/client/wire"
	"github.com/smb3fs/smb3fs/crypto"
)

// Reconnect errors; match with errors.Is.
var (
	// ErrHandleLost: the open (or tree) did not survive a reconnect. It was
	// not durable, or the server would not give it back; the error wraps
	// why. Data the server acknowledged before the connection ended is on
	// the server; nothing else is.
	ErrHandleLost = errors.New("smb2: handle lost in reconnect")
	// ErrAuthentication: the client could not authenticate (no ticket, an
	// expired one, no keytab entry); the wrapped error says which.
	ErrAuthentication = errors.New("smb2: authentication")
	// errNotSent marks a request that never left this machine because the
	// connection had already ended: it can always be sent again.
	errNotSent = errors.New("smb2: request not sent")
)

// notSentError is a connection's error returned to a request that it
// never sent; it matches both that error and errNotSent.
type notSentError struct{ err error }

func (e *notSentError) Error() string   { return e.err.Error() }
func (e *notSentError) Unwrap() []error { return []error{e.err, errNotSent} }

const (
	// maxResends bounds how often one operation is sent again after
	// reconnects (a server that dies at every attempt fails it).
	maxResends = 3
	// backoffMin and backoffMax bound the wait between reconnect attempts.
	backoffMin = 200 * time.Millisecond
	backoffMax = 10 * time.Second
	// integrityQuiet: an integrity failure less than this long after the
	// previous one doubles the wait before reconnecting (from backoffMin
	// to backoffMax); after a quiet spell the next one reconnects at once.
	integrityQuiet = time.Minute
)

// replayClass says what may happen to a request whose connection ended
// before its response arrived.
type replayClass int

const (
	// replayNever: sent again only if it provably never left (a CREATE
	// that may create or overwrite, rename, delete, link, LOCK, IOCTL).
	replayNever replayClass = iota
	// replayIdempotent: executing it twice is the same as once (READ,
	// QUERY_INFO, QUERY_DIRECTORY from the start, FLUSH, WRITE at an
	// explicit offset, ECHO, CHANGE_NOTIFY, an open-only CREATE, setting
	// an absolute size or times, CLOSE of a durable handle).
	replayIdempotent
)

// classify is the one place that decides which requests may be sent again
// after a reconnect when the old server may or may not have executed them.
// detail is the CreateDisposition of a CREATE and the FileInformationClass
// of a SET_INFO; other commands ignore it.
//
// SMB2_FLAGS_REPLAY_OPERATION ([MS-SMB2] 2.2.1.2, 3.2.4.1.x) is meant for
// requests on persistent or multichannel handles, where the server keeps a
// replay cache; we hold neither, so the only request marked a replay is a
// durable CREATE sent again with the same CreateGuid (Tree.Open), which
// the server may match to the open it already made. Everything else that
// is resent is harmless to execute twice.
func classify(cmd wire.Command, detail uint32) replayClass {
	switch cmd {
	case wire.CmdRead, wire.CmdQueryInfo, wire.CmdQueryDirectory, wire.CmdFlush,
		wire.CmdWrite, wire.CmdEcho, wire.CmdChangeNotify, wire.CmdClose:
		return replayIdempotent
	case wire.CmdCreate:
		if detail == wire.FileOpen {
			return replayIdempotent
		}
	case wire.CmdSetInfo:
		switch uint8(detail) {
		case wire.ClassFileEndOfFileInformation, wire.ClassFileBasicInformation, wire.ClassFileFullEaInformation:
			return replayIdempotent
		}
	}
	return replayNever
}

// classifyCreate classifies a CREATE: only an open of an existing file
// that does not delete it on close may run twice.
func classifyCreate(req *wire.CreateRequest) replayClass {
	if req.CreateOptions&wire.FileDeleteOnClose != 0 {
		return replayNever
	}
	return classify(wire.CmdCreate, req.CreateDisposition)
}

// mayResend: a request not yet sent always may; one sent only if its class
// is idempotent.
func mayResend(class replayClass, sent bool) bool {
	return !sent || class == replayIdempotent
}

// snap is what one request is sent with: a consistent view of the client's
// current connection and the tree's and file's ids on it.
type snap struct {
	conn    *Conn
	s       *Session
	tid     uint32
	encrypt bool
	fid     wire.FileID
	gen     uint64 // the client generation conn belongs to
}

// request sends one message on the snapshot's tree.
func (sn *snap) request(ctx context.Context, cmd wire.Command, body interface{ Append([]byte) []byte }, charge uint16) ([]byte, error) {
	return sn.conn.roundTrip(ctx, sn.s, sn.encrypt, newMessage(cmd, sn.tid, 0, body), charge)
}

// compound sends out as one compound on the snapshot's connection and
// waits for every response: all of them in order, or the first error (the
// transport's, or a response's error status).
func (sn *snap) compound(ctx context.Context, out []outgoing) ([][]byte, error) {
	calls, err := sn.conn.start(ctx, sn.s, sn.encrypt, out)
	if err != nil {
		return nil, err
	}
	return sn.conn.waitAll(ctx, calls)
}

// snap returns the tree's (and f's, if not nil) current state, or why the
// tree or file is gone.
func (t *Tree) snap(f *File) (snap, error) {
	cl := t.cl
	cl.mu.Lock()
	defer cl.mu.Unlock()
	if cl.failed != nil {
		return snap{}, cl.failed
	}
	if t.gen != cl.gen {
		why := t.lost
		if why == nil {
			why = errors.New("not connected again")
		}
		return snap{}, fmt.Errorf("%w: share %s: %w", ErrHandleLost, t.share, why)
	}
	sn := snap{conn: cl.conn, s: t.s, tid: t.id, encrypt: t.encrypt, gen: cl.gen}
	if f != nil {
		if f.gen != cl.gen {
			why := f.lost
			if why == nil {
				why = errors.New("not a durable handle")
			}
			return snap{}, fmt.Errorf("%w: %s: %w", ErrHandleLost, f.name, why)
		}
		sn.fid = f.id
	}
	return sn, nil
}

// do runs fn on a snapshot of t (and f). When the connection ends under
// it, do reconnects and runs fn again if mayResend allows; a request that
// may have been executed and is not idempotent fails with an error wrapping
// ErrConnectionClosed, while the reconnect goes on in the background.
func (t *Tree) do(ctx context.Context, f *File, class replayClass, fn func(sn *snap) error) error {
	cl := t.cl
	for resends := 0; ; resends++ {
		sn, err := t.snap(f)
		if err != nil {
			return err
		}
		err = fn(&sn)
		if err == nil {
			return nil
		}
		why, ok := cl.needsReconnect(sn.conn, err)
		if !ok {
			return err
		}
		// STATUS_NETWORK_SESSION_EXPIRED means the request was not
		// processed ([MS-SMB2] 3.3.5.2.9).
		sent := !errors.Is(err, errNotSent) && !IsStatus(err, wire.StatusNetworkSessionExpired)
		if !mayResend(class, sent) {
			cl.kick(sn.conn, why)
			return fmt.Errorf("%w: the connection ended before the server answered; the request may or may not have been executed, so it is not sent again: %w", ErrConnectionClosed, err)
		}
		if resends >= maxResends {
			return err
		}
		if err := cl.reconnect(ctx, sn.conn, why); err != nil {
			return err
		}
	}
}

// needsReconnect says whether err, from a request sent on c, means c is
// gone and a reconnect is due, and the reason to report. A connection
// ended by a forged or malformed message (ErrUnprotected, ErrProtocol) is
// reconnected too: the reconnect loop reports it (EventIntegrity) and
// backs off when it repeats.
func (cl *Client) needsReconnect(c *Conn, err error) (error, bool) {
	if c == nil {
		return nil, false
	}
	if IsStatus(err, wire.StatusNetworkSessionExpired) {
		c.fail(fmt.Errorf("%w: %w", ErrConnectionClosed, errSessionExpired))
		return errSessionExpired, true
	}
	why := c.Err()
	if why == nil {
		return nil, false
	}
	cl.mu.Lock()
	closed := cl.closed
	cl.mu.Unlock()
	if closed {
		return nil, false
	}
	if errors.Is(why, errSessionExpired) {
		// The same reason whichever starts the reconnect first: the
		// request that met the expiry, or the connection's onFail.
		return errSessionExpired, true
	}
	return why, true
}

// errSessionExpired is the reason reported for a reconnect after
// STATUS_NETWORK_SESSION_EXPIRED.
var errSessionExpired = errors.New("smb2: session expired (STATUS_NETWORK_SESSION_EXPIRED), re-authenticating")

// EventKind says what an Event reports.
type EventKind int

// Event kinds.
const (
	// EventReconnected: a new connection and session replaced a dead one.
	EventReconnected EventKind = iota + 1
	// EventReconnectFailed: reconnect attempts stopped without success
	// (nobody was waiting any more); the next request tries again.
	EventReconnectFailed
	// EventRefused: a reconnect met a server (or a man in the middle)
	// below the policy; the Client is failed for good.
	EventRefused
	// EventIntegrity: a message failed verification (Failure says how;
	// Reason is the connection's error), possibly tampering on the
	// network: the connection was dropped and a reconnect follows (and is
	// reported as usual). One per connection.
	EventIntegrity
)

// String names the kind for logs.
func (k EventKind) String() string {
	switch k {
	case EventReconnected:
		return "reconnected"
	case EventReconnectFailed:
		return "reconnect failed"
	case EventRefused:
		return "reconnect refused"
	case EventIntegrity:
		return "integrity failure"
	}
	return fmt.Sprintf("event(%d)", int(k))
}

// Event reports one reconnect (Options.OnEvent). It carries no secrets.
type Event struct {
	Kind EventKind
	// Reason is why the old connection ended.
	Reason error
	// Attempts is how many times we dialed; Duration how long it took
	// from the first attempt to the outcome.
	Attempts int
	Duration time.Duration
	// Principal is who the new session logged in as (auth.Principal:
	// user@REALM or DOMAIN\user; "" if the mechanism does not say), set
	// once an attempt authenticated: a ticket cache that kinit refilled
	// for another user logs in as that user.
	Principal string
	// Trees is how many shares were connected again.
	Trees int
	// Reopened are the paths of durable handles reclaimed; Lost are the
	// paths of handles and shares that did not survive, with why.
	Reopened []string
	Lost     []string
	// Err is the last attempt's error (EventReconnectFailed, EventRefused).
	Err error
	// Failure names what failed verification (EventIntegrity): "bad
	// signature", "decryption failed", "unprotected message", "unknown or
	// repeated MessageId" or "malformed message".
	Failure string
	// Streak counts the integrity failures in a row, this one included
	// (EventIntegrity), each less than a minute after the one before;
	// Delay is how long the reconnect waits because of them.
	Streak int
	Delay  time.Duration
}

// isIntegrity reports whether err ended a connection because a message
// failed verification or broke the protocol.
func isIntegrity(err error) bool {
	return errors.Is(err, ErrUnprotected) || errors.Is(err, ErrProtocol)
}

// integrityFailure names what failed in err (see Event.Failure).
func integrityFailure(err error) string {
	switch {
	case errors.Is(err, crypto.ErrDecrypt):
		return "decryption failed"
	case errors.Is(err, crypto.ErrBadSignature):
		return "bad signature"
	case errors.Is(err, ErrUnprotected):
		return "unprotected message"
	case errors.Is(err, errUnknownMessageID):
		return "unknown or repeated MessageId"
	}
	return "malformed message"
}

// kick starts a reconnect of old in the background if none is running and
// returns at once.
func (cl *Client) kick(old *Conn, why error) {
	cl.mu.Lock()
	defer cl.mu.Unlock()
	cl.startLocked(old, why)
}

// startLocked starts the reconnect loop unless it runs already, old was
// replaced, the client is failed or closed, or it cannot reconnect. It
// returns the channel closed when the loop ends (nil if none runs). The
// caller holds cl.mu.
func (cl *Client) startLocked(old *Conn, why error) chan struct{} {
	if cl.failed != nil || cl.closed || cl.conn != old {
		return nil
	}
	if cl.reconnecting != nil {
		return cl.reconnecting
	}
	if cl.opts.NewMechanism == nil {
		return nil
	}
	ch := make(chan struct{})
	cl.reconnecting = ch
	cl.wg.Add(1)
	go cl.reconnectLoop(old, why, ch)
	return ch
}

// reconnect replaces the dead connection old, or waits for the reconnect
// that is already doing so, for at most ctx and twice the request timeout
// (so that no request blocks forever on a server that is gone). It returns
// nil once a new connection is in place.
func (cl *Client) reconnect(ctx context.Context, old *Conn, why error) error {
	cl.mu.Lock()
	if cl.conn != old && cl.failed == nil {
		cl.mu.Unlock()
		return nil // someone already reconnected
	}
	if cl.failed == nil && !cl.closed && cl.opts.NewMechanism == nil {
		cl.mu.Unlock()
		return fmt.Errorf("%w: %w (this client cannot reconnect: no Options.NewMechanism)", ErrConnectionClosed, why)
	}
	ch := cl.startLocked(old, why)
	if ch == nil {
		err := cl.failed
		cl.mu.Unlock()
		if err == nil {
			err = fmt.Errorf("%w: client closed", ErrConnectionClosed)
		}
		return err
	}
	cl.waiters++
	cl.mu.Unlock()
	defer func() {
		cl.mu.Lock()
		cl.waiters--
		cl.mu.Unlock()
	}()
	limit := time.NewTimer(2 * cl.timeout())
	defer limit.Stop()
	var waitErr error
	select {
	case <-ch:
	case <-ctx.Done():
		waitErr = ctx.Err()
	case <-limit.C:
		waitErr = &timeoutError{fmt.Sprintf("smb2: no new connection to %s within %v", cl.server, 2*cl.timeout())}
	}
	cl.mu.Lock()
	defer cl.mu.Unlock()
	switch {
	case cl.failed != nil:
		return cl.failed
	case cl.conn != old:
		return nil
	case waitErr == nil && cl.lastErr != nil:
		return fmt.Errorf("%w: reconnecting to %s: %w", ErrConnectionClosed, cl.server, cl.lastErr)
	case waitErr == nil:
		waitErr = errors.New("gave up")
	}
	if cl.lastErr != nil {
		return fmt.Errorf("%w: reconnecting to %s: %w (last attempt: %w)", ErrConnectionClosed, cl.server, waitErr, cl.lastErr)
	}
	return fmt.Errorf("%w: reconnecting to %s: %w", ErrConnectionClosed, cl.server, waitErr)
}

// reconnectLoop dials until it succeeds, is refused, or nobody needs it any
// more: attempts go on while a caller waits or a durable handle would
// otherwise expire, with backoff between them.
func (cl *Client) reconnectLoop(old *Conn, why error, ch chan struct{}) {
	defer cl.wg.Done()
	start := time.Now()
	backoff := backoffMin
	ev := Event{Reason: why}
	cl.mu.Lock()
	cl.noteErrorLocked(why)
	cl.mu.Unlock()
	finish := func() {
		ev.Duration = time.Since(start)
		cl.mu.Lock()
		cl.reconnecting = nil
		cl.mu.Unlock()
		close(ch)
		if fn := cl.opts.OnEvent; fn != nil {
			fn(ev)
		}
	}
	if isIntegrity(why) && !cl.integrityWait(old, why) {
		ev.Kind = EventReconnectFailed
		ev.Err = fmt.Errorf("%w: client closed", ErrConnectionClosed)
		finish()
		return
	}
	for {
		ev.Attempts++
		err := cl.reconnectOnce(old, &ev)
		if err == nil {
			ev.Kind = EventReconnected
			finish()
			return
		}
		ev.Err = err
		if refusedForGood(err) {
			cl.mu.Lock()
			cl.failed = fmt.Errorf("smb2: reconnect to %s refused, client stopped: %w", cl.server, err)
			cl.noteErrorLocked(cl.failed)
			cl.mu.Unlock()
			ev.Kind = EventRefused
			finish()
			return
		}
		cl.mu.Lock()
		cl.lastErr = err
		cl.noteErrorLocked(err)
		// Credentials that do not work now (an expired ticket cache) will
		// not work in a second either: the waiting callers get the error
		// at once, and the next request tries again (after a kinit).
		keep := !cl.closed && !errors.Is(err, ErrAuthentication) && !cl.oneAttempt &&
			(cl.waiters > 0 || time.Since(start) < cl.durableHorizonLocked())
		cl.mu.Unlock()
		if !keep {
			ev.Kind = EventReconnectFailed
			finish()
			return
		}
		select {
		case <-time.After(backoff):
		case <-cl.stop:
		}
		backoff = min(2*backoff, backoffMax)
	}
}

// durableRetryFirst, durableRetryMax and durableRetryWindow bound the
// retries of a durable reconnect the server did not recognise: waits of
// 100 ms doubling to at most 800 ms, for 3 s from the start of the
// reconnect's handle pass in all (shared by every handle, so many lost
// handles do not add up), and never past the last second of the
// reconnect's deadline. Then the handle counts as lost. Samba under load
// (two cores busy compiling) took more than 1.5 s to notice that the old
// connection had gone.
const (
	durableRetryFirst  = 100 * time.Millisecond
	durableRetryMax    = 800 * time.Millisecond
	durableRetryWindow = 3 * time.Second
)

// durableRetryAllowed reports whether a wait of wait before another
// durable reconnect ends before retryUntil and leaves a second of ctx's
// deadline.
func durableRetryAllowed(ctx context.Context, retryUntil time.Time, wait time.Duration) bool {
	next := time.Now().Add(wait)
	if next.After(retryUntil) {
		return false
	}
	if d, ok := ctx.Deadline(); ok && next.Add(time.Second).After(d) {
		return false
	}
	return true
}

// refusedForGood reports whether a failed reconnect attempt ends the
// client: the server (or a man in the middle) offered less than the Policy
// (ErrRefused). A Kerberos reply that did not prove the server's identity
// (auth.ErrMutualAuthFailed: an AP-REP that does not decrypt or verify, or
// a KRB-ERROR in its place) is not: the same server proved its identity
// when the client first connected, so this is tampering or a passing
// Kerberos error (clock skew), and the next attempt passes the whole
// Policy again; giving up would let one altered frame end the mount.
func refusedForGood(err error) bool {
	return errors.Is(err, ErrRefused) && !errors.Is(err, auth.ErrMutualAuthFailed)
}

// integrityWait reports the integrity failure that ended old
// (EventIntegrity, once per connection) and waits before the reconnect
// when such failures come in a row: backoffMin after the second, doubling
// up to backoffMax. It returns false if the client was closed meanwhile.
func (cl *Client) integrityWait(old *Conn, why error) bool {
	now := time.Now()
	cl.mu.Lock()
	if cl.integrityConn == old {
		cl.mu.Unlock()
		return true // reported, and waited for, by an earlier loop
	}
	cl.integrityConn = old
	if !cl.integrityAt.IsZero() && now.Sub(cl.integrityAt) < integrityQuiet {
		cl.integrityStreak++
		cl.integrityDelay = min(max(2*cl.integrityDelay, backoffMin), backoffMax)
	} else {
		cl.integrityStreak, cl.integrityDelay = 1, 0
	}
	cl.integrityAt = now
	ev := Event{Kind: EventIntegrity, Reason: why, Err: why, Failure: integrityFailure(why),
		Streak: cl.integrityStreak, Delay: cl.integrityDelay}
	cl.mu.Unlock()
	if fn := cl.opts.OnEvent; fn != nil {
		fn(ev)
	}
	if ev.Delay == 0 {
		return true
	}
	t := time.NewTimer(ev.Delay)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-cl.stop:
		return false
	}
}

// durableHorizonLocked is how long the longest-lived durable handle is
// kept by the server after a disconnect. The caller holds cl.mu.
func (cl *Client) durableHorizonLocked() time.Duration {
	var d time.Duration
	for f := range cl.durables {
		d = max(d, f.durable.Timeout)
	}
	return d
}

// reconnectOnce makes one attempt: a new connection and session held to
// the same policy, every tree connected again, every durable handle
// reclaimed, and the result committed at once.
func (cl *Client) reconnectOnce(old *Conn, ev *Event) error {
	ctx, cancel := context.WithTimeout(context.Background(), cl.timeout())
	defer cancel()
	go func() { // Close ends the attempt at once
		select {
		case <-cl.stop:
			cancel()
		case <-ctx.Done():
		}
	}()
	select {
	case <-cl.stop:
		return fmt.Errorf("%w: client closed", ErrConnectionClosed)
	default:
	}
	mech, err := cl.opts.NewMechanism()
	if err != nil {
		return fmt.Errorf("%w: %w", ErrAuthentication, err)
	}
	c, s, err := cl.establish(ctx, mech)
	if err != nil {
		return err
	}
	ev.Principal = auth.Principal(mech)
	ok := false
	defer func() {
		if !ok {
			s.zero()
			c.Close()
		}
	}()
	cl.installBreaks(c)
	cl.watch(c)

	cl.mu.Lock()
	trees := make([]*Tree, 0, len(cl.trees))
	for t := range cl.trees {
		if t.gen == cl.gen {
			trees = append(trees, t)
		}
	}
	files := make([]*File, 0, len(cl.durables))
	for f := range cl.durables {
		if f.gen == cl.gen {
			files = append(files, f)
		}
	}
	cl.mu.Unlock()

	type treeState struct {
		tc  treeConn
		err error
	}
	ts := make(map[*Tree]*treeState, len(trees))
	for _, t := range trees {
		tc, err := connectTree(ctx, c, s, cl.server, t.share)
		if errors.Is(err, ErrRefused) {
			return err // terminal: the share fell below the policy
		}
		if isIntegrity(err) {
			return err // a forged answer: this attempt failed, try again
		}
		if err != nil && c.Err() != nil {
			return err // the new connection died too: try again
		}
		ts[t] = &treeState{tc, err}
	}
	type fileState struct {
		id  wire.FileID
		err error
	}
	fs := make(map[*File]*fileState, len(files))
	retryUntil := time.Now().Add(durableRetryWindow)
	for _, f := range files {
		st := ts[f.t]
		if st == nil || st.err != nil {
			fs[f] = &fileState{err: errors.New("its share was not connected again")}
			continue
		}
		cl.mu.Lock()
		locked := f.locks > 0
		cl.mu.Unlock()
		if locked {
			// Samba keeps no durable handle holding byte-range locks
			// without a write lease (and 4.17's smbd panics on the DH2C
			// for one); the locks could not come back anyway.
			fs[f] = &fileState{err: errors.New("it held byte-range locks, which a reconnect cannot restore")}
			continue
		}
		id, err := f.reopen(ctx, c, s, &st.tc, retryUntil)
		if isIntegrity(err) && c.Err() != nil {
			return err // a forged answer: this attempt failed, try again
		}
		if err != nil && c.Err() != nil {
			return err
		}
		fs[f] = &fileState{id, err}
	}

	// Commit.
	cl.mu.Lock()
	if cl.closed {
		cl.mu.Unlock()
		return fmt.Errorf("%w: client closed", ErrConnectionClosed)
	}
	oldSession := cl.session
	cl.gen++
	cl.conn, cl.session = c, s
	cl.stats.connectedAt = time.Now()
	cl.lastErr = nil
	var lost, reopened []string
	for t, st := range ts {
		if st.err != nil {
			t.lost = st.err
			lost = append(lost, "share "+t.share+": "+st.err.Error())
			continue
		}
		t.s, t.id, t.encrypt, t.gen = s, st.tc.id, st.tc.encrypt, cl.gen
		ev.Trees++
	}
	for f, st := range fs {
		if st.err != nil {
			f.lost = st.err
			delete(cl.durables, f)
			lost = append(lost, f.name+": "+st.err.Error())
			continue
		}
		f.id, f.gen = st.id, cl.gen
		reopened = append(reopened, f.name)
	}
	cl.mu.Unlock()
	sort.Strings(lost)
	sort.Strings(reopened)
	ev.Lost, ev.Reopened = lost, reopened
	ok = true
	if old != nil {
		old.Close()
	}
	if oldSession != nil {
		oldSession.conn.unregisterSession(oldSession)
		oldSession.zero()
	}
	return nil
}

// reopen reclaims f's durable handle on a new connection with a DH2C
// context ([MS-SMB2] 2.2.13.2.12, 3.2.4.4): the same CreateGuid and the old
// FileId, and the lease context with the same LeaseKey (the server refuses
// a reconnect whose lease does not match, 3.3.5.9.12). It returns the new
// FileId. A STATUS_OBJECT_NAME_NOT_FOUND is tried again until retryUntil
// (see durableRetryWindow).
func (f *File) reopen(ctx context.Context, c *Conn, s *Session, tc *treeConn, retryUntil time.Time) (wire.FileID, error) {
	cl := f.t.cl
	cl.mu.Lock()
	oldID, name := f.id, f.name
	cl.mu.Unlock()
	d := f.durable
	req := *f.req
	req.Name = name
	req.Contexts = []wire.CreateContext{
		{Name: wire.CtxNameDurableReconnectV2, Data: (&wire.DurableHandleReconnectV2{FileID: oldID, CreateGUID: d.CreateGUID}).Encode()},
	}
	if d.Lease != nil {
		req.RequestedOplockLevel = wire.OplockLevelLease
		state := d.leaseState
		if state == 0 {
			state = durableLeaseState
		}
		lr := &wire.LeaseRequestV2{Key: d.Lease.key, State: state}
		req.Contexts = append(req.Contexts, wire.CreateContext{Name: wire.CtxNameLeaseRequest, Data: lr.Encode()})
	}
	var resp []byte
	var err error
	for wait := durableRetryFirst; ; wait = min(2*wait, durableRetryMax) {
		resp, err = c.roundTrip(ctx, s, tc.encrypt, newMessage(wire.CmdCreate, tc.id, 0, &req), 1)
		if !IsStatus(err, wire.StatusObjectNameNotFound) || !durableRetryAllowed(ctx, retryUntil, wait) {
			break
		}
		// The server may not have seen the old connection end yet: Samba
		// gives back only an open it has marked disconnected, and answers
		// STATUS_OBJECT_NAME_NOT_FOUND before that ([MS-SMB2] 3.3.5.9.12
		// leaves the check to the server).
		t := time.NewTimer(wait)
		select {
		case <-t.C:
		case <-ctx.Done():
			t.Stop()
			return wire.FileID{}, fmt.Errorf("durable reconnect: %w", ctx.Err())
		}
	}
	if err != nil {
		return wire.FileID{}, fmt.Errorf("durable reconnect: %w", err)
	}
	r, err := wire.DecodeCreateResponse(resp)
	if err != nil {
		return wire.FileID{}, fmt.Errorf("%w: %w", ErrProtocol, err)
	}
	if d.Lease != nil {
		granted, _, err := leaseGranted(r, d.Lease.key)
		if err != nil {
			return wire.FileID{}, err
		}
		l := d.Lease
		l.g.mu.Lock()
		l.g.state &= granted
		l.g.mu.Unlock()
	}
	return r.FileID, nil
}

// trackDurable registers f (opened durable with d) for reclaiming after a
// reconnect.
func (cl *Client) trackDurable(f *File, d *durableGrant, req *wire.CreateRequest) {
	saved := *req
	saved.Contexts = nil
	f.req, f.durable = &saved, d
	cl.mu.Lock()
	if cl.durables == nil {
		cl.durables = make(map[*File]struct{})
	}
	cl.durables[f] = struct{}{} // f.gen stays that of the connection it was opened on
	cl.mu.Unlock()
}

// untrack forgets f once it is closed.
func (cl *Client) untrack(f *File) {
	cl.mu.Lock()
	delete(cl.durables, f)
	cl.mu.Unlock()
}

// Durable reports whether f is a durable handle that a reconnect reclaims.
func (f *File) Durable() bool {
	cl := f.t.cl
	cl.mu.Lock()
	defer cl.mu.Unlock()
	_, ok := cl.durables[f]
	return ok
}

// Generation counts the client's reconnects (0 for the first connection).
func (cl *Client) Generation() uint64 {
	cl.mu.Lock()
	defer cl.mu.Unlock()
	return cl.gen
}

// Err returns the error that stopped the client for good (a refused
// reconnect), or nil.
func (cl *Client) Err() error {
	cl.mu.Lock()
	defer cl.mu.Unlock()
	return cl.failed
}
