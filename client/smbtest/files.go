package smbtest

import (
	"slices"
	"strings"

	"github.com/smb3fs/smb3fs/client/wire"
)

// fileOp runs CREATE, CLOSE, READ, WRITE, FLUSH, QUERY_DIRECTORY and
// SET_INFO of the times (FileBasicInformation: the write time is kept) on the
// in-memory files. In a related compound a FileId of wire.CompoundFileID
// means the handle the previous CREATE opened.
func (c *conn) fileOp(m []byte, h *wire.Header, ch *chain, related bool) (wire.Status, interface{ Append([]byte) []byte }) {
	s := c.srv
	handle := func(id wire.FileID) (*open, wire.FileID) {
		if related && id == wire.CompoundFileID {
			id = ch.fileID
		}
		// The next related operation inherits this FileId, whatever
		// the command ([MS-SMB2] 3.3.5.2.7.2).
		ch.fileID = id
		return c.opens[id], id
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	switch h.Command {
	case wire.CmdCreate:
		req, err := wire.DecodeCreateRequest(m)
		if err != nil {
			return wire.StatusInvalidParameter, nil
		}
		if data, ok := req.Context(wire.CtxNameDurableReconnectV2); ok {
			return c.reclaim(req, data, ch)
		}
		return c.create(req, ch)
	case wire.CmdOplockBreak:
		return c.leaseBreakAck(m)
	case wire.CmdClose:
		req, err := wire.DecodeCloseRequest(m)
		if err != nil {
			return wire.StatusInvalidParameter, nil
		}
		o, id := handle(req.FileID)
		if o == nil {
			return wire.StatusFileClosed, nil
		}
		delete(c.opens, id)
		delete(s.live, o)
		c.deleteAtCloseLocked(o)
		if o.durable {
			delete(s.durables, o.createGUID)
		}
		r := &wire.CloseResponse{Flags: req.Flags}
		if req.Flags&wire.CloseFlagPostQueryAttrib != 0 {
			r.EndOfFile, r.AllocationSize, r.FileAttributes = c.attrs(o)
			if s.FileSystem {
				r.CreationTime, r.LastAccessTime, r.LastWriteTime, r.ChangeTime = fileTime, fileTime, fileTime, fileTime
			}
		}
		return wire.StatusSuccess, r
	case wire.CmdFlush:
		req, err := wire.DecodeFlushRequest(m)
		if err != nil {
			return wire.StatusInvalidParameter, nil
		}
		if o, _ := handle(req.FileID); o == nil {
			return wire.StatusFileClosed, nil
		}
		return wire.StatusSuccess, &wire.FlushResponse{}
	case wire.CmdRead:
		req, err := wire.DecodeReadRequest(m)
		if err != nil {
			return wire.StatusInvalidParameter, nil
		}
		o, _ := handle(req.FileID)
		if o == nil || o.dir {
			return wire.StatusInvalidHandle, nil
		}
		data := s.files[o.name]
		if req.Offset >= uint64(len(data)) {
			return wire.StatusEndOfFile, nil
		}
		end := min(req.Offset+uint64(req.Length), uint64(len(data)))
		return wire.StatusSuccess, &wire.ReadResponse{Data: data[req.Offset:end]}
	case wire.CmdWrite:
		req, err := wire.DecodeWriteRequest(m)
		if err != nil {
			return wire.StatusInvalidParameter, nil
		}
		o, _ := handle(req.FileID)
		if o == nil || o.dir {
			return wire.StatusInvalidHandle, nil
		}
		if req.Offset > 1<<30 {
			return wire.StatusDiskFull, nil // a fake, not a disk
		}
		data := s.files[o.name]
		end := int(req.Offset) + len(req.Data)
		if end > len(data) {
			data = append(data, make([]byte, end-len(data))...)
		}
		copy(data[req.Offset:], req.Data)
		s.files[o.name] = data
		return wire.StatusSuccess, &wire.WriteResponse{Count: uint32(len(req.Data))}
	case wire.CmdSetInfo:
		req, err := wire.DecodeSetInfoRequest(m)
		if err != nil {
			return wire.StatusInvalidParameter, nil
		}
		o, _ := handle(req.FileID)
		if o == nil {
			return wire.StatusFileClosed, nil
		}
		if s.FileSystem && (req.InfoType != wire.InfoFile || req.FileInfoClass != wire.ClassFileBasicInformation) {
			return c.setInfo(o, req)
		}
		if req.InfoType != wire.InfoFile || req.FileInfoClass != wire.ClassFileBasicInformation {
			return wire.StatusNotSupported, nil
		}
		bi, err := wire.DecodeFileBasicInformation(req.Buffer)
		if err != nil {
			return wire.StatusInvalidParameter, nil
		}
		if bi.LastWriteTime != 0 {
			if s.writeTimes == nil {
				s.writeTimes = map[string]uint64{}
			}
			s.writeTimes[o.name] = bi.LastWriteTime
		}
		return wire.StatusSuccess, &wire.SetInfoResponse{}
	case wire.CmdQueryDirectory:
		req, err := wire.DecodeQueryDirectoryRequest(m)
		if err != nil {
			return wire.StatusInvalidParameter, nil
		}
		o, _ := handle(req.FileID)
		if o == nil || !o.dir {
			return wire.StatusInvalidHandle, nil
		}
		if s.FileSystem {
			return c.queryDirectory(o, req)
		}
		if req.Flags&wire.RestartScans != 0 {
			o.listed = false
		}
		if o.listed {
			return wire.StatusNoMoreFiles, nil
		}
		o.listed = true
		buf, err := wire.EncodeDirEntries(req.FileInformationClass, c.list(o.name))
		if err != nil {
			return wire.StatusInvalidInfoClass, nil
		}
		return wire.StatusSuccess, &wire.QueryDirectoryResponse{Buffer: buf}
	case wire.CmdQueryInfo:
		if !s.FileSystem {
			break
		}
		req, err := wire.DecodeQueryInfoRequest(m)
		if err != nil {
			return wire.StatusInvalidParameter, nil
		}
		o, _ := handle(req.FileID)
		if o == nil {
			return wire.StatusFileClosed, nil
		}
		return c.queryInfo(o, req)
	}
	return wire.StatusNotSupported, nil
}

// create opens or creates a file or directory by CreateDisposition
// ([MS-SMB2] 2.2.13). Called with s.mu held.
func (c *conn) create(req *wire.CreateRequest, ch *chain) (wire.Status, interface{ Append([]byte) []byte }) {
	s := c.srv
	name := strings.TrimPrefix(req.Name, `\`)
	if s.FileSystem {
		var ok bool
		if name, ok = c.resolve(name); !ok {
			return wire.StatusObjectPathNotFound, nil
		}
		if parent := parentOf(name); name != "" && parent != "" && !s.dirs[parent] {
			return wire.StatusObjectPathNotFound, nil
		}
	}
	_, isFile := s.files[name]
	isDir := name == "" || s.dirs[name]
	wantDir := req.CreateOptions&wire.FileDirectoryFile != 0
	exists := isFile || isDir
	if st := c.shareCheckLocked(name, req.DesiredAccess, req.ShareAccess); exists && st != wire.StatusSuccess {
		return st, nil
	}
	switch {
	case isFile && wantDir:
		return wire.StatusNotADirectory, nil
	case isDir && req.CreateOptions&wire.FileNonDirectoryFile != 0:
		return wire.StatusFileIsADirectory, nil
	}
	action := wire.FileOpened
	switch req.CreateDisposition {
	case wire.FileOpen:
		if !exists {
			return wire.StatusObjectNameNotFound, nil
		}
	case wire.FileCreate:
		if exists {
			return wire.StatusObjectNameCollision, nil
		}
		action = wire.FileCreated
	case wire.FileOpenIf:
		if !exists {
			action = wire.FileCreated
		}
	case wire.FileOverwrite:
		if !exists {
			return wire.StatusObjectNameNotFound, nil
		}
		action = wire.FileOverwritten
	case wire.FileOverwriteIf, wire.FileSupersede:
		action = wire.FileOverwritten
		if !exists {
			action = wire.FileCreated
		}
	default:
		return wire.StatusInvalidParameter, nil
	}
	switch {
	case action == wire.FileCreated && wantDir:
		s.dirs[name] = true
		isDir = true
	case action == wire.FileCreated || (action == wire.FileOverwritten && !isDir):
		s.files[name] = nil
	}
	c.nextID++
	id := wire.FileID{Persistent: c.nextID, Volatile: c.nextID}
	o := &open{name: name, dir: isDir, access: req.DesiredAccess, share: req.ShareAccess}
	c.opens[id] = o
	s.live[o] = true
	ch.fileID = id
	r := &wire.CreateResponse{CreateAction: action, FileID: id}
	r.EndOfFile, r.AllocationSize, r.FileAttributes = c.attrs(o)
	if s.FileSystem {
		o.deleteOnClose = req.CreateOptions&wire.FileDeleteOnClose != 0
		r.CreationTime, r.LastAccessTime, r.LastWriteTime, r.ChangeTime = fileTime, fileTime, fileTime, fileTime
		if _, ok := req.Context(wire.CtxNameQueryOnDiskID); ok {
			r.Contexts = append(r.Contexts, wire.CreateContext{Name: wire.CtxNameQueryOnDiskID,
				Data: (&wire.QueryOnDiskIDResponse{DiskFileID: c.fileID(name, isDir), VolumeID: 1}).Encode()})
		}
	}
	// A lease is echoed back as asked (no breaks are ever sent); a
	// durable handle is granted with a lease ([MS-SMB2] 3.3.5.9.10).
	if data, ok := req.Context(wire.CtxNameLeaseRequest); ok && req.RequestedOplockLevel == wire.OplockLevelLease && (!isDir || s.DirLeasing) {
		if lr, err := wire.DecodeLeaseV2(data); err == nil {
			if isDir {
				o.leaseState, o.leaseConn = lr.State&(wire.LeaseRead|wire.LeaseHandle), c
				lr.State = o.leaseState
			}
			r.OplockLevel = wire.OplockLevelLease
			r.Contexts = append(r.Contexts, wire.CreateContext{Name: wire.CtxNameLeaseRequest, Data: (&wire.LeaseRequestV2{Key: lr.Key, State: lr.State}).Encode()})
			o.leaseKey = lr.Key
			if data, ok := req.Context(wire.CtxNameDurableV2); ok && !isDir {
				if dq, err := wire.DecodeDurableHandleRequestV2(data); err == nil {
					o.durable, o.createGUID, o.clientGUID, o.id = true, dq.CreateGUID, c.negReq.ClientGUID, id
					s.durables[dq.CreateGUID] = o
					r.Contexts = append(r.Contexts, wire.CreateContext{Name: wire.CtxNameDurableV2, Data: (&wire.DurableHandleResponseV2{Timeout: 60000}).Encode()})
				}
			}
		}
	}
	return wire.StatusSuccess, r
}

// reclaim answers a CREATE with DH2C ([MS-SMB2] 3.3.5.9.12): the open with
// that CreateGuid must exist, have been made from the same ClientGuid with
// the same FileId, and the request must carry its lease key. Called with
// s.mu held.
func (c *conn) reclaim(req *wire.CreateRequest, data []byte, ch *chain) (wire.Status, interface{ Append([]byte) []byte }) {
	s := c.srv
	d, err := wire.DecodeDurableHandleReconnectV2(data)
	if err != nil {
		return wire.StatusInvalidParameter, nil
	}
	o := s.durables[d.CreateGUID]
	if o == nil || o.clientGUID != c.negReq.ClientGUID || o.id.Persistent != d.FileID.Persistent {
		return wire.StatusObjectNameNotFound, nil
	}
	ld, ok := req.Context(wire.CtxNameLeaseRequest)
	if !ok {
		return wire.StatusObjectNameNotFound, nil
	}
	lr, err := wire.DecodeLeaseV2(ld)
	if err != nil || lr.Key != o.leaseKey {
		return wire.StatusObjectNameNotFound, nil
	}
	for id, x := range c.opens {
		if x == o {
			delete(c.opens, id) // reclaimed twice on one connection
		}
	}
	c.nextID++
	id := wire.FileID{Persistent: o.id.Persistent, Volatile: 0x5000_0000 + c.nextID}
	o.id = id
	c.opens[id] = o
	ch.fileID = id
	s.reclaimed++
	r := &wire.CreateResponse{CreateAction: wire.FileOpened, FileID: id, OplockLevel: wire.OplockLevelLease,
		Contexts: []wire.CreateContext{{Name: wire.CtxNameLeaseRequest, Data: (&wire.LeaseRequestV2{Key: lr.Key, State: lr.State}).Encode()}}}
	r.EndOfFile, r.AllocationSize, r.FileAttributes = c.attrs(o)
	return wire.StatusSuccess, r
}

// attrs returns a file's size, allocation and attributes.
func (c *conn) attrs(o *open) (size, alloc uint64, attrs uint32) {
	if o.dir {
		return 0, 0, wire.FileAttributeDirectory
	}
	n := uint64(len(c.srv.files[o.name]))
	return n, (n + 4095) &^ 4095, wire.FileAttributeArchive
}

// list returns the entries of directory dir. Called with s.mu held.
func (c *conn) list(dir string) []wire.DirEntry {
	prefix := dir
	if prefix != "" {
		prefix += `\`
	}
	var out []wire.DirEntry
	add := func(name string, isDir bool) {
		rest, ok := strings.CutPrefix(name, prefix)
		if !ok || rest == "" || strings.Contains(rest, `\`) {
			return
		}
		o := &open{name: name, dir: isDir}
		e := wire.DirEntry{Name: rest}
		e.EndOfFile, e.AllocationSize, e.FileAttributes = c.attrs(o)
		out = append(out, e)
	}
	for name := range c.srv.files {
		add(name, false)
	}
	for name := range c.srv.dirs {
		add(name, true)
	}
	slices.SortFunc(out, func(a, b wire.DirEntry) int { return strings.Compare(a.Name, b.Name) })
	return out
}
