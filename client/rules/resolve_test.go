package rules

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/smb3fs/smb3fs/auth"
	"github.com/smb3fs/smb3fs/client"
	"github.com/smb3fs/smb3fs/client/wire"
)

func mustParse(t *testing.T, src string) *Rules {
	t.Helper()
	r, err := Parse("test.conf", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// precedenceFile has all four pattern kinds, some in forward-slash form and
// odd case.
const precedenceFile = `
[\\*\*]
MinDialect = 3.0.2
[//*/Data]
MinDialect = 3.0
[\\SRV\*]
RequirePrivacy = 0
[//srv/data]
RequireIntegrity = 0
[\\srv\other]
[\\Ärger\*]
[\\*\kelvin]
`

func TestPrecedence(t *testing.T) {
	r, err := Parse("p.conf", []byte(precedenceFile))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		server, share, want string
	}{
		{"srv", "data", `\\srv\data`},
		{"SRV", "DATA", `\\srv\data`},
		{"Srv", "dAtA", `\\srv\data`},
		{"srv", "other", `\\srv\other`},
		{"srv", "OTHER", `\\srv\other`},
		{"srv", "x", `\\SRV\*`},
		{"srv", "data2", `\\SRV\*`},
		{"srv", "ipc$", `\\SRV\*`},
		{"sRv", "anything", `\\SRV\*`},
		{"srv2", "data", `\\*\Data`},
		{"other", "DATA", `\\*\Data`},
		{"srv.example.com", "data", `\\*\Data`}, // no DNS: another name, another rule
		{"srv.", "x", `\\SRV\*`},                // a trailing dot names the same host
		{"srv..", "x", `\\*\*`},
		{"other", "other", `\\*\*`},
		{"10.0.0.1", "share", `\\*\*`},
		{"fe80::1", "share", `\\*\*`},
		{"Ärger", "x", `\\Ärger\*`},
		{"ÄRGER", "data", `\\Ärger\*`}, // server beats share
		{"ärger", "x", `\\*\*`},        // only ASCII letters fold: another name
		{"x", "\u212aELVIN", `\\*\*`},  // KELVIN SIGN is not K
		{"x", "KELVIN", `\\*\kelvin`},
		{"na\u017f", "x", `\\*\*`}, // LONG S is not s
	}
	for _, tc := range tests {
		_, m, err := r.Resolve(tc.server, tc.share, Request{})
		if err != nil {
			t.Errorf("Resolve(%q, %q): %v", tc.server, tc.share, err)
			continue
		}
		if m.Pattern != tc.want || m.File != "p.conf" {
			t.Errorf("Resolve(%q, %q) matched %v, want %s", tc.server, tc.share, m, tc.want)
		}
	}

	// Without \\*\*, unmatched names fall to the built-in default, and
	// without \\server\* a share rule applies.
	r2 := mustParse(t, "[\\\\srv\\data]\nRequireIntegrity = 0\n[\\\\*\\data]\nMinDialect = 3.0\n")
	for _, tc := range []struct{ server, share, want string }{
		{"srv", "data", `\\srv\data`},
		{"srv", "other", ""},
		{"x", "data", `\\*\data`},
		{"x", "y", ""},
	} {
		p, m, err := r2.Resolve(tc.server, tc.share, Request{})
		if err != nil {
			t.Fatal(err)
		}
		if m.Pattern != tc.want {
			t.Errorf("Resolve(%q, %q) matched %v, want %q", tc.server, tc.share, m, tc.want)
		}
		if tc.want == "" && (!m.IsDefault() || !reflect.DeepEqual(p, client.StrictPolicy())) {
			t.Errorf("Resolve(%q, %q) = %v, %+v; want the strict default", tc.server, tc.share, m, p)
		}
	}
}

func TestNilAndStrictRules(t *testing.T) {
	for _, r := range []*Rules{nil, Strict(), mustParse(t, "# nothing\n")} {
		p, m, err := r.Resolve("srv", "share", Request{})
		if err != nil {
			t.Fatal(err)
		}
		if !m.IsDefault() || m.String() != "built-in strict default" {
			t.Errorf("match = %v, want the built-in default", m)
		}
		if !reflect.DeepEqual(p, client.StrictPolicy()) {
			t.Errorf("policy = %+v, want StrictPolicy", p)
		}
	}
}

func TestBadNames(t *testing.T) {
	r := mustParse(t, "[\\\\*\\*]\nRequirePrivacy = 0\n")
	for _, n := range [][2]string{
		{"", "share"}, {"srv", ""}, {"*", "share"}, {"srv", "*"}, {"s?v", "share"},
		{`a\b`, "share"}, {"srv", "a/b"}, {" srv", "share"}, {"srv", "share "},
		{"s\x00rv", "share"}, {"s\xffrv", "share"},
	} {
		_, m, err := r.Resolve(n[0], n[1], Request{})
		if !errors.Is(err, ErrInvalidRequest) {
			t.Errorf("Resolve(%q, %q) = %v, want ErrInvalidRequest", n[0], n[1], err)
		}
		if !m.IsDefault() {
			t.Errorf("Resolve(%q, %q) matched %v on error", n[0], n[1], m)
		}
	}
}

// TestInheritance: a setting a section does not name comes from the
// \\*\* section, the administrator's baseline, and never from another
// section (\\*\share does not reach into \\srv\*); a section that
// requires mutual authentication does not inherit AllowNTLM.
func TestInheritance(t *testing.T) {
	src := `
[\\*\*]
RequirePrivacy = 0
RequireIntegrity = 0
RequireMutualAuthentication = 0
AllowNTLM = 1
MinDialect = 2.0.2
Ciphers = AES-128-CCM
SigningAlgorithms = HMAC-SHA256

[\\srv\*]
MinDialect = 3.0.2

[\\*\share]
Ciphers = AES-256-GCM

[\\kdc\*]
RequireMutualAuthentication = 1
`
	r := mustParse(t, src)
	base := client.StrictPolicy()
	base.RequirePrivacy, base.RequireIntegrity, base.RequireMutualAuth, base.AllowNTLM = false, false, false, true
	base.MinDialect = wire.Dialect202
	base.Ciphers = []wire.CipherID{wire.CipherAES128CCM}
	base.SigningAlgorithms = []wire.SigningID{wire.SigningHMACSHA256}
	srv := clonePolicy(base)
	srv.MinDialect = wire.Dialect302
	share := clonePolicy(base)
	share.Ciphers = []wire.CipherID{wire.CipherAES256GCM}
	kdc := clonePolicy(base)
	kdc.RequireMutualAuth, kdc.AllowNTLM = true, false
	for _, tc := range []struct {
		server, share string
		want          client.Policy
	}{
		{"srv", "x", srv},
		{"srv", "share", srv}, // \\srv\* wins; nothing of \\*\share
		{"other", "share", share},
		{"other", "x", base},
		{"kdc", "x", kdc},
	} {
		p, _, err := r.Resolve(tc.server, tc.share, Request{})
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(p, tc.want) {
			t.Errorf("Resolve(%q, %q):\n got %s\nwant %s", tc.server, tc.share, Describe(p), Describe(tc.want))
		}
	}
	// Without a baseline, unnamed settings are the strict default's.
	r = mustParse(t, "[\\\\srv\\*]\nMinDialect = 3.0.2\n")
	want := client.StrictPolicy()
	want.MinDialect = wire.Dialect302
	if p, _, _ := r.Resolve("srv", "x", Request{}); !reflect.DeepEqual(p, want) {
		t.Errorf("no baseline: got %s, want %s", Describe(p), Describe(want))
	}
	if ru, _ := r.Lookup("srv", "x"); !ru.Source("RequirePrivacy").IsDefault() || ru.Source("MinDialect").Pattern != `\\srv\*` {
		t.Errorf("sources: RequirePrivacy from %v, MinDialect from %v", ru.Source("RequirePrivacy"), ru.Source("MinDialect"))
	}
}

// TestOnlyListedServers: with OnlyListedServers = yes in \\*\*, a server
// no section names is refused, whatever its share; a named one gets its
// rule; the setting is refused anywhere else.
func TestOnlyListedServers(t *testing.T) {
	r := mustParse(t, "[\\\\*\\*]\nOnlyListedServers = yes\n[\\\\dc1.example.com\\*]\n[\\\\old\\data]\nMinDialect = 3.0.2\n[\\\\*\\public]\n")
	if !r.OnlyListed() {
		t.Fatal("OnlyListed() = false")
	}
	for _, tc := range []struct {
		server, share string
		ok            bool
	}{
		{"dc1.example.com", "x", true},
		{"DC1.example.com.", "x", true},
		{"old", "data", true},
		{"old", "other", true}, // named by \\old\data: \\*\* applies to its other shares
		{"nas.elsewhere", "x", false},
		{"nas.elsewhere", "public", false}, // a share rule does not list a server
		{"dc1", "x", false},                // a short name is another name
		{"10.0.0.1", "x", false},
	} {
		_, m, err := r.Resolve(tc.server, tc.share, Request{})
		if tc.ok && err != nil {
			t.Errorf("%s\\%s: %v", tc.server, tc.share, err)
		}
		if !tc.ok && (!errors.Is(err, ErrNotListed) || !errors.Is(err, client.ErrRefused) || m.Pattern != `\\*\*` ||
			!strings.Contains(err.Error(), tc.server+" is named by no section") || !strings.Contains(err.Error(), "OnlyListedServers")) {
			t.Errorf("%s\\%s: err %v, match %v; want a refusal naming the server and the baseline", tc.server, tc.share, err, m)
		}
	}
	for _, bad := range []string{
		"[\\\\srv\\*]\nOnlyListedServers = yes\n",
		"[\\\\*\\*]\nOnlyListedServers = maybe\n",
	} {
		if _, err := Parse("x.conf", []byte(bad)); err == nil {
			t.Errorf("Parse(%q) accepted", bad)
		}
	}
	if mustParse(t, "[\\\\*\\*]\nOnlyListedServers = no\n").OnlyListed() {
		t.Error("OnlyListedServers = no lists")
	}
}

// TestResolveCopies: the caller may not change the rules through the
// returned policy.
func TestResolveCopies(t *testing.T) {
	r := mustParse(t, "[\\\\*\\*]\nCiphers = AES-256-GCM, AES-128-GCM\n")
	p, _, _ := r.Resolve("a", "b", Request{})
	p.Ciphers[0] = wire.CipherAES128CCM
	p.SigningAlgorithms[0] = wire.SigningHMACSHA256
	l := r.List()
	l[0].Policy.Ciphers[0] = wire.CipherAES128CCM
	p2, _, _ := r.Resolve("a", "b", Request{Ciphers: []wire.CipherID{wire.CipherAES128GCM}})
	p2.Ciphers[0] = wire.CipherAES128CCM
	q, _, _ := r.Resolve("a", "b", Request{})
	if q.Ciphers[0] != wire.CipherAES256GCM || q.Ciphers[1] != wire.CipherAES128GCM || q.SigningAlgorithms[0] != wire.SigningAESGMAC {
		t.Errorf("rules changed through a returned policy: %s", Describe(q))
	}
}

// rulesFile for the tighten/loosen matrix: \\loose\* loosens everything,
// \\old\* caps the dialect, \\nokrb\* drops mutual auth but keeps NTLM out,
// \\smb2\* allows only SMB 2 and so no privacy; everything else gets the
// strict default.
const rulesFile = `
[\\loose\*]
RequirePrivacy = 0
RequireIntegrity = 0
RequireMutualAuthentication = 0
AllowNTLM = 1
MinDialect = 3.0
Ciphers = AES-128-GCM, AES-128-CCM
SigningAlgorithms = AES-CMAC, HMAC-SHA256

[\\old\*]
MinDialect = 3.0
MaxDialect = 3.0.2

[\\nokrb\*]
RequireMutualAuthentication = 0

[\\smb2\*]
RequirePrivacy = 0
MinDialect = 2.0.2
MaxDialect = 2.1
`

func TestTighten(t *testing.T) {
	r := mustParse(t, rulesFile)
	yes, no := true, false
	d := func(d wire.Dialect) *wire.Dialect { return &d }
	loose := r.mustRule(t, "loose")
	tests := []struct {
		name   string
		server string
		req    Request
		change func(p *client.Policy)
	}{
		{"nothing", "loose", Request{}, func(p *client.Policy) {}},
		{"seal", "loose", Request{RequirePrivacy: &yes}, func(p *client.Policy) { p.RequirePrivacy = true }},
		{"seal=false where not required", "loose", Request{RequirePrivacy: &no}, func(p *client.Policy) {}},
		{"seal where required", "strict", Request{RequirePrivacy: &yes}, nil},
		{"sign", "loose", Request{RequireIntegrity: &yes}, func(p *client.Policy) { p.RequireIntegrity = true }},
		{"sign=false where not required", "loose", Request{RequireIntegrity: &no}, func(p *client.Policy) {}},
		{"vers=3.1.1", "loose", Request{MinDialect: d(wire.Dialect311)}, func(p *client.Policy) { p.MinDialect = wire.Dialect311 }},
		{"vers=3.0.2", "loose", Request{MinDialect: d(wire.Dialect302)}, func(p *client.Policy) { p.MinDialect = wire.Dialect302 }},
		{"vers=3.0 (same)", "loose", Request{MinDialect: d(wire.Dialect300)}, func(p *client.Policy) {}},
		{"exact vers=3.0.2", "loose", Request{MinDialect: d(wire.Dialect302), MaxDialect: d(wire.Dialect302)}, func(p *client.Policy) {
			p.MinDialect, p.MaxDialect = wire.Dialect302, wire.Dialect302
		}},
		{"maxvers=3.0", "old", Request{MaxDialect: d(wire.Dialect300)}, func(p *client.Policy) { p.MaxDialect = wire.Dialect300 }},
		{"vers=3.1.1 on strict", "strict", Request{MinDialect: d(wire.Dialect311), MaxDialect: d(wire.Dialect311)}, nil},
		{"ciphers subset", "loose", Request{Ciphers: []wire.CipherID{wire.CipherAES128CCM}}, func(p *client.Policy) {
			p.Ciphers = []wire.CipherID{wire.CipherAES128CCM}
		}},
		{"ciphers reordered", "loose", Request{Ciphers: []wire.CipherID{wire.CipherAES128CCM, wire.CipherAES128GCM}}, func(p *client.Policy) {
			p.Ciphers = []wire.CipherID{wire.CipherAES128CCM, wire.CipherAES128GCM}
		}},
		{"ciphers on strict", "strict", Request{Ciphers: []wire.CipherID{wire.CipherAES256GCM}}, func(p *client.Policy) {
			p.Ciphers = []wire.CipherID{wire.CipherAES256GCM}
		}},
		{"signing subset", "loose", Request{SigningAlgorithms: []wire.SigningID{wire.SigningHMACSHA256}}, func(p *client.Policy) {
			p.SigningAlgorithms = []wire.SigningID{wire.SigningHMACSHA256}
		}},
		{"sec=krb5", "loose", Request{Sec: mustSec("krb5")}, func(p *client.Policy) { p.RequireMutualAuth, p.AllowNTLM = true, false }},
		{"sec=krb5i", "loose", Request{Sec: mustSec("krb5i")}, func(p *client.Policy) {
			p.RequireMutualAuth, p.AllowNTLM, p.RequireIntegrity = true, false, true
		}},
		{"sec=krb5 on strict", "strict", Request{Sec: mustSec("krb5")}, nil},
		{"sec=ntlmssp", "loose", Request{Sec: mustSec("ntlmssp")}, func(p *client.Policy) {}},
		{"sec=ntlmsspi", "loose", Request{Sec: mustSec("ntlmsspi")}, func(p *client.Policy) { p.RequireIntegrity = true }},
		{"sign=false with krb5i: tighter wins", "loose", Request{RequireIntegrity: &no, Sec: mustSec("krb5i")}, func(p *client.Policy) {
			p.RequireMutualAuth, p.AllowNTLM, p.RequireIntegrity = true, false, true
		}},
		{"everything", "loose", Request{
			RequirePrivacy: &yes, RequireIntegrity: &yes, MinDialect: d(wire.Dialect311), MaxDialect: d(wire.Dialect311),
			Ciphers: []wire.CipherID{wire.CipherAES128GCM}, SigningAlgorithms: []wire.SigningID{wire.SigningAESCMAC}, Sec: mustSec("krb5"),
		}, func(p *client.Policy) {
			*p = client.Policy{
				RequirePrivacy: true, RequireIntegrity: true, RequireMutualAuth: true,
				MinDialect: wire.Dialect311, MaxDialect: wire.Dialect311,
				Ciphers: []wire.CipherID{wire.CipherAES128GCM}, SigningAlgorithms: []wire.SigningID{wire.SigningAESCMAC},
			}
		}},
	}
	for _, tc := range tests {
		base := client.StrictPolicy()
		if tc.server == "loose" {
			base = loose
		} else if tc.server == "old" {
			base = r.mustRule(t, "old")
		}
		want := clonePolicy(base)
		if tc.change != nil {
			tc.change(&want)
		}
		got, _, err := r.Resolve(tc.server, "share", tc.req)
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s:\n got %s\nwant %s", tc.name, Describe(got), Describe(want))
		}
	}
}

func (r *Rules) mustRule(t *testing.T, server string) client.Policy {
	t.Helper()
	ru, err := r.Lookup(server, "share")
	if err != nil {
		t.Fatal(err)
	}
	return ru.Policy
}

func TestLoosen(t *testing.T) {
	r := mustParse(t, rulesFile)
	no := false
	d := func(d wire.Dialect) *wire.Dialect { return &d }
	tests := []struct {
		name, server string
		req          Request
		msg          string
	}{
		{"seal=false", "strict", Request{RequirePrivacy: &no},
			`rules: the built-in strict default requires privacy; seal=false would loosen it`},
		{"sign=false", "old", Request{RequireIntegrity: &no},
			`rules: rule \\old\* requires integrity; sign=false would loosen it`},
		{"vers=3.0 on strict", "strict", Request{MinDialect: d(wire.Dialect300)},
			`rules: the built-in strict default requires dialect >= 3.1.1; vers=3.0.0 would loosen it`},
		{"vers=2.1 on loose", "loose", Request{MinDialect: d(wire.Dialect210)},
			`rules: rule \\loose\* requires dialect >= 3.0.0; vers=2.1 would loosen it`},
		{"maxvers=3.1.1 on old", "old", Request{MaxDialect: d(wire.Dialect311)},
			`rules: rule \\old\* allows only dialect <= 3.0.2; maxvers=3.1.1 would loosen it`},
		{"cipher not allowed", "loose", Request{Ciphers: []wire.CipherID{wire.CipherAES128GCM, wire.CipherAES256GCM}},
			`rules: rule \\loose\* allows only ciphers AES-128-GCM,AES-128-CCM; ciphers=AES-128-GCM,AES-256-GCM would loosen it`},
		{"unknown cipher", "strict", Request{Ciphers: []wire.CipherID{7}},
			`rules: the built-in strict default allows only ciphers AES-256-GCM,AES-128-GCM,AES-256-CCM,AES-128-CCM; ciphers=cipher 0x0007 would loosen it`},
		{"signing not allowed", "strict", Request{SigningAlgorithms: []wire.SigningID{wire.SigningHMACSHA256}},
			`rules: the built-in strict default allows only signing AES-GMAC,AES-CMAC; signing=HMAC-SHA256 would loosen it`},
		{"signing not allowed on loose", "loose", Request{SigningAlgorithms: []wire.SigningID{wire.SigningAESGMAC}},
			`rules: rule \\loose\* allows only signing AES-CMAC,HMAC-SHA256; signing=AES-GMAC would loosen it`},
		{"sec=ntlmssp on strict", "strict", Request{Sec: mustSec("ntlmssp")},
			`rules: the built-in strict default requires mutual authentication; sec=ntlmssp would loosen it`},
		{"sec=ntlmsspi where NTLM is not allowed", "nokrb", Request{Sec: mustSec("ntlmsspi")},
			`rules: rule \\nokrb\* does not allow NTLM; sec=ntlmsspi would loosen it`},
	}
	for _, tc := range tests {
		p, m, err := r.Resolve(tc.server, "share", tc.req)
		if err == nil {
			t.Errorf("%s: allowed (%s), want refusal", tc.name, Describe(p))
			continue
		}
		if err.Error() != tc.msg {
			t.Errorf("%s:\n got %q\nwant %q", tc.name, err, tc.msg)
		}
		var le *LoosenError
		if !errors.Is(err, ErrLoosens) || !errors.As(err, &le) {
			t.Errorf("%s: %v is not a LoosenError wrapping ErrLoosens", tc.name, err)
		} else if le.Rule != m {
			t.Errorf("%s: error names %v, Resolve returned %v", tc.name, le.Rule, m)
		}
		if !reflect.DeepEqual(p, client.Policy{}) {
			t.Errorf("%s: policy %+v returned with the error", tc.name, p)
		}
		if tc.server != "strict" && (m.Pattern != `\\`+tc.server+`\*` || m.File != "test.conf") {
			t.Errorf("%s: match %v", tc.name, m)
		}
	}
}

func TestUnsatisfiableAndInvalid(t *testing.T) {
	r := mustParse(t, rulesFile)
	yes := true
	d := func(d wire.Dialect) *wire.Dialect { return &d }
	tests := []struct {
		name, server string
		req          Request
		want         error
		msg          string
	}{
		{"vers=3.1.1 above the rule's max", "old", Request{MinDialect: d(wire.Dialect311)}, ErrUnsatisfiable, "no dialect between"},
		{"vers above maxvers", "loose", Request{MinDialect: d(wire.Dialect311), MaxDialect: d(wire.Dialect302)}, ErrUnsatisfiable, "no dialect between"},
		{"seal with 3.0.2 and GCM only", "loose", Request{RequirePrivacy: &yes, MaxDialect: d(wire.Dialect302), Ciphers: []wire.CipherID{wire.CipherAES128GCM}}, ErrUnsatisfiable, "needs AES-128-CCM"},
		{"unknown sec mechanism", "loose", Request{Sec: Sec{Mechanism: "ntlm"}}, ErrInvalidRequest, `unknown sec mechanism "ntlm"`},
		{"sec mechanism none", "loose", Request{Sec: Sec{Mechanism: "none", Integrity: true}}, ErrInvalidRequest, "unknown sec mechanism"},
		{"sec=krb5p where the rule allows only SMB 2", "smb2", Request{Sec: mustSec("krb5p")}, ErrUnsatisfiable, "privacy needs dialect 3.0 or later"},
		{"wildcard dialect", "loose", Request{MinDialect: d(wire.DialectWildcard)}, ErrInvalidRequest, "vers=2.??? is not a dialect"},
		{"unknown max dialect", "loose", Request{MaxDialect: d(0x0312)}, ErrInvalidRequest, "maxvers=0x0312 is not a dialect"},
		{"cipher twice", "loose", Request{Ciphers: []wire.CipherID{wire.CipherAES128GCM, wire.CipherAES128GCM}}, ErrInvalidRequest, "ciphers= lists AES-128-GCM twice"},
		{"signing twice", "loose", Request{SigningAlgorithms: []wire.SigningID{wire.SigningAESCMAC, wire.SigningAESCMAC}}, ErrInvalidRequest, "signing= lists AES-CMAC twice"},
	}
	for _, tc := range tests {
		_, m, err := r.Resolve(tc.server, "share", tc.req)
		if !errors.Is(err, tc.want) || !strings.Contains(fmtErr(err), tc.msg) || !strings.HasPrefix(fmtErr(err), "rules: ") {
			t.Errorf("%s: err = %v, want %v containing %q", tc.name, err, tc.want, tc.msg)
		}
		if errors.Is(err, ErrLoosens) {
			t.Errorf("%s: %v should not be a loosening", tc.name, err)
		}
		if m.Pattern != `\\`+tc.server+`\*` {
			t.Errorf("%s: match %v", tc.name, m)
		}
	}
}

func fmtErr(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

func TestMatchString(t *testing.T) {
	r := mustParse(t, "\n[//OldNas/*]\n")
	_, m, err := r.Resolve("oldnas", "x", Request{})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := m.String(), `\\OldNas\* (test.conf:2)`; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
	if m.IsDefault() {
		t.Error("IsDefault() on a file rule")
	}
	if got := (Match{}).String(); got != "built-in strict default" {
		t.Errorf("zero Match String() = %q", got)
	}
}

func TestDescribe(t *testing.T) {
	p := client.StrictPolicy()
	p.Ciphers = []wire.CipherID{wire.CipherAES256GCM, wire.CipherAES128GCM}
	if got, want := Describe(p), "privacy+integrity+mutual, dialect 3.1.1, ciphers AES-256-GCM,AES-128-GCM, signing AES-GMAC,AES-CMAC, ntlm=no"; got != want {
		t.Errorf("Describe(strict) =\n %q\nwant %q", got, want)
	}
	q := client.Policy{
		RequireIntegrity: true,
		MinDialect:       wire.Dialect302, MaxDialect: wire.Dialect311,
		AllowNTLM: true,
	}
	if got, want := Describe(q), "integrity, dialect 3.0.2-3.1.1, ciphers none, signing none, ntlm=yes"; got != want {
		t.Errorf("Describe =\n %q\nwant %q", got, want)
	}
	if got, want := Describe(client.Policy{MinDialect: wire.Dialect202, MaxDialect: wire.Dialect202}), "none, dialect 2.0.2, ciphers none, signing none, ntlm=no"; got != want {
		t.Errorf("Describe =\n %q\nwant %q", got, want)
	}
}

// TestParseSec: every mount.cifs spelling smb3fs supports, and nothing else.
func TestParseSec(t *testing.T) {
	for s, want := range map[string]Sec{
		"krb5":     {Mechanism: auth.Kerberos},
		"krb5i":    {Mechanism: auth.Kerberos, Integrity: true},
		"krb5p":    {Mechanism: auth.Kerberos, Integrity: true, Privacy: true},
		"ntlmssp":  {Mechanism: auth.NTLMv2},
		"ntlmv2":   {Mechanism: auth.NTLMv2},
		"ntlmsspi": {Mechanism: auth.NTLMv2, Integrity: true},
		"ntlmv2i":  {Mechanism: auth.NTLMv2, Integrity: true},
	} {
		if got, err := ParseSec(s); err != nil || got != want {
			t.Errorf("ParseSec(%q) = %+v, %v; want %+v", s, got, err, want)
		}
	}
	for _, s := range []string{"", "none", "ntlm", "ntlmi", "KRB5", "krb5 ", "ntlmsspp"} {
		if got, err := ParseSec(s); !errors.Is(err, ErrInvalidRequest) || !strings.Contains(err.Error(), "unknown sec=") {
			t.Errorf("ParseSec(%q) = %+v, %v; want ErrInvalidRequest", s, got, err)
		}
	}
}

// TestSecSuffixesTighten: krb5p asks for privacy where the rule does not
// require it, krb5i for integrity.
func TestSecSuffixesTighten(t *testing.T) {
	r := mustParse(t, rulesFile)
	p, _, err := r.Resolve("loose", "share", Request{Sec: mustSec("krb5p")})
	if err != nil || !p.RequirePrivacy || !p.RequireIntegrity || !p.RequireMutualAuth || p.AllowNTLM {
		t.Errorf("krb5p on loose: %s, %v", Describe(p), err)
	}
	p, _, err = r.Resolve("loose", "share", Request{Sec: mustSec("ntlmv2i")})
	if err != nil || p.RequirePrivacy || !p.RequireIntegrity || !p.AllowNTLM {
		t.Errorf("ntlmv2i on loose: %s, %v", Describe(p), err)
	}
}

// TestParseAlgorithmLists: the exported list parsers read what the
// hardening file and `smb3fs check` accept.
func TestParseAlgorithmLists(t *testing.T) {
	cs, err := ParseCiphers("aes-256-gcm, AES-128-CCM")
	if err != nil || !reflect.DeepEqual(cs, []wire.CipherID{wire.CipherAES256GCM, wire.CipherAES128CCM}) {
		t.Errorf("ParseCiphers = %v, %v", cs, err)
	}
	ss, err := ParseSigningAlgorithms("AES-GMAC,hmac-sha256")
	if err != nil || !reflect.DeepEqual(ss, []wire.SigningID{wire.SigningAESGMAC, wire.SigningHMACSHA256}) {
		t.Errorf("ParseSigningAlgorithms = %v, %v", ss, err)
	}
	for _, bad := range []string{"", "AES-512-GCM", "AES-128-GCM,AES-128-GCM", "none"} {
		if _, err := ParseCiphers(bad); err == nil {
			t.Errorf("ParseCiphers(%q) accepted", bad)
		}
	}
	if _, err := ParseSigningAlgorithms("AES-CMAC,"); err == nil {
		t.Error("ParseSigningAlgorithms accepted an empty name")
	}
}

// mustSec is ParseSec for values the test knows to be valid.
func mustSec(s string) Sec {
	sec, err := ParseSec(s)
	if err != nil {
		panic(err)
	}
	return sec
}

// Sec prints as refusals name it, the canonical spelling.
func TestSecString(t *testing.T) {
	for in, want := range map[string]string{"krb5": "krb5", "krb5i": "krb5i", "krb5p": "krb5p",
		"ntlmssp": "ntlmssp", "ntlmv2": "ntlmssp", "ntlmsspi": "ntlmsspi", "ntlmv2i": "ntlmsspi"} {
		if got := mustSec(in).String(); got != want {
			t.Errorf("ParseSec(%q).String() = %q, want %q", in, got, want)
		}
	}
	if (Sec{}).String() != "" {
		t.Error("the zero Sec prints")
	}
}

// TestNameWarning: naming a server by address or short name, while rules
// name it in full, draws a warning naming the rule that will not apply.
func TestNameWarning(t *testing.T) {
	r := mustParse(t, "[\\\\*\\*]\nRequirePrivacy = 1\n[\\\\nas.example.com\\*]\nMinDialect = 3.0.2\n[\\\\*\\public]\n")
	for _, tc := range []struct{ server, want string }{
		{"nas", `nas is a short name; rule \\nas.example.com\* names the full name`},
		{"NAS", `NAS is a short name; rule \\nas.example.com\*`},
		{"10.0.0.7", `10.0.0.7 is an address; rules that name servers (\\nas.example.com\*) do not apply`},
		{"fe80::1%eth0", `fe80::1%eth0 is an address`},
		{"nas.example.com", ""},
		{"nas.example.com.", ""},
		{"other.example.com", ""},
		{"files", ""},
	} {
		got := r.NameWarning(tc.server)
		if (tc.want == "") != (got == "") || !strings.Contains(got, tc.want) {
			t.Errorf("NameWarning(%q) = %q, want %q", tc.server, got, tc.want)
		}
	}
	if w := mustParse(t, "[\\\\*\\*]\nRequirePrivacy = 1\n").NameWarning("10.0.0.7"); w != "" {
		t.Errorf("no named servers, yet %q", w)
	}
	var none *Rules
	if none.NameWarning("nas") != "" {
		t.Error("nil rules warn")
	}
}
