package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/pprof"
	"strings"
	"time"

	"github.com/smb3fs/smb3fs/auth"
	"github.com/smb3fs/smb3fs/client"
	"github.com/smb3fs/smb3fs/client/wire"
	"github.com/smb3fs/smb3fs/internal/testenv"
)

// childResult is what a library child prints (one JSON object on stdout).
type childResult struct {
	Bytes     int64   `json:"bytes"`
	Xfer      float64 `json:"xfer_s"`  // CREATE .. last WriteAt/ReadAt (+ FLUSH)
	Flush     float64 `json:"flush_s"` // of which FLUSH
	Cipher    string  `json:"cipher"`
	Encrypted bool    `json:"encrypted"`
	SHA256    string  `json:"sha256,omitempty"`
}

// runChild performs one timed smb3fs operation: it dials with the ticket in
// $KRB5CCNAME, connects to the share, then writes cfg.src to cfg.remote or
// reads cfg.remote, and prints a childResult.
func runChild(ctx context.Context, cfg *config) error {
	env, err := loadEnv()
	if err != nil {
		return err
	}
	cipher, err := parseCipher(cfg.cipher)
	if err != nil {
		return err
	}
	ccache := strings.TrimPrefix(os.Getenv("KRB5CCNAME"), "FILE:")
	if ccache == "" {
		return errors.New("KRB5CCNAME is not set: run under scripts/testenv exec --user alice")
	}
	mech, err := auth.NewKerberos(auth.KerberosCredentials{Krb5Conf: env.KRB5Conf, CCache: ccache}, "cifs/"+env.DC.Host)
	if err != nil {
		return err
	}
	p := client.StrictPolicy()
	p.Ciphers = []wire.CipherID{cipher}

	if cfg.cpuprofile != "" {
		f, err := os.Create(cfg.cpuprofile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}

	cl, err := client.Dial(ctx, client.Options{Server: env.DC.Host, Address: env.DC.SMBAddr(), Policy: p, Mechanism: mech, Timeout: 60 * time.Second})
	if err != nil {
		return err
	}
	defer cl.Close()
	info := cl.Info()
	if info.Cipher != cipher || !info.Encrypted {
		return fmt.Errorf("session reached cipher %v encrypted=%v, want %v encrypted", info.Cipher, info.Encrypted, cipher)
	}
	tr, err := cl.Connect(ctx, share(cfg, env))
	if err != nil {
		return err
	}
	defer tr.Disconnect(context.Background())
	if !tr.Encrypted() {
		return errors.New("tree is not encrypted")
	}

	res := childResult{Cipher: info.Cipher.String(), Encrypted: true}
	switch cfg.child {
	case "write":
		err = childWrite(ctx, cfg, tr, &res)
	case "read":
		err = childRead(ctx, cfg, tr, &res)
	default:
		err = fmt.Errorf("unknown -child %q", cfg.child)
	}
	if err != nil {
		return err
	}
	return json.NewEncoder(os.Stdout).Encode(&res)
}

func childWrite(ctx context.Context, cfg *config, tr *client.Tree, res *childResult) error {
	src, err := os.Open(cfg.src)
	if err != nil {
		return err
	}
	defer src.Close()
	buf := make([]byte, cfg.block)
	start := time.Now()
	f, err := tr.Open(ctx, cfg.remote, client.OpenOptions{
		Access:      client.AccessRead | client.AccessWrite,
		Disposition: client.OverwriteOrCreate,
		Kind:        client.KindFile,
		Deny:        client.DenyWrite | client.DenyDelete,
	})
	if err != nil {
		return err
	}
	var off int64
	for {
		n, rerr := io.ReadFull(src, buf)
		if n > 0 {
			if _, err := f.WriteAt(ctx, buf[:n], off); err != nil {
				f.Close(context.Background())
				return fmt.Errorf("WriteAt %d: %w", off, err)
			}
			off += int64(n)
		}
		if rerr == io.EOF || rerr == io.ErrUnexpectedEOF {
			break
		}
		if rerr != nil {
			f.Close(context.Background())
			return rerr
		}
	}
	if cfg.flush {
		fstart := time.Now()
		if err := f.Flush(ctx); err != nil {
			f.Close(context.Background())
			return fmt.Errorf("Flush: %w", err)
		}
		res.Flush = time.Since(fstart).Seconds()
	}
	res.Xfer = time.Since(start).Seconds()
	res.Bytes = off
	if _, err := f.Close(ctx); err != nil {
		return fmt.Errorf("Close: %w", err)
	}
	return nil
}

func childRead(ctx context.Context, cfg *config, tr *client.Tree, res *childResult) error {
	buf := make([]byte, cfg.block)
	h := sha256.New()
	start := time.Now()
	f, err := tr.Open(ctx, cfg.remote, client.OpenOptions{
		Access: client.AccessRead,
		Kind:   client.KindFile,
		Deny:   client.DenyWrite | client.DenyDelete,
	})
	if err != nil {
		return err
	}
	var off int64
	for {
		n, err := f.ReadAt(ctx, buf, off)
		if cfg.sum {
			h.Write(buf[:n])
		}
		off += int64(n)
		if err == io.EOF {
			break
		}
		if err != nil {
			f.Close(context.Background())
			return fmt.Errorf("ReadAt %d: %w", off, err)
		}
	}
	res.Xfer = time.Since(start).Seconds()
	res.Bytes = off
	if cfg.sum {
		res.SHA256 = hex.EncodeToString(h.Sum(nil))
	}
	if _, err := f.Close(ctx); err != nil {
		return fmt.Errorf("Close: %w", err)
	}
	return nil
}

func loadEnv() (*testenv.Environment, error) {
	path := os.Getenv(testenv.EnvVar)
	if path == "" {
		return nil, fmt.Errorf("%s is not set: run under scripts/testenv exec --user alice", testenv.EnvVar)
	}
	env, err := testenv.Load(path)
	if err != nil || benchServer == "" || benchServer == "dc" {
		return env, err
	}
	if benchServer != "s422" {
		return nil, fmt.Errorf("--server %q: dc or s422", benchServer)
	}
	s, ok := env.Samba422Server()
	if !ok {
		return nil, fmt.Errorf("--server s422: the environment has no Samba 4.22 server (scripts/testenv s422)")
	}
	// Every client of the bench reaches "the DC": make it s422.
	env.DC = s.Server
	return env, nil
}

// benchServer is --server: "dc" (or "") or "s422".
var benchServer string

func share(cfg *config, env *testenv.Environment) string {
	if cfg.share != "" {
		return cfg.share
	}
	return env.Shares.Encrypted
}
