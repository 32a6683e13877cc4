//go:build linux

package fs_test

import (
	"errors"
	"fmt"
	"os"
	"syscall"
	"testing"
	"time"

	"github.com/hanwen/go-fuse/v2/fuse"

	"github.com/smb3fs/smb3fs/client/smbtest"
	"github.com/smb3fs/smb3fs/client/wire"
	smbfs "github.com/smb3fs/smb3fs/fs"
)

// Lookups answered from directory listings (dircache.go), over the
// in-memory server: what the server is asked shows whether a lookup was
// answered from a listing, and changes made in the server's store play
// another client's. Listings live as long as the attribute timeout
// (Options.Timeout); the tests that check what a listing hides use a
// minute, far more than they take.

// listed is the lifetime of listings in the tests that must not see one
// expire.
const listed = time.Minute

// forget drops the kernel's dentry of name in the mount's root (FUSE
// NOTIFY_INVAL_ENTRY), so that the next stat of it is a LOOKUP the mount
// answers, not one the kernel answers from its own cache.
func (m *fakeMount) forget(name string) {
	m.fs.EntryNotify(fuse.FUSE_ROOT_ID, name)
}

// stat stats name in the mount (under the watchdog).
func (m *fakeMount) stat(name string) (os.FileInfo, error) {
	var fi os.FileInfo
	err := m.do("stat "+name, func() (err error) { fi, err = os.Lstat(m.path(name)); return err })
	return fi, err
}

// wantSize checks that name exists in the mount with size bytes.
func (m *fakeMount) wantSize(t *testing.T, what, name string, size int64) {
	t.Helper()
	fi, err := m.stat(name)
	if err != nil || fi.Size() != size {
		t.Errorf("%s: stat %s: %v, %v; want size %d", what, name, fi, err, size)
	}
}

// wantENOENT checks that name does not exist in the mount.
func (m *fakeMount) wantENOENT(t *testing.T, what, name string) {
	t.Helper()
	if _, err := m.stat(name); !errors.Is(err, syscall.ENOENT) {
		t.Errorf("%s: stat %s: %v, want ENOENT", what, name, err)
	}
}

// listByLookups makes the mount list directory dir (share-relative, "" the
// root): its second lookup within the lifetime lists it. It fails the test
// if no QUERY_DIRECTORY of dir followed.
func (m *fakeMount) listByLookups(t *testing.T, dir, a, b string) {
	t.Helper()
	mark := m.mark()
	for _, n := range []string{a, b} {
		if _, err := m.stat(n); err != nil && !errors.Is(err, syscall.ENOENT) {
			t.Fatalf("stat %s: %v", n, err)
		}
	}
	if len(m.seen(mark, wire.CmdQueryDirectory, dir)) == 0 {
		t.Fatalf("two lookups in %q within the listing lifetime did not list it", dir)
	}
}

// Within its lifetime a listing answers every lookup in the directory: no
// CREATE (a lookup by name) and no second QUERY_DIRECTORY reach the
// server, and what another client changed since stays hidden (which shows
// the answers come from the listing).
func TestFakeDircacheServesLookups(t *testing.T) {
	srv := &smbtest.Server{}
	srv.Mkdir("d")
	for i := range 20 {
		srv.WriteFile(fmt.Sprintf(`d\f%02d`, i), make([]byte, i))
	}
	m := mountFakeOn(t, srv, smbfs.Options{Timeout: listed})
	m.listByLookups(t, "d", "d/f00", "d/f01")

	mark := m.mark()
	srv.WriteFile(`d\late`, []byte("late"))
	srv.Remove(`d\f19`)
	for i := 2; i < 19; i++ {
		m.wantSize(t, "listed name", fmt.Sprintf("d/f%02d", i), int64(i))
	}
	for i := range 5 {
		m.wantENOENT(t, "name not listed", fmt.Sprintf("d/missing%d", i))
	}
	m.wantENOENT(t, "name another client created after the listing", "d/late")
	m.wantSize(t, "name another client removed after the listing", "d/f19", 19)
	for _, cmd := range []wire.Command{wire.CmdCreate, wire.CmdQueryDirectory, wire.CmdQueryInfo} {
		if rs := m.seen(mark, cmd, ""); len(rs) > 0 {
			t.Errorf("%d lookups answered from a listing sent %d %v requests to the server, first on %q; want none",
				17+5+2, len(rs), cmd, rs[0].Path)
		}
	}
}

// This mount's own changes keep the listing true at once: a listed name
// renamed away, one replaced by a rename, one removed, a name created, a
// directory made, a listed file truncated. The kernel's dentries are
// dropped before each check, so that the lookup is the mount's to answer;
// the listing stays in force throughout (a name another client created
// stays hidden at the end).
func TestFakeDircacheOwnChanges(t *testing.T) {
	srv := &smbtest.Server{}
	for _, n := range []string{"a", "b", "c", "d", "e"} {
		srv.WriteFile(n, []byte("0123456789"))
	}
	m := mountFakeOn(t, srv, smbfs.Options{Timeout: listed})
	m.listByLookups(t, "", "a", "b")
	mark := m.mark()

	step := func(what string, fn func() error, names ...string) {
		t.Helper()
		if err := m.do(what, fn); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		for _, n := range names {
			m.forget(n)
		}
	}
	step("rename c c2", func() error { return os.Rename(m.path("c"), m.path("c2")) }, "c", "c2")
	m.wantENOENT(t, "listed name renamed away", "c")
	m.wantSize(t, "rename target", "c2", 10)
	step("unlink d", func() error { return os.Remove(m.path("d")) }, "d")
	m.wantENOENT(t, "listed name unlinked", "d")
	step("create new", func() error { return os.WriteFile(m.path("new"), []byte("01234"), 0644) }, "new")
	m.wantSize(t, "created", "new", 5)
	step("rename new e", func() error { return os.Rename(m.path("new"), m.path("e")) }, "new", "e")
	m.wantENOENT(t, "rename source", "new")
	m.wantSize(t, "listed name replaced by a rename", "e", 5)
	step("mkdir dir", func() error { return os.Mkdir(m.path("dir"), 0755) }, "dir")
	if fi, err := m.stat("dir"); err != nil || !fi.IsDir() {
		t.Errorf("made: stat dir: %v, %v; want a directory", fi, err)
	}
	step("truncate a", func() error { return os.Truncate(m.path("a"), 3) }, "a")
	m.wantSize(t, "listed file truncated", "a", 3)

	srv.WriteFile("late", nil)
	m.wantENOENT(t, "listing still in force: name another client created", "late")
	if n := len(m.seen(mark, wire.CmdQueryDirectory, "")); n > 0 {
		t.Errorf("own changes made the mount list the directory again (%d QUERY_DIRECTORY); want the listing updated in place", n)
	}
}

// Another client's changes are seen once the listing's lifetime (here
// 200 ms) is over; the deadline only bounds the wait.
func TestFakeDircacheSeesOtherClients(t *testing.T) {
	srv := &smbtest.Server{}
	srv.WriteFile("gone", nil)
	srv.WriteFile("x", nil)
	ttl := 200 * time.Millisecond
	m := mountFakeOn(t, srv, smbfs.Options{Timeout: ttl})
	// Two lookups within the lifetime list the root; a machine that
	// stalls between them gets more tries.
	for try := 0; ; try++ {
		mark := m.mark()
		for _, n := range []string{"gone", "x"} {
			if _, err := m.stat(n); err != nil {
				t.Fatalf("stat %s: %v", n, err)
			}
		}
		if len(m.seen(mark, wire.CmdQueryDirectory, "")) > 0 {
			break
		}
		if try == 4 {
			t.Fatalf("five pairs of lookups within %v did not list the directory", ttl)
		}
		m.forget("gone")
		m.forget("x")
	}
	srv.WriteFile("late", []byte("late"))
	srv.Remove("gone")
	pollUntil(t, "created and removed by another client, seen through the mount", 10*time.Second, func() bool {
		_, errLate := m.stat("late")
		_, errGone := m.stat("gone")
		return errLate == nil && errors.Is(errGone, syscall.ENOENT)
	})
}

// A directory of more than fs.MaxListed entries is not kept as a listing:
// lookups in it go to the server, one CREATE each, and it is not listed
// again for a while; one of exactly MaxListed entries is kept.
func TestFakeDircacheEntryCap(t *testing.T) {
	for _, tc := range []struct {
		name string
		n    int
		kept bool
	}{{"at-cap", smbfs.MaxListed, true}, {"over-cap", smbfs.MaxListed + 1, false}} {
		t.Run(tc.name, func(t *testing.T) {
			srv := &smbtest.Server{}
			srv.Mkdir("big")
			for i := range tc.n {
				srv.WriteFile(fmt.Sprintf(`big\f%05d`, i), nil)
			}
			m := mountFakeOn(t, srv, smbfs.Options{Timeout: listed})
			m.listByLookups(t, "big", "big/f00000", "big/f00001")
			mark := m.mark()
			const looked = 10
			for i := 2; i < 2+looked; i++ {
				m.wantSize(t, "entry of a big directory", fmt.Sprintf("big/f%05d", i), 0)
			}
			creates := 0
			for _, r := range m.seen(mark, wire.CmdCreate, "") {
				if r.Path != "big" {
					creates++
				}
			}
			lists := len(m.seen(mark, wire.CmdQueryDirectory, ""))
			switch {
			case tc.kept && (creates != 0 || lists != 0):
				t.Errorf("%d entries (the cap): %d lookups sent %d CREATEs of names and %d QUERY_DIRECTORY; want none (answered from the listing)",
					tc.n, looked, creates, lists)
			case !tc.kept && creates != looked:
				t.Errorf("%d entries (over the cap): %d lookups sent %d CREATEs of names; want one each (no listing kept)", tc.n, looked, creates)
			case !tc.kept && lists != 0:
				t.Errorf("%d entries (over the cap): the lookups after the refused listing listed the directory again (%d QUERY_DIRECTORY)", tc.n, lists)
			}
		})
	}
}

// With NoCache (actimeo=0) no listing answers lookups: two lookups in a
// row do not list the directory, and another client's changes are seen
// at once.
func TestFakeDircacheOffWithNoCache(t *testing.T) {
	srv := &smbtest.Server{}
	srv.WriteFile("x", nil)
	m := mountFakeOn(t, srv, smbfs.Options{NoCache: true})
	mark := m.mark()
	for range 2 {
		for _, n := range []string{"x", "y"} {
			if _, err := m.stat(n); err != nil && !errors.Is(err, syscall.ENOENT) {
				t.Fatalf("stat %s: %v", n, err)
			}
		}
	}
	if n := len(m.seen(mark, wire.CmdQueryDirectory, "")); n > 0 {
		t.Errorf("NoCache: lookups listed the directory (%d QUERY_DIRECTORY)", n)
	}
	srv.WriteFile("late", nil)
	if _, err := m.stat("late"); err != nil {
		t.Errorf("NoCache: stat of a name another client just created: %v", err)
	}
	srv.Remove("x")
	m.wantENOENT(t, "NoCache: name another client just removed", "x")
}
