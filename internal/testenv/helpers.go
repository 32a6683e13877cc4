package testenv

// Helpers that tests of several packages share: a krb5.conf with a short
// ticket lifetime, the smb3fs daemon binary, and scratch names on a share.
// They need nothing of smb3fs itself, so that every package's tests
// (including auth's internal ones) may import this package.

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// DaemonPackage is the import path of the smb3fs command that DaemonBinary
// builds.
const DaemonPackage = "github.com/smb3fs/smb3fs/cmd/smb3fs"

// Krb5ConfLifetime writes a copy of the environment's krb5.conf that asks
// for tickets living lifetime (ticket_lifetime in [libdefaults], in
// seconds) into t.TempDir() and returns its path. (Samba 4.17's KDC answers
// a TGS-REQ with a TGT of less than about 2.5 minutes left with
// KRB_AP_ERR_TKT_EXPIRED, so tickets cannot be much shorter than 3
// minutes.) It fails the test on error.
func (e *Environment) Krb5ConfLifetime(t testing.TB, lifetime time.Duration) string {
	t.Helper()
	b, err := os.ReadFile(e.KRB5Conf)
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	i := strings.Index(s, "[libdefaults]")
	if i < 0 {
		t.Fatalf("%s has no [libdefaults]", e.KRB5Conf)
	}
	i += len("[libdefaults]")
	s = s[:i] + fmt.Sprintf("\n    ticket_lifetime = %ds\n", int(lifetime/time.Second)) + s[i:]
	p := filepath.Join(t.TempDir(), "krb5.conf")
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// DaemonBinary builds the smb3fs command (DaemonPackage) into t.TempDir()
// and returns the binary's path. Go's build cache makes every build after
// the first a link step. It fails the test if the build fails.
func DaemonBinary(t testing.TB) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "smb3fs")
	out, err := exec.Command("go", "build", "-o", bin, DaemonPackage).CombinedOutput()
	if err != nil {
		t.Fatalf("go build %s: %v\n%s", DaemonPackage, err, out)
	}
	return bin
}

// ScratchName returns a fresh name for this test's file or directory on
// share: prefix, the test's name with every character other than ASCII
// letters, digits and '-' replaced by '_', and the time in nanoseconds, so
// that tests running at the same time never meet. The test's cleanup
// removes whatever the test made under that name on the server's disk
// (ShareDirs[share]).
func (e *Environment) ScratchName(t testing.TB, share, prefix string) string {
	t.Helper()
	safe := strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' {
			return r
		}
		return '_'
	}, t.Name())
	name := fmt.Sprintf("%s-%s-%d", prefix, safe, time.Now().UnixNano())
	onDisk := filepath.Join(e.ShareDirs[share], name)
	t.Cleanup(func() { os.RemoveAll(onDisk) })
	return name
}

// Bounded runs fn and returns its error; it fails the test if fn has not
// returned after d, which the caller's what names as a hang (fn's
// goroutine is left behind; the test ends).
func Bounded(t testing.TB, what string, d time.Duration, fn func() error) error {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- fn() }()
	select {
	case err := <-done:
		return err
	case <-time.After(d):
		t.Fatalf("%s has not returned after %v: a hang", what, d)
		return nil
	}
}
