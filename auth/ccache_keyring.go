package auth

// KEYRING credential caches live in the Linux kernel's key store. The
// layout is MIT's (src/lib/krb5/ccache/cc_keyring.c):
//
//	anchor keyring (session, user, process, thread, or the persistent
//	keyring of a uid)
//	  collection keyring "_krb_<collection>" ("_krb" for persistent)
//	    user key "krb_ccache:primary": version 1 (4 bytes), length (4),
//	                                   the primary cache's name
//	    cache keyring "<subsidiary>"
//	      user key "__krb5_princ__": the default principal (FILE v4 format)
//	      user key "__krb5_time_offsets__": KDC time offset (ignored)
//	      one user or big_key key per credential (FILE v4 format)
//
// A name is KEYRING:anchor:collection[:subsidiary]; the old form
// KEYRING:name means the session ("legacy") anchor and collection name,
// where MIT also finds a cache keyring called name linked straight into
// the session keyring. Without a subsidiary the collection's primary cache
// is read: the one the primary key names, else the cache named like the
// collection ("tkt" for an empty one).
//
// This file holds the decoders, which are portable and fuzzed; the system
// calls are in ccache_keyring_linux.go.

import (
	"encoding/binary"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

const (
	krccPrimaryKey       = "krb_ccache:primary"
	krccPrincKey         = "__krb5_princ__"
	krccTimeOffsetsKey   = "__krb5_time_offsets__"
	krccCollectionPrefix = "_krb_"
	krccPersistentName   = "_krb"
	krccCollectionVers   = 1
	maxKeyringKeys       = 4096
	maxKeyringPrimary    = 4096
)

// keyringName is a parsed KEYRING residual.
type keyringName struct {
	anchor, collection, subsidiary string
	hasSubsidiary                  bool
}

// parseKeyringResidual splits anchor:collection[:subsidiary], or a bare
// collection name (the legacy anchor), as MIT's parse_residual does.
func parseKeyringResidual(res string) (keyringName, error) {
	var n keyringName
	anchor, rest, ok := strings.Cut(res, ":")
	if !ok {
		anchor, rest = "legacy", res
	}
	n.anchor = anchor
	n.collection, n.subsidiary, n.hasSubsidiary = strings.Cut(rest, ":")
	switch n.anchor {
	case "persistent", "process", "thread", "session", "user", "legacy":
	default:
		return n, fmt.Errorf("unknown keyring anchor %q (persistent, user, session, process, thread or legacy)", n.anchor)
	}
	if n.hasSubsidiary && n.subsidiary == "" {
		return n, errors.New("empty subsidiary cache name")
	}
	if n.anchor == "legacy" && n.collection == "" {
		return n, errors.New("empty keyring name")
	}
	return n, nil
}

// full is the MIT name of the cache: KEYRING:anchor:collection:subsidiary.
func (n keyringName) full() string {
	return "KEYRING:" + n.anchor + ":" + n.collection + ":" + n.subsidiary
}

// defaultSubsidiary is the primary cache of a collection without a
// primary key: MIT initialises it to the collection's name, or "tkt".
func (n keyringName) defaultSubsidiary() string {
	if n.collection == "" {
		return "tkt"
	}
	return n.collection
}

// persistentUID is the uid whose persistent keyring the collection names:
// the collection is a decimal uid, or empty for uid itself.
func (n keyringName) persistentUID(uid int) (int, error) {
	if n.collection == "" {
		return uid, nil
	}
	u, err := strconv.ParseUint(n.collection, 10, 31)
	if err != nil {
		return 0, fmt.Errorf("persistent keyring collection %q is not a uid", n.collection)
	}
	return int(u), nil
}

// parseKeyringPrimary decodes the payload of krb_ccache:primary: version
// 1, a 32-bit length, and exactly that many bytes of name.
func parseKeyringPrimary(p []byte) (string, error) {
	if len(p) < 8 {
		return "", fmt.Errorf("primary key of %d bytes", len(p))
	}
	if v := binary.BigEndian.Uint32(p); v != krccCollectionVers {
		return "", fmt.Errorf("primary key version %d (want %d)", v, krccCollectionVers)
	}
	n := int64(binary.BigEndian.Uint32(p[4:]))
	if n != int64(len(p)-8) {
		return "", fmt.Errorf("primary key name length %d in %d bytes", n, len(p)-8)
	}
	name := string(p[8:])
	if name == "" || strings.ContainsAny(name, "\x00") {
		return "", errors.New("primary key names no cache")
	}
	return name, nil
}

// keyDesc is what KEYCTL_DESCRIBE reports: "type;uid;gid;perm;description".
type keyDesc struct {
	typ  string
	uid  int64
	desc string
}

func parseKeyDescription(s string) (keyDesc, error) {
	f := strings.SplitN(s, ";", 5)
	if len(f) != 5 {
		return keyDesc{}, fmt.Errorf("key description %q", s)
	}
	uid, err := strconv.ParseInt(f[1], 10, 64)
	if err != nil {
		return keyDesc{}, fmt.Errorf("key description %q: uid: %w", s, err)
	}
	return keyDesc{typ: f[0], uid: uid, desc: f[4]}, nil
}

// parseKeyList decodes what KEYCTL_READ returns for a keyring: its keys'
// serial numbers, 32-bit in the machine's byte order.
func parseKeyList(b []byte) ([]int, error) {
	if len(b)%4 != 0 {
		return nil, fmt.Errorf("a keyring list of %d bytes", len(b))
	}
	if len(b)/4 > maxKeyringKeys {
		return nil, fmt.Errorf("%d keys in one keyring (limit %d)", len(b)/4, maxKeyringKeys)
	}
	out := make([]int, len(b)/4)
	for i := range out {
		out[i] = int(int32(binary.NativeEndian.Uint32(b[i*4:])))
	}
	return out, nil
}
