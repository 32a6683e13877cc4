//go:build linux

package main

import (
	"context"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jcmturner/gokrb5/v8/credentials"

	"github.com/smb3fs/smb3fs/internal/testenv"
)

// Live tests of `smb3fs mount` with Kerberos credentials that cannot work:
// an expired ticket and a ticket cache that does not exist. Each must give
// one clear line, exit status 32 (exitFailure), and leave nothing mounted and no process
// behind.

// shortKinit gets a ticket for user with the shortest lifetime the KDC
// grants, trying 5 s first, into a new cache in t.TempDir(). The password
// goes to kinit on stdin.
func shortKinit(t *testing.T, env *testenv.Environment, user string) (ccache string, lifetime string) {
	t.Helper()
	u := env.User(t, user)
	for i, l := range []string{"5s", "10s", "30s", "1m", "2m", "5m"} {
		ccache = filepath.Join(t.TempDir(), fmt.Sprintf("ccache-%s-%d", u.Name, i))
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		cmd := env.Command(ctx, "kinit", "-l", l, "-c", "FILE:"+ccache, u.Principal)
		cmd.Stdin = strings.NewReader(u.Password + "\n")
		out, err := cmd.CombinedOutput()
		cancel()
		if err == nil {
			return ccache, l
		}
		t.Logf("kinit -l %s refused: %v: %s", l, err, out)
	}
	t.Fatalf("the KDC grants no ticket of 5 minutes or less")
	return "", ""
}

// ticketValid reports whether the cache holds a valid (unexpired) ticket,
// by the exit status of `klist -s`.
func ticketValid(t *testing.T, env *testenv.Environment, ccache string) bool {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	err := env.Command(ctx, "klist", "-s", "-c", "FILE:"+ccache).Run()
	if _, ok := err.(*exec.ExitError); err != nil && !ok {
		t.Fatalf("klist: %v", err)
	}
	return err == nil
}

// leftoverProcesses lists the pids of processes running bin (a binary
// only this test built), waiting up to 10 s for exiting ones to go.
func leftoverProcesses(t *testing.T, bin string) []string {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		var pids []string
		ents, _ := os.ReadDir("/proc")
		for _, e := range ents {
			if exe, err := os.Readlink(filepath.Join("/proc", e.Name(), "exe")); err == nil && exe == bin {
				pids = append(pids, e.Name())
			}
		}
		if len(pids) == 0 || time.Now().After(deadline) {
			return pids
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// checkCredentialFailure checks what a refused mount leaves: exit status 32,
// one line of output saying what is wrong, nothing mounted, no process.
// With --foreground the audit record of the refusal also goes to stderr
// (in the background it goes to syslog); it is not counted as a line.
func checkCredentialFailure(t *testing.T, bin, dir, out string, code int, wants []string, secrets [][]byte) {
	t.Helper()
	t.Logf("output: %q, exit %d", out, code)
	if code != exitFailure {
		t.Errorf("exit status %d, want %d", code, exitFailure)
	}
	var lines []string
	for _, l := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if strings.HasPrefix(l, "time=") && strings.Contains(l, ` msg="smb3fs: connection refused" `) {
			continue
		}
		lines = append(lines, l)
	}
	line := strings.Join(lines, "\n")
	if line == "" || strings.Contains(line, "\n") {
		t.Errorf("want exactly one line of output, got %q", out)
	}
	if !strings.HasPrefix(line, "smb3fs: ") {
		t.Errorf("output does not start with \"smb3fs: \": %q", line)
	}
	for _, w := range wants {
		if !strings.Contains(line, w) {
			t.Errorf("output lacks %q: %q", w, line)
		}
	}
	if strings.Contains(line, "panic") || strings.Contains(line, "goroutine") {
		t.Errorf("output shows a crash: %q", line)
	}
	for _, s := range secrets {
		if len(s) == 0 {
			continue
		}
		for _, form := range []string{string(s), hex.EncodeToString(s), strings.ToUpper(hex.EncodeToString(s)),
			base64.StdEncoding.EncodeToString(s), base64.RawStdEncoding.EncodeToString(s)} {
			if strings.Contains(out, form) {
				t.Errorf("output contains secret material (%d bytes)", len(s))
			}
		}
	}
	if mountedAt(t, dir) {
		t.Errorf("%s got mounted", dir)
		exec.Command(bin, "unmount", "--lazy", dir).Run()
	}
	if pids := leftoverProcesses(t, bin); len(pids) > 0 {
		t.Errorf("smb3fs processes left running: %v", pids)
	}
}

func TestLiveMountExpiredTicket(t *testing.T) {
	env := testenv.Env(t)
	bin := testenv.DaemonBinary(t)
	alice := env.User(t, "alice")
	cc, lifetime := shortKinit(t, env, "alice")
	t.Logf("ticket lifetime %s", lifetime)

	// Session keys in the cache: none of them may appear in the output.
	secrets := [][]byte{[]byte(alice.Password)}
	c, err := credentials.LoadCCache(cc)
	if err != nil {
		t.Fatalf("reading the new ticket cache: %v", err)
	}
	for _, e := range c.GetEntries() {
		secrets = append(secrets, e.Key.KeyValue)
	}
	if len(secrets) < 2 {
		t.Fatalf("no ticket in the cache")
	}

	// Wait until klist says the ticket has expired (a deadline, not a
	// timing assertion: the lifetime may be longer than asked).
	d, _ := time.ParseDuration(lifetime)
	deadline := time.Now().Add(d + 2*time.Minute)
	for ticketValid(t, env, cc) {
		if time.Now().After(deadline) {
			t.Fatalf("ticket of lifetime %s still valid after %s", lifetime, d+2*time.Minute)
		}
		time.Sleep(250 * time.Millisecond)
	}
	// Check that expired really is expired, not an unreadable cache.
	if _, err := credentials.LoadCCache(cc); err != nil {
		t.Fatalf("expired cache unreadable: %v", err)
	}

	src := "//" + env.DC.Host + "/" + env.Shares.Encrypted
	dir := t.TempDir()
	for _, fg := range []bool{false, true} {
		t.Run(fmt.Sprintf("foreground=%v", fg), func(t *testing.T) {
			args := []string{"mount", src, dir}
			if fg {
				args = append(args, "--foreground")
			}
			out, code := runMountCmd(t, env, bin, cc, nil, args...)
			// The cache is checked before anything is sent: "the ticket
			// in credential cache PATH expired at TIME (run kinit)".
			checkCredentialFailure(t, bin, dir, out, code,
				[]string{"//" + env.DC.Host + "/" + env.Shares.Encrypted, "kerberos", "credential cache", "expired at", "(run kinit)"}, secrets)
		})
	}
}

func TestLiveMountMissingCCache(t *testing.T) {
	env := testenv.Env(t)
	bin := testenv.DaemonBinary(t)
	src := "//" + env.DC.Host + "/" + env.Shares.Encrypted
	dir := t.TempDir()
	missing := filepath.Join(t.TempDir(), "no-such-ccache")
	for _, fg := range []bool{false, true} {
		t.Run(fmt.Sprintf("foreground=%v", fg), func(t *testing.T) {
			args := []string{"mount", src, dir}
			if fg {
				args = append(args, "--foreground")
			}
			out, code := runMountCmd(t, env, bin, missing, nil, args...)
			checkCredentialFailure(t, bin, dir, out, code,
				[]string{"kerberos", "no credential cache FILE:" + missing + " (run kinit)"}, nil)
		})
	}
	if _, err := os.Stat(missing); !os.IsNotExist(err) {
		t.Errorf("the missing ccache was created: %v", err)
	}
}
