package client

import (
	"errors"
	"testing"
	"time"

	"github.com/smb3fs/smb3fs/client/wire"
)

// A snapshot tree stamps every read-only open with a TWrp context carrying
// its time and refuses, before sending, any open that could change the
// share; a live tree leaves requests alone.
func TestSnapshotTimewarp(t *testing.T) {
	at := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	snap := &Tree{snapshot: at}
	for _, o := range []OpenOptions{
		{Access: AccessRead},
		{Kind: KindDir, Access: AccessReadData},
		{},
	} {
		req, err := o.request("a\\b", 0)
		if err != nil {
			t.Fatal(err)
		}
		if err := snap.timewarp(req); err != nil {
			t.Fatalf("%+v refused: %v", o, err)
		}
		data, ok := req.Context(wire.CtxNameTimewarpToken)
		if !ok {
			t.Fatalf("%+v: no TWrp context", o)
		}
		tw, err := wire.DecodeTimewarpToken(data)
		if err != nil || tw.Timestamp != wire.FileTime(at) {
			t.Fatalf("%+v: TWrp %+v, %v", o, tw, err)
		}
		if err := snap.timewarp(req); err != nil || len(req.Contexts) != 1 {
			t.Fatalf("second timewarp: %v, %d contexts", err, len(req.Contexts))
		}
	}
	for _, o := range []OpenOptions{
		{Access: AccessWrite},
		{Access: AccessRead | AccessWriteAttributes},
		{Access: AccessDelete},
		{Access: AccessRead, Disposition: OpenOrCreate},
		{Disposition: CreateNew},
		{Disposition: Overwrite},
		{Disposition: OverwriteOrCreate},
	} {
		req, err := o.request("f", 0)
		if err != nil {
			t.Fatal(err)
		}
		if err := snap.timewarp(req); !errors.Is(err, ErrReadOnly) {
			t.Errorf("%+v on a snapshot: %v, want ErrReadOnly", o, err)
		}
	}
	req, _ := (&OpenOptions{Access: AccessRead}).request("f", 0)
	req.CreateOptions |= wire.FileDeleteOnClose
	if err := snap.timewarp(req); !errors.Is(err, ErrReadOnly) {
		t.Errorf("delete-on-close on a snapshot: %v, want ErrReadOnly", err)
	}
	live := &Tree{}
	req, _ = (&OpenOptions{Access: AccessWrite, Disposition: OpenOrCreate}).request("f", 0)
	if err := live.timewarp(req); err != nil || len(req.Contexts) != 0 {
		t.Errorf("live tree: %v, contexts %v", err, req.Contexts)
	}
	if !snap.Snapshot().Equal(at) || !live.Snapshot().IsZero() {
		t.Errorf("Snapshot() = %v, %v", snap.Snapshot(), live.Snapshot())
	}
}
