package testenv

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// sample is an env.json as scripts/testenv writes it.
const sample = `{
  "version": 1,
  "base": "/b",
  "netns": "smb3fs",
  "realm": "SMB3FS.TEST",
  "domain": "SMB3FS",
  "dns_domain": "smb3fs.test",
  "krb5_conf": "/b/etc/krb5.conf",
  "client_smb_conf": "/b/etc/client.conf",
  "ccache_dir": "/b/ccache",
  "log_dir": "/b/log",
  "client_addr": "10.213.0.10",
  "dc": {"name": "dc1", "host": "dc1.smb3fs.test", "addr": "10.213.0.1", "smb_port": 445, "kdc_port": 88,
         "spn": "cifs/dc1.smb3fs.test@SMB3FS.TEST", "max_protocol": "SMB3_11", "signing": "mandatory", "encryption": "per-share"},
  "legacy": {"name": "legacy", "host": "legacy.smb3fs.test", "addr": "10.213.0.2", "smb_port": 445,
             "max_protocol": "SMB3_00", "signing": "default", "encryption": "if_required"},
  "weak": {"name": "weak", "host": "weak.smb3fs.test", "addr": "10.213.0.3", "smb_port": 445,
           "max_protocol": "SMB2_10", "signing": "disabled", "encryption": "off"},
  "users": [
    {"name": "alice", "principal": "alice@SMB3FS.TEST", "password": "pw-a\"q",
     "password_file": "/b/state/secrets/alice.password", "uid": 10001, "gid": 10000,
     "servers": ["dc", "legacy", "weak"]},
    {"name": "bob", "principal": "bob@SMB3FS.TEST", "password": "pw-b",
     "password_file": "/b/state/secrets/bob.password", "uid": 10002, "gid": 10000,
     "keytab": "/b/state/keytabs/bob.keytab", "servers": ["dc"]}
  ],
  "shares": {"encrypted": "secure", "signed": "signed", "guest": "guest", "users": "users",
             "legacy": "old", "weak_guest": "open", "weak": "data"},
  "share_dirs": {"secure": "/b/state/shares/dc/secure", "old": "/b/state/shares/legacy/old"}
}`

func TestParseSample(t *testing.T) {
	e, err := Parse([]byte(sample))
	if err != nil {
		t.Fatal(err)
	}
	checks := []struct{ name, got, want string }{
		{"netns", e.Netns, "smb3fs"},
		{"realm", e.Realm, "SMB3FS.TEST"},
		{"domain", e.Domain, "SMB3FS"},
		{"dns_domain", e.DNSDomain, "smb3fs.test"},
		{"krb5_conf", e.KRB5Conf, "/b/etc/krb5.conf"},
		{"client_smb_conf", e.ClientSMBConf, "/b/etc/client.conf"},
		{"client_addr", e.ClientAddr, "10.213.0.10"},
		{"dc.host", e.DC.Host, "dc1.smb3fs.test"},
		{"dc.SMBAddr", e.DC.SMBAddr(), "10.213.0.1:445"},
		{"dc.KDCAddr", e.DC.KDCAddr(), "10.213.0.1:88"},
		{"dc.spn", e.DC.SPN, "cifs/dc1.smb3fs.test@SMB3FS.TEST"},
		{"dc.UNC", e.DC.UNC("secure"), "//dc1.smb3fs.test/secure"},
		{"legacy.addr", e.Legacy.Addr, "10.213.0.2"},
		{"legacy.max_protocol", e.Legacy.MaxProtocol, "SMB3_00"},
		{"legacy.KDCAddr", e.Legacy.KDCAddr(), ""},
		{"weak.addr", e.Weak.Addr, "10.213.0.3"},
		{"weak.signing", e.Weak.Signing, "disabled"},
		{"shares.encrypted", e.Shares.Encrypted, "secure"},
		{"shares.signed", e.Shares.Signed, "signed"},
		{"shares.guest", e.Shares.Guest, "guest"},
		{"shares.users", e.Shares.Users, "users"},
		{"shares.legacy", e.Shares.Legacy, "old"},
		{"shares.weak_guest", e.Shares.WeakGuest, "open"},
		{"shares.weak", e.Shares.Weak, "data"},
		{"share_dirs[old]", e.ShareDirs["old"], "/b/state/shares/legacy/old"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.name, c.got, c.want)
		}
	}
	a := e.User(t, "alice")
	if a.Password != `pw-a"q` || a.UID != 10001 || a.GID != 10000 || a.Keytab != "" || len(a.Servers) != 3 {
		t.Errorf("alice = %+v", *a)
	}
	b := e.User(t, "bob")
	if b.Principal != "bob@SMB3FS.TEST" || b.UID != 10002 || b.Keytab != "/b/state/keytabs/bob.keytab" {
		t.Errorf("bob = %+v", *b)
	}
}

func TestParseRejects(t *testing.T) {
	cases := map[string]struct{ from, to, wantErr string }{
		"no realm":        {`"realm": "SMB3FS.TEST"`, `"realm": ""`, "realm"},
		"no kdc port":     {`"kdc_port": 88`, `"kdc_port": 0`, "dc.kdc_port"},
		"no weak addr":    {`"addr": "10.213.0.3"`, `"addr": ""`, "weak.addr"},
		"no password":     {`"password": "pw-b"`, `"password": ""`, "users[1].password"},
		"wrong version":   {`"version": 1`, `"version": 2`, "version 2"},
		"unknown field":   {`"netns": "smb3fs"`, `"netns": "smb3fs", "bogus": 1`, "bogus"},
		"no legacy share": {`"legacy": "old"`, `"legacy": ""`, "shares.legacy"},
		"not json":        {`{`, `[`, "parsing"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			data := strings.Replace(sample, c.from, c.to, 1)
			if data == sample {
				t.Fatalf("test case does not change the sample (%q not found)", c.from)
			}
			_, err := Parse([]byte(data))
			if err == nil {
				t.Fatalf("Parse accepted env.json with %s", name)
			}
			if !strings.Contains(err.Error(), c.wantErr) {
				t.Errorf("error %q does not mention %q", err, c.wantErr)
			}
		})
	}
}

func TestLoadFile(t *testing.T) {
	p := filepath.Join(t.TempDir(), "env.json")
	if err := os.WriteFile(p, []byte(sample), 0o600); err != nil {
		t.Fatal(err)
	}
	e, err := Load(p)
	if err != nil {
		t.Fatal(err)
	}
	if e.Realm != "SMB3FS.TEST" {
		t.Errorf("realm %q", e.Realm)
	}
	if _, err := Load(filepath.Join(t.TempDir(), "missing.json")); err == nil {
		t.Error("Load of a missing file succeeded")
	}
}

// fakeTB records how Env ends a test; like testing.T it stops the calling
// goroutine on Fatal and Skip.
type fakeTB struct {
	testing.TB  // nil: any method not overridden here panics
	fatal, skip string
}

func (f *fakeTB) Helper() {}
func (f *fakeTB) Fatalf(format string, args ...any) {
	f.fatal = fmt.Sprintf(format, args...)
	runtime.Goexit()
}
func (f *fakeTB) Fatal(args ...any) { f.fatal = fmt.Sprint(args...); runtime.Goexit() }
func (f *fakeTB) Skip(args ...any)  { f.skip = fmt.Sprint(args...); runtime.Goexit() }
func (f *fakeTB) Skipf(format string, args ...any) {
	f.skip = fmt.Sprintf(format, args...)
	runtime.Goexit()
}

// runEnv calls Env with a fakeTB in its own goroutine.
func runEnv() (*fakeTB, *Environment) {
	f := &fakeTB{}
	var e *Environment
	done := make(chan struct{})
	go func() {
		defer close(done)
		e = Env(f)
	}()
	<-done
	return f, e
}

func TestEnvMissing(t *testing.T) {
	t.Setenv(EnvVar, "")
	t.Setenv(UnitOnlyVar, "")
	f, e := runEnv()
	if f.fatal == "" || e != nil {
		t.Fatalf("Env without %s did not fail the test (skip=%q)", EnvVar, f.skip)
	}
	if !strings.Contains(f.fatal, "make test") {
		t.Errorf("failure message %q does not tell to run make test", f.fatal)
	}

	t.Setenv(UnitOnlyVar, "1")
	f, e = runEnv()
	if f.skip != "unit-only run: SMB3FS_UNIT_ONLY=1" || f.fatal != "" || e != nil {
		t.Errorf("unit-only: skip=%q fatal=%q", f.skip, f.fatal)
	}
}

func TestEnvLoads(t *testing.T) {
	p := filepath.Join(t.TempDir(), "env.json")
	if err := os.WriteFile(p, []byte(sample), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv(EnvVar, p)
	f, e := runEnv()
	if f.fatal != "" || f.skip != "" || e == nil || e.DC.Addr != "10.213.0.1" {
		t.Fatalf("Env: fatal=%q skip=%q env=%v", f.fatal, f.skip, e)
	}

	// A broken file fails the test even in a unit-only run.
	if err := os.WriteFile(p, []byte("{}"), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv(UnitOnlyVar, "1")
	f, _ = runEnv()
	if f.fatal == "" {
		t.Error("Env accepted an empty env.json")
	}
}
