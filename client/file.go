package client

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sync"

	"github.com/smb3fs/smb3fs/client/wire"
)

// File is an open handle on a tree ([MS-SMB2] 3.2.1.6). A durable File
// survives reconnects with a new FileId; any other is lost at a reconnect
// and its operations then return ErrHandleLost.
type File struct {
	t *Tree
	// id, gen and lost are guarded by t.cl.mu: gen is the client
	// generation the handle is valid on; lost is why a reconnect did not
	// reclaim it.
	id   wire.FileID
	gen  uint64
	lost error
	// locks counts byte-range locks the handle may hold (guarded by
	// t.cl.mu): a reconnect does not try to reclaim such a handle.
	locks int
	name  string
	// req (without contexts) and durable are set, read-only, for durable
	// handles: what a reconnect needs to reclaim it.
	req     *wire.CreateRequest
	durable *Durable
	// Create is the CREATE response that opened the file.
	Create *wire.CreateResponse
}

// ID returns the handle's current FileId.
func (f *File) ID() wire.FileID {
	f.t.cl.mu.Lock()
	defer f.t.cl.mu.Unlock()
	return f.id
}

// Name returns the path the file was opened with.
func (f *File) Name() string { return f.name }

// request sends one message on the tree and returns the response.
// It is never sent again after a reconnect (lease and oplock
// acknowledgments, which a reconnect makes moot).
func (t *Tree) request(ctx context.Context, cmd wire.Command, body interface{ Append([]byte) []byte }, charge uint16) ([]byte, error) {
	sn, err := t.snap(nil)
	if err != nil {
		return nil, err
	}
	return sn.request(ctx, cmd, body, charge)
}

// Create opens or creates name (a share-relative path with backslashes, ""
// for the root) with req's parameters; req.Name is set from name.
func (t *Tree) Create(ctx context.Context, name string, req *wire.CreateRequest) (*File, error) {
	req.Name = name
	if req.ImpersonationLevel == 0 {
		req.ImpersonationLevel = wire.Impersonation
	}
	var f *File
	attempt := 0
	err := t.do(ctx, nil, classify(wire.CmdCreate, req.CreateDisposition), func(sn *snap) error {
		// A durable CREATE sent again carries the same CreateGuid: mark it
		// a replay ([MS-SMB2] 3.2.4.3.5, 3.3.5.9.10), so that a server that
		// executed the first one answers with that open.
		var flags uint32
		if _, ok := req.Context(wire.CtxNameDurableV2); ok && attempt > 0 && sn.conn.state.Dialect >= wire.Dialect300 {
			flags = wire.FlagReplayOperation
		}
		attempt++
		resp, err := sn.conn.roundTrip(ctx, sn.s, sn.encrypt, newMessage(wire.CmdCreate, sn.tid, flags, req), 1)
		if err != nil {
			return err
		}
		r, err := wire.DecodeCreateResponse(resp)
		if err != nil {
			return fmt.Errorf("%w: %v", ErrProtocol, err)
		}
		f = &File{t: t, id: r.FileID, gen: sn.gen, name: name, Create: r}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return f, nil
}

// Close closes the handle ([MS-SMB2] 3.2.4.5), asking for the final
// attributes, which it returns. A durable handle whose connection ends
// during the CLOSE is reclaimed and closed again; if the reconnect finds it
// gone, the first CLOSE happened, and Close returns an empty response and
// no error. A handle already lost returns ErrHandleLost.
func (f *File) Close(ctx context.Context) (*wire.CloseResponse, error) {
	var r *wire.CloseResponse
	sent := false
	err := f.t.do(ctx, f, replayIdempotent, func(sn *snap) error {
		sent = true
		resp, err := sn.request(ctx, wire.CmdClose, &wire.CloseRequest{Flags: wire.CloseFlagPostQueryAttrib, FileID: sn.fid}, 1)
		if err != nil {
			return err
		}
		r, err = wire.DecodeCloseResponse(resp)
		if err != nil {
			return fmt.Errorf("%w: %v", ErrProtocol, err)
		}
		return nil
	})
	durable := f.durable != nil
	f.t.cl.untrack(f)
	if durable && f.durable.Lease != nil {
		f.durable.Lease.Release()
	}
	if err != nil && durable && sent && errors.Is(err, ErrHandleLost) {
		return &wire.CloseResponse{}, nil
	}
	if err != nil {
		return nil, err
	}
	return r, nil
}

// Flush asks the server to write the file's data to stable storage
// ([MS-SMB2] 3.2.4.17).
func (f *File) Flush(ctx context.Context) error {
	return f.t.do(ctx, f, classify(wire.CmdFlush, 0), func(sn *snap) error {
		_, err := sn.request(ctx, wire.CmdFlush, &wire.FlushRequest{FileID: sn.fid}, 1)
		return err
	})
}

// chunkSize is the size of each READ or WRITE in a pipelined transfer:
// large enough to amortize headers, small enough that several are in flight
// at once so the server, the network and decryption overlap.
func (t *Tree) chunkSize(max uint32) int {
	return int(min(max, 1<<20))
}

// maxInFlight bounds the chunks one ReadAt/WriteAt keeps outstanding.
const maxInFlight = 16

// ReadAt reads len(p) bytes at off, with up to maxInFlight READs in flight
// ([MS-SMB2] 3.2.4.6). It returns io.EOF when the file ends before p fills.
func (f *File) ReadAt(ctx context.Context, p []byte, off int64) (int, error) {
	var n int
	var rerr error
	err := f.t.do(ctx, f, classify(wire.CmdRead, 0), func(sn *snap) error {
		// After a reconnect the whole read runs again: it is idempotent.
		n, rerr = f.readAt(ctx, sn, p, off)
		if rerr == io.EOF {
			return nil
		}
		return rerr
	})
	if err != nil {
		return 0, err
	}
	return n, rerr
}

// readAt is ReadAt on one connection.
func (f *File) readAt(ctx context.Context, sn *snap, p []byte, off int64) (int, error) {
	conn := sn.conn
	chunk := f.t.chunkSize(conn.state.MaxReadSize)
	type pending struct {
		cl  *call
		pos int // offset in p
		n   int // bytes requested
	}
	var inflight []pending
	next, done := 0, 0
	var firstErr error
	eof := false
	for done < len(p) || len(inflight) > 0 {
		for firstErr == nil && !eof && next < len(p) && len(inflight) < maxInFlight {
			n := min(chunk, len(p)-next)
			req := &wire.ReadRequest{Length: uint32(n), Offset: uint64(off) + uint64(next), FileID: sn.fid}
			calls, err := conn.start(ctx, sn.s, sn.encrypt, []outgoing{{msg: newMessage(wire.CmdRead, sn.tid, 0, req), charge: conn.creditCharge(n)}})
			if err != nil {
				firstErr = err
				break
			}
			inflight = append(inflight, pending{calls[0], next, n})
			next += n
		}
		if len(inflight) == 0 {
			break
		}
		pd := inflight[0]
		inflight = inflight[1:]
		resp, err := conn.wait(ctx, pd.cl)
		if err == nil {
			err = statusOf(resp)
		}
		if firstErr != nil || eof {
			continue // drain
		}
		if IsStatus(err, wire.StatusEndOfFile) {
			eof = true
			continue
		}
		if err != nil {
			firstErr = err
			continue
		}
		r, err := wire.DecodeReadResponse(resp)
		if err != nil {
			firstErr = fmt.Errorf("%w: %v", ErrProtocol, err)
			continue
		}
		if len(r.Data) > pd.n {
			firstErr = fmt.Errorf("%w: READ returned %d bytes, asked %d", ErrProtocol, len(r.Data), pd.n)
			continue
		}
		copy(p[pd.pos:], r.Data)
		done = pd.pos + len(r.Data)
		releaseFrame(pd.cl) // r.Data is copied out: the buffer may be reused
		if len(r.Data) < pd.n {
			eof = true // short read: end of file
		}
	}
	if firstErr != nil {
		return 0, firstErr
	}
	if done < len(p) {
		return done, io.EOF
	}
	return done, nil
}

// WriteAt writes p at off with up to maxInFlight WRITEs in flight
// ([MS-SMB2] 3.2.4.7). It returns an error unless the server acknowledged
// every byte.
//
// When the connection ends, the client reconnects and, for a durable
// handle, sends every byte not yet acknowledged again (a WRITE at an
// explicit offset is idempotent); a handle the reconnect lost returns
// ErrHandleLost, and the bytes after the acknowledged prefix may not be on
// the server.
func (f *File) WriteAt(ctx context.Context, p []byte, off int64) (int, error) {
	written := 0
	err := f.t.do(ctx, f, classify(wire.CmdWrite, 0), func(sn *snap) error {
		n, err := f.writeAt(ctx, sn, p[written:], off+int64(written))
		written += n
		return err
	})
	if err != nil {
		return 0, err
	}
	return written, nil
}

// writeAt is WriteAt on one connection; it returns the acknowledged prefix
// even when it fails.
func (f *File) writeAt(ctx context.Context, sn *snap, p []byte, off int64) (int, error) {
	conn := sn.conn
	chunk := f.t.chunkSize(conn.state.MaxWriteSize)
	type pending struct {
		cl *call
		n  int
	}
	var inflight []pending
	next, written := 0, 0
	var firstErr error
	for next < len(p) || len(inflight) > 0 {
		for firstErr == nil && next < len(p) && len(inflight) < maxInFlight {
			n := min(chunk, len(p)-next)
			req := &wire.WriteRequest{Offset: uint64(off) + uint64(next), FileID: sn.fid, Data: p[next : next+n]}
			// Built where it is sent: the payload is copied once, into
			// the buffer that is then signed or sealed in place.
			room := getWriteRoom(wire.HeaderSize + wire.WriteRequestFixedSize + n)
			msg := (&wire.Header{Command: wire.CmdWrite, TreeID: sn.tid}).Append(room[frameRoom:frameRoom])
			msg = req.Append(msg)
			calls, err := conn.start(ctx, sn.s, sn.encrypt, []outgoing{{msg: msg, charge: conn.creditCharge(n), room: room}})
			putWriteRoom(room) // the frame is on the wire (or failed): the buffer is free
			if err != nil {
				firstErr = err
				break
			}
			inflight = append(inflight, pending{calls[0], n})
			next += n
		}
		if len(inflight) == 0 {
			break
		}
		pd := inflight[0]
		inflight = inflight[1:]
		resp, err := conn.wait(ctx, pd.cl)
		if err == nil {
			err = statusOf(resp)
		}
		if firstErr != nil {
			continue
		}
		if err != nil {
			firstErr = err
			continue
		}
		r, err := wire.DecodeWriteResponse(resp)
		if err != nil {
			firstErr = fmt.Errorf("%w: %v", ErrProtocol, err)
			continue
		}
		if int(r.Count) != pd.n {
			firstErr = fmt.Errorf("smb2: WRITE: server wrote %d of %d bytes", r.Count, pd.n)
			continue
		}
		written += pd.n
	}
	if firstErr != nil {
		// Bytes after the first failure may or may not be written: report
		// only the acknowledged prefix, which is a lower bound.
		return written, firstErr
	}
	return written, nil
}

// QueryInfo queries one information class of the file ([MS-SMB2] 3.2.4.12)
// and returns the raw buffer for the wire decoders.
func (f *File) QueryInfo(ctx context.Context, infoType, class uint8, additional uint32, outLen uint32) ([]byte, error) {
	var buf []byte
	err := f.t.do(ctx, f, classify(wire.CmdQueryInfo, 0), func(sn *snap) error {
		req := &wire.QueryInfoRequest{InfoType: infoType, FileInfoClass: class, OutputBufferLength: outLen, AdditionalInformation: additional, FileID: sn.fid}
		resp, err := sn.request(ctx, wire.CmdQueryInfo, req, sn.conn.creditCharge(int(outLen)))
		if err != nil {
			return err
		}
		r, err := wire.DecodeQueryInfoResponse(resp)
		if err != nil {
			return fmt.Errorf("%w: %v", ErrProtocol, err)
		}
		buf = r.Buffer
		return nil
	})
	return buf, err
}

// SetInfo sets one information class of the file ([MS-SMB2] 3.2.4.13).
func (f *File) SetInfo(ctx context.Context, infoType, class uint8, additional uint32, buf []byte) error {
	rc := replayNever
	if infoType == wire.InfoFile {
		rc = classify(wire.CmdSetInfo, uint32(class))
	}
	return f.t.do(ctx, f, rc, func(sn *snap) error {
		req := &wire.SetInfoRequest{InfoType: infoType, FileInfoClass: class, Buffer: buf, AdditionalInformation: additional, FileID: sn.fid}
		_, err := sn.request(ctx, wire.CmdSetInfo, req, sn.conn.creditCharge(len(buf)))
		return err
	})
}

// ReadDir lists the directory with FileIdBothDirectoryInformation,
// following STATUS_NO_MORE_FILES ([MS-SMB2] 3.2.4.8). pattern "" means "*".
func (f *File) ReadDir(ctx context.Context, pattern string) ([]wire.DirEntry, error) {
	if pattern == "" {
		pattern = "*"
	}
	var all []wire.DirEntry
	err := f.t.do(ctx, f, classify(wire.CmdQueryDirectory, 0), func(sn *snap) error {
		// After a reconnect the listing restarts (RestartScans).
		var err error
		all, err = f.readDir(ctx, sn, pattern)
		return err
	})
	return all, err
}

// readDir is ReadDir on one connection.
func (f *File) readDir(ctx context.Context, sn *snap, pattern string) ([]wire.DirEntry, error) {
	conn := sn.conn
	outLen := min(conn.state.MaxTransactSize, 1<<20)
	var all []wire.DirEntry
	flags := uint8(wire.RestartScans)
	for {
		req := &wire.QueryDirectoryRequest{
			FileInformationClass: wire.ClassFileIdBothDirectoryInformation,
			Flags:                flags,
			FileID:               sn.fid,
			FileName:             pattern,
			OutputBufferLength:   outLen,
		}
		flags = 0
		resp, err := sn.request(ctx, wire.CmdQueryDirectory, req, conn.creditCharge(int(outLen)))
		if IsStatus(err, wire.StatusNoMoreFiles) {
			return all, nil
		}
		if err != nil {
			return nil, err
		}
		r, err := wire.DecodeQueryDirectoryResponse(resp)
		if err != nil {
			return nil, fmt.Errorf("%w: %v", ErrProtocol, err)
		}
		ents, err := wire.DecodeDirEntries(wire.ClassFileIdBothDirectoryInformation, r.Buffer)
		if err != nil {
			return nil, fmt.Errorf("%w: %v", ErrProtocol, err)
		}
		if len(ents) == 0 {
			return all, nil
		}
		all = append(all, ents...)
	}
}

// Stat returns the CREATE and CLOSE results for name in one round trip: a
// related compound of CREATE (read attributes, with the on-disk id context)
// and CLOSE with post-query attributes ([MS-SMB2] 3.2.4.1.4).
func (t *Tree) Stat(ctx context.Context, name string) (*wire.CreateResponse, *wire.CloseResponse, error) {
	create := &wire.CreateRequest{
		ImpersonationLevel: wire.Impersonation,
		DesiredAccess:      wire.FileReadAttributes | wire.Synchronize,
		ShareAccess:        wire.ShareRead | wire.ShareWrite | wire.ShareDelete,
		CreateDisposition:  wire.FileOpen,
		Name:               name,
		Contexts:           []wire.CreateContext{{Name: wire.CtxNameQueryOnDiskID}},
	}
	var resps [][]byte
	err := t.do(ctx, nil, classify(wire.CmdCreate, wire.FileOpen), func(sn *snap) error {
		m1 := newMessage(wire.CmdCreate, sn.tid, 0, create)
		m2 := newMessage(wire.CmdClose, sn.tid, wire.FlagRelatedOperations, &wire.CloseRequest{Flags: wire.CloseFlagPostQueryAttrib, FileID: wire.CompoundFileID})
		calls, err := sn.conn.start(ctx, sn.s, sn.encrypt, []outgoing{{msg: m1}, {msg: m2}})
		if err != nil {
			return err
		}
		resps, err = sn.conn.waitAll(ctx, calls)
		return err
	})
	if err != nil {
		return nil, nil, err
	}
	r1, r2 := resps[0], resps[1]
	cr, err := wire.DecodeCreateResponse(r1)
	if err != nil {
		return nil, nil, fmt.Errorf("%w: %v", ErrProtocol, err)
	}
	clr, err := wire.DecodeCloseResponse(r2)
	if err != nil {
		return nil, nil, fmt.Errorf("%w: %v", ErrProtocol, err)
	}
	return cr, clr, nil
}

// writeRooms recycles WRITE buffers (newRoom-shaped) between requests, so a
// stream of large writes does not allocate and zero a buffer per chunk.
var writeRooms sync.Pool

// getWriteRoom returns a room for a message of size bytes.
func getWriteRoom(size int) []byte {
	if r, ok := writeRooms.Get().(*[]byte); ok && cap(*r) >= frameRoom+size+sealSlack {
		return (*r)[:cap(*r)]
	}
	room, _ := newRoom(size)
	return room
}

// putWriteRoom recycles a room from getWriteRoom; only chunk-sized ones are
// kept.
func putWriteRoom(room []byte) {
	if cap(room) >= 64<<10 {
		writeRooms.Put(&room)
	}
}
