package main

import (
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/smb3fs/smb3fs/auth"
	"github.com/smb3fs/smb3fs/client/rules"
)

// TestPasswordForChild: the background daemon gets PASSWD's password on a
// pipe, and only for NTLM without a credentials file; no copy stays here.
func TestPasswordForChild(t *testing.T) {
	env := []byte("s3cret")
	ma := &mountArgs{server: "fs1", share: "s", opts: &mountOptions{Sec: rules.Sec{Mechanism: auth.NTLMv2}, Username: "alice"}, envPassword: env}
	r, err := ma.passwordForChild()
	if err != nil || r == nil {
		t.Fatalf("PASSWD: %v %v", r, err)
	}
	got, err := io.ReadAll(r)
	r.Close()
	if err != nil || string(got) != "s3cret" {
		t.Errorf("pipe holds %q (%v)", got, err)
	}
	if !bytes.Equal(env, make([]byte, len(env))) {
		t.Errorf("PASSWD's copy not wiped: %q", env)
	}

	file := []byte("fromfile")
	ma = &mountArgs{opts: &mountOptions{Sec: rules.Sec{Mechanism: auth.NTLMv2}, Password: file}, envPassword: []byte("x")}
	if r, err := ma.passwordForChild(); r != nil || err != nil {
		t.Errorf("credentials file: %v %v, want no pipe", r, err)
	}
	if !bytes.Equal(file, make([]byte, len(file))) {
		t.Errorf("credentials file's password not wiped: %q", file)
	}

	ma = &mountArgs{opts: &mountOptions{Sec: rules.Sec{Mechanism: auth.Kerberos}}, envPassword: []byte("x")}
	if r, err := ma.passwordForChild(); r != nil || err != nil {
		t.Errorf("krb5: %v %v, want no pipe", r, err)
	}

	long := bytes.Repeat([]byte("p"), maxPassword+1)
	ma = &mountArgs{opts: &mountOptions{Sec: rules.Sec{Mechanism: auth.NTLMv2}}, envPassword: long}
	if _, err := ma.passwordForChild(); err == nil || !strings.Contains(err.Error(), "the password is longer than 4096 bytes") {
		t.Errorf("too long: %v", err)
	}
	if !bytes.Equal(long, make([]byte, len(long))) {
		t.Errorf("too long a password not wiped")
	}
}
