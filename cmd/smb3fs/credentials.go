package main

// Credentials of a mount: the credentials= file, the NTLM password (from
// that file, the parent's pipe, PASSWD or the terminal), and the choice
// between a Kerberos credential cache and a keytab. Where a password lives
// and when it is wiped is drawn in secrets.go.

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"

	"golang.org/x/sys/unix"

	"github.com/smb3fs/smb3fs/auth"
)

// readCredentials reads a mount.cifs credentials file: username=,
// password=, domain= lines. A file other users can read is refused.
func (o *mountOptions) readCredentials(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("credentials file: %w", err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return fmt.Errorf("credentials file: %w", err)
	}
	if st.Mode().Perm()&0077 != 0 {
		return fmt.Errorf("credentials file %s is readable by others (mode %04o): refused; chmod 600 it", path, st.Mode().Perm())
	}
	// The password stays in bytes: the scanner reads into buf (its only
	// buffer: lines are limited to its size), which is wiped at the end,
	// and only the password's own copy is kept.
	buf := make([]byte, 64<<10)
	defer clear(buf)
	sc := bufio.NewScanner(f)
	sc.Buffer(buf, len(buf))
	line := 0
	for sc.Scan() {
		line++
		s := bytes.TrimSpace(sc.Bytes())
		if len(s) == 0 || s[0] == '#' {
			continue
		}
		k, v, ok := bytes.Cut(s, []byte("="))
		if !ok {
			return fmt.Errorf("credentials file %s:%d: expected key=value", path, line)
		}
		switch key := string(bytes.TrimSpace(k)); key {
		case "username", "user":
			o.Username = string(v)
		case "password", "pass":
			clear(o.Password)
			o.Password = bytes.Clone(v)
		case "domain", "dom":
			o.Domain = string(v)
		default:
			return fmt.Errorf("credentials file %s:%d: unknown key %q", path, line, k)
		}
	}
	return sc.Err()
}

// password returns the password for NTLM: the credentials file, a pipe
// from the parent, PASSWD, or the terminal. The caller owns (and wipes)
// the slice returned; ma keeps no reference to it.
func (ma *mountArgs) password() ([]byte, error) {
	if ma.opts.Password != nil {
		pw := ma.opts.Password
		ma.opts.Password = nil
		return pw, nil
	}
	if ma.passwordFD > 0 {
		f := os.NewFile(uintptr(ma.passwordFD), "password")
		defer f.Close()
		b, err := readSecret(f, false)
		if err != nil {
			return nil, fmt.Errorf("reading password: %w", err)
		}
		return b, nil
	}
	if ma.envPassword != nil {
		pw := ma.envPassword
		ma.envPassword = nil
		return pw, nil
	}
	return promptPassword(fmt.Sprintf("Password for %s@//%s/%s: ", ma.opts.Username, ma.server, ma.share))
}

// passwordForChild returns the read end of a pipe that holds the NTLM
// password for the background daemon (from PASSWD or the terminal), or nil
// when the daemon needs none from us: Kerberos, or a credentials file,
// which it reads itself. This process keeps no copy: the credentials
// file's password is wiped, and so is the one written to the pipe.
func (ma *mountArgs) passwordForChild() (*os.File, error) {
	clear(ma.opts.Password)
	if ma.opts.Sec.Mechanism != auth.NTLMv2 || ma.opts.Password != nil {
		return nil, nil
	}
	pass := ma.envPassword
	if pass == nil {
		var err error
		if pass, err = promptPassword(fmt.Sprintf("Password for %s@//%s/%s: ", ma.opts.Username, ma.server, ma.share)); err != nil {
			return nil, err
		}
	}
	defer clear(pass)
	if len(pass) > maxPassword {
		return nil, fmt.Errorf("the password is longer than %d bytes", maxPassword)
	}
	ppr, ppw, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	// At most maxPassword bytes: the pipe's buffer holds them all, so
	// this does not wait for the child.
	_, err = ppw.Write(pass)
	ppw.Close()
	if err != nil {
		ppr.Close()
		return nil, fmt.Errorf("password pipe: %w", err)
	}
	return ppr, nil
}

// promptPassword reads a line from the terminal with echo off.
//
// golang.org/x/term's ReadPassword is not used, on purpose: its terminal
// handling is this one (ECHO off, ICANON and ISIG on, the old state
// restored; it also sets ICRNL where readSecret drops a trailing CR), but
// it grows its result one append at a time, leaving copies of the
// password's first bytes in freed backing arrays that nothing can wipe,
// and reads without a limit. readSecret reads into one fixed buffer of
// maxPassword+1 bytes that it wipes, and returns the only other copy to
// the caller, who wipes it.
func promptPassword(prompt string) ([]byte, error) {
	tty, err := os.OpenFile("/dev/tty", os.O_RDWR, 0)
	if err != nil {
		return nil, errors.New("no password: set PASSWD, use credentials=, or run on a terminal")
	}
	defer tty.Close()
	fd := int(tty.Fd())
	old, err := unix.IoctlGetTermios(fd, ioctlGetTermios)
	if err != nil {
		return nil, fmt.Errorf("terminal: %w", err)
	}
	noecho := *old
	noecho.Lflag &^= unix.ECHO
	noecho.Lflag |= unix.ICANON | unix.ISIG
	if err := unix.IoctlSetTermios(fd, ioctlSetTermios, &noecho); err != nil {
		return nil, fmt.Errorf("terminal: %w", err)
	}
	defer unix.IoctlSetTermios(fd, ioctlSetTermios, old)
	fmt.Fprint(tty, prompt)
	pw, err := readSecret(tty, true)
	fmt.Fprintln(tty)
	if err != nil {
		return nil, fmt.Errorf("reading password: %w", err)
	}
	return pw, nil
}

// mechanismFactory returns, for a server (the one named, or a DFS
// referral target), a function that builds a fresh mechanism for
// each authentication (the first, and every reconnect or expired session),
// and a function that wipes what the factory holds. Kerberos re-reads the
// credential cache or logs in again from the keytab each time, so renewed
// tickets are used. An NTLM password is asked for once and kept for the
// mount's life, as mount.cifs does, because a reconnect needs it: one
// copy in a heldPassword, wiped by the returned function (serve calls it
// when it returns, after closing the client); each mechanism gets its own
// copy, which the client wipes (Mechanism.Zero) after SESSION_SETUP.
//
// The policy decides whether NTLM may be used at all: unless root's rule
// for this share allows NTLM and waives mutual authentication, Resolve (or
// Dial, before anything is sent) refuses it.
func (ma *mountArgs) mechanismFactory() (newMechFor func(server string) func() (auth.Mechanism, error), wipe func(), err error) {
	if ma.opts.Sec.Mechanism != auth.NTLMv2 {
		clear(ma.envPassword) // only NTLM uses it
		ma.envPassword = nil
		return func(server string) func() (auth.Mechanism, error) {
			m := *ma
			m.server = server
			return m.mechanism
		}, func() {}, nil
	}
	pw, err := ma.password()
	if err != nil {
		return nil, nil, err
	}
	held := holdPassword(pw)
	return func(server string) func() (auth.Mechanism, error) {
		spn := "cifs/" + server
		return func() (auth.Mechanism, error) {
			pw, err := held.copy()
			if err != nil {
				return nil, err
			}
			creds := auth.NTLMCredentials{User: ma.opts.Username, Domain: ma.opts.Domain, Password: pw}
			return auth.NewNTLMv2(creds, spn), nil
		}
	}, held.wipe, nil
}

// mechanism builds the Kerberos mechanism the options ask for: from the
// keytab, from cruid='s ticket cache (read by a process running as that
// user: ccacheexport.go), or from this process's.
func (ma *mountArgs) mechanism() (auth.Mechanism, error) {
	if ma.opts.CRUID != nil {
		ctx, cancel := context.WithTimeout(context.Background(), exportTimeout)
		defer cancel()
		return kerberosAs(ctx, execCCacheExport, *ma.opts.CRUID, ma.server)
	}
	spn := "cifs/" + ma.server
	creds := auth.KerberosCredentials{Keytab: ma.keytab, Principal: ma.principal}
	if ma.keytab != "" && creds.Principal == "" {
		creds.Principal = ma.opts.Username
	}
	return auth.NewKerberos(creds, spn)
}

// checkKeytab checks the keytab of keytab= (or --keytab), if any, before
// anything is sent: reached through a safe path, owned by the mounting
// user or root, mode 0600 or stricter, and holding a key for the
// principal (principal=, else username=). See auth.CheckKeytab; its
// errors name the file and what is wrong, and end the mount with exit
// status 32 (a keytab without a principal is a usage error, refused by
// parseMountArgs).
func (ma *mountArgs) checkKeytab() error {
	if ma.keytab == "" {
		return nil
	}
	principal := ma.principal
	if principal == "" {
		principal = ma.opts.Username
	}
	return auth.CheckKeytab(ma.keytab, principal, "", os.Getuid())
}
