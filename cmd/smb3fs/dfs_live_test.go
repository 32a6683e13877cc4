package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/smb3fs/smb3fs/internal/testenv"
)

// TestLiveCheckDFS: smb3fs check follows the DC's DFS namespace. The good
// link leads to the DC's encrypted share; a link to the legacy or weak
// server is refused by the strict rule (a referral never loosens), and so
// is a target no rule lists when OnlyListedServers is on; a link whose
// first target is unreachable fails over to the second; the domain-based
// \\smb3fs.test\sysvol is found through a DC.
func TestLiveCheckDFS(t *testing.T) {
	env := testenv.Env(t)
	bin := testenv.DaemonBinary(t)
	cc := env.Kinit(t, "alice")
	strict := rulesFile(t, env, "", 0o644)
	dfs := "//" + env.DC.Host + "/dfs/"
	check := func(t *testing.T, rules, path string) (checkResult, string, int) {
		t.Helper()
		out, errOut, code := runCheckCmd(t, env, bin, cc, "--json", "--rules", rules, path)
		var res checkResult
		if code == 0 {
			if err := json.Unmarshal([]byte(out), &res); err != nil {
				t.Fatalf("json: %v: %q", err, out)
			}
		}
		return res, errOut, code
	}
	secure := `\` + env.DC.Host + `\secure`

	t.Run("good link", func(t *testing.T) {
		res, errOut, code := check(t, strict, dfs+"good")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		if len(res.Referrals) != 1 || res.Referrals[0].Chosen != secure || res.Target != `\`+secure || !res.Encrypted {
			t.Fatalf("result %+v", res)
		}
		text, _, code := runCheckCmd(t, env, bin, cc, "--rules", strict, dfs+"good")
		if code != 0 || !strings.Contains(text, "referral    \\"+env.DC.Host+`\dfs\good (link): `+secure) || !strings.Contains(text, "target      \\"+secure) {
			t.Errorf("text: exit %d: %s", code, text)
		}
	})
	t.Run("failover to the second target", func(t *testing.T) {
		res, errOut, code := check(t, strict, dfs+"failover")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		r := res.Referrals[0]
		if len(r.Targets) != 2 || len(r.Skipped) != 1 || !strings.Contains(r.Skipped[0], `\down.smb3fs.test\secure`) || r.Chosen != secure {
			t.Fatalf("referral %+v", r)
		}
	})
	for _, link := range []string{"legacy", "weak"} {
		t.Run("refused: "+link, func(t *testing.T) {
			// Even a rule that lets the target's server speak SMB 3.0 does
			// not loosen what the path named (the strict default) demands.
			rules := rulesFile(t, env, "[\\\\legacy.smb3fs.test\\*]\nMinDialect = 3.0\nRequireMutualAuthentication = 0\nAllowNTLM = 1\n", 0o644)
			_, errOut, code := check(t, rules, dfs+link)
			if code != exitFailure || !strings.Contains(errOut, "no target could be used") || !strings.Contains(errOut, "smb3fs: refused") {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			if !strings.Contains(errOut, `msg="smb3fs: connection refused" server=`+link+`.smb3fs.test`) {
				t.Errorf("the refused target is not in the audit log: %s", errOut)
			}
		})
	}
	t.Run("allow-list refuses an unlisted target", func(t *testing.T) {
		rules := rulesFile(t, env, "[\\\\*\\*]\nOnlyListedServers = yes\n[\\\\"+env.DC.Host+"\\*]\n", 0o644)
		_, errOut, code := check(t, rules, dfs+"outside")
		if code != exitFailure || !strings.Contains(errOut, "nas.elsewhere.test is named by no section") {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		if _, errOut, code := check(t, rules, dfs+"good"); code != 0 {
			t.Fatalf("a listed target: exit %d: %s", code, errOut)
		}
	})
	t.Run("domain-based sysvol", func(t *testing.T) {
		rules := rulesFile(t, env, "", 0o644)
		res, errOut, code := check(t, rules, "//"+env.DNSDomain+"/sysvol")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		if len(res.Referrals) < 2 || res.Referrals[0].Kind != "domain" || !strings.EqualFold(res.Referrals[0].Chosen, env.DC.Host) ||
			!strings.EqualFold(res.Target, `\\`+env.DC.Host+`\sysvol`) {
			t.Fatalf("result %+v", res)
		}
	})
}
