package client

import (
	"context"
	"fmt"
	"io"
	"sync"

	"github.com/smb3fs/smb3fs/client/wire"
)

// File is an open handle on a tree ([MS-SMB2] 3.2.1.6).
type File struct {
	t    *Tree
	id   wire.FileID
	name string
	// Create is the CREATE response that opened the file.
	Create *wire.CreateResponse
}

// ID returns the handle's FileId.
func (f *File) ID() wire.FileID { return f.id }

// Name returns the path the file was opened with.
func (f *File) Name() string { return f.name }

// request sends one message on the tree and returns the response.
func (t *Tree) request(ctx context.Context, cmd wire.Command, body interface{ Append([]byte) []byte }, charge uint16) ([]byte, error) {
	return t.cl.conn.roundTrip(ctx, t.s, t.encrypt, newMessage(cmd, t.id, 0, body), charge)
}

// Create opens or creates name (a share-relative path with backslashes, ""
// for the root) with req's parameters; req.Name is set from name.
func (t *Tree) Create(ctx context.Context, name string, req *wire.CreateRequest) (*File, error) {
	req.Name = name
	if req.ImpersonationLevel == 0 {
		req.ImpersonationLevel = wire.Impersonation
	}
	resp, err := t.request(ctx, wire.CmdCreate, req, 1)
	if err != nil {
		return nil, err
	}
	r, err := wire.DecodeCreateResponse(resp)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrProtocol, err)
	}
	return &File{t: t, id: r.FileID, name: name, Create: r}, nil
}

// Close closes the handle ([MS-SMB2] 3.2.4.5), asking for the final
// attributes, which it returns.
func (f *File) Close(ctx context.Context) (*wire.CloseResponse, error) {
	resp, err := f.t.request(ctx, wire.CmdClose, &wire.CloseRequest{Flags: wire.CloseFlagPostQueryAttrib, FileID: f.id}, 1)
	if err != nil {
		return nil, err
	}
	r, err := wire.DecodeCloseResponse(resp)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrProtocol, err)
	}
	return r, nil
}

// Flush asks the server to write the file's data to stable storage
// ([MS-SMB2] 3.2.4.17).
func (f *File) Flush(ctx context.Context) error {
	_, err := f.t.request(ctx, wire.CmdFlush, &wire.FlushRequest{FileID: f.id}, 1)
	return err
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
	conn := f.t.cl.conn
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
			req := &wire.ReadRequest{Length: uint32(n), Offset: uint64(off) + uint64(next), FileID: f.id}
			calls, err := conn.start(ctx, f.t.s, f.t.encrypt, []outgoing{{msg: newMessage(wire.CmdRead, f.t.id, 0, req), charge: conn.creditCharge(n)}})
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
func (f *File) WriteAt(ctx context.Context, p []byte, off int64) (int, error) {
	conn := f.t.cl.conn
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
			req := &wire.WriteRequest{Offset: uint64(off) + uint64(next), FileID: f.id, Data: p[next : next+n]}
			// Built where it is sent: the payload is copied once, into
			// the buffer that is then signed or sealed in place.
			room := getWriteRoom(wire.HeaderSize + wire.WriteRequestFixedSize + n)
			msg := (&wire.Header{Command: wire.CmdWrite, TreeID: f.t.id}).Append(room[frameRoom:frameRoom])
			msg = req.Append(msg)
			calls, err := conn.start(ctx, f.t.s, f.t.encrypt, []outgoing{{msg: msg, charge: conn.creditCharge(n), room: room}})
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
		return 0, firstErr
	}
	return written, nil
}

// QueryInfo queries one information class of the file ([MS-SMB2] 3.2.4.12)
// and returns the raw buffer for the wire decoders.
func (f *File) QueryInfo(ctx context.Context, infoType, class uint8, additional uint32, outLen uint32) ([]byte, error) {
	req := &wire.QueryInfoRequest{InfoType: infoType, FileInfoClass: class, OutputBufferLength: outLen, AdditionalInformation: additional, FileID: f.id}
	resp, err := f.t.request(ctx, wire.CmdQueryInfo, req, f.t.cl.conn.creditCharge(int(outLen)))
	if err != nil {
		return nil, err
	}
	r, err := wire.DecodeQueryInfoResponse(resp)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrProtocol, err)
	}
	return r.Buffer, nil
}

// SetInfo sets one information class of the file ([MS-SMB2] 3.2.4.13).
func (f *File) SetInfo(ctx context.Context, infoType, class uint8, additional uint32, buf []byte) error {
	req := &wire.SetInfoRequest{InfoType: infoType, FileInfoClass: class, Buffer: buf, AdditionalInformation: additional, FileID: f.id}
	_, err := f.t.request(ctx, wire.CmdSetInfo, req, f.t.cl.conn.creditCharge(len(buf)))
	return err
}

// ReadDir lists the directory with FileIdBothDirectoryInformation,
// following STATUS_NO_MORE_FILES ([MS-SMB2] 3.2.4.8). pattern "" means "*".
func (f *File) ReadDir(ctx context.Context, pattern string) ([]wire.DirEntry, error) {
	if pattern == "" {
		pattern = "*"
	}
	conn := f.t.cl.conn
	outLen := min(conn.state.MaxTransactSize, 1<<20)
	var all []wire.DirEntry
	flags := uint8(wire.RestartScans)
	for {
		req := &wire.QueryDirectoryRequest{
			FileInformationClass: wire.ClassFileIdBothDirectoryInformation,
			Flags:                flags,
			FileID:               f.id,
			FileName:             pattern,
			OutputBufferLength:   outLen,
		}
		flags = 0
		resp, err := f.t.request(ctx, wire.CmdQueryDirectory, req, conn.creditCharge(int(outLen)))
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
	m1 := newMessage(wire.CmdCreate, t.id, 0, create)
	m2 := newMessage(wire.CmdClose, t.id, wire.FlagRelatedOperations, &wire.CloseRequest{Flags: wire.CloseFlagPostQueryAttrib, FileID: wire.CompoundFileID})
	conn := t.cl.conn
	calls, err := conn.start(ctx, t.s, t.encrypt, []outgoing{{msg: m1}, {msg: m2}})
	if err != nil {
		return nil, nil, err
	}
	resps, err := conn.waitAll(ctx, calls)
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
