package client

// Server-side copy ([MS-SMB2] 3.2.4.20.1, 3.2.4.20.2, 3.2.5.14.8): the data
// moves from one file to another on the server and never crosses the wire.
//
//	source ──IOCTL FSCTL_SRV_REQUEST_RESUME_KEY──► 24-byte key
//	target ──IOCTL FSCTL_SRV_COPYCHUNK_WRITE {key, chunks}──► SRV_COPYCHUNK_RESPONSE
//	         up to copyInFlight requests outstanding, answered in order
//
// A range is cut into requests of at most maxChunks chunks of maxChunkSize
// bytes and maxRequestBytes in all (the limits Windows and Samba publish).
// The first request goes alone: a server with smaller limits fails it with
// STATUS_INVALID_PARAMETER and its own limits in the response, and the copy
// restarts with those before anything is pipelined (a refusal later on
// restarts from the refused request: copying a range again is harmless, as
// source and target never overlap). Every response must report every chunk
// and every byte written; anything less is an error, never a short copy. A
// failure drains what is in flight and reports the prefix the server
// acknowledged.

import (
	"context"
	"errors"
	"fmt"

	"github.com/smb3fs/smb3fs/client/wire"
)

// Default server-side copy limits ([MS-SMB2] 3.3.3: ServerSideCopyMaxNumberofChunks
// 256, ServerSideCopyMaxChunkSize 1 MiB, ServerSideCopyMaxDataSize 16 MiB).
const (
	copyMaxChunks       = 256
	copyMaxChunkSize    = 1 << 20
	copyMaxRequestBytes = 16 << 20
	// copyInFlight bounds the COPYCHUNK requests one copy keeps outstanding.
	copyInFlight = 4
)

// Server-side copy wire sizes: SRV_REQUEST_RESUME_KEY output (24-byte key,
// ContextLength, and room for an empty Context) and SRV_COPYCHUNK_RESPONSE.
const (
	resumeKeyMaxOutput = 32
	copyChunkMaxOutput = 12
)

var (
	// ErrCopyCrossTree: server-side copy needs both handles on the same
	// tree; the caller copies through the client instead.
	ErrCopyCrossTree = errors.New("smb2: server-side copy between different trees")
	// ErrCopyOverlap: source and target ranges of one file overlap, which
	// a chunked copy cannot do correctly.
	ErrCopyOverlap = errors.New("smb2: server-side copy ranges overlap")
	// ErrCopyRange: an offset plus length overflows 64 bits.
	ErrCopyRange = errors.New("smb2: server-side copy range out of bounds")
)

// ioctl sends one FSCTL on the file and returns the whole response message
// with the status error, if any, so callers can read an error's output.
func (f *File) ioctl(ctx context.Context, code uint32, in []byte, maxOut uint32) ([]byte, error) {
	// Only asking for a resume key is read-only; other FSCTLs are not
	// sent again once they may have run.
	class := replayNever
	if code == wire.FsctlSrvRequestResumeKey {
		class = replayIdempotent
	}
	var resp []byte
	err := f.t.do(ctx, f, class, func(sn *snap) error {
		req := &wire.IoctlRequest{CtlCode: code, FileID: sn.fid, Input: in, MaxOutputResponse: maxOut, Flags: wire.IoctlIsFsctl}
		var err error
		resp, err = sn.request(ctx, wire.CmdIoctl, req, sn.conn.creditCharge(max(len(in), int(maxOut))))
		return err
	})
	return resp, err
}

// ioctlOutput decodes resp as an IOCTL response for code and returns its
// output, which must fit maxOut.
func ioctlOutput(resp []byte, code uint32, maxOut uint32) ([]byte, error) {
	r, err := wire.DecodeIoctlResponse(resp)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrProtocol, err)
	}
	if r.CtlCode != code {
		return nil, fmt.Errorf("%w: IOCTL response for 0x%08x, asked 0x%08x", ErrProtocol, r.CtlCode, code)
	}
	if uint64(len(r.Output)) > uint64(maxOut) {
		return nil, fmt.Errorf("%w: IOCTL output of %d bytes, allowed %d", ErrProtocol, len(r.Output), maxOut)
	}
	return r.Output, nil
}

// resumeKey asks the server for the file's resume key, which names it as
// the source of a server-side copy ([MS-SMB2] 3.2.4.20.1). The handle
// needs read access for the copy to be allowed.
func (f *File) resumeKey(ctx context.Context) ([24]byte, error) {
	resp, err := f.ioctl(ctx, wire.FsctlSrvRequestResumeKey, nil, resumeKeyMaxOutput)
	if err != nil {
		return [24]byte{}, err
	}
	out, err := ioctlOutput(resp, wire.FsctlSrvRequestResumeKey, resumeKeyMaxOutput)
	if err != nil {
		return [24]byte{}, err
	}
	k, err := wire.DecodeResumeKeyResponse(out)
	if err != nil {
		return [24]byte{}, fmt.Errorf("%w: %w", ErrProtocol, err)
	}
	return k.ResumeKey, nil
}

// CopyChunks copies length bytes at srcOff of src to dstOff of f on the
// server (FSCTL_SRV_COPYCHUNK_WRITE, [MS-SMB2] 3.2.4.20.2): f needs write
// access, src read access, and both must be on the same tree (else
// ErrCopyCrossTree). The source range must lie inside the source file.
// It returns length, or an error with the prefix the server acknowledged
// before the failure (a lower bound: bytes after it may be written too).
func (f *File) CopyChunks(ctx context.Context, src *File, srcOff, dstOff, length uint64) (uint64, error) {
	if src == nil || src.t != f.t {
		return 0, ErrCopyCrossTree
	}
	if err := checkCopyRange(src, f, srcOff, dstOff, length); err != nil {
		return 0, err
	}
	if length == 0 {
		return 0, nil
	}
	key, err := src.resumeKey(ctx)
	if err != nil {
		return 0, err
	}
	return f.copyChunksFromKey(ctx, key, srcOff, dstOff, length)
}

// checkCopyRange refuses ranges that overflow and, when src and dst are
// the same file (the same handle, or the same on-disk id), ranges that
// overlap: chunks would read bytes an earlier chunk already overwrote.
func checkCopyRange(src, dst *File, srcOff, dstOff, length uint64) error {
	if srcOff+length < srcOff || dstOff+length < dstOff {
		return ErrCopyRange
	}
	same := src == dst
	if id := src.DiskID(); id != 0 && id == dst.DiskID() {
		same = true
	}
	if same && length > 0 && srcOff < dstOff+length && dstOff < srcOff+length {
		return ErrCopyOverlap
	}
	return nil
}

// copyLimits are the server's server-side copy limits.
type copyLimits struct {
	chunks, chunkSize, total uint32
}

// tighten returns lim within the limits a server sent with
// STATUS_INVALID_PARAMETER. They must tighten ours (a server cannot loosen
// them) and still allow a copy; otherwise (false) the refusal was for
// another reason and retrying would not help.
func (lim copyLimits) tighten(server copyLimits) (copyLimits, bool) {
	t := copyLimits{min(lim.chunks, server.chunks), min(lim.chunkSize, server.chunkSize), min(lim.total, server.total)}
	if t == lim || t.chunks == 0 || t.chunkSize == 0 || t.total == 0 {
		return lim, false
	}
	return t, true
}

// copyRequest is one FSCTL_SRV_COPYCHUNK_WRITE: the chunks covering
// [off, off+n) of the copy (offsets relative to the copy's start).
type copyRequest struct {
	cl     *call
	off, n uint64
	chunks uint32
}

// copyChunksFromKey is CopyChunks with the source named by a resume key
// from resumeKey (of a file on f's tree and session). It cannot check the
// ranges of one file for overlap: the caller must.
func (f *File) copyChunksFromKey(ctx context.Context, key [24]byte, srcOff, dstOff, length uint64) (uint64, error) {
	if srcOff+length < srcOff || dstOff+length < dstOff {
		return 0, ErrCopyRange
	}
	lim := copyLimits{copyMaxChunks, copyMaxChunkSize, copyMaxRequestBytes}
	done := uint64(0) // acknowledged prefix
	for done < length {
		n, newLim, err := f.copyRun(ctx, key, srcOff, dstOff, done, length, lim)
		done += n
		if err == nil {
			continue
		}
		if newLim == nil {
			return done, err
		}
		// [MS-SMB2] 3.2.5.14.8: retry within the server's limits.
		tight, ok := lim.tighten(*newLim)
		if !ok {
			return done, fmt.Errorf("smb2: COPYCHUNK refused, server limits %d chunks of %d bytes, %d per request: %w",
				newLim.chunks, newLim.chunkSize, newLim.total, err)
		}
		lim = tight
	}
	return done, nil
}

// copyRun copies [from, length) of the copy with requests within lim, the
// first alone and the rest up to copyInFlight at a time. It returns the
// bytes acknowledged in order from from; when a request was refused for
// its size, also the server's limits.
func (f *File) copyRun(ctx context.Context, key [24]byte, srcOff, dstOff, from, length uint64, lim copyLimits) (_ uint64, _ *copyLimits, rerr error) {
	// Never sent again after a reconnect: the resume key names the old
	// handle, and the outcome of a copy in flight is unknown.
	sn, err := f.t.snap(f)
	if err != nil {
		return 0, nil, err
	}
	defer func() {
		if why, ok := f.t.cl.needsReconnect(sn.conn, rerr); rerr != nil && ok {
			f.t.cl.kick(sn.conn, why)
		}
	}()
	conn := sn.conn
	var inflight []copyRequest
	next, acked := from, from
	var firstErr error
	var limits *copyLimits
	probing := true // the first request goes alone
	for next < length || len(inflight) > 0 {
		for firstErr == nil && next < length && len(inflight) < copyInFlight && (!probing || len(inflight) == 0) {
			req, in := buildCopyRequest(key, srcOff, dstOff, next, length, lim)
			msg := newMessage(wire.CmdIoctl, sn.tid, 0, &wire.IoctlRequest{
				CtlCode: wire.FsctlSrvCopyChunkWrite, FileID: sn.fid, Input: in,
				MaxOutputResponse: copyChunkMaxOutput, Flags: wire.IoctlIsFsctl,
			})
			calls, err := conn.start(ctx, sn.s, sn.encrypt, []outgoing{{msg: msg, charge: conn.creditCharge(len(in))}})
			if err != nil {
				firstErr = err
				break
			}
			req.cl = calls[0]
			inflight = append(inflight, req)
			next += req.n
		}
		if len(inflight) == 0 {
			break
		}
		rq := inflight[0]
		inflight = inflight[1:]
		resp, err := conn.wait(ctx, rq.cl)
		if firstErr != nil {
			continue // drain
		}
		if err == nil {
			limits, err = checkCopyResponse(resp, rq)
		}
		if err != nil {
			firstErr = err
			continue
		}
		acked += rq.n
		probing = false
	}
	return acked - from, limits, firstErr
}

// buildCopyRequest returns the request covering [next, ...) of a copy of
// length bytes within lim, and its SRV_COPYCHUNK_COPY input.
func buildCopyRequest(key [24]byte, srcOff, dstOff, next, length uint64, lim copyLimits) (copyRequest, []byte) {
	rq := copyRequest{off: next}
	budget := min(length-next, uint64(lim.total))
	cc := &wire.CopyChunkRequest{SourceKey: key}
	for budget > 0 && uint32(len(cc.Chunks)) < lim.chunks {
		n := min(budget, uint64(lim.chunkSize))
		pos := next + rq.n
		cc.Chunks = append(cc.Chunks, wire.CopyChunk{SourceOffset: srcOff + pos, TargetOffset: dstOff + pos, Length: uint32(n)})
		rq.n += n
		budget -= n
	}
	rq.chunks = uint32(len(cc.Chunks))
	return rq, cc.Encode()
}

// checkCopyResponse checks one COPYCHUNK response ([MS-SMB2] 3.2.5.14.8):
// success must report every chunk and byte of rq; STATUS_INVALID_PARAMETER
// with an SRV_COPYCHUNK_RESPONSE carries the server's limits, returned with
// the error.
func checkCopyResponse(resp []byte, rq copyRequest) (*copyLimits, error) {
	status := statusOf(resp)
	if status != nil && !IsStatus(status, wire.StatusInvalidParameter) {
		return nil, status
	}
	out, err := ioctlOutput(resp, wire.FsctlSrvCopyChunkWrite, copyChunkMaxOutput)
	if err != nil {
		if status != nil {
			return nil, status // a plain error response, without limits
		}
		return nil, err
	}
	r, err := wire.DecodeCopyChunkResponse(out)
	if err != nil {
		if status != nil {
			return nil, status
		}
		return nil, fmt.Errorf("%w: %w", ErrProtocol, err)
	}
	if status != nil {
		return &copyLimits{r.ChunksWritten, r.ChunkBytesWritten, r.TotalBytesWritten}, status
	}
	if r.ChunksWritten != rq.chunks || uint64(r.TotalBytesWritten) != rq.n {
		return nil, fmt.Errorf("smb2: COPYCHUNK: server wrote %d of %d chunks, %d of %d bytes",
			r.ChunksWritten, rq.chunks, r.TotalBytesWritten, rq.n)
	}
	return nil, nil
}
