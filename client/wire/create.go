package wire

// Oplock levels: RequestedOplockLevel of a CREATE request and OplockLevel of
// its response ([MS-SMB2] 2.2.13, 2.2.14), and OplockLevel of OPLOCK_BREAK
// messages (2.2.23.1).
const (
	OplockLevelNone      uint8 = 0x00
	OplockLevelII        uint8 = 0x01
	OplockLevelExclusive uint8 = 0x08
	OplockLevelBatch     uint8 = 0x09
	// OplockLevelLease asks for (or grants) a lease described by an RqLs
	// create context instead of an oplock.
	OplockLevelLease uint8 = 0xFF
)

// Impersonation levels of a CREATE request ([MS-SMB2] 2.2.13).
const (
	ImpersonationAnonymous      uint32 = 0
	ImpersonationIdentification uint32 = 1
	// Impersonation is the level every client sends in practice.
	Impersonation         uint32 = 2
	ImpersonationDelegate uint32 = 3
)

// Access mask bits for DesiredAccess ([MS-SMB2] 2.2.13.1.1 File_Pipe_Printer_Access_Mask,
// 2.2.13.1.2 Directory_Access_Mask; [MS-DTYP] 2.4.3 ACCESS_MASK). They also
// appear in ACEs and in MaximalAccess.
const (
	FileReadData         uint32 = 0x00000001
	FileWriteData        uint32 = 0x00000002
	FileAppendData       uint32 = 0x00000004
	FileReadEA           uint32 = 0x00000008
	FileWriteEA          uint32 = 0x00000010
	FileExecute          uint32 = 0x00000020
	FileDeleteChild      uint32 = 0x00000040
	FileReadAttributes   uint32 = 0x00000080
	FileWriteAttributes  uint32 = 0x00000100
	Delete               uint32 = 0x00010000
	ReadControl          uint32 = 0x00020000
	WriteDAC             uint32 = 0x00040000
	WriteOwner           uint32 = 0x00080000
	Synchronize          uint32 = 0x00100000
	AccessSystemSecurity uint32 = 0x01000000
	MaximumAllowed       uint32 = 0x02000000
	GenericAll           uint32 = 0x10000000
	GenericExecute       uint32 = 0x20000000
	GenericWrite         uint32 = 0x40000000
	GenericRead          uint32 = 0x80000000

	// Directory aliases of the low bits (2.2.13.1.2).
	FileListDirectory   = FileReadData
	FileAddFile         = FileWriteData
	FileAddSubdirectory = FileAppendData
	FileTraverse        = FileExecute
)

// ShareAccess bits of a CREATE request ([MS-SMB2] 2.2.13).
const (
	ShareRead   uint32 = 0x00000001
	ShareWrite  uint32 = 0x00000002
	ShareDelete uint32 = 0x00000004
)

// CreateDisposition values ([MS-SMB2] 2.2.13).
const (
	FileSupersede   uint32 = 0x00000000
	FileOpen        uint32 = 0x00000001
	FileCreate      uint32 = 0x00000002
	FileOpenIf      uint32 = 0x00000003
	FileOverwrite   uint32 = 0x00000004
	FileOverwriteIf uint32 = 0x00000005
)

// CreateOptions bits ([MS-SMB2] 2.2.13).
const (
	FileDirectoryFile           uint32 = 0x00000001
	FileWriteThrough            uint32 = 0x00000002
	FileSequentialOnly          uint32 = 0x00000004
	FileNoIntermediateBuffering uint32 = 0x00000008
	FileSynchronousIOAlert      uint32 = 0x00000010
	FileSynchronousIONonalert   uint32 = 0x00000020
	FileNonDirectoryFile        uint32 = 0x00000040
	FileCompleteIfOplocked      uint32 = 0x00000100
	FileNoEAKnowledge           uint32 = 0x00000200
	FileOpenRemoteInstance      uint32 = 0x00000400
	FileRandomAccess            uint32 = 0x00000800
	FileDeleteOnClose           uint32 = 0x00001000
	FileOpenByFileID            uint32 = 0x00002000
	FileOpenForBackupIntent     uint32 = 0x00004000
	FileNoCompression           uint32 = 0x00008000
	FileOpenRequiringOplock     uint32 = 0x00010000
	FileDisallowExclusive       uint32 = 0x00020000
	FileReserveOpfilter         uint32 = 0x00100000
	FileOpenReparsePoint        uint32 = 0x00200000
	FileOpenNoRecall            uint32 = 0x00400000
	FileOpenForFreeSpaceQuery   uint32 = 0x00800000
)

// File attributes ([MS-FSCC] 2.6), used by CREATE, CLOSE, directory entries
// and FileBasicInformation.
const (
	FileAttributeReadOnly           uint32 = 0x00000001
	FileAttributeHidden             uint32 = 0x00000002
	FileAttributeSystem             uint32 = 0x00000004
	FileAttributeDirectory          uint32 = 0x00000010
	FileAttributeArchive            uint32 = 0x00000020
	FileAttributeNormal             uint32 = 0x00000080
	FileAttributeTemporary          uint32 = 0x00000100
	FileAttributeSparseFile         uint32 = 0x00000200
	FileAttributeReparsePoint       uint32 = 0x00000400
	FileAttributeCompressed         uint32 = 0x00000800
	FileAttributeOffline            uint32 = 0x00001000
	FileAttributeNotContentIndexed  uint32 = 0x00002000
	FileAttributeEncrypted          uint32 = 0x00004000
	FileAttributeIntegrityStream    uint32 = 0x00008000
	FileAttributeNoScrubData        uint32 = 0x00020000
	FileAttributeRecallOnOpen       uint32 = 0x00040000
	FileAttributePinned             uint32 = 0x00080000
	FileAttributeUnpinned           uint32 = 0x00100000
	FileAttributeRecallOnDataAccess uint32 = 0x00400000
)

// CreateAction values of a CREATE response ([MS-SMB2] 2.2.14).
const (
	FileSuperseded  uint32 = 0x00000000
	FileOpened      uint32 = 0x00000001
	FileCreated     uint32 = 0x00000002
	FileOverwritten uint32 = 0x00000003
)

// CreateFlagReparsePoint is set in CreateResponse.Flags when the opened file
// is a reparse point (SMB 3.x, [MS-SMB2] 2.2.14).
const CreateFlagReparsePoint uint8 = 0x01

// Sizes of the fixed parts (StructureSize rounded down to even).
const (
	createRequestFixed  = 56
	createResponseFixed = 88
	createContextFixed  = 16
)

// CreateContext is one SMB2_CREATE_CONTEXT ([MS-SMB2] 2.2.13.2, 2.2.14.2).
// Name is the tag: four ASCII bytes such as "RqLs" or a 16-byte GUID. Data is
// the context's payload; decoded Data aliases the message.
type CreateContext struct {
	Name string
	Data []byte
}

// CreateRequest is the SMB2 CREATE Request ([MS-SMB2] 2.2.13). Name is the
// share-relative path with backslash separators, without a leading
// backslash; "" opens the share root.
type CreateRequest struct {
	SecurityFlags        uint8
	RequestedOplockLevel uint8
	ImpersonationLevel   uint32
	DesiredAccess        uint32
	FileAttributes       uint32
	ShareAccess          uint32
	CreateDisposition    uint32
	CreateOptions        uint32
	Name                 string
	Contexts             []CreateContext
}

// Append appends the CREATE request body to msg, which holds the header at
// msg[0:64]. The name follows the fixed part (an empty name still gets a one
// byte Buffer, as StructureSize 57 demands); the create contexts follow at the
// next 8-byte boundary. It panics if Name is longer than 65535 bytes in
// UTF-16, which the caller must prevent.
func (m *CreateRequest) Append(msg []byte) []byte {
	nameOff := len(msg) + createRequestFixed
	nameLen := mustFit16(UTF16Len(m.Name), "CREATE name length")
	var ctx []byte
	ctxOff := 0
	if len(m.Contexts) > 0 {
		ctx = appendCreateContexts(nil, m.Contexts)
		ctxOff = align(nameOff+max(int(nameLen), 1), 8)
	}
	msg = appendU16(msg, createRequestFixed+1)
	msg = append(msg, m.SecurityFlags, m.RequestedOplockLevel)
	msg = appendU32(msg, m.ImpersonationLevel)
	msg = appendU64(msg, 0) // SmbCreateFlags
	msg = appendU64(msg, 0) // Reserved
	msg = appendU32(msg, m.DesiredAccess)
	msg = appendU32(msg, m.FileAttributes)
	msg = appendU32(msg, m.ShareAccess)
	msg = appendU32(msg, m.CreateDisposition)
	msg = appendU32(msg, m.CreateOptions)
	msg = appendU16(msg, mustFit16(nameOff, "CREATE NameOffset"))
	msg = appendU16(msg, nameLen)
	msg = appendU32(msg, mustFit32(ctxOff, "CREATE CreateContextsOffset"))
	msg = appendU32(msg, mustFit32(len(ctx), "CREATE CreateContextsLength"))
	if nameLen == 0 {
		msg = append(msg, 0) // Buffer[0]
	} else {
		msg = AppendUTF16(msg, m.Name)
	}
	if len(ctx) > 0 {
		msg = zeros(msg, ctxOff-len(msg))
		msg = append(msg, ctx...)
	}
	return msg
}

// DecodeCreateRequest decodes an SMB2 CREATE Request ([MS-SMB2] 2.2.13). The
// body must hold the fixed part and at least one Buffer byte; the name must
// have an even length and lie after the fixed part; the contexts must start
// 8-byte aligned after the name, be well formed and carry distinct names.
func DecodeCreateRequest(msg []byte) (*CreateRequest, error) {
	r, err := bodyReader(msg, createRequestFixed+1, createRequestFixed+1, "CREATE request")
	if err != nil {
		return nil, err
	}
	m := &CreateRequest{}
	m.SecurityFlags = r.u8("SecurityFlags")
	m.RequestedOplockLevel = r.u8("RequestedOplockLevel")
	m.ImpersonationLevel = r.u32("ImpersonationLevel")
	r.skip(16, "SmbCreateFlags+Reserved")
	m.DesiredAccess = r.u32("DesiredAccess")
	m.FileAttributes = r.u32("FileAttributes")
	m.ShareAccess = r.u32("ShareAccess")
	m.CreateDisposition = r.u32("CreateDisposition")
	m.CreateOptions = r.u32("CreateOptions")
	nameOff := r.u16("NameOffset")
	nameLen := r.u16("NameLength")
	ctxOff := r.u32("CreateContextsOffset")
	ctxLen := r.u32("CreateContextsLength")
	if r.err != nil {
		return nil, r.err
	}
	fixedEnd := HeaderSize + createRequestFixed
	name, err := buffer(msg, uint64(nameOff), uint64(nameLen), fixedEnd, "CREATE name")
	if err != nil {
		return nil, err
	}
	if m.Name, err = utf16Field(name, "CREATE name"); err != nil {
		return nil, err
	}
	if ctxLen > 0 {
		minCtx := fixedEnd
		if nameLen > 0 {
			minCtx = int(nameOff) + int(nameLen)
		}
		if ctxOff%8 != 0 {
			return nil, malformed("CREATE request: CreateContextsOffset %d not 8-byte aligned", ctxOff)
		}
		buf, err := buffer(msg, uint64(ctxOff), uint64(ctxLen), minCtx, "CREATE request contexts")
		if err != nil {
			return nil, err
		}
		if m.Contexts, err = decodeCreateContexts(buf); err != nil {
			return nil, err
		}
	}
	return m, nil
}

// CreateResponse is the SMB2 CREATE Response ([MS-SMB2] 2.2.14). Its
// OpenInfo describes the file as it stands once opened.
type CreateResponse struct {
	OplockLevel  uint8
	Flags        uint8
	CreateAction uint32
	OpenInfo
	FileID   FileID
	Contexts []CreateContext
}

// Append appends the CREATE response body to msg (header at msg[0:64]); the
// contexts start at the first 8-byte boundary after the fixed part. Without
// contexts the body is the 88-byte fixed part alone, as Samba sends it.
func (m *CreateResponse) Append(msg []byte) []byte {
	var ctx []byte
	ctxOff := 0
	if len(m.Contexts) > 0 {
		ctx = appendCreateContexts(nil, m.Contexts)
		ctxOff = align(len(msg)+createResponseFixed, 8)
	}
	msg = appendU16(msg, createResponseFixed+1)
	msg = append(msg, m.OplockLevel, m.Flags)
	msg = appendU32(msg, m.CreateAction)
	msg = m.OpenInfo.append(msg)
	msg = appendU32(msg, 0) // Reserved2
	msg = m.FileID.append(msg)
	msg = appendU32(msg, mustFit32(ctxOff, "CREATE CreateContextsOffset"))
	msg = appendU32(msg, mustFit32(len(ctx), "CREATE CreateContextsLength"))
	if len(ctx) == 0 {
		return msg
	}
	msg = zeros(msg, ctxOff-len(msg))
	return append(msg, ctx...)
}

// DecodeCreateResponse decodes an SMB2 CREATE Response ([MS-SMB2] 2.2.14).
// The create contexts must start 8-byte aligned after the fixed part, be
// well formed ([MS-SMB2] 2.2.13.2) and carry distinct names: a duplicated
// context is an error, never "the first one wins".
func DecodeCreateResponse(msg []byte) (*CreateResponse, error) {
	r, err := bodyReader(msg, createResponseFixed+1, createResponseFixed, "CREATE response")
	if err != nil {
		return nil, err
	}
	m := &CreateResponse{}
	m.OplockLevel = r.u8("OplockLevel")
	m.Flags = r.u8("Flags")
	m.CreateAction = r.u32("CreateAction")
	m.OpenInfo.read(r)
	r.skip(4, "Reserved2")
	m.FileID = r.fileID("FileId")
	ctxOff := r.u32("CreateContextsOffset")
	ctxLen := r.u32("CreateContextsLength")
	if r.err != nil {
		return nil, r.err
	}
	if ctxLen > 0 {
		if ctxOff%8 != 0 {
			return nil, malformed("CREATE response: CreateContextsOffset %d not 8-byte aligned", ctxOff)
		}
		buf, err := buffer(msg, uint64(ctxOff), uint64(ctxLen), HeaderSize+createResponseFixed, "CREATE response contexts")
		if err != nil {
			return nil, err
		}
		if m.Contexts, err = decodeCreateContexts(buf); err != nil {
			return nil, err
		}
	}
	return m, nil
}

// Context returns the data of the context named name and whether it is
// present. Decoders reject duplicated names, so the answer is unambiguous.
func (m *CreateResponse) Context(name string) ([]byte, bool) {
	return findCreateContext(m.Contexts, name)
}

// Context returns the data of the context named name and whether it is
// present.
func (m *CreateRequest) Context(name string) ([]byte, bool) {
	return findCreateContext(m.Contexts, name)
}

func findCreateContext(cs []CreateContext, name string) ([]byte, bool) {
	for _, c := range cs {
		if c.Name == name {
			return c.Data, true
		}
	}
	return nil, false
}

// appendCreateContexts appends a chain of SMB2_CREATE_CONTEXT structures
// ([MS-SMB2] 2.2.13.2): name at offset 16, data at the next 8-byte boundary
// after the name (DataOffset 0 when there is no data), each context but the
// last padded to 8 bytes with Next pointing at the following one. It panics
// on a name longer than 65535 bytes, which is a programming error.
func appendCreateContexts(b []byte, cs []CreateContext) []byte {
	return appendEntries(b, len(cs), 8, func(b []byte, i int) []byte {
		c := cs[i]
		start := len(b)
		nameLen := mustFit16(len(c.Name), "create context name length")
		dataOff := 0
		if len(c.Data) > 0 {
			dataOff = align(createContextFixed+int(nameLen), 8)
		}
		b = appendU32(b, 0) // Next, patched by appendEntries
		b = appendU16(b, createContextFixed)
		b = appendU16(b, nameLen)
		b = appendU16(b, 0) // Reserved
		b = appendU16(b, mustFit16(dataOff, "create context DataOffset"))
		b = appendU32(b, mustFit32(len(c.Data), "create context DataLength"))
		b = append(b, c.Name...)
		if len(c.Data) > 0 {
			b = zeros(b, start+dataOff-len(b))
			b = append(b, c.Data...)
		}
		return b
	})
}

// decodeCreateContexts decodes a create context chain ([MS-SMB2] 2.2.13.2).
// Next must be 8-byte aligned and progress inside the buffer; NameOffset and
// DataOffset are relative to the context, 8-byte aligned, after its 16-byte
// fixed part, and the name and data must lie inside the context, the data
// after the name. Names must be non-empty and distinct.
func decodeCreateContexts(buf []byte) ([]CreateContext, error) {
	var cs []CreateContext
	seen := make(map[string]bool)
	err := walkEntries(buf, 8, createContextFixed, "create context", func(e []byte) error {
		nameOff := int(getU16(e, 4))
		nameLen := int(getU16(e, 6))
		dataOff := int(getU16(e, 10))
		dataLen := uint64(getU32(e, 12))
		if nameLen == 0 {
			return malformed("empty create context name")
		}
		if nameOff < createContextFixed || nameOff%8 != 0 {
			return malformed("create context NameOffset %d", nameOff)
		}
		name, err := slice(e, nameOff, nameLen, "create context name")
		if err != nil {
			return err
		}
		var data []byte
		if dataLen > 0 {
			if dataOff%8 != 0 || dataOff < nameOff+nameLen {
				return malformed("create context DataOffset %d (name ends at %d)", dataOff, nameOff+nameLen)
			}
			if dataLen > uint64(len(e)) {
				return malformed("create context DataLength %d in a %d-byte context", dataLen, len(e))
			}
			if data, err = slice(e, dataOff, int(dataLen), "create context data"); err != nil {
				return err
			}
		}
		if seen[string(name)] {
			return malformed("duplicated create context %q", name)
		}
		seen[string(name)] = true
		cs = append(cs, CreateContext{Name: string(name), Data: data})
		return nil
	})
	if err != nil {
		return nil, err
	}
	return cs, nil
}
