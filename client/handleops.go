package client

// Changes made on a handle the caller already holds, so that the server
// opens nothing. File.Do (plan.go) is the general form; WriteFinishStat
// (finish.go) uses setInfoStat's related compound:
//
//	SET_INFO ──► QUERY_INFO FileNetworkOpenInformation ──► QUERY_INFO FileStandardInformation
//	     one related compound on the open handle, one frame, one seal
//
// and a rename by handle (FileRenameInformation on the open file). The
// FUSE layer keeps a released handle open for a moment (fs/park.go), so
// that what follows a close(2) - rsync's utimensat(2) and rename(2) of
// the file it just wrote - costs the server a SET_INFO instead of an
// open, a SET_INFO and a close.

import (
	"context"

	"github.com/smb3fs/smb3fs/client/wire"
)

// setInfoStat sets one information class of the open file and returns its
// attributes after the change, in one related compound ([MS-SMB2]
// 3.2.4.1.4): a failed SET_INFO fails the queries after it with its
// status, which is returned. The compound is sent again after a reconnect
// only when class is idempotent (FileEndOfFileInformation,
// FileBasicInformation). WriteFinishStat uses it.
func (f *File) setInfoStat(ctx context.Context, class uint8, buf []byte) (*wire.FileNetworkOpenInformation, *wire.FileStandardInformation, error) {
	var resps [][]byte
	err := f.t.do(ctx, f, classify(wire.CmdSetInfo, uint32(class)), func(sn *snap) (err error) {
		set := &wire.SetInfoRequest{InfoType: wire.InfoFile, FileInfoClass: class, Buffer: buf, FileID: sn.fid}
		out := append([]outgoing{{msg: newMessage(wire.CmdSetInfo, sn.tid, 0, set), charge: sn.conn.creditCharge(len(buf))}},
			statQueries(sn, wire.CompoundFileID, wire.FlagRelatedOperations)...)
		resps, err = sn.compound(ctx, out)
		return err
	})
	if err != nil {
		return nil, nil, err
	}
	return decodeStat(resps[1], resps[2])
}

// Rename renames the open file to the share-relative path to ([MS-FSCC]
// 2.4.42 FileRenameInformation, on the handle): replace asks the server to
// replace a file at to (it refuses one that is open, with
// STATUS_ACCESS_DENIED). The handle must have been opened with DELETE
// access. A rename is never sent again after a reconnect. Once it is done,
// a reconnect reclaims the handle under its new name (the server checks
// the name of a lease's file, [MS-SMB2] 3.3.5.9.12).
func (f *File) Rename(ctx context.Context, to string, replace bool) error {
	buf := (&wire.FileRenameInformation{ReplaceIfExists: replace, FileName: to}).Encode()
	if err := f.setInfo(ctx, wire.InfoFile, wire.ClassFileRenameInformation, 0, buf); err != nil {
		return err
	}
	f.t.cl.mu.Lock()
	f.name = to
	f.t.cl.mu.Unlock()
	return nil
}
