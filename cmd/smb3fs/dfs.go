package main

// DFS for mounts. A mount of //domain/share (a domain-based namespace)
// first asks a DC of the domain which server holds the namespace's root
// (client.ResolveDFS, once, at mount time) and mounts that root. Whatever
// is mounted, when it is a DFS root (a standalone namespace
// //server/namespace, or the root a domain referred to), the links under
// it are followed while mounted (namespace, client.Namespace): a path the
// server answers with STATUS_PATH_NOT_COVERED is referred, the link's
// targets tried in order, each held to its own rule and to the rule of the
// path the user named, whichever is stricter (targetPolicy), with Kerberos
// to the target's own name; the referral is asked again when its TTL runs
// out, and the next target used when a link's server is gone. A mount of
// //server/namespace/link/dir is a mount of the root with the prefix
// link\dir, so it fails over too.

import (
	"context"
	"fmt"
	"log/slog"
	"strings"

	"github.com/smb3fs/smb3fs/auth"
	"github.com/smb3fs/smb3fs/client"
	"github.com/smb3fs/smb3fs/client/rules"
	"github.com/smb3fs/smb3fs/client/wire"
)

// followsDFS says whether the mount resolves referrals at mount time: a
// mount of a domain (its DCs are in DNS: a domain-based namespace), and a
// multiuser mount of a path inside a share (its users' sessions are per
// server, so it has no namespace: the path's links are followed once,
// here); never a snapshot. Other mounts follow links while mounted
// (namespace).
func (ma *mountArgs) followsDFS(ctx context.Context) bool {
	if !ma.opts.Snapshot.IsZero() {
		return false
	}
	if ma.opts.Multiuser && ma.prefix != "" {
		return true
	}
	dcs, err := client.DomainControllers(ctx, ma.server)
	return err == nil && len(dcs) > 0
}

// resolveDFS follows the referrals of ma's domain and share to the root
// of the namespace (on a multiuser mount, of its whole path: see
// followsDFS) and makes ma name where they lead (server, share, and the
// prefix under it). It returns the root target's policy and rule; with no
// referral, policy and match unchanged.
func (ma *mountArgs) resolveDFS(ctx context.Context, policy client.Policy, match rules.Match, mechFor func(server string) func() (auth.Mechanism, error)) (client.Policy, rules.Match, error) {
	rs, err := rules.Load(ma.rulesPath)
	if err != nil {
		return policy, match, err
	}
	type target struct {
		policy client.Policy
		match  rules.Match
	}
	targets := map[*client.Client]target{}
	connect := ma.dfsConnector(rs, policy, match, mechFor, func(cl *client.Client, p client.Policy, m rules.Match) {
		targets[cl] = target{p, m}
	})
	rest := "" // the namespace follows the links under the root
	if ma.opts.Multiuser {
		rest = ma.prefix
	}
	res, err := client.ResolveDFS(ctx, ma.server, ma.share, rest, connect)
	if err != nil {
		return policy, match, ma.refusedIf(match, err)
	}
	// The mount dials the target again, with the mechanism factory that
	// reconnects need.
	res.Tree.Disconnect(ctx)
	res.Client.Close()
	if len(res.Hops) == 0 {
		return policy, match, nil
	}
	for _, h := range res.Hops {
		slog.Info("smb3fs: DFS referral", "path", h.Path, "kind", h.Kind, "targets", strings.Join(h.Targets, ","), "chosen", h.Chosen, "skipped", fmt.Sprint(h.Skipped))
	}
	t := targets[res.Client]
	if res.Server != ma.server {
		ma.opts = ma.withoutPort()
	}
	ma.server, ma.share = res.Server, res.Share
	if rest != "" {
		ma.prefix = res.Prefix
	} else if res.Prefix != "" {
		ma.prefix = strings.Trim(res.Prefix+`\`+ma.prefix, `\`)
	}
	return t.policy, t.match, nil
}

// withoutPort is a copy of the options without port=, which names the
// port of the server the user named, not of a referral target.
func (ma *mountArgs) withoutPort() *mountOptions {
	o := *ma.opts
	o.Port = 0
	return &o
}

// dfsConnector connects to DFS targets for client.ResolveDFS and
// client.Namespace: a target other than the path the user named is held
// to its own rule and to policy and match (that path's), whichever is
// stricter (targetPolicy), and refused by the allow-list like any server;
// Kerberos goes to the target's own name (mechFor), and reconnects
// authenticate the same way. chosen, when not nil, learns each client's
// policy and rule.
func (ma *mountArgs) dfsConnector(rs *rules.Rules, policy client.Policy, match rules.Match, mechFor func(server string) func() (auth.Mechanism, error), chosen func(*client.Client, client.Policy, rules.Match)) client.DFSConnector {
	req := ma.rulesRequest()
	return func(ctx context.Context, server, share string) (*client.Client, *client.Tree, error) {
		p, m := policy, match
		m2 := *ma
		if server != ma.server || share != ma.share {
			var err error
			if p, m, err = targetPolicy(rs, server, share, req, ma.opts.VersAtLeast, policy, match); err != nil {
				auditRefused(server, share, m, err)
				return nil, nil, err
			}
			m2.opts = ma.withoutPort()
		}
		m2.server, m2.share = server, share
		newMech := mechFor(server)
		mech, err := newMech()
		if err != nil {
			return nil, nil, err
		}
		cl, err := client.Dial(ctx, m2.clientOptions(p, m, mech, newMech))
		if err != nil {
			if isRefusal(err) {
				auditRefused(server, share, m, err)
			}
			return nil, nil, err
		}
		t, err := cl.Connect(ctx, share)
		if err != nil {
			cl.Close()
			return nil, nil, err
		}
		if chosen != nil {
			chosen(cl, p, m)
		}
		return cl, t, nil
	}
}

// namespace returns the routing of a mounted DFS root (tree, of the share
// ma names, under policy and match) through its links, or nil when the
// share is no DFS root or the mount is multiuser (whose users' sessions
// are per server) or of a snapshot.
func (ma *mountArgs) namespace(tree *client.Tree, policy client.Policy, match rules.Match, mechFor func(server string) func() (auth.Mechanism, error)) (*client.Namespace, error) {
	if tree.ShareFlags&wire.ShareFlagDFSRoot == 0 || ma.opts.Multiuser || !ma.opts.Snapshot.IsZero() {
		return nil, nil
	}
	rs, err := rules.Load(ma.rulesPath)
	if err != nil {
		return nil, err
	}
	ns := client.NewNamespace(tree, ma.server, ma.share, ma.dfsConnector(rs, policy, match, mechFor, nil))
	ns.OnHop = func(h client.DFSHop) {
		slog.Info("smb3fs: DFS referral", "path", h.Path, "kind", h.Kind, "targets", strings.Join(h.Targets, ","), "chosen", h.Chosen, "skipped", fmt.Sprint(h.Skipped))
	}
	return ns, nil
}
