//go:build linux

package fs_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/sys/unix"

	"github.com/smb3fs/smb3fs/client"
	smbfs "github.com/smb3fs/smb3fs/fs"
	"github.com/smb3fs/smb3fs/internal/testenv"
	"github.com/smb3fs/smb3fs/internal/testenv/liveauth"
)

// Live tests: the encrypted share of the test DC, mounted with Kerberos
// into t.TempDir() and exercised with real system calls. Results are also
// checked on the server's disk (env.ShareDirs).

// mounted is one live mount: mnt is the mount point, dir this test's
// scratch directory inside it and disk the same directory on the server.
type mounted struct {
	env  *testenv.Environment
	mnt  string
	dir  string
	disk string
}

func mountShare(t *testing.T, opts smbfs.Options) *mounted {
	t.Helper()
	return mountOn(t, testenv.Env(t).Shares.Encrypted, opts)
}

// mountTree mounts tree (of cl) at mnt with opts; the test's cleanup
// unmounts it and closes cl.
func mountTree(t *testing.T, mnt string, cl *client.Client, tree *client.Tree, opts smbfs.Options) {
	t.Helper()
	srv, err := smbfs.Mount(mnt, tree, opts)
	if err != nil {
		cl.Close()
		t.Fatalf("Mount: %v", err)
	}
	t.Cleanup(func() {
		if err := srv.Unmount(); err != nil {
			t.Errorf("Unmount: %v", err)
		}
		srv.Wait()
		cl.Close()
	})
}

// mountOn mounts share (one of the DC's encrypted shares) like mountShare.
func mountOn(t *testing.T, share string, opts smbfs.Options) *mounted {
	t.Helper()
	return mountWith(t, share, opts, nil)
}

// mountWith is mountOn with the client's options changed by tune (if not
// nil) before it dials.
func mountWith(t *testing.T, share string, opts smbfs.Options, tune func(*client.Options)) *mounted {
	t.Helper()
	env := testenv.Env(t)
	cl, tree := dialShareWith(t, env, share, tune)
	mnt := t.TempDir()
	opts.FsName = "//" + env.DC.Host + "/" + share
	mountTree(t, mnt, cl, tree, opts)
	name := env.ScratchName(t, share, "fs")
	m := &mounted{env: env, mnt: mnt, dir: filepath.Join(mnt, name), disk: filepath.Join(env.ShareDirs[share], name)}
	if err := os.Mkdir(m.dir, 0755); err != nil {
		t.Fatalf("mkdir scratch: %v", err)
	}
	return m
}

// dialShare connects to share as alice (Kerberos, strict policy, which
// makes it encrypted); the caller closes the client.
func dialShare(t *testing.T, env *testenv.Environment, share string) (*client.Client, *client.Tree) {
	t.Helper()
	return dialShareWith(t, env, share, nil)
}

// dialShareWith is dialShare with the client's options changed by tune (if
// not nil).
func dialShareWith(t *testing.T, env *testenv.Environment, share string, tune func(*client.Options)) (*client.Client, *client.Tree) {
	t.Helper()
	newMech := liveauth.CCacheFactory(env, env.KRB5Conf, env.Kinit(t, "alice"))
	mech, err := newMech()
	if err != nil {
		t.Fatalf("NewKerberos: %v", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	// NewMechanism: the client reconnects, as the mount command's does.
	o := client.Options{Server: env.DC.Host, Address: env.DC.SMBAddr(), Policy: client.StrictPolicy(),
		Mechanism: mech, NewMechanism: newMech, Timeout: 20 * time.Second}
	if tune != nil {
		tune(&o)
	}
	cl, err := client.Dial(ctx, o)
	if err != nil {
		t.Fatalf("Dial: %v", err)
	}
	tree, err := cl.Connect(ctx, share)
	if err != nil {
		cl.Close()
		t.Fatalf("Connect: %v", err)
	}
	if !tree.Encrypted() {
		cl.Close()
		t.Fatalf("share %s not encrypted", share)
	}
	return cl, tree
}

func (m *mounted) path(name string) string { return filepath.Join(m.dir, name) }
func (m *mounted) onDisk(name string) string {
	return filepath.Join(m.disk, name)
}

func randBytes(n int) []byte {
	b := make([]byte, n)
	r := rand.NewChaCha8([32]byte{byte(n), byte(n >> 8), byte(n >> 16)})
	r.Read(b)
	return b
}

func wantErrno(t *testing.T, what string, err error, want syscall.Errno) {
	t.Helper()
	if !errors.Is(err, want) {
		t.Errorf("%s: got %v, want %v", what, err, want)
	}
}

func TestLiveWriteReadCompare(t *testing.T) {
	m := mountShare(t, smbfs.Options{})
	for _, size := range []int{0, 1, 4096, 65537, 3<<20 + 17} {
		name := fmt.Sprintf("f%d", size)
		data := randBytes(size)
		if err := os.WriteFile(m.path(name), data, 0644); err != nil {
			t.Fatalf("write %d: %v", size, err)
		}
		got, err := os.ReadFile(m.path(name))
		if err != nil {
			t.Fatalf("read %d: %v", size, err)
		}
		if !bytes.Equal(got, data) {
			t.Errorf("size %d: read back %d bytes, differ", size, len(got))
		}
		disk, err := os.ReadFile(m.onDisk(name))
		if err != nil || !bytes.Equal(disk, data) {
			t.Errorf("size %d: server disk has %d bytes (err %v), differ", size, len(disk), err)
		}
		st, err := os.Stat(m.path(name))
		if err != nil || st.Size() != int64(size) || !st.Mode().IsRegular() {
			t.Errorf("stat %s: %v %v", name, st, err)
		}
	}
}

func TestLiveOpenFlags(t *testing.T) {
	m := mountShare(t, smbfs.Options{})
	p := m.path("x")
	f, err := os.OpenFile(p, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0644)
	if err != nil {
		t.Fatalf("O_EXCL create: %v", err)
	}
	f.WriteString("hello world")
	f.Close()
	_, err = os.OpenFile(p, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0644)
	wantErrno(t, "O_EXCL on existing", err, syscall.EEXIST)

	f, err = os.OpenFile(p, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		t.Fatalf("O_APPEND: %v", err)
	}
	if _, err := f.WriteString("!!"); err != nil {
		t.Fatalf("append write: %v", err)
	}
	f.Close()
	if got, _ := os.ReadFile(m.onDisk("x")); string(got) != "hello world!!" {
		t.Errorf("after append: %q", got)
	}

	f, err = os.OpenFile(p, os.O_WRONLY|os.O_TRUNC, 0)
	if err != nil {
		t.Fatalf("O_TRUNC: %v", err)
	}
	f.WriteString("new")
	f.Close()
	if got, _ := os.ReadFile(m.onDisk("x")); string(got) != "new" {
		t.Errorf("after O_TRUNC: %q", got)
	}
	if got, _ := os.ReadFile(p); string(got) != "new" {
		t.Errorf("after O_TRUNC via mount: %q", got)
	}

	_, err = os.Open(m.path("missing"))
	wantErrno(t, "open missing", err, syscall.ENOENT)
}

func TestLiveTruncate(t *testing.T) {
	m := mountShare(t, smbfs.Options{})
	p := m.path("t")
	os.WriteFile(p, []byte("0123456789"), 0644)
	if err := os.Truncate(p, 4); err != nil {
		t.Fatalf("truncate: %v", err)
	}
	if got, _ := os.ReadFile(p); string(got) != "0123" {
		t.Errorf("after truncate 4: %q", got)
	}
	if err := os.Truncate(p, 8); err != nil {
		t.Fatalf("extend: %v", err)
	}
	if got, _ := os.ReadFile(m.onDisk("t")); string(got) != "0123\x00\x00\x00\x00" {
		t.Errorf("after extend: %q", got)
	}
	f, _ := os.OpenFile(p, os.O_RDWR, 0)
	if err := f.Truncate(2); err != nil {
		t.Errorf("ftruncate: %v", err)
	}
	f.Close()
	if st, _ := os.Stat(m.onDisk("t")); st == nil || st.Size() != 2 {
		t.Errorf("after ftruncate: %v", st)
	}
}

func TestLiveRename(t *testing.T) {
	m := mountShare(t, smbfs.Options{})
	os.WriteFile(m.path("a"), []byte("A"), 0644)
	os.WriteFile(m.path("b"), []byte("B"), 0644)
	if err := os.Rename(m.path("a"), m.path("b")); err != nil {
		t.Fatalf("rename over existing: %v", err)
	}
	if got, _ := os.ReadFile(m.path("b")); string(got) != "A" {
		t.Errorf("b after rename: %q", got)
	}
	if _, err := os.Stat(m.onDisk("a")); !os.IsNotExist(err) {
		t.Errorf("a still on disk: %v", err)
	}
	os.WriteFile(m.path("c"), []byte("C"), 0644)
	err := renameNoReplace(m.path("c"), m.path("b"))
	wantErrno(t, "RENAME_NOREPLACE", err, syscall.EEXIST)

	os.MkdirAll(m.path("d1/sub"), 0755)
	os.WriteFile(m.path("d1/sub/f"), []byte("F"), 0644)
	if err := os.Rename(m.path("d1"), m.path("d2")); err != nil {
		t.Fatalf("rename dir: %v", err)
	}
	if got, err := os.ReadFile(m.path("d2/sub/f")); string(got) != "F" {
		t.Errorf("d2/sub/f: %q %v", got, err)
	}
	if got, err := os.ReadFile(m.onDisk("d2/sub/f")); string(got) != "F" {
		t.Errorf("disk d2/sub/f: %q %v", got, err)
	}
	if err := os.Rename(m.path("d2/sub/f"), m.path("moved")); err != nil {
		t.Errorf("rename across dirs: %v", err)
	}
}

func renameNoReplace(from, to string) error {
	return unix.Renameat2(unix.AT_FDCWD, from, unix.AT_FDCWD, to, unix.RENAME_NOREPLACE)
}

func TestLiveMkdirRmdirUnlink(t *testing.T) {
	m := mountShare(t, smbfs.Options{})
	d := m.path("d")
	if err := os.Mkdir(d, 0755); err != nil {
		t.Fatalf("mkdir: %v", err)
	}
	wantErrno(t, "mkdir existing", os.Mkdir(d, 0755), syscall.EEXIST)
	os.WriteFile(filepath.Join(d, "f"), []byte("x"), 0644)
	wantErrno(t, "rmdir non-empty", syscall.Rmdir(d), syscall.ENOTEMPTY)
	wantErrno(t, "unlink dir", syscall.Unlink(d), syscall.EISDIR)
	wantErrno(t, "rmdir file", syscall.Rmdir(filepath.Join(d, "f")), syscall.ENOTDIR)
	if err := os.Remove(filepath.Join(d, "f")); err != nil {
		t.Fatalf("unlink: %v", err)
	}
	if _, err := os.Stat(filepath.Join(m.onDisk("d"), "f")); !os.IsNotExist(err) {
		t.Errorf("f still on disk: %v", err)
	}
	if err := syscall.Rmdir(d); err != nil {
		t.Fatalf("rmdir: %v", err)
	}
	if _, err := os.Stat(m.onDisk("d")); !os.IsNotExist(err) {
		t.Errorf("d still on disk: %v", err)
	}
	wantErrno(t, "unlink missing", syscall.Unlink(d), syscall.ENOENT)
}

func TestLiveReaddir(t *testing.T) {
	m := mountShare(t, smbfs.Options{})
	want := map[string]bool{}
	for i := range 300 {
		name := fmt.Sprintf("file-%03d", i)
		want[name] = true
		if err := os.WriteFile(m.path(name), nil, 0644); err != nil {
			t.Fatal(err)
		}
	}
	os.Mkdir(m.path("sub"), 0755)
	want["sub"] = true
	ents, err := os.ReadDir(m.dir)
	if err != nil {
		t.Fatalf("readdir: %v", err)
	}
	got := map[string]bool{}
	for _, e := range ents {
		got[e.Name()] = true
		if e.Name() == "sub" && !e.IsDir() {
			t.Errorf("sub is not a dir")
		}
	}
	if len(got) != len(want) {
		t.Errorf("readdir: %d entries, want %d", len(got), len(want))
	}
	for n := range want {
		if !got[n] {
			t.Errorf("readdir lacks %s", n)
		}
	}
	// Inode numbers are the server's file ids: stable and distinct.
	var st1, st2 syscall.Stat_t
	syscall.Stat(m.path("file-001"), &st1)
	syscall.Stat(m.path("file-002"), &st2)
	var disk syscall.Stat_t
	syscall.Stat(m.onDisk("file-001"), &disk)
	if st1.Ino == st2.Ino || st1.Ino != disk.Ino {
		t.Errorf("inode numbers: %d %d, server disk %d", st1.Ino, st2.Ino, disk.Ino)
	}
}

func TestLiveUtimens(t *testing.T) {
	m := mountShare(t, smbfs.Options{})
	p := m.path("u")
	os.WriteFile(p, []byte("u"), 0644)
	mt := time.Date(2001, 2, 3, 4, 5, 6, 700000000, time.UTC)
	at := time.Date(2002, 3, 4, 5, 6, 7, 0, time.UTC)
	if err := os.Chtimes(p, at, mt); err != nil {
		t.Fatalf("chtimes: %v", err)
	}
	st, err := os.Stat(p)
	if err != nil || !st.ModTime().Equal(mt) {
		t.Errorf("mtime via mount: %v, want %v (%v)", st.ModTime(), mt, err)
	}
	st, err = os.Stat(m.onDisk("u"))
	if err != nil || !st.ModTime().Equal(mt) {
		t.Errorf("mtime on disk: %v, want %v (%v)", st.ModTime(), mt, err)
	}
	// chmod is accepted and the mode stays the one the options give.
	if err := os.Chmod(p, 0600); err != nil {
		t.Errorf("chmod: %v", err)
	}
	if st, _ := os.Stat(p); st.Mode().Perm() != 0755 {
		t.Errorf("mode %v, want the default file_mode 0755", st.Mode())
	}
}

func TestLiveStatfs(t *testing.T) {
	m := mountShare(t, smbfs.Options{})
	var s, disk syscall.Statfs_t
	if err := syscall.Statfs(m.dir, &s); err != nil {
		t.Fatalf("statfs: %v", err)
	}
	syscall.Statfs(m.disk, &disk)
	if s.Blocks == 0 || s.Bsize == 0 {
		t.Errorf("statfs: %+v", s)
	}
	total := uint64(s.Blocks) * uint64(s.Bsize)
	dtotal := uint64(disk.Blocks) * uint64(disk.Bsize)
	if total < dtotal/2 || total > dtotal*2 {
		t.Errorf("statfs total %d, server disk %d", total, dtotal)
	}
}

func TestLiveOwnerAndModes(t *testing.T) {
	m := mountShare(t, smbfs.Options{UID: 1234, GID: 5678, FileMode: 0640, DirMode: 0750})
	os.WriteFile(m.path("f"), nil, 0777)
	var st syscall.Stat_t
	syscall.Stat(m.path("f"), &st)
	if st.Uid != 1234 || st.Gid != 5678 || st.Mode&0777 != 0640 {
		t.Errorf("file: uid %d gid %d mode %o", st.Uid, st.Gid, st.Mode)
	}
	syscall.Stat(m.dir, &st)
	if st.Mode&0777 != 0750 || st.Mode&syscall.S_IFMT != syscall.S_IFDIR {
		t.Errorf("dir: mode %o", st.Mode)
	}
}

// makeTree writes a tree of n files in a few directories under root.
func makeTree(t *testing.T, root string, n int) {
	t.Helper()
	for i := range n {
		dir := filepath.Join(root, fmt.Sprintf("d%d/e%d", i%7, i%3))
		if err := os.MkdirAll(dir, 0755); err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, fmt.Sprintf("f%d", i))
		if err := os.WriteFile(p, randBytes(i*37%20000), 0644); err != nil {
			t.Fatal(err)
		}
		mt := time.Date(2020, 1, 1, 0, 0, i, 0, time.UTC)
		os.Chtimes(p, mt, mt)
	}
}

func run(t *testing.T, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return string(out)
}

func TestLiveCopyTree(t *testing.T) {
	m := mountShare(t, smbfs.Options{FileMode: 0644}) // the tree's files are 0644 (see TestLiveRsyncTree)
	src := filepath.Join(t.TempDir(), "src")
	makeTree(t, src, 300)
	run(t, "cp", "-a", src, m.path("cp"))
	run(t, "diff", "-r", src, m.path("cp"))
	run(t, "diff", "-r", src, m.onDisk("cp"))

	// rsync -a twice: the second run finds nothing to transfer.
	if _, err := exec.LookPath("rsync"); err != nil {
		t.Fatalf("rsync not installed: %v", err)
	}
	run(t, "rsync", "-a", src+"/", m.path("rs"))
	out := run(t, "rsync", "-a", "--itemize-changes", src+"/", m.path("rs"))
	if strings.TrimSpace(out) != "" {
		t.Errorf("second rsync transferred:\n%s", out)
	}
	run(t, "diff", "-r", src, m.onDisk("rs"))

	tarball := filepath.Join(t.TempDir(), "t.tar")
	run(t, "tar", "-C", m.path("cp"), "-cf", tarball, ".")
	os.Mkdir(m.path("tx"), 0755)
	run(t, "tar", "-C", m.path("tx"), "-xf", tarball)
	run(t, "diff", "-r", src, m.path("tx"))
}

func TestLiveSymlink(t *testing.T) {
	m := mountShare(t, smbfs.Options{})
	os.WriteFile(m.path("target"), []byte("T"), 0644)
	if err := os.Symlink("target", m.path("link")); err != nil {
		t.Fatalf("symlink: %v", err)
	}
	if got, err := os.Readlink(m.path("link")); err != nil || got != "target" {
		t.Errorf("readlink: %q %v", got, err)
	}
	if got, err := os.ReadFile(m.path("link")); err != nil || string(got) != "T" {
		t.Errorf("read through link: %q %v", got, err)
	}
	st, err := os.Lstat(m.path("link"))
	if err != nil || st.Mode()&os.ModeSymlink == 0 || st.Size() != int64(len("target")) {
		t.Errorf("lstat: %v %v", st, err)
	}
	// On the server it is a Minshall-French symlink file, as cifs writes.
	disk, err := os.ReadFile(m.onDisk("link"))
	if err != nil || len(disk) != 1067 || !strings.HasPrefix(string(disk), "XSym\n0006\n") {
		t.Errorf("server file: %d bytes %.12q %v", len(disk), disk, err)
	}
	// A fresh listing shows it as a link too.
	ents, _ := os.ReadDir(m.dir)
	for _, e := range ents {
		if e.Name() == "link" && e.Type()&os.ModeSymlink == 0 {
			t.Errorf("readdir type %v", e.Type())
		}
	}
	// A 1067-byte file that is not a link stays a file.
	os.WriteFile(m.path("plain"), randBytes(1067), 0644)
	if st, err := os.Lstat(m.path("plain")); err != nil || !st.Mode().IsRegular() {
		t.Errorf("1067-byte file: %v %v", st, err)
	}
	if err := os.Remove(m.path("link")); err != nil {
		t.Errorf("remove link: %v", err)
	}
	if _, err := os.Stat(m.path("target")); err != nil {
		t.Errorf("target gone with link: %v", err)
	}
}

func TestLiveHardLink(t *testing.T) {
	m := mountShare(t, smbfs.Options{})
	os.WriteFile(m.path("a"), []byte("shared"), 0644)
	if err := os.Link(m.path("a"), m.path("b")); err != nil {
		t.Fatalf("link: %v", err)
	}
	var sa, sb syscall.Stat_t
	syscall.Stat(m.onDisk("a"), &sa)
	syscall.Stat(m.onDisk("b"), &sb)
	if sa.Ino != sb.Ino || sa.Nlink != 2 {
		t.Errorf("on disk: ino %d/%d nlink %d", sa.Ino, sb.Ino, sa.Nlink)
	}
	if got, _ := os.ReadFile(m.path("b")); string(got) != "shared" {
		t.Errorf("b: %q", got)
	}
}

// TestLiveReplaceJustClosed is the editor's save: write a temporary file,
// close it, rename it over the file just closed. The kernel releases
// handles after close(2) returns; the rename must not see them as open.
func TestLiveReplaceJustClosed(t *testing.T) {
	m := mountShare(t, smbfs.Options{})
	for i := range 50 {
		if err := os.WriteFile(m.path("doc"), []byte(fmt.Sprint("v", i)), 0644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(m.path("doc.tmp"), []byte(fmt.Sprint("v", i+1)), 0644); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(m.path("doc.tmp"), m.path("doc")); err != nil {
			t.Fatalf("iteration %d: rename over just-closed file: %v", i, err)
		}
	}
	if got, _ := os.ReadFile(m.onDisk("doc")); string(got) != "v50" {
		t.Errorf("doc: %q", got)
	}
}

func TestLiveXattr(t *testing.T) {
	m := mountShare(t, smbfs.Options{})
	p := m.path("x")
	os.WriteFile(p, []byte("x"), 0644)
	if err := unix.Setxattr(p, "user.color", []byte("blue"), 0); err != nil {
		t.Fatalf("setxattr: %v", err)
	}
	buf := make([]byte, 100)
	n, err := unix.Getxattr(p, "user.color", buf)
	if err != nil || string(buf[:n]) != "blue" {
		t.Errorf("getxattr: %q %v", buf[:n], err)
	}
	// Samba keeps the EA as user.color on the server's disk.
	n, err = unix.Getxattr(m.onDisk("x"), "user.color", buf)
	if err != nil || string(buf[:n]) != "blue" {
		t.Errorf("on disk: %q %v", buf[:n], err)
	}
	n, err = unix.Listxattr(p, buf)
	if err != nil || !strings.Contains(string(buf[:n]), "user.color\x00") {
		t.Errorf("listxattr: %q %v", buf[:n], err)
	}
	if _, err := unix.Getxattr(p, "user.color", make([]byte, 2)); !errors.Is(err, syscall.ERANGE) {
		t.Errorf("small buffer: %v", err)
	}
	wantErrno(t, "XATTR_CREATE on existing", unix.Setxattr(p, "user.color", []byte("red"), unix.XATTR_CREATE), syscall.EEXIST)
	wantErrno(t, "XATTR_REPLACE on missing", unix.Setxattr(p, "user.size", []byte("1"), unix.XATTR_REPLACE), syscall.ENODATA)
	_, err = unix.Getxattr(p, "user.missing", buf)
	wantErrno(t, "get missing", err, syscall.ENODATA)
	wantErrno(t, "set security.*", unix.Setxattr(p, "security.x", []byte("1"), 0), syscall.EOPNOTSUPP)
	if err := unix.Removexattr(p, "user.color"); err != nil {
		t.Errorf("removexattr: %v", err)
	}
	_, err = unix.Getxattr(p, "user.color", buf)
	wantErrno(t, "get removed", err, syscall.ENODATA)
	wantErrno(t, "remove missing", unix.Removexattr(p, "user.color"), syscall.ENODATA)
}

func TestLiveRenameDirOverEmptyDir(t *testing.T) {
	m := mountShare(t, smbfs.Options{})
	os.MkdirAll(m.path("src/inner"), 0755)
	os.Mkdir(m.path("dst"), 0755)
	// syscall.Rename: os.Rename refuses a directory target itself.
	if err := syscall.Rename(m.path("src"), m.path("dst")); err != nil {
		t.Fatalf("rename dir over empty dir: %v", err)
	}
	if _, err := os.Stat(m.onDisk("dst/inner")); err != nil {
		t.Errorf("dst/inner: %v", err)
	}
	os.MkdirAll(m.path("a/x"), 0755)
	os.MkdirAll(m.path("b/y"), 0755)
	wantErrno(t, "rename over non-empty dir", syscall.Rename(m.path("a"), m.path("b")), syscall.ENOTEMPTY)
	if _, err := os.Stat(m.onDisk("b/y")); err != nil {
		t.Errorf("non-empty target damaged: %v", err)
	}
	os.WriteFile(m.path("f"), nil, 0644)
	wantErrno(t, "rename file over dir", syscall.Rename(m.path("f"), m.path("b")), syscall.EISDIR)
	wantErrno(t, "rename dir over file", syscall.Rename(m.path("b"), m.path("f")), syscall.ENOTDIR)
}

func TestLiveFsync(t *testing.T) {
	m := mountShare(t, smbfs.Options{})
	f, err := os.Create(m.path("s"))
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("synced")
	if err := f.Sync(); err != nil {
		t.Errorf("fsync file: %v", err)
	}
	f.Close()
	r, _ := os.Open(m.path("s"))
	if err := r.Sync(); err != nil {
		t.Errorf("fsync read-only fd: %v", err)
	}
	r.Close()
	d, err := os.Open(m.dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Sync(); err != nil {
		t.Errorf("fsync dir: %v", err)
	}
	d.Close()
}
