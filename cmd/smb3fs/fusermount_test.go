package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func TestUserAllowOther(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		conf string
		want bool
	}{
		{"user_allow_other\n", true},
		{"  user_allow_other  \n", true},
		{"mount_max = 10\nuser_allow_other # users too\n", true},
		{"#user_allow_other\n", false},
		{"# user_allow_other\nmount_max = 1000\n", false},
		{"user_allow_other_not\n", false},
		{"", false},
	} {
		p := filepath.Join(dir, "fuse.conf")
		if err := os.WriteFile(p, []byte(tc.conf), 0o644); err != nil {
			t.Fatal(err)
		}
		if got, err := userAllowOther(p); err != nil || got != tc.want {
			t.Errorf("%q: %v, %v; want %v", tc.conf, got, err, tc.want)
		}
	}
	if got, err := userAllowOther(filepath.Join(dir, "missing")); err != nil || got {
		t.Errorf("missing file: %v, %v", got, err)
	}
}

func TestCheckAllowOther(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("fuse.conf is fusermount3's (Linux)")
	}
	dir := t.TempDir()
	no := filepath.Join(dir, "no.conf")
	yes := filepath.Join(dir, "yes.conf")
	os.WriteFile(no, []byte("#user_allow_other\n"), 0o644)
	os.WriteFile(yes, []byte("user_allow_other\n"), 0o644)
	o, err := parseMountOptions([]string{"allow_other"})
	if err != nil || !o.AllowOther {
		t.Fatalf("allow_other: %+v %v", o, err)
	}
	if err := checkAllowOther(o, 0, no); err != nil {
		t.Errorf("root: %v", err)
	}
	if err := checkAllowOther(o, 1000, yes); err != nil {
		t.Errorf("user, user_allow_other: %v", err)
	}
	err = checkAllowOther(o, 1000, no)
	if !errors.Is(err, errUsage) || !strings.Contains(err.Error(), "user_allow_other") {
		t.Errorf("user without user_allow_other: %v", err)
	}
	plain, _ := parseMountOptions(nil)
	if plain.AllowOther {
		t.Errorf("allow_other by default")
	}
	if err := checkAllowOther(plain, 1000, no); err != nil {
		t.Errorf("no allow_other asked: %v", err)
	}
}

func TestMountWithHelperErrors(t *testing.T) {
	base := errors.New("fusermount exited with code 256\n")
	_, err := mountWithHelperErrors(func() (int, error) {
		fmt.Fprintln(os.Stderr, "/usr/bin/fusermount3: failed to open /dev/fuse: Permission denied")
		return 0, base
	})
	if !errors.Is(err, base) || err.Error() != "/usr/bin/fusermount3: failed to open /dev/fuse: Permission denied (fusermount exited with code 256)" {
		t.Errorf("got %q", err)
	}
	n, err := mountWithHelperErrors(func() (int, error) { return 7, nil })
	if n != 7 || err != nil {
		t.Errorf("success: %d %v", n, err)
	}
}
