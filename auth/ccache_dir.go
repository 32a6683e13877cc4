package auth

// DIR credential caches (MIT's src/lib/krb5/ccache/cc_dir.c): a
// collection of FILE caches in one directory.
//
//	DIR:dir        the collection; its primary cache is the file that
//	               dir/primary names (one line, "tkt..." and no "/"), or
//	               dir/tkt when there is no primary file
//	DIR::dir/tktX  one cache of a collection
//
// Each file is read with readCCacheFileAs: it, the directory and every
// directory above belong to the user or root and are not writable by
// others (openOwnedFile). The primary file is read the same way.

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"strings"
)

// maxDirPrimary is MIT's limit on the primary file's line: it reads it
// with fgets into 64 bytes, and a line without its newline is invalid.
const maxDirPrimary = 64

// readDirCCache reads DIR:residual for uid.
func readDirCCache(residual string, uid int) (full string, data []byte, err error) {
	path, err := dirCCachePath(residual, uid)
	if err != nil {
		return "", nil, err
	}
	full = "DIR::" + path
	data, err = readCCacheFileAs(path, uid, full)
	return full, data, err
}

// dirCCachePath resolves a DIR residual to the cache file it names.
func dirCCachePath(residual string, uid int) (string, error) {
	if sub, ok := strings.CutPrefix(residual, ":"); ok {
		dir, file := filepath.Split(sub)
		if dir == "" {
			return "", fmt.Errorf("auth: kerberos: credential cache DIR:%s: the file has no directory", residual)
		}
		if !strings.HasPrefix(file, "tkt") {
			return "", fmt.Errorf("auth: kerberos: credential cache DIR:%s: the file name does not begin with \"tkt\"", residual)
		}
		return sub, nil
	}
	if residual == "" {
		return "", errors.New("auth: kerberos: credential cache DIR: names no directory")
	}
	primary := filepath.Join(residual, "primary")
	name, err := readDirPrimary(primary, uid)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			// MIT writes "tkt" into a missing primary file; we only read.
			return filepath.Join(residual, "tkt"), nil
		}
		return "", fmt.Errorf("auth: kerberos: credential cache DIR:%s: %s: %w", residual, primary, err)
	}
	return filepath.Join(residual, name), nil
}

// readDirPrimary returns the cache file name in a primary file, checked as
// MIT checks it: one line of under maxDirPrimary bytes ending in a
// newline, beginning with "tkt", with no "/" or "\".
func readDirPrimary(path string, uid int) (string, error) {
	f, fi, err := openOwnedFile(path, uid)
	if err != nil {
		return "", err
	}
	defer f.Close()
	if !fi.Mode().IsRegular() {
		return "", fmt.Errorf("not a regular file (%s)", fileKind(fi.Mode()))
	}
	b, err := io.ReadAll(io.LimitReader(f, maxDirPrimary))
	if err != nil {
		return "", err
	}
	return parseDirPrimary(b)
}

// parseDirPrimary decodes the start of a primary file (at most
// maxDirPrimary bytes of it).
func parseDirPrimary(b []byte) (string, error) {
	line, _, ok := bytes.Cut(b, []byte{'\n'})
	if !ok || len(line)+1 >= maxDirPrimary {
		return "", errors.New("the first line is missing its newline or is too long")
	}
	name := string(line)
	if !strings.HasPrefix(name, "tkt") || strings.ContainsAny(name, "/\\\x00") {
		return "", fmt.Errorf("%q is not a cache file name (tkt..., one component)", name)
	}
	return name, nil
}
