package crypto

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"testing"
)

var _ cipher.AEAD = (*ccm)(nil)

type ccmVector struct {
	source      string
	key         string
	nonce, aad  string
	plain, want string // want is ciphertext || tag
	tagSize     int
	aadOverride []byte
}

// ccmVectors are the example vectors of NIST SP 800-38C Appendix C
// (C.1 to C.4) and packet vectors #1 and #2 of RFC 3610 section 8.
var ccmVectors = []ccmVector{
	{source: "SP800-38C C.1", key: "404142434445464748494a4b4c4d4e4f",
		nonce: "10111213141516", aad: "0001020304050607",
		plain: "20212223", want: "7162015b4dac255d", tagSize: 4},
	{source: "SP800-38C C.2", key: "404142434445464748494a4b4c4d4e4f",
		nonce: "1011121314151617", aad: "000102030405060708090a0b0c0d0e0f",
		plain: "202122232425262728292a2b2c2d2e2f",
		want:  "d2a1f0e051ea5f62081a7792073d593d1fc64fbfaccd", tagSize: 6},
	{source: "SP800-38C C.3", key: "404142434445464748494a4b4c4d4e4f",
		nonce: "101112131415161718191a1b", aad: "000102030405060708090a0b0c0d0e0f10111213",
		plain: "202122232425262728292a2b2c2d2e2f3031323334353637",
		want:  "e3b201a9f5b71a7a9b1ceaeccd97e70b6176aad9a4428aa5484392fbc1b09951", tagSize: 8},
	// C.4: "the given string of the first sixteen blocks of the associated
	// data string [00 01 ... ff] is concatenated with itself repeatedly to
	// form a string of 524288 bits" (65536 bytes: the six-byte length
	// encoding of A.2.2).
	{source: "SP800-38C C.4", key: "404142434445464748494a4b4c4d4e4f",
		nonce: "101112131415161718191a1b1c", aadOverride: c4AAD(),
		plain: "202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f",
		want: "69915dad1e84c6376a68c2967e4dab615ae0fd1faec44cc484828529463ccf72" +
			"b4ac6bec93e8598e7f0dadbcea5b", tagSize: 14},
	{source: "RFC 3610 Packet Vector #1", key: "c0c1c2c3c4c5c6c7c8c9cacbcccdcecf",
		nonce: "00000003020100a0a1a2a3a4a5", aad: "0001020304050607",
		plain: "08090a0b0c0d0e0f101112131415161718191a1b1c1d1e",
		want:  "588c979a61c663d2f066d0c2c0f989806d5f6b61dac38417e8d12cfdf926e0", tagSize: 8},
	{source: "RFC 3610 Packet Vector #2", key: "c0c1c2c3c4c5c6c7c8c9cacbcccdcecf",
		nonce: "00000004030201a0a1a2a3a4a5", aad: "0001020304050607",
		plain: "08090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
		want:  "72c91a36e135f8cf291ca894085c87e3cc15c439c9e43a3ba091d56e10400916", tagSize: 8},
}

func c4AAD() []byte {
	a := make([]byte, 65536)
	for i := range a {
		a[i] = byte(i)
	}
	return a
}

func newTestCCM(t testing.TB, key []byte, nonceSize, tagSize int) *ccm {
	t.Helper()
	b, err := aes.NewCipher(key)
	if err != nil {
		t.Fatal(err)
	}
	c, err := newCCM(b, nonceSize, tagSize)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestCCMVectors(t *testing.T) {
	for _, v := range ccmVectors {
		nonce, aad, plain, want := unhex(v.nonce), unhex(v.aad), unhex(v.plain), unhex(v.want)
		if v.aadOverride != nil {
			aad = v.aadOverride
		}
		c := newTestCCM(t, unhex(v.key), len(nonce), v.tagSize)
		got := c.Seal([]byte("prefix"), nonce, plain, aad)
		if !bytes.Equal(got[6:], want) || string(got[:6]) != "prefix" {
			t.Errorf("%s: Seal = %x, want %x", v.source, got[6:], want)
		}
		// In place.
		buf := append([]byte(nil), plain...)
		if got := c.Seal(buf[:0], nonce, buf, aad); !bytes.Equal(got, want) {
			t.Errorf("%s: in-place Seal = %x", v.source, got)
		}
		opened, err := c.Open(nil, nonce, want, aad)
		if err != nil || !bytes.Equal(opened, plain) {
			t.Errorf("%s: Open = %x, %v", v.source, opened, err)
		}
		ct := append([]byte(nil), want...)
		if opened, err := c.Open(ct[:0], nonce, ct, aad); err != nil || !bytes.Equal(opened, plain) {
			t.Errorf("%s: in-place Open = %x, %v", v.source, opened, err)
		}
	}
}

// TestCCMTamper checks that every single-bit change to the ciphertext, the
// tag, the nonce or the associated data is detected (property test).
func TestCCMTamper(t *testing.T) {
	v := ccmVectors[2]
	nonce, aad, want := unhex(v.nonce), unhex(v.aad), unhex(v.want)
	c := newTestCCM(t, unhex(v.key), len(nonce), v.tagSize)
	for _, field := range [][]byte{want, nonce, aad} {
		for i := range len(field) * 8 {
			field[i/8] ^= 1 << (i % 8)
			out := make([]byte, len(want))
			if _, err := c.Open(out[:0], nonce, want, aad); err == nil {
				t.Fatalf("bit %d flip accepted", i)
			}
			if !bytes.Equal(out, make([]byte, len(out))) {
				t.Fatalf("bit %d: failed Open left plaintext in dst", i)
			}
			field[i/8] ^= 1 << (i % 8)
		}
	}
	if _, err := c.Open(nil, nonce, want[:v.tagSize-1], aad); err == nil {
		t.Error("short ciphertext accepted")
	}
}

func TestCCMParameters(t *testing.T) {
	b, _ := aes.NewCipher(make([]byte, 16))
	for _, p := range []struct{ n, t int }{{6, 16}, {14, 16}, {11, 3}, {11, 5}, {11, 18}, {11, 0}} {
		if _, err := newCCM(b, p.n, p.t); err == nil {
			t.Errorf("nonce %d, tag %d accepted", p.n, p.t)
		}
	}
	for n := ccmMinNonce; n <= ccmMaxNonce; n++ {
		for tag := ccmMinTag; tag <= ccmMaxTag; tag += 2 {
			c, err := newCCM(b, n, tag)
			if err != nil {
				t.Fatal(err)
			}
			nonce := make([]byte, n)
			msg := []byte("a message of some thirty-five bytes")
			sealed := c.Seal(nil, nonce, msg, []byte("ad"))
			if got, err := c.Open(nil, nonce, sealed, []byte("ad")); err != nil || !bytes.Equal(got, msg) {
				t.Errorf("nonce %d tag %d: round trip failed: %v", n, tag, err)
			}
		}
	}
	// With a 13-byte nonce the length field is 2 bytes: 65535 is the limit.
	c, _ := newCCM(b, 13, 16)
	c.Seal(nil, make([]byte, 13), make([]byte, 65535), nil)
	func() {
		defer func() {
			if recover() == nil {
				t.Error("65536-byte payload with a 13-byte nonce did not panic")
			}
		}()
		c.Seal(nil, make([]byte, 13), make([]byte, 65536), nil)
	}()
	if _, err := c.Open(nil, make([]byte, 13), make([]byte, 65536+16), nil); err == nil {
		t.Error("oversized Open accepted")
	}
}
