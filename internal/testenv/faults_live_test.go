package testenv

import (
	"context"
	"errors"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// reach reports whether a TCP connect from inside cn to addr:port succeeds
// within 3 s.
func reach(t *testing.T, cn *ClientNet, addr, port string) bool {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	cmd := cn.Enter(exec.CommandContext(ctx, "timeout", "3", "bash", "-c", "exec 3<>/dev/tcp/"+addr+"/"+port))
	err := cmd.Run()
	var ee *exec.ExitError
	if err != nil && !errors.As(err, &ee) {
		t.Fatal(err)
	}
	return err == nil
}

func TestLiveClientNet(t *testing.T) {
	env := Env(t)
	cn := env.ClientNet(t)
	if !strings.HasPrefix(cn.Netns, env.Netns+"-cn-") || !strings.HasPrefix(cn.ClientAddr, "10.213.") {
		t.Errorf("client network %+v", cn)
	}
	if !reach(t, cn, env.DC.Addr, "445") || !reach(t, cn, env.DC.Addr, "88") || !reach(t, cn, env.Weak.Addr, "445") {
		t.Fatal("the servers are not reachable from the client network")
	}

	// A connection from the client network is served by one smbd child,
	// whose parent keeps serving after it is killed.
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	hold := cn.Enter(exec.CommandContext(ctx, "bash", "-c", "exec 3<>/dev/tcp/"+env.DC.Addr+"/445; sleep 50"))
	if err := hold.Start(); err != nil {
		t.Fatal(err)
	}
	defer hold.Wait()
	defer hold.Process.Kill()
	s := env.SmbdFor(t, cn.ClientAddr)
	if !strings.HasPrefix(s.Peer, cn.ClientAddr+":") || s.Local != env.DC.SMBAddr() {
		t.Errorf("smbd %+v", s)
	}
	if st, err := ProcState(s.Parent); err != nil || st == 'Z' {
		t.Fatalf("parent %d: %c %v", s.Parent, st, err)
	}
	if err := s.Stop(); err != nil {
		t.Fatal(err)
	}
	// The stop takes effect when the process next runs: wait for it.
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		st, _ := ProcState(s.Pid)
		if st == 'T' {
			break
		}
		if time.Now().After(deadline) {
			t.Errorf("10 s after SIGSTOP: state %c", st)
			break
		}
	}
	if err := s.Cont(); err != nil {
		t.Fatal(err)
	}
	if err := s.Kill(); err != nil {
		t.Fatal(err)
	}
	for deadline := time.Now().Add(30 * time.Second); !s.Gone(); {
		if time.Now().After(deadline) {
			t.Fatalf("smbd %d survived SIGKILL", s.Pid)
		}
		time.Sleep(50 * time.Millisecond)
	}
	if err := s.Kill(); err == nil {
		t.Errorf("signalling a dead smbd child succeeded")
	}
	if !reach(t, cn, env.DC.Addr, "445") {
		t.Errorf("no new connection after killing the serving smbd")
	}

	if err := cn.Down(); err != nil {
		t.Fatal(err)
	}
	if reach(t, cn, env.DC.Addr, "445") {
		t.Errorf("reachable with the link down")
	}
	if err := cn.Up(); err != nil {
		t.Fatal(err)
	}
	if !reach(t, cn, env.DC.Addr, "445") {
		t.Errorf("unreachable after link up")
	}
	if err := cn.Loss(100); err != nil {
		t.Fatal(err)
	}
	if reach(t, cn, env.DC.Addr, "445") {
		t.Errorf("reachable with 100%% loss")
	}
	if err := cn.Loss(0); err != nil {
		t.Fatal(err)
	}
	if !reach(t, cn, env.DC.Addr, "445") {
		t.Errorf("unreachable after the loss was removed")
	}
	if err := cn.Rate("400mbit"); err != nil {
		t.Fatal(err)
	}
	if err := cn.Rate("off"); err != nil {
		t.Fatal(err)
	}
	switch err := cn.Netem("delay", "1ms"); {
	case errors.Is(err, ErrNetemUnavailable):
		t.Logf("netem: %v", err)
	case err != nil:
		t.Errorf("netem: %v", err)
	default:
		if err := cn.Netem("off"); err != nil {
			t.Errorf("netem off: %v", err)
		}
	}
}
