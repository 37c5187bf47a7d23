//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package geo

import (
	"os"
	"syscall"
)

// mapFile maps the file read-only into memory: the imported gazetteer is
// read in place, paged in as lookups touch it, never copied to the heap.
func mapFile(f *os.File, size int64) ([]byte, func() error, error) {
	if size <= 0 || int64(int(size)) != size {
		return readFile(f, size)
	}
	b, err := syscall.Mmap(int(f.Fd()), 0, int(size), syscall.PROT_READ, syscall.MAP_SHARED)
	if err != nil {
		return readFile(f, size)
	}
	return b, func() error { return syscall.Munmap(b) }, nil
}
