package client_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/smb3fs/smb3fs/auth"
	"github.com/smb3fs/smb3fs/client"
	"github.com/smb3fs/smb3fs/client/wire"
	"github.com/smb3fs/smb3fs/internal/mitm"
	"github.com/smb3fs/smb3fs/internal/testenv"
	"github.com/smb3fs/smb3fs/internal/testenv/liveauth"
)

// Live tests: real Samba in the scripts/testenv namespace. Each test that
// expects success also checks the security it reached; each refusal test
// checks the error, so none can pass by accident.

func dial(t *testing.T, env *testenv.Environment, srv testenv.Server, p client.Policy, m auth.Mechanism) (*client.Client, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	return client.Dial(ctx, client.Options{Server: srv.Host, Address: srv.SMBAddr(), Policy: p, Mechanism: m, Timeout: 20 * time.Second})
}

func mustDial(t *testing.T, env *testenv.Environment, p client.Policy, m auth.Mechanism) *client.Client {
	t.Helper()
	cl, err := dial(t, env, env.DC, p, m)
	if err != nil {
		t.Fatalf("Dial: %v", err)
	}
	t.Cleanup(func() { cl.Close() })
	return cl
}

func connect(t *testing.T, cl *client.Client, share string) *client.Tree {
	t.Helper()
	tr, err := cl.Connect(context.Background(), share)
	if err != nil {
		t.Fatalf("Connect %s: %v", share, err)
	}
	t.Cleanup(func() { tr.Disconnect(context.Background()) })
	return tr
}

// scratch returns a fresh directory name on the share for this test and
// removes it (on the server's disk) afterwards.
func scratch(t *testing.T, env *testenv.Environment, share string) string {
	t.Helper()
	return env.ScratchName(t, share, "t")
}

func createFile(t *testing.T, tr *client.Tree, name string) *client.File {
	t.Helper()
	f, err := tr.Open(context.Background(), name, client.OpenOptions{Access: client.AccessRead | client.AccessWrite | client.AccessDelete, Disposition: client.OverwriteOrCreate, Kind: client.KindFile})
	if err != nil {
		t.Fatalf("create %s: %v", name, err)
	}
	return f
}

func mkdir(t *testing.T, tr *client.Tree, name string) {
	t.Helper()
	f, err := tr.Open(context.Background(), name, client.OpenOptions{Access: client.AccessRead | client.AccessWrite, Disposition: client.CreateNew, Kind: client.KindDir})
	if err != nil {
		t.Fatalf("mkdir %s: %v", name, err)
	}
	f.Close(context.Background())
}

func TestLiveKerberosEncryptedStream(t *testing.T) {
	env := testenv.Env(t)
	cl := mustDial(t, env, client.StrictPolicy(), liveauth.Kerberos(t, env, "alice"))
	info := cl.Info()
	if info.Dialect != wire.Dialect311 || info.Cipher == 0 || !info.Encrypted || !info.MutualAuth || info.Mechanism != "kerberos" {
		t.Fatalf("security not reached: %+v", info)
	}
	tr := connect(t, cl, env.Shares.Encrypted)
	if !tr.Encrypted() {
		t.Fatal("tree not encrypted")
	}
	dir := scratch(t, env, env.Shares.Encrypted)
	mkdir(t, tr, dir)
	name := dir + `\stream.bin`
	f := createFile(t, tr, name)
	ctx := context.Background()

	const size = 200 << 20
	const block = 8 << 20
	rng := rand.NewChaCha8([32]byte{1, 2, 3})
	buf := make([]byte, block)
	wantSum := sha256.New()
	for off := int64(0); off < size; off += block {
		rng.Read(buf)
		wantSum.Write(buf)
		n, err := f.WriteAt(ctx, buf, off)
		if err != nil || n != block {
			t.Fatalf("WriteAt %d: %d, %v", off, n, err)
		}
	}
	if err := f.Flush(ctx); err != nil {
		t.Fatalf("Flush: %v", err)
	}
	gotSum := sha256.New()
	for off := int64(0); off < size; off += block {
		n, err := f.ReadAt(ctx, buf, off)
		if err != nil || n != block {
			t.Fatalf("ReadAt %d: %d, %v", off, n, err)
		}
		gotSum.Write(buf)
	}
	// Reading past the end gives io.EOF with the bytes that exist.
	n, err := f.ReadAt(ctx, buf[:100], size-10)
	if n != 10 || !errors.Is(err, io.EOF) {
		t.Fatalf("ReadAt across EOF: %d, %v", n, err)
	}
	cr, err := f.Close(ctx)
	if err != nil {
		t.Fatalf("Close: %v", err)
	}
	if cr.EndOfFile != size {
		t.Fatalf("close reports size %d, want %d", cr.EndOfFile, size)
	}
	if !bytes.Equal(wantSum.Sum(nil), gotSum.Sum(nil)) {
		t.Fatal("data read back differs from data written")
	}
	// And the server's disk has exactly those bytes.
	disk, err := os.Open(filepath.Join(env.ShareDirs[env.Shares.Encrypted], dir, "stream.bin"))
	if err != nil {
		t.Fatal(err)
	}
	defer disk.Close()
	diskSum := sha256.New()
	if _, err := io.Copy(diskSum, disk); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(wantSum.Sum(nil), diskSum.Sum(nil)) {
		t.Fatal("data on the server's disk differs from data written")
	}
}

func TestLiveKeytab(t *testing.T) {
	env := testenv.Env(t)
	bob := env.User(t, "bob")
	m, err := auth.NewKerberos(auth.KerberosCredentials{Krb5Conf: env.KRB5Conf, Keytab: bob.Keytab, Principal: bob.Principal}, "cifs/"+env.DC.Host)
	if err != nil {
		t.Fatal(err)
	}
	cl := mustDial(t, env, client.StrictPolicy(), m)
	if info := cl.Info(); !info.MutualAuth || !info.Encrypted {
		t.Fatalf("security not reached: %+v", info)
	}
	tr := connect(t, cl, env.Shares.Encrypted)
	root, err := tr.Open(context.Background(), "", client.OpenOptions{Access: client.AccessRead, Kind: client.KindDir})
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close(context.Background())
	ents, err := root.ReadDir(context.Background(), "*")
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, e := range ents {
		seen[e.Name] = true
	}
	if !seen["."] || !seen[".."] {
		t.Fatalf("root listing lacks . and ..: %v", seen)
	}
}

// roundTripSmall writes and reads back a small file through tr.
func roundTripSmall(t *testing.T, env *testenv.Environment, tr *client.Tree, share string) {
	t.Helper()
	ctx := context.Background()
	dir := scratch(t, env, share)
	mkdir(t, tr, dir)
	f := createFile(t, tr, dir+`\small`)
	want := []byte("the network cannot talk us down\n")
	if _, err := f.WriteAt(ctx, want, 0); err != nil {
		t.Fatal(err)
	}
	got := make([]byte, len(want))
	if _, err := f.ReadAt(ctx, got, 0); err != nil {
		t.Fatal(err)
	}
	f.Close(ctx)
	if !bytes.Equal(got, want) {
		t.Fatalf("read %q, want %q", got, want)
	}
}

func TestLiveEachCipher(t *testing.T) {
	env := testenv.Env(t)
	for _, c := range []wire.CipherID{wire.CipherAES128GCM, wire.CipherAES256GCM, wire.CipherAES128CCM, wire.CipherAES256CCM} {
		t.Run(c.String(), func(t *testing.T) {
			p := client.StrictPolicy()
			p.Ciphers = []wire.CipherID{c}
			cl := mustDial(t, env, p, liveauth.Kerberos(t, env, "alice"))
			if got := cl.Info().Cipher; got != c {
				t.Fatalf("negotiated %s, want %s", got, c)
			}
			roundTripSmall(t, env, connect(t, cl, env.Shares.Encrypted), env.Shares.Encrypted)
		})
	}
}

func TestLiveEachSigningAlgorithm(t *testing.T) {
	env := testenv.Env(t)
	for _, s := range []wire.SigningID{wire.SigningAESGMAC, wire.SigningAESCMAC} {
		t.Run(s.String(), func(t *testing.T) {
			p := client.StrictPolicy()
			p.RequirePrivacy = false // signed only, on the share that does not demand encryption
			p.SigningAlgorithms = []wire.SigningID{s}
			cl := mustDial(t, env, p, liveauth.Kerberos(t, env, "alice"))
			if got := cl.Info().SigningAlgorithm; got != s {
				t.Fatalf("negotiated %s, want %s", got, s)
			}
			tr := connect(t, cl, env.Shares.Signed)
			if tr.Encrypted() {
				t.Fatal("signed-only share came out encrypted; the test would not exercise signing")
			}
			roundTripSmall(t, env, tr, env.Shares.Signed)
		})
	}
}

func ntlm(env *testenv.Environment, user, password string) auth.Mechanism {
	return ntlmFor(env, env.DC, user, password)
}

func ntlmFor(env *testenv.Environment, srv testenv.Server, user, password string) auth.Mechanism {
	return auth.NewNTLMv2(auth.NTLMCredentials{User: user, Domain: env.Domain, Password: []byte(password)}, "cifs/"+srv.Host)
}

func TestLiveNTLMWhereAllowed(t *testing.T) {
	env := testenv.Env(t)
	alice := env.User(t, "alice")
	p := client.StrictPolicy()
	p.RequireMutualAuth = false
	p.AllowNTLM = true
	cl := mustDial(t, env, p, ntlm(env, "alice", alice.Password))
	if info := cl.Info(); info.Mechanism != "ntlmv2" || info.MutualAuth || !info.Encrypted {
		t.Fatalf("unexpected security: %+v", info)
	}
	roundTripSmall(t, env, connect(t, cl, env.Shares.Encrypted), env.Shares.Encrypted)
}

func TestLiveRefusals(t *testing.T) {
	env := testenv.Env(t)
	alice := env.User(t, "alice")
	ntlmPolicy := client.StrictPolicy()
	ntlmPolicy.RequireMutualAuth = false
	ntlmPolicy.AllowNTLM = true
	cases := []struct {
		name   string
		srv    testenv.Server
		policy client.Policy
		mech   func() auth.Mechanism
		want   error
		substr string
	}{
		// NTLM allowed, so that the server's dialect is what is refused.
		{"legacy 3.0 server vs 3.1.1 only", env.Legacy, ntlmPolicy, func() auth.Mechanism { return ntlmFor(env, env.Legacy, "alice", alice.Password) }, client.ErrRefused, "server rejected NEGOTIATE offering 3.1.1"},
		{"weak 2.1 server vs 3.1.1 only", env.Weak, ntlmPolicy, func() auth.Mechanism { return ntlmFor(env, env.Weak, "alice", alice.Password) }, client.ErrRefused, "server rejected NEGOTIATE offering 3.1.1"},
		{"NTLM where mutual auth required", env.DC, client.StrictPolicy(), func() auth.Mechanism { return ntlm(env, "alice", alice.Password) }, client.ErrRefused, "mutual"},
		{"NTLM not allowed", env.DC, func() client.Policy { p := client.StrictPolicy(); p.RequireMutualAuth = false; return p }(), func() auth.Mechanism { return ntlm(env, "alice", alice.Password) }, client.ErrRefused, "does not allow"},
		{"wrong NTLM password", env.DC, ntlmPolicy, func() auth.Mechanism { return ntlm(env, "alice", "not-the-password") }, nil, "STATUS_LOGON_FAILURE"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			cl, err := dial(t, env, tc.srv, tc.policy, tc.mech())
			if err == nil {
				cl.Close()
				t.Fatal("connection succeeded; policy should have refused it")
			}
			if tc.want != nil && !errors.Is(err, tc.want) {
				t.Fatalf("error %v, want %v", err, tc.want)
			}
			if tc.substr != "" && !strings.Contains(err.Error(), tc.substr) {
				t.Fatalf("error %q does not mention %q", err, tc.substr)
			}
			t.Logf("refused: %v", err)
		})
	}
}

func TestLiveNothingPlaintextAfterSessionSetup(t *testing.T) {
	env := testenv.Env(t)
	px, err := mitm.Start(env.DC.SMBAddr(), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer px.Close()
	ctx := context.Background()
	cl, err := client.Dial(ctx, client.Options{Server: env.DC.Host, Address: px.Addr(), Policy: client.StrictPolicy(), Mechanism: liveauth.Kerberos(t, env, "alice"), Timeout: 20 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	tr, err := cl.Connect(ctx, env.Shares.Encrypted)
	if err != nil {
		t.Fatal(err)
	}
	roundTripSmall(t, env, tr, env.Shares.Encrypted)
	tr.Disconnect(ctx)
	cl.Close()

	frames := px.Frames()
	// Find the final SESSION_SETUP response; everything after must be sealed.
	last := -1
	for i, f := range frames {
		if f.Dir == mitm.ToClient && string(f.Data[:4]) == wire.ProtocolID {
			if h, err := wire.DecodeHeader(f.Data); err == nil && h.Command == wire.CmdSessionSetup && h.Status == wire.StatusSuccess {
				last = i
			}
		}
	}
	if last < 0 {
		t.Fatal("no successful SESSION_SETUP on the wire")
	}
	after := frames[last+1:]
	if len(after) < 10 {
		t.Fatalf("only %d frames after SESSION_SETUP; the test exercised nothing", len(after))
	}
	for i, f := range after {
		if string(f.Data[:4]) != wire.TransformProtocolID {
			t.Fatalf("frame %d after SESSION_SETUP (%v) is not encrypted: %x", i, f.Dir, f.Data[:4])
		}
	}
	t.Logf("%d frames after SESSION_SETUP, all encrypted", len(after))
}

func TestLiveServerByIPAddressRefusedWithKerberosRequired(t *testing.T) {
	env := testenv.Env(t)
	cc := env.Kinit(t, "alice")
	// Named by its address, the server has no Kerberos identity: no ticket
	// can be had for cifs/10.213.0.1, and there is no fallback to NTLM.
	m, err := auth.NewKerberos(auth.KerberosCredentials{Krb5Conf: env.KRB5Conf, CCache: cc}, "cifs/"+env.DC.Addr)
	if err == nil {
		var cl *client.Client
		cl, err = client.Dial(context.Background(), client.Options{Server: env.DC.Addr, Address: env.DC.SMBAddr(), Policy: client.StrictPolicy(), Mechanism: m, Timeout: 20 * time.Second})
		if err == nil {
			cl.Close()
			t.Fatal("connected to a server named by IP address with mutual authentication required")
		}
	}
	if !strings.Contains(err.Error(), "kerberos") {
		t.Fatalf("error does not say Kerberos failed: %v", err)
	}
	t.Logf("refused: %v", err)
}
