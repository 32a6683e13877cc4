package testenv

// The Samba 4.22 server s422 (scripts/testenv: "Samba 4.22 (s422)"): a
// current smbd beside the 4.17 DC, for SMB3 POSIX extensions and directory
// leases. scripts/testenv describes it in a file of its own,
// Samba422File beside env.json, so that env.json keeps the fields older
// checkouts' strict parser knows; Load reads both.

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Samba422File is the name of s422's description, in the directory of
// env.json.
const Samba422File = "samba422.json"

// Samba422 describes s422, a Samba 4.22 member server of the test domain.
// It requires signing and encryption (server smb encrypt = required),
// accepts Kerberos only (Server.SPN), offers SMB3 POSIX extensions in its
// NEGOTIATE response and on PosixShare (not on Share), and grants directory
// leases (smb3 directory leases = yes) on both shares.
type Samba422 struct {
	// Version of the samba422.json format (SupportedVersion).
	Version int `json:"version"`
	// Server is the host: name s422, host s422.smb3fs.test, its address,
	// port and SPN.
	Server Server `json:"server"`
	// SambaVersion is what the server's smbd -V says (4.22.6-Debian-...).
	SambaVersion string `json:"samba_version"`
	// PosixShare is the share with smb3 unix extensions = yes.
	PosixShare string `json:"posix_share"`
	// Share is the share without unix extensions.
	Share string `json:"share"`
	// PosixPath is the directory behind PosixShare on the server's disk.
	PosixPath string `json:"posix_path"`
	// Path is the directory behind Share on the server's disk.
	Path string `json:"path"`
	// DirectoryLeases is true when the server is configured to grant
	// directory leases.
	DirectoryLeases bool `json:"directory_leases"`
	// Users names the environment's users (Environment.User) the server
	// knows: the domain's alice and bob. Files they write are theirs
	// (User.UID, User.GID) on the server's disk.
	Users []string `json:"users"`
	// Log is the log file of s422's smbd and winbindd.
	Log string `json:"log"`
}

// ParseSamba422 decodes and checks the contents of a samba422.json file;
// unknown fields are rejected, as in Parse.
func ParseSamba422(data []byte) (*Samba422, error) {
	var s Samba422
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&s); err != nil {
		return nil, fmt.Errorf("testenv: parsing %s: %w", Samba422File, err)
	}
	if s.Version != SupportedVersion {
		return nil, fmt.Errorf("testenv: %s version %d, want %d (re-run scripts/testenv s422)", Samba422File, s.Version, SupportedVersion)
	}
	var missing []string
	for _, f := range []struct{ name, v string }{
		{"server.host", s.Server.Host}, {"server.addr", s.Server.Addr}, {"server.spn", s.Server.SPN},
		{"posix_share", s.PosixShare}, {"share", s.Share}, {"posix_path", s.PosixPath}, {"path", s.Path},
	} {
		if f.v == "" {
			missing = append(missing, f.name)
		}
	}
	if s.Server.SMBPort == 0 {
		missing = append(missing, "server.smb_port")
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("testenv: %s lacks %s", Samba422File, strings.Join(missing, ", "))
	}
	if s.PosixShare == s.Share {
		return nil, fmt.Errorf("testenv: %s: posix_share and share are both %q", Samba422File, s.Share)
	}
	return &s, nil
}

// loadSamba422 reads Samba422File in dir into e (e.samba422, and the two
// shares' directories into e.ShareDirs, for ScratchName). A missing file
// is no error: Samba422 then fails the tests that need the server.
func (e *Environment) loadSamba422(dir string) error {
	data, err := os.ReadFile(filepath.Join(dir, Samba422File))
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("testenv: %w", err)
	}
	s, err := ParseSamba422(data)
	if err != nil {
		return err
	}
	for share, dir := range map[string]string{s.PosixShare: s.PosixPath, s.Share: s.Path} {
		if old, ok := e.ShareDirs[share]; ok && old != dir {
			return fmt.Errorf("testenv: share %q of s422 is also %s in env.json", share, old)
		}
		if e.ShareDirs == nil {
			e.ShareDirs = make(map[string]string)
		}
		e.ShareDirs[share] = dir
	}
	e.samba422 = s
	return nil
}

// Samba422Server returns the Samba 4.22 server s422, and false when the
// environment has none (for programs; tests use Samba422).
func (e *Environment) Samba422Server() (*Samba422, bool) { return e.samba422, e.samba422 != nil }

// Samba422 returns the Samba 4.22 server s422, failing the test (never
// skipping it) when the environment has none: `scripts/testenv s422`
// starts it in a running environment, `scripts/testenv up` too.
func (e *Environment) Samba422(t testing.TB) *Samba422 {
	t.Helper()
	if e.samba422 == nil {
		t.Fatalf("testenv: the Samba 4.22 server s422 is missing (no %s beside env.json in %s); "+
			"start it with scripts/testenv s422 (or scripts/testenv up)", Samba422File, e.Base)
		return nil
	}
	return e.samba422
}
