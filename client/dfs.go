package client

import (
	"context"
	"errors"
	"fmt"
	"net"
	"strings"
	"time"

	"github.com/smb3fs/smb3fs/client/wire"
)

// maxReferralOutput bounds a DFS referral response: room for hundreds of
// targets, and what this client will hold of one answer whatever the
// server would send.
const maxReferralOutput = 56 << 10

// maxReferralLevel is the highest referral version this client decodes
// ([MS-DFSC] 2.2.5).
const maxReferralLevel = 4

// Referral asks the server for the DFS referral of path ([MS-DFSC]
// 3.1.4.2, [MS-SMB2] 3.2.4.20.3): `\server\share[\rest]` for a root or
// link referral, `\domain` for a DC referral, "" for a domain referral. It
// is FSCTL_DFS_GET_REFERRALS on IPC$, which is held to the client's policy
// like any share (encrypted when privacy is required). A path the server
// has no referral for fails with a StatusError (STATUS_NOT_FOUND, or
// STATUS_FS_DRIVER_REQUIRED from a server without DFS).
//
// The answer is checked before it is returned: PathConsumed must lie
// within path, and the entries be of a version this client decodes. What the targets may be used for is the caller's decision, under
// the policy of each target.
func (cl *Client) Referral(ctx context.Context, path string) (*wire.DFSReferralResponse, error) {
	t, err := cl.Connect(ctx, "IPC$")
	if err != nil {
		return nil, fmt.Errorf("smb2: DFS referral for %q: %w", path, err)
	}
	defer t.Disconnect(ctx)
	in := (&wire.DFSReferralRequest{MaxReferralLevel: maxReferralLevel, RequestFileName: path}).Encode()
	var resp []byte
	err = t.do(ctx, nil, replayIdempotent, func(sn *snap) error {
		req := &wire.IoctlRequest{CtlCode: wire.FsctlDfsGetReferrals, FileID: wire.CompoundFileID, Input: in,
			MaxOutputResponse: maxReferralOutput, Flags: wire.IoctlIsFsctl}
		var err error
		resp, err = sn.request(ctx, wire.CmdIoctl, req, sn.conn.creditCharge(maxReferralOutput))
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("smb2: DFS referral for %q: %w", path, err)
	}
	out, err := ioctlOutput(resp, wire.FsctlDfsGetReferrals, maxReferralOutput)
	if err != nil {
		return nil, fmt.Errorf("smb2: DFS referral for %q: %w", path, err)
	}
	r, err := wire.DecodeDFSReferralResponse(out)
	if err != nil {
		return nil, fmt.Errorf("smb2: DFS referral for %q: %w: %w", path, ErrProtocol, err)
	}
	if int(r.PathConsumed) > wire.UTF16Len(path) {
		return nil, fmt.Errorf("smb2: DFS referral for %q: %w: PathConsumed %d beyond the %d-byte path", path, ErrProtocol, r.PathConsumed, wire.UTF16Len(path))
	}
	return r, nil
}

// maxDFSHops bounds the referrals one resolution follows (a root, a link,
// interlinks to other namespaces): a namespace that refers in a circle
// ends with an error, not a loop.
const maxDFSHops = 8

// DFSConnector connects to \\server\share for ResolveDFS, under the policy
// for that target: the caller holds each target to the rule for the
// target's own \\server\share and to the rule of the path the user named
// (Policy.Both), and authenticates to the target's own name. An error
// wrapping ErrRefused skips the target for the next one.
type DFSConnector func(ctx context.Context, server, share string) (*Client, *Tree, error)

// DFSHop is one referral ResolveDFS followed: the path it asked about,
// the targets the answer offered, in order, and what happened to each.
type DFSHop struct {
	// Path is the path referred (\server\share\rest), the part the
	// referral covers (PathConsumed).
	Path string
	// Kind is "link", "root" or "domain" (a DC found for a domain name).
	Kind string
	// Targets are the targets offered, \server\share[\path], in order.
	Targets []string
	// Skipped says why each target before the chosen one was not used
	// (refused by policy, unreachable), in order.
	Skipped []error
	// Chosen is the target used.
	Chosen string
}

// DFSResult is where a path ends up after its referrals.
type DFSResult struct {
	Client        *Client
	Tree          *Tree
	Server, Share string
	// Prefix is the directory inside the share the path names (backslash
	// separated, "" for the share itself).
	Prefix string
	// Hops are the referrals followed, none for a path that is no DFS
	// path.
	Hops []DFSHop
}

// ResolveDFS connects to \\server\share\rest ([MS-DFSC] 3.1.4.1), following
// DFS referrals: when the share is a DFS root and rest lies under a link,
// the link's targets are tried in order, each through connect (so each is
// held to its own policy and to the user's), and resolution goes on at the
// target (interlinks). When \\server\share cannot be reached and server is
// a domain name (its DCs are in DNS), a DC is asked for the root referral
// of \domain\share (a domain-based namespace). Clients that are not part
// of the result are closed. The error names every target and why it was
// refused.
func ResolveDFS(ctx context.Context, server, share, rest string, connect DFSConnector) (*DFSResult, error) {
	res := &DFSResult{Server: server, Share: share, Prefix: rest}
	cl, t, err := connect(ctx, server, share)
	if err != nil && !errors.Is(err, ErrRefused) {
		// Not reachable as a file server: perhaps a domain. A refusal by
		// policy is final: the rule for the name the user gave decides.
		cl, t, err = resolveDomain(ctx, res, err, connect)
	}
	if err != nil {
		return nil, err
	}
	for hop := 0; ; hop++ {
		if res.Prefix == "" || t.ShareFlags&(wire.ShareFlagDFS|wire.ShareFlagDFSRoot) == 0 {
			res.Client, res.Tree = cl, t
			return res, nil
		}
		if hop == maxDFSHops {
			cl.Close()
			return nil, fmt.Errorf("smb2: DFS: %s: more than %d referrals", uncPath(res.Server, res.Share, res.Prefix), maxDFSHops)
		}
		path := `\` + res.Server + `\` + res.Share + `\` + res.Prefix
		ref, err := cl.Referral(ctx, path)
		if IsStatus(err, wire.StatusNotFound) {
			// A directory of the root, not a link.
			res.Client, res.Tree = cl, t
			return res, nil
		}
		if err != nil {
			cl.Close()
			return nil, err
		}
		rest := remainder(path, ref.PathConsumed)
		h := DFSHop{Path: path[:len(path)-len(rest)], Kind: "link"}
		next, nt, target, err := tryTargets(ctx, ref, &h, connect)
		res.Hops = append(res.Hops, h)
		if err != nil {
			cl.Close()
			return nil, err
		}
		if next != cl {
			cl.Close()
		}
		cl, t = next, nt
		res.Server, res.Share, res.Prefix = target.server, target.share, joinPath(target.path, strings.TrimPrefix(rest, `\`))
	}
}

// resolveDomain is the domain-based step: server did not answer as a
// file server (first, its error), so if it names a domain with DCs in
// DNS, a DC is asked for the root referral of \server\share and its
// targets are tried.
func resolveDomain(ctx context.Context, res *DFSResult, first error, connect DFSConnector) (*Client, *Tree, error) {
	dcs, err := domainControllers(ctx, res.Server)
	if err != nil || len(dcs) == 0 {
		return nil, nil, first
	}
	var dc *Client
	h := DFSHop{Path: `\` + res.Server, Kind: "domain", Targets: dcs}
	for _, name := range dcs {
		c, t, err := connect(ctx, name, "IPC$")
		if err != nil {
			h.Skipped = append(h.Skipped, fmt.Errorf("%s: %w", name, err))
			continue
		}
		t.Disconnect(ctx)
		dc, h.Chosen = c, name
		break
	}
	res.Hops = append(res.Hops, h)
	if dc == nil {
		return nil, nil, fmt.Errorf("smb2: DFS: %s: %w (as a domain: no domain controller could be used: %w)", res.Server, first, errors.Join(h.Skipped...))
	}
	defer dc.Close()
	path := `\` + res.Server + `\` + res.Share
	ref, err := dc.Referral(ctx, path)
	if err != nil {
		return nil, nil, fmt.Errorf("smb2: DFS: %s: %w (as a domain: %w)", res.Server, first, err)
	}
	root := DFSHop{Path: path, Kind: "root"}
	cl, t, target, err := tryTargets(ctx, ref, &root, connect)
	res.Hops = append(res.Hops, root)
	if err != nil {
		return nil, nil, err
	}
	rest := remainder(path, ref.PathConsumed)
	res.Server, res.Share = target.server, target.share
	res.Prefix = joinPath(joinPath(target.path, strings.TrimPrefix(rest, `\`)), res.Prefix)
	return cl, t, nil
}

// dfsTarget is a referral target split up.
type dfsTarget struct{ server, share, path string }

// tryTargets connects to the referral's targets in order and returns the
// first that connect accepts; h records the targets and each refusal.
func tryTargets(ctx context.Context, ref *wire.DFSReferralResponse, h *DFSHop, connect DFSConnector) (*Client, *Tree, dfsTarget, error) {
	for _, e := range ref.Referrals {
		if e.NameList() {
			continue
		}
		h.Targets = append(h.Targets, e.NetworkAddress)
	}
	if len(h.Targets) == 0 {
		return nil, nil, dfsTarget{}, fmt.Errorf("smb2: DFS: %s: %w: the referral lists no target", h.Path, ErrProtocol)
	}
	for _, addr := range h.Targets {
		tg, err := splitTarget(addr)
		if err == nil {
			var cl *Client
			var t *Tree
			if cl, t, err = connect(ctx, tg.server, tg.share); err == nil {
				h.Chosen = addr
				return cl, t, tg, nil
			}
		}
		h.Skipped = append(h.Skipped, fmt.Errorf("%s: %w", addr, err))
	}
	return nil, nil, dfsTarget{}, fmt.Errorf("smb2: DFS: %s: no target could be used: %w", h.Path, errors.Join(h.Skipped...))
}

// splitTarget splits a referral target \server\share[\path].
func splitTarget(addr string) (dfsTarget, error) {
	parts := strings.SplitN(strings.TrimPrefix(addr, `\`), `\`, 3)
	if !strings.HasPrefix(addr, `\`) || len(parts) < 2 || parts[0] == "" || parts[1] == "" {
		return dfsTarget{}, fmt.Errorf("%w: referral target %q is not \\server\\share", ErrProtocol, addr)
	}
	tg := dfsTarget{server: parts[0], share: parts[1]}
	if len(parts) == 3 {
		tg.path = strings.Trim(parts[2], `\`)
	}
	return tg, nil
}

// remainder is what is left of path after the consumed bytes of its UTF-16
// form ([MS-DFSC] 2.2.4 PathConsumed), starting with \ or empty. A count
// that falls inside a name is rounded to the name's end.
func remainder(path string, consumed uint16) string {
	n := 0
	for i, r := range path {
		if n >= int(consumed) {
			j := strings.IndexByte(path[i:], '\\')
			if j < 0 {
				return ""
			}
			return path[i+j:]
		}
		n += wire.UTF16Len(string(r))
	}
	return ""
}

// joinPath joins two share-relative paths with a backslash.
func joinPath(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + `\` + b
}

// uncPath names \\server\share\prefix in messages.
func uncPath(server, share, prefix string) string {
	return `\\` + server + `\` + joinPath(share, prefix)
}

// DomainControllers returns the domain controllers of domain from DNS
// (_ldap._tcp.dc._msdcs.DOMAIN), or an error if the name is no Active
// Directory domain; the wait is bounded (5 s).
func DomainControllers(ctx context.Context, domain string) ([]string, error) {
	return domainControllers(ctx, domain)
}

// domainControllers returns the domain controllers of domain from DNS
// (_ldap._tcp.dc._msdcs.DOMAIN, as Windows finds them), in the order of
// their priority and weight, or an error if the name is no AD domain.
// It is a variable so that tests can answer without DNS.
var domainControllers = func(ctx context.Context, domain string) ([]string, error) {
	if net.ParseIP(strings.Trim(domain, "[]")) != nil || !strings.Contains(domain, ".") {
		return nil, errors.New("not a DNS domain name")
	}
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	_, srvs, err := net.DefaultResolver.LookupSRV(ctx, "ldap", "tcp", "dc._msdcs."+domain)
	if err != nil {
		return nil, err
	}
	var dcs []string
	for _, s := range srvs {
		if name := strings.TrimSuffix(s.Target, "."); name != "" {
			dcs = append(dcs, name)
		}
	}
	return dcs, nil
}
