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
