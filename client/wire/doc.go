// Package wire encodes and decodes SMB2/SMB3 messages ([MS-SMB2] section 2.2).
//
// Conventions used by every message in this package:
//
//   - A message is the 64-byte SMB2 header followed by its body. Offsets inside a
//     body (BufferOffset, NameOffset, ...) are relative to the start of the header,
//     so encoders append a body to a slice that already holds the header at index 0
//     (Append methods), and decoders take the whole message, header included
//     (Decode functions).
//   - Decoders never trust a length or offset from the wire: every one is checked
//     with int arithmetic against the message before use, and a violation is an
//     error wrapping ErrMalformed. Decoders never panic, whatever the input; each has
//     a fuzz test.
//   - Decoded byte slices alias the input message unless documented otherwise.
package wire
