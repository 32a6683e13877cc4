package main

// smb3fs snapshots //server/share: the share's previous versions, from
// FSCTL_SRV_ENUMERATE_SNAPSHOTS (client.Tree.Snapshots), as @GMT tokens
// that mount -o snapshot= takes. The share is held to its hardening rule as
// a mount of it is.

import (
	"context"
	"encoding/json"
	"fmt"
	"os"

	"github.com/smb3fs/smb3fs/client/wire"
	"github.com/spf13/pflag"
)

// snapshotsResult is what `smb3fs snapshots --json` prints.
type snapshotsResult struct {
	Server    string `json:"server"`
	Share     string `json:"share"`
	Encrypted bool   `json:"encrypted"`
	Principal string `json:"principal"`
	Rule      string `json:"rule"`
	// Snapshots are the @GMT tokens, newest first.
	Snapshots []string `json:"snapshots"`
}

// snapshotsUsage is the help of smb3fs snapshots.
var snapshotsUsage = usageText{
	synopsis: "smb3fs snapshots [flags] //server/share",
	about: `List the share's previous versions (snapshots, as Windows' "Previous
Versions" tab and Samba's shadow_copy2 module offer them), newest first,
as @GMT-YYYY.MM.DD-HH.MM.SS tokens (UTC) that mount -o snapshot= takes.
The share is held to its hardening rule as a mount of it is. Flags may
only tighten the rule.
Exit status: 0 listed (perhaps none); 1 incorrect invocation or
permissions; 2 system error; 32 failure (server unreachable or not SMB,
refused by the hardening rules, authentication failed, listing refused by
the server).`,
}

// newSnapshotsFlags returns the FlagSet of smb3fs snapshots and the
// values it fills (the manual and completion read it too: commands.go).
func newSnapshotsFlags() (*pflag.FlagSet, *connCommandFlags) {
	return newConnCommandFlags("snapshots", "print the listing as JSON")
}

func runSnapshots(args []string) int {
	fl, cf := newSnapshotsFlags()
	if status, done := cf.start(fl, snapshotsUsage, args, "want one //server/share"); done {
		return status
	}
	src, err := parseSource(fl.Arg(0))
	switch {
	case err != nil:
		return usageFailed(fl, snapshotsUsage, err.Error())
	case src.path != "":
		return usageFailed(fl, snapshotsUsage, "snapshots takes //server/share, not a directory in it")
	case src.username != "":
		return usageFailed(fl, snapshotsUsage, "snapshots takes //server/share (no user: use --principal)")
	}
	server, share := src.server, src.share
	ctx, cancel := context.WithTimeout(context.Background(), 3*(*cf.timeout))
	defer cancel()
	ts, status := cf.connect(ctx, fl, snapshotsUsage, src, share)
	if status != exitOK {
		return status
	}
	defer ts.close(ctx)
	tree, loggedIn, refuse := ts.tree, ts.principal, ts.refuse
	times, err := tree.Snapshots(ctx)
	if err != nil {
		return refuse(err)
	}
	res := snapshotsResult{Server: server, Share: share, Encrypted: tree.Encrypted(), Principal: loggedIn,
		Rule: ts.match.String(), Snapshots: make([]string, 0, len(times))}
	for _, at := range times {
		res.Snapshots = append(res.Snapshots, wire.GMTToken(at))
	}
	if *cf.json {
		json.NewEncoder(os.Stdout).Encode(res)
		return exitOK
	}
	for _, s := range res.Snapshots {
		fmt.Println(s)
	}
	fmt.Fprintf(os.Stderr, "%d snapshots of %s, as %s, rule %s\n", len(res.Snapshots), uncName(server, share), loggedIn, ts.match)
	return exitOK
}
