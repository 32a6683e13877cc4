// Command smb3fs mounts SMB shares with security that the network cannot
// lower. This file dispatches subcommands; invoked as mount.smb3fs it acts as
// the mount(8) helper.
package main

import (
	"fmt"
	"os"
	"path/filepath"
)

// version is set by the build (-ldflags "-X main.version=...").
var version = "dev"

func main() {
	os.Exit(run(os.Args))
}

// run executes the command line and returns the exit status.
func run(args []string) int {
	if filepath.Base(args[0]) == "mount.smb3fs" {
		return runMountHelper(args)
	}
	if len(args) < 2 {
		usage()
		return 2
	}
	switch args[1] {
	case "version", "--version":
		fmt.Printf("smb3fs %s\n", version)
		return 0
	case "check":
		return runCheck(args[2:])
	case "mount":
		return runMount(args[2:])
	case "unmount":
		return runUnmount(args[2:])
	case "help", "-h", "--help":
		usage()
		return 0
	}
	fmt.Fprintf(os.Stderr, "smb3fs: unknown command %q\n", args[1])
	usage()
	return 2
}

func usage() {
	fmt.Fprint(os.Stderr, `usage: smb3fs COMMAND [options]

commands:
  mount //server/share DIR [-o opts]   mount a share (returns once it is ready)
  unmount DIR                          unmount, flushing pending writes
  check //server/share                 connect, report the negotiated security and the rule;
                                       exit non-zero if the rule is not met
  version                              print the version

Invoked as mount.smb3fs it is the mount(8) helper: mount -t smb3fs //server/share DIR -o opts.
`)
}
