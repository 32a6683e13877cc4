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
	MutualAuth bool   `json:"mutual_auth"`
}

func runCheck(args []string) int {
	fl := pflag.NewFlagSet("check", pflag.ContinueOnError)
	asJSON := fl.Bool("json", false, "print the result as JSON")
	keytab := fl.String("keytab", "", "Kerberos keytab for unattended use (with --principal)")
	principal := fl.String("principal", "", "Kerberos principal (user or user@REALM)")
	address := fl.String("address", "", "connect to host:port instead of SERVER:445")
	timeout := fl.Duration("timeout", client.DefaultTimeout, "deadline for each network wait")
	if err := fl.Parse(args); err != nil {
		return 2
	}
	if fl.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: smb3fs check [--json] [--keytab FILE --principal NAME] //server/share")
		return 2
	}
	server, share, err := parseUNC(fl.Arg(0))
	if err != nil {
		fmt.Fprintf(os.Stderr, "smb3fs: %v\n", err)
		return 2
	}
	creds := auth.KerberosCredentials{Keytab: *keytab, Principal: *principal}
	mech, err := auth.NewKerberos(creds, "cifs/"+server)
	if err != nil {
		fmt.Fprintf(os.Stderr, "smb3fs: refused //%s/%s: %v\n", server, share, err)
		return 1
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*(*timeout))
	defer cancel()
	cl, err := client.Dial(ctx, client.Options{Server: server, Address: *address, Policy: client.StrictPolicy(), Mechanism: mech, Timeout: *timeout})
	if err != nil {
		fmt.Fprintf(os.Stderr, "smb3fs: refused //%s/%s: %v\n", server, share, err)
		return 1
	}
	defer cl.Close()
	tree, err := cl.Connect(ctx, share)
	if err != nil {
		fmt.Fprintf(os.Stderr, "smb3fs: refused //%s/%s: %v\n", server, share, err)
		return 1
	}
	defer tree.Disconnect(ctx)
	info := cl.Info()
	res := checkResult{
		Server: server, Share: share,
		Dialect:    info.Dialect.String(),
		Cipher:     "none",
		Signing:    info.SigningAlgorithm.String(),
		Encrypted:  tree.Encrypted(),
		Auth:       info.Mechanism,
		MutualAuth: info.MutualAuth,
	}
	if info.Cipher != 0 {
		res.Cipher = info.Cipher.String()
	}
	if *asJSON {
		json.NewEncoder(os.Stdout).Encode(res)
		return 0
	}
	fmt.Printf("server      %s\nshare       %s\ndialect     %s\ncipher      %s\nencrypted   %v\nsigning     %s\nauth        %s\nmutual auth %v\n",
		res.Server, res.Share, res.Dialect, res.Cipher, res.Encrypted, res.Signing, res.Auth, res.MutualAuth)
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
