package crypto

import (
	"fmt"
	"github.com/smb3fs/smb3fs/client/wire"
	"math/rand/v2"
	"testing"
)

// BenchmarkSeal seals 1 MiB from a separate buffer ("1MiB") and in place
// ("1MiB/inplace"), each with exactly the capacity the output needs and with
// 16 bytes to spare ("+16"), which lets the GCM ciphers seal without moving
// the ciphertext.
func BenchmarkSeal(b *testing.B) {
	for _, c := range []wire.CipherID{wire.CipherAES128GCM, wire.CipherAES128CCM, wire.CipherAES256GCM} {
		for _, inPlace := range []bool{false, true} {
			for _, spare := range []int{0, transformTagSize} {
				name := fmt.Sprintf("%v/1MiB", c)
				if inPlace {
					name += "/inplace"
				}
				if spare > 0 {
					name += fmt.Sprintf("+%d", spare)
				}
				b.Run(name, func(b *testing.B) {
					e, _ := newPair(b, c)
					const n = 1 << 20
					dst := make([]byte, 4, 4+TransformHeaderSize+n+spare)
					msg := make([]byte, n)
					if inPlace {
						msg = dst[4+TransformHeaderSize : 4+TransformHeaderSize+n]
					}
					b.SetBytes(n)
					b.ReportAllocs()
					for b.Loop() {
						if _, err := e.Seal(dst[:4], 1, msg); err != nil {
							b.Fatal(err)
						}
					}
				})
			}
		}
	}
}

// BenchmarkOpen opens 1 MiB with exactly the message's capacity ("1MiB")
// and with 16 bytes to spare ("1MiB+16").
func BenchmarkOpen(b *testing.B) {
	for _, c := range []wire.CipherID{wire.CipherAES128GCM, wire.CipherAES128CCM, wire.CipherAES256GCM} {
		for _, spare := range []int{0, transformTagSize} {
			name := fmt.Sprintf("%v/1MiB", c)
			if spare > 0 {
				name += fmt.Sprintf("+%d", spare)
			}
			b.Run(name, func(b *testing.B) {
				e, d := newPair(b, c)
				sealed, _ := e.Seal(nil, 1, make([]byte, 1<<20))
				work := make([]byte, len(sealed), len(sealed)+spare)
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
}

func BenchmarkSign(b *testing.B) {
	msg := testMessage(rand.New(rand.NewPCG(1, 2)), 64<<10, 9, 8, 1)
	for _, alg := range []wire.SigningID{wire.SigningAESGMAC, wire.SigningAESCMAC, wire.SigningHMACSHA256} {
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
	for _, alg := range []wire.SigningID{wire.SigningAESGMAC, wire.SigningAESCMAC, wire.SigningHMACSHA256} {
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
