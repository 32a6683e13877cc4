package shaper

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"io"
	"math/rand/v2"
	"net"
	"os"
	"sync"
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

// A ping-pong takes at least the two one-way delays, and not much more.
func TestRoundTrip(t *testing.T) {
	const delay = 50 * time.Millisecond
	_, c := proxy(t, server(t, echo), Link{Delay: delay}, Link{Delay: delay})
	msg := []byte("ping")
	buf := make([]byte, len(msg))
	var rtts []time.Duration
	for range 5 {
		start := time.Now()
		if _, err := c.Write(msg); err != nil {
			t.Fatal(err)
		}
		if _, err := io.ReadFull(c, buf); err != nil {
			t.Fatal(err)
		}
		rtt := time.Since(start)
		rtts = append(rtts, rtt)
		if rtt < 2*delay {
			t.Errorf("round trip %v, less than twice the one-way delay %v", rtt, delay)
		}
		if !bytes.Equal(buf, msg) {
			t.Fatalf("echo %q, want %q", buf, msg)
		}
	}
	// Generous: a loaded machine may add scheduling delays to some round
	// trips, but a proxy that waited the delay twice per direction would
	// take 200 ms or more every time.
	best := rtts[0]
	for _, r := range rtts {
		best = min(best, r)
	}
	if best > 2*delay+90*time.Millisecond {
		t.Errorf("best round trip %v of %v, want about %v", best, rtts, 2*delay)
	}
}

// 100 messages sent one after the other, each its own chunk, come back in
// about one round trip, not 100: the line keeps them all in flight.
func TestPipelined(t *testing.T) {
	const (
		delay = 50 * time.Millisecond
		n     = 100
		size  = 512
	)
	_, c := proxy(t, server(t, echo), Link{Delay: delay}, Link{Delay: delay})
	rng := rand.New(rand.NewPCG(1, 2))
	sent := make([]byte, n*size)
	for i := range sent {
		sent[i] = byte(rng.Uint32())
	}
	start := time.Now()
	errc := make(chan error, 1)
	go func() {
		for i := range n {
			if _, err := c.Write(sent[i*size : (i+1)*size]); err != nil {
				errc <- err
				return
			}
			time.Sleep(time.Millisecond) // separate chunks in the proxy
		}
		errc <- nil
	}()
	got := make([]byte, len(sent))
	if _, err := io.ReadFull(c, got); err != nil {
		t.Fatal(err)
	}
	took := time.Since(start)
	if err := <-errc; err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, sent) {
		t.Fatal("echoed bytes differ")
	}
	if took < 2*delay {
		t.Errorf("%d messages came back in %v, less than one round trip %v", n, took, 2*delay)
	}
	// Serialised, 100 messages would take 100 round trips (10 s); in
	// flight together, one round trip plus the ~100 ms of sending.
	if limit := n * 2 * delay / 5; took > limit {
		t.Errorf("%d pipelined messages took %v, more than %v (20 round trips): the line serialises them", n, took, limit)
	}
}

// A capped direction moves about Rate bytes a second.
func TestRate(t *testing.T) {
	const (
		rate = 1 << 20
		size = 512 << 10
	)
	srv := server(t, func(c net.Conn) {
		n, _ := io.Copy(io.Discard, c)
		c.Write(binary.BigEndian.AppendUint64(nil, uint64(n)))
	})
	_, c := proxy(t, srv, Link{Rate: rate}, Link{})
	start := time.Now()
	if _, err := c.Write(make([]byte, size)); err != nil {
		t.Fatal(err)
	}
	c.(*net.TCPConn).CloseWrite()
	var ack [8]byte
	if _, err := io.ReadFull(c, ack[:]); err != nil {
		t.Fatal(err)
	}
	took := time.Since(start)
	if n := binary.BigEndian.Uint64(ack[:]); n != size {
		t.Fatalf("server got %d bytes, want %d", n, size)
	}
	// 512 KiB at 1 MiB/s: 0.5 s less the 16 KiB burst. A wide band.
	if took < 300*time.Millisecond || took > 5*time.Second {
		t.Errorf("%d bytes at %d B/s took %v, want about 0.5 s", size, rate, took)
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
