package main

// The macOS examples of docs/mounting.md (testdata/macos): an
// /etc/auto_master line and its autofs map, and a launchd agent. Each map
// entry goes through the helper as automountd would run it, with the
// options automountd adds, and the agent's command line through smb3fs
// mount's parser; both under the documented hardening rules. No Mac runs
// them: this checks what mount_smb3fs is given, not automountd itself.

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// autofsFields returns the fields of each entry of an autofs file
// (auto_master or a map), comments and blank lines left out.
func autofsFields(t *testing.T, path string) [][]string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var entries [][]string
	for _, line := range strings.Split(string(data), "\n") {
		if line = strings.TrimSpace(line); line == "" || line[0] == '#' {
			continue
		}
		entries = append(entries, strings.Fields(line))
	}
	if len(entries) == 0 {
		t.Fatalf("%s: no entry", path)
	}
	return entries
}

func TestDocAutofsExamples(t *testing.T) {
	for _, master := range autofsFields(t, filepath.Join(docsTestdata, "macos", "auto_master")) {
		if len(master) != 3 || !filepath.IsAbs(master[0]) || !strings.HasPrefix(master[2], "-") {
			t.Fatalf("auto_master line %q: want MOUNTPOINT MAP -OPTIONS", master)
		}
		masterOpts := strings.TrimPrefix(master[2], "-")
		mapPath := filepath.Join(docsTestdata, "macos", master[1])
		for _, e := range autofsFields(t, mapPath) {
			t.Run(master[1]+"/"+e[0], func(t *testing.T) {
				if len(e) != 3 || !strings.HasPrefix(e[1], "-") || !strings.HasPrefix(e[2], "://") {
					t.Fatalf("%q: want KEY -OPTIONS ://server/share", e)
				}
				var opts []string
				fstype := ""
				for _, o := range strings.Split(strings.TrimPrefix(e[1], "-"), ",") {
					if v, ok := strings.CutPrefix(o, "fstype="); ok {
						fstype = v
					} else {
						opts = append(opts, o)
					}
				}
				if fstype != "smb3fs" {
					t.Fatalf("%q: fstype=%s, want smb3fs (macOS then runs mount_smb3fs)", e, fstype)
				}
				// automountd: the master line's options, the entry's, and
				// automounted; the location without autofs's host colon.
				all := strings.Join(append([]string{"automounted", masterOpts}, opts...), ",")
				src := strings.TrimPrefix(e[2], ":")
				o := resolveDocOptions(t, src, all)
				if !o.AllowOther {
					t.Errorf("%q: automountd mounts as root; without allow_other the user cannot enter", e)
				}
				args := []string{"/Library/Filesystems/smb3fs.fs/Contents/Resources/mount_smb3fs", "-f",
					"-o", docCredentials(t, all), src, filepath.Join(t.TempDir())}
				if got := run(args); got != exitOK {
					t.Errorf("%q: exit %d", args, got)
				}
			})
		}
	}
}

// plistValue decodes the plist value whose start element is se: string,
// integer, true, false, array or dict (map[string]any).
func plistValue(d *xml.Decoder, se xml.StartElement) (any, error) {
	switch se.Name.Local {
	case "string", "integer", "key":
		var s string
		err := d.DecodeElement(&s, &se)
		return s, err
	case "true", "false":
		return se.Name.Local == "true", d.Skip()
	case "array", "dict":
		var list []any
		for {
			tok, err := d.Token()
			if err != nil {
				return nil, err
			}
			if _, ok := tok.(xml.EndElement); ok {
				break
			}
			if s, ok := tok.(xml.StartElement); ok {
				v, err := plistValue(d, s)
				if err != nil {
					return nil, err
				}
				list = append(list, v)
			}
		}
		if se.Name.Local == "array" {
			return list, nil
		}
		m := map[string]any{}
		if len(list)%2 != 0 {
			return nil, errors.New("dict: a key without a value")
		}
		for i := 0; i < len(list); i += 2 {
			k, ok := list[i].(string)
			if !ok {
				return nil, fmt.Errorf("dict: key %v", list[i])
			}
			if _, dup := m[k]; dup {
				return nil, fmt.Errorf("dict: key %s twice", k)
			}
			m[k] = list[i+1]
		}
		return m, nil
	}
	return nil, fmt.Errorf("unknown plist element <%s>", se.Name.Local)
}

// readPlist returns the top-level dict of a plist file.
func readPlist(t *testing.T, path string) map[string]any {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	d := xml.NewDecoder(f)
	for {
		tok, err := d.Token()
		if err == io.EOF {
			t.Fatalf("%s: no <plist><dict>", path)
		} else if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "dict" {
			v, err := plistValue(d, se)
			if err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			return v.(map[string]any)
		}
	}
}

func TestDocLaunchdExamples(t *testing.T) {
	for _, path := range docFiles(t, "macos/*.plist") {
		t.Run(filepath.Base(path), func(t *testing.T) {
			p := readPlist(t, path)
			if label := p["Label"]; label != strings.TrimSuffix(filepath.Base(path), ".plist") {
				t.Errorf("Label %v: launchd wants the file named after it", label)
			}
			list, _ := p["ProgramArguments"].([]any)
			var args []string
			for _, a := range list {
				s, ok := a.(string)
				if !ok {
					t.Fatalf("ProgramArguments holds %v", a)
				}
				args = append(args, s)
			}
			if len(args) < 2 || filepath.Base(args[0]) != "smb3fs" || !filepath.IsAbs(args[0]) || args[1] != "mount" {
				t.Fatalf("ProgramArguments %q: want /path/to/smb3fs mount ...", args)
			}
			ma, err := parseMountArgs(args[2:])
			if err != nil {
				t.Fatalf("ProgramArguments %q: %v", args, err)
			}
			// launchd keeps the job's process: it must be the daemon,
			// and launchd's SIGTERM at logout unmounts.
			if !ma.foreground {
				t.Errorf("ProgramArguments %q: an agent runs smb3fs mount --foreground", args)
			}
			resolveDocOptions(t, "//"+ma.server+"/"+ma.share, strings.Join(ma.rawOpts, ","))
			if p["RunAtLoad"] != true {
				t.Errorf("RunAtLoad %v: the example mounts at login", p["RunAtLoad"])
			}
			// Restarted after a failure (no network yet), not after an
			// unmount (exit 0).
			if ka, _ := p["KeepAlive"].(map[string]any); ka == nil || ka["SuccessfulExit"] != false {
				t.Errorf("KeepAlive %v: want {SuccessfulExit: false}", p["KeepAlive"])
			}
			// macOS's default ticket cache (API:) is not one smb3fs reads.
			if env, _ := p["EnvironmentVariables"].(map[string]any); env == nil || !strings.HasPrefix(fmt.Sprint(env["KRB5CCNAME"]), "FILE:/") {
				t.Errorf("EnvironmentVariables %v: want KRB5CCNAME=FILE:/...", p["EnvironmentVariables"])
			}
		})
	}
}
