package client

// The end of a small write, in one round trip:
//
//	WRITE data ──► SET_INFO FileBasicInformation (the modification time)
//	     one related compound on the open handle, one frame, one seal
//
// A file written in a few small write(2)s and closed (cp, rsync, tar, an
// editor saving) otherwise costs a WRITE and then a SET_INFO of the time
// at close(2): two round trips where one does, with the same two commands
// for the server.

import (
	"context"
	"errors"
	"fmt"

	"github.com/smb3fs/smb3fs/client/wire"
)

// ErrTimeNotSet is returned (wrapped) by WriteFinish when the data was
// written but setting the time failed.
var ErrTimeNotSet = errors.New("smb2: data written, time not set")

// WriteFinish writes data at off (nothing when data is empty) and then
// sets bi on the handle, in one related compound ([MS-SMB2] 3.2.4.1.4):
// the server runs the parts in order, and a failed WRITE fails the
// SET_INFO after it with its status. The write must be acknowledged in
// full. An error that wraps ErrTimeNotSet means the data was written and
// only the time was not set; any other error means the data is not (known
// to be) written. Both parts are idempotent (a WRITE at an explicit
// offset, a SET_INFO of times), so after a reconnect the compound is sent
// again on a durable handle.
func (f *File) WriteFinish(ctx context.Context, data []byte, off int64, bi *wire.FileBasicInformation) error {
	_, _, err := f.writeFinish(ctx, data, off, bi, false)
	return err
}

// WriteFinishStat is WriteFinish that also returns the file's attributes
// after both parts, from two QUERY_INFOs in the same compound (a stat
// after close(2) then needs no round trip). The attributes are returned
// only when the error is nil.
func (f *File) WriteFinishStat(ctx context.Context, data []byte, off int64, bi *wire.FileBasicInformation) (*wire.FileNetworkOpenInformation, *wire.FileStandardInformation, error) {
	return f.writeFinish(ctx, data, off, bi, true)
}

func (f *File) writeFinish(ctx context.Context, data []byte, off int64, bi *wire.FileBasicInformation, stat bool) (*wire.FileNetworkOpenInformation, *wire.FileStandardInformation, error) {
	if len(data) == 0 {
		if stat {
			ni, si, err := f.setInfoStat(ctx, wire.ClassFileBasicInformation, bi.Encode())
			if err != nil {
				return nil, nil, fmt.Errorf("%w: %w", ErrTimeNotSet, err)
			}
			return ni, si, nil
		}
		if err := f.setInfo(ctx, wire.InfoFile, wire.ClassFileBasicInformation, 0, bi.Encode()); err != nil {
			return nil, nil, fmt.Errorf("%w: %w", ErrTimeNotSet, err)
		}
		return nil, nil, nil
	}
	var resps [][]byte
	var errs []error
	err := f.t.do(ctx, f, replayIdempotent, func(sn *snap) error {
		w := &wire.WriteRequest{Offset: uint64(off), FileID: sn.fid, Data: data}
		set := &wire.SetInfoRequest{InfoType: wire.InfoFile, FileInfoClass: wire.ClassFileBasicInformation, Buffer: bi.Encode(), FileID: sn.fid}
		out := []outgoing{
			{msg: newMessage(wire.CmdWrite, sn.tid, 0, w), charge: sn.conn.creditCharge(len(data))},
			{msg: newMessage(wire.CmdSetInfo, sn.tid, wire.FlagRelatedOperations, set)},
		}
		if stat {
			out = append(out, statQueries(sn, wire.CompoundFileID, wire.FlagRelatedOperations)...)
		}
		calls, err := sn.conn.start(ctx, sn.s, sn.encrypt, out)
		if err != nil {
			return err
		}
		// Every part is waited for, so that none is left behind; a
		// transport error ends the attempt (which may be retried), a
		// part's status is looked at below.
		resps, errs = make([][]byte, len(calls)), make([]error, len(calls))
		var connErr error
		for i, cl := range calls {
			r, err := sn.conn.wait(ctx, cl)
			if err != nil {
				if connErr == nil {
					connErr = err
				}
				continue
			}
			resps[i], errs[i] = r, statusOf(r)
		}
		return connErr
	})
	if err != nil {
		return nil, nil, err
	}
	if errs[0] != nil {
		return nil, nil, errs[0]
	}
	w, err := wire.DecodeWriteResponse(resps[0])
	if err != nil {
		return nil, nil, fmt.Errorf("%w: %w", ErrProtocol, err)
	}
	if int(w.Count) != len(data) {
		return nil, nil, fmt.Errorf("smb2: WRITE: server wrote %d of %d bytes", w.Count, len(data))
	}
	if errs[1] != nil {
		return nil, nil, fmt.Errorf("%w: %w", ErrTimeNotSet, errs[1])
	}
	if !stat {
		return nil, nil, nil
	}
	if errs[2] != nil || errs[3] != nil {
		// Written and timed; only the report is missing.
		return nil, nil, nil
	}
	return decodeStat(resps[2], resps[3])
}
