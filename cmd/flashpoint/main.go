// Command flashpoint turns news text into political event data.
package main

import (
	"os"

	"github.com/flashpoint/flashpoint/internal/cli"
)

func main() { os.Exit(cli.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) }
