package auth

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func writeFile(t *testing.T, p, content string) string {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// The order MIT uses: explicit name, $KRB5CCNAME, default_ccache_name,
// FILE:/tmp/krb5cc_%{uid}.
func TestCCacheNameOrder(t *testing.T) {
	dir := t.TempDir()
	conf := writeFile(t, filepath.Join(dir, "krb5.conf"),
		"[libdefaults]\n default_realm = X\n default_ccache_name = KEYRING:persistent:%{uid}\n")
	bare := writeFile(t, filepath.Join(dir, "bare.conf"), "[libdefaults]\n default_realm = X\n")
	t.Setenv("KRB5CCNAME", "")
	for _, tc := range []struct {
		explicit, env, conf, want string
	}{
		{"KCM:", "DIR:/d", conf, "KCM:"},
		{"", "DIR:/d", conf, "DIR:/d"},
		{"", "", conf, "KEYRING:persistent:4321"},
		{"", "", bare, "FILE:/tmp/krb5cc_4321"},
		{"", "", filepath.Join(dir, "missing.conf"), "FILE:/tmp/krb5cc_4321"},
		{"/plain/path", "", conf, "FILE:/plain/path"},
		{"rel:ative/x", "", conf, "rel:ative/x"}, // a type: the resolver refuses it
		{"./a:b", "", conf, "FILE:./a:b"},        // "/" before the colon: a path
	} {
		t.Setenv("KRB5CCNAME", tc.env)
		got, err := ccacheName(tc.explicit, tc.conf, 4321)
		if err != nil || got != tc.want {
			t.Errorf("ccacheName(%q) env %q conf %s = %q, %v; want %q", tc.explicit, tc.env, filepath.Base(tc.conf), got, err, tc.want)
		}
	}
	t.Setenv("KRB5CCNAME", "")
	t.Setenv("KRB5_CONFIG", filepath.Join(dir, "missing.conf")+":"+conf)
	if got, err := DefaultCCacheName("", 7); err != nil || got != "KEYRING:persistent:7" {
		t.Errorf("KRB5_CONFIG list: %q %v", got, err)
	}
	if _, err := ccacheName("FILE:", conf, 1); err == nil {
		t.Error("FILE: accepted")
	}
}

func TestExpandKrb5Path(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("TMPDIR", "")
	for in, want := range map[string]string{
		"FILE:/tmp/krb5cc_%{uid}":           "FILE:/tmp/krb5cc_1000",
		"%{euid}-%{USERID}":                 "1000-1000",
		"FILE:%{TEMP}/cc":                   "FILE:/tmp/cc",
		"KCM:%{null}":                       "KCM:",
		"DIR:%{LIBDIR}/%{BINDIR}%{SBINDIR}": "DIR:/usr/lib//usr/bin/usr/sbin",
		"100%":                              "100%",
		"a%b%{uid}%":                        "a%b1000%",
	} {
		got, err := expandKrb5Path(in, 1000)
		if err != nil || got != want {
			t.Errorf("expand %q = %q, %v; want %q", in, got, err, want)
		}
	}
	t.Setenv("TMPDIR", "/var/tmp/me")
	if got, _ := expandKrb5Path("%{TEMP}/x", 1); got != "/var/tmp/me/x" {
		t.Errorf("TEMP with TMPDIR: %q", got)
	}
	if got, err := expandKrb5Path("KEYRING:%{username}", 0); err != nil || got != "KEYRING:root" {
		t.Errorf("username of uid 0: %q %v", got, err)
	}
	for in, want := range map[string]string{
		"%{uid":         "unterminated",
		"%{nope}":       "unknown parameter %{nope}",
		"%{APPDATA}/x":  "only on Windows",
		"%{USERCONFIG}": "only on Windows",
		"%{username}":   "no user name",
	} {
		_, err := expandKrb5Path(in, 2147483000)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("expand %q: %v, want %q", in, err, want)
		}
	}
	conf := writeFile(t, filepath.Join(dir, "krb5.conf"), "[libdefaults]\n default_ccache_name = FILE:%{bogus}\n")
	t.Setenv("KRB5CCNAME", "")
	if _, err := ccacheName("", conf, 1); err == nil || !strings.Contains(err.Error(), "default_ccache_name") {
		t.Errorf("bad template: %v", err)
	}
}

// The [libdefaults] reader: quoting, subsections, other sections,
// comments, the first value winning, include and includedir.
func TestReadKrb5Defaults(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "d", "10-kcm"), "[libdefaults]\n default_ccache_name = KCM:\n")
	writeFile(t, filepath.Join(dir, "d", "20-x.conf"), "[libdefaults]\n kcm_socket = /run/kcm\n")
	writeFile(t, filepath.Join(dir, "d", "30.skip~"), "[libdefaults]\n kcm_socket = /wrong\n")
	writeFile(t, filepath.Join(dir, "inc.conf"), "[libdefaults]\n\tdefault_ccache_name = DIR:/wrong\n")
	main := writeFile(t, filepath.Join(dir, "krb5.conf"), `# comment
[realms]
 X = {
  default_ccache_name = FILE:/wrong
 }
[libdefaults]
 ; comment
 default_realm = X
 sub = {
  default_ccache_name = FILE:/wrong/too
 }
includedir `+filepath.Join(dir, "d")+`
include `+filepath.Join(dir, "inc.conf")+`
 default_ccache_name = FILE:/late
[domain_realm]
 kcm_socket = /wrong
`)
	d, err := readKrb5Defaults(main)
	if err != nil {
		t.Fatal(err)
	}
	if d.defaultCCacheName != "KCM:" || d.kcmSocket != "/run/kcm" {
		t.Errorf("got %+v", d)
	}
	q := writeFile(t, filepath.Join(dir, "q.conf"), "[libdefaults]\n default_ccache_name* = \"FILE:/a b\\\\c\"\n")
	if d, err := readKrb5Defaults(q); err != nil || d.defaultCCacheName != `FILE:/a b\c` {
		t.Errorf("quoted: %+v %v", d, err)
	}
	loop := writeFile(t, filepath.Join(dir, "loop.conf"), "include "+filepath.Join(dir, "loop.conf")+"\n")
	if _, err := readKrb5Defaults(loop); err == nil || !strings.Contains(err.Error(), "nest") {
		t.Errorf("include loop: %v", err)
	}
	bad := writeFile(t, filepath.Join(dir, "bad.conf"), "include "+filepath.Join(dir, "absent.conf")+"\n")
	if _, err := readKrb5Defaults(bad); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing include: %v", err)
	}
	big := writeFile(t, filepath.Join(dir, "big.conf"), strings.Repeat("#", maxKrb5ConfSize+1))
	if _, err := readKrb5Defaults(big); err == nil {
		t.Error("an oversized krb5.conf was read")
	}
}
