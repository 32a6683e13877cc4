package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/smb3fs/smb3fs/internal/testenv"
)

// runMountCmd runs the built binary with Kerberos pointed at the test realm
// and returns its output and exit status. It fails the test if the command
// does not finish within a minute (the mount must return once ready).
func runMountCmd(t *testing.T, env *testenv.Environment, bin, ccache string, extraEnv []string, args ...string) (string, int) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), "KRB5_CONFIG="+env.KRB5Conf, "KRB5CCNAME=FILE:"+ccache)
	cmd.Env = append(cmd.Env, extraEnv...)
	return runBounded(t, cmd, time.Minute)
}

// runBounded runs cmd and returns its combined output and exit code; it
// fails the test if cmd has not exited after d.
func runBounded(t *testing.T, cmd *exec.Cmd, d time.Duration) (string, int) {
	t.Helper()
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return out.String(), ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		return out.String(), 0
	case <-time.After(d):
		cmd.Process.Kill()
		t.Fatalf("%v did not exit within %v: %s", cmd.Args, d, out.String())
		return "", -1
	}
}

func mountedAt(t *testing.T, dir string) bool {
	t.Helper()
	m, err := isMounted(dir)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestLiveMountCommand(t *testing.T) {
	env := testenv.Env(t)
	bin := testenv.DaemonBinary(t)
	cc := env.Kinit(t, "alice")
	src := "//" + env.DC.Host + "/" + env.Shares.Encrypted
	dir := t.TempDir()

	out, code := runMountCmd(t, env, bin, cc, nil, "mount", src, dir, "-o", "actimeo=0,_netdev,x-systemd.automount")
	if code != 0 {
		t.Fatalf("mount: exit %d: %s", code, out)
	}
	t.Cleanup(func() {
		if mountedAt(t, dir) {
			exec.Command(bin, "unmount", "--lazy", dir).Run()
		}
	})
	// Returned only once ready: the mount is there and works right away.
	if !mountedAt(t, dir) {
		t.Fatalf("mount returned 0 but %s is not mounted", dir)
	}
	name := "mountcmd-" + strings.ReplaceAll(time.Now().Format("150405.000000000"), ".", "")
	t.Cleanup(func() { os.Remove(filepath.Join(env.ShareDirs[env.Shares.Encrypted], name)) })
	if err := os.WriteFile(filepath.Join(dir, name), []byte("via smb3fs mount"), 0644); err != nil {
		t.Fatalf("write through the mount: %v", err)
	}
	got, err := os.ReadFile(filepath.Join(env.ShareDirs[env.Shares.Encrypted], name))
	if err != nil || string(got) != "via smb3fs mount" {
		t.Errorf("on the server: %q %v", got, err)
	}

	// A second mount on the same directory is refused.
	if out, code := runMountCmd(t, env, bin, cc, nil, "mount", src, dir); code == 0 || !strings.Contains(out, "already a mount point") {
		t.Errorf("double mount: exit %d: %s", code, out)
	}

	out, code = runMountCmd(t, env, bin, cc, nil, "unmount", dir)
	if code != 0 {
		t.Fatalf("unmount: exit %d: %s", code, out)
	}
	if mountedAt(t, dir) {
		t.Errorf("still mounted after unmount")
	}
	if out, code := runMountCmd(t, env, bin, cc, nil, "unmount", dir); code == 0 || !strings.Contains(out, "not an smb3fs mount point") {
		t.Errorf("unmount twice: exit %d: %s", code, out)
	}
}

// TestLiveMountHelperFstabLine: mount.smb3fs, as mount(8) runs it for an
// fstab line written with mount.cifs's and fstab's spellings, mounts; the
// daemon logs to logfile= (there is no syslog here), at debug level, and
// the mount is served until unmounted.
func TestLiveMountHelperFstabLine(t *testing.T) {
	env := testenv.Env(t)
	bin := testenv.DaemonBinary(t)
	cc := env.Kinit(t, "alice")
	dir := t.TempDir()
	logPath := filepath.Join(t.TempDir(), "smb3fs.log")
	opts := "rw,user,noauto,_netdev,nofail,x-systemd.automount,vers=3.11,sec=krb5p,mfsymlinks,iocharset=utf8,cache=strict," +
		"noatime,nodiratime,sync,actimeo=0,loglevel=debug,logfile=" + logPath
	cmd := exec.Command(bin, "smb://"+env.DC.Host+"/"+env.Shares.Encrypted, dir, "-s", "-o", opts)
	cmd.Args[0] = "mount.smb3fs"
	cmd.Env = append(os.Environ(), "KRB5_CONFIG="+env.KRB5Conf, "KRB5CCNAME=FILE:"+cc)
	out, code := runBounded(t, cmd, time.Minute)
	if code != 0 {
		t.Fatalf("mount.smb3fs: exit %d: %s", code, out)
	}
	t.Cleanup(func() {
		if mountedAt(t, dir) {
			exec.Command(bin, "unmount", "--lazy", dir).Run()
		}
	})
	if _, err := os.ReadDir(dir); err != nil {
		t.Errorf("readdir through the mount: %v", err)
	}
	// The access-time flags reach the kernel, as for any file system.
	flags := "," + mountFlags(t, dir) + ","
	for _, want := range []string{"rw", "nosuid", "nodev", "noatime", "nodiratime"} {
		if !strings.Contains(flags, ","+want+",") {
			t.Errorf("mount flags %s lack %s", flags, want)
		}
	}
	if super := superOptions(t, dir); !strings.Contains(","+super+",", ",sync,") {
		t.Errorf("super block options %s lack sync", super)
	}
	// mount -o remount,ro and back, as xfstests cycles it.
	helper := func(opts string) (string, int) {
		cmd := exec.Command(bin, "smb://"+env.DC.Host+"/"+env.Shares.Encrypted, dir, "-o", opts)
		cmd.Args[0] = "mount.smb3fs"
		return runBounded(t, cmd, time.Minute)
	}
	name := filepath.Join(dir, "remount-"+strings.ReplaceAll(time.Now().Format("150405.000000000"), ".", ""))
	t.Cleanup(func() { os.Remove(name) })
	if out, code := helper("remount,ro,noatime"); code != 0 {
		t.Fatalf("remount,ro: exit %d: %s", code, out)
	}
	if err := os.WriteFile(name, []byte("x"), 0o644); !errors.Is(err, syscall.EROFS) {
		t.Errorf("write after remount,ro: %v, want EROFS", err)
	}
	if flags := "," + mountFlags(t, dir) + ","; !strings.Contains(flags, ",ro,") || !strings.Contains(flags, ",nosuid,") || !strings.Contains(flags, ",noatime,") {
		t.Errorf("mount flags after remount,ro,noatime: %s", flags)
	}
	if out, code := helper("remount,rw"); code != 0 {
		t.Fatalf("remount,rw: exit %d: %s", code, out)
	}
	if err := os.WriteFile(name, []byte("x"), 0o644); err != nil {
		t.Errorf("write after remount,rw: %v", err)
	}
	os.Remove(name)
	if out, code := runMountCmd(t, env, bin, cc, nil, "unmount", dir); code != 0 {
		t.Fatalf("unmount: exit %d: %s", code, out)
	}
	log, err := os.ReadFile(logPath)
	if err != nil {
		t.Fatal(err)
	}
	st, _ := os.Stat(logPath)
	if st.Mode().Perm() != 0o600 || !strings.Contains(string(log), "level=DEBUG") || !strings.Contains(string(log), "connection established") {
		t.Errorf("log file (mode %v): %s", st.Mode(), log)
	}
}

func TestLiveMountRefusals(t *testing.T) {
	env := testenv.Env(t)
	bin := testenv.DaemonBinary(t)
	cc := env.Kinit(t, "alice")
	src := "//" + env.DC.Host + "/" + env.Shares.Encrypted
	dir := t.TempDir()
	for _, tc := range []struct {
		name string
		env  []string
		args []string
		code int
		msg  string
	}{
		{"missing mount point", nil, []string{"mount", src, filepath.Join(dir, "nope")}, exitFailure, "no such file or directory"},
		{"missing share", nil, []string{"mount", "//" + env.DC.Host + "/nosuchshare", dir}, exitFailure, "STATUS_BAD_NETWORK_NAME"},
		{"unknown option", nil, []string{"mount", src, dir, "-o", "frobnicate"}, exitUsage, `unknown mount option "frobnicate"`},
		{"cache mode other than strict", nil, []string{"mount", src, dir, "-o", "cache=loose"}, exitUsage, "cache=loose is not supported: smb3fs always caches as cache=strict does"},
		{"password in argv", nil, []string{"mount", src, dir, "-o", "password=x"}, exitUsage, "not taken on the command line"},
		{"old dialect loosens the rule", nil, []string{"mount", src, dir, "-o", "vers=3.0"}, exitFailure, "smb3fs: refused " + src + ": rule built-in strict default"},
		{"ntlm under the strict policy", []string{"PASSWD=whatever"}, []string{"mount", src, dir, "-o", "sec=ntlmssp,username=alice"}, exitFailure, "mutual authentication"},
		{"unknown flag", nil, []string{"mount", src, dir, "--frobnicate"}, exitUsage, "unknown flag: --frobnicate"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, code := runMountCmd(t, env, bin, cc, tc.env, tc.args...)
			if code != tc.code || !strings.Contains(out, tc.msg) {
				t.Errorf("exit %d (want %d), output %q (want %q)", code, tc.code, out, tc.msg)
			}
			if mountedAt(t, dir) {
				t.Errorf("something got mounted")
				exec.Command(bin, "unmount", "--lazy", dir).Run()
			}
		})
	}
}

func TestLiveMountForegroundSIGTERM(t *testing.T) {
	env := testenv.Env(t)
	bin := testenv.DaemonBinary(t)
	cc := env.Kinit(t, "alice")
	dir := t.TempDir()
	cmd := exec.Command(bin, "mount", "//"+env.DC.Host+"/"+env.Shares.Encrypted, dir, "--foreground")
	cmd.Env = append(os.Environ(), "KRB5_CONFIG="+env.KRB5Conf, "KRB5CCNAME=FILE:"+cc)
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
	// Wait for the mount to appear (or the process to fail).
	for !mountedAt(t, dir) {
		select {
		case err := <-done:
			t.Fatalf("mount --foreground exited: %v: %s", err, out.String())
		case <-time.After(50 * time.Millisecond):
		}
	}
	if _, err := os.ReadDir(dir); err != nil {
		t.Errorf("readdir: %v", err)
	}
	cmd.Process.Signal(syscall.SIGTERM)
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
	// The audit line names the principal of the ticket used.
	if line := auditLine(t, out.String(), "connection established"); !strings.Contains(line, " principal=alice@"+env.Realm+" ") {
		t.Errorf("audit line without principal=alice@%s: %s", env.Realm, line)
	}
}

// auditLine returns the line of out holding msg, or fails the test.
func auditLine(t *testing.T, out, msg string) string {
	t.Helper()
	for _, l := range strings.Split(out, "\n") {
		if strings.Contains(l, msg) {
			return l
		}
	}
	t.Fatalf("no %q audit line in %q", msg, out)
	return ""
}

// mountFlags returns the per-mount options of dir from /proc/self/mountinfo.
// superOptions returns the super block options of the mount at dir (the
// field after the file system type and source in mountinfo).
func superOptions(t *testing.T, dir string) string {
	t.Helper()
	m, err := mountAt(dir)
	if err != nil {
		t.Fatal(err)
	}
	if m == nil {
		return ""
	}
	return m.VFSOptions
}

func mountFlags(t *testing.T, dir string) string {
	t.Helper()
	m, err := mountAt(dir)
	if err != nil {
		t.Fatal(err)
	}
	if m == nil {
		return ""
	}
	return m.Options
}

func TestLiveMountKernelFlags(t *testing.T) {
	env := testenv.Env(t)
	bin := testenv.DaemonBinary(t)
	cc := env.Kinit(t, "alice")
	dir := t.TempDir()
	out, code := runMountCmd(t, env, bin, cc, nil, "mount", "//"+env.DC.Host+"/"+env.Shares.Encrypted, dir, "-o", "ro,noexec")
	if code != 0 {
		t.Fatalf("mount: exit %d: %s", code, out)
	}
	t.Cleanup(func() { exec.Command(bin, "unmount", "--lazy", dir).Run() })
	flags := "," + mountFlags(t, dir) + ","
	for _, want := range []string{"ro", "noexec", "nosuid", "nodev"} {
		if !strings.Contains(flags, ","+want+",") {
			t.Errorf("mount flags %s lack %s", flags, want)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "nope"), nil, 0644); !errors.Is(err, syscall.EROFS) {
		t.Errorf("write on ro mount: %v", err)
	}
	if out, code := runMountCmd(t, env, bin, cc, nil, "unmount", dir); code != 0 {
		t.Errorf("unmount: %d %s", code, out)
	}
}

// TestLiveMountNTLMOnlyWhereRootAllows: NTLM is refused under the strict
// default, and works for the one share root's rules file loosens.
func TestLiveMountNTLMOnlyWhereRootAllows(t *testing.T) {
	env := testenv.Env(t)
	bin := testenv.DaemonBinary(t)
	alice := env.User(t, "alice")
	src := "//" + env.DC.Host + "/" + env.Shares.Encrypted
	rf := rulesFile(t, env, "[\\\\"+env.DC.Host+"\\"+env.Shares.Encrypted+"]\nRequireMutualAuthentication = 0\nAllowNTLM = 1\n", 0o644)
	strictRF := rulesFile(t, env, "", 0o644)
	dir := t.TempDir()
	pw := []string{"PASSWD=" + alice.Password}
	opts := "sec=ntlmssp,username=alice,domain=" + env.Domain

	out, code := runMountCmd(t, env, bin, "/nonexistent", pw, "mount", "--rules", strictRF, src, dir, "-o", opts)
	if code != exitFailure || !strings.Contains(out, "refused "+src+": rule built-in strict default") {
		t.Fatalf("strict default: exit %d: %q", code, out)
	}
	if mountedAt(t, dir) {
		t.Fatal("mounted under the strict default")
	}
	out, code = runMountCmd(t, env, bin, "/nonexistent", pw, "mount", "--rules", rf, src, dir, "-o", opts)
	if code != 0 {
		t.Fatalf("mount with a rule allowing NTLM: exit %d: %q", code, out)
	}
	defer exec.Command(bin, "unmount", dir).Run()
	if !mountedAt(t, dir) {
		t.Fatal("not mounted")
	}
	name := "ntlm-" + strings.ReplaceAll(t.Name(), "/", "_")
	if err := os.WriteFile(filepath.Join(dir, name), []byte("ntlm where root allows\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	defer os.Remove(filepath.Join(env.ShareDirs[env.Shares.Encrypted], name))
	b, err := os.ReadFile(filepath.Join(env.ShareDirs[env.Shares.Encrypted], name))
	if err != nil || string(b) != "ntlm where root allows\n" {
		t.Fatalf("server disk: %q, %v", b, err)
	}
	// A user option cannot loosen further than the rule: vers=3.0 is refused.
	dir2 := t.TempDir()
	out, code = runMountCmd(t, env, bin, "/nonexistent", pw, "mount", "--rules", rf, src, dir2, "-o", opts+",vers=3.0")
	if code != exitFailure || !strings.Contains(out, "would loosen") {
		t.Fatalf("vers=3.0 under the rule: exit %d: %q", code, out)
	}
	if out, code := runMountCmd(t, env, bin, "/nonexistent", nil, "unmount", dir); code != 0 {
		t.Fatalf("unmount: exit %d: %q", code, out)
	}
}

// mountLive runs `smb3fs mount src DIR args...` with the ticket cache cc
// on a new directory and returns it; a failed mount fails the test, and
// the mount is detached at cleanup if the test left it mounted.
func mountLive(t *testing.T, env *testenv.Environment, bin, cc, src string, args ...string) string {
	t.Helper()
	dir := t.TempDir()
	out, code := runMountCmd(t, env, bin, cc, nil, append([]string{"mount", src, dir}, args...)...)
	if code != 0 {
		t.Fatalf("mount %s: exit %d: %s", src, code, out)
	}
	t.Cleanup(func() {
		if mountedAt(t, dir) {
			exec.Command(bin, "unmount", "--lazy", dir).Run()
		}
	})
	return dir
}
