//go:build linux

package main

import (
	"bytes"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/sys/unix"

	"github.com/smb3fs/smb3fs/internal/testenv"
)

// installMountHelper makes this binary /sbin/mount.smb3fs (/sbin is
// /usr/sbin here), as `make install` would, for mount(8) to find: a
// read-only overlay of /usr/sbin with the helper on top, in this test's
// private mount namespace only, removed at cleanup.
func installMountHelper(t *testing.T) {
	t.Helper()
	if os.Getenv(privateNSVar) != "1" {
		t.Fatal("the helper is installed only in the private mount namespace")
	}
	dir, err := os.MkdirTemp("", "smb3fs-helper-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	copyFile(t, testenv.DaemonBinary(t), filepath.Join(dir, "mount.smb3fs"), 0o755)
	sbin, err := filepath.EvalSymlinks("/sbin")
	if err != nil {
		t.Fatal(err)
	}
	if err := unix.Mount("overlay", sbin, "overlay", unix.MS_RDONLY, "lowerdir="+dir+":"+sbin); err != nil {
		t.Fatalf("overlay of %s with mount.smb3fs: %v", sbin, err)
	}
	t.Cleanup(func() { unix.Unmount(sbin, unix.MNT_DETACH) })
	if _, err := os.Stat("/sbin/mount.smb3fs"); err != nil {
		t.Fatal(err)
	}
}

// TestLiveMountFstabKeytab: an fstab line's mount, as mount(8) runs it
// at boot (root, no ticket cache: KRB5CCNAME points nowhere), with
// keytab= and principal= in the options: mount -t smb3fs finds
// /sbin/mount.smb3fs, which mounts as bob from bob's keytab; files
// written through the mount are bob's on the server. A principal the
// keytab has no key for, and a keytab others may read, fail through
// mount(8) with one line and exit status 32.
func TestLiveMountFstabKeytab(t *testing.T) {
	env := testenv.Env(t)
	if os.Geteuid() != 0 {
		t.Fatal("needs root: mount(8) as at boot")
	}
	if os.Getenv(privateNSVar) != "1" {
		reexecInPrivateMountNS(t)
		return
	}
	bob := env.User(t, "bob")
	if bob.Keytab == "" {
		t.Fatal("the environment has no keytab for bob")
	}
	installMountHelper(t)
	share := env.Shares.Encrypted
	src := "//" + env.DC.Host + "/" + share
	dir := t.TempDir()
	t.Cleanup(func() { detach(dir) })
	mount := func(opts string) (string, int) {
		t.Helper()
		cmd := exec.Command("mount", "-t", "smb3fs", src, dir, "-o", opts)
		cmd.Env = append(os.Environ(), "KRB5_CONFIG="+env.KRB5Conf, "KRB5CCNAME=FILE:/nonexistent/ccache")
		return runBounded(t, cmd, time.Minute)
	}

	// Refusals first: nothing is mounted, one line each, status 32.
	unsafe := filepath.Join(t.TempDir(), "bob.keytab")
	copyFile(t, bob.Keytab, unsafe, 0o640)
	if err := os.Chmod(unsafe, 0o640); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ opts, want string }{
		{"keytab=" + bob.Keytab + ",principal=alice", "auth: keytab " + bob.Keytab + " holds no key for alice@" + env.Realm},
		{"keytab=" + unsafe + ",principal=bob", "auth: keytab " + unsafe + ": refused: readable or writable by group or others (mode 0640); chmod 600 it"},
	} {
		out, code := mount(c.opts + ",_netdev")
		if code != exitFailure || !strings.Contains(out, c.want) || strings.Count(strings.TrimSpace(out), "\n") != 0 {
			t.Errorf("mount -o %s: exit %d (want %d): %q, want one line with %q", c.opts, code, exitFailure, out, c.want)
		}
		if mountedAt(t, dir) {
			t.Fatalf("mounted with -o %s", c.opts)
		}
	}

	// The fstab line's options: the keytab, its principal, systemd's.
	out, code := mount("keytab=" + bob.Keytab + ",principal=bob,_netdev,nofail,x-systemd.automount,actimeo=0")
	if code != 0 {
		t.Fatalf("mount -t smb3fs with keytab=: exit %d: %s", code, out)
	}
	mi, ok := mountInfo(t, dir)
	if !ok || mi.fstype != "fuse.smb3fs" || mi.source != src {
		t.Fatalf("mounted: %+v %v, want fuse.smb3fs %s", mi, ok, src)
	}
	name := env.ScratchName(t, share, "keytab")
	want := []byte("written from bob's keytab\n")
	if err := os.WriteFile(filepath.Join(dir, name), want, 0o644); err != nil {
		t.Fatalf("write through the mount: %v", err)
	}
	if got, err := os.ReadFile(filepath.Join(dir, name)); err != nil || !bytes.Equal(got, want) {
		t.Errorf("read back through the mount: %q %v", got, err)
	}
	onServer := filepath.Join(env.ShareDirs[share], name)
	if st, err := os.Stat(onServer); err != nil {
		t.Errorf("on the server: %v", err)
	} else if uid := st.Sys().(*syscall.Stat_t).Uid; int(uid) != bob.UID {
		t.Errorf("server file owned by uid %d, want bob's %d (the keytab's principal)", uid, bob.UID)
	}
	if out, code := runBounded(t, exec.Command("umount", dir), time.Minute); code != 0 {
		t.Fatalf("umount: exit %d: %s", code, out)
	}
	if mountedAt(t, dir) {
		t.Errorf("still mounted after umount")
	}
}

// TestLiveMountOwnerUID: root mounts with uid=4242,gid=4242 (ids with no
// passwd entry), as a cifs user would for a local user: the mount is
// allow_other with default_permissions, so uid 4242, the owner shown,
// creates and writes files, while uid 4243 may list and read (the default
// modes are 0755) but not write: EACCES from the kernel. The processes run
// in this test's mount namespace, where the mount is.
func TestLiveMountOwnerUID(t *testing.T) {
	env := testenv.Env(t)
	if os.Geteuid() != 0 {
		t.Fatal("needs root: root's mount for another owner")
	}
	bin := testenv.DaemonBinary(t)
	cc := env.Kinit(t, "alice")
	share := env.Shares.Encrypted
	src := "//" + env.DC.Host + "/" + share
	// A mount point the two uids can reach.
	base := traversableDir(t, "smb3fs-owner-")
	dir := filepath.Join(base, "mnt")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	out, code := runMountCmd(t, env, bin, cc, nil, "mount", src, dir, "-o", "uid=4242,gid=4242,actimeo=0")
	if code != 0 {
		t.Fatalf("mount: exit %d: %s", code, out)
	}
	t.Cleanup(func() { detach(dir) })
	if mi, ok := mountInfo(t, dir); !ok || !hasOpt(mi.superOpts, "allow_other") || !hasOpt(mi.superOpts, "default_permissions") {
		t.Errorf("root's mount for uid 4242: %+v %v, want allow_other,default_permissions", mi, ok)
	}
	owner := &testenv.User{Name: "uid4242", UID: 4242, GID: 4242}
	other := &testenv.User{Name: "uid4243", UID: 4243, GID: 4243}
	sub := env.ScratchName(t, share, "owner")
	d := filepath.Join(dir, sub)

	// The owner creates a directory and files, and writes them.
	if out, code := runAs(t, owner, nil, "sh", "-c", `mkdir "$1" && printf 'by 4242' >"$1/f" && printf more >>"$1/f" && cat "$1/f"`, "sh", d); code != 0 || out != "by 4242more" {
		t.Fatalf("uid 4242 creates and writes: exit %d: %q", code, out)
	}
	st, err := os.Stat(filepath.Join(d, "f"))
	if err != nil {
		t.Fatal(err)
	}
	if s := st.Sys().(*syscall.Stat_t); s.Uid != 4242 || s.Gid != 4242 || st.Mode().Perm() != 0o755 {
		t.Errorf("file shows uid %d gid %d mode %v, want 4242 4242 0755", s.Uid, s.Gid, st.Mode())
	}

	// Another user lists and reads, and may not write, create or remove.
	if out, code := runAs(t, other, nil, "ls", d); code != 0 || strings.TrimSpace(out) != "f" {
		t.Errorf("uid 4243 lists: exit %d: %q", code, out)
	}
	if out, code := runAs(t, other, nil, "cat", filepath.Join(d, "f")); code != 0 || out != "by 4242more" {
		t.Errorf("uid 4243 reads: exit %d: %q", code, out)
	}
	for what, script := range map[string]string{
		"appends":   `printf x >>"$1/f"`,
		"truncates": `: >"$1/f"`,
		"creates":   `: >"$1/new"`,
		"removes":   `rm -f "$1/f"`,
		"mkdirs":    `mkdir "$1/sub"`,
	} {
		out, code := runAs(t, other, nil, "sh", "-c", script, "sh", d)
		if code == 0 || !strings.Contains(out, "Permission denied") {
			t.Errorf("uid 4243 %s: exit %d: %q, want Permission denied (EACCES)", what, code, out)
		}
	}
	if b, err := os.ReadFile(filepath.Join(env.ShareDirs[share], sub, "f")); err != nil || string(b) != "by 4242more" {
		t.Errorf("on the server: %q %v", b, err)
	}
	if _, err := os.Stat(filepath.Join(env.ShareDirs[share], sub, "new")); err == nil {
		t.Errorf("uid 4243 created a file on the server")
	}
	if out, code := runMountCmd(t, env, bin, cc, nil, "unmount", dir); code != 0 {
		t.Errorf("unmount: exit %d: %s", code, out)
	}
}

// TestLiveMountForegroundNotify: under systemd (Type=notify) smb3fs mount
// --foreground sends READY=1 on $NOTIFY_SOCKET once the mount answers, and
// STOPPING=1 when SIGTERM unmounts it.
func TestLiveMountForegroundNotify(t *testing.T) {
	env := testenv.Env(t)
	bin := testenv.DaemonBinary(t)
	cc := env.Kinit(t, "alice")
	src := "//" + env.DC.Host + "/" + env.Shares.Encrypted
	dir := t.TempDir()
	sock := listenNotify(t, fmt.Sprintf("@smb3fs-live-notify-%d", os.Getpid()))
	cmd := exec.Command(bin, "mount", "--foreground", src, dir)
	cmd.Env = append(os.Environ(), "KRB5_CONFIG="+env.KRB5Conf, "KRB5CCNAME=FILE:"+cc,
		notifySocketVar+"="+sock.LocalAddr().(*net.UnixAddr).Name)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	t.Cleanup(func() {
		if mountedAt(t, dir) {
			exec.Command(bin, "unmount", "--lazy", dir).Run()
		}
	})
	sock.SetReadDeadline(time.Now().Add(time.Minute))
	buf := make([]byte, 4096)
	n, err := sock.Read(buf)
	if err != nil {
		cmd.Process.Kill()
		t.Fatalf("no READY=1: %v: %s", err, out.String())
	}
	if got := string(buf[:n]); !strings.HasPrefix(got, "READY=1\n") || !strings.Contains(got, "STATUS=Mounted "+src+" on "+dir) {
		t.Errorf("first notification %q", got)
	}
	// Ready means answering: no waiting for the mount to appear.
	if !mountedAt(t, dir) {
		t.Errorf("READY=1 before %s was mounted", dir)
	}
	if _, err := os.ReadDir(dir); err != nil {
		t.Errorf("readdir right after READY=1: %v", err)
	}
	cmd.Process.Signal(syscall.SIGTERM)
	sock.SetReadDeadline(time.Now().Add(time.Minute))
	if n, err := sock.Read(buf); err != nil || !strings.HasPrefix(string(buf[:n]), "STOPPING=1\n") {
		t.Errorf("after SIGTERM: %q %v", buf[:max(n, 0)], err)
	}
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("exit after SIGTERM: %v: %s", err, out.String())
		}
	case <-time.After(time.Minute):
		cmd.Process.Kill()
		t.Fatal("no exit after SIGTERM")
	}
	if mountedAt(t, dir) {
		t.Errorf("still mounted after SIGTERM")
	}
}

// TestLiveMountKeytabUnreadable: a user who cannot read the keytab named
// (bob's, root's own, in a directory only root may enter) gets one line
// naming it and exit status 32, before anything is sent.
func TestLiveMountKeytabUnreadable(t *testing.T) {
	env := testenv.Env(t)
	if os.Geteuid() != 0 {
		t.Fatal("needs root to act as alice")
	}
	alice, bob := env.User(t, "alice"), env.User(t, "bob")
	base := traversableDir(t, "smb3fs-keytab-")
	bin := filepath.Join(base, "smb3fs")
	copyFile(t, testenv.DaemonBinary(t), bin, 0o755)
	mnt := filepath.Join(base, "mnt")
	mkdirOwned(t, mnt, alice, 0o755)
	src := "//" + env.DC.Host + "/" + env.Shares.Encrypted
	out, code := runAs(t, alice, []string{"KRB5_CONFIG=" + env.KRB5Conf}, bin, "mount", src, mnt, "-o", "keytab="+bob.Keytab+",principal=bob")
	t.Logf("exit %d: %s", code, out)
	want := "smb3fs: mount " + src + " on " + mnt + ": auth: keytab " + bob.Keytab + ": "
	if code != exitFailure || !strings.HasPrefix(out, want) || !strings.HasSuffix(out, ": permission denied\n") || strings.Count(out, "\n") != 1 {
		t.Errorf("alice with bob's keytab: exit %d (want %d): %q, want one line %q...: permission denied", code, exitFailure, out, want)
	}
	if mountedAt(t, mnt) {
		detach(mnt)
		t.Errorf("mounted with a keytab alice cannot read")
	}
}
