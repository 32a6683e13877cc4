package client

import (
	"errors"
	"testing"

	"github.com/smb3fs/smb3fs/client/wire"
)

// copyResp builds an IOCTL response message for FSCTL_SRV_COPYCHUNK_WRITE
// with status st and output out.
func copyResp(st wire.Status, code uint32, out []byte) []byte {
	h := wire.Header{Command: wire.CmdIoctl, Status: st, Flags: wire.FlagServerToRedir}
	return (&wire.IoctlResponse{CtlCode: code, Output: out}).Append(h.Append(nil))
}

func errorResp(st wire.Status) []byte {
	h := wire.Header{Command: wire.CmdIoctl, Status: st, Flags: wire.FlagServerToRedir}
	return (&wire.ErrorResponse{}).Append(h.Append(nil))
}

func TestBuildCopyRequestSplits(t *testing.T) {
	key := [24]byte{1, 2, 3}
	lim := copyLimits{chunks: 3, chunkSize: 1000, total: 2500}
	// A copy of 7001 bytes from 10 to 20, starting 100 bytes in.
	const srcOff, dstOff, length = 10, 20, 7001
	next := uint64(100)
	var covered uint64
	for next < length {
		rq, in := buildCopyRequest(key, srcOff, dstOff, next, length, lim)
		cc, err := wire.DecodeCopyChunkRequest(in)
		if err != nil {
			t.Fatal(err)
		}
		if cc.SourceKey != key || uint32(len(cc.Chunks)) != rq.chunks || rq.chunks > lim.chunks || rq.n > uint64(lim.total) || rq.off != next {
			t.Fatalf("request %+v: %d chunks, key %x", rq, len(cc.Chunks), cc.SourceKey[:3])
		}
		pos := next
		var sum uint64
		for _, c := range cc.Chunks {
			if c.Length == 0 || c.Length > lim.chunkSize || c.SourceOffset != srcOff+pos || c.TargetOffset != dstOff+pos {
				t.Fatalf("chunk %+v at %d", c, pos)
			}
			pos += uint64(c.Length)
			sum += uint64(c.Length)
		}
		if sum != rq.n {
			t.Fatalf("chunks sum to %d, request says %d", sum, rq.n)
		}
		covered += rq.n
		next += rq.n
	}
	if covered != length-100 || next != length {
		t.Fatalf("covered %d, ended at %d", covered, next)
	}
}

func TestCheckCopyResponse(t *testing.T) {
	rq := copyRequest{n: 3 << 20, chunks: 3}
	ok := (&wire.CopyChunkResponse{ChunksWritten: 3, TotalBytesWritten: 3 << 20}).Encode()
	if lim, err := checkCopyResponse(copyResp(wire.StatusSuccess, wire.FsctlSrvCopyChunkWrite, ok), rq); err != nil || lim != nil {
		t.Fatalf("full copy: %v %v", lim, err)
	}
	// Short copies are errors, whichever count is short.
	for _, r := range []wire.CopyChunkResponse{
		{ChunksWritten: 3, TotalBytesWritten: 3<<20 - 1},
		{ChunksWritten: 2, TotalBytesWritten: 3 << 20},
		{ChunksWritten: 2, ChunkBytesWritten: 5, TotalBytesWritten: 2<<20 + 5},
		{ChunksWritten: 4, TotalBytesWritten: 4 << 20},
	} {
		if _, err := checkCopyResponse(copyResp(wire.StatusSuccess, wire.FsctlSrvCopyChunkWrite, r.Encode()), rq); err == nil {
			t.Errorf("short or long copy %+v accepted", r)
		}
	}
	// STATUS_INVALID_PARAMETER carries the server's limits.
	limits := (&wire.CopyChunkResponse{ChunksWritten: 16, ChunkBytesWritten: 65536, TotalBytesWritten: 1 << 20}).Encode()
	lim, err := checkCopyResponse(copyResp(wire.StatusInvalidParameter, wire.FsctlSrvCopyChunkWrite, limits), rq)
	if !IsStatus(err, wire.StatusInvalidParameter) || lim == nil || *lim != (copyLimits{16, 65536, 1 << 20}) {
		t.Fatalf("limits: %+v, %v", lim, err)
	}
	// A plain error response has no limits.
	if lim, err := checkCopyResponse(errorResp(wire.StatusInvalidParameter), rq); !IsStatus(err, wire.StatusInvalidParameter) || lim != nil {
		t.Fatalf("error response: %+v, %v", lim, err)
	}
	if lim, err := checkCopyResponse(errorResp(wire.StatusAccessDenied), rq); !IsStatus(err, wire.StatusAccessDenied) || lim != nil {
		t.Fatalf("access denied: %+v, %v", lim, err)
	}
	// Malformed successes are protocol errors: truncated output, output
	// past what was asked, another control code.
	for _, resp := range [][]byte{
		copyResp(wire.StatusSuccess, wire.FsctlSrvCopyChunkWrite, ok[:8]),
		copyResp(wire.StatusSuccess, wire.FsctlSrvCopyChunkWrite, append(ok, 0, 0, 0, 0)),
		copyResp(wire.StatusSuccess, wire.FsctlSrvCopyChunk, ok),
		errorResp(wire.StatusSuccess),
	} {
		if _, err := checkCopyResponse(resp, rq); !errors.Is(err, ErrProtocol) {
			t.Errorf("malformed response accepted or misreported: %v", err)
		}
	}
}

func TestCopyLimitsTighten(t *testing.T) {
	def := copyLimits{copyMaxChunks, copyMaxChunkSize, copyMaxRequestBytes}
	for _, tc := range []struct {
		server copyLimits
		want   copyLimits
		ok     bool
	}{
		{copyLimits{16, 65536, 1 << 20}, copyLimits{16, 65536, 1 << 20}, true},
		{copyLimits{1024, 65536, 64 << 20}, copyLimits{256, 65536, 16 << 20}, true}, // never loosened
		{def, def, false}, // refused within the limits: another reason
		{copyLimits{1 << 20, 1 << 30, 1 << 31}, def, false},
		{copyLimits{0, 65536, 1 << 20}, def, false}, // no copy possible
		{copyLimits{16, 0, 1 << 20}, def, false},
		{copyLimits{16, 65536, 0}, def, false},
	} {
		got, ok := def.tighten(tc.server)
		if got != tc.want || ok != tc.ok {
			t.Errorf("tighten(%+v) = %+v, %v; want %+v, %v", tc.server, got, ok, tc.want, tc.ok)
		}
	}
}

func TestCheckCopyRange(t *testing.T) {
	a := &File{Create: &wire.CreateResponse{}}
	b := &File{Create: &wire.CreateResponse{}}
	if err := checkCopyRange(a, a, 0, 100, 4096); !errors.Is(err, ErrCopyOverlap) {
		t.Errorf("overlap on one handle: %v", err)
	}
	if err := checkCopyRange(a, a, 0, 4096, 4096); err != nil {
		t.Errorf("adjacent ranges of one handle: %v", err)
	}
	if err := checkCopyRange(a, b, 0, 100, 4096); err != nil {
		t.Errorf("two files: %v", err)
	}
	if err := checkCopyRange(a, b, ^uint64(0)-10, 0, 100); !errors.Is(err, ErrCopyRange) {
		t.Errorf("overflowing source range: %v", err)
	}
	if err := checkCopyRange(a, b, 0, ^uint64(0), 2); !errors.Is(err, ErrCopyRange) {
		t.Errorf("overflowing target range: %v", err)
	}
}
