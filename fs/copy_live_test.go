//go:build linux

package fs_test

import (
	"bytes"
	"crypto/sha256"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"golang.org/x/sys/unix"

	"github.com/smb3fs/smb3fs/client"
	smbfs "github.com/smb3fs/smb3fs/fs"
	"github.com/smb3fs/smb3fs/internal/mitm"
	"github.com/smb3fs/smb3fs/internal/testenv"
)

// proxied is a live mount whose SMB connection runs through a proxy that
// records every frame, so a test can see how many bytes an operation put
// on the wire.
type proxied struct {
	px   *mitm.Proxy
	dir  string // scratch directory on the mount
	disk string // the same directory on the server's disk
}

func mountProxied(t *testing.T) *proxied {
	t.Helper()
	env := testenv.Env(t)
	px, err := mitm.Start(env.DC.SMBAddr(), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(px.Close) // after the unmount: cleanups run last first
	m := mountWith(t, env.Shares.Encrypted, smbfs.Options{}, func(o *client.Options) { o.Dial = px.Dial })
	return &proxied{px: px, dir: m.dir, disk: m.disk}
}

// wireBytes is the number of bytes the proxy forwarded so far.
func (p *proxied) wireBytes() int {
	n := 0
	for _, f := range p.px.Frames() {
		n += len(f.Data)
	}
	return n
}

// copyRange calls copy_file_range(2) until length bytes are copied or it
// returns 0 (end of the source), and returns the total.
func copyRange(t *testing.T, in, out *os.File, offIn, offOut int64, length int) int {
	t.Helper()
	total := 0
	for total < length {
		n, err := unix.CopyFileRange(int(in.Fd()), &offIn, int(out.Fd()), &offOut, length-total, 0)
		if err != nil {
			t.Fatalf("copy_file_range: %v", err)
		}
		if n == 0 {
			break
		}
		total += n
	}
	return total
}

// TestLiveCopyFileRange copies between two files of the mount with
// copy_file_range(2): unaligned, across the server's chunk and request
// limits, past the source's end, into a file whose pages and attributes
// the kernel holds, and checks the bytes on the server's disk, the sizes
// stat(2) shows and that the data never crossed the wire.
func TestLiveCopyFileRange(t *testing.T) {
	p := mountProxied(t)
	const size = 20<<20 + 333
	src := randBytes(size)
	if err := os.WriteFile(filepath.Join(p.dir, "src"), src, 0644); err != nil {
		t.Fatal(err)
	}
	in, err := os.Open(filepath.Join(p.dir, "src"))
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	dstPath := filepath.Join(p.dir, "dst")
	// The target starts with 1 MiB of 'x' that this handle reads into the
	// page cache, and whose size stat(2) caches.
	if err := os.WriteFile(dstPath, bytes.Repeat([]byte{'x'}, 1<<20), 0644); err != nil {
		t.Fatal(err)
	}
	out, err := os.OpenFile(dstPath, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	if _, err := io.ReadAll(out); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Stat(dstPath); err != nil || st.Size() != 1<<20 {
		t.Fatalf("stat before: %v %v", st, err)
	}

	const offIn, offOut, length = 12345, 777, 17<<20 + 4321
	before := p.wireBytes()
	if n := copyRange(t, in, out, offIn, offOut, length); n != length {
		t.Fatalf("copied %d bytes, want %d", n, length)
	}
	onWire := p.wireBytes() - before
	t.Logf("copy_file_range of %d bytes: %d bytes on the wire", length, onWire)
	if onWire > 256<<10 {
		t.Errorf("copy_file_range put %d bytes on the wire: the data went through the client", onWire)
	}

	want := bytes.Repeat([]byte{'x'}, offOut+length)
	copy(want[offOut:], src[offIn:offIn+length])
	// The size is not stale, though stat(2) cached 1 MiB a moment ago.
	if st, err := os.Stat(dstPath); err != nil || st.Size() != int64(len(want)) {
		t.Errorf("stat after: size %v (err %v), want %d", st.Size(), err, len(want))
	}
	if st, err := out.Stat(); err != nil || st.Size() != int64(len(want)) {
		t.Errorf("fstat after: size %v (err %v), want %d", st.Size(), err, len(want))
	}
	// Reading through the same handle sees the copy, not cached 'x'.
	got := make([]byte, len(want))
	if _, err := out.ReadAt(got, 0); err != nil {
		t.Fatalf("read back: %v", err)
	}
	if !bytes.Equal(got, want) {
		t.Error("read through the mount after the copy differs")
	}
	disk, err := os.ReadFile(filepath.Join(p.disk, "dst"))
	if err != nil || !bytes.Equal(disk, want) {
		t.Errorf("server's disk: %d bytes (err %v), differ from the expected %d", len(disk), err, len(want))
	}

	// At the source's end copy_file_range copies what is left, then 0.
	offA, offB := int64(size-100), int64(0)
	n, err := unix.CopyFileRange(int(in.Fd()), &offA, int(out.Fd()), &offB, 1<<20, 0)
	if err != nil || n != 100 {
		t.Errorf("copy across the source's end: %d, %v; want 100", n, err)
	}
	n, err = unix.CopyFileRange(int(in.Fd()), &offA, int(out.Fd()), &offB, 1<<20, 0)
	if err != nil || n != 0 {
		t.Errorf("copy at the source's end: %d, %v; want 0", n, err)
	}
	head := make([]byte, 100)
	if _, err := out.ReadAt(head, 0); err != nil || !bytes.Equal(head, src[size-100:]) {
		t.Errorf("tail copy: read %v, differs", err)
	}
}

// TestLiveCpServerSide copies a 20 MiB file with cp(1), which uses
// copy_file_range(2), and checks the copy on the mount and on the server's
// disk and that the data never crossed the wire.
func TestLiveCpServerSide(t *testing.T) {
	p := mountProxied(t)
	src := randBytes(20 << 20)
	if err := os.WriteFile(filepath.Join(p.dir, "a"), src, 0644); err != nil {
		t.Fatal(err)
	}
	before := p.wireBytes()
	run(t, "cp", filepath.Join(p.dir, "a"), filepath.Join(p.dir, "b"))
	onWire := p.wireBytes() - before
	t.Logf("cp of 20 MiB: %d bytes on the wire", onWire)
	if onWire > 1<<20 {
		t.Errorf("cp put %d bytes on the wire: not a server-side copy", onWire)
	}
	want := sha256.Sum256(src)
	for _, path := range []string{filepath.Join(p.dir, "b"), filepath.Join(p.disk, "b")} {
		got, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if sha256.Sum256(got) != want {
			t.Errorf("%s: %d bytes, differ from the source", path, len(got))
		}
	}
}

// TestLiveCopyFileRangeSpeed measures, once and for information only, a
// 200 MiB copy_file_range(2) on the mount against read(2)+write(2) through
// it. It runs only with
// SMB3FS_COPY_SPEED=1: it moves 400 MiB through port 445, which would slow
// the suite and crowd out the tests that capture that port.
func TestLiveCopyFileRangeSpeed(t *testing.T) {
	if os.Getenv("SMB3FS_COPY_SPEED") != "1" {
		t.Skip("informational; set SMB3FS_COPY_SPEED=1 to measure")
	}
	p := mountShare(t, smbfs.Options{}) // no proxy: it would slow the copy through the mount
	const size = 200 << 20
	if err := os.WriteFile(filepath.Join(p.dir, "src"), randBytes(size), 0644); err != nil {
		t.Fatal(err)
	}
	in, err := os.Open(filepath.Join(p.dir, "src"))
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	create := func(name string) *os.File {
		f, err := os.Create(filepath.Join(p.dir, name))
		if err != nil {
			t.Fatal(err)
		}
		return f
	}

	out := create("server")
	start := time.Now()
	if n := copyRange(t, in, out, 0, 0, size); n != size {
		t.Fatalf("copied %d", n)
	}
	server := time.Since(start)
	out.Close()

	out = create("through")
	buf := make([]byte, 1<<20)
	start = time.Now()
	for off := int64(0); off < size; off += int64(len(buf)) {
		if _, err := in.ReadAt(buf, off); err != nil {
			t.Fatal(err)
		}
		if _, err := out.WriteAt(buf, off); err != nil {
			t.Fatal(err)
		}
	}
	through := time.Since(start)
	out.Close()
	mbps := func(d time.Duration) float64 { return float64(size) / (1 << 20) / d.Seconds() }
	t.Logf("200 MiB on the mount: copy_file_range %v (%.0f MB/s), read+write %v (%.0f MB/s)",
		server, mbps(server), through, mbps(through))
	a, _ := os.ReadFile(filepath.Join(p.disk, "server"))
	b, _ := os.ReadFile(filepath.Join(p.disk, "through"))
	if len(a) != size || sha256.Sum256(a) != sha256.Sum256(b) {
		t.Error("the two copies differ")
	}
}

// TestLiveCopyFileRangeAcrossMounts copies between two mounts of the same
// share (two connections): no server-side copy is possible, the kernel
// copies through read and write, and the result must still be right.
func TestLiveCopyFileRangeAcrossMounts(t *testing.T) {
	p1, p2 := mountProxied(t), mountProxied(t)
	src := randBytes(3<<20 + 99)
	if err := os.WriteFile(filepath.Join(p1.dir, "src"), src, 0644); err != nil {
		t.Fatal(err)
	}
	in, err := os.Open(filepath.Join(p1.dir, "src"))
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(filepath.Join(p2.dir, "dst"))
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	if n := copyRange(t, in, out, 0, 0, len(src)+1000); n != len(src) {
		t.Fatalf("copied %d bytes, want %d", n, len(src))
	}
	// Written behind (fs/file.go): on the server's disk after fsync.
	if err := out.Sync(); err != nil {
		t.Fatalf("fsync: %v", err)
	}
	got, err := os.ReadFile(filepath.Join(p2.disk, "dst"))
	if err != nil || !bytes.Equal(got, src) {
		t.Errorf("server's disk: %d bytes (err %v), differ from the source", len(got), err)
	}
}
