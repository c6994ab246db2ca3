package e2e

import (
	"flag"
	"os"
	"testing"
)

// suiteTimeout replaces go test's default ten minutes for this package when no -timeout is
// given: the package starts dozens of node processes, four-validator networks and a browser,
// and on a 2-core machine it needs more than ten minutes while staying well inside this bound.
// A -timeout on the command line still wins.
const suiteTimeout = "30m"

func TestMain(m *testing.M) {
	flag.Parse()
	given := false
	flag.Visit(func(f *flag.Flag) { given = given || f.Name == "test.timeout" })
	if !given {
		if err := flag.Set("test.timeout", suiteTimeout); err != nil {
			panic(err)
		}
	}
	os.Exit(m.Run())
}
