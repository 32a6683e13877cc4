package fs

import (
	"context"
	"strings"
	"syscall"

	gofs "github.com/hanwen/go-fuse/v2/fs"

	"github.com/smb3fs/smb3fs/client"
	"github.com/smb3fs/smb3fs/client/wire"
)

// Extended attributes in the user namespace are SMB extended attributes
// (EAs): user.NAME is the EA NAME, as Samba stores an EA NAME in the xattr
// user.NAME on the server's disk, so both views agree. EA names are
// case-insensitive on the server, at most 255 bytes; values are at most
// 65535 bytes and never empty (an empty value deletes an EA). Other
// namespaces (security.*, system.*, trusted.*) are not carried: getting one
// is ENODATA without a request, setting one EOPNOTSUPP.

const userPrefix = "user."

// eaName returns the EA name for a user.* attribute.
func eaName(attr string) (string, syscall.Errno) {
	name, ok := strings.CutPrefix(attr, userPrefix)
	if !ok {
		return "", syscall.ENODATA
	}
	if name == "" || strings.IndexByte(name, 0) >= 0 {
		return "", syscall.EINVAL
	}
	if len(name) > 255 {
		return "", syscall.ERANGE
	}
	return name, 0
}

// getEA returns the value of EA name, or nil if the file has none.
func (n *Node) getEA(ctx context.Context, name string) ([]byte, syscall.Errno) {
	p, errno := n.path()
	if errno != 0 {
		return nil, errno
	}
	res, err := n.fsys.do(ctx, p, client.OpenOptions{}, client.QueryEAs(name))
	if err != nil {
		return nil, ToErrno(err)
	}
	for _, ea := range res.EAs {
		if strings.EqualFold(ea.Name, name) && len(ea.Value) > 0 {
			return ea.Value, 0
		}
	}
	return nil, 0
}

var _ = (gofs.NodeGetxattrer)((*Node)(nil))

// Getxattr returns a user.* attribute's value; ERANGE with the size when
// dest is too small.
func (n *Node) Getxattr(ctx context.Context, attr string, dest []byte) (uint32, syscall.Errno) {
	ctx = settled(ctx)
	name, errno := eaName(attr)
	if errno != 0 {
		return 0, errno
	}
	v, errno := n.getEA(ctx, name)
	if errno != 0 {
		return 0, errno
	}
	if v == nil {
		return 0, syscall.ENODATA
	}
	if len(v) > len(dest) {
		return uint32(len(v)), syscall.ERANGE
	}
	return uint32(copy(dest, v)), 0
}

// setxattr flags (setxattr(2)).
const (
	xattrCreate  = 0x1
	xattrReplace = 0x2
)

var _ = (gofs.NodeSetxattrer)((*Node)(nil))

// Setxattr sets a user.* attribute. XATTR_CREATE and XATTR_REPLACE are
// checked with a query first (not atomic with the set).
func (n *Node) Setxattr(ctx context.Context, attr string, data []byte, flags uint32) syscall.Errno {
	ctx = settled(ctx)
	n.forgetAttrs() // the change time
	if n.fsys.opts.ReadOnly {
		return syscall.EROFS
	}
	name, errno := eaName(attr)
	if errno == syscall.ENODATA {
		return syscall.EOPNOTSUPP
	}
	if errno != 0 {
		return errno
	}
	if len(data) == 0 {
		return syscall.EINVAL // SMB cannot hold an empty EA
	}
	if len(data) > 65535 {
		return syscall.E2BIG
	}
	if flags&(xattrCreate|xattrReplace) != 0 {
		v, errno := n.getEA(ctx, name)
		if errno != 0 {
			return errno
		}
		if flags&xattrCreate != 0 && v != nil {
			return syscall.EEXIST
		}
		if flags&xattrReplace != 0 && v == nil {
			return syscall.ENODATA
		}
	}
	p, errno := n.path()
	if errno != 0 {
		return errno
	}
	err := n.fsys.setEAs(ctx, p, client.EA{Name: name, Value: data})
	if client.IsStatus(err, wire.StatusInvalidEaName) {
		// A name the server will not hold (EA names follow Windows
		// rules: Samba refuses a "/" in one): the caller's to fix,
		// not an I/O error (xfstests generic/523).
		return syscall.EINVAL
	}
	return ToErrno(err)
}

var _ = (gofs.NodeRemovexattrer)((*Node)(nil))

// Removexattr removes a user.* attribute (ENODATA if there is none).
func (n *Node) Removexattr(ctx context.Context, attr string) syscall.Errno {
	ctx = settled(ctx)
	n.forgetAttrs() // the change time
	if n.fsys.opts.ReadOnly {
		return syscall.EROFS
	}
	name, errno := eaName(attr)
	if errno != 0 {
		return errno
	}
	v, errno := n.getEA(ctx, name)
	if errno != 0 {
		return errno
	}
	if v == nil {
		return syscall.ENODATA
	}
	p, errno := n.path()
	if errno != 0 {
		return errno
	}
	return ToErrno(n.fsys.setEAs(ctx, p, client.EA{Name: name}))
}

var _ = (gofs.NodeListxattrer)((*Node)(nil))

// Listxattr lists the EAs as user.* names.
func (n *Node) Listxattr(ctx context.Context, dest []byte) (uint32, syscall.Errno) {
	ctx = settled(ctx)
	p, errno := n.path()
	if errno != 0 {
		return 0, errno
	}
	res, err := n.fsys.do(ctx, p, client.OpenOptions{}, client.QueryEAs())
	if err != nil {
		return 0, ToErrno(err)
	}
	var b []byte
	for _, ea := range res.EAs {
		if len(ea.Value) == 0 {
			continue
		}
		b = append(b, userPrefix...)
		b = append(b, ea.Name...)
		b = append(b, 0)
	}
	if len(b) > len(dest) {
		return uint32(len(b)), syscall.ERANGE
	}
	return uint32(copy(dest, b)), 0
}

// setEAs sets the EAs of p; one with an empty value is removed.
func (fsys *FS) setEAs(ctx context.Context, p string, eas ...client.EA) error {
	_, err := fsys.do(ctx, p, client.OpenOptions{}, client.SetEAs(eas...))
	return err
}
