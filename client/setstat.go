package client

// A path SET_INFO that also returns what stat(2) needs, in one round trip:
//
//	CREATE name ──► SET_INFO ──► QUERY_INFO FileStandardInformation ──► CLOSE (post-query)
//	     one frame, one seal; every part on the compound's handle
//
// The FUSE layer answers a SETATTR with the file's attributes after the
// change; with SetInfoPath alone that needed a second round trip (a stat),
// because CLOSE does not carry the link count.

import (
	"context"
	"fmt"

	"github.com/smb3fs/smb3fs/client/wire"
)

// SetInfoPathStat is SetInfoPath plus the file's FileStandardInformation
// after the change, in the same related compound ([MS-SMB2] 3.2.4.1.4). The
// compound is sent again after a reconnect only when class is idempotent
// (FileEndOfFileInformation, FileBasicInformation). A failure of any part
// is returned; on success res.Close holds the attributes after the change.
func (t *Tree) SetInfoPathStat(ctx context.Context, name string, access uint32, class uint8, buf []byte) (*PathResult, *wire.FileStandardInformation, error) {
	req := &wire.CreateRequest{
		Name:               name,
		ImpersonationLevel: wire.Impersonation,
		DesiredAccess:      access | wire.FileReadAttributes | wire.Synchronize,
		ShareAccess:        shareAll,
		CreateDisposition:  wire.FileOpen,
		Contexts:           []wire.CreateContext{{Name: wire.CtxNameQueryOnDiskID}},
	}
	replay := classifyCreate(req)
	if classify(wire.CmdSetInfo, uint32(class)) != replayIdempotent {
		replay = replayNever
	}
	set := setInfoOn(class, buf)
	q := &wire.QueryInfoRequest{InfoType: wire.InfoFile, FileInfoClass: wire.ClassFileStandardInformation, OutputBufferLength: fileStandardSize, FileID: wire.CompoundFileID}
	var resps [][]byte
	err := t.do(ctx, nil, replay, func(sn *snap) (err error) {
		out := []outgoing{
			{msg: newMessage(wire.CmdCreate, sn.tid, 0, req)},
			{msg: newMessage(wire.CmdSetInfo, sn.tid, wire.FlagRelatedOperations, set), charge: sn.conn.creditCharge(len(buf))},
			{msg: newMessage(wire.CmdQueryInfo, sn.tid, wire.FlagRelatedOperations, q)},
			{msg: newMessage(wire.CmdClose, sn.tid, wire.FlagRelatedOperations,
				&wire.CloseRequest{Flags: wire.CloseFlagPostQueryAttrib, FileID: wire.CompoundFileID})},
		}
		resps, err = sn.compound(ctx, out)
		return err
	})
	if err != nil {
		return nil, nil, err
	}
	res := &PathResult{Middle: resps[1]}
	if res.Create, err = wire.DecodeCreateResponse(resps[0]); err != nil {
		return nil, nil, fmt.Errorf("%w: %v", ErrProtocol, err)
	}
	si, err := decodeStandard(resps[2])
	if err != nil {
		return nil, nil, err
	}
	if res.Close, err = wire.DecodeCloseResponse(resps[3]); err != nil {
		return nil, nil, fmt.Errorf("%w: %v", ErrProtocol, err)
	}
	return res, si, nil
}
