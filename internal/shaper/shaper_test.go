package shaper

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"io"
	"math/rand/v2"
	"net"
	"os"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// server is a target for the proxy: each connection is handed to handle.
func server(t *testing.T, handle func(net.Conn)) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	t.Cleanup(func() {
		ln.Close()
		wg.Wait()
	})
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			wg.Add(1)
			go func() {
				defer wg.Done()
				defer c.Close()
				handle(c)
			}()
		}
	}()
	return ln.Addr().String()
}

func echo(c net.Conn) { io.Copy(c, c) }

// proxy starts a Proxy to target and returns a connection through it.
func proxy(t *testing.T, target string, toServer, toClient Link) (*Proxy, net.Conn) {
	t.Helper()
	p, err := Listen(context.Background(), "127.0.0.1:0", target, toServer, toClient)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Close() })
	c, err := net.DialTimeout("tcp", p.Addr().String(), 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	c.SetDeadline(time.Now().Add(60 * time.Second))
	return p, c
}

// fakeClock is a clock the test steps by hand: After's channels fire only
// in Advance. Waits in the tests below are for the proxy's goroutines to
// reach a state, with a generous wall-clock deadline: no test asserts how
// long anything took.
type fakeClock struct {
	mu      sync.Mutex // guards now and waiters
	now     time.Time
	waiters []fakeWaiter
}

type fakeWaiter struct {
	at time.Time
	ch chan time.Time
}

func newFakeClock() *fakeClock { return &fakeClock{now: time.Unix(1_000_000, 0)} }

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) After(d time.Duration) <-chan time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	ch := make(chan time.Time, 1)
	if d <= 0 {
		ch <- c.now
		return ch
	}
	c.waiters = append(c.waiters, fakeWaiter{at: c.now.Add(d), ch: ch})
	return ch
}

// Advance moves the clock by d and fires every wait that is due.
func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
	left := c.waiters[:0]
	for _, w := range c.waiters {
		if w.at.After(c.now) {
			left = append(left, w)
			continue
		}
		w.ch <- c.now
	}
	c.waiters = left
}

// Waiting is the number of waits not yet due.
func (c *fakeClock) Waiting() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.waiters)
}

// until polls cond until it holds, failing the test after 30 s.
func until(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("not reached within 30 s: %s", what)
		}
		time.Sleep(time.Millisecond)
	}
}

// fakeProxy starts a Proxy on a fake clock and returns a connection
// through it.
func fakeProxy(t *testing.T, target string, toServer, toClient Link) (*Proxy, *fakeClock, net.Conn) {
	t.Helper()
	clk := newFakeClock()
	p, err := listen(context.Background(), "127.0.0.1:0", target, toServer, toClient, clk)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Close() })
	c, err := net.Dial("tcp", p.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	c.SetDeadline(time.Now().Add(60 * time.Second))
	return p, clk, c
}

// nothingYet checks that c has nothing to read. A correct proxy never
// delivers early, so a load that slows it cannot make this fail.
func nothingYet(t *testing.T, c net.Conn, when string) {
	t.Helper()
	c.SetReadDeadline(time.Now().Add(50 * time.Millisecond))
	if n, err := c.Read(make([]byte, 1)); n > 0 || !errors.Is(err, os.ErrDeadlineExceeded) {
		t.Fatalf("%s: read %d bytes, %v; want nothing yet", when, n, err)
	}
	c.SetReadDeadline(time.Now().Add(60 * time.Second))
}

// A ping-pong takes exactly the two one-way delays: the request waits out
// the first, the answer the second, on the proxy's clock.
func TestRoundTrip(t *testing.T) {
	const delay = time.Second
	p, clk, c := fakeProxy(t, server(t, echo), Link{Delay: delay}, Link{Delay: delay})
	msg := []byte("ping")
	if _, err := c.Write(msg); err != nil {
		t.Fatal(err)
	}
	until(t, "the request is held in the line", func() bool { return p.received.Load() == 4 && clk.Waiting() == 1 })
	clk.Advance(delay - time.Millisecond)
	if clk.Waiting() != 1 {
		t.Fatal("the request left before its delay")
	}
	nothingYet(t, c, "before the first delay")
	clk.Advance(time.Millisecond)
	until(t, "the answer is held in the line", func() bool { return p.received.Load() == 8 && clk.Waiting() == 1 })
	nothingYet(t, c, "before the second delay")
	clk.Advance(delay)
	buf := make([]byte, len(msg))
	if _, err := io.ReadFull(c, buf); err != nil || !bytes.Equal(buf, msg) {
		t.Fatalf("echo %q, %v; want %q", buf, err, msg)
	}
}

// 100 messages sent one after the other come back one round trip later,
// all of them: each waits from its own arrival, not from the write before
// it, so the line keeps them all in flight.
func TestPipelined(t *testing.T) {
	const (
		delay = time.Second
		n     = 100
		size  = 512
	)
	p, clk, c := fakeProxy(t, server(t, echo), Link{Delay: delay}, Link{Delay: delay})
	rng := rand.New(rand.NewPCG(1, 2))
	sent := make([]byte, n*size)
	for i := range sent {
		sent[i] = byte(rng.Uint32())
	}
	for i := range n {
		if _, err := c.Write(sent[i*size : (i+1)*size]); err != nil {
			t.Fatal(err)
		}
		// Each message its own chunk in the line.
		until(t, "the message read", func() bool { return p.received.Load() == int64((i+1)*size) })
	}
	until(t, "all requests held", func() bool { return p.received.Load() == n*size && clk.Waiting() == 1 })
	nothingYet(t, c, "before the first delay")
	clk.Advance(delay)
	// One step of the clock lets every request through: the answers all
	// come back into the line, waiting for the second delay.
	until(t, "every answer held after one delay (a line that waits per chunk stops at one)", func() bool {
		return p.received.Load() == 2*n*size && clk.Waiting() == 1
	})
	nothingYet(t, c, "before the second delay")
	clk.Advance(delay)
	got := make([]byte, len(sent))
	if _, err := io.ReadFull(c, got); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, sent) {
		t.Fatal("echoed bytes differ")
	}
}

// A capped direction moves at most Burst + Rate × elapsed bytes by any
// time on the proxy's clock, and everything in the end.
func TestRate(t *testing.T) {
	const (
		rate  = 1 << 20
		burst = 16 << 10
		size  = 512 << 10
		step  = 10 * time.Millisecond
	)
	var got atomic.Int64
	done := make(chan struct{})
	srv := server(t, func(c net.Conn) {
		buf := make([]byte, 64<<10)
		for {
			n, err := c.Read(buf)
			got.Add(int64(n))
			if err != nil {
				close(done)
				return
			}
		}
	})
	_, clk, c := fakeProxy(t, srv, Link{Rate: rate, Burst: burst}, Link{})
	if _, err := c.Write(make([]byte, size)); err != nil {
		t.Fatal(err)
	}
	c.(*net.TCPConn).CloseWrite()
	var elapsed time.Duration
	for got.Load() < size {
		if elapsed > 2*time.Second {
			t.Fatalf("%d of %d bytes after %v at %d B/s", got.Load(), size, elapsed, rate)
		}
		until(t, "the line waits for tokens or has sent everything", func() bool { return clk.Waiting() > 0 || got.Load() == size })
		clk.Advance(step)
		elapsed += step
		// What the server has read trails what was written: the bound
		// can only be met more easily.
		if max := burst + int64(rate*elapsed.Seconds()); got.Load() > max {
			t.Fatalf("%d bytes through by %v, more than the burst and rate allow (%d)", got.Load(), elapsed, max)
		}
	}
	if elapsed < 400*time.Millisecond {
		t.Errorf("%d bytes through in %v of the proxy's time, want about 0.5 s", size, elapsed)
	}
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		t.Fatal("the end of the stream did not arrive")
	}
}

// When the receiver does not read, the proxy holds at most Limit bytes and
// the sender blocks; nothing is lost when the receiver resumes.
func TestBackpressure(t *testing.T) {
	const limit = 256 << 10
	resume := make(chan struct{})
	got := make(chan []byte, 1)
	srv := server(t, func(c net.Conn) {
		select {
		case <-resume:
		case <-time.After(30 * time.Second):
		}
		b, _ := io.ReadAll(c)
		got <- b
	})
	p, c := proxy(t, srv, Link{Delay: 5 * time.Millisecond, Limit: limit}, Link{})
	rng := rand.New(rand.NewPCG(3, 4))
	var sent bytes.Buffer
	buf := make([]byte, 64<<10)
	c.SetWriteDeadline(time.Now().Add(2 * time.Second))
	var err error
	for sent.Len() < 256<<20 {
		for i := range buf {
			buf[i] = byte(rng.Uint32())
		}
		var n int
		n, err = c.Write(buf)
		sent.Write(buf[:n])
		if err != nil {
			break
		}
	}
	var ne net.Error
	if !errors.As(err, &ne) || !ne.Timeout() {
		t.Fatalf("wrote %d bytes to a receiver that does not read: err %v, want a timeout", sent.Len(), err)
	}
	st := p.Stats()
	t.Logf("sender blocked after %d bytes; the proxy held at most %d", sent.Len(), st.MaxHeld)
	if st.MaxHeld > limit || st.MaxHeld == 0 {
		t.Errorf("proxy held at most %d bytes, want 1 to %d", st.MaxHeld, limit)
	}
	close(resume)
	c.SetWriteDeadline(time.Time{})
	c.(*net.TCPConn).CloseWrite()
	select {
	case b := <-got:
		if !bytes.Equal(b, sent.Bytes()) {
			t.Errorf("receiver got %d bytes, want the %d sent", len(b), sent.Len())
		}
	case <-time.After(30 * time.Second):
		t.Fatal("receiver did not get everything within 30 s")
	}
}

// Random bytes both ways at once, through a small line: what arrives is
// what was sent, and the end of each direction arrives after its data.
func TestIntegrity(t *testing.T) {
	const size = 8 << 20
	type result struct{ sent, got [32]byte }
	srvRes := make(chan result, 1)
	srv := server(t, func(c net.Conn) {
		srvRes <- exchange(c, size, 5)
	})
	link := Link{Delay: 2 * time.Millisecond, Limit: 64 << 10}
	p, c := proxy(t, srv, link, link)
	mine := exchange(c, size, 6)
	var theirs result
	select {
	case theirs = <-srvRes:
	case <-time.After(60 * time.Second):
		t.Fatal("server did not finish")
	}
	if mine.sent != theirs.got {
		t.Error("server received other bytes than the client sent")
	}
	if theirs.sent != mine.got {
		t.Error("client received other bytes than the server sent")
	}
	if st := p.Stats(); st.ToServer != size || st.ToClient != size || st.MaxHeld > 64<<10 {
		t.Errorf("stats %+v, want %d bytes each way and at most 64 KiB held", st, size)
	}
}

// exchange sends size random bytes (seeded) on c while reading c to its end,
// and returns the SHA-256 of each.
func exchange(c net.Conn, size int, seed uint64) (r struct{ sent, got [32]byte }) {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		h := sha256.New()
		io.Copy(h, c)
		copy(r.got[:], h.Sum(nil))
	}()
	rng := rand.New(rand.NewPCG(seed, seed))
	h := sha256.New()
	buf := make([]byte, 37<<10) // odd size: chunks do not line up
	for left := size; left > 0; left -= len(buf) {
		b := buf[:min(left, len(buf))]
		for i := range b {
			b[i] = byte(rng.Uint32())
		}
		h.Write(b)
		if _, err := c.Write(b); err != nil {
			break
		}
	}
	copy(r.sent[:], h.Sum(nil))
	c.(*net.TCPConn).CloseWrite()
	wg.Wait()
	return r
}

// Close cuts open connections and returns; a cancelled context closes the
// proxy too.
func TestClose(t *testing.T) {
	p, c := proxy(t, server(t, echo), Link{Delay: time.Second}, Link{Delay: time.Second})
	if _, err := c.Write([]byte("held in the line")); err != nil {
		t.Fatal(err)
	}
	time.Sleep(50 * time.Millisecond) // let the proxy read it
	done := make(chan struct{})
	go func() { p.Close(); close(done) }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("Close did not return within 5 s")
	}
	c.SetReadDeadline(time.Now().Add(5 * time.Second))
	if _, err := c.Read(make([]byte, 1)); err == nil || errors.Is(err, os.ErrDeadlineExceeded) {
		t.Errorf("read after Close: %v, want the connection cut", err)
	}

	ctx, cancel := context.WithCancel(context.Background())
	q, err := Listen(ctx, "127.0.0.1:0", server(t, echo), Link{}, Link{})
	if err != nil {
		t.Fatal(err)
	}
	cancel()
	deadline := time.Now().Add(5 * time.Second)
	for {
		c, err := net.DialTimeout("tcp", q.Addr().String(), time.Second)
		if err != nil {
			break
		}
		c.Close()
		if time.Now().After(deadline) {
			t.Fatal("proxy still accepts 5 s after its context ended")
		}
		time.Sleep(10 * time.Millisecond)
	}
	q.Close()
}

func TestListenRejectsNegative(t *testing.T) {
	if p, err := Listen(context.Background(), "127.0.0.1:0", "127.0.0.1:1", Link{Delay: -1}, Link{}); err == nil {
		p.Close()
		t.Fatal("negative delay accepted")
	}
}

func TestBucket(t *testing.T) {
	t0 := time.Unix(1000, 0)
	b := newBucket(1000, 100, t0) // 1000 B/s, 100 B saved up at most
	steps := []struct {
		at   time.Duration
		n    int64
		wait time.Duration
	}{
		{0, 100, 0},                      // the burst
		{0, 100, 100 * time.Millisecond}, // overdrawn by 100
		{100 * time.Millisecond, 50, 50 * time.Millisecond}, // debt paid, 50 more
		{time.Hour, 300, 200 * time.Millisecond},            // saved only 100
	}
	for i, s := range steps {
		if got := b.take(s.n, t0.Add(s.at)); (got - s.wait).Abs() > time.Microsecond {
			t.Errorf("step %d: take(%d) at %v waits %v, want %v", i, s.n, s.at, got, s.wait)
		}
	}
}

func TestSymmetric(t *testing.T) {
	up, down := Symmetric(10*time.Millisecond, 5)
	if up.Delay != 5*time.Millisecond || down.Delay != 5*time.Millisecond || up.Rate != 5 || down.Rate != 5 {
		t.Errorf("Symmetric(10ms, 5) = %+v, %+v", up, down)
	}
}
