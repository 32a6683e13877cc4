package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"github.com/smb3fs/smb3fs/client/rules"
	"github.com/spf13/pflag"
)

// checkResult is what `smb3fs check` reports, as text or JSON.
type checkResult struct {
	Server     string `json:"server"`
	Share      string `json:"share"`
	Dialect    string `json:"dialect"`
	Cipher     string `json:"cipher"`
	Signing    string `json:"signing"`
	Encrypted  bool   `json:"encrypted"`
	Auth       string `json:"auth"`
	Principal  string `json:"principal"` // the client that logged in, user@REALM
	MutualAuth bool   `json:"mutual_auth"`
	Rule       string `json:"rule"`
	Policy     string `json:"policy"`
	// Settings are the rule's settings before the flags tightened them,
	// each with the section it came from.
	Settings []checkSetting `json:"settings"`
	// Target is where DFS referrals led (\\server\share[\path]), and
	// Referrals each hop; both empty for a path that is no DFS path.
	Target    string          `json:"target,omitempty"`
	Referrals []checkReferral `json:"referrals,omitempty"`
}

// checkReferral is one DFS referral followed: the path referred, the
// targets offered, why each skipped one was skipped, and the one chosen.
type checkReferral struct {
	Path    string   `json:"path"`
	Kind    string   `json:"kind"`
	Targets []string `json:"targets"`
	Skipped []string `json:"skipped,omitempty"`
	Chosen  string   `json:"chosen"`
}

// checkSetting is one setting of the rule and where it came from.
type checkSetting struct {
	Name  string `json:"name"`
	Value string `json:"value"`
	From  string `json:"from"` // the section (\\*\* (file:line)) or "built-in strict default"
}

// checkUsage is the help of smb3fs check.
var checkUsage = usageText{
	synopsis: "smb3fs check [flags] //server/share[/path]",
	about: `Connect to the share as a mount would, under the hardening rules, and print what
was negotiated (dialect, cipher, signing, authentication) and the rule that
demanded it. Nothing is mounted. Flags may only tighten the rule. A path
through DFS links is followed: each referral, the targets offered and the
one chosen are shown, and each target is held to its own rule and the rule
of the path named, whichever is stricter.
Exit status: 0 the rule is met; 1 incorrect invocation or permissions;
2 system error; 32 failure (server unreachable or not SMB, refused by the
hardening rules, authentication failed, no such share).`,
}

// newCheckFlags returns the FlagSet of smb3fs check and the values it
// fills (the manual and completion read it too: commands.go).
func newCheckFlags() (*pflag.FlagSet, *connCommandFlags) {
	return newConnCommandFlags("check", "print the result as JSON")
}

func runCheck(args []string) int {
	fl, cf := newCheckFlags()
	if status, done := cf.start(fl, checkUsage, args, "want one //server/share"); done {
		return status
	}
	asJSON, timeout := cf.json, cf.timeout
	src, err := parseSource(fl.Arg(0))
	if err != nil {
		return usageFailed(fl, checkUsage, err.Error())
	}
	if src.username != "" {
		return usageFailed(fl, checkUsage, "check takes //server/share[/path] (no user)")
	}
	server, share := src.server, src.share
	ctx, cancel := context.WithTimeout(context.Background(), 2*(*timeout))
	defer cancel()
	ts, status := cf.connectDFS(ctx, fl, checkUsage, src)
	if status != exitOK {
		return status
	}
	defer ts.close(ctx)
	info, tree, loggedIn := ts.cl.Info(), ts.tree, ts.principal
	res := checkResult{
		Server: server, Share: share,
		Dialect:    info.Dialect.String(),
		Cipher:     "none",
		Signing:    info.SigningAlgorithm.String(),
		Encrypted:  tree.Encrypted(),
		Auth:       info.Mechanism,
		Principal:  loggedIn,
		MutualAuth: info.MutualAuth,
		Rule:       ts.match.String(),
		Policy:     rules.Describe(ts.policy),
	}
	if info.Cipher != 0 {
		res.Cipher = info.Cipher.String()
	}
	if len(ts.hops) > 0 {
		res.Target = `\\` + ts.server + `\` + ts.share
		if ts.prefix != "" {
			res.Target += `\` + ts.prefix
		}
		res.Policy = rules.Describe(ts.policy)
	}
	for _, h := range ts.hops {
		r := checkReferral{Path: h.Path, Kind: h.Kind, Targets: h.Targets, Chosen: h.Chosen}
		for _, e := range h.Skipped {
			r.Skipped = append(r.Skipped, e.Error())
		}
		res.Referrals = append(res.Referrals, r)
	}
	for _, st := range ts.rule.Settings() {
		res.Settings = append(res.Settings, checkSetting{Name: st.Name, Value: st.Value, From: st.From.String()})
	}
	if *asJSON {
		json.NewEncoder(os.Stdout).Encode(res)
		return exitOK
	}
	fmt.Printf("server      %s\nshare       %s\ndialect     %s\ncipher      %s\nencrypted   %v\nsigning     %s\nauth        %s\nprincipal   %s\nmutual auth %v\nrule        %s\npolicy      %s\n",
		res.Server, res.Share, res.Dialect, res.Cipher, res.Encrypted, res.Signing, res.Auth, res.Principal, res.MutualAuth, res.Rule, res.Policy)
	for _, r := range res.Referrals {
		fmt.Printf("referral    %s (%s): %s\n", r.Path, r.Kind, strings.Join(r.Targets, ", "))
		for _, why := range r.Skipped {
			fmt.Printf("  skipped   %s\n", why)
		}
		fmt.Printf("  chosen    %s\n", r.Chosen)
	}
	if res.Target != "" {
		fmt.Printf("target      %s\n", res.Target)
	}
	fmt.Println("settings of the rule, and where each comes from:")
	for _, st := range res.Settings {
		fmt.Printf("  %-28s %-28s %s\n", st.Name, st.Value, st.From)
	}
	return exitOK
}
