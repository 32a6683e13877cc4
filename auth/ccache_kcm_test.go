package auth

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// ccParts splits a FILE version 4 cache into its principal and
// credentials, as a KCM daemon or a keyring holds them.
func ccParts(t testing.TB, data []byte) (princ []byte, creds [][]byte) {
	t.Helper()
	l, err := ccWalk(data)
	if err != nil {
		t.Fatal(err)
	}
	start := 4 + int(binary.BigEndian.Uint16(data[2:]))
	end := len(data)
	if len(l.creds) > 0 {
		end = l.creds[0].start
	}
	princ = data[start:end]
	for i, c := range l.creds {
		e := len(data)
		if i+1 < len(l.creds) {
			e = l.creds[i+1].start
		}
		creds = append(creds, data[c.start:e])
	}
	return princ, creds
}

// fakeKCM serves the KCM protocol on a UNIX socket in a temporary
// directory. handle gets each request's opcode and arguments and returns
// the raw bytes to answer (framing included), or nil to hang up.
type fakeKCM struct {
	path string
	ln   net.Listener
	wg   sync.WaitGroup
	mu   sync.Mutex
	ops  []int // guarded by mu
}

func newFakeKCM(t *testing.T, handle func(op int, args []byte) []byte) *fakeKCM {
	t.Helper()
	dir, err := os.MkdirTemp("", "kcm") // short: socket paths are limited
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	f := &fakeKCM{path: filepath.Join(dir, "s")}
	if f.ln, err = net.Listen("unix", f.path); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.ln.Close(); f.wg.Wait() })
	f.wg.Add(1)
	go func() {
		defer f.wg.Done()
		for {
			c, err := f.ln.Accept()
			if err != nil {
				return
			}
			f.wg.Add(1)
			go func() {
				defer f.wg.Done()
				defer c.Close()
				c.SetDeadline(time.Now().Add(10 * time.Second))
				for {
					var hdr [4]byte
					if _, err := io.ReadFull(c, hdr[:]); err != nil {
						return
					}
					req := make([]byte, binary.BigEndian.Uint32(hdr[:]))
					if _, err := io.ReadFull(c, req); err != nil || len(req) < 4 || req[0] != 2 || req[1] != 0 {
						return
					}
					op := int(binary.BigEndian.Uint16(req[2:]))
					f.mu.Lock()
					f.ops = append(f.ops, op)
					f.mu.Unlock()
					out := handle(op, req[4:])
					if out == nil {
						return
					}
					if _, err := c.Write(out); err != nil {
						return
					}
				}
			}()
		}
	}()
	return f
}

// kcmOK frames a successful reply carrying payload.
func kcmOK(payload []byte) []byte {
	out := binary.BigEndian.AppendUint32(nil, uint32(4+len(payload)))
	out = append(out, 0, 0, 0, 0, 0, 0, 0, 0)
	return append(out, payload...)
}

// kcmStatus frames a reply with a non-zero status.
func kcmStatus(st int32) []byte {
	out := binary.BigEndian.AppendUint32(nil, 4)
	out = append(out, 0, 0, 0, 0)
	return binary.BigEndian.AppendUint32(out, uint32(st))
}

func (f *fakeKCM) cfg() kcmConfig {
	return kcmConfig{socket: f.path, owner: os.Getuid(), timeout: 2 * time.Second}
}

// A cache served like sssd-kcm serves it: the default cache's name, its
// principal, the UUID list and each credential.
func kcmServe(t *testing.T, cache []byte, name string) func(op int, args []byte) []byte {
	princ, creds := ccParts(t, cache)
	return func(op int, args []byte) []byte {
		switch op {
		case kcmOpGetDefaultCache:
			return kcmOK(append([]byte(name), 0))
		case kcmOpGetPrincipal, kcmOpGetCredUUIDList, kcmOpGetCredByUUID:
			if !bytes.HasPrefix(args, append([]byte(name), 0)) {
				return kcmStatus(krb5FCCNoFile)
			}
		}
		switch op {
		case kcmOpGetPrincipal:
			return kcmOK(princ)
		case kcmOpGetCredUUIDList:
			var l []byte
			for i := range creds {
				l = append(l, bytes.Repeat([]byte{byte(i + 1)}, 16)...)
			}
			return kcmOK(l)
		case kcmOpGetCredByUUID:
			u := args[len(name)+1:]
			if len(u) != 16 || int(u[0]) < 1 || int(u[0]) > len(creds) {
				return kcmStatus(krb5CCNotFound)
			}
			return kcmOK(creds[u[0]-1])
		}
		return kcmStatus(-1765328137) // KRB5_CC_NOSUPP
	}
}

func TestKCMCCache(t *testing.T) {
	later := time.Now().Add(time.Hour).Truncate(time.Second)
	cache := buildCCache(4, ccTestCred{server: ccTestTGT, end: later}, ccTestCred{server: ccTestCIFS, end: later, addrs: 1, auth: 1})
	f := newFakeKCM(t, kcmServe(t, cache, "1000"))
	full, data, err := readKCMCCache("", f.cfg())
	if err != nil || full != "KCM:1000" {
		t.Fatalf("default cache: %q %v", full, err)
	}
	princ, creds := ccParts(t, cache)
	want, _ := fileCCache(princ, creds)
	if !bytes.Equal(data, want) {
		t.Fatal("the cache differs from what was served")
	}
	cc, err := loadCCacheData(data, full, time.Now())
	if err != nil || len(cc.Credentials) != 2 {
		t.Fatalf("validation: %v", err)
	}
	if full, _, err := readKCMCCache("1000", f.cfg()); err != nil || full != "KCM:1000" {
		t.Fatalf("named cache: %q %v", full, err)
	}
	_, _, err = readKCMCCache("2000", f.cfg())
	var nc *NoCCacheError
	if !errors.As(err, &nc) || err.Error() != "auth: kerberos: no credential cache KCM:2000 (run kinit)" {
		t.Fatalf("missing cache: %v", err)
	}
	f.mu.Lock()
	ops := append([]int(nil), f.ops...)
	f.mu.Unlock()
	if ops[0] != kcmOpGetDefaultCache || ops[1] != kcmOpGetPrincipal || ops[2] != kcmOpGetCredUUIDList || ops[3] != kcmOpGetCredByUUID {
		t.Errorf("operations %v", ops)
	}
}

// Empty principal (Heimdal's answer for an uninitialised cache), expired
// ticket: one line naming the cache.
func TestKCMCCacheEmptyAndExpired(t *testing.T) {
	f := newFakeKCM(t, func(op int, args []byte) []byte {
		if op == kcmOpGetDefaultCache {
			return kcmOK([]byte("0\x00"))
		}
		return kcmOK(nil)
	})
	_, _, err := readKCMCCache("", f.cfg())
	if err == nil || err.Error() != "auth: kerberos: no credential cache KCM:0 (run kinit)" {
		t.Errorf("empty principal: %v", err)
	}
	expired := buildCCache(4, ccTestCred{server: ccTestTGT, end: time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC)})
	g := newFakeKCM(t, kcmServe(t, expired, "1000"))
	full, data, err := readKCMCCache("", g.cfg())
	if err != nil {
		t.Fatal(err)
	}
	_, err = loadCCacheData(data, full, time.Now())
	if err == nil || err.Error() != "auth: kerberos: the ticket in credential cache KCM:1000 expired at 2020-01-02T03:04:05Z (run kinit)" {
		t.Errorf("expired: %v", err)
	}
}

// Malformed, oversized and slow replies fail with an error naming the
// cache; none allocates what a length field claims.
func TestKCMCCacheBadReplies(t *testing.T) {
	later := time.Now().Add(time.Hour)
	cache := buildCCache(4, ccTestCred{server: ccTestTGT, end: later})
	princ, creds := ccParts(t, cache)
	good := kcmServe(t, cache, "1000")
	override := func(op int, reply []byte) func(int, []byte) []byte {
		return func(o int, args []byte) []byte {
			if o == op {
				return reply
			}
			return good(o, args)
		}
	}
	huge := binary.BigEndian.AppendUint32(nil, 0xffffffff)
	huge = append(huge, 0, 0, 0, 0)
	for _, tc := range []struct {
		name   string
		handle func(int, []byte) []byte
		want   string
	}{
		{"name without NUL", override(kcmOpGetDefaultCache, kcmOK([]byte("1000"))), "not NUL-terminated"},
		{"empty name", override(kcmOpGetDefaultCache, kcmOK([]byte{0})), "a name of 0 bytes"},
		{"name with control", override(kcmOpGetDefaultCache, kcmOK([]byte("a\nb\x00"))), "control character"},
		{"name with trailing", override(kcmOpGetDefaultCache, kcmOK([]byte("1000\x00x"))), "not NUL-terminated"},
		{"oversized reply", override(kcmOpGetPrincipal, huge), "limit"},
		{"reply without status", override(kcmOpGetPrincipal, []byte{0, 0, 0, 2, 0, 0, 0, 0, 0, 0}), "has no status"},
		{"ipc code", override(kcmOpGetPrincipal, []byte{0, 0, 0, 0, 0, 0, 0, 5}), "status 5"},
		{"truncated reply", override(kcmOpGetPrincipal, kcmOK(princ)[:10]), "KCM reply to 8"},
		{"hang up", override(kcmOpGetCredUUIDList, nil), "EOF"},
		{"principal with trailing", override(kcmOpGetPrincipal, kcmOK(append(append([]byte(nil), princ...), 0))), "after it"},
		{"truncated principal", override(kcmOpGetPrincipal, kcmOK(princ[:len(princ)-1])), "exceeds"},
		{"uuid list of 17", override(kcmOpGetCredUUIDList, kcmOK(make([]byte, 17))), "UUID list of 17 bytes"},
		{"too many uuids", override(kcmOpGetCredUUIDList, kcmOK(make([]byte, 16*(maxKCMCreds+1)))), "limit"},
		{"truncated cred", override(kcmOpGetCredByUUID, kcmOK(creds[0][:len(creds[0])-3])), "truncated"},
		{"cred with trailing", override(kcmOpGetCredByUUID, kcmOK(append(append([]byte(nil), creds[0]...), 1, 2))), "after it"},
		{"other status", override(kcmOpGetCredUUIDList, kcmStatus(-1765328188)), "status -1765328188"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFakeKCM(t, tc.handle)
			_, _, err := readKCMCCache("", f.cfg())
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.HasPrefix(err.Error(), "auth: kerberos: credential cache KCM:") {
				t.Errorf("err = %v, want %q", err, tc.want)
			}
		})
	}

	// Too many credentials in all: bounded by maxCCacheSize.
	bigCred := func(op int, args []byte) []byte {
		switch op {
		case kcmOpGetCredUUIDList:
			return kcmOK(make([]byte, 16*maxKCMCreds))
		case kcmOpGetCredByUUID:
			return kcmOK(make([]byte, maxCCacheSize/8))
		}
		return good(op, args)
	}
	f := newFakeKCM(t, bigCred)
	if _, _, err := readKCMCCache("", f.cfg()); err == nil || !strings.Contains(err.Error(), "larger than") {
		t.Errorf("huge cache: %v", err)
	}

	// A daemon that never answers: the deadline ends the wait.
	block := make(chan struct{})
	slow := newFakeKCM(t, func(int, []byte) []byte { <-block; return nil })
	t.Cleanup(func() { close(block) }) // runs before slow's own clean-up
	cfg := slow.cfg()
	cfg.timeout = 200 * time.Millisecond
	start := time.Now()
	_, _, err := readKCMCCache("", cfg)
	if err == nil || !strings.Contains(err.Error(), "timeout") || time.Since(start) > 5*time.Second {
		t.Errorf("slow daemon: %v after %v", err, time.Since(start))
	}
}

// The socket must be a socket that belongs to the expected owner (root in
// real use), and the daemon must run as that owner.
func TestKCMSocketChecks(t *testing.T) {
	f := newFakeKCM(t, func(int, []byte) []byte { return kcmOK([]byte("0\x00")) })
	cfg := f.cfg()
	cfg.owner = os.Getuid() + 1
	_, _, err := readKCMCCache("", cfg)
	if !errors.Is(err, errUnsafeFile) || !strings.Contains(err.Error(), "belongs to uid") {
		t.Errorf("foreign socket: %v", err)
	}
	reg := filepath.Join(t.TempDir(), "notasocket")
	writeFile(t, reg, "x")
	_, _, err = readKCMCCache("", kcmConfig{socket: reg, owner: os.Getuid()})
	if !errors.Is(err, errUnsafeFile) || !strings.Contains(err.Error(), "not a socket") {
		t.Errorf("regular file: %v", err)
	}
	_, _, err = readKCMCCache("", kcmConfig{socket: filepath.Join(t.TempDir(), "none"), owner: os.Getuid()})
	if err == nil || !strings.Contains(err.Error(), "credential cache KCM:: no KCM daemon") {
		t.Errorf("no socket: %v", err)
	}
	// The socket path comes from krb5.conf's kcm_socket.
	conf := writeFile(t, filepath.Join(t.TempDir(), "krb5.conf"), "[libdefaults]\n kcm_socket = "+f.path+"\n")
	_, _, err = readCCacheNamed("KCM:", conf, os.Getuid())
	if os.Getuid() != 0 {
		if !errors.Is(err, errUnsafeFile) {
			t.Errorf("kcm_socket of a non-root user: %v", err)
		}
	} else if err == nil || !strings.Contains(err.Error(), "KCM:0") {
		t.Errorf("kcm_socket: %v", err)
	}
}

// FuzzKCMReply: whatever a daemon sends, reading and decoding a reply
// returns (no panic, nothing allocated beyond the limit), and a cache the
// decoders accept is one the FILE validator accepts too.
func FuzzKCMReply(f *testing.F) {
	later := time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)
	princ, creds := ccParts(f, buildCCache(4, ccTestCred{server: ccTestTGT, end: later, addrs: 1, auth: 1}))
	f.Add(kcmOK(princ))
	f.Add(kcmOK(creds[0]))
	f.Add(kcmOK([]byte("1000\x00")))
	f.Add(kcmOK(make([]byte, 32)))
	f.Add(kcmStatus(krb5FCCNoFile))
	f.Add([]byte{0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0})
	f.Fuzz(func(t *testing.T, b []byte) {
		p, err := readKCMReply(bytes.NewReader(b), 0)
		if err != nil {
			return
		}
		if len(p) > maxKCMReply {
			t.Fatalf("payload of %d bytes", len(p))
		}
		parseKCMName(p)
		parseKCMUUIDList(p)
		if data, err := fileCCache(p, nil); err == nil {
			if _, err := parseCCache(data); err != nil {
				t.Fatalf("principal accepted, cache refused: %v", err)
			}
		}
		if data, err := fileCCache(princ, [][]byte{p}); err == nil {
			if _, err := parseCCache(data); err != nil {
				t.Fatalf("credential accepted, cache refused: %v", err)
			}
		}
	})
}
