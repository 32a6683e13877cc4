package rules

import (
	"errors"
	"fmt"
	"net"
	"slices"
	"strings"

	"github.com/smb3fs/smb3fs/auth"
	"github.com/smb3fs/smb3fs/client"
	"github.com/smb3fs/smb3fs/client/wire"
)

var (
	// ErrLoosens: a mount option asked for less than the applicable rule
	// demands. Resolve returns it wrapped in a *LoosenError.
	ErrLoosens = errors.New("rules: mount option would loosen the hardening rule")
	// ErrUnsatisfiable: the rule, tightened by the mount options, is a
	// policy no server could meet (for example seal with only SMB 2 dialects).
	ErrUnsatisfiable = errors.New("rules: no connection could satisfy the policy")
	// ErrNotListed: the rules are an allow-list (OnlyListedServers = yes in
	// the \\*\* section) and no section names the server.
	ErrNotListed = errors.New("rules: server not named by any rule")
	// ErrInvalidRequest: Resolve was given a malformed server or share name
	// or a malformed Request.
	ErrInvalidRequest = errors.New("rules: invalid request")
)

// Rules is a parsed hardening file. It is immutable after Parse or Load
// and safe for concurrent use. A nil *Rules is the built-in strict default
// everywhere.
type Rules struct {
	file  string
	byKey map[patternKey]*Rule
	list  []*Rule // in file order
	// onlyListed: OnlyListedServers = yes in the \\*\* section; servers no
	// section names are refused (Lookup).
	onlyListed bool
}

// Rule is one section of a hardening file: where it is, and the policy it
// yields (the strict default with the section's settings applied).
type Rule struct {
	Match  Match
	Policy client.Policy
	// sources maps each setting's canonical name (RequirePrivacy) to the
	// section it came from; a setting it does not hold came from the
	// built-in strict default. Shared between copies: never modified
	// after Parse.
	sources map[string]Match
}

// Source returns the section that decided the setting named key (its
// canonical spelling, as Keys lists it): the rule's own section, the
// \\*\* baseline it inherited from, or the zero Match for the built-in
// strict default.
func (ru Rule) Source(key string) Match { return ru.sources[key] }

// Match says which rule applied to a server and share, for audit logs and
// refusal messages. The zero Match is the built-in strict default.
type Match struct {
	// Pattern is the section's UNC pattern as written, with '/' turned into
	// '\' (`\\oldnas\*`); empty for the built-in strict default.
	Pattern string
	// File and Line locate the section header.
	File string
	Line int
}

// IsDefault reports whether m is the built-in strict default rather than a
// rule from a file.
func (m Match) IsDefault() bool { return m.Pattern == "" }

// String returns `\\oldnas\* (/etc/smb3fs/hardening.conf:12)`, or
// "built-in strict default".
func (m Match) String() string {
	if m.IsDefault() {
		return "built-in strict default"
	}
	return fmt.Sprintf("%s (%s:%d)", m.Pattern, m.File, m.Line)
}

// name is how messages refer to the rule: `rule \\oldnas\*` or "the
// built-in strict default".
func (m Match) name() string {
	if m.IsDefault() {
		return "the built-in strict default"
	}
	return "rule " + m.Pattern
}

// Strict returns rules with no sections: the built-in strict default
// everywhere.
func Strict() *Rules { return &Rules{byKey: map[patternKey]*Rule{}} }

// File returns the name the rules were parsed from ("" for Strict).
func (r *Rules) File() string {
	if r == nil {
		return ""
	}
	return r.file
}

// List returns copies of the rules in file order, for `smb3fs check`.
func (r *Rules) List() []Rule {
	if r == nil {
		return nil
	}
	out := make([]Rule, len(r.list))
	for i, ru := range r.list {
		out[i] = Rule{Match: ru.Match, Policy: clonePolicy(ru.Policy), sources: ru.sources}
	}
	return out
}

// Lookup returns the rule that applies to server and share, without mount
// options: the most specific of \\server\share, \\server\*, \\*\share and
// \\*\* present, or the built-in strict default. The Policy is a copy.
// Names match with ASCII case folding only, and a server's trailing dot
// is ignored. When the rules are an allow-list (OnlyListedServers), a
// server no section names is refused with an error wrapping ErrNotListed
// and client.ErrRefused; its Match is the \\*\* section.
func (r *Rules) Lookup(server, share string) (Rule, error) {
	if err := checkName("server", server); err != nil {
		return Rule{}, fmt.Errorf("%w: %w", ErrInvalidRequest, err)
	}
	if err := checkName("share", share); err != nil {
		return Rule{}, fmt.Errorf("%w: %w", ErrInvalidRequest, err)
	}
	if r != nil {
		sv, sh := foldServer(server), fold(share)
		if r.onlyListed && !r.names(sv) {
			base := r.byKey[patternKey{wildcard, wildcard}]
			return Rule{Match: base.Match}, fmt.Errorf("%w: %w: %s is named by no section of %s, and %s sets OnlyListedServers = yes",
				ErrNotListed, client.ErrRefused, server, r.file, base.Match.Pattern)
		}
		for _, k := range []patternKey{{sv, sh}, {sv, wildcard}, {wildcard, sh}, {wildcard, wildcard}} {
			if ru, ok := r.byKey[k]; ok {
				return Rule{Match: ru.Match, Policy: clonePolicy(ru.Policy), sources: ru.sources}, nil
			}
		}
	}
	return Rule{Policy: client.StrictPolicy()}, nil
}

// names reports whether a section names the (folded) server sv.
func (r *Rules) names(sv string) bool {
	for k := range r.byKey {
		if k.server == sv {
			return true
		}
	}
	return false
}

// OnlyListed reports whether the rules refuse servers no section names
// (OnlyListedServers = yes in the \\*\* section).
func (r *Rules) OnlyListed() bool { return r != nil && r.onlyListed }

func clonePolicy(p client.Policy) client.Policy {
	p.Ciphers = slices.Clone(p.Ciphers)
	p.SigningAlgorithms = slices.Clone(p.SigningAlgorithms)
	return p
}

// Request is what the user asked for in the mount options. A nil pointer or
// an empty slice means "not asked": the rule decides. When two fields
// disagree (sign=false with sec=krb5i) the tighter wins. Refusal messages
// name each field by the cifs-style option shown below.
type Request struct {
	// RequirePrivacy is seal / seal=false.
	RequirePrivacy *bool
	// RequireIntegrity is sign / sign=false.
	RequireIntegrity *bool
	// MinDialect is vers=: the lowest dialect to accept. A cifs-style exact
	// vers=X sets both MinDialect and MaxDialect to X.
	MinDialect *wire.Dialect
	// MaxDialect is maxvers=: the highest dialect to offer. It may not
	// exceed the rule's MaxDialect.
	MaxDialect *wire.Dialect
	// Ciphers is ciphers=: a subset of the rule's ciphers, in the user's
	// preference order.
	Ciphers []wire.CipherID
	// SigningAlgorithms is signing=: a subset of the rule's signing
	// algorithms, in the user's preference order.
	SigningAlgorithms []wire.SigningID
	// Sec is sec=, as ParseSec reads it; the zero Sec is "not asked".
	// Kerberos means mutual authentication and no NTLM; NTLMv2 needs a rule
	// that allows NTLM and does not require mutual authentication; the
	// suffixes tighten integrity (i) or privacy (p).
	Sec Sec
}

// Sec is a sec= mount option: the authentication mechanism asked for, and
// what its suffix asks for besides ("i" integrity, "p" privacy). The zero
// Sec means sec= was not given: the rule decides.
type Sec struct {
	// Mechanism is auth.Kerberos or auth.NTLMv2; "" when not asked.
	Mechanism auth.MechanismName
	// Integrity: the session must be signed (krb5i, ntlmsspi, ntlmv2i).
	Integrity bool
	// Privacy: the session must be encrypted (krb5p); it implies Integrity.
	Privacy bool
}

// ParseSec reads a sec= value as mount.cifs spells it: krb5, krb5i or
// krb5p for Kerberos, ntlmssp, ntlmsspi, ntlmv2 or ntlmv2i for NTLMv2 (which
// smb3fs always carries in NTLMSSP). It is the one translation of sec=: the
// mount options and `smb3fs check` both use it, and Resolve applies the
// result. Anything else (sec=none, sec=ntlm, ...) is an error wrapping
// ErrInvalidRequest.
func ParseSec(s string) (Sec, error) {
	switch s {
	case "krb5":
		return Sec{Mechanism: auth.Kerberos}, nil
	case "krb5i":
		return Sec{Mechanism: auth.Kerberos, Integrity: true}, nil
	case "krb5p":
		return Sec{Mechanism: auth.Kerberos, Integrity: true, Privacy: true}, nil
	case "ntlmssp", "ntlmv2":
		return Sec{Mechanism: auth.NTLMv2}, nil
	case "ntlmsspi", "ntlmv2i":
		return Sec{Mechanism: auth.NTLMv2, Integrity: true}, nil
	}
	return Sec{}, fmt.Errorf("%w: unknown sec=%q (krb5, krb5i, krb5p, ntlmssp, ntlmsspi)", ErrInvalidRequest, s)
}

// String returns the canonical spelling, as refusals name the option:
// "krb5", "krb5i", "krb5p", "ntlmssp" or "ntlmsspi" ("" for the zero Sec).
func (s Sec) String() string {
	name := string(s.Mechanism)
	switch s.Mechanism {
	case "":
		return ""
	case auth.Kerberos:
		name = "krb5"
	case auth.NTLMv2:
		name = "ntlmssp"
	}
	switch {
	case s.Privacy:
		return name + "p"
	case s.Integrity:
		return name + "i"
	}
	return name
}

// LoosenError is Resolve's refusal of a mount option that asks for less
// than the rule demands. It wraps ErrLoosens.
type LoosenError struct {
	// Rule is the rule that refused.
	Rule Match
	// Demand is what the rule demands, as "requires privacy" or "allows only
	// ciphers AES-256-GCM,AES-128-GCM".
	Demand string
	// Option is the offending option, as "seal=false" or "vers=3.0.0".
	Option string
}

// Error returns, for example,
// `rules: rule \\*\* requires dialect >= 3.1.1; vers=3.0.0 would loosen it`.
func (e *LoosenError) Error() string {
	return fmt.Sprintf("rules: %s %s; %s would loosen it", e.Rule.name(), e.Demand, e.Option)
}

// Unwrap returns ErrLoosens.
func (e *LoosenError) Unwrap() error { return ErrLoosens }

// Resolve returns the policy for a mount of \\server\share with the user's
// options: the applicable rule (see Lookup) tightened by req. It refuses,
// with a *LoosenError, any option that would loosen the rule, and with
// ErrUnsatisfiable a tightened policy no server could meet. The Match is
// valid whenever a rule was found, even with an error, so that refusals can
// be logged with the rule that caused them; the Policy is the zero value on
// error.
func (r *Rules) Resolve(server, share string, req Request) (client.Policy, Match, error) {
	ru, err := r.Lookup(server, share)
	if err != nil {
		return client.Policy{}, ru.Match, err
	}
	p, err := tighten(ru, req)
	if err != nil {
		return client.Policy{}, ru.Match, err
	}
	return p, ru.Match, nil
}

// tighten applies req to the rule's policy, or says which option would
// loosen it.
func tighten(ru Rule, req Request) (client.Policy, error) {
	p := ru.Policy
	loosen := func(demand, option string, args ...any) error {
		return &LoosenError{Rule: ru.Match, Demand: demand, Option: fmt.Sprintf(option, args...)}
	}

	if v := req.RequirePrivacy; v != nil {
		if !*v && p.RequirePrivacy {
			return client.Policy{}, loosen("requires privacy", "seal=false")
		}
		p.RequirePrivacy = p.RequirePrivacy || *v
	}
	if v := req.RequireIntegrity; v != nil {
		if !*v && p.RequireIntegrity {
			return client.Policy{}, loosen("requires integrity", "sign=false")
		}
		p.RequireIntegrity = p.RequireIntegrity || *v
	}

	if d := req.MinDialect; d != nil {
		if !d.Known() {
			return client.Policy{}, fmt.Errorf("%w: vers=%v is not a dialect", ErrInvalidRequest, *d)
		}
		if *d < p.MinDialect {
			return client.Policy{}, loosen(fmt.Sprintf("requires dialect >= %v", p.MinDialect), "vers=%v", *d)
		}
		p.MinDialect = *d
	}
	if d := req.MaxDialect; d != nil {
		if !d.Known() {
			return client.Policy{}, fmt.Errorf("%w: maxvers=%v is not a dialect", ErrInvalidRequest, *d)
		}
		if *d > p.MaxDialect {
			return client.Policy{}, loosen(fmt.Sprintf("allows only dialect <= %v", p.MaxDialect), "maxvers=%v", *d)
		}
		p.MaxDialect = *d
	}

	if len(req.Ciphers) > 0 {
		cs, err := subset(req.Ciphers, p.Ciphers, "ciphers")
		if err != nil {
			return client.Policy{}, err
		}
		if cs == nil {
			return client.Policy{}, loosen("allows only ciphers "+joinNames(p.Ciphers), "ciphers=%s", joinNames(req.Ciphers))
		}
		p.Ciphers = cs
	}
	if len(req.SigningAlgorithms) > 0 {
		ss, err := subset(req.SigningAlgorithms, p.SigningAlgorithms, "signing")
		if err != nil {
			return client.Policy{}, err
		}
		if ss == nil {
			return client.Policy{}, loosen("allows only signing "+joinNames(p.SigningAlgorithms), "signing=%s", joinNames(req.SigningAlgorithms))
		}
		p.SigningAlgorithms = ss
	}

	sec := req.Sec
	switch sec.Mechanism {
	case "":
	case auth.Kerberos:
		p.RequireMutualAuth = true
		p.AllowNTLM = false
	case auth.NTLMv2:
		if p.RequireMutualAuth {
			return client.Policy{}, loosen("requires mutual authentication", "sec=%s", req.Sec)
		}
		if !p.AllowNTLM {
			return client.Policy{}, loosen("does not allow NTLM", "sec=%s", req.Sec)
		}
	default:
		return client.Policy{}, fmt.Errorf("%w: unknown sec mechanism %q (%s or %s)", ErrInvalidRequest, sec.Mechanism, auth.Kerberos, auth.NTLMv2)
	}
	p.RequireIntegrity = p.RequireIntegrity || sec.Integrity || sec.Privacy
	p.RequirePrivacy = p.RequirePrivacy || sec.Privacy
	if err := p.Validate(); err != nil {
		return client.Policy{}, fmt.Errorf("%w: %s with these mount options: %w", ErrUnsatisfiable, ru.Match.name(), err)
	}
	return p, nil
}

// subset returns a copy of asked if every element is in allowed, nil if
// one is not, and an error if asked repeats an element.
func subset[T interface {
	comparable
	fmt.Stringer
}](asked, allowed []T, option string) ([]T, error) {
	for i, x := range asked {
		if contains(asked[:i], x) {
			return nil, fmt.Errorf("%w: %s= lists %v twice", ErrInvalidRequest, option, x)
		}
	}
	for _, x := range asked {
		if !contains(allowed, x) {
			return nil, nil
		}
	}
	return slices.Clone(asked), nil
}

// Describe prints a policy compactly for `smb3fs check` and audit logs:
//
//	privacy+integrity+mutual, dialect 3.1.1, ciphers AES-256-GCM,AES-128-GCM, signing AES-GMAC,AES-CMAC, ntlm=no
//
// The requirements read "none" when nothing is required, and the dialect
// is a range ("3.0.2-3.1.1") when it is not a single one.
func Describe(p client.Policy) string {
	var req []string
	if p.RequirePrivacy {
		req = append(req, "privacy")
	}
	if p.RequireIntegrity {
		req = append(req, "integrity")
	}
	if p.RequireMutualAuth {
		req = append(req, "mutual")
	}
	reqs := strings.Join(req, "+")
	if reqs == "" {
		reqs = "none"
	}
	dialect := p.MinDialect.String()
	if p.MaxDialect != p.MinDialect {
		dialect += "-" + p.MaxDialect.String()
	}
	list := func(s string) string {
		if s == "" {
			return "none"
		}
		return s
	}
	ntlm := "no"
	if p.AllowNTLM {
		ntlm = "yes"
	}
	return fmt.Sprintf("%s, dialect %s, ciphers %s, signing %s, ntlm=%s",
		reqs, dialect, list(joinNames(p.Ciphers)), list(joinNames(p.SigningAlgorithms)), ntlm)
}

// NameWarning returns a warning when server is named in a way that keeps
// sections written for it from applying: by an IP address while sections
// name servers by name, or by a short name while a section names the
// fully qualified one (nas while \\nas.example.com\* exists). Names are
// compared literally, without DNS, so such a mount gets the \\*\* rule or
// the strict default instead. "" when there is nothing to say.
func (r *Rules) NameWarning(server string) string {
	if r == nil {
		return ""
	}
	sv := foldServer(server)
	var named []string // patterns of sections that name a server
	for _, ru := range r.list {
		p, err := parsePattern(ru.Match.Pattern)
		if err != nil || p.server == wildcard || p.server == sv {
			continue
		}
		if isAddress(server) && !isAddress(p.server) {
			named = append(named, ru.Match.Pattern)
		} else if !strings.Contains(sv, ".") && strings.HasPrefix(p.server, sv+".") {
			return fmt.Sprintf("rules: %s is a short name; rule %s names the full name and does not apply to it (names are compared without DNS)",
				server, ru.Match.Pattern)
		}
	}
	if len(named) > 0 {
		return fmt.Sprintf("rules: %s is an address; rules that name servers (%s) do not apply to it (names are compared without DNS)",
			server, strings.Join(named, ", "))
	}
	return ""
}

// isAddress reports whether s is an IPv4 or IPv6 address (with an optional
// zone), as a server name.
func isAddress(s string) bool {
	host, _, _ := strings.Cut(strings.Trim(s, "[]"), "%")
	return net.ParseIP(host) != nil
}
