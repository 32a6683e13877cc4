package main

import (
	"io"
	"os"
	"runtime/debug"
	"strings"
	"testing"
	"time"

	"github.com/spf13/pflag"
)

// capture runs f with standard output and error going to buffers.
func capture(t *testing.T, f func() int) (stdout, stderr string, status int) {
	t.Helper()
	read := func(r *os.File, into *string, done chan<- struct{}) {
		b, _ := io.ReadAll(r)
		*into = string(b)
		close(done)
	}
	or, ow, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	er, ew, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	oldOut, oldErr := os.Stdout, os.Stderr
	os.Stdout, os.Stderr = ow, ew
	od, ed := make(chan struct{}), make(chan struct{})
	go read(or, &stdout, od)
	go read(er, &stderr, ed)
	status = f()
	os.Stdout, os.Stderr = oldOut, oldErr
	ow.Close()
	ew.Close()
	<-od
	<-ed
	return stdout, stderr, status
}

// TestHelp: --help and -h of every command print the usage on standard
// output, nothing on standard error, and exit 0.
func TestHelp(t *testing.T) {
	for _, args := range [][]string{
		{"smb3fs", "--help"}, {"smb3fs", "-h"}, {"smb3fs", "help"},
		{"smb3fs", "help", "mount"}, {"smb3fs", "help", "check"},
		{"smb3fs", "mount", "--help"}, {"smb3fs", "mount", "-h"},
		{"smb3fs", "check", "--help"}, {"smb3fs", "check", "-h"},
		{"smb3fs", "unmount", "--help"}, {"smb3fs", "umount", "-h"},
		{"smb3fs", "version", "--help"}, {"smb3fs", "help", "version"},
		{"mount.smb3fs", "--help"}, {"/sbin/mount.smb3fs", "-h"},
		{"mount.smb3fs", "//s/sh", "/mnt", "-h"},
	} {
		out, errOut, status := capture(t, func() int { return run(args) })
		if status != exitOK || !strings.HasPrefix(out, "usage: ") || errOut != "" {
			t.Errorf("%q: exit %d, stdout %.80q, stderr %q", args, status, out, errOut)
		}
		if strings.Contains(out, "pflag") {
			t.Errorf("%q: %q", args, out)
		}
	}
}

// TestFlagErrors: every flag error is printed, with the usage, on standard
// error, and exits 1 (mount(8)'s incorrect invocation).
func TestFlagErrors(t *testing.T) {
	for _, c := range []struct {
		args []string
		msg  string
	}{
		{[]string{"smb3fs"}, "usage: smb3fs COMMAND"},
		{[]string{"smb3fs", "frobnicate"}, `unknown command "frobnicate"`},
		{[]string{"smb3fs", "check", "-o", "seal", "//s/sh"}, "unknown shorthand flag: 'o'"},
		{[]string{"smb3fs", "check", "--timeout", "5", "//s/sh"}, `invalid argument "5" for "--timeout"`},
		{[]string{"smb3fs", "check"}, "want one //server/share"},
		{[]string{"smb3fs", "check", "--vers", "3.1", "//s/sh"}, "--vers: "},
		{[]string{"smb3fs", "check", "--log-level", "loud", "//s/sh"}, `log level "loud"`},
		{[]string{"smb3fs", "check", "//s/sh/a/../b"}, "may not contain .."},
		{[]string{"smb3fs", "check", "s/sh"}, "must look like //server/share"},
		{[]string{"smb3fs", "mount", "--bogus", "//s/sh", "/mnt"}, "unknown flag: --bogus"},
		{[]string{"smb3fs", "mount", "//s/sh"}, "want //server/share MOUNTPOINT"},
		{[]string{"smb3fs", "mount", "//s/sh", "/mnt", "-o", "frobnicate"}, `unknown mount option "frobnicate"`},
		{[]string{"smb3fs", "mount", "//s/sh", "/mnt", "--log-level", "loud"}, `log level "loud"`},
		{[]string{"smb3fs", "unmount"}, "want one MOUNTPOINT"},
		{[]string{"smb3fs", "version", "now"}, "takes no arguments"},
		{[]string{"smb3fs", "unmount", "--bogus", "/mnt"}, "unknown flag: --bogus"},
		{[]string{"mount.smb3fs", "//s/sh", "/mnt", "--bogus"}, "unknown flag --bogus"},
		{[]string{"mount.smb3fs", "//s/sh"}, "want //server/share MOUNTPOINT"},
	} {
		out, errOut, status := capture(t, func() int { return run(c.args) })
		if status != exitUsage || out != "" || !strings.Contains(errOut, c.msg) || !strings.Contains(errOut, "usage: ") {
			t.Errorf("%q: exit %d, stdout %q, stderr %q (want %q and the usage)", c.args, status, out, errOut, c.msg)
		}
	}
}

// TestVersion: without -ldflags, the version is the build's.
func TestVersion(t *testing.T) {
	out, _, status := capture(t, func() int { return run([]string{"smb3fs", "version"}) })
	if status != 0 || !strings.HasPrefix(out, "smb3fs ") || strings.TrimSpace(out) == "smb3fs dev" || strings.TrimSpace(out) == "smb3fs" {
		t.Errorf("version: exit %d, %q", status, out)
	}
	bi := &debug.BuildInfo{Main: debug.Module{Version: "v1.2.3"}, Settings: []debug.BuildSetting{
		{Key: "vcs.revision", Value: "0123456789abcdef0123"}, {Key: "vcs.time", Value: "2026-12-01T10:00:00Z"}, {Key: "vcs.modified", Value: "true"},
	}}
	if got := buildVersion(bi); got != "v1.2.3 0123456789ab 2026-12-01T10:00:00Z dirty" {
		t.Errorf("buildVersion = %q", got)
	}
	bi.Settings[2].Value = "false"
	if got := buildVersion(bi); got != "v1.2.3 0123456789ab 2026-12-01T10:00:00Z" {
		t.Errorf("buildVersion (clean) = %q", got)
	}
	bi.Main.Version = "v0.0.0-20261201100000-0123456789ab+dirty"
	bi.Settings[2].Value = "true"
	if got := buildVersion(bi); got != "v0.0.0-20261201100000-0123456789ab+dirty" {
		t.Errorf("buildVersion (pseudo-version) = %q", got)
	}
	if got := buildVersion(&debug.BuildInfo{}); got != "(devel)" {
		t.Errorf("buildVersion (nothing) = %q", got)
	}
	old := version
	version = "1.0.0"
	defer func() { version = old }()
	if got := versionString(); got != "1.0.0" {
		t.Errorf("with ldflags: %q", got)
	}
}

// TestCLIDocCoversOptions: docs/cli.md names every mount option under
// every one of its names, and every flag of every command, so the
// reference cannot fall behind the parser.
func TestCLIDocCoversOptions(t *testing.T) {
	b, err := os.ReadFile("../../docs/cli.md")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(b)
	for _, mo := range mountOptionTable {
		for _, name := range mo.names {
			if !strings.Contains(doc, "`"+name+"`") && !strings.Contains(doc, "`"+name+"=") {
				t.Errorf("docs/cli.md does not name mount option %s", name)
			}
		}
	}
	for name := range fstabUserOptions {
		if !strings.Contains(doc, "`"+name+"`") {
			t.Errorf("docs/cli.md does not name fstab option %s", name)
		}
	}
	fl, _ := newMountFlags()
	fl.VisitAll(func(f *pflag.Flag) {
		if !f.Hidden && !strings.Contains(doc, "--"+f.Name) {
			t.Errorf("docs/cli.md does not name smb3fs mount --%s", f.Name)
		}
	})
	for _, flag := range []string{"--json", "--keytab", "--principal", "--address", "--timeout", "--rules", "--seal", "--sign", "--ciphers", "--signing", "--vers", "--log-level", "--lazy"} {
		if !strings.Contains(doc, flag) {
			t.Errorf("docs/cli.md does not name %s", flag)
		}
	}
}

// TestHelpEveryCommand: every command of the manual (docCommands), under
// every name, answers --help, -h and help COMMAND with its own usage on
// standard output and exit 0; help asked of help itself (help --help,
// -h -h) is the command list, not an endless loop.
func TestHelpEveryCommand(t *testing.T) {
	var cases [][]string
	for _, c := range docCommands {
		for _, name := range append([]string{c.name}, c.aliases...) {
			cases = append(cases, []string{"smb3fs", name, "--help"}, []string{"smb3fs", name, "-h"}, []string{"smb3fs", "help", name})
		}
	}
	cases = append(cases, []string{"smb3fs", "help", "--help"}, []string{"smb3fs", "help", "-h"},
		[]string{"smb3fs", "--help", "--help"}, []string{"smb3fs", "-h", "-h"}, []string{"smb3fs", "-h", "help"},
		[]string{"smb3fs", "gen-man", "--help"}, []string{"mount_smb3fs", "-h"})
	for _, args := range cases {
		done := make(chan struct{})
		var out, errOut string
		var status int
		go func() {
			defer close(done)
			out, errOut, status = capture(t, func() int { return run(args) })
		}()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Fatalf("%q: no answer in 10s", args)
		}
		if status != exitOK || !strings.HasPrefix(out, "usage: ") || errOut != "" {
			t.Errorf("%q: exit %d, stdout %.80q, stderr %.200q", args, status, out, errOut)
		}
	}
}
