package main

import (
	"strings"
	"testing"
)

// TestSnapshotsUsage: snapshots --help prints its usage and exits 0; what
// is not //server/share is a usage error (exit 1) with the usage.
func TestSnapshotsUsage(t *testing.T) {
	for _, args := range [][]string{{"smb3fs", "snapshots", "--help"}, {"smb3fs", "snapshots", "-h"}, {"smb3fs", "help", "snapshots"}} {
		out, errOut, status := capture(t, func() int { return run(args) })
		if status != exitOK || !strings.HasPrefix(out, "usage: smb3fs snapshots") || errOut != "" || !strings.Contains(out, "--json") {
			t.Errorf("%q: exit %d, stdout %.80q, stderr %q", args, status, out, errOut)
		}
	}
	for _, c := range []struct {
		args []string
		msg  string
	}{
		{[]string{"smb3fs", "snapshots"}, "want one //server/share"},
		{[]string{"smb3fs", "snapshots", "//s/a", "//s/b"}, "want one //server/share"},
		{[]string{"smb3fs", "snapshots", "//s/share/dir"}, "not a directory in it"},
		{[]string{"smb3fs", "snapshots", "smb://alice@s/share"}, "no user"},
		{[]string{"smb3fs", "snapshots", "s"}, "usage: smb3fs snapshots"},
		{[]string{"smb3fs", "snapshots", "--vers", "3.1", "//s/x"}, "--vers: "},
		{[]string{"smb3fs", "snapshots", "--log-level", "loud", "//s/x"}, `log level "loud"`},
	} {
		out, errOut, status := capture(t, func() int { return run(c.args) })
		if status != exitUsage || out != "" || !strings.Contains(errOut, c.msg) || !strings.Contains(errOut, "usage: smb3fs snapshots") {
			t.Errorf("%q: exit %d, stdout %q, stderr %q (want %q and the usage)", c.args, status, out, errOut, c.msg)
		}
	}
}
