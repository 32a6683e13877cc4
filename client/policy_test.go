package client

import (
	"errors"
	"strings"
	"testing"

	"github.com/smb3fs/smb3fs/client/smbtest"
	"github.com/smb3fs/smb3fs/client/wire"
)

// TestPolicyValidate: each check of Validate refuses, with ErrRefused and a
// message saying why, a policy that only it catches; the strict default and
// the loosest sensible policies pass.
func TestPolicyValidate(t *testing.T) {
	for _, tc := range []struct {
		name   string
		change func(p *Policy)
		msg    string // "" for a valid policy
	}{
		{"strict", func(p *Policy) {}, ""},
		{"SMB 2 without privacy", func(p *Policy) {
			p.RequirePrivacy, p.MinDialect, p.MaxDialect, p.Ciphers = false, wire.Dialect202, wire.Dialect210, nil
		}, ""},
		{"privacy at 3.0 with AES-128-CCM", func(p *Policy) { p.MinDialect, p.MaxDialect = wire.Dialect300, wire.Dialect300 }, ""},

		{"zero policy", func(p *Policy) { *p = Policy{} }, "unknown dialect"},
		{"unknown MinDialect", func(p *Policy) { p.MinDialect = 0x0301 }, "unknown dialect"},
		{"wildcard MaxDialect", func(p *Policy) { p.MaxDialect = wire.DialectWildcard }, "unknown dialect"},
		{"MinDialect above MaxDialect", func(p *Policy) { p.MaxDialect = wire.Dialect302 }, "no dialect between MinDialect 3.1.1 and MaxDialect 3.0.2"},
		{"unknown cipher", func(p *Policy) { p.Ciphers = append(p.Ciphers, 7) }, "unknown cipher 0x0007"},
		{"CipherNone offered", func(p *Policy) { p.Ciphers = []wire.CipherID{wire.CipherNone} }, "unknown none"},
		{"unknown signing algorithm", func(p *Policy) { p.SigningAlgorithms = []wire.SigningID{3} }, "unknown signing 0x0003"},
		{"privacy with SMB 2 only", func(p *Policy) { p.MinDialect, p.MaxDialect = wire.Dialect202, wire.Dialect210 },
			"privacy needs dialect 3.0 or later, but the highest allowed is 2.1"},
		{"privacy without a cipher", func(p *Policy) { p.Ciphers = nil }, "privacy required but no cipher allowed"},
		{"privacy below 3.1.1 without AES-128-CCM", func(p *Policy) {
			p.MinDialect, p.MaxDialect = wire.Dialect300, wire.Dialect302
			p.Ciphers = []wire.CipherID{wire.CipherAES256GCM, wire.CipherAES128GCM}
		}, "privacy below dialect 3.1.1 needs AES-128-CCM"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := StrictPolicy()
			tc.change(&p)
			err := p.Validate()
			switch {
			case tc.msg == "" && err != nil:
				t.Fatalf("Validate() = %v, want nil", err)
			case tc.msg != "" && (!errors.Is(err, ErrRefused) || !strings.Contains(err.Error(), tc.msg)):
				t.Fatalf("Validate() = %v, want ErrRefused saying %q", err, tc.msg)
			}
		})
	}
}

// TestPolicyAllowsMechanism: Kerberos always passes; anything else needs
// mutual authentication waived and NTLM allowed.
func TestPolicyAllowsMechanism(t *testing.T) {
	krb, ntlm := &smbtest.Mechanism{}, &smbtest.Mechanism{MechName: "ntlmv2"}
	p := StrictPolicy()
	if err := p.allowsMechanism(krb); err != nil {
		t.Errorf("strict policy refused Kerberos: %v", err)
	}
	if err := p.allowsMechanism(ntlm); !errors.Is(err, ErrRefused) || !strings.Contains(err.Error(), "requires mutual authentication") {
		t.Errorf("strict policy: NTLM gave %v", err)
	}
	p.RequireMutualAuth = false
	if err := p.allowsMechanism(ntlm); !errors.Is(err, ErrRefused) || !strings.Contains(err.Error(), "does not allow ntlmv2") {
		t.Errorf("NTLM not allowed: NTLM gave %v", err)
	}
	p.AllowNTLM = true
	if err := p.allowsMechanism(ntlm); err != nil {
		t.Errorf("NTLM allowed: %v", err)
	}
}

// A policy Validate refuses is refused by Dial before any connection.
func TestDialValidatesPolicy(t *testing.T) {
	p := StrictPolicy()
	p.Ciphers = nil
	srv := &smbtest.Server{}
	cl, rec, err := fakeDial(t, srv, p, nil)
	if !errors.Is(err, ErrRefused) || !strings.Contains(err.Error(), "no cipher allowed") || cl != nil {
		t.Fatalf("Dial = %v, want ErrRefused (no cipher)", err)
	}
	if rec != nil || len(srv.Records()) != 0 {
		t.Fatal("Dial connected before refusing the policy")
	}
}

// TestPolicyBoth: each setting of the combination is the stricter one,
// whichever side it comes from, and the combination is symmetric in what
// it allows.
func TestPolicyBoth(t *testing.T) {
	weak := Policy{MinDialect: wire.Dialect210, MaxDialect: wire.Dialect311, AllowNTLM: true,
		Ciphers:           []wire.CipherID{wire.CipherAES128CCM, wire.CipherAES128GCM},
		SigningAlgorithms: []wire.SigningID{wire.SigningHMACSHA256, wire.SigningAESCMAC}}
	strict := StrictPolicy()
	for _, got := range []Policy{weak.Both(strict), strict.Both(weak)} {
		if !got.RequirePrivacy || !got.RequireIntegrity || !got.RequireMutualAuth || got.AllowNTLM ||
			got.MinDialect != wire.Dialect311 || got.MaxDialect != wire.Dialect311 ||
			len(got.Ciphers) != 2 || len(got.SigningAlgorithms) != 1 || got.SigningAlgorithms[0] != wire.SigningAESCMAC {
			t.Errorf("Both = %+v", got)
		}
		if err := got.Validate(); err != nil {
			t.Errorf("Both of two satisfiable policies: %v", err)
		}
	}
	// Mutual authentication on either side excludes NTLM.
	ntlm := weak
	ntlm.RequireMutualAuth = false
	mutual := weak
	mutual.RequireMutualAuth = true
	if ntlm.Both(ntlm).AllowNTLM != true || ntlm.Both(mutual).AllowNTLM {
		t.Error("AllowNTLM not the stricter")
	}
	// Disjoint dialect ranges: unsatisfiable, and Validate says so.
	old := Policy{MinDialect: wire.Dialect202, MaxDialect: wire.Dialect210}
	if both := old.Both(strict); both.Validate() == nil {
		t.Error("a combination no server could meet validates")
	}
	// The combination does not share slices with its inputs.
	b := strict.Both(strict)
	b.Ciphers[0] = wire.CipherAES128CCM
	if strict.Ciphers[0] != wire.CipherAES256GCM {
		t.Error("Both aliases its input")
	}
}
