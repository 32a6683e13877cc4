package smbtest

import (
	"fmt"
	"slices"
	"strings"

	"github.com/smb3fs/smb3fs/client/wire"
)

// What Server.FileSystem adds: the operations a FUSE mount makes beyond
// READ and WRITE, on the same in-memory files, and the Hostile lies about
// them. Everything here is called with Server.mu held.

const (
	// firstFileID is the first FileId handed out; rootFileID is the
	// root's.
	firstFileID = 0x1000
	rootFileID  = 0x100
	// fileTime is every file's four times: 2020-01-01 in FILETIME.
	fileTime = 132223104000000000
	// dirEntryFixed is the fixed part of a FileIdBothDirectoryInformation
	// entry ([MS-FSCC] 2.4.17); entries are 8-byte aligned.
	dirEntryFixed = 104
)

// parentOf returns the directory holding name ("" for the root).
func parentOf(name string) string {
	if i := strings.LastIndexByte(name, '\\'); i >= 0 {
		return name[:i]
	}
	return ""
}

// resolve returns the stored name a request's path stands for: with
// Hostile.Loops, the components "self" and "up" of a directory are the
// directory and its parent. ok is false when a component that must be a
// directory is not one.
func (c *conn) resolve(name string) (string, bool) {
	if !c.hostile.Loops || name == "" {
		return name, true
	}
	var cur string
	parts := strings.Split(name, `\`)
	for i, p := range parts {
		isDir := cur == "" || c.srv.dirs[cur]
		switch {
		case p == "self" && isDir && !c.exists(join(cur, p)):
		case p == "up" && isDir && !c.exists(join(cur, p)):
			cur = parentOf(cur)
		default:
			if i > 0 && !isDir {
				return "", false
			}
			cur = join(cur, p)
		}
	}
	return cur, true
}

func join(dir, name string) string {
	if dir == "" {
		return name
	}
	return dir + `\` + name
}

func (c *conn) exists(name string) bool {
	_, ok := c.srv.files[name]
	return ok || c.srv.dirs[name]
}

// fileID returns the FileId of name: its own, kept across renames, unless
// a Hostile lie says otherwise.
func (c *conn) fileID(name string, isDir bool) uint64 {
	switch {
	case name == "":
		return rootFileID
	case isDir && c.hostile.RepeatDirIDs:
		return rootFileID + 1
	case isDir && c.hostile.ParentDirIDs:
		p := parentOf(name)
		if p == "" {
			return rootFileID
		}
		return c.ownID(p)
	}
	return c.ownID(name)
}

func (c *conn) ownID(name string) uint64 {
	s := c.srv
	id, ok := s.ids[name]
	if !ok {
		id = s.nextFileID
		s.nextFileID++
		s.ids[name] = id
	}
	return id
}

// removeLocked deletes name (file or empty directory) and its FileId.
func (c *conn) removeLocked(name string) {
	s := c.srv
	delete(s.files, name)
	delete(s.dirs, name)
	delete(s.ids, name)
	delete(s.writeTimes, name)
}

// hasChildren reports whether directory dir holds anything.
func (c *conn) hasChildren(dir string) bool {
	prefix := dir + `\`
	for n := range c.srv.files {
		if strings.HasPrefix(n, prefix) {
			return true
		}
	}
	for n := range c.srv.dirs {
		if strings.HasPrefix(n, prefix) {
			return true
		}
	}
	return false
}

// setInfo runs SET_INFO of the size, allocation, disposition and rename
// classes ([MS-FSCC] 2.4).
func (c *conn) setInfo(o *open, req *wire.SetInfoRequest) (wire.Status, interface{ Append([]byte) []byte }) {
	s := c.srv
	if req.InfoType != wire.InfoFile {
		return wire.StatusNotSupported, nil
	}
	switch req.FileInfoClass {
	case wire.ClassFileEndOfFileInformation:
		fi, err := wire.DecodeFileEndOfFileInformation(req.Buffer)
		if err != nil || o.dir {
			return wire.StatusInvalidParameter, nil
		}
		if fi.EndOfFile > 1<<30 {
			return wire.StatusDiskFull, nil
		}
		data := s.files[o.name]
		if n := int(fi.EndOfFile); n <= len(data) {
			data = data[:n]
		} else {
			data = append(data, make([]byte, n-len(data))...)
		}
		s.files[o.name] = data
	case wire.ClassFileAllocationInformation:
		if _, err := wire.DecodeFileAllocationInformation(req.Buffer); err != nil {
			return wire.StatusInvalidParameter, nil
		}
	case wire.ClassFileDispositionInformation:
		fi, err := wire.DecodeFileDispositionInformation(req.Buffer)
		if err != nil {
			return wire.StatusInvalidParameter, nil
		}
		if fi.DeletePending && o.dir && c.hasChildren(o.name) {
			return wire.StatusDirectoryNotEmpty, nil
		}
		o.deleteOnClose = fi.DeletePending
	case wire.ClassFileRenameInformation:
		fi, err := wire.DecodeFileRenameInformation(req.Buffer)
		if err != nil {
			return wire.StatusInvalidParameter, nil
		}
		return c.rename(o, fi)
	default:
		return wire.StatusNotSupported, nil
	}
	return wire.StatusSuccess, &wire.SetInfoResponse{}
}

// rename moves o's name, and everything below it, to fi.FileName.
func (c *conn) rename(o *open, fi *wire.FileRenameInformation) (wire.Status, interface{ Append([]byte) []byte }) {
	s := c.srv
	to, ok := c.resolve(strings.TrimPrefix(fi.FileName, `\`))
	if !ok || to == "" || (parentOf(to) != "" && !s.dirs[parentOf(to)]) {
		return wire.StatusObjectPathNotFound, nil
	}
	from := o.name
	if to == from {
		return wire.StatusSuccess, &wire.SetInfoResponse{}
	}
	if from == "" || strings.HasPrefix(to, from+`\`) {
		return wire.StatusInvalidParameter, nil
	}
	if st := c.renameCheckLocked(o, to, fi.ReplaceIfExists); st != wire.StatusSuccess {
		return st, nil
	}
	if c.exists(to) {
		if !fi.ReplaceIfExists {
			return wire.StatusObjectNameCollision, nil
		}
		if s.dirs[to] || o.dir {
			return wire.StatusAccessDenied, nil
		}
		c.removeLocked(to)
	}
	move := func(n string) (string, bool) {
		if n == from {
			return to, true
		}
		if rest, ok := strings.CutPrefix(n, from+`\`); ok {
			return to + `\` + rest, true
		}
		return "", false
	}
	for _, m := range []any{s.files, s.dirs, s.ids, s.writeTimes} {
		switch m := m.(type) {
		case map[string][]byte:
			renameKeys(m, move)
		case map[string]bool:
			renameKeys(m, move)
		case map[string]uint64:
			renameKeys(m, move)
		}
	}
	for _, x := range c.opens {
		if n, ok := move(x.name); ok {
			x.name = n
		}
	}
	c.movedLocked(move)
	return wire.StatusSuccess, &wire.SetInfoResponse{}
}

func renameKeys[V any](m map[string]V, move func(string) (string, bool)) {
	moved := map[string]V{}
	for k, v := range m {
		if n, ok := move(k); ok {
			moved[n] = v
			delete(m, k)
		}
	}
	for k, v := range moved {
		m[k] = v
	}
}

// queryInfo answers QUERY_INFO of the classes the client asks for
// ([MS-FSCC] 2.4, 2.5); the answer must fit OutputBufferLength, else
// STATUS_INFO_LENGTH_MISMATCH, as Samba answers fixed-size classes.
func (c *conn) queryInfo(o *open, req *wire.QueryInfoRequest) (wire.Status, interface{ Append([]byte) []byte }) {
	var buf []byte
	size, alloc, attrs := c.attrs(o)
	switch {
	case req.InfoType == wire.InfoFile && req.FileInfoClass == wire.ClassFileNetworkOpenInformation:
		buf = (&wire.FileNetworkOpenInformation{OpenInfo: wire.OpenInfo{CreationTime: fileTime, LastAccessTime: fileTime, LastWriteTime: fileTime,
			ChangeTime: fileTime, AllocationSize: alloc, EndOfFile: size, FileAttributes: attrs}}).Encode()
	case req.InfoType == wire.InfoFile && req.FileInfoClass == wire.ClassFileStandardInformation:
		buf = (&wire.FileStandardInformation{AllocationSize: alloc, EndOfFile: size, NumberOfLinks: 1,
			DeletePending: o.deleteOnClose, Directory: o.dir}).Encode()
	case req.InfoType == wire.InfoFile && req.FileInfoClass == wire.ClassFileInternalInformation:
		buf = (&wire.FileInternalInformation{IndexNumber: c.fileID(o.name, o.dir)}).Encode()
	case req.InfoType == wire.InfoFilesystem && req.FileInfoClass == wire.ClassFileFsFullSizeInformation:
		buf = (&wire.FileFsFullSizeInformation{TotalAllocationUnits: 1 << 20, CallerAvailableAllocationUnits: 1 << 19,
			ActualAvailableAllocationUnits: 1 << 19, SectorsPerAllocationUnit: 8, BytesPerSector: 512}).Encode()
	default:
		return wire.StatusNotSupported, nil
	}
	if len(buf) > int(req.OutputBufferLength) {
		return wire.StatusInfoLengthMismatch, nil
	}
	return wire.StatusSuccess, &wire.QueryInfoResponse{Buffer: buf}
}

// queryDirectory answers QUERY_DIRECTORY ([MS-SMB2] 3.3.5.18) in pages
// that fit OutputBufferLength: the directory's entries (computed afresh
// for each page, so a change between pages may skip or repeat a name, as
// on a real server), then Hostile.GiantEntries generated ones for
// Hostile.GiantDir, then, with Hostile.EndlessListing, new names forever.
func (c *conn) queryDirectory(o *open, req *wire.QueryDirectoryRequest) (wire.Status, interface{ Append([]byte) []byte }) {
	if req.FileInformationClass != wire.ClassFileIdBothDirectoryInformation {
		return wire.StatusInvalidInfoClass, nil
	}
	if req.Flags&wire.RestartScans != 0 {
		o.pos = 0
	}
	real := c.listIDs(o.name)
	if req.FileName != "" && req.FileName != "*" {
		real = slices.DeleteFunc(real, func(e wire.DirEntry) bool { return !strings.EqualFold(e.Name, req.FileName) })
	}
	giant := 0
	if c.hostile.GiantEntries > 0 && c.hostile.GiantDir == o.name && (req.FileName == "" || req.FileName == "*") {
		giant = c.hostile.GiantEntries
	}
	entry := func(i int) (wire.DirEntry, bool) {
		switch {
		case i < len(real):
			return real[i], true
		case i < len(real)+giant:
			n := i - len(real)
			return wire.DirEntry{Name: fmt.Sprintf("giant-%07d", n), FileID: 0x1_0000_0000 + uint64(n),
				OpenInfo: wire.OpenInfo{FileAttributes: wire.FileAttributeArchive, CreationTime: fileTime, LastWriteTime: fileTime, ChangeTime: fileTime, LastAccessTime: fileTime}}, true
		case c.hostile.EndlessListing:
			n := i - len(real) - giant
			return wire.DirEntry{Name: fmt.Sprintf("endless-%09d", n), FileID: 0x2_0000_0000 + uint64(n),
				OpenInfo: wire.OpenInfo{FileAttributes: wire.FileAttributeArchive, CreationTime: fileTime, LastWriteTime: fileTime, ChangeTime: fileTime, LastAccessTime: fileTime}}, true
		}
		return wire.DirEntry{}, false
	}
	var page []wire.DirEntry
	room := int(req.OutputBufferLength)
	if c.hostile.ShortPages {
		room /= 4
	}
	for {
		e, ok := entry(o.pos)
		cost := (dirEntryFixed + 2*len(e.Name) + 7) &^ 7 // pages are filled as Samba fills them
		if !ok || cost > room {
			break
		}
		room -= cost
		page = append(page, e)
		o.pos++
		if req.Flags&wire.ReturnSingleEntry != 0 {
			break
		}
	}
	if len(page) == 0 {
		if o.pos == 0 && len(real) == 0 && giant == 0 && !c.hostile.EndlessListing {
			return wire.StatusNoSuchFile, nil
		}
		return wire.StatusNoMoreFiles, nil
	}
	buf, err := wire.EncodeDirEntries(req.FileInformationClass, page)
	if err != nil {
		return wire.StatusInvalidInfoClass, nil
	}
	return wire.StatusSuccess, &wire.QueryDirectoryResponse{Buffer: buf}
}

// listIDs is list with FileIds, times, and with Hostile.Loops the "self"
// and "up" entries.
func (c *conn) listIDs(dir string) []wire.DirEntry {
	out := c.list(dir)
	for i := range out {
		e := &out[i]
		name := join(dir, e.Name)
		e.FileID = c.fileID(name, c.srv.dirs[name])
		e.CreationTime, e.LastAccessTime, e.LastWriteTime, e.ChangeTime = fileTime, fileTime, fileTime, fileTime
	}
	if c.hostile.Loops {
		for _, l := range []struct{ name, target string }{{"self", dir}, {"up", parentOf(dir)}} {
			if c.exists(join(dir, l.name)) {
				continue
			}
			out = append(out, wire.DirEntry{Name: l.name, FileID: c.fileID(l.target, true),
				OpenInfo: wire.OpenInfo{FileAttributes: wire.FileAttributeDirectory,
					CreationTime: fileTime, LastAccessTime: fileTime, LastWriteTime: fileTime, ChangeTime: fileTime}})
		}
	}
	return out
}
