package testenv

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// sample422 is a samba422.json as scripts/testenv writes it.
const sample422 = `{
  "version": 1,
  "server": {"name": "s422", "host": "s422.smb3fs.test", "addr": "10.213.0.4", "smb_port": 445,
             "spn": "cifs/s422.smb3fs.test@SMB3FS.TEST", "max_protocol": "SMB3_11", "signing": "mandatory",
             "encryption": "required"},
  "samba_version": "4.22.6-Debian-4.22.6+dfsg-0+deb13u1~bpo12+1",
  "posix_share": "posix",
  "share": "plain",
  "posix_path": "/b/state/shares/s422/posix",
  "path": "/b/state/shares/s422/plain",
  "directory_leases": true,
  "users": ["alice", "bob"],
  "log": "/b/log/s422.log"
}`

// writeEnv writes env.json (sample) and, unless s422 is empty, samba422.json
// into a new directory; it returns env.json's path.
func writeEnv(t *testing.T, s422 string) string {
	t.Helper()
	dir := t.TempDir()
	p := filepath.Join(dir, "env.json")
	if err := os.WriteFile(p, []byte(sample), 0o600); err != nil {
		t.Fatal(err)
	}
	if s422 != "" {
		if err := os.WriteFile(filepath.Join(dir, Samba422File), []byte(s422), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return p
}

func TestLoadSamba422(t *testing.T) {
	e, err := Load(writeEnv(t, sample422))
	if err != nil {
		t.Fatal(err)
	}
	s := e.Samba422(t)
	checks := []struct{ name, got, want string }{
		{"server.host", s.Server.Host, "s422.smb3fs.test"},
		{"server.SMBAddr", s.Server.SMBAddr(), "10.213.0.4:445"},
		{"server.spn", s.Server.SPN, "cifs/s422.smb3fs.test@SMB3FS.TEST"},
		{"server.UNC", s.Server.UNC(s.PosixShare), "//s422.smb3fs.test/posix"},
		{"samba_version", s.SambaVersion, "4.22.6-Debian-4.22.6+dfsg-0+deb13u1~bpo12+1"},
		{"share", s.Share, "plain"},
		{"posix_path", s.PosixPath, "/b/state/shares/s422/posix"},
		{"path", s.Path, "/b/state/shares/s422/plain"},
		{"share_dirs[posix]", e.ShareDirs["posix"], "/b/state/shares/s422/posix"},
		{"share_dirs[plain]", e.ShareDirs["plain"], "/b/state/shares/s422/plain"},
		{"share_dirs[old]", e.ShareDirs["old"], "/b/state/shares/legacy/old"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.name, c.got, c.want)
		}
	}
	if !s.DirectoryLeases || len(s.Users) != 2 {
		t.Errorf("directory_leases %v, users %q", s.DirectoryLeases, s.Users)
	}
}

// An environment without s422 loads, and Samba422 then fails the test.
func TestSamba422Missing(t *testing.T) {
	e, err := Load(writeEnv(t, ""))
	if err != nil {
		t.Fatal(err)
	}
	f := &fakeTB{}
	done := make(chan struct{})
	go func() {
		defer close(done)
		e.Samba422(f)
	}()
	<-done
	if f.fatal == "" || f.skip != "" {
		t.Fatalf("Samba422 without %s: fatal=%q skip=%q", Samba422File, f.fatal, f.skip)
	}
	if !strings.Contains(f.fatal, "scripts/testenv s422") {
		t.Errorf("failure message %q does not say how to start s422", f.fatal)
	}
}

func TestLoadSamba422Rejects(t *testing.T) {
	cases := map[string]struct{ from, to, wantErr string }{
		"no host":       {`"host": "s422.smb3fs.test"`, `"host": ""`, "server.host"},
		"no port":       {`"smb_port": 445`, `"smb_port": 0`, "server.smb_port"},
		"no posix path": {`"posix_path": "/b/state/shares/s422/posix"`, `"posix_path": ""`, "posix_path"},
		"same shares":   {`"share": "plain"`, `"share": "posix"`, "both"},
		"clash":         {`"share": "plain"`, `"share": "old"`, "also"},
		"wrong version": {`"version": 1`, `"version": 2`, "version 2"},
		"unknown field": {`"share": "plain"`, `"share": "plain", "bogus": 1`, "bogus"},
		"not json":      {`{`, `[`, "parsing"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			data := strings.Replace(sample422, c.from, c.to, 1)
			if data == sample422 {
				t.Fatalf("test case does not change the sample (%q not found)", c.from)
			}
			_, err := Load(writeEnv(t, data))
			if err == nil {
				t.Fatalf("Load accepted %s with %s", Samba422File, name)
			}
			if !strings.Contains(err.Error(), c.wantErr) {
				t.Errorf("error %q does not mention %q", err, c.wantErr)
			}
		})
	}
}
