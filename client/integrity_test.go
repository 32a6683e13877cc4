package client_test

import (
	"bytes"
	"context"
	"errors"
	"net"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/smb3fs/smb3fs/client"
	"github.com/smb3fs/smb3fs/client/smbtest"
	"github.com/smb3fs/smb3fs/client/wire"
	"github.com/smb3fs/smb3fs/internal/mitm"
)

// hostileNet connects the client to the fake server through an in-memory
// man in the middle that can rewrite, inject or replay the frames the
// server sends, one attack at a time (arm).
type hostileNet struct {
	srv *smbtest.Server

	mu     sync.Mutex // guards the fields below
	attack func(f []byte) [][]byte
	dials  int
	// lastReq is the last plaintext message the client sent (signed
	// sessions only), to forge a response to.
	lastReq []byte
}

// arm makes the next frame from the server go through attack (once).
func (h *hostileNet) arm(attack func(f []byte) [][]byte) {
	h.mu.Lock()
	h.attack = attack
	h.mu.Unlock()
}

func (h *hostileNet) dial(ctx context.Context, network, addr string) (net.Conn, error) {
	h.mu.Lock()
	h.dials++
	h.mu.Unlock()
	srvEnd := h.srv.Pipe()
	cliEnd, mine := net.Pipe()
	go func() { // client to server, untouched
		defer srvEnd.Close()
		for {
			f, err := mitm.ReadFrame(mine)
			if err != nil {
				return
			}
			if string(f[:4]) == wire.ProtocolID {
				h.mu.Lock()
				h.lastReq = f
				h.mu.Unlock()
			}
			if mitm.WriteFrame(srvEnd, f) != nil {
				return
			}
		}
	}()
	go func() { // server to client, attacked
		defer mine.Close()
		for {
			f, err := mitm.ReadFrame(srvEnd)
			if err != nil {
				return
			}
			out := [][]byte{f}
			h.mu.Lock()
			if a := h.attack; a != nil && (h.lastReq != nil || string(f[:4]) == wire.TransformProtocolID) {
				h.attack = nil
				out = a(f)
			}
			h.mu.Unlock()
			for _, o := range out {
				if mitm.WriteFrame(mine, o) != nil {
					return
				}
			}
		}
	}()
	return cliEnd, nil
}

// readAll opens name, reads n bytes from it and closes it.
func readAll(ctx context.Context, tr *client.Tree, name string, n int) ([]byte, error) {
	f, err := tr.Open(ctx, name, client.OpenOptions{Access: client.AccessRead, Deny: client.DenyDelete, Durable: true})
	if err != nil {
		return nil, err
	}
	defer f.Close(ctx)
	b := make([]byte, n)
	m, err := f.ReadAt(ctx, b, 0)
	return b[:m], err
}

func TestIntegrityFailureReconnects(t *testing.T) {
	// One bad frame from the server ends the connection, not the client:
	// the in-flight call fails or is sent again, an EventIntegrity says
	// what failed, the client reconnects, and the next call returns the
	// server's genuine bytes.
	var hn *hostileNet
	cases := []struct {
		name    string
		signed  bool // a signed session rather than an encrypted one
		attack  func(f []byte) [][]byte
		failure string
	}{
		{"ciphertext bit flipped", false, func(f []byte) [][]byte {
			f = bytes.Clone(f)
			f[len(f)-1] ^= 0x01
			return [][]byte{f}
		}, "decryption failed"},
		{"unsigned response injected", true, func(f []byte) [][]byte {
			// In place of the genuine (signed) response: an unsigned
			// ACCESS_DENIED for the same request.
			h, _ := wire.DecodeHeader(hn.lastReq)
			h.Flags, h.Status, h.Signature = wire.FlagServerToRedir, wire.StatusAccessDenied, [16]byte{}
			return [][]byte{(&wire.ErrorResponse{}).Append(h.Append(nil))}
		}, "unprotected message"},
		{"4 junk bytes injected", false, func(f []byte) [][]byte {
			return [][]byte{{0xde, 0xad, 0xbe, 0xef}, f}
		}, "malformed message"},
		{"response replayed", false, func(f []byte) [][]byte {
			return [][]byte{f, f}
		}, "unknown or repeated MessageId"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			srv := &smbtest.Server{Leasing: true}
			hn = &hostileNet{srv: srv}
			r := newRig(t, srv, 0, func(o *client.Options) {
				o.Dial = hn.dial
				o.EchoInterval = -1
				o.Policy.RequirePrivacy = !tc.signed
			})
			ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
			defer cancel()
			want := bytes.Repeat([]byte("genuine "), 512)
			srv.WriteFile("known", want)

			hn.arm(tc.attack)
			got, err := readAll(ctx, r.tr, "known", len(want))
			if err == nil && !bytes.Equal(got, want) {
				t.Fatal("ATTACKER DATA DELIVERED")
			}
			t.Logf("call under attack: %v", err)

			// The next calls get the genuine bytes, on a new connection.
			for i := range 2 {
				got, err = readAll(ctx, r.tr, "known", len(want))
				if err != nil || !bytes.Equal(got, want) {
					t.Fatalf("call %d after the attack: %v (%d bytes, genuine: %v)", i, err, len(got), bytes.Equal(got, want))
				}
			}
			if r.cl.Err() != nil {
				t.Fatalf("client failed for good: %v", r.cl.Err())
			}
			e := r.event(t)
			if e.Kind != client.EventIntegrity || e.Failure != tc.failure || !(errors.Is(e.Reason, client.ErrUnprotected) || errors.Is(e.Reason, client.ErrProtocol)) {
				t.Fatalf("first event %v %q (%v), want %v %q", e.Kind, e.Failure, e.Reason, client.EventIntegrity, tc.failure)
			}
			if e = r.event(t); e.Kind != client.EventReconnected {
				t.Fatalf("second event %v (%v), want %v", e.Kind, e.Err, client.EventReconnected)
			}
			if g := r.cl.Generation(); g != 1 {
				t.Fatalf("generation %d, want 1", g)
			}
		})
	}
}

func TestIntegrityFailuresBackOff(t *testing.T) {
	// Every new connection is corrupted again at once: the reconnects
	// back off (each EventIntegrity in a row waits longer, up to 10 s),
	// so a man in the middle gets no tight loop of handshakes.
	srv := &smbtest.Server{Leasing: true}
	hn := &hostileNet{srv: srv}
	r := newRig(t, srv, 0, func(o *client.Options) { o.Dial = hn.dial; o.EchoInterval = -1 })
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	flip := func(f []byte) [][]byte {
		f = bytes.Clone(f)
		f[len(f)-1] ^= 0x01
		return [][]byte{f}
	}
	var delays []time.Duration
	for i := range 4 {
		hn.arm(flip)
		r.tr.Do(ctx, "x", client.OpenOptions{}) // fails or not; the connection is gone
		for {
			e := r.event(t)
			if e.Kind == client.EventIntegrity {
				if e.Streak != i+1 {
					t.Fatalf("event %d: streak %d", i, e.Streak)
				}
				delays = append(delays, e.Delay)
				continue
			}
			if e.Kind != client.EventReconnected {
				t.Fatalf("event %v: %v", e.Kind, e.Err)
			}
			break
		}
	}
	if len(delays) != 4 || delays[0] != 0 || delays[1] <= 0 || delays[2] <= delays[1] || delays[3] <= delays[2] {
		t.Fatalf("delays before reconnecting %v: want 0, then growing", delays)
	}
}

func TestReconnectForgedHandshakeRetried(t *testing.T) {
	// A forged handshake during a reconnect (the final SESSION_SETUP
	// response altered after the server signed it) fails that attempt
	// only: the next attempt succeeds, and the client goes on. A
	// downgrade stays terminal (TestReconnectRefusesDowngrade).
	var mu sync.Mutex
	forge := false
	srv := &smbtest.Server{Leasing: true}
	srv.Mutate.ResponseBytes = func(m []byte) []byte {
		h, err := wire.DecodeHeader(m)
		mu.Lock()
		defer mu.Unlock()
		if err == nil && forge && h.Command == wire.CmdSessionSetup && h.Status == wire.StatusSuccess {
			forge = false
			m = bytes.Clone(m)
			m[32] ^= 0x01 // the header's Reserved field: only the signature covers it
		}
		return m
	}
	r := newRig(t, srv, 0, func(o *client.Options) { o.EchoInterval = -1 })
	mu.Lock()
	forge = true
	mu.Unlock()
	srv.WriteFile("known", []byte("genuine"))
	srv.Cut()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	got, err := readAll(ctx, r.tr, "known", 7)
	if err != nil || string(got) != "genuine" {
		t.Fatalf("read after a forged reconnect handshake: %q, %v", got, err)
	}
	e := r.event(t)
	if e.Kind != client.EventReconnected || e.Attempts < 2 {
		t.Fatalf("event %v after %d attempts (%v), want reconnected after a failed attempt", e.Kind, e.Attempts, e.Err)
	}
	if r.cl.Err() != nil {
		t.Fatal(r.cl.Err())
	}
}

func TestPendingThenSilenceCapped(t *testing.T) {
	// The fake server acknowledges a CREATE with STATUS_PENDING and never
	// sends the final response, while it answers every ECHO: the call is
	// cancelled after four timeouts and fails with ErrTimeout; the
	// connection stays up and calls work on it again.
	var withhold atomic.Bool
	srv := &smbtest.Server{Leasing: true, AsyncReplies: true}
	srv.Mutate.ResponseBytes = func(m []byte) []byte {
		h, err := wire.DecodeHeader(m)
		if err == nil && withhold.Load() && h.Command == wire.CmdCreate && h.IsAsync() && h.Status != wire.StatusPending {
			return nil
		}
		return m
	}
	r := newRig(t, srv, 0, func(o *client.Options) {
		o.Policy.RequirePrivacy = false // plaintext, so the hook sees the final response
		o.Timeout = time.Second
		o.EchoInterval = -1
	})
	srv.WriteFile("known", []byte("genuine"))
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	withhold.Store(true)
	_, err := r.tr.Open(ctx, "known", rwOpen(client.OpenExisting))
	withhold.Store(false)
	if !errors.Is(err, client.ErrTimeout) {
		t.Fatalf("CREATE with the answer withheld: %v, want ErrTimeout", err)
	}
	if srv.Seen(wire.CmdCancel) == 0 {
		t.Fatal("no SMB2 CANCEL sent")
	}
	if srv.Seen(wire.CmdEcho) == 0 {
		t.Fatal("no ECHO while waiting: the test proves nothing")
	}
	// The server now answers (still asynchronously). Its first
	// acknowledgement may come inside the window after a cap (the server
	// is taken to withhold answers, Conn.wait) and fail at once with
	// ErrTimeout; its final answer, which arrives all the same, ends the
	// window, and the call after works.
	got, err := readAll(ctx, r.tr, "known", 7)
	if errors.Is(err, client.ErrTimeout) {
		got, err = readAll(ctx, r.tr, "known", 7)
	}
	if err != nil || string(got) != "genuine" {
		t.Fatalf("next call: %q, %v", got, err)
	}
	if g := r.cl.Generation(); g != 0 {
		t.Fatalf("generation %d: the connection was replaced", g)
	}
}
