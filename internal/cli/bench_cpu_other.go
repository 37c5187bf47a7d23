//go:build !linux

package cli

import "time"

// processCPU is not measured here: bench reports wall time only.
func processCPU() time.Duration { return 0 }

// serverCPU is not measured here.
func serverCPU(pid int, name string) (time.Duration, bool) { return 0, false }
