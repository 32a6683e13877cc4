package main

// smb3fs mount / unmount, and mount.smb3fs (the mount(8) helper).
//
//	smb3fs mount //server/share DIR -o opts      (parent: checks, re-execs)
//	  └─ smb3fs mount ... --foreground --ready-fd=3   (child: setsid, serves)
//	       Dial ─► Connect ─► FUSE mount ─► "OK" on fd 3 ─► serve until
//	       unmounted or SIGTERM/SIGINT (then unmount and exit)
//	parent: reads fd 3 ─► "OK": exit 0 │ "ERR status reason": print, exit
//	        status │ EOF: exit 4 │ SIGINT/SIGTERM: stop the child, exit 8
//
// Exit statuses are mount(8)'s (exit.go, docs/cli.md); SOURCE is parsed in
// source.go, logging set up in log.go.
// The mount command returns only when the file system is ready or has
// failed. Passwords never come from the command line: PASSWD, the
// credentials file, or a terminal prompt; the parent hands a password to
// the child on a pipe, never in argv or the environment, and the child
// never has PASSWD in its environment (see secrets.go). Both processes are
// non-dumpable (hardenProcess).
//
// Options are parsed in options.go, credentials chosen in credentials.go,
// the daemon (spawn and serve) runs in daemon.go, and unmounting is in
// unmount.go.

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/pflag"

	"github.com/smb3fs/smb3fs/client/rules"
)

// mountArgs is the parsed command line of smb3fs mount.
type mountArgs struct {
	server, share, dir string
	// prefix is the directory inside the share that is mounted
	// (//server/share/dir/sub: dir\sub), "" for the whole share.
	prefix            string
	rawOpts           []string
	opts              *mountOptions
	foreground        bool
	readyFD           int
	passwordFD        int
	envPassword       []byte // PASSWD, taken out of the environment; nil if unset
	keytab, principal string
	rulesPath         string
}

// mountFlagValues are the flags of smb3fs mount, bound to a FlagSet.
type mountFlagValues struct {
	o                                   *[]string
	fg                                  *bool
	keytab, principal, rulesPath, level *string
	readyFD, passwordFD                 *int
}

// newMountFlags returns the FlagSet of smb3fs mount and the values it fills.
func newMountFlags() (*pflag.FlagSet, *mountFlagValues) {
	fl := pflag.NewFlagSet("mount", pflag.ContinueOnError)
	v := &mountFlagValues{
		o:          fl.StringArrayP("options", "o", nil, "mount options, comma-separated (see docs/cli.md)"),
		fg:         fl.Bool("foreground", false, "stay attached, log to standard error; serve until unmounted"),
		keytab:     fl.String("keytab", "", "Kerberos keytab for unattended mounts (with --principal)"),
		principal:  fl.String("principal", "", "Kerberos principal (user or user@REALM)"),
		rulesPath:  fl.String("rules", rules.DefaultPath, "hardening rules file (root only; must be root-owned)"),
		level:      fl.String("log-level", "", "error, warning, info (default) or debug; as -o loglevel="),
		readyFD:    fl.Int("ready-fd", 0, "internal: report readiness on this fd"),
		passwordFD: fl.Int("password-fd", 0, "internal: read the password from this fd"),
	}
	fl.MarkHidden("ready-fd")
	fl.MarkHidden("password-fd")
	return fl, v
}

// mountUsage is the help of smb3fs mount.
var mountUsage = usageText{
	synopsis: "smb3fs mount [flags] //server/share MOUNTPOINT [-o options]",
	about: `Mount a share and return once it is ready (or has failed). SOURCE may also be
smb://server/share, and server an IPv6 literal in brackets (//[::1]/share).
Options are mount.cifs's (-o vers=3.1.1,sec=krb5,uid=1000,...): see docs/cli.md.
Exit status (mount(8)): 0 mounted; 1 incorrect invocation or permissions;
2 system error; 4 internal error; 8 interrupted; 32 mount failure (server
unreachable or not SMB, refused by the hardening rules, authentication failed,
no such share or mount point).`,
}

// parseMountArgs parses the command line of smb3fs mount. --help gives
// pflag.ErrHelp; every other error is errUsage.
func parseMountArgs(args []string) (*mountArgs, error) {
	fl, v := newMountFlags()
	fl.SetOutput(io.Discard)
	fl.Usage = func() {}
	if err := fl.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			return nil, err
		}
		return nil, usageErrorf("%v", err)
	}
	if fl.NArg() != 2 {
		return nil, usageErrorf("want //server/share MOUNTPOINT")
	}
	src, err := parseSource(fl.Arg(0))
	if err != nil {
		return nil, usageErrorf("%v", strings.TrimPrefix(err.Error(), "usage: "))
	}
	prefix, err := sharePath(src.path)
	if err != nil {
		return nil, usageErrorf("%s: %v", fl.Arg(0), err)
	}
	opts, err := parseMountOptions(append(src.options(), *v.o...))
	if err != nil {
		return nil, err
	}
	if *v.level != "" {
		if opts.LogLevel, err = parseLogLevel(*v.level); err != nil {
			return nil, err
		}
	}
	// --keytab and --principal are keytab= and principal=, given last.
	if *v.keytab != "" {
		opts.Keytab = *v.keytab
	}
	if *v.principal != "" {
		opts.Principal = *v.principal
	}
	if opts.Keytab != "" && opts.Principal == "" && opts.Username == "" {
		return nil, usageErrorf("keytab %s needs a principal: add principal=NAME (or --principal NAME)", opts.Keytab)
	}
	*v.keytab, *v.principal = opts.Keytab, opts.Principal // what mountArgs keeps
	if fl.Changed("rules") && os.Geteuid() != 0 {
		return nil, usageErrorf("--rules is for root only")
	}
	if err := checkUserOptions(opts, *v.keytab, os.Geteuid()); err != nil {
		return nil, err
	}
	dir, err := filepath.Abs(fl.Arg(1))
	if err != nil {
		return nil, err
	}
	return &mountArgs{server: src.server, share: src.share, prefix: prefix, dir: dir, rawOpts: *v.o, opts: opts, foreground: *v.fg,
		readyFD: *v.readyFD, passwordFD: *v.passwordFD, keytab: *v.keytab, principal: *v.principal, rulesPath: *v.rulesPath}, nil
}

// runMount is `smb3fs mount`.
func runMount(args []string) int {
	// Before any secret is read: no core files, no debugger.
	if err := hardenProcess(); err != nil {
		return mountFailed(nil, systemError(err))
	}
	envPW, _ := takeEnvPassword()
	ma, err := parseMountArgs(args)
	if errors.Is(err, pflag.ErrHelp) {
		clear(envPW)
		fl, _ := newMountFlags()
		mountUsage.print(os.Stdout, fl)
		return exitOK
	}
	if err != nil {
		clear(envPW)
		return mountFailed(nil, err)
	}
	ma.envPassword = envPW
	if ma.opts.Remount {
		clear(envPW)
		if m, _ := isMounted(ma.dir); !m {
			return mountFailed(ma, fmt.Errorf("remount: %s is not an smb3fs mount point", ma.dir))
		}
		if err := remount(ma.dir, ma.opts, ma.rawOpts); err != nil {
			return mountFailed(ma, err)
		}
		return exitOK
	}
	if err := checkMountpoint(ma.dir); err != nil {
		return mountFailed(ma, err)
	}
	if err := checkAllowOther(ma.opts, os.Geteuid(), fuseConfPath); err != nil {
		return mountFailed(ma, err)
	}
	if err := ma.checkKeytab(); err != nil {
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

// mountFailed prints one line (and the help, for a usage error) and
// returns the exit status (exitStatus).
func mountFailed(ma *mountArgs, err error) int {
	var rf *refusal
	if errors.As(err, &rf) {
		fmt.Fprintf(os.Stderr, "smb3fs: %s\n", rf.msg)
		return exitFailure
	}
	where := ""
	if ma != nil {
		where = fmt.Sprintf(" %s on %s", uncName(ma.server, ma.share), ma.dir)
	}
	if errors.Is(err, errUsage) {
		msg := strings.TrimPrefix(err.Error(), "usage: ")
		fmt.Fprintf(os.Stderr, "smb3fs: mount%s: %s\n", where, msg)
		if ma == nil {
			fl, _ := newMountFlags()
			mountUsage.print(os.Stderr, fl)
		}
		return exitUsage
	}
	fmt.Fprintf(os.Stderr, "smb3fs: mount%s: %v\n", where, err)
	return exitStatus(err)
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

// helperUsage is the help of mount.smb3fs.
var helperUsage = usageText{
	synopsis: "mount.smb3fs //server/share MOUNTPOINT [-sfnvhV] [-o options]",
	about: `The mount(8) helper: mount -t smb3fs //server/share DIR -o options runs it.
It takes smb3fs mount's options (see docs/cli.md and smb3fs mount --help).
  -o OPTIONS  mount options, comma-separated (may be repeated)
  -f          fake: check the command line and options, mount nothing
  -s -n -v    accepted and ignored (sloppy, no mtab, verbose)
  -t TYPE     accepted and ignored
  -h, --help  this help
  -V          print the version
Exit status (mount(8)): 0 mounted; 1 incorrect invocation or permissions;
2 system error; 4 internal error; 8 interrupted; 32 mount failure.`,
}

// runMountHelper is mount.smb3fs SOURCE DIR [-sfnv] [-o options], as
// mount(8) calls it.
func runMountHelper(args []string) int {
	var pos, opts []string
	fake := false
	for i := 1; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "-h" || a == "--help":
			helperUsage.print(os.Stdout, nil)
			return exitOK
		case a == "-V" || a == "--version":
			printVersion()
			return exitOK
		case (a == "-o" || a == "-t") && i+1 < len(args):
			if a == "-o" {
				opts = append(opts, args[i+1])
			}
			i++
		case strings.HasPrefix(a, "-o"):
			opts = append(opts, a[2:])
		case strings.HasPrefix(a, "-t"):
		case a == "-f":
			fake = true
		case a == "-s" || a == "-n" || a == "-v":
		case strings.HasPrefix(a, "-") && a != "-":
			fmt.Fprintf(os.Stderr, "mount.smb3fs: unknown flag %s\n", a)
			helperUsage.print(os.Stderr, nil)
			return exitUsage
		default:
			pos = append(pos, a)
		}
	}
	if len(pos) != 2 {
		fmt.Fprintln(os.Stderr, "mount.smb3fs: want //server/share MOUNTPOINT")
		helperUsage.print(os.Stderr, nil)
		return exitUsage
	}
	margs := []string{pos[0], pos[1]}
	for _, o := range opts {
		margs = append(margs, "-o", o)
	}
	if fake {
		if _, err := parseMountArgs(margs); err != nil {
			return mountFailed(nil, err)
		}
		return exitOK
	}
	return runMount(margs)
}
