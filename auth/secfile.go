package auth

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
)

// errUnsafeFile marks a credential file refused for its ownership or
// permissions, or those of the path that reaches it.
var errUnsafeFile = errors.New("refused")

// maxSymlinks bounds the symbolic links followed on one path, as the
// kernel's ELOOP limit does.
const maxSymlinks = 40

// openOwnedFile opens path read-only for the user uid, as OpenSSH's
// secure_filename checks its files, and more strictly:
//
//   - every directory on the way, from "/", is owned by uid or root and is
//     not group- or other-writable, unless it has the sticky bit (as /tmp
//     does: others may add names but not replace ours);
//   - every symbolic link on the way is owned by uid or root (its target is
//     then walked the same way);
//   - the file itself, opened with O_NOFOLLOW and checked with fstat on the
//     opened descriptor (no window between check and use), is owned by uid
//     or root and is not group- or other-writable.
//
// The directories are checked by name, which is sound because each one
// checked can only be changed by uid or root: nobody else can swap a name
// below it. It returns the open file and its fstat, or an error wrapping
// errUnsafeFile that names the file and the reason. The caller checks the
// kind of file (regular, not a FIFO) before using the contents, which is
// why a non-regular file's owner and mode are not judged here.
func openOwnedFile(path string, uid int) (*os.File, os.FileInfo, error) {
	if !filepath.IsAbs(path) {
		abs, err := filepath.Abs(path)
		if err != nil {
			return nil, nil, err
		}
		path = abs
	}
	if err := checkDir("/", uid); err != nil {
		return nil, nil, err
	}
	resolved := "/" // a path without symbolic links, every directory of it checked
	rest := splitPath(path)
	links := 0
	for len(rest) > 0 {
		c := rest[0]
		rest = rest[1:]
		switch c {
		case ".":
			continue
		case "..":
			resolved = filepath.Dir(resolved)
			continue
		}
		p := filepath.Join(resolved, c)
		fi, err := os.Lstat(p)
		if err != nil {
			return nil, nil, err
		}
		if fi.Mode()&os.ModeSymlink != 0 {
			if owner := fileUID(fi); owner != uid && owner != 0 {
				return nil, nil, fmt.Errorf("%w: reached through symbolic link %s owned by uid %d (not uid %d or root)", errUnsafeFile, p, owner, uid)
			}
			if links++; links > maxSymlinks {
				return nil, nil, fmt.Errorf("%w: more than %d symbolic links on the way", errUnsafeFile, maxSymlinks)
			}
			target, err := os.Readlink(p)
			if err != nil {
				return nil, nil, err
			}
			if filepath.IsAbs(target) {
				resolved = "/"
			}
			rest = append(splitPath(target), rest...)
			continue
		}
		if len(rest) == 0 {
			return openLast(p, uid)
		}
		if !fi.IsDir() {
			return nil, nil, fmt.Errorf("%s: %w", p, syscall.ENOTDIR)
		}
		if err := checkDir(p, uid); err != nil {
			return nil, nil, err
		}
		resolved = p
	}
	// The path named a directory ("/", or ending in ".."): open it so the
	// caller reports it as not a regular file.
	return openLast(resolved, uid)
}

// openLast opens the last component p, every directory above it checked,
// with O_NOFOLLOW: a name replaced by a symbolic link since the walk looked
// at it fails with ELOOP. The owner and mode are read from the descriptor.
func openLast(p string, uid int) (*os.File, os.FileInfo, error) {
	f, err := os.OpenFile(p, os.O_RDONLY|syscall.O_NONBLOCK|syscall.O_NOFOLLOW, 0)
	if err != nil {
		return nil, nil, err
	}
	fi, err := f.Stat() // fstat of the descriptor just opened
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	if !fi.Mode().IsRegular() {
		return f, fi, nil
	}
	if owner := fileUID(fi); owner != uid && owner != 0 {
		f.Close()
		return nil, nil, fmt.Errorf("%w: owned by uid %d, not by uid %d or root", errUnsafeFile, owner, uid)
	}
	if fi.Mode().Perm()&0o022 != 0 {
		f.Close()
		return nil, nil, fmt.Errorf("%w: group- or other-writable (mode %04o)", errUnsafeFile, fi.Mode().Perm())
	}
	return f, fi, nil
}

// checkDir refuses a directory that someone other than uid or root could
// change: owned by another user, or group- or other-writable without the
// sticky bit.
func checkDir(p string, uid int) error {
	fi, err := os.Stat(p) // p has no symbolic links left (resolved)
	if err != nil {
		return err
	}
	if owner := fileUID(fi); owner != uid && owner != 0 {
		return fmt.Errorf("%w: directory %s is owned by uid %d (not uid %d or root)", errUnsafeFile, p, owner, uid)
	}
	if fi.Mode().Perm()&0o022 != 0 && fi.Mode()&os.ModeSticky == 0 {
		return fmt.Errorf("%w: directory %s is writable by others (mode %04o) and not sticky", errUnsafeFile, p, fi.Mode().Perm())
	}
	return nil
}

func fileUID(fi os.FileInfo) int {
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		return int(st.Uid)
	}
	return -1
}

// splitPath splits a path into its components, dropping empty ones.
func splitPath(p string) []string {
	var out []string
	for _, c := range strings.Split(p, "/") {
		if c != "" {
			out = append(out, c)
		}
	}
	return out
}
