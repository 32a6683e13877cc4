package client

import (
	"context"
	"crypto/rand"
	"encoding/binary"
	"errors"
	"io"
	"net"
	"testing"
	"time"

	"github.com/smb3fs/smb3fs/client/wire"
	"github.com/smb3fs/smb3fs/crypto"
)

// peer plays the server side of a Conn in unit tests: it reads the client's
// frames and writes hand-made responses, so each test controls every byte.
type peer struct {
	t  *testing.T
	nc net.Conn
	// Server-side keys mirroring the test session's.
	signer crypto.Signer
	enc    *crypto.Encryptor // server to client
	dec    *crypto.Decryptor // client to server
}

func (p *peer) readFrame() []byte {
	p.t.Helper()
	var hdr [4]byte
	if _, err := io.ReadFull(p.nc, hdr[:]); err != nil {
		p.t.Fatalf("peer read: %v", err)
	}
	n := int(hdr[1])<<16 | int(hdr[2])<<8 | int(hdr[3])
	b := make([]byte, n)
	if _, err := io.ReadFull(p.nc, b); err != nil {
		p.t.Fatalf("peer read: %v", err)
	}
	return b
}

// readMsg reads one frame and returns its plaintext message(s).
func (p *peer) readMsg() []byte {
	p.t.Helper()
	f := p.readFrame()
	if string(f[:4]) == wire.TransformProtocolID {
		_, plain, err := p.dec.Open(f)
		if err != nil {
			p.t.Fatalf("peer decrypt: %v", err)
		}
		return plain
	}
	return f
}

func (p *peer) write(b []byte) {
	p.t.Helper()
	frame := make([]byte, 4, 4+len(b))
	frame[1], frame[2], frame[3] = byte(len(b)>>16), byte(len(b)>>8), byte(len(b))
	frame = append(frame, b...)
	if _, err := p.nc.Write(frame); err != nil {
		p.t.Logf("peer write: %v", err)
	}
}

// response builds a response header for req with the given status and
// credits, followed by body.
func response(req []byte, status wire.Status, credits uint16, body []byte) []byte {
	h, _ := wire.DecodeHeader(req)
	h.Flags = wire.FlagServerToRedir
	h.Status = status
	h.Credits = credits
	h.Signature = [16]byte{}
	h.NextCommand = 0
	return append(h.Append(nil), body...)
}

func echoBody() []byte { return []byte{4, 0, 0, 0} }

func (p *peer) sign(m []byte) []byte {
	binary.LittleEndian.PutUint32(m[wire.OffsetFlags:], binary.LittleEndian.Uint32(m[wire.OffsetFlags:])|wire.FlagSigned)
	p.signer.Sign(m)
	return m
}

func (p *peer) seal(sessionID uint64, m []byte) []byte {
	out, err := p.enc.Seal(nil, sessionID, m)
	if err != nil {
		p.t.Fatal(err)
	}
	return out
}

// newTestConn returns a Conn with an established test session (AES-GMAC
// signing, AES-128-GCM encryption) and the peer that plays its server.
func newTestConn(t *testing.T, encryptAll bool) (*Conn, *Session, *peer) {
	t.Helper()
	cside, sside := net.Pipe()
	c := newConn(cside, 2*time.Second)
	c.state.Dialect = wire.Dialect311
	c.state.ServerCapabilities = wire.CapLargeMTU
	c.credits = 8
	t.Cleanup(func() { c.Close(); sside.Close() })

	var signKey [16]byte
	var c2s, s2c [16]byte
	rand.Read(signKey[:])
	rand.Read(c2s[:])
	rand.Read(s2c[:])
	mustSigner := func() crypto.Signer {
		s, err := crypto.NewSigner(wire.SigningAESGMAC, signKey[:])
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	s := &Session{conn: c, id: 0x1122334455, established: true, signer: mustSigner(), encryptAll: encryptAll}
	var err error
	if s.enc, err = crypto.NewEncryptor(wire.CipherAES128GCM, c2s[:]); err != nil {
		t.Fatal(err)
	}
	if s.dec, err = crypto.NewDecryptor(wire.CipherAES128GCM, s2c[:]); err != nil {
		t.Fatal(err)
	}
	c.registerSession(s)
	p := &peer{t: t, nc: sside, signer: mustSigner()}
	if p.enc, err = crypto.NewEncryptor(wire.CipherAES128GCM, s2c[:]); err != nil {
		t.Fatal(err)
	}
	if p.dec, err = crypto.NewDecryptor(wire.CipherAES128GCM, c2s[:]); err != nil {
		t.Fatal(err)
	}
	return c, s, p
}

// echo starts an ECHO on s and returns a function that waits for it.
func echo(t *testing.T, c *Conn, s *Session, ctx context.Context) func() ([]byte, error) {
	t.Helper()
	done := make(chan struct{})
	var resp []byte
	var err error
	go func() {
		defer close(done)
		resp, err = c.roundTrip(ctx, s, s.encryptAll, newMessage(wire.CmdEcho, 0, 0, &wire.EchoRequest{}), 1)
	}()
	return func() ([]byte, error) { <-done; return resp, err }
}

func TestSignedRoundTripBanksCredits(t *testing.T) {
	c, s, p := newTestConn(t, false)
	wait := echo(t, c, s, context.Background())
	req := p.readMsg()
	if err := p.signer.Verify(req); err != nil {
		t.Fatalf("client request not signed correctly: %v", err)
	}
	p.write(p.sign(response(req, wire.StatusSuccess, 40, echoBody())))
	if _, err := wait(); err != nil {
		t.Fatalf("echo: %v", err)
	}
	c.mu.Lock()
	got := c.credits
	c.mu.Unlock()
	if got != 8-1+40 {
		t.Fatalf("credits = %d, want %d", got, 8-1+40)
	}
}

// expectFatal checks that the pending call and the connection both end
// with an error matching want.
func expectFatal(t *testing.T, c *Conn, wait func() ([]byte, error), want error) {
	t.Helper()
	_, err := wait()
	if !errors.Is(err, want) {
		t.Fatalf("call error = %v, want %v", err, want)
	}
	if !errors.Is(c.Err(), want) {
		t.Fatalf("connection error = %v, want %v", c.Err(), want)
	}
}

func TestUnknownMessageIDKillsConnection(t *testing.T) {
	c, s, p := newTestConn(t, false)
	wait := echo(t, c, s, context.Background())
	req := p.readMsg()
	m := response(req, wire.StatusSuccess, 1, echoBody())
	binary.LittleEndian.PutUint64(m[wire.OffsetMessageID:], 999)
	p.write(p.sign(m))
	expectFatal(t, c, wait, ErrProtocol)
}

func TestUnsignedResponseKillsConnection(t *testing.T) {
	c, s, p := newTestConn(t, false)
	wait := echo(t, c, s, context.Background())
	req := p.readMsg()
	p.write(response(req, wire.StatusSuccess, 1, echoBody()))
	expectFatal(t, c, wait, ErrUnprotected)
}

func TestUnsignedErrorResponseKillsConnection(t *testing.T) {
	// An attacker cannot inject an unsigned failure either.
	c, s, p := newTestConn(t, false)
	wait := echo(t, c, s, context.Background())
	req := p.readMsg()
	p.write(response(req, wire.StatusAccessDenied, 1, []byte{9, 0, 0, 0, 0, 0, 0, 0, 0}))
	expectFatal(t, c, wait, ErrUnprotected)
}

func TestBadSignatureKillsConnection(t *testing.T) {
	c, s, p := newTestConn(t, false)
	wait := echo(t, c, s, context.Background())
	req := p.readMsg()
	m := p.sign(response(req, wire.StatusSuccess, 1, echoBody()))
	m[len(m)-1] ^= 0x01
	p.write(m)
	expectFatal(t, c, wait, ErrUnprotected)
}

func TestPlaintextResponseOnEncryptedSessionKillsConnection(t *testing.T) {
	c, s, p := newTestConn(t, true)
	wait := echo(t, c, s, context.Background())
	req := p.readMsg() // arrives encrypted: readMsg fails the test otherwise
	p.write(p.sign(response(req, wire.StatusSuccess, 1, echoBody())))
	expectFatal(t, c, wait, ErrUnprotected)
}

func TestEncryptedRoundTrip(t *testing.T) {
	c, s, p := newTestConn(t, true)
	wait := echo(t, c, s, context.Background())
	f := p.readFrame()
	if string(f[:4]) != wire.TransformProtocolID {
		t.Fatalf("request sent in plaintext on an encrypted session: %x", f[:4])
	}
	_, req, err := p.dec.Open(f)
	if err != nil {
		t.Fatal(err)
	}
	p.write(p.seal(s.id, response(req, wire.StatusSuccess, 1, echoBody())))
	if _, err := wait(); err != nil {
		t.Fatalf("echo: %v", err)
	}
}

func TestTamperedCiphertextKillsConnection(t *testing.T) {
	c, s, p := newTestConn(t, true)
	wait := echo(t, c, s, context.Background())
	req := p.readMsg()
	sealed := p.seal(s.id, response(req, wire.StatusSuccess, 1, echoBody()))
	sealed[len(sealed)-3] ^= 0x80
	p.write(sealed)
	expectFatal(t, c, wait, ErrUnprotected)
}

func TestReplayedResponseKillsConnection(t *testing.T) {
	c, s, p := newTestConn(t, true)
	wait := echo(t, c, s, context.Background())
	req := p.readMsg()
	sealed := p.seal(s.id, response(req, wire.StatusSuccess, 1, echoBody()))
	p.write(sealed)
	if _, err := wait(); err != nil {
		t.Fatal(err)
	}
	wait2 := echo(t, c, s, context.Background())
	p.readMsg()
	p.write(sealed) // the first response again: its MessageId is no longer pending
	expectFatal(t, c, wait2, ErrProtocol)
}

func TestEncryptedForUnknownSessionKillsConnection(t *testing.T) {
	c, s, p := newTestConn(t, true)
	wait := echo(t, c, s, context.Background())
	req := p.readMsg()
	p.write(p.seal(s.id+1, response(req, wire.StatusSuccess, 1, echoBody())))
	expectFatal(t, c, wait, ErrProtocol)
}

func TestWrongCommandKillsConnection(t *testing.T) {
	c, s, p := newTestConn(t, false)
	wait := echo(t, c, s, context.Background())
	req := p.readMsg()
	m := response(req, wire.StatusSuccess, 1, echoBody())
	binary.LittleEndian.PutUint16(m[wire.OffsetCommand:], uint16(wire.CmdRead))
	p.write(p.sign(m))
	expectFatal(t, c, wait, ErrProtocol)
}

func TestRequestFromServerKillsConnection(t *testing.T) {
	c, s, p := newTestConn(t, false)
	wait := echo(t, c, s, context.Background())
	req := p.readMsg()
	m := response(req, wire.StatusSuccess, 1, echoBody())
	binary.LittleEndian.PutUint32(m[wire.OffsetFlags:], 0)
	p.write(p.sign(m))
	expectFatal(t, c, wait, ErrProtocol)
}

func TestInterimPendingThenFinal(t *testing.T) {
	c, s, p := newTestConn(t, false)
	wait := echo(t, c, s, context.Background())
	req := p.readMsg()
	interim := response(req, wire.StatusPending, 2, []byte{9, 0, 0, 0, 0, 0, 0, 0, 0})
	binary.LittleEndian.PutUint32(interim[wire.OffsetFlags:], wire.FlagServerToRedir|wire.FlagAsyncCommand)
	binary.LittleEndian.PutUint64(interim[wire.OffsetAsyncID:], 77)
	p.write(interim) // unsigned interim responses are allowed (MS-SMB2 3.2.5.1.3)
	final := response(req, wire.StatusSuccess, 1, echoBody())
	binary.LittleEndian.PutUint32(final[wire.OffsetFlags:], wire.FlagServerToRedir|wire.FlagAsyncCommand)
	binary.LittleEndian.PutUint64(final[wire.OffsetAsyncID:], 77)
	p.write(p.sign(final))
	if _, err := wait(); err != nil {
		t.Fatalf("echo: %v", err)
	}
}

func TestCompoundResponseIsSplit(t *testing.T) {
	c, s, p := newTestConn(t, false)
	m1 := newMessage(wire.CmdEcho, 0, 0, &wire.EchoRequest{})
	m2 := newMessage(wire.CmdEcho, 0, wire.FlagRelatedOperations, &wire.EchoRequest{})
	type started struct {
		calls []*call
		err   error
	}
	ch := make(chan started, 1)
	go func() {
		calls, err := c.start(context.Background(), s, false, []outgoing{{msg: m1}, {msg: m2}})
		ch <- started{calls, err}
	}()
	chain := p.readMsg()
	st := <-ch
	if st.err != nil {
		t.Fatal(st.err)
	}
	calls := st.calls
	msgs, err := wire.SplitCompound(chain)
	if err != nil || len(msgs) != 2 {
		t.Fatalf("client compound: %d messages, %v", len(msgs), err)
	}
	for _, m := range msgs {
		if err := p.signer.Verify(m); err != nil {
			t.Fatalf("compound member not signed: %v", err)
		}
	}
	r1 := padTo8(response(msgs[0], wire.StatusSuccess, 1, echoBody()))
	binary.LittleEndian.PutUint32(r1[wire.OffsetNextCommand:], uint32(len(r1)))
	p.sign(r1)
	r2 := p.sign(response(msgs[1], wire.StatusSuccess, 1, echoBody()))
	p.write(append(r1, r2...))
	for i, cl := range calls {
		if _, err := c.wait(context.Background(), cl); err != nil {
			t.Fatalf("compound member %d: %v", i, err)
		}
	}
}

func TestSilentServerTimesOut(t *testing.T) {
	c, s, p := newTestConn(t, false)
	c.timeout = 100 * time.Millisecond
	wait := echo(t, c, s, context.Background())
	p.readMsg() // and never answer
	expectFatal(t, c, wait, ErrTimeout)
}

func TestCancelSendsCancelAndDiscardsLateResponse(t *testing.T) {
	c, s, p := newTestConn(t, false)
	ctx, cancel := context.WithCancel(context.Background())
	wait := echo(t, c, s, ctx)
	req := p.readMsg()
	cancel()
	cm := p.readMsg() // net.Pipe is synchronous: read the CANCEL first
	if _, err := wait(); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled call: %v", err)
	}
	h, _ := wire.DecodeHeader(cm)
	rh, _ := wire.DecodeHeader(req)
	if h.Command != wire.CmdCancel || h.MessageID != rh.MessageID {
		t.Fatalf("got %s for MessageId %d, want CANCEL for %d", h.Command, h.MessageID, rh.MessageID)
	}
	if err := p.signer.Verify(cm); err != nil {
		t.Fatalf("CANCEL not signed: %v", err)
	}
	// The late response is verified and dropped; the connection lives on.
	p.write(p.sign(response(req, wire.StatusCancelled, 1, []byte{9, 0, 0, 0, 0, 0, 0, 0, 0})))
	wait2 := echo(t, c, s, context.Background())
	req2 := p.readMsg()
	p.write(p.sign(response(req2, wire.StatusSuccess, 1, echoBody())))
	if _, err := wait2(); err != nil {
		t.Fatalf("connection did not survive a cancel: %v", err)
	}
}

func TestCloseFailsEveryPendingCall(t *testing.T) {
	c, s, p := newTestConn(t, false)
	w1 := echo(t, c, s, context.Background())
	p.readMsg()
	w2 := echo(t, c, s, context.Background())
	p.readMsg()
	c.Close()
	for _, w := range []func() ([]byte, error){w1, w2} {
		if _, err := w(); !errors.Is(err, ErrConnectionClosed) {
			t.Fatalf("pending call after Close: %v", err)
		}
	}
}

func TestCreditsGateRequests(t *testing.T) {
	c, s, p := newTestConn(t, false)
	c.mu.Lock()
	c.credits = 1
	c.mu.Unlock()
	w1 := echo(t, c, s, context.Background())
	req1 := p.readMsg()
	w2 := echo(t, c, s, context.Background()) // must wait for a credit
	p.write(p.sign(response(req1, wire.StatusSuccess, 1, echoBody())))
	if _, err := w1(); err != nil {
		t.Fatal(err)
	}
	req2 := p.readMsg()
	h1, _ := wire.DecodeHeader(req1)
	h2, _ := wire.DecodeHeader(req2)
	if h2.MessageID != h1.MessageID+1 {
		t.Fatalf("second MessageId %d, want %d", h2.MessageID, h1.MessageID+1)
	}
	p.write(p.sign(response(req2, wire.StatusSuccess, 1, echoBody())))
	if _, err := w2(); err != nil {
		t.Fatal(err)
	}
}

func TestNoCreditsAndNothingOutstandingFails(t *testing.T) {
	c, s, _ := newTestConn(t, false)
	c.mu.Lock()
	c.credits = 0
	c.mu.Unlock()
	_, err := c.roundTrip(context.Background(), s, false, newMessage(wire.CmdEcho, 0, 0, &wire.EchoRequest{}), 1)
	if !errors.Is(err, ErrProtocol) {
		t.Fatalf("got %v, want ErrProtocol", err)
	}
}

func TestOversizedChargeComputation(t *testing.T) {
	c, _, _ := newTestConn(t, false)
	for _, tc := range []struct{ n, want int }{{1, 1}, {65536, 1}, {65537, 2}, {1 << 20, 16}, {8 << 20, 128}} {
		if got := c.creditCharge(tc.n); int(got) != tc.want {
			t.Errorf("creditCharge(%d) = %d, want %d", tc.n, got, tc.want)
		}
	}
}

func TestCreditWaiterWakesWhenConnectionDies(t *testing.T) {
	c, s, p := newTestConn(t, false)
	c.mu.Lock()
	c.credits = 1
	c.mu.Unlock()
	w1 := echo(t, c, s, context.Background())
	p.readMsg()
	w2 := echo(t, c, s, context.Background()) // waits for a credit that never comes
	p.nc.Close()                              // the server goes away
	for _, w := range []func() ([]byte, error){w1, w2} {
		if _, err := w(); !errors.Is(err, ErrConnectionClosed) {
			t.Fatalf("got %v, want ErrConnectionClosed", err)
		}
	}
}
