package main

import (
	"errors"
	"testing"

	"github.com/smb3fs/smb3fs/client"
	"github.com/smb3fs/smb3fs/client/rules"
)

// TestParseSource: //server/share, \\server\share and smb:// URLs, with
// names, IPv4 and IPv6 literals (zones too), ports and users in URLs.
func TestParseSource(t *testing.T) {
	for _, c := range []struct {
		in   string
		want source
	}{
		{"//srv/share", source{server: "srv", share: "share"}},
		{"//srv/share/", source{server: "srv", share: "share"}},
		{`\\srv\share`, source{server: "srv", share: "share"}},
		{"//srv/share/sub/dir", source{server: "srv", share: "share", path: "sub/dir"}},
		{"//192.0.2.1/share", source{server: "192.0.2.1", share: "share"}},
		{"//[::1]/share", source{server: "::1", share: "share"}},
		{"//[fe80::1%eth0]/share", source{server: "fe80::1%eth0", share: "share"}},
		{"//::1/share", source{server: "::1", share: "share"}},
		{"smb://srv/share", source{server: "srv", share: "share"}},
		{"SMB://srv/share/", source{server: "srv", share: "share"}},
		{"smb://srv/share/a/b", source{server: "srv", share: "share", path: "a/b"}},
		{"smb://srv:4445/share", source{server: "srv", share: "share", port: 4445}},
		{"smb://[::1]/share", source{server: "::1", share: "share"}},
		{"smb://[::1]:4445/share", source{server: "::1", share: "share", port: 4445}},
		{"smb://[fe80::1%25eth0]/share", source{server: "fe80::1%eth0", share: "share"}},
		{"smb://[fe80::1%eth0]:445/share", source{server: "fe80::1%eth0", share: "share", port: 445}},
		{"smb://alice@srv/share", source{server: "srv", share: "share", username: "alice"}},
		{"smb://EXAMPLE;alice@srv/share", source{server: "srv", share: "share", username: "alice", domain: "EXAMPLE"}},
		{"smb://srv/my%20share", source{server: "srv", share: "my share"}},
	} {
		got, err := parseSource(c.in)
		if err != nil || got != c.want {
			t.Errorf("parseSource(%q) = %+v, %v; want %+v", c.in, got, err, c.want)
		}
	}
	for _, bad := range []string{
		"", "srv/share", "/srv/share", "//srv", "//srv/", "///share", "smb://srv", "smb:///share",
		"smb://srv:0/share", "smb://srv:http/share", "smb://[::1/share", "smb://[::1]x/share",
		"//[::1/share", "//[nothost]/share", "//[192.0.2.1]/share", "//fe80:zz::1/share",
		"http://srv/share", "//a@b/share",
	} {
		if got, err := parseSource(bad); err == nil {
			t.Errorf("parseSource(%q) = %+v, want an error", bad, got)
		}
	}
	if _, err := parseSource("smb://alice:secret@srv/share"); !errors.Is(err, errUsage) {
		t.Errorf("password in a URL: %v, want a usage error", err)
	}
	if srv, sh, err := parseUNC("//[::1]/share"); err != nil || srv != "::1" || sh != "share" {
		t.Errorf("parseUNC: %q %q %v", srv, sh, err)
	}
	for _, bad := range []string{"//srv/share/dir", "smb://srv:1/share", "smb://bob@srv/share"} {
		if _, _, err := parseUNC(bad); err == nil {
			t.Errorf("parseUNC(%q) accepted", bad)
		}
	}
}

// TestSourceNames: an IPv6 server is bracketed where it is printed, and
// the URL's port and user become options that -o overrides.
func TestSourceNames(t *testing.T) {
	if got := uncName("::1", "s"); got != "//[::1]/s" {
		t.Errorf("uncName = %q", got)
	}
	if got := uncName("srv", "s"); got != "//srv/s" {
		t.Errorf("uncName = %q", got)
	}
	src, _ := parseSource("smb://D;bob@[::1]:4445/s")
	ma, err := parseMountArgs([]string{"smb://D;bob@[::1]:4445/s", "/mnt", "-o", "username=carol"})
	if err != nil {
		t.Fatal(err)
	}
	if ma.server != "::1" || ma.opts.Port != 4445 || ma.opts.Username != "carol" || ma.opts.Domain != "D" {
		t.Errorf("mount args %+v, options %+v (source %+v)", ma, ma.opts, src)
	}
	if got := ma.clientOptions(client.StrictPolicy(), rules.Match{}, nil, nil).Address; got != "[::1]:4445" {
		t.Errorf("address %q, want [::1]:4445", got)
	}
	// A directory inside the share is mounted as the root (prefixpath).
	for in, want := range map[string]string{
		"//srv/share/sub":           `sub`,
		`\\srv\share\a\b`:           `a\b`,
		"//srv/share/a//./b/":       `a\b`,
		"smb://srv/share/with%20sp": `with sp`,
		"//srv/share/":              "",
	} {
		ma, err := parseMountArgs([]string{in, "/mnt"})
		if err != nil || ma.prefix != want {
			t.Errorf("%s: prefix %q, %v; want %q", in, ma.prefix, err, want)
		}
	}
	for _, in := range []string{"//srv/share/a/../b", "//srv/share/a:stream", "//srv/share/..", "//srv/share/a\x00b"} {
		if _, err := parseMountArgs([]string{in, "/mnt"}); !errors.Is(err, errUsage) {
			t.Errorf("%s: %v, want a usage error", in, err)
		}
	}
}
