package client

import (
	"context"
	"errors"
	"io"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/smb3fs/smb3fs/client/smbtest"
)

// serveOnce listens on loopback and answers the first bytes of the one
// connection it accepts with answer, then closes it.
func serveOnce(t *testing.T, answer []byte) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	go func() {
		c, err := ln.Accept()
		if err != nil {
			return
		}
		defer c.Close()
		c.SetDeadline(time.Now().Add(5 * time.Second))
		buf := make([]byte, 512)
		c.Read(buf) // the NEGOTIATE request, or part of it
		c.Write(answer)
		io.Copy(io.Discard, c)
	}()
	return ln.Addr().String()
}

// TestNotSMBServer: a web server (or an SMB1-only one) on the SMB port is
// "not an SMB server", with what it answered; not a protocol violation,
// which would be reported as a refusal by policy.
func TestNotSMBServer(t *testing.T) {
	for _, tc := range []struct {
		name, answer, msg string
	}{
		{"HTTP", "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n", `not an SMB server (it answered "HTTP/1.1 400 Bad Request")`},
		{"SMB1", "\x00\x00\x00\x23\xffSMBr" + strings.Repeat("\x00", 30), "not an SMB server: it answered in SMB1"},
		{"short frame", "\x00\x00\x00\x04abcd", `not an SMB server (it answered "\x00\x00\x00\x04abcd")`},
		{"SSH", "SSH-2.0-OpenSSH_9.6\r\n", `not an SMB server (it answered "SSH-2.0-OpenSSH_9.6")`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			addr := serveOnce(t, []byte(tc.answer))
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			_, err := Dial(ctx, Options{Server: "srv", Address: addr, Policy: StrictPolicy(),
				Mechanism: &smbtest.Mechanism{IsMutual: true}, Timeout: 5 * time.Second})
			if !errors.Is(err, ErrNotSMB) {
				t.Fatalf("Dial: %v, want ErrNotSMB", err)
			}
			if errors.Is(err, ErrProtocol) || errors.Is(err, ErrRefused) || errors.Is(err, ErrUnprotected) {
				t.Errorf("Dial: %v is also a protocol violation or refusal", err)
			}
			if !strings.Contains(err.Error(), tc.msg) {
				t.Errorf("Dial: %q, want it to contain %q", err, tc.msg)
			}
		})
	}
}

// TestNotSMBIsNoRefusal: ErrNotSMB is none of the errors the command
// line reports as a refusal by policy.
func TestNotSMBIsNoRefusal(t *testing.T) {
	if err := notSMB([]byte("HTTP"), nil); !errors.Is(err, ErrNotSMB) || errors.Is(err, ErrProtocol) {
		t.Errorf("notSMB: %v", err)
	}
}
