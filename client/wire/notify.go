package wire

// WatchTree asks CHANGE_NOTIFY to watch the whole subtree ([MS-SMB2] 2.2.35).
const WatchTree uint16 = 0x0001

// CompletionFilter bits of CHANGE_NOTIFY ([MS-SMB2] 2.2.35).
const (
	FileNotifyChangeFileName    uint32 = 0x00000001
	FileNotifyChangeDirName     uint32 = 0x00000002
	FileNotifyChangeAttributes  uint32 = 0x00000004
	FileNotifyChangeSize        uint32 = 0x00000008
	FileNotifyChangeLastWrite   uint32 = 0x00000010
	FileNotifyChangeLastAccess  uint32 = 0x00000020
	FileNotifyChangeCreation    uint32 = 0x00000040
	FileNotifyChangeEA          uint32 = 0x00000080
	FileNotifyChangeSecurity    uint32 = 0x00000100
	FileNotifyChangeStreamName  uint32 = 0x00000200
	FileNotifyChangeStreamSize  uint32 = 0x00000400
	FileNotifyChangeStreamWrite uint32 = 0x00000800
)

// Action values of FILE_NOTIFY_INFORMATION ([MS-FSCC] 2.7.1).
const (
	FileActionAdded              uint32 = 0x00000001
	FileActionRemoved            uint32 = 0x00000002
	FileActionModified           uint32 = 0x00000003
	FileActionRenamedOldName     uint32 = 0x00000004
	FileActionRenamedNewName     uint32 = 0x00000005
	FileActionAddedStream        uint32 = 0x00000006
	FileActionRemovedStream      uint32 = 0x00000007
	FileActionModifiedStream     uint32 = 0x00000008
	FileActionRemovedByDelete    uint32 = 0x00000009
	FileActionIDNotTunnelled     uint32 = 0x0000000A
	FileActionTunnelledIDCollide uint32 = 0x0000000B
)

const (
	changeNotifyRequestSize = 32
	fileNotifyFixed         = 12
	fileNotifyAlign         = 4
)

// ChangeNotifyRequest is the SMB2 CHANGE_NOTIFY Request ([MS-SMB2] 2.2.35).
type ChangeNotifyRequest struct {
	Flags              uint16
	OutputBufferLength uint32
	FileID             FileID
	CompletionFilter   uint32
}

// Append appends the 32-byte CHANGE_NOTIFY request body to msg (header at
// msg[0:64]).
func (m *ChangeNotifyRequest) Append(msg []byte) []byte {
	msg = appendU16(msg, changeNotifyRequestSize)
	msg = appendU16(msg, m.Flags)
	msg = appendU32(msg, m.OutputBufferLength)
	msg = m.FileID.append(msg)
	msg = appendU32(msg, m.CompletionFilter)
	return appendU32(msg, 0) // Reserved
}

// DecodeChangeNotifyRequest decodes an SMB2 CHANGE_NOTIFY Request
// ([MS-SMB2] 2.2.35).
func DecodeChangeNotifyRequest(msg []byte) (*ChangeNotifyRequest, error) {
	r, err := bodyReader(msg, changeNotifyRequestSize, changeNotifyRequestSize, "CHANGE_NOTIFY request")
	if err != nil {
		return nil, err
	}
	m := &ChangeNotifyRequest{Flags: r.u16("Flags"), OutputBufferLength: r.u32("OutputBufferLength")}
	m.FileID = r.fileID("FileId")
	m.CompletionFilter = r.u32("CompletionFilter")
	r.skip(4, "Reserved")
	return m, r.err
}

// ChangeNotifyResponse is the SMB2 CHANGE_NOTIFY Response ([MS-SMB2]
// 2.2.36). Buffer holds FILE_NOTIFY_INFORMATION entries, to be decoded with
// DecodeFileNotifyInformation; decoded Buffer aliases the message.
type ChangeNotifyResponse struct {
	Buffer []byte
}

// Append appends the CHANGE_NOTIFY response body to msg (header at
// msg[0:64]).
func (m *ChangeNotifyResponse) Append(msg []byte) []byte {
	return appendOutputResponse(msg, m.Buffer, "CHANGE_NOTIFY")
}

// DecodeChangeNotifyResponse decodes an SMB2 CHANGE_NOTIFY Response
// ([MS-SMB2] 2.2.36); the buffer must lie inside the message after the
// fixed part.
func DecodeChangeNotifyResponse(msg []byte) (*ChangeNotifyResponse, error) {
	b, err := decodeOutputResponse(msg, "CHANGE_NOTIFY response")
	if err != nil {
		return nil, err
	}
	return &ChangeNotifyResponse{Buffer: b}, nil
}

// FileNotifyInformation is one FILE_NOTIFY_INFORMATION entry ([MS-FSCC]
// 2.7.1): what happened (FileAction*) to which name, relative to the
// watched directory.
type FileNotifyInformation struct {
	Action   uint32
	FileName string
}

// DecodeFileNotifyInformation decodes a CHANGE_NOTIFY output buffer
// ([MS-FSCC] 2.7.1). NextEntryOffset must be a multiple of 4, make progress
// and stay inside buf; each FileName must fit in its entry and have a
// non-zero even length. An empty buffer yields no entries.
func DecodeFileNotifyInformation(buf []byte) ([]FileNotifyInformation, error) {
	var out []FileNotifyInformation
	err := walkEntries(buf, fileNotifyAlign, fileNotifyFixed, "FILE_NOTIFY_INFORMATION", func(e []byte) error {
		n := uint64(getU32(e, 8))
		if n == 0 {
			return malformed("empty FileName")
		}
		if n > uint64(len(e)-fileNotifyFixed) {
			return malformed("FileNameLength %d in a %d-byte entry", n, len(e))
		}
		name, err := utf16Field(e[fileNotifyFixed:fileNotifyFixed+int(n)], "FileName")
		if err != nil {
			return err
		}
		out = append(out, FileNotifyInformation{Action: getU32(e, 4), FileName: name})
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// EncodeFileNotifyInformation encodes entries as a CHANGE_NOTIFY output
// buffer ([MS-FSCC] 2.7.1), each entry but the last padded to 4 bytes (for
// fake servers and tests).
func EncodeFileNotifyInformation(entries []FileNotifyInformation) []byte {
	return appendEntries(nil, len(entries), fileNotifyAlign, func(b []byte, i int) []byte {
		e := entries[i]
		b = appendU32(b, 0) // NextEntryOffset, patched by appendEntries
		b = appendU32(b, e.Action)
		b = appendU32(b, mustFit32(UTF16Len(e.FileName), "FileNameLength"))
		return AppendUTF16(b, e.FileName)
	})
}
