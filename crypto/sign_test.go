package crypto

import (
	"bytes"
	"encoding/binary"
	"errors"
	"github.com/smb3fs/smb3fs/client/wire"
	"math/rand/v2"
	"testing"
)

// TestSignVectors verifies, and re-creates, the signatures of the messages
// signed in the published examples (see signedVectors for the sources).
func TestSignVectors(t *testing.T) {
	for _, v := range signedVectors {
		s, err := NewSigner(v.alg, unhex(v.key))
		if err != nil {
			t.Fatal(err)
		}
		msg := unhex(v.msg)
		if err := s.Verify(msg); err != nil {
			t.Errorf("%s: Verify: %v", v.source, err)
		}
		resigned := bytes.Clone(msg)
		copy(resigned[offSignature:offSignature+16], bytes.Repeat([]byte{0xEE}, 16))
		s.Sign(resigned)
		if !bytes.Equal(resigned, msg) {
			t.Errorf("%s: Sign = %X, want %X", v.source, resigned[offSignature:offSignature+16], msg[offSignature:offSignature+16])
		}
	}
}

// TestGMAC checks the AES-GMAC construction the wire.SigningAESGMAC Signer uses (AES-GCM,
// empty plaintext, the data as AAD) against GCM-AES integrity-only vectors.
// Source: IEEE 802.1 "MACsec GCM-AES Test Vectors" (D. Randall, 2011),
// 2.1.1 and 2.1.2, "54-byte Packet Authentication" with GCM-AES-128 and
// GCM-AES-256 (as transcribed in several public GCM test suites; they agree).
// No published AES-GMAC example for SMB signing was found, so the SMB nonce
// is tested by the properties in TestGMACNonce.
func TestGMAC(t *testing.T) {
	const (
		iv  = "12153524C0895E81B2C28465"
		aad = `D609B1F056637A0D46DF998D88E5222AB2C2846512153524C0895E81
08000F101112131415161718191A1B1C1D1E1F202122232425262728292A2B2C2D2E2F30313233340001`
	)
	for _, v := range []struct{ key, tag string }{
		{"AD7A2BD03EAC835A6F620FDCB506B345", "F09478A9B09007D06F46E9B6A1DA25DD"},
		{"E3C08A8F06C6E3AD95A70557B23F75483CE33021A9C72B7025666204C69C0B72", "2F0BC5AF409E06D609EA8B7D0FA5EA50"},
	} {
		g, err := newGMAC(unhex(v.key))
		if err != nil {
			t.Fatal(err)
		}
		if got := g.Seal(nil, unhex(iv), nil, unhex(aad)); !bytes.Equal(got, unhex(v.tag)) {
			t.Errorf("key %s: GMAC = %X, want %s", v.key, got, v.tag)
		}
	}
}

// testMessage returns an SMB2 message of n bytes (n >= 64) with the given
// header fields and pseudo-random other bytes.
func testMessage(rng *rand.Rand, n int, command uint16, flags uint32, messageID uint64) []byte {
	m := make([]byte, n)
	for i := range m {
		m[i] = byte(rng.Uint32())
	}
	copy(m, []byte{0xFE, 'S', 'M', 'B'})
	binary.LittleEndian.PutUint16(m[offCommand:], command)
	binary.LittleEndian.PutUint32(m[offFlags:], flags)
	binary.LittleEndian.PutUint64(m[offMessageID:], messageID)
	return m
}

// TestGMACNonce checks the AES-GMAC signature against the nonce rule of
// [MS-SMB2] 3.1.4.1, written out here independently: 8 bytes of MessageId,
// then 4 bytes whose least significant bit is 1 when the server sends and
// whose next bit is 1 for an SMB2 CANCEL request. The expected values are
// computed with crypto/cipher directly.
func TestGMACNonce(t *testing.T) {
	key := unhex("0123456789ABCDEF0123456789ABCDEF")
	g, err := newGMAC(key)
	if err != nil {
		t.Fatal(err)
	}
	s, err := NewSigner(wire.SigningAESGMAC, key)
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(3, 4))
	seen := map[string]bool{}
	for _, tc := range []struct {
		command uint16
		flags   uint32
		last4   [4]byte
	}{
		{0x0008, 0x00000008, [4]byte{0, 0, 0, 0}},              // READ request, signed
		{0x0008, 0x00000009, [4]byte{1, 0, 0, 0}},              // READ response
		{0x000C, 0x00000008, [4]byte{2, 0, 0, 0}},              // CANCEL request
		{0x000C, 0x0000000A, [4]byte{2, 0, 0, 0}},              // async CANCEL request
		{0x0012, 0x00000009 | 0x10000000, [4]byte{1, 0, 0, 0}}, // response with DFS flag
	} {
		const messageID = 0x0102030405060708
		msg := testMessage(rng, 100, tc.command, tc.flags, messageID)
		var nonce [12]byte
		binary.LittleEndian.PutUint64(nonce[:], messageID)
		copy(nonce[8:], tc.last4[:])
		zeroed := bytes.Clone(msg)
		clear(zeroed[offSignature : offSignature+16])
		want := g.Seal(nil, nonce[:], nil, zeroed)

		s.Sign(msg)
		if got := msg[offSignature : offSignature+16]; !bytes.Equal(got, want) {
			t.Errorf("command %#x flags %#x: signature %X, want %X", tc.command, tc.flags, got, want)
		}
		if err := s.Verify(msg); err != nil {
			t.Errorf("command %#x flags %#x: %v", tc.command, tc.flags, err)
		}
		seen[string(want)] = true
	}
	// The same bytes signed as request and as response must differ only
	// through the nonce: flip SERVER_TO_REDIR back and the old signature fails.
	msg := testMessage(rng, 80, 0x0005, 0x00000008, 42)
	s.Sign(msg)
	msg[offFlags] |= flagServerToRedir
	if err := s.Verify(msg); !errors.Is(err, ErrBadSignature) {
		t.Errorf("role bit not in the nonce: %v", err)
	}
}

var allSigningIDs = []wire.SigningID{wire.SigningHMACSHA256, wire.SigningAESCMAC, wire.SigningAESGMAC}

// TestSignerProperties: round trip, Verify leaves msg alone, the signature
// field is ignored by Sign, every single-bit change is rejected.
func TestSignerProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for _, alg := range allSigningIDs {
		s, err := NewSigner(alg, unhex("000102030405060708090A0B0C0D0E0F"))
		if err != nil {
			t.Fatal(err)
		}
		if s.Algorithm() != alg {
			t.Errorf("Algorithm() = %v, want %v", s.Algorithm(), alg)
		}
		for _, n := range []int{64, 65, 79, 80, 81, 127, 128, 1000, 70000} {
			msg := testMessage(rng, n, 0x0009, 0x00000008, uint64(n))
			s.Sign(msg)
			before := bytes.Clone(msg)
			if err := s.Verify(msg); err != nil {
				t.Fatalf("%v len %d: %v", alg, n, err)
			}
			if !bytes.Equal(before, msg) {
				t.Fatalf("%v: Verify modified the message", alg)
			}
			again := bytes.Clone(msg)
			copy(again[offSignature:], bytes.Repeat([]byte{0xEE}, 16))
			s.Sign(again)
			if !bytes.Equal(again, msg) {
				t.Fatalf("%v len %d: Sign depends on the old signature field", alg, n)
			}
		}
		msg := testMessage(rng, 150, 0x0009, 0x00000008, 7)
		s.Sign(msg)
		for i := range len(msg) * 8 {
			msg[i/8] ^= 1 << (i % 8)
			if err := s.Verify(msg); !errors.Is(err, ErrBadSignature) {
				t.Fatalf("%v: flipping bit %d: err = %v", alg, i, err)
			}
			msg[i/8] ^= 1 << (i % 8)
		}
		if err := s.Verify(msg); err != nil {
			t.Fatalf("%v: %v", alg, err)
		}
		if err := s.Verify(msg[:63]); !errors.Is(err, ErrBadSignature) {
			t.Errorf("%v: short message: %v", alg, err)
		}
		if err := s.Verify(append(bytes.Clone(msg), 0)); !errors.Is(err, ErrBadSignature) {
			t.Errorf("%v: appended byte accepted", alg)
		}
	}
}

func TestSignerZero(t *testing.T) {
	for _, alg := range allSigningIDs {
		s, err := NewSigner(alg, bytes.Repeat([]byte{0x5A}, 16))
		if err != nil {
			t.Fatal(err)
		}
		msg := testMessage(rand.New(rand.NewPCG(1, 1)), 64, 1, 8, 1)
		s.Sign(msg)
		s.Zero()
		s.Zero() // idempotent
		if err := s.Verify(msg); !errors.Is(err, ErrBadSignature) {
			t.Errorf("%v: Verify after Zero: %v", alg, err)
		}
		before := bytes.Clone(msg)
		if err := s.Sign(msg); !errors.Is(err, ErrKeyWiped) {
			t.Errorf("%v: Sign after Zero: %v, want ErrKeyWiped", alg, err)
		}
		if !bytes.Equal(msg, before) {
			t.Errorf("%v: Sign after Zero changed the message", alg)
		}
		switch s := s.(type) {
		case *hmacSigner:
			if s.ipad != [64]byte{} || s.opad != [64]byte{} {
				t.Error("HMAC pads not wiped")
			}
		case *cmacSigner:
			if s.c != nil {
				t.Error("CMAC state kept")
			}
		case *gmacSigner:
			if s.aead != nil {
				t.Error("GMAC AEAD kept")
			}
		}
	}
	// The CMAC subkeys themselves are wiped, not just dropped.
	c, _ := newCMAC(bytes.Repeat([]byte{1}, 16))
	c.zero()
	if c.k1 != [16]byte{} || c.k2 != [16]byte{} {
		t.Error("CMAC subkeys not wiped")
	}
}

func TestNewSignerErrors(t *testing.T) {
	if _, err := NewSigner(wire.SigningAESCMAC, make([]byte, 32)); err == nil {
		t.Error("32-byte signing key accepted")
	}
	if _, err := NewSigner(wire.SigningHMACSHA256, nil); err == nil {
		t.Error("empty signing key accepted")
	}
	if _, err := NewSigner(3, make([]byte, 16)); err == nil {
		t.Error("unknown algorithm accepted")
	}
	s, _ := NewSigner(wire.SigningAESCMAC, make([]byte, 16))
	func() {
		defer func() {
			if recover() == nil {
				t.Error("Sign of a 10-byte message did not panic")
			}
		}()
		s.Sign(make([]byte, 10))
	}()
}
