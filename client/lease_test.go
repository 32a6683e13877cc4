package client

import (
	"context"
	"crypto/rand"
	"encoding/binary"
	"errors"
	"net"
	"testing"
	"time"

	"github.com/smb3fs/smb3fs/client/wire"
)

// Lease, oplock and CHANGE_NOTIFY tests against the scripted peer of
// conn_test.go: each test writes every server byte itself.

const testTreeID = 9

// newTestClient returns a Client with the break handler installed, a tree
// on it, and the peer playing the server.
func newTestClient(t *testing.T) (*Client, *Tree, *peer) {
	t.Helper()
	c, s, p := newTestConn(t, false)
	c.state.ServerCapabilities |= wire.CapLeasing
	c.state.MaxTransactSize = 1 << 20
	cl := &Client{conn: c, session: s}
	cl.handleBreaks()
	return cl, &Tree{cl: cl, s: s, id: testTreeID}, p
}

// notification builds an unsolicited OPLOCK_BREAK as a server sends it:
// MessageId 0xFFFFFFFFFFFFFFFF, unsigned, with sessionID (0 for leases).
func notification(sessionID uint64, body interface{ Append([]byte) []byte }) []byte {
	h := wire.Header{Command: wire.CmdOplockBreak, Flags: wire.FlagServerToRedir, MessageID: ^uint64(0), SessionID: sessionID}
	return body.Append(h.Append(nil))
}

var testFileID = wire.FileID{Persistent: 0x1111, Volatile: 0x2222}

type leaseResult struct {
	f   *File
	l   *Lease
	err error
}

// openLeased opens name asking for a lease with state want.
func openLeased(tr *Tree, name string, want uint32) (*File, *Lease, error) {
	f, err := tr.Open(context.Background(), name, OpenOptions{Access: AccessRead | AccessWrite, Kind: KindFile, Lease: LeaseState(want)})
	if err != nil {
		return nil, nil, err
	}
	return f, f.Lease(), nil
}

// createLeased runs openLeased(want) and answers it, granting grant;
// it returns the lease key the client chose.
func createLeased(t *testing.T, tr *Tree, p *peer, want, grant uint32) (*Lease, [16]byte) {
	t.Helper()
	ch := make(chan leaseResult, 1)
	go func() {
		f, l, err := openLeased(tr, "a.txt", want)
		ch <- leaseResult{f, l, err}
	}()
	req := p.readMsg()
	if err := p.signer.Verify(req); err != nil {
		t.Fatalf("CREATE not signed: %v", err)
	}
	cr, err := wire.DecodeCreateRequest(req)
	if err != nil {
		t.Fatal(err)
	}
	if cr.RequestedOplockLevel != wire.OplockLevelLease || len(cr.Contexts) != 1 || cr.Contexts[0].Name != wire.CtxNameLeaseRequest {
		t.Fatalf("CREATE asks oplock 0x%x with contexts %+v, want a lease", cr.RequestedOplockLevel, cr.Contexts)
	}
	lr, err := wire.DecodeLeaseV2(cr.Contexts[0].Data)
	if err != nil || len(cr.Contexts[0].Data) != 52 {
		t.Fatalf("lease context: %v (%d bytes, want v2)", err, len(cr.Contexts[0].Data))
	}
	if lr.State != want {
		t.Fatalf("lease requested 0x%x, want 0x%x", lr.State, want)
	}
	resp := &wire.CreateResponse{
		OplockLevel: wire.OplockLevelLease,
		FileID:      testFileID,
		Contexts:    []wire.CreateContext{{Name: wire.CtxNameLeaseRequest, Data: (&wire.LeaseRequestV2{Key: lr.Key, State: grant, Epoch: 1}).Encode()}},
	}
	p.write(p.sign(respond(req, wire.StatusSuccess, resp)))
	r := <-ch
	if r.err != nil {
		t.Fatalf("CreateWithLease: %v", r.err)
	}
	return r.l, lr.Key
}

// expectLeaseAck reads the acknowledgment the client must send and answers
// it.
func expectLeaseAck(t *testing.T, p *peer, s *Session, key [16]byte, state uint32) {
	t.Helper()
	m := p.readMsg()
	if err := p.signer.Verify(m); err != nil {
		t.Fatalf("lease break acknowledgment not signed: %v", err)
	}
	h, _ := wire.DecodeHeader(m)
	if h.Command != wire.CmdOplockBreak || h.SessionID != s.id || h.TreeID != testTreeID {
		t.Fatalf("acknowledgment is %s on session 0x%x tree %d", h.Command, h.SessionID, h.TreeID)
	}
	ack, err := wire.DecodeLeaseBreakAck(m)
	if err != nil {
		t.Fatalf("acknowledgment: %v", err)
	}
	if ack.LeaseKey != key || ack.LeaseState != state {
		t.Fatalf("acknowledged key %x state 0x%x, want %x 0x%x", ack.LeaseKey, ack.LeaseState, key, state)
	}
	p.write(p.sign(respond(m, wire.StatusSuccess, &wire.LeaseBreakResponse{LeaseKey: key, LeaseState: state})))
}

func TestLeaseBreakIsAcknowledged(t *testing.T) {
	cl, tr, p := newTestClient(t)
	rwh := wire.LeaseRead | wire.LeaseWrite | wire.LeaseHandle
	l, key := createLeasedOK(t, tr, p, rwh, rwh)
	if uint32(l.State()) != rwh {
		t.Fatalf("granted 0x%x, want 0x%x", uint32(l.State()), rwh)
	}
	broken := l.Broken()
	var calledFrom, calledTo uint32
	l.OnBreak(func(ctx context.Context, from, to LeaseState) { calledFrom, calledTo = uint32(from), uint32(to) })
	p.write(notification(0, &wire.LeaseBreakNotification{
		NewEpoch: 2, Flags: wire.LeaseBreakFlagAckRequired, LeaseKey: key,
		CurrentLeaseState: rwh, NewLeaseState: wire.LeaseRead,
	}))
	expectLeaseAck(t, p, cl.session, key, wire.LeaseRead)
	if err := l.Wait(context.Background()); err != nil {
		t.Fatalf("acknowledgment failed: %v", err)
	}
	if uint32(l.State()) != wire.LeaseRead {
		t.Fatalf("state after break 0x%x, want R", uint32(l.State()))
	}
	select {
	case <-broken:
	default:
		t.Fatal("Broken() not closed by the break")
	}
	if calledFrom != rwh || calledTo != wire.LeaseRead {
		t.Fatalf("OnBreak(0x%x, 0x%x), want (0x%x, 0x%x)", calledFrom, calledTo, rwh, wire.LeaseRead)
	}
	if err := cl.conn.Err(); err != nil {
		t.Fatal(err)
	}
}

func TestLeaseBreakNeverRaisesState(t *testing.T) {
	// A forged (or confused) break that offers more than we hold: we keep
	// what we had and acknowledge only that.
	cl, tr, p := newTestClient(t)
	rwh := wire.LeaseRead | wire.LeaseWrite | wire.LeaseHandle
	l, key := createLeasedOK(t, tr, p, rwh, wire.LeaseRead)
	p.write(notification(0, &wire.LeaseBreakNotification{
		Flags: wire.LeaseBreakFlagAckRequired, LeaseKey: key, CurrentLeaseState: wire.LeaseRead, NewLeaseState: rwh,
	}))
	expectLeaseAck(t, p, cl.session, key, wire.LeaseRead)
	if err := l.Wait(context.Background()); err != nil {
		t.Fatal(err)
	}
	if uint32(l.State()) != wire.LeaseRead {
		t.Fatalf("state 0x%x after a break offering more, want R", uint32(l.State()))
	}
}

func TestLeaseBreakWithoutAckRequiredSendsNothing(t *testing.T) {
	cl, tr, p := newTestClient(t)
	rh := wire.LeaseRead | wire.LeaseHandle
	l, key := createLeasedOK(t, tr, p, rh, rh)
	p.write(notification(0, &wire.LeaseBreakNotification{LeaseKey: key, CurrentLeaseState: rh, NewLeaseState: wire.LeaseRead}))
	echoOK(t, cl.conn, cl.session, p)
	if uint32(l.State()) != wire.LeaseRead {
		t.Fatalf("state 0x%x, want R", uint32(l.State()))
	}
	if n := startedAcks(cl); n != 0 {
		t.Fatalf("%d acknowledgments started for a break without ACK_REQUIRED", n)
	}
}

func TestLeaseBreakForUnknownKeyIsIgnored(t *testing.T) {
	// [MS-SMB2] 3.2.5.19.2: no lease with that key, no further processing.
	// A forged break must neither crash nor make us send anything.
	cl, tr, p := newTestClient(t)
	rwh := wire.LeaseRead | wire.LeaseWrite | wire.LeaseHandle
	l, _ := createLeasedOK(t, tr, p, rwh, rwh)
	var other [16]byte
	rand.Read(other[:])
	p.write(notification(0, &wire.LeaseBreakNotification{
		Flags: wire.LeaseBreakFlagAckRequired, LeaseKey: other, CurrentLeaseState: rwh, NewLeaseState: wire.LeaseNone,
	}))
	echoOK(t, cl.conn, cl.session, p) // the reader handled the break before this response
	if n := startedAcks(cl); n != 0 {
		t.Fatalf("%d acknowledgments started for an unknown lease key", n)
	}
	if uint32(l.State()) != rwh {
		t.Fatalf("a break for another key changed our lease to 0x%x", uint32(l.State()))
	}
	// A released lease is unknown too.
	l.Release()
	p.write(notification(0, &wire.LeaseBreakNotification{Flags: wire.LeaseBreakFlagAckRequired, LeaseKey: l.Key(), NewLeaseState: wire.LeaseNone}))
	echoOK(t, cl.conn, cl.session, p)
	if n := startedAcks(cl); n != 0 {
		t.Fatalf("%d acknowledgments started for a released lease", n)
	}
}

func TestLeaseBreakOvertakingCreateResponse(t *testing.T) {
	// The break follows the CREATE response on the wire, possibly before
	// the caller has seen the grant: the result is the same either way.
	cl, tr, p := newTestClient(t)
	rwh := wire.LeaseRead | wire.LeaseWrite | wire.LeaseHandle
	ch := make(chan leaseResult, 1)
	go func() {
		f, l, err := openLeased(tr, "a.txt", rwh)
		ch <- leaseResult{f, l, err}
	}()
	req := p.readMsg()
	cr, err := wire.DecodeCreateRequest(req)
	if err != nil {
		t.Fatal(err)
	}
	lr, _ := wire.DecodeLeaseV2(cr.Contexts[0].Data)
	resp := &wire.CreateResponse{
		OplockLevel: wire.OplockLevelLease, FileID: testFileID,
		Contexts: []wire.CreateContext{{Name: wire.CtxNameLeaseRequest, Data: (&wire.LeaseRequestV2{Key: lr.Key, State: rwh}).Encode()}},
	}
	p.write(p.sign(respond(req, wire.StatusSuccess, resp)))
	p.write(notification(0, &wire.LeaseBreakNotification{Flags: wire.LeaseBreakFlagAckRequired, LeaseKey: lr.Key, CurrentLeaseState: rwh, NewLeaseState: wire.LeaseRead | wire.LeaseHandle}))
	expectLeaseAck(t, p, cl.session, lr.Key, wire.LeaseRead|wire.LeaseHandle)
	r := <-ch
	if r.err != nil {
		t.Fatal(r.err)
	}
	if err := r.l.Wait(context.Background()); err != nil {
		t.Fatal(err)
	}
	if got := uint32(r.l.State()); got != wire.LeaseRead|wire.LeaseHandle {
		t.Fatalf("state 0x%x, want RH", got)
	}
}

func TestLeaseBreakResponseForAnotherKeyKillsConnection(t *testing.T) {
	cl, tr, p := newTestClient(t)
	rwh := wire.LeaseRead | wire.LeaseWrite | wire.LeaseHandle
	l, key := createLeasedOK(t, tr, p, rwh, rwh)
	p.write(notification(0, &wire.LeaseBreakNotification{Flags: wire.LeaseBreakFlagAckRequired, LeaseKey: key, NewLeaseState: wire.LeaseRead}))
	m := p.readMsg()
	other := key
	other[0] ^= 1
	p.write(p.sign(respond(m, wire.StatusSuccess, &wire.LeaseBreakResponse{LeaseKey: other, LeaseState: wire.LeaseRead})))
	if err := l.Wait(context.Background()); !errors.Is(err, ErrProtocol) {
		t.Fatalf("acknowledgment error %v, want ErrProtocol", err)
	}
	if !errors.Is(cl.conn.Err(), ErrProtocol) {
		t.Fatalf("connection error %v, want ErrProtocol", cl.conn.Err())
	}
}

func TestMalformedBreakKillsConnection(t *testing.T) {
	cl, _, p := newTestClient(t)
	wait := echo(t, cl.conn, cl.session, context.Background())
	p.readMsg()
	// StructureSize 36 is the acknowledgment's layout, not a notification.
	p.write(notification(0, &wire.LeaseBreakResponse{}))
	expectFatal(t, cl.conn, wait, ErrProtocol)
}

func TestOplockBreakIsAcknowledged(t *testing.T) {
	cl, tr, p := newTestClient(t)
	ch := make(chan error, 1)
	var o *Oplock
	go func() {
		var err error
		var f *File
		f, err = tr.Open(context.Background(), "b.txt", OpenOptions{Access: AccessRead | AccessWrite, Kind: KindFile, Oplock: OplockBatch})
		if err == nil {
			o = f.Oplock()
		}
		ch <- err
	}()
	req := p.readMsg()
	cr, err := wire.DecodeCreateRequest(req)
	if err != nil || cr.RequestedOplockLevel != wire.OplockLevelBatch {
		t.Fatalf("CREATE asks oplock 0x%x (%v), want batch", cr.RequestedOplockLevel, err)
	}
	p.write(p.sign(respond(req, wire.StatusSuccess, &wire.CreateResponse{OplockLevel: wire.OplockLevelBatch, FileID: testFileID})))
	// Sent at once: the break may overtake the caller's registration.
	p.write(notification(cl.session.id, &wire.OplockBreakNotification{OplockLevel: wire.OplockLevelII, FileID: testFileID}))
	m := p.readMsg()
	if err := p.signer.Verify(m); err != nil {
		t.Fatalf("oplock break acknowledgment not signed: %v", err)
	}
	ack, err := wire.DecodeOplockBreakAck(m)
	if err != nil {
		t.Fatalf("acknowledgment: %v", err)
	}
	if ack.FileID != testFileID || ack.OplockLevel != wire.OplockLevelII {
		t.Fatalf("acknowledged %+v at 0x%x, want %+v at level II", ack.FileID, ack.OplockLevel, testFileID)
	}
	p.write(p.sign(respond(m, wire.StatusSuccess, &wire.OplockBreakResponse{OplockLevel: wire.OplockLevelII, FileID: testFileID})))
	if err := <-ch; err != nil {
		t.Fatal(err)
	}
	if err := o.Wait(context.Background()); err != nil {
		t.Fatal(err)
	}
	if o.Level() != wire.OplockLevelII {
		t.Fatalf("level 0x%x after break, want II", o.Level())
	}
	// Level II to none expects no acknowledgment ([MS-SMB2] 3.3.4.6).
	before := startedAcks(cl)
	p.write(notification(cl.session.id, &wire.OplockBreakNotification{OplockLevel: wire.OplockLevelNone, FileID: testFileID}))
	echoOK(t, cl.conn, cl.session, p)
	if startedAcks(cl) != before {
		t.Fatal("acknowledged a break from level II")
	}
	if o.Level() != wire.OplockLevelNone {
		t.Fatalf("level 0x%x, want none", o.Level())
	}
	// A break for a handle we do not know is ignored.
	p.write(notification(cl.session.id, &wire.OplockBreakNotification{OplockLevel: wire.OplockLevelNone, FileID: wire.FileID{Persistent: 7}}))
	echoOK(t, cl.conn, cl.session, p)
	if startedAcks(cl) != before {
		t.Fatal("acknowledged a break for an unknown FileId")
	}
}

func TestNotify(t *testing.T) {
	cl, tr, p := newTestClient(t)
	f := &File{t: tr, id: testFileID}
	type result struct {
		ents []wire.FileNotifyInformation
		err  error
	}
	run := func(answer func(req []byte)) result {
		ch := make(chan result, 1)
		go func() {
			ents, err := f.Notify(context.Background(), wire.FileNotifyChangeFileName, true)
			ch <- result{ents, err}
		}()
		req := p.readMsg()
		nr, err := wire.DecodeChangeNotifyRequest(req)
		if err != nil {
			t.Fatal(err)
		}
		if nr.FileID != testFileID || nr.CompletionFilter != wire.FileNotifyChangeFileName || nr.Flags != wire.WatchTree {
			t.Fatalf("CHANGE_NOTIFY request %+v", nr)
		}
		answer(req)
		return <-ch
	}
	pending := func(req []byte) {
		interim := response(req, wire.StatusPending, 1, []byte{9, 0, 0, 0, 0, 0, 0, 0, 0})
		binary.LittleEndian.PutUint32(interim[wire.OffsetFlags:], wire.FlagServerToRedir|wire.FlagAsyncCommand)
		binary.LittleEndian.PutUint64(interim[wire.OffsetAsyncID:], 5)
		p.write(interim)
	}
	final := func(req []byte, st wire.Status, body interface{ Append([]byte) []byte }) {
		m := respond(req, st, body)
		binary.LittleEndian.PutUint32(m[wire.OffsetFlags:], wire.FlagServerToRedir|wire.FlagAsyncCommand)
		binary.LittleEndian.PutUint64(m[wire.OffsetAsyncID:], 5)
		p.write(p.sign(m))
	}
	entries := func(e ...wire.FileNotifyInformation) *wire.ChangeNotifyResponse {
		return &wire.ChangeNotifyResponse{Buffer: wire.EncodeFileNotifyInformation(e)}
	}

	r := run(func(req []byte) {
		pending(req)
		final(req, wire.StatusSuccess, entries(
			wire.FileNotifyInformation{Action: wire.FileActionAdded, FileName: "new.txt"},
			wire.FileNotifyInformation{Action: wire.FileActionRemoved, FileName: `sub\old.txt`},
		))
	})
	if r.err != nil || len(r.ents) != 2 || r.ents[0].FileName != "new.txt" || r.ents[1].Action != wire.FileActionRemoved {
		t.Fatalf("Notify = %+v, %v", r.ents, r.err)
	}

	r = run(func(req []byte) {
		pending(req)
		final(req, wire.StatusNotifyEnumDir, &wire.ErrorResponse{})
	})
	if !errors.Is(r.err, ErrNotifyEnumDir) {
		t.Fatalf("STATUS_NOTIFY_ENUM_DIR: %v, want ErrNotifyEnumDir", r.err)
	}

	for _, bad := range []wire.FileNotifyInformation{
		{Action: wire.FileActionAdded, FileName: `..\escape`},
		{Action: wire.FileActionAdded, FileName: `\abs`},
		{Action: wire.FileActionAdded, FileName: "a\x00b"},
		{Action: wire.FileActionAdded, FileName: "a/b"},
		{Action: wire.FileActionAdded, FileName: `a\\b`},
		{Action: 99, FileName: "x"},
	} {
		r = run(func(req []byte) { final(req, wire.StatusSuccess, entries(bad)) })
		if !errors.Is(r.err, ErrProtocol) {
			t.Fatalf("entry %+v: %v, want ErrProtocol", bad, r.err)
		}
	}
	if err := cl.conn.Err(); err != nil {
		t.Fatalf("connection ended: %v", err)
	}
}

func TestNotifyCancel(t *testing.T) {
	cl, tr, p := newTestClient(t)
	f := &File{t: tr, id: testFileID}
	ctx, cancel := context.WithCancel(context.Background())
	ch := make(chan error, 1)
	go func() {
		_, err := f.Notify(ctx, wire.FileNotifyChangeFileName, false)
		ch <- err
	}()
	req := p.readMsg()
	interim := response(req, wire.StatusPending, 1, []byte{9, 0, 0, 0, 0, 0, 0, 0, 0})
	binary.LittleEndian.PutUint32(interim[wire.OffsetFlags:], wire.FlagServerToRedir|wire.FlagAsyncCommand)
	binary.LittleEndian.PutUint64(interim[wire.OffsetAsyncID:], 6)
	p.write(interim)
	// The interim response must be handled before CANCEL can name the
	// AsyncId; a round trip on the connection proves it was.
	echoOK(t, cl.conn, cl.session, p)
	cancel()
	cm := p.readMsg()
	h, _ := wire.DecodeHeader(cm)
	if h.Command != wire.CmdCancel || !h.IsAsync() || h.AsyncID != 6 {
		t.Fatalf("got %s async=%v AsyncId %d, want CANCEL of AsyncId 6", h.Command, h.IsAsync(), h.AsyncID)
	}
	if err := <-ch; !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled Notify: %v", err)
	}
	m := response(req, wire.StatusCancelled, 1, []byte{9, 0, 0, 0, 0, 0, 0, 0, 0})
	binary.LittleEndian.PutUint32(m[wire.OffsetFlags:], wire.FlagServerToRedir|wire.FlagAsyncCommand)
	binary.LittleEndian.PutUint64(m[wire.OffsetAsyncID:], 6)
	p.write(p.sign(m))
	echoOK(t, cl.conn, cl.session, p)
}

// FuzzBreakNotification feeds arbitrary OPLOCK_BREAK bodies to the break
// handler: it may end the connection, never panic or send anything for a
// lease or handle it does not hold.
func FuzzBreakNotification(f *testing.F) {
	f.Add((&wire.LeaseBreakNotification{Flags: 1}).Append(nil))
	f.Add((&wire.OplockBreakNotification{OplockLevel: 1}).Append(nil))
	f.Add([]byte{44, 0})
	f.Fuzz(func(t *testing.T, body []byte) {
		cside, sside := net.Pipe()
		defer sside.Close()
		c := newConn(cside, time.Second)
		defer c.Close()
		cl := &Client{conn: c}
		cl.handleBreaks()
		h := wire.Header{Command: wire.CmdOplockBreak, Flags: wire.FlagServerToRedir, MessageID: ^uint64(0)}
		cl.breaks.notify(append(h.Append(nil), body...))
		if n := startedAcks(cl); n != 0 {
			t.Fatalf("%d acknowledgments for an empty table", n)
		}
	})
}

// createLeasedOK is createLeased for a grant the test expects to succeed.
func createLeasedOK(t *testing.T, tr *Tree, p *peer, want, grant uint32) (*Lease, [16]byte) {
	t.Helper()
	l, key := createLeased(t, tr, p, want, grant)
	if l == nil {
		t.Fatal("CreateWithLease failed")
	}
	return l, key
}

// echoOK runs one ECHO through the peer: every frame the peer wrote before
// has been handled by the reader when it returns.
func echoOK(t *testing.T, c *Conn, s *Session, p *peer) {
	t.Helper()
	wait := echo(t, c, s, context.Background())
	req := p.readMsg()
	h, _ := wire.DecodeHeader(req)
	if h.Command != wire.CmdEcho {
		t.Fatalf("peer got %s, want ECHO (an unexpected acknowledgment?)", h.Command)
	}
	p.write(p.sign(response(req, wire.StatusSuccess, 1, echoBody())))
	if _, err := wait(); err != nil {
		t.Fatalf("echo: %v", err)
	}
}

func startedAcks(cl *Client) uint64 {
	cl.breaks.mu.Lock()
	defer cl.breaks.mu.Unlock()
	return cl.breaks.started
}

// respond builds a response to req with body laid out after the header
// (bodies with offsets count them from the header's start).
func respond(req []byte, st wire.Status, body interface{ Append([]byte) []byte }) []byte {
	return body.Append(response(req, st, 1, nil))
}
