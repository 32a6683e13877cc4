package client

import (
	"errors"
	"fmt"
	"os"

	"github.com/smb3fs/smb3fs/client/wire"
)

// StatusError is a non-success NTSTATUS returned by the server for a command.
// With errors.Is it matches the meaning its status has in the one
// status-to-meaning table (status.go): ErrNotExist (fs.ErrNotExist),
// ErrExist, ErrPermission, ErrNotEmpty, ErrDeletePending, ... Use IsStatus
// only for a status that has no meaning there.
type StatusError struct {
	Status  wire.Status
	Command wire.Command
}

// Error returns e.g. "smb2: CREATE: STATUS_OBJECT_NAME_NOT_FOUND".
func (e *StatusError) Error() string {
	return fmt.Sprintf("smb2: %s: %s", e.Command, e.Status)
}

// Is reports whether target is the meaning of e's status (see Meaning), or
// a meaning that one implies.
func (e *StatusError) Is(target error) bool {
	m := Meaning(e.Status)
	return m != nil && errors.Is(m, target)
}

// IsStatus reports whether err is (or wraps) a StatusError with status s.
func IsStatus(err error, s wire.Status) bool {
	var se *StatusError
	return errors.As(err, &se) && se.Status == s
}

// Errors that end a connection. Each is wrapped with detail; match with errors.Is.
var (
	// ErrConnectionClosed: the connection was closed by Close or ended earlier.
	ErrConnectionClosed = errors.New("smb2: connection closed")
	// ErrProtocol: the server sent something MS-SMB2 does not allow
	// (unknown MessageId, a request where a response belongs, bad framing).
	ErrProtocol = errors.New("smb2: protocol violation")
	// ErrUnprotected: a response that had to be signed or encrypted was not,
	// or its signature did not verify.
	ErrUnprotected = errors.New("smb2: unprotected or forged response")
	// ErrTimeout: the server did not answer within the request deadline.
	ErrTimeout = errors.New("smb2: server did not respond in time")
	// ErrRefused: the security policy refused what the server offered.
	ErrRefused = errors.New("smb2: refused by policy")
)

// timeoutError makes ErrTimeout satisfy net.Error-style Timeout checks and
// os.ErrDeadlineExceeded matching.
type timeoutError struct{ msg string }

func (e *timeoutError) Error() string { return e.msg }
func (e *timeoutError) Timeout() bool { return true }
func (e *timeoutError) Is(target error) bool {
	return target == ErrTimeout || target == os.ErrDeadlineExceeded
}

func asStatus(err error, se **StatusError) bool { return errors.As(err, se) }
