package main

// The connection check, shares and snapshots make: the hardening rule for
// \\server\share tightened by the connection flags (connFlags), a Kerberos
// client dialed under it, the share connected and the audit line written.

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/pflag"

	"github.com/smb3fs/smb3fs/auth"
	"github.com/smb3fs/smb3fs/client"
	"github.com/smb3fs/smb3fs/client/rules"
	"github.com/smb3fs/smb3fs/client/wire"
)

// connCommandFlags are the flags of check, shares and snapshots, bound to
// a FlagSet: the connection flags, --json and --timeout.
type connCommandFlags struct {
	*connFlags
	json    *bool
	timeout *time.Duration
}

// newConnCommandFlags returns the FlagSet of the command name and the
// values it fills (the manual and completion read it too: commands.go);
// jsonHelp is the help of its --json.
func newConnCommandFlags(name, jsonHelp string) (*pflag.FlagSet, *connCommandFlags) {
	fl := pflag.NewFlagSet(name, pflag.ContinueOnError)
	return fl, &connCommandFlags{
		json:      fl.Bool("json", false, jsonHelp),
		timeout:   fl.Duration("timeout", client.DefaultTimeout, "deadline for each network wait (a duration: 5s, 1m)"),
		connFlags: addConnFlags(fl),
	}
}

// start is how check, shares and snapshots begin: the process hardened
// (keys pass through it: no core files, no debugger), args parsed into fl
// with exactly one operand (else want is the usage error), and logging
// started. When done, status is the exit status.
func (cf *connCommandFlags) start(fl *pflag.FlagSet, u usageText, args []string, want string) (status int, done bool) {
	if err := hardenProcess(); err != nil {
		fmt.Fprintf(os.Stderr, "smb3fs: %v\n", err)
		return exitSystem, true
	}
	if status, done := parseFlags(fl, u, args); done {
		return status, true
	}
	if fl.NArg() != 1 {
		return usageFailed(fl, u, want), true
	}
	return cf.startLogging(fl, u)
}

// startLogging applies --log-level (logs go to stderr). When the level
// is not one, it prints the usage error and done is true.
func (cf *connCommandFlags) startLogging(fl *pflag.FlagSet, u usageText) (status int, done bool) {
	lv, err := parseLogLevel(*cf.level)
	if err != nil {
		return usageFailed(fl, u, strings.TrimPrefix(err.Error(), "usage: ")), true
	}
	setupLogging(logConfig{level: lv, dest: logStderr})
	return exitOK, false
}

// connect resolves the rule for src's server and share, tightened by the
// flags, and connects the share within ctx. A usage error is printed with
// u; any failure is printed, and the int is then the exit status.
func (cf *connCommandFlags) connect(ctx context.Context, fl *pflag.FlagSet, u usageText, src source, share string) (*treeSession, int) {
	address, req, atLeast, status := cf.prepare(fl, u, src)
	if status != exitOK {
		return nil, status
	}
	policy, rule, status := resolved(cf.connFlags, req, atLeast, src.server, share)
	if status != exitOK {
		return nil, status
	}
	ts, status := connectTree(ctx, cf.connFlags, policy, rule.Match, src.server, share, address, *cf.timeout)
	if ts != nil {
		ts.rule = rule
	}
	return ts, status
}

// prepare reads what every connection of check, shares and snapshots
// needs from the flags: the address to dial (--address, or the port of an
// smb:// URL) and what they ask of the rules. A usage error is printed
// with u and the int is its exit status.
func (cf *connCommandFlags) prepare(fl *pflag.FlagSet, u usageText, src source) (string, rules.Request, *wire.Dialect, int) {
	address := *cf.address
	if address == "" && src.port != 0 {
		address = net.JoinHostPort(src.server, strconv.Itoa(src.port))
	}
	if fl.Changed("rules") && os.Geteuid() != 0 {
		return "", rules.Request{}, nil, usageFailed(fl, u, "--rules is for root only")
	}
	// The flags only tighten the rule, as a mount's options do (rules.Request).
	req, atLeast, err := cf.request()
	if err != nil {
		return "", rules.Request{}, nil, usageFailed(fl, u, err.Error())
	}
	return address, req, atLeast, exitOK
}

// treeSession is a connected share of check, shares or snapshots.
type treeSession struct {
	server, share string
	policy        client.Policy
	match         rules.Match
	rule          rules.Rule // the rule as the file says it (before flags), for check's sources
	prefix        string     // the directory inside the share (connectDFS)
	hops          []client.DFSHop
	cl            *client.Client
	tree          *client.Tree
	principal     string // who logged in
}

// resolved is the policy for server and share: the rules file tightened
// by cf, and the rule it came from. A refusal is printed (and audited);
// the int is then the exit status. A server named so that rules written
// for it do not apply (rules.NameWarning) draws a warning on stderr.
// Usage errors are left to the caller (cf.request).
func resolved(cf *connFlags, req rules.Request, atLeast *wire.Dialect, server, share string) (client.Policy, rules.Rule, int) {
	rs, err := rules.Load(*cf.rulesPath)
	if err != nil {
		fmt.Fprintf(os.Stderr, "smb3fs: %v\n", err)
		return client.Policy{}, rules.Rule{}, exitFailure
	}
	if w := rs.NameWarning(server); w != "" {
		fmt.Fprintf(os.Stderr, "smb3fs: warning: %s\n", w)
	}
	policy, match, err := resolveAtLeast(rs, server, share, req, atLeast)
	if err != nil {
		auditRefused(server, share, match, err)
		fmt.Fprintf(os.Stderr, "smb3fs: refused %s: %v\n", uncName(server, share), err)
		return client.Policy{}, rules.Rule{Match: match}, exitFailure
	}
	rule, _ := rs.Lookup(server, share)
	return policy, rule, exitOK
}

// connectTree dials server (at address, when set) under policy with the
// Kerberos credentials of cf and connects share. On failure it prints the
// error and returns the exit status (refusals audited, as refuse does).
func connectTree(ctx context.Context, cf *connFlags, policy client.Policy, match rules.Match, server, share, address string, timeout time.Duration) (*treeSession, int) {
	ts, err := dialTree(ctx, cf, policy, match, server, share, address, timeout)
	if err != nil {
		return nil, ts.refuse(err)
	}
	return ts, exitOK
}

// dialTree is connectTree without the printing: the session, or the
// error (with a session that names the server, share and rule).
func dialTree(ctx context.Context, cf *connFlags, policy client.Policy, match rules.Match, server, share, address string, timeout time.Duration) (*treeSession, error) {
	ts := &treeSession{server: server, share: share, policy: policy, match: match}
	// A keytab is held to what a mount's is (auth.CheckKeytab).
	if *cf.keytab != "" {
		if err := auth.CheckKeytab(*cf.keytab, *cf.principal, "", os.Getuid()); err != nil {
			return ts, err
		}
	}
	mech, err := auth.NewKerberos(auth.KerberosCredentials{Keytab: *cf.keytab, Principal: *cf.principal}, "cifs/"+server)
	if err != nil {
		return ts, err
	}
	ts.cl, err = client.Dial(ctx, client.Options{Server: server, Address: address, Policy: policy, Mechanism: mech, Timeout: timeout})
	if err != nil {
		return ts, err
	}
	ts.tree, err = ts.cl.Connect(ctx, share)
	if err != nil {
		ts.cl.Close()
		return ts, err
	}
	ts.principal = auth.Principal(mech)
	auditEstablished(server, share, ts.cl.Info(), ts.principal, ts.tree.Encrypted(), match)
	return ts, nil
}

// connectDFS is connect for a path that may lead through DFS referrals
// (smb3fs check //server/dfs/link): src.path is resolved with
// client.ResolveDFS, and every referral target is held to the rule for its
// own \\server\share and to the policy of the path the user named
// (Policy.Both), with Kerberos to the target's own name. The session is the
// last target's; its hops say how it was reached.
func (cf *connCommandFlags) connectDFS(ctx context.Context, fl *pflag.FlagSet, u usageText, src source) (*treeSession, int) {
	prefix, err := sharePath(src.path)
	if err != nil {
		return nil, usageFailed(fl, u, err.Error())
	}
	address, req, atLeast, status := cf.prepare(fl, u, src)
	if status != exitOK {
		return nil, status
	}
	rs, err := rules.Load(*cf.rulesPath)
	if err != nil {
		fmt.Fprintf(os.Stderr, "smb3fs: %v\n", err)
		return nil, exitFailure
	}
	user, rule, status := resolved(cf.connFlags, req, atLeast, src.server, src.share)
	if status != exitOK {
		return nil, status
	}
	sessions := map[*client.Client]*treeSession{}
	connect := func(ctx context.Context, server, share string) (*client.Client, *client.Tree, error) {
		policy, match, addr := user, rule.Match, ""
		if server == src.server && share == src.share {
			addr = address
		} else {
			var err error
			if policy, match, err = targetPolicy(rs, server, share, req, atLeast, user, rule.Match); err != nil {
				auditRefused(server, share, match, err)
				return nil, nil, err
			}
		}
		ts, err := dialTree(ctx, cf.connFlags, policy, match, server, share, addr, *cf.timeout)
		if err != nil {
			if isRefusal(err) {
				auditRefused(server, share, match, err)
			}
			return nil, nil, err
		}
		sessions[ts.cl] = ts
		return ts.cl, ts.tree, nil
	}
	res, err := client.ResolveDFS(ctx, src.server, src.share, prefix, connect)
	if err != nil {
		ts := &treeSession{server: src.server, share: src.share, match: rule.Match}
		return nil, ts.refuse(err)
	}
	ts := sessions[res.Client]
	ts.rule, ts.prefix, ts.hops = rule, res.Prefix, res.Hops
	return ts, exitOK
}

// targetPolicy is the policy a DFS referral target is held to: its own
// rule, tightened by the flags, and the policy of the path the user named
// (userMatch), whichever is stricter on each setting. A target either
// rule refuses, or that both together make unsatisfiable, is refused
// (client.ErrRefused), naming the rules.
func targetPolicy(rs *rules.Rules, server, share string, req rules.Request, atLeast *wire.Dialect, user client.Policy, userMatch rules.Match) (client.Policy, rules.Match, error) {
	own, match, err := resolveAtLeast(rs, server, share, req, atLeast)
	if err != nil {
		if errors.Is(err, client.ErrRefused) {
			return client.Policy{}, match, err
		}
		return client.Policy{}, match, fmt.Errorf("%w: rule %s: %w", client.ErrRefused, match, err)
	}
	both := own.Both(user)
	if err := both.Validate(); err != nil {
		return client.Policy{}, match, fmt.Errorf("rule %s for the target and rule %s for the path named: %w", match, userMatch, err)
	}
	return both, match, nil
}

// refuse prints err and returns the exit status: a refusal by policy is
// audited and names the rule; anything else gets its own status.
func (ts *treeSession) refuse(err error) int {
	if !isRefusal(err) {
		fmt.Fprintf(os.Stderr, "smb3fs: %s: %v\n", uncName(ts.server, ts.share), err)
		return exitStatus(err)
	}
	auditRefused(ts.server, ts.share, ts.match, err)
	fmt.Fprintf(os.Stderr, "smb3fs: refused %s: rule %s: %v\n", uncName(ts.server, ts.share), ts.match, err)
	return exitFailure
}

// close disconnects the share and closes the client.
func (ts *treeSession) close(ctx context.Context) {
	ts.tree.Disconnect(ctx)
	ts.cl.Close()
}
