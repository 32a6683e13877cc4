// Package liveauth makes Kerberos mechanisms for the users of the live test
// environment (package testenv), for the tests of client, fs and cmd/smb3fs.
//
// It is a package of its own because package testenv must not import auth:
// auth's internal tests import testenv, and Go refuses the import cycle.
package liveauth

import (
	"testing"

	"github.com/smb3fs/smb3fs/auth"
	"github.com/smb3fs/smb3fs/internal/testenv"
)

// SPN returns the SMB service principal of the environment's DC, the one
// every mechanism of this package asks a ticket for.
func SPN(env *testenv.Environment) string { return "cifs/" + env.DC.Host }

// Kerberos obtains a ticket for user with its password (Environment.Kinit)
// and returns a Kerberos mechanism for the DC that uses that ticket cache
// and the environment's krb5.conf. It fails the test on error.
func Kerberos(t testing.TB, env *testenv.Environment, user string) auth.Mechanism {
	t.Helper()
	m, err := CCacheFactory(env, env.KRB5Conf, env.Kinit(t, user))()
	if err != nil {
		t.Fatalf("NewKerberos: %v", err)
	}
	return m
}

// CCacheFactory returns a function that makes a fresh Kerberos mechanism
// for the DC from the ticket cache cc under krb5conf on every call, as
// client.Options.NewMechanism wants for reconnects.
func CCacheFactory(env *testenv.Environment, krb5conf, cc string) func() (auth.Mechanism, error) {
	return func() (auth.Mechanism, error) {
		return auth.NewKerberos(auth.KerberosCredentials{Krb5Conf: krb5conf, CCache: cc}, SPN(env))
	}
}

// KeytabFactory returns a function that logs user in again from the
// user's keytab under krb5conf on every call and makes a Kerberos
// mechanism for the DC. It fails the test if the user does not exist.
func KeytabFactory(t testing.TB, env *testenv.Environment, krb5conf, user string) func() (auth.Mechanism, error) {
	t.Helper()
	u := env.User(t, user)
	return func() (auth.Mechanism, error) {
		return auth.NewKerberos(auth.KerberosCredentials{Krb5Conf: krb5conf, Keytab: u.Keytab, Principal: u.Principal}, SPN(env))
	}
}
