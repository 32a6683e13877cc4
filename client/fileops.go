package client

// Operations on a handle the caller holds, and the path operations of
// before the plan (plan.go), kept as wrappers over Tree.Do until the FUSE
// layer speaks the plan.

import (
	"context"
	"fmt"

	"github.com/smb3fs/smb3fs/client/wire"
)

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

// shareAll lets other opens read, write, rename and delete: POSIX
// semantics, where an open file never blocks another process.
const shareAll = wire.ShareRead | wire.ShareWrite | wire.ShareDelete

// OpenDo runs CREATE req, then middle (if not nil) on the new handle, then
// CLOSE, as one related compound; see Do.
func (t *Tree) OpenDo(ctx context.Context, name string, req *wire.CreateRequest, cmd wire.Command, middle interface{ Append([]byte) []byte }, charge uint16) (*PathResult, error) {
	req.Name = name
	if req.ImpersonationLevel == 0 {
		req.ImpersonationLevel = wire.Impersonation
	}
	p := &plan{create: req}
	if middle != nil {
		p.ops = []Op{rawOp(cmd, middle, int(charge)*65536)}
	}
	return t.run(ctx, p)
}

// pathOptions opens with a wire access mask, asking for the disk id.
func pathOptions(access uint32) OpenOptions {
	return OpenOptions{Access: Access(access), DiskID: true}
}

// SetInfoPath opens name with access, sets one file information class
// and closes; see Do.
func (t *Tree) SetInfoPath(ctx context.Context, name string, access uint32, class uint8, buf []byte) (*PathResult, error) {
	return t.Do(ctx, name, pathOptions(access), setInfo("SetInfo", 0, class, buf))
}

// SetInfoPathStat is SetInfoPath plus FileStandardInformation after the
// change; see Do and QueryStandard.
func (t *Tree) SetInfoPathStat(ctx context.Context, name string, access uint32, class uint8, buf []byte) (*PathResult, *wire.FileStandardInformation, error) {
	res, err := t.Do(ctx, name, pathOptions(access), setInfo("SetInfo", 0, class, buf), QueryStandard())
	if err != nil {
		return nil, nil, err
	}
	return res, res.Standard, nil
}

// Truncate sets the end of file of name to size; see Do and Truncate.
func (t *Tree) Truncate(ctx context.Context, name string, size uint64) (*PathResult, error) {
	return t.Do(ctx, name, OpenOptions{DiskID: true}, Truncate(size))
}

// SetBasicInfo sets times and attributes of name; see Do and SetTimes.
func (t *Tree) SetBasicInfo(ctx context.Context, name string, bi *wire.FileBasicInformation) (*PathResult, error) {
	return t.Do(ctx, name, OpenOptions{DiskID: true}, setBasic(bi))
}

// Mkdir creates the directory name; see Do.
func (t *Tree) Mkdir(ctx context.Context, name string) (*PathResult, error) {
	return t.Do(ctx, name, OpenOptions{Disposition: CreateNew, Kind: KindDir, DiskID: true})
}

// Remove deletes name: a file unless dir, an empty directory if dir; see
// Do and Delete.
func (t *Tree) Remove(ctx context.Context, name string, dir bool) error {
	k := KindFile
	if dir {
		k = KindDir
	}
	_, err := t.Do(ctx, name, OpenOptions{Kind: k, OpenReparsePoint: true}, Delete())
	return err
}

// Rename renames from to to; see Do and RenameTo.
func (t *Tree) Rename(ctx context.Context, from, to string, replace bool) error {
	_, err := t.Do(ctx, from, OpenOptions{OpenReparsePoint: true}, RenameTo(to, replace))
	return err
}

// Link creates a hard link newName to the existing file name; see Do and
// LinkTo.
func (t *Tree) Link(ctx context.Context, name, newName string) (*PathResult, error) {
	return t.Do(ctx, name, OpenOptions{Kind: KindFile, DiskID: true}, LinkTo(newName))
}

// Statfs returns the share's sizes; see Do and QueryFSSize.
func (t *Tree) Statfs(ctx context.Context) (*wire.FileFsFullSizeInformation, error) {
	res, err := t.Do(ctx, "", OpenOptions{Kind: KindDir}, QueryFSSize())
	if err != nil {
		return nil, err
	}
	return res.FSSize, nil
}

// ReadSmall opens name, reads up to n bytes from offset 0 and closes;
// see Do and ReadData. At end of file it returns nothing.
func (t *Tree) ReadSmall(ctx context.Context, name string, n int) (*PathResult, []byte, error) {
	res, err := t.Do(ctx, name, OpenOptions{Kind: KindFile, DiskID: true}, ReadData(n))
	if err != nil || len(res.Data) == 0 {
		return nil, nil, err
	}
	return res, res.Data, nil
}

// CreateWithData creates name (failing if it exists) holding data; see
// Do and WriteData.
func (t *Tree) CreateWithData(ctx context.Context, name string, data []byte) (*PathResult, error) {
	return t.Do(ctx, name, OpenOptions{Disposition: CreateNew, Kind: KindFile, DiskID: true}, WriteData(data))
}

// StatFull is Stat with FileStandardInformation; see Do and QueryStandard.
func (t *Tree) StatFull(ctx context.Context, name string) (*PathResult, *wire.FileStandardInformation, error) {
	res, err := t.Do(ctx, name, OpenOptions{DiskID: true}, QueryStandard())
	if err != nil {
		return nil, nil, err
	}
	return res, res.Standard, nil
}

// Stat returns the CREATE and CLOSE results for name; see Do.
func (t *Tree) Stat(ctx context.Context, name string) (*wire.CreateResponse, *wire.CloseResponse, error) {
	res, err := t.Do(ctx, name, OpenOptions{DiskID: true})
	if err != nil {
		return nil, nil, err
	}
	return res.Create, res.Close, nil
}

// QueryEAs returns the extended attributes of name; see Do and QueryEAs.
func (t *Tree) QueryEAs(ctx context.Context, name string, names []string) ([]wire.EA, error) {
	res, err := t.Do(ctx, name, OpenOptions{}, QueryEAs(names...))
	if err != nil {
		return nil, err
	}
	return res.EAs, nil
}

// SetEAs sets extended attributes of name; see Do and SetEAs.
func (t *Tree) SetEAs(ctx context.Context, name string, eas []wire.EA) error {
	_, err := t.Do(ctx, name, OpenOptions{DiskID: true}, SetEAs(eas...))
	return err
}

// ListOnce lists directory name in one round trip with req; see Do and
// List.
func (t *Tree) ListOnce(ctx context.Context, name string, req *wire.CreateRequest, bufLen uint32) (buf []byte, complete bool, err error) {
	req.Name = name
	if req.ImpersonationLevel == 0 {
		req.ImpersonationLevel = wire.Impersonation
	}
	res, err := t.run(ctx, &plan{create: req, ops: []Op{List(bufLen)}})
	if err != nil {
		return nil, false, err
	}
	return res.listBuf, res.Complete, nil
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

// decodeStandard decodes a QUERY_INFO response of FileStandardInformation.
func decodeStandard(resp []byte) (*wire.FileStandardInformation, error) {
	r, err := wire.DecodeQueryInfoResponse(resp)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrProtocol, err)
	}
	return decodeStandardBuf(r.Buffer)
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
