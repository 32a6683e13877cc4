package srvsvc

// NetrShareEnum (opnum 15, [MS-SRVS] 3.1.4.8) at level 1, in NDR
// ([C706] chapter 14): little-endian, 4-byte alignment from the start of
// the stub. The request is
//
//	ServerName     unique pointer → conformant varying string ([string] wchar_t*)
//	InfoStruct     Level, union switch (= Level), unique pointer →
//	               SHARE_INFO_1_CONTAINER {EntriesRead, unique pointer → SHARE_INFO_1[]}
//	PreferedMaximumLength
//	ResumeHandle   unique pointer → DWORD
//
// and the response is InfoStruct, TotalEntries, ResumeHandle and the
// NET_API_STATUS. In the SHARE_INFO_1 array ([MS-SRVS] 2.2.4.23) the
// conformant array's size comes first, then every element's fixed part
// (netname pointer, type, remark pointer), then the deferred strings in
// element order.

import (
	"encoding/binary"
	"errors"
	"fmt"
	"unicode/utf16"
)

// opNetrShareEnum is NetrShareEnum's operation number ([MS-SRVS] 3.1.4).
const opNetrShareEnum = 15

// Bounds on what a response may make this client hold.
const (
	// MaxShares is the most shares a listing returns; a server with more
	// is refused (the answer would be truncated, not the listing).
	MaxShares = 4096
	// maxStringUnits bounds a share name or remark, in UTF-16 code units
	// (Windows limits names to 80 and remarks to 256, [MS-SRVS] 2.2.4.23
	// and MAXCOMMENTSZ).
	maxStringUnits = 1024
	// maxStub bounds a reassembled response stub.
	maxStub = 1 << 20
)

// Share types ([MS-SRVS] 2.2.2.4): the low bits say what it is, the high
// bits qualify it.
const (
	TypeDisk      = 0x00000000
	TypePrintQ    = 0x00000001
	TypeDevice    = 0x00000002
	TypeIPC       = 0x00000003
	TypeSpecial   = 0x80000000 // administrative (C$, IPC$, ADMIN$)
	TypeTemporary = 0x40000000
	typeMask      = 0x0fffffff
)

// errMoreData: the server listed only some shares (ERROR_MORE_DATA with a
// resume handle); a level-1 enumeration with no length limit never gets it
// from Samba or Windows.
var errMoreData = errors.New("srvsvc: server returned a partial share list")

// Share is one SHARE_INFO_1 ([MS-SRVS] 2.2.4.23).
type Share struct {
	// Name is the share name (shi1_netname).
	Name string `json:"name"`
	// Type is shi1_type: one of TypeDisk, TypePrintQ, TypeDevice,
	// TypeIPC, with TypeSpecial and TypeTemporary or'ed in.
	Type uint32 `json:"type"`
	// Comment is the remark (shi1_remark).
	Comment string `json:"comment"`
}

// TypeName is the share's kind as smbclient -L prints it: Disk, Printer,
// Device or IPC (or the number), without the qualifier bits.
func (s Share) TypeName() string {
	switch s.Type & typeMask {
	case TypeDisk:
		return "Disk"
	case TypePrintQ:
		return "Printer"
	case TypeDevice:
		return "Device"
	case TypeIPC:
		return "IPC"
	}
	return fmt.Sprintf("0x%x", s.Type&typeMask)
}

// Special reports whether the share is an administrative one (C$, IPC$).
func (s Share) Special() bool { return s.Type&TypeSpecial != 0 }

// ndrWriter appends NDR primitives.
type ndrWriter struct {
	b   []byte
	ref uint32
}

func (w *ndrWriter) align4() {
	for len(w.b)%4 != 0 {
		w.b = append(w.b, 0)
	}
}

func (w *ndrWriter) u32(v uint32) {
	w.align4()
	w.b = binary.LittleEndian.AppendUint32(w.b, v)
}

// pointer writes a non-null referent id: 0x20000, 0x20004, ... as
// Samba's and Windows' marshallers number them.
func (w *ndrWriter) pointer() {
	w.u32(0x20000 + w.ref)
	w.ref += 4
}

// str writes a conformant varying string with its terminating NUL.
func (w *ndrWriter) str(s string) {
	u := utf16.Encode([]rune(s))
	n := uint32(len(u) + 1)
	w.u32(n) // max_count
	w.u32(0) // offset
	w.u32(n) // actual_count
	for _, c := range u {
		w.b = binary.LittleEndian.AppendUint16(w.b, c)
	}
	w.b = append(w.b, 0, 0)
}

// shareEnumRequest is the stub of NetrShareEnum at level 1 for server
// (`\\server`), asking for every share at once.
func shareEnumRequest(server string) []byte {
	w := &ndrWriter{}
	w.pointer() // ServerName
	w.str(`\\` + server)
	w.u32(1)    // InfoStruct.Level
	w.u32(1)    // union switch
	w.pointer() // Level1 container
	w.u32(0)    // EntriesRead
	w.u32(0)    // Buffer: null
	w.u32(0xffffffff)
	w.pointer() // ResumeHandle
	w.u32(0)
	return w.b
}

// shareEnumResponse encodes a level-1 answer listing shares, for tests
// and the fake server.
func shareEnumResponse(shares []Share, status uint32) []byte {
	w := &ndrWriter{}
	w.u32(1) // Level
	w.u32(1) // switch
	w.pointer()
	w.u32(uint32(len(shares)))
	w.pointer()                // Buffer
	w.u32(uint32(len(shares))) // conformance
	for _, s := range shares {
		w.pointer()
		w.u32(s.Type)
		w.pointer()
	}
	for _, s := range shares {
		w.str(s.Name)
		w.str(s.Comment)
	}
	w.u32(uint32(len(shares))) // TotalEntries
	w.pointer()                // ResumeHandle
	w.u32(0)
	w.u32(status)
	return w.b
}

// ndrReader reads NDR primitives from b, checking every length.
type ndrReader struct {
	b   []byte
	off int
}

var errNDRShort = errors.New("srvsvc: NDR data truncated")

func (r *ndrReader) u32() (uint32, error) {
	r.off = (r.off + 3) &^ 3
	if r.off > len(r.b)-4 {
		return 0, errNDRShort
	}
	v := binary.LittleEndian.Uint32(r.b[r.off:])
	r.off += 4
	return v, nil
}

// str reads a conformant varying string of at most maxStringUnits code
// units; a terminating NUL is dropped.
func (r *ndrReader) str() (string, error) {
	maxCount, err := r.u32()
	if err != nil {
		return "", err
	}
	offset, err := r.u32()
	if err != nil {
		return "", err
	}
	actual, err := r.u32()
	if err != nil {
		return "", err
	}
	if offset != 0 || actual > maxCount {
		return "", fmt.Errorf("srvsvc: string offset %d, %d of %d characters", offset, actual, maxCount)
	}
	if actual > maxStringUnits {
		return "", fmt.Errorf("srvsvc: string of %d characters, at most %d", actual, maxStringUnits)
	}
	n := int(actual)
	if n*2 > len(r.b)-r.off {
		return "", errNDRShort
	}
	u := make([]uint16, n)
	for i := range u {
		u[i] = binary.LittleEndian.Uint16(r.b[r.off+2*i:])
	}
	r.off += 2 * n
	if n > 0 && u[n-1] == 0 {
		u = u[:n-1]
	}
	for _, c := range u {
		if c == 0 {
			return "", errors.New("srvsvc: NUL inside a string")
		}
	}
	return string(utf16.Decode(u)), nil
}

// decodeShareEnumResponse decodes the stub of a NetrShareEnum level-1
// response; a NET_API_STATUS other than success is an error.
func decodeShareEnumResponse(stub []byte) ([]Share, error) {
	r := &ndrReader{b: stub}
	level, err := r.u32()
	if err != nil {
		return nil, err
	}
	sw, err := r.u32()
	if err != nil {
		return nil, err
	}
	if level != 1 || sw != 1 {
		return nil, fmt.Errorf("srvsvc: answer at level %d (switch %d), asked 1", level, sw)
	}
	var shares []Share
	ptr, err := r.u32()
	if err != nil {
		return nil, err
	}
	if ptr != 0 {
		if shares, err = r.container(); err != nil {
			return nil, err
		}
	}
	if _, err := r.u32(); err != nil { // TotalEntries
		return nil, err
	}
	resume, err := r.u32()
	if err != nil {
		return nil, err
	}
	if resume != 0 {
		if _, err := r.u32(); err != nil {
			return nil, err
		}
	}
	status, err := r.u32()
	if err != nil {
		return nil, err
	}
	if r.off != len(stub) {
		return nil, fmt.Errorf("srvsvc: %d bytes after the response", len(stub)-r.off)
	}
	switch status {
	case 0:
	case 234: // ERROR_MORE_DATA
		return nil, errMoreData
	default:
		return nil, &StatusError{Status: status}
	}
	return shares, nil
}

// container reads a SHARE_INFO_1_CONTAINER and its deferred array.
func (r *ndrReader) container() ([]Share, error) {
	entries, err := r.u32()
	if err != nil {
		return nil, err
	}
	buf, err := r.u32()
	if err != nil {
		return nil, err
	}
	if buf == 0 {
		if entries != 0 {
			return nil, fmt.Errorf("srvsvc: %d entries and no array", entries)
		}
		return nil, nil
	}
	count, err := r.u32()
	if err != nil {
		return nil, err
	}
	if count != entries {
		return nil, fmt.Errorf("srvsvc: array of %d for %d entries", count, entries)
	}
	if count > MaxShares {
		return nil, fmt.Errorf("srvsvc: %d shares, at most %d listed", count, MaxShares)
	}
	// Each element's fixed part is 12 bytes: check before allocating.
	if int(count)*12 > len(r.b)-r.off {
		return nil, errNDRShort
	}
	type fixed struct{ name, typ, remark uint32 }
	fx := make([]fixed, count)
	for i := range fx {
		fx[i].name, _ = r.u32()
		fx[i].typ, _ = r.u32()
		fx[i].remark, _ = r.u32()
	}
	shares := make([]Share, count)
	for i, f := range fx {
		shares[i].Type = f.typ
		if f.name != 0 {
			if shares[i].Name, err = r.str(); err != nil {
				return nil, err
			}
		}
		if f.remark != 0 {
			if shares[i].Comment, err = r.str(); err != nil {
				return nil, err
			}
		}
	}
	return shares, nil
}

// StatusError is a NET_API_STATUS (a Win32 error code) other than success
// ([MS-SRVS] 3.1.4.8, [MS-ERREF] 2.2).
type StatusError struct {
	Status uint32
}

func (e *StatusError) Error() string {
	switch e.Status {
	case 5:
		return "srvsvc: access denied"
	case 124:
		return "srvsvc: invalid level"
	}
	return fmt.Sprintf("srvsvc: NetrShareEnum failed: error %d", e.Status)
}
