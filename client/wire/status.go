package wire

import "fmt"

// Status is an NTSTATUS value ([MS-ERREF] 2.3).
type Status uint32

// String returns the NTSTATUS name, e.g. "STATUS_ACCESS_DENIED", or its hex
// value when the name is not known.
func (s Status) String() string {
	if name, ok := statusNames[s]; ok {
		return name
	}
	return fmt.Sprintf("NTSTATUS_0x%08X", uint32(s))
}

// IsError reports whether the severity bits mark s as an error (0xC...).
func (s Status) IsError() bool { return uint32(s)>>30 == 3 }
