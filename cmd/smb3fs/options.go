package main

// The -o list of smb3fs mount and mount.smb3fs: mount.cifs-style options
// (comma-separated key=value or flags), parsed into mountOptions. What the
// options mean to the connection is decided later: the hardening rules
// (client/rules) may only be tightened by them, never loosened.

import (
	"fmt"
	"log/slog"
	"os"
	"os/user"
	"strconv"
	"strings"
	"time"

	"github.com/smb3fs/smb3fs/auth"
	"github.com/smb3fs/smb3fs/client/rules"
	"github.com/smb3fs/smb3fs/client/wire"
)

// mountOptions is the parsed -o list.
type mountOptions struct {
	Username, Domain string
	Password         []byte    // from the credentials file
	Sec              rules.Sec // sec=, as rules.ParseSec reads it
	Seal             bool      // seal: require encryption even where the rule does not
	LocalLocks       bool      // nobrl: fcntl/flock locks stay local
	CachedReads      bool      // cachedreads: read-only files through the page cache
	AllowOther       bool      // allow_other: other local users may enter (fusermount.go)
	// Vers is an exact vers= (3.1.1, 3.02, ...); VersAtLeast is vers=3,
	// which mount.cifs reads as "3.0 or later": it raises the rule's
	// lowest dialect to 3.0 where it is lower, and never lowers it.
	Vers, VersAtLeast *wire.Dialect
	// LogLevel is loglevel= (or --log-level): the least severe record
	// logged. LogFile is logfile=: where the daemon logs, instead of syslog
	// (opened before it detaches, mode 0600).
	LogLevel slog.Level
	LogFile  string
	// Remount changes the flags of an existing mount (remount, as
	// mount -o remount,ro runs it) instead of mounting.
	Remount bool

	Port     int
	UID, GID *uint32
	FileMode os.FileMode
	DirMode  os.FileMode
	ReadOnly bool
	// NoPOSIX is noposix (nounix): the SMB3 POSIX extensions are not
	// offered (client.Options.NoPOSIX).
	NoPOSIX bool
	// NoDirLeases is nohandlecache (as cifs names it): no directory
	// leases, listings cached for actimeo only (smbfs.Options.NoDirLeases).
	NoDirLeases bool
	// Snapshot is snapshot=: the share is mounted as it was then (a
	// previous version), read-only whatever rw says; zero: the live share.
	Snapshot time.Time
	ACTimeo  *time.Duration
	// Timeout bounds each request to the server (timeout=, seconds);
	// zero: client.DefaultTimeout.
	Timeout time.Duration
	// EchoInterval is how long the connection may idle before an ECHO
	// checks it (echo_interval=, seconds, as cifs); zero:
	// client.DefaultEchoInterval.
	EchoInterval time.Duration
	// Kernel lists restricting mount flags (noexec, nosuid, nodev).
	Kernel []string
	// Keytab and Principal are keytab= and principal= (or --keytab and
	// --principal): Kerberos from a keytab, for unattended mounts (fstab,
	// systemd). The keytab is checked as a credentials file is, and
	// more (checkKeytab), before anything is sent.
	Keytab, Principal string
	// userMount and userNoexec are set while parsing by fstab's user or
	// users, which imply noexec,nosuid,nodev (mount(8)); a later exec
	// clears userNoexec. parseMountOptions then adds those flags to
	// Kernel and clears both. An explicit noexec stays whatever follows.
	userMount, userNoexec bool
	// Multiuser is multiuser: each local user's requests run in their own
	// SMB session, from their own ticket cache (multiuser.go); root only,
	// Kerberos only; implies AllowOther.
	Multiuser bool
	// CRUID is cruid=: whose ticket cache the mount's own session uses,
	// read by a process running as that uid (ccacheexport.go); nil: the
	// mounting process's.
	CRUID *uint32
}

// parseMountOptions parses mount.cifs-style options: comma-separated
// key=value or flags, each looked up in mountOptionTable; later options
// override earlier ones. Unknown options are errors.
func parseMountOptions(list []string) (*mountOptions, error) {
	o := &mountOptions{Sec: defaultSec, LogLevel: slog.LevelInfo}
	for _, s := range list {
		for _, opt := range strings.Split(s, ",") {
			if err := o.apply(opt); err != nil {
				return nil, err
			}
		}
	}
	if o.userMount {
		if o.userNoexec {
			o.Kernel = append(o.Kernel, "noexec")
		}
		o.Kernel = append(o.Kernel, "nosuid", "nodev")
		o.userMount, o.userNoexec = false, false
	}
	return o, nil
}

// apply applies one option, key or key=value ("" is nothing).
func (o *mountOptions) apply(opt string) error {
	if opt == "" {
		return nil
	}
	key, val, hasVal := strings.Cut(opt, "=")
	mo := mountOptionByName[key]
	switch {
	case !hasVal && fstabUserOptions[key]:
		// Bare user, users, owner, group: mount(8)'s, not username=.
		// mount(8): user and users imply noexec, nosuid and nodev (a
		// later exec lifts noexec); owner and group imply nosuid and
		// nodev, which every smb3fs mount is.
		if key == "user" || key == "users" {
			o.userMount, o.userNoexec = true, true
		}
		return nil
	case mo == nil && strings.HasPrefix(key, "x-"):
		return nil // x-systemd.* and the like: for mount(8) and systemd
	case mo == nil:
		return usageErrorf("unknown mount option %q", key)
	case mo.value && val == "":
		return usageErrorf("option %s needs a value", key)
	case mo.set == nil:
		return nil
	}
	return mo.set(o, key, val)
}

// mountOption is one entry of mountOptionTable.
type mountOption struct {
	names []string     // mount.cifs's name first, then its aliases
	value bool         // needs a non-empty value; without, any value is ignored
	set   optionSetter // nil: accepted, and means nothing to smb3fs
	// doc is one line on what it does, for the man pages and shell
	// completion (man.go, completion.go).
	doc string
}

// optionSetter applies one option to o: key is the name it was given by,
// val its value ("" if none).
type optionSetter func(o *mountOptions, key, val string) error

// mountOptionTable is every option smb3fs mount accepts, under mount.cifs's
// names where it has the option. Options starting with "x-" are accepted too.
var mountOptionTable = []mountOption{
	// Who connects, and how.
	{[]string{"username", "user"}, true, func(o *mountOptions, _, val string) error { o.Username = val; return nil }, "user to log in as (bare user is fstab's)"},
	{[]string{"domain", "dom", "workgroup"}, true, func(o *mountOptions, _, val string) error { o.Domain = val; return nil }, "NTLM domain"},
	{[]string{"password", "pass", "password2"}, false, refusePassword, "refused: use PASSWD, credentials= or the prompt"},
	{[]string{"credentials", "cred"}, true, func(o *mountOptions, _, val string) error { return o.readCredentials(val) }, "file of username=, password= and domain= lines; refused if others can read it"},
	{[]string{"sec"}, true, setSec, "krb5 (default), krb5i, krb5p, ntlmssp, ntlmsspi, ntlmv2 or ntlmv2i; i requires signing, p encryption"},
	{[]string{"vers"}, true, setVers, "dialect: 3.1.1 (3.11), 3.0.2 (3.02), 3.0, 2.1 or 2.0.2 (2.02, 2.0) exactly; 3: 3.0 or later; default: the rule's range"},
	{[]string{"keytab"}, true, func(o *mountOptions, _, val string) error { o.Keytab = val; return nil }, "Kerberos keytab for unattended mounts, with principal=; refused unless owned by the mounting user or root and mode 0600 or stricter"},
	{[]string{"principal"}, true, func(o *mountOptions, _, val string) error { o.Principal = val; return nil }, "Kerberos principal (user or user@REALM) whose key the keytab holds"},
	{[]string{"loglevel"}, true, func(o *mountOptions, _, val string) (err error) { o.LogLevel, err = parseLogLevel(val); return err }, "least severe log record: error, warning, info (default) or debug"},
	{[]string{"logfile"}, true, setLogFile, "absolute path the background daemon logs to instead of syslog (created mode 0600)"},
	{[]string{"seal"}, false, setFlag(func(o *mountOptions) { o.Seal = true }), "require encryption even where the rule does not"},
	{[]string{"port"}, true, setPort, "TCP port (default 445)"},
	{[]string{"timeout"}, true, setSeconds(1, 3600, " (seconds, 1 to 3600)", func(o *mountOptions, d time.Duration) { o.Timeout = d }), "seconds each request may take, 1 to 3600"},
	{[]string{"multiuser"}, false, setFlag(func(o *mountOptions) { o.Multiuser = true }), "root only, Kerberos only: each local user's requests run in their own SMB session from their own ticket cache (root's with the mount's credentials); implies allow_other"},
	{[]string{"cruid"}, true, setCRUID, "the user (uid or name) whose Kerberos ticket cache the mount uses, read by a process running as that user; root only"},
	{[]string{"echo_interval"}, true, setSeconds(1, 600, " (seconds, 1 to 600)", func(o *mountOptions, d time.Duration) { o.EchoInterval = d }), "seconds of silence before an ECHO checks the connection, 1 to 600"},

	// The file system.
	{[]string{"nobrl"}, false, setFlag(func(o *mountOptions) { o.LocalLocks = true }), "fcntl and flock locks stay local"}, // fcntl/flock stay in this kernel
	{[]string{"brl"}, false, setFlag(func(o *mountOptions) { o.LocalLocks = false }), "fcntl and flock locks reach the server (default)"},
	{[]string{"cachedreads"}, false, setFlag(func(o *mountOptions) { o.CachedReads = true }), "read-only opens keep the page cache"},
	{[]string{"allow_other"}, false, setFlag(func(o *mountOptions) { o.AllowOther = true }), "other local users may enter (root, or user_allow_other in /etc/fuse.conf)"}, // checked against fuse.conf in runMount
	{[]string{"uid"}, true, setID(func(o *mountOptions, id uint32) { o.UID = &id }), "owner of every file, a number or a user name (default the mounting user)"},
	{[]string{"gid"}, true, setID(func(o *mountOptions, id uint32) { o.GID = &id }), "group of every file, a number or a group name (default the mounting user's)"},
	{[]string{"file_mode"}, true, setMode(func(o *mountOptions, m os.FileMode) { o.FileMode = m }), "permission bits shown for files (octal)"},
	{[]string{"dir_mode"}, true, setMode(func(o *mountOptions, m os.FileMode) { o.DirMode = m }), "permission bits shown for directories (octal)"},
	{[]string{"noposix", "nounix", "nolinux"}, false, setFlag(func(o *mountOptions) { o.NoPOSIX = true }), "do not use the SMB3 POSIX extensions: modes and owners from the options, symlinks as Minshall-French files"},
	{[]string{"nohandlecache"}, false, setFlag(func(o *mountOptions) { o.NoDirLeases = true }), "no directory leases: listings are cached for actimeo only"},
	{[]string{"handlecache"}, false, setFlag(func(o *mountOptions) { o.NoDirLeases = false }), "directory leases where the server grants them (default)"},
	{[]string{"posix", "unix", "linux"}, false, setFlag(func(o *mountOptions) { o.NoPOSIX = false }), "use the SMB3 POSIX extensions where the server offers them (default): its modes, owners and symlinks"},
	{[]string{"ro"}, false, setFlag(func(o *mountOptions) { o.ReadOnly = true }), "read-only"},
	{[]string{"rw"}, false, setFlag(func(o *mountOptions) { o.ReadOnly = false }), "read-write (default)"},
	{[]string{"snapshot"}, true, func(o *mountOptions, _, val string) error {
		t, err := wire.ParseSnapshotTime(val)
		if err != nil {
			return usageErrorf("snapshot=%s: %v", val, err)
		}
		o.Snapshot, o.ReadOnly = t, true
		return nil
	}, "mount the share as it was at this previous version, read-only: @GMT-YYYY.MM.DD-HH.MM.SS (UTC) or a FILETIME (100 ns units since 1601)"},
	{[]string{"actimeo"}, true, setSeconds(0, 86400, " (seconds)", func(o *mountOptions, d time.Duration) { o.ACTimeo = &d }), "seconds attributes are cached (0: not at all)"},

	// Mount flags. Restrictions the kernel enforces are passed on, never
	// dropped; the ones that would lift them are refused.
	{[]string{"noexec", "nosuid", "nodev"}, false, func(o *mountOptions, key, _ string) error { o.Kernel = append(o.Kernel, key); return nil }, "passed to the kernel; the mount is always nosuid,nodev"},
	{[]string{"suid", "dev"}, false, func(_ *mountOptions, key, _ string) error {
		return usageErrorf("%s is not supported: smb3fs mounts are always nosuid,nodev", key)
	}, "refused: smb3fs mounts are always nosuid,nodev"},
	// Synchronous writes: the kernel's to enforce (it sends FSYNC after
	// each write), as on a local file system; set on root's mounts by
	// applyMountFlags. Directory changes are synchronous already (each
	// is a request the server completes before the call returns); a
	// remount cannot set dirsync, fs.Options.Kernel would at mount time.
	{[]string{"sync", "dirsync"}, false, func(o *mountOptions, key, _ string) error { o.Kernel = append(o.Kernel, key); return nil }, "mount flag for the kernel (sync: each write is flushed); dirsync is how directory changes always are"},
	{[]string{"async"}, false, nil, "the default"},
	{[]string{"remount"}, false, setFlag(func(o *mountOptions) { o.Remount = true }), "change the flags of a mounted share (ro/rw, noexec/exec, atime flags, sync/async); root only"},
	// Access times: set on the mount as on any file system when root
	// mounts (applyMountFlags, from the raw options); the times themselves
	// are the server's, the client never writes one for a read.
	{[]string{"noatime", "atime", "relatime", "norelatime", "strictatime", "nostrictatime", "nodiratime", "diratime", "lazytime", "nolazytime"}, false, nil, "atime flags: set on the mount when root mounts; the server keeps the times, reads never write one"},

	// mount.cifs options whose meaning smb3fs always has.
	{[]string{"mfsymlinks"}, false, nil, "accepted: symbolic links are always Minshall-French files"}, // symlinks are always Minshall-French files (fs/symlink.go)
	{[]string{"iocharset"}, true, func(_ *mountOptions, _, val string) error {
		if v := strings.ToLower(val); v == "utf8" || v == "utf-8" {
			return nil
		}
		return usageErrorf("iocharset=%s is not supported: smb3fs names are always UTF-8", val)
	}, "utf8 accepted (names are always UTF-8); any other charset is refused"},
	{[]string{"cache"}, true, func(_ *mountOptions, _, val string) error {
		if val == "strict" {
			return nil
		}
		return usageErrorf("cache=%s is not supported: smb3fs always caches as cache=strict does (leases; actimeo= sets how long attributes are cached)", val)
	}, "strict accepted (how smb3fs always caches, with leases); any other value is refused"},

	// macOS's mount(8) and automountd (docs/mounting.md, "macOS"): its
	// spellings, and the flags macFUSE takes as they are (fs/mount.go).
	{[]string{"rdonly"}, false, setFlag(func(o *mountOptions) { o.ReadOnly = true }), "macOS mount(8)'s spelling of ro"},
	{[]string{"nobrowse", "automounted"}, false, func(o *mountOptions, key, _ string) error { o.Kernel = append(o.Kernel, key); return nil }, "macOS: passed to macFUSE (nobrowse: Finder does not show the volume; automounted: autofs made it); ignored on Linux"},
	{[]string{"browse", "owners", "hidefromfinder"}, false, nil, "macOS: browse and owners are the default; hidefromfinder is autofs's own: accepted and ignored"},
	{[]string{"noowners", "quarantine", "union"}, false, refuseMacOS, "macOS flags refused: files always belong to uid= and gid=; no quarantine marks; no union mounts"},

	// For mount(8) and systemd, or the default; nothing for us. Bare
	// user, users, owner and group are fstab's too (fstabUserOptions).
	{[]string{"_netdev", "nofail", "noauto", "auto", "defaults", "nouser", "user_xattr", "comment"}, false, nil, "mount(8)'s, fstab's and systemd's, or the default: accepted and ignored"},
	// exec lifts the noexec that user or users imply, given before it.
	{[]string{"exec"}, false, setFlag(func(o *mountOptions) { o.userNoexec = false }), "lifts the noexec an earlier user or users implies; the default"},
}

// fstabUserOptions are fstab's options that let users mount, given
// without a value; "user=NAME" is mount.cifs's username=. user and users
// imply noexec, nosuid and nodev, as mount(8) says (apply).
var fstabUserOptions = map[string]bool{"user": true, "users": true, "owner": true, "group": true}

// mountOptionByName indexes mountOptionTable by every name.
var mountOptionByName = func() map[string]*mountOption {
	m := make(map[string]*mountOption)
	for i := range mountOptionTable {
		for _, name := range mountOptionTable[i].names {
			if m[name] != nil {
				panic("smb3fs: mount option " + name + " listed twice")
			}
			m[name] = &mountOptionTable[i]
		}
	}
	return m
}()

// setFlag makes the set function of an option that takes no value.
func setFlag(f func(o *mountOptions)) optionSetter {
	return func(o *mountOptions, _, _ string) error { f(o); return nil }
}

// refusePassword is password=: a password on the command line would be
// in argv and the shell's history for anyone to see.
func refusePassword(*mountOptions, string, string) error {
	return usageErrorf("passwords are not taken on the command line: use PASSWD, credentials= or the prompt")
}

// refuseMacOS refuses the macOS mount flags smb3fs cannot honour, with
// why.
func refuseMacOS(_ *mountOptions, key, _ string) error {
	why := map[string]string{
		"noowners":   "files belong to uid= and gid= (default the mounting user), and the kernel checks their modes",
		"quarantine": "smb3fs does not mark files with com.apple.quarantine",
		"union":      "union mounts are not supported",
	}[key]
	return usageErrorf("%s is not supported: %s", key, why)
}

// defaultSec is what a mount without sec= asks for: Kerberos.
var defaultSec = rules.Sec{Mechanism: auth.Kerberos}

// setSec is sec=, read by rules.ParseSec, the one translation of it: the
// mechanism, and the suffix's integrity (i) or privacy (p), which tighten
// the rule in Resolve.
func setSec(o *mountOptions, _, val string) error {
	sec, err := rules.ParseSec(val)
	if err != nil {
		return usageErrorf("sec=%s is not supported (krb5 or ntlmssp)", val)
	}
	o.Sec = sec
	return nil
}

// setVers is vers=. Any dialect parses; the hardening rule decides whether
// it is allowed (an option may only tighten the rule).
func setVers(o *mountOptions, _, val string) error {
	if val == "default" {
		return nil // the rule's range; an earlier vers= stays
	}
	exact, atLeast, err := parseVers(val)
	if err != nil {
		return usageErrorf("vers=%s: %v", val, err)
	}
	o.Vers, o.VersAtLeast = exact, atLeast
	return nil
}

// parseVers reads vers= as mount.cifs does: a dialect (3.1.1 or 3.11,
// 3.0.2 or 3.02, 3.0, 2.1, 2.0 or 2.02; wire.ParseVers) is exact; 3 is
// "3.0 or later" (atLeast), as cifs reads it; default is the rule's range
// (both nil). SMB1 (1.0) is refused.
func parseVers(val string) (exact, atLeast *wire.Dialect, err error) {
	switch val {
	case "default":
		return nil, nil, nil
	case "3":
		d := wire.Dialect300
		return nil, &d, nil
	case "1", "1.0":
		return nil, nil, fmt.Errorf("SMB1 is not supported (2.0.2 or later)")
	}
	d, err := wire.ParseVers(val)
	if err != nil {
		return nil, nil, err
	}
	return &d, nil, nil
}

// setLogFile is logfile=: an absolute path.
func setLogFile(o *mountOptions, _, val string) error {
	if !strings.HasPrefix(val, "/") {
		return usageErrorf("logfile=%s: want an absolute path", val)
	}
	o.LogFile = val
	return nil
}

// setPort is port=, 1 to 65535.
func setPort(o *mountOptions, _, val string) error {
	p, err := strconv.Atoi(val)
	if err != nil || p <= 0 || p > 65535 {
		return usageErrorf("bad port=%s", val)
	}
	o.Port = p
	return nil
}

// setSeconds makes the set function of an option that is a whole number of
// seconds from lo to hi; hint ends the message that refuses another.
func setSeconds(lo, hi uint64, hint string, set func(o *mountOptions, d time.Duration)) optionSetter {
	return func(o *mountOptions, key, val string) error {
		n, err := strconv.ParseUint(val, 10, 32)
		if err != nil || n < lo || n > hi {
			return usageErrorf("bad %s=%s%s", key, val, hint)
		}
		set(o, time.Duration(n)*time.Second)
		return nil
	}
}

// setID makes the set function of uid= or gid= (see lookupID).
func setID(set func(o *mountOptions, id uint32)) optionSetter {
	return func(o *mountOptions, key, val string) error {
		id, err := lookupID(key, val)
		if err != nil {
			return err
		}
		set(o, id)
		return nil
	}
}

// setCRUID is cruid=: a uid, or a user name.
func setCRUID(o *mountOptions, _, val string) error {
	id, err := lookupID("uid", val)
	if err != nil {
		return usageErrorf("bad cruid=%s (a uid or a user name)", val)
	}
	o.CRUID = &id
	return nil
}

// setMode makes the set function of file_mode= or dir_mode=: octal
// permission bits, 1 to 0777.
func setMode(set func(o *mountOptions, m os.FileMode)) optionSetter {
	return func(o *mountOptions, key, val string) error {
		m, err := strconv.ParseUint(val, 8, 32)
		if err != nil || m > 0777 || m == 0 {
			return usageErrorf("bad %s=%s (octal, 1 to 0777)", key, val)
		}
		set(o, os.FileMode(m))
		return nil
	}
}

// lookupID accepts a number, or a user (uid=) or group (gid=) name.
func lookupID(kind, val string) (uint32, error) {
	if n, err := strconv.ParseUint(val, 10, 32); err == nil {
		return uint32(n), nil
	}
	if strings.HasPrefix(val, "-") || strings.HasPrefix(val, "+") {
		return 0, usageErrorf("bad %s=%s", kind, val)
	}
	id := ""
	if kind == "uid" {
		if u, err := user.Lookup(val); err == nil {
			id = u.Uid
		}
	} else if g, err := user.LookupGroup(val); err == nil {
		id = g.Gid
	}
	if n, err := strconv.ParseUint(id, 10, 32); err == nil {
		return uint32(n), nil
	}
	return 0, usageErrorf("bad %s=%s (no such %s)", kind, val, map[string]string{"uid": "user", "gid": "group"}[kind])
}
