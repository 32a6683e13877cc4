package crypto

import (
	"bytes"
	"math/rand/v2"
	"testing"
)

// RFC 4493 section 4 test vectors: the key, the subkeys of section 2.3, and
// the four examples (the message of each is a prefix of M below).
const (
	rfc4493Key = "2b7e151628aed2a6abf7158809cf4f3c"
	rfc4493L   = "7df76b0c1ab899b33e42f047b91b546f" // AES-128(key, 0)
	rfc4493K1  = "fbeed618357133667c85e08f7236a8de"
	rfc4493K2  = "f7ddac306ae266ccf90bc11ee46d513b"
	rfc4493M   = `
6bc1bee22e409f96e93d7e117393172a
ae2d8a571e03ac9c9eb76fac45af8e51
30c81c46a35ce411e5fbc1191a0a52ef
f69f2445df4f9b17ad2b417be66c3710`
)

func cmacOf(t *testing.T, c *cmac, parts ...[]byte) []byte {
	t.Helper()
	var s cmacState
	for _, p := range parts {
		c.write(&s, p)
	}
	var out [blockSize]byte
	c.sum(&s, &out)
	return out[:]
}

func TestCMACRFC4493(t *testing.T) {
	c, err := newCMAC(unhex(rfc4493Key))
	if err != nil {
		t.Fatal(err)
	}
	// Section 4, "Subkey Generation".
	var l [blockSize]byte
	c.b.Encrypt(l[:], l[:])
	if !bytes.Equal(l[:], unhex(rfc4493L)) {
		t.Errorf("AES-128(key,0) = %x", l)
	}
	if !bytes.Equal(c.k1[:], unhex(rfc4493K1)) || !bytes.Equal(c.k2[:], unhex(rfc4493K2)) {
		t.Errorf("K1 = %x, K2 = %x", c.k1, c.k2)
	}
	m := unhex(rfc4493M)
	for _, ex := range []struct {
		name string
		n    int
		want string
	}{
		{"Example 1: len = 0", 0, "bb1d6929e95937287fa37d129b756746"},
		{"Example 2: len = 16", 16, "070a16b46b4d4144f79bdd9dd04a287c"},
		{"Example 3: len = 40", 40, "dfa66747de9ae63030ca32611497c827"},
		{"Example 4: len = 64", 64, "51f0bebf7e3b9d92fc49741779363cfe"},
	} {
		if got := cmacOf(t, c, m[:ex.n]); !bytes.Equal(got, unhex(ex.want)) {
			t.Errorf("RFC 4493 %s: %x, want %s", ex.name, got, ex.want)
		}
	}
}

// TestCMACStreaming checks that splitting the input anywhere does not change
// the MAC (the signer feeds the header, a zero signature and the body
// separately).
func TestCMACStreaming(t *testing.T) {
	c, err := newCMAC(unhex(rfc4493Key))
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for n := 0; n < 100; n++ {
		msg := make([]byte, n)
		for i := range msg {
			msg[i] = byte(rng.Uint32())
		}
		want := cmacOf(t, c, msg)
		for i := 0; i <= n; i++ {
			for j := i; j <= n; j += 7 {
				if got := cmacOf(t, c, msg[:i], msg[i:j], nil, msg[j:]); !bytes.Equal(got, want) {
					t.Fatalf("len %d split at %d,%d: %x, want %x", n, i, j, got, want)
				}
			}
		}
	}
}
