package client

import (
	"net"
	"sync/atomic"
	"time"
)

// Stats is what a Client has done since Dial, for `smb3fs status`. It
// carries no secrets: LastError is an error's text, which never holds a
// password or a key.
type Stats struct {
	// ConnectedAt is when the current connection was established (by Dial
	// or by the last reconnect).
	ConnectedAt time.Time
	// Reconnects counts the connections that replaced a dead one (the
	// Generation).
	Reconnects uint64
	// DurableHandles is how many durable handles the client holds (and
	// would reclaim after a reconnect).
	DurableHandles int
	// BytesIn and BytesOut count the bytes read from and written to the
	// network over every connection, SMB framing and encryption included.
	BytesIn, BytesOut uint64
	// LastError is the last reason a connection ended or a reconnect
	// attempt failed ("" if none), LastErrorAt when.
	LastError   string
	LastErrorAt time.Time
}

// Stats returns the client's counters.
func (cl *Client) Stats() Stats {
	cl.mu.Lock()
	defer cl.mu.Unlock()
	st := Stats{
		ConnectedAt:    cl.stats.connectedAt,
		Reconnects:     cl.gen,
		DurableHandles: len(cl.durables),
		BytesIn:        cl.stats.in.Load(),
		BytesOut:       cl.stats.out.Load(),
		LastErrorAt:    cl.stats.lastErrAt,
	}
	if cl.stats.lastErr != nil {
		st.LastError = cl.stats.lastErr.Error()
	}
	return st
}

// clientStats are the counters behind Stats. in and out are atomic; the
// other fields are guarded by Client.mu.
type clientStats struct {
	in, out     atomic.Uint64
	connectedAt time.Time
	lastErr     error
	lastErrAt   time.Time
}

// noteErrorLocked records err as the last error. The caller holds cl.mu.
func (cl *Client) noteErrorLocked(err error) {
	if err == nil {
		return
	}
	cl.stats.lastErr, cl.stats.lastErrAt = err, time.Now()
}

// countingConn counts the bytes that pass through a connection into the
// client's stats.
type countingConn struct {
	net.Conn
	st *clientStats
}

func (c *countingConn) Read(b []byte) (int, error) {
	n, err := c.Conn.Read(b)
	c.st.in.Add(uint64(n))
	return n, err
}

func (c *countingConn) Write(b []byte) (int, error) {
	n, err := c.Conn.Write(b)
	c.st.out.Add(uint64(n))
	return n, err
}
