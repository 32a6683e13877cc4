package client

import (
	"errors"
	"fmt"
	"io/fs"
	"syscall"
	"testing"

	"github.com/smb3fs/smb3fs/client/wire"
)

func statusErr(s wire.Status) error {
	// Wrapped, as errors reach callers.
	return fmt.Errorf("open x: %w", &StatusError{Status: s, Command: wire.CmdCreate})
}

// TestStatusMeaningTable checks that errors.Is answers from the table: each
// status matches its own meaning and no other sentinel of the table (save
// the broader one it implies).
func TestStatusMeaningTable(t *testing.T) {
	implied := map[error]error{ErrDeletePending: ErrNotExist, ErrNoShare: ErrNotExist, ErrPrivilege: ErrPermission}
	all := map[error]bool{}
	for _, m := range statusMeaning {
		all[m] = true
	}
	for s, m := range statusMeaning {
		err := statusErr(s)
		if !errors.Is(err, m) {
			t.Errorf("%v: does not match its meaning %v", s, m)
		}
		for other := range all {
			if other != m && other != implied[m] && errors.Is(err, other) {
				t.Errorf("%v (meaning %v) also matches %v", s, m, other)
			}
		}
	}
}

func TestStatusMeanings(t *testing.T) {
	for _, tc := range []struct {
		status wire.Status
		target error
		want   bool
	}{
		{wire.StatusObjectNameNotFound, fs.ErrNotExist, true},
		{wire.StatusObjectPathNotFound, ErrNotExist, true},
		// The statuses the two former tables disagreed on.
		{wire.StatusDeletePending, ErrDeletePending, true},
		{wire.StatusDeletePending, fs.ErrNotExist, true},
		{wire.StatusBadNetworkName, ErrNoShare, true},
		{wire.StatusBadNetworkName, fs.ErrNotExist, true},
		{wire.StatusObjectNameExists, fs.ErrExist, true},
		{wire.StatusCannotDelete, fs.ErrPermission, true},
		{wire.StatusPrivilegeNotHeld, ErrPrivilege, true},
		{wire.StatusPrivilegeNotHeld, fs.ErrPermission, true},
		{wire.StatusAccessDenied, ErrPrivilege, false},
		{wire.StatusObjectNameNotFound, ErrDeletePending, false},
		// The syscall errnos StatusError has always matched, exactly.
		{wire.StatusDirectoryNotEmpty, syscall.ENOTEMPTY, true},
		{wire.StatusDirectoryNotEmpty, fs.ErrExist, false},
		{wire.StatusNotADirectory, syscall.ENOTDIR, true},
		{wire.StatusFileIsADirectory, syscall.EISDIR, true},
		{wire.StatusDiskFull, syscall.ENOSPC, true},
		{wire.StatusSharingViolation, syscall.EBUSY, true},
		{wire.StatusSharingViolation, syscall.EAGAIN, false},
		{wire.StatusLockNotGranted, ErrLockConflict, true},
		{wire.StatusNotImplemented, errors.ErrUnsupported, true},
		{wire.StatusFileClosed, fs.ErrClosed, true},
		// No meaning: matches nothing.
		{wire.StatusEndOfFile, fs.ErrNotExist, false},
		{wire.StatusLogonFailure, fs.ErrPermission, false},
		{wire.Status(0xC0FFEE00), fs.ErrNotExist, false},
	} {
		if got := errors.Is(statusErr(tc.status), tc.target); got != tc.want {
			t.Errorf("errors.Is(%v, %v) = %v, want %v", tc.status, tc.target, got, tc.want)
		}
	}
	if Meaning(wire.StatusEndOfFile) != nil {
		t.Errorf("STATUS_END_OF_FILE has a meaning")
	}
}
