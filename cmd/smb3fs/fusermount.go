package main

// Mounting as a user other than root. go-fuse mounts through the setuid
// helper fusermount3 (it never calls mount(2) itself), which checks, as
// the calling user, that the user may open /dev/fuse and write to the
// mount point, and refuses allow_other unless /etc/fuse.conf says
// user_allow_other. The mount then carries user_id=<uid>: only that user
// may enter it (not even root) unless allow_other was asked for, and
// fusermount3 -u (see unmount in unmount.go) is how that user unmounts.
//
// fusermount3 explains its refusals on its standard error, which go-fuse
// hands it from os.Stderr; the background mount process has /dev/null
// there, so mountWithHelperErrors catches that text for the error the
// mount command prints.

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"sync"

	"github.com/hanwen/go-fuse/v2/fuse"

	"github.com/smb3fs/smb3fs/client"
	smbfs "github.com/smb3fs/smb3fs/fs"
)

// fuseConfPath is fusermount3's configuration file.
var fuseConfPath = "/etc/fuse.conf"

// userAllowOther reports whether the fuse.conf at path lets users other
// than root mount with allow_other: a line "user_allow_other" (fuse.conf(5);
// '#' starts a comment). A missing file allows nothing.
func userAllowOther(path string) (bool, error) {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line, _, _ := strings.Cut(sc.Text(), "#")
		if strings.TrimSpace(line) == "user_allow_other" {
			return true, nil
		}
	}
	return false, sc.Err()
}

// checkAllowOther refuses allow_other for a user other than root when
// fusermount3 would refuse it, before anything is sent to the server.
// (macFUSE has its own rule, and says so itself.)
func checkAllowOther(o *mountOptions, euid int, confPath string) error {
	if !o.AllowOther || euid == 0 || runtime.GOOS != "linux" {
		return nil
	}
	ok, err := userAllowOther(confPath)
	if err != nil {
		return fmt.Errorf("allow_other: reading %s: %w", confPath, err)
	}
	if !ok {
		return usageErrorf("allow_other: only root may use it unless %s has a line user_allow_other", confPath)
	}
	return nil
}

// stderrMu serializes the swaps of os.Stderr in mountWithHelperErrors.
var stderrMu sync.Mutex

// mountWithHelperErrors runs mount with os.Stderr pointed at a pipe, so
// that what fusermount3 says when it refuses becomes part of the error
// (the background mount process has no terminal to show it on). What it
// says on success goes on to the real standard error.
func mountWithHelperErrors[T any](mount func() (T, error)) (T, error) {
	pr, pw, err := os.Pipe()
	if err != nil {
		return mount()
	}
	var buf bytes.Buffer
	done := make(chan struct{})
	go func() {
		io.Copy(&buf, io.LimitReader(pr, 64<<10))
		io.Copy(io.Discard, pr)
		pr.Close()
		close(done)
	}()
	stderrMu.Lock()
	saved := os.Stderr
	os.Stderr = pw
	srv, err := mount()
	os.Stderr = saved
	stderrMu.Unlock()
	pw.Close()
	<-done
	said := strings.TrimSpace(buf.String())
	switch {
	case said == "":
	case err != nil:
		err = &helperError{said: strings.ReplaceAll(said, "\n", "; "), err: err}
	default:
		fmt.Fprintln(saved, said)
	}
	return srv, err
}

// helperError is a failed mount with what the helper said about it.
type helperError struct {
	said string // fusermount3's standard error, one line
	err  error  // go-fuse's error ("fusermount exited with code N")
}

func (e *helperError) Error() string {
	return e.said + " (" + strings.TrimSpace(e.err.Error()) + ")"
}

func (e *helperError) Unwrap() error { return e.err }

// mountFS mounts tree at dir (smbfs.Mount), with fusermount3's refusals in
// the error.
func mountFS(dir string, tree *client.Tree, fo smbfs.Options) (*fuse.Server, error) {
	return mountWithHelperErrors(func() (*fuse.Server, error) { return smbfs.Mount(dir, tree, fo) })
}
