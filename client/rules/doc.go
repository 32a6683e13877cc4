// Package rules reads the UNC hardening file, root's per-server and
// per-share security policy, and turns it, together with the options of one
// mount, into the client.Policy that the connection must reach.
//
// The idea is Windows' "Hardened UNC Paths" group policy: root names UNC
// paths and the security each one demands. smb3fs starts from the strictest
// policy (client.StrictPolicy: privacy, integrity and mutual authentication
// required, SMB 3.1.1 only, no NTLM) and a rule can only loosen the settings
// it names, for the servers it names. Neither the network nor a user's mount
// options can go below what the applicable rule demands: mount options may
// only tighten it.
//
//	hardening file ─► Load/Parse ─► Rules ─┐
//	server, share ─────────────────────────┼─ Resolve ─► client.Policy, Match
//	mount options ─► Request ──────────────┘             (or a refusal naming the rule)
//
// # File format
//
// The file is UTF-8 text, by default /etc/smb3fs/hardening.conf. Each line is
// blank, a comment, a section header or a setting; leading and trailing
// blanks are ignored.
//
//   - A comment is a line whose first non-blank character is '#' or ';'.
//     There are no comments at the end of other lines.
//   - A section header is a UNC pattern in brackets: [\\server\share].
//   - A setting is "Key = Value" and belongs to the section above it; a
//     setting before the first section is an error.
//
// Example:
//
//	# Everything: the strict default spelled out, but without the CCM ciphers.
//	[\\*\*]
//	RequirePrivacy = 1
//	RequireIntegrity = 1
//	RequireMutualAuthentication = 1
//	MinDialect = 3.1.1
//	Ciphers = AES-256-GCM, AES-128-GCM
//	SigningAlgorithms = AES-GMAC, AES-CMAC
//	AllowNTLM = 0
//
//	# A NAS that speaks 3.0.2 at best and has no Kerberos.
//	[\\oldnas\backup]
//	MinDialect = 3.0.2
//	RequireMutualAuthentication = 0
//	AllowNTLM = 1
//
//	# Forward slashes work too.
//	[//scanner/*]
//	RequirePrivacy = 0
//
// Patterns have exactly two parts after the leading \\ (or //): a server and
// a share, each either a name or a lone '*' matching any name. Backslashes
// and slashes may be mixed. Partial wildcards (\\srv*\x), '?', a missing part
// (\\srv), an empty part (\\srv\), extra path components (\\srv\share\dir),
// control characters and names with leading or trailing blanks are errors.
// Server and share names are compared case-insensitively (Unicode simple case
// folding) and otherwise literally: no DNS lookup is done, so a server reached
// by another name (its IP address, a short name instead of the FQDN) matches
// other rules. Name the server the way mounts name it.
//
// Keys are case-insensitive:
//
//	RequirePrivacy               bool     every message after SESSION_SETUP encrypted
//	RequireIntegrity             bool     the session signed (or encrypted)
//	RequireMutualAuthentication  bool     the server proves its identity (Kerberos)
//	MinDialect, MaxDialect       dialect  the dialects offered and accepted
//	Ciphers                      list     encryption algorithms, in preference order
//	SigningAlgorithms            list     3.1.1 signing algorithms, in preference order
//	AllowNTLM                    bool     NTLMv2 permitted (needs RequireMutualAuthentication = 0)
//	OnlyListedServers            bool     in [\\*\*] only: refuse servers no section names
//
// Booleans are 0, 1, true, false, yes or no; dialects are 2.0.2, 2.1, 3.0
// (or 3.0.0), 3.0.2 or 3.1.1; lists are comma-separated names as the crypto
// package prints them (AES-128-CCM, AES-128-GCM, AES-256-CCM, AES-256-GCM;
// HMAC-SHA256, AES-CMAC, AES-GMAC), case-insensitive, without repeats. An
// unknown key, a repeated key within a section, a repeated section (patterns
// compared case-insensitively), a malformed value or a section no server
// could satisfy (privacy with no SMB3 dialect or usable cipher, MinDialect
// above MaxDialect, AllowNTLM = 1 while mutual authentication is required) is
// an error naming the file and line. The whole file is refused on the first
// error: nothing is skipped.
//
// A setting a section does not name comes from the \\*\* section, the
// administrator's baseline, when there is one, else from the strict
// default; never from another section. A section that requires mutual
// authentication does not inherit AllowNTLM = 1. Rule.Source says where
// each setting came from.
//
// OnlyListedServers = yes (in \\*\* only; not inherited) makes the file an
// allow-list: Lookup refuses a server no section names with ErrNotListed.
//
// # Precedence
//
// Exactly one rule applies to a server and share; rules are never merged.
// The most specific wins:
//
//	\\server\share  >  \\server\*  >  \\*\share  >  \\*\*  >  built-in strict default
//
// A server-wide rule beats a share-name rule because that is how an
// administrator scopes a legacy box: the exception is about the machine (its
// old firmware, its missing Kerberos), and every share on it shares the
// weakness. A share-name rule across all servers (\\*\backup) is a weaker
// statement and must not re-tighten, or loosen, a box that root singled out.
//
// # File safety
//
// Like ssh with its configuration, Load refuses a hardening file that anyone
// but root could have written: the file and every directory above it up to /
// must be owned by root and not writable by group or others, and the file
// must be a regular file. A symbolic link anywhere on the path must be owned
// by root, and its target passes the same checks. A missing file at the
// default path means the strict default everywhere; a missing file at a path
// given explicitly is an error.
//
// # Mount options
//
// A Request carries what the user asked for; ParseSec is the one reading
// of sec= (krb5, krb5i, krb5p, ntlmssp, ntlmsspi, ntlmv2, ntlmv2i), and
// ParseCiphers and ParseSigningAlgorithms read lists as the file does.
// Asking for more than the rule (seal when the rule does not require
// privacy, vers=3.1.1 where the rule allows 3.0.2, a subset of the allowed
// ciphers, sec=krb5 or krb5p) tightens the policy; asking for less
// (seal=false where privacy is required, vers=3.0 where the rule demands
// 3.1.1, a cipher the rule does not allow, sec=ntlmssp where NTLM is not
// allowed) is refused with a LoosenError that names the rule and the
// setting, for example
//
//	rules: rule \\*\* requires dialect >= 3.1.1; vers=3.0.0 would loosen it
package rules
