package auth

// Choosing the credential cache the way MIT Kerberos does
// (krb5_cc_default_name in src/lib/krb5/os/ccdefname.c, documented in
// https://web.mit.edu/kerberos/krb5-latest/doc/basic/ccache_def.html):
//
//	an explicit name (KerberosCredentials.CCache)
//	else $KRB5CCNAME
//	else krb5.conf [libdefaults] default_ccache_name, parameters expanded
//	else FILE:/tmp/krb5cc_%{uid}
//
// gokrb5's krb5.conf parser drops default_ccache_name and kcm_socket, so
// the two keys are read here by a small bounded parser of [libdefaults].

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// defaultCCacheTemplate is MIT's compiled-in DEFCCNAME.
const defaultCCacheTemplate = "FILE:/tmp/krb5cc_%{uid}"

// Bounds of the [libdefaults] reader: a krb5.conf is a few kilobytes;
// includes nest rarely and shallowly.
const (
	maxKrb5ConfSize  = 1 << 20
	maxKrb5ConfFiles = 64
	maxKrb5ConfDepth = 8
)

// krb5Defaults are the [libdefaults] relations gokrb5 does not keep.
type krb5Defaults struct {
	defaultCCacheName string // default_ccache_name, unexpanded; "" if absent
	kcmSocket         string // kcm_socket; "" if absent
}

// DefaultCCacheName returns the MIT name ("TYPE:residual") of the default
// credential cache of a process running as uid, chosen as MIT Kerberos
// chooses it: $KRB5CCNAME, else krb5.conf's [libdefaults]
// default_ccache_name with its parameters expanded for uid, else
// FILE:/tmp/krb5cc_<uid>. krb5conf is as KerberosCredentials.Krb5Conf
// ("" = $KRB5_CONFIG, else /etc/krb5.conf). uid is normally os.Getuid();
// a caller resolving for another user runs as that user, so that
// $KRB5CCNAME and the keyrings are that user's. A name without a type (a
// plain path) is returned with "FILE:" in front.
func DefaultCCacheName(krb5conf string, uid int) (string, error) {
	return ccacheName("", krb5conf, uid)
}

// ccacheName is DefaultCCacheName with an explicit name first.
func ccacheName(explicit, krb5conf string, uid int) (string, error) {
	name := explicit
	if name == "" {
		name = os.Getenv("KRB5CCNAME")
	}
	if name == "" {
		d, err := readKrb5Defaults(krb5conf)
		if err != nil {
			return "", err
		}
		tmpl := d.defaultCCacheName
		if tmpl == "" {
			tmpl = defaultCCacheTemplate
		}
		if name, err = expandKrb5Path(tmpl, uid); err != nil {
			return "", fmt.Errorf("auth: kerberos: default_ccache_name %q: %w", tmpl, err)
		}
		if name == "" {
			return "", fmt.Errorf("auth: kerberos: default_ccache_name %q expands to nothing", tmpl)
		}
	}
	return canonicalCCacheName(name)
}

// canonicalCCacheName gives a name its type: MIT takes a name with no
// colon, or whose part before the first colon holds a "/", as a FILE
// path (krb5_cc_resolve). Types are case-sensitive, as in MIT.
func canonicalCCacheName(name string) (string, error) {
	typ, _, ok := strings.Cut(name, ":")
	if !ok || strings.Contains(typ, "/") {
		name = "FILE:" + name
	}
	if name == "FILE:" {
		return "", errors.New("auth: kerberos: empty credential cache path")
	}
	return name, nil
}

// expandKrb5Path expands MIT's path parameters (krb5.conf(5), "PARAMETER
// EXPANSION"; src/lib/krb5/os/expand_path.c) for a process running as uid:
//
//	%{TEMP}                $TMPDIR, else /tmp
//	%{uid} %{euid} %{USERID}  uid in decimal
//	%{username}            uid's user name
//	%{null}                nothing
//	%{LIBDIR} %{BINDIR} %{SBINDIR}  /usr/lib, /usr/bin, /usr/sbin (the
//	                       directories of distribution builds)
//
// The Windows-only parameters (%{APPDATA}, %{USERCONFIG}, ...) and unknown
// ones are errors, as is an unterminated "%{". A "%" not followed by "{"
// stays.
func expandKrb5Path(s string, uid int) (string, error) {
	var b strings.Builder
	for {
		i := strings.Index(s, "%{")
		if i < 0 {
			b.WriteString(s)
			return b.String(), nil
		}
		b.WriteString(s[:i])
		s = s[i+2:]
		j := strings.IndexByte(s, '}')
		if j < 0 {
			return "", errors.New("unterminated %{")
		}
		tok := s[:j]
		s = s[j+1:]
		switch tok {
		case "TEMP":
			t := os.Getenv("TMPDIR")
			if t == "" {
				t = "/tmp"
			}
			b.WriteString(t)
		case "uid", "euid", "USERID":
			b.WriteString(strconv.Itoa(uid))
		case "username":
			u, err := user.LookupId(strconv.Itoa(uid))
			if err != nil {
				return "", fmt.Errorf("no user name for uid %d: %w", uid, err)
			}
			b.WriteString(u.Username)
		case "null":
		case "LIBDIR":
			b.WriteString("/usr/lib")
		case "BINDIR":
			b.WriteString("/usr/bin")
		case "SBINDIR":
			b.WriteString("/usr/sbin")
		case "APPDATA", "COMMON_APPDATA", "LOCAL_APPDATA", "SYSTEM", "WINDOWS", "USERCONFIG", "COMMONCONFIG":
			return "", fmt.Errorf("%%{%s} exists only on Windows", tok)
		default:
			return "", fmt.Errorf("unknown parameter %%{%s}", tok)
		}
	}
}

// krb5ConfPaths lists the krb5.conf files MIT reads: the explicit one,
// else every entry of $KRB5_CONFIG, else /etc/krb5.conf.
func krb5ConfPaths(p string) []string {
	if p != "" {
		return []string{p}
	}
	if env := os.Getenv("KRB5_CONFIG"); env != "" {
		var out []string
		for _, f := range strings.Split(env, ":") {
			if f != "" {
				out = append(out, f)
			}
		}
		if len(out) > 0 {
			return out
		}
	}
	return []string{"/etc/krb5.conf"}
}

// readKrb5Defaults reads default_ccache_name and kcm_socket from the
// [libdefaults] sections of the krb5.conf files (krb5ConfPaths), following
// include and includedir directives as MIT's profile library does. The
// first value found wins, as with MIT. A listed file that does not exist
// is skipped (MIT skips it too); any other error is returned.
func readKrb5Defaults(krb5conf string) (krb5Defaults, error) {
	r := &krb5ConfReader{}
	for _, p := range krb5ConfPaths(krb5conf) {
		if err := r.file(p, 0, true); err != nil {
			return krb5Defaults{}, fmt.Errorf("auth: kerberos: krb5.conf: %w", err)
		}
	}
	return r.d, nil
}

type krb5ConfReader struct {
	d     krb5Defaults
	files int
}

func (r *krb5ConfReader) file(path string, depth int, missingOK bool) error {
	if depth > maxKrb5ConfDepth {
		return fmt.Errorf("%s: includes nest more than %d deep", path, maxKrb5ConfDepth)
	}
	if r.files++; r.files > maxKrb5ConfFiles {
		return fmt.Errorf("%s: more than %d files included", path, maxKrb5ConfFiles)
	}
	f, err := os.Open(path)
	if err != nil {
		if missingOK && errors.Is(err, os.ErrNotExist) {
			return nil
		}
		return err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxKrb5ConfSize+1))
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if len(data) > maxKrb5ConfSize {
		return fmt.Errorf("%s is larger than %d bytes", path, maxKrb5ConfSize)
	}
	return r.parse(path, data, depth)
}

// parse walks one file: "[section]" headers, "key = value" relations,
// "key = {" ... "}" subsections (skipped), comments (# or ;) and the
// include/includedir directives, which MIT accepts only at the start of a
// line.
func (r *krb5ConfReader) parse(path string, data []byte, depth int) error {
	section := ""
	nest := 0
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 4096), maxKrb5ConfSize)
	for sc.Scan() {
		raw := sc.Text()
		if strings.HasPrefix(raw, "include ") || strings.HasPrefix(raw, "include\t") {
			if err := r.file(strings.TrimSpace(raw[len("include"):]), depth+1, false); err != nil {
				return err
			}
			continue
		}
		if strings.HasPrefix(raw, "includedir ") || strings.HasPrefix(raw, "includedir\t") {
			if err := r.dir(strings.TrimSpace(raw[len("includedir"):]), depth+1); err != nil {
				return err
			}
			continue
		}
		line := strings.TrimSpace(raw)
		if line == "" || line[0] == '#' || line[0] == ';' {
			continue
		}
		if line[0] == '[' {
			end := strings.IndexByte(line, ']')
			if end < 0 {
				return fmt.Errorf("%s: section header %q has no ]", path, line)
			}
			section = line[1:end]
			nest = 0
			continue
		}
		if line[0] == '}' {
			if nest > 0 {
				nest--
			}
			continue
		}
		key, val, ok := strings.Cut(line, "=")
		if !ok {
			continue // MIT refuses such a line; gokrb5 has already judged the file
		}
		key = strings.TrimSuffix(strings.TrimSpace(key), "*")
		val = strings.TrimSpace(val)
		if val == "{" {
			nest++
			continue
		}
		if section != "libdefaults" || nest > 0 {
			continue
		}
		switch key {
		case "default_ccache_name":
			if r.d.defaultCCacheName == "" {
				r.d.defaultCCacheName = krb5ConfValue(val)
			}
		case "kcm_socket":
			if r.d.kcmSocket == "" {
				r.d.kcmSocket = krb5ConfValue(val)
			}
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// dir includes the files of an includedir in name order, only those MIT
// includes: names of letters, digits, "-" and "_", or ending in ".conf".
func (r *krb5ConfReader) dir(dir string, depth int) error {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	names := make([]string, 0, len(ents))
	for _, e := range ents {
		if includable(e.Name()) && !e.IsDir() {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	for _, n := range names {
		if err := r.file(filepath.Join(dir, n), depth, false); err != nil {
			return err
		}
	}
	return nil
}

func includable(name string) bool {
	if strings.HasSuffix(name, ".conf") && !strings.HasPrefix(name, ".") {
		return true
	}
	for _, c := range name {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			return false
		}
	}
	return name != ""
}

// krb5ConfValue unquotes a double-quoted value (with MIT's \n \t \b \\
// escapes); an unquoted value is taken as it stands.
func krb5ConfValue(v string) string {
	if len(v) < 2 || v[0] != '"' {
		return v
	}
	var b strings.Builder
	for i := 1; i < len(v); i++ {
		c := v[i]
		if c == '"' {
			break
		}
		if c == '\\' && i+1 < len(v) {
			i++
			switch v[i] {
			case 'n':
				c = '\n'
			case 't':
				c = '\t'
			case 'b':
				c = '\b'
			default:
				c = v[i]
			}
		}
		b.WriteByte(c)
	}
	return b.String()
}
