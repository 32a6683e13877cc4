package smbtest

// Directory leases (Server.DirLeasing): a lease asked for on a directory
// is granted with read and handle caching at most, and held by the open
// until it closes or BreakDirLeases breaks it, as a second client's
// create, delete or rename in the directory would on a real server. The
// break goes out as Samba sends it: unsolicited (MessageId all ones),
// SessionId 0, unsigned and in plaintext, with an acknowledgment required
// when handle caching was held.

import (
	"encoding/binary"

	"github.com/smb3fs/smb3fs/client/wire"
)

// BreakDirLeases breaks every lease held on directory dir (the name as
// the client sends it, "" for the root) to none and returns how many
// leases (distinct keys) it broke. The notifications are sent before it
// returns; the acknowledgments come later.
func (s *Server) BreakDirLeases(dir string) int {
	type held struct {
		c     *conn
		state uint32
	}
	s.mu.Lock()
	keys := map[[16]byte]held{}
	for o := range s.live {
		if !o.dir || o.name != dir || o.leaseState == 0 || o.leaseConn == nil {
			continue
		}
		keys[o.leaseKey] = held{o.leaseConn, o.leaseState}
		o.leaseState = 0
	}
	s.mu.Unlock()
	for key, h := range keys {
		n := &wire.LeaseBreakNotification{LeaseKey: key, CurrentLeaseState: h.state, NewLeaseState: wire.LeaseNone}
		if h.state&wire.LeaseHandle != 0 {
			n.Flags = wire.LeaseBreakFlagAckRequired
		}
		hdr := wire.Header{Command: wire.CmdOplockBreak, Flags: wire.FlagServerToRedir, MessageID: ^uint64(0)}
		// An error means the client is gone: nothing to break.
		h.c.send([]reply{{msg: n.Append(hdr.Append(nil))}}, nil)
	}
	return len(keys)
}

// DirLeases returns how many opens of directory dir hold a lease.
func (s *Server) DirLeases(dir string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for o := range s.live {
		if o.dir && o.name == dir && o.leaseState != 0 {
			n++
		}
	}
	return n
}

// leaseBreakAck answers a Lease Break Acknowledgment ([MS-SMB2] 3.3.5.22.2)
// for a key some open holds: the state is what the client acknowledged.
// An oplock break acknowledgment is not supported. Called with s.mu held.
func (c *conn) leaseBreakAck(m []byte) (wire.Status, interface{ Append([]byte) []byte }) {
	if len(m) < wire.HeaderSize+2 || binary.LittleEndian.Uint16(m[wire.HeaderSize:]) != 36 {
		return wire.StatusNotSupported, nil
	}
	a, err := wire.DecodeLeaseBreakAck(m)
	if err != nil {
		return wire.StatusInvalidParameter, nil
	}
	for o := range c.srv.live {
		if o.leaseKey == a.LeaseKey && o.leaseConn == c {
			return wire.StatusSuccess, &wire.LeaseBreakResponse{LeaseKey: a.LeaseKey, LeaseState: a.LeaseState}
		}
	}
	return wire.StatusObjectNameNotFound, nil
}
