package auth

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/jcmturner/gokrb5/v8/config"
	"github.com/jcmturner/gokrb5/v8/keytab"
)

// ErrUnsafeKeytab marks a keytab refused for its owner or permissions, or
// those of the path that reaches it (CheckKeytab). It is the refusal a
// credential cache gets, and prints as "refused".
var ErrUnsafeKeytab = errUnsafeFile

// ErrNoKeytabEntry marks a keytab that holds no key for the principal
// asked for (CheckKeytab).
var ErrNoKeytabEntry = errors.New("holds no key for")

// maxKeytabSize bounds the keytab read: a real one holds a few keys, a
// few hundred bytes each.
const maxKeytabSize = 1 << 20

// readKeytab reads the keytab at path for the user uid, with the checks
// CheckKeytab describes for the file and the path to it; the caller wipes
// the bytes. NewKerberos reads every keytab it uses through it, so a
// keytab replaced after the mount started is checked again at each login.
func readKeytab(path string, uid int) ([]byte, error) {
	f, fi, err := openOwnedFile(path, uid)
	if err != nil { // an unsafe path is errUnsafeFile, that is ErrUnsafeKeytab
		return nil, fmt.Errorf("auth: keytab %s: %w", path, err)
	}
	defer f.Close()
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("auth: keytab %s: %w: not a regular file", path, ErrUnsafeKeytab)
	}
	if perm := fi.Mode().Perm(); perm&0o077 != 0 {
		return nil, fmt.Errorf("auth: keytab %s: %w: readable or writable by group or others (mode %04o); chmod 600 it", path, ErrUnsafeKeytab, perm)
	}
	b, err := io.ReadAll(io.LimitReader(f, maxKeytabSize+1))
	if err != nil {
		clear(b)
		return nil, fmt.Errorf("auth: keytab %s: %w", path, err)
	}
	if len(b) > maxKeytabSize {
		clear(b)
		return nil, fmt.Errorf("auth: keytab %s: larger than %d bytes", path, maxKeytabSize)
	}
	return b, nil
}

// CheckKeytab checks, before any network traffic, that the keytab at path
// may be used by the user uid for principal ("user" or "user@REALM"; a bare
// user takes the default_realm of krb5Conf, resolved as NewKerberos does):
//
//   - it is reached and opened as a credential cache is (openOwnedFile:
//     every directory on the way and the file owned by uid or root, none
//     of them writable by others);
//   - it is a regular file that neither group nor others may read or
//     write (mode 0600 or stricter), as a credentials file must be: a
//     keytab's keys are password equivalents;
//   - it parses, and holds a key for principal.
//
// An ownership or mode refusal wraps ErrUnsafeKeytab, a missing principal
// ErrNoKeytabEntry; every error names the file and what is wrong. The
// bytes read are wiped before it returns.
func CheckKeytab(path, principal, krb5Conf string, uid int) error {
	b, err := readKeytab(path, uid)
	defer clear(b)
	if err != nil {
		return err
	}
	kt := new(keytab.Keytab)
	if err := kt.Unmarshal(b); err != nil {
		return fmt.Errorf("auth: keytab %s: not a keytab: %w", path, err)
	}
	defer func() {
		for i := range kt.Entries {
			clear(kt.Entries[i].Key.KeyValue)
		}
	}()
	cfgPath := krb5ConfPath(krb5Conf)
	cfg, err := config.Load(cfgPath)
	if err != nil {
		return fmt.Errorf("auth: kerberos: krb5.conf: %w", err)
	}
	user, realm, err := splitPrincipal(principal, cfg)
	if err != nil {
		return err
	}
	var have []string
	for _, e := range kt.Entries {
		name := strings.Join(e.Principal.Components, "/")
		if name == user && strings.EqualFold(e.Principal.Realm, realm) {
			return nil
		}
		if p := name + "@" + e.Principal.Realm; len(have) < 5 && !slices.Contains(have, p) {
			have = append(have, p)
		}
	}
	holds := "it holds no key"
	if len(have) > 0 {
		holds = "it holds: " + strings.Join(have, ", ")
	}
	return fmt.Errorf("auth: keytab %s %w %s@%s (%s)", path, ErrNoKeytabEntry, user, realm, holds)
}
