package fs

import (
	"bytes"
	"context"
	"crypto/md5"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"
	"syscall"

	gofs "github.com/hanwen/go-fuse/v2/fs"
	"github.com/hanwen/go-fuse/v2/fuse"

	"github.com/smb3fs/smb3fs/client"
)

// Symbolic links are Minshall-French symlink files, the format Linux cifs
// writes with the mfsymlinks option (fs/smb/client/link.c), so links made
// by either client read the same on the other: a regular file of exactly
// 1067 bytes,
//
//	"XSym\n" + "%04u\n" (target length) + md5(target) in 32 lowercase hex
//	digits + "\n" + target + "\n" + spaces up to 1067 bytes
//
// Only files of exactly that size are read to check; the MD5 is a format
// check against accidental matches, not a security measure (anyone who
// can write the share can write a link).
const (
	mfSymlinkSize      = 1067
	mfSymlinkLenOff    = 5
	mfSymlinkMD5Off    = mfSymlinkLenOff + 5
	mfSymlinkTargetOff = mfSymlinkMD5Off + 33
	mfSymlinkMaxTarget = mfSymlinkSize - mfSymlinkTargetOff // 1024
)

var errNotMFSymlink = errors.New("smb3fs: not a Minshall-French symlink")

// encodeMFSymlink returns the 1067-byte file for target.
func encodeMFSymlink(target string) ([]byte, error) {
	if len(target) == 0 || len(target) > mfSymlinkMaxTarget {
		return nil, fmt.Errorf("smb3fs: symlink target of %d bytes (1 to %d)", len(target), mfSymlinkMaxTarget)
	}
	sum := md5.Sum([]byte(target))
	b := make([]byte, 0, mfSymlinkSize)
	b = fmt.Appendf(b, "XSym\n%04d\n%s\n", len(target), hex.EncodeToString(sum[:]))
	b = append(b, target...)
	if len(b) < mfSymlinkSize {
		b = append(b, '\n')
	}
	for len(b) < mfSymlinkSize {
		b = append(b, ' ')
	}
	return b, nil
}

// decodeMFSymlink returns the target of a symlink file, or
// errNotMFSymlink.
func decodeMFSymlink(b []byte) (string, error) {
	if len(b) != mfSymlinkSize || !bytes.HasPrefix(b, []byte("XSym\n")) ||
		b[mfSymlinkMD5Off-1] != '\n' || b[mfSymlinkTargetOff-1] != '\n' {
		return "", errNotMFSymlink
	}
	n, err := strconv.ParseUint(string(b[mfSymlinkLenOff:mfSymlinkMD5Off-1]), 10, 16)
	if err != nil || n == 0 || n > mfSymlinkMaxTarget {
		return "", errNotMFSymlink
	}
	var sum [md5.Size]byte
	if _, err := hex.Decode(sum[:], b[mfSymlinkMD5Off:mfSymlinkTargetOff-1]); err != nil {
		return "", errNotMFSymlink
	}
	target := b[mfSymlinkTargetOff : mfSymlinkTargetOff+int(n)]
	if md5.Sum(target) != sum {
		return "", errNotMFSymlink
	}
	return string(target), nil
}

// maybeSymlink reports whether a file with attributes a could be a symlink
// file and must be read to tell.
func maybeSymlink(a attrs) bool {
	return !a.isDir() && a.size == mfSymlinkSize && !isPosixLink(a)
}

// readSymlink reads path and returns its target, or "" if it is an
// ordinary file.
func (fsys *FS) readSymlink(ctx context.Context, path string) (string, *client.PathResult, error) {
	res, err := fsys.do(ctx, path, client.OpenOptions{Kind: client.KindFile, DiskID: true}, client.ReadData(mfSymlinkSize))
	if err != nil {
		return "", nil, err
	}
	target, err := decodeMFSymlink(res.Data)
	if err != nil {
		return "", res, nil
	}
	return target, res, nil
}

// resolveLink turns a: if the file at path is a symlink file, the
// attributes say so.
func (fsys *FS) resolveLink(ctx context.Context, path string, a *attrs) error {
	if isPosixLink(*a) || !maybeSymlink(*a) {
		return nil
	}
	target, _, err := fsys.readSymlink(ctx, path)
	if err != nil {
		if ToErrno(err) == syscall.EACCES {
			return nil // unreadable: show it as the file it is
		}
		return err
	}
	if target != "" {
		a.link = true
		a.target = target
	}
	return nil
}

var _ = (gofs.NodeSymlinker)((*Node)(nil))

// Symlink writes a Minshall-French symlink file (CREATE, WRITE, CLOSE in
// one round trip).
func (n *Node) Symlink(ctx context.Context, target, name string, out *fuse.EntryOut) (*gofs.Inode, syscall.Errno) {
	ctx = settled(ctx)
	if n.fsys.opts.ReadOnly {
		return nil, syscall.EROFS
	}
	p, errno := n.childPath(name)
	if errno != 0 {
		return nil, errno
	}
	if n.fsys.posix {
		return n.posixSymlink(ctx, p, target, name, out) // posix.go
	}
	data, err := encodeMFSymlink(target)
	if err != nil {
		return nil, syscall.ENAMETOOLONG
	}
	res, err := n.fsys.do(ctx, p, client.OpenOptions{Kind: client.KindFile, Disposition: client.CreateNew, DiskID: true},
		client.WriteData(data))
	if err != nil {
		n.listingUnsure()
		return nil, ToErrno(err)
	}
	n.nameAdded(name)
	a := resAttrs(res)
	a.link, a.target = true, target
	return n.newChild(ctx, name, res.DiskID(), a, out), 0
}

var _ = (gofs.NodeReadlinker)((*Node)(nil))

// Readlink reads the symlink file.
func (n *Node) Readlink(ctx context.Context) ([]byte, syscall.Errno) {
	ctx = settled(ctx)
	if n.loop != "" {
		return []byte(n.loop), 0 // a link the server follows (ino.go)
	}
	p, errno := n.path()
	if errno != 0 {
		return nil, errno
	}
	if n.fsys.posix {
		if target, err := n.fsys.readPosixLink(ctx, p); !errors.Is(err, errNotPosixLink) {
			if err != nil {
				return nil, ToErrno(err)
			}
			return []byte(target), 0
		}
	}
	target, _, err := n.fsys.readSymlink(ctx, p)
	if err != nil {
		return nil, ToErrno(err)
	}
	if target == "" {
		return nil, syscall.EINVAL
	}
	return []byte(target), 0
}
