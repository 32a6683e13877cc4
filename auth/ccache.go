package auth

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"time"

	"github.com/jcmturner/gokrb5/v8/credentials"
	"github.com/jcmturner/gokrb5/v8/iana/nametype"
	"github.com/jcmturner/gokrb5/v8/types"
)

// ExportCCache reads this process's default credential cache, chosen as
// MIT Kerberos chooses it (DefaultCCacheName for os.Getuid(): $KRB5CCNAME,
// else krb5.conf's default_ccache_name, else FILE:/tmp/krb5cc_<uid>), of
// any type (FILE, DIR, KEYRING, KCM), with the checks NewKerberos makes
// (ownership, size, a current ticket), and returns the cache's full MIT
// name and its content in the FILE format. A process running as a cache's
// owner uses it to hand the cache to a privileged one (multiuser mounts,
// cruid=), which passes it on as KerberosCredentials.CCacheData. krb5conf
// is as KerberosCredentials.Krb5Conf.
func ExportCCache(krb5conf string) (name string, data []byte, err error) {
	uid := os.Getuid()
	name, err = ccacheName("", krb5conf, uid)
	if err != nil {
		return "", nil, err
	}
	name, data, err = readCCacheNamed(name, krb5conf, uid)
	if err != nil {
		return "", nil, err
	}
	if _, err := loadCCacheData(data, name, time.Now()); err != nil {
		return "", nil, err
	}
	return name, data, nil
}

// NoCCacheError reports that the credential cache Name (its full MIT
// name) does not exist: no file, no keyring, no KCM cache. Err, when set,
// is the underlying cause (fs.ErrNotExist, ENOKEY, a KCM status).
type NoCCacheError struct {
	Name string
	Err  error
}

func (e *NoCCacheError) Error() string {
	return "auth: kerberos: no credential cache " + e.Name + " (run kinit)"
}

func (e *NoCCacheError) Unwrap() error { return e.Err }

// readCCacheNamed reads the credential cache called name (an MIT name with
// its type, as ccacheName returns it) for the user uid and returns its
// full MIT name (a collection resolved to its primary cache: DIR::path,
// KEYRING:anchor:collection:subsidiary, KCM:name) and its content in the
// FILE format, not yet validated (loadCCacheData does that).
func readCCacheNamed(name, krb5conf string, uid int) (full string, data []byte, err error) {
	typ, residual, _ := strings.Cut(name, ":")
	switch typ {
	case "FILE":
		if residual == "" {
			return "", nil, errors.New("auth: kerberos: empty credential cache path")
		}
		data, err := readCCacheFileAs(residual, uid, name)
		return name, data, err
	case "DIR":
		return readDirCCache(residual, uid)
	case "KEYRING":
		return readKeyringCCache(residual, uid)
	case "KCM":
		d, err := readKrb5Defaults(krb5conf)
		if err != nil {
			return "", nil, err
		}
		return readKCMCCache(residual, kcmConfig{socket: d.kcmSocket, owner: 0, timeout: kcmTimeout})
	case "MEMORY":
		return "", nil, fmt.Errorf("auth: kerberos: credential cache %s lives inside another process and cannot be read", name)
	default:
		return "", nil, fmt.Errorf("auth: kerberos: credential cache type %s is not supported (FILE, DIR, KEYRING and KCM are)", typ)
	}
}

// maxCCacheSize bounds how much of a credential cache is read. Real caches
// are a few kilobytes; the bound keeps a hostile or mistaken path (a huge
// file, FILE:/dev/zero) from exhausting memory.
const maxCCacheSize = 1 << 20

// Generous sanity limits on counts in a credential cache; the real ones are
// tiny (a principal has one or two components, addresses and authorization
// data are usually absent).
const (
	maxCCacheComponents = 64
	maxCCacheAddresses  = 1024
	maxCCacheAuthData   = 1024
)

// loadCCache reads the FILE credential cache at path (already stripped of
// "FILE:" by ccachePath), validates it, parses it with gokrb5 and checks
// that it holds a current ticket-granting ticket. Every error names path.
func loadCCache(path string, now time.Time) (*credentials.CCache, error) {
	data, err := readCCacheFile(path)
	if err != nil {
		return nil, err
	}
	return loadCCacheData(data, path, now)
}

// loadCCacheData validates and parses data, a cache in the FILE format
// named name in errors, and checks that it holds a current ticket.
func loadCCacheData(data []byte, name string, now time.Time) (*credentials.CCache, error) {
	path := name
	if len(data) > maxCCacheSize {
		return nil, fmt.Errorf("auth: kerberos: credential cache %s is too large (%d bytes, limit %d)", path, len(data), maxCCacheSize)
	}
	cc, err := parseCCache(data)
	if err != nil {
		return nil, fmt.Errorf("auth: kerberos: credential cache %s is damaged: %w", path, err)
	}
	cc.Path = path
	if err := checkCCacheTickets(cc, path, now); err != nil {
		return nil, err
	}
	return cc, nil
}

// readCCacheFile reads at most maxCCacheSize bytes of a regular file. The
// file is opened non-blocking so that a FIFO cannot stall the open; it is
// refused by its mode before anything is read. It must belong to the user
// this process runs as (the one it authenticates) or to root, and so must
// the path to it (openOwnedFile): a cache someone else could have written
// would let them choose who we log in as.
func readCCacheFile(path string) ([]byte, error) {
	f, fi, err := openOwnedFile(path, os.Getuid())
	if err != nil {
		return nil, fmt.Errorf("auth: kerberos: credential cache %s: %w", path, err)
	}
	defer f.Close()
	return readOpenedCCache(f, fi, path)
}

// readCCacheFileAs is readCCacheFile for the user uid, with the cache
// called name (its MIT name) in errors; a missing file is a NoCCacheError.
func readCCacheFileAs(path string, uid int, name string) ([]byte, error) {
	f, fi, err := openOwnedFile(path, uid)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, &NoCCacheError{Name: name, Err: err}
		}
		return nil, fmt.Errorf("auth: kerberos: credential cache %s: %w", name, err)
	}
	defer f.Close()
	return readOpenedCCache(f, fi, name)
}

func readOpenedCCache(f *os.File, fi os.FileInfo, path string) ([]byte, error) {
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("auth: kerberos: credential cache %s is not a regular file (%s)", path, fileKind(fi.Mode()))
	}
	if fi.Size() > maxCCacheSize {
		return nil, fmt.Errorf("auth: kerberos: credential cache %s is too large (%d bytes, limit %d)", path, fi.Size(), maxCCacheSize)
	}
	data, err := io.ReadAll(io.LimitReader(f, maxCCacheSize+1))
	if err != nil {
		return nil, fmt.Errorf("auth: kerberos: credential cache %s: %w", path, err)
	}
	if len(data) > maxCCacheSize {
		// The file grew after the Stat.
		return nil, fmt.Errorf("auth: kerberos: credential cache %s is too large (over %d bytes)", path, maxCCacheSize)
	}
	return data, nil
}

func fileKind(m os.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&os.ModeNamedPipe != 0:
		return "a FIFO"
	case m&os.ModeSocket != 0:
		return "a socket"
	case m&os.ModeCharDevice != 0:
		return "a character device"
	case m&os.ModeDevice != 0:
		return "a device"
	default:
		return "mode " + m.String()
	}
}

// parseCCache validates data with ccWalk, then lets gokrb5 parse it, with a
// recover as a second line of defence. Errors describe the damage without
// the file name (and never include key bytes).
func parseCCache(data []byte) (cc *credentials.CCache, err error) {
	layout, err := ccWalk(data)
	if err != nil {
		return nil, err
	}
	cc = new(credentials.CCache)
	defer func() {
		if r := recover(); r != nil {
			cc, err = nil, fmt.Errorf("the parser failed: %v", r)
		}
	}()
	if err := cc.Unmarshal(data); err != nil {
		return nil, err
	}
	if len(cc.Credentials) != len(layout.creds) {
		return nil, fmt.Errorf("the parser found %d credentials, the format %d", len(cc.Credentials), len(layout.creds))
	}
	return cc, nil
}

// checkCCacheTickets looks for the TGT of the default principal's realm
// the way gokrb5's client.NewFromCCache does, and refuses an expired one.
// Without a TGT, a cache that still holds an unexpired service ticket is
// passed on (gokrb5 decides what it can do with it); one that holds
// nothing usable is refused.
func checkCCacheTickets(cc *credentials.CCache, path string, now time.Time) error {
	realm := cc.DefaultPrincipal.Realm
	tgtName := types.PrincipalName{NameType: nametype.KRB_NT_SRV_INST, NameString: []string{"krbtgt", realm}}
	if tgt, ok := cc.GetEntry(tgtName); ok {
		if !tgt.EndTime.After(now) {
			return fmt.Errorf("auth: kerberos: the ticket in credential cache %s expired at %s (run kinit)",
				path, tgt.EndTime.UTC().Format(time.RFC3339))
		}
		return nil
	}
	for _, c := range cc.GetEntries() {
		if len(c.Ticket) > 0 && c.EndTime.After(now) {
			return nil
		}
	}
	if realm == "" {
		return fmt.Errorf("auth: kerberos: credential cache %s holds no ticket (run kinit)", path)
	}
	return fmt.Errorf("auth: kerberos: credential cache %s holds no ticket for %s (run kinit)", path, realm)
}

// ccLayout is what ccWalk learns about a cache: where each credential's
// fields are, for tests that rewrite them.
type ccLayout struct {
	version int
	creds   []ccCredLayout
}

type ccCredLayout struct {
	start      int // offset of the credential
	endTimeOff int // offset of its 32-bit end time
	renewOff   int // offset of its 32-bit renew-till time
}

// ccReader is a bounds-checked big-endian cursor. All arithmetic is in int
// against len(b) - p; counts and lengths are checked before they are used.
type ccReader struct {
	b []byte
	p int
}

var errCCShort = errors.New("truncated")

func (r *ccReader) left() int { return len(r.b) - r.p }

func (r *ccReader) u8(what string) (int, error) {
	if r.left() < 1 {
		return 0, fmt.Errorf("%s: %w at offset %d", what, errCCShort, r.p)
	}
	v := int(r.b[r.p])
	r.p++
	return v, nil
}

func (r *ccReader) u16(what string) (int, error) {
	if r.left() < 2 {
		return 0, fmt.Errorf("%s: %w at offset %d", what, errCCShort, r.p)
	}
	v := int(binary.BigEndian.Uint16(r.b[r.p:]))
	r.p += 2
	return v, nil
}

// u32 returns the value as int64 so that it is exact on every platform.
func (r *ccReader) u32(what string) (int64, error) {
	if r.left() < 4 {
		return 0, fmt.Errorf("%s: %w at offset %d", what, errCCShort, r.p)
	}
	v := int64(binary.BigEndian.Uint32(r.b[r.p:]))
	r.p += 4
	return v, nil
}

func (r *ccReader) skip(n int, what string) error {
	if n < 0 || r.left() < n {
		return fmt.Errorf("%s: %w at offset %d", what, errCCShort, r.p)
	}
	r.p += n
	return nil
}

// data skips a 32-bit length-prefixed field. gokrb5 reads the length as a
// signed 32-bit value; any length beyond what is left, including the
// "negative" ones, is refused.
func (r *ccReader) data(what string) error {
	at := r.p
	n, err := r.u32(what + " length")
	if err != nil {
		return err
	}
	if n > int64(r.left()) {
		return fmt.Errorf("%s at offset %d: length %d exceeds the %d bytes left", what, at, n, r.left())
	}
	r.p += int(n)
	return nil
}

// count reads a 32-bit count of items each at least minSize bytes long and
// checks it against max and against the bytes left.
func (r *ccReader) count(what string, minSize, max int) (int, error) {
	at := r.p
	n, err := r.u32(what)
	if err != nil {
		return 0, err
	}
	if n > int64(max) || n*int64(minSize) > int64(r.left()) {
		return 0, fmt.Errorf("%s at offset %d: %d is impossible (%d bytes left)", what, at, n, r.left())
	}
	return int(n), nil
}

// ccWalk validates an MIT FILE credential cache, version 0x0503 or 0x0504,
// covering every field gokrb5's CCache.Unmarshal reads and in the same
// order, so that Unmarshal never indexes past the end or allocates from an
// unchecked count. See
// https://web.mit.edu/kerberos/krb5-1.12/doc/formats/ccache_file_format.html.
func ccWalk(b []byte) (*ccLayout, error) {
	if len(b) == 0 {
		return nil, errors.New("the file is empty")
	}
	r := &ccReader{b: b}
	if len(b) < 2 {
		return nil, fmt.Errorf("version: %w at offset 0", errCCShort)
	}
	if b[0] != 5 {
		return nil, fmt.Errorf("not an MIT credential cache (first byte 0x%02x, want 0x05)", b[0])
	}
	if b[1] != 3 && b[1] != 4 {
		// Versions 1 and 2 are in native byte order and long obsolete.
		return nil, fmt.Errorf("unsupported version 0x05%02x (want 0x0503 or 0x0504)", b[1])
	}
	l := &ccLayout{version: int(b[1])}
	r.p = 2
	if l.version == 4 {
		hlen, err := r.u16("header length")
		if err != nil {
			return nil, err
		}
		// gokrb5 accepts only the KDC time offset field (tag 1, 8 bytes),
		// and its loop stays in step with the header length only when that
		// is a whole number of such fields.
		if hlen > r.left() {
			return nil, fmt.Errorf("header length %d exceeds the %d bytes left", hlen, r.left())
		}
		if hlen%12 != 0 {
			return nil, fmt.Errorf("header length %d is not a whole number of time offset fields", hlen)
		}
		for end := r.p + hlen; r.p < end; {
			tag, _ := r.u16("header tag")
			flen, _ := r.u16("header field length")
			if tag != 1 || flen != 8 {
				return nil, fmt.Errorf("header field tag %d length %d is not supported", tag, flen)
			}
			r.p += 8
		}
	}
	if err := r.principal("default principal"); err != nil {
		return nil, err
	}
	for n := 1; r.left() > 0; n++ {
		c, err := r.credential(l.version)
		if err != nil {
			return nil, fmt.Errorf("credential %d: %w", n, err)
		}
		l.creds = append(l.creds, c)
	}
	return l, nil
}

func (r *ccReader) principal(what string) error {
	if _, err := r.u32(what + " name type"); err != nil {
		return err
	}
	// Each component, and the realm, take at least their 4-byte length.
	nc, err := r.count(what+" component count", 4, maxCCacheComponents)
	if err != nil {
		return err
	}
	if err := r.data(what + " realm"); err != nil {
		return err
	}
	for i := 0; i < nc; i++ {
		if err := r.data(fmt.Sprintf("%s component %d", what, i+1)); err != nil {
			return err
		}
	}
	return nil
}

func (r *ccReader) credential(version int) (ccCredLayout, error) {
	c := ccCredLayout{start: r.p}
	if err := r.principal("client"); err != nil {
		return c, err
	}
	if err := r.principal("server"); err != nil {
		return c, err
	}
	if _, err := r.u16("key type"); err != nil {
		return c, err
	}
	if version == 3 {
		// The key type is repeated in version 3.
		if _, err := r.u16("key type"); err != nil {
			return c, err
		}
	}
	if err := r.data("key"); err != nil {
		return c, err
	}
	if err := r.skip(4, "auth time"); err != nil {
		return c, err
	}
	if err := r.skip(4, "start time"); err != nil {
		return c, err
	}
	c.endTimeOff = r.p
	if err := r.skip(4, "end time"); err != nil {
		return c, err
	}
	c.renewOff = r.p
	if err := r.skip(4, "renew till"); err != nil {
		return c, err
	}
	if _, err := r.u8("is_skey"); err != nil {
		return c, err
	}
	if err := r.skip(4, "ticket flags"); err != nil {
		return c, err
	}
	// An address or authorization data entry is a 16-bit type and a
	// 32-bit length at least.
	na, err := r.count("address count", 6, maxCCacheAddresses)
	if err != nil {
		return c, err
	}
	for i := 0; i < na; i++ {
		if _, err := r.u16("address type"); err != nil {
			return c, err
		}
		if err := r.data(fmt.Sprintf("address %d", i+1)); err != nil {
			return c, err
		}
	}
	nd, err := r.count("authorization data count", 6, maxCCacheAuthData)
	if err != nil {
		return c, err
	}
	for i := 0; i < nd; i++ {
		if _, err := r.u16("authorization data type"); err != nil {
			return c, err
		}
		if err := r.data(fmt.Sprintf("authorization data %d", i+1)); err != nil {
			return c, err
		}
	}
	if err := r.data("ticket"); err != nil {
		return c, err
	}
	if err := r.data("second ticket"); err != nil {
		return c, err
	}
	return c, nil
}

// checkCCPrincipal checks that b is exactly one principal in the FILE
// version 4 format, as KEYRING and KCM caches hold their default
// principal.
func checkCCPrincipal(b []byte) error {
	r := &ccReader{b: b}
	if err := r.principal("principal"); err != nil {
		return err
	}
	if r.left() != 0 {
		return fmt.Errorf("principal: %d bytes after it", r.left())
	}
	return nil
}

// checkCCCred checks that b is exactly one credential in the FILE version
// 4 format, as KEYRING and KCM caches hold each credential.
func checkCCCred(b []byte) error {
	r := &ccReader{b: b}
	if _, err := r.credential(4); err != nil {
		return err
	}
	if r.left() != 0 {
		return fmt.Errorf("credential: %d bytes after it", r.left())
	}
	return nil
}

// fileCCache assembles a FILE version 4 cache (no header fields) from a
// marshalled principal and credentials, each checked to be exactly one of
// its kind, within maxCCacheSize in all. The result then goes through
// loadCCacheData like a file would.
func fileCCache(princ []byte, creds [][]byte) ([]byte, error) {
	if err := checkCCPrincipal(princ); err != nil {
		return nil, err
	}
	n := 4 + len(princ)
	for i, c := range creds {
		if err := checkCCCred(c); err != nil {
			return nil, fmt.Errorf("credential %d: %w", i+1, err)
		}
		if n += len(c); n > maxCCacheSize {
			return nil, fmt.Errorf("more than %d bytes of credentials", maxCCacheSize)
		}
	}
	out := make([]byte, 0, n)
	out = append(out, 5, 4, 0, 0)
	out = append(out, princ...)
	for _, c := range creds {
		out = append(out, c...)
	}
	return out, nil
}
