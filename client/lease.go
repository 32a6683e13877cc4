package client

// Leases and oplocks let the server grant this client the right to cache a
// file, and take it back with a break ([MS-SMB2] 3.2.5.19). A break runs in
// two halves, so that the connection's only reader never waits on I/O:
//
//	readLoop ── onBreak(msg) ── decode ── look up ── narrow the state ── close Broken()
//	 (reader goroutine, no I/O)                                  │
//	                                                             └── go ack ── OnBreak callback (flush)
//	                                                                    ── OPLOCK_BREAK ack ── verify response
//
// SECURITY: lease break notifications carry SessionId 0 and the server may
// send them (and oplock breaks) unsigned, so the reader cannot verify them
// ([MS-SMB2] 3.2.5.1.3 exempts MessageId 0xFFFFFFFFFFFFFFFF). We therefore
// trust a notification for exactly what a forgery could cost us anyway: it
// can only lower what we believe we may cache (the state is intersected with
// what the notification offers, never raised) and make us acknowledge at a
// lower state. Nothing in a notification is ever used as data, never selects
// a session, a tree or a handle we do not already hold, and never grants
// anything. A notification we cannot decode is a protocol violation and ends
// the connection, like any other malformed message. The acknowledgment and
// its response travel on the session that owns the lease or the handle and
// are signed or encrypted like every other request of that session.

import (
	"context"
	"crypto/rand"
	"fmt"
	"sync"

	"github.com/smb3fs/smb3fs/client/wire"
)

// maxBreaksInFlight bounds the acknowledgments being sent at once. A server
// has at most one break outstanding per lease or oplock; more than this many
// at once means the notifications are not what they claim, and the
// connection ends rather than grow without bound.
const maxBreaksInFlight = 1024

// maxOrphanOplockBreaks bounds the oplock breaks kept for handles whose
// CREATE response is still on its way to the caller (see breakTable.orphans).
const maxOrphanOplockBreaks = 64

// breakTable is a Client's table of leases and oplocks (the parts of
// [MS-SMB2] 3.2.1.5 GlobalFileTable and 3.2.1.6 Open a break needs).
type breakTable struct {
	cl *Client // set by handleBreaks before the connection is shared

	mu sync.Mutex // guards the fields below
	// leases maps LeaseKey to the lease it identifies; an entry is made
	// before its CREATE is sent, so no break can arrive for an unknown key.
	leases map[[16]byte]*Lease
	// oplocks maps FileId to the oplock held on that handle.
	oplocks map[wire.FileID]*Oplock
	// creating counts CREATEs asking for an oplock whose response the
	// caller has not registered yet.
	creating int
	// orphans are oplock breaks for FileIds not (yet) in oplocks, kept
	// while creating > 0: the reader can deliver a break right after the
	// CREATE response, before the caller has seen the FileId.
	orphans []wire.OplockBreakNotification
	// inflight counts acknowledgment goroutines; started counts every one
	// ever started (tests read it to prove nothing was sent).
	inflight int
	started  uint64
}

// handleBreaks installs the client's break handler on its connection. Dial
// calls it once, before any CREATE can ask for a lease or an oplock.
func (cl *Client) handleBreaks() {
	cl.breaks.cl = cl
	cl.installBreaks(cl.conn)
}

// installBreaks routes c's break notifications to the client's table; a
// reconnect calls it before any CREATE on the new connection.
func (cl *Client) installBreaks(c *Conn) {
	c.mu.Lock()
	c.onBreak = cl.breaks.notify
	c.mu.Unlock()
}

// notify handles one OPLOCK_BREAK notification. It runs on the connection's
// reader: it decodes, updates state and hands any I/O to a goroutine.
func (bt *breakTable) notify(msg []byte) {
	isLease, err := wire.OplockBreakKind(msg)
	if err != nil {
		bt.cl.cur().fail(fmt.Errorf("%w: %w", ErrProtocol, err))
		return
	}
	if isLease {
		n, err := wire.DecodeLeaseBreakNotification(msg)
		if err != nil {
			bt.cl.cur().fail(fmt.Errorf("%w: %w", ErrProtocol, err))
			return
		}
		bt.leaseBreak(n)
		return
	}
	n, err := wire.DecodeOplockBreakNotification(msg)
	if err != nil {
		bt.cl.cur().fail(fmt.Errorf("%w: %w", ErrProtocol, err))
		return
	}
	bt.oplockBreak(n)
}

// errTooManyBreaks ends a connection whose server sent more breaks at once
// than maxBreaksInFlight.
var errTooManyBreaks = fmt.Errorf("%w: more than %d oplock or lease breaks outstanding", ErrProtocol, maxBreaksInFlight)

// spawn runs fn on a new goroutine, counted in inflight, and reports true;
// when too many are already running it ends the connection instead and
// reports false. The caller holds bt.mu.
func (bt *breakTable) spawn(fn func()) bool {
	if bt.inflight >= maxBreaksInFlight {
		go bt.cl.cur().fail(errTooManyBreaks)
		return false
	}
	bt.inflight++
	bt.started++
	go func() {
		fn()
		bt.mu.Lock()
		bt.inflight--
		bt.mu.Unlock()
	}()
	return true
}

// ackContext bounds one acknowledgment: the server waits for it only so
// long ([MS-SMB2] 3.3.2.5), and the connection's timeout is longer.
func (bt *breakTable) ackContext() (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.Background(), bt.cl.cur().timeout)
}

// grant is the part of a Lease or Oplock that breaks change. Its state only
// ever narrows after the grant.
type grant struct {
	mu sync.Mutex // guards the fields below
	// state is what we may cache now: the granted state narrowed by every
	// break since.
	state uint32
	// granted: the CREATE response has been applied to state.
	granted bool
	// mask is the intersection of every state a break offered (all ones
	// before the first); it narrows the grant if a break overtakes it.
	mask uint32
	// broken is closed at the next break and replaced.
	broken chan struct{}
	// onBreak runs before each acknowledgment.
	onBreak func(ctx context.Context, from, to uint32)
	// busy counts breaks being acknowledged; idle is closed when it drops
	// to 0. err is the result of the last acknowledgment.
	busy int
	idle chan struct{}
	err  error
}

func newGrant() grant {
	return grant{mask: ^uint32(0), broken: make(chan struct{})}
}

// narrow applies a break to to: it returns the state before and after and
// wakes Broken() waiters. The caller holds g.mu.
func (g *grant) narrow(to uint32) (from, now uint32) {
	from = g.state
	g.mask &= to
	g.state &= to
	close(g.broken)
	g.broken = make(chan struct{})
	return from, g.state
}

// begin and end bracket one acknowledgment. begin's caller holds g.mu.
func (g *grant) begin() {
	if g.busy == 0 {
		g.idle = make(chan struct{})
	}
	g.busy++
}

func (g *grant) end(err error) {
	g.mu.Lock()
	g.err = err
	g.busy--
	if g.busy == 0 {
		close(g.idle)
		g.idle = nil
	}
	g.mu.Unlock()
}

func (g *grant) wait(ctx context.Context) error {
	g.mu.Lock()
	ch, err := g.idle, g.err
	g.mu.Unlock()
	if ch == nil {
		return err
	}
	select {
	case <-ch:
		g.mu.Lock()
		defer g.mu.Unlock()
		return g.err
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Lease is a lease held on a file ([MS-SMB2] 3.2.1.5 File.LeaseKey,
// File.LeaseState). Its state only narrows: a break never grants more.
// It is safe for concurrent use.
type Lease struct {
	key  [16]byte
	tree *Tree // whose session acknowledges breaks
	g    grant
	// epoch is the lease epoch of the grant (v2 leases), read-only.
	epoch uint16
	// asked is the state asked for, read-only.
	asked uint32
	// dir: the lease is on a directory (dirlease.go), read-only.
	dir bool
	// conn is the connection the lease was asked for on, read-only: it
	// ends with it.
	conn *Conn
}

// Key returns the LeaseKey.
func (l *Lease) Key() [16]byte { return l.key }

// State returns the caching the lease allows now: a combination of
// LeaseRead, LeaseHandle and LeaseWrite, or 0.
func (l *Lease) State() LeaseState {
	l.g.mu.Lock()
	defer l.g.mu.Unlock()
	return LeaseState(l.g.state)
}

// Broken returns a channel that is closed at the lease's next break. It is
// closed on the connection's reader, before the break is acknowledged, so
// that read caches can be dropped at once; call State for what is left and
// Broken again for the break after.
func (l *Lease) Broken() <-chan struct{} {
	l.g.mu.Lock()
	defer l.g.mu.Unlock()
	return l.g.broken
}

// OnBreak sets fn to run at each break, on its own goroutine, before the
// break is acknowledged: this is where data cached under write caching is
// written back ([MS-SMB2] 3.2.5.19.2). fn must return within the server's
// break timeout (about 35 seconds); ctx ends with the connection's request
// timeout.
func (l *Lease) OnBreak(fn func(ctx context.Context, from, to LeaseState)) {
	var g func(ctx context.Context, from, to uint32)
	if fn != nil {
		g = func(ctx context.Context, from, to uint32) { fn(ctx, LeaseState(from), LeaseState(to)) }
	}
	l.g.mu.Lock()
	l.g.onBreak = g
	l.g.mu.Unlock()
}

// Wait blocks until no break of the lease is being acknowledged, and
// returns the error of the last acknowledgment (nil if none failed).
func (l *Lease) Wait(ctx context.Context) error { return l.g.wait(ctx) }

// Release removes the lease from the client's table; call it once every
// handle opened with it is closed. Breaks for a released key are ignored.
func (l *Lease) Release() {
	bt := &l.tree.cl.breaks
	bt.mu.Lock()
	if bt.leases[l.key] == l {
		delete(bt.leases, l.key)
	}
	bt.mu.Unlock()
}

// askLease registers a new lease in the client's table, before its
// CREATE is sent so that no break can arrive for an unknown key, and asks
// for it in req: a v2 lease context on SMB 3.x, v1 on 2.1. A non-nil
// parent is sent as the ParentLeaseKey of a v2 context ([MS-SMB2]
// 3.2.4.3.8). The caller checks the CREATE response with granted, or
// releases the lease.
func (t *Tree) askLease(req *wire.CreateRequest, conn *Conn, state uint32, parent *Lease) (*Lease, error) {
	l := &Lease{tree: t, g: newGrant(), dir: req.CreateOptions&wire.FileDirectoryFile != 0, conn: conn}
	state &= wire.LeaseRead | wire.LeaseHandle | wire.LeaseWrite
	if _, err := rand.Read(l.key[:]); err != nil {
		return nil, fmt.Errorf("smb2: lease key: %w", err)
	}
	lr := &wire.LeaseRequestV2{Key: l.key, State: state}
	if parent != nil {
		lr.ParentKey, lr.Flags = parent.key, wire.LeaseFlagParentKeySet
	}
	data := lr.Encode()
	if conn.state.Dialect == wire.Dialect210 {
		data = lr.EncodeV1()
	}
	req.RequestedOplockLevel = wire.OplockLevelLease
	req.Contexts = append(req.Contexts, wire.CreateContext{Name: wire.CtxNameLeaseRequest, Data: data})
	l.asked = state

	bt := &t.cl.breaks
	bt.mu.Lock()
	if bt.leases == nil {
		bt.leases = make(map[[16]byte]*Lease)
	}
	bt.leases[l.key] = l
	bt.mu.Unlock()
	return l, nil
}

// granted applies the CREATE response r to l: the state granted, narrowed
// by what was asked and by every break that overtook the response. A lease
// granted nothing leaves the table. A lease context with a LeaseKey other
// than ours is a protocol violation.
func (l *Lease) granted(r *wire.CreateResponse) error {
	granted, epoch, err := leaseGranted(r, l.key)
	if err != nil {
		return err
	}
	l.g.mu.Lock()
	l.g.state = granted & l.asked & l.g.mask
	l.g.granted = true
	l.epoch = epoch
	held := l.g.state
	l.g.mu.Unlock()
	if l.dir && held&wire.LeaseRead != 0 {
		l.tree.cl.stats.dirGranted.Add(1)
	}
	if granted == 0 {
		l.Release()
	}
	return nil
}

// leaseGranted returns the lease state and epoch a CREATE response grants
// under key: none unless OplockLevel is OplockLevelLease and there is
// exactly one lease context, which must carry key.
func leaseGranted(r *wire.CreateResponse, key [16]byte) (uint32, uint16, error) {
	if r.OplockLevel != wire.OplockLevelLease {
		return wire.LeaseNone, 0, nil
	}
	var got *wire.LeaseRequestV2
	for _, c := range r.Contexts {
		if c.Name != wire.CtxNameLeaseRequest {
			continue
		}
		if got != nil {
			return 0, 0, fmt.Errorf("%w: CREATE response has two lease contexts", ErrProtocol)
		}
		var err error
		if got, err = wire.DecodeLeaseV2(c.Data); err != nil {
			return 0, 0, fmt.Errorf("%w: %w", ErrProtocol, err)
		}
	}
	if got == nil {
		return 0, 0, fmt.Errorf("%w: CREATE response grants a lease without a lease context", ErrProtocol)
	}
	if got.Key != key {
		return 0, 0, fmt.Errorf("%w: CREATE response grants a lease on another LeaseKey", ErrProtocol)
	}
	return got.State, got.Epoch, nil
}

// leaseBreak processes a lease break notification ([MS-SMB2] 3.2.5.19.2)
// on the reader. A key we do not hold gets no further processing, as the
// section says, and in particular no acknowledgment: a forged notification
// then costs nothing, and a late break for a lease we released needs none
// (the server stops waiting when the last handle of a lease closes).
func (bt *breakTable) leaseBreak(n *wire.LeaseBreakNotification) {
	bt.mu.Lock()
	defer bt.mu.Unlock()
	l := bt.leases[n.LeaseKey]
	if l == nil {
		return
	}
	if l.dir {
		bt.cl.stats.dirBroken.Add(1)
	}
	l.g.mu.Lock()
	from, now := l.g.narrow(n.NewLeaseState)
	ackState := now
	if !l.g.granted {
		// The CREATE response is still on its way to its caller: accept
		// what the break offers, narrowed by every earlier break.
		ackState = l.g.mask
	}
	ack := n.Flags&wire.LeaseBreakFlagAckRequired != 0
	fn := l.g.onBreak
	if ack || fn != nil {
		l.g.begin()
	}
	l.g.mu.Unlock()
	if !ack && fn == nil {
		return
	}
	if !bt.spawn(func() {
		ctx, cancel := bt.ackContext()
		defer cancel()
		if fn != nil {
			fn(ctx, from, ackState)
		}
		var err error
		if ack && bt.holds(l) {
			// A lease whose last handle fn closed needs no
			// acknowledgment: the close ends the lease, and with it the
			// break, and the server refuses an acknowledgment for a
			// lease it no longer has ([MS-SMB2] 3.3.5.22.2).
			err = l.ack(ctx, ackState)
		}
		l.g.end(err)
	}) {
		l.g.end(errTooManyBreaks)
	}
}

// holds reports whether l is still in the table (not released).
func (bt *breakTable) holds(l *Lease) bool {
	bt.mu.Lock()
	defer bt.mu.Unlock()
	return bt.leases[l.key] == l
}

// ack sends the Lease Break Acknowledgment ([MS-SMB2] 2.2.24.2) on
// the session and tree of the lease and checks the response (2.2.25.2): the
// same key, the state we acknowledged. A response that disagrees is a
// protocol violation and ends the connection.
func (l *Lease) ack(ctx context.Context, state uint32) error {
	t := l.tree
	resp, err := t.request(ctx, wire.CmdOplockBreak, &wire.LeaseBreakAck{LeaseKey: l.key, LeaseState: state}, 1)
	if err != nil {
		return fmt.Errorf("smb2: lease break acknowledgment: %w", err)
	}
	r, err := wire.DecodeLeaseBreakResponse(resp)
	if err == nil && (r.LeaseKey != l.key || r.LeaseState != state) {
		err = fmt.Errorf("lease break response for state 0x%x, acknowledged 0x%x (or another key)", r.LeaseState, state)
	}
	if err != nil {
		err = fmt.Errorf("%w: %w", ErrProtocol, err)
		t.cl.cur().fail(err)
		return err
	}
	return nil
}

// Oplock is an oplock held on one handle ([MS-SMB2] 3.2.1.6
// Open.OplockLevel). Its level only drops: a break never raises it. It is
// safe for concurrent use.
type Oplock struct {
	f *File
	g grant // state holds the oplock level (wire.OplockLevel*)
}

// Level returns the oplock level held now (wire.OplockLevelNone, II,
// Exclusive or Batch).
func (o *Oplock) Level() uint8 {
	o.g.mu.Lock()
	defer o.g.mu.Unlock()
	return uint8(o.g.state)
}

// Broken returns a channel that is closed at the oplock's next break, on
// the connection's reader, before the break is acknowledged.
func (o *Oplock) Broken() <-chan struct{} {
	o.g.mu.Lock()
	defer o.g.mu.Unlock()
	return o.g.broken
}

// OnBreak sets fn to run at each break, on its own goroutine, before the
// acknowledgment (to write back cached data); from and to are oplock levels.
func (o *Oplock) OnBreak(fn func(ctx context.Context, from, to uint32)) {
	o.g.mu.Lock()
	o.g.onBreak = fn
	o.g.mu.Unlock()
}

// Wait blocks until no break of the oplock is being acknowledged, and
// returns the error of the last acknowledgment.
func (o *Oplock) Wait(ctx context.Context) error { return o.g.wait(ctx) }

// Release removes the oplock from the client's table; call it when the
// handle is closed.
func (o *Oplock) Release() {
	bt := &o.f.t.cl.breaks
	bt.mu.Lock()
	if bt.oplocks[o.f.id] == o {
		delete(bt.oplocks, o.f.id)
	}
	bt.mu.Unlock()
}

// openOplock opens name asking for an oplock of level (a valid one) and
// registers what was granted, with the breaks that overtook the response.
func (t *Tree) openOplock(ctx context.Context, name string, req *wire.CreateRequest, level OplockLevel) (*File, error) {
	req.RequestedOplockLevel = uint8(level)
	bt := &t.cl.breaks
	bt.mu.Lock()
	bt.creating++
	bt.mu.Unlock()
	f, err := t.create(ctx, name, req)
	bt.mu.Lock()
	defer bt.mu.Unlock()
	bt.creating--
	defer func() {
		if bt.creating == 0 {
			bt.orphans = nil
		}
	}()
	if err != nil {
		return nil, err
	}
	o := &Oplock{f: f, g: newGrant()}
	granted := OplockLevel(f.Create.OplockLevel)
	switch granted {
	case 0, OplockII, OplockExclusive, OplockBatch:
	default:
		// A lease, or garbage: not what we asked for.
		granted = 0
	}
	o.g.state, o.g.granted = uint32(min(granted, level)), true
	if o.g.state == uint32(wire.OplockLevelNone) {
		return f, nil
	}
	if bt.oplocks == nil {
		bt.oplocks = make(map[wire.FileID]*Oplock)
	}
	bt.oplocks[f.id] = o
	f.oplock = o
	// A break may have overtaken us.
	kept := bt.orphans[:0]
	var mine []wire.OplockBreakNotification
	for _, n := range bt.orphans {
		if n.FileID == f.id {
			mine = append(mine, n)
		} else {
			kept = append(kept, n)
		}
	}
	bt.orphans = kept
	for i := range mine {
		bt.oplockBreakLocked(&mine[i], o)
	}
	return f, nil
}

// oplockBreak processes an oplock break notification ([MS-SMB2]
// 3.2.5.19.1) on the reader. A FileId we hold no oplock on is ignored (no
// open to act on; a forged one costs nothing), unless a CREATE asking for an
// oplock is outstanding, whose handle it may be for: it is kept for that
// CREATE's caller, a bounded number of them.
func (bt *breakTable) oplockBreak(n *wire.OplockBreakNotification) {
	bt.mu.Lock()
	defer bt.mu.Unlock()
	o := bt.oplocks[n.FileID]
	if o == nil {
		if bt.creating > 0 && len(bt.orphans) < maxOrphanOplockBreaks {
			bt.orphans = append(bt.orphans, *n)
		}
		return
	}
	bt.oplockBreakLocked(n, o)
}

// oplockBreakLocked narrows o to the notification's level and acknowledges
// it, unless we held only a level II oplock: a break from level II to none
// expects no acknowledgment ([MS-SMB2] 3.3.4.6). The caller holds bt.mu.
func (bt *breakTable) oplockBreakLocked(n *wire.OplockBreakNotification, o *Oplock) {
	to := uint32(n.OplockLevel)
	if to != uint32(wire.OplockLevelNone) && to != uint32(wire.OplockLevelII) {
		to = uint32(wire.OplockLevelNone) // a break never raises the level
	}
	o.g.mu.Lock()
	from := o.g.state
	o.g.state = min(o.g.state, to)
	close(o.g.broken)
	o.g.broken = make(chan struct{})
	now := o.g.state
	ack := from > uint32(wire.OplockLevelII)
	fn := o.g.onBreak
	if ack || fn != nil {
		o.g.begin()
	}
	o.g.mu.Unlock()
	if !ack && fn == nil {
		return
	}
	if !bt.spawn(func() {
		ctx, cancel := bt.ackContext()
		defer cancel()
		if fn != nil {
			fn(ctx, from, now)
		}
		var err error
		if ack {
			err = o.ack(ctx, uint8(now))
		}
		o.g.end(err)
	}) {
		o.g.end(errTooManyBreaks)
	}
}

// ack sends the Oplock Break Acknowledgment ([MS-SMB2] 2.2.24.1) on the
// handle's tree and checks the response (2.2.25.1): the same FileId, at
// most the level we acknowledged.
func (o *Oplock) ack(ctx context.Context, level uint8) error {
	t := o.f.t
	resp, err := t.request(ctx, wire.CmdOplockBreak, &wire.OplockBreakAck{OplockLevel: level, FileID: o.f.id}, 1)
	if err != nil {
		return fmt.Errorf("smb2: oplock break acknowledgment: %w", err)
	}
	r, err := wire.DecodeOplockBreakResponse(resp)
	if err == nil && (r.FileID != o.f.id || r.OplockLevel > level) {
		err = fmt.Errorf("oplock break response at level 0x%x, acknowledged 0x%x (or another FileId)", r.OplockLevel, level)
	}
	if err != nil {
		err = fmt.Errorf("%w: %w", ErrProtocol, err)
		t.cl.cur().fail(err)
		return err
	}
	return nil
}
