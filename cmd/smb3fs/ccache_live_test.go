//go:build linux

package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/smb3fs/smb3fs/internal/testenv"
)

// TestLiveMountCacheTypes: `smb3fs mount` with no KRB5CCNAME finds alice's
// ticket where krb5.conf's default_ccache_name says, as MIT tools would: a
// named cache of the environment's KCM daemon (KCM:%{uid}:smb3fs-mount),
// the persistent kernel keyring (KEYRING:persistent:%{uid}) and a DIR:
// collection; after kdestroy the mount fails with one line naming the
// cache.
func TestLiveMountCacheTypes(t *testing.T) {
	env := testenv.Env(t)
	bin := testenv.DaemonBinary(t)
	alice := env.User(t, "alice")
	if fi, err := os.Lstat(env.KCMSocketPath()); err != nil || fi.Mode()&os.ModeSocket == 0 {
		t.Fatalf("the environment's KCM daemon is not running (scripts/testenv kcm): %v", err)
	}
	b, err := os.ReadFile(env.KRB5Conf)
	if err != nil {
		t.Fatal(err)
	}
	uid := strconv.Itoa(os.Getuid())
	ccdir := filepath.Join(t.TempDir(), "ccdir")
	if err := os.Mkdir(ccdir, 0o700); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, setting, want string
	}{
		{"KCM", "KCM:%{uid}:smb3fs-mount", "KCM:" + uid + ":smb3fs-mount"},
		{"KEYRING", "KEYRING:persistent:%{uid}", "KEYRING:persistent:" + uid},
		{"DIR", "DIR:" + ccdir, "DIR:"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var lines []string
			for _, l := range strings.Split(string(b), "\n") {
				if k, _, _ := strings.Cut(strings.TrimSpace(l), "="); strings.TrimSpace(k) == "default_ccache_name" {
					continue
				}
				lines = append(lines, l)
				if strings.TrimSpace(l) == "[libdefaults]" {
					lines = append(lines, "    default_ccache_name = "+tc.setting, "    kcm_socket = "+env.KCMSocketPath())
				}
			}
			conf := filepath.Join(t.TempDir(), "krb5.conf")
			if err := os.WriteFile(conf, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
				t.Fatal(err)
			}
			var cmdEnv []string
			for _, kv := range os.Environ() {
				if !strings.HasPrefix(kv, "KRB5CCNAME=") && !strings.HasPrefix(kv, "KRB5_CONFIG=") {
					cmdEnv = append(cmdEnv, kv)
				}
			}
			cmdEnv = append(cmdEnv, "KRB5_CONFIG="+conf)
			run := func(stdin string, name string, args ...string) (string, int) {
				ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
				defer cancel()
				cmd := exec.CommandContext(ctx, name, args...)
				cmd.Env = cmdEnv
				cmd.Stdin = strings.NewReader(stdin)
				return runBounded(t, cmd, time.Minute)
			}
			if out, code := run(alice.Password+"\n", "kinit", alice.Principal); code != 0 {
				t.Fatalf("kinit: exit %d: %s", code, out)
			}
			t.Cleanup(func() { run("", "kdestroy") })
			if out, _ := run("", "klist"); !strings.Contains(out, "Ticket cache: "+tc.want) {
				t.Fatalf("klist: %s", out)
			}

			src := "//" + env.DC.Host + "/" + env.Shares.Encrypted
			dir := t.TempDir()
			out, code := run("", bin, "mount", src, dir, "-o", "actimeo=0")
			if code != 0 {
				t.Fatalf("mount: exit %d: %s", code, out)
			}
			t.Cleanup(func() {
				if mountedAt(t, dir) {
					exec.Command(bin, "unmount", "--lazy", dir).Run()
				}
			})
			if _, err := os.ReadDir(dir); err != nil {
				t.Errorf("readdir through the mount: %v", err)
			}
			if out, code := run("", bin, "unmount", dir); code != 0 {
				t.Fatalf("unmount: exit %d: %s", code, out)
			}

			run("", "kdestroy")
			out, code = run("", bin, "mount", src, dir)
			checkCredentialFailure(t, bin, dir, out, code, []string{"kerberos", "no credential cache " + tc.want, "(run kinit)"}, nil)
		})
	}
}
