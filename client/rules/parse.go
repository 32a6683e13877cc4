package rules

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/smb3fs/smb3fs/client"
	"github.com/smb3fs/smb3fs/client/wire"
)

// ParseError is a syntax or validation error in a hardening file, at a line.
type ParseError struct {
	File string // the file name given to Parse or Load
	Line int    // 1-based
	Err  error  // what is wrong
}

// Error returns "rules: file:line: problem".
func (e *ParseError) Error() string {
	return fmt.Sprintf("rules: %s:%d: %v", e.File, e.Line, e.Err)
}

// Unwrap returns the underlying problem.
func (e *ParseError) Unwrap() error { return e.Err }

// wildcard is the pattern part that matches any name.
const wildcard = "*"

// pattern is a parsed [\\server\share] section header.
type pattern struct {
	text   string // as written, with '/' turned into '\'
	server string // folded name, or wildcard
	share  string // folded name, or wildcard
}

// key is the pattern's identity: two headers with the same key are
// duplicates.
func (p pattern) key() patternKey { return patternKey{p.server, p.share} }

type patternKey struct{ server, share string }

// parsePattern parses the text between the brackets of a section header.
func parsePattern(s string) (pattern, error) {
	t := strings.ReplaceAll(s, "/", `\`)
	if !strings.HasPrefix(t, `\\`) {
		return pattern{}, fmt.Errorf("pattern %q must start with \\\\ or //", s)
	}
	parts := strings.Split(t[2:], `\`)
	if len(parts) != 2 {
		return pattern{}, fmt.Errorf("pattern %q must be \\\\server\\share (server, share or both may be *)", s)
	}
	p := pattern{text: t}
	var err error
	if p.server, err = patternPart("server", parts[0]); err != nil {
		return pattern{}, fmt.Errorf("pattern %q: %w", s, err)
	}
	if p.server != wildcard {
		p.server = foldServer(p.server)
	}
	if p.share, err = patternPart("share", parts[1]); err != nil {
		return pattern{}, fmt.Errorf("pattern %q: %w", s, err)
	}
	return p, nil
}

// patternPart validates one part of a pattern and returns its folded form.
func patternPart(what, s string) (string, error) {
	if s == wildcard {
		return wildcard, nil
	}
	if strings.ContainsRune(s, '*') {
		return "", fmt.Errorf("%s %q: a wildcard must be a lone *", what, s)
	}
	if err := checkName(what, s); err != nil {
		return "", err
	}
	return fold(s), nil
}

// checkName validates a server or share name (not a wildcard).
func checkName(what, s string) error {
	switch {
	case s == "":
		return fmt.Errorf("empty %s name", what)
	case !utf8.ValidString(s):
		return fmt.Errorf("%s name %q is not valid UTF-8", what, s)
	case strings.ContainsAny(s, `\/*?`):
		return fmt.Errorf("%s name %q contains one of \\ / * ?", what, s)
	case strings.TrimSpace(s) != s:
		return fmt.Errorf("%s name %q has leading or trailing blanks", what, s)
	}
	for _, r := range s {
		if unicode.IsControl(r) {
			return fmt.Errorf("%s name %q contains a control character", what, s)
		}
	}
	return nil
}

// fold maps s to a canonical case: ASCII letters are lowered and nothing
// else changes, so that no Unicode folding lets a look-alike name (U+017F
// LATIN SMALL LETTER LONG S in "naſ", U+212A KELVIN SIGN) match a rule
// written for another (nas). Windows compares host names this way too.
func fold(s string) string {
	return strings.Map(func(r rune) rune {
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}, s)
}

// foldServer is fold for a server name, which also loses one trailing dot:
// the fully qualified "nas.example.com." names the same host as
// "nas.example.com".
func foldServer(s string) string {
	if len(s) > 1 {
		s = strings.TrimSuffix(s, ".")
	}
	return fold(s)
}

// setting is one key of a section.
type setting struct {
	name  string // canonical spelling, for messages
	apply func(p *client.Policy, value string) error
	kind  string // bool, dialect or list: what the value is (Keys)
	doc   string // one line on what it sets, for the man page (Keys)
}

// settings maps the lower-case key to its setting.
var settings = map[string]setting{
	"requireprivacy": {"RequirePrivacy", func(p *client.Policy, v string) (err error) {
		p.RequirePrivacy, err = parseBool(v)
		return err
	}, "bool", "every message after SESSION_SETUP encrypted"},
	"requireintegrity": {"RequireIntegrity", func(p *client.Policy, v string) (err error) {
		p.RequireIntegrity, err = parseBool(v)
		return err
	}, "bool", "the session signed (or encrypted)"},
	"requiremutualauthentication": {"RequireMutualAuthentication", func(p *client.Policy, v string) (err error) {
		p.RequireMutualAuth, err = parseBool(v)
		return err
	}, "bool", "the server proves its identity (Kerberos)"},
	"mindialect": {"MinDialect", func(p *client.Policy, v string) (err error) {
		p.MinDialect, err = wire.ParseDialect(v)
		return err
	}, "dialect", "the lowest dialect offered and accepted"},
	"maxdialect": {"MaxDialect", func(p *client.Policy, v string) (err error) {
		p.MaxDialect, err = wire.ParseDialect(v)
		return err
	}, "dialect", "the highest dialect offered"},
	"ciphers": {"Ciphers", func(p *client.Policy, v string) (err error) {
		p.Ciphers, err = ParseCiphers(v)
		return err
	}, "list", "encryption algorithms, in preference order"},
	"signingalgorithms": {"SigningAlgorithms", func(p *client.Policy, v string) (err error) {
		p.SigningAlgorithms, err = ParseSigningAlgorithms(v)
		return err
	}, "list", "SMB 3.1.1 signing algorithms, in preference order"},
	"allowntlm": {"AllowNTLM", func(p *client.Policy, v string) (err error) {
		p.AllowNTLM, err = parseBool(v)
		return err
	}, "bool", "NTLMv2 permitted (needs RequireMutualAuthentication = 0)"},
}

// isASCII reports whether s has only ASCII bytes; keys and algorithm names
// are matched only in ASCII, so no exotic folding (U+212A KELVIN SIGN) can
// stand in for a letter.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func parseBool(v string) (bool, error) {
	if isASCII(v) {
		switch strings.ToLower(v) {
		case "1", "true", "yes":
			return true, nil
		case "0", "false", "no":
			return false, nil
		}
	}
	return false, fmt.Errorf("%q is not a boolean (0, 1, true, false, yes, no)", v)
}

// ParseCiphers reads a comma-separated list of cipher names as
// wire.CipherID prints them (AES-128-GCM, ...), case-insensitively, without
// repeats: the Ciphers setting of the hardening file, and a ciphers= option.
func ParseCiphers(v string) ([]wire.CipherID, error) {
	return parseList(v, "cipher", wire.Ciphers())
}

// ParseSigningAlgorithms reads a comma-separated list of signing algorithm
// names as wire.SigningID prints them (AES-GMAC, ...), like ParseCiphers.
func ParseSigningAlgorithms(v string) ([]wire.SigningID, error) {
	return parseList(v, "signing algorithm", wire.SigningAlgorithms())
}

// parseList parses a comma-separated list of names from known, as their
// String methods print them, case-insensitively, without repeats.
func parseList[T interface {
	comparable
	fmt.Stringer
}](v, what string, known []T) ([]T, error) {
	var out []T
	for _, f := range strings.Split(v, ",") {
		name := strings.TrimSpace(f)
		if name == "" {
			return nil, fmt.Errorf("empty %s name in %q", what, v)
		}
		var id T
		found := false
		if isASCII(name) {
			for _, k := range known {
				if strings.ToLower(k.String()) == strings.ToLower(name) {
					id, found = k, true
					break
				}
			}
		}
		if !found {
			return nil, fmt.Errorf("unknown %s %q (known: %s)", what, name, joinNames(known))
		}
		for _, x := range out {
			if x == id {
				return nil, fmt.Errorf("%s %s listed twice", what, id)
			}
		}
		out = append(out, id)
	}
	return out, nil
}

func joinNames[T fmt.Stringer](xs []T) string {
	names := make([]string, len(xs))
	for i, x := range xs {
		names[i] = x.String()
	}
	return strings.Join(names, ",")
}

// onlyListedKey is the setting that makes the rules an allow-list of
// servers (see Rules.Lookup). It is no policy setting: it is valid only in
// the \\*\* section and no other section inherits it.
const onlyListedKey = "onlylistedservers"

// section is a section as read: its rule, its pattern's key and its
// settings in file order. The rule's policy is built once the whole file
// is read, because a setting a section does not name comes from \\*\*.
type section struct {
	rule     *Rule
	key      patternKey
	settings []namedSetting
}

// namedSetting is one Key = Value line of a section.
type namedSetting struct {
	st    setting
	value string
	line  int
}

// Parse reads a hardening file's contents. name is used only in error
// messages and in each rule's Match. It does no file-safety checks: Load
// does those.
func Parse(name string, data []byte) (*Rules, error) {
	r := &Rules{file: name, byKey: make(map[patternKey]*Rule)}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	var sections []*section
	var cur *section        // the section being read
	var seen map[string]int // keys of cur, to the line that set them
	lineNo := 0
	for len(data) > 0 {
		lineNo++
		var line []byte
		line, data, _ = bytes.Cut(data, []byte("\n"))
		errAt := func(err error) error { return &ParseError{File: name, Line: lineNo, Err: err} }
		if !utf8.Valid(line) {
			return nil, errAt(errors.New("line is not valid UTF-8"))
		}
		s := strings.TrimSpace(string(line))
		if s == "" || s[0] == '#' || s[0] == ';' {
			continue
		}
		if s[0] == '[' {
			if s[len(s)-1] != ']' {
				return nil, errAt(fmt.Errorf("section header %q does not end with ]", s))
			}
			p, err := parsePattern(strings.TrimSpace(s[1 : len(s)-1]))
			if err != nil {
				return nil, errAt(err)
			}
			if first, dup := r.byKey[p.key()]; dup {
				return nil, errAt(fmt.Errorf("section %s repeats %s (line %d)", p.text, first.Match.Pattern, first.Match.Line))
			}
			cur = &section{rule: &Rule{Match: Match{Pattern: p.text, File: name, Line: lineNo}}, key: p.key()}
			r.byKey[p.key()] = cur.rule
			r.list = append(r.list, cur.rule)
			sections = append(sections, cur)
			seen = make(map[string]int)
			continue
		}
		k, v, ok := strings.Cut(s, "=")
		if !ok {
			return nil, errAt(fmt.Errorf("%q is neither a [section] nor a Key = Value setting", s))
		}
		k, v = strings.TrimSpace(k), strings.TrimSpace(v)
		if cur == nil {
			return nil, errAt(fmt.Errorf("setting %q before the first [section]", k))
		}
		lk := strings.ToLower(k)
		if !isASCII(k) {
			return nil, errAt(fmt.Errorf("unknown key %q", k))
		}
		if first, dup := seen[lk]; dup {
			return nil, errAt(fmt.Errorf("key %s repeated in section %s (first on line %d)", canonicalKey(lk, k), cur.rule.Match.Pattern, first))
		}
		seen[lk] = lineNo
		if v == "" {
			return nil, errAt(fmt.Errorf("%s has no value", canonicalKey(lk, k)))
		}
		if lk == onlyListedKey {
			if cur.key != (patternKey{wildcard, wildcard}) {
				return nil, errAt(fmt.Errorf("OnlyListedServers belongs in the [\\\\*\\*] section, not in %s", cur.rule.Match.Pattern))
			}
			on, err := parseBool(v)
			if err != nil {
				return nil, errAt(fmt.Errorf("OnlyListedServers: %w", err))
			}
			r.onlyListed = on
			continue
		}
		st, known := settings[lk]
		if !known {
			return nil, errAt(fmt.Errorf("unknown key %q", k))
		}
		// Check the value now, so the error names its line.
		scratch := client.StrictPolicy()
		if err := st.apply(&scratch, v); err != nil {
			return nil, errAt(fmt.Errorf("%s: %w", st.name, err))
		}
		cur.settings = append(cur.settings, namedSetting{st: st, value: v, line: lineNo})
	}
	if err := build(sections); err != nil {
		return nil, err
	}
	return r, nil
}

// canonicalKey names the key lk (lower case, as typed: k) in messages.
func canonicalKey(lk, k string) string {
	if st, ok := settings[lk]; ok {
		return st.name
	}
	if lk == onlyListedKey {
		return "OnlyListedServers"
	}
	return k
}

// build gives every section its policy and the source of each setting:
// the \\*\* section (the administrator's baseline) starts from the strict
// default, every other section from the baseline, or from the strict
// default when there is none, and each applies the settings it names.
func build(sections []*section) error {
	base, baseSources := client.StrictPolicy(), map[string]Match{}
	var baseline *section
	for _, sec := range sections {
		if sec.key == (patternKey{wildcard, wildcard}) {
			baseline = sec
		}
	}
	if baseline != nil {
		if err := apply(baseline, client.StrictPolicy(), nil); err != nil {
			return err
		}
		base, baseSources = baseline.rule.Policy, baseline.rule.sources
	}
	for _, sec := range sections {
		if sec == baseline {
			continue
		}
		if err := apply(sec, clonePolicy(base), baseSources); err != nil {
			return err
		}
	}
	return nil
}

// apply sets sec's policy to p with sec's own settings applied, records
// where each setting came from (inherited ones from sources), and checks
// the result (finish). A section that requires mutual authentication does
// not inherit AllowNTLM = 1: Kerberos alone proves the server.
func apply(sec *section, p client.Policy, sources map[string]Match) error {
	ru := sec.rule
	ru.sources = make(map[string]Match, len(settings))
	for k, m := range sources {
		ru.sources[k] = m
	}
	named := make(map[string]bool, len(sec.settings))
	for _, ns := range sec.settings {
		if err := ns.st.apply(&p, ns.value); err != nil {
			return &ParseError{File: ru.Match.File, Line: ns.line, Err: fmt.Errorf("%s: %w", ns.st.name, err)}
		}
		ru.sources[ns.st.name] = ru.Match
		named[ns.st.name] = true
	}
	if p.RequireMutualAuth && p.AllowNTLM && !named["AllowNTLM"] {
		p.AllowNTLM = false
		ru.sources["AllowNTLM"] = ru.Match
	}
	ru.Policy = p
	if err := finish(ru); err != nil {
		return &ParseError{File: ru.Match.File, Line: ru.Match.Line, Err: err}
	}
	return nil
}

// finish checks a completed section: a rule no server could satisfy
// (client.Policy.Validate), or one whose settings contradict each other, is
// refused.
func finish(ru *Rule) error {
	p := &ru.Policy
	if p.AllowNTLM && p.RequireMutualAuth {
		return fmt.Errorf("section %s: AllowNTLM = 1 has no effect while RequireMutualAuthentication = 1", ru.Match.Pattern)
	}
	if err := p.Validate(); err != nil {
		return fmt.Errorf("section %s: %w", ru.Match.Pattern, err)
	}
	return nil
}

func contains[T comparable](xs []T, x T) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
