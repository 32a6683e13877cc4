package main

// The SOURCE of a mount or check: //server/share as mount.cifs takes it,
// \\server\share as Windows writes it, or an smb:// URL as smbclient,
// GNOME and KDE write it. The server may be a name, an IPv4 address or an
// IPv6 literal in brackets (//[::1]/share, //[fe80::1%eth0]/share).

import (
	"fmt"
	"net"
	"net/url"
	"strconv"
	"strings"
)

// source is a parsed SOURCE.
type source struct {
	// server is the host name or address, without brackets or port: what
	// is dialed (with net.JoinHostPort) and named in the Kerberos SPN.
	server string
	share  string
	// path is a directory inside the share (//server/share/dir/sub:
	// "dir/sub"); mount mounts it (sharePath), other commands refuse it.
	path string
	// port, username and domain come from an smb:// URL
	// (smb://DOMAIN;user@server:port/share); zero when not given.
	port             int
	username, domain string
}

// parseSource parses s (see the file comment). Its errors are for the user.
func parseSource(s string) (source, error) {
	var src source
	rest := ""
	lower := strings.ToLower(s)
	switch {
	case strings.HasPrefix(lower, "smb://"):
		rest = s[len("smb://"):]
		slash := strings.IndexByte(rest, '/')
		if slash < 0 {
			return src, fmt.Errorf("source %q must look like smb://server/share", s)
		}
		auth := rest[:slash]
		if at := strings.LastIndexByte(auth, '@'); at >= 0 {
			if err := src.setUserInfo(auth[:at]); err != nil {
				return src, err
			}
			auth = auth[at+1:]
		}
		host, port, err := splitURLHost(auth)
		if err != nil {
			return src, fmt.Errorf("source %q: %v", s, err)
		}
		src.server, src.port = host, port
		rest = rest[slash:]
		if rest, err = url.PathUnescape(rest); err != nil {
			return src, fmt.Errorf("source %q: %v", s, err)
		}
	case strings.HasPrefix(s, "//") || strings.HasPrefix(s, `\\`):
		rest = strings.ReplaceAll(s[2:], `\`, "/")
		host, after, _ := strings.Cut(rest, "/")
		if h, err := unbracket(host); err != nil {
			return src, fmt.Errorf("source %q: %v", s, err)
		} else {
			src.server = h
		}
		rest = "/" + after
	default:
		return src, fmt.Errorf("source %q must look like //server/share or smb://server/share", s)
	}
	parts := strings.Split(strings.Trim(rest, "/"), "/")
	if src.server == "" || len(parts) == 0 || parts[0] == "" {
		return src, fmt.Errorf("source %q must look like //server/share", s)
	}
	src.share = parts[0]
	src.path = strings.Join(parts[1:], "/")
	if strings.ContainsAny(src.server, "/\\@ ") {
		return src, fmt.Errorf("source %q: bad server name %q", s, src.server)
	}
	return src, nil
}

// setUserInfo reads the [DOMAIN;]user part of an smb:// URL. A password
// there is refused: it would be in argv and the shell's history.
func (src *source) setUserInfo(ui string) error {
	ui, err := url.PathUnescape(ui)
	if err != nil {
		return fmt.Errorf("source: user: %v", err)
	}
	if strings.Contains(ui, ":") {
		return usageErrorf("passwords are not taken on the command line: use PASSWD, credentials= or the prompt")
	}
	if d, u, ok := strings.Cut(ui, ";"); ok {
		src.domain, ui = d, u
	}
	if strings.ContainsAny(ui+src.domain, ",=") {
		return fmt.Errorf("source: bad user %q", ui)
	}
	src.username = ui
	return nil
}

// splitURLHost splits the host[:port] of an smb:// URL; an IPv6 literal is
// in brackets, its zone written % or %25 (RFC 6874).
func splitURLHost(hp string) (host string, port int, err error) {
	if hp == "" {
		return "", 0, fmt.Errorf("no server")
	}
	h, p := hp, ""
	if strings.HasPrefix(hp, "[") {
		end := strings.IndexByte(hp, ']')
		if end < 0 {
			return "", 0, fmt.Errorf("unclosed [ in %q", hp)
		}
		h, p = hp[:end+1], hp[end+1:]
		if p != "" && !strings.HasPrefix(p, ":") {
			return "", 0, fmt.Errorf("bad host %q", hp)
		}
		p = strings.TrimPrefix(p, ":")
	} else if i := strings.LastIndexByte(hp, ':'); i >= 0 {
		h, p = hp[:i], hp[i+1:]
	}
	if p != "" {
		n, err := strconv.Atoi(p)
		if err != nil || n <= 0 || n > 65535 {
			return "", 0, fmt.Errorf("bad port %q", p)
		}
		port = n
	}
	h, err = unbracket(strings.Replace(h, "%25", "%", 1))
	return h, port, err
}

// unbracket returns the host of //host/share: an IPv6 literal loses its
// brackets ([fe80::1%eth0] is fe80::1%eth0); a bare one is accepted too.
func unbracket(h string) (string, error) {
	if strings.HasPrefix(h, "[") {
		if !strings.HasSuffix(h, "]") {
			return "", fmt.Errorf("bad IPv6 literal %q", h)
		}
		h = h[1 : len(h)-1]
		addr, _, _ := strings.Cut(h, "%")
		if net.ParseIP(addr) == nil || !strings.Contains(addr, ":") {
			return "", fmt.Errorf("bad IPv6 literal %q", h)
		}
		return h, nil
	}
	if strings.Contains(h, ":") {
		addr, _, _ := strings.Cut(h, "%")
		if net.ParseIP(addr) == nil {
			return "", fmt.Errorf("bad server %q (an IPv6 address goes in brackets: //[::1]/share)", h)
		}
	}
	return h, nil
}

// options are the mount options the URL carried (port, username, domain),
// to go before the -o ones, which override them.
func (src source) options() []string {
	var o []string
	if src.port != 0 {
		o = append(o, "port="+strconv.Itoa(src.port))
	}
	if src.username != "" {
		o = append(o, "username="+src.username)
	}
	if src.domain != "" {
		o = append(o, "domain="+src.domain)
	}
	return o
}

// hostName is server as it goes in a UNC or URL: an IPv6 literal in
// brackets.
func hostName(server string) string {
	if strings.Contains(server, ":") {
		return "[" + server + "]"
	}
	return server
}

// uncName is //server/share, an IPv6 server in brackets.
func uncName(server, share string) string {
	return "//" + hostName(server) + "/" + share
}

// parseUNC splits a SOURCE (parseSource: //server/share, \\server\share
// or smb://server/share) into server and share. A path inside the share,
// or a port or user in a URL, is an error: callers that take those use
// parseSource.
func parseUNC(s string) (server, share string, err error) {
	src, err := parseSource(s)
	if err != nil {
		return "", "", err
	}
	if src.path != "" || src.port != 0 || src.username != "" || src.domain != "" {
		return "", "", fmt.Errorf("source %q must look like //server/share", s)
	}
	return src.server, src.share, nil
}

// sharePath turns the path of a SOURCE (dir/sub, as parseSource leaves it)
// into the share-relative SMB path of a directory to mount (dir\sub, as
// mount.cifs's prefixpath): empty components and . are dropped; .., a
// backslash or a colon (an alternate data stream) in a component are
// refused.
func sharePath(p string) (string, error) {
	var parts []string
	for _, c := range strings.Split(p, "/") {
		switch {
		case c == "" || c == ".":
			continue
		case c == "..":
			return "", fmt.Errorf("the path inside the share may not contain ..")
		case strings.ContainsAny(c, "\\:\x00"):
			return "", fmt.Errorf("the path inside the share has %q: no \\, : or NUL in a name", c)
		}
		parts = append(parts, c)
	}
	return strings.Join(parts, `\`), nil
}
