// Package smbtest is an in-memory fake SMB 3 server (dialects 3.1.1, 3.0.2,
// 3.0) for unit tests of the client, as wireguard-go's conn/bindtest is a
// fake Bind: it really completes NEGOTIATE and SESSION_SETUP (preauth
// integrity hash, key derivation, a signed final response), then verifies
// the client's signatures, signs or encrypts every response, and serves
// files held in memory. Its knobs and Mutate hooks let a test play a
// misconfigured or malicious server, or a man in the middle.
//
// A test gives the client Server.Dial and a *Mechanism:
//
//	srv := &smbtest.Server{ShareFlags: map[string]uint32{"share": 0}}
//	cl, err := client.Dial(ctx, client.Options{Server: "fake", Policy: client.StrictPolicy(),
//		Mechanism: &smbtest.Mechanism{IsMutual: true}, Dial: srv.Dial})
//	defer srv.Close()
//
// One Serve call handles one connection on one goroutine:
//
//	read frame ─ decrypt (transform header) ─ split compound ─ per message:
//	  check session/signature/tree ─ run the command ─ build the response
//	─ chain responses ─ sign each, or seal the chain ─ write frame
//
// It is a test double, not a server: one session per SESSION_SETUP, no
// oplock or lease breaks, no reauthentication. It grants durable handles
// (DH2Q, with a lease context echoed back) that outlive their connection
// and can be reclaimed with DH2C from the same ClientGuid; Cut drops every
// connection and ExpireSessions makes established sessions answer
// STATUS_NETWORK_SESSION_EXPIRED, so that a client's reconnect can be
// tested.
package smbtest

import (
	"bufio"
	"context"
	"crypto/rand"
	"encoding/asn1"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"net"
	"slices"
	"strings"
	"sync"

	"github.com/smb3fs/smb3fs/client/wire"
	"github.com/smb3fs/smb3fs/crypto"
)

// DefaultCiphers is the server's cipher preference when Server.Ciphers is
// nil: Samba's order.
var DefaultCiphers = []wire.CipherID{wire.CipherAES128GCM, wire.CipherAES128CCM, wire.CipherAES256GCM, wire.CipherAES256CCM}

// DefaultSigningAlgorithms is the server's signing preference when
// Server.SigningAlgorithms is nil.
var DefaultSigningAlgorithms = []wire.SigningID{wire.SigningAESGMAC, wire.SigningAESCMAC}

// TokenMode says what the server puts in its final SPNEGO reply.
type TokenMode int

// Token modes.
const (
	// TokenValid sends the token the fake mechanism expects.
	TokenValid TokenMode = iota
	// TokenForged sends a token the mechanism rejects (a server that
	// cannot prove its identity).
	TokenForged
	// TokenOmitted sends accept-completed with no responseToken (a server
	// that claims success before the mechanism finished).
	TokenOmitted
)

// Mutations are hooks for tests that play a malicious server or a man in
// the middle. A nil hook does nothing.
//
// The decoded-response hooks run just before the response is encoded, so
// the server hashes, signs and seals what they produce: a lying server.
// RequestBytes and ResponseBytes rewrite plaintext messages on the wire,
// after the client signed (or before the client hashes) them: a man in the
// middle, which the preauth hash and the signatures must expose. They see
// every unencrypted message (encrypted ones are out of their reach) and
// return the message to use instead; a compound chain's messages come one
// by one, so they must keep the length.
type Mutations struct {
	// NegotiateResponse rewrites the NEGOTIATE response; the server then
	// uses the dialect, cipher and signing algorithm it names.
	NegotiateResponse func(r *wire.NegotiateResponse)
	// SessionSetupResponse rewrites every SESSION_SETUP response, header
	// included (h.Status decides whether the exchange goes on, succeeds
	// or fails).
	SessionSetupResponse func(h *wire.Header, r *wire.SessionSetupResponse)
	// TreeConnectResponse rewrites the TREE_CONNECT response.
	TreeConnectResponse func(h *wire.Header, r *wire.TreeConnectResponse)
	// RequestBytes rewrites each plaintext request before the server reads it.
	RequestBytes func(msg []byte) []byte
	// ResponseBytes rewrites each plaintext response after it was signed;
	// returning nil drops a response that is alone in its frame (a
	// server that goes silent).
	ResponseBytes func(msg []byte) []byte
}

// Record is one request the server received.
type Record struct {
	Command   wire.Command
	SessionID uint64      // from the request's header
	Encrypted bool        // arrived in a transform header
	Signed    bool        // had SMB2_FLAGS_SIGNED
	Status    wire.Status // what the server answered
	// Path is the share-relative name the request acted on: a CREATE's
	// name, or the name of the open a handle request names, as the
	// request arrived ("" when there is none or the handle is unknown).
	Path string
	// Offset and Length are a READ's or WRITE's range.
	Offset uint64
	Length uint32
}

// Server is a fake SMB server. Set its fields before the first connection
// and do not change them afterwards; the zero value is a strict 3.1.1
// server with no files.
type Server struct {
	// Dialects the server accepts; nil means 3.1.1 only. The highest one
	// the client offers is chosen.
	Dialects []wire.Dialect
	// Ciphers in the server's preference order; nil means DefaultCiphers,
	// an empty non-nil slice means the server encrypts nothing.
	Ciphers []wire.CipherID
	// SigningAlgorithms in preference order; nil means
	// DefaultSigningAlgorithms.
	SigningAlgorithms []wire.SigningID
	// MaxSize is MaxTransactSize, MaxReadSize and MaxWriteSize; 0 means 1 MiB.
	MaxSize uint32
	// MaxCredits caps the credits granted per response; 0 means 512.
	MaxCredits uint16
	// SessionFlags are set in the final SESSION_SETUP response
	// (wire.SessionFlagIsGuest, wire.SessionFlagEncryptData, ...).
	// EncryptData also makes the server require encrypted requests.
	SessionFlags uint16
	// ShareFlags maps each share name to its flags; a share not in the
	// map does not exist. nil means every share exists with flags 0.
	// wire.ShareFlagEncryptData makes the server require encryption on
	// that tree.
	ShareFlags map[string]uint32
	// UnsignedFinal leaves the final SESSION_SETUP response unsigned.
	UnsignedFinal bool
	// SessionKey is the key the server believes the mechanism produced;
	// nil means DefaultSessionKey(). A different key plays a server
	// without the client's credentials.
	SessionKey []byte
	// Token says what the final SPNEGO reply carries.
	Token TokenMode
	// PlaintextReplies answers encrypted requests with signed plaintext
	// (a server, or a man in the middle, stripping encryption).
	PlaintextReplies bool
	// AsyncReplies answers each CREATE, READ, WRITE, FLUSH, IOCTL and
	// QUERY_DIRECTORY sent alone first with an interim STATUS_PENDING
	// (unsigned, sealed if the reply is), then with the final response in
	// async form ([MS-SMB2] 3.3.4.2), as a slow server does.
	AsyncReplies bool
	// PlaintextInterim sends those interim responses unsigned and in
	// plaintext even when the final response is sealed (an injected
	// STATUS_PENDING).
	PlaintextInterim bool
	// Leasing advertises SMB2_GLOBAL_CAP_LEASING, so that clients ask for
	// leases and durable handles.
	Leasing bool
	// DirLeasing advertises SMB2_GLOBAL_CAP_DIRECTORY_LEASING and grants
	// the leases asked for on directories, which BreakDirLeases breaks
	// (dirlease.go). Without it a directory gets no lease.
	DirLeasing bool
	// Mutate rewrites responses before they are encoded.
	Mutate Mutations
	// FileSystem serves what a FUSE mount needs beyond the basics: the
	// QFid create context (stable FileIds), QUERY_INFO of the file and
	// file system classes the client asks for, SET_INFO of the size,
	// rename and delete, delete-on-close, and QUERY_DIRECTORY in pages
	// that fit the request's OutputBufferLength (fsops.go). Without it
	// the server stays the small fake the client's unit tests expect.
	FileSystem bool
	// Referral, if set, answers FSCTL_DFS_GET_REFERRALS: the response
	// bytes (RESP_GET_DFS_REFERRAL, or anything a hostile server might
	// send) and the status.
	Referral func(req *wire.DFSReferralRequest) ([]byte, wire.Status)
	// ShareModes plays a server's share modes and delete-pending names
	// (observe.go): an open that the share access of another open of the
	// name does not admit fails with STATUS_SHARING_VIOLATION, a name
	// set delete-on-close stays (STATUS_DELETE_PENDING to new opens)
	// until its last handle closes, and a rename over a file that is open
	// or of a directory with files open below it fails with
	// STATUS_ACCESS_DENIED, as on Samba. Needs FileSystem.
	ShareModes bool

	mu    sync.Mutex
	files map[string][]byte // share-relative path -> contents
	// durables are the durable opens by CreateGuid, kept across
	// connections; reclaimed counts successful DH2C reconnects.
	durables  map[[16]byte]*open
	reclaimed int
	// expireGen: sessions established before the latest ExpireSessions
	// call are expired.
	expireGen int
	dirs      map[string]bool // directories other than the root ""
	// writeTimes are the last write times SET_INFO set, by file name.
	writeTimes map[string]uint64
	records    []Record
	conns      map[net.Conn]bool
	// hostile is what SetHostile set; each frame works with a copy.
	hostile Hostile
	// ids are the FileIds of names (FileSystem), kept across renames;
	// nextFileID is the next one handed out.
	ids        map[string]uint64
	nextFileID uint64
	err        error // first error a Serve returned
	wg         sync.WaitGroup
	// intercept is what SetIntercept set (observe.go).
	intercept func(Record) wire.Status
	// live are the opens not closed yet, on every connection (durable
	// ones also after theirs ended); deletePending the names set
	// delete-on-close whose last handle is still open (ShareModes).
	live          map[*open]bool
	deletePending map[string]bool
}

// WriteFile stores a file (path as the client sends it, e.g. `dir\a.txt`).
func (s *Server) WriteFile(name string, data []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.initLocked()
	s.files[name] = slices.Clone(data)
}

// WriteTime returns the last write time a SET_INFO
// (FileBasicInformation) set on name, or 0.
func (s *Server) WriteTime(name string) uint64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.writeTimes[name]
}

// ReadFile returns a copy of a file's contents.
func (s *Server) ReadFile(name string) ([]byte, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	b, ok := s.files[name]
	return slices.Clone(b), ok
}

// Records returns the requests received so far, in order.
func (s *Server) Records() []Record {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.records)
}

// Seen returns how many requests with command cmd arrived.
func (s *Server) Seen(cmd wire.Command) int {
	n := 0
	for _, r := range s.Records() {
		if r.Command == cmd {
			n++
		}
	}
	return n
}

// Err returns the first error a connection ended with (a client that broke
// the protocol, as this server sees it), or nil.
func (s *Server) Err() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.err
}

// Pipe starts Serve on one end of a net.Pipe and returns the other end.
func (s *Server) Pipe() net.Conn {
	c, srv := net.Pipe()
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		s.Serve(srv)
	}()
	return c
}

// Dial is a client.Options.Dial that connects to the server through Pipe.
func (s *Server) Dial(context.Context, string, string) (net.Conn, error) { return s.Pipe(), nil }

// Cut ends every connection now, as a dropped network or a server restart
// would, without waiting; durable opens survive for reclaiming.
func (s *Server) Cut() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for c := range s.conns {
		c.Close()
	}
}

// ExpireSessions makes every session established so far answer each
// request but SESSION_SETUP and LOGOFF with STATUS_NETWORK_SESSION_EXPIRED
// ([MS-SMB2] 3.3.5.2.9).
func (s *Server) ExpireSessions() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.expireGen++
}

// Reclaimed returns how many durable handles were reclaimed with DH2C.
func (s *Server) Reclaimed() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.reclaimed
}

// Close ends every connection and waits for their Serve calls to return.
func (s *Server) Close() error {
	s.mu.Lock()
	for c := range s.conns {
		c.Close()
	}
	s.mu.Unlock()
	s.wg.Wait()
	return nil
}

func (s *Server) initLocked() {
	if s.files == nil {
		s.files = make(map[string][]byte)
		s.dirs = make(map[string]bool)
		s.conns = make(map[net.Conn]bool)
		s.durables = make(map[[16]byte]*open)
		s.ids = make(map[string]uint64)
		s.nextFileID = firstFileID
		s.live = make(map[*open]bool)
		s.deletePending = make(map[string]bool)
	}
}

// Serve handles one connection until the client closes it (nil) or breaks
// the protocol (an error, also kept for Err). It closes nc.
func (s *Server) Serve(nc net.Conn) error {
	s.mu.Lock()
	s.initLocked()
	s.conns[nc] = true
	s.mu.Unlock()
	c := &conn{
		srv: s, nc: nc,
		sessions: make(map[uint64]*session),
		trees:    make(map[uint32]*tree),
		opens:    make(map[wire.FileID]*open),
	}
	err := c.loop()
	nc.Close()
	s.mu.Lock()
	c.dropOpensLocked()
	delete(s.conns, nc)
	if err != nil && s.err == nil {
		s.err = err
	}
	s.mu.Unlock()
	return err
}

// conn is one connection's state, owned by its Serve goroutine.
type conn struct {
	srv *Server
	nc  net.Conn

	negotiated bool
	dialect    wire.Dialect
	cipher     wire.CipherID
	signing    wire.SigningID
	guid       [16]byte
	negReq     *wire.NegotiateRequest // as received, for VALIDATE_NEGOTIATE_INFO
	secMode    uint16
	caps       uint32
	preauth    crypto.PreauthHash // connection preauth hash after NEGOTIATE

	sessions map[uint64]*session
	trees    map[uint32]*tree
	opens    map[wire.FileID]*open
	nextID   uint64
	// hostile is the server's Hostile when the frame being handled
	// arrived.
	hostile Hostile
	// wmu serializes the writes of frames: the Serve goroutine's and
	// BreakDirLeases's.
	wmu sync.Mutex
}

type session struct {
	id          uint64
	gen         int // Server.expireGen when established
	preauth     crypto.PreauthHash
	established bool
	encryptData bool
	signer      crypto.Signer
	enc         *crypto.Encryptor // server to client
	dec         *crypto.Decryptor // client to server
}

type tree struct {
	share   string
	encrypt bool
}

type open struct {
	name   string
	dir    bool
	listed bool
	// pos is how many entries of the listing were sent (FileSystem).
	pos int
	// deleteOnClose: the name goes when this handle closes (FileSystem).
	deleteOnClose bool
	// access and share are the CREATE's DesiredAccess and ShareAccess
	// (ShareModes).
	access, share uint32
	// Durable opens: the CreateGuid, the ClientGuid of the connection that
	// made it, the lease key, and the FileId it has now.
	durable    bool
	createGUID [16]byte
	clientGUID [16]byte
	leaseKey   [16]byte
	id         wire.FileID
	// leaseState is the lease state granted on a directory (DirLeasing)
	// and leaseConn the connection holding it, guarded by Server.mu.
	leaseState uint32
	leaseConn  *conn
}

// reply is one response message and how it must be protected.
type reply struct {
	msg     []byte
	sess    *session // established session to sign or seal with; nil: neither
	encrypt bool     // must be sealed
	done    bool     // already protected (the final SESSION_SETUP response)
	kill    bool     // end the connection with err instead of answering
	err     error
	asked   uint32 // the request's Length or OutputBufferLength, for Hostile.Lengths
}

func (c *conn) loop() error {
	br := bufio.NewReader(c.nc)
	var hdr [4]byte
	for {
		if _, err := io.ReadFull(br, hdr[:]); err != nil {
			if errors.Is(err, io.EOF) || errors.Is(err, io.ErrClosedPipe) || errors.Is(err, net.ErrClosed) {
				return nil
			}
			return err
		}
		n := int(hdr[1])<<16 | int(hdr[2])<<8 | int(hdr[3])
		if hdr[0] != 0 || n < wire.HeaderSize {
			return fmt.Errorf("smbtest: bad transport header %x", hdr)
		}
		frame := make([]byte, n)
		if _, err := io.ReadFull(br, frame); err != nil {
			return err
		}
		if err := c.frame(frame); err != nil {
			if errors.Is(err, io.ErrClosedPipe) {
				return nil // the client hung up while we answered
			}
			return err
		}
	}
}

// frame handles one frame: decrypt, split, handle each message, answer.
func (c *conn) frame(frame []byte) error {
	var sealedBy *session
	if string(frame[:4]) == wire.TransformProtocolID {
		sid, err := crypto.TransformSessionID(frame)
		if err != nil {
			return fmt.Errorf("smbtest: %w", err)
		}
		s := c.sessions[sid]
		if s == nil || s.dec == nil {
			return fmt.Errorf("smbtest: encrypted frame for unknown session %#x", sid)
		}
		if _, frame, err = s.dec.Open(frame); err != nil {
			return fmt.Errorf("smbtest: decrypt: %w", err)
		}
		sealedBy = s
	}
	msgs, err := wire.SplitCompound(frame)
	if err != nil {
		return fmt.Errorf("smbtest: %w", err)
	}
	c.hostile = c.srv.Hostile()
	var out []reply
	ch := &chain{}
	for i, m := range msgs {
		if sealedBy == nil && c.srv.Mutate.RequestBytes != nil {
			m = c.srv.Mutate.RequestBytes(m)
		}
		h, err := wire.DecodeHeader(m)
		if err != nil || h.IsResponse() {
			return fmt.Errorf("smbtest: bad request header: %v", err)
		}
		related := i > 0 && h.Flags&wire.FlagRelatedOperations != 0
		rec := c.describe(m, &h, ch, related)
		rec.Encrypted, rec.Signed = sealedBy != nil, h.Flags&wire.FlagSigned != 0
		r := c.handle(m, &h, sealedBy, ch, related, rec)
		if r.kill {
			return r.err
		}
		rec.Status = wire.Status(binary.LittleEndian.Uint32(r.msg[wire.OffsetStatus:]))
		c.srv.mu.Lock()
		c.srv.records = append(c.srv.records, rec)
		c.srv.mu.Unlock()
		if h.Command == wire.CmdCancel {
			continue // CANCEL has no response
		}
		if c.hostile.Lengths != LenHonest && r.sess != nil && !r.done {
			r.msg = lieAboutLength(r.msg, c.hostile.Lengths, askedLength(m, h.Command))
		}
		out = append(out, r)
	}
	if c.hostile.Pending && len(out) > 0 && out[0].sess != nil && asyncCommands[wire.Command(binary.LittleEndian.Uint16(out[0].msg[wire.OffsetCommand:]))] {
		return c.pendForever(out, sealedBy)
	}
	if c.srv.AsyncReplies && len(out) == 1 && out[0].sess != nil && asyncCommands[wire.Command(binary.LittleEndian.Uint16(out[0].msg[wire.OffsetCommand:]))] {
		if err := c.goAsync(&out[0], sealedBy); err != nil {
			return err
		}
	}
	return c.send(out, sealedBy)
}

// asyncCommands are the commands AsyncReplies answers asynchronously.
var asyncCommands = map[wire.Command]bool{
	wire.CmdCreate: true, wire.CmdRead: true, wire.CmdWrite: true,
	wire.CmdFlush: true, wire.CmdIoctl: true, wire.CmdQueryDirectory: true,
}

// goAsync sends the interim response for r and turns r into the final
// response in async form.
func (c *conn) goAsync(r *reply, sealedBy *session) error {
	h, _ := wire.DecodeHeader(r.msg)
	h.Flags |= wire.FlagAsyncCommand
	h.AsyncID = h.MessageID + 0x10000
	final := h
	h.Status = wire.StatusPending
	interim := reply{msg: (&wire.ErrorResponse{}).Append(h.Append(nil)), sess: r.sess, encrypt: r.encrypt, done: true}
	if c.srv.PlaintextInterim {
		interim.encrypt, sealedBy = false, nil
	}
	if err := c.send([]reply{interim}, sealedBy); err != nil {
		return err
	}
	final.Credits = 0 // granted with the interim response
	final.Encode(r.msg)
	return nil
}

// pendForever answers every reply of out with an interim STATUS_PENDING
// ([MS-SMB2] 3.3.4.2), chained as the requests were, and never with the
// final responses (Hostile.Pending).
func (c *conn) pendForever(out []reply, sealedBy *session) error {
	interims := make([]reply, len(out))
	for i, r := range out {
		h, _ := wire.DecodeHeader(r.msg)
		h.Flags |= wire.FlagAsyncCommand
		h.AsyncID = h.MessageID + 0x20000
		h.Status = wire.StatusPending
		h.NextCommand = 0
		interims[i] = reply{msg: (&wire.ErrorResponse{}).Append(h.Append(nil)), sess: r.sess, encrypt: r.encrypt, done: true}
	}
	return c.send(interims, sealedBy)
}

// send chains the replies, signs each or seals the chain, and writes it.
func (c *conn) send(out []reply, sealedBy *session) error {
	if len(out) == 0 {
		return nil
	}
	sealWith := sealedBy
	for _, r := range out {
		if r.encrypt && sealWith == nil {
			sealWith = r.sess
		}
	}
	if c.srv.PlaintextReplies {
		sealWith = nil
	}
	var chain []byte
	for i, r := range out {
		m := r.msg
		if i < len(out)-1 {
			for len(m)%8 != 0 {
				m = append(m, 0)
			}
			binary.LittleEndian.PutUint32(m[wire.OffsetNextCommand:], uint32(len(m)))
		}
		if sealWith == nil && r.sess != nil && !r.done {
			signMsg(r.sess.signer, m)
		}
		if sealWith == nil && c.srv.Mutate.ResponseBytes != nil {
			m = c.srv.Mutate.ResponseBytes(m)
		}
		chain = append(chain, m...)
	}
	if len(chain) == 0 {
		return nil
	}
	frame := make([]byte, 4, 4+len(chain)+crypto.TransformHeaderSize)
	if sealWith != nil {
		var err error
		if frame, err = sealWith.enc.Seal(frame, sealWith.id, chain); err != nil {
			return err
		}
	} else {
		frame = append(frame, chain...)
	}
	n := len(frame) - 4
	frame[1], frame[2], frame[3] = byte(n>>16), byte(n>>8), byte(n)
	c.wmu.Lock()
	_, err := c.nc.Write(frame)
	c.wmu.Unlock()
	return err
}

func signMsg(s crypto.Signer, m []byte) {
	binary.LittleEndian.PutUint32(m[wire.OffsetFlags:], binary.LittleEndian.Uint32(m[wire.OffsetFlags:])|wire.FlagSigned)
	s.Sign(m)
}

// chain carries what a related compound operation inherits from the one
// before it ([MS-SMB2] 3.3.5.2.7.2).
type chain struct {
	fileID wire.FileID
	status wire.Status
}

// respond builds a response message to h with status and body.
func (c *conn) respond(h *wire.Header, status wire.Status, body interface{ Append([]byte) []byte }) []byte {
	rh := c.respHeader(h, status)
	if status != wire.StatusSuccess && status != wire.StatusMoreProcessingRequired && body == nil {
		body = &wire.ErrorResponse{}
	}
	return body.Append(rh.Append(make([]byte, 0, 128)))
}

func (c *conn) respHeader(h *wire.Header, status wire.Status) wire.Header {
	limit := c.srv.MaxCredits
	if limit == 0 {
		limit = 512
	}
	credits := min(max(h.Credits, 1), limit)
	if c.hostile.Credits != 0 {
		credits = c.hostile.Credits
	}
	return wire.Header{
		CreditCharge: h.CreditCharge,
		Status:       status,
		Command:      h.Command,
		Credits:      credits,
		Flags:        wire.FlagServerToRedir | h.Flags&wire.FlagRelatedOperations,
		MessageID:    h.MessageID,
		TreeID:       h.TreeID,
		SessionID:    h.SessionID,
	}
}

// handle runs one request and returns its reply.
func (c *conn) handle(m []byte, h *wire.Header, sealedBy *session, ch *chain, related bool, rec Record) reply {
	fail := func(st wire.Status, s *session, encrypt bool) reply {
		return reply{msg: c.respond(h, st, nil), sess: s, encrypt: encrypt}
	}
	switch h.Command {
	case wire.CmdNegotiate:
		return reply{msg: c.negotiate(m, h)}
	case wire.CmdSessionSetup:
		return c.sessionSetup(m, h)
	case wire.CmdCancel:
		return reply{msg: m}
	}
	if !c.negotiated {
		return fail(wire.StatusInvalidParameter, nil, false)
	}
	if h.Command == wire.CmdEcho && h.SessionID == 0 && sealedBy == nil {
		return reply{msg: c.respond(h, wire.StatusSuccess, &wire.EchoResponse{})}
	}
	// [MS-SMB2] 3.3.5.2.9: the session must exist; its requests must be
	// sealed (if it encrypts) or signed.
	s := c.sessions[h.SessionID]
	if s == nil || !s.established {
		return fail(wire.StatusUserSessionDeleted, nil, false)
	}
	c.srv.mu.Lock()
	expired := s.gen < c.srv.expireGen
	c.srv.mu.Unlock()
	if expired && h.Command != wire.CmdLogoff {
		// Signed (or sealed) with the session's keys, as Samba does.
		return fail(wire.StatusNetworkSessionExpired, s, sealedBy != nil)
	}
	switch {
	case sealedBy != nil && sealedBy != s:
		return fail(wire.StatusAccessDenied, s, true)
	case sealedBy == nil && s.encryptData:
		return fail(wire.StatusAccessDenied, s, false)
	case sealedBy == nil && (h.Flags&wire.FlagSigned == 0 || s.signer.Verify(m) != nil):
		return fail(wire.StatusAccessDenied, s, false)
	}
	encrypt := sealedBy != nil || s.encryptData
	if related && ch.status != wire.StatusSuccess {
		return fail(ch.status, s, encrypt)
	}
	var t *tree
	if h.Command != wire.CmdEcho && h.Command != wire.CmdLogoff && h.Command != wire.CmdTreeConnect {
		if t = c.trees[h.TreeID]; t == nil {
			return fail(wire.StatusNetworkNameDeleted, s, encrypt)
		}
		if t.encrypt && sealedBy == nil {
			return fail(wire.StatusAccessDenied, s, false)
		}
		encrypt = encrypt || t.encrypt
	}
	if st := c.intercepted(rec); st != wire.StatusSuccess {
		ch.status = st
		return fail(st, s, encrypt)
	}
	var st wire.Status
	var body interface{ Append([]byte) []byte }
	switch h.Command {
	case wire.CmdEcho:
		body = &wire.EchoResponse{}
	case wire.CmdLogoff:
		delete(c.sessions, s.id)
		body = &wire.LogoffResponse{}
	case wire.CmdTreeConnect:
		return c.treeConnect(m, h, s, encrypt)
	case wire.CmdTreeDisconnect:
		delete(c.trees, h.TreeID)
		body = &wire.TreeDisconnectResponse{}
	case wire.CmdIoctl:
		if st, body = c.ioctl(m); st == statusKill {
			return reply{kill: true, err: errors.New("smbtest: VALIDATE_NEGOTIATE_INFO does not match NEGOTIATE")}
		}
	default:
		st, body = c.fileOp(m, h, ch, related)
	}
	// A related operation after a failed one fails with its status
	// ([MS-SMB2] 3.3.5.2.7.2), whatever the first one was.
	ch.status = st
	return reply{msg: c.respond(h, st, body), sess: s, encrypt: encrypt}
}

// negotiate answers NEGOTIATE ([MS-SMB2] 3.3.5.4) and starts the
// connection's preauth integrity hash with the exact bytes.
func (c *conn) negotiate(m []byte, h *wire.Header) []byte {
	req, err := wire.DecodeNegotiateRequest(m)
	if err != nil || c.negotiated {
		return c.respond(h, wire.StatusInvalidParameter, nil)
	}
	accept := c.srv.Dialects
	if accept == nil {
		accept = []wire.Dialect{wire.Dialect311}
	}
	var d wire.Dialect
	for _, x := range req.Dialects {
		if slices.Contains(accept, x) && x > d {
			d = x
		}
	}
	if d == 0 {
		return c.respond(h, wire.StatusNotSupported, nil)
	}
	size := c.srv.MaxSize
	if size == 0 {
		size = 1 << 20
	}
	r := &wire.NegotiateResponse{
		SecurityMode:    wire.SecurityModeSigningEnabled,
		DialectRevision: d,
		Capabilities:    wire.CapLargeMTU,
		MaxTransactSize: size,
		MaxReadSize:     size,
		MaxWriteSize:    size,
	}
	if c.srv.Leasing {
		r.Capabilities |= wire.CapLeasing
	}
	if c.srv.DirLeasing {
		r.Capabilities |= wire.CapDirectoryLeasing
	}
	rand.Read(r.ServerGUID[:])
	ciphers := c.srv.Ciphers
	if ciphers == nil {
		ciphers = DefaultCiphers
	}
	signing := c.srv.SigningAlgorithms
	if signing == nil {
		signing = DefaultSigningAlgorithms
	}
	c.signing = wire.SigningHMACSHA256
	switch d {
	case wire.Dialect311:
		r.PreauthHashAlgorithms = []uint16{wire.HashSHA512}
		r.PreauthSalt = make([]byte, 32)
		rand.Read(r.PreauthSalt)
		if req.Ciphers != nil {
			r.Ciphers = []wire.CipherID{wire.CipherNone}
			for _, ci := range ciphers {
				if slices.Contains(req.Ciphers, ci) {
					r.Ciphers[0] = ci
					break
				}
			}
		}
		c.signing = wire.SigningAESCMAC
		for _, sa := range signing {
			if slices.Contains(req.SigningAlgorithms, sa) {
				r.SigningAlgorithms = []wire.SigningID{sa}
				c.signing = sa
				break
			}
		}
	case wire.Dialect300, wire.Dialect302:
		c.signing = wire.SigningAESCMAC
		if req.Capabilities&wire.CapEncryption != 0 && slices.Contains(ciphers, wire.CipherAES128CCM) {
			r.Capabilities |= wire.CapEncryption
		}
	}
	if c.srv.Mutate.NegotiateResponse != nil {
		c.srv.Mutate.NegotiateResponse(r)
	}
	// What the server uses is what it sent.
	c.dialect = r.DialectRevision
	c.cipher = 0
	switch {
	case c.dialect == wire.Dialect311 && len(r.Ciphers) == 1:
		c.cipher = wire.CipherID(r.Ciphers[0])
	case (c.dialect == wire.Dialect300 || c.dialect == wire.Dialect302) && r.Capabilities&wire.CapEncryption != 0:
		c.cipher = wire.CipherAES128CCM
	}
	if c.dialect == wire.Dialect311 && len(r.SigningAlgorithms) == 1 {
		c.signing = wire.SigningID(r.SigningAlgorithms[0])
	}
	c.guid, c.secMode, c.caps, c.negReq = r.ServerGUID, r.SecurityMode, r.Capabilities, req
	msg := c.respond(h, wire.StatusSuccess, r)
	if c.dialect == wire.Dialect311 {
		c.preauth.Update(m)
		c.preauth.Update(msg)
	}
	c.negotiated = true
	return msg
}

// sessionSetup runs the fake mechanism's SPNEGO exchange ([MS-SMB2]
// 3.3.5.5): every request and every non-final response go into the
// session's preauth hash; the final response is signed with the derived
// signing key.
func (c *conn) sessionSetup(m []byte, h *wire.Header) reply {
	fail := func(st wire.Status) reply { return reply{msg: c.respond(h, st, nil)} }
	req, err := wire.DecodeSessionSetupRequest(m)
	if err != nil || !c.negotiated {
		return fail(wire.StatusInvalidParameter)
	}
	s := c.sessions[h.SessionID]
	if h.SessionID == 0 {
		c.nextID++
		s = &session{id: 0x1000_0000_0000 + c.nextID, preauth: c.preauth}
		c.sessions[s.id] = s
	}
	if s == nil || s.established {
		return fail(wire.StatusUserSessionDeleted)
	}
	s.preauth.Update(m)
	mechs, tok, err := parseSPNEGO(req.SecurityBuffer)
	i, n, ok := parseClientToken(tok)
	if err != nil || !ok || (i == 1) != (mechs != nil) {
		delete(c.sessions, s.id)
		return fail(wire.StatusLogonFailure)
	}
	var mech asn1.ObjectIdentifier
	if i == 1 {
		mech = mechs[0]
	}
	status, state, out := wire.StatusMoreProcessingRequired, negAcceptIncomplete, serverToken(i, n)
	if i == n {
		status, state = wire.StatusSuccess, negAcceptCompleted
		switch c.srv.Token {
		case TokenForged:
			out = []byte("smbtest-forged")
		case TokenOmitted:
			out = nil
		}
	}
	r := &wire.SessionSetupResponse{SecurityBuffer: negTokenResp(state, mech, out)}
	if status == wire.StatusSuccess {
		r.SessionFlags = c.srv.SessionFlags
	}
	rh := c.respHeader(h, status)
	rh.SessionID = s.id
	if c.srv.Mutate.SessionSetupResponse != nil {
		c.srv.Mutate.SessionSetupResponse(&rh, r)
	}
	msg := r.Append(rh.Append(nil))
	if rh.Status != wire.StatusSuccess {
		if rh.Status == wire.StatusMoreProcessingRequired {
			s.preauth.Update(msg)
		} else {
			delete(c.sessions, s.id)
		}
		return reply{msg: msg}
	}
	if err := c.establish(s, r.SessionFlags); err != nil {
		delete(c.sessions, s.id)
		return fail(wire.StatusInternalError)
	}
	if !c.srv.UnsignedFinal {
		signMsg(s.signer, msg)
	}
	return reply{msg: msg, done: true}
}

// establish derives the session's keys ([MS-SMB2] 3.3.5.5.3).
func (c *conn) establish(s *session, flags uint16) error {
	key := c.srv.SessionKey
	if key == nil {
		key = DefaultSessionKey()
	}
	keys, err := crypto.DeriveKeys(c.dialect, key, &s.preauth, c.cipher)
	if err != nil {
		return err
	}
	if s.signer, err = crypto.NewSigner(c.signing, keys.Signing[:]); err != nil {
		return err
	}
	if c.cipher != 0 {
		if s.enc, err = crypto.NewEncryptor(c.cipher, keys.DecryptionKey()); err != nil {
			return err
		}
		if s.dec, err = crypto.NewDecryptor(c.cipher, keys.EncryptionKey()); err != nil {
			return err
		}
	}
	s.established = true
	s.encryptData = flags&wire.SessionFlagEncryptData != 0 && c.cipher != 0
	c.srv.mu.Lock()
	s.gen = c.srv.expireGen
	c.srv.mu.Unlock()
	return nil
}

// treeConnect connects a share named in ShareFlags ([MS-SMB2] 3.3.5.7).
func (c *conn) treeConnect(m []byte, h *wire.Header, s *session, encrypt bool) reply {
	req, err := wire.DecodeTreeConnectRequest(m)
	if err != nil {
		return reply{msg: c.respond(h, wire.StatusInvalidParameter, nil), sess: s, encrypt: encrypt}
	}
	share := req.Path[strings.LastIndexByte(req.Path, '\\')+1:]
	flags, ok := c.srv.ShareFlags[share]
	if !ok && c.srv.ShareFlags != nil {
		return reply{msg: c.respond(h, wire.StatusBadNetworkName, nil), sess: s, encrypt: encrypt}
	}
	c.nextID++
	id := uint32(c.nextID)
	t := &tree{share: share, encrypt: flags&wire.ShareFlagEncryptData != 0 && c.cipher != 0}
	c.trees[id] = t
	r := &wire.TreeConnectResponse{ShareType: wire.ShareTypeDisk, ShareFlags: flags, MaximalAccess: 0x001f01ff}
	rh := c.respHeader(h, wire.StatusSuccess)
	rh.TreeID = id
	if c.srv.Mutate.TreeConnectResponse != nil {
		c.srv.Mutate.TreeConnectResponse(&rh, r)
	}
	// The TREE_CONNECT response itself is sealed only if the request was
	// or the session encrypts ([MS-SMB2] 3.3.5.7 sends it before the
	// share's EncryptData applies).
	return reply{msg: r.Append(rh.Append(nil)), sess: s, encrypt: encrypt}
}

// statusKill is ioctl's way to say "terminate the connection".
const statusKill = wire.Status(0xffffffff)

// referral answers FSCTL_DFS_GET_REFERRALS with Server.Referral.
func (c *conn) referral(req *wire.IoctlRequest) (wire.Status, interface{ Append([]byte) []byte }) {
	in, err := wire.DecodeDFSReferralRequest(req.Input)
	if err != nil {
		return wire.StatusInvalidParameter, nil
	}
	out, st := c.srv.Referral(in)
	if st != wire.StatusSuccess {
		return st, nil
	}
	if uint64(len(out)) > uint64(req.MaxOutputResponse) {
		return wire.StatusBufferOverflow, nil
	}
	return wire.StatusSuccess, &wire.IoctlResponse{CtlCode: req.CtlCode, FileID: req.FileID, Output: out}
}

// ioctl answers FSCTL_VALIDATE_NEGOTIATE_INFO (3.0.x clients), DFS
// referrals when Server.Referral is set, and nothing else. A request that does not match the NEGOTIATE the server received ends
// the connection ([MS-SMB2] 3.3.5.15.12).
func (c *conn) ioctl(m []byte) (wire.Status, interface{ Append([]byte) []byte }) {
	req, err := wire.DecodeIoctlRequest(m)
	if err != nil {
		return wire.StatusInvalidParameter, nil
	}
	if req.CtlCode == wire.FsctlGetReparsePoint && c.srv.FileSystem {
		return wire.StatusNotAReparsePoint, nil
	}
	if req.CtlCode == wire.FsctlDfsGetReferrals && c.srv.Referral != nil {
		return c.referral(req)
	}
	if req.CtlCode != wire.FsctlValidateNegotiateInfo {
		return wire.StatusNotSupported, nil
	}
	v, err := wire.DecodeValidateNegotiateInfoRequest(req.Input)
	n := c.negReq
	if err != nil || v.Capabilities != n.Capabilities || v.GUID != n.ClientGUID ||
		v.SecurityMode != n.SecurityMode || !slices.Equal(v.Dialects, n.Dialects) {
		return statusKill, nil
	}
	out := (&wire.ValidateNegotiateInfoResponse{Capabilities: c.caps, GUID: c.guid, SecurityMode: c.secMode, Dialect: c.dialect}).Encode()
	return wire.StatusSuccess, &wire.IoctlResponse{CtlCode: req.CtlCode, FileID: req.FileID, Output: out}
}
