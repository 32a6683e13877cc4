package main

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jcmturner/gokrb5/v8/iana/etypeID"
	"github.com/jcmturner/gokrb5/v8/keytab"
)

// TestKeytabOptions: keytab= and principal= are options, so fstab lines,
// mount units and mount -t smb3fs can name them; --keytab and --principal
// are the same, given last.
func TestKeytabOptions(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		args              []string
		keytab, principal string
	}{
		{[]string{"//s/sh", dir, "-o", "keytab=/etc/k.keytab,principal=bob@R"}, "/etc/k.keytab", "bob@R"},
		{[]string{"//s/sh", dir, "-o", "keytab=/etc/k.keytab", "-o", "principal=bob"}, "/etc/k.keytab", "bob"},
		{[]string{"//s/sh", dir, "--keytab", "/etc/k.keytab", "--principal", "bob"}, "/etc/k.keytab", "bob"},
		{[]string{"//s/sh", dir, "-o", "keytab=/a,principal=alice", "--keytab", "/b", "--principal", "bob"}, "/b", "bob"},
		{[]string{"//s/sh", dir, "-o", "keytab=/a,username=bob"}, "/a", ""}, // username= names the principal
		{[]string{"//s/sh", dir, "-o", "principal=bob"}, "", "bob"},         // the ticket cache must be bob's
	} {
		ma, err := parseMountArgs(c.args)
		if err != nil {
			t.Errorf("%q: %v", c.args, err)
			continue
		}
		if ma.keytab != c.keytab || ma.principal != c.principal || ma.opts.Keytab != c.keytab {
			t.Errorf("%q: keytab %q principal %q, want %q %q", c.args, ma.keytab, ma.principal, c.keytab, c.principal)
		}
	}
	for _, args := range [][]string{
		{"//s/sh", dir, "-o", "keytab=/etc/k.keytab"},
		{"//s/sh", dir, "--keytab", "/etc/k.keytab"},
	} {
		_, err := parseMountArgs(args)
		if !errors.Is(err, errUsage) || err.Error() != "usage: keytab /etc/k.keytab needs a principal: add principal=NAME (or --principal NAME)" {
			t.Errorf("%q: %v", args, err)
		}
	}
}

// testKeytab writes a keytab with a key for bob@SMB3FS.TEST (mode 0600)
// and points KRB5_CONFIG at a krb5.conf whose default realm is that.
func testKeytab(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	k := keytab.New()
	if err := k.AddEntry("bob", "SMB3FS.TEST", "not-a-password", time.Unix(1700000000, 0), 1, etypeID.AES256_CTS_HMAC_SHA1_96); err != nil {
		t.Fatal(err)
	}
	b, err := k.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "bob.keytab")
	if err := os.WriteFile(p, b, 0o600); err != nil {
		t.Fatal(err)
	}
	conf := filepath.Join(dir, "krb5.conf")
	if err := os.WriteFile(conf, []byte("[libdefaults]\n default_realm = SMB3FS.TEST\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("KRB5_CONFIG", conf)
	return p
}

// TestMountKeytabRefusals: what mount and mount.smb3fs say, in one line,
// and the exit status docs/cli.md gives, for a keytab without a
// principal (1), one that cannot be read or is unsafe (32), and one
// without the principal's key (32). Nothing is sent to the server: the
// checks come first.
func TestMountKeytabRefusals(t *testing.T) {
	kt := testKeytab(t)
	unsafe := filepath.Join(filepath.Dir(kt), "unsafe.keytab")
	data, err := os.ReadFile(kt)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(unsafe, data, 0o640); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(unsafe, 0o640); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	src := "//fs1.invalid/share"
	where := "smb3fs: mount " + src + " on " + dir + ": "
	for _, c := range []struct {
		name string
		opts string
		code int
		line string // the first line of standard error
	}{
		{"no principal", "keytab=" + kt, exitUsage, "smb3fs: mount: keytab " + kt + " needs a principal: add principal=NAME (or --principal NAME)"},
		{"missing", "keytab=/nonexistent/bob.keytab,principal=bob", exitFailure, where + "auth: keytab /nonexistent/bob.keytab: lstat /nonexistent: no such file or directory"},
		{"group readable", "keytab=" + unsafe + ",principal=bob", exitFailure, where + "auth: keytab " + unsafe + ": refused: readable or writable by group or others (mode 0640); chmod 600 it"},
		{"principal not in it", "keytab=" + kt + ",principal=alice", exitFailure, where + "auth: keytab " + kt + " holds no key for alice@SMB3FS.TEST (it holds: bob@SMB3FS.TEST)"},
	} {
		t.Run(c.name, func(t *testing.T) {
			for _, helper := range []bool{false, true} {
				run := func() int { return runMount([]string{src, dir, "-o", c.opts}) }
				if helper {
					run = func() int { return runMountHelper([]string{"mount.smb3fs", src, dir, "-o", c.opts}) }
				}
				_, stderr, code := capture(t, run)
				first, _, _ := strings.Cut(stderr, "\n")
				if code != c.code || first != c.line {
					t.Errorf("helper %v: exit %d (want %d)\n got %q\nwant %q", helper, code, c.code, first, c.line)
				}
			}
		})
	}
}

// TestCheckKeytabRefusal: smb3fs check (and shares, snapshots: the same
// connect) holds --keytab to what a mount's keytab= is held to, before
// anything is sent.
func TestCheckKeytabRefusal(t *testing.T) {
	kt := testKeytab(t)
	_, stderr, code := capture(t, func() int {
		return runCheck([]string{"--keytab", kt, "--principal", "alice", "//fs1.invalid/share"})
	})
	want := "smb3fs: //fs1.invalid/share: auth: keytab " + kt + " holds no key for alice@SMB3FS.TEST (it holds: bob@SMB3FS.TEST)\n"
	if code != exitFailure || stderr != want {
		t.Errorf("exit %d (want %d)\n got %q\nwant %q", code, exitFailure, stderr, want)
	}
}
