package wire

import (
	"regexp"
	"testing"
)

func TestStatusTable(t *testing.T) {
	// [MS-ERREF] 2.3.1 has 1,795 entries with 1,792 distinct values, plus the
	// three SMB values it lacks.
	if len(statusNames) != 1795 {
		t.Errorf("statusNames has %d entries, want 1795", len(statusNames))
	}
	name := regexp.MustCompile(`^(STATUS|RPC_NT|DBG|EPT_NT)_[A-Z0-9_]+$`)
	seen := map[string]Status{}
	for s, n := range statusNames {
		if !name.MatchString(n) {
			t.Errorf("0x%08X: odd name %q", uint32(s), n)
		}
		if prev, ok := seen[n]; ok {
			t.Errorf("%s names both 0x%08X and 0x%08X", n, uint32(prev), uint32(s))
		}
		seen[n] = s
	}
	for _, tc := range []struct {
		s    Status
		want string
	}{
		{StatusSuccess, "STATUS_SUCCESS"}, // not STATUS_WAIT_0
		{StatusPending, "STATUS_PENDING"},
		{StatusBufferOverflow, "STATUS_BUFFER_OVERFLOW"},
		{StatusStoppedOnSymlink, "STATUS_STOPPED_ON_SYMLINK"},
		{StatusMoreProcessingRequired, "STATUS_MORE_PROCESSING_REQUIRED"},
		{StatusObjectNameNotFound, "STATUS_OBJECT_NAME_NOT_FOUND"},
		{StatusAccessDenied, "STATUS_ACCESS_DENIED"},
		{StatusNetworkSessionExpired, "STATUS_NETWORK_SESSION_EXPIRED"},
		{StatusNotFound, "STATUS_NOT_FOUND"},
		{StatusPathNotCovered, "STATUS_PATH_NOT_COVERED"},
		{StatusInvalidNetworkResponse, "STATUS_INVALID_NETWORK_RESPONSE"},
		{StatusAbandonedWait0, "STATUS_ABANDONED"},
		{StatusRPCNTCallFailed, "RPC_NT_CALL_FAILED"},
		{StatusSMBNoPreauthIntegrityHashOverlap, "STATUS_SMB_NO_PREAUTH_INTEGRITY_HASH_OVERLAP"},
		{StatusSMBGuestLogonBlocked, "STATUS_SMB_GUEST_LOGON_BLOCKED"},
		{Status(0xE0001234), "NTSTATUS_0xE0001234"},
	} {
		if got := tc.s.String(); got != tc.want {
			t.Errorf("Status(0x%08X).String() = %q, want %q", uint32(tc.s), got, tc.want)
		}
	}
	// Spot-check values against the specification's table.
	for s, want := range map[Status]uint32{
		StatusObjectNameNotFound:     0xC0000034,
		StatusNotADirectory:          0xC0000103,
		StatusNotAReparsePoint:       0xC0000275,
		StatusIOReparseTagNotHandled: 0xC0000279,
		StatusFileIsADirectory:       0xC00000BA,
		StatusUserSessionDeleted:     0xC0000203,
	} {
		if uint32(s) != want {
			t.Errorf("%v = 0x%08X, want 0x%08X", s, uint32(s), want)
		}
	}
}
