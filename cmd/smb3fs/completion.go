package main

// smb3fs completion bash|zsh|fish: completion scripts generated from the
// same tables the parsers read (docCommands and the flag sets, commands.go;
// mountOptionTable, options.go), so what they offer is what is accepted.
// They complete commands, flags, -o option names and the values of those
// whose values are few (optionValues), and smb3fs mount points for unmount.

import (
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/spf13/pflag"

	"github.com/smb3fs/smb3fs/client/wire"
)

// completionUsage is the help of smb3fs completion.
var completionUsage = usageText{
	synopsis: "smb3fs completion bash|zsh|fish",
	about: `Print the shell completion script for bash, zsh or fish on standard output.
make install puts them where the shells look. To load one by hand:
bash: source <(smb3fs completion bash);
zsh: smb3fs completion zsh > ~/.zfunc/_smb3fs, with ~/.zfunc in fpath;
fish: smb3fs completion fish > ~/.config/fish/completions/smb3fs.fish.
Exit status: 0; 1 incorrect invocation.`,
}

// runCompletion is `smb3fs completion SHELL`.
func runCompletion(args []string) int {
	if len(args) == 1 && (args[0] == "-h" || args[0] == "--help") {
		completionUsage.print(os.Stdout, nil)
		return exitOK
	}
	gen := map[string]func() string{"bash": bashCompletion, "zsh": zshCompletion, "fish": fishCompletion}
	if len(args) != 1 || gen[args[0]] == nil {
		fmt.Fprintln(os.Stderr, "smb3fs: completion: want bash, zsh or fish")
		completionUsage.print(os.Stderr, nil)
		return exitUsage
	}
	fmt.Print(gen[args[0]]())
	return exitOK
}

// dialectValues are the spellings of vers= (and check --vers) offered:
// wire.ParseVers's and mount.cifs's "3" (3.0 or later).
var dialectValues = []string{"3.1.1", "3.11", "3.0.2", "3.02", "3.0", "2.1", "2.0.2", "3"}

// logLevels are the values of loglevel= and --log-level.
var logLevels = []string{"error", "warning", "info", "debug"}

// optionValues are the values offered after an -o option's "=", for the
// options whose values are few; a test parses every one.
var optionValues = map[string][]string{
	"sec":       {"krb5", "krb5i", "krb5p", "ntlmssp", "ntlmsspi", "ntlmv2", "ntlmv2i"},
	"vers":      append(slices.Clone(dialectValues), "default"),
	"loglevel":  logLevels,
	"iocharset": {"utf8"},
	"cache":     {"strict"},
}

// fileOptions are the -o options whose value is a file.
var fileOptions = map[string]bool{"credentials": true, "cred": true, "logfile": true, "keytab": true}

// flagValues are the values offered for flags whose values are few, by
// long name; listFlags take a comma-separated list of them.
var flagValues = map[string][]string{
	"log-level": logLevels,
	"vers":      dialectValues,
	"ciphers":   algorithmNames(wire.Ciphers()),
	"signing":   algorithmNames(wire.SigningAlgorithms()),
}

// listFlags are the flags whose value is a comma-separated list.
var listFlags = map[string]bool{"ciphers": true, "signing": true}

// fileFlags are the flags whose value is a file.
var fileFlags = map[string]bool{"rules": true, "keytab": true}

// algorithmNames returns the names of ids as they print.
func algorithmNames[T fmt.Stringer](ids []T) []string {
	var names []string
	for _, id := range ids {
		names = append(names, id.String())
	}
	return names
}

// optionNames returns every -o option name, with "=" after those that
// take a value, and its description, in table order.
func optionNames() (names, docs []string) {
	for _, mo := range mountOptionTable {
		for _, n := range mo.names {
			if mo.value {
				n += "="
			}
			names = append(names, n)
			docs = append(docs, mo.doc)
		}
	}
	for _, n := range sortedKeys(fstabUserOptions) {
		names = append(names, n)
		docs = append(docs, "fstab's: accepted and ignored")
	}
	return names, docs
}

// sortedKeys returns the keys of m, sorted.
func sortedKeys[V any](m map[string]V) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

// commandNames returns the visible commands and their aliases.
func commandNames() []string {
	var names []string
	for _, c := range docCommands {
		names = append(names, c.name)
		names = append(names, c.aliases...)
	}
	return names
}

// flagWords returns the spellings of flags (--long and -s) and those of
// the flags that take a value.
func flagWords(fs []*pflag.Flag) (all, valued []string) {
	all = []string{"--help", "-h"}
	for _, f := range fs {
		words := []string{"--" + f.Name}
		if f.Shorthand != "" {
			words = append(words, "-"+f.Shorthand)
		}
		all = append(all, words...)
		if takesValue(f) {
			valued = append(valued, words...)
		}
	}
	return all, valued
}

// shQuote quotes s for a POSIX shell (bash, zsh).
func shQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// operandKind names what the completion scripts complete as operands.
var operandKind = map[operands]string{
	noOperands: "none", sourceAndDir: "source-dir", sourceOnly: "source",
	smb3fsMountpoint: "mountpoint", commandName: "command", shellName: "shell",
}

// mountinfoAwk prints the mount points of fuse.smb3fs file systems from
// /proc/self/mountinfo (mountpoint is field 5, the type follows "-").
const mountinfoAwk = `awk '{ for (i = 7; i < NF; i++) if ($i == "-") { if ($(i+1) == "fuse.smb3fs") print $5; break } }' /proc/self/mountinfo`

// bashCompletion returns the bash script: _smb3fs for smb3fs and
// _smb3fs_helper for mount.smb3fs.
func bashCompletion() string {
	var b strings.Builder
	names, _ := optionNames()
	fmt.Fprintf(&b, `# bash completion for smb3fs and mount.smb3fs; generated by "smb3fs completion bash".

_smb3fs_mount_options=%s

_smb3fs_mountpoints() {
	if [[ -r /proc/self/mountinfo ]]; then
		%s
	else
		mount | awk '/smb3fs/ { print $3 }'
	fi
}

# _smb3fs_init sets cur, words and cword: from COMP_LINE split at blanks
# when bash gives it (so "=" and ":" stay inside a word), else COMP_WORDS.
_smb3fs_init() {
	if [[ -n ${COMP_LINE-} ]]; then
		local line=${COMP_LINE:0:COMP_POINT}
		read -ra words <<<"$line"
		if [[ -z $line || $line == *[[:space:]] ]]; then
			words+=("")
		fi
		cword=$((${#words[@]} - 1))
		_smb3fs_from_line=1
	else
		words=("${COMP_WORDS[@]}")
		cword=$COMP_CWORD
		_smb3fs_from_line=
	fi
	cur=${words[cword]}
}

# _smb3fs_trim drops from COMPREPLY what readline will not replace: the
# text of cur up to its last word-break character (= or :).
_smb3fs_trim() {
	[[ -n $_smb3fs_from_line ]] || return 0
	local i c
	for ((i = ${#cur} - 1; i >= 0; i--)); do
		c=${cur:i:1}
		if [[ ($c == "=" || $c == ":") && $COMP_WORDBREAKS == *"$c"* ]]; then
			COMPREPLY=("${COMPREPLY[@]#"${cur:0:i+1}"}")
			return 0
		fi
	done
}

# _smb3fs_list WORDS TEXT: complete the last item of the comma-separated TEXT.
_smb3fs_list() {
	local head= last=$2
	if [[ $2 == *,* ]]; then
		head=${2%%,*},
		last=${2##*,}
	fi
	COMPREPLY=($(compgen -P "$head" -W "$1" -- "$last"))
	compopt -o nospace 2>/dev/null
}

_smb3fs_option_values() {
	case $1 in
`, shQuote(strings.Join(names, " ")), mountinfoAwk)
	for _, k := range sortedKeys(optionValues) {
		fmt.Fprintf(&b, "\t%s) echo %s ;;\n", k, shQuote(strings.Join(optionValues[k], " ")))
	}
	b.WriteString(`	esac
}

# _smb3fs_options TEXT: complete the -o list TEXT (name, or name=value).
_smb3fs_options() {
	local head= last=$1
	if [[ $1 == *,* ]]; then
		head=${1%,*},
		last=${1##*,}
	fi
	if [[ $last == *=* ]]; then
		local key=${last%%=*}
		case $key in
`)
	fmt.Fprintf(&b, "\t\t%s)\n", strings.Join(sortedKeys(fileOptions), "|"))
	b.WriteString(`			COMPREPLY=($(compgen -f -P "$head$key=" -- "${last#*=}")) ;;
		*)
			COMPREPLY=($(compgen -P "$head$key=" -W "$(_smb3fs_option_values "$key")" -- "${last#*=}")) ;;
		esac
	else
		COMPREPLY=($(compgen -P "$head" -W "$_smb3fs_mount_options" -- "$last"))
	fi
	compopt -o nospace 2>/dev/null
}

# _smb3fs_flag_value FLAG TEXT: complete the value TEXT of FLAG.
_smb3fs_flag_value() {
	case $1 in
	-o | --options) _smb3fs_options "$2" ;;
	-t) COMPREPLY=($(compgen -W smb3fs -- "$2")) ;;
`)
	for _, k := range sortedKeys(fileFlags) {
		fmt.Fprintf(&b, "\t--%s) COMPREPLY=($(compgen -f -- \"$2\")) ;;\n", k)
	}
	for _, k := range sortedKeys(flagValues) {
		if listFlags[k] {
			fmt.Fprintf(&b, "\t--%s) _smb3fs_list %s \"$2\" ;;\n", k, shQuote(strings.Join(flagValues[k], " ")))
		} else {
			fmt.Fprintf(&b, "\t--%s) COMPREPLY=($(compgen -W %s -- \"$2\")) ;;\n", k, shQuote(strings.Join(flagValues[k], " ")))
		}
	}
	fmt.Fprintf(&b, `	esac
}

# _smb3fs_args FLAGS VALUED KIND START: complete words[cword] of a command
# whose words start at START, given its flags, those of them that take a
# value, and what its operands are.
_smb3fs_args() {
	local flags=$1 valued=$2 kind=$3 start=$4
	local prev=
	((cword > start)) && prev=${words[cword - 1]}
	if [[ -n $prev && " $valued " == *" $prev "* ]]; then
		_smb3fs_flag_value "$prev" "$cur"
		return
	fi
	case $cur in
	--*=*)
		_smb3fs_flag_value "${cur%%%%=*}" "${cur#*=}"
		COMPREPLY=("${COMPREPLY[@]/#/${cur%%%%=*}=}")
		return
		;;
	-*)
		COMPREPLY=($(compgen -W "$flags" -- "$cur"))
		return
		;;
	esac
	local i n=0 skip=
	for ((i = start; i < cword; i++)); do
		if [[ -n $skip ]]; then
			skip=
			continue
		fi
		case ${words[i]} in
		--*=*) ;;
		-*) [[ " $valued " == *" ${words[i]} "* ]] && skip=1 ;;
		*) ((n++)) ;;
		esac
	done
	case $kind:$n in
	source-dir:1) COMPREPLY=($(compgen -d -- "$cur")) ;;
	mountpoint:0) COMPREPLY=($(compgen -W "$(_smb3fs_mountpoints)" -- "$cur")) ;;
	command:0) COMPREPLY=($(compgen -W %s -- "$cur")) ;;
	shell:0) COMPREPLY=($(compgen -W 'bash zsh fish' -- "$cur")) ;;
	esac
}

_smb3fs() {
	local cur words cword _smb3fs_from_line
	COMPREPLY=()
	_smb3fs_init
	if ((cword == 1)); then
		COMPREPLY=($(compgen -W %s -- "$cur"))
		return
	fi
	case ${words[1]} in
`, shQuote(strings.Join(commandNames(), " ")), shQuote(strings.Join(append(commandNames(), "--help", "--version"), " ")))
	for _, c := range docCommands {
		all, valued := flagWords(visibleFlags(c.flags))
		fmt.Fprintf(&b, "\t%s) _smb3fs_args %s %s %s 2 ;;\n", strings.Join(append([]string{c.name}, c.aliases...), " | "),
			shQuote(strings.Join(all, " ")), shQuote(strings.Join(valued, " ")), operandKind[c.args])
	}
	var hall, hvalued []string
	for _, h := range helperFlags {
		hall = append(hall, h.flag)
		if h.value != "" {
			hvalued = append(hvalued, h.flag)
		}
	}
	fmt.Fprintf(&b, `	esac
	_smb3fs_trim
}

_smb3fs_helper() {
	local cur words cword _smb3fs_from_line
	COMPREPLY=()
	_smb3fs_init
	_smb3fs_args %s %s source-dir 1
	_smb3fs_trim
}

complete -F _smb3fs smb3fs
complete -F _smb3fs_helper mount.smb3fs
`, shQuote(strings.Join(append(hall, "--help"), " ")), shQuote(strings.Join(hvalued, " ")))
	return b.String()
}
