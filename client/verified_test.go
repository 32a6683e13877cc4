package client

import (
	"context"
	"encoding/binary"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/smb3fs/smb3fs/client/smbtest"
	"github.com/smb3fs/smb3fs/client/wire"
	"github.com/smb3fs/smb3fs/crypto"
)

// Unit tests of "nothing unverified moves state" (issue 16): credits only
// from verified messages, within maxCredits; breaks checked as
// handleNotification says; async waits capped; wiped keys give errors.

// interim returns an unsigned interim STATUS_PENDING for req in async form
// ([MS-SMB2] 3.3.4.2) granting credits.
func interim(req []byte, asyncID uint64, credits uint16) []byte {
	h, _ := wire.DecodeHeader(req)
	h.Flags = wire.FlagServerToRedir | wire.FlagAsyncCommand
	h.AsyncID = asyncID
	h.Status = wire.StatusPending
	h.Credits = credits
	h.Signature = [16]byte{}
	return (&wire.ErrorResponse{}).Append(h.Append(nil))
}

// final returns the final response to req in async form.
func final(req []byte, asyncID uint64, credits uint16, body []byte) []byte {
	h, _ := wire.DecodeHeader(req)
	h.Flags = wire.FlagServerToRedir | wire.FlagAsyncCommand
	h.AsyncID = asyncID
	h.Credits = credits
	h.Signature = [16]byte{}
	return append(h.Append(nil), body...)
}

func credits(c *Conn) uint32 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.credits
}

func TestUnsignedInterimCreditsWaitForFinal(t *testing.T) {
	// On a signed session the interim response is unsigned ([MS-SMB2]
	// 3.2.5.1.3 skips it): its credits count only once the final
	// response verifies, and never if it does not.
	c, s, p := newTestConn(t, false)
	wait := echo(t, c, s, context.Background())
	req := p.readMsg()
	p.write(interim(req, 77, 500))
	// A second ECHO, answered at once, orders the test after the reader
	// handled the interim response.
	wait2 := echo(t, c, s, context.Background())
	req2 := p.readMsg()
	p.write(p.sign(response(req2, wire.StatusSuccess, 1, echoBody())))
	if _, err := wait2(); err != nil {
		t.Fatal(err)
	}
	if got := credits(c); got != 8-2+1 {
		t.Fatalf("after an unsigned interim response granting 500: %d credits, want %d", got, 8-2+1)
	}
	p.write(p.sign(final(req, 77, 0, echoBody())))
	if _, err := wait(); err != nil {
		t.Fatal(err)
	}
	if got := credits(c); got != 8-2+1+500 {
		t.Fatalf("after the final response: %d credits, want %d", got, 8-2+1+500)
	}

	// A forged final response: the interim credits are never banked.
	c, s, p = newTestConn(t, false)
	wait = echo(t, c, s, context.Background())
	req = p.readMsg()
	p.write(interim(req, 78, 500))
	m := p.sign(final(req, 78, 0, echoBody()))
	m[wire.HeaderSize] ^= 1
	p.write(m)
	expectFatal(t, c, wait, ErrUnprotected)
	if got := credits(c); got > 8 {
		t.Fatalf("a forged final response banked the interim credits: %d", got)
	}
}

func TestCreditsSaturate(t *testing.T) {
	// A server granting the most a header can say, again and again: the
	// bank stays within maxCredits with what is in flight.
	c, s, p := newTestConn(t, false)
	inflight := echo(t, c, s, context.Background()) // stays in flight
	held := p.readMsg()
	for range 3 {
		wait := echo(t, c, s, context.Background())
		req := p.readMsg()
		p.write(p.sign(response(req, wire.StatusSuccess, 0xffff, echoBody())))
		if _, err := wait(); err != nil {
			t.Fatal(err)
		}
	}
	if got := credits(c); got != maxCredits-1 {
		t.Fatalf("credits = %d, want %d (maxCredits less the one in flight)", got, maxCredits-1)
	}
	p.write(p.sign(response(held, wire.StatusSuccess, 0xffff, echoBody())))
	if _, err := inflight(); err != nil {
		t.Fatal(err)
	}
	if got := credits(c); got != maxCredits {
		t.Fatalf("credits = %d, want %d", got, maxCredits)
	}
	if satAdd(0xfffffff0, 0x20) != 0xffffffff || satAdd(1, 2) != 3 {
		t.Fatal("satAdd wraps")
	}
}

// breakMsg returns an oplock break notification ([MS-SMB2] 2.2.23.1) for
// sessionID granting credits.
func breakMsg(sessionID uint64, credits uint16) []byte {
	h := wire.Header{Command: wire.CmdOplockBreak, Flags: wire.FlagServerToRedir,
		MessageID: notificationMessageID, SessionID: sessionID, Credits: credits}
	body := make([]byte, 24)
	binary.LittleEndian.PutUint16(body, 24)
	return append(h.Append(nil), body...)
}

// leaseBreakMsg returns a lease break notification ([MS-SMB2] 2.2.23.2):
// SessionId 0.
func leaseBreakMsg(credits uint16) []byte {
	h := wire.Header{Command: wire.CmdOplockBreak, Flags: wire.FlagServerToRedir,
		MessageID: notificationMessageID, Credits: credits}
	body := make([]byte, 44)
	binary.LittleEndian.PutUint16(body, 44)
	return append(h.Append(nil), body...)
}

func TestBreaksOnEncryptedSession(t *testing.T) {
	c, s, p := newTestConn(t, true)
	var got [][]byte
	var mu sync.Mutex
	c.mu.Lock()
	c.onBreak = func(m []byte) { mu.Lock(); got = append(got, m); mu.Unlock() }
	c.mu.Unlock()

	// Plaintext breaks (as Samba sends them even here) pass but grant
	// nothing; a sealed one grants its credits.
	wait := echo(t, c, s, context.Background())
	req := p.readMsg()
	p.write(leaseBreakMsg(300))
	p.write(breakMsg(s.id, 300))
	p.write(p.seal(s.id, leaseBreakMsg(5)))
	p.write(p.seal(s.id, response(req, wire.StatusSuccess, 1, echoBody())))
	if _, err := wait(); err != nil {
		t.Fatal(err)
	}
	if n := credits(c); n != 8-1+5+1 {
		t.Fatalf("credits = %d, want %d: only the sealed break and the response grant", n, 8-1+5+1)
	}
	mu.Lock()
	if len(got) != 3 {
		t.Fatalf("%d breaks delivered, want 3", len(got))
	}
	mu.Unlock()

	// An oplock break for a session that is not on this connection.
	wait = echo(t, c, s, context.Background())
	req = p.readMsg()
	p.write(breakMsg(s.id+1, 0))
	p.write(p.seal(s.id, response(req, wire.StatusSuccess, 1, echoBody())))
	expectFatal(t, c, wait, ErrProtocol)
	mu.Lock()
	defer mu.Unlock()
	if len(got) != 3 {
		t.Fatal("the stray oplock break was delivered")
	}
}

func TestBadlySignedOplockBreak(t *testing.T) {
	c, s, p := newTestConn(t, false)
	wait := echo(t, c, s, context.Background())
	req := p.readMsg()
	// Unsigned, as [MS-SMB2] 3.2.5.1.3 allows: accepted, no credits.
	p.write(breakMsg(s.id, 100))
	// Signed, and the signature verifies: accepted.
	p.write(p.sign(breakMsg(s.id, 0)))
	// Signed, and it does not verify: forged.
	m := p.sign(breakMsg(s.id, 0))
	m[wire.HeaderSize+2] ^= 1
	p.write(m)
	p.write(p.sign(response(req, wire.StatusSuccess, 1, echoBody())))
	expectFatal(t, c, wait, ErrUnprotected)
	if n := credits(c); n > 8 {
		t.Fatalf("an unsigned break granted credits: %d", n)
	}
}

func TestAsyncWaitCapped(t *testing.T) {
	// An interim STATUS_PENDING, then silence while every ECHO is
	// answered: the call is cancelled after asyncWaitFactor timeouts and
	// fails with ErrTimeout; the connection stays up, and the late final
	// response is matched and discarded.
	c, s, p := newTestConn(t, false)
	c.timeout = 50 * time.Millisecond
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	wait := echo(t, c, s, ctx)
	req := p.readMsg()
	p.write(interim(req, 99, 1))
	var cancels []wire.Header
	for {
		m := p.readMsg()
		h, _ := wire.DecodeHeader(m)
		if h.Command == wire.CmdCancel {
			cancels = append(cancels, h)
			break
		}
		p.write(p.sign(response(m, wire.StatusSuccess, 1, echoBody())))
	}
	_, err := wait()
	if !errors.Is(err, ErrTimeout) {
		t.Fatalf("call error %v, want ErrTimeout", err)
	}
	if cancels[0].Flags&wire.FlagAsyncCommand == 0 || cancels[0].AsyncID != 99 {
		t.Fatalf("CANCEL %+v, want one for AsyncId 99", cancels[0])
	}
	if c.Err() != nil {
		t.Fatalf("connection ended: %v", c.Err())
	}
	// The late answer, then a new request: the connection still works.
	c.timeout = 2 * time.Second
	p.write(p.sign(final(req, 99, 1, echoBody())))
	wait = echo(t, c, s, context.Background())
	req = p.readMsg()
	p.write(p.sign(response(req, wire.StatusSuccess, 1, echoBody())))
	if _, err := wait(); err != nil {
		t.Fatalf("after the late answer: %v", err)
	}
	if c.Err() != nil {
		t.Fatalf("connection ended: %v", c.Err())
	}
	if c.asyncCap(wire.CmdLock) < time.Hour || c.asyncCap(wire.CmdChangeNotify) < time.Hour {
		t.Fatal("blocking LOCK and CHANGE_NOTIFY are capped")
	}
}

func TestAsyncCapPaidOnce(t *testing.T) {
	// A server that left one acknowledged request unanswered past its
	// cap is taken to withhold answers: the next request it acknowledges
	// is cancelled as the interim response arrives (no ECHO probing, no
	// second cap), so that requests sent one after another wait out one
	// cap between them. A final answer to an acknowledged request ends
	// that at once; so does the end of the window (one more cap).
	c, s, p := newTestConn(t, false)
	c.timeout = 50 * time.Millisecond
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()

	// readCancel answers ECHOs until a CANCEL comes, and returns how many
	// ECHOs it answered.
	readCancel := func(asyncID uint64) int {
		t.Helper()
		for probes := 0; ; probes++ {
			m := p.readMsg()
			h, _ := wire.DecodeHeader(m)
			if h.Command == wire.CmdCancel {
				if h.AsyncID != asyncID {
					t.Fatalf("CANCEL for AsyncId %d, want %d", h.AsyncID, asyncID)
				}
				return probes
			}
			p.write(p.sign(response(m, wire.StatusSuccess, 1, echoBody())))
		}
	}
	// The first: cancelled at its cap, after probes.
	wait := echo(t, c, s, ctx)
	p.write(interim(p.readMsg(), 1, 1))
	if probes := readCancel(1); probes == 0 {
		t.Fatal("the first acknowledged request was cancelled without waiting")
	}
	if _, err := wait(); !errors.Is(err, ErrTimeout) {
		t.Fatalf("first call: %v, want ErrTimeout", err)
	}

	// The second: cancelled as soon as it is acknowledged.
	wait = echo(t, c, s, ctx)
	req := p.readMsg()
	p.write(interim(req, 2, 1))
	if probes := readCancel(2); probes != 0 {
		t.Fatalf("the second acknowledged request was waited for (%d ECHO probes): the cap is paid twice", probes)
	}
	if _, err := wait(); !errors.Is(err, ErrTimeout) || !strings.Contains(err.Error(), "earlier") {
		t.Fatalf("second call: %v, want ErrTimeout naming the earlier request", err)
	}
	if c.Err() != nil {
		t.Fatalf("connection ended: %v", c.Err())
	}

	// Its late final answer shows the server answers again: the third
	// is waited for, and gets its answer.
	p.write(p.sign(final(req, 2, 1, echoBody())))
	wait = echo(t, c, s, ctx)
	req = p.readMsg()
	p.write(interim(req, 3, 1))
	p.write(p.sign(final(req, 3, 1, echoBody())))
	if _, err := wait(); err != nil {
		t.Fatalf("third call, after the server answered again: %v", err)
	}

	// Cap again, then past the window (one more cap): waited for again.
	wait = echo(t, c, s, ctx)
	p.write(interim(p.readMsg(), 4, 1))
	readCancel(4)
	if _, err := wait(); !errors.Is(err, ErrTimeout) {
		t.Fatalf("fourth call: %v, want ErrTimeout", err)
	}
	time.Sleep(c.asyncCap(wire.CmdEcho) + c.timeout)
	wait = echo(t, c, s, ctx)
	req = p.readMsg()
	p.write(interim(req, 5, 1))
	p.write(p.sign(final(req, 5, 1, echoBody())))
	if _, err := wait(); err != nil {
		t.Fatalf("after the window: %v", err)
	}
}

func TestKeysWipedDuringTraffic(t *testing.T) {
	// Requests in flight on several goroutines while the session's keys
	// are wiped (as Close and a reconnect do): every request returns,
	// none panics, and one started after the wipe fails with an error
	// saying it was not sent.
	for _, privacy := range []bool{false, true} {
		name := map[bool]string{false: "signed", true: "encrypted"}[privacy]
		t.Run(name, func(t *testing.T) {
			srv := &smbtest.Server{}
			p := StrictPolicy()
			p.RequirePrivacy = privacy
			cl, _ := mustDial(t, srv, p, nil)
			defer cl.Close()
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			defer cancel()
			tr, err := cl.Connect(ctx, "share")
			if err != nil {
				t.Fatal(err)
			}
			srv.WriteFile("f", []byte("data"))
			c, s := cl.current()

			// Wiped with nothing in flight: the next request fails to be
			// signed or sealed, says it was not sent, and leaves the
			// connection alone.
			cl2, _ := mustDial(t, srv, p, nil)
			defer cl2.Close()
			c2, s2 := cl2.current()
			s2.zero()
			_, err = c2.roundTrip(ctx, s2, s2.encryptAll, newMessage(wire.CmdEcho, 0, 0, &wire.EchoRequest{}), 1)
			if !errors.Is(err, crypto.ErrKeyWiped) || !errors.Is(err, errNotSent) || c2.Err() != nil {
				t.Fatalf("request after the wipe: %v (connection: %v), want ErrKeyWiped, not sent, connection up", err, c2.Err())
			}

			var wg sync.WaitGroup
			start := make(chan struct{})
			for range 8 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					<-start
					for range 50 {
						tr.Do(ctx, "f", OpenOptions{})
						c.probe(s)
					}
				}()
			}
			close(start)
			time.Sleep(time.Millisecond)
			s.zero()
			wg.Wait()
			_, err = c.roundTrip(ctx, s, s.encryptAll, newMessage(wire.CmdEcho, 0, 0, &wire.EchoRequest{}), 1)
			if err == nil {
				t.Fatal("a request with wiped keys succeeded")
			}
			if c.Err() == nil && !errors.Is(err, crypto.ErrKeyWiped) {
				t.Fatalf("request after the wipe: %v, want ErrKeyWiped", err)
			}
			if errors.Is(c.Err(), ErrUnprotected) {
				t.Fatalf("the wipe was taken for tampering: %v", c.Err())
			}
		})
	}
}

func TestInterruptGrace(t *testing.T) {
	// A cancelled caller with a grace sends CANCEL and takes the real
	// answer when it comes within the grace (here STATUS_CANCELLED: not
	// done); without one in time, it gives up with ctx.Err().
	c, s, p := newTestConn(t, false)
	ctx, cancel := context.WithCancel(context.Background())
	wait := echo(t, c, s, WithInterruptGrace(ctx, time.Minute))
	req := p.readMsg()
	p.write(interim(req, 42, 1))
	// A second ECHO, answered, orders the test after the interim.
	wait2 := echo(t, c, s, context.Background())
	req2 := p.readMsg()
	p.write(p.sign(response(req2, wire.StatusSuccess, 1, echoBody())))
	if _, err := wait2(); err != nil {
		t.Fatal(err)
	}
	cancel()
	m := p.readMsg()
	if h, _ := wire.DecodeHeader(m); h.Command != wire.CmdCancel || h.AsyncID != 42 {
		t.Fatalf("after the cancellation the client sent %s (AsyncId %d), want CANCEL for 42", h.Command, h.AsyncID)
	}
	h, _ := wire.DecodeHeader(req)
	h.Flags, h.AsyncID, h.Status, h.Signature = wire.FlagServerToRedir|wire.FlagAsyncCommand, 42, wire.StatusCancelled, [16]byte{}
	p.write(p.sign((&wire.ErrorResponse{}).Append(h.Append(nil))))
	_, err := wait()
	if !IsStatus(err, wire.StatusCancelled) {
		t.Fatalf("call error %v, want the server's STATUS_CANCELLED", err)
	}

	// No answer within the grace: ctx.Err(), and the late answer is
	// discarded without harm.
	ctx, cancel = context.WithCancel(context.Background())
	wait = echo(t, c, s, WithInterruptGrace(ctx, 10*time.Millisecond))
	req = p.readMsg()
	cancel()
	p.readMsg() // the CANCEL
	if _, err := wait(); !errors.Is(err, context.Canceled) {
		t.Fatalf("call error %v, want context.Canceled", err)
	}
	p.write(p.sign(response(req, wire.StatusSuccess, 1, echoBody())))
	wait = echo(t, c, s, context.Background())
	req = p.readMsg()
	p.write(p.sign(response(req, wire.StatusSuccess, 1, echoBody())))
	if _, err := wait(); err != nil || c.Err() != nil {
		t.Fatalf("after the late answer: %v, connection %v", err, c.Err())
	}
}
