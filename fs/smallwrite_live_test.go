//go:build linux

package fs_test

// Small writes through a real mount (writebehind.go): under a write lease, the
// bytes of small contiguous writes are held back and sent at close(2)
// together with the modification time, in one compound (WriteFinish).
// Whatever the application does in between (read, another write, close),
// it must see its bytes, and a failure must come out of close(2).

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"golang.org/x/sys/unix"

	smbfs "github.com/smb3fs/smb3fs/fs"
)

func TestLiveSmallWritesHeldUntilClose(t *testing.T) {
	m := mountShare(t, smbfs.Options{})
	cases := []struct {
		name   string
		writes [][2]int // offset, length
	}{
		{"three contiguous", [][2]int{{0, 1000}, {1000, 1000}, {2000, 1000}}},
		{"overlapping rewrite", [][2]int{{0, 1000}, {200, 500}, {1000, 24}}},
		{"gap", [][2]int{{0, 100}, {5000, 100}}},
		{"past the held limit", [][2]int{{0, 40 << 10}, {40 << 10, 40 << 10}, {80 << 10, 10}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			name := "small-" + c.name
			p := m.path(name)
			f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0644)
			if err != nil {
				t.Fatal(err)
			}
			var want []byte
			for _, w := range c.writes {
				b := randBytes(w[1])
				if _, err := f.WriteAt(b, int64(w[0])); err != nil {
					t.Fatalf("write at %d: %v", w[0], err)
				}
				if end := w[0] + w[1]; end > len(want) {
					want = append(want, make([]byte, end-len(want))...)
				}
				copy(want[w[0]:], b)
			}
			// Another descriptor reads what was written, held or not.
			got, err := os.ReadFile(p)
			if err != nil || !bytes.Equal(got, want) {
				t.Fatalf("read through the mount before close: %d bytes (%v), want the %d written", len(got), err, len(want))
			}
			if err := f.Close(); err != nil {
				t.Fatalf("close: %v", err)
			}
			// close(2) returned: the bytes are on the server's disk.
			disk, err := os.ReadFile(m.onDisk(name))
			if err != nil || !bytes.Equal(disk, want) {
				t.Fatalf("server's disk after close: %d bytes (%v), want the %d written", len(disk), err, len(want))
			}
			st1, err := os.Stat(p)
			if err != nil {
				t.Fatal(err)
			}
			if st1.Size() != int64(len(want)) {
				t.Fatalf("stat after close: size %d, want %d", st1.Size(), len(want))
			}
			// The time set at close(2) is the one the file keeps: the
			// same through the mount once every cache has expired, and
			// on the disk once the server closed its handle (the kernel
			// closes it after close(2) returned; FILETIME is 100 ns).
			time.Sleep(1500 * time.Millisecond) // past actimeo (1 s)
			st2, err := os.Stat(p)
			if err != nil {
				t.Fatal(err)
			}
			if !st2.ModTime().Equal(st1.ModTime()) || st2.Size() != st1.Size() {
				t.Fatalf("after the caches expired: size %d mtime %v, right after close: size %d mtime %v",
					st2.Size(), st2.ModTime(), st1.Size(), st1.ModTime())
			}
			ds, err := os.Stat(m.onDisk(name))
			if err != nil {
				t.Fatal(err)
			}
			if d := st1.ModTime().Sub(ds.ModTime()); d < -100*time.Nanosecond || d > 100*time.Nanosecond {
				t.Fatalf("mtime through the mount %v, on the disk %v", st1.ModTime(), ds.ModTime())
			}
		})
	}
}

func TestLiveSmallWriteDiskFull(t *testing.T) {
	// The full share (a 32 MiB tmpfs) is filled up; then a small file's
	// bytes, held back by write(2), cannot be written at close(2): close
	// must say ENOSPC (not succeed, not EIO), and nothing of it is on the
	// disk as if it were written.
	dir, disk := mountFull(t)
	filler, err := os.OpenFile(filepath.Join(dir, "filler"), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0644)
	if err != nil {
		t.Fatal(err)
	}
	chunk := randBytes(1 << 20)
	for i := 0; ; i++ {
		err := boundedCall(t, "write", func() error { _, err := unix.Write(int(filler.Fd()), chunk); return err })
		if err != nil {
			break
		}
		if i > 64 {
			t.Fatal("wrote 64 MiB into a 32 MiB share without an error")
		}
	}
	boundedCall(t, "close", filler.Close) // its error was seen above
	// Top up with small pieces, so that not even 4 KiB is left.
	top, err := os.OpenFile(filepath.Join(dir, "top"), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0644)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 1024; i++ {
		if err := boundedCall(t, "fsync", func() error {
			if _, err := unix.Write(int(top.Fd()), chunk[:4096]); err != nil {
				return err
			}
			return top.Sync()
		}); err != nil {
			break
		}
	}
	boundedCall(t, "close", top.Close)

	want := randBytes(4096)
	f, err := os.OpenFile(filepath.Join(dir, "small"), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0644)
	if err != nil {
		t.Fatalf("create on a full disk: %v", err)
	}
	werr := boundedCall(t, "write", func() error { _, err := unix.Write(int(f.Fd()), want); return err })
	cerr := boundedCall(t, "close", f.Close)
	switch {
	case werr != nil && !errors.Is(werr, syscall.ENOSPC):
		t.Fatalf("write: %v, want success (held back) or ENOSPC", werr)
	case werr == nil && !errors.Is(cerr, syscall.ENOSPC):
		t.Fatalf("write returned, close: %v; want ENOSPC", cerr)
	}
	t.Logf("write: %v, close: %v", werr, cerr)
	if b, err := os.ReadFile(filepath.Join(disk, "small")); err == nil && bytes.Equal(b, want) {
		t.Fatal("close(2) failed, yet the bytes are on the disk")
	}
	// Space freed: the same mount writes a small file again.
	if err := os.Remove(filepath.Join(dir, "filler")); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "again"), want, 0644); err != nil {
		t.Fatalf("small write after freeing space: %v", err)
	}
	if b, err := os.ReadFile(filepath.Join(disk, "again")); err != nil || !bytes.Equal(b, want) {
		t.Fatalf("on the disk after freeing space: %d bytes (%v)", len(b), err)
	}
}
