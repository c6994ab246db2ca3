// Package nodetest starts real in-process nodes for tests: a fresh home in a temporary
// directory, loopback ports chosen by the kernel, and a stop registered with the test.
package nodetest
