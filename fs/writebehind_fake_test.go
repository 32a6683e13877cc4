//go:build linux

package fs_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"sync"
	"syscall"
	"testing"
	"time"

	"golang.org/x/sys/unix"

	"github.com/smb3fs/smb3fs/client"
	"github.com/smb3fs/smb3fs/client/smbtest"
	"github.com/smb3fs/smb3fs/client/wire"
	smbfs "github.com/smb3fs/smb3fs/fs"
)

// Write-behind (file.go) over the in-memory server, which grants the
// write-caching lease it needs (Leasing): write(2) returns before the
// server has the bytes, every byte reaches it by fsync(2) or close(2) in
// the order written, and a failed WRITE surfaces at the next write(2),
// fsync(2) or close(2) with its errno, the bytes acknowledged before it
// kept.

// wbServer is a server that grants write-caching leases.
func wbServer() *smbtest.Server { return &smbtest.Server{Leasing: true} }

// createFake opens name through the mount as a new file (O_EXCL, which
// asks for the write-caching lease), under the watchdog.
func (m *fakeMount) createFake(t *testing.T, name string) *os.File {
	t.Helper()
	var f *os.File
	if err := m.do("create "+name, func() (err error) {
		f, err = os.OpenFile(m.path(name), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0644)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	return f
}

// pattern returns n bytes that differ from those at any other offset of
// the same seed (a misplaced or reordered write shows).
func pattern(seed byte, n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = seed + byte(i*7+i/251)
	}
	return b
}

// Small writes are held back and sent together: none reaches the server
// before fsync(2), all of them in order by then, and the rest by close(2).
func TestFakeWriteBehindSmallWrites(t *testing.T) {
	m := mountFakeOn(t, wbServer(), smbfs.Options{})
	f := m.createFake(t, "small")
	data := pattern(1, 20*1000)
	for i := 0; i < 10; i++ {
		if err := m.do("write", func() error { _, err := f.Write(data[i*1000 : (i+1)*1000]); return err }); err != nil {
			t.Fatalf("write %d: %v", i, err)
		}
	}
	if got, _ := m.srv.ReadFile("small"); len(got) != 0 {
		t.Errorf("after 10 small write(2)s the server already has %d bytes: the writes were not written behind", len(got))
	}
	if err := m.do("fsync", f.Sync); err != nil {
		t.Fatalf("fsync: %v", err)
	}
	wantOnServer(t, m.srv, "small", data[:10000])
	for i := 10; i < 20; i++ {
		if err := m.do("write", func() error { _, err := f.Write(data[i*1000 : (i+1)*1000]); return err }); err != nil {
			t.Fatalf("write %d: %v", i, err)
		}
	}
	if err := m.do("close", f.Close); err != nil {
		t.Fatalf("close: %v", err)
	}
	wantOnServer(t, m.srv, "small", data)
}

// A large write(2) returns while the server still holds its WRITE (a slow
// disk); fsync(2) waits for it and for the writes after it, which reach
// the server in the order written.
func TestFakeWriteBehindAcknowledgedEarly(t *testing.T) {
	// A long client timeout: the server holds a WRITE for as long as the
	// test needs; heldFor bounds the wait for the write(2) it holds.
	const heldFor = 10 * time.Second
	m := mountFakeOn(t, wbServer(), smbfs.Options{}, func(o *client.Options) { o.Timeout = 30 * time.Second })
	// More than the bytes a handle holds back (64 KiB), so the WRITE is
	// sent, and no more than one FUSE WRITE carries (128 KiB at least),
	// so the first write(2) is one WRITE.
	const chunk = 128 << 10
	data := pattern(2, 16*chunk)
	f := m.createFake(t, "big")

	held := make(chan struct{})    // closed when the first WRITE arrived
	release := make(chan struct{}) // closed to let it run
	var once sync.Once
	m.srv.SetIntercept(func(r smbtest.Record) wire.Status {
		if r.Command == wire.CmdWrite && r.Path == "big" {
			once.Do(func() {
				close(held)
				<-release
			})
		}
		return wire.StatusSuccess
	})
	var releaseOnce sync.Once
	letGo := func() { releaseOnce.Do(func() { close(release) }) }
	defer letGo()

	wrote := make(chan error, 1)
	go func() { _, err := f.Write(data[:chunk]); wrote <- err }()
	select {
	case <-held:
	case <-time.After(m.watchdog):
		t.Fatalf("the first write(2) sent no WRITE within %v", m.watchdog)
	}
	select {
	case err := <-wrote:
		if err != nil {
			t.Fatalf("first write: %v", err)
		}
	case <-time.After(heldFor):
		letGo()
		t.Fatalf("write(2) did not return while the server held its WRITE (%v): not written behind", heldFor)
	}
	if got, _ := m.srv.ReadFile("big"); len(got) != 0 {
		t.Errorf("the server has %d bytes while it holds the only WRITE", len(got))
	}
	letGo()
	for off := chunk; off < len(data); off += chunk {
		if err := m.do("write", func() error { _, err := f.Write(data[off : off+chunk]); return err }); err != nil {
			t.Fatalf("write at %d: %v", off, err)
		}
	}
	if err := m.do("fsync", f.Sync); err != nil {
		t.Fatalf("fsync: %v", err)
	}
	wantOnServer(t, m.srv, "big", data)
	var offs []uint64
	for _, r := range m.seen(0, wire.CmdWrite, "big") {
		offs = append(offs, r.Offset)
	}
	for i := 1; i < len(offs); i++ {
		if offs[i] < offs[i-1] {
			t.Errorf("WRITEs reached the server out of order: offsets %v", offs)
			break
		}
	}
	if err := m.do("close", f.Close); err != nil {
		t.Fatalf("close: %v", err)
	}
}

// A WRITE the server fails (a full disk: ENOSPC; an I/O error: EIO) after
// write(2) returned is reported by the next write(2), fsync(2) or
// close(2), and by every call after it (sticky); nothing else is
// reported, and the bytes of the writes before it are on the server.
func TestFakeWriteBehindErrorSurfaces(t *testing.T) {
	for _, tc := range []struct {
		name   string
		status wire.Status
		errno  syscall.Errno
	}{
		{"disk-full", wire.StatusDiskFull, syscall.ENOSPC},
		{"io-error", wire.StatusUnexpectedIOError, syscall.EIO},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := mountFakeOn(t, wbServer(), smbfs.Options{})
			const chunk = 1 << 20
			const good = 2 * chunk // WRITEs below this offset succeed
			data := pattern(3, 4*chunk)
			m.srv.SetIntercept(func(r smbtest.Record) wire.Status {
				if r.Command == wire.CmdWrite && r.Path == "full" && r.Offset+uint64(r.Length) > good {
					return tc.status
				}
				return wire.StatusSuccess
			})
			f := m.createFake(t, "full")
			var calls []string
			var errs []error
			for off := 0; off < len(data); off += chunk {
				err := m.do("write", func() error { _, err := unix.Write(int(f.Fd()), data[off:off+chunk]); return err })
				calls, errs = append(calls, fmt.Sprintf("write at %d MiB", off>>20)), append(errs, err)
			}
			errs = append(errs, m.do("fsync", f.Sync))
			calls = append(calls, "fsync")
			errs = append(errs, m.do("close", f.Close))
			calls = append(calls, "close")
			t.Logf("%v: %v", calls, errs)
			reported := false
			for i, err := range errs {
				switch {
				case err == nil && reported:
					t.Errorf("%s succeeded after an earlier call reported %v: the error must stick", calls[i], tc.errno)
				case err != nil && !errors.Is(err, tc.errno):
					t.Errorf("%s: %v, want %v", calls[i], err, tc.errno)
				case err != nil:
					reported = true
				}
			}
			if !reported {
				t.Errorf("the server failed WRITEs with %v and neither write, fsync nor close reported it: data lost silently", tc.status)
			}
			got, _ := m.srv.ReadFile("full")
			if len(got) < good || !bytes.Equal(got[:good], data[:good]) {
				t.Errorf("the server has %d bytes (first %d equal: %v); want the %d bytes written before the failure kept",
					len(got), good, len(got) >= good && bytes.Equal(got[:good], data[:good]), good)
			}
		})
	}
}
