package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

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

// TestLiveMountDFS: a mount of a path through the DC's DFS namespace
// mounts the link's target: files written through //dc1/dfs/good land in
// the DC's encrypted share and rename inside it; a path under a link
// continues inside the target; the legacy and weak links are refused under
// the default rule (exit 32, the target named); the domain-based
// //smb3fs.test/sysvol mounts the DC's sysvol.
func TestLiveMountDFS(t *testing.T) {
	env := testenv.Env(t)
	bin := testenv.DaemonBinary(t)
	cc := env.Kinit(t, "alice")
	share := env.ShareDirs[env.Shares.Encrypted]
	refused := func(t *testing.T, src string, flags ...string) (string, int) {
		t.Helper()
		dir := t.TempDir()
		out, code := runMountCmd(t, env, bin, cc, nil, append(append([]string{"mount"}, flags...), src, dir)...)
		if mountedAt(t, dir) {
			exec.Command(bin, "unmount", "--lazy", dir).Run()
			t.Errorf("%s mounted", src)
		}
		return out, code
	}
	name := "dfs-" + strings.ReplaceAll(time.Now().Format("150405.000000000"), ".", "")
	t.Cleanup(func() { os.RemoveAll(filepath.Join(share, name)) })

	t.Run("good link", func(t *testing.T) {
		dir := mountLive(t, env, bin, cc, "//"+env.DC.Host+"/dfs/good")
		if err := os.Mkdir(filepath.Join(dir, name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name, "a.txt"), []byte("through the link"), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(filepath.Join(dir, name, "a.txt"), filepath.Join(dir, name, "b.txt")); err != nil {
			t.Fatal(err)
		}
		if got, err := os.ReadFile(filepath.Join(share, name, "b.txt")); err != nil || string(got) != "through the link" {
			t.Errorf("on the server's disk: %q, %v", got, err)
		}
	})
	t.Run("a path under the link", func(t *testing.T) {
		dir := mountLive(t, env, bin, cc, "//"+env.DC.Host+"/dfs/good/"+name)
		if got, err := os.ReadFile(filepath.Join(dir, "b.txt")); err != nil || string(got) != "through the link" {
			t.Errorf("b.txt at the root of the mount: %q, %v", got, err)
		}
	})
	for _, link := range []string{"legacy", "weak"} {
		t.Run("refused: "+link, func(t *testing.T) {
			out, code := refused(t, "//"+env.DC.Host+"/dfs/"+link)
			if code != exitFailure || !strings.Contains(out, "no target could be used") || !strings.Contains(out, `\`+link+`.smb3fs.test\`) {
				t.Fatalf("exit %d: %s", code, out)
			}
		})
	}
	t.Run("failover: the first target is unreachable", func(t *testing.T) {
		dir := mountLive(t, env, bin, cc, "//"+env.DC.Host+"/dfs/failover/"+name)
		if got, err := os.ReadFile(filepath.Join(dir, "b.txt")); err != nil || string(got) != "through the link" {
			t.Errorf("b.txt through the second target: %q, %v", got, err)
		}
	})
	t.Run("allow-list refuses the unlisted target", func(t *testing.T) {
		rules := rulesFile(t, env, "[\\\\*\\*]\nOnlyListedServers = yes\n[\\\\"+env.DC.Host+"\\*]\n", 0o644)
		out, code := refused(t, "//"+env.DC.Host+"/dfs/outside", "--rules", rules)
		if code != exitFailure || !strings.Contains(out, "nas.elsewhere.test is named by no section") {
			t.Fatalf("exit %d: %s", code, out)
		}
	})
	t.Run("domain-based sysvol", func(t *testing.T) {
		dir := mountLive(t, env, bin, cc, "//"+env.DNSDomain+"/sysvol")
		entries, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, e := range entries {
			found = found || strings.EqualFold(e.Name(), env.DNSDomain)
		}
		if !found {
			t.Errorf("sysvol lists %v, want the domain's directory %s", entries, env.DNSDomain)
		}
	})
}

// TestLiveMountDFSLegacyWhereRulesAllow: the legacy link (an SMB 3.0
// server without Kerberos) mounts with NTLM where the rules for both the
// path named and the target allow SMB 3.0 and NTLM; with the target's rule
// alone it stays refused: a referral never loosens the path's rule.
func TestLiveMountDFSLegacyWhereRulesAllow(t *testing.T) {
	env := testenv.Env(t)
	bin := testenv.DaemonBinary(t)
	alice := env.User(t, "alice")
	loose := "RequireMutualAuthentication = 0\nAllowNTLM = 1\nMinDialect = 3.0\n"
	targetOnly := rulesFile(t, env, "[\\\\"+env.Legacy.Host+"\\*]\n"+loose, 0o644)
	both := rulesFile(t, env, "[\\\\"+env.Legacy.Host+"\\*]\n"+loose+"[\\\\"+env.DC.Host+"\\dfs]\n"+loose, 0o644)
	src := "//" + env.DC.Host + "/dfs/legacy"
	pw := []string{"PASSWD=" + alice.Password}
	opts := "sec=ntlmssp,username=alice,domain=" + env.Domain

	dir := t.TempDir()
	out, code := runMountCmd(t, env, bin, "/nonexistent", pw, "mount", "--rules", targetOnly, src, dir, "-o", opts)
	if code != exitFailure || mountedAt(t, dir) {
		t.Fatalf("only the target's rule allows NTLM: exit %d: %s", code, out)
	}
	out, code = runMountCmd(t, env, bin, "/nonexistent", pw, "mount", "--rules", both, src, dir, "-o", opts)
	if code != 0 {
		t.Fatalf("both rules allow it: exit %d: %s", code, out)
	}
	t.Cleanup(func() {
		if mountedAt(t, dir) {
			exec.Command(bin, "unmount", "--lazy", dir).Run()
		}
	})
	name := "dfs-legacy-" + strings.ReplaceAll(time.Now().Format("150405.000000000"), ".", "")
	if err := os.WriteFile(filepath.Join(dir, name), []byte("via the legacy link"), 0o644); err != nil {
		t.Fatal(err)
	}
	on := filepath.Join(env.ShareDirs[env.Shares.Legacy], name)
	t.Cleanup(func() { os.Remove(on) })
	if got, err := os.ReadFile(on); err != nil || string(got) != "via the legacy link" {
		t.Errorf("on the legacy server's disk: %q, %v", got, err)
	}
}
