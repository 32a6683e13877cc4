//go:build linux

package main

// A full disk through a real mount: the share "full" of the test
// environment is a 32 MiB tmpfs of its own. Writing more than fits must
// fail with ENOSPC (at write, fsync or close: never silently, never with
// another errno, never a hang), a file written before must stay intact,
// and once space is freed the same mount writes again.

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/sys/unix"

	"github.com/smb3fs/smb3fs/internal/testenv"
)

// diskFullBound is how long one system call on the full share may take
// before the test calls it hung.
const diskFullBound = 2 * time.Minute

// bounded runs fn and fails the test if it has not returned after
// diskFullBound (the goroutine is left behind; the test ends).
func bounded(t *testing.T, what string, fn func() error) error {
	t.Helper()
	return testenv.Bounded(t, what+" on a full disk", diskFullBound, fn)
}

func TestLiveDiskFull(t *testing.T) {
	env := testenv.Env(t)
	share := env.Shares.Full
	if share == "" {
		t.Fatal("env.json names no full share: this environment predates it; run scripts/testenv up (it restarts the servers)")
	}
	onDisk := env.ShareDirs[share]
	bin := testenv.DaemonBinary(t)
	cc := env.Kinit(t, "alice")
	dir := t.TempDir()
	out, code := runMountCmd(t, env, bin, cc, nil, "mount", "//"+env.DC.Host+"/"+share, dir, "-o", "actimeo=0")
	if code != 0 {
		t.Fatalf("mount: exit %d: %s", code, out)
	}
	t.Cleanup(func() {
		if mountedAt(t, dir) {
			exec.Command(bin, "unmount", "--lazy", dir).Run()
		}
	})
	top := env.ScratchName(t, share, "diskfull")
	if err := os.Mkdir(filepath.Join(dir, top), 0755); err != nil {
		t.Fatal(err)
	}

	// statfs through the mount tells the share's size: the tmpfs, not the
	// disk the other shares are on.
	var sf unix.Statfs_t
	if err := unix.Statfs(dir, &sf); err != nil {
		t.Fatalf("statfs: %v", err)
	}
	total := int64(sf.Blocks) * int64(sf.Bsize)
	if total < 16<<20 || total > 64<<20 {
		t.Fatalf("statfs says the share holds %d bytes; the full share is a 32 MiB tmpfs (is it mounted under the servers? scripts/testenv up)", total)
	}
	t.Logf("share size by statfs: %d bytes, %d free", total, int64(sf.Bavail)*int64(sf.Bsize))

	keep := filepath.Join(dir, top, "keep.bin")
	keepData := soakContent(7, 1<<20+13)
	if err := writeSynced(keep, keepData); err != nil {
		t.Fatalf("writing keep.bin on the empty share: %v", err)
	}

	// Write 64 MiB into 32: every write, the fsync and the close are
	// recorded; the first error must be ENOSPC.
	big := filepath.Join(dir, top, "big.bin")
	f, err := os.OpenFile(big, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0644)
	if err != nil {
		t.Fatal(err)
	}
	chunk := soakContent(8, 1<<20)
	var writeErr error
	acked := 0
	for i := 0; i < 64 && writeErr == nil; i++ {
		writeErr = bounded(t, fmt.Sprintf("write %d", i), func() error {
			n, err := unix.Write(int(f.Fd()), chunk)
			if err == nil && n < len(chunk) {
				err = fmt.Errorf("short write: %d of %d bytes", n, len(chunk))
			}
			return err
		})
		if writeErr == nil {
			acked += len(chunk)
		}
	}
	syncErr := bounded(t, "fsync", func() error { return unix.Fsync(int(f.Fd())) })
	closeErr := bounded(t, "close", f.Close)
	t.Logf("%d bytes acknowledged by write(2); write: %v; fsync: %v; close: %v", acked, writeErr, syncErr, closeErr)
	first := errors.Join(writeErr, syncErr, closeErr)
	switch {
	case first == nil:
		t.Errorf("64 MiB written into a 32 MiB share and no write, fsync or close failed: data lost silently")
	case !errors.Is(firstErr(writeErr, syncErr, closeErr), syscall.ENOSPC):
		t.Errorf("the first error is %v, want ENOSPC (no space left on device)", firstErr(writeErr, syncErr, closeErr))
	}
	for _, e := range []error{writeErr, syncErr, closeErr} {
		var en syscall.Errno
		if e != nil && errors.As(e, &en) && en != syscall.ENOSPC {
			t.Errorf("an error other than ENOSPC: %v", e)
		}
	}
	if writeErr != nil && acked >= 40<<20 {
		t.Errorf("%d bytes acknowledged by write(2) on a 32 MiB share", acked)
	}

	// What was there before is intact, through the mount and on the disk.
	for _, p := range []string{keep, filepath.Join(onDisk, top, "keep.bin")} {
		got, err := os.ReadFile(p)
		if err != nil || sha256.Sum256(got) != sha256.Sum256(keepData) {
			t.Errorf("%s after the disk filled: %d bytes, %v; want the %d bytes written", p, len(got), err, len(keepData))
		}
	}
	// The part of big.bin on the server is what was written, no garbage.
	// Several WRITEs are in flight when the disk fills, and the server
	// runs them in parallel: one can fail while a later one, at a higher
	// offset, lands, which leaves a hole of zeros where the failed one
	// would have gone (its failure was reported above). Any other byte
	// that differs is garbage.
	if got, err := os.ReadFile(filepath.Join(onDisk, top, "big.bin")); err == nil {
		holes := 0
		for i := range got {
			want := chunk[i%len(chunk)]
			if got[i] == want {
				continue
			}
			if got[i] != 0 {
				t.Errorf("big.bin on the server has byte 0x%02x at %d, where 0x%02x was written", got[i], i, want)
				break
			}
			holes++
		}
		t.Logf("big.bin on the server: %d bytes, %d of them a hole left by a failed write", len(got), holes)
	}

	// cp of a file that does not fit fails and says so.
	src := filepath.Join(t.TempDir(), "src.bin")
	if err := os.WriteFile(src, bytes.Repeat(chunk, 40), 0644); err != nil {
		t.Fatal(err)
	}
	cpOut, cpCode := runBounded(t, exec.Command("cp", src, filepath.Join(dir, top, "cp.bin")), diskFullBound)
	if cpCode == 0 || !strings.Contains(cpOut, "No space left on device") {
		t.Errorf("cp of 40 MiB onto the full share: exit %d, %q; want a failure with ENOSPC", cpCode, strings.TrimSpace(cpOut))
	}

	// Free the space: the same mount writes again.
	for _, n := range []string{"big.bin", "cp.bin"} {
		if err := unix.Unlink(filepath.Join(dir, top, n)); err != nil && err != unix.ENOENT {
			t.Errorf("unlink %s: %v", n, err)
		}
	}
	again := soakContent(9, 8<<20)
	if err := writeSynced(filepath.Join(dir, top, "again.bin"), again); err != nil {
		t.Fatalf("writing 8 MiB after freeing the space: %v", err)
	}
	if got, err := os.ReadFile(filepath.Join(onDisk, top, "again.bin")); err != nil || !bytes.Equal(got, again) {
		t.Errorf("again.bin on the server: %d bytes, %v", len(got), err)
	}
}

// firstErr returns the first non-nil error.
func firstErr(errs ...error) error {
	for _, e := range errs {
		if e != nil {
			return e
		}
	}
	return nil
}
