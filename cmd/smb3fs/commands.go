package main

// The commands of smb3fs as the manual pages (man.go) and the shell
// completion scripts (completion.go) describe them: each names its help
// and the constructor of its flag set, the ones the command parses with,
// so the generated documentation cannot drift from the parser.

import (
	"strings"

	"github.com/spf13/pflag"
)

// operands says what a command's operands are, for shell completion.
type operands int

const (
	noOperands       operands = iota
	sourceAndDir              // //server/share MOUNTPOINT
	sourceOnly                // //server/share
	smb3fsMountpoint          // an smb3fs mount point
	commandName               // a command of smb3fs
	shellName                 // bash, zsh or fish
)

// docCommand is one command of smb3fs.
type docCommand struct {
	name    string
	aliases []string
	brief   string // one line, for the command list and completion
	usage   usageText
	flags   func() *pflag.FlagSet // nil: no flags besides --help
	args    operands
}

// versionUsage is the help of smb3fs version.
var versionUsage = usageText{
	synopsis: "smb3fs version",
	about: `Print the version: the one the build set (-ldflags "-X main.version=..."), or
else the module version, VCS revision, commit time and dirty flag the Go
toolchain recorded. Exit status 0.`,
}

// helpUsage is the help of smb3fs help.
var helpUsage = usageText{
	synopsis: "smb3fs help [COMMAND]",
	about:    `Print the list of commands, or a command's help (as COMMAND --help). Exit status 0.`,
}

// docCommands lists the commands of smb3fs, in the order the manual
// gives them. A new command adds its entry here.
var docCommands = []docCommand{
	{name: "mount", brief: "mount a share (returns once it is ready)", usage: mountUsage,
		flags: func() *pflag.FlagSet { fl, _ := newMountFlags(); return fl }, args: sourceAndDir},
	{name: "unmount", aliases: []string{"umount"}, brief: "unmount, flushing pending writes", usage: unmountUsage,
		flags: func() *pflag.FlagSet { fl, _ := newUnmountFlags(); return fl }, args: smb3fsMountpoint},
	{name: "check", brief: "connect, report the negotiated security and the rule", usage: checkUsage,
		flags: func() *pflag.FlagSet { fl, _ := newCheckFlags(); return fl }, args: sourceOnly},
	{name: "status", brief: "what running mounts negotiated, under which rule", usage: statusUsage,
		flags: func() *pflag.FlagSet { fl, _ := newStatusFlags(); return fl }, args: smb3fsMountpoint},
	{name: "shares", brief: "list a server's shares (as smbclient -L), over an IPC$ held to the rules", usage: sharesUsage,
		flags: func() *pflag.FlagSet { fl, _ := newSharesFlags(); return fl }, args: sourceOnly},
	{name: "snapshots", brief: "list a share's previous versions, for mount -o snapshot=", usage: snapshotsUsage,
		flags: func() *pflag.FlagSet { fl, _ := newSnapshotsFlags(); return fl }, args: sourceOnly},
	{name: "version", brief: "print the version", usage: versionUsage},
	{name: "help", brief: "the list of commands, or a command's help", usage: helpUsage, args: commandName},
	{name: "completion", brief: "print a shell completion script (bash, zsh or fish)", usage: completionUsage, args: shellName},
}

// visibleFlags returns the flags of fl that are not hidden, in the order
// pflag sorts them; nil for a nil constructor.
func visibleFlags(newFlags func() *pflag.FlagSet) []*pflag.Flag {
	if newFlags == nil {
		return nil
	}
	var fs []*pflag.Flag
	newFlags().VisitAll(func(f *pflag.Flag) {
		if !f.Hidden {
			fs = append(fs, f)
		}
	})
	return fs
}

// flagMetavars name the values of flags where pflag's type name (string)
// says too little.
var flagMetavars = map[string]string{
	"options": "OPTIONS", "keytab": "FILE", "rules": "FILE", "principal": "NAME",
	"log-level": "LEVEL", "address": "HOST:PORT", "ciphers": "LIST", "signing": "LIST",
	"vers": "DIALECT",
}

// metavar is the name of flag f's value in help and completion: VALUE for
// a flag of unknown meaning.
func metavar(f *pflag.Flag) string {
	if m := flagMetavars[f.Name]; m != "" {
		return m
	}
	if name, _ := pflag.UnquoteUsage(f); name != "" && name != "string" {
		return strings.ToUpper(name)
	}
	return "VALUE"
}

// takesValue reports whether flag f needs a value (all but booleans).
func takesValue(f *pflag.Flag) bool {
	return f.NoOptDefVal == ""
}

// helperFlag is one flag of mount.smb3fs, which parses its command line by
// hand, as mount(8) calls it (runMountHelper); helperUsage lists the same.
type helperFlag struct {
	flag  string // -o
	value string // OPTIONS; "" for none
	doc   string
}

// helperFlags are the flags of mount.smb3fs.
var helperFlags = []helperFlag{
	{"-o", "OPTIONS", "mount options, comma-separated (may be repeated)"},
	{"-f", "", "fake: check the command line and options, mount nothing"},
	{"-s", "", "sloppy: accepted and ignored"},
	{"-n", "", "no mtab: accepted and ignored (smb3fs never writes /etc/mtab)"},
	{"-v", "", "verbose: accepted and ignored"},
	{"-t", "TYPE", "accepted and ignored"},
	{"-h", "", "print the help and exit"},
	{"-V", "", "print the version and exit"},
}
