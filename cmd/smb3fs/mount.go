package main

// smb3fs mount / unmount, and mount.smb3fs (the mount(8) helper).
//
//	smb3fs mount //server/share DIR -o opts      (parent: checks, re-execs)
//	  └─ smb3fs mount ... --foreground --ready-fd=3   (child: setsid, serves)
//	       Dial ─► Connect ─► FUSE mount ─► "OK" on fd 3 ─► serve until
//	       unmounted or SIGTERM/SIGINT (then unmount and exit)
//	parent: reads fd 3 ─► "OK": exit 0 │ "ERR reason" or EOF: print, exit 1
//
// The mount command returns only when the file system is ready or has
// failed. Passwords never come from the command line: PASSWD, the
// credentials file, or a terminal prompt; the parent hands a password to
// the child on a pipe, never in argv or the environment, and the child
// never has PASSWD in its environment (see secrets.go). Both processes are
// non-dumpable (hardenProcess).

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"log/slog"
	"log/syslog"
	"os"
	"os/exec"
	"os/signal"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/pflag"
	"golang.org/x/sys/unix"

	"github.com/smb3fs/smb3fs/auth"
	"github.com/smb3fs/smb3fs/client"
	"github.com/smb3fs/smb3fs/client/rules"
	"github.com/smb3fs/smb3fs/client/wire"
	smbfs "github.com/smb3fs/smb3fs/fs"
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

// readCredentials reads a mount.cifs credentials file: username=,
// password=, domain= lines. A file other users can read is refused.
func (o *mountOptions) readCredentials(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("credentials file: %w", err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return fmt.Errorf("credentials file: %w", err)
	}
	if st.Mode().Perm()&0077 != 0 {
		return fmt.Errorf("credentials file %s is readable by others (mode %04o): refused; chmod 600 it", path, st.Mode().Perm())
	}
	// The password stays in bytes: the scanner reads into buf (its only
	// buffer: lines are limited to its size), which is wiped at the end,
	// and only the password's own copy is kept.
	buf := make([]byte, 64<<10)
	defer clear(buf)
	sc := bufio.NewScanner(f)
	sc.Buffer(buf, len(buf))
	line := 0
	for sc.Scan() {
		line++
		s := bytes.TrimSpace(sc.Bytes())
		if len(s) == 0 || s[0] == '#' {
			continue
		}
		k, v, ok := bytes.Cut(s, []byte("="))
		if !ok {
			return fmt.Errorf("credentials file %s:%d: expected key=value", path, line)
		}
		switch key := string(bytes.TrimSpace(k)); key {
		case "username", "user":
			o.Username = string(v)
		case "password", "pass":
			clear(o.Password)
			o.Password = bytes.Clone(v)
		case "domain", "dom":
			o.Domain = string(v)
		default:
			return fmt.Errorf("credentials file %s:%d: unknown key %q", path, line, k)
		}
	}
	return sc.Err()
}

// mountArgs is the parsed command line of smb3fs mount.
type mountArgs struct {
	server, share, dir string
	rawOpts            []string
	opts               *mountOptions
	foreground         bool
	readyFD            int
	passwordFD         int
	envPassword        []byte // PASSWD, taken out of the environment; nil if unset
	keytab, principal  string
	rulesPath          string
}

func parseMountArgs(args []string) (*mountArgs, error) {
	fl := pflag.NewFlagSet("mount", pflag.ContinueOnError)
	fl.SetOutput(io.Discard)
	o := fl.StringArrayP("options", "o", nil, "mount options (comma-separated)")
	fg := fl.Bool("foreground", false, "stay attached; serve until unmounted")
	keytab := fl.String("keytab", "", "Kerberos keytab for unattended mounts (with --principal)")
	principal := fl.String("principal", "", "Kerberos principal (user or user@REALM)")
	readyFD := fl.Int("ready-fd", 0, "internal: report readiness on this fd")
	passwordFD := fl.Int("password-fd", 0, "internal: read the password from this fd")
	rulesPath := fl.String("rules", rules.DefaultPath, "hardening rules file (root only; must be root-owned)")
	fl.MarkHidden("ready-fd")
	fl.MarkHidden("password-fd")
	if err := fl.Parse(args); err != nil {
		return nil, usageErrorf("%v", err)
	}
	if fl.NArg() != 2 {
		return nil, usageErrorf("want //server/share MOUNTPOINT")
	}
	server, share, err := parseUNC(fl.Arg(0))
	if err != nil {
		return nil, usageErrorf("%v", err)
	}
	opts, err := parseMountOptions(*o)
	if err != nil {
		return nil, err
	}
	if *keytab != "" && *principal == "" && opts.Username == "" {
		return nil, usageErrorf("--keytab needs --principal (or username=)")
	}
	if fl.Changed("rules") && os.Geteuid() != 0 {
		return nil, usageErrorf("--rules is for root only")
	}
	dir, err := filepath.Abs(fl.Arg(1))
	if err != nil {
		return nil, err
	}
	return &mountArgs{server: server, share: share, dir: dir, rawOpts: *o, opts: opts, foreground: *fg,
		readyFD: *readyFD, passwordFD: *passwordFD, keytab: *keytab, principal: *principal, rulesPath: *rulesPath}, nil
}

func mountUsage() {
	fmt.Fprintln(os.Stderr, "usage: smb3fs mount //server/share MOUNTPOINT [-o options] [--foreground] [--keytab FILE --principal NAME]")
}

// runMount is `smb3fs mount`.
func runMount(args []string) int {
	// Before any secret is read: no core files, no debugger.
	if err := hardenProcess(); err != nil {
		return mountFailed(nil, err)
	}
	envPW, _ := takeEnvPassword()
	ma, err := parseMountArgs(args)
	if err != nil {
		clear(envPW)
		return mountFailed(nil, err)
	}
	ma.envPassword = envPW
	if err := checkMountpoint(ma.dir); err != nil {
		return mountFailed(ma, err)
	}
	if err := checkAllowOther(ma.opts, os.Geteuid(), fuseConfPath); err != nil {
		return mountFailed(ma, err)
	}
	if ma.foreground {
		return serve(ma)
	}
	return spawn(ma, args)
}

// refusal is a connection the security policy refused; it prints as
// "smb3fs: refused //server/share: rule R: why".
type refusal struct{ msg string }

func (r *refusal) Error() string { return r.msg }

// mountFailed prints one line and returns the exit status.
func mountFailed(ma *mountArgs, err error) int {
	var rf *refusal
	if errors.As(err, &rf) {
		fmt.Fprintf(os.Stderr, "smb3fs: %s\n", rf.msg)
		return 1
	}
	where := ""
	if ma != nil {
		where = fmt.Sprintf(" //%s/%s on %s", ma.server, ma.share, ma.dir)
	}
	if errors.Is(err, errUsage) {
		msg := strings.TrimPrefix(err.Error(), "usage: ")
		fmt.Fprintf(os.Stderr, "smb3fs: mount%s: %s\n", where, msg)
		if strings.HasPrefix(msg, "want ") {
			mountUsage()
		}
		return 2
	}
	fmt.Fprintf(os.Stderr, "smb3fs: mount%s: %v\n", where, err)
	return 1
}

func checkMountpoint(dir string) error {
	st, err := os.Stat(dir)
	if err != nil {
		return fmt.Errorf("mount point: %w", err)
	}
	if !st.IsDir() {
		return fmt.Errorf("mount point %s is not a directory", dir)
	}
	if m, _ := isMounted(dir); m {
		return fmt.Errorf("%s is already a mount point", dir)
	}
	return nil
}

// password returns the password for NTLM: the credentials file, a pipe
// from the parent, PASSWD, or the terminal. The caller owns (and wipes)
// the slice returned; ma keeps no reference to it.
func (ma *mountArgs) password() ([]byte, error) {
	if ma.opts.Password != nil {
		pw := ma.opts.Password
		ma.opts.Password = nil
		return pw, nil
	}
	if ma.passwordFD > 0 {
		f := os.NewFile(uintptr(ma.passwordFD), "password")
		defer f.Close()
		b, err := readSecret(f, false)
		if err != nil {
			return nil, fmt.Errorf("reading password: %w", err)
		}
		return b, nil
	}
	if ma.envPassword != nil {
		pw := ma.envPassword
		ma.envPassword = nil
		return pw, nil
	}
	return promptPassword(fmt.Sprintf("Password for %s@//%s/%s: ", ma.opts.Username, ma.server, ma.share))
}

// promptPassword reads a line from the terminal with echo off.
func promptPassword(prompt string) ([]byte, error) {
	tty, err := os.OpenFile("/dev/tty", os.O_RDWR, 0)
	if err != nil {
		return nil, errors.New("no password: set PASSWD, use credentials=, or run on a terminal")
	}
	defer tty.Close()
	fd := int(tty.Fd())
	old, err := unix.IoctlGetTermios(fd, ioctlGetTermios)
	if err != nil {
		return nil, fmt.Errorf("terminal: %w", err)
	}
	noecho := *old
	noecho.Lflag &^= unix.ECHO
	noecho.Lflag |= unix.ICANON | unix.ISIG
	if err := unix.IoctlSetTermios(fd, ioctlSetTermios, &noecho); err != nil {
		return nil, fmt.Errorf("terminal: %w", err)
	}
	defer unix.IoctlSetTermios(fd, ioctlSetTermios, old)
	fmt.Fprint(tty, prompt)
	pw, err := readSecret(tty, true)
	fmt.Fprintln(tty)
	if err != nil {
		return nil, fmt.Errorf("reading password: %w", err)
	}
	return pw, nil
}

// mechanismFactory returns a function that builds a fresh mechanism for
// each authentication (the first, and every reconnect or expired session),
// and a function that wipes what the factory holds. Kerberos re-reads the
// credential cache or logs in again from the keytab each time, so renewed
// tickets are used. An NTLM password is asked for once and kept for the
// mount's life, as mount.cifs does, because a reconnect needs it: one
// copy in a heldPassword, wiped by the returned function (serve calls it
// when it returns, after closing the client); each mechanism gets its own
// copy, which the client wipes (Mechanism.Zero) after SESSION_SETUP.
//
// The policy decides whether NTLM may be used at all: unless root's rule
// for this share allows NTLM and waives mutual authentication, Resolve (or
// Dial, before anything is sent) refuses it.
func (ma *mountArgs) mechanismFactory() (newMech func() (auth.Mechanism, error), wipe func(), err error) {
	if ma.opts.Sec != "ntlmssp" {
		clear(ma.envPassword) // only NTLM uses it
		ma.envPassword = nil
		return ma.mechanism, func() {}, nil
	}
	pw, err := ma.password()
	if err != nil {
		return nil, nil, err
	}
	held := holdPassword(pw)
	spn := "cifs/" + ma.server
	return func() (auth.Mechanism, error) {
		pw, err := held.copy()
		if err != nil {
			return nil, err
		}
		creds := auth.NTLMCredentials{User: ma.opts.Username, Domain: ma.opts.Domain, Password: pw}
		return auth.NewNTLMv2(creds, spn), nil
	}, held.wipe, nil
}

// mechanism builds the Kerberos mechanism the options ask for.
func (ma *mountArgs) mechanism() (auth.Mechanism, error) {
	spn := "cifs/" + ma.server
	creds := auth.KerberosCredentials{Keytab: ma.keytab, Principal: ma.principal}
	if ma.keytab != "" && creds.Principal == "" {
		creds.Principal = ma.opts.Username
	}
	return auth.NewKerberos(creds, spn)
}

// serve mounts and serves in this process until the file system is
// unmounted or a signal asks for it.
func serve(ma *mountArgs) int {
	defer startProfiles()() // SMB3FS_CPUPROFILE, SMB3FS_MEMPROFILE: see profile.go
	ready := func(err error) {}
	if ma.readyFD > 0 {
		f := os.NewFile(uintptr(ma.readyFD), "ready")
		ready = func(err error) {
			if err == nil {
				fmt.Fprintln(f, "OK")
			} else {
				fmt.Fprintln(f, "ERR "+strings.ReplaceAll(err.Error(), "\n", " "))
			}
			f.Close()
		}
		if w, err := syslog.New(syslog.LOG_DAEMON|syslog.LOG_WARNING, "smb3fs"); err == nil {
			log.SetOutput(w)
			log.SetFlags(0)
			auditLog = slog.New(slog.NewTextHandler(w, nil))
		}
	}
	fail := func(err error) int {
		ready(err)
		return mountFailed(ma, err)
	}
	rs, err := rules.Load(ma.rulesPath)
	if err != nil {
		return fail(err)
	}
	req := rules.Request{Sec: ma.opts.Sec}
	if ma.opts.Seal {
		req.RequirePrivacy = &ma.opts.Seal
	}
	if ma.opts.Vers != nil {
		req.MinDialect, req.MaxDialect = ma.opts.Vers, ma.opts.Vers
	}
	policy, match, err := rs.Resolve(ma.server, ma.share, req)
	refuse := func(err error) int {
		auditRefused(ma.server, ma.share, match, err)
		return fail(&refusal{fmt.Sprintf("refused //%s/%s: rule %s: %v", ma.server, ma.share, match, err)})
	}
	if err != nil {
		return refuse(err)
	}
	refuseOrFail := func(err error) int {
		if isRefusal(err) {
			return refuse(err)
		}
		return fail(err)
	}
	newMech, wipe, err := ma.mechanismFactory()
	if err != nil {
		return fail(err)
	}
	defer wipe() // after cl.Close (deferred below): no reconnect needs it then
	mech, err := newMech()
	if err != nil {
		return fail(err)
	}
	addr := ""
	if ma.opts.Port != 0 {
		addr = fmt.Sprintf("%s:%d", ma.server, ma.opts.Port)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*client.DefaultTimeout)
	defer cancel()
	cl, err := client.Dial(ctx, client.Options{Server: ma.server, Address: addr, Policy: policy, Mechanism: mech,
		NewMechanism: newMech, Timeout: ma.opts.Timeout, EchoInterval: ma.opts.EchoInterval,
		OnEvent: func(e client.Event) { auditReconnect(ma.server, ma.share, match, e) }})
	if err != nil {
		return refuseOrFail(err)
	}
	defer cl.Close()
	tree, err := cl.Connect(ctx, ma.share)
	if err != nil {
		return refuseOrFail(err)
	}
	auditEstablished(ma.server, ma.share, cl.Info(), auth.Principal(mech), tree.Encrypted(), match)
	fo := smbfs.Options{
		FileMode:    ma.opts.FileMode,
		DirMode:     ma.opts.DirMode,
		ReadOnly:    ma.opts.ReadOnly,
		FsName:      "//" + ma.server + "/" + ma.share,
		Kernel:      ma.opts.Kernel,
		LocalLocks:  ma.opts.LocalLocks,
		AllowOther:  ma.opts.AllowOther,
		CachedReads: ma.opts.CachedReads,
	}
	fo.UID, fo.GID = uint32(os.Getuid()), uint32(os.Getgid())
	if ma.opts.UID != nil {
		fo.UID = *ma.opts.UID
	}
	if ma.opts.GID != nil {
		fo.GID = *ma.opts.GID
	}
	if ma.opts.ACTimeo != nil {
		fo.Timeout = *ma.opts.ACTimeo
		fo.NoCache = *ma.opts.ACTimeo == 0
	}
	// Signals are caught from before the mount appears: a SIGTERM sent as
	// soon as it is visible unmounts it instead of killing the process.
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGTERM, syscall.SIGINT, syscall.SIGHUP)
	srv, err := mountFS(ma.dir, tree, fo)
	if err != nil {
		return fail(err)
	}
	go func() {
		for range sig {
			for i := 0; i < 10; i++ {
				if err := srv.Unmount(); err == nil {
					return
				} else if i == 9 {
					log.Printf("smb3fs: unmount %s: %v", ma.dir, err)
				}
				time.Sleep(500 * time.Millisecond)
			}
		}
	}()
	ready(nil)
	srv.Wait()
	dctx, dcancel := context.WithTimeout(context.Background(), 5*time.Second)
	tree.Disconnect(dctx)
	dcancel()
	return 0
}

// spawn re-executes smb3fs in the background with --foreground and waits
// for it to report the mount ready or failed.
func spawn(ma *mountArgs, args []string) int {
	exe, err := os.Executable()
	if err != nil {
		return mountFailed(ma, err)
	}
	pr, pw, err := os.Pipe()
	if err != nil {
		return mountFailed(ma, err)
	}
	childArgs := append([]string{"smb3fs", "mount"}, args...)
	childArgs = append(childArgs, "--foreground", "--ready-fd=3")
	extra := []*os.File{pw}
	// The child gets the password (from PASSWD or the terminal) on a
	// pipe; one from a credentials file it reads itself. This process
	// keeps none of it.
	defer clear(ma.envPassword)
	clear(ma.opts.Password)
	if ma.opts.Sec == "ntlmssp" && ma.opts.Password == nil {
		pass := ma.envPassword
		if pass == nil {
			if pass, err = promptPassword(fmt.Sprintf("Password for %s@//%s/%s: ", ma.opts.Username, ma.server, ma.share)); err != nil {
				return mountFailed(ma, err)
			}
		}
		if len(pass) > maxPassword {
			clear(pass)
			return mountFailed(ma, fmt.Errorf("the password is longer than %d bytes", maxPassword))
		}
		ppr, ppw, err := os.Pipe()
		if err != nil {
			clear(pass)
			return mountFailed(ma, err)
		}
		// At most maxPassword bytes: the pipe's buffer holds them all, so
		// this does not wait for the child.
		_, err = ppw.Write(pass)
		ppw.Close()
		clear(pass)
		if err != nil {
			ppr.Close()
			return mountFailed(ma, fmt.Errorf("password pipe: %w", err))
		}
		defer ppr.Close()
		extra = append(extra, ppr)
		childArgs = append(childArgs, "--password-fd=4")
	}
	null, err := os.OpenFile(os.DevNull, os.O_RDWR, 0)
	if err != nil {
		return mountFailed(ma, err)
	}
	defer null.Close()
	cmd := &exec.Cmd{
		Path:        exe,
		Args:        childArgs,
		Stdin:       null,
		Stdout:      null,
		Stderr:      null,
		ExtraFiles:  extra,
		Env:         environWithout("PASSWD"),
		SysProcAttr: &syscall.SysProcAttr{Setsid: true},
	}
	if err := cmd.Start(); err != nil {
		return mountFailed(ma, err)
	}
	pw.Close()
	line, _ := bufio.NewReader(pr).ReadString('\n')
	pr.Close()
	line = strings.TrimSpace(line)
	switch {
	case line == "OK":
		cmd.Process.Release()
		return 0
	case strings.HasPrefix(line, "ERR refused "):
		cmd.Wait()
		fmt.Fprintf(os.Stderr, "smb3fs: %s\n", strings.TrimPrefix(line, "ERR "))
		return 1
	case strings.HasPrefix(line, "ERR "):
		cmd.Wait()
		fmt.Fprintf(os.Stderr, "smb3fs: mount //%s/%s on %s: %s\n", ma.server, ma.share, ma.dir, strings.TrimPrefix(line, "ERR "))
		return 1
	}
	err = cmd.Wait()
	return mountFailed(ma, fmt.Errorf("mount process ended without reporting (%v)", err))
}

// runUnmount is `smb3fs unmount MOUNTPOINT`.
func runUnmount(args []string) int {
	fl := pflag.NewFlagSet("unmount", pflag.ContinueOnError)
	lazy := fl.BoolP("lazy", "l", false, "detach now, clean up when no longer busy")
	if err := fl.Parse(args); err != nil || fl.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: smb3fs unmount [--lazy] MOUNTPOINT")
		return 2
	}
	dir, err := filepath.Abs(fl.Arg(0))
	if err != nil {
		fmt.Fprintf(os.Stderr, "smb3fs: unmount: %v\n", err)
		return 1
	}
	m, err := isMounted(dir)
	if err != nil {
		fmt.Fprintf(os.Stderr, "smb3fs: unmount %s: %v\n", dir, err)
		return 1
	}
	if !m {
		fmt.Fprintf(os.Stderr, "smb3fs: unmount %s: not an smb3fs mount point\n", dir)
		return 1
	}
	if err := unmount(dir, *lazy); err != nil {
		fmt.Fprintf(os.Stderr, "smb3fs: unmount %s: %v\n", dir, err)
		return 1
	}
	return 0
}

// unmount detaches dir: umount2 when we may, else fusermount3 -u.
func unmount(dir string, lazy bool) error {
	flags := 0
	if lazy {
		flags = lazyUnmountFlag
	}
	err := unix.Unmount(dir, flags)
	if err == nil || !errors.Is(err, unix.EPERM) {
		return err
	}
	for _, prog := range []string{"fusermount3", "fusermount"} {
		path, lerr := exec.LookPath(prog)
		if lerr != nil {
			continue
		}
		a := []string{"-u"}
		if lazy {
			a = append(a, "-z")
		}
		out, err := exec.Command(path, append(a, dir)...).CombinedOutput()
		if err != nil {
			return fmt.Errorf("%s: %v: %s", prog, err, strings.TrimSpace(string(out)))
		}
		return nil
	}
	return err
}

// isMounted reports whether dir is a mount point of an smb3fs file system,
// from /proc/self/mountinfo.
func isMounted(dir string) (bool, error) {
	data, err := os.ReadFile("/proc/self/mountinfo")
	if err != nil {
		return false, err
	}
	for _, line := range strings.Split(string(data), "\n") {
		// id parent major:minor root mountpoint opts ... - fstype source superopts
		f := strings.Fields(line)
		if len(f) < 5 {
			continue
		}
		if unescapeMountinfo(f[4]) != dir {
			continue
		}
		for i, x := range f {
			if x == "-" && i+1 < len(f) {
				return f[i+1] == "fuse.smb3fs" || f[i+1] == "fuse", nil
			}
		}
	}
	return false, nil
}

// unescapeMountinfo undoes the octal escapes (\040 for space) of mountinfo.
func unescapeMountinfo(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+3 < len(s) {
			if n, err := strconv.ParseUint(s[i+1:i+4], 8, 8); err == nil {
				b.WriteByte(byte(n))
				i += 3
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// runMountHelper is mount.smb3fs SOURCE DIR [-sfnv] [-o options], as
// mount(8) calls it.
func runMountHelper(args []string) int {
	var pos, opts []string
	fake := false
	for i := 1; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "-o" && i+1 < len(args):
			opts = append(opts, args[i+1])
			i++
		case strings.HasPrefix(a, "-o"):
			opts = append(opts, a[2:])
		case a == "-f":
			fake = true
		case a == "-s" || a == "-n" || a == "-v":
		case strings.HasPrefix(a, "-"):
			fmt.Fprintf(os.Stderr, "mount.smb3fs: unknown flag %s\n", a)
			return 2
		default:
			pos = append(pos, a)
		}
	}
	if len(pos) != 2 {
		fmt.Fprintln(os.Stderr, "usage: mount.smb3fs //server/share MOUNTPOINT [-o options]")
		return 2
	}
	margs := []string{pos[0], pos[1]}
	for _, o := range opts {
		margs = append(margs, "-o", o)
	}
	if fake {
		if _, err := parseMountArgs(margs); err != nil {
			return mountFailed(nil, err)
		}
		return 0
	}
	return runMount(margs)
}
