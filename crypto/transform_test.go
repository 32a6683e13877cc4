package crypto

import (
	"bytes"
	"encoding/binary"
	"errors"
	"github.com/smb3fs/smb3fs/client/wire"
	"math"
	"math/rand/v2"
	"sync"
	"testing"
)

var allCiphers = []wire.CipherID{wire.CipherAES128CCM, wire.CipherAES128GCM, wire.CipherAES256CCM, wire.CipherAES256GCM}

func nonceField(s string) *[transformNonceSize]byte {
	var n [transformNonceSize]byte
	copy(n[:], unhex(s))
	return &n
}

// TestSealVectors re-creates the published encrypted requests (sources in
// sealVectors), through each buffer layout Seal handles: a fresh buffer, a
// prefix with exactly enough or more capacity, and the plaintext already in
// place. Seal must not touch the spare capacity.
func TestSealVectors(t *testing.T) {
	prefix := []byte{0, 0, 0, 0} // room for the transport frame header
	for _, v := range sealVectors {
		e, err := NewEncryptor(v.cipher, unhex(v.key))
		if err != nil {
			t.Fatal(err)
		}
		plain, want := unhex(v.plain), unhex(v.sealed)
		n := nonceField(v.nonce)

		got, err := e.seal(nil, v.sessionID, n, plain)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s: seal = %X, %v\nwant %X", v.source, got, err, want)
		}
		for _, slack := range []int{0, 16, 100} {
			dst := make([]byte, len(prefix), len(prefix)+len(want)+slack)
			copy(dst, prefix)
			spare := dst[len(prefix)+len(want) : cap(dst)]
			for i := range spare {
				spare[i] = 0x99
			}
			got, err := e.seal(dst, v.sessionID, n, plain)
			if err != nil || !bytes.Equal(got[:4], prefix) || !bytes.Equal(got[4:], want) {
				t.Errorf("%s (slack %d): seal = %X, %v", v.source, slack, got, err)
			}
			if !bytes.Equal(spare, bytes.Repeat([]byte{0x99}, slack)) {
				t.Errorf("%s (slack %d): seal wrote past its output", v.source, slack)
			}
			if &got[0] != &dst[0] {
				t.Errorf("%s (slack %d): seal reallocated", v.source, slack)
			}
			// In place: the plaintext already sits where the ciphertext goes.
			dst = dst[:len(prefix)+TransformHeaderSize+len(plain)]
			copy(dst[len(prefix)+TransformHeaderSize:], plain)
			got, err = e.seal(dst[:len(prefix)], v.sessionID, n, dst[len(prefix)+TransformHeaderSize:])
			if err != nil || !bytes.Equal(got[4:], want) {
				t.Errorf("%s (slack %d, in place): seal = %X, %v", v.source, slack, got, err)
			}
		}
		// The server's Decryptor (the same key) opens it.
		d, err := NewDecryptor(v.cipher, unhex(v.key))
		if err != nil {
			t.Fatal(err)
		}
		sid, opened, err := d.Open(bytes.Clone(want))
		if err != nil || sid != v.sessionID || !bytes.Equal(opened, plain) {
			t.Errorf("%s: Open = %#x, %X, %v", v.source, sid, opened, err)
		}
	}
}

// TestOpenVectors decrypts the published encrypted responses (sources in
// openVectors).
func TestOpenVectors(t *testing.T) {
	for _, v := range openVectors {
		d, err := NewDecryptor(v.cipher, unhex(v.key))
		if err != nil {
			t.Fatal(err)
		}
		msg := unhex(v.sealed)
		if sid, err := TransformSessionID(msg); err != nil || sid != v.sessionID {
			t.Errorf("%s: TransformSessionID = %#x, %v", v.source, sid, err)
		}
		sid, plain, err := d.Open(msg)
		if err != nil || sid != v.sessionID || !bytes.Equal(plain, unhex(v.plain)) {
			t.Errorf("%s: Open = %#x, %X, %v", v.source, sid, plain, err)
		}
		if len(plain) > 0 && (&plain[0] == nil || !bytes.Equal(msg[len(msg)-len(plain)-16*boolInt(isGCM(v.cipher)):][:len(plain)], plain)) {
			t.Errorf("%s: plaintext does not alias msg", v.source)
		}
	}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func newPair(t testing.TB, c wire.CipherID) (*Encryptor, *Decryptor) {
	t.Helper()
	key := make([]byte, c.KeySize())
	for i := range key {
		key[i] = byte(i * 7)
	}
	e, err := NewEncryptor(c, key)
	if err != nil {
		t.Fatal(err)
	}
	d, err := NewDecryptor(c, key)
	if err != nil {
		t.Fatal(err)
	}
	return e, d
}

// roundTripSizes covers 0 to 70000: every size up to 300 (all block-length
// remainders, several times over), the 64 KiB boundaries and the ends.
func roundTripSizes() []int {
	var s []int
	for n := 0; n <= 300; n++ {
		s = append(s, n)
	}
	for n := 301; n < 70000; n += 997 {
		s = append(s, n)
	}
	return append(s, 4095, 4096, 4097, 65535, 65536, 65537, 69999, 70000)
}

// TestRoundTrip seals and opens messages of many sizes with every cipher
// (property test; the published vectors cover only AES-128).
func TestRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	buf := make([]byte, 70000)
	for i := range buf {
		buf[i] = byte(rng.Uint32())
	}
	for _, c := range allCiphers {
		e, d := newPair(t, c)
		for _, n := range roundTripSizes() {
			sid := rng.Uint64()
			sealed, err := e.Seal(make([]byte, 0, 4+TransformHeaderSize+n)[:4], sid, buf[:n])
			if err != nil {
				t.Fatal(err)
			}
			sealed = sealed[4:]
			if len(sealed) != TransformHeaderSize+n {
				t.Fatalf("%v len %d: sealed %d bytes", c, n, len(sealed))
			}
			if binary.LittleEndian.Uint32(sealed[offOriginalSize:]) != uint32(n) ||
				binary.LittleEndian.Uint16(sealed[offTransformFlags:]) != 1 ||
				binary.LittleEndian.Uint16(sealed[offOriginalSize+4:]) != 0 {
				t.Fatalf("%v len %d: bad header %X", c, n, sealed[:TransformHeaderSize])
			}
			if n >= 16 && bytes.Equal(sealed[TransformHeaderSize:TransformHeaderSize+16], buf[:16]) {
				t.Fatalf("%v len %d: not encrypted", c, n)
			}
			gotSID, plain, err := d.Open(sealed)
			if err != nil || gotSID != sid || !bytes.Equal(plain, buf[:n]) {
				t.Fatalf("%v len %d: Open: %v", c, n, err)
			}
		}
	}
}

// TestTamper flips every bit of a sealed message, header and ciphertext,
// and expects Open to fail with ErrDecrypt every time (property test).
func TestTamper(t *testing.T) {
	for _, c := range allCiphers {
		e, d := newPair(t, c)
		for _, n := range []int{0, 1, 100} {
			sealed, err := e.Seal(nil, 0x1122334455667788, bytes.Repeat([]byte{0xA5}, n))
			if err != nil {
				t.Fatal(err)
			}
			for i := range len(sealed) * 8 {
				msg := bytes.Clone(sealed)
				msg[i/8] ^= 1 << (i % 8)
				if _, _, err := d.Open(msg); !errors.Is(err, ErrDecrypt) {
					t.Fatalf("%v len %d: flipping bit %d (byte %d): err = %v", c, n, i, i/8, err)
				}
			}
			// Truncated or extended messages fail too.
			for _, msg := range [][]byte{sealed[:len(sealed)-1], append(bytes.Clone(sealed), 0), sealed[:TransformHeaderSize-1]} {
				if _, _, err := d.Open(bytes.Clone(msg)); !errors.Is(err, ErrDecrypt) {
					t.Fatalf("%v: length %d accepted: %v", c, len(msg), err)
				}
			}
			if _, _, err := d.Open(bytes.Clone(sealed)); err != nil {
				t.Fatalf("%v: %v", c, err)
			}
		}
	}
	// Opening under the wrong cipher or key fails.
	e, _ := newPair(t, wire.CipherAES128GCM)
	_, d := newPair(t, wire.CipherAES128CCM)
	sealed, _ := e.Seal(nil, 1, []byte("hello"))
	if _, _, err := d.Open(sealed); !errors.Is(err, ErrDecrypt) {
		t.Errorf("GCM message opened as CCM: %v", err)
	}
}

func TestTransformSessionIDErrors(t *testing.T) {
	e, _ := newPair(t, wire.CipherAES128GCM)
	good, _ := e.Seal(nil, 0xABCDEF, []byte("payload"))
	for _, tc := range []struct {
		name string
		msg  []byte
		want error
	}{
		{"empty", nil, errTransformShort},
		{"51 bytes", good[:51], errTransformShort},
		{"SMB2 header", append([]byte{0xFE, 'S', 'M', 'B'}, good[4:]...), errTransformProtocol},
		{"compression header", append([]byte{0xFC, 'S', 'M', 'B'}, good[4:]...), errTransformProtocol},
		{"flags 0", withUint16(good, offTransformFlags, 0), errTransformFlags},
		{"flags 2", withUint16(good, offTransformFlags, 2), errTransformFlags},
		{"size too big", withUint32(good, offOriginalSize, 8), errTransformSize},
		{"size too small", withUint32(good, offOriginalSize, 6), errTransformSize},
		{"size huge", withUint32(good, offOriginalSize, math.MaxUint32), errTransformSize},
	} {
		if _, err := TransformSessionID(tc.msg); !errors.Is(err, tc.want) || !errors.Is(err, ErrDecrypt) {
			t.Errorf("%s: %v, want %v", tc.name, err, tc.want)
		}
	}
	if sid, err := TransformSessionID(good); err != nil || sid != 0xABCDEF {
		t.Errorf("good: %#x, %v", sid, err)
	}
}

func withUint16(m []byte, off int, v uint16) []byte {
	m = bytes.Clone(m)
	binary.LittleEndian.PutUint16(m[off:], v)
	return m
}

func withUint32(m []byte, off int, v uint32) []byte {
	m = bytes.Clone(m)
	binary.LittleEndian.PutUint32(m[off:], v)
	return m
}

// TestNonces checks the nonce layout and that 10^5 consecutive Seals never
// repeat a nonce (property test).
func TestNonces(t *testing.T) {
	for _, c := range allCiphers {
		e, _ := newPair(t, c)
		nonceLen := gcmNonceSize
		if !isGCM(c) {
			nonceLen = ccmNonceSize
		}
		seen := make(map[[transformNonceSize]byte]bool, 100000)
		var dst []byte
		var first [transformNonceSize]byte
		for i := range 100000 {
			var err error
			dst, err = e.Seal(dst[:0], 1, nil)
			if err != nil {
				t.Fatal(err)
			}
			n := [transformNonceSize]byte(dst[offTransformNonce:])
			if seen[n] {
				t.Fatalf("%v: nonce %X repeated after %d seals", c, n, i)
			}
			seen[n] = true
			if i == 0 {
				first = n
			}
			if !bytes.Equal(n[nonceLen:], make([]byte, transformNonceSize-nonceLen)) {
				t.Fatalf("%v: bytes past the %d-byte nonce are not zero: %X", c, nonceLen, n)
			}
			prefix := nonceLen - nonceCounterSize
			if !bytes.Equal(n[:prefix], first[:prefix]) {
				t.Fatalf("%v: nonce prefix changed", c)
			}
			if got, want := binary.LittleEndian.Uint64(n[prefix:]), binary.LittleEndian.Uint64(first[prefix:])+uint64(i); got != want {
				t.Fatalf("%v: counter %d, want %d", c, got, want)
			}
		}
	}
	// Two Encryptors for the same key start from different random points.
	e1, _ := newPair(t, wire.CipherAES128GCM)
	e2, _ := newPair(t, wire.CipherAES128GCM)
	a, _ := e1.Seal(nil, 1, nil)
	b, _ := e2.Seal(nil, 1, nil)
	if bytes.Equal(a[offTransformNonce:offTransformNonce+16], b[offTransformNonce:offTransformNonce+16]) {
		t.Error("two Encryptors produced the same first nonce")
	}
}

// TestNonceExhaustion: Seal refuses, for good, once the counter would wrap.
func TestNonceExhaustion(t *testing.T) {
	e, _ := newPair(t, wire.CipherAES128GCM)
	e.counter.Store(math.MaxUint64 - 2)
	for range 2 {
		if _, err := e.Seal(nil, 1, nil); err != nil {
			t.Fatal(err)
		}
	}
	for range 3 {
		if _, err := e.Seal(nil, 1, nil); !errors.Is(err, errNoncesExhausted) {
			t.Fatalf("err = %v", err)
		}
	}
}

func TestSealOverlap(t *testing.T) {
	e, d := newPair(t, wire.CipherAES128GCM)
	buf := make([]byte, 200)
	// Plaintext inside the header area of the output.
	if _, err := e.Seal(buf[:0], 1, buf[10:60]); !errors.Is(err, errSealOverlap) {
		t.Errorf("overlap: %v", err)
	}
	// Plaintext shifted by one byte from in place.
	if _, err := e.Seal(buf[:0], 1, buf[TransformHeaderSize+1:TransformHeaderSize+50]); !errors.Is(err, errSealOverlap) {
		t.Errorf("shifted overlap: %v", err)
	}
	// Plaintext before the output is fine.
	const text = "plaintext that lies before the output"
	src := buf[:len(text)]
	copy(src, text)
	out, err := e.Seal(buf[len(text):len(text)], 1, src)
	if err != nil {
		t.Fatal(err)
	}
	if _, p, err := d.Open(out); err != nil || string(p) != text {
		t.Errorf("Open: %q, %v", p, err)
	}
}

func TestEncryptorZero(t *testing.T) {
	for _, c := range allCiphers {
		e, d := newPair(t, c)
		sealed, _ := e.Seal(nil, 1, []byte("x"))
		e.Zero()
		d.Zero()
		if _, err := e.Seal(nil, 1, []byte("x")); !errors.Is(err, errEncryptorZeroed) {
			t.Errorf("%v: Seal after Zero: %v", c, err)
		}
		if _, _, err := d.Open(sealed); !errors.Is(err, ErrDecrypt) {
			t.Errorf("%v: Open after Zero: %v", c, err)
		}
		if e.gcm != nil || e.ccm != nil || d.gcm != nil || d.ccm != nil || e.prefix != [4]byte{} {
			t.Errorf("%v: key material kept after Zero", c)
		}
	}
}

func TestNewEncryptorErrors(t *testing.T) {
	for _, tc := range []struct {
		c   wire.CipherID
		key int
	}{{wire.CipherAES128GCM, 32}, {wire.CipherAES256GCM, 16}, {wire.CipherAES128CCM, 0}, {0, 16}, {5, 16}} {
		if _, err := NewEncryptor(tc.c, make([]byte, tc.key)); err == nil {
			t.Errorf("NewEncryptor(%v, %d bytes) accepted", tc.c, tc.key)
		}
		if _, err := NewDecryptor(tc.c, make([]byte, tc.key)); err == nil {
			t.Errorf("NewDecryptor(%v, %d bytes) accepted", tc.c, tc.key)
		}
	}
}

// TestConcurrent shares one Encryptor, Decryptor and Signer among
// goroutines; run with -race.
func TestConcurrent(t *testing.T) {
	for _, c := range []wire.CipherID{wire.CipherAES128GCM, wire.CipherAES128CCM} {
		e, d := newPair(t, c)
		signers := make([]Signer, 0, 3)
		for _, alg := range allSigningIDs {
			s, _ := NewSigner(alg, make([]byte, 16))
			signers = append(signers, s)
		}
		var wg sync.WaitGroup
		var mu sync.Mutex
		seen := map[[16]byte]bool{}
		for g := range 8 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				rng := rand.New(rand.NewPCG(uint64(g), 9))
				for i := range 200 {
					msg := testMessage(rng, 64+i, 8, 8, uint64(i))
					for _, s := range signers {
						s.Sign(msg)
						if err := s.Verify(msg); err != nil {
							t.Error(err)
							return
						}
					}
					sealed, err := e.Seal(nil, uint64(g), msg)
					if err != nil {
						t.Error(err)
						return
					}
					mu.Lock()
					n := [16]byte(sealed[offTransformNonce:])
					if seen[n] {
						t.Error("nonce reused across goroutines")
					}
					seen[n] = true
					mu.Unlock()
					if _, p, err := d.Open(sealed); err != nil || !bytes.Equal(p, msg) {
						t.Error("concurrent Open failed", err)
						return
					}
				}
			}()
		}
		wg.Wait()
	}
}

// TestAllocations: the hot paths do not allocate in the steady state.
func TestAllocations(t *testing.T) {
	if testing.Short() {
		t.Skip("allocation counts")
	}
	rng := rand.New(rand.NewPCG(10, 11))
	msg := testMessage(rng, 4096, 8, 8, 1)
	for _, alg := range allSigningIDs {
		s, _ := NewSigner(alg, make([]byte, 16))
		s.Sign(msg)
		if a := testing.AllocsPerRun(100, func() { s.Sign(msg) }); a != 0 {
			t.Errorf("%v Sign: %v allocations", alg, a)
		}
		if a := testing.AllocsPerRun(100, func() { _ = s.Verify(msg) }); a != 0 {
			t.Errorf("%v Verify: %v allocations", alg, a)
		}
	}
	for _, c := range allCiphers {
		e, d := newPair(t, c)
		for _, slack := range []int{0, 16} {
			dst := make([]byte, 4, 4+TransformHeaderSize+len(msg)+slack)
			if a := testing.AllocsPerRun(100, func() { _, _ = e.Seal(dst[:4], 1, msg) }); a != 0 {
				t.Errorf("%v Seal (slack %d): %v allocations", c, slack, a)
			}
		}
		sealed, _ := e.Seal(nil, 1, msg)
		work := make([]byte, len(sealed))
		if a := testing.AllocsPerRun(100, func() {
			copy(work, sealed)
			if _, _, err := d.Open(work); err != nil {
				t.Fatal(err)
			}
		}); a != 0 {
			t.Errorf("%v Open: %v allocations", c, a)
		}
		if a := testing.AllocsPerRun(100, func() { _, _, _ = d.Open(work[:10]) }); a != 0 {
			t.Errorf("%v Open of garbage: %v allocations", c, a)
		}
	}
}
