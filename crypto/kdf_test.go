package crypto

import (
	"bytes"
	"errors"
	"github.com/smb3fs/smb3fs/client/wire"
	"testing"
)

// TestKDFSP800108 checks KDF against an independent SP800-108 counter-mode
// HMAC-SHA256 implementation with a non-SMB label and L = 256.
// Source: Samba, lib/crypto/tests/test_gnutls_sp800_108.c,
// test_sp800_108_sha256 (its label, "KDS service" in UTF-16LE with NUL, is
// the one of [MS-GKDI]).
func TestKDFSP800108(t *testing.T) {
	key := []byte{152, 203, 215, 84, 113, 216, 118, 177,
		81, 128, 50, 160, 148, 132, 82, 244,
		65, 179, 164, 219, 209, 14, 33, 131,
		178, 193, 80, 248, 126, 23, 66, 227,
		45, 221, 171, 12, 247, 15, 62, 179,
		164, 217, 123, 179, 106, 118, 228, 74,
		12, 2, 241, 229, 139, 55, 237, 155,
		220, 122, 200, 245, 129, 222, 37, 15}
	context := []byte{114, 233, 112, 1, 53, 160, 76,
		175, 153, 59, 224, 82, 213, 189,
		18, 22, 106, 1, 0, 0, 255,
		255, 255, 255, 255, 255, 255, 255}
	label := []byte{'K', 0, 'D', 0, 'S', 0, ' ', 0,
		's', 0, 'e', 0, 'r', 0, 'v', 0,
		'i', 0, 'c', 0, 'e', 0, 0, 0}
	want := []byte{219, 94, 173, 243, 157, 13, 49,
		57, 54, 3, 127, 239, 193, 4,
		220, 218, 252, 33, 105, 76, 18,
		140, 166, 177, 95, 65, 164, 18,
		52, 169, 9, 194}
	if got := KDF(key, label, context, 256); !bytes.Equal(got, want) {
		t.Errorf("KDF = %X, want %X", got, want)
	}
}

// TestKDFLengths checks the properties of L that no published SMB vector
// covers: output length, and that L is part of the input (so the 128-bit
// key is not a prefix of the 256-bit one), and multi-block output.
func TestKDFLengths(t *testing.T) {
	key := []byte("0123456789abcdef")
	k128 := KDF(key, label311C2S, nil, 128)
	k256 := KDF(key, label311C2S, nil, 256)
	k512 := KDF(key, label311C2S, nil, 512)
	if len(k128) != 16 || len(k256) != 32 || len(k512) != 64 {
		t.Fatalf("lengths %d %d %d", len(k128), len(k256), len(k512))
	}
	if bytes.Equal(k128, k256[:16]) || bytes.Equal(k256, k512[:32]) {
		t.Error("L is not part of the KDF input")
	}
	if bytes.Equal(k512[:32], k512[32:]) {
		t.Error("the counter is not part of the KDF input")
	}
	for _, bad := range []int{0, -8, 7, 129} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("KDF(L=%d) did not panic", bad)
				}
			}()
			KDF(key, label311C2S, nil, bad)
		}()
	}
}

// TestPreauthHash replays the published preauth integrity chains, message by
// message, against the hash value after each ([MS-SMB2] 3.2.5.2, 3.2.5.3.1).
func TestPreauthHash(t *testing.T) {
	for _, v := range []sessionVector{enc311GCM, enc311CCM, anatomy311, anatomy311Binding} {
		var h PreauthHash
		for _, s := range v.steps {
			h.Update(unhex(s.msg))
			if want := unhex(s.after); !bytes.Equal(h[:], want) {
				t.Errorf("%s: after %s: %X, want %X", v.source, s.name, h[:], want)
			}
		}
		if !bytes.Equal(h[:], unhex(v.preauth)) {
			t.Errorf("%s: final preauth hash differs from the one used for the keys", v.source)
		}
	}
}

// TestDeriveKeysVectors derives the keys of every published session.
func TestDeriveKeysVectors(t *testing.T) {
	for _, v := range []sessionVector{enc311GCM, enc311CCM, anatomy311, anatomy311Binding, anatomy30, anatomy30Binding, enc30} {
		var preauth *PreauthHash
		if v.preauth != "" {
			preauth = new(PreauthHash)
			copy(preauth[:], unhex(v.preauth))
		}
		k, err := DeriveKeys(v.dialect, unhex(v.sessionKey), preauth, v.cipher)
		if err != nil {
			t.Errorf("%s: %v", v.source, err)
			continue
		}
		check := func(name string, got []byte, want string) {
			t.Helper()
			if want == "" {
				return
			}
			if !bytes.Equal(got, unhex(want)) {
				t.Errorf("%s: %s = %X, want %s", v.source, name, got, want)
			}
		}
		check("SigningKey", k.Signing[:], v.signing)
		check("ApplicationKey", k.Application[:], v.app)
		check("EncryptionKey", k.EncryptionKey(), v.encryption)
		check("DecryptionKey", k.DecryptionKey(), v.decryption)
		if k.Cipher != v.cipher {
			t.Errorf("%s: Cipher = %v, want %v", v.source, k.Cipher, v.cipher)
		}
	}
}

// TestDeriveKeys2x checks dialects 2.0.2 and 2.1, where the signing key is
// Session.SessionKey: the first 16 bytes of the GSS key, zero-padded
// ([MS-SMB2] 3.2.1.3, 3.2.5.3.1). No published vector exists; these are the
// properties the spec states.
func TestDeriveKeys2x(t *testing.T) {
	long := bytes.Repeat([]byte{0xAB}, 32)
	short := []byte{1, 2, 3}
	for _, d := range []wire.Dialect{wire.Dialect202, wire.Dialect210} {
		k, err := DeriveKeys(d, long, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(k.Signing[:], long[:16]) || k.Application != k.Signing || k.Cipher != 0 {
			t.Errorf("0x%04X long key: %+v", d, k)
		}
		k, err = DeriveKeys(d, short, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		if want := [16]byte{1, 2, 3}; k.Signing != want {
			t.Errorf("0x%04X short key: Signing = %X", d, k.Signing)
		}
	}
}

// TestDeriveKeysAES256 checks the AES-256 rules of [MS-SMB2] 3.1.4.2 and
// 3.2.5.3.1, for which no published vector was found: the cipher keys come
// from the full session key with L = 256; signing and application keys from
// its first 16 bytes with L = 128, unaffected by the cipher.
func TestDeriveKeysAES256(t *testing.T) {
	full := unhex("000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F")
	var preauth PreauthHash
	copy(preauth[:], unhex(enc311GCM.preauth))
	for _, c := range []wire.CipherID{wire.CipherAES256CCM, wire.CipherAES256GCM} {
		k, err := DeriveKeys(wire.Dialect311, full, &preauth, c)
		if err != nil {
			t.Fatal(err)
		}
		k128, err := DeriveKeys(wire.Dialect311, full, &preauth, wire.CipherAES128GCM)
		if err != nil {
			t.Fatal(err)
		}
		if k.Signing != k128.Signing || k.Application != k128.Application {
			t.Errorf("%v: signing or application key depends on the cipher", c)
		}
		if want := KDF(full, label311C2S, preauth[:], 256); !bytes.Equal(k.EncryptionKey(), want) {
			t.Errorf("%v: EncryptionKey = %X, want KDF(full key, L=256) = %X", c, k.EncryptionKey(), want)
		}
		if want := KDF(full, label311S2C, preauth[:], 256); !bytes.Equal(k.DecryptionKey(), want) {
			t.Errorf("%v: DecryptionKey = %X, want %X", c, k.DecryptionKey(), want)
		}
		// A 16-byte GSS key (NTLM) is the full key too.
		k16, err := DeriveKeys(wire.Dialect311, full[:16], &preauth, c)
		if err != nil {
			t.Fatal(err)
		}
		if k16.Signing != k.Signing || bytes.Equal(k16.EncryptionKey(), k.EncryptionKey()) {
			t.Errorf("%v: only the cipher keys may depend on bytes past the 16th", c)
		}
	}
}

func TestDeriveKeysErrors(t *testing.T) {
	var preauth PreauthHash
	key := make([]byte, 16)
	for _, tc := range []struct {
		name    string
		dialect wire.Dialect
		key     []byte
		preauth *PreauthHash
		cipher  wire.CipherID
		want    error
	}{
		{"empty key", wire.Dialect311, nil, &preauth, 0, errNoSessionKey},
		{"unknown dialect", 0x0301, key, &preauth, 0, errUnknownDialect},
		{"SMB1-ish dialect", 0x02FF, key, nil, 0, errUnknownDialect},
		{"cipher with 2.1", wire.Dialect210, key, nil, wire.CipherAES128CCM, errCipherForDialect},
		{"GCM with 3.0", wire.Dialect300, key, nil, wire.CipherAES128GCM, errCipherForDialect},
		{"AES-256 with 3.0.2", wire.Dialect302, key, nil, wire.CipherAES256CCM, errCipherForDialect},
		{"unknown cipher with 3.1.1", wire.Dialect311, key, &preauth, 5, errCipherForDialect},
		{"3.1.1 without preauth", wire.Dialect311, key, nil, wire.CipherAES128GCM, errNoPreauth},
	} {
		if _, err := DeriveKeys(tc.dialect, tc.key, tc.preauth, tc.cipher); !errors.Is(err, tc.want) {
			t.Errorf("%s: err = %v, want %v", tc.name, err, tc.want)
		}
	}
}

func TestSessionKeysZero(t *testing.T) {
	var preauth PreauthHash
	k, err := DeriveKeys(wire.Dialect311, bytes.Repeat([]byte{7}, 32), &preauth, wire.CipherAES256GCM)
	if err != nil {
		t.Fatal(err)
	}
	k.Zero()
	if *k != (SessionKeys{}) {
		t.Errorf("after Zero: %+v", k)
	}
}

func TestIDStrings(t *testing.T) {
	for _, tc := range []struct {
		got, want string
	}{
		{wire.CipherAES128CCM.String(), "AES-128-CCM"},
		{wire.CipherAES128GCM.String(), "AES-128-GCM"},
		{wire.CipherAES256CCM.String(), "AES-256-CCM"},
		{wire.CipherAES256GCM.String(), "AES-256-GCM"},
		{wire.CipherID(0x1234).String(), "cipher 0x1234"},
		{wire.SigningHMACSHA256.String(), "HMAC-SHA256"},
		{wire.SigningAESCMAC.String(), "AES-CMAC"},
		{wire.SigningAESGMAC.String(), "AES-GMAC"},
		{wire.SigningID(7).String(), "signing 0x0007"},
	} {
		if tc.got != tc.want {
			t.Errorf("%q, want %q", tc.got, tc.want)
		}
	}
	for c, n := range map[wire.CipherID]int{wire.CipherAES128CCM: 16, wire.CipherAES128GCM: 16, wire.CipherAES256CCM: 32, wire.CipherAES256GCM: 32, 0: 0, 9: 0} {
		if c.KeySize() != n {
			t.Errorf("%v.KeySize() = %d, want %d", c, c.KeySize(), n)
		}
	}
}
