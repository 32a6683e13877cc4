package client

import (
	"context"
	"errors"
	"fmt"
	"io"

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
	// name is the path the handle was opened with, or renamed to by
	// Rename (guarded by t.cl.mu).
	name string
	// req (without contexts) and durable are set, read-only, for durable
	// handles: what a reconnect needs to reclaim it.
	req     *wire.CreateRequest
	durable *durableGrant
	// lease, oplock and maxAccess are what the server granted,
	// read-only after Open.
	lease     *Lease
	oplock    *Oplock
	maxAccess Access
	// Create is the CREATE response that opened the file.
	Create *wire.CreateResponse
}

// ID returns the handle's current FileId.
func (f *File) ID() wire.FileID {
	f.t.cl.mu.Lock()
	defer f.t.cl.mu.Unlock()
	return f.id
}

// Name returns the path the file was opened with (or renamed to by
// Rename).
func (f *File) Name() string {
	f.t.cl.mu.Lock()
	defer f.t.cl.mu.Unlock()
	return f.name
}

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

// create sends req for name (a share-relative path with backslashes, ""
// for the root; req.Name is set from it) and returns the handle.
func (t *Tree) create(ctx context.Context, name string, req *wire.CreateRequest) (*File, error) {
	req.Name = name
	if req.ImpersonationLevel == 0 {
		req.ImpersonationLevel = wire.Impersonation
	}
	var f *File
	attempt := 0
	err := t.do(ctx, nil, classifyCreate(req), func(sn *snap) error {
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
			return fmt.Errorf("%w: %w", ErrProtocol, err)
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
			return fmt.Errorf("%w: %w", ErrProtocol, err)
		}
		return nil
	})
	durable := f.durable != nil
	f.t.cl.untrack(f)
	if f.lease != nil {
		f.lease.Release()
	}
	if f.oplock != nil {
		f.oplock.Release()
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

// maxReadTrailing bounds the bytes a READ response may carry after its
// data (the padding that aligns a message in a compound chain): a reply
// keeps the frame its data came in (ReadBuffers, the FUSE layer's
// read-ahead), which must not be many times the data ([MS-SMB2] 2.2.20:
// the buffer is the data).
const maxReadTrailing = 8

// ReadAt reads len(p) bytes at off, with up to maxInFlight READs in flight
// ([MS-SMB2] 3.2.4.6). It returns io.EOF when the file ends before p fills.
func (f *File) ReadAt(ctx context.Context, p []byte, off int64) (int, error) {
	var n int
	var rerr error
	err := f.t.do(ctx, f, classify(wire.CmdRead, 0), func(sn *snap) error {
		// After a reconnect the whole read runs again: it is idempotent.
		n, rerr = f.readChunks(ctx, sn, len(p), off, func(pos int, data []byte, cl *call) {
			copy(p[pos:], data)
			releaseFrame(cl) // data is copied out: the buffer may be reused
		})
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

// ReadBuffers holds data a read left where it arrived: the payloads of its
// READ responses, decrypted and verified in the received frames, in file
// order. Release hands the frames back for reuse; Bufs must not be used
// afterwards.
type ReadBuffers struct {
	// Bufs are the payloads, contiguous in the file; the last may be
	// short at end of file.
	Bufs [][]byte
	// calls own the frames under Bufs.
	calls []*call
}

// Len returns the number of bytes in b.Bufs.
func (b *ReadBuffers) Len() int {
	n := 0
	for _, d := range b.Bufs {
		n += len(d)
	}
	return n
}

// Release hands the frames back for reuse; b is empty afterwards. It is
// safe to call more than once.
func (b *ReadBuffers) Release() {
	for _, cl := range b.calls {
		releaseFrame(cl)
	}
	b.Bufs, b.calls = nil, nil
}

// ReadBuffers reads up to n bytes at off like ReadAt, but returns the data
// in the frames it arrived in instead of copying it out: a caller that
// passes it on (a FUSE reply) saves a copy. Fewer than n bytes means end
// of file; the caller must Release the result.
func (f *File) ReadBuffers(ctx context.Context, n int, off int64) (*ReadBuffers, error) {
	rb := &ReadBuffers{}
	err := f.t.do(ctx, f, classify(wire.CmdRead, 0), func(sn *snap) error {
		rb.Release() // a reconnect runs the whole read again
		_, err := f.readChunks(ctx, sn, n, off, func(pos int, data []byte, cl *call) {
			rb.Bufs = append(rb.Bufs, data)
			rb.calls = append(rb.calls, cl)
		})
		if err == io.EOF {
			return nil
		}
		return err
	})
	if err != nil {
		rb.Release()
		return nil, err
	}
	return rb, nil
}

// readChunks reads n bytes at off on one connection, with up to
// maxInFlight READs in flight, and passes each response's payload, in file
// order, to deliver with its position and its call; deliver owns the call's
// frame (see releaseFrame). It returns the number of bytes delivered, with
// io.EOF when the file ended first.
func (f *File) readChunks(ctx context.Context, sn *snap, total int, off int64, deliver func(pos int, data []byte, cl *call)) (int, error) {
	conn := sn.conn
	chunk := f.t.chunkSize(conn.state.MaxReadSize)
	type pending struct {
		cl  *call
		pos int // offset from off
		n   int // bytes requested
	}
	var inflight []pending
	next, done := 0, 0
	var firstErr error
	eof := false
	for done < total || len(inflight) > 0 {
		for firstErr == nil && !eof && next < total && len(inflight) < maxInFlight {
			n := min(chunk, total-next)
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
			if resp != nil { // completed (not given up on): the frame is ours
				releaseFrame(pd.cl)
			}
			continue
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
			firstErr = fmt.Errorf("%w: %w", ErrProtocol, err)
			continue
		}
		if len(r.Data) > pd.n {
			firstErr = fmt.Errorf("%w: READ returned %d bytes, asked %d", ErrProtocol, len(r.Data), pd.n)
			continue
		}
		if end := max(int(resp[wire.HeaderSize+2])+len(r.Data), wire.ReadResponseDataOffset); len(resp)-end > maxReadTrailing {
			firstErr = fmt.Errorf("%w: READ response of %d bytes carries %d bytes of data", ErrProtocol, len(resp), len(r.Data))
			continue
		}
		done = pd.pos + len(r.Data)
		deliver(pd.pos, r.Data, pd.cl)
		if len(r.Data) < pd.n {
			eof = true // short read: end of file
		}
	}
	if firstErr != nil {
		return 0, firstErr
	}
	if done < total {
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
			firstErr = fmt.Errorf("%w: %w", ErrProtocol, err)
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

// Write is a WRITE in flight, from StartWriteAt: its requests are sent
// (or failed to be), their responses not yet checked. Each request is
// kept, plaintext, until its response arrives, so that a reconnect can
// send its data again. Wait collects the outcome; a Write is not safe for
// concurrent use.
type Write struct {
	f      *File
	n      int
	chunks []writeChunk
	done   bool
	err    error
}

// writeChunk is one WRITE request of a Write.
type writeChunk struct {
	room []byte // the request (see newRoom), kept for a resend
	data []byte // the payload, inside room
	off  int64
	conn *Conn // the connection it was sent on, nil if none
	cl   *call // nil if it was not sent
	err  error // why it was not sent
}

// StartWriteAt sends p at off like WriteAt, in MaxWriteSize requests, and
// returns once they are sent, without waiting for the responses: a caller
// that starts the next write meanwhile overlaps its encryption and the
// network with the server's work. p is copied into the requests and may be
// reused as soon as StartWriteAt returns. Nothing is reported here: Wait
// says whether the server wrote every byte, and must be called (it also
// frees the requests). ctx bounds only the wait for credits to send.
func (f *File) StartWriteAt(ctx context.Context, p []byte, off int64) *Write {
	w := &Write{f: f, n: len(p)}
	sn, snapErr := f.t.snap(f)
	var conn *Conn
	chunk := 1 << 20
	if snapErr == nil {
		conn = sn.conn
		chunk = f.t.chunkSize(conn.state.MaxWriteSize)
	}
	var sendErr error
	for pos := 0; pos < len(p); pos += chunk {
		n := min(chunk, len(p)-pos)
		c := writeChunk{off: off + int64(pos), conn: conn, err: snapErr}
		// Built where it is sealed from: the payload is copied once.
		c.room = getWriteRoom(wire.WriteRequestDataOffset + n)
		msg := (&wire.Header{Command: wire.CmdWrite, TreeID: sn.tid}).Append(c.room[frameRoom:frameRoom])
		msg = (&wire.WriteRequest{Offset: uint64(c.off), FileID: sn.fid, Data: p[pos : pos+n]}).Append(msg)
		c.data = msg[wire.WriteRequestDataOffset:]
		if snapErr == nil && sendErr == nil {
			calls, err := conn.start(ctx, sn.s, sn.encrypt, []outgoing{{msg: msg, charge: conn.creditCharge(n), room: c.room, keep: true}})
			if err != nil {
				sendErr = err
			} else {
				c.cl = calls[0]
			}
		}
		if c.cl == nil && c.err == nil {
			c.err = sendErr
		}
		w.chunks = append(w.chunks, c)
	}
	return w
}

// Len returns the number of bytes the Write carries.
func (w *Write) Len() int { return w.n }

// Wait waits for every response of w and returns nil if the server
// acknowledged every byte. A request whose connection ended before its
// response (or that could not be sent) is written again through WriteAt,
// with its reconnect and resend rules: a WRITE at an explicit offset is
// idempotent; a handle the reconnect lost gives ErrHandleLost. Wait does
// not give up when ctx is cancelled: a WRITE in flight is waited for (the
// connection's timeout bounds it), or a cancelled caller could not know
// what was written. Later calls return the same result.
func (w *Write) Wait(ctx context.Context) error {
	if w.done {
		return w.err
	}
	ctx = context.WithoutCancel(ctx)
	for i := range w.chunks {
		c := &w.chunks[i]
		err := c.err
		if c.cl != nil {
			err = c.result(ctx)
		}
		if err != nil && w.err == nil {
			if _, lost := w.f.t.cl.needsReconnect(c.conn, err); lost {
				_, err = w.f.WriteAt(ctx, c.data, c.off)
			}
			w.err = err
		}
		putWriteRoom(c.room)
		c.room, c.data = nil, nil
	}
	w.done = true
	return w.err
}

// result waits for c's response and checks it.
func (c *writeChunk) result(ctx context.Context) error {
	resp, err := c.conn.wait(ctx, c.cl)
	if err == nil {
		err = statusOf(resp)
	}
	if err != nil {
		return err
	}
	r, err := wire.DecodeWriteResponse(resp)
	if err != nil {
		return fmt.Errorf("%w: %w", ErrProtocol, err)
	}
	if int(r.Count) != len(c.data) {
		return fmt.Errorf("smb2: WRITE: server wrote %d of %d bytes", r.Count, len(c.data))
	}
	return nil
}

// queryInfo queries one information class of the file ([MS-SMB2] 3.2.4.12)
// and returns the raw buffer for the wire decoders.
func (f *File) queryInfo(ctx context.Context, infoType, class uint8, additional uint32, outLen uint32) ([]byte, error) {
	var buf []byte
	err := f.t.do(ctx, f, classify(wire.CmdQueryInfo, 0), func(sn *snap) error {
		req := &wire.QueryInfoRequest{InfoType: infoType, FileInfoClass: class, OutputBufferLength: outLen, AdditionalInformation: additional, FileID: sn.fid}
		resp, err := sn.request(ctx, wire.CmdQueryInfo, req, sn.conn.creditCharge(int(outLen)))
		if err != nil {
			return err
		}
		r, err := wire.DecodeQueryInfoResponse(resp)
		if err != nil {
			return fmt.Errorf("%w: %w", ErrProtocol, err)
		}
		// [MS-SMB2] 3.3.5.20: the answer fits OutputBufferLength.
		if len(r.Buffer) > int(outLen) {
			return fmt.Errorf("%w: QUERY_INFO returned %d bytes, asked %d", ErrProtocol, len(r.Buffer), outLen)
		}
		buf = r.Buffer
		return nil
	})
	return buf, err
}

// setInfo sets one information class of the file ([MS-SMB2] 3.2.4.13).
func (f *File) setInfo(ctx context.Context, infoType, class uint8, additional uint32, buf []byte) error {
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
	f.t.mixEntries(all)
	return all, err
}

// ReadDirBatch reads the next entries of directory f, at most bufLen bytes
// of FileIdBothDirectoryInformation (one QUERY_DIRECTORY, [MS-SMB2]
// 3.2.4.8); restart starts again from the first entry. At the end of the
// listing it returns no entries and no error. A batch that had to be sent
// again on a new connection (where the server's position is lost) other
// than a restart fails with ErrListingLost: list again from the start.
func (f *File) ReadDirBatch(ctx context.Context, restart bool, bufLen uint32) ([]wire.DirEntry, error) {
	var ents []wire.DirEntry
	tries := 0
	err := f.t.do(ctx, f, classify(wire.CmdQueryDirectory, 0), func(sn *snap) error {
		if tries++; tries > 1 && !restart {
			return ErrListingLost
		}
		conn := sn.conn
		outLen := min(conn.state.MaxTransactSize, bufLen)
		var flags uint8
		if restart {
			flags = wire.RestartScans
		}
		req := &wire.QueryDirectoryRequest{
			FileInformationClass: f.dirClass(), // posix.go
			Flags:                flags,
			FileID:               sn.fid,
			FileName:             "*",
			OutputBufferLength:   outLen,
		}
		resp, err := sn.request(ctx, wire.CmdQueryDirectory, req, conn.creditCharge(int(outLen)))
		if IsStatus(err, wire.StatusNoMoreFiles) {
			ents = nil
			return nil
		}
		if err != nil {
			return err
		}
		r, err := wire.DecodeQueryDirectoryResponse(resp)
		if err != nil {
			return fmt.Errorf("%w: %w", ErrProtocol, err)
		}
		ents, err = wire.DecodeDirEntries(f.dirClass(), r.Buffer)
		if err != nil {
			return fmt.Errorf("%w: %w", ErrProtocol, err)
		}
		return nil
	})
	f.t.mixEntries(ents)
	return ents, err
}

// ErrListingLost: a directory listing read in batches lost its place (the
// handle was reopened on a new connection); it must start again.
var ErrListingLost = errors.New("smb2: directory listing lost its place on reconnect")

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
			return nil, fmt.Errorf("%w: %w", ErrProtocol, err)
		}
		// [MS-SMB2] 3.3.5.18: the entries fit OutputBufferLength.
		if len(r.Buffer) > int(outLen) {
			return nil, fmt.Errorf("%w: QUERY_DIRECTORY returned %d bytes, asked %d", ErrProtocol, len(r.Buffer), outLen)
		}
		ents, err := wire.DecodeDirEntries(wire.ClassFileIdBothDirectoryInformation, r.Buffer)
		if err != nil {
			return nil, fmt.Errorf("%w: %w", ErrProtocol, err)
		}
		if len(ents) == 0 {
			return all, nil
		}
		all = append(all, ents...)
	}
}
