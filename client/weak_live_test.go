package client_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/smb3fs/smb3fs/client"
	"github.com/smb3fs/smb3fs/client/wire"
	"github.com/smb3fs/smb3fs/internal/testenv"
)

// The weak server (max SMB 2.1, no encryption, guest access) is refused at
// NEGOTIATE under the strict default (TestLiveRefusals). These cases show
// what a rule loosened for it can and cannot do.
func TestLiveWeakServerUnderLoosenedRules(t *testing.T) {
	env := testenv.Env(t)
	alice := env.User(t, "alice")
	loosened := func(privacy bool) client.Policy {
		p := client.StrictPolicy()
		p.MinDialect, p.MaxDialect = wire.Dialect202, wire.Dialect311
		p.RequirePrivacy, p.RequireMutualAuth, p.AllowNTLM = privacy, false, true
		return p
	}
	t.Run("privacy still required: no cipher at 2.1", func(t *testing.T) {
		cl, err := dial(t, env, env.Weak, loosened(true), ntlmFor(env, env.Weak, "alice", alice.Password))
		if err == nil {
			cl.Close()
			t.Fatal("session established without encryption while privacy is required")
		}
		if !errors.Is(err, client.ErrRefused) || !strings.Contains(err.Error(), "privacy") {
			t.Fatalf("unexpected error: %v", err)
		}
		t.Logf("refused: %v", err)
	})
	t.Run("unknown user: Samba offers a guest session", func(t *testing.T) {
		cl, err := dial(t, env, env.Weak, loosened(false), ntlmFor(env, env.Weak, "nosuchuser", "whatever"))
		if err == nil {
			cl.Close()
			t.Fatal("guest session accepted")
		}
		if !errors.Is(err, client.ErrRefused) || !strings.Contains(err.Error(), "guest") {
			t.Fatalf("unexpected error: %v", err)
		}
		t.Logf("refused: %v", err)
	})
	t.Run("privacy waived: 2.1, signed and verified", func(t *testing.T) {
		cl, err := dial(t, env, env.Weak, loosened(false), ntlmFor(env, env.Weak, "alice", alice.Password))
		if err != nil {
			t.Fatalf("Dial: %v", err)
		}
		defer cl.Close()
		info := cl.Info()
		if info.Dialect != wire.Dialect210 || info.Cipher != 0 || info.Encrypted || info.SigningAlgorithm != wire.SigningHMACSHA256 {
			t.Fatalf("negotiated %+v", info)
		}
		roundTripSmall(t, env, connect(t, cl, env.Shares.Weak), env.Shares.Weak)
	})
}
