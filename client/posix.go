package client

// The SMB3 POSIX extensions (wire/posix.go for the formats), as Samba 4.22
// serves them with `smb3 unix extensions = yes` and Linux cifs uses them:
//
//	NEGOTIATE   offers SMB2_POSIX_EXTENSIONS_AVAILABLE unless
//	            Options.NoPOSIX; Client.POSIX says whether the server took it
//	CREATE      OpenOptions.POSIX adds the POSIX create context (with the
//	            mode a new file gets) when the connection has the extensions:
//	            the open is a POSIX open (case-sensitive names, symlinks not
//	            followed by the server) and its answer carries nlink, mode,
//	            owner and group (PathResult.Posix, File.Posix)
//	QUERY_INFO  QueryPOSIX: FilePOSIXInformation, on a POSIX handle only
//	QUERY_DIR   ListPOSIX, and ReadDirBatch on a POSIX handle: entries with
//	            mode, owner and group
//	SET_INFO    SetMode (chmod): a security descriptor whose DACL is the
//	            one ACE S-1-5-88-3-<mode>, which Samba turns into fchmod on
//	            a POSIX handle (source3/smbd/smb2_nttrans.c,
//	            check_smb2_posix_chmod_ace; it keeps only the 0777 bits);
//	            SetOwner (chown, chgrp): owner and group SIDs, which Samba
//	            maps to a uid and gid and applies with fchown as the user.
//
// Owner and group come as SIDs: Samba sends S-1-22-1-<uid> and
// S-1-22-2-<gid> for Unix users and groups without a Windows identity, and
// the domain SID for a domain user or group (uid_to_sid). UnixIDs maps the
// first kind; a domain SID has no uid the client can know without asking
// the domain (idmap), so it is reported as unmapped.

import (
	"context"
	"fmt"

	"github.com/smb3fs/smb3fs/client/wire"
)

// POSIX reports whether the current connection negotiated the SMB3 POSIX
// extensions.
func (cl *Client) POSIX() bool { return cl.cur().state.POSIX }

// checkPOSIX: the server may accept the POSIX extensions only when we
// offered them ("Reject, never skip").
func (hs *negotiateState) checkPOSIX(context.Context) error {
	if hs.resp.POSIX && !hs.req.POSIX {
		return fmt.Errorf("%w: server accepted SMB3 POSIX extensions, which we did not offer", ErrProtocol)
	}
	return nil
}

// posixRequest returns req as it goes to a connection: with the POSIX
// create context only when the connection has the extensions (a request
// built from OpenOptions.POSIX always carries it). req itself is not
// changed; the result shares it when nothing is removed.
func posixRequest(req *wire.CreateRequest, st *connState) *wire.CreateRequest {
	if st.POSIX {
		return req
	}
	if _, ok := req.Context(wire.CtxNamePOSIX); !ok {
		return req
	}
	r := *req
	r.Contexts = nil
	for _, c := range req.Contexts {
		if c.Name != wire.CtxNamePOSIX {
			r.Contexts = append(r.Contexts, c)
		}
	}
	return &r
}

// posixGranted decodes the POSIX create context of a CREATE response to a
// request that sent one: nil when the request did not, or when the share
// does not have the extensions (Samba's `smb3 unix extensions` is also a
// share option: a share without it ignores the context and answers without
// one). A malformed answer is a protocol error.
func posixGranted(req *wire.CreateRequest, r *wire.CreateResponse) (*wire.PosixInfo, error) {
	if _, ok := req.Context(wire.CtxNamePOSIX); !ok {
		return nil, nil
	}
	data, ok := r.Context(wire.CtxNamePOSIX)
	if !ok {
		return nil, nil
	}
	p, err := wire.DecodePosixCreateResponse(data)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrProtocol, err)
	}
	return p, nil
}

// POSIX reports whether the tree's current connection negotiated the SMB3
// POSIX extensions; whether the share serves them shows in the answer to a
// POSIX open (PathResult.Posix).
func (t *Tree) POSIX() bool { return t.cl.POSIX() }

// Posix returns what the POSIX create context of the open answered (the
// file's nlink, mode, owner and group as opened), or nil when the open was
// not a POSIX open (OpenOptions.POSIX not asked, or the server without the
// extensions). The context was checked when the file was opened.
func (f *File) Posix() *wire.PosixInfo {
	if f.Create == nil {
		return nil
	}
	data, ok := f.Create.Context(wire.CtxNamePOSIX)
	if !ok {
		return nil
	}
	p, err := wire.DecodePosixCreateResponse(data)
	if err != nil {
		return nil
	}
	return p
}

// dirClass is the class ReadDirBatch lists with: POSIX entries on a POSIX
// handle (Samba refuses the class on any other), else
// FileIdBothDirectoryInformation.
func (f *File) dirClass() uint8 {
	if f.Create == nil {
		return wire.ClassFileIdBothDirectoryInformation
	}
	if _, ok := f.Create.Context(wire.CtxNamePOSIX); ok {
		return wire.ClassFilePOSIXInformation
	}
	return wire.ClassFileIdBothDirectoryInformation
}

// filePosixMax bounds a FilePOSIXInformation answer: the fixed part and two
// SIDs of at most 15 sub-authorities.
const filePosixMax = 1024

// QueryPOSIX queries FilePOSIXInformation into PathResult.PosixInfo. The
// handle must be a POSIX open (Samba answers STATUS_INVALID_LEVEL on any
// other).
func QueryPOSIX() Op {
	return queryInfoOp("QueryPOSIX", AccessReadAttributes, wire.InfoFile, wire.ClassFilePOSIXInformation, filePosixMax, nil, 0,
		func(res *PathResult, buf []byte) error {
			fi, err := wire.DecodeFilePOSIXInformation(buf)
			if err != nil {
				return fmt.Errorf("%w: %w", ErrProtocol, err)
			}
			res.PosixInfo = fi
			return nil
		})
}

// securityOp sets the parts of the security descriptor that additional
// names. Setting absolute values twice does what setting them once does:
// it may be sent again after a reconnect.
func securityOp(what string, access Access, additional uint32, sd *wire.SecurityDescriptor) Op {
	buf, err := sd.Encode()
	if err != nil {
		return Op{what: what, err: err}
	}
	req := func(fid wire.FileID) interface{ Append([]byte) []byte } {
		return &wire.SetInfoRequest{InfoType: wire.InfoSecurity, AdditionalInformation: additional, Buffer: buf, FileID: fid}
	}
	return one(what, access, replayIdempotent, wire.CmdSetInfo, req, len(buf), nil)
}

// SetMode changes the file's permission bits (chmod) the way Samba takes
// it on a POSIX handle: a DACL of exactly one ACE for S-1-5-88-3-<mode>
// (wire.ModeACE). The open must be a POSIX open; on another, Samba would
// set that DACL as an ACL. Samba 4.22 applies only the 0777 bits: setuid,
// setgid and sticky are dropped.
func SetMode(mode uint32) Op {
	sd := &wire.SecurityDescriptor{DACL: &wire.ACL{Revision: wire.ACLRevision, ACEs: []wire.ACE{wire.ModeACE(mode)}}}
	return securityOp("SetMode", Access(wire.WriteDAC), wire.DACLSecurityInformation, sd)
}

// SetOwner changes the file's owner, group or both (nil leaves one as it
// is) by SID (chown, chgrp). Samba maps the SIDs to a uid and gid and
// changes them as the user, so the usual Unix rules apply: only root
// gives a file away, and an owner may change the group to one of its own.
func SetOwner(owner, group *wire.SID) Op {
	sd := &wire.SecurityDescriptor{Owner: owner, Group: group}
	var additional uint32
	if owner != nil {
		additional |= wire.OwnerSecurityInformation
	}
	if group != nil {
		additional |= wire.GroupSecurityInformation
	}
	if additional == 0 {
		return Op{what: "SetOwner", err: fmt.Errorf("no owner or group")}
	}
	return securityOp("SetOwner", Access(wire.WriteOwner), additional, sd)
}

// UnixIDs returns the uid of owner and gid of group when they are Samba's
// Unix SIDs (S-1-22-1-uid, S-1-22-2-gid); ok is false for each that is not
// (a domain SID, whose id only the domain knows).
func UnixIDs(p *wire.PosixInfo) (uid uint32, uidOK bool, gid uint32, gidOK bool) {
	if g, id, ok := p.Owner.SambaUnix(); ok && !g {
		uid, uidOK = id, true
	}
	if g, id, ok := p.Group.SambaUnix(); ok && g {
		gid, gidOK = id, true
	}
	return
}

// ListPOSIX is List with POSIX entries (mode, owner, group in
// DirEntry.Posix). The open must be a POSIX open.
func ListPOSIX(bufLen uint32) Op {
	return list("ListPOSIX", bufLen, wire.ClassFilePOSIXInformation)
}
