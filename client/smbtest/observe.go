package smbtest

import (
	"strings"

	"github.com/smb3fs/smb3fs/client/wire"
)

// What a test of a client (or of a mount over it) looks at or steers
// beyond the knobs: which name each request acted on (Record.Path), a
// hook that may hold or fail requests (SetIntercept), the opens still
// open on a name (OpenCount), changes made in the store as another client
// would (Mkdir, Remove), and the share modes and delete-pending names of
// Server.ShareModes.

// SetIntercept installs f, called on the connection's goroutine for every
// request that passed the session and tree checks, before the server runs
// it, with the request's Record as far as it is known (Command, SessionID,
// Path, Offset, Length). f may block: that holds the request and every
// later one on its connection (a slow disk). A status other than
// wire.StatusSuccess fails the request with it, unrun (a full disk, an
// I/O error). nil removes the hook. The server's lock is not held while f
// runs.
func (s *Server) SetIntercept(f func(Record) wire.Status) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.intercept = f
}

// intercepted runs the intercept hook on rec, if one is set.
func (c *conn) intercepted(rec Record) wire.Status {
	c.srv.mu.Lock()
	f := c.srv.intercept
	c.srv.mu.Unlock()
	if f == nil {
		return wire.StatusSuccess
	}
	return f(rec)
}

// Mkdir makes directory name (path as the client sends it, e.g. `a\b`; its
// parent must exist for FileSystem opens to reach it), as another client
// would.
func (s *Server) Mkdir(name string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.initLocked()
	s.dirs[name] = true
}

// Remove deletes file or directory name (and, for a directory, nothing
// below it: remove those first), as another client would; it reports
// whether name existed.
func (s *Server) Remove(name string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.initLocked()
	_, isFile := s.files[name]
	ok := isFile || s.dirs[name]
	(&conn{srv: s}).removeLocked(name)
	return ok
}

// OpenCount returns how many opens of name the server holds: not closed,
// on any connection (a durable one also after its connection ended).
func (s *Server) OpenCount(name string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for o := range s.live {
		if o.name == name {
			n++
		}
	}
	return n
}

// DeletePending reports whether name is set to be deleted when its last
// handle closes (ShareModes).
func (s *Server) DeletePending(name string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.deletePending[name]
}

// describe returns what the Record of request m can say before it runs:
// the command, the session and the name and range it acts on.
func (c *conn) describe(m []byte, h *wire.Header, ch *chain, related bool) Record {
	rec := Record{Command: h.Command, SessionID: h.SessionID}
	var id wire.FileID
	switch h.Command {
	case wire.CmdCreate:
		if r, err := wire.DecodeCreateRequest(m); err == nil {
			rec.Path = strings.TrimPrefix(r.Name, `\`)
		}
		return rec
	case wire.CmdClose:
		r, err := wire.DecodeCloseRequest(m)
		if err != nil {
			return rec
		}
		id = r.FileID
	case wire.CmdRead:
		r, err := wire.DecodeReadRequest(m)
		if err != nil {
			return rec
		}
		id, rec.Offset, rec.Length = r.FileID, r.Offset, r.Length
	case wire.CmdWrite:
		r, err := wire.DecodeWriteRequest(m)
		if err != nil {
			return rec
		}
		id, rec.Offset, rec.Length = r.FileID, r.Offset, uint32(len(r.Data))
	case wire.CmdFlush:
		r, err := wire.DecodeFlushRequest(m)
		if err != nil {
			return rec
		}
		id = r.FileID
	case wire.CmdQueryInfo:
		r, err := wire.DecodeQueryInfoRequest(m)
		if err != nil {
			return rec
		}
		id = r.FileID
	case wire.CmdSetInfo:
		r, err := wire.DecodeSetInfoRequest(m)
		if err != nil {
			return rec
		}
		id = r.FileID
	case wire.CmdQueryDirectory:
		r, err := wire.DecodeQueryDirectoryRequest(m)
		if err != nil {
			return rec
		}
		id = r.FileID
	default:
		return rec
	}
	if related && id == wire.CompoundFileID {
		id = ch.fileID
	}
	c.srv.mu.Lock()
	if o := c.opens[id]; o != nil {
		rec.Path = o.name
	}
	c.srv.mu.Unlock()
	return rec
}

// dropOpensLocked forgets the opens of a connection that ended, but the
// durable ones (kept for reclaiming). s.mu is held.
func (c *conn) dropOpensLocked() {
	for _, o := range c.opens {
		if !o.durable {
			delete(c.srv.live, o)
		}
	}
}

// openElsewhereLocked reports whether an open of name other than self is
// live. s.mu is held.
func (c *conn) openElsewhereLocked(name string, self *open) bool {
	for o := range c.srv.live {
		if o != self && o.name == name {
			return true
		}
	}
	return false
}

// openBelowLocked reports whether an open of a name below directory dir,
// other than self, is live. s.mu is held.
func (c *conn) openBelowLocked(dir string, self *open) bool {
	for o := range c.srv.live {
		if o != self && strings.HasPrefix(o.name, dir+`\`) {
			return true
		}
	}
	return false
}

// Access bits that share modes govern ([MS-FSA] 2.1.5.1.2.1).
const (
	accessRead   = wire.FileReadData | wire.FileExecute
	accessWrite  = wire.FileWriteData | wire.FileAppendData
	accessDelete = wire.Delete
)

// shareCheckLocked answers an open of name asking for access and share
// (ShareModes): STATUS_DELETE_PENDING for a name set delete-on-close,
// STATUS_SHARING_VIOLATION when it and a live open of the name do not
// admit each other ([MS-FSA] 2.1.5.1.2.1), else success. s.mu is held.
func (c *conn) shareCheckLocked(name string, access, share uint32) wire.Status {
	s := c.srv
	if !s.ShareModes || name == "" {
		return wire.StatusSuccess
	}
	if s.deletePending[name] {
		return wire.StatusDeletePending
	}
	admits := func(access, share uint32) bool {
		return (access&accessRead == 0 || share&wire.ShareRead != 0) &&
			(access&accessWrite == 0 || share&wire.ShareWrite != 0) &&
			(access&accessDelete == 0 || share&wire.ShareDelete != 0)
	}
	for o := range s.live {
		if o.name == name && (!admits(access, o.share) || !admits(o.access, share)) {
			return wire.StatusSharingViolation
		}
	}
	return wire.StatusSuccess
}

// deleteAtCloseLocked deletes o's name when o, closing, was the handle
// that set delete-on-close, or the last one of a delete-pending name:
// with ShareModes the name stays while other opens of it are live. o is
// no longer live. s.mu is held.
func (c *conn) deleteAtCloseLocked(o *open) {
	s := c.srv
	if !o.deleteOnClose && !s.deletePending[o.name] {
		return
	}
	if s.ShareModes && c.openElsewhereLocked(o.name, o) {
		s.deletePending[o.name] = true
		return
	}
	delete(s.deletePending, o.name)
	c.removeLocked(o.name)
}

// renameCheckLocked answers a rename of o's name to to (ShareModes): the
// handle must have DELETE access; a directory with opens below it, or a
// target to be replaced that is open, is STATUS_ACCESS_DENIED, as Samba
// answers. s.mu is held.
func (c *conn) renameCheckLocked(o *open, to string, replace bool) wire.Status {
	s := c.srv
	if !s.ShareModes {
		return wire.StatusSuccess
	}
	switch {
	case o.access&accessDelete == 0:
		return wire.StatusAccessDenied
	case o.dir && c.openBelowLocked(o.name, o):
		return wire.StatusAccessDenied
	case replace && c.exists(to) && c.openElsewhereLocked(to, o):
		return wire.StatusAccessDenied
	}
	return wire.StatusSuccess
}

// movedLocked renames the live opens of other connections, which rename
// moved in the store, as it did this connection's. s.mu is held.
func (c *conn) movedLocked(move func(string) (string, bool)) {
	mine := make(map[*open]bool, len(c.opens))
	for _, o := range c.opens {
		mine[o] = true
	}
	for o := range c.srv.live {
		if mine[o] {
			continue
		}
		if n, ok := move(o.name); ok {
			o.name = n
		}
	}
}
