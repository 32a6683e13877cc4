package main

import (
	"errors"
	"log/slog"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/smb3fs/smb3fs/auth"
	"github.com/smb3fs/smb3fs/client/rules"
	"github.com/smb3fs/smb3fs/client/wire"
)

// TestMountOptionEach pins what every option, under each of its names,
// does to the parsed options: the result must equal the defaults changed
// by want, and nothing else.
func TestMountOptionEach(t *testing.T) {
	creds := filepath.Join(t.TempDir(), "creds")
	if err := os.WriteFile(creds, []byte("username=carol\npassword=pw\ndomain=D2\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	u32 := func(n uint32) *uint32 { return &n }
	dur := func(d time.Duration) *time.Duration { return &d }
	dia := func(d wire.Dialect) *wire.Dialect { return &d }
	for _, c := range []struct {
		opts string
		want func(o *mountOptions)
	}{
		{"", func(o *mountOptions) {}},
		{",,ro,,", func(o *mountOptions) { o.ReadOnly = true }},
		{"username=bob", func(o *mountOptions) { o.Username = "bob" }},
		{"user=bob", func(o *mountOptions) { o.Username = "bob" }},
		{"user=a=b", func(o *mountOptions) { o.Username = "a=b" }},
		{"domain=D", func(o *mountOptions) { o.Domain = "D" }},
		{"dom=D", func(o *mountOptions) { o.Domain = "D" }},
		{"workgroup=D", func(o *mountOptions) { o.Domain = "D" }},
		{"credentials=" + creds, func(o *mountOptions) { o.Username, o.Password, o.Domain = "carol", []byte("pw"), "D2" }},
		{"cred=" + creds, func(o *mountOptions) { o.Username, o.Password, o.Domain = "carol", []byte("pw"), "D2" }},
		{"sec=krb5", func(o *mountOptions) {}},
		{"sec=krb5i", func(o *mountOptions) { o.Sec.Integrity = true }},
		{"sec=krb5p", func(o *mountOptions) { o.Sec.Integrity, o.Sec.Privacy = true, true }},
		{"sec=ntlmssp", func(o *mountOptions) { o.Sec = rules.Sec{Mechanism: auth.NTLMv2} }},
		{"sec=ntlmsspi", func(o *mountOptions) { o.Sec = rules.Sec{Mechanism: auth.NTLMv2, Integrity: true} }},
		{"sec=ntlmv2", func(o *mountOptions) { o.Sec = rules.Sec{Mechanism: auth.NTLMv2} }},
		{"sec=ntlmv2i", func(o *mountOptions) { o.Sec = rules.Sec{Mechanism: auth.NTLMv2, Integrity: true} }},
		{"sec=ntlmssp,sec=krb5", func(o *mountOptions) {}},
		{"vers=3.1.1", func(o *mountOptions) { o.Vers = dia(wire.Dialect311) }},
		{"vers=3.11", func(o *mountOptions) { o.Vers = dia(wire.Dialect311) }},
		{"vers=3.0", func(o *mountOptions) { o.Vers = dia(wire.Dialect300) }},
		{"vers=3.0,vers=default", func(o *mountOptions) { o.Vers = dia(wire.Dialect300) }},
		{"vers=3.02", func(o *mountOptions) { o.Vers = dia(wire.Dialect302) }},
		{"vers=3.0.2", func(o *mountOptions) { o.Vers = dia(wire.Dialect302) }},
		{"vers=2.0", func(o *mountOptions) { o.Vers = dia(wire.Dialect202) }},
		{"vers=3", func(o *mountOptions) { o.VersAtLeast = dia(wire.Dialect300) }},
		{"vers=3.1.1,vers=3", func(o *mountOptions) { o.VersAtLeast = dia(wire.Dialect300) }},
		{"loglevel=debug", func(o *mountOptions) { o.LogLevel = slog.LevelDebug }},
		{"loglevel=warning", func(o *mountOptions) { o.LogLevel = slog.LevelWarn }},
		{"loglevel=ERROR", func(o *mountOptions) { o.LogLevel = slog.LevelError }},
		{"logfile=/var/log/smb3fs.log", func(o *mountOptions) { o.LogFile = "/var/log/smb3fs.log" }},
		{"mfsymlinks,iocharset=utf8,iocharset=UTF-8,cache=strict", func(o *mountOptions) {}},
		{"noatime,nodiratime,relatime,strictatime,atime,diratime,norelatime,lazytime,async", func(o *mountOptions) {}},
		{"remount,ro", func(o *mountOptions) { o.Remount, o.ReadOnly = true, true }},
		{"sync,dirsync", func(o *mountOptions) { o.Kernel = []string{"sync", "dirsync"} }},
		{"owner,group,nouser,auto,noauto,_netdev,nofail,comment=systemd.automount", func(o *mountOptions) {}},
		// mount(8): user and users imply noexec,nosuid,nodev; a later exec lifts noexec.
		{"user,users", func(o *mountOptions) { o.Kernel = []string{"noexec", "nosuid", "nodev"} }},
		{"user,noexec,exec", func(o *mountOptions) { o.Kernel = []string{"noexec", "nosuid", "nodev"} }},
		{"users,exec", func(o *mountOptions) { o.Kernel = []string{"nosuid", "nodev"} }},
		{"exec,user", func(o *mountOptions) { o.Kernel = []string{"noexec", "nosuid", "nodev"} }},
		{"user,user=bob", func(o *mountOptions) { o.Username = "bob"; o.Kernel = []string{"noexec", "nosuid", "nodev"} }},
		{"keytab=/etc/smb3fs/backup.keytab,principal=backup@EXAMPLE.COM", func(o *mountOptions) {
			o.Keytab, o.Principal = "/etc/smb3fs/backup.keytab", "backup@EXAMPLE.COM"
		}},
		{"vers=default", func(o *mountOptions) {}},
		{"seal", func(o *mountOptions) { o.Seal = true }},
		{"seal=yes", func(o *mountOptions) { o.Seal = true }},
		{"nobrl", func(o *mountOptions) { o.LocalLocks = true }},
		{"nobrl,brl", func(o *mountOptions) {}},
		{"nohandlecache", func(o *mountOptions) { o.NoDirLeases = true }},
		{"nohandlecache,handlecache", func(o *mountOptions) {}},
		{"cachedreads", func(o *mountOptions) { o.CachedReads = true }},
		{"noposix", func(o *mountOptions) { o.NoPOSIX = true }},
		{"nounix", func(o *mountOptions) { o.NoPOSIX = true }},
		{"nolinux", func(o *mountOptions) { o.NoPOSIX = true }},
		{"nounix,unix", func(o *mountOptions) {}},
		{"noposix,posix,nolinux,linux", func(o *mountOptions) {}},
		{"allow_other", func(o *mountOptions) { o.AllowOther = true }},
		{"port=1", func(o *mountOptions) { o.Port = 1 }},
		{"port=65535", func(o *mountOptions) { o.Port = 65535 }},
		{"uid=0", func(o *mountOptions) { o.UID = u32(0) }},
		{"gid=4294967295", func(o *mountOptions) { o.GID = u32(4294967295) }},
		{"file_mode=1", func(o *mountOptions) { o.FileMode = 1 }},
		{"file_mode=0777", func(o *mountOptions) { o.FileMode = 0o777 }},
		{"dir_mode=700", func(o *mountOptions) { o.DirMode = 0o700 }},
		{"ro", func(o *mountOptions) { o.ReadOnly = true }},
		{"ro,rw", func(o *mountOptions) {}},
		{"snapshot=@GMT-2026.01.02-03.04.05", func(o *mountOptions) {
			o.Snapshot, o.ReadOnly = time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC), true
		}},
		{"snapshot=134117966450000000", func(o *mountOptions) {
			o.Snapshot, o.ReadOnly = time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC), true
		}},
		{"actimeo=0", func(o *mountOptions) { o.ACTimeo = dur(0) }},
		{"actimeo=86400", func(o *mountOptions) { o.ACTimeo = dur(86400 * time.Second) }},
		{"timeout=1", func(o *mountOptions) { o.Timeout = time.Second }},
		{"timeout=3600", func(o *mountOptions) { o.Timeout = time.Hour }},
		{"echo_interval=1", func(o *mountOptions) { o.EchoInterval = time.Second }},
		{"echo_interval=600", func(o *mountOptions) { o.EchoInterval = 10 * time.Minute }},
		{"noexec", func(o *mountOptions) { o.Kernel = []string{"noexec"} }},
		{"nodev,nosuid,nodev", func(o *mountOptions) { o.Kernel = []string{"nodev", "nosuid", "nodev"} }},
		{"_netdev,nofail,noauto,auto,defaults,nouser,user_xattr,exec,relatime,noatime", func(o *mountOptions) {}},
		{"x-systemd.automount,x-systemd.idle-timeout=60,x-mine=1,x-", func(o *mountOptions) {}},
	} {
		got, err := parseMountOptions([]string{c.opts})
		if err != nil {
			t.Errorf("%q: %v", c.opts, err)
			continue
		}
		want := &mountOptions{Sec: defaultSec}
		c.want(want)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%q:\n got %+v\nwant %+v", c.opts, got, want)
		}
	}
}

// TestMountOptionMessages pins the error every refused option gives, word
// for word (what mount and mount.smb3fs print after "smb3fs: mount ...: ").
func TestMountOptionMessages(t *testing.T) {
	for _, c := range []struct {
		opts  string
		msg   string // the whole message, or its start if prefix
		usage bool   // errors.Is(err, errUsage)
	}{
		{"frobnicate", `usage: unknown mount option "frobnicate"`, true},
		{"cache=loose", "usage: cache=loose is not supported: smb3fs always caches as cache=strict does (leases; actimeo= sets how long attributes are cached)", true},
		{"cache=none", "usage: cache=none is not supported: ", true},
		{"iocharset=iso8859-1", "usage: iocharset=iso8859-1 is not supported: smb3fs names are always UTF-8", true},
		{"vers=3.1", "usage: vers=3.1: ", true},
		{"vers=1", "usage: vers=1: SMB1 is not supported (2.0.2 or later)", true},
		{"loglevel=verbose", `usage: log level "verbose": want error, warning, info or debug`, true},
		{"loglevel", "usage: option loglevel needs a value", true},
		{"logfile=smb3fs.log", "usage: logfile=smb3fs.log: want an absolute path", true},
		{"X-systemd.automount", `usage: unknown mount option "X-systemd.automount"`, true},
		{"=x", `usage: unknown mount option ""`, true},
		{"username", "usage: option username needs a value", true},
		{"snapshot", "usage: option snapshot needs a value", true},
		{"snapshot=yesterday", `usage: snapshot=yesterday: want @GMT-YYYY.MM.DD-HH.MM.SS or a FILETIME (100 ns units since 1601)`, true},
		{"snapshot=@GMT-2026.13.02-03.04.05", "usage: snapshot=@GMT-2026.13.02-03.04.05: bad @GMT token: ", true},
		{"user=", "usage: option user needs a value", true},
		{"domain", "usage: option domain needs a value", true},
		{"dom=", "usage: option dom needs a value", true},
		{"workgroup", "usage: option workgroup needs a value", true},
		{"credentials", "usage: option credentials needs a value", true},
		{"cred=", "usage: option cred needs a value", true},
		{"keytab", "usage: option keytab needs a value", true},
		{"principal=", "usage: option principal needs a value", true},
		{"sec", "usage: option sec needs a value", true},
		{"vers=", "usage: option vers needs a value", true},
		{"port", "usage: option port needs a value", true},
		{"uid", "usage: option uid needs a value", true},
		{"gid=", "usage: option gid needs a value", true},
		{"file_mode", "usage: option file_mode needs a value", true},
		{"dir_mode=", "usage: option dir_mode needs a value", true},
		{"actimeo", "usage: option actimeo needs a value", true},
		{"timeout", "usage: option timeout needs a value", true},
		{"echo_interval=", "usage: option echo_interval needs a value", true},
		{"password=secret", "usage: passwords are not taken on the command line: use PASSWD, credentials= or the prompt", true},
		{"pass", "usage: passwords are not taken on the command line: use PASSWD, credentials= or the prompt", true},
		{"password2=", "usage: passwords are not taken on the command line: use PASSWD, credentials= or the prompt", true},
		{"sec=ntlm", "usage: sec=ntlm is not supported (krb5 or ntlmssp)", true},
		{"sec=none", "usage: sec=none is not supported (krb5 or ntlmssp)", true},
		{"vers=4", "usage: vers=4: ", true},
		{"vers=1.0", "usage: vers=1.0: ", true},
		{"port=0", "usage: bad port=0", true},
		{"port=65536", "usage: bad port=65536", true},
		{"port=http", "usage: bad port=http", true},
		{"uid=-1", "usage: bad uid=-1", true},
		{"gid=+5x", "usage: bad gid=+5x", true},
		{"uid=no-such-user-here", "usage: bad uid=no-such-user-here (no such user)", true},
		{"gid=no-such-group-here", "usage: bad gid=no-such-group-here (no such group)", true},
		{"file_mode=999", "usage: bad file_mode=999 (octal, 1 to 0777)", true},
		{"file_mode=01000", "usage: bad file_mode=01000 (octal, 1 to 0777)", true},
		{"dir_mode=0", "usage: bad dir_mode=0 (octal, 1 to 0777)", true},
		{"actimeo=-1", "usage: bad actimeo=-1 (seconds)", true},
		{"actimeo=86401", "usage: bad actimeo=86401 (seconds)", true},
		{"timeout=0", "usage: bad timeout=0 (seconds, 1 to 3600)", true},
		{"timeout=10s", "usage: bad timeout=10s (seconds, 1 to 3600)", true},
		{"timeout=3601", "usage: bad timeout=3601 (seconds, 1 to 3600)", true},
		{"echo_interval=0", "usage: bad echo_interval=0 (seconds, 1 to 600)", true},
		{"echo_interval=601", "usage: bad echo_interval=601 (seconds, 1 to 600)", true},
		{"suid", "usage: suid is not supported: smb3fs mounts are always nosuid,nodev", true},
		{"dev=1", "usage: dev is not supported: smb3fs mounts are always nosuid,nodev", true},
		{"cred=/no/such/credentials", "credentials file: open /no/such/credentials: ", false},
		{"ro,frobnicate,seal", `usage: unknown mount option "frobnicate"`, true},
	} {
		o, err := parseMountOptions([]string{c.opts})
		if err == nil {
			t.Errorf("%q: accepted: %+v", c.opts, o)
			continue
		}
		if o != nil {
			t.Errorf("%q: options returned with the error", c.opts)
		}
		got := err.Error()
		if strings.HasSuffix(c.msg, ": ") && strings.HasPrefix(got, c.msg) {
			got = c.msg
		}
		if got != c.msg {
			t.Errorf("%q:\n got %q\nwant %q", c.opts, err, c.msg)
		}
		if errors.Is(err, errUsage) != c.usage {
			t.Errorf("%q: usage error %v, want %v", c.opts, errors.Is(err, errUsage), c.usage)
		}
	}
}
