package client

// Handshake and session tests of the real client (Dial, Connect, file I/O)
// against the in-memory fake server of package smbtest: every happy path
// really derives keys, signs and seals; every refusal is a knob or a
// Mutate hook on the fake server playing a broken or malicious peer.

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"io"
	"io/fs"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/smb3fs/smb3fs/auth"
	"github.com/smb3fs/smb3fs/client/smbtest"
	"github.com/smb3fs/smb3fs/client/wire"
)

// recordingConn keeps a copy of every byte the client sends.
type recordingConn struct {
	net.Conn
	mu   sync.Mutex
	sent bytes.Buffer
}

func (r *recordingConn) Write(b []byte) (int, error) {
	r.mu.Lock()
	r.sent.Write(b)
	r.mu.Unlock()
	return r.Conn.Write(b)
}

func (r *recordingConn) Sent() []byte {
	r.mu.Lock()
	defer r.mu.Unlock()
	return bytes.Clone(r.sent.Bytes())
}

// fakeDial dials srv with policy p and mechanism mech. It returns the
// client (nil on error), the recorder of the client's bytes (nil if Dial
// never connected) and Dial's error. Everything is closed at cleanup.
func fakeDial(t *testing.T, srv *smbtest.Server, p Policy, mech auth.Mechanism) (*Client, *recordingConn, error) {
	t.Helper()
	return fakeDialWith(t, srv, p, mech, nil)
}

// fakeDialOpts is fakeDial with the default mechanism and the options
// changed by tune.
func fakeDialOpts(t *testing.T, srv *smbtest.Server, p Policy, tune func(*Options)) (*Client, *recordingConn, error) {
	t.Helper()
	return fakeDialWith(t, srv, p, nil, tune)
}

func fakeDialWith(t *testing.T, srv *smbtest.Server, p Policy, mech auth.Mechanism, tune func(*Options)) (*Client, *recordingConn, error) {
	t.Helper()
	if mech == nil {
		mech = &smbtest.Mechanism{IsMutual: true}
	}
	var rec *recordingConn
	opts := Options{
		Server:    "fake",
		Policy:    p,
		Mechanism: mech,
		Timeout:   5 * time.Second,
		Dial: func(ctx context.Context, network, addr string) (net.Conn, error) {
			rec = &recordingConn{Conn: srv.Pipe()}
			return rec, nil
		},
	}
	if tune != nil {
		tune(&opts)
	}
	cl, err := Dial(context.Background(), opts)
	t.Cleanup(func() {
		if cl != nil {
			cl.Close()
		}
		srv.Close()
	})
	return cl, rec, err
}

// mustDial is fakeDial that fails the test on error.
func mustDial(t *testing.T, srv *smbtest.Server, p Policy, mech auth.Mechanism) (*Client, *recordingConn) {
	t.Helper()
	cl, rec, err := fakeDial(t, srv, p, mech)
	if err != nil {
		t.Fatalf("Dial: %v", err)
	}
	return cl, rec
}

// writeReadBack creates name on share, writes data, reads it back through
// a second handle and checks both the client's and the server's view.
func writeReadBack(t *testing.T, cl *Client, srv *smbtest.Server, share, name string, data []byte) *Tree {
	t.Helper()
	ctx := context.Background()
	tr, err := cl.Connect(ctx, share)
	if err != nil {
		t.Fatalf("Connect %s: %v", share, err)
	}
	f, err := tr.create(ctx, name, &wire.CreateRequest{
		DesiredAccess:     wire.GenericRead | wire.GenericWrite,
		ShareAccess:       wire.ShareRead | wire.ShareWrite,
		CreateDisposition: wire.FileOverwriteIf,
	})
	if err != nil {
		t.Fatalf("Create: %v", err)
	}
	if n, err := f.WriteAt(ctx, data, 0); err != nil || n != len(data) {
		t.Fatalf("WriteAt = %d, %v; want %d", n, err, len(data))
	}
	if err := f.Flush(ctx); err != nil {
		t.Fatalf("Flush: %v", err)
	}
	cr, err := f.Close(ctx)
	if err != nil {
		t.Fatalf("Close: %v", err)
	}
	if cr.EndOfFile != uint64(len(data)) {
		t.Fatalf("Close reports EndOfFile %d, want %d", cr.EndOfFile, len(data))
	}
	if got, _ := srv.ReadFile(name); !bytes.Equal(got, data) {
		t.Fatalf("server holds %d bytes, want the %d written", len(got), len(data))
	}
	g, err := tr.create(ctx, name, &wire.CreateRequest{DesiredAccess: wire.GenericRead, ShareAccess: wire.ShareRead, CreateDisposition: wire.FileOpen})
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	got := make([]byte, len(data))
	if n, err := g.ReadAt(ctx, got, 0); err != nil || n != len(data) || !bytes.Equal(got, data) {
		t.Fatalf("ReadAt = %d, %v; data equal %v", n, err, bytes.Equal(got, data))
	}
	if _, err := g.Close(ctx); err != nil {
		t.Fatalf("Close: %v", err)
	}
	return tr
}

// secretData returns n bytes containing a recognizable marker, to search
// the recorded stream for.
func secretData(n int) []byte {
	b := bytes.Repeat([]byte("SECRET-PLAINTEXT-"), n/17+1)
	return b[:n]
}

// checkAllEncrypted fails unless every request after SESSION_SETUP arrived
// sealed and the marker never crossed the wire in the clear.
func checkAllEncrypted(t *testing.T, srv *smbtest.Server, rec *recordingConn) {
	t.Helper()
	after := false
	for _, r := range srv.Records() {
		if r.Command == wire.CmdSessionSetup {
			after = true
			continue
		}
		if after && !r.Encrypted {
			t.Errorf("%s request sent in plaintext", r.Command)
		}
	}
	if !after {
		t.Fatal("server saw no SESSION_SETUP")
	}
	sent := rec.Sent()
	if bytes.Contains(sent, []byte("SECRET-PLAINTEXT")) {
		t.Fatal("file data crossed the wire in plaintext")
	}
	// On the wire itself: after NEGOTIATE and SESSION_SETUP, every frame
	// the client wrote is a transform header.
	frames := 0
	for len(sent) >= 4 {
		n := int(sent[1])<<16 | int(sent[2])<<8 | int(sent[3])
		if 4+n > len(sent) || n < wire.HeaderSize {
			t.Fatalf("truncated or short frame of %d bytes on the wire", n)
		}
		f := sent[4 : 4+n]
		sent = sent[4+n:]
		frames++
		switch string(f[:4]) {
		case wire.TransformProtocolID:
		case wire.ProtocolID:
			if cmd := wire.Command(binary.LittleEndian.Uint16(f[wire.OffsetCommand:])); cmd != wire.CmdNegotiate && cmd != wire.CmdSessionSetup {
				t.Fatalf("frame %d: plaintext %s on the wire", frames, cmd)
			}
		default:
			t.Fatalf("frame %d: protocol id %x", frames, f[:4])
		}
	}
	if len(sent) != 0 || frames < 3 {
		t.Fatalf("%d frames and %d stray bytes on the wire", frames, len(sent))
	}
}

func TestFakeHandshakeEachCipherAndSigning(t *testing.T) {
	for _, ci := range []wire.CipherID{wire.CipherAES128CCM, wire.CipherAES128GCM, wire.CipherAES256CCM, wire.CipherAES256GCM} {
		for _, sa := range []wire.SigningID{wire.SigningAESCMAC, wire.SigningAESGMAC} {
			t.Run(ci.String()+"/"+sa.String(), func(t *testing.T) {
				srv := &smbtest.Server{}
				p := StrictPolicy()
				p.Ciphers = []wire.CipherID{ci}
				p.SigningAlgorithms = []wire.SigningID{sa}
				cl, rec := mustDial(t, srv, p, nil)
				info := cl.Info()
				if info.Dialect != wire.Dialect311 || info.Cipher != ci || info.SigningAlgorithm != sa ||
					!info.Encrypted || !info.Signed || !info.MutualAuth || info.Mechanism != "kerberos" {
					t.Fatalf("Info = %+v", info)
				}
				writeReadBack(t, cl, srv, "share", "a.txt", secretData(100_000))
				checkAllEncrypted(t, srv, rec)
				if err := srv.Err(); err != nil {
					t.Fatalf("server: %v", err)
				}
			})
		}
	}
}

func TestFakeServerPreferenceWins(t *testing.T) {
	// The client prefers AES-256-GCM; the server (like Samba) AES-128-GCM.
	srv := &smbtest.Server{}
	cl, _ := mustDial(t, srv, StrictPolicy(), nil)
	if got := cl.Info(); got.Cipher != wire.CipherAES128GCM || got.SigningAlgorithm != wire.SigningAESGMAC {
		t.Fatalf("cipher %s, signing %s; want the server's first choices AES-128-GCM, AES-GMAC", got.Cipher, got.SigningAlgorithm)
	}
}

func TestFakeMultiRoundMechanism(t *testing.T) {
	// Three SESSION_SETUP round trips: both preauth hashes must cover all
	// of them or the final signature does not verify.
	srv := &smbtest.Server{}
	cl, rec := mustDial(t, srv, StrictPolicy(), &smbtest.Mechanism{IsMutual: true, Rounds: 3})
	if n := srv.Seen(wire.CmdSessionSetup); n != 3 {
		t.Fatalf("%d SESSION_SETUP requests, want 3", n)
	}
	writeReadBack(t, cl, srv, "share", "m.txt", secretData(1000))
	checkAllEncrypted(t, srv, rec)
}

func TestFakeLargePipelinedTransfer(t *testing.T) {
	for _, tc := range []struct {
		name    string
		maxSize uint32
		size    int
	}{
		{"64KiB-chunks", 65536, 1<<20 + 12345}, // 17 chunks, more than maxInFlight
		{"multi-credit", 1 << 20, 3<<20 + 7},   // 16-credit chunks
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := &smbtest.Server{MaxSize: tc.maxSize}
			cl, rec := mustDial(t, srv, StrictPolicy(), nil)
			writeReadBack(t, cl, srv, "share", `big.bin`, secretData(tc.size))
			checkAllEncrypted(t, srv, rec)
			if n, want := srv.Seen(wire.CmdWrite), (tc.size+int(tc.maxSize)-1)/int(tc.maxSize); n != want {
				t.Fatalf("%d WRITE requests, want %d", n, want)
			}
		})
	}
}

func TestFakeCompoundAndDirectory(t *testing.T) {
	srv := &smbtest.Server{}
	srv.WriteFile("a.txt", []byte("hello"))
	cl, _ := mustDial(t, srv, StrictPolicy(), nil)
	ctx := context.Background()
	tr, err := cl.Connect(ctx, "share")
	if err != nil {
		t.Fatal(err)
	}
	// CREATE + CLOSE as one related compound.
	res, err := tr.Do(ctx, "a.txt", OpenOptions{DiskID: true})
	if err != nil {
		t.Fatalf("Stat: %v", err)
	}
	if res.Create.EndOfFile != 5 || res.Close.EndOfFile != 5 {
		t.Fatalf("Stat sizes %d, %d; want 5", res.Create.EndOfFile, res.Close.EndOfFile)
	}
	// A failed CREATE fails the related CLOSE with the same status.
	if _, err := tr.Do(ctx, "missing", OpenOptions{DiskID: true}); !IsStatus(err, wire.StatusObjectNameNotFound) {
		t.Fatalf("Stat missing: %v", err)
	}
	mkdir := OpenOptions{Kind: KindDir, Disposition: CreateNew, DiskID: true}
	if _, err := tr.Do(ctx, "d", mkdir); err != nil {
		t.Fatalf("Mkdir: %v", err)
	}
	if _, err := tr.Do(ctx, "d", mkdir); !IsStatus(err, wire.StatusObjectNameCollision) {
		t.Fatalf("second Mkdir: %v", err)
	}
	root, err := tr.create(ctx, "", &wire.CreateRequest{DesiredAccess: wire.FileListDirectory, ShareAccess: shareAll, CreateDisposition: wire.FileOpen, CreateOptions: wire.FileDirectoryFile})
	if err != nil {
		t.Fatal(err)
	}
	ents, err := root.ReadDir(ctx, "")
	if err != nil {
		t.Fatalf("ReadDir: %v", err)
	}
	var names []string
	for _, e := range ents {
		names = append(names, e.Name)
	}
	if strings.Join(names, ",") != "a.txt,d" {
		t.Fatalf("ReadDir = %v, want [a.txt d]", names)
	}
	// In batches: the entries, then none (no more files); a restart
	// lists again.
	for _, restart := range []bool{true, false, true} {
		ents, err := root.ReadDirBatch(ctx, restart, 64<<10)
		if err != nil {
			t.Fatalf("ReadDirBatch(restart %v): %v", restart, err)
		}
		if want := map[bool]int{true: 2, false: 0}[restart]; len(ents) != want {
			t.Fatalf("ReadDirBatch(restart %v): %d entries, want %d", restart, len(ents), want)
		}
	}
	if err := srv.Err(); err != nil {
		t.Fatalf("server: %v", err)
	}
}

func TestFakeDialect302(t *testing.T) {
	// 3.0.2: AES-128-CCM from CAP_ENCRYPTION, and VALIDATE_NEGOTIATE_INFO
	// on the first tree connect.
	srv := &smbtest.Server{Dialects: []wire.Dialect{wire.Dialect302}}
	p := StrictPolicy()
	p.MinDialect = wire.Dialect302
	cl, rec := mustDial(t, srv, p, nil)
	if info := cl.Info(); info.Dialect != wire.Dialect302 || info.Cipher != wire.CipherAES128CCM || info.SigningAlgorithm != wire.SigningAESCMAC {
		t.Fatalf("Info = %+v", info)
	}
	writeReadBack(t, cl, srv, "share", "x", secretData(5000))
	checkAllEncrypted(t, srv, rec)
	if srv.Seen(wire.CmdIoctl) != 1 {
		t.Fatal("no VALIDATE_NEGOTIATE_INFO")
	}
}

// TestFakeRefusals: each case makes the fake server misbehave in one way;
// Dial must fail with the right sentinel and a message naming the problem.
func TestFakeRefusals(t *testing.T) {
	negotiate := func(f func(r *wire.NegotiateResponse)) *smbtest.Server {
		return &smbtest.Server{Mutate: smbtest.Mutations{NegotiateResponse: f}}
	}
	for _, tc := range []struct {
		name   string
		srv    *smbtest.Server
		policy func(p *Policy)
		mech   *smbtest.Mechanism
		want   error
		msg    string
	}{
		{name: "dialect not offered", want: ErrRefused, msg: "server chose 3.0.2",
			srv: negotiate(func(r *wire.NegotiateResponse) { r.DialectRevision = wire.Dialect302 })},
		{name: "server speaks only 3.0.2", want: ErrRefused, msg: "STATUS_NOT_SUPPORTED",
			srv: &smbtest.Server{Dialects: []wire.Dialect{wire.Dialect302}}},
		{name: "two ciphers", want: ErrProtocol, msg: "lists 2 ciphers",
			srv: negotiate(func(r *wire.NegotiateResponse) {
				r.Ciphers = []wire.CipherID{wire.CipherAES128GCM, wire.CipherAES256GCM}
			})},
		{name: "cipher not offered", want: ErrRefused, msg: "cipher AES-128-GCM, which we did not offer",
			policy: func(p *Policy) { p.Ciphers = []wire.CipherID{wire.CipherAES256GCM} },
			srv:    negotiate(func(r *wire.NegotiateResponse) { r.Ciphers = []wire.CipherID{wire.CipherAES128GCM} })},
		{name: "no cipher with privacy required", want: ErrRefused, msg: "requires privacy",
			srv: &smbtest.Server{Ciphers: []wire.CipherID{}}},
		{name: "no encryption context with privacy required", want: ErrRefused, msg: "requires privacy",
			srv: negotiate(func(r *wire.NegotiateResponse) { r.Ciphers = nil })},
		{name: "signing algorithm not offered", want: ErrRefused, msg: "signing algorithm AES-GMAC, which we did not offer",
			policy: func(p *Policy) { p.SigningAlgorithms = []wire.SigningID{wire.SigningAESCMAC} },
			srv:    negotiate(func(r *wire.NegotiateResponse) { r.SigningAlgorithms = []wire.SigningID{wire.SigningAESGMAC} })},
		{name: "HMAC-SHA256 signing at 3.1.1", want: ErrRefused, msg: "signing algorithm HMAC-SHA256",
			srv: negotiate(func(r *wire.NegotiateResponse) { r.SigningAlgorithms = []wire.SigningID{wire.SigningHMACSHA256} })},
		{name: "two preauth algorithms", want: ErrProtocol, msg: "preauth hash algorithms",
			srv: negotiate(func(r *wire.NegotiateResponse) { r.PreauthHashAlgorithms = []uint16{wire.HashSHA512, 2} })},
		{name: "non-SHA-512 preauth", want: ErrProtocol, msg: "preauth hash algorithms [2]",
			srv: negotiate(func(r *wire.NegotiateResponse) { r.PreauthHashAlgorithms = []uint16{2} })},
		{name: "small MaxReadSize", want: ErrProtocol, msg: "maximum size 4096 below 65536",
			srv: negotiate(func(r *wire.NegotiateResponse) { r.MaxReadSize = 4096 })},
		{name: "guest session", want: ErrRefused, msg: "guest",
			srv: &smbtest.Server{SessionFlags: wire.SessionFlagIsGuest}},
		{name: "null session", want: ErrRefused, msg: "anonymous",
			srv: &smbtest.Server{SessionFlags: wire.SessionFlagIsNull}},
		{name: "final response unsigned", want: ErrUnprotected, msg: "final SESSION_SETUP response is not signed",
			srv: &smbtest.Server{UnsignedFinal: true}},
		{name: "final response signed with a wrong key", want: ErrUnprotected, msg: "final SESSION_SETUP response",
			srv: &smbtest.Server{SessionKey: bytes.Repeat([]byte{7}, 32)}},
		{name: "mechanism not mutual", want: ErrRefused, msg: "policy requires mutual authentication",
			mech: &smbtest.Mechanism{IsMutual: false}, srv: &smbtest.Server{}},
		{name: "success before the mechanism finished (no token)", want: ErrRefused, msg: "before kerberos completed",
			srv: &smbtest.Server{Token: smbtest.TokenOmitted}},
		{name: "success before the mechanism finished (no SPNEGO)", want: ErrRefused, msg: "before kerberos authentication finished",
			srv: &smbtest.Server{Mutate: smbtest.Mutations{SessionSetupResponse: func(h *wire.Header, r *wire.SessionSetupResponse) {
				if h.Status == wire.StatusSuccess {
					r.SecurityBuffer = nil
				}
			}}}},
		{name: "success a round early", want: ErrProtocol, msg: "while authentication had more to send",
			mech: &smbtest.Mechanism{IsMutual: true, Rounds: 2},
			srv: &smbtest.Server{Mutate: smbtest.Mutations{SessionSetupResponse: func(h *wire.Header, r *wire.SessionSetupResponse) {
				h.Status = wire.StatusSuccess
			}}}},
		{name: "forged mechanism token", want: ErrRefused, msg: "smbtest-forged",
			srv: &smbtest.Server{Token: smbtest.TokenForged}},
		{name: "SessionId changed", want: ErrProtocol, msg: "changed SessionId",
			mech: &smbtest.Mechanism{IsMutual: true, Rounds: 2},
			srv: &smbtest.Server{Mutate: smbtest.Mutations{SessionSetupResponse: func(h *wire.Header, r *wire.SessionSetupResponse) {
				if h.Status == wire.StatusSuccess {
					h.SessionID++
				}
			}}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := StrictPolicy()
			if tc.policy != nil {
				tc.policy(&p)
			}
			var mech auth.Mechanism
			if tc.mech != nil {
				mech = tc.mech
			}
			cl, _, err := fakeDial(t, tc.srv, p, mech)
			if err == nil {
				t.Fatalf("Dial succeeded: %+v", cl.Info())
			}
			if cl != nil {
				t.Fatal("Dial returned a client with its error")
			}
			if !errors.Is(err, tc.want) {
				t.Fatalf("error %q does not match %q", err, tc.want)
			}
			if !strings.Contains(err.Error(), tc.msg) {
				t.Fatalf("error %q does not say %q", err, tc.msg)
			}
		})
	}
}

func TestFakeNTLMRefusedBeforeAnyByte(t *testing.T) {
	for _, tc := range []struct {
		name   string
		policy func(p *Policy)
		msg    string
	}{
		{"strict", func(*Policy) {}, "ntlmv2 cannot provide it"},
		{"mutual not required, NTLM not allowed", func(p *Policy) { p.RequireMutualAuth = false }, "does not allow ntlmv2"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := &smbtest.Server{}
			p := StrictPolicy()
			tc.policy(&p)
			cl, rec, err := fakeDial(t, srv, p, &smbtest.Mechanism{MechName: "ntlmv2"})
			if !errors.Is(err, ErrRefused) || !strings.Contains(err.Error(), tc.msg) || cl != nil {
				t.Fatalf("Dial = %v, want ErrRefused %q", err, tc.msg)
			}
			if rec != nil {
				t.Fatal("Dial connected before refusing")
			}
			if n := len(srv.Records()); n != 0 {
				t.Fatalf("server received %d requests", n)
			}
		})
	}
}

func TestFakeNTLMWhereAllowed(t *testing.T) {
	srv := &smbtest.Server{}
	p := StrictPolicy()
	p.RequireMutualAuth, p.AllowNTLM = false, true
	cl, rec := mustDial(t, srv, p, &smbtest.Mechanism{MechName: "ntlmv2"})
	if info := cl.Info(); info.MutualAuth || info.Mechanism != "ntlmv2" || !info.Encrypted {
		t.Fatalf("Info = %+v", info)
	}
	writeReadBack(t, cl, srv, "share", "n", secretData(300))
	checkAllEncrypted(t, srv, rec)
}

// record returns the first record of cmd after skip earlier ones.
func findRecord(t *testing.T, srv *smbtest.Server, cmd wire.Command) smbtest.Record {
	t.Helper()
	for _, r := range srv.Records() {
		if r.Command == cmd {
			return r
		}
	}
	t.Fatalf("server saw no %s", cmd)
	return smbtest.Record{}
}

func TestFakePrivacyEncryptsTreeConnect(t *testing.T) {
	srv := &smbtest.Server{}
	cl, _ := mustDial(t, srv, StrictPolicy(), nil)
	tr, err := cl.Connect(context.Background(), "share")
	if err != nil {
		t.Fatal(err)
	}
	if !tr.Encrypted() {
		t.Fatal("tree not encrypted under RequirePrivacy")
	}
	if r := findRecord(t, srv, wire.CmdTreeConnect); !r.Encrypted {
		t.Fatal("TREE_CONNECT sent in plaintext with privacy required")
	}
}

func TestFakeShareEncryptData(t *testing.T) {
	srv := &smbtest.Server{ShareFlags: map[string]uint32{"secure": wire.ShareFlagEncryptData, "plain": 0}}
	p := StrictPolicy()
	p.RequirePrivacy = false
	cl, rec := mustDial(t, srv, p, nil)
	if cl.Info().Encrypted {
		t.Fatal("session encrypted without privacy required or SESSION_FLAG_ENCRYPT_DATA")
	}
	ctx := context.Background()
	tr := writeReadBack(t, cl, srv, "secure", "s.txt", secretData(20_000))
	if !tr.Encrypted() {
		t.Fatal("share with ENCRYPT_DATA not marked encrypted")
	}
	for _, r := range srv.Records() {
		switch r.Command {
		case wire.CmdTreeConnect:
			if r.Encrypted || !r.Signed {
				t.Fatalf("TREE_CONNECT: encrypted %v signed %v, want signed plaintext", r.Encrypted, r.Signed)
			}
		case wire.CmdCreate, wire.CmdWrite, wire.CmdRead, wire.CmdClose, wire.CmdFlush:
			if !r.Encrypted {
				t.Fatalf("%s on an ENCRYPT_DATA share sent in plaintext", r.Command)
			}
		}
	}
	if bytes.Contains(rec.Sent(), []byte("SECRET-PLAINTEXT")) {
		t.Fatal("file data crossed the wire in plaintext")
	}
	// A share without the flag, on the same session, is signed only.
	before := len(srv.Records())
	plain := writeReadBack(t, cl, srv, "plain", "p.txt", []byte("public"))
	if plain.Encrypted() {
		t.Fatal("plain share encrypted")
	}
	for _, r := range srv.Records()[before:] {
		if r.Encrypted || !r.Signed {
			t.Fatalf("%s on a plain share: encrypted %v signed %v", r.Command, r.Encrypted, r.Signed)
		}
	}
	if _, err := cl.Connect(ctx, "nosuch"); !IsStatus(err, wire.StatusBadNetworkName) {
		t.Fatalf("Connect to a missing share: %v", err)
	}
}

func TestFakeSessionEncryptData(t *testing.T) {
	// SESSION_FLAG_ENCRYPT_DATA makes the whole session encrypted even
	// when the policy does not require privacy.
	srv := &smbtest.Server{SessionFlags: wire.SessionFlagEncryptData}
	p := StrictPolicy()
	p.RequirePrivacy = false
	cl, rec := mustDial(t, srv, p, nil)
	if !cl.Info().Encrypted {
		t.Fatal("SESSION_FLAG_ENCRYPT_DATA ignored")
	}
	writeReadBack(t, cl, srv, "share", "e", secretData(4000))
	checkAllEncrypted(t, srv, rec)
}

func TestFakeServerRejectsUnsignedRequest(t *testing.T) {
	// The fake server itself must hold a signed session to its signatures:
	// an unsigned ECHO carrying the session's id is refused.
	srv := &smbtest.Server{}
	p := StrictPolicy()
	p.RequirePrivacy = false
	cl, _ := mustDial(t, srv, p, nil)
	msg := newMessage(wire.CmdEcho, 0, 0, &wire.EchoRequest{})
	h := wire.Header{Command: wire.CmdEcho, SessionID: cl.session.id}
	h.Encode(msg)
	ctx := context.Background()
	// No session on the call: sent unsigned, and the reply is not checked.
	calls, err := cl.conn.start(ctx, nil, false, []outgoing{{msg: msg}})
	if err != nil {
		t.Fatal(err)
	}
	resp, err := cl.conn.wait(ctx, calls[0])
	if err != nil {
		t.Fatal(err)
	}
	if err := statusOf(resp); !IsStatus(err, wire.StatusAccessDenied) {
		t.Fatalf("unsigned request on a signed session: %v, want STATUS_ACCESS_DENIED", err)
	}
	// The connection and session still work.
	if _, err := cl.Connect(ctx, "share"); err != nil {
		t.Fatal(err)
	}
}

// rewriteNegotiateResponse re-encodes a NEGOTIATE response after f changed
// it: what a man in the middle does.
func rewriteNegotiateResponse(f func(r *wire.NegotiateResponse)) func([]byte) []byte {
	return func(msg []byte) []byte {
		h, err := wire.DecodeHeader(msg)
		if err != nil || h.Command != wire.CmdNegotiate {
			return msg
		}
		r, err := wire.DecodeNegotiateResponse(msg)
		if err != nil {
			panic(err)
		}
		f(r)
		return r.Append(bytes.Clone(msg[:wire.HeaderSize]))
	}
}

// rewriteNegotiateRequest is rewriteNegotiateResponse for the client's request.
func rewriteNegotiateRequest(f func(r *wire.NegotiateRequest)) func([]byte) []byte {
	return func(msg []byte) []byte {
		h, err := wire.DecodeHeader(msg)
		if err != nil || h.Command != wire.CmdNegotiate {
			return msg
		}
		r, err := wire.DecodeNegotiateRequest(msg)
		if err != nil {
			panic(err)
		}
		f(r)
		return r.Append(bytes.Clone(msg[:wire.HeaderSize]))
	}
}

// TestFakeManInTheMiddle: rewriting NEGOTIATE in flight, in a way the
// policy would accept on its own, must still fail: the preauth hashes
// differ, so the final SESSION_SETUP signature does not verify (3.1.1).
func TestFakeManInTheMiddle(t *testing.T) {
	for _, tc := range []struct {
		name string
		mut  smbtest.Mutations
	}{
		{"response cipher downgraded", smbtest.Mutations{ResponseBytes: rewriteNegotiateResponse(func(r *wire.NegotiateResponse) {
			r.Ciphers = []wire.CipherID{wire.CipherAES128CCM}
		})}},
		{"response salt changed", smbtest.Mutations{ResponseBytes: rewriteNegotiateResponse(func(r *wire.NegotiateResponse) {
			r.PreauthSalt[0] ^= 1
		})}},
		{"request ciphers stripped", smbtest.Mutations{RequestBytes: rewriteNegotiateRequest(func(r *wire.NegotiateRequest) {
			r.Ciphers = []wire.CipherID{wire.CipherAES128CCM}
		})}},
		{"request signing-required cleared", smbtest.Mutations{RequestBytes: rewriteNegotiateRequest(func(r *wire.NegotiateRequest) {
			r.SecurityMode &^= wire.SecurityModeSigningRequired
		})}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := &smbtest.Server{Mutate: tc.mut}
			_, _, err := fakeDial(t, srv, StrictPolicy(), nil)
			if !errors.Is(err, ErrUnprotected) || !strings.Contains(err.Error(), "final SESSION_SETUP response") {
				t.Fatalf("Dial = %v, want ErrUnprotected on the final SESSION_SETUP response", err)
			}
		})
	}
	t.Run("unchanged bytes pass", func(t *testing.T) {
		// The rewriting itself is faithful: a no-op rewrite succeeds.
		srv := &smbtest.Server{Mutate: smbtest.Mutations{
			RequestBytes:  rewriteNegotiateRequest(func(*wire.NegotiateRequest) {}),
			ResponseBytes: rewriteNegotiateResponse(func(*wire.NegotiateResponse) {}),
		}}
		mustDial(t, srv, StrictPolicy(), nil)
	})
}

// TestFakeDowngradeTo302CaughtByValidate: a man in the middle strips 3.1.1
// from the client's offer. 3.0.2 has no preauth hash, so the handshake
// completes; VALIDATE_NEGOTIATE_INFO on the first TREE_CONNECT exposes it.
func TestFakeDowngradeTo302CaughtByValidate(t *testing.T) {
	srv := &smbtest.Server{
		Dialects: []wire.Dialect{wire.Dialect302, wire.Dialect311},
		Mutate: smbtest.Mutations{RequestBytes: rewriteNegotiateRequest(func(r *wire.NegotiateRequest) {
			r.Dialects = []wire.Dialect{wire.Dialect302}
		})},
	}
	p := StrictPolicy()
	p.MinDialect = wire.Dialect302
	cl, _ := mustDial(t, srv, p, nil)
	if d := cl.Info().Dialect; d != wire.Dialect302 {
		t.Fatalf("dialect %s, the rewrite did not take", d)
	}
	_, err := cl.Connect(context.Background(), "share")
	if !errors.Is(err, ErrRefused) || !strings.Contains(err.Error(), "VALIDATE_NEGOTIATE_INFO") {
		t.Fatalf("Connect after a downgrade = %v, want ErrRefused VALIDATE_NEGOTIATE_INFO", err)
	}
	if cl.conn.Err() == nil {
		t.Fatal("connection still open after a failed VALIDATE_NEGOTIATE_INFO")
	}
}

func TestFakeUnencryptedReplyKillsConnection(t *testing.T) {
	// With privacy required, a signed but plaintext response to an
	// encrypted request is fatal.
	srv := &smbtest.Server{PlaintextReplies: true}
	cl, _ := mustDial(t, srv, StrictPolicy(), nil)
	_, err := cl.Connect(context.Background(), "share")
	if !errors.Is(err, ErrUnprotected) || !strings.Contains(err.Error(), "plaintext TREE_CONNECT response") {
		t.Fatalf("Connect = %v, want ErrUnprotected plaintext TREE_CONNECT response", err)
	}
	if !errors.Is(cl.conn.Err(), ErrUnprotected) {
		t.Fatalf("connection error %v, want ErrUnprotected", cl.conn.Err())
	}
}

func TestFakeForgedSignatureKillsConnection(t *testing.T) {
	// On a signed (not encrypted) session, one flipped byte in a response
	// after SESSION_SETUP is fatal.
	var armed sync.Mutex
	flip := false
	srv := &smbtest.Server{Mutate: smbtest.Mutations{ResponseBytes: func(m []byte) []byte {
		armed.Lock()
		defer armed.Unlock()
		if flip && len(m) > wire.HeaderSize+8 {
			m[len(m)-1] ^= 0x80
		}
		return m
	}}}
	p := StrictPolicy()
	p.RequirePrivacy = false
	cl, _ := mustDial(t, srv, p, nil)
	armed.Lock()
	flip = true
	armed.Unlock()
	_, err := cl.Connect(context.Background(), "share")
	if !errors.Is(err, ErrUnprotected) || !strings.Contains(err.Error(), "TREE_CONNECT response") {
		t.Fatalf("Connect = %v, want ErrUnprotected", err)
	}
}

func TestFakeShareEncryptDataWithoutCipher(t *testing.T) {
	// The server cannot encrypt, yet a share demands it: refuse the share
	// rather than use it unencrypted.
	srv := &smbtest.Server{Ciphers: []wire.CipherID{}, ShareFlags: map[string]uint32{"secure": wire.ShareFlagEncryptData}}
	p := StrictPolicy()
	p.RequirePrivacy = false
	cl, _ := mustDial(t, srv, p, nil)
	if cl.Info().Cipher != 0 {
		t.Fatal("cipher negotiated")
	}
	_, err := cl.Connect(context.Background(), "secure")
	if !errors.Is(err, ErrRefused) || !strings.Contains(err.Error(), "requires encryption") {
		t.Fatalf("Connect = %v, want ErrRefused requires encryption", err)
	}
	if srv.Seen(wire.CmdCreate) != 0 {
		t.Fatal("client used the share")
	}
}

func TestFakeOneCreditAtATime(t *testing.T) {
	// A stingy server granting one credit per response: pipelined
	// transfers must wait for credits, not fail or overrun.
	srv := &smbtest.Server{MaxCredits: 1, MaxSize: 65536}
	cl, rec := mustDial(t, srv, StrictPolicy(), nil)
	writeReadBack(t, cl, srv, "share", "c", secretData(300_000))
	checkAllEncrypted(t, srv, rec)
}

func TestFakeReadPastEOF(t *testing.T) {
	srv := &smbtest.Server{}
	srv.WriteFile("five", []byte("12345"))
	cl, _ := mustDial(t, srv, StrictPolicy(), nil)
	ctx := context.Background()
	tr, err := cl.Connect(ctx, "share")
	if err != nil {
		t.Fatal(err)
	}
	f, err := tr.create(ctx, "five", &wire.CreateRequest{DesiredAccess: wire.GenericRead, ShareAccess: shareAll, CreateDisposition: wire.FileOpen})
	if err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 10)
	if n, err := f.ReadAt(ctx, buf, 0); n != 5 || err != io.EOF || string(buf[:5]) != "12345" {
		t.Fatalf("ReadAt = %d, %v, %q; want 5, EOF", n, err, buf[:n])
	}
	if n, err := f.ReadAt(ctx, buf, 100); n != 0 || err != io.EOF {
		t.Fatalf("ReadAt past the end = %d, %v; want 0, EOF", n, err)
	}
	if _, err := tr.create(ctx, "nope", &wire.CreateRequest{DesiredAccess: wire.GenericRead, CreateDisposition: wire.FileOpen}); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("open missing file: %v, want fs.ErrNotExist", err)
	}
}

func TestFakeCompoundSignedOnly(t *testing.T) {
	// Related compounds on a signed session: each message of the chain is
	// signed over its own bytes, padding included.
	srv := &smbtest.Server{}
	srv.WriteFile("a.txt", []byte("hello"))
	p := StrictPolicy()
	p.RequirePrivacy = false
	cl, _ := mustDial(t, srv, p, nil)
	ctx := context.Background()
	tr, err := cl.Connect(ctx, "share")
	if err != nil {
		t.Fatal(err)
	}
	for range 3 {
		if _, err := tr.Do(ctx, "a.txt", OpenOptions{DiskID: true}); err != nil {
			t.Fatalf("Stat: %v", err)
		}
	}
	if _, err := tr.Do(ctx, "", OpenOptions{Kind: KindDir}, QueryFSSize()); !IsStatus(err, wire.StatusNotSupported) {
		t.Fatalf("Statfs on a server without QUERY_INFO: %v, want STATUS_NOT_SUPPORTED", err)
	}
	for _, r := range srv.Records() {
		if r.Command == wire.CmdCreate && (!r.Signed || r.Status != wire.StatusSuccess) {
			t.Fatalf("CREATE record %+v", r)
		}
	}
}

func TestFakeCloseLogsOff(t *testing.T) {
	srv := &smbtest.Server{}
	cl, _, err := fakeDial(t, srv, StrictPolicy(), nil)
	if err != nil {
		t.Fatal(err)
	}
	cl.Close()
	srv.Close()
	r := findRecord(t, srv, wire.CmdLogoff)
	if !r.Encrypted || r.Status != wire.StatusSuccess {
		t.Fatalf("LOGOFF %+v, want encrypted and successful", r)
	}
	if err := srv.Err(); err != nil {
		t.Fatalf("server: %v", err)
	}
}

func TestFakeConcurrentTransfers(t *testing.T) {
	// Many callers on one connection: credits, MessageIds, parallel
	// sealing and the single reader under the race detector.
	srv := &smbtest.Server{MaxSize: 65536}
	cl, rec := mustDial(t, srv, StrictPolicy(), nil)
	ctx := context.Background()
	tr, err := cl.Connect(ctx, "share")
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for i := range 8 {
		wg.Go(func() {
			name := "f" + string(rune('0'+i))
			data := secretData(200_000 + i*1000)
			f, err := tr.create(ctx, name, &wire.CreateRequest{DesiredAccess: wire.GenericRead | wire.GenericWrite, ShareAccess: shareAll, CreateDisposition: wire.FileCreate})
			if err != nil {
				errs <- err
				return
			}
			if _, err := f.WriteAt(ctx, data, 0); err != nil {
				errs <- err
				return
			}
			got := make([]byte, len(data))
			if _, err := f.ReadAt(ctx, got, 0); err != nil || !bytes.Equal(got, data) {
				errs <- errors.Join(err, errors.New(name+": data differs"))
				return
			}
			if _, err := f.Close(ctx); err != nil {
				errs <- err
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	checkAllEncrypted(t, srv, rec)
}

func TestFakeSilentServerTimesOut(t *testing.T) {
	// A server that stops answering after SESSION_SETUP: the request fails
	// with ErrTimeout within the timeout, and the connection is dead.
	var mu sync.Mutex
	silent := false
	srv := &smbtest.Server{Mutate: smbtest.Mutations{ResponseBytes: func(m []byte) []byte {
		mu.Lock()
		defer mu.Unlock()
		if silent {
			return nil
		}
		return m
	}}}
	t.Cleanup(func() { srv.Close() })
	p := StrictPolicy()
	p.RequirePrivacy = false
	cl, err := Dial(context.Background(), Options{Server: "fake", Policy: p, Mechanism: &smbtest.Mechanism{IsMutual: true},
		Timeout: 200 * time.Millisecond, Dial: srv.Dial})
	if err != nil {
		t.Fatal(err)
	}
	defer cl.Close()
	mu.Lock()
	silent = true
	mu.Unlock()
	start := time.Now()
	_, err = cl.Connect(context.Background(), "share")
	if !errors.Is(err, ErrTimeout) {
		t.Fatalf("Connect to a silent server = %v, want ErrTimeout", err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Fatalf("timed out after %v, timeout is 200ms", d)
	}
	if cl.conn.Err() == nil {
		t.Fatal("connection alive after a timeout")
	}
}

func TestFakeAsyncReplies(t *testing.T) {
	// Every response preceded by an interim STATUS_PENDING: the client
	// must bank its credits, keep waiting, and verify the final response.
	for _, tc := range []struct {
		name       string
		privacy    bool
		maxCredits uint16
	}{
		{"signed", false, 0},
		{"encrypted", true, 0},
		// Credits come only with the interim responses.
		{"one credit", true, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := &smbtest.Server{AsyncReplies: true, MaxSize: 65536, MaxCredits: tc.maxCredits}
			p := StrictPolicy()
			p.RequirePrivacy = tc.privacy
			cl, _ := mustDial(t, srv, p, nil)
			writeReadBack(t, cl, srv, "share", "async", secretData(200_000))
		})
	}
}

func TestFakePlaintextInterimKillsConnection(t *testing.T) {
	// An unsealed STATUS_PENDING on an encrypted session is injected: fatal.
	srv := &smbtest.Server{AsyncReplies: true, PlaintextInterim: true}
	cl, _ := mustDial(t, srv, StrictPolicy(), nil)
	ctx := context.Background()
	tr, err := cl.Connect(ctx, "share")
	if err != nil {
		t.Fatal(err)
	}
	_, err = tr.create(ctx, "x", &wire.CreateRequest{DesiredAccess: wire.GenericRead, CreateDisposition: wire.FileOpenIf})
	if !errors.Is(err, ErrUnprotected) || !strings.Contains(err.Error(), "STATUS_PENDING") {
		t.Fatalf("Create = %v, want ErrUnprotected naming the plaintext STATUS_PENDING", err)
	}
}
