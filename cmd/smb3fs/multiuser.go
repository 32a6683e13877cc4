package main

// The sessions of a multiuser mount (-o multiuser): one SMB session per
// local user, each on a connection of its own (a client.Client under the
// mount's Policy and options, with a mechanism factory that reads that
// user's ticket cache through the ccache-export child: ccacheexport.go).
//
//	FUSE request of uid U ─► fs (treeOf) ─► sessionPool.TreeFor(U)
//	  U has a session ─────────────────────► its tree
//	  none yet ─► one set-up for U (others asking wait for it):
//	     child as U ─► mechanism ─► Dial ─► TREE_CONNECT ─► its tree
//	  set-up failed ─► ErrNoSession (EACCES); logged once a minute per uid;
//	     the failure is remembered for failureMemory, then tried again
//	idle for idleClose with no handle open ─► TREE_DISCONNECT, LOGOFF, close
//
// Reconnects and expired sessions re-authenticate through the client's
// NewMechanism, which runs the child again, so a renewed ticket is used.
// Root (uid 0) is never asked for: its requests use the mount's own tree.
// Sharing one connection among the sessions would save a TCP connection
// and a NEGOTIATE per user, but the client is one session per connection
// (client.Client); that is the next step, not this one.

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/smb3fs/smb3fs/auth"
	"github.com/smb3fs/smb3fs/client"
	"github.com/smb3fs/smb3fs/client/rules"
	smbfs "github.com/smb3fs/smb3fs/fs"
)

// idleClose is how long a user's session may go unused, with no handle
// open in it, before it is closed.
const idleClose = 10 * time.Minute

// failureMemory is how long a failed set-up answers for a uid (EACCES)
// before the next request tries again: a user without a ticket running
// ls does not start a child process per request; one who just ran kinit
// waits at most this long.
const failureMemory = 2 * time.Second

// failureLogEvery bounds the log lines about one uid's failures.
const failureLogEvery = time.Minute

// setupTimeout bounds one session set-up (child, dial, connect).
const setupTimeout = 30 * time.Second

// userTree is what a session set-up gives: the user's tree and how to end
// the session (disconnect and close its client).
type userTree struct {
	tree  *client.Tree
	close func()
}

// sessionFactory sets up uid's session; the daemon's dials a client and
// connects the share (newSessionFactory), tests give their own.
type sessionFactory func(ctx context.Context, uid uint32) (userTree, error)

// sessionPool is the per-uid sessions of a multiuser mount; it implements
// fs.Trees.
type sessionPool struct {
	factory sessionFactory
	idle    time.Duration
	now     func() time.Time
	logf    func(msg string, args ...any)

	mu sync.Mutex
	// users are the sessions by uid, set up or being set up (guarded by mu).
	users map[uint32]*userSession
	// logged is when each uid's failure was last logged (guarded by mu).
	logged map[uint32]time.Time
	// closed: close was called; no session is set up any more (guarded by mu).
	closed bool
	stop   chan struct{}
	wg     sync.WaitGroup
}

// userSession is one uid's session. ready is closed once the set-up
// ended; ut and err are then read-only. lastUse and holds are guarded by
// the pool's mu.
type userSession struct {
	ready    chan struct{}
	ut       userTree
	err      error
	failedAt time.Time
	lastUse  time.Time
	holds    int
}

var _ smbfs.Trees = (*sessionPool)(nil)

// newSessionPool returns a pool that sets sessions up with factory and
// closes them idle after idle; its reaper runs until close.
func newSessionPool(factory sessionFactory, idle time.Duration) *sessionPool {
	p := &sessionPool{factory: factory, idle: idle, now: time.Now, logf: slog.Warn,
		users: map[uint32]*userSession{}, logged: map[uint32]time.Time{}, stop: make(chan struct{})}
	p.wg.Add(1)
	go p.reap()
	return p
}

// TreeFor returns uid's tree, setting its session up on first use (one
// set-up per uid, however many requests ask at once).
func (p *sessionPool) TreeFor(ctx context.Context, uid uint32) (*client.Tree, error) {
	p.mu.Lock()
	if p.closed {
		p.mu.Unlock()
		return nil, fmt.Errorf("%w: the mount is ending", smbfs.ErrNoSession)
	}
	s := p.users[uid]
	if s != nil {
		select {
		case <-s.ready:
			if s.err != nil && p.now().Sub(s.failedAt) >= failureMemory {
				s = nil // try again
			}
		default:
		}
	}
	if s == nil {
		s = &userSession{ready: make(chan struct{})}
		p.users[uid] = s
		go p.setUp(uid, s)
	}
	s.lastUse = p.now()
	p.mu.Unlock()
	select {
	case <-s.ready:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	if s.err != nil {
		return nil, fmt.Errorf("%w: uid %d", smbfs.ErrNoSession, uid)
	}
	return s.ut.tree, nil
}

// setUp runs the factory for uid and publishes the result in s. The
// set-up is not the first request's: its own deadline bounds it.
func (p *sessionPool) setUp(uid uint32, s *userSession) {
	ctx, cancel := context.WithTimeout(context.Background(), setupTimeout)
	defer cancel()
	ut, err := p.factory(ctx, uid)
	if err == nil && ut.tree == nil {
		err = errors.New("smb3fs: no tree")
	}
	p.mu.Lock()
	if err != nil {
		s.err, s.failedAt = err, p.now()
		if last, ok := p.logged[uid]; !ok || p.now().Sub(last) >= failureLogEvery {
			p.logged[uid] = p.now()
			p.mu.Unlock()
			p.logf("smb3fs: multiuser: no session for uid, its requests get EACCES", "uid", uid, "err", err.Error())
			close(s.ready)
			return
		}
		p.mu.Unlock()
		close(s.ready)
		return
	}
	late := p.closed
	if !late {
		s.ut = ut
		delete(p.logged, uid)
	}
	p.mu.Unlock()
	if late {
		ut.close()
		s.err = fmt.Errorf("%w: the mount is ending", smbfs.ErrNoSession)
	}
	close(s.ready)
}

// Hold keeps uid's session open until release (a handle is open in it).
func (p *sessionPool) Hold(uid uint32) func() {
	p.mu.Lock()
	s := p.users[uid]
	if s != nil {
		s.holds++
	}
	p.mu.Unlock()
	if s == nil {
		return func() {}
	}
	var once sync.Once
	return func() {
		once.Do(func() {
			p.mu.Lock()
			s.holds--
			s.lastUse = p.now()
			p.mu.Unlock()
		})
	}
}

// reap closes idle sessions, every idle/4 (at least every second).
func (p *sessionPool) reap() {
	defer p.wg.Done()
	every := max(p.idle/4, time.Second)
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-p.stop:
			return
		case <-t.C:
			p.closeIdle()
		}
	}
}

// closeIdle closes the sessions unused for the idle time with no handle
// open, and forgets failures older than failureMemory.
func (p *sessionPool) closeIdle() {
	var done []userTree
	p.mu.Lock()
	now := p.now()
	for uid, s := range p.users {
		select {
		case <-s.ready:
		default:
			continue // being set up
		}
		switch {
		case s.err != nil && now.Sub(s.failedAt) >= failureMemory:
			delete(p.users, uid)
		case s.err == nil && s.holds == 0 && now.Sub(s.lastUse) >= p.idle:
			delete(p.users, uid)
			done = append(done, s.ut)
		}
	}
	p.mu.Unlock()
	for _, ut := range done {
		ut.close()
	}
}

// sessions returns the uids with a session set up, for tests and status.
func (p *sessionPool) sessions() []uint32 {
	p.mu.Lock()
	defer p.mu.Unlock()
	var uids []uint32
	for uid, s := range p.users {
		select {
		case <-s.ready:
			if s.err == nil {
				uids = append(uids, uid)
			}
		default:
		}
	}
	return uids
}

// close ends every session (after the file system is unmounted) and the
// reaper; a set-up still running closes its session when it ends.
func (p *sessionPool) close() {
	p.mu.Lock()
	if p.closed {
		p.mu.Unlock()
		return
	}
	p.closed = true
	close(p.stop)
	var done []userTree
	for uid, s := range p.users {
		select {
		case <-s.ready:
			if s.err == nil {
				done = append(done, s.ut)
			}
			delete(p.users, uid)
		default:
		}
	}
	p.mu.Unlock()
	p.wg.Wait()
	for _, ut := range done {
		ut.close()
	}
}

// checkUserOptions refuses multiuser and cruid= where they cannot work,
// with a usage error, and makes multiuser imply allow_other. Both read
// other users' ticket caches, so only root may ask (cruid= naming the
// mounting user itself is allowed to anyone); both are Kerberos: an NTLM
// password is one identity for everyone. A keytab (--keytab) is the
// mount's own credential, which cruid= would replace.
func checkUserOptions(o *mountOptions, keytab string, euid int) error {
	if o.Multiuser {
		switch {
		case euid != 0:
			return usageErrorf("multiuser is for root only")
		case o.Sec.Mechanism != auth.Kerberos:
			return usageErrorf("multiuser needs Kerberos (sec=krb5, krb5i or krb5p): each user logs in with their own ticket")
		case o.Password != nil:
			return usageErrorf("multiuser takes no password (credentials= file): each user logs in with their own ticket")
		}
		o.AllowOther = true
	}
	if o.CRUID != nil {
		switch {
		case euid != 0 && uint32(euid) != *o.CRUID:
			return usageErrorf("cruid=%d is for root only (or the mounting user's own uid)", *o.CRUID)
		case o.Sec.Mechanism != auth.Kerberos:
			return usageErrorf("cruid= needs Kerberos (sec=krb5, krb5i or krb5p)")
		case keytab != "":
			return usageErrorf("cruid= and --keytab both name the mount's credentials: choose one")
		}
	}
	return nil
}

// sessionFactory sets up a user's session for the multiuser pool: a
// client under the mount's policy and options whose mechanisms come from
// the user's ticket cache (run: the ccache-export child), the share
// connected at the mount's snapshot, and the audit line written.
func (ma *mountArgs) sessionFactory(policy client.Policy, match rules.Match, run exportRunner) sessionFactory {
	return func(ctx context.Context, uid uint32) (userTree, error) {
		var mu sync.Mutex
		var last auth.Mechanism
		newMech := func() (auth.Mechanism, error) {
			mctx, cancel := context.WithTimeout(context.Background(), exportTimeout)
			defer cancel()
			m, err := kerberosAs(mctx, run, uid, ma.server)
			if err == nil {
				mu.Lock()
				last = m
				mu.Unlock()
			}
			return m, err
		}
		opts := ma.clientOptions(policy, match, nil, newMech)
		cl, err := client.Dial(ctx, opts)
		if err != nil {
			return userTree{}, ma.refusedIf(match, err)
		}
		tree, err := cl.ConnectSnapshot(ctx, ma.share, ma.opts.Snapshot)
		if err != nil {
			cl.Close()
			return userTree{}, ma.refusedIf(match, err)
		}
		mu.Lock()
		principal := auth.Principal(last)
		mu.Unlock()
		auditEstablished(ma.server, ma.share, cl.Info(), principal, tree.Encrypted(), match)
		slog.Info("smb3fs: multiuser: session set up", "uid", uid, "principal", principal)
		return userTree{tree: tree, close: func() {
			dctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			tree.Disconnect(dctx)
			cl.Close()
			slog.Info("smb3fs: multiuser: session closed", "uid", uid, "principal", principal)
		}}, nil
	}
}
