package fs

import (
	"runtime"
	"slices"
	"testing"
)

// TestMacFUSEOptions: on macOS the volume is named after the share and
// AppleDouble files are refused; elsewhere no macFUSE option is passed.
func TestMacFUSEOptions(t *testing.T) {
	for fsName, want := range map[string][]string{
		"//srv/My Share":  {"volname=My Share", "noappledouble"},
		"//[::1]/data":    {"volname=data", "noappledouble"},
		"//srv/":          {"noappledouble"},
		"":                {"noappledouble"},
		"//srv/sh,ro=bad": {"volname=sh,ro=bad", "noappledouble"}, // go-fuse escapes the comma
	} {
		if got := macFUSEOptions(fsName); !slices.Equal(got, want) {
			t.Errorf("macFUSEOptions(%q) = %q, want %q", fsName, got, want)
		}
	}
	opts := NewRoot(nil, Options{FsName: "//srv/share"}).MountOptions().MountOptions.Options
	if got, want := slices.Contains(opts, "noappledouble"), runtime.GOOS == "darwin"; got != want {
		t.Errorf("on %s, noappledouble passed: %v (options %q)", runtime.GOOS, got, opts)
	}
	for _, o := range []string{"nosuid", "nodev"} {
		if !slices.Contains(opts, o) {
			t.Errorf("%s missing from %q", o, opts)
		}
	}
}

// TestMacOSMountFlags: nobrowse and automounted, which automountd passes,
// reach macFUSE on macOS and nothing elsewhere; restricting flags reach
// the kernel everywhere.
func TestMacOSMountFlags(t *testing.T) {
	opts := NewRoot(nil, Options{FsName: "//srv/share", Kernel: []string{"nobrowse", "automounted", "noexec", "bogus"}}).MountOptions().MountOptions.Options
	for _, o := range []string{"nobrowse", "automounted"} {
		if got, want := slices.Contains(opts, o), runtime.GOOS == "darwin"; got != want {
			t.Errorf("on %s, %s passed: %v (options %q)", runtime.GOOS, o, got, opts)
		}
	}
	if !slices.Contains(opts, "noexec") || slices.Contains(opts, "bogus") {
		t.Errorf("options %q", opts)
	}
}
