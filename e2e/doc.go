// Package e2e tests the built puhui binary as a user runs it: real node processes on
// loopback ports, the README walkthrough, and kill -9 crash recovery.
package e2e
