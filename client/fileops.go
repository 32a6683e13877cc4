package client

// Helpers the plan (plan.go) and the handle operations share: the on-disk
// id of a CREATE response, and the stat queries of WriteFinishStat
// (finish.go).

import (
	"fmt"

	"github.com/smb3fs/smb3fs/client/wire"
)

// diskFileID returns the on-disk file id from the CREATE response's QFid
// context, or 0 when the server sent none.
func diskFileID(cr *wire.CreateResponse) uint64 {
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

// decodeStandard decodes a QUERY_INFO response of FileStandardInformation.
func decodeStandard(resp []byte) (*wire.FileStandardInformation, error) {
	r, err := wire.DecodeQueryInfoResponse(resp)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrProtocol, err)
	}
	return decodeStandardBuf(r.Buffer)
}

// statQueries are the two QUERY_INFOs whose responses decodeStat decodes,
// on handle fid with header flags (wire.CompoundFileID and
// wire.FlagRelatedOperations after another request of a related compound).
func statQueries(sn *snap, fid wire.FileID, flags uint32) []outgoing {
	q1 := &wire.QueryInfoRequest{InfoType: wire.InfoFile, FileInfoClass: wire.ClassFileNetworkOpenInformation, OutputBufferLength: fileNetworkOpenSize, FileID: fid}
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
		return nil, nil, fmt.Errorf("%w: %w", ErrProtocol, err)
	}
	ni, err := wire.DecodeFileNetworkOpenInformation(r.Buffer)
	if err != nil {
		return nil, nil, fmt.Errorf("%w: %w", ErrProtocol, err)
	}
	si, err := decodeStandard(q2)
	if err != nil {
		return nil, nil, err
	}
	return ni, si, nil
}
