package main

// Secrets in the mount process: where an NTLM password comes from, where
// it lives, and when it is wiped.
//
//	PASSWD ─► takeEnvPassword: []byte copy; PASSWD unset (and, on Linux,
//	          blanked in the block /proc/<pid>/environ shows)
//	credentials= file ─► mountOptions.Password
//	terminal prompt ─► readSecret
//	    │ parent (`smb3fs mount`): written to a pipe, then wiped
//	    ▼
//	daemon (`--foreground --password-fd=4`): readSecret from the pipe
//	    ─► heldPassword: the one copy kept, for every authentication
//	       (reconnects and expired sessions log in again)
//	       ├─ copy ─► auth.NTLMCredentials ─► wiped by Mechanism.Zero at
//	       │          the end of each SESSION_SETUP (success or failure)
//	       └─ wiped when serve returns (unmount, signal, failure)
//
// The daemon never has PASSWD in its environment nor the password on its
// command line. What cannot be wiped: the Go string the runtime made of
// PASSWD at start-up (Go strings are immutable; os.Unsetenv only drops the
// reference), and the strings gokrb5 makes of a Kerberos password (the
// mount uses a credential cache or a keytab, never a Kerberos password).
// The process is made non-dumpable (hardenProcess) so none of it reaches a
// core file or another user's debugger.

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
)

// maxPassword bounds a password read from a terminal or a pipe.
const maxPassword = 4096

// errPasswordWiped: the mount is ending and its password is gone.
var errPasswordWiped = errors.New("smb3fs: the password has been wiped (the mount is ending)")

// heldPassword is the one copy of an NTLM password a mount keeps for its
// whole life, because every reconnect authenticates again. b is guarded
// by mu: a reconnect may be copying it while the mount ends.
type heldPassword struct {
	mu sync.Mutex
	b  []byte // nil once wiped
}

// holdPassword takes ownership of pw (it is not copied).
func holdPassword(pw []byte) *heldPassword { return &heldPassword{b: pw} }

// copy returns a fresh copy for one mechanism, which wipes it in Zero.
func (h *heldPassword) copy() ([]byte, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.b == nil {
		return nil, errPasswordWiped
	}
	return append([]byte(nil), h.b...), nil
}

// wipe zeroes the held password; later copies fail.
func (h *heldPassword) wipe() {
	h.mu.Lock()
	defer h.mu.Unlock()
	clear(h.b)
	h.b = nil
}

// takeEnvPassword returns PASSWD as bytes and removes it from the
// environment: from Go's copy (so no child inherits it) and, where the
// platform allows, from the block the kernel shows to others as
// /proc/<pid>/environ.
func takeEnvPassword() (pw []byte, ok bool) {
	p, ok := os.LookupEnv("PASSWD")
	if !ok {
		return nil, false
	}
	os.Unsetenv("PASSWD")
	scrubInitialEnviron("PASSWD")
	return []byte(p), true
}

// readSecret reads at most maxPassword bytes from r, up to EOF or, if
// line, up to a newline (dropped, with a CR before it), without leaving
// copies behind: the one buffer it reads into is wiped, and only the
// secret is returned.
func readSecret(r io.Reader, line bool) ([]byte, error) {
	buf := make([]byte, maxPassword+1)
	defer clear(buf)
	n := 0
	for n < len(buf) {
		m, err := r.Read(buf[n:])
		n += m
		if i := bytes.IndexByte(buf[:n], '\n'); line && i >= 0 {
			n = i
			if n > 0 && buf[n-1] == '\r' {
				n--
			}
			break
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
	}
	if n > maxPassword {
		return nil, fmt.Errorf("password longer than %d bytes", maxPassword)
	}
	return append([]byte(nil), buf[:n]...), nil
}

// environWithout returns this process's environment without name (which
// takeEnvPassword has already removed; this keeps it so).
func environWithout(name string) []string {
	var env []string
	for _, kv := range os.Environ() {
		if k, _, _ := strings.Cut(kv, "="); k != name {
			env = append(env, kv)
		}
	}
	return env
}
