// Command smb3fs mounts SMB shares with security that the network cannot
// lower. This file dispatches subcommands; invoked as mount.smb3fs (Linux)
// or mount_smb3fs (macOS) it acts as the mount(8) helper. Exit statuses are
// mount(8)'s (exit.go); docs/cli.md documents every command.
package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
)

// version is set by the build (-ldflags "-X main.version=..."); when it is
// not, versionString reads the module version and VCS state the Go
// toolchain recorded.
var version = ""

func main() {
	os.Exit(run(os.Args))
}

// run executes the command line and returns the exit status.
func run(args []string) int {
	switch filepath.Base(args[0]) {
	case "mount.smb3fs", "mount_smb3fs":
		// Linux's mount(8) runs mount.TYPE SOURCE DIR [-o OPTS]; macOS's
		// runs mount_TYPE [-o OPT]... SOURCE DIR. The helper takes its
		// flags anywhere, so both orders parse alike.
		return runMountHelper(args)
	}
	if len(args) < 2 {
		usage(os.Stderr)
		return exitUsage
	}
	switch args[1] {
	case "version", "--version", "-V":
		if len(args) > 2 && (args[2] == "-h" || args[2] == "--help") {
			fmt.Println("usage: smb3fs version\n\nPrint the version (see docs/cli.md). Exit status 0.")
			return exitOK
		}
		if len(args) > 2 {
			fmt.Fprintf(os.Stderr, "smb3fs: version takes no arguments\nusage: smb3fs version\n")
			return exitUsage
		}
		printVersion()
		return exitOK
	case "check":
		return runCheck(args[2:])
	case "shares":
		return runShares(args[2:])
	case "snapshots":
		return runSnapshots(args[2:])
	case "mount":
		return runMount(args[2:])
	case "unmount", "umount":
		return runUnmount(args[2:])
	case "status":
		return runStatus(args[2:])
	case "completion":
		return runCompletion(args[2:])
	case "ccache-export": // hidden: the child that reads a user's ticket cache (ccacheexport.go)
		return runCCacheExport(args[2:])
	case "gen-man": // hidden: writes the manual pages into a directory (make install)
		return runGenMan(args[2:])
	case "help", "-h", "--help":
		if len(args) > 2 && args[2] != "help" && args[2] != "-h" && args[2] != "--help" {
			// smb3fs help COMMAND is smb3fs COMMAND --help (help --help,
			// -h -h and the like are help itself, not a loop).
			return run([]string{args[0], args[2], "--help"})
		}
		usage(os.Stdout)
		return exitOK
	}
	fmt.Fprintf(os.Stderr, "smb3fs: unknown command %q\n", args[1])
	usage(os.Stderr)
	return exitUsage
}

func usage(w io.Writer) {
	fmt.Fprint(w, `usage: smb3fs COMMAND [flags]

commands:
  mount //server/share DIR [-o opts]   mount a share (returns once it is ready)
  unmount DIR                          unmount, flushing pending writes
  check //server/share                 connect, report the negotiated security and the rule;
                                       exit non-zero if the rule is not met
  status [--json] [MOUNTPOINT]         what running mounts negotiated, under which rule
  shares //server                      list the server's shares (as smbclient -L), over
                                       an IPC$ held to the hardening rules
  snapshots //server/share             list the share's previous versions (for -o snapshot=)
  version                              print the version
  completion bash|zsh|fish             print a shell completion script
  help [COMMAND]                       this help, or a command's (as COMMAND --help)

Invoked as mount.smb3fs it is the mount(8) helper: mount -t smb3fs //server/share DIR -o opts.
Exit statuses are mount(8)'s: 0 success, 1 incorrect invocation or permissions,
2 system error, 32 failure (unreachable, not SMB, refused, authentication failed).
See docs/cli.md.
`)
}

// printVersion prints "smb3fs VERSION" on standard output.
func printVersion() {
	fmt.Printf("smb3fs %s\n", versionString())
}

// versionString is the version set by -ldflags, or else the one the Go
// toolchain recorded in the binary: the module version (v1.2.3, or
// "(devel)" for a build in the checkout) and, where the build had them, the
// VCS revision (12 digits), its commit time, and "dirty" if the tree had
// uncommitted changes.
func versionString() string {
	if version != "" {
		return version
	}
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "unknown (no build information)"
	}
	return buildVersion(bi)
}

// buildVersion formats bi as versionString describes.
func buildVersion(bi *debug.BuildInfo) string {
	v := bi.Main.Version
	if v == "" {
		v = "(devel)"
	}
	var rev, at string
	dirty := false
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.time":
			at = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	// Go 1.24 and later make a pseudo-version of the revision
	// (v0.0.0-20261207002721-74995b842c3f+dirty): say it once.
	if rev != "" && !strings.Contains(v, rev) {
		v += " " + rev
		if at != "" {
			v += " " + at
		}
	}
	if dirty && !strings.HasSuffix(v, "+dirty") {
		v += " dirty"
	}
	return v
}
