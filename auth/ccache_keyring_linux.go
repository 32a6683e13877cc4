package auth

import (
	"errors"
	"fmt"
	"runtime"

	"golang.org/x/sys/unix"
)

// readKeyringCCache reads KEYRING:residual for uid through the kernel's
// key system calls, following MIT's layout (ccache_keyring.go), and
// returns it in the FILE format. The collection keyring, the cache
// keyring, the principal key and every credential key must belong to uid:
// keys of another user could carry tickets of their choosing. Nothing is
// created or changed, except that, as MIT does, the persistent keyring is
// attached to this process's keyring (KEYCTL_GET_PERSISTENT) and a
// collection found under the user keyring is linked into it, which is what
// gives this process possession, hence the right to read the keys.
func readKeyringCCache(residual string, uid int) (full string, data []byte, err error) {
	n, err := parseKeyringResidual(residual)
	if err != nil {
		return "", nil, fmt.Errorf("auth: kerberos: credential cache KEYRING:%s: %w", residual, err)
	}
	if n.anchor == "thread" {
		// The thread keyring is this OS thread's.
		runtime.LockOSThread()
		defer runtime.UnlockOSThread()
	}
	// Until the primary cache is known, errors name what was asked for.
	name := "KEYRING:" + residual
	if n.hasSubsidiary {
		name = n.full()
	}
	fail := func(err error) (string, []byte, error) {
		if errors.Is(err, unix.ENOKEY) || errors.Is(err, unix.EKEYEXPIRED) || errors.Is(err, unix.EKEYREVOKED) {
			return "", nil, &NoCCacheError{Name: name, Err: err}
		}
		return "", nil, fmt.Errorf("auth: kerberos: credential cache %s: %w", name, err)
	}

	cacheID, err := findKeyringCache(&n, uid)
	if !n.hasSubsidiary && n.subsidiary != "" {
		name = n.full()
	}
	if err != nil {
		return fail(err)
	}
	if err := checkKeyOwner(cacheID, uid, "keyring"); err != nil {
		return fail(err)
	}
	princID, err := unix.KeyctlSearch(cacheID, "user", krccPrincKey, 0)
	if err != nil {
		return fail(err) // an uninitialised cache: ENOKEY
	}
	if err := checkKeyOwner(princID, uid, "user"); err != nil {
		return fail(err)
	}
	princ, err := readKey(princID, maxCCacheSize)
	if err != nil {
		return fail(fmt.Errorf("principal: %w", err))
	}
	offsetsID, _ := unix.KeyctlSearch(cacheID, "user", krccTimeOffsetsKey, 0)
	list, err := readKey(cacheID, 4*maxKeyringKeys)
	if err != nil {
		return fail(err)
	}
	ids, err := parseKeyList(list)
	if err != nil {
		return fail(err)
	}
	var creds [][]byte
	total := len(princ)
	for _, id := range ids {
		if id == princID || (offsetsID > 0 && id == offsetsID) {
			continue
		}
		if err := checkKeyOwner(id, uid, "user", "big_key"); err != nil {
			if skippableKey(err) {
				continue
			}
			return fail(err)
		}
		c, err := readKey(id, maxCCacheSize-total)
		if err != nil {
			if skippableKey(err) {
				continue
			}
			return fail(err)
		}
		total += len(c)
		creds = append(creds, c)
	}
	data, err = fileCCache(princ, creds)
	if err != nil {
		return fail(fmt.Errorf("malformed key: %w", err))
	}
	return name, data, nil
}

// skippableKey: a credential key unlinked since the keyring was listed or
// not ours to see (MIT skips both), or one whose ticket has ended and
// whose key the kernel has expired or revoked (useless anyway).
func skippableKey(err error) bool {
	return errors.Is(err, unix.ENOKEY) || errors.Is(err, unix.EACCES) ||
		errors.Is(err, unix.EKEYEXPIRED) || errors.Is(err, unix.EKEYREVOKED)
}

// findKeyringCache finds the cache keyring of n, filling in n.subsidiary
// from the collection's primary key when the name has none.
func findKeyringCache(n *keyringName, uid int) (int, error) {
	var anchor, possess int
	collection := krccCollectionPrefix + n.collection
	switch n.anchor {
	case "persistent":
		puid, err := n.persistentUID(uid)
		if err != nil {
			return 0, err
		}
		p, err := unix.KeyctlInt(unix.KEYCTL_GET_PERSISTENT, puid, unix.KEY_SPEC_PROCESS_KEYRING, 0, 0)
		if err != nil {
			if !errors.Is(err, unix.EOPNOTSUPP) || puid != uid {
				return 0, fmt.Errorf("persistent keyring of uid %d: %w", puid, err)
			}
			p = unix.KEY_SPEC_USER_KEYRING // MIT's fallback without persistent keyrings
		}
		anchor, collection = p, krccPersistentName
	case "process":
		anchor = unix.KEY_SPEC_PROCESS_KEYRING
	case "thread":
		anchor = unix.KEY_SPEC_THREAD_KEYRING
	case "session", "legacy":
		anchor = unix.KEY_SPEC_SESSION_KEYRING
	case "user":
		// The user keyring does not confer possession: link the
		// collection into the process keyring, as MIT does.
		anchor, possess = unix.KEY_SPEC_USER_KEYRING, unix.KEY_SPEC_PROCESS_KEYRING
	}
	colID, err := unix.KeyctlSearch(anchor, "keyring", collection, possess)
	if err != nil {
		if n.anchor == "legacy" && errors.Is(err, unix.ENOKEY) && !n.hasSubsidiary {
			// A cache made by MIT before collections: a keyring with
			// the collection's name in the session keyring.
			n.subsidiary = n.collection
			return unix.KeyctlSearch(unix.KEY_SPEC_SESSION_KEYRING, "keyring", n.collection, 0)
		}
		if !n.hasSubsidiary {
			n.subsidiary = n.defaultSubsidiary()
		}
		return 0, err
	}
	if err := checkKeyOwner(colID, uid, "keyring"); err != nil {
		return 0, fmt.Errorf("collection: %w", err)
	}
	if !n.hasSubsidiary {
		n.subsidiary = n.defaultSubsidiary()
		pid, err := unix.KeyctlSearch(colID, "user", krccPrimaryKey, 0)
		switch {
		case err == nil:
			if err := checkKeyOwner(pid, uid, "user"); err != nil {
				return 0, fmt.Errorf("primary key: %w", err)
			}
			p, err := readKey(pid, maxKeyringPrimary)
			if err != nil {
				return 0, fmt.Errorf("primary key: %w", err)
			}
			if n.subsidiary, err = parseKeyringPrimary(p); err != nil {
				n.subsidiary = n.defaultSubsidiary()
				return 0, err
			}
		case errors.Is(err, unix.ENOKEY):
		default:
			return 0, fmt.Errorf("primary key: %w", err)
		}
	}
	return unix.KeyctlSearch(colID, "keyring", n.subsidiary, 0)
}

// checkKeyOwner refuses a key that does not belong to uid or is not of
// one of the types given.
func checkKeyOwner(id, uid int, types ...string) error {
	s, err := unix.KeyctlString(unix.KEYCTL_DESCRIBE, id)
	if err != nil {
		return err
	}
	d, err := parseKeyDescription(s)
	if err != nil {
		return err
	}
	if d.uid != int64(uid) {
		return fmt.Errorf("%w: key %q belongs to uid %d, not %d", errUnsafeFile, d.desc, d.uid, uid)
	}
	for _, t := range types {
		if d.typ == t {
			return nil
		}
	}
	return fmt.Errorf("key %q is a %s, not a %v", d.desc, d.typ, types)
}

// readKey reads a key's payload, at most max bytes (KEYCTL_READ reports
// the full size; a larger key is refused).
func readKey(id, max int) ([]byte, error) {
	if max < 0 {
		max = 0
	}
	buf := make([]byte, 4096)
	if max < len(buf) {
		buf = buf[:max]
	}
	for {
		n, err := unix.KeyctlBuffer(unix.KEYCTL_READ, id, buf, 0)
		if err != nil {
			return nil, err
		}
		if n <= len(buf) {
			return buf[:n], nil
		}
		if n > max {
			return nil, fmt.Errorf("a key of %d bytes (limit %d)", n, max)
		}
		buf = make([]byte, n) // it may grow again before the next read
	}
}
