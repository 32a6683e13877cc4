package client

// Reparse points ([MS-SMB2] 3.2.4.20, [MS-FSCC] 2.3.29 FSCTL_GET_REPARSE_POINT,
// 2.3.65 FSCTL_SET_REPARSE_POINT, 2.3.5 FSCTL_DELETE_REPARSE_POINT, 2.1.2
// reparse buffers): each is one IOCTL on an open handle.
//
//	GetReparsePoint    ──IOCTL GET (no input, ≤ 16 KiB out)──► REPARSE_DATA_BUFFER
//	SetReparsePoint    ──IOCTL SET (the buffer, no output)───► status
//	DeleteReparsePoint ──IOCTL DELETE (tag, no data)─────────► status
//
// A file that is not a reparse point answers GET with
// STATUS_NOT_A_REPARSE_POINT, a plain *StatusError (test it with
// IsStatus(err, wire.StatusNotAReparsePoint)). What comes back is checked
// against the request: the output fits what was asked, its tag is a valid
// one, and its ReparseDataLength accounts for every byte.

import (
	"context"
	"errors"
	"fmt"

	"github.com/smb3fs/smb3fs/client/wire"
)

// Reparse buffer sizes ([MS-FSCC] 2.1.2.1, 2.1.2.2).
const (
	// maxReparseSize is MAXIMUM_REPARSE_DATA_BUFFER_SIZE, the largest
	// reparse buffer a file system stores (16 KiB); GET asks for no more.
	maxReparseSize = 16 * 1024
	// reparseHeader is ReparseTag, ReparseDataLength and Reserved.
	reparseHeader = 8
	// reparseGUIDHeader adds the ReparseGuid of a REPARSE_GUID_DATA_BUFFER,
	// the format of tags without the Microsoft bit.
	reparseGUIDHeader = reparseHeader + 16
	// reparseTagMicrosoft is the tag's Microsoft bit ([MS-FSCC] 2.1.2.1).
	reparseTagMicrosoft = 0x80000000
)

var (
	// ErrReparseBuffer: a reparse buffer given to SetReparsePoint is
	// malformed (its length fields disagree with its size) or too large.
	ErrReparseBuffer = errors.New("smb2: malformed reparse buffer")
	// ErrReparseTag: the tag is reserved (0 or 1), or DeleteReparsePoint was
	// given a non-Microsoft tag, whose deletion needs the ReparseGuid too.
	ErrReparseTag = errors.New("smb2: invalid reparse tag")
)

// checkReparseBuffer checks that b is one whole reparse buffer: a valid tag,
// and ReparseDataLength that accounts for every byte after the header
// (REPARSE_DATA_BUFFER for Microsoft tags, REPARSE_GUID_DATA_BUFFER with its
// 16-byte GUID for the others). It returns the decoded buffer; for a
// non-Microsoft tag Data holds the ReparseGuid followed by the data.
func checkReparseBuffer(b []byte) (*wire.ReparseDataBuffer, error) {
	p, err := wire.DecodeReparseDataBuffer(b)
	if err != nil {
		return nil, err
	}
	if p.Tag == 0 || p.Tag == 1 {
		return nil, fmt.Errorf("%w 0x%08x", ErrReparseTag, p.Tag)
	}
	n, hdr := len(p.Data), reparseHeader
	if p.Tag&reparseTagMicrosoft == 0 {
		hdr = reparseGUIDHeader
	}
	if len(b) != hdr+n {
		return nil, fmt.Errorf("reparse buffer of %d bytes for tag 0x%08x: ReparseDataLength %d needs %d", len(b), p.Tag, n, hdr+n)
	}
	p.Data = b[reparseHeader:len(b):len(b)]
	return p, nil
}

// GetReparsePoint returns the file's reparse buffer (FSCTL_GET_REPARSE_POINT,
// [MS-FSCC] 2.3.29). Open the file with FILE_OPEN_REPARSE_POINT to read the
// point itself rather than follow it. A file that is no reparse point gives a
// *StatusError with wire.StatusNotAReparsePoint. For a Microsoft tag Data is
// the tag-specific data; for any other tag it is the 16-byte ReparseGuid
// followed by the data ([MS-FSCC] 2.1.2.3). Data is the caller's.
func (f *File) GetReparsePoint(ctx context.Context) (*wire.ReparseDataBuffer, error) {
	p, _, err := f.getReparse(ctx)
	return p, err
}

// getReparse sends FSCTL_GET_REPARSE_POINT and returns the checked buffer
// (Data copied out) and the raw output.
func (f *File) getReparse(ctx context.Context) (*wire.ReparseDataBuffer, []byte, error) {
	resp, err := f.ioctl(ctx, wire.FsctlGetReparsePoint, nil, maxReparseSize)
	if err != nil {
		return nil, nil, err
	}
	out, err := ioctlOutput(resp, wire.FsctlGetReparsePoint, maxReparseSize)
	if err != nil {
		return nil, nil, err
	}
	out = append([]byte(nil), out...)
	p, err := checkReparseBuffer(out)
	if err != nil {
		return nil, nil, fmt.Errorf("%w: FSCTL_GET_REPARSE_POINT: %v", ErrProtocol, err)
	}
	return p, out, nil
}

// GetSymlink returns the file's symbolic link ([MS-FSCC] 2.1.2.4): its
// reparse point must carry wire.ReparseTagSymlink, else the error wraps
// ErrReparseTag.
func (f *File) GetSymlink(ctx context.Context) (*wire.SymlinkReparse, error) {
	p, out, err := f.getReparse(ctx)
	if err != nil {
		return nil, err
	}
	if p.Tag != wire.ReparseTagSymlink {
		return nil, fmt.Errorf("%w: reparse point 0x%08x is not a symbolic link", ErrReparseTag, p.Tag)
	}
	s, err := wire.DecodeSymlinkReparse(out)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrProtocol, err)
	}
	return s, nil
}

// SetReparsePoint makes the file a reparse point with the whole reparse
// buffer data (FSCTL_SET_REPARSE_POINT, [MS-FSCC] 2.3.65), e.g. from
// wire.SymlinkReparse.Encode. The buffer is checked first: its length fields
// must account for every byte and it may not exceed 16 KiB (else
// ErrReparseBuffer or ErrReparseTag). The handle needs write access.
func (f *File) SetReparsePoint(ctx context.Context, data []byte) error {
	if len(data) > maxReparseSize {
		return fmt.Errorf("%w: %d bytes, at most %d", ErrReparseBuffer, len(data), maxReparseSize)
	}
	if _, err := checkReparseBuffer(data); err != nil {
		if errors.Is(err, ErrReparseTag) {
			return err
		}
		return fmt.Errorf("%w: %w", ErrReparseBuffer, err)
	}
	resp, err := f.ioctl(ctx, wire.FsctlSetReparsePoint, data, 0)
	if err != nil {
		return err
	}
	_, err = ioctlOutput(resp, wire.FsctlSetReparsePoint, 0)
	return err
}

// DeleteReparsePoint removes the file's reparse point, which must carry tag
// (FSCTL_DELETE_REPARSE_POINT, [MS-FSCC] 2.3.5): the input is a reparse
// header with ReparseDataLength 0. Only Microsoft tags can be named this
// way; others also need their ReparseGuid (ErrReparseTag).
func (f *File) DeleteReparsePoint(ctx context.Context, tag uint32) error {
	if tag == 0 || tag == 1 || tag&reparseTagMicrosoft == 0 {
		return fmt.Errorf("%w 0x%08x", ErrReparseTag, tag)
	}
	in, err := (&wire.ReparseDataBuffer{Tag: tag}).Encode()
	if err != nil {
		return err
	}
	resp, err := f.ioctl(ctx, wire.FsctlDeleteReparsePoint, in, 0)
	if err != nil {
		return err
	}
	_, err = ioctlOutput(resp, wire.FsctlDeleteReparsePoint, 0)
	return err
}
