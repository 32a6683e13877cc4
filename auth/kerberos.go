package auth

import (
	"context"
	"crypto/rand"
	"encoding/asn1"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/jcmturner/gokrb5/v8/client"
	"github.com/jcmturner/gokrb5/v8/config"
	"github.com/jcmturner/gokrb5/v8/credentials"
	"github.com/jcmturner/gokrb5/v8/crypto"
	"github.com/jcmturner/gokrb5/v8/iana"
	"github.com/jcmturner/gokrb5/v8/iana/chksumtype"
	"github.com/jcmturner/gokrb5/v8/iana/etypeID"
	"github.com/jcmturner/gokrb5/v8/iana/flags"
	"github.com/jcmturner/gokrb5/v8/keytab"
	"github.com/jcmturner/gokrb5/v8/krberror"
	"github.com/jcmturner/gokrb5/v8/messages"
	"github.com/jcmturner/gokrb5/v8/types"
)

// Kerberos V5 as a GSS-API mechanism (RFC 4121), always with mutual
// authentication, as MS-KILE uses it under SPNEGO for SMB:
//
//	InitToken: ticket for the SPN from gokrb5 (KDC exchange, or ccache)
//	    -> Authenticator{ctime, cusec, random subkey, seq, 0x8003 checksum}
//	    -> AP-REQ with mutual-required, GSS-wrapped (tok id 0x0100)
//	Step(GSS-wrapped AP-REP, tok id 0x0200): decrypt EncAPRepPart with the
//	    ticket session key (usage 12), require our ctime/cusec, take the
//	    acceptor subkey -> complete, Mutual
//	Step(KRB-ERROR, tok id 0x0300) or anything else -> ErrMutualAuthFailed
//
// gokrb5 obtains tickets; it does not verify AP-REPs (its KRB5Token.Verify
// refuses them), so that is done here. gokrb5 errors have no Unwrap; they
// are wrapped with %w at this boundary and keep their text.

// KerberosCredentials say where the Kerberos identity comes from.
//
// With Keytab or Password, Principal names the client and gokrb5 performs
// the AS and TGS exchanges with the KDCs named in krb5.conf. With neither,
// the ticket-granting ticket (and any cached service ticket) comes from
// the credential cache.
//
// The mechanism keeps Password (it does not copy it) and Zero overwrites
// it. gokrb5 takes passwords only as Go strings, which cannot be wiped: the
// one string copy made for the KDC exchange lives until collected.
//
// A credential cache must belong to the user the process runs as: a file
// or DIR cache and the path to it may also be root's (openOwnedFile);
// KEYRING keys must be the user's; a KCM socket and daemon must be root's.
// See docs/kerberos.md.
type KerberosCredentials struct {
	Krb5Conf string // krb5.conf path; "" = $KRB5_CONFIG, else /etc/krb5.conf
	// CCache names the credential cache, used when Keytab and Password
	// are empty: an MIT name, FILE:path (or a plain path), DIR:dir,
	// DIR::path, KEYRING:anchor:collection[:subsidiary], KEYRING:name,
	// KCM: or KCM:name. "" = the default MIT would use: $KRB5CCNAME, else
	// krb5.conf's default_ccache_name (parameters such as %{uid}
	// expanded), else FILE:/tmp/krb5cc_<uid>. See docs/kerberos.md.
	CCache    string
	Keytab    string // keytab path; with Principal
	Principal string // "user" or "user@REALM"
	Password  []byte // with Principal; zeroed by Zero()
	// CCacheData, when set, is a credential cache in the FILE format that
	// was read elsewhere: by a process running as the cache's owner
	// (ExportCCache), for multiuser mounts and cruid=. CCache then only
	// names it in errors. Used when Keytab and Password are empty.
	CCacheData []byte
}

// gssChecksumFlags are the RFC 4121 4.1.1.1 context flags we request in
// the authenticator checksum. MS-KILE 3.2.5.2 only maps SSPI requests to
// these bits; SMB clients (Windows, Samba) ask for mutual authentication,
// replay and sequence detection, integrity and confidentiality. Samba's
// acceptor keys its SPNEGO mechListMIC handling off GSS_C_INTEG_FLAG.
const gssChecksumFlags = gssMutualFlag | gssReplayFlag | gssSequenceFlag | gssConfFlag | gssIntegFlag

// RFC 2744 / RFC 4121 context flag bits.
const (
	gssDelegFlag    = 1
	gssMutualFlag   = 2
	gssReplayFlag   = 4
	gssSequenceFlag = 8
	gssConfFlag     = 16
	gssIntegFlag    = 32
)

// GSS-API Kerberos token identifiers (RFC 4121 4.1).
var (
	tokIDAPReq    = [2]byte{0x01, 0x00}
	tokIDAPRep    = [2]byte{0x02, 0x00}
	tokIDKRBError = [2]byte{0x03, 0x00}
)

// strongEnctypes are the encryption types we accept for any key: the AES
// families of RFC 3962 and RFC 8009. RC4-HMAC, DES and 3DES are refused
// whatever krb5.conf allows.
var strongEnctypes = []int32{
	etypeID.AES256_CTS_HMAC_SHA1_96,
	etypeID.AES128_CTS_HMAC_SHA1_96,
	etypeID.AES256_CTS_HMAC_SHA384_192,
	etypeID.AES128_CTS_HMAC_SHA256_128,
}

// keySize is the protocol key length of a strong enctype in bytes.
// gokrb5's GetKeyByteSize says 24 for aes256-cts-hmac-sha384-192, whose
// keys are 32 bytes (RFC 8009 5); its encryption code special-cases it.
func keySize(e int32) (int, error) {
	if e == etypeID.AES256_CTS_HMAC_SHA384_192 {
		return 32, nil
	}
	et, err := crypto.GetEtype(e)
	if err != nil {
		return 0, err
	}
	return et.GetKeyByteSize(), nil
}

func isStrongEnctype(e int32) bool {
	for _, s := range strongEnctypes {
		if e == s {
			return true
		}
	}
	return false
}

// enctypeName names an enctype for errors.
func enctypeName(e int32) string {
	switch e {
	case etypeID.AES128_CTS_HMAC_SHA1_96:
		return "aes128-cts-hmac-sha1-96"
	case etypeID.AES256_CTS_HMAC_SHA1_96:
		return "aes256-cts-hmac-sha1-96"
	case etypeID.AES128_CTS_HMAC_SHA256_128:
		return "aes128-cts-hmac-sha256-128"
	case etypeID.AES256_CTS_HMAC_SHA384_192:
		return "aes256-cts-hmac-sha384-192"
	case etypeID.RC4_HMAC:
		return "rc4-hmac"
	case etypeID.RC4_HMAC_EXP:
		return "rc4-hmac-exp"
	case etypeID.DES3_CBC_SHA1_KD:
		return "des3-cbc-sha1"
	case etypeID.DES_CBC_CRC:
		return "des-cbc-crc"
	case etypeID.DES_CBC_MD5:
		return "des-cbc-md5"
	}
	return fmt.Sprintf("enctype %d", e)
}

// krbTicket is a service ticket with what the AP-REQ needs beside it.
type krbTicket struct {
	ticket messages.Ticket
	key    types.EncryptionKey // the ticket session key
	crealm string
	cname  types.PrincipalName
}

// kerberosMech is the Kerberos Mechanism.
type kerberosMech struct {
	spn      string
	password []byte // the caller's slice; wiped by Zero
	// keytab holds the keytab's keys (password equivalents), loaded by
	// NewKerberos for this mechanism alone; Zero wipes them. nil unless
	// the keytab flow is in use.
	keytab *keytab.Keytab

	// fetch obtains the service ticket; it runs on its own goroutine so a
	// cancelled context abandons it. password is "" unless the password
	// flow is in use. Replaced in tests.
	fetch func(password string) (*krbTicket, error)
	rand  io.Reader
	now   func() time.Time

	state          krbState
	sessionKey     types.EncryptionKey // ticket session key
	subkey         types.EncryptionKey // our initiator subkey
	acceptorSubkey types.EncryptionKey // from the AP-REP; KeyValue nil if none
	ctime          time.Time           // authenticator ctime (whole seconds, UTC)
	cusec          int
	principal      string // "user@REALM" of the ticket's client, once InitToken has it
	sendSeq        uint64 // next initiator sequence number
	recvSeq        uint64 // next expected acceptor sequence number
}

type krbState int

const (
	krbNew krbState = iota
	krbAPReqSent
	krbComplete
	krbFailed
	krbZeroed
)

var errKrbState = errors.New("auth: kerberos: called out of order")

// NewKerberos returns a Kerberos mechanism that will authenticate creds to
// the service principal spn: "service/host", for example
// "cifs/dc1.smb3fs.test", whose realm comes from krb5.conf's domain_realm
// (else the client's realm), or "service/host@REALM", which must name that
// same realm.
//
// NewKerberos reads krb5.conf and the keytab or credential cache now, so
// configuration errors surface before any network traffic; the KDC is
// contacted by InitToken. Only AES encryption types are requested or
// accepted, whatever krb5.conf says.
func NewKerberos(creds KerberosCredentials, spn string) (Mechanism, error) {
	spnName, spnRealm, err := splitSPN(spn)
	if err != nil {
		return nil, err
	}
	cfgPath := krb5ConfPath(creds.Krb5Conf)
	cfg, err := config.Load(cfgPath)
	if err != nil {
		return nil, fmt.Errorf("auth: kerberos: krb5.conf: %w", err)
	}
	if err := restrictEnctypes(cfg); err != nil {
		return nil, fmt.Errorf("auth: kerberos: %s: %w", cfgPath, err)
	}
	settings := []func(*client.Settings){client.DisablePAFXFAST(true)}
	k := &kerberosMech{spn: spnName, password: creds.Password, rand: rand.Reader, now: time.Now}

	var newClient func(password string) (*client.Client, error)
	switch {
	case creds.Keytab != "" && len(creds.Password) > 0:
		return nil, errors.New("auth: kerberos: both a keytab and a password given; choose one")
	case creds.Keytab != "":
		user, realm, err := splitPrincipal(creds.Principal, cfg)
		if err != nil {
			return nil, err
		}
		kt, err := loadKeytab(creds.Keytab)
		if err != nil {
			return nil, err // names the keytab
		}
		k.keytab = kt
		newClient = func(string) (*client.Client, error) {
			return client.NewWithKeytab(user, realm, kt, cfg, settings...), nil
		}
	case len(creds.Password) > 0:
		user, realm, err := splitPrincipal(creds.Principal, cfg)
		if err != nil {
			return nil, err
		}
		newClient = func(password string) (*client.Client, error) {
			if password == "" {
				return nil, errors.New("auth: kerberos: password has been wiped")
			}
			return client.NewWithPassword(user, realm, password, cfg, settings...), nil
		}
	default:
		var path string
		var cc *credentials.CCache
		if len(creds.CCacheData) > 0 {
			path = creds.CCache
			cc, err = loadCCacheData(creds.CCacheData, path, k.now())
		} else {
			uid := os.Getuid()
			if path, err = ccacheName(creds.CCache, creds.Krb5Conf, uid); err != nil {
				return nil, err
			}
			// readCCacheNamed bounds and checks the cache of any type and
			// hands it over in the FILE format; loadCCacheData validates
			// and expiry-checks it (gokrb5's LoadCCache panics or
			// exhausts memory on a damaged one).
			var data []byte
			if path, data, err = readCCacheNamed(path, creds.Krb5Conf, uid); err != nil {
				return nil, err
			}
			cc, err = loadCCacheData(data, path, k.now())
		}
		if err != nil {
			return nil, err
		}
		if creds.Principal != "" {
			user, realm, err := splitPrincipal(creds.Principal, cfg)
			if err != nil {
				return nil, err
			}
			have := cc.DefaultPrincipal.PrincipalName.PrincipalNameString() + "@" + cc.DefaultPrincipal.Realm
			if !strings.EqualFold(have, user+"@"+realm) {
				return nil, fmt.Errorf("auth: kerberos: credential cache %s holds %s, not %s@%s", path, have, user, realm)
			}
		}
		newClient = func(string) (cl *client.Client, err error) {
			defer func() {
				// NewFromCCache decodes the tickets' DER; a damaged one
				// must be an error, not a crash.
				if r := recover(); r != nil {
					cl, err = nil, fmt.Errorf("auth: kerberos: credential cache %s is damaged: ticket: %v", path, r)
				}
			}()
			cl, err = client.NewFromCCache(cc, cfg, settings...)
			if err != nil {
				return nil, fmt.Errorf("auth: kerberos: credential cache %s: %w", path, err)
			}
			return cl, nil
		}
	}
	k.fetch = func(password string) (*krbTicket, error) {
		cl, err := newClient(password)
		if err != nil {
			return nil, err
		}
		// Destroy stops gokrb5's TGT renewal goroutine and drops its
		// reference to the password.
		defer cl.Destroy()
		if spnRealm != "" {
			// gokrb5 finds the service's realm from domain_realm, else
			// takes the client's; it must be the one the caller named.
			_, host, _ := strings.Cut(spnName, "/")
			realm := cfg.ResolveRealm(host)
			if realm == "" {
				realm = cl.Credentials.Domain()
			}
			if !strings.EqualFold(realm, spnRealm) {
				return nil, fmt.Errorf("auth: kerberos: %s is in realm %s by krb5.conf, not %s", host, realm, spnRealm)
			}
		}
		tkt, key, err := cl.GetServiceTicket(spnName)
		if err != nil {
			return nil, fmt.Errorf("auth: kerberos: service ticket for %s: %w", spnName, err)
		}
		return &krbTicket{
			ticket: tkt,
			key:    key,
			crealm: cl.Credentials.Domain(),
			cname:  cl.Credentials.CName(),
		}, nil
	}
	return k, nil
}

// loadKeytab reads a keytab as keytab.Load does, with the checks of
// readKeytab (owner and mode of the file and of the path to it, for the
// user this process runs as), and wipes the file's bytes once parsed: the
// keys then live only in the Keytab, which the mechanism's Zero wipes.
func loadKeytab(path string) (*keytab.Keytab, error) {
	b, err := readKeytab(path, os.Getuid())
	defer clear(b)
	if err != nil {
		return nil, err
	}
	kt := new(keytab.Keytab)
	if err := kt.Unmarshal(b); err != nil {
		return nil, fmt.Errorf("auth: keytab %s: not a keytab: %w", path, err)
	}
	return kt, nil
}

// splitSPN accepts "service/host" or "service/host@REALM", both parts
// non-empty, and returns "service/host" and the realm ("" if none).
func splitSPN(spn string) (name, realm string, err error) {
	name, realm, _ = strings.Cut(spn, "@")
	svc, host, ok := strings.Cut(name, "/")
	if !ok || svc == "" || host == "" || strings.ContainsAny(host, "/@") || strings.Contains(realm, "@") ||
		(strings.Contains(spn, "@") && realm == "") {
		return "", "", fmt.Errorf("auth: kerberos: service principal %q is not of the form service/host[@REALM]", spn)
	}
	return name, realm, nil
}

// krb5ConfPath resolves the krb5.conf path: explicit, else the first entry
// of $KRB5_CONFIG, else /etc/krb5.conf.
func krb5ConfPath(p string) string {
	if p != "" {
		return p
	}
	if env := os.Getenv("KRB5_CONFIG"); env != "" {
		first, _, _ := strings.Cut(env, ":")
		if first != "" {
			return first
		}
	}
	return "/etc/krb5.conf"
}

// splitPrincipal splits "user@REALM"; a bare "user" takes krb5.conf's
// default_realm.
func splitPrincipal(p string, cfg *config.Config) (user, realm string, err error) {
	if p == "" {
		return "", "", errors.New("auth: kerberos: a principal is required with a keytab or password")
	}
	user, realm = p, ""
	if i := strings.LastIndexByte(p, '@'); i >= 0 {
		user, realm = p[:i], p[i+1:]
	}
	if realm == "" {
		realm = cfg.LibDefaults.DefaultRealm
	}
	if user == "" || realm == "" {
		return "", "", fmt.Errorf("auth: kerberos: principal %q has no realm and krb5.conf has no default_realm", p)
	}
	return user, realm, nil
}

// restrictEnctypes removes every non-AES enctype from the lists gokrb5
// requests and permits.
func restrictEnctypes(cfg *config.Config) error {
	filter := func(in []int32) []int32 {
		var out []int32
		for _, e := range in {
			if isStrongEnctype(e) {
				out = append(out, e)
			}
		}
		return out
	}
	ld := &cfg.LibDefaults
	ld.DefaultTktEnctypeIDs = filter(ld.DefaultTktEnctypeIDs)
	ld.DefaultTGSEnctypeIDs = filter(ld.DefaultTGSEnctypeIDs)
	ld.PermittedEnctypeIDs = filter(ld.PermittedEnctypeIDs)
	if len(ld.DefaultTktEnctypeIDs) == 0 || len(ld.DefaultTGSEnctypeIDs) == 0 {
		return errors.New("no AES encryption types are enabled")
	}
	return nil
}

// Name returns Kerberos.
func (k *kerberosMech) Name() MechanismName { return Kerberos }

// OID returns the RFC 4121 Kerberos OID, 1.2.840.113554.1.2.2.
func (k *kerberosMech) OID() asn1.ObjectIdentifier { return oidKRB5 }

// Principal returns the client principal, "user@REALM", of the ticket
// InitToken used (whatever the credentials said: a credential cache names
// its own), or "" before.
func (k *kerberosMech) Principal() string { return k.principal }

// Mutual reports whether the AP-REP verified.
func (k *kerberosMech) Mutual() bool { return k.state == krbComplete }

// InitToken obtains a service ticket and returns the GSS-wrapped AP-REQ.
func (k *kerberosMech) InitToken(ctx context.Context) ([]byte, error) {
	if k.state != krbNew {
		return nil, errKrbState
	}
	k.state = krbFailed
	t, err := k.getTicket(ctx)
	if err != nil {
		return nil, err
	}
	tok, err := k.apReq(t)
	if err != nil {
		clear(t.key.KeyValue)
		return nil, err
	}
	k.sessionKey = t.key
	k.principal = t.cname.PrincipalNameString() + "@" + t.crealm
	k.state = krbAPReqSent
	return tok, nil
}

// getTicket runs k.fetch on its own goroutine (gokrb5 takes no context) and
// returns early if ctx ends; an abandoned result's key is wiped.
func (k *kerberosMech) getTicket(ctx context.Context) (*krbTicket, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("auth: kerberos: %w", err)
	}
	type result struct {
		t   *krbTicket
		err error
	}
	password := ""
	if len(k.password) > 0 {
		password = string(k.password)
	}
	ch := make(chan result, 1)
	go func() {
		t, err := k.fetch(password)
		ch <- result{t, err}
	}()
	select {
	case r := <-ch:
		if r.err != nil {
			return nil, kdcError(r.err)
		}
		return r.t, nil
	case <-ctx.Done():
		go func() {
			if r := <-ch; r.t != nil {
				clear(r.t.key.KeyValue)
			}
		}()
		return nil, fmt.Errorf("%w: waiting for the KDC: %w", ErrKDCUnreachable, ctx.Err())
	}
}

// kdcError marks err with ErrKDCUnreachable when gokrb5 says it could not
// talk to the KDC at all (a networking error, as opposed to an answer
// from the KDC such as an unknown principal or a wrong password).
func kdcError(err error) error {
	var ke krberror.Krberror
	if errors.As(err, &ke) && ke.RootCause == krberror.NetworkingError {
		return fmt.Errorf("%w: %w", ErrKDCUnreachable, err)
	}
	return err
}

// apReq builds the GSS-wrapped AP-REQ for t (RFC 4120 5.5.1, RFC 4121
// 4.1): a fresh subkey of the session key's enctype, a random initial
// sequence number and the GSS checksum, with mutual-required set.
func (k *kerberosMech) apReq(t *krbTicket) ([]byte, error) {
	if !isStrongEnctype(t.key.KeyType) {
		return nil, fmt.Errorf("auth: kerberos: ticket session key is %s; only AES is accepted", enctypeName(t.key.KeyType))
	}
	size, err := keySize(t.key.KeyType)
	if err != nil {
		return nil, fmt.Errorf("auth: kerberos: %w", err)
	}
	if len(t.key.KeyValue) != size {
		return nil, fmt.Errorf("auth: kerberos: ticket session key of %d bytes for %s", len(t.key.KeyValue), enctypeName(t.key.KeyType))
	}
	if !spnMatches(t.ticket.SName, k.spn) {
		return nil, fmt.Errorf("auth: kerberos: KDC returned a ticket for %s, not %s", t.ticket.SName.PrincipalNameString(), k.spn)
	}

	var seed [4]byte
	sub := make([]byte, size)
	if _, err := io.ReadFull(k.rand, sub); err != nil {
		return nil, fmt.Errorf("auth: kerberos: random: %w", err)
	}
	if _, err := io.ReadFull(k.rand, seed[:]); err != nil {
		return nil, fmt.Errorf("auth: kerberos: random: %w", err)
	}
	// 30 bits, as MIT and gokrb5 do, so that no peer's signed-integer
	// handling of the sequence number can go wrong.
	seq := binary.BigEndian.Uint32(seed[:]) & 0x3fffffff
	now := k.now().UTC()
	k.ctime = now.Truncate(time.Second) // KerberosTime has whole seconds
	k.cusec = now.Nanosecond() / 1000
	k.subkey = types.EncryptionKey{KeyType: t.key.KeyType, KeyValue: sub}
	k.sendSeq = uint64(seq)

	auth := types.Authenticator{
		AVNO:   iana.PVNO,
		CRealm: t.crealm,
		CName:  t.cname,
		Cksum: types.Checksum{
			CksumType: chksumtype.GSSAPI,
			Checksum:  gssChecksum(gssChecksumFlags),
		},
		Cusec:     k.cusec,
		CTime:     k.ctime,
		SubKey:    k.subkey,
		SeqNumber: int64(seq),
	}
	req, err := messages.NewAPReq(t.ticket, t.key, auth)
	if err != nil {
		return nil, fmt.Errorf("auth: kerberos: AP-REQ: %w", err)
	}
	types.SetFlag(&req.APOptions, flags.APOptionMutualRequired)
	b, err := req.Marshal()
	if err != nil {
		return nil, fmt.Errorf("auth: kerberos: AP-REQ: %w", err)
	}
	return wrapGSS(oidKRB5, append(tokIDAPReq[:], b...)), nil
}

// gssChecksum is the RFC 4121 4.1.1 authenticator checksum value: Lgth=16,
// Bnd = 16 zero bytes (no channel bindings), Flags; no delegation.
func gssChecksum(flags uint32) []byte {
	c := make([]byte, 24)
	binary.LittleEndian.PutUint32(c[0:], 16)
	binary.LittleEndian.PutUint32(c[20:], flags)
	return c
}

// spnMatches compares a ticket's server name with "service/host",
// ignoring case (hostnames are case-insensitive).
func spnMatches(pn types.PrincipalName, spn string) bool {
	return strings.EqualFold(strings.Join(pn.NameString, "/"), spn)
}

// SessionKey returns a copy of the context key of RFC 4121 2: the acceptor
// subkey if the AP-REP carried one, else our subkey, at full length.
func (k *kerberosMech) SessionKey() []byte {
	if k.state != krbComplete {
		return nil
	}
	return append([]byte(nil), k.contextKey().KeyValue...)
}

// contextKey is the key protecting per-message tokens.
func (k *kerberosMech) contextKey() types.EncryptionKey {
	if k.acceptorSubkey.KeyValue != nil {
		return k.acceptorSubkey
	}
	return k.subkey
}

// Zero wipes every key, the keys of the keytab it loaded, and overwrites
// the caller's password bytes.
func (k *kerberosMech) Zero() {
	clear(k.sessionKey.KeyValue)
	clear(k.subkey.KeyValue)
	clear(k.acceptorSubkey.KeyValue)
	clear(k.password)
	if k.keytab != nil {
		for i := range k.keytab.Entries {
			clear(k.keytab.Entries[i].Key.KeyValue)
		}
	}
	k.sessionKey, k.subkey, k.acceptorSubkey = types.EncryptionKey{}, types.EncryptionKey{}, types.EncryptionKey{}
	k.state = krbZeroed
}
