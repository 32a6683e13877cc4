//go:build linux

package fs_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/smb3fs/smb3fs/client"
	smbfs "github.com/smb3fs/smb3fs/fs"
	"github.com/smb3fs/smb3fs/internal/testenv"
)

// A write handle stays open on the server for a moment after its release
// (park.go). These tests make, right after close(2), the changes a handle
// open on the server would get in the way of, and check the result on the
// server's disk at once.

// writeNew creates name through the mount as rsync makes its temporary
// file (O_EXCL: the handle can be renamed), writes data and closes it.
func writeNew(t *testing.T, m *mounted, name string, data []byte) {
	t.Helper()
	f, err := os.OpenFile(m.path(name), os.O_RDWR|os.O_CREATE|os.O_EXCL, 0600)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.Write(data); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

// TestLiveParkedRsyncSteps does what rsync does with each file: write a
// temporary file, set its times by name, rename it over the target (which
// was itself just written and closed). The target then has the new bytes
// and the times set, at once and still after the kept handles closed; no
// hidden name (a silly rename over an open target) is left.
func TestLiveParkedRsyncSteps(t *testing.T) {
	m := mountShare(t, smbfs.Options{})
	writeNew(t, m, "target", []byte("old contents"))
	data := randBytes(10000)
	writeNew(t, m, ".target.XXXXXX", data)
	mtime := time.Date(2021, 3, 4, 5, 6, 7, 0, time.UTC)
	if err := os.Chtimes(m.path(".target.XXXXXX"), mtime, mtime); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(m.path(".target.XXXXXX"))
	if err != nil || !st.ModTime().Equal(mtime) || st.Size() != int64(len(data)) {
		t.Fatalf("stat after utimes: %v, %v, size %d; want %v, size %d", st.ModTime(), err, st.Size(), mtime, len(data))
	}
	if err := os.Rename(m.path(".target.XXXXXX"), m.path("target")); err != nil {
		t.Fatalf("rename over a file closed a moment ago: %v", err)
	}
	check := func(when string) {
		t.Helper()
		got, err := os.ReadFile(m.onDisk("target"))
		if err != nil || !bytes.Equal(got, data) {
			t.Fatalf("%s: target on disk has %d bytes (%v), want the %d written", when, len(got), err, len(data))
		}
		st, err := os.Stat(m.onDisk("target"))
		if err != nil || !st.ModTime().Equal(mtime) {
			t.Fatalf("%s: target's mtime on disk %v (%v), want %v", when, st.ModTime(), err, mtime)
		}
		ents, err := os.ReadDir(m.disk)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range ents {
			if e.Name() != "target" {
				t.Fatalf("%s: %q left on disk beside the target", when, e.Name())
			}
		}
	}
	check("right after the rename")
	time.Sleep(1500 * time.Millisecond) // the kept handle closes (parkTime 1 s)
	check("after the kept handles closed")
}

// TestLiveParkedUnlink removes a file a moment after close(2): it is gone
// from the server's disk at once (not delete-pending behind a handle kept
// open), and its name can be created again.
func TestLiveParkedUnlink(t *testing.T) {
	m := mountShare(t, smbfs.Options{})
	writeNew(t, m, "gone", []byte("x"))
	if err := os.Remove(m.path("gone")); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(m.onDisk("gone")); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("unlinked file still on the server's disk: %v", err)
	}
	writeNew(t, m, "gone", []byte("again"))
	if got, err := os.ReadFile(m.onDisk("gone")); err != nil || string(got) != "again" {
		t.Fatalf("created again: %q, %v", got, err)
	}
}

// TestLiveParkedRenameDir renames a directory a moment after writing files
// in it: Samba refuses to rename a directory with files open below it.
func TestLiveParkedRenameDir(t *testing.T) {
	m := mountShare(t, smbfs.Options{})
	if err := os.Mkdir(m.path("d"), 0755); err != nil {
		t.Fatal(err)
	}
	writeNew(t, m, "d/a", []byte("in a directory"))
	if err := os.WriteFile(m.path("d/b"), []byte("b"), 0644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(m.path("d"), m.path("d2")); err != nil {
		t.Fatalf("rename of a directory with files closed a moment ago: %v", err)
	}
	if got, err := os.ReadFile(m.onDisk("d2/a")); err != nil || string(got) != "in a directory" {
		t.Fatalf("d2/a on disk: %q, %v", got, err)
	}
}

// TestLiveParkedYieldsToOtherClient has another client open a file a
// moment after close(2), sharing neither writes nor deletes: the handle
// kept open (with write and DELETE access) must close when the server
// breaks its handle caching, or that open fails with a sharing violation.
func TestLiveParkedYieldsToOtherClient(t *testing.T) {
	m := mountShare(t, smbfs.Options{})
	data := randBytes(5000)
	writeNew(t, m, "shared", data)

	cl, tree := dialShare(t, m.env, m.env.Shares.Encrypted)
	defer cl.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	f, err := tree.Open(ctx, filepath.Base(m.dir)+`\shared`, client.OpenOptions{
		Access: client.AccessReadData,
		Kind:   client.KindFile,
		Deny:   client.DenyWrite | client.DenyDelete,
	})
	if err != nil {
		t.Fatalf("the other client's open (share read only) right after close(2): %v", err)
	}
	defer f.Close(ctx)
	buf := make([]byte, len(data)+1)
	n, err := f.ReadAt(ctx, buf, 0)
	if n != len(data) || !bytes.Equal(buf[:n], data) {
		t.Fatalf("the other client read %d bytes (%v), want the %d written", n, err, len(data))
	}
	// Our mount still opens it for reading (the other client shares
	// reads).
	if got, err := os.ReadFile(m.path("shared")); err != nil || !bytes.Equal(got, data) {
		t.Fatalf("read through the mount: %d bytes, %v", len(got), err)
	}
}

// TestLiveParkedHandleLost kills the smbd serving the mount a moment after
// close(2), while two files' handles are kept open: the reconnect cannot
// reclaim a handle whose server process died. The first request on each
// file (utimes on one, rename on the other) then goes by name, and
// succeeds; so do those after it. The results are on the server's disk.
func TestLiveParkedHandleLost(t *testing.T) {
	env := testenv.Env(t)
	var mu sync.Mutex
	var locals []string // local addresses of the client's connections
	events := make(chan client.Event, 8)
	m := mountWith(t, env.Shares.Encrypted, smbfs.Options{}, func(o *client.Options) {
		o.Dial = func(ctx context.Context, network, addr string) (net.Conn, error) {
			c, err := (&net.Dialer{}).DialContext(ctx, network, addr)
			if err == nil {
				mu.Lock()
				locals = append(locals, c.LocalAddr().String())
				mu.Unlock()
			}
			return c, err
		}
		o.OnEvent = func(e client.Event) {
			select {
			case events <- e:
			default:
			}
		}
	})
	data := randBytes(5000)
	writeNew(t, m, "timed", data)
	writeNew(t, m, "renamed", data)

	mu.Lock()
	first := locals[0]
	mu.Unlock()
	smbd := env.SmbdFor(t, first)
	if err := smbd.Kill(); err != nil {
		t.Fatal(err)
	}
	for deadline := time.Now().Add(30 * time.Second); !smbd.Gone(); time.Sleep(50 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("smbd %d still there 30 s after SIGKILL", smbd.Pid)
		}
	}

	mtime := time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC)
	if err := os.Chtimes(m.path("timed"), mtime, mtime); err != nil {
		t.Fatalf("utimes after the server lost the kept handle: %v", err)
	}
	if err := os.Rename(m.path("renamed"), m.path("moved")); err != nil {
		t.Fatalf("rename after the server lost the kept handle: %v", err)
	}
	select {
	case e := <-events:
		for _, name := range []string{"timed", "renamed"} {
			lost := false
			for _, l := range e.Lost {
				lost = lost || strings.Contains(l, `\`+name+":") // PATH: why
			}
			if !lost {
				t.Fatalf("reconnect %v: reopened %q, lost %q; this test needs the handle of %s lost", e.Kind, e.Reopened, e.Lost, name)
			}
		}
	case <-time.After(time.Minute):
		t.Fatal("no reconnect event within a minute of the kill")
	}

	st, err := os.Stat(m.path("timed"))
	if err != nil || !st.ModTime().Equal(mtime) || st.Size() != int64(len(data)) {
		t.Fatalf("stat: %v (mtime %v, size %d); want mtime %v, size %d", err, st.ModTime(), st.Size(), mtime, len(data))
	}
	if st, err := os.Stat(m.onDisk("timed")); err != nil || !st.ModTime().Equal(mtime) {
		t.Fatalf("mtime on disk: %v, %v; want %v", st.ModTime(), err, mtime)
	}
	if err := os.Rename(m.path("timed"), m.path("timed2")); err != nil {
		t.Fatalf("second rename: %v", err)
	}
	for _, name := range []string{"moved", "timed2"} {
		got, err := os.ReadFile(m.onDisk(name))
		if err != nil || !bytes.Equal(got, data) {
			t.Fatalf("%s on disk: %d bytes, %v; want the %d written", name, len(got), err, len(data))
		}
	}
	for _, name := range []string{"renamed", "timed"} {
		if _, err := os.Stat(m.onDisk(name)); !errors.Is(err, os.ErrNotExist) {
			t.Fatalf("old name %s still on disk: %v", name, err)
		}
	}
}

// TestLiveRenameDirAfterClose renames a directory right after writing a
// file in it, many times over: the kernel sends the file's release in the
// background after close(2) returns, so the server may still see it open
// (and the release then keeps it open, park.go) when the rename comes.
// Every rename must succeed.
func TestLiveRenameDirAfterClose(t *testing.T) {
	m := mountShare(t, smbfs.Options{})
	dir := "d0"
	if err := os.MkdirAll(m.path(dir+"/sub"), 0755); err != nil {
		t.Fatal(err)
	}
	for i := 1; i <= 100; i++ {
		if err := os.WriteFile(m.path(fmt.Sprintf("%s/sub/f%d", dir, i)), []byte("F"), 0644); err != nil {
			t.Fatal(err)
		}
		next := fmt.Sprintf("d%d", i)
		if err := os.Rename(m.path(dir), m.path(next)); err != nil {
			t.Fatalf("rename %d of the directory right after a write below it: %v", i, err)
		}
		dir = next
	}
	ents, err := os.ReadDir(m.onDisk(dir + "/sub"))
	if err != nil || len(ents) != 100 {
		t.Fatalf("%s/sub on disk: %d entries, %v; want 100", dir, len(ents), err)
	}
}
