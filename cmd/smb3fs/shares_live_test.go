package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"

	"github.com/smb3fs/smb3fs/internal/testenv"
)

// runSharesCmd runs smb3fs shares with KRB5CCNAME=ccache (none if "").
func runSharesCmd(t *testing.T, env *testenv.Environment, bin, ccache string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := exec.Command(bin, append([]string{"shares"}, args...)...)
	cmd.Env = append(os.Environ(), "KRB5_CONFIG="+env.KRB5Conf)
	if ccache != "" {
		cmd.Env = append(cmd.Env, "KRB5CCNAME=FILE:"+ccache)
	}
	var o, e strings.Builder
	cmd.Stdout, cmd.Stderr = &o, &e
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return o.String(), e.String(), code
}

// checkSharesJSON checks a --json listing of the DC: every provisioned
// share and IPC$, fetched over an encrypted 3.1.1 session as principal.
func checkSharesJSON(t *testing.T, env *testenv.Environment, out, errOut, principal string) {
	t.Helper()
	var res sharesResult
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("json: %v: %q", err, out)
	}
	if !res.Encrypted || res.Dialect != "3.1.1" || res.Cipher == "none" || res.Principal != principal || res.Rule != "built-in strict default" {
		t.Errorf("listed over %+v", res)
	}
	if !strings.Contains(errOut, "connection established") || !strings.Contains(errOut, "share=IPC$") || !strings.Contains(errOut, "encrypted=true") {
		t.Errorf("no audit line for the encrypted IPC$ connection: %q", errOut)
	}
	names := map[string]shareEntry{}
	for _, s := range res.Shares {
		names[s.Name] = s
	}
	s := env.Shares
	for _, want := range []string{s.Encrypted, s.Signed, s.Users, s.Guest, s.Full} {
		if e, ok := names[want]; !ok || e.Type != "Disk" || e.Special {
			t.Errorf("share %s: %+v, %v; listed %+v", want, e, ok, res.Shares)
		}
	}
	if e := names["IPC$"]; e.Type != "IPC" || !e.Special {
		t.Errorf("IPC$ listed as %+v", e)
	}
}

// TestLiveShares: smb3fs shares lists the DC's shares with Kerberos (alice
// from her credential cache, bob from his keytab), over an IPC$ the strict
// default holds to encryption, as JSON and as smbclient -L's table.
func TestLiveShares(t *testing.T) {
	env := testenv.Env(t)
	bin := testenv.DaemonBinary(t)
	rules := rulesFile(t, env, "", 0o644)
	server := "//" + env.DC.Host

	t.Run("alice", func(t *testing.T) {
		cc := env.Kinit(t, "alice")
		out, errOut, code := runSharesCmd(t, env, bin, cc, "--json", "--rules", rules, server)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		checkSharesJSON(t, env, out, errOut, "alice@"+env.Realm)

		text, errOut, code := runSharesCmd(t, env, bin, cc, "--rules", rules, server+"/")
		if code != 0 || !strings.Contains(text, "Sharename") || !slices.ContainsFunc(strings.Split(text, "\n"), func(l string) bool {
			f := strings.Fields(l)
			return len(f) >= 2 && f[0] == env.Shares.Encrypted && f[1] == "Disk"
		}) {
			t.Errorf("text listing (exit %d):\n%s\n%s", code, text, errOut)
		}
	})

	t.Run("bob keytab", func(t *testing.T) {
		bob := env.User(t, "bob")
		if bob.Keytab == "" {
			t.Fatal("bob has no keytab in env.json")
		}
		out, errOut, code := runSharesCmd(t, env, bin, "", "--json", "--rules", rules, "--keytab", bob.Keytab, "--principal", "bob", server)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		checkSharesJSON(t, env, out, errOut, "bob@"+env.Realm)
	})

	t.Run("share is not a server", func(t *testing.T) {
		// Usage, before any connection.
		if _, errOut, code := runSharesCmd(t, env, bin, "", "--rules", rules, server+"/"+env.Shares.Encrypted); code != exitUsage {
			t.Errorf("//server/share: exit %d: %s", code, errOut)
		}
	})
}
