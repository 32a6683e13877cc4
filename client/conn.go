package client

// The connection carries many requests at once over one TCP stream:
//
//	caller ──start()── credits ─ MessageId ─ sign/seal (caller's goroutine) ─ writeMu ─► TCP
//	   ▲                                                                                 │
//	   └── call.done ◄── verify ◄── decrypt ◄── split compound ◄── readLoop (one goroutine)
//
// Callers take credits and MessageIds under mu, sign or encrypt in their own
// goroutine (so encryption of large writes runs in parallel), and write whole
// frames under writeMu. The single reader decrypts, splits compound chains,
// matches each response to its pending call by MessageId, verifies it against
// what the call's session requires, banks the granted credits and completes
// the call. Anything it cannot match or verify is fatal: the connection ends
// and every pending call fails with the same error (house style 4 and 5).

import (
	"bufio"
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"net"
	"sync"
	"sync/atomic"
	"time"

	"github.com/smb3fs/smb3fs/client/wire"
	"github.com/smb3fs/smb3fs/crypto"
)

const (
	// maxFrameSize bounds one Direct TCP frame we accept (the 3-byte length
	// allows 16 MiB; we never negotiate more than 8 MiB reads).
	maxFrameSize = 1<<24 - 1
	// creditTarget is how many credits we ask the server to keep granting,
	// enough for a deep pipeline of 1 MiB (16-credit) reads.
	creditTarget = 1024
	// creditStep is the most extra credits one request asks for.
	creditStep = 256
	// DefaultTimeout is how long a request may go unanswered (and not
	// acknowledged with STATUS_PENDING) before the connection is declared dead.
	DefaultTimeout = 45 * time.Second
	// notificationMessageID marks an unsolicited oplock or lease break.
	notificationMessageID = ^uint64(0)
	// maxCredits bounds the credits we bank, whatever the server grants:
	// credits are how many requests may be in flight, so a server granting
	// 65535 per response must not make us keep thousands of requests (and
	// their buffers) pending. It is 8 times creditTarget, which is what we
	// ask for.
	maxCredits = 8192
	// asyncWaitFactor times the request timeout, counted from when the
	// request was sent, is the most a request the server acknowledged with
	// an interim STATUS_PENDING is waited for (see Conn.wait). A blocking
	// byte-range LOCK and CHANGE_NOTIFY are exempt: they wait for another
	// client or for a change, as long as their caller's context allows.
	asyncWaitFactor = 4
)

// errUnknownMessageID marks a response whose MessageId matches no request
// in flight: never sent, already answered (a replay), or forged.
var errUnknownMessageID = errors.New("unknown or repeated MessageId")

// call is one request awaiting its response.
type call struct {
	messageID uint64
	command   wire.Command
	// session is the session whose keys must protect the response; nil
	// before session setup completes (NEGOTIATE, SESSION_SETUP), where the
	// handshake verifies what it needs itself.
	session *Session
	// encrypted: the request was sent encrypted, so the response must be.
	encrypted bool

	done chan struct{} // closed when resp or err is set
	resp []byte        // the response message (header+body), exact bytes
	err  error
	// frame is the received frame buffer when resp was its only message
	// and it came from framePool: the caller may hand it back with
	// releaseFrame once done with resp. Set by the reader before done.
	frame []byte

	// acked is closed when the first interim STATUS_PENDING arrives
	// (by the reader, under Conn.mu).
	acked chan struct{}

	// sent is when the request was handed to the writer (set by reserve,
	// read-only afterwards): the async cap counts from it.
	sent time.Time
	// charge is the request's CreditCharge (read-only).
	charge uint16

	// Guarded by Conn.mu.
	asyncID   uint64 // set once an interim STATUS_PENDING arrived
	async     bool
	abandoned bool // the caller gave up; discard the response when it comes
	// deferred are the credits an interim response granted that could not
	// be verified (unsigned STATUS_PENDING on a signed session, [MS-SMB2]
	// 3.2.5.1.3): banked only when the final response verifies.
	deferred uint32
}

// Conn is one SMB2 connection: framing, credits, pending requests and the
// negotiated parameters. It is safe for concurrent use.
type Conn struct {
	nc      net.Conn
	timeout time.Duration

	// Negotiated state: written by the handshake before any concurrent use,
	// read-only afterwards.
	state connState

	writeMu sync.Mutex // serializes frame writes to nc

	mu sync.Mutex // guards the fields below
	// pending maps MessageId to the call waiting for it.
	pending map[uint64]*call
	// nextMessageID is the lowest MessageId not yet used.
	nextMessageID uint64
	// credits is how many MessageIds we may still use.
	credits uint32
	// inFlight is the CreditCharge of the calls in pending: credits plus
	// inFlight never grow past maxCredits.
	inFlight uint32
	// creditsChanged is closed (and replaced) whenever credits grow.
	creditsChanged chan struct{}
	// sessions maps SessionId to established sessions, for decryption.
	sessions map[uint64]*Session
	// err is the sticky error that ended the connection.
	err error
	// withholdingUntil: an acknowledged request went unanswered past its
	// async cap and was cancelled; until this time, or until the server
	// finishes an acknowledged request, the server is taken to withhold
	// answers, and a request it acknowledges fails as soon as the
	// acknowledgement arrives (see Conn.wait). Zero: not withholding.
	withholdingUntil time.Time
	// onBreak receives oplock and lease break notifications.
	onBreak func(msg []byte)
	// onFail, if set, runs (on its own goroutine) once the connection ends.
	onFail func(err error)

	// lastRecv is when the reader last received a frame (UnixNano).
	lastRecv atomic.Int64
	// rtt is the round trip estimate (rtt.go), fed by the reader.
	rtt rttFloor

	closed chan struct{} // closed when the connection ends
}

// connState is what NEGOTIATE settled ([MS-SMB2] 3.2.1.2 Connection).
type connState struct {
	Dialect            wire.Dialect
	Cipher             wire.CipherID  // 0: no encryption possible
	SigningAlgorithm   wire.SigningID // for 3.x
	ServerSecurityMode uint16
	ServerCapabilities uint32
	ServerGUID         [16]byte
	ClientGUID         [16]byte
	MaxTransactSize    uint32
	MaxReadSize        uint32
	MaxWriteSize       uint32
	ClientSecurityMode uint16
	ClientCapabilities uint32
	OfferedDialects    []wire.Dialect
	// SecurityBlob is the server's SPNEGO hint from the NEGOTIATE response.
	SecurityBlob []byte
	// Preauth is the connection's preauth integrity hash after NEGOTIATE.
	Preauth crypto.PreauthHash
	// OfferPOSIX: NEGOTIATE offers the SMB3 POSIX extensions (set before
	// it, from Options.NoPOSIX); POSIX: the server accepted them.
	OfferPOSIX, POSIX bool
}

// newConn wraps nc and starts its reader.
func newConn(nc net.Conn, timeout time.Duration) *Conn {
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	c := &Conn{
		nc:             nc,
		timeout:        timeout,
		pending:        make(map[uint64]*call),
		credits:        1,
		creditsChanged: make(chan struct{}),
		sessions:       make(map[uint64]*Session),
		closed:         make(chan struct{}),
	}
	c.lastRecv.Store(time.Now().UnixNano())
	go c.readLoop()
	return c
}

// Close ends the connection; pending calls fail with ErrConnectionClosed.
func (c *Conn) Close() error {
	c.fail(ErrConnectionClosed)
	return nil
}

// Err returns the error that ended the connection, or nil while it is alive.
func (c *Conn) Err() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.err
}

// fail ends the connection with err (the first error wins) and fails every
// pending call with it.
func (c *Conn) fail(err error) {
	c.mu.Lock()
	if c.err != nil {
		c.mu.Unlock()
		return
	}
	c.err = err
	pending := c.pending
	c.pending = make(map[uint64]*call)
	close(c.closed)
	onFail := c.onFail
	c.mu.Unlock()
	if onFail != nil {
		go onFail(err)
	}
	c.nc.Close()
	for _, cl := range pending {
		cl.err = err
		close(cl.done)
	}
}

// idle returns how long the connection has received nothing.
func (c *Conn) idle() time.Duration {
	return time.Since(time.Unix(0, c.lastRecv.Load()))
}

// registerSession makes s known to the reader for decryption.
func (c *Conn) registerSession(s *Session) {
	c.mu.Lock()
	c.sessions[s.id] = s
	c.mu.Unlock()
}

func (c *Conn) unregisterSession(s *Session) {
	c.mu.Lock()
	delete(c.sessions, s.id)
	c.mu.Unlock()
}

// creditCharge returns the CreditCharge for a request moving payload bytes
// ([MS-SMB2] 3.1.5.2).
func (c *Conn) creditCharge(payload int) uint16 {
	if c.state.Dialect == wire.Dialect202 || c.state.ServerCapabilities&wire.CapLargeMTU == 0 || payload <= 0 {
		return 1
	}
	return uint16((payload-1)/65536 + 1)
}

// outgoing is one message of a request (a compound chain has several).
type outgoing struct {
	// msg is the whole message, header at msg[0:64]; the caller encodes the
	// header's Command, TreeID and Flags (RelatedOperations), start fills
	// the rest. After start returns, msg holds the exact bytes sent (before
	// encryption), which the handshake feeds to the preauth hash.
	msg []byte
	// charge is the CreditCharge; at least 1.
	charge uint16
	// room, if set, is the buffer msg was built in at offset frameRoom
	// (see newRoom): a lone message is then framed, signed or sealed where
	// it lies, without copying the payload.
	room []byte
	// keep: msg must come out of start intact (it may be sent again
	// after a reconnect), so a lone encrypted message is sealed out of
	// place into a pooled frame buffer instead of where it lies. Signing
	// only writes the header's Signature field.
	keep bool
}

// frameRoom is the space newRoom leaves before a message: the transport
// header and an SMB2 TRANSFORM_HEADER.
const frameRoom = 4 + crypto.TransformHeaderSize

// sealSlack is spare capacity after a message or frame, which lets AES-GCM
// seal and open in place instead of moving the payload past its tag.
const sealSlack = 16

// newRoom returns a buffer for a message of up to size bytes with frameRoom
// in front and sealSlack behind, and the empty message slice inside it.
func newRoom(size int) (room, msg []byte) {
	room = make([]byte, frameRoom, frameRoom+size+sealSlack)
	return room[:cap(room)], room[frameRoom:frameRoom]
}

// inRoom reports whether o.msg still lies at o.room[frameRoom:] with the
// slack behind it (an append past the room's capacity moves it).
func (o *outgoing) inRoom() bool {
	return o.room != nil && len(o.msg) > 0 && cap(o.room) >= frameRoom+len(o.msg)+sealSlack &&
		&o.room[frameRoom] == &o.msg[0]
}

// start sends the messages (one, or a compound chain) as one frame and
// returns their pending calls. s may be nil before a session exists;
// encrypt seals the frame with s's keys; otherwise s's signer (if any) signs
// each message.
func (c *Conn) start(ctx context.Context, s *Session, encrypt bool, out []outgoing) ([]*call, error) {
	var total uint32
	for i := range out {
		if out[i].charge == 0 {
			out[i].charge = 1
		}
		total += uint32(out[i].charge)
	}
	if encrypt && (s == nil || s.enc == nil) {
		return nil, fmt.Errorf("smb2: %s request to encrypt without an encryption key", wire.Command(binary.LittleEndian.Uint16(out[0].msg[wire.OffsetCommand:])))
	}
	calls := make([]*call, len(out))
	if err := c.reserve(ctx, total, out, calls, s, encrypt); err != nil {
		return nil, err
	}
	if cc, ok := c.nc.(*countingConn); ok {
		cc.st.countSent(out)
	}

	// Chain the messages: 8-byte aligned, NextCommand set ([MS-SMB2] 3.2.4.1.4).
	var sign crypto.Signer
	if s != nil && !encrypt {
		sign = s.signer
	}
	for i := range out {
		if i < len(out)-1 {
			out[i].msg = padTo8(out[i].msg)
			binary.LittleEndian.PutUint32(out[i].msg[wire.OffsetNextCommand:], uint32(len(out[i].msg)))
		}
		if sign != nil {
			flags := binary.LittleEndian.Uint32(out[i].msg[wire.OffsetFlags:])
			binary.LittleEndian.PutUint32(out[i].msg[wire.OffsetFlags:], flags|wire.FlagSigned)
			if err := sign.Sign(out[i].msg); err != nil {
				return nil, c.unsent(calls, "sign", err)
			}
		}
	}

	size := 0
	for i := range out {
		size += len(out[i].msg)
	}
	var frame []byte
	switch {
	case len(out) == 1 && encrypt && out[0].keep:
		// Sealed out of place: GCM reads the message once and writes
		// the ciphertext into the frame; the message stays as it was.
		fb := getSealBuf(4 + crypto.TransformHeaderSize + len(out[0].msg) + sealSlack)
		defer putSealBuf(fb)
		var err error
		frame, err = s.enc.Seal(fb[:4], s.id, out[0].msg)
		if err != nil {
			return nil, c.unsent(calls, "encrypt", err)
		}
	case len(out) == 1 && out[0].inRoom():
		// Built in place by the caller: no copy at all.
		room, n := out[0].room, len(out[0].msg)
		if encrypt {
			var err error
			frame, err = s.enc.Seal(room[:4], s.id, room[frameRoom:frameRoom+n])
			if err != nil {
				return nil, c.unsent(calls, "encrypt", err)
			}
		} else {
			frame = room[frameRoom-4 : frameRoom+n]
		}
	case encrypt:
		// Lay the chain out after room for the transform header and seal
		// it in place: no second copy of the payload.
		const off = frameRoom
		buf := make([]byte, off, off+size+sealSlack)
		for i := range out {
			buf = append(buf, out[i].msg...)
		}
		var err error
		frame, err = s.enc.Seal(buf[:4], s.id, buf[off:])
		if err != nil {
			return nil, c.unsent(calls, "encrypt", err)
		}
	default:
		frame = make([]byte, 4, 4+size)
		for i := range out {
			frame = append(frame, out[i].msg...)
		}
	}
	if err := c.writeFrame(frame); err != nil {
		return nil, err
	}
	return calls, nil
}

// unsent handles a request that could not be signed or sealed after
// reserve registered it. A key wiped under it (its session logged off, or
// replaced by a reconnect, while the request was on its way) is not the
// connection's fault: the calls are withdrawn and the caller gets an error
// saying the request never left, so it may be sent again on a new
// connection. Anything else (the nonces used up) ends the connection.
// Their MessageIds and credits stay used: the session is going away.
func (c *Conn) unsent(calls []*call, what string, err error) error {
	if !errors.Is(err, crypto.ErrKeyWiped) {
		err = fmt.Errorf("smb2: %s: %w", what, err)
		c.fail(err)
		return err
	}
	c.mu.Lock()
	for _, cl := range calls {
		if c.pending[cl.messageID] == cl {
			delete(c.pending, cl.messageID)
			c.inFlight -= uint32(cl.charge)
		}
	}
	c.mu.Unlock()
	return &notSentError{fmt.Errorf("%w: %s: %w", ErrConnectionClosed, what, err)}
}

// reserve waits for credits, assigns MessageIds, fills the headers and
// registers the calls, all under mu so that IDs and credits stay consistent.
func (c *Conn) reserve(ctx context.Context, total uint32, out []outgoing, calls []*call, s *Session, encrypt bool) error {
	c.mu.Lock()
	for c.err == nil && c.credits < total {
		if len(c.pending) == 0 {
			have := c.credits
			c.mu.Unlock()
			return fmt.Errorf("%w: request needs %d credits, server granted %d and nothing is outstanding", ErrProtocol, total, have)
		}
		ch := c.creditsChanged
		c.mu.Unlock()
		select {
		case <-ch:
		case <-c.closed: // c.err is set; the loop returns it
		case <-ctx.Done():
			return ctx.Err()
		}
		c.mu.Lock()
	}
	if c.err != nil {
		err := c.err
		c.mu.Unlock()
		return &notSentError{err}
	}
	c.credits -= total
	now := time.Now()
	// Ask for enough to keep the pipeline deep.
	want := uint32(0)
	if avail := c.credits; avail < creditTarget {
		want = min(creditTarget-avail, creditStep)
	}
	for i := range out {
		id := c.nextMessageID
		c.nextMessageID += uint64(out[i].charge)
		req := uint32(out[i].charge)
		if i == len(out)-1 {
			req += want
		}
		m := out[i].msg
		binary.LittleEndian.PutUint16(m[wire.OffsetCreditCharge:], out[i].charge)
		binary.LittleEndian.PutUint16(m[wire.OffsetCredits:], uint16(min(req, 0xffff)))
		binary.LittleEndian.PutUint64(m[wire.OffsetMessageID:], id)
		if s != nil {
			binary.LittleEndian.PutUint64(m[wire.OffsetSessionID:], s.id)
		}
		cl := &call{
			messageID: id,
			command:   wire.Command(binary.LittleEndian.Uint16(m[wire.OffsetCommand:])),
			session:   s,
			encrypted: encrypt,
			done:      make(chan struct{}),
			acked:     make(chan struct{}),
			sent:      now,
			charge:    out[i].charge,
		}
		if s != nil && !s.established {
			cl.session = nil // the handshake verifies SESSION_SETUP itself
		}
		c.pending[id] = cl
		c.inFlight += uint32(cl.charge)
		calls[i] = cl
	}
	c.mu.Unlock()
	return nil
}

// writeFrame writes the Direct TCP transport header ([MS-SMB2] 2.1) into
// frame[0:4] and sends the frame. A failed write ends the connection.
func (c *Conn) writeFrame(frame []byte) error {
	n := len(frame) - 4
	if n > maxFrameSize {
		return fmt.Errorf("smb2: frame of %d bytes too large", n)
	}
	frame[0] = 0
	frame[1], frame[2], frame[3] = byte(n>>16), byte(n>>8), byte(n)
	c.writeMu.Lock()
	c.nc.SetWriteDeadline(time.Now().Add(c.timeout))
	_, err := c.nc.Write(frame)
	c.writeMu.Unlock()
	if err != nil {
		err = fmt.Errorf("smb2: write: %w", err)
		c.fail(err)
	}
	return err
}

// wait blocks until cl completes, ctx ends, or the server stays silent past
// the timeout. A cancelled caller sends SMB2 CANCEL and abandons the call
// (its late response is still verified, then discarded). Silence past the
// timeout on a request the server has not acknowledged ends the connection.
//
// A request the server acknowledged with an interim STATUS_PENDING
// ([MS-SMB2] 3.2.5.1.5) is waited for while ECHO shows the server alive,
// but for no longer than asyncCap from when it was sent: then it is
// cancelled (SMB2 CANCEL, 3.2.4.24) and abandoned like a cancelled caller's,
// and fails with an ErrTimeout error, while the connection stays up (the
// server answered everything else; its late answer to this one is still
// matched by MessageId, verified and discarded, and returns the credits).
// A blocking LOCK and CHANGE_NOTIFY are exempt (see asyncWaitFactor): they
// end with their caller's context.
//
// The cap is paid once, not once per request: after a request was
// cancelled at its cap, the server is taken to withhold answers for one
// more cap (asyncCap), or until it finishes an acknowledged request
// (any final answer but STATUS_CANCELLED), and meanwhile a request it
// acknowledges is cancelled as soon as the interim response arrives, with
// an ErrTimeout error. So requests sent one after another (a FUSE
// operation, or a syscall made of several) wait out one cap between them,
// not one each; a server that went quiet once gets its chance again after
// the window.
func (c *Conn) wait(ctx context.Context, cl *call) ([]byte, error) {
	first := c.timeout
	c.mu.Lock()
	if cl.async {
		// A later call of a compound: its cap may have run out while
		// the caller waited for the earlier ones.
		first = min(first, max(c.asyncCap(cl.command)-time.Since(cl.sent), time.Millisecond))
	}
	c.mu.Unlock()
	timer := time.NewTimer(first)
	defer timer.Stop()
	acked := cl.acked
	if c.asyncCap(cl.command) == time.Duration(math.MaxInt64) {
		acked = nil // exempt from the cap, and so from withholding
	}
	for {
		select {
		case <-cl.done:
			return cl.resp, cl.err
		case <-acked:
			acked = nil
			c.mu.Lock()
			_, pending := c.pending[cl.messageID]
			withholding := pending && time.Now().Before(c.withholdingUntil)
			if withholding {
				cl.abandoned = true
			}
			c.mu.Unlock()
			if withholding {
				c.sendCancel(cl)
				return nil, &timeoutError{fmt.Sprintf("smb2: %s acknowledged with STATUS_PENDING by a server that left an earlier acknowledged request unanswered past its cap; cancelled", cl.command)}
			}
		case <-ctx.Done():
			if g, ok := ctx.Value(graceKey{}).(*grace); ok {
				return c.waitGrace(ctx, cl, g)
			}
			c.cancel(cl)
			return nil, ctx.Err()
		case <-timer.C:
			c.mu.Lock()
			async := cl.async
			c.mu.Unlock()
			if !async {
				err := &timeoutError{fmt.Sprintf("smb2: no response to %s within %v", cl.command, c.timeout)}
				c.fail(err)
				return nil, err
			}
			left := c.asyncCap(cl.command) - time.Since(cl.sent)
			if left <= 0 {
				c.mu.Lock()
				c.withholdingUntil = time.Now().Add(c.asyncCap(cl.command))
				c.mu.Unlock()
				c.cancel(cl)
				return nil, &timeoutError{fmt.Sprintf("smb2: %s acknowledged with STATUS_PENDING but not answered within %v; cancelled", cl.command, c.asyncCap(cl.command))}
			}
			if err := c.probe(cl.session); err != nil {
				return nil, err
			}
			timer.Reset(min(c.timeout, max(left, time.Millisecond)))
		}
	}
}

// asyncCap is how long after it was sent an acknowledged (async) request
// of command cmd may go unanswered; effectively unbounded for a blocking
// LOCK and CHANGE_NOTIFY, which wait for other clients.
func (c *Conn) asyncCap(cmd wire.Command) time.Duration {
	if cmd == wire.CmdLock || cmd == wire.CmdChangeNotify {
		return time.Duration(math.MaxInt64)
	}
	return asyncWaitFactor * c.timeout
}

// graceKey is the context key of an interrupt grace (WithInterruptGrace).
type graceKey struct{}

// grace is how long a cancelled caller still waits for the answer; the
// period starts when the first wait notices the cancellation, so that
// the calls of one compound share it.
type grace struct {
	d     time.Duration
	once  sync.Once
	until time.Time // set by once
}

// deadline returns when the grace period ends.
func (g *grace) deadline() time.Time {
	g.once.Do(func() { g.until = time.Now().Add(g.d) })
	return g.until
}

// WithInterruptGrace returns a context whose cancellation does not make
// requests give up at once: each request in flight is cancelled (SMB2
// CANCEL, [MS-SMB2] 3.2.4.24) and its answer still waited for, for up to d
// after the cancellation was noticed. The real answer (success, or
// STATUS_CANCELLED when the server stopped the request) is returned if it
// comes within d, so the caller knows what happened; otherwise the
// request is abandoned and fails with ctx.Err(), its outcome unknown.
// The FUSE layer uses it for requests that change the share, whose
// outcome matters, and for those a stray signal would otherwise fail.
func WithInterruptGrace(ctx context.Context, d time.Duration) context.Context {
	return context.WithValue(ctx, graceKey{}, &grace{d: d})
}

// waitGrace is wait's answer to a cancelled ctx carrying a grace: CANCEL,
// then the answer if it comes before the grace ends, else abandon.
func (c *Conn) waitGrace(ctx context.Context, cl *call, g *grace) ([]byte, error) {
	c.sendCancel(cl)
	t := time.NewTimer(time.Until(g.deadline()))
	defer t.Stop()
	select {
	case <-cl.done:
		return cl.resp, cl.err
	case <-t.C:
	}
	c.mu.Lock()
	_, pending := c.pending[cl.messageID]
	if pending {
		cl.abandoned = true
	}
	c.mu.Unlock()
	if !pending {
		// The answer arrived as the grace ended: it is being delivered.
		<-cl.done
		return cl.resp, cl.err
	}
	return nil, ctx.Err()
}

// cancel gives up on cl: it marks the call abandoned (its late response is
// still verified, then discarded) and sends SMB2 CANCEL.
func (c *Conn) cancel(cl *call) {
	c.mu.Lock()
	if _, ok := c.pending[cl.messageID]; ok {
		cl.abandoned = true
	}
	c.mu.Unlock()
	c.sendCancel(cl)
}

// sendCancel sends SMB2 CANCEL for cl ([MS-SMB2] 3.2.4.24) without
// abandoning it: its final response is still delivered to the caller.
// Nothing is sent once cl has completed or the connection has ended.
func (c *Conn) sendCancel(cl *call) {
	c.mu.Lock()
	if _, ok := c.pending[cl.messageID]; !ok || c.err != nil {
		c.mu.Unlock()
		return
	}
	hdr := wire.Header{Command: wire.CmdCancel, MessageID: cl.messageID}
	if cl.async {
		hdr.Flags |= wire.FlagAsyncCommand
		hdr.AsyncID = cl.asyncID
		hdr.MessageID = 0
	}
	c.mu.Unlock()
	s := cl.session
	if s != nil {
		hdr.SessionID = s.id
	}
	msg := hdr.Append(make([]byte, 0, wire.HeaderSize+4))
	msg = (&wire.CancelRequest{}).Append(msg)
	var frame []byte
	switch {
	case s != nil && cl.encrypted && s.enc != nil:
		var err error
		frame, err = s.enc.Seal(make([]byte, 4), s.id, msg)
		if errors.Is(err, crypto.ErrKeyWiped) {
			return // the session's keys are gone, and with them the request
		}
		if err != nil {
			c.fail(fmt.Errorf("smb2: encrypt: %w", err))
			return
		}
	case s != nil && s.signer != nil:
		binary.LittleEndian.PutUint32(msg[wire.OffsetFlags:], hdr.Flags|wire.FlagSigned)
		if err := s.signer.Sign(msg); err != nil {
			return // the session's keys are gone, and with them the request
		}
		frame = append(make([]byte, 4), msg...)
	default:
		frame = append(make([]byte, 4), msg...)
	}
	c.writeFrame(frame)
}

// probe sends an ECHO and waits for it within the timeout: the server is
// alive, or the connection ends.
func (c *Conn) probe(s *Session) error {
	ctx, cancel := context.WithTimeout(context.Background(), c.timeout)
	defer cancel()
	_, err := c.roundTrip(ctx, s, s != nil && s.encryptAll, newMessage(wire.CmdEcho, 0, 0, &wire.EchoRequest{}), 1)
	if errors.Is(err, context.DeadlineExceeded) {
		err = &timeoutError{fmt.Sprintf("smb2: no response to ECHO within %v", c.timeout)}
	}
	if err != nil && c.Err() == nil {
		c.fail(err)
	}
	return err
}

// roundTrip sends one message and returns its response. A non-success status
// (other than those the caller handles, see okStatus) is returned as a
// *StatusError together with the response.
func (c *Conn) roundTrip(ctx context.Context, s *Session, encrypt bool, msg []byte, charge uint16) ([]byte, error) {
	calls, err := c.start(ctx, s, encrypt, []outgoing{{msg: msg, charge: charge}})
	if err != nil {
		return nil, err
	}
	resp, err := c.wait(ctx, calls[0])
	if err != nil {
		return nil, err
	}
	return resp, statusOf(resp)
}

// waitAll waits for every call of a compound (so that none is left
// behind) and returns their responses, or the first error: a transport
// error or a non-success status.
func (c *Conn) waitAll(ctx context.Context, calls []*call) ([][]byte, error) {
	resps := make([][]byte, len(calls))
	var firstErr error
	for i, cl := range calls {
		r, err := c.wait(ctx, cl)
		if err == nil {
			err = statusOf(r)
		}
		if err != nil && firstErr == nil {
			firstErr = err
		}
		resps[i] = r
	}
	if firstErr != nil {
		return nil, firstErr
	}
	return resps, nil
}

// statusOf returns a *StatusError for an error status in resp's header.
// STATUS_MORE_PROCESSING_REQUIRED and STATUS_BUFFER_OVERFLOW are returned as
// errors too; callers that expect them check with IsStatus.
func statusOf(resp []byte) error {
	st := wire.Status(binary.LittleEndian.Uint32(resp[wire.OffsetStatus:]))
	if st == wire.StatusSuccess {
		return nil
	}
	return &StatusError{Status: st, Command: wire.Command(binary.LittleEndian.Uint16(resp[wire.OffsetCommand:]))}
}

// newMessage builds a message with a zeroed header (Command, TreeID, flags
// filled) followed by body.
func newMessage(cmd wire.Command, treeID uint32, flags uint32, body interface{ Append([]byte) []byte }) []byte {
	h := wire.Header{Command: cmd, TreeID: treeID, Flags: flags}
	msg := h.Append(make([]byte, 0, 256))
	return body.Append(msg)
}

func padTo8(b []byte) []byte {
	for len(b)%8 != 0 {
		b = append(b, 0)
	}
	return b
}

// readLoop is the connection's only reader. It runs until the connection
// ends and ends it on any error.
func (c *Conn) readLoop() {
	br := bufio.NewReaderSize(c.nc, 64<<10)
	var hdr [4]byte
	first := true // no frame received yet: see notSMB
	for {
		if _, err := io.ReadFull(br, hdr[:]); err != nil {
			c.fail(readError(err))
			return
		}
		if first && (hdr[0] != 0 || int(hdr[1])<<16|int(hdr[2])<<8|int(hdr[3]) < wire.HeaderSize) {
			c.fail(notSMB(hdr[:], br))
			return
		}
		if hdr[0] != 0 {
			c.fail(fmt.Errorf("%w: transport header %x", ErrProtocol, hdr))
			return
		}
		n := int(hdr[1])<<16 | int(hdr[2])<<8 | int(hdr[3])
		if n < wire.HeaderSize {
			c.fail(fmt.Errorf("%w: frame of %d bytes", ErrProtocol, n))
			return
		}
		// The slack lets AES-GCM open the frame in place.
		frame := getFrame(n)
		if _, err := io.ReadFull(br, frame); err != nil {
			c.fail(readError(err))
			return
		}
		if id := string(frame[0:4]); first && id != wire.ProtocolID && id != wire.TransformProtocolID && id != wire.CompressionProtocolID {
			c.fail(notSMB(append(hdr[:], frame[:min(len(frame), 60)]...), nil))
			return
		}
		first = false
		c.lastRecv.Store(time.Now().UnixNano())
		if err := c.dispatch(frame); err != nil {
			c.fail(err)
			return
		}
	}
}

// ErrNotSMB: what answered is not an SMB2 or SMB3 server (a web server on
// port 445, an SMB1-only server). It is told by the first frame only: one
// whose transport header ([MS-SMB2] 2.1) or protocol id is no SMB2
// family's. That is a failure to connect, not a refusal by policy; a
// first frame that is SMB2 but wrong, and every later framing error, is
// ErrProtocol.
var ErrNotSMB = errors.New("not an SMB server")

// notSMB is ErrNotSMB with the first bytes that answered: got, and what
// br already holds after them (without waiting for more), up to the end
// of the first line or 60 bytes.
func notSMB(got []byte, br *bufio.Reader) error {
	ans := append([]byte(nil), got...)
	if br != nil {
		more, _ := br.Peek(min(br.Buffered(), 60))
		ans = append(ans, more...)
	}
	if len(ans) >= 8 && string(ans[4:8]) == "\xffSMB" {
		return fmt.Errorf("%w: it answered in SMB1, which smb3fs does not speak (SMB 2.0.2 or later)", ErrNotSMB)
	}
	if len(ans) > 60 {
		ans = ans[:60]
	}
	if i := bytes.IndexAny(ans, "\r\n"); i > 0 {
		ans = ans[:i]
	}
	return fmt.Errorf("%w (it answered %q)", ErrNotSMB, ans)
}

func readError(err error) error {
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return fmt.Errorf("%w: server closed the connection", ErrConnectionClosed)
	}
	return fmt.Errorf("smb2: read: %w", err)
}

// dispatch handles one frame: decrypt, split, match, verify, complete.
func (c *Conn) dispatch(frame []byte) error {
	raw := frame
	var sealedBy *Session
	switch string(frame[0:4]) {
	case wire.TransformProtocolID:
		sid, err := crypto.TransformSessionID(frame)
		if err != nil {
			return fmt.Errorf("%w: %w", ErrProtocol, err)
		}
		c.mu.Lock()
		s := c.sessions[sid]
		c.mu.Unlock()
		if s == nil || s.dec == nil {
			return fmt.Errorf("%w: encrypted message for unknown session 0x%x", ErrProtocol, sid)
		}
		_, plain, err := s.dec.Open(frame)
		if errors.Is(err, crypto.ErrKeyWiped) {
			// The session was logged off or replaced under the reader:
			// this connection is being closed, nobody tampered.
			return fmt.Errorf("%w: %w", ErrConnectionClosed, err)
		}
		if err != nil {
			return fmt.Errorf("%w: %w", ErrUnprotected, err)
		}
		frame, sealedBy = plain, s
	case wire.ProtocolID:
	case wire.CompressionProtocolID:
		return fmt.Errorf("%w: compressed message, compression was not negotiated", ErrProtocol)
	default:
		return fmt.Errorf("%w: protocol id %x", ErrProtocol, frame[0:4])
	}
	msgs, err := wire.SplitCompound(frame)
	if err != nil {
		return fmt.Errorf("%w: %w", ErrProtocol, err)
	}
	// Only a frame that carried exactly one message may be recycled by
	// its caller: with several, others would still alias it.
	var recyclable []byte
	if len(msgs) == 1 && cap(raw) >= minPooledFrame {
		recyclable = raw
	}
	for _, m := range msgs {
		if err := c.handle(m, sealedBy, recyclable); err != nil {
			return err
		}
	}
	return nil
}

// minPooledFrame is the smallest frame worth recycling (large READs).
const minPooledFrame = 64 << 10

// framePool recycles large receive buffers (see call.frame).
var framePool sync.Pool

// getFrame returns a buffer of n bytes with sealSlack spare capacity.
func getFrame(n int) []byte {
	if n+sealSlack >= minPooledFrame {
		if b, ok := framePool.Get().(*[]byte); ok && cap(*b) >= n+sealSlack {
			return (*b)[:n]
		}
	}
	return make([]byte, n, n+sealSlack)
}

// releaseFrame hands cl's frame back for reuse; cl.resp must not be used
// afterwards. Calls without a recyclable frame are left alone.
func releaseFrame(cl *call) {
	if cl.frame != nil {
		b := cl.frame
		cl.frame, cl.resp = nil, nil
		framePool.Put(&b)
	}
}

// handle matches one response message to its call ([MS-SMB2] 3.2.5.1).
func (c *Conn) handle(m []byte, sealedBy *Session, frame []byte) error {
	h, err := wire.DecodeHeader(m)
	if err != nil {
		return fmt.Errorf("%w: %w", ErrProtocol, err)
	}
	if !h.IsResponse() {
		return fmt.Errorf("%w: server sent a request (%s)", ErrProtocol, h.Command)
	}
	if h.MessageID == notificationMessageID {
		return c.handleNotification(m, &h, sealedBy)
	}
	c.mu.Lock()
	cl := c.pending[h.MessageID]
	c.mu.Unlock()
	if cl == nil {
		return fmt.Errorf("%w: %w: response with MessageId %d (%s) matches no request in flight", ErrProtocol, errUnknownMessageID, h.MessageID, h.Command)
	}
	if h.Command != cl.command {
		return fmt.Errorf("%w: response to MessageId %d is %s, request was %s", ErrProtocol, h.MessageID, h.Command, cl.command)
	}
	interim := h.Status == wire.StatusPending && h.IsAsync()
	if err := verifyResponse(cl, m, &h, sealedBy, interim); err != nil {
		return err
	}

	c.mu.Lock()
	if interim {
		// [MS-SMB2] 3.2.5.1.5: keep waiting; note the AsyncId for CANCEL.
		if !cl.async {
			close(cl.acked)
		}
		cl.async, cl.asyncID = true, h.AsyncID
		if sealedBy != nil || cl.session == nil {
			// Sealed, so verified (or the handshake's, which verifies
			// itself): its credits count now.
			c.grantLocked(uint32(h.Credits))
		} else {
			// Unsigned, as 3.3.4.1.1 lets the server send it: its
			// credits wait for the final response to verify.
			cl.deferred = satAdd(cl.deferred, uint32(h.Credits))
		}
		c.mu.Unlock()
		return nil
	}
	delete(c.pending, h.MessageID)
	c.noteAnswer(cl, time.Now())
	if cl.async && h.Status != wire.StatusCancelled {
		// The server finished an acknowledged request (even one we
		// gave up on): it no longer withholds answers. A CANCEL's
		// STATUS_CANCELLED ([MS-SMB2] 3.3.5.16) finishes nothing.
		c.withholdingUntil = time.Time{}
	}
	c.inFlight -= uint32(cl.charge)
	c.grantLocked(satAdd(uint32(h.Credits), cl.deferred))
	abandoned := cl.abandoned
	c.mu.Unlock()
	if !abandoned {
		cl.resp, cl.frame = m, frame
	}
	close(cl.done)
	return nil
}

// verifyResponse checks that m carries the protection its call requires
// ([MS-SMB2] 3.2.5.1.1.1, 3.2.5.1.3): a response to an encrypted request must
// arrive encrypted by the same session; any other response of an established
// session must be signed and verify. The only unsigned message accepted on a
// signed session is an interim STATUS_PENDING, which carries nothing but an
// AsyncId and credits.
func verifyResponse(cl *call, m []byte, h *wire.Header, sealedBy *Session, interim bool) error {
	s := cl.session
	if s == nil {
		// NEGOTIATE and SESSION_SETUP: the handshake verifies. A response
		// sealed by a session to a plaintext request is still acceptable.
		return nil
	}
	if h.SessionID != s.id {
		return fmt.Errorf("%w: %s response for session 0x%x on session 0x%x", ErrProtocol, h.Command, h.SessionID, s.id)
	}
	if sealedBy != nil {
		if sealedBy != s {
			return fmt.Errorf("%w: %s response encrypted by another session", ErrUnprotected, h.Command)
		}
		return nil
	}
	if cl.encrypted || s.encryptAll {
		return fmt.Errorf("%w: plaintext %s response (status %s) on an encrypted session", ErrUnprotected, h.Command, h.Status)
	}
	if interim {
		return nil
	}
	if h.Flags&wire.FlagSigned == 0 {
		return fmt.Errorf("%w: unsigned %s response (status %s) on a signed session", ErrUnprotected, h.Command, h.Status)
	}
	if err := s.signer.Verify(m); err != nil {
		if errors.Is(err, crypto.ErrKeyWiped) {
			return fmt.Errorf("%w: %s response: %w", ErrConnectionClosed, h.Command, err)
		}
		return fmt.Errorf("%w: %s response: %w", ErrUnprotected, h.Command, err)
	}
	return nil
}

// grantLocked banks n credits granted by a verified response, saturating
// so that the credits banked and those of requests in flight stay within
// maxCredits, and wakes callers waiting for credits. The caller holds c.mu.
func (c *Conn) grantLocked(n uint32) {
	if n == 0 {
		return
	}
	c.credits = min(satAdd(c.credits, n), maxCredits-min(c.inFlight, maxCredits))
	close(c.creditsChanged)
	c.creditsChanged = make(chan struct{})
}

// satAdd adds without wrapping around.
func satAdd(a, b uint32) uint32 {
	if a > math.MaxUint32-b {
		return math.MaxUint32
	}
	return a + b
}

// handleNotification checks an oplock or lease break ([MS-SMB2] 2.2.23,
// 3.2.5.19) and passes it to the handler.
//
// A break cannot be required to carry proof. [MS-SMB2] 3.2.5.1.3 exempts
// MessageId 0xFFFFFFFFFFFFFFFF from signature verification, and Samba
// sends both kinds unsigned and in plaintext even on a session that
// encrypts everything (seen on the wire by TestLiveLeaseBreakProtection:
// the lease break with SessionId 0, the oplock break with the session's
// SessionId, flags SERVER_TO_REDIR only, 0 credits), so refusing them
// would turn every break into a reconnect. What is checked: a break
// naming a session must name one on this connection; a sealed one must be
// sealed by the session it names; one that carries SMB2_FLAGS_SIGNED must
// verify. Anything else fails the connection (ErrUnprotected or
// ErrProtocol, then a reconnect). An unverified break is accepted only for
// what it can do, narrowing a lease or oplock the client holds (lease.go
// never widens state from a break): a forged one can make us drop caches
// and flush early, never accept data. Only a sealed break, verified by the
// session that sealed it, grants credits.
func (c *Conn) handleNotification(m []byte, h *wire.Header, sealedBy *Session) error {
	if h.Command != wire.CmdOplockBreak {
		return fmt.Errorf("%w: unsolicited %s", ErrProtocol, h.Command)
	}
	c.mu.Lock()
	fn := c.onBreak
	named := c.sessions[h.SessionID]
	c.mu.Unlock()
	switch {
	case h.SessionID != 0 && named == nil:
		return fmt.Errorf("%w: oplock break for session 0x%x, which is not on this connection", ErrProtocol, h.SessionID)
	case sealedBy != nil && named != nil && sealedBy != named:
		return fmt.Errorf("%w: oplock break for session 0x%x sealed by session 0x%x", ErrUnprotected, h.SessionID, sealedBy.id)
	case sealedBy == nil && named != nil && h.Flags&wire.FlagSigned != 0:
		if err := named.signer.Verify(m); err != nil {
			if errors.Is(err, crypto.ErrKeyWiped) {
				return fmt.Errorf("%w: oplock break: %w", ErrConnectionClosed, err)
			}
			return fmt.Errorf("%w: oplock break: %w", ErrUnprotected, err)
		}
	}
	if sealedBy != nil {
		c.mu.Lock()
		c.grantLocked(uint32(h.Credits))
		c.mu.Unlock()
	}
	if fn != nil {
		fn(m)
	}
	return nil
}
