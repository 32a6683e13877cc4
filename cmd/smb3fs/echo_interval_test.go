package main

import (
	"testing"
	"time"
)

func TestEchoIntervalOption(t *testing.T) {
	o, err := parseMountOptions([]string{"echo_interval=15"})
	if err != nil || o.EchoInterval != 15*time.Second {
		t.Fatalf("echo_interval=15: %v %v", o.EchoInterval, err)
	}
	for _, bad := range []string{"echo_interval=0", "echo_interval=601", "echo_interval=5s", "echo_interval"} {
		if _, err := parseMountOptions([]string{bad}); err == nil {
			t.Errorf("%s accepted", bad)
		}
	}
}
