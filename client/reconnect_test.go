package client_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/smb3fs/smb3fs/auth"
	"github.com/smb3fs/smb3fs/client"
	"github.com/smb3fs/smb3fs/client/smbtest"
	"github.com/smb3fs/smb3fs/client/wire"
)

// Unit tests of reconnect.go and keepalive.go against the fake server.

// tapConn wraps the client's end of one connection: it can cut the
// connection once limit bytes were written (0: never), cut it right after
// the next write (armed), or make the server fall silent (silent: writes
// vanish, reads see nothing).
type tapConn struct {
	net.Conn
	limit   int64
	written atomic.Int64
	armed   atomic.Bool
	deaf    atomic.Bool // armed and fired: every response is dropped
	silent  atomic.Bool
	closed  chan struct{}
	once    sync.Once
}

func (c *tapConn) Write(b []byte) (int, error) {
	if c.silent.Load() {
		return len(b), nil
	}
	if c.limit > 0 && c.written.Add(int64(len(b))) > c.limit {
		c.Close()
		return 0, net.ErrClosed
	}
	if c.armed.CompareAndSwap(true, false) {
		// The server gets the request; its response is lost.
		c.deaf.Store(true)
		n, err := c.Conn.Write(b)
		c.Close()
		return n, err
	}
	return c.Conn.Write(b)
}

func (c *tapConn) Read(b []byte) (int, error) {
	if c.silent.Load() {
		<-c.closed
		return 0, net.ErrClosed
	}
	n, err := c.Conn.Read(b)
	if c.deaf.Load() {
		c.Close()
		return 0, net.ErrClosed
	}
	return n, err
}

func (c *tapConn) Close() error {
	c.once.Do(func() { close(c.closed) })
	return c.Conn.Close()
}

// rig is a fake server, a client that can reconnect, and the taps on each
// connection the client made.
type rig struct {
	srv    *smbtest.Server
	cl     *client.Client
	tr     *client.Tree
	mu     sync.Mutex
	taps   []*tapConn
	events chan client.Event
	// limit applies to the first connection only.
	limit int64
}

func (r *rig) tap(i int) *tapConn {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.taps[i]
}

func (r *rig) dial(ctx context.Context, network, addr string) (net.Conn, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	tc := &tapConn{Conn: r.srv.Pipe(), closed: make(chan struct{})}
	if len(r.taps) == 0 {
		tc.limit = r.limit
	}
	r.taps = append(r.taps, tc)
	return tc, nil
}

func newRig(t *testing.T, srv *smbtest.Server, limit int64, tweak func(o *client.Options)) *rig {
	t.Helper()
	if srv.ShareFlags == nil {
		srv.ShareFlags = map[string]uint32{"share": 0}
	}
	r := &rig{srv: srv, limit: limit, events: make(chan client.Event, 16)}
	opts := client.Options{
		Server: "fake", Policy: client.StrictPolicy(), Dial: r.dial, Timeout: 5 * time.Second,
		NewMechanism: func() (auth.Mechanism, error) { return &smbtest.Mechanism{IsMutual: true}, nil },
		OnEvent:      func(e client.Event) { r.events <- e },
	}
	if tweak != nil {
		tweak(&opts)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	cl, err := client.Dial(ctx, opts)
	if err != nil {
		t.Fatalf("Dial: %v", err)
	}
	r.cl = cl
	t.Cleanup(func() { cl.Close(); srv.Close() })
	if r.tr, err = cl.Connect(ctx, "share"); err != nil {
		t.Fatalf("Connect: %v", err)
	}
	return r
}

// event waits (bounded) for the next reconnect event.
func (r *rig) event(t *testing.T) client.Event {
	t.Helper()
	select {
	case e := <-r.events:
		return e
	case <-time.After(20 * time.Second):
		t.Fatal("no reconnect event within 20s")
		return client.Event{}
	}
}

// rwOpen opens a file to read and write.
func rwOpen(disp client.Disposition) client.OpenOptions {
	return client.OpenOptions{Access: client.AccessRead | client.AccessWrite, Disposition: disp, Kind: client.KindFile}
}

// durableOpen is rwOpen asking for a durable handle (with a read and
// handle lease), as the FUSE layer opens its files.
func durableOpen(disp client.Disposition) client.OpenOptions {
	o := rwOpen(disp)
	o.Durable = true
	return o
}

func pattern(n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(i*7 + i>>11)
	}
	return b
}

func TestReconnectMidWriteKeepsWriting(t *testing.T) {
	// The first connection dies after 3.5 MiB, in the middle of a WriteAt
	// of 1 MiB chunks; the durable handle is reclaimed and every byte
	// arrives.
	r := newRig(t, &smbtest.Server{Leasing: true}, 3<<20+512<<10, nil)
	ctx := context.Background()
	f, err := r.tr.Open(ctx, "big.bin", durableOpen(client.OverwriteOrCreate))
	if err != nil {
		t.Fatal(err)
	}
	if !f.Durable() {
		t.Fatal("the fake server granted durability, File is not durable")
	}
	oldID := f.ID()
	want := pattern(8 << 20)
	for off := 0; off < len(want); off += 2 << 20 {
		if n, err := f.WriteAt(ctx, want[off:off+2<<20], int64(off)); err != nil || n != 2<<20 {
			t.Fatalf("WriteAt at %d: %d, %v", off, n, err)
		}
	}
	e := r.event(t)
	if e.Kind != client.EventReconnected || len(e.Reopened) != 1 || e.Reopened[0] != "big.bin" || len(e.Lost) != 0 || e.Trees != 1 {
		t.Fatalf("event %+v", e)
	}
	if r.cl.Generation() != 1 || f.ID() == oldID || r.srv.Reclaimed() != 1 {
		t.Fatalf("generation %d, id %v (was %v), reclaimed %d", r.cl.Generation(), f.ID(), oldID, r.srv.Reclaimed())
	}
	got := make([]byte, len(want))
	if _, err := f.ReadAt(ctx, got, 0); err != nil {
		t.Fatal(err)
	}
	if disk, _ := r.srv.ReadFile("big.bin"); !bytes.Equal(disk, want) || !bytes.Equal(got, want) {
		t.Fatalf("bytes differ after reconnect (server %d bytes)", len(disk))
	}
	if _, err := f.Close(ctx); err != nil {
		t.Fatalf("Close: %v", err)
	}
}

func TestReconnectLosesNonDurable(t *testing.T) {
	r := newRig(t, &smbtest.Server{Leasing: true}, 0, nil)
	ctx := context.Background()
	plain, err := r.tr.Open(ctx, "plain", rwOpen(client.OverwriteOrCreate))
	if err != nil {
		t.Fatal(err)
	}
	r.srv.Cut()
	if e := r.event(t); e.Kind != client.EventReconnected {
		t.Fatalf("event %+v", e)
	}
	_, err = plain.WriteAt(ctx, []byte("x"), 0)
	if !errors.Is(err, client.ErrHandleLost) {
		t.Fatalf("write on a non-durable handle after reconnect: %v, want ErrHandleLost", err)
	}
	// The tree itself works.
	if _, err := r.tr.Do(ctx, "plain", client.OpenOptions{}); err != nil {
		t.Fatalf("Stat after reconnect: %v", err)
	}
}

func TestReconnectUnsafeRequestFails(t *testing.T) {
	r := newRig(t, &smbtest.Server{Leasing: true}, 0, nil)
	ctx := context.Background()
	// A CREATE that creates reaches the server, then the connection dies:
	// its outcome is unknown, and it must not be sent again.
	r.tap(0).armed.Store(true)
	_, err := r.tr.Do(ctx, "once", client.OpenOptions{Kind: client.KindFile, Disposition: client.CreateNew}, client.WriteData([]byte("data")))
	if !errors.Is(err, client.ErrConnectionClosed) {
		t.Fatalf("create with data across a cut: %v, want ErrConnectionClosed", err)
	}
	// The server runs the compound after the client already gave up.
	for deadline := time.Now().Add(5 * time.Second); r.srv.Seen(wire.CmdClose) == 0 && time.Now().Before(deadline); {
		time.Sleep(time.Millisecond)
	}
	if got, ok := r.srv.ReadFile("once"); !ok || string(got) != "data" {
		t.Fatalf("the server did not execute the request (%q, %v): the test proves nothing", got, ok)
	}
	if n := r.srv.Seen(wire.CmdCreate); n != 1 {
		t.Fatalf("server saw %d CREATEs, want 1 (not resent)", n)
	}
	// A safe request across a cut is resent and succeeds.
	r.event(t)
	r.tap(1).armed.Store(true)
	if _, err := r.tr.Do(ctx, "once", client.OpenOptions{}); err != nil {
		t.Fatalf("Stat across a cut: %v", err)
	}
	if r.cl.Generation() != 2 {
		t.Fatalf("generation %d, want 2", r.cl.Generation())
	}
}

func TestReconnectRefusesDowngrade(t *testing.T) {
	var negotiations atomic.Int32
	srv := &smbtest.Server{Leasing: true}
	srv.Mutate.NegotiateResponse = func(r *wire.NegotiateResponse) {
		if negotiations.Add(1) > 1 {
			r.Ciphers = []wire.CipherID{wire.CipherNone} // the second server offers no encryption
		}
	}
	r := newRig(t, srv, 0, nil)
	ctx := context.Background()
	r.srv.Cut()
	_, err := r.tr.Do(ctx, "x", client.OpenOptions{})
	if !errors.Is(err, client.ErrRefused) || !strings.Contains(err.Error(), "privacy") {
		t.Fatalf("Stat after a downgraded reconnect: %v, want ErrRefused naming the policy", err)
	}
	if e := r.event(t); e.Kind != client.EventRefused || !errors.Is(e.Err, client.ErrRefused) {
		t.Fatalf("event %+v", e)
	}
	// Terminal: later calls return the refusal without dialing again.
	before := negotiations.Load()
	if _, err := r.tr.Open(ctx, "y", rwOpen(client.OpenOrCreate)); !errors.Is(err, client.ErrRefused) {
		t.Fatalf("later call: %v", err)
	}
	if !errors.Is(r.cl.Err(), client.ErrRefused) || negotiations.Load() != before {
		t.Fatalf("client error %v, negotiations %d -> %d", r.cl.Err(), before, negotiations.Load())
	}
}

func TestReconnectSingleFlight(t *testing.T) {
	r := newRig(t, &smbtest.Server{Leasing: true}, 0, func(o *client.Options) { o.EchoInterval = -1 })
	ctx := context.Background()
	r.srv.WriteFile("f", []byte("x"))
	f, err := r.tr.Open(ctx, "f", durableOpen(client.OpenExisting))
	if err != nil {
		t.Fatal(err)
	}
	r.srv.Cut()
	var wg sync.WaitGroup
	errs := make(chan error, 32)
	for i := 0; i < 16; i++ {
		wg.Add(2)
		go func() {
			defer wg.Done()
			_, err := r.tr.Do(ctx, "f", client.OpenOptions{})
			errs <- err
		}()
		go func(i int) {
			defer wg.Done()
			_, err := f.WriteAt(ctx, []byte{byte(i)}, int64(i))
			errs <- err
		}(i)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Errorf("concurrent call across the reconnect: %v", err)
		}
	}
	if n := r.srv.Seen(wire.CmdNegotiate); n != 2 {
		t.Errorf("server saw %d NEGOTIATEs, want 2 (one reconnect)", n)
	}
	if r.cl.Generation() != 1 {
		t.Errorf("generation %d", r.cl.Generation())
	}
}

func TestReconnectWithoutFactory(t *testing.T) {
	srv := &smbtest.Server{ShareFlags: map[string]uint32{"share": 0}}
	ctx := context.Background()
	cl, err := client.Dial(ctx, client.Options{Server: "fake", Policy: client.StrictPolicy(),
		Mechanism: &smbtest.Mechanism{IsMutual: true}, Dial: srv.Dial, Timeout: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	defer cl.Close()
	tr, err := cl.Connect(ctx, "share")
	if err != nil {
		t.Fatal(err)
	}
	srv.Cut()
	_, err = tr.Do(ctx, "x", client.OpenOptions{})
	if !errors.Is(err, client.ErrConnectionClosed) || !strings.Contains(err.Error(), "cannot reconnect") {
		t.Fatalf("Stat: %v", err)
	}
}

func TestSessionExpiredReauthenticates(t *testing.T) {
	var mechs atomic.Int32
	r := newRig(t, &smbtest.Server{Leasing: true}, 0, func(o *client.Options) {
		o.NewMechanism = func() (auth.Mechanism, error) {
			mechs.Add(1)
			return &smbtest.Mechanism{IsMutual: true}, nil
		}
	})
	ctx := context.Background()
	f, err := r.tr.Open(ctx, "d", durableOpen(client.OverwriteOrCreate))
	if err != nil {
		t.Fatal(err)
	}
	r.srv.ExpireSessions()
	if _, err := f.WriteAt(ctx, []byte("after expiry"), 0); err != nil {
		t.Fatalf("WriteAt on an expired session: %v", err)
	}
	if got, _ := r.srv.ReadFile("d"); string(got) != "after expiry" {
		t.Fatalf("server has %q", got)
	}
	e := r.event(t)
	if e.Kind != client.EventReconnected || len(e.Reopened) != 1 || !strings.Contains(fmt.Sprint(e.Reason), "expired") {
		t.Fatalf("event %+v", e)
	}
	if n := mechs.Load(); n != 2 {
		t.Fatalf("factory called %d times, want 2 (a fresh mechanism to re-authenticate)", n)
	}
	var expired int
	for _, rec := range r.srv.Records() {
		if rec.Status == wire.StatusNetworkSessionExpired {
			expired++
		}
	}
	if expired == 0 {
		t.Fatal("the server never answered STATUS_NETWORK_SESSION_EXPIRED: the test proves nothing")
	}
}

func TestKeepaliveDetectsSilentServer(t *testing.T) {
	r := newRig(t, &smbtest.Server{Leasing: true}, 0, func(o *client.Options) {
		o.EchoInterval = 100 * time.Millisecond
		o.Timeout = 500 * time.Millisecond
	})
	ctx := context.Background()
	f, err := r.tr.Open(ctx, "k", durableOpen(client.OverwriteOrCreate))
	if err != nil {
		t.Fatal(err)
	}
	echoes := r.srv.Seen(wire.CmdEcho)
	r.tap(0).silent.Store(true)
	// Nothing is sent by the test: only the keepalive can notice.
	e := r.event(t)
	if e.Kind != client.EventReconnected || !errors.Is(e.Reason, client.ErrTimeout) || len(e.Reopened) != 1 {
		t.Fatalf("event %+v (reason %v)", e, e.Reason)
	}
	if _, err := f.WriteAt(ctx, []byte("alive"), 0); err != nil {
		t.Fatal(err)
	}
	if r.srv.Seen(wire.CmdEcho) < echoes {
		t.Fatal("echo count went down")
	}
}

func TestReconnectExpiredCredentials(t *testing.T) {
	var calls atomic.Int32
	var expired atomic.Bool
	r := newRig(t, &smbtest.Server{Leasing: true}, 0, func(o *client.Options) {
		o.NewMechanism = func() (auth.Mechanism, error) {
			calls.Add(1)
			if expired.Load() {
				return nil, errors.New("auth: kerberos: the ticket in credential cache X expired at T (run kinit)")
			}
			return &smbtest.Mechanism{IsMutual: true}, nil
		}
	})
	ctx := context.Background()
	expired.Store(true)
	r.srv.Cut()
	start := time.Now()
	_, err := r.tr.Do(ctx, "x", client.OpenOptions{})
	if !errors.Is(err, client.ErrAuthentication) || !errors.Is(err, client.ErrConnectionClosed) || !strings.Contains(err.Error(), "run kinit") {
		t.Fatalf("Stat with expired credentials: %v", err)
	}
	if took := time.Since(start); took > 4*time.Second {
		t.Fatalf("an authentication failure took %v to report; it should not wait for retries", took)
	}
	if e := r.event(t); e.Kind != client.EventReconnectFailed || !errors.Is(e.Err, client.ErrAuthentication) {
		t.Fatalf("event %+v", e)
	}
	// After a kinit, the next request reconnects.
	expired.Store(false)
	if _, err := r.tr.Do(ctx, "x", client.OpenOptions{}); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("Stat after the credentials were renewed: %v, want not-exist from a live server", err)
	}
	if r.cl.Generation() != 1 {
		t.Fatalf("generation %d", r.cl.Generation())
	}
}

func TestReconnectCloseStopsEverything(t *testing.T) {
	before := runtime.NumGoroutine()
	srv := &smbtest.Server{Leasing: true, ShareFlags: map[string]uint32{"share": 0}}
	var dials atomic.Int32
	dialing := make(chan struct{})
	ctx := context.Background()
	cl, err := client.Dial(ctx, client.Options{Server: "fake", Policy: client.StrictPolicy(), Timeout: time.Minute,
		NewMechanism: func() (auth.Mechanism, error) { return &smbtest.Mechanism{IsMutual: true}, nil },
		Dial: func(ctx context.Context, network, addr string) (net.Conn, error) {
			if dials.Add(1) == 1 {
				return srv.Pipe(), nil
			}
			close(dialing)
			<-ctx.Done() // a server that never answers the SYN
			return nil, ctx.Err()
		}})
	if err != nil {
		t.Fatal(err)
	}
	tr, err := cl.Connect(ctx, "share")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tr.Open(ctx, "f", durableOpen(client.OverwriteOrCreate)); err != nil {
		t.Fatal(err)
	}
	srv.Cut()
	<-dialing // the reconnect is under way, stuck in dial
	cl.Close()
	srv.Close()
	for deadline := time.Now().Add(10 * time.Second); runtime.NumGoroutine() > before; {
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<16)
			t.Fatalf("%d goroutines before, %d after Close:\n%s", before, runtime.NumGoroutine(), buf[:runtime.Stack(buf, true)])
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func TestReconnectDurableCloseAcrossCut(t *testing.T) {
	// The CLOSE reaches the server, the answer is lost: the reconnect
	// finds the handle gone (the CLOSE happened), and Close succeeds.
	r := newRig(t, &smbtest.Server{Leasing: true}, 0, func(o *client.Options) { o.EchoInterval = -1 })
	ctx := context.Background()
	f, err := r.tr.Open(ctx, "c", durableOpen(client.OverwriteOrCreate))
	if err != nil {
		t.Fatal(err)
	}
	g, err := r.tr.Open(ctx, "g", durableOpen(client.OverwriteOrCreate))
	if err != nil {
		t.Fatal(err)
	}
	r.tap(0).armed.Store(true)
	if _, err := f.Close(ctx); err != nil {
		t.Fatalf("Close across a cut: %v", err)
	}
	// Usually the server ran the CLOSE before the DH2C came and c is
	// found gone; if the old connection's CLOSE ran late, c was reclaimed
	// and closed again. Either way Close succeeded and g survived.
	e := r.event(t)
	all := append(append([]string(nil), e.Reopened...), e.Lost...)
	if e.Kind != client.EventReconnected || len(all) != 2 || !slices.Contains(e.Reopened, "g") {
		t.Fatalf("event %+v: want g reopened, c reopened or found gone", e)
	}
	if _, err := g.WriteAt(ctx, []byte("g"), 0); err != nil {
		t.Fatalf("the other durable handle: %v", err)
	}
}

// A KDC that cannot be reached during a reconnect (the link is down) is a
// network failure: the caller gets a timeout, not ErrAuthentication (which
// the mount reports as EACCES), and the client keeps trying; once the KDC
// answers again the next request reconnects. Seen in the soak run.
func TestReconnectKDCUnreachableIsNotAuthentication(t *testing.T) {
	var down atomic.Bool
	r := newRig(t, &smbtest.Server{Leasing: true}, 0, func(o *client.Options) {
		o.Timeout = time.Second
		o.NewMechanism = func() (auth.Mechanism, error) {
			if down.Load() {
				return &smbtest.Mechanism{InitErr: fmt.Errorf("%w: waiting for the KDC: %w", auth.ErrKDCUnreachable, context.DeadlineExceeded)}, nil
			}
			return &smbtest.Mechanism{IsMutual: true}, nil
		}
	})
	ctx := context.Background()
	down.Store(true)
	r.srv.Cut()
	ctx1, cancel := context.WithTimeout(ctx, 3*time.Second)
	defer cancel()
	_, err := r.tr.Do(ctx1, "x", client.OpenOptions{})
	if err == nil || errors.Is(err, client.ErrAuthentication) || !errors.Is(err, auth.ErrKDCUnreachable) && !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("Stat with the KDC unreachable: %v (want a timeout naming the KDC, not an authentication error)", err)
	}
	down.Store(false)
	deadline := time.Now().Add(30 * time.Second)
	for {
		_, err := r.tr.Do(ctx, "x", client.OpenOptions{})
		if errors.Is(err, fs.ErrNotExist) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("Stat once the KDC is back: %v, want not-exist from a live server", err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}
