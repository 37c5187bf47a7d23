//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package geo

import "os"

// mapFile reads the file into memory where mapping it is not supported.
func mapFile(f *os.File, size int64) ([]byte, func() error, error) {
	return readFile(f, size)
}
