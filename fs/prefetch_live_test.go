//go:build linux

package fs_test

import (
	"bytes"
	"io"
	"os"
	"testing"
	"time"

	smbfs "github.com/smb3fs/smb3fs/fs"
)

// Files opened read-only bypass the page cache (FOPEN_DIRECT_IO) and are
// read ahead by the mount itself (prefetch.go). These tests read through
// a real mount and compare with the server's disk.

// readAllIn reads f to its end in read(2)s of size bytes.
func readAllIn(t *testing.T, f *os.File, size int) []byte {
	t.Helper()
	var out []byte
	buf := make([]byte, size)
	for {
		n, err := f.Read(buf)
		out = append(out, buf[:n]...)
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatalf("read of %d at %d: %v", size, len(out), err)
		}
	}
}

// TestLiveDirectReadSizes reads a file of 3 MiB and a bit in read(2)s of
// sizes that do and do not divide the read-ahead chunks, so that reads
// straddle chunks and end inside one.
func TestLiveDirectReadSizes(t *testing.T) {
	m := mountShare(t, smbfs.Options{})
	data := randBytes(3<<20 + 4567)
	if err := os.WriteFile(m.onDisk("big"), data, 0644); err != nil {
		t.Fatal(err)
	}
	for _, size := range []int{4096, 10240, 32768, 100000, 128 << 10, 1 << 20} {
		f, err := os.Open(m.path("big"))
		if err != nil {
			t.Fatal(err)
		}
		got := readAllIn(t, f, size)
		f.Close()
		if !bytes.Equal(got, data) {
			t.Errorf("read(2)s of %d: got %d bytes, want %d (first difference at %d)", size, len(got), len(data), firstDiff(got, data))
		}
	}
	// Reads that jump about: each one a READ of its own.
	f, err := os.Open(m.path("big"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, off := range []int64{2 << 20, 17, 3<<20 + 4000, 1<<20 - 5, 0} {
		buf := make([]byte, 70000)
		n, err := f.ReadAt(buf, off)
		want := data[off:min(off+int64(len(buf)), int64(len(data)))]
		if err != nil && err != io.EOF || !bytes.Equal(buf[:n], want) {
			t.Errorf("pread of %d at %d: %d bytes (%v), want %d equal bytes", len(buf), off, n, err, len(want))
		}
	}
}

// openFromDisk writes data as name on the server's disk (as another
// client would) and opens it read-only through the mount until the test
// ends.
func openFromDisk(t *testing.T, m *mounted, name string, data []byte) *os.File {
	t.Helper()
	if err := os.WriteFile(m.onDisk(name), data, 0644); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(m.path(name))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func firstDiff(a, b []byte) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

// TestLiveDirectReadNotCached: a read-only descriptor reads from the
// server, not from pages the kernel kept: a change made on the server
// (another client) is seen by the next read that is not read ahead, at
// once. Through the page cache the first read's page would answer it.
func TestLiveDirectReadNotCached(t *testing.T) {
	m := mountShare(t, smbfs.Options{Timeout: 10 * time.Second})
	a, b := bytes.Repeat([]byte("a"), 8192), bytes.Repeat([]byte("b"), 8192)
	f := openFromDisk(t, m, "f", a)
	buf := make([]byte, 4096)
	if _, err := f.ReadAt(buf, 0); err != nil || !bytes.Equal(buf, a[:4096]) {
		t.Fatalf("first read: %v, %q...", err, buf[:8])
	}
	if err := os.WriteFile(m.onDisk("f"), b, 0644); err != nil {
		t.Fatal(err)
	}
	if _, err := f.ReadAt(buf, 0); err != nil || !bytes.Equal(buf, b[:4096]) {
		t.Errorf("read after the server's change: %v, %q..., want the new bytes", err, buf[:8])
	}
}

// TestLiveReadAheadSeesWrite: bytes read ahead for one descriptor are not
// served after a write through another has returned; the reader sees
// the write.
func TestLiveReadAheadSeesWrite(t *testing.T) {
	m := mountShare(t, smbfs.Options{Timeout: 10 * time.Second})
	data := randBytes(2 << 20)
	if err := os.WriteFile(m.path("f"), data, 0644); err != nil { // alice's, to write again
		t.Fatal(err)
	}
	r, err := os.Open(m.path("f"))
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	buf := make([]byte, 8192)
	for i := 0; i < 8; i++ { // sequential: the chunks ahead are read
		if _, err := io.ReadFull(r, buf); err != nil {
			t.Fatal(err)
		}
	}
	w, err := os.OpenFile(m.path("f"), os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	patch := bytes.Repeat([]byte("W"), 10000)
	const at = 300 << 10 // inside the chunk being read ahead
	if _, err := w.WriteAt(patch, at); err != nil {
		t.Fatal(err)
	}
	want := bytes.Clone(data)
	copy(want[at:], patch)
	rest := readAllIn(t, r, 8192)
	if got := append(bytes.Clone(data[:64<<10]), rest...); !bytes.Equal(got, want) {
		t.Errorf("reader after the write: first difference at %d, want the written bytes at %d", firstDiff(got, want), at)
	}
}

// TestLiveReadAheadExpires: bytes read ahead are not served once they are
// older than the attribute timeout; a change made on the server before
// the reader gets there is then seen.
func TestLiveReadAheadExpires(t *testing.T) {
	const actimeo = 500 * time.Millisecond
	m := mountShare(t, smbfs.Options{Timeout: actimeo})
	data := randBytes(1 << 20)
	r := openFromDisk(t, m, "f", data)
	buf := make([]byte, 8192)
	for i := 0; i < 4; i++ {
		if _, err := io.ReadFull(r, buf); err != nil {
			t.Fatal(err)
		}
	}
	// The chunk under the reader covers the rest of the file by now.
	want := bytes.Clone(data)
	const at = 512 << 10
	copy(want[at:], bytes.Repeat([]byte("S"), 4096))
	disk, err := os.OpenFile(m.onDisk("f"), os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := disk.WriteAt(want[at:at+4096], at); err != nil {
		t.Fatal(err)
	}
	disk.Close()
	time.Sleep(actimeo + 200*time.Millisecond)
	rest := readAllIn(t, r, 8192)
	if got := append(bytes.Clone(data[:32<<10]), rest...); !bytes.Equal(got, want) {
		t.Errorf("reader after the server's change and actimeo: first difference at %d, want the changed bytes at %d", firstDiff(got, want), at)
	}
}
