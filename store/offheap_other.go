//go:build !unix

package store

// mapped is make where memory cannot be mapped outside the Go heap (see offheap_unix.go).
func mapped[T any](n int) []T { return make([]T, n) }

func unmap[T any]([]T) {}
