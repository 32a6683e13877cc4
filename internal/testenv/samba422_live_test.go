package testenv_test

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/binary"
	"io"
	"net"
	"os"
	"path/filepath"
	"slices"
	"syscall"
	"testing"
	"time"

	"github.com/smb3fs/smb3fs/auth"
	"github.com/smb3fs/smb3fs/client"
	"github.com/smb3fs/smb3fs/client/wire"
	"github.com/smb3fs/smb3fs/internal/testenv"
)

// The Samba 4.22 server s422: what the POSIX-extension and directory-lease
// work relies on, checked cheaply (about a second in all).

// posixExtensionsAvailable is SMB2_POSIX_EXTENSIONS_AVAILABLE, the negotiate
// context of the SMB3 POSIX extensions, and posixTag its one variant (the
// GUID 93AD2550-9CB4-11E7-B423-83DE968BCD7C as bytes, as Samba compares
// them).
const posixExtensionsAvailable = 0x100

var posixTag = []byte{0x93, 0xAD, 0x25, 0x50, 0x9C, 0xB4, 0x11, 0xE7, 0xB4, 0x23, 0x83, 0xDE, 0x96, 0x8B, 0xCD, 0x7C}

// negotiateRaw sends one SMB 3.1.1 NEGOTIATE offering the POSIX extensions
// and directory leasing to addr and returns the decoded response.
func negotiateRaw(t *testing.T, host, addr string) *wire.NegotiateResponse {
	t.Helper()
	nc, err := net.DialTimeout("tcp", addr, 10*time.Second)
	if err != nil {
		t.Fatalf("connect %s: %v", addr, err)
	}
	defer nc.Close()
	if err := nc.SetDeadline(time.Now().Add(20 * time.Second)); err != nil {
		t.Fatal(err)
	}
	req := wire.NegotiateRequest{
		SecurityMode:          wire.SecurityModeSigningEnabled | wire.SecurityModeSigningRequired,
		Capabilities:          wire.CapDFS | wire.CapLeasing | wire.CapLargeMTU | wire.CapEncryption | wire.CapDirectoryLeasing,
		Dialects:              []wire.Dialect{wire.Dialect311},
		PreauthHashAlgorithms: []uint16{wire.HashSHA512},
		PreauthSalt:           make([]byte, 32),
		Ciphers:               []wire.CipherID{wire.CipherAES128GCM, wire.CipherAES256GCM},
		SigningAlgorithms:     []wire.SigningID{wire.SigningAESGMAC, wire.SigningAESCMAC},
		NetName:               host,
		OtherContexts:         []wire.NegotiateContext{{Type: posixExtensionsAvailable, Data: posixTag}},
	}
	if _, err := rand.Read(req.ClientGUID[:]); err != nil {
		t.Fatal(err)
	}
	if _, err := rand.Read(req.PreauthSalt); err != nil {
		t.Fatal(err)
	}
	hdr := wire.Header{Command: wire.CmdNegotiate, Credits: 1}
	msg := req.Append(hdr.Append(nil))
	frame := binary.BigEndian.AppendUint32(nil, uint32(len(msg))) // Direct TCP: 0, then 24-bit length
	if _, err := nc.Write(append(frame, msg...)); err != nil {
		t.Fatalf("send NEGOTIATE: %v", err)
	}
	var lenBuf [4]byte
	if _, err := io.ReadFull(nc, lenBuf[:]); err != nil {
		t.Fatalf("read NEGOTIATE response: %v", err)
	}
	n := binary.BigEndian.Uint32(lenBuf[:])
	if n>>24 != 0 || n > 1<<16 {
		t.Fatalf("NEGOTIATE response frame header %x", lenBuf)
	}
	resp := make([]byte, n)
	if _, err := io.ReadFull(nc, resp); err != nil {
		t.Fatalf("read NEGOTIATE response: %v", err)
	}
	h, err := wire.DecodeHeader(resp)
	if err != nil {
		t.Fatalf("NEGOTIATE response header: %v", err)
	}
	if h.Command != wire.CmdNegotiate || h.Status != 0 {
		t.Fatalf("NEGOTIATE response: command %v, status %v", h.Command, h.Status)
	}
	r, err := wire.DecodeNegotiateResponse(resp)
	if err != nil {
		t.Fatalf("NEGOTIATE response: %v", err)
	}
	return r
}

// TestLiveSamba422Negotiate: s422 speaks 3.1.1, encrypts, and answers a
// client offering them with the POSIX extensions context (a per-server
// answer: the share decides later whether POSIX opens work) and
// directory leasing.
func TestLiveSamba422Negotiate(t *testing.T) {
	env := testenv.Env(t)
	s := env.Samba422(t)
	r := negotiateRaw(t, s.Server.Host, s.Server.SMBAddr())
	if r.DialectRevision != wire.Dialect311 {
		t.Errorf("dialect %v, want 3.1.1", r.DialectRevision)
	}
	if len(r.Ciphers) != 1 || r.Ciphers[0] == 0 {
		t.Errorf("ciphers %v, want one of ours", r.Ciphers)
	}
	if r.Capabilities&wire.CapEncryption == 0 && len(r.Ciphers) == 0 {
		t.Errorf("server offers no encryption (capabilities %#x)", r.Capabilities)
	}
	if r.Capabilities&wire.CapDirectoryLeasing == 0 {
		t.Errorf("capabilities %#x lack SMB2_GLOBAL_CAP_DIRECTORY_LEASING", r.Capabilities)
	}
	if !slices.Contains(r.ContextTypes, posixExtensionsAvailable) {
		t.Fatalf("no SMB2_POSIX_EXTENSIONS_AVAILABLE context in the response (contexts %#x)", r.ContextTypes)
	}
	for _, c := range r.OtherContexts {
		if c.Type == posixExtensionsAvailable && !bytes.Equal(c.Data, posixTag) {
			t.Errorf("POSIX context data %x, want %x", c.Data, posixTag)
		}
	}
	// wire decodes the context itself (client/wire/posix.go): POSIX says
	// its data named the extensions' GUID.
	if !r.POSIX {
		t.Errorf("the POSIX context does not carry the extensions' GUID %x", posixTag)
	}
}

// kerberos422 makes a Kerberos mechanism for user (password ticket, or
// keytab when keytab is true) to s422's SPN.
func kerberos422(t *testing.T, env *testenv.Environment, s *testenv.Samba422, user string, keytab bool) auth.Mechanism {
	t.Helper()
	creds := auth.KerberosCredentials{Krb5Conf: env.KRB5Conf, CCache: env.Kinit(t, user)}
	if keytab {
		u := env.User(t, user)
		creds = auth.KerberosCredentials{Krb5Conf: env.KRB5Conf, Keytab: u.Keytab, Principal: u.Principal}
	}
	m, err := auth.NewKerberos(creds, "cifs/"+s.Server.Host)
	if err != nil {
		t.Fatalf("NewKerberos: %v", err)
	}
	return m
}

// TestLiveSamba422Kerberos: alice (password) on the POSIX share and bob
// (keytab) on the plain one get a Kerberos session with mutual
// authentication and encryption; what each writes is on the server's disk,
// owned by them.
func TestLiveSamba422Kerberos(t *testing.T) {
	env := testenv.Env(t)
	s := env.Samba422(t)
	for _, c := range []struct {
		user, share string
		keytab      bool
	}{{"alice", s.PosixShare, false}, {"bob", s.Share, true}} {
		t.Run(c.user+"@"+c.share, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			defer cancel()
			cl, err := client.Dial(ctx, client.Options{Server: s.Server.Host, Address: s.Server.SMBAddr(),
				Policy: client.StrictPolicy(), Mechanism: kerberos422(t, env, s, c.user, c.keytab), Timeout: 20 * time.Second})
			if err != nil {
				t.Fatalf("Dial %s: %v", s.Server.Host, err)
			}
			defer cl.Close()
			info := cl.Info()
			if info.Dialect != wire.Dialect311 || info.Cipher == 0 || !info.Encrypted || !info.MutualAuth || info.Mechanism != "kerberos" {
				t.Fatalf("security not reached: %+v", info)
			}
			tr, err := cl.Connect(ctx, c.share)
			if err != nil {
				t.Fatalf("Connect %s: %v", c.share, err)
			}
			defer tr.Disconnect(context.Background())
			if !tr.Encrypted() {
				t.Fatal("tree not encrypted")
			}
			name := env.ScratchName(t, c.share, "s422")
			data := []byte("written to Samba 4.22 by " + c.user + "\n")
			f, err := tr.Open(ctx, name, client.OpenOptions{Access: client.AccessRead | client.AccessWrite,
				Disposition: client.CreateNew, Kind: client.KindFile})
			if err != nil {
				t.Fatalf("create %s: %v", name, err)
			}
			if n, err := f.WriteAt(ctx, data, 0); err != nil || n != len(data) {
				t.Fatalf("WriteAt: %d, %v", n, err)
			}
			got := make([]byte, 100)
			n, err := f.ReadAt(ctx, got, 0)
			if n != len(data) || (err != nil && err != io.EOF) || !bytes.Equal(got[:n], data) {
				t.Fatalf("ReadAt: %q, %v", got[:n], err)
			}
			if _, err := f.Close(ctx); err != nil {
				t.Fatalf("Close: %v", err)
			}
			checkOnDisk(t, env, filepath.Join(env.ShareDirs[c.share], name), c.user, data)
		})
	}
}

// checkOnDisk checks that path on the server's disk holds data and is
// owned by user (uid and gid).
func checkOnDisk(t *testing.T, env *testenv.Environment, path, user string, data []byte) {
	t.Helper()
	disk, err := os.ReadFile(path)
	if err != nil || !bytes.Equal(disk, data) {
		t.Fatalf("server's disk has %q (err %v), want %q", disk, err, data)
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	u := env.User(t, user)
	st := fi.Sys().(*syscall.Stat_t)
	if int(st.Uid) != u.UID || int(st.Gid) != u.GID {
		t.Errorf("%s is owned by %d:%d, want %s's %d:%d", path, st.Uid, st.Gid, user, u.UID, u.GID)
	}
}

// TestLiveSamba422DirectoryLease: s422 grants a lease with read and handle
// caching on a directory (v2, as the client asks on SMB 3.x) on both shares,
// and breaks it when another client creates a file in the directory.
func TestLiveSamba422DirectoryLease(t *testing.T) {
	env := testenv.Env(t)
	s := env.Samba422(t)
	for _, share := range []string{s.PosixShare, s.Share} {
		t.Run(share, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			defer cancel()
			var trees [2]*client.Tree
			for i := range trees {
				cl, err := client.Dial(ctx, client.Options{Server: s.Server.Host, Address: s.Server.SMBAddr(),
					Policy: client.StrictPolicy(), Mechanism: kerberos422(t, env, s, "alice", false), Timeout: 20 * time.Second})
				if err != nil {
					t.Fatalf("Dial %s: %v", s.Server.Host, err)
				}
				defer cl.Close()
				if trees[i], err = cl.Connect(ctx, share); err != nil {
					t.Fatalf("Connect %s: %v", share, err)
				}
			}
			name := env.ScratchName(t, share, "dirlease")
			d, err := trees[0].Open(ctx, name, client.OpenOptions{Access: client.AccessRead | client.AccessWrite,
				Disposition: client.CreateNew, Kind: client.KindDir})
			if err != nil {
				t.Fatalf("mkdir %s: %v", name, err)
			}
			if _, err := d.Close(ctx); err != nil {
				t.Fatal(err)
			}
			d, err = trees[0].Open(ctx, name, client.OpenOptions{Access: client.AccessRead, Disposition: client.OpenExisting,
				Kind: client.KindDir, Lease: client.LeaseRead | client.LeaseHandle})
			if err != nil {
				t.Fatalf("open %s with a lease: %v", name, err)
			}
			defer d.Close(context.Background())
			l := d.Lease()
			if l == nil || l.State() != client.LeaseRead|client.LeaseHandle {
				t.Fatalf("directory lease %v, want read and handle caching", l)
			}
			broken := l.Broken()
			f, err := trees[1].Open(ctx, name+`\new`, client.OpenOptions{Access: client.AccessRead | client.AccessWrite,
				Disposition: client.CreateNew, Kind: client.KindFile})
			if err != nil {
				t.Fatalf("second client's create in %s: %v", name, err)
			}
			if _, err := f.Close(ctx); err != nil {
				t.Fatal(err)
			}
			select {
			case <-broken:
			case <-ctx.Done():
				t.Fatalf("directory lease not broken by another client's create (state %v)", l.State())
			}
			if st := l.State(); st&client.LeaseRead != 0 {
				t.Errorf("after the break the lease still allows read caching (state %v)", st)
			}
		})
	}
}
