//go:build linux

package fs_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"syscall"
	"testing"
	"time"

	"github.com/smb3fs/smb3fs/client"
	"github.com/smb3fs/smb3fs/client/smbtest"
	smbfs "github.com/smb3fs/smb3fs/fs"
)

// Listings held under directory leases (dirlease.go), over the in-memory
// server: Server.DirLeasing grants leases on directories, changes made in
// its store play another client's, and BreakDirLeases the break that
// client's change causes. The client's Stats count the QUERY_DIRECTORY
// requests sent and the leases granted and broken.

// leaseTree fills srv with a small tree: two directories of three files.
func leaseTree(srv *smbtest.Server) {
	srv.Mkdir("d")
	srv.Mkdir("e")
	for _, n := range []string{"a", "b", "c"} {
		srv.WriteFile(`d\`+n, []byte("x"))
		srv.WriteFile(`e\`+n, []byte("yy"))
	}
}

// walk lists the mount's root and its directories and stats every
// entry (ls -lR), and returns the names it saw, as paths.
func (m *fakeMount) walk(t *testing.T) []string {
	t.Helper()
	var seen []string
	var visit func(rel string)
	visit = func(rel string) {
		ents, _, err := m.readDir("walk "+rel, m.path(rel), 1000)
		if err != nil {
			t.Fatalf("readdir %s: %v", rel, err)
		}
		for _, e := range ents {
			p := filepath.Join(rel, e.Name())
			fi, err := m.stat(p)
			if err != nil {
				t.Fatalf("stat %s: %v", p, err)
			}
			seen = append(seen, p)
			if fi.IsDir() {
				visit(p)
			}
		}
	}
	visit("")
	slices.Sort(seen)
	return seen
}

// exists reports whether name exists in the mount (stat succeeds).
func (m *fakeMount) exists(name string) bool {
	_, err := m.stat(name)
	return err == nil
}

// queryDirs returns the QUERY_DIRECTORY requests the mount's client sent.
func (m *fakeMount) queryDirs() uint64 { return m.cl.Stats().QueryDirectories }

// eventually waits, up to a deadline, for cond; it fails the test with
// what if cond never holds.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("%s: not within 10 s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// TestFakeDirLeaseWalk: a repeated ls -lR under directory leases sends no
// QUERY_DIRECTORY; without them (a server that offers none, or
// NoDirLeases) every listing is read again.
func TestFakeDirLeaseWalk(t *testing.T) {
	want := []string{"d", "d/a", "d/b", "d/c", "e", "e/a", "e/b", "e/c"}
	for _, tc := range []struct {
		name   string
		offer  bool
		opts   smbfs.Options
		leased bool
	}{
		{"leased", true, smbfs.Options{Timeout: listed}, true},
		{"not offered", false, smbfs.Options{Timeout: listed}, false},
		{"NoDirLeases", true, smbfs.Options{Timeout: listed, NoDirLeases: true}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := &smbtest.Server{Leasing: true, DirLeasing: tc.offer, ShareModes: true}
			leaseTree(srv)
			m := mountFakeOn(t, srv, tc.opts)
			if got := m.walk(t); !slices.Equal(got, want) {
				t.Fatalf("first walk: %v, want %v", got, want)
			}
			first := m.queryDirs()
			if got := m.walk(t); !slices.Equal(got, want) {
				t.Fatalf("second walk: %v, want %v", got, want)
			}
			second := m.queryDirs() - first
			st := m.cl.Stats()
			t.Logf("QUERY_DIRECTORY: %d for the first walk, %d for the second; %d directory leases", first, second, st.DirLeasesGranted)
			if first == 0 {
				t.Fatal("the first walk sent no QUERY_DIRECTORY")
			}
			if tc.leased {
				if second != 0 {
					t.Errorf("the second walk under leases sent %d QUERY_DIRECTORY", second)
				}
				if st.DirLeasesGranted != 3 || srv.DirLeases("d") != 1 || srv.DirLeases("") != 1 {
					t.Errorf("%d leases granted, %d held on d, %d on the root; want 3, 1, 1", st.DirLeasesGranted, srv.DirLeases("d"), srv.DirLeases(""))
				}
			} else {
				if second < 3 {
					t.Errorf("the second walk without leases sent %d QUERY_DIRECTORY, want one per directory (3)", second)
				}
				if st.DirLeasesGranted != 0 {
					t.Errorf("%d directory leases granted", st.DirLeasesGranted)
				}
			}
		})
	}
}

// TestFakeDirLeaseBreak: another client's create, delete and rename in a
// leased directory are seen once the break is handled, though the
// listing would otherwise live a minute; the new listing is taken under
// a new lease.
func TestFakeDirLeaseBreak(t *testing.T) {
	srv := &smbtest.Server{Leasing: true, DirLeasing: true, ShareModes: true}
	leaseTree(srv)
	m := mountFakeOn(t, srv, smbfs.Options{Timeout: listed})
	names := func() []string {
		ents, _, err := m.readDir("d", m.path("d"), 100)
		if err != nil {
			t.Fatalf("readdir d: %v", err)
		}
		var out []string
		for _, e := range ents {
			out = append(out, e.Name())
		}
		return out
	}
	m.walk(t)
	m.wantENOENT(t, "before the create", "d/new") // answered from the leased listing
	q := m.queryDirs()
	m.wantENOENT(t, "again", "d/new")
	if !slices.Equal(names(), []string{"a", "b", "c"}) || m.queryDirs() != q {
		t.Fatalf("the leased listing was read again (%d QUERY_DIRECTORY)", m.queryDirs()-q)
	}
	broken := m.cl.Stats().DirLeasesBroken

	// Create.
	srv.WriteFile(`d\new`, []byte("zzz"))
	if n := srv.BreakDirLeases("d"); n != 1 {
		t.Fatalf("%d leases on d broken, want 1", n)
	}
	eventually(t, "the create", func() bool { return slices.Contains(names(), "new") && m.exists("d/new") })
	m.wantSize(t, "after the create", "d/new", 3)
	if got := m.cl.Stats().DirLeasesBroken; got != broken+1 {
		t.Fatalf("%d breaks counted, want %d", got, broken+1)
	}
	eventually(t, "a new lease on d", func() bool {
		names() // a listing asks for one
		return srv.DirLeases("d") == 1
	})

	// Delete.
	srv.Remove(`d\a`)
	srv.BreakDirLeases("d")
	eventually(t, "the delete", func() bool { return !slices.Contains(names(), "a") && !m.exists("d/a") })
	m.wantENOENT(t, "after the delete", "d/a")

	// Rename.
	srv.WriteFile(`d\b2`, []byte("x"))
	srv.Remove(`d\b`)
	srv.BreakDirLeases("d")
	eventually(t, "the rename", func() bool {
		n := names()
		return slices.Contains(n, "b2") && !slices.Contains(n, "b") && m.exists("d/b2") && !m.exists("d/b")
	})
	m.wantENOENT(t, "after the rename", "d/b")
	m.wantSize(t, "after the rename", "d/b2", 1)
}

// TestFakeDirLeaseOwnChanges: the mount's own creates, removes and
// renames in a leased directory show at once, and it can remove and
// rename directories it holds leases on and below (their handles would
// leave them delete-pending, or the rename refused).
func TestFakeDirLeaseOwnChanges(t *testing.T) {
	srv := &smbtest.Server{Leasing: true, DirLeasing: true, ShareModes: true}
	leaseTree(srv)
	srv.Mkdir(`d\sub`)
	srv.WriteFile(`d\sub\f`, nil) // the fake lists no "." or "..": never empty
	m := mountFakeOn(t, srv, smbfs.Options{Timeout: listed})
	m.walk(t)
	if srv.DirLeases(`d\sub`) != 1 {
		t.Fatal("no lease on d/sub")
	}
	if err := m.do("create", func() error { return os.WriteFile(m.path("d/mine"), []byte("1234"), 0o644) }); err != nil {
		t.Fatal(err)
	}
	m.wantSize(t, "own create", "d/mine", 4)
	if err := m.do("rename", func() error { return os.Rename(m.path("d/mine"), m.path("d/theirs")) }); err != nil {
		t.Fatal(err)
	}
	m.wantENOENT(t, "own rename", "d/mine")
	m.wantSize(t, "own rename", "d/theirs", 4)
	ents, _, err := m.readDir("d", m.path("d"), 100)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range ents {
		got = append(got, e.Name())
	}
	if !slices.Equal(got, []string{"a", "b", "c", "sub", "theirs"}) {
		t.Fatalf("readdir d: %v", got)
	}
	// Rename the directory holding a leased one, then remove both.
	if err := m.do("rename dir", func() error { return os.Rename(m.path("d"), m.path("d2")) }); err != nil {
		t.Fatalf("rename of a directory with a leased one below: %v", err)
	}
	if err := m.do("rm", func() error { return os.Remove(m.path("d2/sub/f")) }); err != nil {
		t.Fatal(err)
	}
	if err := m.do("rmdir", func() error { return os.Remove(m.path("d2/sub")) }); err != nil {
		t.Fatal(err)
	}
	if srv.DeletePending(`d2\sub`) {
		t.Fatal("d2/sub delete-pending after rmdir")
	}
	if _, err := m.stat("d2/sub"); !errors.Is(err, syscall.ENOENT) {
		t.Fatalf("stat d2/sub after rmdir: %v", err)
	}
}

// TestFakeDirLeaseReconnect: a lease ends with its connection, and no
// break for what changed meanwhile can reach the mount: after the
// connection is cut, the next listing is read again (under a new lease).
func TestFakeDirLeaseReconnect(t *testing.T) {
	srv := &smbtest.Server{Leasing: true, DirLeasing: true, ShareModes: true}
	leaseTree(srv)
	m := mountFakeOn(t, srv, smbfs.Options{Timeout: listed})
	m.walk(t)
	q := m.queryDirs()
	m.walk(t)
	if m.queryDirs() != q {
		t.Fatal("the walk is not answered under leases")
	}
	srv.WriteFile(`d\quiet`, []byte("q")) // no break: the server forgets our lease
	srv.Cut()
	eventually(t, "the listing read again after the cut", func() bool {
		ents, _, err := m.readDir("d", m.path("d"), 100)
		if err != nil {
			return false // the reconnect may fail a request first
		}
		for _, e := range ents {
			if e.Name() == "quiet" {
				return true
			}
		}
		return false
	})
	if m.cl.Generation() == 0 {
		t.Fatal("no reconnect")
	}
	eventually(t, "a new lease on d", func() bool {
		m.readDir("d", m.path("d"), 100) // a listing asks for one
		return srv.DirLeases("d") == 1
	})
}

// TestFakeDirLeaseLongDirectory: a directory longer than one
// QUERY_DIRECTORY answer is listed whole under its lease, and read again
// from it; one of more than the largest listing kept is listed in windows
// as without leases, whole, and its handle is not kept.
func TestFakeDirLeaseLongDirectory(t *testing.T) {
	for _, tc := range []struct {
		n      int
		leased bool
	}{{2000, true}, {10001, false}} { // 10001: maxListed + 1
		t.Run(fmt.Sprint(tc.n), func(t *testing.T) {
			srv := &smbtest.Server{Leasing: true, DirLeasing: true}
			srv.Mkdir("big")
			for i := range tc.n {
				srv.WriteFile(fmt.Sprintf(`big\f%05d`, i), nil)
			}
			m := mountFakeOn(t, srv, smbfs.Options{Timeout: listed})
			var q []uint64
			for range 2 {
				before := m.queryDirs()
				ents, more, err := m.readDir("big", m.path("big"), tc.n+10)
				if err != nil || more || len(ents) != tc.n {
					t.Fatalf("readdir big: %d entries (more %v), %v; want %d", len(ents), more, err, tc.n)
				}
				q = append(q, m.queryDirs()-before)
			}
			if held := srv.DirLeases("big") == 1; held != tc.leased {
				t.Fatalf("lease held on big: %v, want %v", held, tc.leased)
			}
			if tc.leased && q[1] != 0 {
				t.Fatalf("the second readdir under the lease sent %d QUERY_DIRECTORY", q[1])
			}
		})
	}
}

// TestFakeDirLeaseMultiuser: a multiuser mount keeps no listings and
// takes no directory leases.
func TestFakeDirLeaseMultiuser(t *testing.T) {
	srv := &smbtest.Server{Leasing: true, DirLeasing: true}
	leaseTree(srv)
	ft := &fakeTrees{trees: map[uint32]*client.Tree{}, asked: map[uint32]int{}, holds: map[uint32]int{}}
	m := mountFakeOn(t, srv, smbfs.Options{Trees: ft})
	m.walk(t)
	q := m.queryDirs()
	m.walk(t)
	if m.queryDirs()-q < 3 {
		t.Errorf("the second walk sent %d QUERY_DIRECTORY, want one per directory", m.queryDirs()-q)
	}
	if st := m.cl.Stats(); st.DirLeasesGranted != 0 || srv.DirLeases("d") != 0 {
		t.Errorf("directory leases on a multiuser mount: %d granted", st.DirLeasesGranted)
	}
}

// TestFakeDirLeaseCooldown: a directory the mount writes to is listed
// without a lease for a while (its own change broke the lease, and the
// server waited for that): a create in d leaves d unleased, listed again
// at each readdir, while e keeps its lease.
func TestFakeDirLeaseCooldown(t *testing.T) {
	srv := &smbtest.Server{Leasing: true, DirLeasing: true, ShareModes: true}
	leaseTree(srv)
	m := mountFakeOn(t, srv, smbfs.Options{Timeout: listed})
	m.walk(t)
	if srv.DirLeases("d") != 1 || srv.DirLeases("e") != 1 {
		t.Fatal("no leases on d and e after the walk")
	}
	if err := m.do("create", func() error { return os.WriteFile(m.path("d/mine"), nil, 0o644) }); err != nil {
		t.Fatal(err)
	}
	srv.BreakDirLeases("d") // what the create does on a real server
	eventually(t, "the lease on d closed", func() bool { return srv.DirLeases("d") == 0 })
	for range 2 {
		q := m.queryDirs()
		if _, _, err := m.readDir("d", m.path("d"), 100); err != nil {
			t.Fatal(err)
		}
		if m.queryDirs() == q {
			t.Fatal("readdir of d answered from a listing after the mount wrote there")
		}
		q = m.queryDirs()
		if _, _, err := m.readDir("e", m.path("e"), 100); err != nil {
			t.Fatal(err)
		}
		if m.queryDirs() != q {
			t.Fatal("readdir of e, still leased, sent QUERY_DIRECTORY")
		}
	}
	if srv.DirLeases("d") != 0 {
		t.Fatal("a new lease on d within the cooldown")
	}
}
