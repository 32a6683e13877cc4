package fs

import (
	"context"
	"crypto/md5"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/smb3fs/smb3fs/client"
	"github.com/smb3fs/smb3fs/client/wire"
)

func status(s wire.Status) error {
	// Wrapped twice, as errors reach the file system.
	return fmt.Errorf("open x: %w", fmt.Errorf("compound: %w", &client.StatusError{Status: s, Command: wire.CmdCreate}))
}

func TestToErrno(t *testing.T) {
	for _, tc := range []struct {
		err  error
		want syscall.Errno
	}{
		{nil, 0},
		{status(wire.StatusObjectNameNotFound), syscall.ENOENT},
		{status(wire.StatusObjectPathNotFound), syscall.ENOENT},
		{status(wire.StatusNoSuchFile), syscall.ENOENT},
		{status(wire.StatusDeletePending), syscall.ENOENT},
		{status(wire.StatusObjectNameCollision), syscall.EEXIST},
		{status(wire.StatusAccessDenied), syscall.EACCES},
		{status(wire.StatusDirectoryNotEmpty), syscall.ENOTEMPTY},
		{status(wire.StatusNotADirectory), syscall.ENOTDIR},
		{status(wire.StatusFileIsADirectory), syscall.EISDIR},
		{status(wire.StatusDiskFull), syscall.ENOSPC},
		{status(wire.StatusQuotaExceeded), syscall.EDQUOT},
		{status(wire.StatusMediaWriteProtected), syscall.EROFS},
		{status(wire.StatusSharingViolation), syscall.EBUSY},
		{status(wire.StatusNameTooLong), syscall.ENAMETOOLONG},
		{status(wire.StatusObjectNameInvalid), syscall.EINVAL},
		{status(wire.StatusInvalidParameter), syscall.EINVAL},
		{status(wire.StatusNotSameDevice), syscall.EXDEV},
		{status(wire.StatusNotSupported), syscall.EOPNOTSUPP},
		{status(wire.StatusFileClosed), syscall.EBADF},
		// Every other status of client's meaning table.
		{status(wire.StatusObjectNameExists), syscall.EEXIST},
		{status(wire.StatusCannotDelete), syscall.EACCES},
		{status(wire.StatusPrivilegeNotHeld), syscall.EPERM},
		{status(wire.StatusFileLockConflict), syscall.EAGAIN},
		{status(wire.StatusLockNotGranted), syscall.EAGAIN},
		{status(wire.StatusObjectPathSyntaxBad), syscall.EINVAL},
		{status(wire.StatusNotImplemented), syscall.EOPNOTSUPP},
		{status(wire.StatusInvalidDeviceRequest), syscall.EOPNOTSUPP},
		{status(wire.StatusEasNotSupported), syscall.EOPNOTSUPP},
		{status(wire.StatusNoEasOnFile), syscall.ENODATA},
		{status(wire.StatusNonexistentEaEntry), syscall.ENODATA},
		{status(wire.StatusEaTooLarge), syscall.E2BIG},
		{status(wire.StatusInsufficientResources), syscall.ENOMEM},
		{status(wire.StatusCancelled), syscall.EINTR},
		// A share that does not exist: ENOENT, as mount.cifs says; it was
		// EIO while fs and StatusError.Is kept separate tables.
		{status(wire.StatusBadNetworkName), syscall.ENOENT},
		// Unexpected statuses are EIO, never success.
		{status(wire.StatusEndOfFile), syscall.EIO},
		{status(wire.StatusLogonFailure), syscall.EIO},
		{status(wire.Status(0xC0FFEE00)), syscall.EIO},
		{fmt.Errorf("read: %w", client.ErrConnectionClosed), syscall.EIO},
		{fmt.Errorf("read: %w", client.ErrUnprotected), syscall.EIO},
		{fmt.Errorf("read: %w", client.ErrProtocol), syscall.EIO},
		{fmt.Errorf("read: %w", client.ErrTimeout), syscall.ETIMEDOUT},
		{fmt.Errorf("read: %w", context.Canceled), syscall.EINTR},
		{fmt.Errorf("read: %w", context.DeadlineExceeded), syscall.ETIMEDOUT},
		{errStale, syscall.ENOENT},
		{fmt.Errorf("x: %w", syscall.ENOSPC), syscall.ENOSPC},
		{io.ErrUnexpectedEOF, syscall.EIO},
		{errors.New("anything else"), syscall.EIO},
	} {
		if got := ToErrno(tc.err); got != tc.want {
			t.Errorf("ToErrno(%v) = %v, want %v", tc.err, got, tc.want)
		}
	}
}

func TestCheckName(t *testing.T) {
	long := strings.Repeat("n", 256)
	for name, want := range map[string]syscall.Errno{
		"plain":       0,
		"ünïcödé":     0,
		`a\b`:         syscall.EINVAL,
		"file:stream": syscall.EINVAL,
		"a/b":         syscall.EINVAL,
		"":            syscall.EINVAL,
		"nul\x00":     syscall.EINVAL,
		long:          syscall.ENAMETOOLONG,
		long[:255]:    0,
	} {
		if got := checkName(name); got != want {
			t.Errorf("checkName(%.20q) = %v, want %v", name, got, want)
		}
	}
}

func TestFileTime(t *testing.T) {
	sec, nsec := fromFileTime(fileTimeEpoch + 12345678901)
	if sec != 1234 || nsec != 567890100 {
		t.Errorf("fromFileTime: %d.%09d", sec, nsec)
	}
	// Before 1970: negative seconds, carried in the uint64 the kernel
	// reads as signed.
	if s, n := fromFileTime(5); int64(s) != -11644473600 || n != 500 {
		t.Errorf("1601 + 500 ns: %d %d", int64(s), n)
	}
	if s, n := fromFileTime(0); s != 0 || n != 0 {
		t.Errorf("no time: %d %d", s, n)
	}
	for _, tm := range []time.Time{
		time.Date(1960, 5, 6, 7, 8, 9, 123456700, time.UTC),
		time.Date(1969, 12, 31, 23, 59, 59, 999999900, time.UTC),
		time.Date(1601, 1, 1, 0, 0, 0, 100, time.UTC),
		time.Date(2020, 2, 29, 12, 0, 0, 100, time.UTC),
		time.Date(2500, 1, 1, 0, 0, 0, 0, time.UTC),
	} {
		s, n := fromFileTime(wire.FileTime(tm))
		if got := time.Unix(int64(s), int64(n)); !got.Equal(tm) {
			t.Errorf("%v round-trips as %v", tm, got.UTC())
		}
	}
	// Below 100 ns is cut; before 1601 and 0 are never sent as 0 ("do not
	// change").
	if ft := wire.FileTime(time.Date(2020, 1, 1, 0, 0, 0, 199, time.UTC)); ft%10 != 1 {
		t.Errorf("199 ns: FILETIME %d, want its last digit 1", ft)
	}
	for _, tm := range []time.Time{time.Date(1500, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(1601, 1, 1, 0, 0, 0, 0, time.UTC)} {
		if ft := wire.FileTime(tm); ft != 1 {
			t.Errorf("wire.FileTime(%v) = %d, want 1", tm, ft)
		}
	}
}

func TestMFSymlink(t *testing.T) {
	for _, target := range []string{"a", "../some/where", "/abs/path with spaces", strings.Repeat("x", 1024)} {
		b, err := encodeMFSymlink(target)
		if err != nil {
			t.Fatalf("encode %.10q: %v", target, err)
		}
		if len(b) != 1067 {
			t.Fatalf("encode: %d bytes", len(b))
		}
		got, err := decodeMFSymlink(b)
		if err != nil || got != target {
			t.Errorf("round trip %.10q: %.10q %v", target, got, err)
		}
	}
	// The layout Linux cifs writes (fs/smb/client/link.c format_mf_symlink).
	b, _ := encodeMFSymlink("target")
	want := "XSym\n0006\n" + md5hex("target") + "\ntarget\n"
	if string(b[:len(want)]) != want || b[len(want)] != ' ' || b[1066] != ' ' {
		t.Errorf("layout: %q", b[:len(want)+2])
	}
	if _, err := encodeMFSymlink(strings.Repeat("x", 1025)); err == nil {
		t.Errorf("1025-byte target accepted")
	}
	if _, err := encodeMFSymlink(""); err == nil {
		t.Errorf("empty target accepted")
	}
	bad := func(mut func([]byte)) []byte {
		b, _ := encodeMFSymlink("target")
		mut(b)
		return b
	}
	for name, b := range map[string][]byte{
		"short":      b[:1066],
		"magic":      bad(func(b []byte) { b[0] = 'x' }),
		"length":     bad(func(b []byte) { b[8] = '7' }),
		"zerolength": bad(func(b []byte) { copy(b[5:], "0000") }),
		"huge":       bad(func(b []byte) { copy(b[5:], "9999") }),
		"md5":        bad(func(b []byte) { b[12] ^= 1 }),
		"target":     bad(func(b []byte) { b[43] = 'T' }),
		"nolf":       bad(func(b []byte) { b[9] = ' ' }),
	} {
		if _, err := decodeMFSymlink(b); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

func md5hex(s string) string {
	sum := md5.Sum([]byte(s))
	return hex.EncodeToString(sum[:])
}

func FuzzDecodeMFSymlink(f *testing.F) {
	b, _ := encodeMFSymlink("seed")
	f.Add(b)
	f.Fuzz(func(t *testing.T, b []byte) {
		if target, err := decodeMFSymlink(b); err == nil {
			again, err := encodeMFSymlink(target)
			if err != nil || len(again) != mfSymlinkSize {
				t.Fatalf("decoded %q does not encode: %v", target, err)
			}
		}
	})
}
