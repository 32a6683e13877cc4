package client_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"github.com/smb3fs/smb3fs/client"
	"github.com/smb3fs/smb3fs/client/wire"
	"github.com/smb3fs/smb3fs/internal/mitm"
	"github.com/smb3fs/smb3fs/internal/testenv"
	"github.com/smb3fs/smb3fs/internal/testenv/liveauth"
)

func TestLiveIntegrityReconnects(t *testing.T) {
	// Through the hostile proxy, on the encrypted share: each attack makes
	// the call in flight fail or go again, the client reports what
	// failed, reconnects, and the next call reads the file's genuine
	// bytes.
	env := testenv.Env(t)
	cc := env.Kinit(t, "alice")
	a := &mitm.Attacker{}
	px, err := mitm.Start(env.DC.SMBAddr(), nil, a.Hook)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(px.Close)
	r, err := newLiveRig(t, env, px.Addr(), liveauth.CCacheFactory(env, env.KRB5Conf, cc), 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	dir := scratch(t, env, env.Shares.Encrypted)
	if err := os.Mkdir(filepath.Join(env.ShareDirs[env.Shares.Encrypted], dir), 0o777); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	for i, at := range mitm.IntegrityAttacks {
		want := bytes.Repeat([]byte(at.Name+" genuine\n"), 300)
		name := dir + `\known` + string(rune('a'+i))
		onDisk := filepath.Join(env.ShareDirs[env.Shares.Encrypted], dir, "known"+string(rune('a'+i)))
		if err := os.WriteFile(onDisk, want, 0o644); err != nil {
			t.Fatal(err)
		}
		if got, err := readAll(ctx, r.tr, name, len(want)); err != nil || !bytes.Equal(got, want) {
			t.Fatalf("%s: baseline read: %v", at.Name, err)
		}
		gen := r.cl.Generation()
		a.Arm(at.Attack)
		got, err := readAll(ctx, r.tr, name, len(want))
		if err == nil && !bytes.Equal(got, want) {
			t.Fatalf("%s: ATTACKER DATA DELIVERED", at.Name)
		}
		t.Logf("%s: the call under attack: %v", at.Name, err)
		got, err = readAll(ctx, r.tr, name, len(want))
		if err != nil || !bytes.Equal(got, want) {
			t.Fatalf("%s: the next call: %v (genuine bytes: %v)", at.Name, err, bytes.Equal(got, want))
		}
		if a.Fired() != i+1 {
			t.Fatalf("%s: the attack never fired", at.Name)
		}
		e := r.event(t, 30*time.Second)
		if e.Kind != client.EventIntegrity || e.Failure != at.Failure {
			t.Fatalf("%s: event %v %q (%v), want %v %q", at.Name, e.Kind, e.Failure, e.Reason, client.EventIntegrity, at.Failure)
		}
		if e = r.event(t, 30*time.Second); e.Kind != client.EventReconnected {
			t.Fatalf("%s: event %v (%v), want a reconnect", at.Name, e.Kind, e.Err)
		}
		if g := r.cl.Generation(); g != gen+1 || r.cl.Err() != nil {
			t.Fatalf("%s: generation %d -> %d, client error %v", at.Name, gen, g, r.cl.Err())
		}
	}
}

func TestLiveLeaseBreakProtection(t *testing.T) {
	// What Samba sends when it breaks an oplock and a lease, on the
	// encrypted share and on the signed one, as seen on the wire;
	// handleNotification accepts both (no reconnect, broken and
	// acknowledged). Samba sends the oplock break (with its SessionId)
	// and the lease break (SessionId 0) in plaintext, unsigned, even on a
	// session that encrypts everything: refusing plaintext breaks would
	// reconnect at every break.
	env := testenv.Env(t)
	for _, sh := range []struct {
		share  string
		policy client.Policy
	}{{env.Shares.Encrypted, strict()}, {env.Shares.Signed, signedOnly()}} {
		t.Run(sh.share, func(t *testing.T) {
			px, err := mitm.Start(env.DC.SMBAddr(), nil, nil)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(px.Close)
			ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
			defer cancel()
			ca, err := client.Dial(ctx, client.Options{Server: env.DC.Host, Address: px.Addr(), Policy: sh.policy,
				Mechanism: liveauth.Kerberos(t, env, "alice"), Timeout: 10 * time.Second})
			if err != nil {
				t.Fatal(err)
			}
			defer ca.Close()
			ta := connect(t, ca, sh.share)
			tb := connect(t, mustDial(t, env, sh.policy, liveauth.Kerberos(t, env, "alice")), sh.share)
			dir := scratch(t, env, sh.share)
			mkdir(t, ta, dir)
			name := dir + `\leased`
			rwh := wire.LeaseRead | wire.LeaseWrite | wire.LeaseHandle
			fo, op, err := openOplocked(ctx, ta, name+"-oplock", client.OpenOptions{Access: client.AccessRead | client.AccessWrite, Disposition: client.OverwriteOrCreate, Kind: client.KindFile}, wire.OplockLevelBatch)
			if err != nil {
				t.Fatal(err)
			}
			defer fo.Close(context.Background())
			obroken := op.Broken()
			fob, err := tb.Open(ctx, name+"-oplock", client.OpenOptions{Access: client.AccessRead, Kind: client.KindFile})
			if err != nil {
				t.Fatalf("B's open of the oplocked file: %v", err)
			}
			defer fob.Close(context.Background())
			select {
			case <-obroken:
			case <-ctx.Done():
				t.Fatal("no oplock break")
			}
			if err := op.Wait(ctx); err != nil {
				t.Fatalf("oplock acknowledgment: %v", err)
			}
			fa, lease, err := openLeasedLive(ctx, ta, name, client.OpenOptions{Access: client.AccessRead | client.AccessWrite, Disposition: client.OverwriteOrCreate, Kind: client.KindFile}, rwh)
			if err != nil {
				t.Fatal(err)
			}
			defer fa.Close(context.Background())
			broken := lease.Broken()
			fb, err := tb.Open(ctx, name, client.OpenOptions{Access: client.AccessWrite, Kind: client.KindFile})
			if err != nil {
				t.Fatalf("B's open: %v", err)
			}
			defer fb.Close(context.Background())
			select {
			case <-broken:
			case <-ctx.Done():
				_, err := ta.Do(context.Background(), name, client.OpenOptions{})
				t.Fatalf("no lease break (lease 0x%x; A's connection: %v)", uint32(lease.State()), err)
			}
			if err := lease.Wait(ctx); err != nil {
				t.Fatalf("acknowledgment: %v", err)
			}
			plain, sealed := 0, 0
			for _, f := range px.Frames() {
				if f.Dir != mitm.ToClient {
					continue
				}
				if bytes.Equal(f.Data[:4], []byte{0xfd, 'S', 'M', 'B'}) {
					sealed++
					continue
				}
				h, err := wire.DecodeHeader(f.Data)
				if err == nil && h.Command == wire.CmdOplockBreak && h.MessageID == ^uint64(0) {
					kind := "lease"
					if len(f.Data) == wire.HeaderSize+24 {
						kind = "oplock"
					} else {
						plain++
					}
					t.Logf("plaintext %s break: SessionId 0x%x, flags 0x%x (signed: %v), credits %d",
						kind, h.SessionID, h.Flags, h.Flags&wire.FlagSigned != 0, h.Credits)
				}
			}
			t.Logf("%s: %d plaintext break notifications, %d sealed frames", sh.share, plain, sealed)
			if plain != 1 {
				t.Errorf("%d plaintext lease breaks, want 1: Samba sealed it? Then handleNotification could refuse plaintext breaks on encrypted sessions", plain)
			}
			if ca.Generation() != 0 || ca.Err() != nil {
				t.Fatalf("the break cost the connection: generation %d, %v", ca.Generation(), ca.Err())
			}
		})
	}
}

func TestLiveReconnectAPREPTampered(t *testing.T) {
	// A man in the middle cuts the connection and alters the AP-REP of
	// the reconnect's SESSION_SETUP: that attempt fails (the server did
	// not prove its identity), the next one passes the whole policy again,
	// and the client goes on reading genuine bytes instead of stopping for
	// good.
	env := testenv.Env(t)
	cc := env.Kinit(t, "alice")
	var cut, tamper atomic.Bool
	var tampered atomic.Int32
	px, err := mitm.Start(env.DC.SMBAddr(), func(n int, f []byte) [][]byte {
		if n > 2 && cut.CompareAndSwap(true, false) {
			return mitm.Cut
		}
		return [][]byte{f}
	}, func(n int, f []byte) [][]byte {
		// Frame 1 of a connection answers its SESSION_SETUP (Kerberos:
		// one round trip), with the AP-REP at its end.
		if n == 1 && tamper.CompareAndSwap(true, false) {
			f = bytes.Clone(f)
			f[len(f)-20] ^= 0x01
			tampered.Add(1)
		}
		return [][]byte{f}
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(px.Close)
	r, err := newLiveRig(t, env, px.Addr(), liveauth.CCacheFactory(env, env.KRB5Conf, cc), 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	dir := scratch(t, env, env.Shares.Encrypted)
	if err := os.Mkdir(filepath.Join(env.ShareDirs[env.Shares.Encrypted], dir), 0o777); err != nil {
		t.Fatal(err)
	}
	want := bytes.Repeat([]byte("genuine after a tampered AP-REP\n"), 100)
	if err := os.WriteFile(filepath.Join(env.ShareDirs[env.Shares.Encrypted], dir, "known"), want, 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	name := dir + `\known`
	if got, err := readAll(ctx, r.tr, name, len(want)); err != nil || !bytes.Equal(got, want) {
		t.Fatalf("baseline read: %v", err)
	}
	tamper.Store(true)
	cut.Store(true)
	got, err := readAll(ctx, r.tr, name, len(want))
	if err != nil || !bytes.Equal(got, want) {
		t.Fatalf("read across the cut and the tampered AP-REP: %v (genuine bytes: %v)", err, bytes.Equal(got, want))
	}
	if tampered.Load() != 1 {
		t.Fatalf("the AP-REP was tampered with %d times, want 1: the test proves nothing", tampered.Load())
	}
	e := r.event(t, 30*time.Second)
	if e.Kind != client.EventReconnected || e.Attempts < 2 {
		t.Fatalf("event %v after %d attempts (%v), want reconnected after a failed attempt", e.Kind, e.Attempts, e.Err)
	}
	if r.cl.Err() != nil {
		t.Fatal(r.cl.Err())
	}
}
