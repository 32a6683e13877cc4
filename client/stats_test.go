package client_test

import (
	"context"
	"testing"
	"time"

	"github.com/smb3fs/smb3fs/client"
	"github.com/smb3fs/smb3fs/client/smbtest"
)

// TestStats: the counters behind `smb3fs status` count bytes both ways
// (across connections), the durable handles held, the reconnects, and
// why the last connection ended.
func TestStats(t *testing.T) {
	before := time.Now()
	r := newRig(t, &smbtest.Server{Leasing: true}, 0, nil)
	ctx := context.Background()
	st := r.cl.Stats()
	if st.ConnectedAt.Before(before) || st.ConnectedAt.After(time.Now()) {
		t.Errorf("ConnectedAt %v, not during Dial (from %v)", st.ConnectedAt, before)
	}
	if st.Reconnects != 0 || st.DurableHandles != 0 || st.LastError != "" || !st.LastErrorAt.IsZero() {
		t.Errorf("fresh client: %+v", st)
	}
	if st.BytesIn == 0 || st.BytesOut == 0 {
		t.Errorf("no bytes counted for the handshake: %+v", st)
	}

	f, err := r.tr.Open(ctx, "durable", durableOpen(client.OverwriteOrCreate))
	if err != nil {
		t.Fatal(err)
	}
	data := pattern(64 << 10)
	if _, err := f.WriteAt(ctx, data, 0); err != nil {
		t.Fatal(err)
	}
	st2 := r.cl.Stats()
	if st2.DurableHandles != 1 {
		t.Errorf("DurableHandles %d, want 1", st2.DurableHandles)
	}
	if st2.BytesOut < st.BytesOut+uint64(len(data)) || st2.BytesIn <= st.BytesIn {
		t.Errorf("after writing %d bytes: out %d -> %d, in %d -> %d", len(data), st.BytesOut, st2.BytesOut, st.BytesIn, st2.BytesIn)
	}

	cut := time.Now()
	r.srv.Cut()
	if e := r.event(t); e.Kind != client.EventReconnected {
		t.Fatalf("event %+v", e)
	}
	st3 := r.cl.Stats()
	if st3.Reconnects != 1 || st3.DurableHandles != 1 {
		t.Errorf("after one reconnect: %+v", st3)
	}
	if st3.LastError == "" || st3.LastErrorAt.Before(cut) || !st3.ConnectedAt.After(st.ConnectedAt) {
		t.Errorf("after the cut: last error %q at %v, connected at %v", st3.LastError, st3.LastErrorAt, st3.ConnectedAt)
	}
	if st3.BytesOut <= st2.BytesOut || st3.BytesIn <= st2.BytesIn {
		t.Errorf("the new connection's handshake is not counted: %+v then %+v", st2, st3)
	}
	if _, err := f.Close(ctx); err != nil {
		t.Fatal(err)
	}
	if n := r.cl.Stats().DurableHandles; n != 0 {
		t.Errorf("DurableHandles %d after Close, want 0", n)
	}
}
