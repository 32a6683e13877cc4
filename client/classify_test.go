package client

import (
	"testing"

	"github.com/smb3fs/smb3fs/client/wire"
)

// TestClassify pins which requests may be sent again after a reconnect
// when the old server may have executed them.
func TestClassify(t *testing.T) {
	cases := []struct {
		what   string
		cmd    wire.Command
		detail uint32
		want   replayClass
	}{
		{"READ", wire.CmdRead, 0, replayIdempotent},
		{"WRITE at an offset", wire.CmdWrite, 0, replayIdempotent},
		{"QUERY_INFO", wire.CmdQueryInfo, 0, replayIdempotent},
		{"QUERY_DIRECTORY", wire.CmdQueryDirectory, 0, replayIdempotent},
		{"FLUSH", wire.CmdFlush, 0, replayIdempotent},
		{"CLOSE", wire.CmdClose, 0, replayIdempotent},
		{"open-only CREATE", wire.CmdCreate, wire.FileOpen, replayIdempotent},
		{"CREATE that creates", wire.CmdCreate, wire.FileCreate, replayNever},
		{"CREATE that may create", wire.CmdCreate, wire.FileOpenIf, replayNever},
		{"CREATE that overwrites", wire.CmdCreate, wire.FileOverwrite, replayNever},
		{"CREATE that supersedes", wire.CmdCreate, wire.FileSupersede, replayNever},
		{"set size", wire.CmdSetInfo, uint32(wire.ClassFileEndOfFileInformation), replayIdempotent},
		{"set times", wire.CmdSetInfo, uint32(wire.ClassFileBasicInformation), replayIdempotent},
		{"rename", wire.CmdSetInfo, uint32(wire.ClassFileRenameInformation), replayNever},
		{"delete", wire.CmdSetInfo, uint32(wire.ClassFileDispositionInformation), replayNever},
		{"LOCK", wire.CmdLock, 0, replayNever},
		{"IOCTL", wire.CmdIoctl, 0, replayNever},
	}
	for _, c := range cases {
		if got := classify(c.cmd, c.detail); got != c.want {
			t.Errorf("%s: classify = %v, want %v", c.what, got, c.want)
		}
	}
	open := &wire.CreateRequest{CreateDisposition: wire.FileOpen}
	if got := classifyCreate(open); got != replayIdempotent {
		t.Errorf("open-only CREATE: %v, want idempotent", got)
	}
	doc := &wire.CreateRequest{CreateDisposition: wire.FileOpen, CreateOptions: wire.FileDeleteOnClose}
	if got := classifyCreate(doc); got != replayNever {
		t.Errorf("open with FILE_DELETE_ON_CLOSE: %v, want never (running it twice deletes twice)", got)
	}
	for _, sent := range []bool{false, true} {
		if !mayResend(replayNever, false) || !mayResend(replayIdempotent, sent) {
			t.Errorf("a request never sent, or an idempotent one, may be sent again")
		}
	}
	if mayResend(replayNever, true) {
		t.Errorf("a sent non-idempotent request was allowed again")
	}
}
