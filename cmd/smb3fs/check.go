package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/smb3fs/smb3fs/auth"
	"github.com/smb3fs/smb3fs/client"
	"github.com/smb3fs/smb3fs/client/rules"
	"github.com/smb3fs/smb3fs/client/wire"
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

func runCheck(args []string) int {
	// Keys pass through this process too: no core files, no debugger.
	if err := hardenProcess(); err != nil {
		fmt.Fprintf(os.Stderr, "smb3fs: %v\n", err)
		return 1
	}
	fl := pflag.NewFlagSet("check", pflag.ContinueOnError)
	asJSON := fl.Bool("json", false, "print the result as JSON")
	keytab := fl.String("keytab", "", "Kerberos keytab for unattended use (with --principal)")
	principal := fl.String("principal", "", "Kerberos principal (user or user@REALM)")
	address := fl.String("address", "", "connect to host:port instead of SERVER:445")
	timeout := fl.Duration("timeout", client.DefaultTimeout, "deadline for each network wait")
	rulesPath := fl.String("rules", rules.DefaultPath, "hardening rules file (root only; must be root-owned)")
	seal := fl.Bool("seal", false, "require encryption even where the rule does not")
	sign := fl.Bool("sign", false, "require signing even where the rule does not")
	ciphers := fl.String("ciphers", "", "only these ciphers, in this order (AES-256-GCM,...); a subset of the rule's")
	signing := fl.String("signing", "", "only these signing algorithms, in this order (AES-GMAC,...); a subset of the rule's")
	vers := fl.String("vers", "", "exact dialect to require (3.1.1, 3.0.2, ...); may only tighten the rule")
	if err := fl.Parse(args); err != nil {
		return 2
	}
	if fl.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: smb3fs check [--json] [--keytab FILE --principal NAME] [--seal] [--sign] [--vers D] [--ciphers LIST] [--signing LIST] //server/share")
		return 2
	}
	server, share, err := parseUNC(fl.Arg(0))
	if err != nil {
		fmt.Fprintf(os.Stderr, "smb3fs: %v\n", err)
		return 2
	}
	if fl.Changed("rules") && os.Geteuid() != 0 {
		fmt.Fprintln(os.Stderr, "smb3fs: --rules is for root only")
		return 2
	}
	rs, err := rules.Load(*rulesPath)
	if err != nil {
		fmt.Fprintf(os.Stderr, "smb3fs: %v\n", err)
		return 1
	}
	// The options only tighten the rule, as a mount's do (rules.Request).
	var req rules.Request
	if *seal {
		req.RequirePrivacy = seal
	}
	if *sign {
		req.RequireIntegrity = sign
	}
	if *ciphers != "" {
		if req.Ciphers, err = rules.ParseCiphers(*ciphers); err != nil {
			fmt.Fprintf(os.Stderr, "smb3fs: --ciphers: %v\n", err)
			return 2
		}
	}
	if *signing != "" {
		if req.SigningAlgorithms, err = rules.ParseSigningAlgorithms(*signing); err != nil {
			fmt.Fprintf(os.Stderr, "smb3fs: --signing: %v\n", err)
			return 2
		}
	}
	if *vers != "" {
		d, err := wire.ParseDialect(*vers)
		if err != nil {
			fmt.Fprintf(os.Stderr, "smb3fs: %v\n", err)
			return 2
		}
		req.MinDialect, req.MaxDialect = &d, &d
	}
	policy, match, err := rs.Resolve(server, share, req)
	if err != nil {
		auditRefused(server, share, match, err)
		fmt.Fprintf(os.Stderr, "smb3fs: refused //%s/%s: %v\n", server, share, err)
		return 1
	}
	refuse := func(err error) int {
		if !isRefusal(err) {
			fmt.Fprintf(os.Stderr, "smb3fs: //%s/%s: %v\n", server, share, err)
			return 1
		}
		auditRefused(server, share, match, err)
		fmt.Fprintf(os.Stderr, "smb3fs: refused //%s/%s: rule %s: %v\n", server, share, match, err)
		return 1
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
		return 0
	}
	fmt.Printf("server      %s\nshare       %s\ndialect     %s\ncipher      %s\nencrypted   %v\nsigning     %s\nauth        %s\nprincipal   %s\nmutual auth %v\nrule        %s\npolicy      %s\n",
		res.Server, res.Share, res.Dialect, res.Cipher, res.Encrypted, res.Signing, res.Auth, res.Principal, res.MutualAuth, res.Rule, res.Policy)
	return 0
}

// parseUNC splits //server/share or \\server\share.
func parseUNC(s string) (server, share string, err error) {
	s = strings.ReplaceAll(s, `\`, "/")
	if !strings.HasPrefix(s, "//") {
		return "", "", errors.New("source must look like //server/share")
	}
	parts := strings.Split(strings.Trim(s[2:], "/"), "/")
	if len(parts) != 2 || parts[0] == "" || parts[1] == "" {
		return "", "", fmt.Errorf("source %q must look like //server/share", s)
	}
	return parts[0], parts[1], nil
}
