package client

// Path operations for the FUSE layer. Each is one round trip: a related
// compound of CREATE, the operation on CompoundFileID, and CLOSE with
// post-query attributes ([MS-SMB2] 3.2.4.1.4):
//
//	CREATE name ──► SET_INFO / QUERY_INFO (FileId = CompoundFileID) ──► CLOSE
//	     one frame, one seal; the server runs them in order on one handle
//
// If CREATE fails, the server fails the rest with the same status; if the
// middle fails, CLOSE still closes the handle.

import (
	"context"
	"fmt"

	"github.com/smb3fs/smb3fs/client/wire"
)

// MaxNameUnits is the longest path component, in UTF-16 code units, that
// the FUSE layer sends ([MS-FSCC] 2.1.5: 255).
const MaxNameUnits = 255

// PathResult is what a path compound returns: the CREATE response (with
// the QFid context when asked for), the middle operation's raw response
// body, and the attributes the CLOSE reported.
type PathResult struct {
	Create *wire.CreateResponse
	Close  *wire.CloseResponse
	// Middle is the full response message of the middle operation, for
	// the wire decoders; nil without one.
	Middle []byte
}

// DiskFileID returns the on-disk file id from the CREATE response's QFid
// context, or 0 when the server sent none.
func DiskFileID(cr *wire.CreateResponse) uint64 {
	if cr == nil {
		return 0
	}
	data, ok := cr.Context(wire.CtxNameQueryOnDiskID)
	if !ok {
		return 0
	}
	q, err := wire.DecodeQueryOnDiskIDResponse(data)
	if err != nil {
		return 0
	}
	return q.DiskFileID
}

// OpenDo runs CREATE name, then middle (if not nil) on the new handle, then
// CLOSE, as one related compound. req.Name is set from name. A failure of
// any part is returned; on success all three results are set.
func (t *Tree) OpenDo(ctx context.Context, name string, req *wire.CreateRequest, cmd wire.Command, middle interface{ Append([]byte) []byte }, charge uint16) (*PathResult, error) {
	req.Name = name
	if req.ImpersonationLevel == 0 {
		req.ImpersonationLevel = wire.Impersonation
	}
	// The compound may be sent again after a reconnect only if every part
	// may (classify): CREATE only opens, the middle is idempotent.
	class := classifyCreate(req)
	switch m := middle.(type) {
	case nil:
	case *wire.SetInfoRequest:
		if m.InfoType != wire.InfoFile || classify(wire.CmdSetInfo, uint32(m.FileInfoClass)) != replayIdempotent {
			class = replayNever
		}
	default:
		if classify(cmd, 0) != replayIdempotent {
			class = replayNever
		}
	}
	var resps [][]byte
	err := t.do(ctx, nil, class, func(sn *snap) (err error) {
		out := []outgoing{{msg: newMessage(wire.CmdCreate, sn.tid, 0, req)}}
		if middle != nil {
			out = append(out, outgoing{msg: newMessage(cmd, sn.tid, wire.FlagRelatedOperations, middle), charge: charge})
		}
		out = append(out, outgoing{msg: newMessage(wire.CmdClose, sn.tid, wire.FlagRelatedOperations,
			&wire.CloseRequest{Flags: wire.CloseFlagPostQueryAttrib, FileID: wire.CompoundFileID})})
		resps, err = sn.compound(ctx, out)
		return err
	})
	if err != nil {
		return nil, err
	}
	res := &PathResult{}
	if res.Create, err = wire.DecodeCreateResponse(resps[0]); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrProtocol, err)
	}
	if res.Close, err = wire.DecodeCloseResponse(resps[len(resps)-1]); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrProtocol, err)
	}
	if middle != nil {
		res.Middle = resps[1]
	}
	return res, nil
}

// setInfoOn returns a SET_INFO request for the compound's handle.
func setInfoOn(class uint8, buf []byte) *wire.SetInfoRequest {
	return &wire.SetInfoRequest{InfoType: wire.InfoFile, FileInfoClass: class, Buffer: buf, FileID: wire.CompoundFileID}
}

// shareAll lets other opens read, write, rename and delete: POSIX
// semantics, where an open file never blocks another process.
const shareAll = wire.ShareRead | wire.ShareWrite | wire.ShareDelete

// SetInfoPath opens name with access (plus FILE_READ_ATTRIBUTES), sets one
// file information class and closes, in one round trip. It returns the
// attributes after the change.
func (t *Tree) SetInfoPath(ctx context.Context, name string, access uint32, class uint8, buf []byte) (*PathResult, error) {
	req := &wire.CreateRequest{
		DesiredAccess:     access | wire.FileReadAttributes | wire.Synchronize,
		ShareAccess:       shareAll,
		CreateDisposition: wire.FileOpen,
		Contexts:          []wire.CreateContext{{Name: wire.CtxNameQueryOnDiskID}},
	}
	return t.OpenDo(ctx, name, req, wire.CmdSetInfo, setInfoOn(class, buf), t.cl.cur().creditCharge(len(buf)))
}

// Truncate sets the end of file of name to size ([MS-FSCC] 2.4
// FileEndOfFileInformation).
func (t *Tree) Truncate(ctx context.Context, name string, size uint64) (*PathResult, error) {
	return t.SetInfoPath(ctx, name, wire.FileWriteData, wire.ClassFileEndOfFileInformation,
		(&wire.FileEndOfFileInformation{EndOfFile: size}).Encode())
}

// SetBasicInfo sets times and attributes of name; zero fields are left
// unchanged ([MS-FSCC] 2.4 FileBasicInformation).
func (t *Tree) SetBasicInfo(ctx context.Context, name string, bi *wire.FileBasicInformation) (*PathResult, error) {
	return t.SetInfoPath(ctx, name, wire.FileWriteAttributes, wire.ClassFileBasicInformation, bi.Encode())
}

// Mkdir creates the directory name, failing if anything exists there.
func (t *Tree) Mkdir(ctx context.Context, name string) (*PathResult, error) {
	req := &wire.CreateRequest{
		DesiredAccess:     wire.FileReadAttributes | wire.Synchronize,
		ShareAccess:       shareAll,
		CreateDisposition: wire.FileCreate,
		CreateOptions:     wire.FileDirectoryFile,
		FileAttributes:    wire.FileAttributeDirectory,
		Contexts:          []wire.CreateContext{{Name: wire.CtxNameQueryOnDiskID}},
	}
	return t.OpenDo(ctx, name, req, 0, nil, 0)
}

// Remove deletes name: a file unless dir, an empty directory if dir. It
// sets FileDispositionInformation on an open handle, so a non-empty
// directory fails with STATUS_DIRECTORY_NOT_EMPTY and the wrong kind with
// STATUS_NOT_A_DIRECTORY or STATUS_FILE_IS_A_DIRECTORY. The name goes away
// when the last handle on the file closes.
func (t *Tree) Remove(ctx context.Context, name string, dir bool) error {
	opts := wire.FileNonDirectoryFile
	if dir {
		opts = wire.FileDirectoryFile
	}
	req := &wire.CreateRequest{
		DesiredAccess:     wire.Delete | wire.FileReadAttributes | wire.Synchronize,
		ShareAccess:       shareAll,
		CreateDisposition: wire.FileOpen,
		CreateOptions:     opts | wire.FileOpenReparsePoint,
	}
	_, err := t.OpenDo(ctx, name, req, wire.CmdSetInfo,
		setInfoOn(wire.ClassFileDispositionInformation, (&wire.FileDispositionInformation{DeletePending: true}).Encode()), 1)
	return err
}

// Rename renames from to to (share-relative paths) with
// FileRenameInformation ([MS-FSCC] 2.4.42.2); with replace an existing
// file at to is replaced atomically, without it the rename fails with
// STATUS_OBJECT_NAME_COLLISION.
func (t *Tree) Rename(ctx context.Context, from, to string, replace bool) error {
	req := &wire.CreateRequest{
		DesiredAccess:     wire.Delete | wire.FileReadAttributes | wire.Synchronize,
		ShareAccess:       shareAll,
		CreateDisposition: wire.FileOpen,
		CreateOptions:     wire.FileOpenReparsePoint,
	}
	buf := (&wire.FileRenameInformation{ReplaceIfExists: replace, FileName: to}).Encode()
	_, err := t.OpenDo(ctx, from, req, wire.CmdSetInfo, setInfoOn(wire.ClassFileRenameInformation, buf), t.cl.cur().creditCharge(len(buf)))
	return err
}

// Link creates a hard link newName to the existing file name
// ([MS-FSCC] 2.4 FileLinkInformation). It does not replace.
func (t *Tree) Link(ctx context.Context, name, newName string) (*PathResult, error) {
	req := &wire.CreateRequest{
		DesiredAccess:     wire.FileReadAttributes | wire.FileWriteAttributes | wire.Synchronize,
		ShareAccess:       shareAll,
		CreateDisposition: wire.FileOpen,
		CreateOptions:     wire.FileNonDirectoryFile,
		Contexts:          []wire.CreateContext{{Name: wire.CtxNameQueryOnDiskID}},
	}
	buf := (&wire.FileLinkInformation{FileName: newName}).Encode()
	return t.OpenDo(ctx, name, req, wire.CmdSetInfo, setInfoOn(wire.ClassFileLinkInformation, buf), t.cl.cur().creditCharge(len(buf)))
}

// Statfs returns the share's sizes with the caller's quota applied
// ([MS-FSCC] 2.5 FileFsFullSizeInformation), in one round trip.
func (t *Tree) Statfs(ctx context.Context) (*wire.FileFsFullSizeInformation, error) {
	req := &wire.CreateRequest{
		DesiredAccess:     wire.FileReadAttributes | wire.Synchronize,
		ShareAccess:       shareAll,
		CreateDisposition: wire.FileOpen,
		CreateOptions:     wire.FileDirectoryFile,
	}
	const outLen = 32
	q := &wire.QueryInfoRequest{InfoType: wire.InfoFilesystem, FileInfoClass: wire.ClassFileFsFullSizeInformation, OutputBufferLength: outLen, FileID: wire.CompoundFileID}
	res, err := t.OpenDo(ctx, "", req, wire.CmdQueryInfo, q, 1)
	if err != nil {
		return nil, err
	}
	r, err := wire.DecodeQueryInfoResponse(res.Middle)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrProtocol, err)
	}
	fi, err := wire.DecodeFileFsFullSizeInformation(r.Buffer)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrProtocol, err)
	}
	return fi, nil
}

// SetEndOfFile truncates or extends the open file to size.
func (f *File) SetEndOfFile(ctx context.Context, size uint64) error {
	return f.SetInfo(ctx, wire.InfoFile, wire.ClassFileEndOfFileInformation, 0, (&wire.FileEndOfFileInformation{EndOfFile: size}).Encode())
}

// SetBasicInfo sets times and attributes of the open file; zero fields are
// left unchanged.
func (f *File) SetBasicInfo(ctx context.Context, bi *wire.FileBasicInformation) error {
	return f.SetInfo(ctx, wire.InfoFile, wire.ClassFileBasicInformation, 0, bi.Encode())
}

// NetworkOpenInfo returns the open file's times, sizes and attributes
// ([MS-FSCC] 2.4 FileNetworkOpenInformation).
func (f *File) NetworkOpenInfo(ctx context.Context) (*wire.FileNetworkOpenInformation, error) {
	buf, err := f.QueryInfo(ctx, wire.InfoFile, wire.ClassFileNetworkOpenInformation, 0, 56)
	if err != nil {
		return nil, err
	}
	fi, err := wire.DecodeFileNetworkOpenInformation(buf)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrProtocol, err)
	}
	return fi, nil
}

// ReadSmall opens name, reads up to n bytes from offset 0 and closes, in
// one round trip. It returns the bytes read (fewer at end of file).
func (t *Tree) ReadSmall(ctx context.Context, name string, n int) (*PathResult, []byte, error) {
	req := &wire.CreateRequest{
		DesiredAccess:     wire.FileReadData | wire.FileReadAttributes | wire.Synchronize,
		ShareAccess:       shareAll,
		CreateDisposition: wire.FileOpen,
		CreateOptions:     wire.FileNonDirectoryFile,
		Contexts:          []wire.CreateContext{{Name: wire.CtxNameQueryOnDiskID}},
	}
	rd := &wire.ReadRequest{Length: uint32(n), FileID: wire.CompoundFileID}
	res, err := t.OpenDo(ctx, name, req, wire.CmdRead, rd, t.cl.cur().creditCharge(n))
	if IsStatus(err, wire.StatusEndOfFile) {
		return nil, nil, nil
	}
	if err != nil {
		return nil, nil, err
	}
	r, err := wire.DecodeReadResponse(res.Middle)
	if err != nil {
		return nil, nil, fmt.Errorf("%w: %v", ErrProtocol, err)
	}
	if len(r.Data) > n {
		return nil, nil, fmt.Errorf("%w: READ returned %d bytes, asked %d", ErrProtocol, len(r.Data), n)
	}
	return res, append([]byte(nil), r.Data...), nil
}

// CreateWithData creates name (failing if it exists) holding data, in one
// round trip (CREATE, WRITE, CLOSE). The write must be acknowledged in full.
func (t *Tree) CreateWithData(ctx context.Context, name string, data []byte) (*PathResult, error) {
	req := &wire.CreateRequest{
		DesiredAccess:     wire.FileWriteData | wire.FileReadAttributes | wire.Synchronize,
		ShareAccess:       shareAll,
		CreateDisposition: wire.FileCreate,
		CreateOptions:     wire.FileNonDirectoryFile,
		Contexts:          []wire.CreateContext{{Name: wire.CtxNameQueryOnDiskID}},
	}
	wr := &wire.WriteRequest{FileID: wire.CompoundFileID, Data: data}
	res, err := t.OpenDo(ctx, name, req, wire.CmdWrite, wr, t.cl.cur().creditCharge(len(data)))
	if err != nil {
		return nil, err
	}
	w, err := wire.DecodeWriteResponse(res.Middle)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrProtocol, err)
	}
	if int(w.Count) != len(data) {
		return nil, fmt.Errorf("smb2: WRITE: server wrote %d of %d bytes", w.Count, len(data))
	}
	return res, nil
}

// fileStandardSize is the length of FILE_STANDARD_INFORMATION.
const fileStandardSize = 24

// StatFull is Stat with the link count: CREATE (with the QFid context),
// QUERY_INFO FileStandardInformation and CLOSE with attributes, in one
// round trip.
func (t *Tree) StatFull(ctx context.Context, name string) (*PathResult, *wire.FileStandardInformation, error) {
	req := &wire.CreateRequest{
		DesiredAccess:     wire.FileReadAttributes | wire.Synchronize,
		ShareAccess:       shareAll,
		CreateDisposition: wire.FileOpen,
		Contexts:          []wire.CreateContext{{Name: wire.CtxNameQueryOnDiskID}},
	}
	q := &wire.QueryInfoRequest{InfoType: wire.InfoFile, FileInfoClass: wire.ClassFileStandardInformation, OutputBufferLength: fileStandardSize, FileID: wire.CompoundFileID}
	res, err := t.OpenDo(ctx, name, req, wire.CmdQueryInfo, q, 1)
	if err != nil {
		return nil, nil, err
	}
	si, err := decodeStandard(res.Middle)
	if err != nil {
		return nil, nil, err
	}
	return res, si, nil
}

func decodeStandard(resp []byte) (*wire.FileStandardInformation, error) {
	r, err := wire.DecodeQueryInfoResponse(resp)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrProtocol, err)
	}
	si, err := wire.DecodeFileStandardInformation(r.Buffer)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrProtocol, err)
	}
	return si, nil
}

// StatInfo returns the open file's FileNetworkOpenInformation and
// FileStandardInformation, asked for in one frame.
func (f *File) StatInfo(ctx context.Context) (*wire.FileNetworkOpenInformation, *wire.FileStandardInformation, error) {
	var resps [][]byte
	err := f.t.do(ctx, f, classify(wire.CmdQueryInfo, 0), func(sn *snap) (err error) {
		resps, err = sn.compound(ctx, statQueries(sn, sn.fid, 0))
		return err
	})
	if err != nil {
		return nil, nil, err
	}
	return decodeStat(resps[0], resps[1])
}

// statQueries are the two QUERY_INFOs whose responses decodeStat decodes,
// on handle fid with header flags (wire.CompoundFileID and
// wire.FlagRelatedOperations after another request of a related compound).
func statQueries(sn *snap, fid wire.FileID, flags uint32) []outgoing {
	q1 := &wire.QueryInfoRequest{InfoType: wire.InfoFile, FileInfoClass: wire.ClassFileNetworkOpenInformation, OutputBufferLength: 56, FileID: fid}
	q2 := &wire.QueryInfoRequest{InfoType: wire.InfoFile, FileInfoClass: wire.ClassFileStandardInformation, OutputBufferLength: fileStandardSize, FileID: fid}
	return []outgoing{
		{msg: newMessage(wire.CmdQueryInfo, sn.tid, flags, q1)},
		{msg: newMessage(wire.CmdQueryInfo, sn.tid, flags, q2)},
	}
}

// decodeStat decodes the QUERY_INFO responses of FileNetworkOpenInformation
// (q1) and FileStandardInformation (q2).
func decodeStat(q1, q2 []byte) (*wire.FileNetworkOpenInformation, *wire.FileStandardInformation, error) {
	r, err := wire.DecodeQueryInfoResponse(q1)
	if err != nil {
		return nil, nil, fmt.Errorf("%w: %v", ErrProtocol, err)
	}
	ni, err := wire.DecodeFileNetworkOpenInformation(r.Buffer)
	if err != nil {
		return nil, nil, fmt.Errorf("%w: %v", ErrProtocol, err)
	}
	si, err := decodeStandard(q2)
	if err != nil {
		return nil, nil, err
	}
	return ni, si, nil
}

// eaListMax is the output buffer for listing every EA of a file: the most
// a file's EAs can take on NTFS and in Samba's default.
const eaListMax = 65536

// QueryEAs returns the extended attributes of name: the ones in names, or
// all of them when names is empty ([MS-FSCC] 2.4 FileFullEaInformation),
// in one round trip. A file without EAs yields none.
func (t *Tree) QueryEAs(ctx context.Context, name string, names []string) ([]wire.EA, error) {
	req := &wire.CreateRequest{
		DesiredAccess:     wire.FileReadEA | wire.FileReadAttributes | wire.Synchronize,
		ShareAccess:       shareAll,
		CreateDisposition: wire.FileOpen,
	}
	q := &wire.QueryInfoRequest{InfoType: wire.InfoFile, FileInfoClass: wire.ClassFileFullEaInformation,
		OutputBufferLength: eaListMax, Flags: wire.QueryInfoRestartScan, FileID: wire.CompoundFileID}
	if len(names) > 0 {
		in, err := wire.EncodeGetEAs(names)
		if err != nil {
			return nil, err
		}
		q.Input = in
	}
	res, err := t.OpenDo(ctx, name, req, wire.CmdQueryInfo, q, t.cl.cur().creditCharge(eaListMax))
	if IsStatus(err, wire.StatusNoEasOnFile) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	r, err := wire.DecodeQueryInfoResponse(res.Middle)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrProtocol, err)
	}
	eas, err := wire.DecodeEAs(r.Buffer)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrProtocol, err)
	}
	for i := range eas {
		eas[i].Value = append([]byte(nil), eas[i].Value...)
	}
	return eas, nil
}

// SetEAs sets extended attributes of name; an EA with an empty value is
// removed.
func (t *Tree) SetEAs(ctx context.Context, name string, eas []wire.EA) error {
	buf, err := wire.EncodeEAs(eas)
	if err != nil {
		return err
	}
	_, err = t.SetInfoPath(ctx, name, wire.FileWriteEA, wire.ClassFileFullEaInformation, buf)
	return err
}

// ListOnce lists directory name in one round trip: CREATE (req, which must
// open a directory), QUERY_DIRECTORY from the start, QUERY_DIRECTORY again,
// CLOSE. It returns the first answer's buffer (class
// FileIdBothDirectoryInformation, at most bufLen bytes) and complete, which
// is true only when the second answer was STATUS_NO_MORE_FILES: a server
// may return fewer entries than fit ([MS-SMB2] 3.3.5.18 makes no promise),
// so a short first answer alone does not show the listing is whole.
func (t *Tree) ListOnce(ctx context.Context, name string, req *wire.CreateRequest, bufLen uint32) (buf []byte, complete bool, err error) {
	req.Name = name
	if req.ImpersonationLevel == 0 {
		req.ImpersonationLevel = wire.Impersonation
	}
	query := func(flags uint8) *wire.QueryDirectoryRequest {
		return &wire.QueryDirectoryRequest{
			FileInformationClass: wire.ClassFileIdBothDirectoryInformation,
			Flags:                flags,
			FileID:               wire.CompoundFileID,
			FileName:             "*",
			OutputBufferLength:   bufLen,
		}
	}
	var resps [][]byte
	// Listing twice and closing may run again after a reconnect.
	err = t.do(ctx, nil, classifyCreate(req), func(sn *snap) error {
		charge := sn.conn.creditCharge(int(bufLen))
		out := []outgoing{
			{msg: newMessage(wire.CmdCreate, sn.tid, 0, req)},
			{msg: newMessage(wire.CmdQueryDirectory, sn.tid, wire.FlagRelatedOperations, query(wire.RestartScans)), charge: charge},
			{msg: newMessage(wire.CmdQueryDirectory, sn.tid, wire.FlagRelatedOperations, query(0)), charge: charge},
			{msg: newMessage(wire.CmdClose, sn.tid, wire.FlagRelatedOperations, &wire.CloseRequest{FileID: wire.CompoundFileID})},
		}
		calls, err := sn.conn.start(ctx, sn.s, sn.encrypt, out)
		if err != nil {
			return err
		}
		// Wait for every call (none is left behind), then judge them.
		got := make([][]byte, len(calls))
		var firstErr error
		for i, cl := range calls {
			r, err := sn.conn.wait(ctx, cl)
			if err != nil && firstErr == nil {
				firstErr = err
			}
			got[i] = r
		}
		if firstErr != nil {
			return firstErr
		}
		resps = got
		return nil
	})
	if err != nil {
		return nil, false, err
	}
	for _, i := range []int{0, 1, 3} {
		if err := statusOf(resps[i]); err != nil {
			return nil, false, err
		}
	}
	r, err := wire.DecodeQueryDirectoryResponse(resps[1])
	if err != nil {
		return nil, false, fmt.Errorf("%w: %w", ErrProtocol, err)
	}
	if len(r.Buffer) > int(bufLen) {
		return nil, false, fmt.Errorf("%w: QUERY_DIRECTORY answer of %d bytes, asked for %d", ErrProtocol, len(r.Buffer), bufLen)
	}
	switch err := statusOf(resps[2]); {
	case err == nil:
		return r.Buffer, false, nil
	case IsStatus(err, wire.StatusNoMoreFiles):
		return r.Buffer, true, nil
	default:
		return nil, false, err
	}
}
