//go:build linux

package fs_test

// Write-behind through a real mount (writebehind.go): a write(2) returns once its
// WRITE is sent, so every failure must still reach the application at the
// next write(2), fsync(2) or close(2), and reads, stats and truncates must
// see every write made before them.

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"golang.org/x/sys/unix"

	smbfs "github.com/smb3fs/smb3fs/fs"
	"github.com/smb3fs/smb3fs/internal/testenv"
)

// mountNamed mounts share like mountShare and returns a scratch directory
// in it, with that directory on the server's disk.
func mountNamed(t *testing.T, share string) (dir, disk string) {
	t.Helper()
	m := mountOn(t, share, smbfs.Options{})
	return m.dir, m.disk
}

// mountFull mounts the full share (a 32 MiB tmpfs of its own, see
// scripts/testenv) like mountNamed.
func mountFull(t *testing.T) (dir, disk string) {
	t.Helper()
	share := testenv.Env(t).Shares.Full
	if share == "" {
		t.Fatal("env.json names no full share: run scripts/testenv up")
	}
	return mountNamed(t, share)
}

// boundedCall runs fn and fails the test if it has not returned within
// two minutes (a hang, not a slow server).
func boundedCall(t *testing.T, what string, fn func() error) error {
	t.Helper()
	return testenv.Bounded(t, what, 2*time.Minute, fn)
}

func TestLiveWriteBehindDiskFull(t *testing.T) {
	// The full share is a 32 MiB tmpfs. Write 2 MiB more than it has free
	// in 1 MiB writes: the WRITEs that fail are the last ones, still in
	// flight when their write(2) returned (4 MiB are kept in flight), so
	// no later write(2) may be there to report them: fsync must. Once a
	// call reported ENOSPC, every later one on the descriptor does too
	// (sticky), and nothing but ENOSPC is reported.
	dir, disk := mountFull(t)
	var sf unix.Statfs_t
	if err := unix.Statfs(dir, &sf); err != nil {
		t.Fatalf("statfs: %v", err)
	}
	free := int64(sf.Bavail) * int64(sf.Bsize)
	if total := int64(sf.Blocks) * int64(sf.Bsize); total > 64<<20 {
		t.Fatalf("the full share holds %d bytes; want the 32 MiB tmpfs", total)
	}
	chunk := randBytes(1 << 20)
	n := int(free>>20) + 2
	f, err := os.OpenFile(filepath.Join(dir, "big.bin"), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0644)
	if err != nil {
		t.Fatal(err)
	}
	var errs []error // write, then fsync, then close
	calls := []string{}
	wrote := 0
	for i := 0; i < n; i++ {
		err := boundedCall(t, "write", func() error {
			_, err := unix.Write(int(f.Fd()), chunk)
			return err
		})
		if err != nil {
			errs, calls = append(errs, err), append(calls, fmt.Sprintf("write %d", i))
			// The next write on the descriptor reports it again.
			err = boundedCall(t, "write", func() error { _, err := unix.Write(int(f.Fd()), chunk); return err })
			errs, calls = append(errs, err), append(calls, "write again")
			break
		}
		wrote++
	}
	errs = append(errs, boundedCall(t, "fsync", func() error { return unix.Fsync(int(f.Fd())) }))
	calls = append(calls, "fsync")
	errs = append(errs, boundedCall(t, "close", f.Close))
	calls = append(calls, "close")
	t.Logf("%d MiB free, %d 1 MiB writes returned success; then %v: %v", free>>20, wrote, calls, errs)
	reported := false
	for i, e := range errs {
		switch {
		case e == nil && reported:
			t.Errorf("%s succeeded after an earlier call reported ENOSPC: the error must stick", calls[i])
		case e != nil && !errors.Is(e, syscall.ENOSPC):
			t.Errorf("%s: %v, want ENOSPC", calls[i], e)
		case e != nil:
			reported = true
		}
	}
	if !reported {
		t.Errorf("%d MiB written into %d MiB free and neither write, fsync nor close failed: data lost silently", n, free>>20)
	}
	// Free the space for the next user of the share.
	os.Remove(filepath.Join(disk, "big.bin"))
}

func TestLiveWriteBehindOrdering(t *testing.T) {
	// Writes in flight are waited for by whatever must see them: an
	// overlapping write from another descriptor, stat, a read through a
	// third descriptor, ftruncate; and the data on the server after close
	// is the last write of every byte.
	m := mountShare(t, smbfs.Options{})
	p := m.path("order.bin")
	a := randBytes(8 << 20)
	f1, err := os.OpenFile(p, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0644)
	if err != nil {
		t.Fatal(err)
	}
	for off := 0; off < len(a); off += 1 << 20 {
		if _, err := f1.WriteAt(a[off:off+1<<20], int64(off)); err != nil {
			t.Fatalf("write at %d: %v", off, err)
		}
	}
	// stat right after: the size counts the writes in flight.
	if st, err := os.Stat(p); err != nil || st.Size() != int64(len(a)) {
		t.Fatalf("stat after the writes: %v, %v; want size %d", st, err, len(a))
	}
	// Overlapping writes from a second descriptor, while f1's last
	// writes may be in flight: the later write wins.
	b := bytes.Repeat([]byte("B"), 3<<20)
	f2, err := os.OpenFile(p, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f1.WriteAt(a[5<<20:7<<20], 5<<20); err != nil { // again, same data
		t.Fatal(err)
	}
	if _, err := f2.WriteAt(b, 5<<20); err != nil {
		t.Fatal(err)
	}
	want := append(append(append([]byte{}, a[:5<<20]...), b...), a[8<<20:]...)
	want = want[:8<<20]
	// A third descriptor (its own SMB handle) reads what was written.
	f3, err := os.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	got := make([]byte, len(want))
	if _, err := f3.ReadAt(got, 0); err != nil || !bytes.Equal(got, want) {
		t.Fatalf("read through a third descriptor: %v; equal %v", err, bytes.Equal(got, want))
	}
	// ftruncate after writes in flight: the size is the truncated one,
	// not extended again by a WRITE landing late.
	if _, err := f2.WriteAt(bytes.Repeat([]byte("C"), 1<<20), 6<<20); err != nil {
		t.Fatal(err)
	}
	if err := f1.Truncate(6 << 20); err != nil {
		t.Fatalf("ftruncate: %v", err)
	}
	want = want[:6<<20]
	for _, f := range []*os.File{f1, f2, f3} {
		if err := f.Close(); err != nil {
			t.Fatalf("close: %v", err)
		}
	}
	disk, err := os.ReadFile(m.onDisk("order.bin"))
	if err != nil || !bytes.Equal(disk, want) {
		t.Fatalf("on the server: %d bytes, %v; want %d bytes, equal %v", len(disk), err, len(want), bytes.Equal(disk, want))
	}
}
