package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/smb3fs/smb3fs/auth"
	"github.com/smb3fs/smb3fs/client"
	"github.com/smb3fs/smb3fs/client/rules"
)

func TestParseMountOptionsGood(t *testing.T) {
	o, err := parseMountOptions([]string{"username=alice,domain=SMB3FS,sec=krb5i,vers=3.1.1,seal,port=4445", "uid=1000,gid=100,file_mode=0640,dir_mode=750,ro,actimeo=0,_netdev,nofail,noauto,x-systemd.automount,x-systemd.idle-timeout=60"})
	if err != nil {
		t.Fatal(err)
	}
	if o.Username != "alice" || o.Domain != "SMB3FS" || o.Sec != (rules.Sec{Mechanism: auth.Kerberos, Integrity: true}) || o.Port != 4445 {
		t.Errorf("got %+v", o)
	}
	if o.UID == nil || *o.UID != 1000 || o.GID == nil || *o.GID != 100 {
		t.Errorf("uid/gid: %+v", o)
	}
	if o.FileMode != 0640 || o.DirMode != 0750 || !o.ReadOnly {
		t.Errorf("modes/ro: %+v", o)
	}
	if o.ACTimeo == nil || *o.ACTimeo != 0 {
		t.Errorf("actimeo: %v", o.ACTimeo)
	}
	if o, err := parseMountOptions([]string{"noexec,nosuid,exec,nodev"}); err != nil || strings.Join(o.Kernel, ",") != "noexec,nosuid,nodev" {
		t.Errorf("kernel flags: %v %v", o.Kernel, err)
	}
	if o.Timeout != 0 {
		t.Errorf("default timeout %v", o.Timeout)
	}
	if o, err := parseMountOptions([]string{"timeout=10"}); err != nil || o.Timeout != 10*time.Second {
		t.Errorf("timeout=10: %v %v", o.Timeout, err)
	}
	o, err = parseMountOptions([]string{"ro,rw,actimeo=5,sec=ntlmssp"})
	if err != nil || o.ReadOnly || *o.ACTimeo != 5*time.Second || o.Sec != (rules.Sec{Mechanism: auth.NTLMv2}) {
		t.Errorf("later options win: %+v %v", o, err)
	}
	if o, err := parseMountOptions([]string{"uid=root,gid=root"}); err != nil || *o.UID != 0 || *o.GID != 0 {
		t.Errorf("uid=root,gid=root: %v", err)
	}
	if o, _ := parseMountOptions(nil); o.Sec != (rules.Sec{Mechanism: auth.Kerberos}) || o.CachedReads {
		t.Errorf("default sec %+v, cachedreads %v", o.Sec, o.CachedReads)
	}
	if o, err := parseMountOptions([]string{"cachedreads"}); err != nil || !o.CachedReads {
		t.Errorf("cachedreads: %v %v", o.CachedReads, err)
	}
}

func TestParseMountOptionsBad(t *testing.T) {
	for _, bad := range []string{
		"frobnicate",
		"password=secret",
		"pass=secret",
		"vers=1.0",
		"vers=4",
		"sec=ntlm",
		"sec=none",
		"port=0",
		"port=http",
		"uid=",
		"uid=-1",
		"uid=no-such-user-here",
		"gid=no-such-group-here",
		"file_mode=999",
		"dir_mode=0",
		"actimeo=-1",
		"timeout=0",
		"timeout=10s",
		"timeout=3601",
		"timeout",
		"username",
		"cache=loose",
		"suid",
		"dev",
	} {
		_, err := parseMountOptions([]string{bad})
		if err == nil {
			t.Errorf("%s: accepted", bad)
			continue
		}
		if !errors.Is(err, errUsage) {
			t.Errorf("%s: not a usage error: %v", bad, err)
		}
	}
}

func TestCredentialsFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "creds")
	os.WriteFile(p, []byte("# comment\nusername=bob\npassword=pa=ss word\ndomain=SMB3FS\n"), 0600)
	o, err := parseMountOptions([]string{"credentials=" + p})
	if err != nil {
		t.Fatal(err)
	}
	if o.Username != "bob" || string(o.Password) != "pa=ss word" || o.Domain != "SMB3FS" {
		t.Errorf("got %+v", o)
	}
	for _, mode := range []os.FileMode{0640, 0604, 0644, 0660} {
		os.Chmod(p, mode)
		_, err := parseMountOptions([]string{"credentials=" + p})
		if err == nil || !strings.Contains(err.Error(), "readable by others") {
			t.Errorf("mode %04o: %v", mode, err)
		}
	}
	os.Chmod(p, 0600)
	os.WriteFile(p, []byte("username=bob\nsecret=x\n"), 0600)
	if _, err := parseMountOptions([]string{"credentials=" + p}); err == nil {
		t.Errorf("unknown key accepted")
	}
	if _, err := parseMountOptions([]string{"credentials=" + filepath.Join(dir, "missing")}); err == nil {
		t.Errorf("missing file accepted")
	}
}

func TestParseMountArgs(t *testing.T) {
	ma, err := parseMountArgs([]string{"//srv/share", "/mnt/x", "-o", "ro", "--foreground"})
	if err != nil {
		t.Fatal(err)
	}
	if ma.server != "srv" || ma.share != "share" || ma.dir != "/mnt/x" || !ma.foreground || !ma.opts.ReadOnly {
		t.Errorf("got %+v", ma)
	}
	for _, bad := range [][]string{
		{"//srv/share"},
		{"srv/share", "/mnt"},
		{"//srv/share", "/mnt", "--bogus"},
		{"//srv/share", "/mnt", "--keytab", "/k"},
		{"//srv/share", "/mnt", "-o", "nope"},
	} {
		if _, err := parseMountArgs(bad); !errors.Is(err, errUsage) {
			t.Errorf("%q: %v", bad, err)
		}
	}
}

// TestMountHelperExitCodes: mount.smb3fs exits as mount(8) says a helper
// does: 1 for incorrect invocation, 0 for a fake (-f) mount that would go.
func TestMountHelperExitCodes(t *testing.T) {
	if got := runMountHelper([]string{"mount.smb3fs"}); got != 1 {
		t.Errorf("no args: %d", got)
	}
	if got := runMountHelper([]string{"mount.smb3fs", "//s/sh", t.TempDir(), "-o", "bogus"}); got != exitUsage {
		t.Errorf("bad option: %d", got)
	}
	if got := runMountHelper([]string{"mount.smb3fs", "//s/sh", t.TempDir(), "--bogus"}); got != exitUsage {
		t.Errorf("bad flag: %d", got)
	}
	if got := runMountHelper([]string{"mount.smb3fs", "//s/sh", t.TempDir(), "-f", "-o", "ro,_netdev"}); got != 0 {
		t.Errorf("fake mount: %d", got)
	}
	// An fstab line in mount.cifs's spelling, as mount(8) passes it.
	fstab := "user,noauto,_netdev,nofail,x-systemd.automount,vers=3.02,mfsymlinks,iocharset=utf8,cache=strict,noatime,nodiratime,sec=krb5p,uid=0"
	if got := runMountHelper([]string{"mount.smb3fs", "smb://s/sh", t.TempDir(), "-f", "-s", "-n", "-t", "smb3fs", "-o", fstab}); got != 0 {
		t.Errorf("fake mount of an fstab line: %d", got)
	}
	if got := runMountHelper([]string{"mount.smb3fs", "//[fe80::1%eth0]/sh", t.TempDir(), "-f"}); got != 0 {
		t.Errorf("fake mount of an IPv6 source: %d", got)
	}
	// docs/cli.md's fstab lines, as mount(8) hands them to the helper.
	data, err := os.ReadFile("../../testdata/fstab/cifs-spellings.fstab")
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		f := strings.Fields(line)
		if got := runMountHelper([]string{"mount.smb3fs", f[0], t.TempDir(), "-f", "-o", f[3]}); got != 0 {
			t.Errorf("fake mount of %q: %d", line, got)
		}
	}
}

// TestExitStatus pins mount(8)'s numbers and what each error maps to.
func TestExitStatus(t *testing.T) {
	if exitOK != 0 || exitUsage != 1 || exitSystem != 2 || exitInternal != 4 || exitInterrupt != 8 || exitMtab != 16 || exitFailure != 32 || exitSomeOK != 64 {
		t.Fatal("exit statuses are not mount(8)'s")
	}
	for _, c := range []struct {
		err  error
		want int
	}{
		{nil, exitOK},
		{usageErrorf("bad"), exitUsage},
		{fmt.Errorf("wrapped: %w", usageErrorf("bad")), exitUsage},
		{systemError(errors.New("fork")), exitSystem},
		{fmt.Errorf("%w by interrupt", errInterrupted), exitInterrupt},
		{&refusal{"refused"}, exitFailure},
		{errors.New("STATUS_BAD_NETWORK_NAME"), exitFailure},
		{fmt.Errorf("x: %w", client.ErrNotSMB), exitFailure},
	} {
		if got := exitStatus(c.err); got != c.want {
			t.Errorf("exitStatus(%v) = %d, want %d", c.err, got, c.want)
		}
	}
	if e := systemError(errors.New("fork")); e.Error() != "fork" {
		t.Errorf("systemError changes the text: %q", e)
	}
}
