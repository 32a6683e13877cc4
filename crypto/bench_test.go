package crypto

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

func BenchmarkSeal(b *testing.B) {
	for _, c := range []CipherID{AES128GCM, AES128CCM, AES256GCM} {
		b.Run(fmt.Sprintf("%v/1MiB", c), func(b *testing.B) {
			e, _ := newPair(b, c)
			msg := make([]byte, 1<<20)
			dst := make([]byte, 4, 4+TransformHeaderSize+len(msg))
			b.SetBytes(int64(len(msg)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := e.Seal(dst[:4], 1, msg); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkOpen(b *testing.B) {
	for _, c := range []CipherID{AES128GCM, AES128CCM, AES256GCM} {
		b.Run(fmt.Sprintf("%v/1MiB", c), func(b *testing.B) {
			e, d := newPair(b, c)
			sealed, _ := e.Seal(nil, 1, make([]byte, 1<<20))
			work := make([]byte, len(sealed))
			b.SetBytes(1 << 20)
			b.ReportAllocs()
			for b.Loop() {
				copy(work, sealed) // Open works in place
				if _, _, err := d.Open(work); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkSign(b *testing.B) {
	msg := testMessage(rand.New(rand.NewPCG(1, 2)), 64<<10, 9, 8, 1)
	for _, alg := range []SigningID{AESGMAC, AESCMAC, HMACSHA256} {
		s, _ := NewSigner(alg, make([]byte, 16))
		b.Run(fmt.Sprintf("%v/64KiB", alg), func(b *testing.B) {
			b.SetBytes(int64(len(msg)))
			b.ReportAllocs()
			for b.Loop() {
				s.Sign(msg)
			}
		})
	}
}

func BenchmarkVerify(b *testing.B) {
	msg := testMessage(rand.New(rand.NewPCG(1, 2)), 64<<10, 9, 8, 1)
	for _, alg := range []SigningID{AESGMAC, AESCMAC, HMACSHA256} {
		s, _ := NewSigner(alg, make([]byte, 16))
		s.Sign(msg)
		b.Run(fmt.Sprintf("%v/64KiB", alg), func(b *testing.B) {
			b.SetBytes(int64(len(msg)))
			b.ReportAllocs()
			for b.Loop() {
				if err := s.Verify(msg); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
