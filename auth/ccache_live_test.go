//go:build linux

package auth

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"golang.org/x/sys/unix"

	"github.com/smb3fs/smb3fs/internal/testenv"
)

// Live tests of every credential cache type: real MIT kinit (alice's
// password on stdin) writes the cache that a copy of the environment's
// krb5.conf names in default_ccache_name alone (KRB5CCNAME unset), then
// NewKerberos finds it the way MIT would and logs in to the DC. Each type
// also shows the one-line errors for a missing and an expired cache. The
// test process runs as root, so the caches are root's: KCM:0 from the
// environment's sssd_kcm, root's persistent keyring, a session keyring of
// the test's own.

// ccacheLiveConf writes a copy of the environment's krb5.conf whose
// [libdefaults] say default_ccache_name = ccname and kcm_socket = the
// environment's KCM daemon.
func ccacheLiveConf(t *testing.T, env *testenv.Environment, ccname string) string {
	t.Helper()
	b, err := os.ReadFile(env.KRB5Conf)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, l := range strings.Split(string(b), "\n") {
		k, _, _ := strings.Cut(strings.TrimSpace(l), "=")
		if k = strings.TrimSpace(k); k == "default_ccache_name" || k == "kcm_socket" {
			continue
		}
		out = append(out, l)
		if strings.TrimSpace(l) == "[libdefaults]" {
			out = append(out, "    default_ccache_name = "+ccname, "    kcm_socket = "+env.KCMSocketPath())
		}
	}
	p := filepath.Join(t.TempDir(), "krb5.conf")
	if err := os.WriteFile(p, []byte(strings.Join(out, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// krb5Tool runs an MIT tool with KRB5_CONFIG=conf and no KRB5CCNAME (the
// default cache is the one default_ccache_name names), stdin as given.
func krb5Tool(t *testing.T, conf, stdin string, args ...string) (string, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, args[0], args[1:]...)
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "KRB5CCNAME=") && !strings.HasPrefix(kv, "KRB5_CONFIG=") {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	cmd.Env = append(cmd.Env, "KRB5_CONFIG="+conf)
	cmd.Stdin = strings.NewReader(stdin)
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// unsetCCName removes KRB5CCNAME for the test (restored afterwards).
func unsetCCName(t *testing.T) {
	t.Setenv("KRB5CCNAME", "")
	os.Unsetenv("KRB5CCNAME")
}

func TestCCacheTypesLive(t *testing.T) {
	env := testenv.Env(t)
	alice := env.User(t, "alice")
	spn := "cifs/" + env.DC.Host
	unsetCCName(t)
	if fi, err := os.Lstat(env.KCMSocketPath()); err != nil || fi.Mode()&os.ModeSocket == 0 {
		t.Fatalf("the environment's KCM daemon is not running (scripts/testenv kcm): %v", err)
	}
	uid := os.Getuid()
	for _, tc := range []struct {
		name     string
		ccname   string // default_ccache_name
		want     string // the cache's full MIT name
		keyrings bool   // the test needs a session keyring of its own
	}{
		{"KCM", "KCM:", fmt.Sprintf("KCM:%d", uid), false},
		{"KEYRING persistent", "KEYRING:persistent:%{uid}", fmt.Sprintf("KEYRING:persistent:%d:%d", uid, uid), false},
		{"KEYRING session", "KEYRING:session:smb3fs", "KEYRING:session:smb3fs:smb3fs", true},
		{"DIR", "DIR:" + filepath.Join(t.TempDir(), "cc"), "", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.keyrings {
				// The session keyring belongs to this OS thread from now
				// on, and kinit, forked from it, inherits it. The thread
				// is never unlocked: it ends with this goroutine.
				runtime.LockOSThread()
				if _, err := unix.KeyctlJoinSessionKeyring(fmt.Sprintf("smb3fs-test-%d-%d", os.Getpid(), time.Now().UnixNano())); err != nil {
					t.Fatalf("new session keyring: %v", err)
				}
			}
			conf := ccacheLiveConf(t, env, tc.ccname)
			want := tc.want
			if strings.HasPrefix(tc.ccname, "DIR:") {
				want = "DIR::" + filepath.Join(strings.TrimPrefix(tc.ccname, "DIR:"), "tkt")
			}
			t.Cleanup(func() { krb5Tool(t, conf, "", "kdestroy") })
			name, err := DefaultCCacheName(conf, uid)
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("default_ccache_name %s -> %s", tc.ccname, name)

			// A good ticket: log in to the DC.
			if out, err := krb5Tool(t, conf, alice.Password+"\n", "kinit", alice.Principal); err != nil {
				t.Fatalf("kinit: %v\n%s", err, out)
			}
			out, _ := krb5Tool(t, conf, "", "klist")
			if !strings.Contains(out, "Ticket cache: "+want) {
				t.Fatalf("klist names another cache than %s:\n%s", want, out)
			}
			m, err := NewKerberos(KerberosCredentials{Krb5Conf: conf, Principal: "alice"}, spn)
			if err != nil {
				t.Fatal(err)
			}
			s, rounds, err := liveSPNEGO(t, env.DC, m)
			if err != nil {
				t.Fatalf("after %d round trips: %v", rounds, err)
			}
			if !s.Mutual() || len(s.SessionKey()) != 32 {
				t.Errorf("mutual %v, session key of %d bytes", s.Mutual(), len(s.SessionKey()))
			}
			m.Zero()
			got, data, err := ExportCCache(conf)
			if err != nil || got != want {
				t.Fatalf("ExportCCache = %q, %v; want %q", got, err, want)
			}
			if _, err := NewKerberos(KerberosCredentials{Krb5Conf: conf, CCache: got, CCacheData: data}, spn); err != nil {
				t.Errorf("exported cache: %v", err)
			}

			// No cache: one line naming it.
			if out, err := krb5Tool(t, conf, "", "kdestroy"); err != nil {
				t.Fatalf("kdestroy: %v\n%s", err, out)
			}
			_, err = NewKerberos(KerberosCredentials{Krb5Conf: conf}, spn)
			var nc *NoCCacheError
			if !errors.As(err, &nc) || err.Error() != "auth: kerberos: no credential cache "+want+" (run kinit)" {
				t.Errorf("after kdestroy: %v", err)
			}
			t.Logf("missing: %v", err)

			// An expired ticket: one line naming the cache.
			var end time.Time
			for _, l := range []string{"5s", "10s", "30s"} {
				out, err := krb5Tool(t, conf, alice.Password+"\n", "kinit", "-l", l, alice.Principal)
				if err == nil {
					d, _ := time.ParseDuration(l)
					end = time.Now().Add(d)
					break
				}
				t.Logf("kinit -l %s: %v: %s", l, err, out)
			}
			if end.IsZero() {
				t.Fatal("the KDC grants no short ticket")
			}
			time.Sleep(time.Until(end) + 2*time.Second)
			_, err = NewKerberos(KerberosCredentials{Krb5Conf: conf}, spn)
			expired := err != nil && strings.HasPrefix(err.Error(), "auth: kerberos: the ticket in credential cache "+want+" expired at ") &&
				strings.HasSuffix(err.Error(), " (run kinit)") && !strings.Contains(err.Error(), "\n")
			if strings.HasPrefix(want, "KEYRING:") {
				// MIT gives each key the ticket's end as its timeout:
				// the kernel removes an expired cache's keys, and the
				// cache is gone.
				expired = expired || (errors.As(err, &nc) && nc.Name == want)
			}
			if !expired {
				t.Errorf("expired: %v", err)
			}
			t.Logf("expired: %v", err)
		})
	}
}
