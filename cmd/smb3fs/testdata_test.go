package main

// The fstab lines, credentials files and systemd units that the README and
// docs/mounting.md show live in the top-level testdata (the docs quote them
// byte for byte, which internal/doccheck checks). Here each one goes
// through the parser that reads it in a real mount, and its share through
// the documented hardening rules: a mounting example cannot rot.

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/smb3fs/smb3fs/client/rules"
)

// docsTestdata is the top-level testdata, seen from this package.
const docsTestdata = "../../testdata"

// docsRulesFile is the hardening file the mounting examples are written
// against (the README's).
const docsRulesFile = docsTestdata + "/rules/hardening.conf"

// docFiles returns the files matching pattern under testdata, failing the
// test when there are none.
func docFiles(t *testing.T, pattern string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(docsTestdata, pattern))
	if err != nil || len(files) == 0 {
		t.Fatalf("no %s in %s: %v", pattern, docsTestdata, err)
	}
	return files
}

// privateCopy copies path into a fresh directory with mode 0600, as a
// credentials file must be (git checks files out 0644), and returns the
// copy's name.
func privateCopy(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), filepath.Base(path))
	if err := os.WriteFile(p, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// docCredentials rewrites credentials=PATH in an option string to a 0600
// copy of testdata/credentials/BASENAME: the docs name the file where it
// is installed (/etc/smb3fs/...), the test reads the example itself.
func docCredentials(t *testing.T, opts string) string {
	t.Helper()
	list := strings.Split(opts, ",")
	for i, o := range list {
		k, v, _ := strings.Cut(o, "=")
		if k != "credentials" && k != "cred" {
			continue
		}
		ex := filepath.Join(docsTestdata, "credentials", filepath.Base(v))
		if _, err := os.Stat(ex); err != nil {
			t.Fatalf("%s names a credentials file with no example in testdata/credentials: %v", o, err)
		}
		list[i] = k + "=" + privateCopy(t, ex)
	}
	return strings.Join(list, ",")
}

// resolveDocOptions parses an option string as a mount does and resolves
// the share's policy under the documented hardening rules, with the
// request resolvePolicy builds from the same options.
func resolveDocOptions(t *testing.T, unc, opts string) *mountOptions {
	t.Helper()
	server, share, err := parseUNC(unc)
	if err != nil {
		t.Fatalf("source %s: %v", unc, err)
	}
	o, err := parseMountOptions([]string{docCredentials(t, opts)})
	if err != nil {
		t.Fatalf("options %s: %v", opts, err)
	}
	data, err := os.ReadFile(docsRulesFile)
	if err != nil {
		t.Fatal(err)
	}
	rs, err := rules.Parse(docsRulesFile, data)
	if err != nil {
		t.Fatal(err)
	}
	req := rules.Request{Sec: o.Sec}
	if o.Seal {
		req.RequirePrivacy = &o.Seal
	}
	if o.Vers != nil {
		req.MinDialect, req.MaxDialect = o.Vers, o.Vers
	}
	if _, m, err := rs.Resolve(server, share, req); err != nil {
		t.Fatalf("%s with %s under %s: %v", unc, opts, docsRulesFile, err)
	} else {
		t.Logf("%s: rule %s", unc, m)
	}
	return o
}

// checkDocMount parses a mount as mount(8) hands it to mount.smb3fs
// (SOURCE DIR -o OPTIONS), so that what parseMountArgs checks beyond the
// options (keytab= needs principal=) holds for the example; a keytab's
// principal must name its realm, which the examples' hosts do not imply.
func checkDocMount(t *testing.T, what, where, opts string) {
	t.Helper()
	ma, err := parseMountArgs([]string{what, where, "-o", docCredentials(t, opts)})
	if err != nil {
		t.Fatalf("mount.smb3fs %s %s -o %s: %v", what, where, opts, err)
	}
	if ma.keytab != "" && !strings.Contains(ma.principal, "@") {
		t.Errorf("keytab=%s with principal=%q: name the realm (user@REALM)", ma.keytab, ma.principal)
	}
	if ma.keytab != "" && !filepath.IsAbs(ma.keytab) {
		t.Errorf("keytab=%s: use an absolute path", ma.keytab)
	}
}

func TestDocFstabExamples(t *testing.T) {
	for _, path := range docFiles(t, "fstab/*.fstab") {
		t.Run(filepath.Base(path), func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			n := 0
			for _, line := range strings.Split(string(data), "\n") {
				if line = strings.TrimSpace(line); line == "" || line[0] == '#' {
					continue
				}
				n++
				f := strings.Fields(line)
				if len(f) != 6 {
					t.Fatalf("%q: %d fields, want 6 (spec, file, vfstype, mntopts, freq, passno)", line, len(f))
				}
				if f[2] != "smb3fs" {
					t.Errorf("%q: type %s, want smb3fs", line, f[2])
				}
				if !filepath.IsAbs(f[1]) {
					t.Errorf("%q: mount point %s is not absolute", line, f[1])
				}
				resolveDocOptions(t, f[0], f[3])
				checkDocMount(t, f[0], f[1], f[3])
			}
			if n == 0 {
				t.Fatal("no fstab line")
			}
		})
	}
}

func TestDocCredentialsExamples(t *testing.T) {
	for _, path := range docFiles(t, "credentials/*.cred") {
		t.Run(filepath.Base(path), func(t *testing.T) {
			p := privateCopy(t, path)
			var o mountOptions
			if err := o.readCredentials(p); err != nil {
				t.Fatalf("readCredentials: %v", err)
			}
			if o.Username == "" || len(o.Password) == 0 {
				t.Errorf("username %q, %d password bytes: the example should show both", o.Username, len(o.Password))
			}
			// The docs say a file others can read is refused.
			if err := os.Chmod(p, 0o644); err != nil {
				t.Fatal(err)
			}
			var o2 mountOptions
			if err := o2.readCredentials(p); err == nil || !strings.Contains(err.Error(), "chmod 600") {
				t.Errorf("mode 0644: %v, want a refusal saying chmod 600", err)
			}
		})
	}
}

// unitSection returns the Key=Value settings of one [section] of a systemd
// unit file (the last value of a repeated key).
func unitSection(t *testing.T, path, section string) map[string]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	kv := map[string]string{}
	cur := ""
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "" || line[0] == '#' || line[0] == ';':
		case line[0] == '[':
			cur = strings.Trim(line, "[]")
		case cur == section:
			k, v, ok := strings.Cut(line, "=")
			if !ok {
				t.Fatalf("%s: %q is not Key=Value", path, line)
			}
			kv[k] = v
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(kv) == 0 {
		t.Fatalf("%s: no [%s] section", path, section)
	}
	return kv
}

func TestDocSystemdMountExamples(t *testing.T) {
	for _, path := range docFiles(t, "systemd/*.mount") {
		t.Run(filepath.Base(path), func(t *testing.T) {
			m := unitSection(t, path, "Mount")
			if m["Type"] != "smb3fs" {
				t.Errorf("Type=%s, want smb3fs", m["Type"])
			}
			// systemd wants the unit named after its mount point; the
			// examples use plain paths, where the escaping is / -> -.
			where := m["Where"]
			if strings.ContainsAny(where, `-\ `) || !filepath.IsAbs(where) {
				t.Fatalf("Where=%s: use a plain absolute path in the examples", where)
			}
			if want := strings.ReplaceAll(strings.TrimPrefix(where, "/"), "/", "-") + ".mount"; filepath.Base(path) != want {
				t.Errorf("unit for Where=%s is named %s, systemd wants %s", where, filepath.Base(path), want)
			}
			resolveDocOptions(t, m["What"], m["Options"])
			checkDocMount(t, m["What"], where, m["Options"])
			// A network share waits for the network: _netdev, or the
			// ordering itself.
			u := unitSection(t, path, "Unit")
			if !strings.Contains(","+m["Options"]+",", ",_netdev,") && !strings.Contains(u["After"], "network-online.target") {
				t.Errorf("neither _netdev nor After=network-online.target")
			}
		})
	}
}

func TestDocSystemdAutomountExamples(t *testing.T) {
	for _, path := range docFiles(t, "systemd/*.automount") {
		t.Run(filepath.Base(path), func(t *testing.T) {
			a := unitSection(t, path, "Automount")
			where := a["Where"]
			if strings.ContainsAny(where, `-\ `) || !filepath.IsAbs(where) {
				t.Fatalf("Where=%s: use a plain absolute path in the examples", where)
			}
			base := strings.ReplaceAll(strings.TrimPrefix(where, "/"), "/", "-")
			if filepath.Base(path) != base+".automount" {
				t.Errorf("unit for Where=%s is named %s, systemd wants %s.automount", where, filepath.Base(path), base)
			}
			// systemd mounts the .mount unit of the same name: it must be
			// an example too, of an smb3fs share at the same place.
			m := unitSection(t, filepath.Join(filepath.Dir(path), base+".mount"), "Mount")
			if m["Type"] != "smb3fs" || m["Where"] != where {
				t.Errorf("%s.mount: Type=%s Where=%s, want smb3fs at %s", base, m["Type"], m["Where"], where)
			}
		})
	}
}

func TestDocSystemdServiceExamples(t *testing.T) {
	for _, path := range docFiles(t, "systemd/*.service") {
		t.Run(filepath.Base(path), func(t *testing.T) {
			s := unitSection(t, path, "Service")
			args := strings.Fields(s["ExecStart"])
			if len(args) < 2 || filepath.Base(args[0]) != "smb3fs" || args[1] != "mount" {
				t.Fatalf("ExecStart=%s: want smb3fs mount ...", s["ExecStart"])
			}
			ma, err := parseMountArgs(args[2:])
			if err != nil {
				t.Fatalf("ExecStart=%s: %v", s["ExecStart"], err)
			}
			// A service must keep the daemon attached: its SIGTERM unmounts.
			if !ma.foreground {
				t.Errorf("ExecStart=%s: a service runs smb3fs mount --foreground", s["ExecStart"])
			}
			// --foreground tells systemd when the mount answers (sd_notify).
			if s["Type"] != "notify" {
				t.Errorf("Type=%s: want notify, so that units after it start once the mount answers", s["Type"])
			}
			if ma.keytab != "" && !strings.Contains(ma.principal, "@") {
				t.Errorf("keytab %s with principal %q: name the realm", ma.keytab, ma.principal)
			}
			resolveDocOptions(t, "//"+ma.server+"/"+ma.share, strings.Join(ma.rawOpts, ","))
		})
	}
}
