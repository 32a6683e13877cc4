package client_test

import (
	"testing"

	"github.com/smb3fs/smb3fs/client"
	"github.com/smb3fs/smb3fs/client/wire"
	"github.com/smb3fs/smb3fs/internal/testenv"
)

// Older dialects are only reached where a rule loosens the policy for them.
// These sessions run against the legacy server (max SMB 3.0.0) with NTLMv2,
// which that rule must also allow; they exercise the 3.0 key derivation,
// AES-128-CCM, AES-CMAC, VALIDATE_NEGOTIATE_INFO and, for 2.1,
// HMAC-SHA256 signing.
func TestLiveLegacyDialectsWhereAllowed(t *testing.T) {
	env := testenv.Env(t)
	alice := env.User(t, "alice")
	cases := []struct {
		name      string
		min, max  wire.Dialect
		privacy   bool
		dialect   wire.Dialect
		cipher    wire.CipherID
		signing   wire.SigningID
		encrypted bool
	}{
		{"3.0.0 encrypted", wire.Dialect300, wire.Dialect311, true, wire.Dialect300, wire.CipherAES128CCM, wire.SigningAESCMAC, true},
		{"2.1 signed", wire.Dialect210, wire.Dialect210, false, wire.Dialect210, 0, wire.SigningHMACSHA256, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := client.StrictPolicy()
			p.MinDialect, p.MaxDialect = tc.min, tc.max
			p.RequirePrivacy = tc.privacy
			p.RequireMutualAuth = false
			p.AllowNTLM = true
			m := ntlmFor(env, env.Legacy, "alice", alice.Password)
			cl, err := dial(t, env, env.Legacy, p, m)
			if err != nil {
				t.Fatalf("Dial: %v", err)
			}
			defer cl.Close()
			info := cl.Info()
			if info.Dialect != tc.dialect || info.Cipher != tc.cipher || info.SigningAlgorithm != tc.signing || info.Encrypted != tc.encrypted {
				t.Fatalf("negotiated %+v", info)
			}
			tr := connect(t, cl, env.Shares.Legacy) // 3.0: runs VALIDATE_NEGOTIATE_INFO
			if tr.Encrypted() != tc.encrypted {
				t.Fatalf("tree encrypted = %v, want %v", tr.Encrypted(), tc.encrypted)
			}
			roundTripSmall(t, env, tr, env.Shares.Legacy)
		})
	}
}
