package main

// smb3fs shares //server: the server's shares, like smbclient -L, from
// srvsvc NetrShareEnum (client/srvsvc) on the server's IPC$ share. IPC$ is
// held to the rule that applies to \\server\IPC$, resolved as check and
// mount resolve theirs: with privacy required the listing is sealed.

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"github.com/smb3fs/smb3fs/client/rules"
	"github.com/smb3fs/smb3fs/client/srvsvc"
	"github.com/smb3fs/smb3fs/client/wire"
	"github.com/spf13/pflag"
)

// ipcShare is the share the listing runs on.
const ipcShare = "IPC$"

// sharesResult is what `smb3fs shares` reports as JSON.
type sharesResult struct {
	Server    string       `json:"server"`
	Dialect   string       `json:"dialect"`
	Cipher    string       `json:"cipher"`
	Encrypted bool         `json:"encrypted"`
	Principal string       `json:"principal"`
	Rule      string       `json:"rule"`
	Shares    []shareEntry `json:"shares"`
}

// shareEntry is one share of the listing.
type shareEntry struct {
	Name string `json:"name"`
	// Type is Disk, Printer, Device or IPC (smbclient -L's words).
	Type string `json:"type"`
	// Special: an administrative share (IPC$, C$, ADMIN$).
	Special bool   `json:"special"`
	Comment string `json:"comment"`
}

// sharesUsage is the help of smb3fs shares.
var sharesUsage = usageText{
	synopsis: "smb3fs shares [flags] //server",
	about: `List the server's shares (name, type, comment), like smbclient -L, through
srvsvc NetrShareEnum on the server's IPC$ share. IPC$ is held to the
hardening rule for \\server\IPC$ as a mount is: encrypted when the rule
requires privacy. Flags may only tighten the rule.
Exit status: 0 listed; 1 incorrect invocation or permissions; 2 system
error; 32 failure (server unreachable or not SMB, refused by the hardening
rules, authentication failed, listing refused by the server).`,
}

// connFlags are the flags that say how to connect and how much to tighten
// the rule: check's (less --timeout and --json), for every command that
// connects.
type connFlags struct {
	keytab, principal, address, rulesPath *string
	ciphers, signing, vers, level         *string
	seal, sign                            *bool
}

// newSharesFlags returns the FlagSet of smb3fs shares and the values it
// fills (the manual and completion read it too: commands.go).
func newSharesFlags() (*pflag.FlagSet, *connCommandFlags) {
	return newConnCommandFlags("shares", "print the listing as JSON")
}

// addConnFlags registers the connection flags on fl.
func addConnFlags(fl *pflag.FlagSet) *connFlags {
	return &connFlags{
		keytab:    fl.String("keytab", "", "Kerberos keytab for unattended use (with --principal)"),
		principal: fl.String("principal", "", "Kerberos principal (user or user@REALM)"),
		address:   fl.String("address", "", "connect to host:port instead of SERVER:445 ([v6addr]:port for IPv6)"),
		rulesPath: fl.String("rules", rules.DefaultPath, "hardening rules file (root only; must be root-owned)"),
		seal:      fl.Bool("seal", false, "require encryption even where the rule does not"),
		sign:      fl.Bool("sign", false, "require signing even where the rule does not"),
		ciphers:   fl.String("ciphers", "", "only these ciphers, in this order (AES-256-GCM,...); a subset of the rule's"),
		signing:   fl.String("signing", "", "only these signing algorithms, in this order (AES-GMAC,...); a subset of the rule's"),
		vers:      fl.String("vers", "", "dialect to require (3.1.1, 3.0.2, 3.02, 3.11; 3: 3.0 or later); may only tighten the rule"),
		level:     fl.String("log-level", "info", "error, warning, info or debug"),
	}
}

// request is the tightening the flags ask for; a bad value is a usage
// error naming its flag.
func (cf *connFlags) request() (rules.Request, *wire.Dialect, error) {
	var req rules.Request
	var atLeast *wire.Dialect
	var err error
	if *cf.seal {
		req.RequirePrivacy = cf.seal
	}
	if *cf.sign {
		req.RequireIntegrity = cf.sign
	}
	if *cf.ciphers != "" {
		if req.Ciphers, err = rules.ParseCiphers(*cf.ciphers); err != nil {
			return req, nil, fmt.Errorf("--ciphers: %w", err)
		}
	}
	if *cf.signing != "" {
		if req.SigningAlgorithms, err = rules.ParseSigningAlgorithms(*cf.signing); err != nil {
			return req, nil, fmt.Errorf("--signing: %w", err)
		}
	}
	if *cf.vers != "" {
		exact, least, err := parseVers(*cf.vers)
		if err != nil {
			return req, nil, fmt.Errorf("--vers: %w", err)
		}
		req.MinDialect, req.MaxDialect, atLeast = exact, exact, least
	}
	return req, atLeast, nil
}

// parseServer parses the //server (\\server, smb://server) that shares
// takes: a SOURCE without a share.
func parseServer(arg string) (source, error) {
	trimmed := strings.TrimRight(arg, `/\`)
	src, err := parseSource(trimmed + "/" + ipcShare)
	if err != nil {
		return src, fmt.Errorf("server %q must look like //server", arg)
	}
	if src.share != ipcShare || src.path != "" {
		return src, fmt.Errorf("shares takes //server, not a share (%q)", arg)
	}
	if src.username != "" {
		return src, fmt.Errorf("shares takes //server (no user: use --principal)")
	}
	return src, nil
}

func runShares(args []string) int {
	fl, cf := newSharesFlags()
	if status, done := cf.start(fl, sharesUsage, args, "want one //server"); done {
		return status
	}
	asJSON, timeout := cf.json, cf.timeout
	src, err := parseServer(fl.Arg(0))
	if err != nil {
		return usageFailed(fl, sharesUsage, err.Error())
	}
	server := src.server
	ctx, cancel := context.WithTimeout(context.Background(), 3*(*timeout))
	defer cancel()
	ts, status := cf.connect(ctx, fl, sharesUsage, src, ipcShare)
	if status != exitOK {
		return status
	}
	defer ts.close(ctx)
	info, tree, loggedIn, refuse := ts.cl.Info(), ts.tree, ts.principal, ts.refuse
	list, err := srvsvc.List(ctx, tree, server)
	if err != nil {
		return refuse(err)
	}
	res := sharesResult{
		Server:    server,
		Dialect:   info.Dialect.String(),
		Cipher:    "none",
		Encrypted: tree.Encrypted(),
		Principal: loggedIn,
		Rule:      ts.match.String(),
		Shares:    make([]shareEntry, 0, len(list)),
	}
	if info.Cipher != 0 {
		res.Cipher = info.Cipher.String()
	}
	for _, s := range list {
		res.Shares = append(res.Shares, shareEntry{Name: s.Name, Type: s.TypeName(), Special: s.Special(), Comment: s.Comment})
	}
	if *asJSON {
		json.NewEncoder(os.Stdout).Encode(res)
		return exitOK
	}
	printShares(res)
	return exitOK
}

// printShares prints the listing as smbclient -L does, then how it was
// fetched.
func printShares(res sharesResult) {
	width := len("Sharename")
	for _, s := range res.Shares {
		width = max(width, len(s.Name))
	}
	fmt.Printf("\t%-*s %-9s %s\n", width, "Sharename", "Type", "Comment")
	fmt.Printf("\t%-*s %-9s %s\n", width, "---------", "----", "-------")
	for _, s := range res.Shares {
		fmt.Printf("\t%-*s %-9s %s\n", width, sanitize(s.Name), s.Type, sanitize(s.Comment))
	}
	how := "not encrypted"
	if res.Encrypted {
		how = "encrypted (" + res.Cipher + ")"
	}
	fmt.Printf("\n%d shares on %s, listed over SMB %s, %s, as %s, rule %s\n",
		len(res.Shares), res.Server, res.Dialect, how, res.Principal, res.Rule)
}

// sanitize replaces control characters a server may put in a name or
// remark, so that a listing cannot drive the terminal.
func sanitize(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) {
			return '?'
		}
		return r
	}, s)
}
