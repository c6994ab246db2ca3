// Package e2e tests the built puhui binary as a user runs it: real node processes on
// loopback ports, the README walkthroughs, kill -9 crash recovery, multi-validator testnets.
// The web console's browser tests are in e2e/console, which go test runs beside this one;
// what both need (the binary, ports that never meet) is in e2e/e2etest.
package e2e
