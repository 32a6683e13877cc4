package main

// Exit statuses, the ones mount(8) documents for its helpers, used by every
// command (docs/cli.md lists which command returns which). mount(8) and
// systemd read them from mount.smb3fs; smb3fs mount, check and unmount use
// the same numbers so that a script learns one table.

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/pflag"
)

// Exit statuses, as mount(8) numbers them. They are bits: mount -a may
// return several or'ed together.
const (
	// exitOK: success.
	exitOK = 0
	// exitUsage: incorrect invocation or permissions (a bad flag or option,
	// a flag only root may use, allow_other without user_allow_other).
	exitUsage = 1
	// exitSystem: system error (cannot start the daemon, no pipe, no
	// memory).
	exitSystem = 2
	// exitInternal: internal bug (the daemon ended without reporting).
	exitInternal = 4
	// exitInterrupt: the user interrupted (SIGINT while waiting for the
	// mount).
	exitInterrupt = 8
	// exitMtab: problems writing or locking /etc/mtab. smb3fs never writes
	// it; listed for completeness.
	exitMtab = 16
	// exitFailure: the mount (or check, or unmount) failed: the server is
	// unreachable or not an SMB server, the policy refused it,
	// authentication failed, the share or mount point does not exist.
	exitFailure = 32
	// exitSomeOK: some mounts succeeded. smb3fs mounts one share at a time;
	// listed for completeness.
	exitSomeOK = 64
)

// errUsage marks errors in what the user typed, or what the user may not
// do (exit status exitUsage).
var errUsage = errors.New("usage")

// errSystem marks local failures that are not the mount's: a pipe, a fork,
// /dev/null (exit status exitSystem).
var errSystem = errors.New("system error")

// usageErrorf returns an error that is errUsage.
func usageErrorf(format string, a ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{errUsage}, a...)...)
}

// systemError marks err as errSystem, keeping its text.
func systemError(err error) error {
	return &markedError{err: err, mark: errSystem}
}

// markedError is err, which also matches mark with errors.Is.
type markedError struct{ err, mark error }

func (e *markedError) Error() string   { return e.err.Error() }
func (e *markedError) Unwrap() []error { return []error{e.err, e.mark} }

// exitStatus is the status a command ends with after err (nil: exitOK).
func exitStatus(err error) int {
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, errUsage):
		return exitUsage
	case errors.Is(err, errSystem):
		return exitSystem
	case errors.Is(err, errInterrupted):
		return exitInterrupt
	}
	return exitFailure
}

// errInterrupted is a wait the user interrupted (exit status exitInterrupt).
var errInterrupted = errors.New("interrupted")

// usageText is a command's help: its synopsis, a paragraph, and its flags.
type usageText struct {
	synopsis string // "smb3fs check [flags] //server/share"
	about    string // what it does, and its exit statuses (one paragraph)
}

// print writes the help for fl to w.
func (u usageText) print(w io.Writer, fl *pflag.FlagSet) {
	fmt.Fprintf(w, "usage: %s\n", u.synopsis)
	if u.about != "" {
		fmt.Fprintf(w, "\n%s\n", strings.TrimSpace(u.about))
	}
	if fl != nil && fl.HasAvailableFlags() {
		fmt.Fprintf(w, "\nflags:\n%s", fl.FlagUsages())
	}
}

// parseFlags parses args into fl. With --help or -h it prints the help to
// standard output and returns exitOK, done; a flag error is printed with
// the help to standard error and returns exitUsage, done. Otherwise done is
// false and the command goes on.
func parseFlags(fl *pflag.FlagSet, u usageText, args []string) (status int, done bool) {
	fl.SetOutput(io.Discard)
	fl.Usage = func() {}
	err := fl.Parse(args)
	switch {
	case errors.Is(err, pflag.ErrHelp):
		u.print(os.Stdout, fl)
		return exitOK, true
	case err != nil:
		fmt.Fprintf(os.Stderr, "smb3fs: %s: %v\n", fl.Name(), err)
		u.print(os.Stderr, fl)
		return exitUsage, true
	}
	return exitOK, false
}

// usageFailed prints msg and the help for fl to standard error and returns
// exitUsage.
func usageFailed(fl *pflag.FlagSet, u usageText, msg string) int {
	fmt.Fprintf(os.Stderr, "smb3fs: %s: %s\n", fl.Name(), msg)
	u.print(os.Stderr, fl)
	return exitUsage
}
