// Package e2etest is what the end-to-end test packages (e2e, e2e/console) share: the puhui
// binary, built once per test process, and loopback ports picked so that the packages, which
// go test runs at the same time, never pick the same one. It is test support: only packages
// under e2e import it (internal/layers holds that).
package e2etest

import (
	"fmt"
	"math/rand/v2"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"sync"
	"testing"

	"github.com/puhui-chain/puhui/node"
)

var (
	buildOnce sync.Once
	binPath   string
	buildErr  error
)

// Binary builds cmd/puhui once per test process (by import path, so from any package's
// directory) into a directory of its own, and returns its path.
func Binary(t testing.TB) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "puhui-e2e-bin-")
		if err != nil {
			buildErr = err
			return
		}
		binPath = filepath.Join(dir, "puhui")
		out, err := exec.Command("go", "build", "-o", binPath, "github.com/puhui-chain/puhui/cmd/puhui").CombinedOutput()
		if err != nil {
			buildErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return binPath
}

// FreePort is a free loopback port as node.FreePorts picks them: from NodeFloor up to the
// kernel's ephemeral range. The e2e package takes its ports there, and so do the nodes it
// starts (`puhui testnet`, `puhui demo` pick with node.FreePorts).
func FreePort(t testing.TB) string {
	t.Helper()
	ports, err := node.FreePorts(1)
	if err != nil {
		t.Fatal(err)
	}
	return ports[0]
}

// NodeFloor is node.FreePorts' lowest port: it never picks below it.
const NodeFloor = 10000

// Band is a range of loopback ports [Low, High) that one test package alone picks from.
type Band struct{ Low, High int }

// ConsoleBand is e2e/console's: below NodeFloor, so that neither the e2e package nor a node
// it starts ever probes it, and below the kernel's ephemeral range, so that no outgoing
// connection (of any process) takes one as its source port. Its other ports are the
// kernel's (":0"), bound at once, which nobody can take either.
var ConsoleBand = Band{Low: 8000, High: NodeFloor}

var (
	givenMu sync.Mutex
	given   = map[int]bool{} // ports this process handed out: never twice
)

// FreePort is a port of the band that is free now and that this process has not handed out
// before. Probes are random (like node.FreePorts') so that two runs of one package rarely
// meet; two packages never do, as their bands do not overlap.
func (b Band) FreePort(t testing.TB) string {
	t.Helper()
	givenMu.Lock()
	defer givenMu.Unlock()
	for tries := 0; tries < 200; tries++ {
		port := b.Low + rand.IntN(b.High-b.Low)
		if given[port] {
			continue
		}
		l, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(port)))
		if err != nil {
			continue // in use
		}
		addr := l.Addr().String()
		l.Close()
		given[port] = true
		return addr
	}
	t.Fatalf("no free loopback port in [%d, %d)", b.Low, b.High)
	return ""
}
