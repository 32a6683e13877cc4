package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/smb3fs/smb3fs/auth"
	"github.com/smb3fs/smb3fs/client"
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
}

// checkUsage is the help of smb3fs check.
var checkUsage = usageText{
	synopsis: "smb3fs check [flags] //server/share",
	about: `Connect to the share as a mount would, under the hardening rules, and print what
was negotiated (dialect, cipher, signing, authentication) and the rule that
demanded it. Nothing is mounted. Flags may only tighten the rule.
Exit status: 0 the rule is met; 1 incorrect invocation or permissions;
2 system error; 32 failure (server unreachable or not SMB, refused by the
hardening rules, authentication failed, no such share).`,
}

// checkFlagValues are the flags of smb3fs check, bound to a FlagSet: the
// connection flags shares takes too, and its own.
type checkFlagValues struct {
	*connFlags
	json    *bool
	timeout *time.Duration
}

// newCheckFlags returns the FlagSet of smb3fs check and the values it
// fills (the manual and completion read it too: commands.go).
func newCheckFlags() (*pflag.FlagSet, *checkFlagValues) {
	fl := pflag.NewFlagSet("check", pflag.ContinueOnError)
	return fl, &checkFlagValues{
		json:      fl.Bool("json", false, "print the result as JSON"),
		timeout:   fl.Duration("timeout", client.DefaultTimeout, "deadline for each network wait (a duration: 5s, 1m)"),
		connFlags: addConnFlags(fl),
	}
}

func runCheck(args []string) int {
	// Keys pass through this process too: no core files, no debugger.
	if err := hardenProcess(); err != nil {
		fmt.Fprintf(os.Stderr, "smb3fs: %v\n", err)
		return exitSystem
	}
	fl, cf := newCheckFlags()
	asJSON, keytab, principal, address, timeout, rulesPath, level := cf.json, cf.keytab, cf.principal, cf.address, cf.timeout, cf.rulesPath, cf.level
	if status, done := parseFlags(fl, checkUsage, args); done {
		return status
	}
	if fl.NArg() != 1 {
		return usageFailed(fl, checkUsage, "want one //server/share")
	}
	lv, err := parseLogLevel(*level)
	if err != nil {
		return usageFailed(fl, checkUsage, strings.TrimPrefix(err.Error(), "usage: "))
	}
	setupLogging(logConfig{level: lv, dest: logStderr})
	src, err := parseSource(fl.Arg(0))
	if err != nil {
		return usageFailed(fl, checkUsage, err.Error())
	}
	if src.path != "" || src.username != "" {
		return usageFailed(fl, checkUsage, "check takes //server/share (no path, no user)")
	}
	server, share := src.server, src.share
	if *address == "" && src.port != 0 {
		*address = net.JoinHostPort(server, strconv.Itoa(src.port))
	}
	if fl.Changed("rules") && os.Geteuid() != 0 {
		return usageFailed(fl, checkUsage, "--rules is for root only")
	}
	rs, err := rules.Load(*rulesPath)
	if err != nil {
		fmt.Fprintf(os.Stderr, "smb3fs: %v\n", err)
		return exitFailure
	}
	// The options only tighten the rule, as a mount's do (rules.Request).
	req, atLeast, err := cf.request()
	if err != nil {
		return usageFailed(fl, checkUsage, err.Error())
	}
	policy, match, err := resolveAtLeast(rs, server, share, req, atLeast)
	if err != nil {
		auditRefused(server, share, match, err)
		fmt.Fprintf(os.Stderr, "smb3fs: refused %s: %v\n", uncName(server, share), err)
		return exitFailure
	}
	refuse := func(err error) int {
		if !isRefusal(err) {
			fmt.Fprintf(os.Stderr, "smb3fs: %s: %v\n", uncName(server, share), err)
			return exitStatus(err)
		}
		auditRefused(server, share, match, err)
		fmt.Fprintf(os.Stderr, "smb3fs: refused %s: rule %s: %v\n", uncName(server, share), match, err)
		return exitFailure
	}
	mech, err := auth.NewKerberos(auth.KerberosCredentials{Keytab: *keytab, Principal: *principal}, "cifs/"+server)
	if err != nil {
		return refuse(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*(*timeout))
	defer cancel()
	cl, err := client.Dial(ctx, client.Options{Server: server, Address: *address, Policy: policy, Mechanism: mech, Timeout: *timeout})
	if err != nil {
		return refuse(err)
	}
	defer cl.Close()
	tree, err := cl.Connect(ctx, share)
	if err != nil {
		return refuse(err)
	}
	defer tree.Disconnect(ctx)
	info := cl.Info()
	loggedIn := auth.Principal(mech)
	auditEstablished(server, share, info, loggedIn, tree.Encrypted(), match)
	res := checkResult{
		Server: server, Share: share,
		Dialect:    info.Dialect.String(),
		Cipher:     "none",
		Signing:    info.SigningAlgorithm.String(),
		Encrypted:  tree.Encrypted(),
		Auth:       info.Mechanism,
		Principal:  loggedIn,
		MutualAuth: info.MutualAuth,
		Rule:       match.String(),
		Policy:     rules.Describe(policy),
	}
	if info.Cipher != 0 {
		res.Cipher = info.Cipher.String()
	}
	if *asJSON {
		json.NewEncoder(os.Stdout).Encode(res)
		return exitOK
	}
	fmt.Printf("server      %s\nshare       %s\ndialect     %s\ncipher      %s\nencrypted   %v\nsigning     %s\nauth        %s\nprincipal   %s\nmutual auth %v\nrule        %s\npolicy      %s\n",
		res.Server, res.Share, res.Dialect, res.Cipher, res.Encrypted, res.Signing, res.Auth, res.Principal, res.MutualAuth, res.Rule, res.Policy)
	return exitOK
}
