// Package srvsvc lists a server's shares with the srvsvc RPC interface
// ([MS-SRVS] NetrShareEnum, level 1), the way smbclient -L does: DCE/RPC
// ([C706], [MS-RPCE]) over the \PIPE\srvsvc named pipe of the server's IPC$
// share.
//
//	Tree IPC$ (held to the client's policy: sealed when privacy is required)
//	  └─ CREATE "srvsvc" (read/write)
//	       ── WRITE BIND {srvsvc 3.0, NDR 2.0} ──► READ BIND_ACK
//	       ── WRITE REQUEST opnum 15 {level 1} ──► READ RESPONSE fragments…
//	  └─ CLOSE
//
// The pipe carries no RPC authentication: the SMB session signs or seals
// every message, which is what the policy demands of every share. Every
// decoder checks its lengths; a listing holds at most MaxShares shares of
// bounded names.
package srvsvc

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/smb3fs/smb3fs/client"
)

// PipeName is the srvsvc pipe's name on IPC$ ([MS-SRVS] 2.1).
const PipeName = "srvsvc"

// readSize is the buffer of each pipe READ: any fragment fits (frag_length
// is 16 bits), so a message-mode pipe never answers STATUS_BUFFER_OVERFLOW.
const readSize = 1 << 16

// Pipe is a named pipe in message mode: Write sends one message, Read
// returns what the server has (one message or part of one).
type Pipe interface {
	Write(ctx context.Context, p []byte) error
	Read(ctx context.Context, p []byte) (int, error)
}

// FilePipe is a Pipe over an open named pipe on an IPC$ tree: a WRITE and
// a READ per message ([MS-SMB2] 3.2.4.6, 3.2.4.7; the offset is ignored).
type FilePipe struct {
	F *client.File
}

// Write sends p as one message.
func (fp FilePipe) Write(ctx context.Context, p []byte) error {
	_, err := fp.F.WriteAt(ctx, p, 0)
	return err
}

// Read reads up to len(p) bytes; a READ shorter than asked is a whole
// message, not end of file.
func (fp FilePipe) Read(ctx context.Context, p []byte) (int, error) {
	n, err := fp.F.ReadAt(ctx, p, 0)
	if err == io.EOF && n > 0 {
		err = nil
	}
	if err == io.EOF {
		err = errors.New("srvsvc: pipe closed")
	}
	return n, err
}

// List opens the srvsvc pipe on t (an IPC$ tree) and returns its shares.
func List(ctx context.Context, t *client.Tree, server string) ([]Share, error) {
	f, err := t.Open(ctx, PipeName, client.OpenOptions{Access: client.AccessReadData | client.AccessWriteData, Kind: client.KindFile})
	if err != nil {
		return nil, fmt.Errorf("srvsvc: open pipe: %w", err)
	}
	shares, err := ListPipe(ctx, FilePipe{F: f}, server)
	if _, cerr := f.Close(ctx); err == nil && cerr != nil {
		err = fmt.Errorf("srvsvc: close pipe: %w", cerr)
	}
	return shares, err
}

// ListPipe binds srvsvc on p and calls NetrShareEnum at level 1 for server
// (the name the client connected to).
func ListPipe(ctx context.Context, p Pipe, server string) ([]Share, error) {
	rd := &pduReader{p: p}
	if err := p.Write(ctx, bindPDU(1)); err != nil {
		return nil, fmt.Errorf("srvsvc: bind: %w", err)
	}
	pdu, err := rd.next(ctx)
	if err != nil {
		return nil, fmt.Errorf("srvsvc: bind: %w", err)
	}
	ack, err := decodeBindAck(pdu, 1)
	if err != nil {
		return nil, err
	}
	req := requestPDU(2, opNetrShareEnum, shareEnumRequest(server))
	if len(req) > int(ack.maxRecvFrag) {
		return nil, fmt.Errorf("dcerpc: request of %d bytes, server receives fragments of %d", len(req), ack.maxRecvFrag)
	}
	if err := p.Write(ctx, req); err != nil {
		return nil, fmt.Errorf("srvsvc: NetrShareEnum: %w", err)
	}
	stub, err := readResponse(ctx, rd, 2)
	if err != nil {
		return nil, err
	}
	return decodeShareEnumResponse(stub)
}

// readResponse reads the fragments of the answer to call and returns
// their stubs joined, at most maxStub bytes.
func readResponse(ctx context.Context, rd *pduReader, call uint32) ([]byte, error) {
	var stub []byte
	for first := true; ; first = false {
		pdu, err := rd.next(ctx)
		if err != nil {
			return nil, fmt.Errorf("srvsvc: NetrShareEnum: %w", err)
		}
		fr, err := decodeResponse(pdu, call)
		if err != nil {
			return nil, err
		}
		if fr.first != first {
			return nil, fmt.Errorf("dcerpc: fragment first flag %v, want %v", fr.first, first)
		}
		if len(stub)+len(fr.stub) > maxStub {
			return nil, fmt.Errorf("dcerpc: response over %d bytes", maxStub)
		}
		stub = append(stub, fr.stub...)
		if fr.last {
			return stub, nil
		}
	}
}

// pduReader cuts the bytes read from a pipe into PDUs by their
// frag_length, whether a read returns one PDU, part of one, or several.
type pduReader struct {
	p   Pipe
	buf []byte
}

// next returns the next whole PDU.
func (r *pduReader) next(ctx context.Context) ([]byte, error) {
	for {
		if len(r.buf) >= headerSize {
			n := fragLength(r.buf)
			if n < headerSize {
				return nil, fmt.Errorf("dcerpc: frag_length %d", n)
			}
			if n <= len(r.buf) {
				pdu := r.buf[:n:n]
				r.buf = r.buf[n:]
				return pdu, nil
			}
		}
		chunk := make([]byte, readSize)
		n, err := r.p.Read(ctx, chunk)
		if err != nil {
			return nil, err
		}
		if n == 0 {
			return nil, errors.New("dcerpc: empty read from the pipe")
		}
		// At most one PDU of 64 KiB plus a read is ever buffered.
		r.buf = append(r.buf, chunk[:n]...)
	}
}
