package client

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/smb3fs/smb3fs/client/wire"
)

// Snapshot enumeration: FSCTL_SRV_ENUMERATE_SNAPSHOTS on the share's root
// ([MS-SMB2] 3.2.4.20.1, 2.2.32.2) lists the previous versions a tree can
// be connected at (ConnectSnapshot).

const (
	// snapshotsFirstOut is the first ask: room for the counts only (16
	// bytes, the size Samba answers with the array size needed).
	snapshotsFirstOut = 16
	// snapshotsMaxOut bounds the second ask: 64 KiB is over a thousand
	// tokens of 50 bytes.
	snapshotsMaxOut = 64 << 10
)

// Snapshots returns the times of the share's previous versions, newest
// first, as the server lists them: first how many there are, then the
// tokens in a buffer of the size it says they need. A share that cannot
// have any (STATUS_INVALID_DEVICE_REQUEST: Samba without shadow_copy2, a
// volume without the Volume Shadow Copy service) has none.
func (t *Tree) Snapshots(ctx context.Context) ([]time.Time, error) {
	f, err := t.Open(ctx, "", OpenOptions{Access: AccessReadData, Kind: KindDir})
	if err != nil {
		return nil, fmt.Errorf("smb2: enumerate snapshots: %w", err)
	}
	defer f.Close(context.WithoutCancel(ctx))
	a, err := f.enumerateSnapshots(ctx, snapshotsFirstOut)
	if IsStatus(err, wire.StatusInvalidDeviceRequest) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	if a.Number > 0 && len(a.Snapshots) == 0 {
		if a.ArraySize > snapshotsMaxOut-16 {
			return nil, fmt.Errorf("%w: %d snapshots need %d bytes, more than %d", ErrProtocol, a.Number, a.ArraySize, snapshotsMaxOut)
		}
		if a, err = f.enumerateSnapshots(ctx, 16+a.ArraySize); err != nil {
			return nil, err
		}
	}
	times := make([]time.Time, 0, len(a.Snapshots))
	for _, s := range a.Snapshots {
		at, err := wire.ParseSnapshotTime(s)
		if err != nil || s[0] != '@' {
			return nil, fmt.Errorf("%w: snapshot token %q is no @GMT token", ErrProtocol, s)
		}
		times = append(times, at)
	}
	slices.SortFunc(times, func(a, b time.Time) int { return b.Compare(a) })
	return times, nil
}

// enumerateSnapshots sends FSCTL_SRV_ENUMERATE_SNAPSHOTS on f (a
// directory) with maxOut bytes of room for the answer.
func (f *File) enumerateSnapshots(ctx context.Context, maxOut uint32) (*wire.SnapshotArray, error) {
	resp, err := f.ioctl(ctx, wire.FsctlSrvEnumerateSnapshots, nil, maxOut)
	if err != nil {
		return nil, fmt.Errorf("smb2: enumerate snapshots: %w", err)
	}
	out, err := ioctlOutput(resp, wire.FsctlSrvEnumerateSnapshots, maxOut)
	if err != nil {
		return nil, err
	}
	a, err := wire.DecodeSnapshotArray(out)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrProtocol, err)
	}
	return a, nil
}
