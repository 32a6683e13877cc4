package main

import (
	"os"
	"testing"

	"github.com/smb3fs/smb3fs/client"
	"github.com/smb3fs/smb3fs/client/rules"
)

// TestRootMountsForOther: root's mount for another owner is open to other
// users (allow_other, with default_permissions), so that the owner it
// shows may enter; root's own and a user's own stay closed.
func TestRootMountsForOther(t *testing.T) {
	for _, c := range []struct {
		euid     int
		uid, gid uint32
		want     bool
	}{
		{0, 0, 0, false},          // root's own
		{0, 1000, 1000, true},     // uid=1000,gid=1000
		{0, 4242, 0, true},        // uid= only
		{0, 0, 100, true},         // gid= only: group members may enter
		{1000, 1000, 1000, false}, // a user's own mount
		{1000, 4242, 4242, false}, // a user's mount stays the user's (fusermount3)
	} {
		if got := rootMountsForOther(c.euid, c.uid, c.gid); got != c.want {
			t.Errorf("euid %d uid=%d gid=%d: %v, want %v", c.euid, c.uid, c.gid, got, c.want)
		}
	}
	// fsOptions applies it for the process's own euid.
	for _, opts := range []string{"uid=4242,gid=4242", "uid=4242", "allow_other"} {
		o, err := parseMountOptions([]string{opts})
		if err != nil {
			t.Fatal(err)
		}
		fo := (&mountArgs{server: "s", share: "sh", opts: o}).fsOptions()
		want := o.AllowOther || os.Geteuid() == 0
		if fo.AllowOther != want {
			t.Errorf("%s as euid %d: AllowOther %v, want %v", opts, os.Geteuid(), fo.AllowOther, want)
		}
	}
	o, _ := parseMountOptions(nil)
	if fo := (&mountArgs{opts: o}).fsOptions(); fo.AllowOther {
		t.Errorf("no options: AllowOther")
	}
}

// TestPosixOverrides: uid=, gid=, file_mode= and dir_mode= given on the
// mount win over what the SMB3 POSIX extensions report (Force*), and
// noposix reaches the client's options.
func TestPosixOverrides(t *testing.T) {
	o, err := parseMountOptions([]string{"uid=10,file_mode=0600,nounix"})
	if err != nil {
		t.Fatal(err)
	}
	ma := &mountArgs{server: "s", share: "sh", opts: o}
	fo := ma.fsOptions()
	if !fo.ForceUID || fo.ForceGID || !fo.ForceFileMode || fo.ForceDirMode {
		t.Errorf("uid=10,file_mode=0600: %+v", fo)
	}
	if co := ma.clientOptions(client.StrictPolicy(), rules.Match{}, nil, nil); !co.NoPOSIX {
		t.Error("nounix: client options offer POSIX")
	}
	o, _ = parseMountOptions(nil)
	ma = &mountArgs{server: "s", share: "sh", opts: o}
	if fo := ma.fsOptions(); fo.ForceUID || fo.ForceGID || fo.ForceFileMode || fo.ForceDirMode {
		t.Errorf("no options: %+v", fo)
	}
	if co := ma.clientOptions(client.StrictPolicy(), rules.Match{}, nil, nil); co.NoPOSIX {
		t.Error("no options: POSIX not offered")
	}
}
