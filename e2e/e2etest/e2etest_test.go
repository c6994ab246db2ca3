package e2etest

import (
	"net"
	"strconv"
	"testing"
)

func portOf(t *testing.T, addr string) int {
	t.Helper()
	_, p, err := net.SplitHostPort(addr)
	if err != nil {
		t.Fatal(err)
	}
	n, err := strconv.Atoi(p)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// The console's band and the e2e package's ports do not overlap, and a band never hands a
// port out twice in one process.
func TestBandsDoNotMeet(t *testing.T) {
	seen := map[int]bool{}
	for range 200 {
		p := portOf(t, ConsoleBand.FreePort(t))
		if p < ConsoleBand.Low || p >= ConsoleBand.High {
			t.Fatalf("port %d outside the console's band %v", p, ConsoleBand)
		}
		if seen[p] {
			t.Fatalf("port %d handed out twice", p)
		}
		seen[p] = true
	}
	for range 50 {
		if p := portOf(t, FreePort(t)); p < NodeFloor || p < ConsoleBand.High {
			t.Fatalf("the e2e package's port %d is below node.FreePorts' floor or in the console's band", p)
		}
	}
}
