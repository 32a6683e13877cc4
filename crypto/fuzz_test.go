package crypto

import (
	"bytes"
	"errors"
	"github.com/smb3fs/smb3fs/client/wire"
	"testing"
)

// fuzzKeys are the decryption keys of the published responses in
// openVectors, so that the seed corpus (testdata/fuzz/FuzzOpen, those
// responses and malformed variants) starts from messages that really open.
var fuzzKeys = []struct {
	c   wire.CipherID
	key string
}{
	{wire.CipherAES128GCM, enc311GCM.decryption},
	{wire.CipherAES128CCM, enc311CCM.decryption},
	{wire.CipherAES128CCM, enc30.decryption},
}

// FuzzOpen feeds arbitrary bytes to Open. It must never panic; a failure
// must wrap ErrDecrypt and agree with TransformSessionID; a success must
// return a plaintext that, sealed again under the same key, nonce and
// session, gives back the input exactly.
func FuzzOpen(f *testing.F) {
	for _, v := range openVectors {
		f.Add(unhex(v.sealed))
	}
	type pair struct {
		e *Encryptor
		d *Decryptor
	}
	var pairs []pair
	for _, k := range fuzzKeys {
		e, err := NewEncryptor(k.c, unhex(k.key))
		if err != nil {
			f.Fatal(err)
		}
		d, err := NewDecryptor(k.c, unhex(k.key))
		if err != nil {
			f.Fatal(err)
		}
		pairs = append(pairs, pair{e, d})
	}
	f.Fuzz(func(t *testing.T, msg []byte) {
		wantSID, idErr := TransformSessionID(msg)
		for _, p := range pairs {
			work := bytes.Clone(msg)
			sid, plain, err := p.d.Open(work)
			if err != nil {
				if !errors.Is(err, ErrDecrypt) {
					t.Fatalf("%v: error does not wrap ErrDecrypt: %v", p.d.Cipher(), err)
				}
				if idErr != nil && err != idErr {
					t.Fatalf("%v: Open says %v, TransformSessionID %v", p.d.Cipher(), err, idErr)
				}
				continue
			}
			if idErr != nil || sid != wantSID || len(plain) != len(msg)-TransformHeaderSize {
				t.Fatalf("%v: Open accepted what TransformSessionID rejects (%v) or lost bytes", p.d.Cipher(), idErr)
			}
			resealed, err := p.e.seal(nil, sid, (*[transformNonceSize]byte)(msg[offTransformNonce:]), plain)
			if err != nil || !bytes.Equal(resealed, msg) {
				t.Fatalf("%v: opened message does not reseal to the input", p.d.Cipher())
			}
		}
	})
}

// FuzzTransformSessionID feeds arbitrary bytes to TransformSessionID, which
// must never panic and must accept only well-formed headers.
func FuzzTransformSessionID(f *testing.F) {
	for _, v := range openVectors {
		f.Add(unhex(v.sealed))
	}
	f.Fuzz(func(t *testing.T, msg []byte) {
		_, err := TransformSessionID(msg)
		if err != nil {
			if !errors.Is(err, ErrDecrypt) {
				t.Fatalf("error does not wrap ErrDecrypt: %v", err)
			}
			return
		}
		if len(msg) < TransformHeaderSize || msg[0] != 0xFD || string(msg[1:4]) != "SMB" ||
			msg[offTransformFlags] != 1 || msg[offTransformFlags+1] != 0 {
			t.Fatalf("accepted a malformed header %X", msg[:min(len(msg), TransformHeaderSize)])
		}
	})
}
