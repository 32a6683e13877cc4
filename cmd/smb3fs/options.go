package main

// The -o list of smb3fs mount and mount.smb3fs: mount.cifs-style options
// (comma-separated key=value or flags), parsed into mountOptions. What the
// options mean to the connection is decided later: the hardening rules
// (client/rules) may only be tightened by them, never loosened.

import (
	"errors"
	"fmt"
	"os"
	"os/user"
	"strconv"
	"strings"
	"time"

	"github.com/smb3fs/smb3fs/client/wire"
)

// mountOptions is the parsed -o list.
type mountOptions struct {
	Username, Domain string
	Password         []byte // from the credentials file
	Sec              string // "krb5" or "ntlmssp"
	Seal             bool   // seal: require encryption even where the rule does not
	LocalLocks       bool   // nobrl: fcntl/flock locks stay local
	CachedReads      bool   // cachedreads: read-only files through the page cache
	AllowOther       bool   // allow_other: other local users may enter (fusermount.go)
	Vers             *wire.Dialect

	Port     int
	UID, GID *uint32
	FileMode os.FileMode
	DirMode  os.FileMode
	ReadOnly bool
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
}

// errUsage marks errors in what the user typed (exit status 2).
var errUsage = errors.New("usage")

func usageErrorf(format string, a ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{errUsage}, a...)...)
}

// parseMountOptions parses mount.cifs-style options: comma-separated
// key=value or flags. Unknown options are errors.
func parseMountOptions(list []string) (*mountOptions, error) {
	o := &mountOptions{Sec: "krb5"}
	for _, s := range list {
		for _, opt := range strings.Split(s, ",") {
			if opt == "" {
				continue
			}
			key, val, hasVal := strings.Cut(opt, "=")
			need := func() error {
				if !hasVal || val == "" {
					return usageErrorf("option %s needs a value", key)
				}
				return nil
			}
			var err error
			switch key {
			case "username", "user":
				if err = need(); err == nil {
					o.Username = val
				}
			case "domain", "dom", "workgroup":
				if err = need(); err == nil {
					o.Domain = val
				}
			case "password", "pass", "password2":
				err = usageErrorf("passwords are not taken on the command line: use PASSWD, credentials= or the prompt")
			case "credentials", "cred":
				if err = need(); err == nil {
					err = o.readCredentials(val)
				}
			case "sec":
				if err = need(); err != nil {
					break
				}
				switch val {
				case "krb5", "krb5i", "krb5p":
					o.Sec = "krb5" // always signed and sealed
				case "ntlmssp", "ntlmsspi", "ntlmv2", "ntlmv2i":
					o.Sec = "ntlmssp"
				default:
					err = usageErrorf("sec=%s is not supported (krb5 or ntlmssp)", val)
				}
			case "vers":
				// Any dialect parses; the hardening rule decides whether
				// it is allowed (an option may only tighten the rule).
				if err = need(); err != nil || val == "default" {
					break
				}
				if val == "3.11" {
					val = "3.1.1"
				}
				d, derr := parseDialect(val)
				if derr != nil {
					err = usageErrorf("vers=%s: %v", val, derr)
					break
				}
				o.Vers = &d
			case "seal":
				o.Seal = true
			case "nobrl":
				o.LocalLocks = true // fcntl/flock stay in this kernel
			case "cachedreads":
				o.CachedReads = true // read-only opens keep the page cache
			case "allow_other":
				o.AllowOther = true // checked against fuse.conf in runMount
			case "brl":
				o.LocalLocks = false
			case "port":
				if err = need(); err == nil {
					p, perr := strconv.Atoi(val)
					if perr != nil || p <= 0 || p > 65535 {
						err = usageErrorf("bad port=%s", val)
					}
					o.Port = p
				}
			case "uid", "gid":
				if err = need(); err != nil {
					break
				}
				id, perr := lookupID(key, val)
				if perr != nil {
					err = perr
					break
				}
				if key == "uid" {
					o.UID = &id
				} else {
					o.GID = &id
				}
			case "file_mode", "dir_mode":
				if err = need(); err != nil {
					break
				}
				m, perr := strconv.ParseUint(val, 8, 32)
				if perr != nil || m > 0777 || m == 0 {
					err = usageErrorf("bad %s=%s (octal, 1 to 0777)", key, val)
					break
				}
				if key == "file_mode" {
					o.FileMode = os.FileMode(m)
				} else {
					o.DirMode = os.FileMode(m)
				}
			case "ro":
				o.ReadOnly = true
			case "rw":
				o.ReadOnly = false
			case "actimeo":
				if err = need(); err != nil {
					break
				}
				n, perr := strconv.ParseUint(val, 10, 32)
				if perr != nil || n > 86400 {
					err = usageErrorf("bad actimeo=%s (seconds)", val)
					break
				}
				d := time.Duration(n) * time.Second
				o.ACTimeo = &d
			case "timeout":
				if err = need(); err != nil {
					break
				}
				n, perr := strconv.ParseUint(val, 10, 32)
				if perr != nil || n < 1 || n > 3600 {
					err = usageErrorf("bad timeout=%s (seconds, 1 to 3600)", val)
					break
				}
				o.Timeout = time.Duration(n) * time.Second
			case "echo_interval":
				if err = need(); err != nil {
					break
				}
				n, perr := strconv.ParseUint(val, 10, 32)
				if perr != nil || n < 1 || n > 600 {
					err = usageErrorf("bad echo_interval=%s (seconds, 1 to 600)", val)
					break
				}
				o.EchoInterval = time.Duration(n) * time.Second
			case "noexec", "nosuid", "nodev":
				// Restrictions the kernel enforces: passed on, never dropped.
				o.Kernel = append(o.Kernel, key)
			case "suid", "dev":
				err = usageErrorf("%s is not supported: smb3fs mounts are always nosuid,nodev", key)
			case "_netdev", "nofail", "noauto", "auto", "defaults", "nouser", "user_xattr", "exec", "relatime", "noatime":
				// For mount(8) and systemd, or the default; nothing for us.
			default:
				if strings.HasPrefix(key, "x-systemd.") || strings.HasPrefix(key, "x-") {
					break
				}
				err = usageErrorf("unknown mount option %q", key)
			}
			if err != nil {
				return nil, err
			}
		}
	}
	return o, nil
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
