//go:build !linux

package auth

import "fmt"

// readKeyringCCache: kernel keyrings, hence KEYRING caches, exist only on
// Linux.
func readKeyringCCache(residual string, uid int) (string, []byte, error) {
	return "", nil, fmt.Errorf("auth: kerberos: credential cache KEYRING:%s: KEYRING caches exist only on Linux", residual)
}
