// Command puhui is the Puhui node and its command-line client: init, start, keys, tx, query,
// verify, bench and version.
package main

import (
	"fmt"
	"os"

	_ "time/tzdata" // business dates need IANA zones even on machines without tzdata
)

func main() {
	if err := startPprof(); err != nil {
		fmt.Fprintln(os.Stderr, "Error:", err)
		os.Exit(1)
	}
	if err := newRootCmd().Execute(); err != nil {
		fmt.Fprintln(os.Stderr, "Error:", err)
		os.Exit(1)
	}
}
