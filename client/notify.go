package client

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/smb3fs/smb3fs/client/wire"
)

// ErrNotifyEnumDir means a CHANGE_NOTIFY could not say what changed
// (STATUS_NOTIFY_ENUM_DIR: too many changes for the buffer, or none
// described): the caller must rescan the directory.
var ErrNotifyEnumDir = errors.New("smb2: CHANGE_NOTIFY: too many changes, rescan the directory")

// notifyBufferSize is the OutputBufferLength of CHANGE_NOTIFY: room for
// hundreds of entries; more changes than that come back as ErrNotifyEnumDir.
const notifyBufferSize = 64 << 10

// Notify waits until something in the directory f changes and returns what
// changed (CHANGE_NOTIFY, [MS-SMB2] 3.2.4.14). filter is a combination of
// wire.FileNotifyChange* bits; recursive watches the whole subtree
// (WATCH_TREE). The server answers STATUS_PENDING at once and completes the
// request when a change happens, which may be never: cancelling ctx sends
// SMB2 CANCEL and returns ctx.Err(), leaving the connection usable.
//
// Each FileName is a path relative to f, with backslash separators (more
// than one component only when recursive). Names are checked before they
// are returned: none is empty, absolute, contains NUL or '/', or has an
// empty, "." or ".." component; an entry failing that, or an Action
// outside [MS-FSCC] 2.7.1, is a protocol violation. When the server cannot
// say what changed, Notify returns ErrNotifyEnumDir. When f is closed while
// the request waits, the server completes it with STATUS_NOTIFY_CLEANUP,
// returned as a *StatusError.
func (f *File) Notify(ctx context.Context, filter uint32, recursive bool) ([]wire.FileNotifyInformation, error) {
	var resp []byte
	var outLen uint32
	err := f.t.do(ctx, f, classify(wire.CmdChangeNotify, 0), func(sn *snap) error {
		outLen = min(sn.conn.state.MaxTransactSize, notifyBufferSize)
		req := &wire.ChangeNotifyRequest{OutputBufferLength: outLen, FileID: sn.fid, CompletionFilter: filter}
		if recursive {
			req.Flags = wire.WatchTree
		}
		var err error
		resp, err = sn.request(ctx, wire.CmdChangeNotify, req, sn.conn.creditCharge(int(outLen)))
		return err
	})
	if IsStatus(err, wire.StatusNotifyEnumDir) {
		return nil, ErrNotifyEnumDir
	}
	if err != nil {
		return nil, err
	}
	r, err := wire.DecodeChangeNotifyResponse(resp)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrProtocol, err)
	}
	if len(r.Buffer) > int(outLen) {
		return nil, fmt.Errorf("%w: CHANGE_NOTIFY returned %d bytes, asked %d", ErrProtocol, len(r.Buffer), outLen)
	}
	if len(r.Buffer) == 0 {
		// Success without entries: something changed, the server does not
		// say what (Windows does this when the entries overflow).
		return nil, ErrNotifyEnumDir
	}
	ents, err := wire.DecodeFileNotifyInformation(r.Buffer)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrProtocol, err)
	}
	for _, e := range ents {
		if err := checkNotifyEntry(e, recursive); err != nil {
			return nil, fmt.Errorf("%w: CHANGE_NOTIFY: %v", ErrProtocol, err)
		}
	}
	return ents, nil
}

// checkNotifyEntry validates one FILE_NOTIFY_INFORMATION entry: a known
// action and a relative name that cannot climb out of the watched
// directory.
func checkNotifyEntry(e wire.FileNotifyInformation, recursive bool) error {
	if e.Action < wire.FileActionAdded || e.Action > wire.FileActionTunnelledIDCollide {
		return fmt.Errorf("unknown action %d", e.Action)
	}
	name := e.FileName
	if name == "" || strings.ContainsAny(name, "\x00/") {
		return fmt.Errorf("bad file name %q", name)
	}
	parts := strings.Split(name, `\`)
	if len(parts) > 1 && !recursive {
		return fmt.Errorf("file name %q below a directory that is not watched recursively", name)
	}
	for _, p := range parts {
		if p == "" || p == "." || p == ".." {
			return fmt.Errorf("bad file name %q", name)
		}
	}
	return nil
}
