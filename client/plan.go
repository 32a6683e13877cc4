package client

// A plan: open a name, run operations on the handle, close it, in one
// round trip ([MS-SMB2] 3.2.4.1.4, a related compound):
//
//	CREATE name ──► op ──► op ... (FileId = CompoundFileID) ──► CLOSE (post-query attributes)
//	     one frame, one seal; the server runs them in order on one handle
//
// If CREATE fails, the server fails the rest with the same status; if an
// operation fails, CLOSE still closes the handle. Every step is classified
// for resend (reconnect.go's classify): after a reconnect the whole plan is
// sent again only when every step may run twice (an open that creates
// nothing, reads, queries, setting an absolute size or times); a plan that
// may create, delete, rename, link or write is sent again only if it
// provably never left.

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/smb3fs/smb3fs/client/wire"
)

// MaxNameUnits is the longest path component, in UTF-16 code units, that
// the FUSE layer sends ([MS-FSCC] 2.1.5: 255).
const MaxNameUnits = 255

// DirEntry is one directory entry (FileIdBothDirectoryInformation).
type DirEntry = wire.DirEntry

// EA is one extended attribute; an empty Value removes it.
type EA = wire.EA

// PathResult is what a plan returns: the CREATE and CLOSE responses
// (Tree.Do; File.Do has neither) and the results of its operations.
type PathResult struct {
	// Create is the CREATE response: the file as opened.
	Create *wire.CreateResponse
	// Close carries the attributes after every operation.
	Close *wire.CloseResponse
	// Attrs is the answer of QueryAttrs (times, sizes, attributes).
	Attrs *wire.FileNetworkOpenInformation
	// Standard is the answer of QueryStandard (link count, delete
	// pending).
	Standard *wire.FileStandardInformation
	// FSSize is the answer of QueryFSSize.
	FSSize *wire.FileFsFullSizeInformation
	// EAs is the answer of QueryEAs (none when the file has none).
	EAs []EA
	// Data is what ReadData read (empty at end of file).
	Data []byte
	// Entries and Complete are the answer of List: the first batch of
	// entries, and whether it is the whole directory.
	Entries  []DirEntry
	Complete bool
	// Posix is the POSIX create context's answer to an open with
	// OpenOptions.POSIX on a connection with the POSIX extensions
	// (posix.go): mode, owner and group as opened; nil otherwise.
	Posix *wire.PosixInfo
	// PosixInfo is the answer of QueryPOSIX.
	PosixInfo *wire.FilePOSIXInformation
	// tree is the tree the result came from (its file ids' salt).
	tree *Tree
}

// DiskID returns the on-disk file id (OpenOptions.DiskID), or 0 when the
// server sent none.
func (r *PathResult) DiskID() uint64 {
	if r.tree == nil {
		return diskFileID(r.Create)
	}
	return r.tree.diskID(r.Create)
}

// Op is one operation of a plan, run on the handle the plan opened
// (Tree.Do) or on an open file (File.Do). Make one with QueryAttrs,
// QueryStandard, QueryFSSize, QueryEAs, ReadData, WriteData, Truncate,
// Allocate, SetTimes, SetEAs, Delete, RenameTo, LinkTo or List.
type Op struct {
	what string
	// access is what the open needs for the operation.
	access Access
	// class says whether the operation may run twice.
	class replayClass
	// reqs are its requests (usually one) and their payload sizes, for
	// the credit charge.
	reqs []opReq
	// decode takes the responses and their status errors (nil for
	// success) and fills res.
	decode func(res *PathResult, resps [][]byte, errs []error) error
	// err is an error in building the operation, returned by Do.
	err error
}

// opReq is one request of an Op.
type opReq struct {
	cmd wire.Command
	// body returns the request on handle fid (wire.CompoundFileID in a
	// related compound).
	body func(fid wire.FileID) interface{ Append([]byte) []byte }
	size int
}

// one is an Op of one request whose failure status is returned as is.
func one(what string, access Access, class replayClass, cmd wire.Command, body func(fid wire.FileID) interface{ Append([]byte) []byte }, size int, decode func(res *PathResult, resp []byte) error) Op {
	return Op{what: what, access: access, class: class, reqs: []opReq{{cmd, body, size}},
		decode: func(res *PathResult, resps [][]byte, errs []error) error {
			if errs[0] != nil {
				return errs[0]
			}
			if decode == nil {
				return nil
			}
			return decode(res, resps[0])
		}}
}

// setInfoOp is an Op setting one file information class.
func setInfoOp(what string, access Access, class uint8, buf []byte) Op {
	req := func(fid wire.FileID) interface{ Append([]byte) []byte } {
		return &wire.SetInfoRequest{InfoType: wire.InfoFile, FileInfoClass: class, Buffer: buf, FileID: fid}
	}
	return one(what, access, classify(wire.CmdSetInfo, uint32(class)), wire.CmdSetInfo, req, len(buf), nil)
}

// queryInfoOp is an Op querying one information class, whose answer must
// fit outLen; decode gets the answer's buffer.
func queryInfoOp(what string, access Access, infoType, class uint8, outLen uint32, input []byte, flags uint32, decode func(res *PathResult, buf []byte) error) Op {
	req := func(fid wire.FileID) interface{ Append([]byte) []byte } {
		return &wire.QueryInfoRequest{InfoType: infoType, FileInfoClass: class, OutputBufferLength: outLen, Input: input, Flags: flags, FileID: fid}
	}
	return one(what, access, classify(wire.CmdQueryInfo, 0), wire.CmdQueryInfo, req, int(outLen), func(res *PathResult, resp []byte) error {
		r, err := wire.DecodeQueryInfoResponse(resp)
		if err != nil {
			return fmt.Errorf("%w: %w", ErrProtocol, err)
		}
		if len(r.Buffer) > int(outLen) {
			return fmt.Errorf("%w: QUERY_INFO returned %d bytes, asked %d", ErrProtocol, len(r.Buffer), outLen)
		}
		return decode(res, r.Buffer)
	})
}

// fileStandardSize is the length of FILE_STANDARD_INFORMATION.
const fileStandardSize = 24

// fileNetworkOpenSize is the length of FILE_NETWORK_OPEN_INFORMATION.
const fileNetworkOpenSize = 56

// QueryAttrs queries the file's times, sizes and attributes ([MS-FSCC]
// 2.4.29 FileNetworkOpenInformation) into PathResult.Attrs.
func QueryAttrs() Op {
	return queryInfoOp("QueryAttrs", 0, wire.InfoFile, wire.ClassFileNetworkOpenInformation, fileNetworkOpenSize, nil, 0,
		func(res *PathResult, buf []byte) (err error) {
			if res.Attrs, err = wire.DecodeFileNetworkOpenInformation(buf); err != nil {
				return fmt.Errorf("%w: %w", ErrProtocol, err)
			}
			return nil
		})
}

// QueryStandard queries FileStandardInformation ([MS-FSCC] 2.4.47: link
// count, delete pending, directory) into PathResult.Standard.
func QueryStandard() Op {
	return queryInfoOp("QueryStandard", 0, wire.InfoFile, wire.ClassFileStandardInformation, fileStandardSize, nil, 0,
		func(res *PathResult, buf []byte) (err error) {
			res.Standard, err = decodeStandardBuf(buf)
			return err
		})
}

// QueryFSSize queries the share's sizes with the caller's quota applied
// ([MS-FSCC] 2.5.4 FileFsFullSizeInformation) into PathResult.FSSize.
func QueryFSSize() Op {
	const outLen = 32
	return queryInfoOp("QueryFSSize", 0, wire.InfoFilesystem, wire.ClassFileFsFullSizeInformation, outLen, nil, 0,
		func(res *PathResult, buf []byte) (err error) {
			if res.FSSize, err = wire.DecodeFileFsFullSizeInformation(buf); err != nil {
				return fmt.Errorf("%w: %w", ErrProtocol, err)
			}
			return nil
		})
}

// eaListMax is the output buffer for listing every EA of a file: the most
// a file's EAs can take on NTFS and in Samba's default.
const eaListMax = 65536

// QueryEAs queries the file's extended attributes named in names, or all
// of them when there are none ([MS-FSCC] 2.4.15 FileFullEaInformation),
// into PathResult.EAs. A file without EAs yields none.
func QueryEAs(names ...string) Op {
	var input []byte
	if len(names) > 0 {
		var err error
		if input, err = wire.EncodeGetEAs(names); err != nil {
			return Op{what: "QueryEAs", err: err}
		}
	}
	op := queryInfoOp("QueryEAs", AccessReadEA, wire.InfoFile, wire.ClassFileFullEaInformation, eaListMax, input, wire.QueryInfoRestartScan,
		func(res *PathResult, buf []byte) error {
			eas, err := wire.DecodeEAs(buf)
			if err != nil {
				return fmt.Errorf("%w: %w", ErrProtocol, err)
			}
			for i := range eas {
				eas[i].Value = append([]byte(nil), eas[i].Value...)
			}
			res.EAs = eas
			return nil
		})
	return tolerate(op, wire.StatusNoEasOnFile)
}

// tolerate makes op succeed, leaving its result empty, when its request
// fails with status: the answer "there is none" (no EAs, end of file).
func tolerate(op Op, status wire.Status) Op {
	decode := op.decode
	op.decode = func(res *PathResult, resps [][]byte, errs []error) error {
		if IsStatus(errs[0], status) {
			return nil
		}
		return decode(res, resps, errs)
	}
	return op
}

// ReadData reads up to n bytes from the start of the file into
// PathResult.Data (fewer at end of file).
func ReadData(n int) Op {
	rd := func(fid wire.FileID) interface{ Append([]byte) []byte } {
		return &wire.ReadRequest{Length: uint32(n), FileID: fid}
	}
	op := one("ReadData", AccessReadData, classify(wire.CmdRead, 0), wire.CmdRead, rd, n, func(res *PathResult, resp []byte) error {
		r, err := wire.DecodeReadResponse(resp)
		if err != nil {
			return fmt.Errorf("%w: %w", ErrProtocol, err)
		}
		if len(r.Data) > n {
			return fmt.Errorf("%w: READ returned %d bytes, asked %d", ErrProtocol, len(r.Data), n)
		}
		res.Data = append([]byte(nil), r.Data...)
		return nil
	})
	return tolerate(op, wire.StatusEndOfFile)
}

// WriteData writes data at the start of the file; the server must
// acknowledge every byte. It is never sent again after a reconnect once
// it may have run: with the open that created the file, running twice is
// not the same as once.
func WriteData(data []byte) Op {
	wr := func(fid wire.FileID) interface{ Append([]byte) []byte } {
		return &wire.WriteRequest{FileID: fid, Data: data}
	}
	op := one("WriteData", AccessWriteData, replayNever, wire.CmdWrite, wr, len(data), func(res *PathResult, resp []byte) error {
		w, err := wire.DecodeWriteResponse(resp)
		if err != nil {
			return fmt.Errorf("%w: %w", ErrProtocol, err)
		}
		if int(w.Count) != len(data) {
			return fmt.Errorf("smb2: WRITE: server wrote %d of %d bytes", w.Count, len(data))
		}
		return nil
	})
	return op
}

// Truncate sets the end of file to size ([MS-FSCC] 2.4.14
// FileEndOfFileInformation).
func Truncate(size uint64) Op {
	return setInfoOp("Truncate", AccessWriteData, wire.ClassFileEndOfFileInformation,
		(&wire.FileEndOfFileInformation{EndOfFile: size}).Encode())
}

// Allocate sets the file's allocation size ([MS-FSCC] 2.4.4
// FileAllocationInformation): space reserved, the end of file unchanged
// unless size is below it.
func Allocate(size uint64) Op {
	return setInfoOp("Allocate", AccessWriteData, wire.ClassFileAllocationInformation,
		(&wire.FileAllocationInformation{AllocationSize: size}).Encode())
}

// SetTimes sets the last write and last access times; a zero time is
// left unchanged ([MS-FSCC] 2.4.7 FileBasicInformation).
func SetTimes(write, access time.Time) Op {
	return setBasic(&wire.FileBasicInformation{LastWriteTime: wire.FileTime(write), LastAccessTime: wire.FileTime(access)})
}

// setBasic sets times and attributes; zero fields are left unchanged
// ([MS-FSCC] 2.4.7 FileBasicInformation).
func setBasic(bi *wire.FileBasicInformation) Op {
	return setInfoOp("SetTimes", AccessWriteAttributes, wire.ClassFileBasicInformation, bi.Encode())
}

// SetEAs sets extended attributes; an EA with an empty value is removed.
func SetEAs(eas ...EA) Op {
	buf, err := wire.EncodeEAs(eas)
	if err != nil {
		return Op{what: "SetEAs", err: err}
	}
	return setInfoOp("SetEAs", AccessWriteEA, wire.ClassFileFullEaInformation, buf)
}

// Delete marks the file delete-pending ([MS-FSCC] 2.4.11
// FileDispositionInformation): the name goes away when the last handle on
// it closes. A non-empty directory fails with STATUS_DIRECTORY_NOT_EMPTY.
func Delete() Op {
	return setInfoOp("Delete", AccessDelete, wire.ClassFileDispositionInformation,
		(&wire.FileDispositionInformation{DeletePending: true}).Encode())
}

// RenameTo renames the file to the share-relative path to ([MS-FSCC]
// 2.4.42.2 FileRenameInformation); with replace an existing file at to is
// replaced atomically, without it the rename fails with
// STATUS_OBJECT_NAME_COLLISION.
func RenameTo(to string, replace bool) Op {
	return setInfoOp("RenameTo", AccessDelete, wire.ClassFileRenameInformation,
		(&wire.FileRenameInformation{ReplaceIfExists: replace, FileName: to}).Encode())
}

// LinkTo creates the hard link newName to the file ([MS-FSCC] 2.4.27.2
// FileLinkInformation). It does not replace.
func LinkTo(newName string) Op {
	return setInfoOp("LinkTo", AccessWriteAttributes, wire.ClassFileLinkInformation,
		(&wire.FileLinkInformation{FileName: newName}).Encode())
}

// List lists the directory: QUERY_DIRECTORY from the start, then again,
// for PathResult.Entries, at most bufLen bytes of them, and
// PathResult.Complete, which is true only when the second answer was
// STATUS_NO_MORE_FILES: a server may return fewer entries than fit
// ([MS-SMB2] 3.3.5.18 makes no promise), so a short first answer alone
// does not show the listing is whole.
func List(bufLen uint32) Op {
	return list("List", bufLen, wire.ClassFileIdBothDirectoryInformation)
}

// list is List and ListPOSIX: entries of class.
func list(what string, bufLen uint32, class uint8) Op {
	query := func(flags uint8) func(fid wire.FileID) interface{ Append([]byte) []byte } {
		return func(fid wire.FileID) interface{ Append([]byte) []byte } {
			return &wire.QueryDirectoryRequest{
				FileInformationClass: class,
				Flags:                flags,
				FileID:               fid,
				FileName:             "*",
				OutputBufferLength:   bufLen,
			}
		}
	}
	return Op{what: what, access: AccessReadData, class: classify(wire.CmdQueryDirectory, 0),
		reqs: []opReq{
			{wire.CmdQueryDirectory, query(wire.RestartScans), int(bufLen)},
			{wire.CmdQueryDirectory, query(0), int(bufLen)},
		},
		decode: func(res *PathResult, resps [][]byte, errs []error) error {
			if errs[0] != nil {
				return errs[0]
			}
			r, err := wire.DecodeQueryDirectoryResponse(resps[0])
			if err != nil {
				return fmt.Errorf("%w: %w", ErrProtocol, err)
			}
			if len(r.Buffer) > int(bufLen) {
				return fmt.Errorf("%w: QUERY_DIRECTORY answer of %d bytes, asked for %d", ErrProtocol, len(r.Buffer), bufLen)
			}
			switch err := errs[1]; {
			case err == nil:
			case IsStatus(err, wire.StatusNoMoreFiles):
				res.Complete = true
			default:
				return err
			}
			if res.Entries, err = wire.DecodeDirEntries(class, r.Buffer); err != nil {
				return fmt.Errorf("%w: %w", ErrProtocol, err)
			}
			return nil
		}}
}

// plan is a CREATE, operations on its handle, and a CLOSE.
type plan struct {
	create *wire.CreateRequest
	ops    []Op
}

// class is the plan's resend class: idempotent only when every step is.
func (p *plan) class() replayClass {
	if classifyCreate(p.create) != replayIdempotent {
		return replayNever
	}
	return opsClass(p.ops)
}

// opsClass is idempotent only when every op is.
func opsClass(ops []Op) replayClass {
	for _, op := range ops {
		if op.class != replayIdempotent {
			return replayNever
		}
	}
	return replayIdempotent
}

// newPlan builds the plan of Do.
func newPlan(name string, o OpenOptions, ops []Op) (*plan, error) {
	if o.asksGrants() {
		return nil, fmt.Errorf("smb2: %s: a plan's handle closes at once: no lease, oplock, durable handle or maximal access", name)
	}
	var access Access
	for _, op := range ops {
		if op.err != nil {
			return nil, fmt.Errorf("smb2: %s: %s: %w", name, op.what, op.err)
		}
		access |= op.access
	}
	req, err := o.request(name, access)
	if err != nil {
		return nil, err
	}
	return &plan{create: req, ops: ops}, nil
}

// Do opens name as o says, runs ops on the handle in order and closes it,
// in one round trip. The first failure (the open's, then an operation's,
// then the close's) is returned; on success the PathResult holds the
// CREATE and CLOSE responses and what each operation asked for. The
// access each operation needs is added to o.Access. With no operations,
// Do is a stat: the file as opened, and its attributes from the CLOSE.
//
// After a reconnect the plan is sent again only when every step may run
// twice; see the top of plan.go.
func (t *Tree) Do(ctx context.Context, name string, o OpenOptions, ops ...Op) (*PathResult, error) {
	p, err := newPlan(name, o, ops)
	if err != nil {
		return nil, err
	}
	if err := t.timewarp(p.create); err != nil {
		return nil, err
	}
	return t.run(ctx, p)
}

// Do runs ops on the open file in order, in one round trip (a compound
// whose every request carries the FileId); the first failure is returned. The handle must have the access the operations
// need. After a reconnect the compound is sent again only when every
// operation may run twice.
func (f *File) Do(ctx context.Context, ops ...Op) (*PathResult, error) {
	if len(ops) == 0 {
		return &PathResult{}, nil
	}
	for _, op := range ops {
		if op.err != nil {
			return nil, fmt.Errorf("smb2: %s: %s: %w", f.Name(), op.what, op.err)
		}
	}
	var resps [][]byte
	err := f.t.do(ctx, f, opsClass(ops), func(sn *snap) error {
		var out []outgoing
		for _, op := range ops {
			for _, r := range op.reqs {
				out = append(out, outgoing{msg: newMessage(r.cmd, sn.tid, 0, r.body(sn.fid)), charge: sn.conn.creditCharge(r.size)})
			}
		}
		calls, err := sn.conn.start(ctx, sn.s, sn.encrypt, out)
		if err != nil {
			return err
		}
		resps, err = waitEach(ctx, sn.conn, calls)
		return err
	})
	if err != nil {
		return nil, err
	}
	res := &PathResult{tree: f.t}
	if err := decodeOps(res, ops, resps); err != nil {
		return nil, err
	}
	f.t.mixEntries(res.Entries)
	return res, nil
}

// waitEach waits for every call of a compound (none is left behind) and
// returns the responses, whatever their status, or the first transport
// error. A STATUS_NETWORK_SESSION_EXPIRED is returned as an error too: the
// request was not processed, and Tree.do reconnects and sends it again.
func waitEach(ctx context.Context, c *Conn, calls []*call) ([][]byte, error) {
	got := make([][]byte, len(calls))
	var firstErr error
	for i, cl := range calls {
		r, err := c.wait(ctx, cl)
		if err == nil && IsStatus(statusOf(r), wire.StatusNetworkSessionExpired) {
			err = statusOf(r)
		}
		if err != nil && firstErr == nil {
			firstErr = err
		}
		got[i] = r
	}
	if firstErr != nil {
		return nil, firstErr
	}
	return got, nil
}

// decodeOps hands each op its responses, in order, and returns the first
// error.
func decodeOps(res *PathResult, ops []Op, resps [][]byte) error {
	i := 0
	for _, op := range ops {
		n := len(op.reqs)
		errs := make([]error, n)
		for j := range n {
			errs[j] = statusOf(resps[i+j])
		}
		if err := op.decode(res, resps[i:i+n], errs); err != nil {
			return err
		}
		i += n
	}
	return nil
}

// run sends p as one related compound and judges every response.
func (t *Tree) run(ctx context.Context, p *plan) (*PathResult, error) {
	var resps [][]byte
	create := p.create
	err := t.do(ctx, nil, p.class(), func(sn *snap) error {
		create = posixRequest(p.create, &sn.conn.state) // posix.go
		out := []outgoing{{msg: newMessage(wire.CmdCreate, sn.tid, 0, create)}}
		for _, op := range p.ops {
			for _, r := range op.reqs {
				out = append(out, outgoing{msg: newMessage(r.cmd, sn.tid, wire.FlagRelatedOperations, r.body(wire.CompoundFileID)), charge: sn.conn.creditCharge(r.size)})
			}
		}
		out = append(out, outgoing{msg: newMessage(wire.CmdClose, sn.tid, wire.FlagRelatedOperations,
			&wire.CloseRequest{Flags: wire.CloseFlagPostQueryAttrib, FileID: wire.CompoundFileID})})
		calls, err := sn.conn.start(ctx, sn.s, sn.encrypt, out)
		if err != nil {
			return err
		}
		resps, err = waitEach(ctx, sn.conn, calls)
		return err
	})
	if err != nil {
		return nil, err
	}
	if err := statusOf(resps[0]); err != nil {
		return nil, err
	}
	res := &PathResult{tree: t}
	if res.Create, err = wire.DecodeCreateResponse(resps[0]); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrProtocol, err)
	}
	if res.Posix, err = posixGranted(create, res.Create); err != nil {
		return nil, err
	}
	last := len(resps) - 1
	closeErr := statusOf(resps[last])
	if closeErr != nil && last > 1 && sameStatus(closeErr, statusOf(resps[last-1])) {
		// The server failed the CLOSE because the operation before it
		// failed ([MS-SMB2] 3.3.5.2.7.2 lets it, Samba does not): the
		// handle is still open. Close it by its FileId.
		res.Close, closeErr = t.closeID(ctx, res.Create.FileID)
	} else if closeErr == nil {
		if res.Close, err = wire.DecodeCloseResponse(resps[last]); err != nil {
			return nil, fmt.Errorf("%w: %w", ErrProtocol, err)
		}
	}
	if err := decodeOps(res, p.ops, resps[1:last]); err != nil {
		return nil, err
	}
	if closeErr != nil {
		return nil, closeErr
	}
	t.mixEntries(res.Entries)
	return res, nil
}

// sameStatus reports whether a and b are status errors of one status.
func sameStatus(a, b error) bool {
	var sa, sb *StatusError
	return errors.As(a, &sa) && errors.As(b, &sb) && sa.Status == sb.Status
}

// closeID closes the handle id of a plan whose related CLOSE failed. It
// is never sent again: the handle does not outlive its connection.
func (t *Tree) closeID(ctx context.Context, id wire.FileID) (*wire.CloseResponse, error) {
	var r *wire.CloseResponse
	err := t.do(ctx, nil, replayNever, func(sn *snap) error {
		resp, err := sn.request(ctx, wire.CmdClose, &wire.CloseRequest{Flags: wire.CloseFlagPostQueryAttrib, FileID: id}, 1)
		if err != nil {
			return err
		}
		if r, err = wire.DecodeCloseResponse(resp); err != nil {
			return fmt.Errorf("%w: %w", ErrProtocol, err)
		}
		return nil
	})
	return r, err
}

// decodeStandardBuf decodes a FileStandardInformation buffer.
func decodeStandardBuf(buf []byte) (*wire.FileStandardInformation, error) {
	si, err := wire.DecodeFileStandardInformation(buf)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrProtocol, err)
	}
	return si, nil
}
