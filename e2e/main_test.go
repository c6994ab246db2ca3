package e2e

import (
	"flag"
	"os"
	"testing"
)

// readmeParallel is how many of the tests that call t.Parallel run at once when no -parallel
// is given (go test's default is GOMAXPROCS, two on the machines this runs on). Those tests
// are the README's module sections and the testnet block, each against nodes of its own; they
// spend their time waiting for blocks and governance votes, not computing, so running them
// together saves minutes of the package's wall time on a 2-core machine.
const readmeParallel = "6"

func TestMain(m *testing.M) {
	flag.Parse()
	given := false
	flag.Visit(func(f *flag.Flag) { given = given || f.Name == "test.parallel" })
	if !given {
		if err := flag.Set("test.parallel", readmeParallel); err != nil {
			panic(err)
		}
	}
	os.Exit(m.Run())
}
