package rules

import (
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"
)

// FuzzParse feeds arbitrary files to Parse (seeds in testdata/fuzz/FuzzParse).
// A refusal must be a ParseError at a line of the input; an accepted file
// must yield rules that are satisfiable, distinct, re-parse to themselves
// and are found again by Lookup.
func FuzzParse(f *testing.F) {
	f.Add([]byte(goodFile))
	f.Add([]byte(rulesFile))
	f.Add([]byte(precedenceFile))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := Parse("f.conf", data)
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error %v is not a *ParseError", err)
			}
			if lines := bytes.Count(data, []byte("\n")) + 1; pe.File != "f.conf" || pe.Line < 1 || pe.Line > lines {
				t.Fatalf("error at %s:%d, input has %d lines", pe.File, pe.Line, lines)
			}
			if !strings.HasPrefix(err.Error(), "rules: f.conf:") {
				t.Fatalf("error %q lacks its prefix", err)
			}
			return
		}
		seen := map[patternKey]bool{}
		for _, ru := range r.List() {
			if err := ru.Policy.Validate(); err != nil {
				t.Fatalf("accepted %v: %v", ru.Match, err)
			}
			if ru.Policy.AllowNTLM && ru.Policy.RequireMutualAuth {
				t.Fatalf("accepted %v with AllowNTLM and mutual auth", ru.Match)
			}
			_ = Describe(ru.Policy)
			p, err := parsePattern(ru.Match.Pattern)
			if err != nil {
				t.Fatalf("pattern %q does not re-parse: %v", ru.Match.Pattern, err)
			}
			if p.text != ru.Match.Pattern {
				t.Fatalf("pattern %q re-parses as %q", ru.Match.Pattern, p.text)
			}
			if seen[p.key()] {
				t.Fatalf("two sections for %q", ru.Match.Pattern)
			}
			seen[p.key()] = true

			// Lookup finds an exact rule by its own names, in any case,
			// and always finds some rule for the names in a pattern.
			server, share, _ := strings.Cut(strings.TrimPrefix(ru.Match.Pattern, `\\`), `\`)
			if server == wildcard {
				server = "x"
			}
			if share == wildcard {
				share = "x"
			}
			for _, names := range [][2]string{{server, share}, {strings.ToUpper(server), strings.ToLower(share)}} {
				if foldServer(names[0]) != foldServer(server) || fold(names[1]) != fold(share) {
					continue // ToUpper of a non-ASCII letter is another name
				}
				got, err := r.Lookup(names[0], names[1])
				if err != nil {
					t.Fatalf("Lookup(%q, %q): %v", names[0], names[1], err)
				}
				if p.server != wildcard && p.share != wildcard && got.Match != ru.Match {
					t.Fatalf("Lookup(%q, %q) = %v, want %v", names[0], names[1], got.Match, ru.Match)
				}
				if got.Match.IsDefault() {
					t.Fatalf("Lookup(%q, %q) found no rule; %v should match", names[0], names[1], ru.Match)
				}
				if got.Match == ru.Match && !reflect.DeepEqual(got.Policy, ru.Policy) {
					t.Fatalf("Lookup returned another policy for %v", ru.Match)
				}
			}
		}
	})
}
