package smbtest

import (
	"encoding/binary"
	"fmt"

	"github.com/smb3fs/smb3fs/client/wire"
)

// Hostile is a set of behaviours of a lying server, switched on and off
// while connections run (Server.SetHostile). Unlike Mutate, which plays a
// man in the middle or a broken handshake, every answer a Hostile server
// sends is properly protected: signed or sealed as the session requires,
// so only the client's own bounds and deadlines stand between it and the
// lie. Most take effect only with Server.FileSystem.
//
// The zero value is an honest server.
type Hostile struct {
	// RepeatDirIDs gives every directory but the root the same FileId (in
	// the QFid create context and in listings): two different
	// directories with one id, as a share holding several file systems
	// (or bind mounts) reports them.
	RepeatDirIDs bool
	// ParentDirIDs gives every directory its parent's FileId (the root's
	// for a directory at the top): a child that claims to be its own
	// parent, a cycle.
	ParentDirIDs bool
	// Loops lists in every directory two more directories, "self" (the
	// directory itself) and "up" (its parent; the root's is the root),
	// with the FileIds of what they lead to, and opens paths through
	// them: the symbolic links to . and .. that Samba follows.
	Loops bool
	// GiantDir (a share-relative directory, "" the root) is listed with
	// GiantEntries more files than it holds, generated as listed: a giant
	// listing that costs the server nothing to keep.
	GiantDir     string
	GiantEntries int
	// EndlessListing makes every QUERY_DIRECTORY after the real entries
	// return new names forever: STATUS_NO_MORE_FILES never comes.
	EndlessListing bool
	// Pending answers each request that can go async (see asyncCommands;
	// in a compound, every message of it) with an interim STATUS_PENDING
	// and then never with the final response: a server that withholds
	// the reply while it still answers ECHO.
	Pending bool
	// Credits, when not 0, is the credit grant of every response,
	// whatever the client asked for (65535: the most a header carries).
	Credits uint16
	// ShortPages fills each QUERY_DIRECTORY page to at most a quarter of
	// its OutputBufferLength: not a lie ([MS-SMB2] 3.3.5.18 lets a server
	// return fewer entries than fit), but a client that takes a page with
	// room left for the end of the listing loses the rest.
	ShortPages bool
	// Lengths puts a lying length or offset into every READ,
	// QUERY_INFO and QUERY_DIRECTORY response that carries data.
	Lengths LengthLie
}

// LengthLie says how Hostile.Lengths bends a response's data length or
// offset ([MS-SMB2] 2.2.20 DataOffset/DataLength, 2.2.38 and 2.2.34
// OutputBufferOffset/OutputBufferLength).
type LengthLie int

// Length lies. "The buffer" is the bytes the message carries after the
// length field's fixed part, and, for LenPastAsked, the length the request
// asked for.
const (
	// LenHonest leaves responses alone.
	LenHonest LengthLie = iota
	// LenAtEnd sets the length to exactly the bytes the message carries
	// after the offset (what an honest server sends: the bound itself).
	LenAtEnd
	// LenOnePast claims one byte more than the message carries.
	LenOnePast
	// LenFarPast claims 0xFFFFFFF0 bytes.
	LenFarPast
	// LenOffsetHeader points the offset into the SMB2 header.
	LenOffsetHeader
	// LenOffsetPastEnd points the offset past the end of the message.
	LenOffsetPastEnd
	// LenPastAsked sends one byte more data than the request asked for
	// (Length, OutputBufferLength), with a length that says so.
	LenPastAsked
	// LenPadded leaves the lengths honest and appends 1 MiB of zeros to
	// the message, after the data: a small answer in a large frame.
	LenPadded
	numLengthLies
)

// LengthLies lists every lie but LenHonest, for tests that try them all.
func LengthLies() []LengthLie {
	var out []LengthLie
	for l := LenAtEnd; l < numLengthLies; l++ {
		out = append(out, l)
	}
	return out
}

func (l LengthLie) String() string {
	switch l {
	case LenHonest:
		return "honest"
	case LenAtEnd:
		return "at-end"
	case LenOnePast:
		return "one-past"
	case LenFarPast:
		return "far-past"
	case LenOffsetHeader:
		return "offset-in-header"
	case LenOffsetPastEnd:
		return "offset-past-end"
	case LenPastAsked:
		return "past-asked"
	case LenPadded:
		return "padded"
	}
	return fmt.Sprintf("LengthLie(%d)", int(l))
}

// SetHostile switches the server's hostile behaviours to h; it applies to
// the requests that arrive from now on, on every connection.
func (s *Server) SetHostile(h Hostile) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.hostile = h
}

// Hostile returns the behaviours SetHostile set last.
func (s *Server) Hostile() Hostile {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hostile
}

// lieAboutLength rewrites msg (an encoded response, not yet signed) by lie;
// asked is what the request asked for (0 if unknown). It returns the
// message to send.
func lieAboutLength(msg []byte, lie LengthLie, asked uint32) []byte {
	if lie == LenHonest || len(msg) < wire.HeaderSize+8 {
		return msg
	}
	if binary.LittleEndian.Uint32(msg[wire.OffsetStatus:]) != uint32(wire.StatusSuccess) {
		return msg
	}
	body := msg[wire.HeaderSize:]
	var off int
	var setOff func(int)
	switch wire.Command(binary.LittleEndian.Uint16(msg[wire.OffsetCommand:])) {
	case wire.CmdRead:
		// StructureSize(2) DataOffset(1) Reserved(1) DataLength(4).
		off = int(body[2])
		setOff = func(v int) { body[2] = byte(min(v, 0xff)) }
	case wire.CmdQueryInfo, wire.CmdQueryDirectory:
		// StructureSize(2) OutputBufferOffset(2) OutputBufferLength(4).
		off = int(binary.LittleEndian.Uint16(body[2:]))
		setOff = func(v int) { binary.LittleEndian.PutUint16(body[2:], uint16(min(v, 0xffff))) }
	default:
		return msg
	}
	if off == 0 {
		return msg // no data to lie about
	}
	setLen := func(v uint32) { binary.LittleEndian.PutUint32(body[4:], v) }
	switch lie {
	case LenAtEnd:
		setLen(uint32(len(msg) - off))
	case LenOnePast:
		setLen(uint32(len(msg) - off + 1))
	case LenFarPast:
		setLen(0xFFFFFFF0)
	case LenOffsetHeader:
		setOff(wire.OffsetStatus)
	case LenOffsetPastEnd:
		setOff(len(msg) + 8)
	case LenPastAsked:
		if asked == 0 {
			return msg
		}
		have := len(msg) - off
		if have < int(asked)+1 {
			msg = append(msg, make([]byte, int(asked)+1-have)...)
			body = msg[wire.HeaderSize:]
		}
		setLen(asked + 1)
	case LenPadded:
		msg = append(msg, make([]byte, 1<<20)...)
	}
	return msg
}

// askedLength returns the Length or OutputBufferLength of a READ,
// QUERY_INFO or QUERY_DIRECTORY request, or 0.
func askedLength(m []byte, cmd wire.Command) uint32 {
	switch cmd {
	case wire.CmdRead:
		if r, err := wire.DecodeReadRequest(m); err == nil {
			return r.Length
		}
	case wire.CmdQueryInfo:
		if r, err := wire.DecodeQueryInfoRequest(m); err == nil {
			return r.OutputBufferLength
		}
	case wire.CmdQueryDirectory:
		if r, err := wire.DecodeQueryDirectoryRequest(m); err == nil {
			return r.OutputBufferLength
		}
	}
	return 0
}
