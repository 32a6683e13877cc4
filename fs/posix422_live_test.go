//go:build linux

package fs_test

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/smb3fs/smb3fs/auth"
	"github.com/smb3fs/smb3fs/client"
	smbfs "github.com/smb3fs/smb3fs/fs"
	"github.com/smb3fs/smb3fs/internal/mitm"
	"github.com/smb3fs/smb3fs/internal/testenv"
)

// Live tests of the SMB3 POSIX extensions (fs/posix.go) against the
// Samba 4.22 host s422, share posix (smb3 unix extensions = yes).

// mountPosix422 mounts share of the Samba 4.22 host s422 as alice, with
// the client's options changed by tune (if not nil), and makes a scratch
// directory (removed from the server's disk after the unmount).
func mountPosix422(t *testing.T, share string, opts smbfs.Options, tune func(*client.Options)) *mounted {
	t.Helper()
	env := testenv.Env(t)
	s := env.Samba422(t)
	name := env.ScratchName(t, share, "fs") // first: its cleanup runs after the unmount
	cc := env.Kinit(t, "alice")
	newMech := func() (auth.Mechanism, error) {
		return auth.NewKerberos(auth.KerberosCredentials{Krb5Conf: env.KRB5Conf, CCache: cc}, s.Server.SPN)
	}
	o := client.Options{Server: s.Server.Host, Address: s.Server.SMBAddr(), Policy: client.StrictPolicy(), NewMechanism: newMech, Timeout: 20 * time.Second}
	if tune != nil {
		tune(&o)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cl, err := client.Dial(ctx, o)
	if err != nil {
		t.Fatalf("Dial %s: %v", s.Server.Host, err)
	}
	tree, err := cl.Connect(ctx, share)
	if err != nil {
		cl.Close()
		t.Fatalf("Connect: %v", err)
	}
	mnt := t.TempDir()
	opts.FsName = s.Server.UNC(share)
	mountTree(t, mnt, cl, tree, opts)
	m := &mounted{env: env, mnt: mnt, dir: filepath.Join(mnt, name), disk: filepath.Join(env.ShareDirs[share], name)}
	if err := os.Mkdir(m.dir, 0755); err != nil {
		t.Fatalf("mkdir scratch: %v", err)
	}
	return m
}

func posixMount(t *testing.T, opts smbfs.Options) *mounted {
	t.Helper()
	return mountPosix422(t, testenv.Env(t).Samba422(t).PosixShare, opts, nil)
}

// modeOf returns the permission bits (and setuid/setgid/sticky) of p, not
// following a final symlink.
func modeOf(t *testing.T, p string) (uint32, *syscall.Stat_t) {
	t.Helper()
	var st syscall.Stat_t
	if err := syscall.Lstat(p, &st); err != nil {
		t.Fatalf("lstat %s: %v", p, err)
	}
	return st.Mode, &st
}

// TestLivePosix422Modes: create(2) and mkdir(2) modes, chmod(2), on the
// mount and on the server's disk.
func TestLivePosix422Modes(t *testing.T) {
	m := posixMount(t, smbfs.Options{})
	f, err := os.OpenFile(m.path("f"), os.O_CREATE|os.O_WRONLY|os.O_EXCL, 0640)
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
	if err := os.Mkdir(m.path("d"), 0750); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		want uint32
	}{{"f", syscall.S_IFREG | 0640}, {"d", syscall.S_IFDIR | 0750}} {
		if got, _ := modeOf(t, m.path(c.name)); got != c.want {
			t.Errorf("%s on the mount: mode %o, want %o", c.name, got, c.want)
		}
		if got, _ := modeOf(t, m.onDisk(c.name)); got != c.want {
			t.Errorf("%s on the server: mode %o, want %o", c.name, got, c.want)
		}
	}
	// An executable's mode from create(2) (the share's create mask is
	// 0777; Samba's default, 0744, would take the group's and others' x).
	if err := os.WriteFile(m.path("x"), nil, 0755); err != nil {
		t.Fatal(err)
	}
	if got, _ := modeOf(t, m.onDisk("x")); got != syscall.S_IFREG|0755 {
		t.Errorf("created 0755, on the server: %o", got)
	}
	if err := os.Chmod(m.path("f"), 0751); err != nil {
		t.Fatal(err)
	}
	if got, _ := modeOf(t, m.onDisk("f")); got != syscall.S_IFREG|0751 {
		t.Errorf("after chmod 0751, on the server: %o", got)
	}
	if got, _ := modeOf(t, m.path("f")); got != syscall.S_IFREG|0751 {
		t.Errorf("after chmod 0751, on the mount: %o", got)
	}
	// A listing shows them too (POSIX directory entries).
	ents, err := os.ReadDir(m.dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		info, err := e.Info()
		if err != nil {
			t.Fatal(err)
		}
		if e.Name() == "f" && info.Mode().Perm() != 0751 || e.Name() == "d" && (!e.IsDir() || info.Mode().Perm() != 0750) {
			t.Errorf("listed %s: %v", e.Name(), info.Mode())
		}
	}
	// Samba 4.22 applies only the 0777 bits (check_smb2_posix_chmod_ace).
	if err := os.Chmod(m.path("f"), os.ModeSetuid|0700); err != nil {
		t.Fatal(err)
	}
	if got, _ := modeOf(t, m.onDisk("f")); got != syscall.S_IFREG|0700 {
		t.Errorf("after chmod 04700, on the server: %o (setuid dropped by Samba)", got)
	}
	// Mode 0 is shown as 0, not as go-fuse's default 0644 (xfstests
	// generic/088).
	if err := os.Chmod(m.path("f"), 0); err != nil {
		t.Fatal(err)
	}
	if got, _ := modeOf(t, m.onDisk("f")); got != syscall.S_IFREG {
		t.Errorf("after chmod 0, on the server: %o", got)
	}
	if got, _ := modeOf(t, m.path("f")); got != syscall.S_IFREG {
		t.Errorf("after chmod 0, on the mount: %o", got)
	}
}

// TestLivePosix422Owners: owners the server reports, chgrp to the user's
// own group, chown to root refused.
func TestLivePosix422Owners(t *testing.T) {
	m := posixMount(t, smbfs.Options{UID: 1234, GID: 5678})
	if err := os.WriteFile(m.path("mine"), []byte("x"), 0644); err != nil {
		t.Fatal(err)
	}
	_, disk := modeOf(t, m.onDisk("mine"))
	// alice's uid and group are domain SIDs: shown as the mount's.
	if _, st := modeOf(t, m.path("mine")); st.Uid != 1234 || st.Gid != 5678 {
		t.Errorf("alice's file on the mount: %d:%d, want the mount's 1234:5678", st.Uid, st.Gid)
	}
	// chgrp to alice's own group: the server does it as alice, but only
	// where she has rwx (Samba 4.22 grants WRITE_OWNER with full control
	// only).
	if err := os.Lchown(m.path("mine"), -1, int(disk.Gid)); !errors.Is(err, syscall.EPERM) {
		t.Errorf("chgrp %d of a 0644 file: %v, want EPERM", disk.Gid, err)
	}
	if err := os.Chmod(m.path("mine"), 0750); err != nil {
		t.Fatal(err)
	}
	if err := os.Lchown(m.path("mine"), -1, int(disk.Gid)); err != nil {
		t.Errorf("chgrp %d of a 0750 file: %v", disk.Gid, err)
	}
	if err := os.Lchown(m.path("mine"), 0, -1); !errors.Is(err, syscall.EPERM) {
		t.Errorf("chown to root: %v, want EPERM", err)
	}
	if _, st := modeOf(t, m.onDisk("mine")); st.Uid != disk.Uid {
		t.Errorf("owner on the server changed to %d", st.Uid)
	}
	// A file of Unix ids Samba has no SID for: S-1-22-1-4242 and
	// S-1-22-2-4243, shown as those ids.
	if err := os.WriteFile(m.onDisk("unix"), []byte("x"), 0644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chown(m.onDisk("unix"), 4242, 4243); err != nil {
		t.Fatal(err)
	}
	if _, st := modeOf(t, m.path("unix")); st.Uid != 4242 || st.Gid != 4243 {
		t.Errorf("unix-owned file on the mount: %d:%d, want 4242:4243", st.Uid, st.Gid)
	}
}

// TestLivePosix422Symlinks: symlink(2) and readlink(2) through the mount,
// and a symlink made on the server's disk.
func TestLivePosix422Symlinks(t *testing.T) {
	m := posixMount(t, smbfs.Options{})
	if err := os.Symlink("some/where", m.path("ln")); err != nil {
		t.Fatal(err)
	}
	if got, err := os.Readlink(m.path("ln")); err != nil || got != "some/where" {
		t.Errorf("readlink: %q, %v", got, err)
	}
	if mode, _ := modeOf(t, m.path("ln")); mode&syscall.S_IFMT != syscall.S_IFLNK {
		t.Errorf("lstat on the mount: %o, want a symlink", mode)
	}
	// Samba 4.22 keeps a client's reparse point in an extended attribute
	// of an empty regular file: not a symlink on its disk.
	if mode, st := modeOf(t, m.onDisk("ln")); mode&syscall.S_IFMT != syscall.S_IFREG || st.Size != 0 {
		t.Errorf("on the server: mode %o size %d, want an empty regular file", mode, st.Size)
	}
	if err := os.Symlink("/abs/target", m.onDisk("srv")); err != nil {
		t.Fatal(err)
	}
	if got, err := os.Readlink(m.path("srv")); err != nil || got != "/abs/target" {
		t.Errorf("readlink of the server's symlink: %q, %v", got, err)
	}
	if mode, _ := modeOf(t, m.path("srv")); mode&syscall.S_IFMT != syscall.S_IFLNK {
		t.Errorf("lstat of the server's symlink: %o", mode)
	}
	// xfstests generic/360: a 1019-byte target. Written twice (substitute
	// and print name) its reparse buffer overflows the extended attribute
	// Samba keeps it in (ENOSPC); equal names are sent once.
	a := strings.Repeat("a", 254)
	long := strings.Join([]string{a, a, a, a}, "/")
	if err := os.Symlink(long, m.path("long")); err != nil {
		t.Fatalf("symlink to a 1019-byte target: %v", err)
	}
	if got, err := os.Readlink(m.path("long")); err != nil || got != long {
		t.Errorf("readlink of the long symlink: %d bytes, %v", len(got), err)
	}
}

// TestLivePosix422CaseSensitive: names differing only in case are two
// files under POSIX opens.
func TestLivePosix422CaseSensitive(t *testing.T) {
	m := posixMount(t, smbfs.Options{})
	if err := os.WriteFile(m.path("Foo"), []byte("upper"), 0644); err != nil {
		t.Fatal(err)
	}
	// Twice, after a listing: the second answers from the listing
	// (dircache.go), which must not fold case either.
	if _, err := os.ReadDir(m.dir); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if _, err := os.Stat(m.path("foo")); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("stat foo beside Foo: %v, want ENOENT", err)
		}
	}
	if err := os.WriteFile(m.path("foo"), []byte("lower"), 0644); err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{"Foo": "upper", "foo": "lower"} {
		if b, err := os.ReadFile(m.onDisk(name)); err != nil || string(b) != want {
			t.Errorf("%s on the server: %q, %v", name, b, err)
		}
	}
}

// TestLivePosix422Off: with noposix (client.Options.NoPOSIX) the mount
// behaves as without the extensions: modes from the options, chmod
// changes nothing, symlinks are Minshall-French files.
func TestLivePosix422Off(t *testing.T) {
	m := mountPosix422(t, testenv.Env(t).Samba422(t).PosixShare, smbfs.Options{}, func(o *client.Options) { o.NoPOSIX = true })
	if err := os.WriteFile(m.path("f"), []byte("x"), 0600); err != nil {
		t.Fatal(err)
	}
	if got, _ := modeOf(t, m.path("f")); got != syscall.S_IFREG|0755 {
		t.Errorf("mode on the mount: %o, want file_mode 0755", got)
	}
	before, _ := modeOf(t, m.onDisk("f"))
	if err := os.Chmod(m.path("f"), 0700); err != nil {
		t.Fatal(err)
	}
	if after, _ := modeOf(t, m.onDisk("f")); after != before {
		t.Errorf("chmod changed the server's mode %o to %o", before, after)
	}
	if err := os.Symlink("t", m.path("ln")); err != nil {
		t.Fatal(err)
	}
	if _, st := modeOf(t, m.onDisk("ln")); st.Size != 1067 {
		t.Errorf("symlink on the server: %d bytes, want a 1067-byte Minshall-French file", st.Size)
	}
}

// TestLivePosix422Rsync: rsync -a of a tree of mixed modes (executables,
// private files and directories, a symlink) onto the mount, twice: the
// second run copies nothing, and the modes on the server's disk are the
// source's.
func TestLivePosix422Rsync(t *testing.T) {
	if _, err := exec.LookPath("rsync"); err != nil {
		t.Fatalf("rsync not installed: %v", err)
	}
	m := posixMount(t, smbfs.Options{})
	src := filepath.Join(t.TempDir(), "src")
	modes := map[string]os.FileMode{
		"d0755": os.ModeDir | 0755, "d0750": os.ModeDir | 0750, "d0700/": os.ModeDir | 0700,
		"f0644": 0644, "run.sh": 0755, "secret": 0600, "d0750/tool": 0750, "d0750/notes": 0640,
		"d0755/ro": 0444, "d0755/x": 0711,
	}
	if err := os.Mkdir(src, 0755); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"d0755", "d0750", "d0700/"} {
		if err := os.Mkdir(filepath.Join(src, name), modes[name].Perm()); err != nil {
			t.Fatal(err)
		}
	}
	for name, mode := range modes {
		p := filepath.Join(src, name)
		if mode.IsDir() {
			continue
		}
		if err := os.WriteFile(p, []byte("#!/bin/sh\necho "+name+"\n"), 0600); err != nil {
			t.Fatal(err)
		}
	}
	for name, mode := range modes {
		if err := os.Chmod(filepath.Join(src, name), mode.Perm()); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink("run.sh", filepath.Join(src, "link")); err != nil {
		t.Fatal(err)
	}
	dst := m.path("tree")
	run(t, "rsync", "-a", src+"/", dst)
	if out := run(t, "rsync", "-a", "--itemize-changes", src+"/", dst); strings.TrimSpace(out) != "" {
		t.Errorf("second rsync -a onto the mount was not empty:\n%s", out)
	}
	for name, mode := range modes {
		got, _ := modeOf(t, filepath.Join(m.onDisk("tree"), name))
		if got&0o7777 != uint32(mode.Perm()) {
			t.Errorf("%s on the server: %o, want %o", name, got&0o7777, mode.Perm())
		}
		if mnt, _ := modeOf(t, filepath.Join(dst, name)); mnt&0o7777 != uint32(mode.Perm()) {
			t.Errorf("%s on the mount: %o, want %o", name, mnt&0o7777, mode.Perm())
		}
	}
	if got, err := os.Readlink(filepath.Join(dst, "link")); err != nil || got != "run.sh" {
		t.Errorf("link on the mount: %q, %v", got, err)
	}
	if out := run(t, filepath.Join(dst, "run.sh")); strings.TrimSpace(out) != "run.sh" {
		t.Errorf("run.sh from the mount: %q", out)
	}
}

// TestLivePosix422LinkRename: rename into a subdirectory and a hard link,
// with POSIX path names (slash-separated).
func TestLivePosix422LinkRename(t *testing.T) {
	m := posixMount(t, smbfs.Options{})
	if err := os.Mkdir(m.path("sub"), 0755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(m.path("a"), []byte("data"), 0644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(m.path("a"), m.path("sub/b")); err != nil {
		t.Fatal(err)
	}
	if err := os.Link(m.path("sub/b"), m.path("c")); err != nil {
		t.Fatal(err)
	}
	_, b := modeOf(t, m.onDisk("sub/b"))
	_, c := modeOf(t, m.onDisk("c"))
	if b.Ino != c.Ino || b.Nlink != 2 {
		t.Errorf("on the server: sub/b inode %d, c inode %d, %d links", b.Ino, c.Ino, b.Nlink)
	}
	if _, st := modeOf(t, m.path("c")); st.Nlink != 2 {
		t.Errorf("on the mount: %d links, want 2", st.Nlink)
	}
	if _, err := os.Stat(m.onDisk("a")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a still on the server: %v", err)
	}
	// The change time shown after link(2) is the server's, which the link
	// moved (xfstests generic/236; Samba's CLOSE answer says the mtime).
	_, onMount := modeOf(t, m.path("c"))
	_, onDisk := modeOf(t, m.onDisk("c"))
	if got, want := onMount.Ctim.Nano()/100, onDisk.Ctim.Nano()/100; got != want {
		t.Errorf("ctime after link: %d on the mount, %d on the server (100 ns units)", got, want)
	}
	// A hard link to a symlink is one too.
	if err := os.Symlink("some/where", m.path("s")); err != nil {
		t.Fatal(err)
	}
	if err := os.Link(m.path("s"), m.path("h")); err != nil {
		t.Fatalf("link to a symlink: %v", err)
	}
	if got, err := os.Readlink(m.path("h")); err != nil || got != "some/where" {
		t.Errorf("readlink of the hard link: %q, %v", got, err)
	}
	// Names are case-sensitive for rename's target too: R renamed to Z
	// leaves z alone.
	for _, f := range []string{"z", "R"} {
		if err := os.WriteFile(m.path(f), []byte(f), 0644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Rename(m.path("R"), m.path("Z")); err != nil {
		t.Fatal(err)
	}
	for f, want := range map[string]string{"z": "z", "Z": "R"} {
		if b, err := os.ReadFile(m.onDisk(f)); err != nil || string(b) != want {
			t.Errorf("%s on the server after rename R Z: %q, %v; want %q", f, b, err, want)
		}
	}
}

// unsupported422 lists the posixtest cases the 4.22 POSIX share does not
// pass, and why (run them with SMB3FS_POSIXTEST_ALL=1).
var unsupported422 = map[string]string{
	"OpenSymlinkRace": "5 s of racing opens (passes); run on 4.17 by TestLivePosix",
}

// TestLivePosix422Conformance runs go-fuse's POSIX conformance suite on
// the 4.22 POSIX share, FileBasic (modes from create(2)) included.
func TestLivePosix422Conformance(t *testing.T) {
	runPosixtest(t, posixMount(t, smbfs.Options{}).dir, unsupported422)
}

// TestLivePosix422Mknod: a FIFO and a socket made through the mount are
// NFS reparse points the server reports with their types; devices are
// EOPNOTSUPP.
func TestLivePosix422Mknod(t *testing.T) {
	m := posixMount(t, smbfs.Options{})
	for name, typ := range map[string]uint32{"fifo": syscall.S_IFIFO, "sock": syscall.S_IFSOCK} {
		if err := syscall.Mknod(m.path(name), typ|0640, 0); err != nil {
			t.Errorf("mknod %s: %v", name, err)
			continue
		}
		if got, _ := modeOf(t, m.path(name)); got != typ|0640 {
			t.Errorf("%s on the mount: %o, want %o", name, got, typ|0640)
		}
		ents, err := os.ReadDir(m.dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range ents {
			if e.Name() == name && uint32(e.Type()&os.ModeType) == 0 {
				t.Errorf("%s listed as a regular file", name)
			}
		}
	}
	if err := syscall.Mknod(m.path("dev"), syscall.S_IFCHR|0600, 0x0101); !errors.Is(err, syscall.EOPNOTSUPP) {
		t.Errorf("mknod of a device: %v, want EOPNOTSUPP", err)
	}
}

// TestLivePosix422Prefix: a mount of a directory of the share (prefix
// path, given with backslashes) uses the extensions too.
func TestLivePosix422Prefix(t *testing.T) {
	m := posixMount(t, smbfs.Options{})
	if err := os.MkdirAll(m.path("a/b"), 0750); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(m.path("a/b/f"), nil, 0600); err != nil {
		t.Fatal(err)
	}
	prefix := filepath.Base(m.dir) + `\a\b`
	sub := mountPosix422(t, testenv.Env(t).Samba422(t).PosixShare, smbfs.Options{Prefix: prefix}, nil)
	if got, _ := modeOf(t, filepath.Join(sub.mnt, "f")); got != syscall.S_IFREG|0600 {
		t.Errorf("f through the prefix mount: %o, want the server's 0600", got)
	}
}

// TestLivePosix422Reconnect: a file open across a reconnect keeps showing
// the server's mode. Samba reclaims the durable handle without its POSIX
// flag (QueryPOSIX then says STATUS_INVALID_LEVEL), so the mode comes from
// a POSIX open of the path.
func TestLivePosix422Reconnect(t *testing.T) {
	var cut atomic.Bool
	var proxy *mitm.Proxy
	m := mountPosix422(t, testenv.Env(t).Samba422(t).PosixShare, smbfs.Options{}, func(o *client.Options) {
		p, err := mitm.Start(o.Address, func(n int, frame []byte) [][]byte {
			if cut.CompareAndSwap(true, false) {
				return mitm.Cut
			}
			return [][]byte{frame}
		}, nil)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(p.Close)
		proxy = p
		o.Dial = p.Dial
	})
	_ = proxy
	f, err := os.OpenFile(m.path("f"), os.O_CREATE|os.O_RDWR, 0640)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.Write([]byte("x")); err != nil {
		t.Fatal(err)
	}
	cut.Store(true)
	var st syscall.Stat_t
	deadline := time.Now().Add(20 * time.Second)
	for {
		err = syscall.Fstat(int(f.Fd()), &st)
		if err == nil && !cut.Load() || time.Now().After(deadline) {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	if err != nil {
		t.Fatalf("fstat after the cut: %v", err)
	}
	// Once more: the answer after the reconnect, not one from before.
	if err := syscall.Fstat(int(f.Fd()), &st); err != nil || st.Mode != syscall.S_IFREG|0640 {
		t.Errorf("fstat after a reconnect: mode %o, %v; want %o", st.Mode, err, syscall.S_IFREG|0640)
	}
	if err := f.Chmod(0600); err != nil {
		t.Errorf("fchmod after a reconnect: %v", err)
	}
	if got, _ := modeOf(t, m.onDisk("f")); got != syscall.S_IFREG|0600 {
		t.Errorf("on the server after fchmod: %o", got)
	}
}
