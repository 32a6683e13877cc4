package main

import (
	"bytes"
	"encoding/json"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/smb3fs/smb3fs/internal/testenv"
)

// rulesFile writes a hardening file where the rules loader accepts it: a
// fresh root-owned directory under /run, whose whole parent chain is
// root-only (not under /tmp or a checkout that may live below a
// world-writable directory: the loader rightly refuses those).
func rulesFile(t *testing.T, _ *testenv.Environment, text string, mode os.FileMode) string {
	t.Helper()
	dir, err := os.MkdirTemp("/run", "smb3fs-rules-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "hardening.conf")
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(p, mode); err != nil {
		t.Fatal(err)
	}
	return p
}

func runCheckCmd(t *testing.T, env *testenv.Environment, bin, ccache string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := exec.Command(bin, append([]string{"check"}, args...)...)
	cmd.Env = append(os.Environ(), "KRB5_CONFIG="+env.KRB5Conf, "KRB5CCNAME=FILE:"+ccache)
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	err := cmd.Run()
	code = 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return o.String(), e.String(), code
}

func TestLiveCheckCommandWithRules(t *testing.T) {
	env := testenv.Env(t)
	bin := testenv.DaemonBinary(t)
	cc := env.Kinit(t, "alice")
	dc := "//" + env.DC.Host + "/" + env.Shares.Encrypted
	legacy := "//" + env.Legacy.Host + "/" + env.Shares.Legacy

	t.Run("strict default, encrypted share", func(t *testing.T) {
		out, errOut, code := runCheckCmd(t, env, bin, cc, "--json", "--rules", rulesFile(t, env, "", 0o644), dc)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		var res checkResult
		if err := json.Unmarshal([]byte(out), &res); err != nil {
			t.Fatalf("json: %v: %q", err, out)
		}
		if res.Dialect != "3.1.1" || !res.Encrypted || !res.MutualAuth || res.Auth != "kerberos" || res.Rule != "built-in strict default" {
			t.Fatalf("result %+v", res)
		}
		if !strings.Contains(errOut, "connection established") || !strings.Contains(errOut, "cipher="+res.Cipher) {
			t.Fatalf("no audit line for the connection: %q", errOut)
		}
		// The principal that logged in: the client of the ticket used.
		if want := "alice@" + env.Realm; res.Principal != want || !strings.Contains(errOut, " principal="+want+" ") {
			t.Errorf("principal %q (want %s); audit line %q", res.Principal, want, errOut)
		}
		text, _, code := runCheckCmd(t, env, bin, cc, "--rules", rulesFile(t, env, "", 0o644), dc)
		if code != 0 || !strings.Contains(text, "\nprincipal   alice@"+env.Realm+"\n") {
			t.Errorf("text output: exit %d: %q", code, text)
		}
	})
	t.Run("keytab: the principal is the keytab's", func(t *testing.T) {
		bob := env.User(t, "bob")
		if bob.Keytab == "" {
			t.Fatal("bob has no keytab in env.json")
		}
		out, errOut, code := runCheckCmd(t, env, bin, cc, "--json", "--rules", rulesFile(t, env, "", 0o644),
			"--keytab", bob.Keytab, "--principal", "bob", dc)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		var res checkResult
		if err := json.Unmarshal([]byte(out), &res); err != nil {
			t.Fatalf("json: %v: %q", err, out)
		}
		if want := "bob@" + env.Realm; res.Principal != want || !strings.Contains(errOut, " principal="+want+" ") {
			t.Errorf("principal %q (want %s); audit line %q", res.Principal, want, errOut)
		}
	})
	t.Run("rule restricts the cipher", func(t *testing.T) {
		p := rulesFile(t, env, "[\\\\"+env.DC.Host+"\\*]\nCiphers = AES-256-GCM\n", 0o644)
		out, errOut, code := runCheckCmd(t, env, bin, cc, "--json", "--rules", p, dc)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		var res checkResult
		json.Unmarshal([]byte(out), &res)
		if res.Cipher != "AES-256-GCM" || !strings.Contains(res.Rule, env.DC.Host) {
			t.Fatalf("result %+v", res)
		}
	})
	t.Run("legacy server refused under the strict default", func(t *testing.T) {
		_, errOut, code := runCheckCmd(t, env, bin, cc, "--rules", rulesFile(t, env, "", 0o644), legacy)
		if code != exitFailure || !strings.Contains(errOut, "smb3fs: refused "+legacy+": rule built-in strict default") || !strings.Contains(errOut, "connection refused") {
			t.Fatalf("exit %d: %q", code, errOut)
		}
	})
	t.Run("an option may not loosen the rule", func(t *testing.T) {
		_, errOut, code := runCheckCmd(t, env, bin, cc, "--rules", rulesFile(t, env, "", 0o644), "--vers", "3.0.2", dc)
		if code != exitFailure || !strings.Contains(errOut, "would loosen") {
			t.Fatalf("exit %d: %q", code, errOut)
		}
	})
	t.Run("an option may tighten a loosened rule", func(t *testing.T) {
		p := rulesFile(t, env, "[\\\\*\\"+env.Shares.Encrypted+"]\nMinDialect = 3.0.2\n", 0o644)
		out, errOut, code := runCheckCmd(t, env, bin, cc, "--json", "--rules", p, "--vers", "3.1.1", dc)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		var res checkResult
		json.Unmarshal([]byte(out), &res)
		if res.Dialect != "3.1.1" || !strings.Contains(res.Policy, "dialect 3.1.1") {
			t.Fatalf("result %+v", res)
		}
	})
	t.Run("each setting names the section it came from", func(t *testing.T) {
		p := rulesFile(t, env, "[\\\\*\\*]\nCiphers = AES-256-GCM, AES-128-GCM\n[\\\\"+env.DC.Host+"\\*]\nSigningAlgorithms = AES-GMAC\n", 0o644)
		out, errOut, code := runCheckCmd(t, env, bin, cc, "--json", "--rules", p, dc)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		var res checkResult
		if err := json.Unmarshal([]byte(out), &res); err != nil {
			t.Fatal(err)
		}
		from := map[string]string{}
		for _, st := range res.Settings {
			from[st.Name] = st.Value + " | " + st.From
		}
		for name, want := range map[string]string{
			"Ciphers":           `AES-256-GCM,AES-128-GCM | \\*\*`,
			"SigningAlgorithms": `AES-GMAC | \\` + env.DC.Host + `\*`,
			"RequirePrivacy":    "yes | built-in strict default",
		} {
			if !strings.HasPrefix(from[name], want) {
				t.Errorf("%s: %q, want prefix %q", name, from[name], want)
			}
		}
		if len(res.Settings) != 8 || res.Cipher != "AES-128-GCM" && res.Cipher != "AES-256-GCM" {
			t.Errorf("result %+v", res)
		}
	})
	t.Run("an allow-list refuses a server no section names", func(t *testing.T) {
		p := rulesFile(t, env, "[\\\\*\\*]\nOnlyListedServers = yes\n[\\\\"+env.Legacy.Host+"\\*]\nMinDialect = 3.0\n", 0o644)
		_, errOut, code := runCheckCmd(t, env, bin, cc, "--rules", p, dc)
		if code != exitFailure || !strings.Contains(errOut, env.DC.Host+" is named by no section") || !strings.Contains(errOut, "OnlyListedServers") {
			t.Fatalf("exit %d: %q", code, errOut)
		}
		p = rulesFile(t, env, "[\\\\*\\*]\nOnlyListedServers = yes\n[\\\\"+env.DC.Host+"\\*]\n", 0o644)
		if _, errOut, code := runCheckCmd(t, env, bin, cc, "--rules", p, dc); code != 0 {
			t.Fatalf("listed server: exit %d: %q", code, errOut)
		}
	})
	t.Run("a server named by address while rules name it in full: a warning", func(t *testing.T) {
		p := rulesFile(t, env, "[\\\\"+env.DC.Host+"\\*]\nCiphers = AES-256-GCM\n", 0o644)
		_, errOut, _ := runCheckCmd(t, env, bin, cc, "--rules", p, "//"+env.DC.Addr+"/"+env.Shares.Encrypted)
		if !strings.Contains(errOut, "smb3fs: warning: rules: "+env.DC.Addr+" is an address") {
			t.Fatalf("no warning: %q", errOut)
		}
	})
	t.Run("a rules file others can write is refused", func(t *testing.T) {
		_, errOut, code := runCheckCmd(t, env, bin, cc, "--rules", rulesFile(t, env, "[\\\\*\\*]\nRequirePrivacy = 0\n", 0o666), dc)
		if code != exitFailure || !strings.Contains(errOut, "unsafe hardening file") {
			t.Fatalf("exit %d: %q", code, errOut)
		}
	})
}

// TestLiveCheckCommandNarrows: --ciphers, --signing and --sign only tighten
// the rule (rules.Request), and what they allow is what is negotiated.
func TestLiveCheckCommandNarrows(t *testing.T) {
	env := testenv.Env(t)
	bin := testenv.DaemonBinary(t)
	cc := env.Kinit(t, "alice")
	dc := "//" + env.DC.Host + "/" + env.Shares.Encrypted
	rules := rulesFile(t, env, "", 0o644)

	out, errOut, code := runCheckCmd(t, env, bin, cc, "--json", "--rules", rules, "--sign", "--ciphers", "AES-128-CCM", "--signing", "AES-CMAC", dc)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var res checkResult
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("json: %v: %q", err, out)
	}
	if res.Cipher != "AES-128-CCM" || res.Signing != "AES-CMAC" || !strings.Contains(res.Policy, "ciphers AES-128-CCM, signing AES-CMAC") {
		t.Fatalf("result %+v", res)
	}
	// HMAC-SHA256 is not among the strict default's signing algorithms.
	_, errOut, code = runCheckCmd(t, env, bin, cc, "--rules", rules, "--signing", "HMAC-SHA256", dc)
	if code != exitFailure || !strings.Contains(errOut, "signing=HMAC-SHA256 would loosen it") {
		t.Errorf("--signing HMAC-SHA256: exit %d: %q", code, errOut)
	}
	_, errOut, code = runCheckCmd(t, env, bin, cc, "--rules", rules, "--ciphers", "AES-512-GCM", dc)
	if code != exitUsage || !strings.Contains(errOut, `unknown cipher "AES-512-GCM"`) || !strings.Contains(errOut, "usage: smb3fs check") {
		t.Errorf("--ciphers AES-512-GCM: exit %d: %q", code, errOut)
	}
}

// TestLiveCheckSpellings: mount.cifs's and smbclient's spellings reach the
// same share: an smb:// URL, vers=3.11 and vers=3 (3.0 or later, which
// the strict default raises to 3.1.1).
func TestLiveCheckSpellings(t *testing.T) {
	env := testenv.Env(t)
	bin := testenv.DaemonBinary(t)
	cc := env.Kinit(t, "alice")
	rules := rulesFile(t, env, "", 0o644)
	for _, args := range [][]string{
		{"smb://" + env.DC.Host + "/" + env.Shares.Encrypted},
		{"--vers", "3.11", "//" + env.DC.Host + "/" + env.Shares.Encrypted},
		{"--vers", "3", "//" + env.DC.Host + "/" + env.Shares.Encrypted},
	} {
		out, errOut, code := runCheckCmd(t, env, bin, cc, append([]string{"--json", "--rules", rules}, args...)...)
		var res checkResult
		if code != 0 || json.Unmarshal([]byte(out), &res) != nil || res.Dialect != "3.1.1" || res.Share != env.Shares.Encrypted {
			t.Errorf("%q: exit %d, %q, %q", args, code, out, errOut)
		}
	}
}

// httpOnSMBPort listens on addr (host:0) and answers whatever arrives as
// a web server would: "HTTP/1.1 400 Bad Request". It returns the port.
func httpOnSMBPort(t *testing.T, addr string) string {
	t.Helper()
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go func() {
				defer c.Close()
				c.Read(make([]byte, 1024))
				c.Write([]byte("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"))
			}()
		}
	}()
	_, port, _ := net.SplitHostPort(ln.Addr().String())
	return port
}

// TestLiveCheckNotSMB: a web server where the SMB server should be is
// "not an SMB server", exit status 32, and no refusal by policy; reached
// over IPv4 and over IPv6 literals in a UNC, an smb:// URL and port=.
func TestLiveCheckNotSMB(t *testing.T) {
	env := testenv.Env(t)
	bin := testenv.DaemonBinary(t)
	cc := env.Kinit(t, "alice")
	rules := rulesFile(t, env, "", 0o644)
	share := env.Shares.Encrypted
	v4 := httpOnSMBPort(t, "127.0.0.1:0")
	v6 := httpOnSMBPort(t, "[::1]:0")
	const want = `not an SMB server (it answered "HTTP/1.1 400 Bad Request")`
	for _, args := range [][]string{
		{"--address", "127.0.0.1:" + v4, "//" + env.DC.Host + "/" + share},
		{"--address", "[::1]:" + v6, "//[::1]/" + share},
		{"smb://[::1]:" + v6 + "/" + share},
		{"smb://127.0.0.1:" + v4 + "/" + share},
	} {
		_, errOut, code := runCheckCmd(t, env, bin, cc, append([]string{"--rules", rules}, args...)...)
		if code != exitFailure || !strings.Contains(errOut, want) || strings.Contains(errOut, "refused") {
			t.Errorf("check %q: exit %d: %q", args, code, errOut)
		}
	}
	// mount: the port joins an IPv6 server in brackets.
	dir := t.TempDir()
	out, code := runMountCmd(t, env, bin, cc, nil, "mount", "--rules", rules, "//[::1]/"+share, dir, "-o", "port="+v6)
	if code != exitFailure || !strings.Contains(out, want) || !strings.Contains(out, "//[::1]/"+share) {
		t.Errorf("mount //[::1]/%s -o port=%s: exit %d: %q", share, v6, code, out)
	}
	// A link-local address with a zone is dialed as such (nothing
	// listens there: the connection fails, but not to parse).
	_, errOut, code := runCheckCmd(t, env, bin, cc, "--rules", rules, "--timeout", "3s", "//[fe80::1%lo]/"+share)
	if code != exitFailure || !strings.Contains(errOut, "connect [fe80::1%lo]:445") || strings.Contains(errOut, "missing port") {
		t.Errorf("check //[fe80::1%%lo]/%s: exit %d: %q", share, code, errOut)
	}
}
