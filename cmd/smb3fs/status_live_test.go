//go:build linux

package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/smb3fs/smb3fs/client/rules"
	"github.com/smb3fs/smb3fs/internal/testenv"
)

// TestLiveStatus: alice (uid 10001) mounts the encrypted share with her
// ticket, from a client network of its own; `smb3fs status --json` run
// by alice shows what the live connection negotiated (3.1.1, encrypted,
// her principal, the rule); bob sees no mount and is refused alice's; root
// sees it; nothing secret is shown; after the smbd serving the mount is
// killed, the status counts one reconnect and says why.
func TestLiveStatus(t *testing.T) {
	env := testenv.Env(t)
	if os.Geteuid() != 0 {
		t.Fatal("needs root to act as alice and bob (make test runs as root)")
	}
	if os.Getenv(privateNSVar) != "1" {
		reexecInPrivateMountNS(t)
		return
	}
	alice, bob := env.User(t, "alice"), env.User(t, "bob")
	pretendUsualSystem(t, env)
	base := traversableDir(t, "smb3fs-status-")
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
	cn := env.ClientNet(t)
	aliceEnv := []string{"KRB5_CONFIG=" + env.KRB5Conf, "KRB5CCNAME=FILE:" + cc, "HOME=" + home}
	// asAlice runs args as alice inside the client network (where her
	// daemon runs too, so that its smbd can be told apart).
	asAlice := func(args ...string) (string, int) {
		t.Helper()
		cmd := exec.Command("nsenter", append([]string{"--net=" + cn.NetnsPath,
			"--setuid=" + strconv.Itoa(alice.UID), "--setgid=" + strconv.Itoa(alice.GID), "--"}, args...)...)
		cmd.Env = append([]string{"PATH=/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin", "LANG=C"}, aliceEnv...)
		cmd.Dir = "/"
		return runBounded(t, cmd, time.Minute)
	}
	src := "//" + env.DC.Host + "/" + env.Shares.Encrypted
	if out, code := asAlice(bin, "mount", src, mnt, "-o", "actimeo=0"); code != 0 {
		t.Fatalf("mount as alice: exit %d: %s", code, out)
	}
	rs, err := rules.Load(rules.DefaultPath)
	if err != nil {
		t.Fatal(err)
	}
	_, match, err := rs.Resolve(env.DC.Host, env.Shares.Encrypted, rules.Request{})
	if err != nil {
		t.Fatal(err)
	}

	// statusJSON parses the output of status --json.
	statusJSON := func(who, out string, code int) []mountStatus {
		t.Helper()
		if code != 0 {
			t.Fatalf("status --json as %s: exit %d: %s", who, code, out)
		}
		var ms []mountStatus
		if err := json.Unmarshal([]byte(out), &ms); err != nil {
			t.Fatalf("status --json as %s: %v: %q", who, err, out)
		}
		return ms
	}
	secrets := []string{cc, "KRB5CCNAME", alice.Password}
	noSecrets := func(out string) {
		t.Helper()
		for _, s := range secrets {
			if s != "" && strings.Contains(out, s) {
				t.Errorf("status output holds %q: %s", s, out)
			}
		}
	}

	out, code := asAlice(bin, "status", "--json")
	noSecrets(out)
	ms := statusJSON("alice", out, code)
	if len(ms) != 1 {
		t.Fatalf("alice sees %d mounts, want 1: %s", len(ms), out)
	}
	st := ms[0]
	t.Logf("status as alice: %s", out)
	if st.Mountpoint != mnt || st.Source != src || st.UID != alice.UID || st.Error != "" {
		t.Errorf("mount %s %s uid %d error %q", st.Mountpoint, st.Source, st.UID, st.Error)
	}
	if st.Dialect != "3.1.1" || !strings.HasPrefix(st.Cipher, "AES-") || !st.Encrypted || st.Signing == "" {
		t.Errorf("negotiated: dialect %s cipher %s encrypted %v signing %s", st.Dialect, st.Cipher, st.Encrypted, st.Signing)
	}
	if want := "alice@" + env.Realm; st.Principal != want || st.Auth != "kerberos" || !st.MutualAuth {
		t.Errorf("auth %s principal %q mutual %v, want kerberos %s", st.Auth, st.Principal, st.MutualAuth, want)
	}
	if st.Rule != match.String() || st.Policy == "" {
		t.Errorf("rule %q policy %q, want rule %q", st.Rule, st.Policy, match.String())
	}
	if st.Snapshot != "" || st.ReadOnly {
		t.Errorf("a rw mount of the live share: snapshot %q read_only %v", st.Snapshot, st.ReadOnly)
	}
	if st.Reconnects != 0 || st.BytesIn == 0 || st.BytesOut == 0 || st.LastError != "" || st.ConnectionAge < 0 || st.ConnectionAge > 120 {
		t.Errorf("counters: %+v", st)
	}
	// The socket and its directory are alice's alone.
	sock := ""
	for _, dir := range controlDirs(alice.UID, "") {
		if _, err := os.Lstat(filepath.Join(dir, socketName(mnt))); err == nil {
			sock = filepath.Join(dir, socketName(mnt))
			break
		}
	}
	if fi, err := os.Lstat(sock); err != nil || fi.Mode().Perm() != 0o600 || fi.Sys().(*syscall.Stat_t).Uid != uint32(alice.UID) {
		t.Errorf("control socket %q: %v", sock, err)
	} else if di, err := os.Lstat(filepath.Dir(sock)); err != nil || di.Mode().Perm() != 0o700 || di.Sys().(*syscall.Stat_t).Uid != uint32(alice.UID) {
		t.Errorf("control directory %s: mode %v, %v", filepath.Dir(sock), di.Mode(), err)
	}
	// With the mount point, that mount; as text, too.
	out, code = asAlice(bin, "status", mnt)
	noSecrets(out)
	t.Logf("smb3fs status %s as alice:\n%s", mnt, out)
	if code != 0 || !strings.Contains(out, "\n  dialect     3.1.1\n") || !strings.Contains(out, "\n  principal   alice@"+env.Realm+"\n") {
		t.Errorf("status MOUNTPOINT as alice: exit %d: %s", code, out)
	}

	// bob sees nothing of alice's, and is refused her mount.
	out, code = runAs(t, bob, nil, bin, "status", "--json")
	if ms := statusJSON("bob", out, code); len(ms) != 0 {
		t.Errorf("bob sees %s", out)
	}
	out, code = runAs(t, bob, nil, bin, "status", mnt)
	if code != exitFailure || !strings.Contains(out, "permission denied") || strings.Contains(out, "3.1.1") {
		t.Errorf("bob asks for alice's mount: exit %d: %s", code, out)
	}
	// Nor may he talk to her daemon directly: her directory is closed.
	// (With the system's python3: bob may not run one under /root.)
	if py := "/usr/bin/python3"; fileExists(py) {
		connect := "import socket, sys; socket.socket(socket.AF_UNIX).connect(sys.argv[1])"
		if out, code := runAs(t, bob, nil, py, "-c", connect, sock); code == 0 || !strings.Contains(out, "Permission denied") {
			t.Errorf("bob connects to alice's control socket: exit %d: %s", code, out)
		}
	}
	// Root sees it.
	out, code = runBounded(t, exec.Command(bin, "status", "--json"), time.Minute)
	found := false
	for _, m := range statusJSON("root", out, code) {
		found = found || (m.Mountpoint == mnt && m.Principal == "alice@"+env.Realm)
	}
	if !found {
		t.Errorf("root does not see alice's mount: %s", out)
	}

	// The server ends the connection; the next operation reconnects.
	smbd := env.SmbdFor(t, cn.ClientAddr)
	if err := smbd.Kill(); err != nil {
		t.Fatal(err)
	}
	for !smbd.Gone() {
		time.Sleep(50 * time.Millisecond)
	}
	killed := time.Now()
	deadline := time.Now().Add(45 * time.Second)
	for {
		asAlice("ls", mnt)
		out, code = asAlice(bin, "status", "--json", mnt)
		ms := statusJSON("alice", out, code)
		if len(ms) == 1 && ms[0].Reconnects >= 1 {
			st = ms[0]
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("no reconnect counted 45s after the kill: %s", out)
		}
		time.Sleep(500 * time.Millisecond)
	}
	t.Logf("status after the kill: %s", out)
	if st.Reconnects != 1 || st.LastError == "" || st.LastErrorAt == nil || st.LastErrorAt.Before(killed.Add(-time.Second)) ||
		!st.ConnectedAt.After(killed.Add(-time.Second)) || st.Dialect != "3.1.1" || !st.Encrypted || st.Principal != "alice@"+env.Realm {
		t.Errorf("after the reconnect: %+v", st)
	}
	if again := env.SmbdFor(t, cn.ClientAddr); again.Pid == smbd.Pid {
		t.Errorf("still served by the killed smbd %d", smbd.Pid)
	}
	// (After the kill: a second mount has an smbd of its own.)
	liveStatusXDG(t, bin, home, src, asAlice, alice.UID, "alice@"+env.Realm, statusJSON)
	if out, code := asAlice(bin, "unmount", mnt); code != 0 {
		t.Fatalf("alice unmounts: exit %d: %s", code, out)
	}
	// The daemon removes its socket as it exits.
	for end := time.Now().Add(10 * time.Second); ; time.Sleep(100 * time.Millisecond) {
		if _, err := os.Lstat(sock); os.IsNotExist(err) {
			break
		} else if time.Now().After(end) {
			t.Errorf("control socket left after unmount: %v", err)
			break
		}
	}
	out, code = asAlice(bin, "status", "--json")
	if ms := statusJSON("alice", out, code); len(ms) != 0 {
		t.Errorf("after unmount alice sees %s", out)
	}
}

// fileExists reports whether path exists.
func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// liveStatusXDG: a second mount of alice's, made with an
// $XDG_RUNTIME_DIR only her session knows, is seen by root (through the
// link in a directory root searches) and by alice with or without that
// variable; the link goes when the mount does.
func liveStatusXDG(t *testing.T, bin, home, src string, asAlice func(...string) (string, int), uid int, principal string,
	statusJSON func(who, out string, code int) []mountStatus) {
	t.Helper()
	xdg := filepath.Join(home, "run")
	mnt := filepath.Join(home, "mnt2")
	for _, d := range []string{xdg, mnt} {
		if err := os.Mkdir(d, 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.Chown(d, uid, -1); err != nil {
			t.Fatal(err)
		}
	}
	t.Cleanup(func() { detach(mnt) })
	withXDG := func(args ...string) (string, int) {
		return asAlice(append([]string{"env", "XDG_RUNTIME_DIR=" + xdg}, args...)...)
	}
	if out, code := withXDG(bin, "mount", src, mnt); code != 0 {
		t.Fatalf("mount with XDG_RUNTIME_DIR as alice: exit %d: %s", code, out)
	}
	sock := filepath.Join(xdg, "smb3fs", socketName(mnt))
	if fi, err := os.Lstat(sock); err != nil || fi.Mode()&os.ModeSocket == 0 || fi.Mode().Perm() != 0o600 {
		t.Errorf("control socket %s: %v", sock, err)
	}
	link := ""
	for _, dir := range controlDirs(uid, "") {
		if target, err := os.Readlink(filepath.Join(dir, socketName(mnt))); err == nil && target == sock {
			link = filepath.Join(dir, socketName(mnt))
		}
	}
	if link == "" {
		t.Errorf("no link to %s in %v", sock, controlDirs(uid, ""))
	}
	seen := func(who, out string, code int) bool {
		for _, m := range statusJSON(who, out, code) {
			if m.Mountpoint == mnt && m.Principal == principal && m.Error == "" {
				return true
			}
		}
		return false
	}
	if out, code := runBounded(t, exec.Command(bin, "status", "--json"), time.Minute); !seen("root", out, code) {
		t.Errorf("root does not see the mount whose socket is under XDG_RUNTIME_DIR: %s", out)
	}
	if out, code := withXDG(bin, "status", "--json"); !seen("alice (XDG)", out, code) {
		t.Errorf("alice with XDG_RUNTIME_DIR: %s", out)
	}
	if out, code := asAlice(bin, "status", "--json", mnt); !seen("alice (no XDG)", out, code) {
		t.Errorf("alice without XDG_RUNTIME_DIR: %s", out)
	}
	if out, code := asAlice(bin, "unmount", mnt); code != 0 {
		t.Fatalf("alice unmounts %s: exit %d: %s", mnt, code, out)
	}
	for end := time.Now().Add(10 * time.Second); link != ""; time.Sleep(100 * time.Millisecond) {
		if _, err := os.Lstat(link); os.IsNotExist(err) {
			break
		} else if time.Now().After(end) {
			t.Errorf("link %s left after unmount: %v", link, err)
			break
		}
	}
}
