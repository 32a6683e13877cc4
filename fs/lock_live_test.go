//go:build linux

package fs_test

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	smbfs "github.com/smb3fs/smb3fs/fs"
)

// lockPair opens one file of the share through two mounts (two SMB
// connections): a conflict between them is decided by the server.
func lockPair(t *testing.T) (a, b *os.File, pathA string) {
	t.Helper()
	ma := mountShare(t, smbfs.Options{})
	mb := mountShare(t, smbfs.Options{})
	pathA = ma.path("locked")
	pathB := filepath.Join(mb.mnt, filepath.Base(ma.dir), "locked")
	if err := os.WriteFile(pathA, make([]byte, 4096), 0644); err != nil {
		t.Fatal(err)
	}
	a, err := os.OpenFile(pathA, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { a.Close() })
	b, err = os.OpenFile(pathB, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { b.Close() })
	return a, b, pathA
}

func setlk(f *os.File, cmd int, typ int16, start, n int64) error {
	return syscall.FcntlFlock(f.Fd(), cmd, &syscall.Flock_t{Type: typ, Whence: 0, Start: start, Len: n})
}

// TestLiveLockFcntl: fcntl record locks through one mount hold against
// another mount: F_SETLK conflicts are EAGAIN, F_GETLK sees the lock,
// locked ranges are enforced on write, F_SETLKW waits for the unlock.
func TestLiveLockFcntl(t *testing.T) {
	a, b, _ := lockPair(t)

	if err := setlk(a, syscall.F_SETLK, syscall.F_WRLCK, 0, 0); err != nil {
		t.Fatalf("F_SETLK write lock: %v", err)
	}
	if err := setlk(a, syscall.F_SETLK, syscall.F_WRLCK, 0, 0); err != nil {
		t.Fatalf("F_SETLK again on the same range: %v", err)
	}
	wantErrno(t, "F_SETLK read lock over another mount's write lock", setlk(b, syscall.F_SETLK, syscall.F_RDLCK, 100, 10), syscall.EAGAIN)
	lk := syscall.Flock_t{Type: syscall.F_RDLCK, Start: 0, Len: 10}
	if err := syscall.FcntlFlock(b.Fd(), syscall.F_GETLK, &lk); err != nil {
		t.Fatalf("F_GETLK: %v", err)
	}
	if lk.Type != syscall.F_WRLCK {
		t.Errorf("F_GETLK: type %d, want F_WRLCK", lk.Type)
	}
	_, err := b.WriteAt([]byte("x"), 10)
	wantErrno(t, "write into a range another mount locked", err, syscall.EAGAIN)

	if err := setlk(a, syscall.F_SETLK, syscall.F_UNLCK, 0, 0); err != nil {
		t.Fatalf("unlock: %v", err)
	}
	lk = syscall.Flock_t{Type: syscall.F_WRLCK, Start: 0, Len: 10}
	if err := syscall.FcntlFlock(b.Fd(), syscall.F_GETLK, &lk); err != nil || lk.Type != syscall.F_UNLCK {
		t.Errorf("F_GETLK after unlock: type %d, err %v; want F_UNLCK", lk.Type, err)
	}
	if err := setlk(b, syscall.F_SETLK, syscall.F_WRLCK, 0, 100); err != nil {
		t.Fatalf("F_SETLK after the other's unlock: %v", err)
	}
	// Downgrade and upgrade of the same range; a lock that would
	// overlap part of one the handle holds is ENOLCK.
	if err := setlk(b, syscall.F_SETLK, syscall.F_RDLCK, 0, 100); err != nil {
		t.Fatalf("downgrade: %v", err)
	}
	if err := setlk(b, syscall.F_SETLK, syscall.F_WRLCK, 0, 100); err != nil {
		t.Fatalf("upgrade: %v", err)
	}
	wantErrno(t, "partly overlapping lock", setlk(b, syscall.F_SETLK, syscall.F_WRLCK, 50, 100), syscall.ENOLCK)

	// F_SETLKW waits until the holder unlocks.
	done := make(chan error, 1)
	go func() { done <- setlk(a, syscall.F_SETLKW, syscall.F_WRLCK, 0, 0) }()
	time.Sleep(200 * time.Millisecond) // let the lock reach the server (correct either way)
	select {
	case err := <-done:
		t.Fatalf("F_SETLKW returned while the range was locked: %v", err)
	default:
	}
	if err := setlk(b, syscall.F_SETLK, syscall.F_UNLCK, 0, 0); err != nil {
		t.Fatalf("unlock b: %v", err)
	}
	if err := <-done; err != nil {
		t.Fatalf("F_SETLKW after unlock: %v", err)
	}
	wantErrno(t, "F_SETLK while the waiter holds the lock", setlk(b, syscall.F_SETLK, syscall.F_RDLCK, 0, 0), syscall.EAGAIN)
	if err := setlk(a, syscall.F_SETLK, syscall.F_UNLCK, 0, 0); err != nil {
		t.Fatalf("unlock a: %v", err)
	}
}

// TestLiveLockFlock: flock(2) through one mount holds against another; a
// waiting flock interrupted by a signal fails (EINTR, the SMB LOCK is
// cancelled) and leaves the mount working.
func TestLiveLockFlock(t *testing.T) {
	a, b, pathA := lockPair(t)

	if err := syscall.Flock(int(b.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		t.Fatalf("flock b: %v", err)
	}
	wantErrno(t, "flock LOCK_EX|LOCK_NB over another mount's lock", syscall.Flock(int(a.Fd()), syscall.LOCK_EX|syscall.LOCK_NB), syscall.EWOULDBLOCK)

	// flock(1) -w arms SIGALRM without SA_RESTART: the waiting flock(2)
	// is interrupted, the kernel sends FUSE_INTERRUPT, we cancel the
	// LOCK and the call fails with EINTR, which flock(1) reports as a
	// timeout (exit status 1).
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	err := exec.CommandContext(ctx, "flock", "-x", "-w", "1", pathA, "true").Run()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 1 {
		t.Fatalf("interrupted waiting flock: got %v, want exit status 1", err)
	}
	wantErrno(t, "flock after the interrupted one", syscall.Flock(int(a.Fd()), syscall.LOCK_SH|syscall.LOCK_NB), syscall.EWOULDBLOCK)

	if err := syscall.Flock(int(b.Fd()), syscall.LOCK_UN); err != nil {
		t.Fatalf("unlock b: %v", err)
	}
	if err := syscall.Flock(int(a.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		t.Fatalf("flock a after b's unlock: %v", err)
	}
	if out, err := exec.CommandContext(ctx, "flock", "-x", "-n", filepath.Join(filepath.Dir(pathA), "other"), "true").CombinedOutput(); err != nil {
		t.Errorf("flock of another file: %v %s", err, out)
	}
	if err := syscall.Flock(int(a.Fd()), syscall.LOCK_UN); err != nil {
		t.Fatalf("unlock a: %v", err)
	}
}
