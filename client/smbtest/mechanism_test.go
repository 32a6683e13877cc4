package smbtest

import (
	"context"
	"testing"

	"github.com/smb3fs/smb3fs/auth"
)

// TestSPNEGOAgainstClient checks the server's SPNEGO side against the
// client's real SPNEGO driver over two rounds.
func TestSPNEGOAgainstClient(t *testing.T) {
	ctx := context.Background()
	m := &Mechanism{IsMutual: true, Rounds: 2}
	sp := auth.NewSPNEGO(m)
	tok, err := sp.InitialToken(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	mechs, inner, err := parseSPNEGO(tok)
	if err != nil || len(mechs) != 1 || !mechs[0].Equal(OIDKerberos) {
		t.Fatalf("NegTokenInit: mechs %v, err %v", mechs, err)
	}
	if i, n, ok := parseClientToken(inner); !ok || i != 1 || n != 2 {
		t.Fatalf("round %d/%d ok %v from %q", i, n, ok, inner)
	}
	out, done, err := sp.Step(ctx, negTokenResp(negAcceptIncomplete, mechs[0], serverToken(1, 2)))
	if err != nil || done {
		t.Fatalf("Step 1: done %v, err %v", done, err)
	}
	mechs, inner, err = parseSPNEGO(out)
	if err != nil || mechs != nil || string(inner) != string(clientToken(2, 2)) {
		t.Fatalf("NegTokenResp: mechs %v, token %q, err %v", mechs, inner, err)
	}
	if _, done, err = sp.Step(ctx, negTokenResp(negAcceptCompleted, nil, serverToken(2, 2))); err != nil || !done {
		t.Fatalf("Step 2: done %v, err %v", done, err)
	}
	if !sp.Mutual() || string(sp.SessionKey()) != string(DefaultSessionKey()) {
		t.Fatal("no mutual authentication or wrong session key")
	}
}

func TestMechanismRejectsForgedToken(t *testing.T) {
	m := &Mechanism{}
	if _, err := m.InitToken(context.Background()); err != nil {
		t.Fatal(err)
	}
	if _, _, err := m.Step(context.Background(), []byte("smbtest-forged")); err == nil {
		t.Fatal("forged token accepted")
	}
	if m.SessionKey() != nil || m.Mutual() {
		t.Fatal("failed mechanism has a key or claims mutual authentication")
	}
}
