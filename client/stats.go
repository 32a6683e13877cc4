package client

import (
	"encoding/binary"
	"net"
	"sync/atomic"
	"time"

	"github.com/smb3fs/smb3fs/client/wire"
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
	// QueryDirectories counts the QUERY_DIRECTORY requests sent (each
	// one of a compound, each resend).
	QueryDirectories uint64
	// DirLeasesGranted counts the directory leases the server granted
	// (with read caching at least), DirLeasesBroken the breaks of
	// directory leases received for leases the client held.
	DirLeasesGranted, DirLeasesBroken uint64
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

		QueryDirectories: cl.stats.queryDirs.Load(),
		DirLeasesGranted: cl.stats.dirGranted.Load(),
		DirLeasesBroken:  cl.stats.dirBroken.Load(),
	}
	if cl.stats.lastErr != nil {
		st.LastError = cl.stats.lastErr.Error()
	}
	return st
}

// clientStats are the counters behind Stats. The atomic ones need no lock;
// the other fields are guarded by Client.mu.
type clientStats struct {
	in, out     atomic.Uint64
	queryDirs   atomic.Uint64
	dirGranted  atomic.Uint64
	dirBroken   atomic.Uint64
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

// countSent counts the requests of out (one message or a compound chain)
// that Stats reports by command.
func (st *clientStats) countSent(out []outgoing) {
	for i := range out {
		m := out[i].msg
		if len(m) >= wire.OffsetCommand+2 && wire.Command(binary.LittleEndian.Uint16(m[wire.OffsetCommand:])) == wire.CmdQueryDirectory {
			st.queryDirs.Add(1)
		}
	}
}
