package main

import (
	"strings"
	"testing"
)

// TestSharesUsage: shares --help prints its usage and exits 0; what is
// not //server is a usage error (exit 1) with the usage.
func TestSharesUsage(t *testing.T) {
	for _, args := range [][]string{{"smb3fs", "shares", "--help"}, {"smb3fs", "shares", "-h"}, {"smb3fs", "help", "shares"}} {
		out, errOut, status := capture(t, func() int { return run(args) })
		if status != exitOK || !strings.HasPrefix(out, "usage: smb3fs shares") || errOut != "" || !strings.Contains(out, "--json") {
			t.Errorf("%q: exit %d, stdout %.80q, stderr %q", args, status, out, errOut)
		}
	}
	for _, c := range []struct {
		args []string
		msg  string
	}{
		{[]string{"smb3fs", "shares"}, "want one //server"},
		{[]string{"smb3fs", "shares", "//s", "//t"}, "want one //server"},
		{[]string{"smb3fs", "shares", "//s/share"}, "not a share"},
		{[]string{"smb3fs", "shares", "s"}, "must look like //server"},
		{[]string{"smb3fs", "shares", "smb://alice@s/"}, "no user"},
		{[]string{"smb3fs", "shares", "-o", "seal", "//s"}, "unknown shorthand flag: 'o'"},
		{[]string{"smb3fs", "shares", "--vers", "3.1", "//s"}, "--vers: "},
		{[]string{"smb3fs", "shares", "--ciphers", "AES-512-GCM", "//s"}, "--ciphers: "},
		{[]string{"smb3fs", "shares", "--log-level", "loud", "//s"}, `log level "loud"`},
	} {
		out, errOut, status := capture(t, func() int { return run(c.args) })
		if status != exitUsage || out != "" || !strings.Contains(errOut, c.msg) || !strings.Contains(errOut, "usage: smb3fs shares") {
			t.Errorf("%q: exit %d, stdout %q, stderr %q (want %q and the usage)", c.args, status, out, errOut, c.msg)
		}
	}
}

// TestParseServer: //server in every spelling SOURCE has, without a share.
func TestParseServer(t *testing.T) {
	for in, want := range map[string]string{
		"//dc1": "dc1", "//dc1/": "dc1", `\\dc1`: "dc1", `\\dc1\`: "dc1", "smb://dc1": "dc1", "smb://dc1/": "dc1",
		"//[fe80::1%eth0]": "fe80::1%eth0", "//10.0.0.1": "10.0.0.1",
	} {
		src, err := parseServer(in)
		if err != nil || src.server != want {
			t.Errorf("%q: %q, %v (want %q)", in, src.server, err, want)
		}
	}
	if src, err := parseServer("smb://dc1:4445"); err != nil || src.port != 4445 {
		t.Errorf("port: %+v %v", src, err)
	}
}

// TestPrintShares: the listing is smbclient -L's table, and a server's
// control characters never reach the terminal.
func TestPrintShares(t *testing.T) {
	res := sharesResult{Server: "dc1", Dialect: "3.1.1", Cipher: "AES-256-GCM", Encrypted: true, Principal: "alice@R", Rule: "built-in strict default",
		Shares: []shareEntry{{Name: "secure", Type: "Disk", Comment: "x"}, {Name: "IPC$", Type: "IPC", Special: true, Comment: "evil\x1b[2J"}}}
	out, _, _ := capture(t, func() int { printShares(res); return 0 })
	for _, want := range []string{"\tSharename Type      Comment\n", "\tsecure    Disk      x\n", "\tIPC$      IPC       evil?[2J\n", "2 shares on dc1", "encrypted (AES-256-GCM)"} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in\n%s", want, out)
		}
	}
}
