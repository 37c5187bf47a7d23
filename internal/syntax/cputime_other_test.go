//go:build !linux

package syntax

import "time"

func threadCPU() (time.Duration, bool) { return 0, false }
