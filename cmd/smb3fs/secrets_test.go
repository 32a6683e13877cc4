package main

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/smb3fs/smb3fs/auth"
	"github.com/smb3fs/smb3fs/client/rules"
)

func isZero(b []byte) bool {
	for _, c := range b {
		if c != 0 {
			return false
		}
	}
	return true
}

// TestNTLMPasswordWipedAtUnmount: the mount keeps exactly one copy of an
// NTLM password, the buffer it was read into: each mechanism gets a copy
// of its own (which Mechanism.Zero wipes after SESSION_SETUP), the kept
// one survives that for the reconnects that follow, and the wipe serve
// defers (run when the mount ends) zeroes it and refuses later logins.
func TestNTLMPasswordWipedAtUnmount(t *testing.T) {
	pw := []byte("correct horse battery staple")
	want := bytes.Clone(pw)
	ma := &mountArgs{server: "fs1", share: "s", opts: &mountOptions{Sec: rules.Sec{Mechanism: auth.NTLMv2}, Username: "alice", Domain: "SMB3FS", Password: pw}}
	mechFor, wipe, err := ma.mechanismFactory()
	if err != nil {
		t.Fatal(err)
	}
	newMech := mechFor(ma.server)
	if ma.opts.Password != nil {
		t.Error("the options still hold the password: two copies")
	}
	for i := 0; i < 2; i++ { // the first login, then a reconnect
		m, err := newMech()
		if err != nil {
			t.Fatalf("login %d: %v", i, err)
		}
		if p := auth.Principal(m); p != `SMB3FS\alice` {
			t.Errorf("principal %q", p)
		}
		m.Zero() // what the client does after SESSION_SETUP
		if !bytes.Equal(pw, want) {
			t.Fatalf("login %d: a mechanism's Zero wiped the kept password (%q): the next reconnect would fail", i, pw)
		}
	}
	wipe()
	if !isZero(pw) {
		t.Errorf("after the mount ended the password is still there: %q", pw)
	}
	if _, err := newMech(); !errors.Is(err, errPasswordWiped) {
		t.Errorf("login after the wipe: %v, want errPasswordWiped", err)
	}
}

// TestPasswordFromEnvKeptOnce: PASSWD, taken out of the environment at
// start-up, is handed over (not copied) and forgotten by mountArgs.
func TestPasswordFromEnvKeptOnce(t *testing.T) {
	pw := []byte("from PASSWD")
	ma := &mountArgs{server: "fs1", share: "s", opts: &mountOptions{Sec: rules.Sec{Mechanism: auth.NTLMv2}, Username: "alice"}, envPassword: pw}
	_, wipe, err := ma.mechanismFactory()
	if err != nil {
		t.Fatal(err)
	}
	if ma.envPassword != nil {
		t.Error("mountArgs still holds PASSWD")
	}
	if string(pw) != "from PASSWD" {
		t.Fatalf("the password held is %q, not PASSWD's", pw)
	}
	wipe()
	if !isZero(pw) {
		t.Errorf("PASSWD's bytes not wiped: %q", pw)
	}

	// With Kerberos it is not needed at all: wiped at once.
	pw = []byte("unused")
	ma = &mountArgs{server: "fs1", share: "s", opts: &mountOptions{Sec: rules.Sec{Mechanism: auth.Kerberos}}, envPassword: pw}
	if _, _, err := ma.mechanismFactory(); err != nil {
		t.Fatal(err)
	}
	if !isZero(pw) || ma.envPassword != nil {
		t.Errorf("an unused PASSWD kept: %q", pw)
	}
}

func TestReadSecret(t *testing.T) {
	for _, tc := range []struct {
		in   string
		line bool
		want string
	}{
		{"hunter2\n", true, "hunter2"},
		{"hunter2\r\nmore", true, "hunter2"},
		{"no newline", true, "no newline"},
		{"", true, ""},
		{"a\nb", false, "a\nb"}, // from the parent's pipe: every byte, to EOF
	} {
		got, err := readSecret(strings.NewReader(tc.in), tc.line)
		if err != nil || string(got) != tc.want {
			t.Errorf("readSecret(%q, %v) = %q, %v; want %q", tc.in, tc.line, got, err, tc.want)
		}
	}
	if _, err := readSecret(strings.NewReader(strings.Repeat("x", maxPassword+1)), false); err == nil {
		t.Error("a password over the limit was accepted")
	}
	if got, err := readSecret(strings.NewReader(strings.Repeat("x", maxPassword)), false); err != nil || len(got) != maxPassword {
		t.Errorf("a password at the limit: %d bytes, %v", len(got), err)
	}
}
