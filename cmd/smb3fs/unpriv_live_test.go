//go:build linux

package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/sys/unix"

	"github.com/smb3fs/smb3fs/internal/testenv"
)

// The unprivileged-mount test changes what /dev/fuse, /etc/passwd and
// /etc/fuse.conf look like, so it runs in a mount namespace of its own:
// the outer test re-executes the test binary under `unshare --mount
// --propagation private` with privateNSVar set, and only that inner run
// bind-mounts anything. Nothing outside its namespace sees the changes.
const privateNSVar = "SMB3FS_TEST_PRIVATE_MOUNT_NS"

// TestLiveMountUnprivileged: alice (uid 10001, not root) mounts the
// encrypted share with her own Kerberos ticket through fusermount3, on a
// directory she owns, uses it, and unmounts it; the mount is hers alone
// (user_id=10001; bob and even root get EACCES) unless she asks for
// allow_other, which fusermount3's configuration must allow.
func TestLiveMountUnprivileged(t *testing.T) {
	env := testenv.Env(t)
	if os.Geteuid() != 0 {
		t.Skip("needs root to act as alice and bob")
	}
	if os.Getenv(privateNSVar) != "1" {
		reexecInPrivateMountNS(t)
		return
	}
	alice, bob := env.User(t, "alice"), env.User(t, "bob")
	pretendUsualSystem(t, env)

	// Everything alice uses lives in a directory she owns, below one
	// everybody may traverse.
	base := traversableDir(t, "smb3fs-unpriv-")
	bin := filepath.Join(base, "smb3fs")
	copyFile(t, testenv.DaemonBinary(t), bin, 0o755)
	home := filepath.Join(base, "alice")
	mkdirOwned(t, home, alice, 0o700)
	cc := filepath.Join(home, "ccache")
	copyFile(t, env.Kinit(t, "alice"), cc, 0o600)
	if err := os.Chown(cc, alice.UID, alice.GID); err != nil {
		t.Fatal(err)
	}
	mnt := filepath.Join(home, "mnt")
	mkdirOwned(t, mnt, alice, 0o755)
	t.Cleanup(func() { detach(mnt) })

	asAlice := func(args ...string) (string, int) {
		t.Helper()
		return runAs(t, alice, []string{"KRB5_CONFIG=" + env.KRB5Conf, "KRB5CCNAME=FILE:" + cc, "HOME=" + home}, args...)
	}
	src := "//" + env.DC.Host + "/" + env.Shares.Encrypted

	out, code := asAlice(bin, "mount", src, mnt, "-o", "actimeo=0")
	if code != 0 {
		t.Fatalf("mount as alice: exit %d: %s", code, out)
	}
	mi, ok := mountInfo(t, mnt)
	if !ok {
		t.Fatalf("mount as alice returned 0 but %s is not mounted", mnt)
	}
	if mi.fstype != "fuse.smb3fs" || mi.source != src {
		t.Errorf("mounted %s %s, want fuse.smb3fs %s", mi.fstype, mi.source, src)
	}
	for _, want := range []string{fmt.Sprintf("user_id=%d", alice.UID), fmt.Sprintf("group_id=%d", alice.GID)} {
		if !hasOpt(mi.superOpts, want) {
			t.Errorf("super options %s lack %s", mi.superOpts, want)
		}
	}
	if hasOpt(mi.superOpts, "allow_other") {
		t.Errorf("allow_other without asking: %s", mi.superOpts)
	}
	for _, want := range []string{"nosuid", "nodev"} {
		if !hasOpt(mi.opts, want) {
			t.Errorf("mount options %s lack %s", mi.opts, want)
		}
	}

	// alice's daemon is not dumpable: even alice may not read its
	// environment or memory map, nor trace it (the kernel makes its /proc
	// files root's and refuses her ptrace access).
	pid := strconv.Itoa(daemonPID(t, mnt))
	if status, err := os.ReadFile("/proc/" + pid + "/status"); err != nil || !strings.Contains(string(status), fmt.Sprintf("\nUid:\t%d\t", alice.UID)) {
		t.Fatalf("pid %s is not alice's: %v\n%s", pid, err, status)
	}
	if out, code := asAlice("cat", "/proc/"+pid+"/environ"); code == 0 || !strings.Contains(out, "Permission denied") {
		t.Errorf("alice reads her daemon's /proc/%s/environ: exit %d: %q", pid, code, out)
	}
	if out, code := asAlice("cat", "/proc/"+pid+"/maps"); code == 0 || !strings.Contains(out, "Permission denied") {
		t.Errorf("alice reads her daemon's memory map: exit %d: %.200q", code, out)
	}

	// alice writes and reads back; the server stored it as alice (her
	// ticket, not root's or anybody else's).
	name := env.ScratchName(t, env.Shares.Encrypted, "unpriv")
	onServer := filepath.Join(env.ShareDirs[env.Shares.Encrypted], name)
	file := filepath.Join(mnt, name)
	if out, code := asAlice("sh", "-c", `printf 'written by alice' >"$1"`, "sh", file); code != 0 {
		t.Fatalf("alice writes %s: exit %d: %s", file, code, out)
	}
	if out, code := asAlice("cat", file); code != 0 || out != "written by alice" {
		t.Errorf("alice reads back: exit %d: %q", code, out)
	}
	if st, err := os.Stat(onServer); err != nil {
		t.Errorf("on the server: %v", err)
	} else if uid := st.Sys().(*syscall.Stat_t).Uid; int(uid) != alice.UID {
		t.Errorf("server file owned by uid %d, want alice's %d", uid, alice.UID)
	}

	// Nobody else may enter: bob, and root too (the kernel lets only the
	// mounting user into a FUSE mount without allow_other).
	if out, code := runAs(t, bob, nil, "cat", file); code == 0 || !strings.Contains(out, "Permission denied") {
		t.Errorf("bob reads alice's mount: exit %d: %q", code, out)
	}
	if _, err := os.Stat(file); !errors.Is(err, syscall.EACCES) {
		t.Errorf("root stats in alice's mount: %v, want EACCES", err)
	}
	if _, err := os.ReadDir(mnt); !errors.Is(err, syscall.EACCES) {
		t.Errorf("root lists alice's mount: %v, want EACCES", err)
	}

	// allow_other: refused before anything is sent while fuse.conf does
	// not allow it to users.
	mnt2 := filepath.Join(base, "mnt2") // outside alice's 0700 home: bob must reach it
	mkdirOwned(t, mnt2, alice, 0o755)
	t.Cleanup(func() { detach(mnt2) })
	bindFile(t, []byte("# no user_allow_other\n#user_allow_other\n"), "/etc/fuse.conf")
	out, code = asAlice(bin, "mount", src, mnt2, "-o", "allow_other")
	if code != exitUsage || !strings.Contains(out, "allow_other: only root may use it unless /etc/fuse.conf has a line user_allow_other") {
		t.Errorf("allow_other without user_allow_other: exit %d: %q", code, out)
	}
	if _, ok := mountInfo(t, mnt2); ok {
		t.Fatalf("allow_other mounted anyway")
	}

	// With user_allow_other, other users may enter, and the kernel checks
	// the modes shown: bob reads (0755) but may not write (he is not the
	// owner the mount shows).
	bindFile(t, []byte("user_allow_other\n"), "/etc/fuse.conf")
	if out, code := asAlice(bin, "mount", src, mnt2, "-o", "allow_other"); code != 0 {
		t.Fatalf("allow_other with user_allow_other: exit %d: %s", code, out)
	}
	if mi, ok := mountInfo(t, mnt2); !ok || !hasOpt(mi.superOpts, "allow_other") || !hasOpt(mi.superOpts, "default_permissions") {
		t.Errorf("allow_other mount: %+v %v", mi, ok)
	}
	file2 := filepath.Join(mnt2, name)
	if out, code := runAs(t, bob, nil, "cat", file2); code != 0 || out != "written by alice" {
		t.Errorf("bob reads with allow_other: exit %d: %q", code, out)
	}
	if out, code := runAs(t, bob, nil, "sh", "-c", `printf x >>"$1"`, "sh", file2); code == 0 || !strings.Contains(out, "Permission denied") {
		t.Errorf("bob appends to alice's 0755 file: exit %d: %q", code, out)
	}
	if b, err := os.ReadFile(file2); err != nil || string(b) != "written by alice" {
		t.Errorf("root reads with allow_other: %q %v", b, err)
	}
	if out, code := asAlice(bin, "unmount", mnt2); code != 0 {
		t.Errorf("alice unmounts the allow_other mount: exit %d: %s", code, out)
	}

	// fusermount3's own refusals come through: alice may not mount on a
	// directory she cannot write to.
	rootDir := filepath.Join(base, "rootdir")
	if err := os.Mkdir(rootDir, 0o755); err != nil {
		t.Fatal(err)
	}
	out, code = asAlice(bin, "mount", src, rootDir)
	t.Logf("mount on root's directory: exit %d: %s", code, out)
	if code != exitFailure || !strings.Contains(out, "fusermount3: ") || !strings.Contains(out, "mountpoint") {
		t.Errorf("mount on root's directory: exit %d: %q (want fusermount3's reason)", code, out)
	}
	if _, ok := mountInfo(t, rootDir); ok {
		detach(rootDir)
		t.Errorf("mounted on root's directory")
	}

	// alice unmounts her own mount (fusermount3 -u).
	if out, code := asAlice(bin, "unmount", mnt); code != 0 {
		t.Fatalf("alice unmounts: exit %d: %s", code, out)
	}
	if _, ok := mountInfo(t, mnt); ok {
		t.Errorf("still mounted after alice's unmount")
	}
}

// reexecInPrivateMountNS runs this test again in a new mount namespace
// and reports its result.
func reexecInPrivateMountNS(t *testing.T) {
	unshare, err := exec.LookPath("unshare")
	if err != nil {
		t.Skip("no unshare(1) for a private mount namespace")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, unshare, "--mount", "--propagation", "private", "--",
		os.Args[0], "-test.run", "^"+t.Name()+"$", "-test.count=1", "-test.v", "-test.timeout=4m")
	cmd.Env = append(os.Environ(), privateNSVar+"=1")
	out, err := cmd.CombinedOutput()
	t.Logf("in a private mount namespace:\n%s", out)
	if err != nil {
		t.Fatalf("inner run: %v", err)
	}
	if !bytes.Contains(out, []byte("--- PASS: "+t.Name())) {
		t.Fatalf("inner run did not pass")
	}
}

// pretendUsualSystem makes this mount namespace look like a usual
// distribution where users may mount FUSE file systems: /dev/fuse open
// to everybody (0666; here it may be 0600, and fusermount3 opens it as the
// calling user) and the test users in /etc/passwd (fusermount3 -u wants
// the caller's name).
func pretendUsualSystem(t *testing.T, env *testenv.Environment) {
	t.Helper()
	var st unix.Stat_t
	if err := unix.Stat("/dev/fuse", &st); err != nil {
		t.Skipf("no /dev/fuse: %v", err)
	}
	if st.Mode&0o006 != 0o006 {
		dir := t.TempDir()
		node := filepath.Join(dir, "fuse")
		if err := unix.Mknod(node, unix.S_IFCHR|0o666, int(st.Rdev)); err != nil {
			t.Fatalf("mknod: %v", err)
		}
		if err := os.Chmod(node, 0o666); err != nil {
			t.Fatal(err)
		}
		bind(t, node, "/dev/fuse")
	}
	passwd, err := os.ReadFile("/etc/passwd")
	if err != nil {
		t.Fatal(err)
	}
	add := ""
	for _, u := range env.Users {
		if _, err := user.LookupId(strconv.Itoa(u.UID)); err != nil {
			add += fmt.Sprintf("%s:x:%d:%d::/nonexistent:/usr/sbin/nologin\n", u.Name, u.UID, u.GID)
		}
	}
	if add != "" {
		bindFile(t, append(passwd, add...), "/etc/passwd")
	}
}

// bindFile bind-mounts a new file holding data over target (in this test's
// private mount namespace), and undoes it at cleanup.
func bindFile(t *testing.T, data []byte, target string) {
	t.Helper()
	f, err := os.CreateTemp(t.TempDir(), filepath.Base(target))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.Write(data); err != nil {
		t.Fatal(err)
	}
	f.Close()
	if err := os.Chmod(f.Name(), 0o644); err != nil {
		t.Fatal(err)
	}
	bind(t, f.Name(), target)
}

func bind(t *testing.T, src, target string) {
	t.Helper()
	if os.Getenv(privateNSVar) != "1" {
		t.Fatal("bind mounts only in the private mount namespace")
	}
	if err := unix.Mount(src, target, "", unix.MS_BIND, ""); err != nil {
		t.Fatalf("bind %s over %s: %v", src, target, err)
	}
	t.Cleanup(func() { unix.Unmount(target, unix.MNT_DETACH) })
}

// traversableDir makes a temporary directory everybody may read and
// traverse (not write), for what a test's other users must reach:
// binaries, mount points, their own homes. It is removed at cleanup.
func traversableDir(t *testing.T, prefix string) string {
	t.Helper()
	base, err := os.MkdirTemp("", prefix)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(base) })
	if err := os.Chmod(base, 0o755); err != nil {
		t.Fatal(err)
	}
	return base
}

func mkdirOwned(t *testing.T, dir string, u *testenv.User, mode os.FileMode) {
	t.Helper()
	if err := os.Mkdir(dir, mode); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(dir, mode); err != nil {
		t.Fatal(err)
	}
	if err := os.Chown(dir, u.UID, u.GID); err != nil {
		t.Fatal(err)
	}
}

func copyFile(t *testing.T, from, to string, mode os.FileMode) {
	t.Helper()
	in, err := os.Open(from)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, mode)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
}

// detach lazily unmounts dir if something is mounted there.
func detach(dir string) {
	if m, _ := isMounted(dir); m {
		unix.Unmount(dir, unix.MNT_DETACH)
	}
}

// runAs runs args as user u (uid, primary gid, no supplementary groups)
// with a small environment plus extra, and returns the combined output
// and exit status. It fails the test if the command does not end within a
// minute.
func runAs(t *testing.T, u *testenv.User, extra []string, args ...string) (string, int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, args[0], args[1:]...)
	cmd.Env = append([]string{"PATH=/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin", "LANG=C"}, extra...)
	cmd.Dir = "/"
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: uint32(u.UID), Gid: uint32(u.GID), Groups: []uint32{}}}
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("%v as %s did not end", args, u.Name)
	}
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		return out.String(), ee.ExitCode()
	case err != nil:
		t.Fatalf("%v as %s: %v", args, u.Name, err)
	}
	return out.String(), 0
}

// mountEntry is one line of /proc/self/mountinfo.
type mountEntry struct {
	opts, fstype, source, superOpts string
}

// mountInfo returns the mountinfo entry of the mount on dir.
func mountInfo(t *testing.T, dir string) (mountEntry, bool) {
	t.Helper()
	m, err := mountAt(dir)
	if err != nil {
		t.Fatal(err)
	}
	if m == nil {
		return mountEntry{}, false
	}
	// The entry on top, as mountAt returns it.
	return mountEntry{opts: m.Options, fstype: m.FSType, source: m.Source, superOpts: m.VFSOptions}, true
}

// hasOpt reports whether the comma-separated list has opt.
func hasOpt(list, opt string) bool {
	for _, o := range strings.Split(list, ",") {
		if o == opt {
			return true
		}
	}
	return false
}
