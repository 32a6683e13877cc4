package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/spf13/pflag"

	"github.com/smb3fs/smb3fs/client/rules"
)

// writeCompletion writes the script `smb3fs completion SHELL` prints to a
// file and returns its path.
func writeCompletion(t *testing.T, shell string) string {
	t.Helper()
	out, errOut, status := capture(t, func() int { return run([]string{"smb3fs", "completion", shell}) })
	if status != exitOK || errOut != "" || out == "" {
		t.Fatalf("completion %s: exit %d, stderr %q", shell, status, errOut)
	}
	path := filepath.Join(t.TempDir(), "smb3fs."+shell)
	if err := os.WriteFile(path, []byte(out), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestCompletionBash runs the bash completion function on command lines,
// with COMP_WORDS as the brief gives them and with COMP_LINE as readline
// does (= and : are word breaks there).
func TestCompletionBash(t *testing.T) {
	script := writeCompletion(t, "bash")
	for _, c := range []struct{ setup, want string }{
		{`COMP_WORDS=(smb3fs mo); COMP_CWORD=1; _smb3fs`, "mount"},
		{`COMP_WORDS=(smb3fs un); COMP_CWORD=1; _smb3fs`, "unmount"},
		{`COMP_WORDS=(smb3fs co); COMP_CWORD=1; _smb3fs`, "completion"},
		{`COMP_WORDS=(smb3fs mount --fo); COMP_CWORD=2; _smb3fs`, "--foreground"},
		{`COMP_WORDS=(smb3fs check --j); COMP_CWORD=2; _smb3fs`, "--json"},
		{`COMP_WORDS=(smb3fs mount -o ve); COMP_CWORD=3; _smb3fs`, "vers="},
		{`COMP_WORDS=(smb3fs mount -o ro,echo); COMP_CWORD=3; _smb3fs`, "ro,echo_interval="},
		{`COMP_WORDS=(smb3fs mount -o vers=3.1.1,sec=krb5); COMP_CWORD=3; _smb3fs`, "vers=3.1.1,sec=krb5 vers=3.1.1,sec=krb5i vers=3.1.1,sec=krb5p"},
		{`COMP_WORDS=(smb3fs check --log-level de); COMP_CWORD=3; _smb3fs`, "debug"},
		{`COMP_WORDS=(smb3fs check --ciphers AES-256-GCM,AES-128-G); COMP_CWORD=3; _smb3fs`, "AES-256-GCM,AES-128-GCM"},
		{`COMP_WORDS=(smb3fs completion f); COMP_CWORD=2; _smb3fs`, "fish"},
		{`COMP_WORDS=(smb3fs help che); COMP_CWORD=2; _smb3fs`, "check"},
		{`COMP_WORDS=(smb3fs unmount /mnt/p); COMP_CWORD=2; _smb3fs_mountpoints() { echo /mnt/projects /srv/x; }; _smb3fs`, "/mnt/projects"},
		{`COMP_WORDS=(mount.smb3fs //s/sh /mnt -o cache=); COMP_CWORD=4; _smb3fs_helper`, "cache=strict"},
		{`COMP_WORDS=(mount.smb3fs -); COMP_CWORD=1; _smb3fs_helper`, "-o -f -s -n -v -t -h -V --help"},
		{`COMP_LINE="smb3fs mount -o vers=3.1.1,sec=krb5"; COMP_POINT=${#COMP_LINE}; COMP_WORDBREAKS="=:"; _smb3fs`, "krb5 krb5i krb5p"},
		{`COMP_LINE="smb3fs mount -o vers=3.1.1,se"; COMP_POINT=${#COMP_LINE}; COMP_WORDBREAKS="=:"; _smb3fs`, "3.1.1,sec= 3.1.1,seal"},
		{`COMP_LINE="smb3fs check --log-level=w"; COMP_POINT=${#COMP_LINE}; COMP_WORDBREAKS="=:"; _smb3fs`, "warning"},
	} {
		cmd := exec.Command("bash", "-c", `source "$1"; `+c.setup+`; echo "${COMPREPLY[*]}"`, "bash", script)
		out, err := cmd.CombinedOutput()
		if got := strings.TrimSpace(string(out)); err != nil || got != c.want {
			t.Errorf("%s: got %q (%v), want %q", c.setup, got, err, c.want)
		}
	}
	// The brief's own check, through the binary's output on a pipe.
	out, err := exec.Command("bash", "-c", `source <(cat "$1"); COMP_WORDS=(smb3fs mo); COMP_CWORD=1; _smb3fs; echo ${COMPREPLY[@]}`, "bash", script).CombinedOutput()
	if err != nil || strings.TrimSpace(string(out)) != "mount" {
		t.Errorf("source <(...): %q, %v", out, err)
	}
}

// TestCompletionZshFish: the zsh and fish scripts parse (-n).
func TestCompletionZshFish(t *testing.T) {
	for _, shell := range []string{"zsh", "fish"} {
		sh := needTool(t, shell)
		script := writeCompletion(t, shell)
		if out, err := exec.Command(sh, "-n", script).CombinedOutput(); err != nil || len(out) > 0 {
			t.Errorf("%s -n: %v\n%s", shell, err, out)
		}
	}
	// fish can complete without a terminal: ask it.
	fish := needTool(t, "fish")
	script := writeCompletion(t, "fish")
	for line, want := range map[string]string{
		"smb3fs mo":                     "mount\t",
		"smb3fs mount -o vers=3.1.1,se": "vers=3.1.1,seal\t",
		"smb3fs check --log-level ":     "debug",
		"mount.smb3fs -o sec=krb5":      "sec=krb5p",
		"smb3fs unmount --":             "--lazy",
	} {
		out, err := exec.Command(fish, "-c", `source $argv[1]; complete -C $argv[2]`, script, line).CombinedOutput()
		if err != nil || !strings.Contains(string(out), want) {
			t.Errorf("fish: complete -C %q: %v\n%s", line, err, out)
		}
	}
}

// zshDriver completes command lines in an interactive zsh on a pty:
// zsh -f zshDriver FPATHDIR LOG line1 want1 line2 want2 ... With
// MENU_COMPLETE, TAB inserts the first match; a widget bound to ^X^G then
// appends the buffer to LOG, which the driver waits for and checks.
const zshDriver = `dir=$1 log=$2; shift 2
zmodload zsh/zpty || { print "no zsh/zpty"; exit 3 }
: >$log
zpty z zsh -f -i
zpty -w z "PS1='> '; fpath=($dir \$fpath); autoload -U compinit; compinit -u -D; setopt menu_complete; dump() { print -r -- \"[\$BUFFER]\" >>$log; BUFFER= }; zle -N dump; bindkey '^X^G' dump; print -r -- READY >>$log; print -r -- ZLE''START"
# Type only once the line editor runs (the echo shows ZLE''START, the
# output ZLESTART); before, the tty's cooked mode would take the keys.
zpty -r z out '*ZLESTART*> *' || { print "zsh did not start"; exit 4 }
wait_lines() {
  local i; local -a l
  for i in {1..300}; do
    l=(${(f)"$(<$log)"})
    (( $#l >= $1 )) && return 0
    sleep 0.1
  done
  return 1
}
wait_lines 1 || { print "zsh did not start"; exit 4 }
n=1 fail=0
while (( $# >= 2 )); do
  zpty -w -n z "$1"$'\t\C-x\C-g'
  (( n++ ))
  wait_lines $n || { print -r -- "timeout completing: $1"; exit 5 }
  lines=(${(f)"$(<$log)"})
  [[ $lines[n] == *"$2"* ]] || { print -r -- "$1<TAB> gave $lines[n], want $2"; fail=1 }
  shift 2
done
zpty -d z
exit $fail
`

// TestCompletionZsh completes command lines in a real interactive zsh.
func TestCompletionZsh(t *testing.T) {
	zsh := needTool(t, "zsh")
	out, _, status := capture(t, func() int { return run([]string{"smb3fs", "completion", "zsh"}) })
	if status != exitOK {
		t.Fatalf("completion zsh: exit %d", status)
	}
	dir := t.TempDir()
	for name, text := range map[string]string{"_smb3fs": out, "driver.zsh": zshDriver} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	args := []string{"-f", filepath.Join(dir, "driver.zsh"), dir, filepath.Join(dir, "log"),
		"smb3fs mo", "[smb3fs mount ]",
		"smb3fs check --lo", "[smb3fs check --log-level=]",
		"smb3fs mount -o vers=3.1.1,se", "[smb3fs mount -o vers=3.1.1,seal",
		"smb3fs completion ", "[smb3fs completion bash]",
		"mount.smb3fs -o sec=krb5", "[mount.smb3fs -o sec=krb5",
		"smb3fs unmount --", "[smb3fs unmount --",
		"smb3fs check --log-level ", "[smb3fs check --log-level debug]",
		"smb3fs check --vers=3.1", "[smb3fs check --vers=3.1.1]",
	}
	if b, err := exec.CommandContext(ctx, zsh, args...).CombinedOutput(); err != nil {
		t.Errorf("zsh: %v\n%s", err, b)
	}
}

// TestCompletionCoversOptions: every script offers every -o option name,
// every command and every visible flag.
func TestCompletionCoversOptions(t *testing.T) {
	for _, shell := range []string{"bash", "zsh", "fish"} {
		script := map[string]func() string{"bash": bashCompletion, "zsh": zshCompletion, "fish": fishCompletion}[shell]()
		names, _ := optionNames()
		for _, n := range names {
			if !strings.Contains(script, strings.TrimSuffix(n, "=")) {
				t.Errorf("%s completion lacks option %s", shell, n)
			}
		}
		for _, c := range docCommands {
			if !strings.Contains(script, c.name) {
				t.Errorf("%s completion lacks command %s", shell, c.name)
			}
			for _, f := range visibleFlags(c.flags) {
				if !strings.Contains(script, "--"+f.Name) && !strings.Contains(script, "-l "+f.Name) {
					t.Errorf("%s completion lacks %s --%s", shell, c.name, f.Name)
				}
			}
		}
	}
}

// TestCompletionValues: every value the scripts offer is accepted by the
// parser of its option or flag, and every table names real options/flags.
func TestCompletionValues(t *testing.T) {
	for key, vals := range optionValues {
		if mo := mountOptionByName[key]; mo == nil || !mo.value {
			t.Errorf("optionValues: %s is not an option with a value", key)
		}
		for _, v := range vals {
			if _, err := parseMountOptions([]string{key + "=" + v}); err != nil {
				t.Errorf("offered %s=%s: %v", key, v, err)
			}
		}
	}
	for key := range fileOptions {
		if mo := mountOptionByName[key]; mo == nil || !mo.value {
			t.Errorf("fileOptions: %s is not an option with a value", key)
		}
	}
	parse := map[string]func(string) error{
		"log-level": func(v string) error { _, err := parseLogLevel(v); return err },
		"vers":      func(v string) error { _, _, err := parseVers(v); return err },
		"ciphers":   func(v string) error { _, err := rules.ParseCiphers(v); return err },
		"signing":   func(v string) error { _, err := rules.ParseSigningAlgorithms(v); return err },
	}
	for name, vals := range flagValues {
		if parse[name] == nil {
			t.Errorf("flagValues: no parser test for --%s", name)
			continue
		}
		for _, v := range vals {
			if err := parse[name](v); err != nil {
				t.Errorf("offered --%s %s: %v", name, v, err)
			}
		}
	}
	flags := map[string]*pflag.Flag{}
	for _, c := range docCommands {
		for _, f := range visibleFlags(c.flags) {
			flags[f.Name] = f
		}
	}
	for _, m := range []map[string]bool{fileFlags, listFlags} {
		for name := range m {
			if f := flags[name]; f == nil || !takesValue(f) {
				t.Errorf("--%s: no such flag with a value", name)
			}
		}
	}
	for name := range flagMetavars {
		if flags[name] == nil {
			t.Errorf("flagMetavars: no flag --%s", name)
		}
	}
}

// TestCompletionUsage: completion takes exactly one known shell; --help
// prints its usage on standard output.
func TestCompletionUsage(t *testing.T) {
	for _, args := range [][]string{{"smb3fs", "completion"}, {"smb3fs", "completion", "tcsh"}, {"smb3fs", "completion", "bash", "zsh"}} {
		_, errOut, status := capture(t, func() int { return run(args) })
		if status != exitUsage || !strings.Contains(errOut, "usage: smb3fs completion") {
			t.Errorf("%q: exit %d, stderr %q", args, status, errOut)
		}
	}
	out, _, status := capture(t, func() int { return run([]string{"smb3fs", "help", "completion"}) })
	if status != exitOK || !strings.HasPrefix(out, "usage: smb3fs completion") {
		t.Errorf("help completion: exit %d, %q", status, out)
	}
}
