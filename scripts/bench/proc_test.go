//go:build linux

package main

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestProcTimes reads this test process back from /proc: its name (the
// kernel keeps 15 bytes of it), its parent, and CPU ticks that grow with
// work done.
func TestProcTimes(t *testing.T) {
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	want := filepath.Base(exe)
	if len(want) > 15 {
		want = want[:15]
	}
	me, ok := procTimes()[os.Getpid()]
	if !ok {
		t.Fatalf("procTimes has no entry for this process (%d)", os.Getpid())
	}
	if me.comm != want || me.parent != os.Getppid() {
		t.Fatalf("procTimes says comm %q parent %d; want %q parent %d", me.comm, me.parent, want, os.Getppid())
	}
	before := treeCPU(os.Getpid())
	x := 0
	for deadline := time.Now().Add(5 * time.Second); treeCPU(os.Getpid()) < before+0.05; { // 5 ticks of CPU
		if time.Now().After(deadline) {
			t.Fatalf("treeCPU stayed at %v s over 5 s of busy work", treeCPU(os.Getpid()))
		}
		for i := 0; i < 1e6; i++ {
			x += i
		}
	}
	if x == 0 {
		t.Fatal("unreachable")
	}
	if s := serverCPU(); s < 0 {
		t.Fatalf("serverCPU %v < 0", s)
	}
}
