//go:build linux

package fs_test

import (
	"bytes"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/smb3fs/smb3fs/client/smbtest"
	"github.com/smb3fs/smb3fs/client/wire"
	smbfs "github.com/smb3fs/smb3fs/fs"
)

// Deferred close (park.go) over the in-memory server, which grants leases
// with handle caching (Leasing) and plays share modes and delete-pending
// names as Samba does (ShareModes): a write handle stays open for
// fs.ParkTime after its release, is used by the changes by name that
// follow close(2), closes on its own, before the mount's own unlink and
// renames would meet it, and at unmount.
//
// Where a test needs the handle still parked, it takes the time before
// close(2) and judges only a try that ended within half of ParkTime (the
// handle parked after that close started, so it cannot have expired
// yet); a slower try is made again. No check asserts how long anything
// took.

// parkServer is a server whose write handles a mount may park.
func parkServer() *smbtest.Server { return &smbtest.Server{Leasing: true, ShareModes: true} }

// writeNewFake creates name through the mount as rsync makes its
// temporary file (O_EXCL: the handle can be renamed), writes data and
// closes it; it returns the time just before close(2).
func (m *fakeMount) writeNewFake(t *testing.T, name string, data []byte) time.Time {
	t.Helper()
	var f *os.File
	if err := m.do("create "+name, func() (err error) {
		f, err = os.OpenFile(m.path(name), os.O_RDWR|os.O_CREATE|os.O_EXCL, 0600)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if err := m.do("write "+name, func() error { _, err := f.Write(data); return err }); err != nil {
		t.Fatal(err)
	}
	closed := time.Now()
	if err := m.do("close "+name, f.Close); err != nil {
		t.Fatal(err)
	}
	return closed
}

// conflicts returns the requests the server refused because a handle was
// in the way: a sharing violation, a delete-pending name, an access
// denied (a rename over an open file, or of a directory with files open
// below it).
func (m *fakeMount) conflicts() []smbtest.Record {
	var out []smbtest.Record
	for _, r := range m.srv.Records() {
		switch r.Status {
		case wire.StatusSharingViolation, wire.StatusDeletePending, wire.StatusAccessDenied:
			out = append(out, r)
		}
	}
	return out
}

// wantOnServer checks that the server holds name with data.
func wantOnServer(t *testing.T, srv *smbtest.Server, name string, data []byte) {
	t.Helper()
	got, ok := srv.ReadFile(name)
	if !ok || !bytes.Equal(got, data) {
		t.Errorf("%s on the server: %d bytes (exists %v), want the %d written", name, len(got), ok, len(data))
	}
}

// The changes by name that follow close(2) (rsync's utimes and rename of
// its temporary file) go on the handle kept open: no CREATE of the file
// after the one that made it.
func TestFakeParkReusesHandle(t *testing.T) {
	m := mountFakeOn(t, parkServer(), smbfs.Options{})
	data := []byte("parked handle contents")
	mtime := time.Date(2021, 3, 4, 5, 6, 7, 0, time.UTC)
	for try := 0; ; try++ {
		name := fmt.Sprintf("tmp%d", try)
		start := m.writeNewFake(t, name, data)
		m.quiesce() // the release is done: the handle is parked
		mark := m.mark()
		if err := m.do("utimes "+name, func() error { return os.Chtimes(m.path(name), mtime, mtime) }); err != nil {
			t.Fatal(err)
		}
		if err := m.do("rename "+name, func() error { return os.Rename(m.path(name), m.path(name+".done")) }); err != nil {
			t.Fatal(err)
		}
		took := time.Since(start)
		creates := m.seen(mark, wire.CmdCreate, name)
		if took < smbfs.ParkTime/2 {
			if len(creates) > 0 {
				t.Errorf("utimes and rename right after close(2) opened the file again (%d CREATEs): its handle was not kept open", len(creates))
			}
			break
		}
		if try == 4 {
			t.Fatalf("five tries each took more than %v between close(2) and the rename: the machine is too slow to tell", smbfs.ParkTime/2)
		}
	}
	// FILETIME: 100 ns units since 1601.
	if got, want := m.srv.WriteTime("tmp0.done"), uint64(mtime.UnixNano()/100)+116444736000000000; got != want {
		t.Errorf("write time set on the server %d, want %d (%v)", got, want, mtime)
	}
	wantOnServer(t, m.srv, "tmp0.done", data)
	if _, ok := m.srv.ReadFile("tmp0"); ok {
		t.Errorf("rename source still on the server")
	}
	if c := m.conflicts(); len(c) > 0 {
		t.Errorf("the server refused %d requests for a handle in the way, first %v on %q", len(c), c[0].Command, c[0].Path)
	}
}

// A parked handle closes on its own, ParkTime after its release; the
// deadline only bounds the wait.
func TestFakeParkClosesAfterDelay(t *testing.T) {
	m := mountFakeOn(t, parkServer(), smbfs.Options{})
	data := []byte("closes on its own")
	m.writeNewFake(t, "f", data)
	pollUntil(t, "the kept handle closed", smbfs.ParkTime+10*time.Second, func() bool { return m.srv.OpenCount("f") == 0 })
	wantOnServer(t, m.srv, "f", data)
}

// The mount's own unlink and renames close the parked handles in their
// way first: the server never refuses them for an open handle, an
// unlinked name is gone at once (not delete-pending behind the handle)
// and can be created again.
func TestFakeParkClosedBeforeUnlinkRename(t *testing.T) {
	m := mountFakeOn(t, parkServer(), smbfs.Options{})
	do := func(what string, fn func() error) {
		t.Helper()
		if err := m.do(what, fn); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}

	m.writeNewFake(t, "gone", []byte("x"))
	m.quiesce()
	do("unlink gone", func() error { return os.Remove(m.path("gone")) })
	if _, ok := m.srv.ReadFile("gone"); ok {
		t.Errorf("unlinked file still on the server (delete-pending %v)", m.srv.DeletePending("gone"))
	}
	m.writeNewFake(t, "gone", []byte("again"))
	wantOnServer(t, m.srv, "gone", []byte("again"))

	// rsync: a temporary file renamed over a target written a moment ago.
	m.writeNewFake(t, "target", []byte("old contents"))
	data := []byte("new contents")
	m.writeNewFake(t, ".target.tmp", data)
	m.quiesce()
	do("rename over target", func() error { return os.Rename(m.path(".target.tmp"), m.path("target")) })
	wantOnServer(t, m.srv, "target", data)

	// A directory with a file written a moment ago below it.
	do("mkdir d", func() error { return os.Mkdir(m.path("d"), 0755) })
	m.writeNewFake(t, "d/a", []byte("in a directory"))
	m.quiesce()
	do("rename d d2", func() error { return os.Rename(m.path("d"), m.path("d2")) })
	wantOnServer(t, m.srv, `d2\a`, []byte("in a directory"))

	if c := m.conflicts(); len(c) > 0 {
		for _, r := range c {
			t.Errorf("the server refused %v on %q with %v: a handle was in the way", r.Command, r.Path, r.Status)
		}
	}
}

// Unmounting closes the parked handles: the server holds none once the
// mount is gone.
func TestFakeParkClosedAtUnmount(t *testing.T) {
	for try := 0; ; try++ {
		m := mountFakeOn(t, parkServer(), smbfs.Options{})
		start := m.writeNewFake(t, "f", []byte("f"))
		m.quiesce()
		parked := m.srv.OpenCount("f")
		if took := time.Since(start); took >= smbfs.ParkTime/2 {
			if try == 4 {
				t.Fatalf("five tries each took more than %v between close(2) and the check: the machine is too slow to tell", smbfs.ParkTime/2)
			}
			continue
		}
		if parked != 1 {
			t.Fatalf("after close(2) the server holds %d handles of the file; want the one kept open", parked)
		}
		m.unmountFS()
		if n := m.srv.OpenCount("f"); n != 0 {
			t.Errorf("after the unmount the server still holds %d handles of the file", n)
		}
		return
	}
}
