//go:build unix

package store

import (
	"fmt"
	"syscall"
	"unsafe"
)

// mapped returns n zero values of T in memory mapped from the operating system, outside the
// Go heap; unmap gives it back. T must hold no pointers: the garbage collector does not see
// this memory. The node cache keeps its tables here (nodetable.go) because the collector
// paces itself by the live heap: a gibibyte of cached nodes on the heap let the program
// allocate another gibibyte between collections, all of it memory the kernel had to hand
// over page by page (at a million loans, 50,000-70,000 page faults and 0.4-0.5 s of system
// time in each slow due block after a restart, until the first collection).
func mapped[T any](n int) []T {
	if n == 0 {
		return nil
	}
	size := n * int(unsafe.Sizeof(*new(T)))
	b, err := syscall.Mmap(-1, 0, size, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		panic(fmt.Sprintf("store: mapping %d bytes for the node cache: %v", size, err))
	}
	return unsafe.Slice((*T)(unsafe.Pointer(&b[0])), n)
}

// unmap returns memory from mapped (whole: s as mapped returned it).
func unmap[T any](s []T) {
	if cap(s) == 0 {
		return
	}
	s = s[:cap(s)]
	b := unsafe.Slice((*byte)(unsafe.Pointer(&s[0])), len(s)*int(unsafe.Sizeof(s[0])))
	if err := syscall.Munmap(b); err != nil {
		panic(fmt.Sprintf("store: unmapping the node cache's memory: %v", err))
	}
}
