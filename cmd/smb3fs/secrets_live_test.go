//go:build linux

package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/smb3fs/smb3fs/internal/testenv"
)

// daemonPID finds the process serving the mount on dir: the one whose
// command line holds --foreground and dir.
func daemonPID(t *testing.T, dir string) int {
	t.Helper()
	procs, err := filepath.Glob("/proc/[0-9]*/cmdline")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range procs {
		b, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		args := strings.Split(string(b), "\x00")
		fg, at := false, false
		for _, a := range args {
			fg = fg || a == "--foreground"
			at = at || a == dir
		}
		if fg && at {
			pid, _ := strconv.Atoi(filepath.Base(filepath.Dir(p)))
			return pid
		}
	}
	t.Fatalf("no process serves %s", dir)
	return 0
}

// checkNoSecrets fails the test if process pid has PASSWD in the
// environment /proc shows, or the password in its environment or command
// line, or may write core files. Unless started with PASSWD itself
// (blanked), it must never have received it: a blanked entry (a run of
// NULs) fails too.
func checkNoSecrets(t *testing.T, pid int, password string, startedWithPASSWD bool) {
	t.Helper()
	environ, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/environ")
	if err != nil {
		t.Fatal(err)
	}
	if len(environ) == 0 {
		t.Fatalf("pid %d: empty environment: not the daemon?", pid)
	}
	blanked := false
	for _, kv := range bytes.Split(bytes.TrimSuffix(environ, []byte{0}), []byte{0}) {
		if bytes.HasPrefix(kv, []byte("PASSWD=")) || bytes.Contains(kv, []byte(password)) {
			t.Errorf("pid %d: /proc/%d/environ shows %q", pid, pid, kv)
		}
		blanked = blanked || len(kv) == 0
	}
	if blanked && !startedWithPASSWD {
		t.Errorf("pid %d: /proc/%d/environ has a blanked entry: it was given PASSWD", pid, pid)
	}
	cmdline, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/cmdline")
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(cmdline, []byte(password)) {
		t.Errorf("pid %d: the password is on the command line: %q", pid, cmdline)
	}
	limits, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/limits")
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`(?m)^Max core file size +0 +0 `).Match(limits) {
		t.Errorf("pid %d may write core files:\n%s", pid, limits)
	}
}

// TestLiveMountSecretsNTLM: an NTLM mount (where root's rule allows it)
// started with PASSWD: neither the background daemon nor a --foreground
// one shows PASSWD or the password in /proc/<pid>/environ or cmdline, and
// neither may dump core. The foreground one's audit line names the NTLM
// principal that logged in, DOMAIN\user.
func TestLiveMountSecretsNTLM(t *testing.T) {
	env := testenv.Env(t)
	bin := testenv.DaemonBinary(t)
	alice := env.User(t, "alice")
	src := "//" + env.DC.Host + "/" + env.Shares.Encrypted
	rf := rulesFile(t, env, "[\\\\"+env.DC.Host+"\\"+env.Shares.Encrypted+"]\nRequireMutualAuthentication = 0\nAllowNTLM = 1\n", 0o644)
	opts := "sec=ntlmssp,username=alice,domain=" + env.Domain
	pw := []string{"PASSWD=" + alice.Password}

	t.Run("background", func(t *testing.T) {
		dir := t.TempDir()
		out, code := runMountCmd(t, env, bin, "/nonexistent", pw, "mount", "--rules", rf, src, dir, "-o", opts)
		if code != 0 {
			t.Fatalf("mount: exit %d: %q", code, out)
		}
		defer exec.Command(bin, "unmount", "--lazy", dir).Run()
		if _, err := os.ReadDir(dir); err != nil {
			t.Fatalf("readdir: %v", err)
		}
		checkNoSecrets(t, daemonPID(t, dir), alice.Password, false)
		if out, code := runMountCmd(t, env, bin, "/nonexistent", nil, "unmount", dir); code != 0 {
			t.Fatalf("unmount: exit %d: %q", code, out)
		}
	})
	t.Run("password too long", func(t *testing.T) {
		// More than a pipe holds: refused, not a hang on the pipe.
		dir := t.TempDir()
		long := []string{"PASSWD=" + strings.Repeat("x", 100<<10)}
		out, code := runMountCmd(t, env, bin, "/nonexistent", long, "mount", "--rules", rf, src, dir, "-o", opts)
		if code != exitFailure || !strings.Contains(out, "password is longer than 4096 bytes") {
			t.Errorf("exit %d: %q", code, out)
		}
	})
	t.Run("credentials file", func(t *testing.T) {
		dir := t.TempDir()
		cred := filepath.Join(t.TempDir(), "cred")
		if err := os.WriteFile(cred, []byte("username=alice\npassword="+alice.Password+"\ndomain="+env.Domain+"\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		// The daemon logs everything it would (debug) to logfile=.
		logPath := filepath.Join(t.TempDir(), "smb3fs.log")
		out, code := runMountCmd(t, env, bin, "/nonexistent", nil, "mount", "--rules", rf, src, dir, "-o",
			"sec=ntlmssp,credentials="+cred+",loglevel=debug,logfile="+logPath)
		if code != 0 {
			t.Fatalf("mount: exit %d: %q", code, out)
		}
		defer exec.Command(bin, "unmount", "--lazy", dir).Run()
		if _, err := os.ReadDir(dir); err != nil {
			t.Fatalf("readdir: %v", err)
		}
		checkNoSecrets(t, daemonPID(t, dir), alice.Password, false)
		if out, code := runMountCmd(t, env, bin, "/nonexistent", nil, "unmount", dir); code != 0 {
			t.Fatalf("unmount: exit %d: %q", code, out)
		}
		log, err := os.ReadFile(logPath)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(log), "connection established") || strings.Contains(string(log), alice.Password) {
			t.Errorf("log file: %q", log)
		}
	})
	t.Run("foreground", func(t *testing.T) {
		dir := t.TempDir()
		cmd := exec.Command(bin, "mount", "--rules", rf, src, dir, "-o", opts, "--foreground")
		cmd.Env = append(os.Environ(), "KRB5_CONFIG="+env.KRB5Conf, "KRB5CCNAME=FILE:/nonexistent", pw[0])
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		defer func() {
			if mountedAt(t, dir) {
				exec.Command(bin, "unmount", "--lazy", dir).Run()
			}
		}()
		for !mountedAt(t, dir) {
			select {
			case err := <-done:
				t.Fatalf("mount --foreground exited: %v: %s", err, out.String())
			case <-time.After(50 * time.Millisecond):
			}
		}
		checkNoSecrets(t, cmd.Process.Pid, alice.Password, true)
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
		line := auditLine(t, out.String(), "connection established")
		if !strings.Contains(line, `principal=`+env.Domain+`\alice `) {
			t.Errorf("audit line without the NTLM principal %s\\alice: %s", env.Domain, line)
		}
		if strings.Contains(out.String(), alice.Password) {
			t.Errorf("the password is in the output: %s", out.String())
		}
	})
}

// TestLiveMountNTLMReconnects: the one copy of the NTLM password the
// daemon keeps is what a reconnect logs in with. The smbd serving the
// mount is killed; the next operations reconnect (a new smbd serves the
// mount) and a file written before is read back through the mount.
func TestLiveMountNTLMReconnects(t *testing.T) {
	env := testenv.Env(t)
	bin := testenv.DaemonBinary(t)
	alice := env.User(t, "alice")
	src := "//" + env.DC.Host + "/" + env.Shares.Encrypted
	rf := rulesFile(t, env, "[\\\\"+env.DC.Host+"\\"+env.Shares.Encrypted+"]\nRequireMutualAuthentication = 0\nAllowNTLM = 1\n", 0o644)
	cn := env.ClientNet(t)
	dir := t.TempDir()
	cmd := exec.Command(bin, "mount", "--rules", rf, src, dir, "-o", "actimeo=0,sec=ntlmssp,username=alice,domain="+env.Domain)
	cmd.Env = append(os.Environ(), "KRB5_CONFIG="+env.KRB5Conf, "KRB5CCNAME=FILE:/nonexistent", "PASSWD="+alice.Password)
	cn.Enter(cmd)
	t.Cleanup(func() {
		if mountedAt(t, dir) {
			exec.Command(bin, "unmount", "--lazy", dir).Run()
		}
	})
	if out, code := runBounded(t, cmd, time.Minute); code != 0 {
		t.Fatalf("mount: exit %d: %s", code, out)
	}
	name := "ntlm-reconnect-" + strconv.FormatInt(time.Now().UnixNano(), 36)
	t.Cleanup(func() { os.Remove(filepath.Join(env.ShareDirs[env.Shares.Encrypted], name)) })
	if err := os.WriteFile(filepath.Join(dir, name), []byte("before the reconnect"), 0o644); err != nil {
		t.Fatal(err)
	}
	smbd := env.SmbdFor(t, cn.ClientAddr)
	if err := smbd.Kill(); err != nil {
		t.Fatal(err)
	}
	for !smbd.Gone() {
		time.Sleep(50 * time.Millisecond)
	}
	// The first operation may fail with the connection; one of the next
	// few runs on a new one, authenticated with the kept password.
	var b []byte
	var err error
	for i := 0; i < 5; i++ {
		if b, err = os.ReadFile(filepath.Join(dir, name)); err == nil {
			break
		}
		t.Logf("read %d after the kill: %v", i, err)
	}
	if err != nil || string(b) != "before the reconnect" {
		t.Fatalf("read after the reconnect: %q, %v", b, err)
	}
	if again := env.SmbdFor(t, cn.ClientAddr); again.Pid == smbd.Pid {
		t.Fatalf("still served by the killed smbd %d", smbd.Pid)
	}
	if out, code := runMountCmd(t, env, bin, "/nonexistent", nil, "unmount", dir); code != 0 {
		t.Fatalf("unmount: exit %d: %q", code, out)
	}
}
