//go:build linux

package fs_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"golang.org/x/sys/unix"

	"github.com/smb3fs/smb3fs/auth"
	"github.com/smb3fs/smb3fs/client"
	"github.com/smb3fs/smb3fs/client/smbtest"
	"github.com/smb3fs/smb3fs/client/wire"
	smbfs "github.com/smb3fs/smb3fs/fs"
)

// fakeTrees gives uids the trees of fake servers of their own; a uid
// without one is refused (ErrNoSession), as a user without a ticket.
type fakeTrees struct {
	trees map[uint32]*client.Tree // read-only after set-up

	mu    sync.Mutex
	asked map[uint32]int // TreeFor calls by uid, guarded by mu
	holds map[uint32]int // handles held open by uid, guarded by mu
}

func (f *fakeTrees) TreeFor(ctx context.Context, uid uint32) (*client.Tree, error) {
	f.mu.Lock()
	f.asked[uid]++
	f.mu.Unlock()
	if t, ok := f.trees[uid]; ok {
		return t, nil
	}
	return nil, fmt.Errorf("%w: uid %d has no ticket", smbfs.ErrNoSession, uid)
}

func (f *fakeTrees) Hold(uid uint32) func() {
	f.mu.Lock()
	f.holds[uid]++
	f.mu.Unlock()
	return func() {
		f.mu.Lock()
		f.holds[uid]--
		f.mu.Unlock()
	}
}

func (f *fakeTrees) count(m map[uint32]int, uid uint32) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return m[uid]
}

// connectFakeTree connects the share "share" of srv (set up as
// mountFakeOn sets it up) on a client of its own, closed at cleanup.
func connectFakeTree(t *testing.T, srv *smbtest.Server) *client.Tree {
	t.Helper()
	tree, _ := connectFakeClient(t, srv)
	return tree
}

// connectFakeClient is connectFakeTree, with the client.
func connectFakeClient(t *testing.T, srv *smbtest.Server) (*client.Tree, *client.Client) {
	t.Helper()
	srv.FileSystem = true
	if srv.ShareFlags == nil {
		srv.ShareFlags = map[string]uint32{"share": wire.ShareFlagEncryptData}
	}
	newMech := func() (auth.Mechanism, error) { return &smbtest.Mechanism{IsMutual: true}, nil }
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	cl, err := client.Dial(ctx, client.Options{Server: "fake", Policy: client.StrictPolicy(), NewMechanism: newMech,
		Dial: srv.Dial, Timeout: fakeTimeout})
	if err != nil {
		t.Fatalf("Dial: %v", err)
	}
	t.Cleanup(func() { cl.Close() })
	tree, err := cl.Connect(ctx, "share")
	if err != nil {
		t.Fatalf("Connect: %v", err)
	}
	return tree, cl
}

// asUID runs fn on a thread whose file-system uid and gid are uid: the
// FUSE requests its syscalls make name uid as the caller.
func asUID(uid int, fn func() error) error {
	done := make(chan error, 1)
	go func() {
		runtime.LockOSThread() // left locked (the thread ends) if restoring fails
		if err := unix.Setfsgid(uid); err != nil {
			done <- err
			return
		}
		if err := unix.Setfsuid(uid); err != nil {
			done <- err
			return
		}
		err := fn()
		if unix.Setfsuid(0) == nil && unix.Setfsgid(0) == nil {
			runtime.UnlockOSThread()
		}
		done <- err
	}()
	return <-done
}

// TestFakeMultiuserTreePerCaller: on a multiuser mount each caller's
// requests reach the tree of their own uid (root's the mount's), nothing
// one caller was told answers another (a name root found missing is there
// for alice at once), a uid without a session gets EACCES, an open handle
// holds its uid's session, and the kernel is told allow_other without
// default_permissions.
func TestFakeMultiuserTreePerCaller(t *testing.T) {
	const aliceUID, nobodyUID = 10001, 10999
	aliceSrv := &smbtest.Server{}
	aliceSrv.FileSystem = true
	aliceSrv.WriteFile("alice.txt", []byte("alice's"))
	t.Cleanup(func() { aliceSrv.Close() })
	ft := &fakeTrees{trees: map[uint32]*client.Tree{aliceUID: connectFakeTree(t, aliceSrv)},
		asked: map[uint32]int{}, holds: map[uint32]int{}}
	rootSrv := &smbtest.Server{}
	rootSrv.FileSystem = true
	rootSrv.WriteFile("root.txt", []byte("root's"))
	m := mountFakeOn(t, rootSrv, smbfs.Options{Trees: ft})
	// Other uids must be able to reach the mount point.
	for d := filepath.Dir(m.dir); d != os.TempDir() && d != "/"; d = filepath.Dir(d) {
		if err := os.Chmod(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}

	if opts := mountOptionsOf(t, m.dir); !strings.Contains(opts, "allow_other") || strings.Contains(opts, "default_permissions") {
		t.Errorf("mount options %q: want allow_other without default_permissions", opts)
	}

	read := func(uid int, name string) (string, error) {
		var b []byte
		err := m.do("read "+name, func() error {
			return asUID(uid, func() (err error) { b, err = os.ReadFile(filepath.Join(m.dir, name)); return err })
		})
		return string(b), err
	}
	if got, err := read(0, "root.txt"); err != nil || got != "root's" {
		t.Errorf("root reads root.txt: %q %v", got, err)
	}
	if _, err := read(0, "alice.txt"); !errors.Is(err, syscall.ENOENT) {
		t.Errorf("root reads alice.txt: %v, want ENOENT (root's tree)", err)
	}
	if got, err := read(aliceUID, "alice.txt"); err != nil || got != "alice's" {
		t.Errorf("alice reads alice.txt: %q %v (root's negative lookup must not answer her)", got, err)
	}
	if _, err := read(aliceUID, "root.txt"); !errors.Is(err, syscall.ENOENT) {
		t.Errorf("alice reads root.txt: %v, want ENOENT (her tree, not root's)", err)
	}
	if got, err := read(0, "root.txt"); err != nil || got != "root's" {
		t.Errorf("root reads root.txt again: %q %v", got, err)
	}
	for _, name := range []string{"root.txt", "alice.txt"} {
		if _, err := read(nobodyUID, name); !errors.Is(err, syscall.EACCES) {
			t.Errorf("uid %d without a session reads %s: %v, want EACCES", nobodyUID, name, err)
		}
	}
	if err := m.do("readdir", func() error {
		return asUID(nobodyUID, func() error { _, err := os.ReadDir(m.dir); return err })
	}); !errors.Is(err, syscall.EACCES) {
		t.Errorf("uid %d without a session lists the root: %v, want EACCES", nobodyUID, err)
	}
	if ft.count(ft.asked, 0) != 0 {
		t.Errorf("TreeFor was asked for root")
	}
	if ft.count(ft.asked, aliceUID) == 0 {
		t.Errorf("TreeFor was never asked for alice")
	}

	// An open handle holds alice's session until it is released. The
	// kernel releases the handles of the reads above in the background:
	// wait for them first.
	for deadline := time.Now().Add(5 * time.Second); ft.count(ft.holds, aliceUID) != 0 && time.Now().Before(deadline); {
		time.Sleep(10 * time.Millisecond)
	}
	var f *os.File
	if err := m.do("open", func() error {
		return asUID(aliceUID, func() (err error) { f, err = os.Open(filepath.Join(m.dir, "alice.txt")); return err })
	}); err != nil {
		t.Fatalf("alice opens alice.txt: %v", err)
	}
	if n := ft.count(ft.holds, aliceUID); n != 1 {
		t.Errorf("holds while open: %d, want 1", n)
	}
	// Root reads through alice's descriptor: the handle's tree is hers.
	b := make([]byte, 16)
	if n, err := f.Read(b); err != nil || string(b[:n]) != "alice's" {
		t.Errorf("read on alice's handle: %q %v", b[:n], err)
	}
	f.Close()
	deadline := time.Now().Add(5 * time.Second)
	for ft.count(ft.holds, aliceUID) != 0 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if n := ft.count(ft.holds, aliceUID); n != 0 {
		t.Errorf("holds after close: %d, want 0", n)
	}
}

// mountOptionsOf returns the mount options and super options of the mount
// on dir, from /proc/self/mountinfo.
func mountOptionsOf(t *testing.T, dir string) string {
	t.Helper()
	b, err := os.ReadFile("/proc/self/mountinfo")
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(b), "\n") {
		f := strings.Fields(line)
		if len(f) > 5 && f[4] == dir {
			return line
		}
	}
	t.Fatalf("%s not in mountinfo", dir)
	return ""
}

// TestFakeMultiuserHandlesStayTheirs: a truncate by path does not borrow
// another user's open handle (and so that user's session, which may write
// where the caller may only read): while alice has the file open for
// writing, root's truncate sends nothing on alice's connection, both
// sessions on one server.
func TestFakeMultiuserHandlesStayTheirs(t *testing.T) {
	const aliceUID = 10001
	srv := &smbtest.Server{}
	srv.FileSystem = true
	srv.ShareFlags = map[string]uint32{"share": wire.ShareFlagEncryptData}
	srv.WriteFile("f", []byte("0123456789"))
	aliceTree, aliceCl := connectFakeClient(t, srv)
	ft := &fakeTrees{trees: map[uint32]*client.Tree{aliceUID: aliceTree},
		asked: map[uint32]int{}, holds: map[uint32]int{}}
	m := mountFakeOn(t, srv, smbfs.Options{Trees: ft})
	// Before the mount's cleanup closes srv, which waits for every
	// connection to it: alice's too.
	t.Cleanup(func() { m.unmountFS(); aliceCl.Close() })
	for d := filepath.Dir(m.dir); d != os.TempDir() && d != "/"; d = filepath.Dir(d) {
		if err := os.Chmod(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	p := filepath.Join(m.dir, "f")
	var f *os.File
	if err := m.do("open", func() error {
		return asUID(aliceUID, func() (err error) { f, err = os.OpenFile(p, os.O_RDWR, 0); return err })
	}); err != nil {
		t.Fatalf("alice opens f: %v", err)
	}
	defer f.Close()
	before := aliceCl.Stats().BytesOut
	if err := m.do("truncate", func() error { return os.Truncate(p, 3) }); err != nil {
		t.Fatalf("root truncates f: %v", err)
	}
	if after := aliceCl.Stats().BytesOut; after != before {
		t.Errorf("root's truncate sent %d bytes on alice's connection", after-before)
	}
	if b, _ := srv.ReadFile("f"); string(b) != "012" {
		t.Errorf("f on the server: %q, want \"012\"", b)
	}
}
