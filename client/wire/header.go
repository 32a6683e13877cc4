package wire

import (
	"errors"
	"fmt"
)

// ErrMalformed is wrapped by every decoding error: the bytes are not a valid
// message of the expected kind.
var ErrMalformed = errors.New("smb2: malformed message")

// malformed returns an error wrapping ErrMalformed with a description.
func malformed(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrMalformed, fmt.Sprintf(format, args...))
}

// HeaderSize is the size of the SMB2 packet header ([MS-SMB2] 2.2.1).
const HeaderSize = 64

// ProtocolID is the first four bytes of every SMB2 header.
const ProtocolID = "\xfeSMB"

// TransformProtocolID starts an SMB2 TRANSFORM_HEADER ([MS-SMB2] 2.2.41).
const TransformProtocolID = "\xfdSMB"

// CompressionProtocolID starts an SMB2 COMPRESSION_TRANSFORM_HEADER (2.2.42).
const CompressionProtocolID = "\xfcSMB"

// Byte offsets of header fields, for code that works on raw messages
// (signing, dispatch) without decoding the whole header.
const (
	OffsetCreditCharge = 6
	OffsetStatus       = 8
	OffsetCommand      = 12
	OffsetCredits      = 14
	OffsetFlags        = 16
	OffsetNextCommand  = 20
	OffsetMessageID    = 24
	OffsetAsyncID      = 32
	OffsetTreeID       = 36
	OffsetSessionID    = 40
	OffsetSignature    = 48
	SignatureSize      = 16
)

// Command is an SMB2 command code ([MS-SMB2] 2.2.1).
type Command uint16

// SMB2 command codes.
const (
	CmdNegotiate      Command = 0x0000
	CmdSessionSetup   Command = 0x0001
	CmdLogoff         Command = 0x0002
	CmdTreeConnect    Command = 0x0003
	CmdTreeDisconnect Command = 0x0004
	CmdCreate         Command = 0x0005
	CmdClose          Command = 0x0006
	CmdFlush          Command = 0x0007
	CmdRead           Command = 0x0008
	CmdWrite          Command = 0x0009
	CmdLock           Command = 0x000A
	CmdIoctl          Command = 0x000B
	CmdCancel         Command = 0x000C
	CmdEcho           Command = 0x000D
	CmdQueryDirectory Command = 0x000E
	CmdChangeNotify   Command = 0x000F
	CmdQueryInfo      Command = 0x0010
	CmdSetInfo        Command = 0x0011
	CmdOplockBreak    Command = 0x0012
)

var commandNames = [...]string{
	"NEGOTIATE", "SESSION_SETUP", "LOGOFF", "TREE_CONNECT", "TREE_DISCONNECT",
	"CREATE", "CLOSE", "FLUSH", "READ", "WRITE", "LOCK", "IOCTL", "CANCEL", "ECHO",
	"QUERY_DIRECTORY", "CHANGE_NOTIFY", "QUERY_INFO", "SET_INFO", "OPLOCK_BREAK",
}

// String returns the command's name as MS-SMB2 spells it, e.g. "TREE_CONNECT".
func (c Command) String() string {
	if int(c) < len(commandNames) {
		return commandNames[c]
	}
	return fmt.Sprintf("COMMAND_0x%04X", uint16(c))
}

// Header flags ([MS-SMB2] 2.2.1.2).
const (
	FlagServerToRedir     uint32 = 0x00000001
	FlagAsyncCommand      uint32 = 0x00000002
	FlagRelatedOperations uint32 = 0x00000004
	FlagSigned            uint32 = 0x00000008
	FlagPriorityMask      uint32 = 0x00000070
	FlagDFSOperations     uint32 = 0x10000000
	FlagReplayOperation   uint32 = 0x20000000
)

// Header is the SMB2 packet header, sync or async form ([MS-SMB2] 2.2.1.1, 2.2.1.2).
type Header struct {
	CreditCharge uint16
	// Status is the NTSTATUS in responses; in 3.x requests it carries
	// ChannelSequence in its low 16 bits.
	Status  Status
	Command Command
	// Credits is CreditRequest in a request and CreditResponse in a response.
	Credits     uint16
	Flags       uint32
	NextCommand uint32
	MessageID   uint64
	// AsyncID is meaningful when Flags has FlagAsyncCommand.
	AsyncID uint64
	// TreeID is meaningful when Flags lacks FlagAsyncCommand.
	TreeID    uint32
	SessionID uint64
	Signature [16]byte
}

// IsAsync reports whether the header uses the async form.
func (h *Header) IsAsync() bool { return h.Flags&FlagAsyncCommand != 0 }

// IsResponse reports whether the header is a response (server to client).
func (h *Header) IsResponse() bool { return h.Flags&FlagServerToRedir != 0 }

// Encode writes the header into b[:HeaderSize]. It panics if b is shorter,
// which is a programming error, never a wire condition.
func (h *Header) Encode(b []byte) {
	_ = b[HeaderSize-1]
	copy(b[0:4], ProtocolID)
	putU16(b, 4, HeaderSize)
	putU16(b, 6, h.CreditCharge)
	putU32(b, 8, uint32(h.Status))
	putU16(b, 12, uint16(h.Command))
	putU16(b, 14, h.Credits)
	putU32(b, 16, h.Flags)
	putU32(b, 20, h.NextCommand)
	putU64(b, 24, h.MessageID)
	if h.IsAsync() {
		putU64(b, 32, h.AsyncID)
	} else {
		putU32(b, 32, 0) // Reserved
		putU32(b, 36, h.TreeID)
	}
	putU64(b, 40, h.SessionID)
	copy(b[48:64], h.Signature[:])
}

// AppendHeader appends the encoded header to b.
func (h *Header) Append(b []byte) []byte {
	n := len(b)
	b = append(b, make([]byte, HeaderSize)...)
	h.Encode(b[n:])
	return b
}

// DecodeHeader decodes the SMB2 header at the start of msg ([MS-SMB2] 2.2.1).
func DecodeHeader(msg []byte) (Header, error) {
	var h Header
	if len(msg) < HeaderSize {
		return h, malformed("header: %d bytes, need %d", len(msg), HeaderSize)
	}
	if string(msg[0:4]) != ProtocolID {
		return h, malformed("header: protocol id %x", msg[0:4])
	}
	if n := getU16(msg, 4); n != HeaderSize {
		return h, malformed("header: structure size %d", n)
	}
	h.CreditCharge = getU16(msg, 6)
	h.Status = Status(getU32(msg, 8))
	h.Command = Command(getU16(msg, 12))
	h.Credits = getU16(msg, 14)
	h.Flags = getU32(msg, 16)
	h.NextCommand = getU32(msg, 20)
	h.MessageID = getU64(msg, 24)
	if h.IsAsync() {
		h.AsyncID = getU64(msg, 32)
	} else {
		h.TreeID = getU32(msg, 36)
	}
	h.SessionID = getU64(msg, 40)
	copy(h.Signature[:], msg[48:64])
	return h, nil
}

// MaxCompoundMessages bounds the messages of one compound chain that
// SplitCompound accepts. Our longest request chain has 4 messages (the
// client's finish.go: write, set times, two queries), and a server answers
// a chain with as many responses ([MS-SMB2] 3.3.5.2.7), so a much longer one
// is a lie (the fake server, which splits requests, is held to it too):
// without the bound, one 16 MiB frame of 64-byte headers would make a slice
// of 262,144 messages before the first was looked at.
const MaxCompoundMessages = 32

// SplitCompound splits a (decrypted) compound response chain into its messages
// using each header's NextCommand ([MS-SMB2] 3.2.5.1.9 / 3.3.5.2.7). Each
// returned message aliases buf. NextCommand must be 8-byte aligned, at least
// HeaderSize, and inside buf; a chain of more than MaxCompoundMessages is
// refused.
func SplitCompound(buf []byte) ([][]byte, error) {
	var msgs [][]byte
	for len(buf) > 0 {
		if len(msgs) == MaxCompoundMessages {
			return nil, malformed("compound: more than %d messages", MaxCompoundMessages)
		}
		if len(buf) < HeaderSize {
			return nil, malformed("compound: %d trailing bytes", len(buf))
		}
		if string(buf[0:4]) != ProtocolID {
			return nil, malformed("compound: protocol id %x", buf[0:4])
		}
		next := int(getU32(buf, OffsetNextCommand))
		if next == 0 {
			msgs = append(msgs, buf)
			break
		}
		if next < HeaderSize || next%8 != 0 || next > len(buf) {
			return nil, malformed("compound: NextCommand %d of %d bytes", next, len(buf))
		}
		msgs = append(msgs, buf[:next])
		buf = buf[next:]
	}
	return msgs, nil
}
