package auth

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

// writeTestKeytab writes a keytab holding a key for each name@SMB3FS.TEST
// into dir with mode, and a krb5.conf whose default_realm is SMB3FS.TEST;
// it returns both paths.
func writeTestKeytab(t *testing.T, dir string, mode os.FileMode, names ...string) (kt, conf string) {
	t.Helper()
	k := keytab.New()
	for _, n := range names {
		if err := k.AddEntry(n, "SMB3FS.TEST", "not-a-password", time.Unix(1700000000, 0), 1, etypeID.AES256_CTS_HMAC_SHA1_96); err != nil {
			t.Fatal(err)
		}
	}
	b, err := k.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	kt = filepath.Join(dir, "test.keytab")
	if err := os.WriteFile(kt, b, mode); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(kt, mode); err != nil {
		t.Fatal(err)
	}
	conf = filepath.Join(dir, "krb5.conf")
	if err := os.WriteFile(conf, []byte("[libdefaults]\n default_realm = SMB3FS.TEST\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	return kt, conf
}

func TestCheckKeytab(t *testing.T) {
	dir := t.TempDir()
	kt, conf := writeTestKeytab(t, dir, 0o600, "bob", "host/fs1.smb3fs.test")
	uid := os.Getuid()
	for _, p := range []string{"bob", "bob@SMB3FS.TEST", "bob@smb3fs.test", "host/fs1.smb3fs.test"} {
		if err := CheckKeytab(kt, p, conf, uid); err != nil {
			t.Errorf("%s: %v", p, err)
		}
	}
	// A principal the keytab has no key for: named, with what it holds.
	err := CheckKeytab(kt, "alice", conf, uid)
	if !errors.Is(err, ErrNoKeytabEntry) || err.Error() != "auth: keytab "+kt+" holds no key for alice@SMB3FS.TEST (it holds: bob@SMB3FS.TEST, host/fs1.smb3fs.test@SMB3FS.TEST)" {
		t.Errorf("alice: %v", err)
	}
	if err := CheckKeytab(kt, "bob@OTHER.REALM", conf, uid); !errors.Is(err, ErrNoKeytabEntry) {
		t.Errorf("bob in another realm: %v", err)
	}
	// Modes a credentials file would be refused for.
	for _, mode := range []os.FileMode{0o640, 0o604, 0o620, 0o602, 0o644, 0o660} {
		if err := os.Chmod(kt, mode); err != nil {
			t.Fatal(err)
		}
		err := CheckKeytab(kt, "bob", conf, uid)
		if !errors.Is(err, ErrUnsafeKeytab) || !strings.Contains(err.Error(), kt) || !strings.Contains(err.Error(), "chmod 600") && !strings.Contains(err.Error(), "writable") {
			t.Errorf("mode %04o: %v, want a refusal naming the file", mode, err)
		}
	}
	if err := os.Chmod(kt, 0o400); err != nil {
		t.Fatal(err)
	}
	if err := CheckKeytab(kt, "bob", conf, uid); err != nil {
		t.Errorf("mode 0400: %v", err)
	}
	// Missing, not a keytab, not a regular file.
	if err := CheckKeytab(filepath.Join(dir, "nope"), "bob", conf, uid); !errors.Is(err, os.ErrNotExist) || !strings.Contains(err.Error(), "nope") {
		t.Errorf("missing keytab: %v", err)
	}
	junk := filepath.Join(dir, "junk.keytab")
	if err := os.WriteFile(junk, []byte("not a keytab"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := CheckKeytab(junk, "bob", conf, uid); err == nil || !strings.Contains(err.Error(), "not a keytab") {
		t.Errorf("junk: %v", err)
	}
	if err := CheckKeytab(dir, "bob", conf, uid); !errors.Is(err, ErrUnsafeKeytab) || !strings.Contains(err.Error(), "not a regular file") {
		t.Errorf("a directory: %v", err)
	}
}

// TestCheckKeytabOwner: a keytab owned by another user (not root) is
// refused, and so is one in a directory others may write to.
func TestCheckKeytabOwner(t *testing.T) {
	needRoot(t)
	dir := t.TempDir()
	kt, conf := writeTestKeytab(t, dir, 0o600, "bob")
	if err := os.Chown(kt, 4242, 4242); err != nil {
		t.Fatal(err)
	}
	if err := CheckKeytab(kt, "bob", conf, 0); !errors.Is(err, ErrUnsafeKeytab) || !strings.Contains(err.Error(), "owned by uid 4242") {
		t.Errorf("owned by 4242, checked for root: %v", err)
	}
	if err := CheckKeytab(kt, "bob", conf, 4242); err != nil {
		t.Errorf("owned by 4242, checked for 4242: %v", err)
	}
	if err := os.Chown(kt, 0, 0); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(dir, 0o777); err != nil {
		t.Fatal(err)
	}
	if err := CheckKeytab(kt, "bob", conf, 0); !errors.Is(err, ErrUnsafeKeytab) || !strings.Contains(err.Error(), "writable by others") {
		t.Errorf("in a world-writable directory: %v", err)
	}
}

// TestNewKerberosChecksKeytab: every login reads the keytab through the
// same checks as CheckKeytab, so one made readable by others after the
// mount started is refused at the next login (a reconnect), naming it.
func TestNewKerberosChecksKeytab(t *testing.T) {
	dir := t.TempDir()
	kt, conf := writeTestKeytab(t, dir, 0o600, "bob")
	if _, err := NewKerberos(KerberosCredentials{Krb5Conf: conf, Keytab: kt, Principal: "bob"}, testSPN); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(kt, 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := NewKerberos(KerberosCredentials{Krb5Conf: conf, Keytab: kt, Principal: "bob"}, testSPN)
	if !errors.Is(err, ErrUnsafeKeytab) || !strings.Contains(err.Error(), kt) || !strings.Contains(err.Error(), "chmod 600") {
		t.Fatalf("a keytab readable by others: %v", err)
	}
}
