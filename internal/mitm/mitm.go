// Package mitm is a hostile man-in-the-middle for tests: a TCP proxy between
// an SMB client and a real server that sees every Direct TCP frame in both
// directions and may rewrite, drop, inject, duplicate or delay them. Tests
// use it to prove that the client refuses what an attacker does to the wire,
// and to record the frames a session really sent.
package mitm

import (
	"context"
	"errors"
	"io"
	"net"
	"sync"
)

// Direction says which way a frame travels.
type Direction int

// Directions.
const (
	ToServer Direction = iota
	ToClient
)

// Frame is one Direct TCP frame without its 4-byte transport header.
type Frame struct {
	Dir  Direction
	Data []byte
}

// Hook sees frame number n (counted per direction, from 0) and returns the
// frames to send on in its place: nil drops it, several inject extra frames,
// and a nil frame among them cuts the connection at that point. Hooks run on
// the proxy's goroutine for that direction.
type Hook func(n int, frame []byte) [][]byte

// Cut is what a Hook returns to cut the connection.
var Cut = [][]byte{nil}

// Proxy forwards one client connection at a time to Target.
type Proxy struct {
	// Target is the server's address.
	Target string
	// ToServer and ToClient rewrite frames; nil passes them unchanged.
	ToServer, ToClient Hook

	ln net.Listener

	mu     sync.Mutex // guards frames and conns
	frames []Frame    // every frame forwarded, after hooks, in order of forwarding
	conns  []net.Conn
	wg     sync.WaitGroup
}

// Start listens on a free loopback port and serves until Close.
func Start(target string, toServer, toClient Hook) (*Proxy, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	p := &Proxy{Target: target, ToServer: toServer, ToClient: toClient, ln: ln}
	p.wg.Add(1)
	go p.serve()
	return p, nil
}

// Addr returns the address clients dial.
func (p *Proxy) Addr() string { return p.ln.Addr().String() }

// Dial connects to the proxy; it fits client.Options.Dial.
func (p *Proxy) Dial(ctx context.Context, network, _ string) (net.Conn, error) {
	var d net.Dialer
	return d.DialContext(ctx, network, p.Addr())
}

// Frames returns a copy of the frames forwarded so far.
func (p *Proxy) Frames() []Frame {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]Frame(nil), p.frames...)
}

// Close stops the proxy and cuts every connection.
func (p *Proxy) Close() {
	p.ln.Close()
	p.mu.Lock()
	for _, c := range p.conns {
		c.Close()
	}
	p.mu.Unlock()
	p.wg.Wait()
}

func (p *Proxy) serve() {
	defer p.wg.Done()
	for {
		cc, err := p.ln.Accept()
		if err != nil {
			return
		}
		sc, err := net.Dial("tcp", p.Target)
		if err != nil {
			cc.Close()
			continue
		}
		p.mu.Lock()
		p.conns = append(p.conns, cc, sc)
		p.mu.Unlock()
		p.wg.Add(2)
		go p.pipe(cc, sc, ToServer, p.ToServer)
		go p.pipe(sc, cc, ToClient, p.ToClient)
	}
}

// pipe copies frames from src to dst through hook; when either side ends,
// both are closed.
func (p *Proxy) pipe(src, dst net.Conn, dir Direction, hook Hook) {
	defer p.wg.Done()
	defer src.Close()
	defer dst.Close()
	for n := 0; ; n++ {
		f, err := ReadFrame(src)
		if err != nil {
			return
		}
		out := [][]byte{f}
		if hook != nil {
			out = hook(n, f)
		}
		for _, o := range out {
			if o == nil {
				return
			}
			p.mu.Lock()
			p.frames = append(p.frames, Frame{Dir: dir, Data: append([]byte(nil), o...)})
			p.mu.Unlock()
			if err := WriteFrame(dst, o); err != nil {
				return
			}
		}
	}
}

// ErrFrame reports a transport header that is not Direct TCP.
var ErrFrame = errors.New("mitm: bad transport header")

// ReadFrame reads one Direct TCP frame ([MS-SMB2] 2.1).
func ReadFrame(r io.Reader) ([]byte, error) {
	var h [4]byte
	if _, err := io.ReadFull(r, h[:]); err != nil {
		return nil, err
	}
	if h[0] != 0 {
		return nil, ErrFrame
	}
	b := make([]byte, int(h[1])<<16|int(h[2])<<8|int(h[3]))
	_, err := io.ReadFull(r, b)
	return b, err
}

// WriteFrame writes b as one Direct TCP frame.
func WriteFrame(w io.Writer, b []byte) error {
	n := len(b)
	_, err := w.Write(append([]byte{0, byte(n >> 16), byte(n >> 8), byte(n)}, b...))
	return err
}
