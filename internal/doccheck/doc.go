// Package doccheck holds no code: its test keeps the README and docs/ true
// to the example files in the top-level testdata/.
//
// A fenced block in README.md or docs/*.md that shows an example file is
// preceded by a marker naming it,
//
//	<!-- testdata/rules/hardening.conf -->
//
// and must match that file byte for byte. Blocks in the file-like languages
// (ini, fstab, systemd, credentials, autofs, xml) must carry a marker; every
// example file under testdata/rules, fstab, credentials, systemd and macos
// must be shown somewhere.
// The files themselves are parsed by the tests in client/rules and
// cmd/smb3fs (testdata_test.go, testdata_macos_test.go), so an example can neither drift from the
// docs nor stop working.
package doccheck
