package auth

// KCM credential caches: a daemon (sssd-kcm, Heimdal's kcm) keeps the
// caches and answers over a UNIX socket, by default
// /var/run/.heim_org.h5l.kcm-socket, else krb5.conf's [libdefaults]
// kcm_socket. The protocol is described in MIT's src/include/kcm.h and
// src/lib/krb5/ccache/cc_kcm.c:
//
//	request  length(4) | major=2 | minor=0 | opcode(2) | arguments
//	reply    length(4) | code(4) | length bytes: status(4) | payload
//
// big-endian throughout; a name is a NUL-terminated string, a principal
// and a credential are in the FILE version 4 format, a UUID is 16 bytes
// and a UUID list runs to the end of the reply. Reading a cache takes
//
//	GET_DEFAULT_CACHE ()           -> name   (only for the name "KCM:")
//	GET_PRINCIPAL (name)           -> principal
//	GET_CRED_UUID_LIST (name)      -> uuid...
//	GET_CRED_BY_UUID (name, uuid)  -> credential   (for each uuid)
//
// and the answers are assembled into a FILE cache (fileCCache). The
// socket must belong to root (the daemon runs as root and tells users
// apart by their peer credentials); a socket anyone else could have
// created could hand us tickets of its choice. Every length is bounded and
// every exchange has a deadline.

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"os"
	"time"
)

// kcmDefaultSocket is Heimdal's socket path, which MIT and sssd use too.
const kcmDefaultSocket = "/var/run/.heim_org.h5l.kcm-socket"

// KCM opcodes (kcm.h, enum kcm_opcode).
const (
	kcmOpGetPrincipal     = 8
	kcmOpGetCredUUIDList  = 9
	kcmOpGetCredByUUID    = 10
	kcmOpGetDefaultCache  = 20
	kcmProtoMajor         = 2
	kcmProtoMinor         = 0
	kcmUUIDLen            = 16
	kcmTimeout            = 5 * time.Second
	maxKCMReply           = maxCCacheSize
	maxKCMCreds           = 1024
	maxKCMName            = 1024
	kcmReplyHeaderLen     = 8 // length and code
	kcmReplyStatusLen     = 4
	kcmRequestHeaderLen   = 4 // major, minor, opcode
	kcmFramedLengthPrefix = 4
)

// MIT krb5 error codes a KCM daemon answers for a cache that does not
// exist (krb5_err.et: KRB5_CC_NOTFOUND, KRB5_CC_END, KRB5_FCC_NOFILE).
const (
	krb5CCNotFound = -1765328243
	krb5CCEnd      = -1765328242
	krb5FCCNoFile  = -1765328189
)

// kcmConfig says where the KCM daemon is and how long to wait for it.
type kcmConfig struct {
	socket  string        // "" = kcmDefaultSocket
	owner   int           // the uid the socket must belong to: 0 (root) but in tests
	timeout time.Duration // per exchange
}

// KCMStatusError is a non-zero status from the KCM daemon, an MIT krb5
// error code.
type KCMStatusError struct {
	Op     int
	Status int32
}

func (e *KCMStatusError) Error() string {
	return fmt.Sprintf("KCM operation %d failed with status %d", e.Op, e.Status)
}

// readKCMCCache reads KCM:residual ("" = the daemon's default cache).
func readKCMCCache(residual string, cfg kcmConfig) (full string, data []byte, err error) {
	sock := cfg.socket
	if sock == "" {
		sock = kcmDefaultSocket
	}
	name := "KCM:" + residual
	fail := func(err error) (string, []byte, error) {
		var st *KCMStatusError
		if errors.As(err, &st) && (st.Status == krb5FCCNoFile || st.Status == krb5CCNotFound || st.Status == krb5CCEnd) {
			return "", nil, &NoCCacheError{Name: name, Err: err}
		}
		return "", nil, fmt.Errorf("auth: kerberos: credential cache %s: %w", name, err)
	}
	c, err := dialKCM(sock, cfg)
	if err != nil {
		return fail(err)
	}
	defer c.close()
	if residual == "" {
		p, err := c.call(kcmOpGetDefaultCache, nil)
		if err != nil {
			return fail(err)
		}
		if residual, err = parseKCMName(p); err != nil {
			return fail(fmt.Errorf("default cache: %w", err))
		}
		name = "KCM:" + residual
	}
	arg := append([]byte(residual), 0)
	princ, err := c.call(kcmOpGetPrincipal, arg)
	if err != nil {
		return fail(err)
	}
	if len(princ) == 0 {
		// Heimdal answers an uninitialised cache this way.
		return "", nil, &NoCCacheError{Name: name}
	}
	p, err := c.call(kcmOpGetCredUUIDList, arg)
	if err != nil {
		return fail(err)
	}
	uuids, err := parseKCMUUIDList(p)
	if err != nil {
		return fail(err)
	}
	creds := make([][]byte, 0, len(uuids))
	total := len(princ)
	for _, u := range uuids {
		cred, err := c.call(kcmOpGetCredByUUID, append(append([]byte(nil), arg...), u[:]...))
		if err != nil {
			var st *KCMStatusError
			if errors.As(err, &st) && (st.Status == krb5CCNotFound || st.Status == krb5CCEnd) {
				continue // removed since the list was made
			}
			return fail(err)
		}
		if total += len(cred); total > maxCCacheSize {
			return fail(fmt.Errorf("the cache is larger than %d bytes", maxCCacheSize))
		}
		creds = append(creds, cred)
	}
	data, err = fileCCache(princ, creds)
	if err != nil {
		return fail(fmt.Errorf("malformed reply: %w", err))
	}
	return name, data, nil
}

// kcmConn is one connection to the daemon; one goroutine uses it.
type kcmConn struct {
	c       net.Conn
	timeout time.Duration
}

// dialKCM checks the socket's owner (lstat: a socket, belonging to
// cfg.owner), connects, and checks the peer's credentials where the
// system reports them.
func dialKCM(sock string, cfg kcmConfig) (*kcmConn, error) {
	fi, err := os.Lstat(sock)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("no KCM daemon: %w", err)
		}
		return nil, err
	}
	if fi.Mode()&os.ModeSocket == 0 {
		return nil, fmt.Errorf("%w: %s is not a socket (%s)", errUnsafeFile, sock, fileKind(fi.Mode()))
	}
	if owner := fileUID(fi); owner != cfg.owner {
		return nil, fmt.Errorf("%w: the KCM socket %s belongs to uid %d, not %d", errUnsafeFile, sock, owner, cfg.owner)
	}
	timeout := cfg.timeout
	if timeout <= 0 {
		timeout = kcmTimeout
	}
	d := net.Dialer{Timeout: timeout}
	nc, err := d.Dial("unix", sock)
	if err != nil {
		return nil, err
	}
	if err := kcmCheckPeer(nc, cfg.owner); err != nil {
		nc.Close()
		return nil, err
	}
	return &kcmConn{c: nc, timeout: timeout}, nil
}

func (k *kcmConn) close() { k.c.Close() }

// call sends one request and returns the reply's payload, or a
// *KCMStatusError for a non-zero code or status.
func (k *kcmConn) call(op int, args []byte) ([]byte, error) {
	if err := k.c.SetDeadline(time.Now().Add(k.timeout)); err != nil {
		return nil, err
	}
	req := make([]byte, kcmFramedLengthPrefix+kcmRequestHeaderLen, kcmFramedLengthPrefix+kcmRequestHeaderLen+len(args))
	binary.BigEndian.PutUint32(req, uint32(kcmRequestHeaderLen+len(args)))
	req[4], req[5] = kcmProtoMajor, kcmProtoMinor
	binary.BigEndian.PutUint16(req[6:], uint16(op))
	req = append(req, args...)
	if _, err := k.c.Write(req); err != nil {
		return nil, fmt.Errorf("KCM request %d: %w", op, err)
	}
	p, err := readKCMReply(k.c, op)
	if err != nil {
		return nil, fmt.Errorf("KCM reply to %d: %w", op, err)
	}
	return p, nil
}

// readKCMReply reads one framed reply (the length bounded by maxKCMReply
// before anything is allocated) and returns its payload.
func readKCMReply(r io.Reader, op int) ([]byte, error) {
	var hdr [kcmReplyHeaderLen]byte
	if _, err := io.ReadFull(r, hdr[:]); err != nil {
		return nil, err
	}
	n := int64(binary.BigEndian.Uint32(hdr[:4]))
	if code := int32(binary.BigEndian.Uint32(hdr[4:])); code != 0 {
		return nil, &KCMStatusError{Op: op, Status: code}
	}
	if n > maxKCMReply {
		return nil, fmt.Errorf("reply of %d bytes (limit %d)", n, maxKCMReply)
	}
	if n < kcmReplyStatusLen {
		return nil, fmt.Errorf("reply of %d bytes has no status", n)
	}
	body := make([]byte, n)
	if _, err := io.ReadFull(r, body); err != nil {
		return nil, err
	}
	if st := int32(binary.BigEndian.Uint32(body)); st != 0 {
		return nil, &KCMStatusError{Op: op, Status: st}
	}
	return body[kcmReplyStatusLen:], nil
}

// parseKCMName decodes a NUL-terminated cache name that fills the payload.
func parseKCMName(p []byte) (string, error) {
	if len(p) == 0 || p[len(p)-1] != 0 {
		return "", errors.New("the name is not NUL-terminated")
	}
	s := p[:len(p)-1]
	if len(s) == 0 || len(s) > maxKCMName {
		return "", fmt.Errorf("a name of %d bytes", len(s))
	}
	for _, c := range s {
		if c < 0x20 || c == 0x7f {
			return "", errors.New("the name holds a control character")
		}
	}
	return string(s), nil
}

// parseKCMUUIDList decodes a list of 16-byte UUIDs that fills the payload.
func parseKCMUUIDList(p []byte) ([][kcmUUIDLen]byte, error) {
	if len(p)%kcmUUIDLen != 0 {
		return nil, fmt.Errorf("a UUID list of %d bytes", len(p))
	}
	n := len(p) / kcmUUIDLen
	if n > maxKCMCreds {
		return nil, fmt.Errorf("%d credentials (limit %d)", n, maxKCMCreds)
	}
	out := make([][kcmUUIDLen]byte, n)
	for i := range out {
		copy(out[i][:], p[i*kcmUUIDLen:])
	}
	return out, nil
}
