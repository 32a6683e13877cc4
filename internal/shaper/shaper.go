// Package shaper is a TCP proxy that makes a local link look like a distant
// one: it delays each direction by a fixed one-way time, optionally caps its
// bandwidth, and bounds the bytes it holds. The benchmark (scripts/bench)
// puts it between every client and the server, because the test machine's
// kernel has no netem.
//
// One direction of one connection is a delay line:
//
//	src ──► reader ──► queue of chunks, each stamped ──► writer ──► dst
//	        (waits for room: at     with its arrival     (waits until arrival
//	        most Link.Limit bytes   time                  + Delay, then for the
//	        held; reading stops                           token bucket, then
//	        when full)                                    writes; frees room)
//
// Many chunks are in flight at once: a chunk's wait starts when it arrives,
// not when the one before it has been written, so a client that sends 100
// requests back to back gets 100 answers one round trip later, not after
// 100 round trips. Memory is bounded by Limit per direction and connection:
// when the line is full the reader stops reading, the kernel's socket
// buffers fill and the sender blocks, which is TCP's own backpressure.
//
// Connection set-up is not delayed (the proxy dials the target as soon as
// it accepts), and the end of a direction (EOF) travels down the line like
// data, then half-closes the other side.
package shaper

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"sync"
	"sync/atomic"
	"time"
)

// Defaults of a Link.
const (
	// DefaultLimit is the bytes one direction of one connection may hold:
	// more than the bandwidth-delay product of 400 MB/s at 20 ms one way.
	DefaultLimit = 16 << 20
	// DefaultWriteTimeout is how long one write to a side may block.
	DefaultWriteTimeout = 2 * time.Minute
	// chunkSize is the most one read takes from a side.
	chunkSize = 256 << 10
	// maxChunks is the most chunks one line holds.
	maxChunks = 1024
	// dialTimeout bounds the connection to the target.
	dialTimeout = 10 * time.Second
)

// Link is what one direction looks like.
type Link struct {
	// Delay is the one-way delay added to every byte.
	Delay time.Duration
	// Rate caps the direction's bandwidth in bytes per second (a token
	// bucket); 0 means no cap.
	Rate int64
	// Burst is the token bucket's size in bytes; 0 means Rate/100 (10 ms
	// worth) but at least 16 KiB.
	Burst int64
	// Limit is the most bytes held in the line (read from one side, not
	// yet written to the other); 0 means DefaultLimit.
	Limit int64
	// WriteTimeout bounds each write; 0 means DefaultWriteTimeout.
	WriteTimeout time.Duration
}

func (l Link) limit() int64 {
	if l.Limit > 0 {
		return l.Limit
	}
	return DefaultLimit
}

func (l Link) writeTimeout() time.Duration {
	if l.WriteTimeout > 0 {
		return l.WriteTimeout
	}
	return DefaultWriteTimeout
}

func (l Link) burst() int64 {
	if l.Burst > 0 {
		return l.Burst
	}
	return max(l.Rate/100, 16<<10)
}

// Symmetric returns the Links of a round trip time rtt split evenly over
// the two directions, each capped at rate bytes per second (0: no cap).
func Symmetric(rtt time.Duration, rate int64) (toServer, toClient Link) {
	l := Link{Delay: rtt / 2, Rate: rate}
	return l, l
}

// Stats are counters over every connection a Proxy has served.
type Stats struct {
	// Conns is the number of connections accepted and dialled through.
	Conns int64
	// ToServer and ToClient are the bytes forwarded each way.
	ToServer, ToClient int64
	// MaxHeld is the most bytes one direction of one connection held at
	// once (never more than its Link.Limit).
	MaxHeld int64
}

// Proxy accepts connections and forwards each to a target through two
// Links. Its methods are safe for concurrent use.
type Proxy struct {
	target             string
	toServer, toClient Link
	ln                 net.Listener

	conns, up, down, maxHeld atomic.Int64

	mu     sync.Mutex // guards open and closed
	open   map[net.Conn]struct{}
	closed bool

	done chan struct{} // closed by Close
	wg   sync.WaitGroup

	// clock is where the lines read the time and wait; a test replaces it
	// to step time by hand. Set before the first connection.
	clock clock
	// received counts the bytes read from either side, for tests that wait
	// until the proxy holds what was sent.
	received atomic.Int64
}

// clock is the time the lines keep: now, and a channel that delivers once
// d has passed.
type clock interface {
	Now() time.Time
	After(d time.Duration) <-chan time.Time
}

// realClock is the wall clock.
type realClock struct{}

func (realClock) Now() time.Time                         { return time.Now() }
func (realClock) After(d time.Duration) <-chan time.Time { return time.After(d) }

// Listen starts a proxy on laddr ("host:port"; port 0 picks one) that
// forwards every connection to target through toServer (what the client
// sends) and toClient (what the target answers). It serves until Close or
// until ctx ends.
func Listen(ctx context.Context, laddr, target string, toServer, toClient Link) (*Proxy, error) {
	return listen(ctx, laddr, target, toServer, toClient, realClock{})
}

// listen is Listen on the clock clk.
func listen(ctx context.Context, laddr, target string, toServer, toClient Link, clk clock) (*Proxy, error) {
	for _, l := range []Link{toServer, toClient} {
		if l.Delay < 0 || l.Rate < 0 || l.Limit < 0 || l.Burst < 0 || l.WriteTimeout < 0 {
			return nil, fmt.Errorf("shaper: negative value in %+v", l)
		}
	}
	var lc net.ListenConfig
	ln, err := lc.Listen(ctx, "tcp", laddr)
	if err != nil {
		return nil, fmt.Errorf("shaper: %w", err)
	}
	p := &Proxy{target: target, toServer: toServer, toClient: toClient, ln: ln,
		open: map[net.Conn]struct{}{}, done: make(chan struct{}), clock: clk}
	p.wg.Add(2)
	go p.serve()
	go func() {
		defer p.wg.Done()
		select {
		case <-ctx.Done():
			p.shutdown()
		case <-p.done:
		}
	}()
	return p, nil
}

// Addr is the address clients connect to.
func (p *Proxy) Addr() net.Addr { return p.ln.Addr() }

// Stats returns the counters so far.
func (p *Proxy) Stats() Stats {
	return Stats{Conns: p.conns.Load(), ToServer: p.up.Load(), ToClient: p.down.Load(), MaxHeld: p.maxHeld.Load()}
}

// Close stops accepting, cuts every connection and waits for all of the
// proxy's goroutines to end.
func (p *Proxy) Close() error {
	p.shutdown()
	p.wg.Wait()
	return nil
}

// shutdown stops accepting and cuts every connection; it does not wait.
func (p *Proxy) shutdown() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		return
	}
	p.closed = true
	close(p.done)
	p.ln.Close()
	for c := range p.open {
		c.Close()
	}
}

// track registers c for Close; it reports false (and closes c) once the
// proxy is closed.
func (p *Proxy) track(c net.Conn) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		c.Close()
		return false
	}
	p.open[c] = struct{}{}
	return true
}

func (p *Proxy) untrack(c net.Conn) {
	p.mu.Lock()
	delete(p.open, c)
	p.mu.Unlock()
	c.Close()
}

func (p *Proxy) serve() {
	defer p.wg.Done()
	for {
		cc, err := p.ln.Accept()
		if err != nil {
			var ne net.Error
			if errors.As(err, &ne) && ne.Timeout() {
				continue
			}
			return // closed
		}
		if !p.track(cc) {
			return
		}
		p.wg.Add(1)
		go p.handle(cc)
	}
}

// handle dials the target for client connection cc and runs both lines
// until both directions have ended or the proxy closes.
func (p *Proxy) handle(cc net.Conn) {
	defer p.wg.Done()
	defer p.untrack(cc)
	ctx, cancel := context.WithTimeout(context.Background(), dialTimeout)
	go func() { // Close ends the dial too
		select {
		case <-p.done:
			cancel()
		case <-ctx.Done():
		}
	}()
	var d net.Dialer
	sc, err := d.DialContext(ctx, "tcp", p.target)
	cancel()
	if err != nil || !p.track(sc) {
		return
	}
	defer p.untrack(sc)
	p.conns.Add(1)
	// A failed write ends both directions: nothing more can reach that
	// side, so what the other side sends has nowhere to go either.
	var once sync.Once
	cut := func() {
		once.Do(func() {
			cc.Close()
			sc.Close()
		})
	}
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { defer wg.Done(); p.line(cc, sc, p.toServer, &p.up, cut) }()
	go func() { defer wg.Done(); p.line(sc, cc, p.toClient, &p.down, cut) }()
	wg.Wait()
}

// bufPool holds read buffers of chunkSize bytes.
var bufPool = sync.Pool{New: func() any { b := make([]byte, chunkSize); return &b }}

// chunk is one read's bytes and when they arrived; data == nil marks the
// end of the direction (err says how it ended).
type chunk struct {
	data []byte
	at   time.Time
	err  error
}

// room counts the bytes one line holds, up to a limit.
type room struct {
	limit int64
	mu    sync.Mutex // guards held
	held  int64
	freed chan struct{} // a token after every release (capacity 1)
}

// reserve waits until some room is free and takes up to want bytes of it;
// it returns 0 when done is closed first.
func (r *room) reserve(want int64, done <-chan struct{}) int64 {
	for {
		r.mu.Lock()
		if free := r.limit - r.held; free > 0 {
			n := min(free, want)
			r.held += n
			r.mu.Unlock()
			return n
		}
		r.mu.Unlock()
		select {
		case <-r.freed:
		case <-done:
			return 0
		}
	}
}

func (r *room) release(n int64) {
	r.mu.Lock()
	r.held -= n
	r.mu.Unlock()
	select {
	case r.freed <- struct{}{}:
	default:
	}
}

func (r *room) level() int64 {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.held
}

// line forwards src to dst through l until src ends, a write fails or the
// proxy closes. count is the direction's byte counter; cut ends the whole
// connection.
func (p *Proxy) line(src, dst net.Conn, l Link, count *atomic.Int64, cut func()) {
	r := &room{limit: l.limit(), freed: make(chan struct{}, 1)}
	// The room bounds the bytes held; the queue's capacity bounds the
	// chunks (a reader that finds it full waits, as for room).
	q := make(chan chunk, maxChunks)
	stop := make(chan struct{}) // closed when the writer gives up
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		p.write(dst, l, q, r, count, stop, cut)
	}()
	p.read(src, r, q, stop)
	wg.Wait()
}

// read is the reading end of a line: it stamps each chunk with its arrival
// time and queues it, and queues the end marker when src ends.
func (p *Proxy) read(src net.Conn, r *room, q chan<- chunk, stop <-chan struct{}) {
	for {
		n := r.reserve(chunkSize, stop)
		if n == 0 {
			return // the writer gave up
		}
		pb := bufPool.Get().(*[]byte)
		buf := (*pb)[:n]
		k, err := src.Read(buf)
		at := p.clock.Now()
		p.received.Add(int64(k))
		if n < chunkSize || k < chunkSize/2 {
			// Hold only what arrived, not the whole buffer.
			buf = make([]byte, k)
			copy(buf, (*pb)[:k])
			bufPool.Put(pb)
		} else {
			buf = buf[:k] // the whole pooled buffer: n bytes held
		}
		r.release(n - int64(cap(buf)))
		if k > 0 {
			held := r.level()
			for m := p.maxHeld.Load(); held > m && !p.maxHeld.CompareAndSwap(m, held); m = p.maxHeld.Load() {
			}
			select {
			case q <- chunk{data: buf, at: at}:
			case <-stop:
				return
			}
		}
		if err != nil {
			if errors.Is(err, io.EOF) {
				err = nil
			}
			select {
			case q <- chunk{at: at, err: err}:
			case <-stop:
			}
			return
		}
	}
}

// write is the writing end of a line: it waits until each chunk is due and
// the token bucket allows it, then writes it.
func (p *Proxy) write(dst net.Conn, l Link, q <-chan chunk, r *room, count *atomic.Int64, stop chan<- struct{}, cut func()) {
	defer close(stop)
	wait := func(d time.Duration) bool {
		if d <= 0 {
			return true
		}
		select {
		case <-p.clock.After(d):
			return true
		case <-p.done:
			return false
		}
	}
	var tb *bucket
	if l.Rate > 0 {
		tb = newBucket(l.Rate, l.burst(), p.clock.Now())
	}
	for {
		var c chunk
		select {
		case c = <-q:
		case <-p.done:
			return
		}
		if !wait(c.at.Add(l.Delay).Sub(p.clock.Now())) {
			return
		}
		if c.data == nil {
			// The end travelled the line: pass it on.
			if c.err != nil {
				cut()
			} else if cw, ok := dst.(interface{ CloseWrite() error }); ok {
				cw.CloseWrite()
			}
			return
		}
		if tb != nil && !wait(tb.take(int64(len(c.data)), p.clock.Now())) {
			return
		}
		dst.SetWriteDeadline(time.Now().Add(l.writeTimeout()))
		_, err := dst.Write(c.data)
		r.release(int64(cap(c.data)))
		if cap(c.data) == chunkSize {
			b := c.data[:chunkSize]
			bufPool.Put(&b)
		}
		if err != nil {
			cut()
			return
		}
		count.Add(int64(len(c.data)))
	}
}

// bucket is a token bucket: rate tokens (bytes) a second, at most burst
// saved up. A take may overdraw it; the debt is the wait.
type bucket struct {
	rate   float64 // tokens per second
	burst  float64
	tokens float64
	last   time.Time
}

func newBucket(rate, burst int64, now time.Time) *bucket {
	return &bucket{rate: float64(rate), burst: float64(burst), tokens: float64(burst), last: now}
}

// take spends n tokens at time now and returns how long to wait before
// sending them.
func (b *bucket) take(n int64, now time.Time) time.Duration {
	b.tokens = min(b.burst, b.tokens+now.Sub(b.last).Seconds()*b.rate)
	b.last = now
	b.tokens -= float64(n)
	if b.tokens >= 0 {
		return 0
	}
	return time.Duration(-b.tokens / b.rate * float64(time.Second))
}
