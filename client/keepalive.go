package client

// Keepalive: an idle connection is checked with ECHO, so that a server (or
// a network path) that died silently is noticed within about
// EchoInterval+Timeout rather than at the next request, and durable handles
// are reclaimed while the server still keeps them:
//
//	ticker (EchoInterval/4) ─ idle ≥ EchoInterval? ─ ECHO ─ answer: alive
//	                                                     └─ none within Timeout: conn fails
//	conn fails (any reason) ─ onFail ─ kick: one reconnect in the background

import (
	"time"
)

// DefaultEchoInterval is how long a connection may stay idle before an
// ECHO checks it (cifs uses 60 s too).
const DefaultEchoInterval = 60 * time.Second

// startKeepalive starts the client's keepalive goroutine and arranges for
// a failing connection to start a reconnect at once. Close stops it.
func (cl *Client) startKeepalive() {
	cl.watch(cl.conn)
	iv := cl.opts.EchoInterval
	if iv == 0 {
		iv = DefaultEchoInterval
	}
	if iv < 0 {
		return
	}
	cl.wg.Add(1)
	go func() {
		defer cl.wg.Done()
		tick := time.NewTicker(max(iv/4, 10*time.Millisecond))
		defer tick.Stop()
		for {
			select {
			case <-cl.stop:
				return
			case <-tick.C:
			}
			c, s := cl.current()
			if c.Err() != nil || c.idle() < iv {
				continue
			}
			// A failed probe fails c, and onFail starts the reconnect.
			c.probe(s)
		}
	}()
}

// watch makes c's end start a reconnect in the background (when the
// reason allows one, see needsReconnect), so that durable handles are
// reclaimed even when nothing else is sent.
func (cl *Client) watch(c *Conn) {
	c.mu.Lock()
	c.onFail = func(err error) {
		if why, ok := cl.needsReconnect(c, err); ok {
			cl.kick(c, why)
		}
	}
	c.mu.Unlock()
}
